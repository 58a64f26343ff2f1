//! Fluent source that `l10n sync` writes and reads back: a text as a
//! pattern that parses back to exactly that text, and comments that stay
//! comments. (What entries reference is the locale's to know:
//! [`crate::locales::EntryInfo::referenced_entries`].)
//!
//! A stub's English can be any text (a table entry's message comes from the
//! catalog, not from a Fluent file): a line break followed by `evil = x`
//! written as it is would define a message of its own. So a text is written
//! as the Fluent syntax spec asks: every line indented under the id, and
//! whatever the parser would read as syntax — `{`, `}`, a line starting with
//! `[`, `*` or `.`, leading and trailing blanks, empty lines, control
//! characters — as a string literal (`{"["}`).

use fluent_syntax::ast;

/// The Fluent source of a pattern whose text is exactly `text`, to follow
/// `id =`: ` text` on one line, or a line break and every line indented by
/// four spaces.
pub(crate) fn pattern(text: &str) -> String {
    let lines: Vec<String> = text.split('\n').map(line).collect();
    if let [only] = lines.as_slice() {
        return format!(" {only}");
    }
    let mut out = String::new();
    for l in lines {
        out.push_str("\n    ");
        out.push_str(&l);
    }
    out
}

/// The pattern of `text` as an exchange file carries it: its lines as
/// [`pattern`] writes them, joined by `\n`, without the indentation.
pub(crate) fn unindented(text: &str) -> String {
    text.split('\n').map(line).collect::<Vec<_>>().join("\n")
}

/// One line of a pattern: text as it is, syntax as string literals.
fn line(text: &str) -> String {
    if text.is_empty() {
        // An empty line would be dropped at the start or end of a pattern.
        return "{\"\"}".to_string();
    }
    let blank = |c: char| c == ' ' || c == '\t';
    let lead = text.len() - text.trim_start_matches(blank).len();
    let trail = text.trim_end_matches(blank).len().max(lead);
    let mut out = String::new();
    let mut quoted = String::new();
    for (i, c) in text.char_indices() {
        let quote = i < lead
            || i >= trail
            || (i == lead && matches!(c, '[' | '*' | '.'))
            || matches!(c, '{' | '}')
            || hidden(c);
        if quote {
            match c {
                '"' => quoted.push_str("\\\""),
                '\\' => quoted.push_str("\\\\"),
                c if c.is_control() || hidden(c) => {
                    quoted.push_str(&format!("\\u{:04X}", u32::from(c)));
                }
                c => quoted.push(c),
            }
        } else {
            flush(&mut quoted, &mut out);
            out.push(c);
        }
    }
    flush(&mut quoted, &mut out);
    out
}

/// Writes the pending string literal.
fn flush(quoted: &mut String, out: &mut String) {
    if !quoted.is_empty() {
        out.push_str("{\"");
        out.push_str(quoted);
        out.push_str("\"}");
        quoted.clear();
    }
}

/// Characters written as an escape: control characters (a lone carriage
/// return ends a line for some editors), line and paragraph separators,
/// the byte order mark, and the direction marks and overrides that would
/// make a line look other than it reads.
fn hidden(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// Comment lines showing `text` after `label`: `# label: first line`, then
/// `#   next line`. Every line break of the text (`\n`, `\r\n`, a lone
/// `\r`) starts a new comment line, and control characters are shown as
/// U+FFFD, so nothing of the text leaves the comment.
pub(crate) fn comment(label: &str, text: &str) -> String {
    let mut out = String::new();
    let text = text.replace("\r\n", "\n");
    for (i, l) in text.split(['\n', '\r']).enumerate() {
        let l = crate::console::printable(l);
        let l = l.trim_end();
        let lead = if i == 0 {
            format!("# {label}:")
        } else {
            "#  ".to_string()
        };
        if l.is_empty() {
            out.push_str(lead.trim_end());
        } else {
            out.push_str(&lead);
            out.push(' ');
            out.push_str(l);
        }
        out.push('\n');
    }
    out
}

/// What a Fluent text defines, as the parser reads it.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Parsed {
    /// Message and term ids (terms with their `-`), in file order.
    pub ids: Vec<String>,
    /// How many pieces of junk (text that is no entry) it has.
    pub junk: usize,
}

impl Parsed {
    /// One entry, `id`, and no junk.
    pub(crate) fn one(id: &str) -> Parsed {
        Parsed {
            ids: vec![id.to_string()],
            junk: 0,
        }
    }
}

/// The entries of `text`.
pub(crate) fn parse(text: &str) -> Parsed {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) | Err((r, _)) => r,
    };
    let mut parsed = Parsed::default();
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) => parsed.ids.push(m.id.name.to_string()),
            ast::Entry::Term(t) => parsed.ids.push(format!("-{}", t.id.name)),
            ast::Entry::Junk { .. } => parsed.junk += 1,
            _ => {}
        }
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of `id`'s value in `source`, as errdoc reads a pattern of
    /// text and string literals; `None` if it does not parse to exactly one
    /// message `id` of that kind.
    fn read_back(source: &str, id: &str) -> Option<String> {
        let resource = fluent_syntax::parser::parse(source).ok()?;
        let [ast::Entry::Message(m)] = resource.body.as_slice() else {
            return None;
        };
        if m.id.name != id || !m.attributes.is_empty() {
            return None;
        }
        let mut text = String::new();
        for element in &m.value.as_ref()?.elements {
            match element {
                ast::PatternElement::TextElement { value } => text.push_str(value),
                ast::PatternElement::Placeable {
                    expression:
                        ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
                } => text.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value)),
                ast::PatternElement::Placeable { .. } => return None,
            }
        }
        Some(text)
    }

    fn round_trip(text: &str) {
        let source = format!("x ={}\n", pattern(text));
        assert_eq!(
            read_back(&source, "x").as_deref(),
            Some(text),
            "{text:?} written as\n{source}"
        );
        // What follows still parses as its own entry.
        let two = format!("x ={}\ny = after\n", pattern(text));
        assert_eq!(parse(&two).ids, ["x", "y"], "{two}");
        assert_eq!(parse(&two).junk, 0, "{two}");
        // As an exchange file carries it, indented again, it reads back.
        let lines: Vec<String> = unindented(text)
            .split('\n')
            .map(|l| format!("\n    {l}"))
            .collect();
        let indented = format!("x ={}\n", lines.concat());
        assert_eq!(
            read_back(&indented, "x").as_deref(),
            Some(text),
            "{indented}"
        );
    }

    #[test]
    fn syntax_in_a_text_is_written_as_string_literals() {
        assert_eq!(pattern("Connection refused"), " Connection refused");
        assert_eq!(pattern("a { b } c"), " a {\"{\"} b {\"}\"} c");
        assert_eq!(pattern("  lead"), " {\"  \"}lead");
        assert_eq!(
            pattern("one\n[two]\n  *three\n"),
            "\n    one\n    {\"[\"}two]\n    {\"  *\"}three\n    {\"\"}"
        );
        assert_eq!(pattern("cr\r"), " cr{\"\\u000D\"}");
        assert_eq!(pattern(""), " {\"\"}");
    }

    #[test]
    fn nasty_texts_round_trip() {
        for text in [
            "",
            " ",
            "\n",
            "\n\n",
            "a\nevil = x",
            "a\n-term = y",
            "a\n[key] b",
            "a\n*[other] b",
            "a\n.attr = b",
            "a\n}",
            "{",
            "}",
            "\\u0041 \\ \"",
            "a\r\nb",
            "a\rb",
            "\ta\t",
            "  a  ",
            "# not a comment",
            "a\n# not a comment",
            "a\n\n\nb",
            "a\n   \nb",
            "a\n    b\n  c",
            "\u{0}\u{1b}\u{7f}\u{85}\u{2028}\u{2029}\u{feff}\u{202e}",
            "{\"{\"}",
            "😀 \u{10FFFF}",
        ] {
            round_trip(text);
        }
    }

    #[test]
    fn random_texts_round_trip() {
        const PIECES: &[&str] = &[
            "\n", "\r\n", "\r", "\t", " ", "   ", "[", "]", "*", ".", "{", "}", "\\", "\"", "#",
            "-", "=", "a", "é", "中", "\u{85}", "\u{0}", "evil = x", "-t = y", "*[other]", ".a =",
            "{ $x }", "\\u0041", "\u{2028}",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..5000 {
            let len = (next() % 16) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            round_trip(&text);
        }
    }

    #[test]
    fn comments_stay_comments() {
        let text = "first\nevil = x\r\n-term = y\rlast\u{1b}[31m\n";
        let source = format!("{}x = 1\n", comment("en .description", text));
        assert_eq!(parse(&source).ids, ["x"], "{source}");
        assert_eq!(
            source,
            "# en .description: first\n#   evil = x\n#   -term = y\n#   last\u{fffd}[31m\n#\nx = 1\n"
        );
    }
}
