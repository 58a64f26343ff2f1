//! `scan`'s tokenizer on any bytes: never a panic; tokens in order, each
//! within the input and on whole characters; a number's text is its
//! digits (with separators, a sign and no suffix), a name is a constant.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let bytes = text.as_bytes();
    let mut last_end = 0;
    for (value, name, start, end) in errdoc::testing::tokens_of(bytes) {
        assert!(start < end && end <= bytes.len(), "{start}..{end}");
        assert!(start >= last_end, "tokens overlap at {start}");
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        last_end = end;
        let token = &text[start..end];
        match (value, name) {
            (Some(value), None) => {
                let digits: String = token.chars().filter(char::is_ascii_digit).collect();
                assert_eq!(digits.trim_start_matches('0'), value.unsigned_abs().to_string().trim_start_matches('0'), "{token}");
                assert_eq!(token.starts_with('-') && value != 0, value < 0, "{token}");
            }
            (None, Some(name)) => {
                assert_eq!(name, token);
                assert!(name.starts_with(|c: char| c.is_ascii_uppercase()), "{name}");
                assert!(name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'), "{name}");
            }
            other => panic!("{other:?}"),
        }
    }
});
