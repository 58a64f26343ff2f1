//! The two kinds of token `scan` looks for in source code of any of its
//! languages, in one pass over the bytes: whole decimal integer literals
//! and upper-case identifiers (constant names).
//!
//! A literal is a run of digits (`_` between them, as Rust, Java, Python
//! and Go allow; `'`, as C++14 does), not part of an identifier
//! (`E2301000`), not a float (`1.5`, `2e10`, `1e-9`, `7f`) or a version
//! (`1.2.3`; a range's bound `0..2300010` is a literal), not hex, octal or
//! binary (`0x2301000`, `0644`); an integer suffix (`10L`, `2301000u32`)
//! is allowed; a `-` before it that is not a subtraction makes it
//! negative. A digit right after a non-ASCII letter is read as a literal
//! (`错误码2300042` in a comment), though some languages allow such
//! identifiers. An identifier is
//! ASCII (`[A-Za-z_][A-Za-z0-9_]*`); only those that could be a constant's
//! name (upper case, digits and `_`) are given.

use crate::catalog::CodeNumber;

/// A token `scan` looks at, with its byte offsets.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// A decimal integer literal.
    Number {
        /// Its value.
        value: CodeNumber,
        /// Where it starts (its `-`, for a negative one).
        start: usize,
        /// Where it ends (before any suffix).
        end: usize,
    },
    /// An identifier that could be a constant's name.
    Name {
        /// Its text.
        text: &'a str,
        /// Where it starts.
        start: usize,
        /// Where it ends.
        end: usize,
    },
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Calls `found` with every token of `bytes`, in order.
pub(crate) fn each<'a>(bytes: &'a [u8], mut found: impl FnMut(Token<'a>)) {
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if b.is_ascii_alphabetic() || b == b'_' {
            let start = i;
            while i < n && is_ident(bytes[i]) {
                i += 1;
            }
            let word = &bytes[start..i];
            let constant = word.len() > 1
                && word[0].is_ascii_uppercase()
                && word
                    .iter()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'_');
            if constant && let Ok(text) = std::str::from_utf8(word) {
                found(Token::Name {
                    text,
                    start,
                    end: i,
                });
            }
            continue;
        }
        if b.is_ascii_digit() {
            i = number(bytes, i, &mut found);
            continue;
        }
        i += 1;
    }
}

/// The literal starting at `start` (a digit): given to `found` if it is a
/// whole decimal integer; where scanning goes on.
fn number<'a>(bytes: &'a [u8], start: usize, found: &mut impl FnMut(Token<'a>)) -> usize {
    let n = bytes.len();
    let mut i = start;
    // 0x…, 0o…, 0b…, and C's, Go's and Java's octal 0644: not decimal;
    // the whole token is skipped (no code starts with 0).
    if bytes[i] == b'0' && i + 1 < n && (is_ident(bytes[i + 1]) || bytes[i + 1] == b'\'') {
        i += 1;
        while i < n && (is_ident(bytes[i]) || bytes[i] == b'\'') {
            i += 1;
        }
        return i;
    }
    let mut value: Option<CodeNumber> = Some(0);
    while i < n {
        let b = bytes[i];
        // Separators between digits: `2_300_042` (Rust, Java, Python, Go),
        // `2'300'042` (C++14).
        let separator = matches!(b, b'_' | b'\'')
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() {
            let d = CodeNumber::from(b - b'0');
            value = value
                .and_then(|v| v.checked_mul(10))
                .and_then(|v| v.checked_add(d));
        } else if !separator {
            break;
        }
        i += 1;
    }
    let end = i;
    let before = start.checked_sub(1).map(|p| bytes[p]);
    // After `.`: a float's fraction or a version's part (`1.5`, `1.2.3`),
    // but not the bound of a range (`0..2300010`, `600...699`).
    let after_dot = before == Some(b'.') && !(start >= 2 && bytes[start - 2] == b'.');
    // A fraction, an exponent (`2e10`, `1e-9`) or a float suffix (`7f`,
    // `1f32`, `2d`).
    let float = after_dot
        || (i + 1 < n && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit())
        || (i + 1 < n
            && matches!(bytes[i], b'e' | b'E')
            && (bytes[i + 1].is_ascii_digit() || matches!(bytes[i + 1], b'+' | b'-')))
        || (i < n && matches!(bytes[i], b'f' | b'F' | b'd' | b'D'));
    if float {
        while i < n
            && (is_ident(bytes[i])
                || bytes[i] == b'.'
                || (matches!(bytes[i], b'+' | b'-') && matches!(bytes[i - 1], b'e' | b'E')))
        {
            i += 1;
        }
        return i;
    }
    // A suffix (`10L`, `2301000u32`, `5_i64`) is part of the token.
    while i < n && is_ident(bytes[i]) {
        i += 1;
    }
    let Some(mut value) = value else {
        return i;
    };
    // `-1` as a value, not `a - 1` or `x-1`: what comes before the `-`
    // (blanks aside) is not an operand.
    let mut from = start;
    if before == Some(b'-') {
        let operand = operand_before(&bytes[..start - 1]);
        if !operand {
            value = -value;
            from = start - 1;
        }
    }
    found(Token::Number {
        value,
        start: from,
        end,
    });
    i
}

/// Whether `before` ends with an operand (`a`, `x)`, `"s"`), so that a
/// `-` after it subtracts; a keyword (`return -1`, `case -1:`) is none.
fn operand_before(before: &[u8]) -> bool {
    let trimmed = before.trim_ascii_end();
    let Some(&last) = trimmed.last() else {
        return false;
    };
    if matches!(last, b')' | b']' | b'"' | b'\'') {
        return true;
    }
    if !is_ident(last) {
        return false;
    }
    let word_start = trimmed
        .iter()
        .rposition(|c| !is_ident(*c))
        .map_or(0, |p| p + 1);
    let word = &trimmed[word_start..];
    !matches!(
        word,
        b"return"
            | b"case"
            | b"yield"
            | b"throw"
            | b"else"
            | b"in"
            | b"of"
            | b"await"
            | b"and"
            | b"or"
            | b"not"
            | b"is"
            | b"then"
            | b"do"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        each(text.as_bytes(), |t| {
            out.push(match t {
                Token::Number { value, start, end } => {
                    format!("{value}@{}", &text[start..end])
                }
                Token::Name { text, .. } => text.to_string(),
            });
        });
        out
    }

    #[test]
    fn integers_names_and_what_is_neither() {
        assert_eq!(
            tokens("if (err == 2301000 || err == SOCKET_EINTR) return -1;"),
            ["2301000@2301000", "SOCKET_EINTR", "-1@-1"]
        );
        assert_eq!(
            tokens("x = 1.5 + 2e10 + 0x2301000 + E2301000 + v1.2.3 + 7f + 1f32 + 1e-9 + 2.5E+601"),
            ["E2301000"]
        );
        assert_eq!(
            tokens("mode = 0644; a = 2'300'042; c = '2'; for i in 0..2300010 {} 600...699 0"),
            [
                "2300042@2'300'042",
                "2@2",
                "0@0",
                "2300010@2300010",
                "600@600",
                "699@699",
                "0@0"
            ]
        );
        assert_eq!(
            tokens("const A: i64 = 2_301_000i64; let b = a - 1; c(x-2, [-3])"),
            ["2301000@2_301_000", "1@1", "2@2", "-3@-3"]
        );
        assert_eq!(tokens("camelCase snake_case Word ERR_1"), ["ERR_1"]);
        assert_eq!(tokens("99999999999999999999999"), Vec::<String>::new());
        assert_eq!(tokens("错误码 2301000，"), ["2301000@2301000"]);
    }
}
