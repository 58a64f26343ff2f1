//! Fluent syntax errors read as the mistakes translators make.
//!
//! `fluent-syntax` reports where it gave up, in its grammar's words
//! (`Expected one of "a-zA-Z"` at the start of an attribute), and drops the
//! rest of the message. A translator needs the character that is wrong and
//! what to type instead: a full-width `＝` from an input method, a
//! translated variable, a placeable left open, a line that starts with
//! syntax or is not indented, a brace meant as text. This module reads the
//! text the parser dropped (its junk) line by line and names the first such
//! mistake; what it does not recognize is left to the parser's words.

use std::ops::Range;

use crate::diagnostic::Kind as Problem;

/// A mistake found in a stretch of Fluent that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Mistake {
    /// A full-width sign where Fluent needs its ASCII twin (`＝` for `=`).
    FullWidth { found: char, ascii: char },
    /// `$` followed by what is not a variable name (`$基数`).
    NotAVariable { written: String },
    /// A placeable not closed before `found` (a character, or the line's end).
    Unclosed { opened: String, found: Option<char> },
    /// A line of text that starts with a character Fluent reads as syntax.
    LineStart { found: char },
    /// A line that continues the text above but starts at the margin.
    NotIndented,
    /// A line indented with full-width spaces (U+3000) only.
    FullWidthIndent,
    /// A `{` that opens no placeable, or a `}` that closes none.
    Brace { found: char },
    /// A message or attribute name that is no identifier: translated
    /// (`错误 = …`, `.描述 = …`) or mistyped.
    NotAName { written: String, attribute: bool },
    /// `id: text` (or `：`) where Fluent needs `id = text`.
    ColonForEquals { found: char },
    /// A line indented with a tab.
    TabIndent,
}

/// One mistake: where it is in the file (byte range) and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub at: Range<usize>,
    pub mistake: Mistake,
}

/// Whether the junk at `start` of `text` (the stretch the parser dropped)
/// opens a message or term of its own (`id = …`, `id ＝ …`; `id: …` where
/// the junk follows no message directly, as text with a colon in it may),
/// and its id.
pub(crate) fn own_id(text: &str, start: usize, alone: bool) -> Option<String> {
    let line = first_line(text, start);
    let (id, rest) = split_identifier(line.strip_prefix('-').unwrap_or(line))?;
    let rest = rest.trim_start_matches(' ');
    (rest.starts_with(['=', '＝']) || (alone && is_colon_sign(rest)))
        .then(|| format!("{}{id}", if line.starts_with('-') { "-" } else { "" }))
}

/// Whether `rest` starts with a colon that separates a name from its text
/// (`: text`, `：text`), not one of an address (`://`).
fn is_colon_sign(rest: &str) -> bool {
    rest.starts_with('：')
        || rest
            .strip_prefix(':')
            .is_some_and(|after| after.is_empty() || after.starts_with([' ', '\r']))
}

/// Where a stretch the parser dropped starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Start {
    /// At a message or term of its own ([`own_id`]).
    Own,
    /// After a message it may belong to: a line at the margin is an
    /// unindented continuation.
    Continues,
    /// At the top of a file.
    Alone,
}

/// The first mistake in the junk `range` of `text`, which starts as
/// `kind` says.
pub(crate) fn find(text: &str, range: Range<usize>, kind: Start) -> Option<Found> {
    let junk = text.get(range.clone())?;
    let mut offset = range.start;
    for (index, line) in junk.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim_matches(' ').is_empty() {
            continue;
        }
        let found = if line.starts_with(' ') {
            indented(line, start)
        } else if index == 0 && kind == Start::Own {
            entry_line(line, start)
        } else if line.starts_with('#') {
            continue;
        } else if kind == Start::Continues || index > 0 {
            Some(margin(line, start))
        } else {
            named_line(line, start, false, true)
        };
        match found {
            Some(Step::Found(f)) => return Some(f),
            // A select expression or a placeable over several lines: too
            // much grammar to read here; the parser's words stand.
            Some(Step::Unsure) => return None,
            None | Some(Step::Fine) => {}
        }
    }
    None
}

/// The diagnostic of `mistake`; `english` gives the variables the English
/// of the text uses (`None` for the English itself), asked only when a
/// variable was mistyped.
pub(crate) fn problem(mistake: &Mistake, english: impl FnOnce() -> Option<Vec<String>>) -> Problem {
    match mistake {
        Mistake::FullWidth { found, ascii } => Problem::FullWidthSign {
            found: *found,
            ascii: *ascii,
            code: format!("U+{:04X}", u32::from(*found)),
        },
        Mistake::NotAVariable { written } => {
            let advice = match english().as_deref() {
                None => "name it in ASCII letters (`$name`)".to_string(),
                Some([]) => {
                    "the English of this text uses no variable: write the text without `{ $… }`"
                        .to_string()
                }
                Some([one]) => {
                    format!("the English of this text uses `${one}`: write it exactly so")
                }
                Some(many) => format!(
                    "the English of this text uses {}: write one of them exactly so",
                    many.iter()
                        .map(|v| format!("`${v}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            Problem::NotAVariable {
                written: written.clone(),
                advice,
            }
        }
        Mistake::Unclosed { opened, found } => Problem::UnclosedPlaceable {
            opened: opened.clone(),
            found: found.map_or_else(|| "the end of the line".to_string(), |c| format!("`{c}`")),
        },
        Mistake::LineStart { found } => Problem::LineStartsWithSyntax {
            found: *found,
            reads: match found {
                '.' => "the start of an attribute (`.name = …`)",
                '*' => "the default variant of a select expression (`*[other]`)",
                '[' => "the key of a variant (`[one]`)",
                _ => "the end of a placeable",
            },
        },
        Mistake::NotIndented => Problem::NotIndented,
        Mistake::NotAName { written, attribute } => Problem::NotAName {
            written: written.clone(),
            what: if *attribute {
                "an attribute"
            } else {
                "a message"
            },
        },
        Mistake::ColonForEquals { found } => Problem::ColonForEquals { found: *found },
        Mistake::TabIndent => Problem::TabIndent,
        Mistake::FullWidthIndent => Problem::FullWidthIndent,
        Mistake::Brace { found } => Problem::BraceInText {
            found: *found,
            what: if *found == '{' {
                "opens a placeable, but no placeable follows"
            } else {
                "closes no placeable"
            },
            escaped: format!("{{\"{found}\"}}"),
        },
    }
}

/// What reading a line gave.
enum Step {
    Fine,
    Found(Found),
    Unsure,
}

fn found(at: Range<usize>, mistake: Mistake) -> Step {
    Step::Found(Found { at, mistake })
}

fn first_line(text: &str, start: usize) -> &str {
    let rest = text.get(start..).unwrap_or("");
    rest.split('\n').next().unwrap_or("")
}

/// A Fluent identifier at the start of `s` (`[a-zA-Z][a-zA-Z0-9_-]*`) and
/// what follows it.
fn split_identifier(s: &str) -> Option<(&str, &str)> {
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(s.len());
    Some(s.split_at(end))
}

/// An attribute's line, `    .name = …` (or with `＝`): its name, and the
/// byte of the line its sign is at.
pub(crate) fn attribute_line(line: &str) -> Option<(&str, usize)> {
    let rest = line.trim_start_matches(' ');
    if rest.len() == line.len() {
        return None;
    }
    let (name, after) = split_identifier(rest.strip_prefix('.')?)?;
    let spaces = after.len() - after.trim_start_matches(' ').len();
    after[spaces..]
        .starts_with(['=', '＝'])
        .then_some((name, line.len() - after.len() + spaces))
}

/// `id = text` or `id ＝ text`.
fn entry_line(line: &str, start: usize) -> Option<Step> {
    let after_id = line.find([' ', '=', '＝', ':', '：']).unwrap_or(line.len());
    let rest = line.get(after_id..)?;
    let sign = after_id + (rest.len() - rest.trim_start_matches(' ').len());
    Some(sign_then_text(line, start, sign))
}

/// The `=` at `sign` of `line` (or a full-width one), then the text.
fn sign_then_text(line: &str, start: usize, sign: usize) -> Step {
    match line.get(sign..).and_then(|s| s.chars().next()) {
        Some('=') => text(line, start, sign + 1),
        Some('＝') => found(
            start + sign..start + sign + '＝'.len_utf8(),
            Mistake::FullWidth {
                found: '＝',
                ascii: '=',
            },
        ),
        Some(c @ (':' | '：')) => found(
            start + sign..start + sign + c.len_utf8(),
            Mistake::ColonForEquals { found: c },
        ),
        _ => Step::Unsure,
    }
}

/// A line at the margin inside a message: an entry whose name or sign is
/// wrong, a line indented by other than spaces, or an unindented
/// continuation.
fn margin(line: &str, start: usize) -> Step {
    if let Some(step) = named_line(line, start, false, false) {
        return step;
    }
    let blanks = line.len() - line.trim_start_matches('\u{3000}').len();
    if blanks > 0 {
        return found(start..start + blanks, Mistake::FullWidthIndent);
    }
    let tabs = line.len() - line.trim_start_matches('\t').len();
    if tabs > 0 {
        return found(start..start + tabs, Mistake::TabIndent);
    }
    let first = line.chars().next().map_or(1, char::len_utf8);
    found(start..start + first, Mistake::NotIndented)
}

/// `name = text` (or `.name = text` when an `attribute`) whose name is no
/// identifier, or `name: text`: the mistake, if the line is such.
fn named_line(line: &str, start: usize, attribute: bool, colon: bool) -> Option<Step> {
    let signs: &[char] = if colon {
        &['=', '＝', ':', '：']
    } else {
        &['=', '＝']
    };
    let sign = line.find(signs)?;
    if matches!(line[sign..].chars().next(), Some(':')) && !is_colon_sign(&line[sign..]) {
        return None;
    }
    let name = line[..sign].trim_end_matches([' ', '\u{3000}']);
    let bare = if attribute {
        name.strip_prefix('.')?
    } else {
        name
    };
    // A name is one word; a sentence with a colon in it is text.
    if bare.is_empty() || bare.contains([' ', '\u{3000}', '{', '}', '$', '"']) {
        return None;
    }
    let sign_char = line[sign..].chars().next()?;
    let is_name = split_identifier(bare).is_some_and(|(_, rest)| rest.is_empty());
    if !is_name {
        let from = start + (name.len() - bare.len());
        return Some(found(
            from..from + bare.len(),
            Mistake::NotAName {
                written: bare.to_string(),
                attribute,
            },
        ));
    }
    matches!(sign_char, ':' | '：').then(|| {
        found(
            start + sign..start + sign + sign_char.len_utf8(),
            Mistake::ColonForEquals { found: sign_char },
        )
    })
}

/// An indented line: an attribute (`.name = …`) or a line of text.
fn indented(line: &str, start: usize) -> Option<Step> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = line.get(indent..)?;
    let first = rest.chars().next()?;
    let at = start + indent;
    if let Some((_, sign)) = attribute_line(line) {
        return Some(sign_then_text(line, start, sign));
    }
    if first == '.'
        && let Some(step) = named_line(rest, at, true, false)
    {
        return Some(step);
    }
    if matches!(first, '.' | '*' | '[' | '}') {
        return Some(found(at..at + 1, Mistake::LineStart { found: first }));
    }
    Some(text(line, start, indent))
}

/// The text of `line` from byte `from`: its placeables and braces.
fn text(line: &str, start: usize, from: usize) -> Step {
    let bytes = line.as_bytes();
    let mut i = from;
    while i < line.len() {
        match bytes[i] {
            b'{' => match placeable(line, i) {
                Ok(end) => i = end,
                Err(step) => return step.at(start),
            },
            b'}' => {
                // A full-width `｛` before it opened what this closes.
                let opened = line.get(from..i).and_then(|t| t.rfind('｛'));
                return match opened {
                    Some(o) => found(
                        start + from + o..start + from + o + '｛'.len_utf8(),
                        Mistake::FullWidth {
                            found: '｛',
                            ascii: '{',
                        },
                    ),
                    None => found(start + i..start + i + 1, Mistake::Brace { found: '}' }),
                };
            }
            _ => i += 1,
        }
    }
    Step::Fine
}

/// A mistake found in a line, at offsets of the line (moved to the file's
/// by [`Local::at`]).
enum Local {
    Found(Range<usize>, Mistake),
    Unsure,
}

impl Local {
    fn at(self, start: usize) -> Step {
        match self {
            Local::Found(r, m) => found(start + r.start..start + r.end, m),
            Local::Unsure => Step::Unsure,
        }
    }
}

/// The placeable opening at byte `open` of `line`: where it ends, or the
/// mistake in it.
fn placeable(line: &str, open: usize) -> Result<usize, Local> {
    let skip = |at: usize| {
        let rest = line.get(at..).unwrap_or("");
        at + rest.len() - rest.trim_start_matches(' ').len()
    };
    let head = skip(open + 1);
    let rest = line.get(head..).unwrap_or("");
    let Some(first) = rest.chars().next() else {
        // `{` at the end of the line: a placeable may go on below.
        return Err(Local::Unsure);
    };
    let end = match first {
        '$' => match split_identifier(&rest[1..]) {
            Some((name, _)) => head + 1 + name.len(),
            None => {
                let written: String = rest
                    .chars()
                    .take_while(|c| !matches!(c, ' ' | '}' | '｝'))
                    .take(40)
                    .collect();
                return Err(Local::Found(
                    head..head + written.len(),
                    Mistake::NotAVariable { written },
                ));
            }
        },
        '＄' | '｝' => {
            let ascii = if first == '＄' { '$' } else { '}' };
            return Err(Local::Found(
                head..head + first.len_utf8(),
                Mistake::FullWidth {
                    found: first,
                    ascii,
                },
            ));
        }
        '"' => string_end(line, head).ok_or(Local::Unsure)?,
        '0'..='9' => head + number_len(rest),
        '-' if rest[1..].starts_with(|c: char| c.is_ascii_digit()) => {
            head + 1 + number_len(&rest[1..])
        }
        '-' | 'a'..='z' | 'A'..='Z' => reference_end(line, head).ok_or(Local::Unsure)?,
        '{' => return Err(Local::Unsure),
        _ => {
            return Err(Local::Found(open..open + 1, Mistake::Brace { found: '{' }));
        }
    };
    let close = skip(end);
    match line.get(close..).and_then(|s| s.chars().next()) {
        Some('}') => Ok(close + 1),
        Some('｝') => Err(Local::Found(
            close..close + '｝'.len_utf8(),
            Mistake::FullWidth {
                found: '｝',
                ascii: '}',
            },
        )),
        Some('-') if line[close..].starts_with("->") => Err(Local::Unsure),
        // A string literal then more: `{"a": 1}` is JSON, not a placeable.
        Some(_) if first == '"' => Err(Local::Found(open..open + 1, Mistake::Brace { found: '{' })),
        Some(c) => Err(Local::Found(
            close..close + c.len_utf8(),
            Mistake::Unclosed {
                opened: line[open..end].to_string(),
                found: Some(c),
            },
        )),
        None => Err(Local::Found(
            close..close,
            Mistake::Unclosed {
                opened: line[open..end].to_string(),
                found: None,
            },
        )),
    }
}

/// Where the string literal opening at `quote` ends (after its `"`).
fn string_end(line: &str, quote: usize) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in line.get(quote + 1..)?.char_indices() {
        match (escaped, c) {
            (false, '\\') => escaped = true,
            (false, '"') => return Some(quote + 1 + i + 1),
            _ => escaped = false,
        }
    }
    None
}

fn number_len(s: &str) -> usize {
    s.find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len())
}

/// Where a message or term reference, or a function call, at `at` ends.
fn reference_end(line: &str, at: usize) -> Option<usize> {
    let term = line.get(at..)?.starts_with('-');
    let start = at + usize::from(term);
    let (id, mut rest) = split_identifier(line.get(start..)?)?;
    let mut end = start + id.len();
    if let Some(after) = rest.strip_prefix('.')
        && let Some((attr, tail)) = split_identifier(after)
    {
        end += 1 + attr.len();
        rest = tail;
    }
    if rest.starts_with('(') {
        // Arguments: up to the closing parenthesis, strings skipped.
        let mut i = end + 1;
        while i < line.len() {
            match line.as_bytes()[i] {
                b'"' => i = string_end(line, i)?,
                b')' => return Some(i + 1),
                _ => i += 1,
            }
        }
        return None;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mistake in the junk that starts at `junk` of `text` and goes on
    /// to its end, and the text it points at.
    fn read(text: &str, junk: &str, continues: bool) -> Option<(String, Mistake)> {
        let start = text.find(junk).unwrap();
        let kind = if own_id(text, start, !continues).is_some() {
            Start::Own
        } else if continues {
            Start::Continues
        } else {
            Start::Alone
        };
        let f = find(text, start..text.len(), kind)?;
        Some((text[f.at.clone()].to_string(), f.mistake))
    }

    #[test]
    fn full_width_signs() {
        let t = "a ＝ x\n";
        assert_eq!(
            read(t, t, false),
            Some((
                "＝".into(),
                Mistake::FullWidth {
                    found: '＝',
                    ascii: '='
                }
            ))
        );
        let t = "a = x\n    .description ＝ y\n";
        assert_eq!(
            read(t, "    .desc", true).unwrap().1,
            Mistake::FullWidth {
                found: '＝',
                ascii: '='
            }
        );
        let t = "a = x\n    .d = 用 ｛ $x } 表示\n";
        assert_eq!(read(t, "    .d", true).unwrap().0, "｛");
        let t = "a = x\n    .d = 用 { ＄x } 表示\n";
        assert_eq!(read(t, "    .d", true).unwrap().0, "＄");
        let t = "a = x\n    .d = 用 { $x ｝ 表示\n";
        assert_eq!(read(t, "    .d", true).unwrap().0, "｝");
    }

    #[test]
    fn variables_and_placeables() {
        let t = "a = x\n    .rule = 值{ $基数 } + x\n";
        assert_eq!(
            read(t, "    .rule", true),
            Some((
                "$基数".into(),
                Mistake::NotAVariable {
                    written: "$基数".into()
                }
            ))
        );
        let t = "a = x\n    .d = 值{ $value ）：{ $message }。\n";
        assert_eq!(
            read(t, "    .d", true),
            Some((
                "）".into(),
                Mistake::Unclosed {
                    opened: "{ $value".into(),
                    found: Some('）')
                }
            ))
        );
        let t = "a = x\n    .d = 查找{ $name\n";
        assert_eq!(
            read(t, "    .d", true).unwrap().1,
            Mistake::Unclosed {
                opened: "{ $name".into(),
                found: None
            }
        );
        let t = "a = x\n    .d = 用 {} 表示\n";
        assert_eq!(read(t, "    .d", true).unwrap().0, "{");
        let t = "a = x\n    .d = 用 {\"a\": 1} 表示\n";
        assert_eq!(
            read(t, "    .d", true).unwrap().1,
            Mistake::Brace { found: '{' }
        );
        let t = "a = x\n    .d = 用 a} 表示\n";
        assert_eq!(read(t, "    .d", true).unwrap().0, "}");
        // What parses is no mistake, whatever it holds.
        let t = "a = x\n    .d = { -brand.short } { NUMBER($n, style: \"x\") } {\"{\"} { 5 }\n";
        assert_eq!(read(t, "    .d", true), None);
        // A select expression is left to the parser.
        let t = "a = x\n    .d = { $n ->\n       *[other] x\n    }\n";
        assert_eq!(read(t, "    .d", true), None);
    }

    #[test]
    fn lines() {
        let t = "a = x\n    .d = 原因：\n    * 第一\n";
        assert_eq!(
            read(t, "    * ", true),
            Some(("*".into(), Mistake::LineStart { found: '*' }))
        );
        let t = "a = x\n    .d = 原因：\n    [链接](https://x)\n";
        assert_eq!(read(t, "    [", true).unwrap().0, "[");
        let t = "a = x\n    .d = 原因：\n    .5 秒\n";
        assert_eq!(read(t, "    .5", true).unwrap().0, ".");
        let t = "a = x\n    .d = 原因：\n第二行\n    .c = y\n";
        assert_eq!(
            read(t, "第二行", true),
            Some(("第".into(), Mistake::NotIndented))
        );
        let t = "a = x\n    .d = 原因：\nTCP line\n";
        assert_eq!(read(t, "TCP", true).unwrap().1, Mistake::NotIndented);
        // A line of text with a colon, going on with a message, is text
        // not indented, not a name with the wrong sign.
        for line in [
            "Note: retry later.",
            "原因：系统调用中断",
            "https://example.com/x",
        ] {
            let t = format!("a = x\n    .d = y\n{line}\n");
            assert_eq!(
                read(&t, line, true).unwrap().1,
                Mistake::NotIndented,
                "{line}"
            );
        }
        let t = "a = x\n    .d = y\n    .NET: a platform\n";
        assert_eq!(
            read(t, "    .NET", true).unwrap().1,
            Mistake::LineStart { found: '.' }
        );
        // After a blank line, `id: text` is an entry with the wrong sign.
        let t = "a = x\n\ncode-1: 文本\n";
        assert_eq!(
            read(t, "code-1", false),
            Some((":".into(), Mistake::ColonForEquals { found: ':' }))
        );
        let t = "a = x\n    .d = 原因：\n\u{3000}\u{3000}第二行\n";
        assert_eq!(
            read(t, "\u{3000}", true),
            Some(("\u{3000}\u{3000}".into(), Mistake::FullWidthIndent))
        );
        // At the top of a file, a line of text belongs to no message.
        let t = "第二行\n";
        assert_eq!(read(t, t, false), None);
    }

    #[test]
    fn junk_with_an_id_of_its_own() {
        assert_eq!(own_id("b ＝ x\n", 0, false).as_deref(), Some("b"));
        assert_eq!(own_id("-brand = x\n", 0, false).as_deref(), Some("-brand"));
        assert_eq!(own_id("TCP line\n", 0, false), None);
        assert_eq!(own_id("    .d = x\n", 0, false), None);
        assert_eq!(own_id("code-1: x\n", 0, true).as_deref(), Some("code-1"));
        // Text with a colon, going on with a message, is no entry.
        assert_eq!(own_id("Note: retry\n", 0, false), None);
        assert_eq!(own_id("https://example.com\n", 0, true), None);
    }
}
