//! Markdown import: any page reads without a panic, and a page compared
//! with itself round-trips exactly.
#![no_main]

use errdoc::import::{parse, round_trip};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let page = parse::page(text);
    let (exact, total, _) = round_trip(&page.sections, &page);
    assert_eq!(exact, total);
});
