//! Fluent loading and its checks: entries, positions, parts, syntax-error
//! positions and diagnostics for any text, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for (_, range) in errdoc::testing::entry_ranges(text) {
        assert!(range.start <= range.end && range.end <= text.len());
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
    }
});
