//! The string literals of `errdoc export`, read back as each compiler reads
//! them: for any text, the literal [`literal_c`], [`literal_rust`] and
//! [`literal_ts`] write, decoded by the small decoders below (written from
//! each language's rules, not from errdoc's escaper), is exactly the text —
//! for C its UTF-8 bytes.
//!
//! - C: translation phase 1 replaces trigraphs (`-trigraphs`, ISO C before
//!   C23, C++14) and phase 2 splices lines, before the literal is read;
//!   then the simple escapes, octal escapes of one to three digits, `\x`
//!   escapes that take every hex digit after them, and `\u`/`\U`.
//! - Rust: `\n \r \t \\ \0 \' \"`, `\x` up to 7F, `\u{…}`, a `\` before a
//!   line break skipping the whitespace after it; a bare CR and the bidi
//!   controls rustc refuses (`text_direction_codepoint_in_literal`) fail.
//! - JavaScript: the single-character escapes, `\0` not before a digit,
//!   `\xHH`, `\uHHHH`, `\u{…}`, line continuations, any other character
//!   escaping itself; octal escapes (refused in strict code) and raw line
//!   breaks fail.
//!
//! Besides: each literal is one line, the C one is ASCII with no `??`, and
//! the Rust and TypeScript ones hold no control, line separator, bidi or
//! zero-width character as it is.
#![no_main]

use errdoc::testing::{literal_c, literal_rust, literal_ts};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check_c(&text);
    check_rust(&text);
    check_ts(&text);
});

fn check_c(text: &str) {
    let literal = literal_c(text);
    assert!(literal.is_ascii() && !literal.contains("??"), "{literal}");
    assert!(!literal.contains('\n'), "{literal}");
    let read =
        c_string(&c_phases_1_and_2(&literal)).unwrap_or_else(|e| panic!("C: {e} in {literal}"));
    assert_eq!(read, text.as_bytes(), "C reads {literal} otherwise");
}

fn check_rust(text: &str) {
    let literal = literal_rust(text);
    assert!(!literal.chars().any(hidden), "{literal:?}");
    let read = rust_string(&literal).unwrap_or_else(|e| panic!("Rust: {e} in {literal:?}"));
    assert_eq!(read, text, "Rust reads {literal:?} otherwise");
}

fn check_ts(text: &str) {
    let literal = literal_ts(text);
    assert!(!literal.chars().any(hidden), "{literal:?}");
    let read = js_string(&literal).unwrap_or_else(|e| panic!("JS: {e} in {literal:?}"));
    let want: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(read, want, "JavaScript reads {literal:?} otherwise");
}

/// What no literal should hold as it is: controls, line and paragraph
/// separators, bidi controls, zero-width characters, the BOM.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// C's translation phases 1 (trigraphs, left to right) and 2 (a `\`
/// before a line break joins the lines).
fn c_phases_1_and_2(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let trigraph = (chars[i] == '?' && chars.get(i + 1) == Some(&'?'))
            .then(|| chars.get(i + 2).and_then(|c| trigraph(*c)))
            .flatten();
        match trigraph {
            Some(c) => {
                out.push(c);
                i += 3;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out.replace("\\\n", "")
}

/// The character `??c` stands for.
fn trigraph(c: char) -> Option<char> {
    Some(match c {
        '=' => '#',
        '(' => '[',
        '/' => '\\',
        ')' => ']',
        '\'' => '^',
        '<' => '{',
        '!' => '|',
        '>' => '}',
        '-' => '~',
        _ => return None,
    })
}

/// The bytes of a C string literal (the whole token, quotes included).
fn c_string(token: &str) -> Result<Vec<u8>, String> {
    let mut chars = token.chars().peekable();
    if chars.next() != Some('"') {
        return Err("no opening quote".into());
    }
    let mut out = Vec::new();
    loop {
        match chars.next() {
            None => return Err("no closing quote".into()),
            Some('"') => break,
            Some('\n') => return Err("a line break".into()),
            Some('\\') => {
                let escape = chars.next().ok_or("a `\\` at the end")?;
                let simple = match escape {
                    '\'' | '"' | '?' | '\\' => Some(escape as u8),
                    'a' => Some(7),
                    'b' => Some(8),
                    'f' => Some(12),
                    'n' => Some(10),
                    'r' => Some(13),
                    't' => Some(9),
                    'v' => Some(11),
                    _ => None,
                };
                if let Some(byte) = simple {
                    out.push(byte);
                } else if let Some(first) = escape.to_digit(8) {
                    let mut value = first;
                    for _ in 0..2 {
                        match chars.peek().and_then(|c| c.to_digit(8)) {
                            Some(d) => {
                                value = value * 8 + d;
                                chars.next();
                            }
                            None => break,
                        }
                    }
                    out.push(u8::try_from(value).map_err(|_| "octal escape out of range")?);
                } else if escape == 'x' {
                    let mut value: u32 = 0;
                    let mut digits = 0;
                    while let Some(d) = chars.peek().and_then(|c| c.to_digit(16)) {
                        value = value.saturating_mul(16).saturating_add(d);
                        digits += 1;
                        chars.next();
                    }
                    if digits == 0 {
                        return Err("`\\x` without digits".into());
                    }
                    out.push(u8::try_from(value).map_err(|_| "hex escape out of range")?);
                } else if escape == 'u' || escape == 'U' {
                    let len = if escape == 'u' { 4 } else { 8 };
                    let c = char::from_u32(hex_digits(&mut chars, len)?).ok_or("no character")?;
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                } else {
                    return Err(format!("unknown escape `\\{escape}`"));
                }
            }
            Some(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    if chars.next().is_some() {
        return Err("text after the closing quote".into());
    }
    Ok(out)
}

/// Exactly `len` hex digits.
fn hex_digits(chars: &mut impl Iterator<Item = char>, len: usize) -> Result<u32, String> {
    let mut value = 0;
    for _ in 0..len {
        let d = chars
            .next()
            .and_then(|c| c.to_digit(16))
            .ok_or("too few hex digits")?;
        value = value * 16 + d;
    }
    Ok(value)
}

/// The hex digits of `{…}` (after `\u`): one to six.
fn braced_hex(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Result<u32, String> {
    if chars.next() != Some('{') {
        return Err("no `{`".into());
    }
    let mut value: u32 = 0;
    let mut digits = 0;
    loop {
        match chars.next() {
            Some('}') if digits > 0 => return Ok(value),
            Some(c) if c.is_ascii_hexdigit() && digits < 6 => {
                value = value * 16 + c.to_digit(16).unwrap_or(0);
                digits += 1;
            }
            _ => return Err("bad `\\u{…}`".into()),
        }
    }
}

/// The text of a Rust string literal (quotes included).
fn rust_string(token: &str) -> Result<String, String> {
    let mut chars = token.chars().peekable();
    if chars.next() != Some('"') {
        return Err("no opening quote".into());
    }
    let mut out = String::new();
    loop {
        match chars.next() {
            None => return Err("no closing quote".into()),
            Some('"') => break,
            Some('\r') => return Err("a bare CR".into()),
            Some(c @ ('\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')) => {
                return Err(format!("U+{:04X}, which rustc refuses", u32::from(c)));
            }
            Some('\\') => match chars.next().ok_or("a `\\` at the end")? {
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                '\\' => out.push('\\'),
                '0' => out.push('\0'),
                '\'' => out.push('\''),
                '"' => out.push('"'),
                'x' => {
                    let value = hex_digits(&mut chars, 2)?;
                    if value > 0x7f {
                        return Err("`\\x` past 7F".into());
                    }
                    out.push(char::from_u32(value).ok_or("no character")?);
                }
                'u' => out.push(char::from_u32(braced_hex(&mut chars)?).ok_or("no character")?),
                '\n' => {
                    while chars
                        .next_if(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
                        .is_some()
                    {}
                }
                other => return Err(format!("unknown escape `\\{other}`")),
            },
            Some(c) => out.push(c),
        }
    }
    if chars.next().is_some() {
        return Err("text after the closing quote".into());
    }
    Ok(out)
}

fn push_utf16(out: &mut Vec<u16>, c: char) {
    out.extend_from_slice(c.encode_utf16(&mut [0; 2]));
}

/// The UTF-16 code units of a JavaScript string literal (quotes included),
/// as strict-mode code (modules, TypeScript) reads it.
fn js_string(token: &str) -> Result<Vec<u16>, String> {
    let mut chars = token.chars().peekable();
    if chars.next() != Some('"') {
        return Err("no opening quote".into());
    }
    let mut out = Vec::new();
    loop {
        match chars.next() {
            None => return Err("no closing quote".into()),
            Some('"') => break,
            Some('\n' | '\r') => return Err("a line break".into()),
            Some('\\') => match chars.next().ok_or("a `\\` at the end")? {
                'b' => out.push(8),
                'f' => out.push(12),
                'n' => out.push(10),
                'r' => out.push(13),
                't' => out.push(9),
                'v' => out.push(11),
                '0' if !chars.peek().is_some_and(char::is_ascii_digit) => out.push(0),
                '0'..='9' => return Err("an octal escape (refused in strict code)".into()),
                'x' => out.push(hex_digits(&mut chars, 2)? as u16),
                'u' if chars.peek() == Some(&'{') => {
                    let value = braced_hex(&mut chars)?;
                    push_utf16(&mut out, char::from_u32(value).ok_or("past U+10FFFF")?);
                }
                'u' => out.push(hex_digits(&mut chars, 4)? as u16),
                '\r' => {
                    chars.next_if_eq(&'\n');
                }
                '\n' | '\u{2028}' | '\u{2029}' => {}
                other => push_utf16(&mut out, other),
            },
            Some(c) => push_utf16(&mut out, c),
        }
    }
    if chars.next().is_some() {
        return Err("text after the closing quote".into());
    }
    Ok(out)
}
