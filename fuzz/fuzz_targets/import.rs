//! Markdown import: any page reads without a panic, a page compared with
//! itself round-trips exactly, and its layout file reads back as the
//! layout it was written from, with no error.
#![no_main]

use errdoc::testing::Diagnostics;
use errdoc::testing::{layout_of, parse, round_trip};
use errdoc::testing::Layout;
use errdoc::testing::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let page = parse::page(text);
    let (exact, total, _) = round_trip(&page.sections, &page);
    assert_eq!(exact, total);
    let layout = layout_of(text);
    let mut diags = Diagnostics::new();
    let read = Layout::parse(&SourceFile::new("layouts/en/p.md", layout.to_text()), &mut diags);
    assert_eq!(diags.error_count(), 0);
    assert_eq!(read, layout);
});
