//! gettext PO: one entry per string, the key as `msgctxt`, the English as
//! `msgid`, the translation as `msgstr`; a string to review is `fuzzy`,
//! with the English it was translated from as `#| msgid`.

use super::write::Returned;
use super::{Entry, Need};

/// `entries` of locale `tag` (translated from `source_tag`) as a PO file.
pub(crate) fn write(entries: &[Entry], source_tag: &str, tag: &str) -> String {
    let mut out = String::new();
    out.push_str("# Translations of an errdoc project, exported by `errdoc l10n export`.\n");
    out.push_str("# Import them back with `errdoc l10n import FILE`.\n");
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    out.push_str("\"Project-Id-Version: errdoc\\n\"\n");
    out.push_str("\"MIME-Version: 1.0\\n\"\n");
    out.push_str("\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
    out.push_str("\"Content-Transfer-Encoding: 8bit\\n\"\n");
    out.push_str(&format!("\"Language: {}\\n\"\n", tag.replace('-', "_")));
    out.push_str(&format!("\"X-Source-Language: {source_tag}\\n\"\n"));
    // Empty, not dated: an export of the same strings is the same file.
    out.push_str("\"PO-Revision-Date: \\n\"\n");
    out.push_str("\"Last-Translator: \\n\"\n");
    out.push_str("\"Language-Team: \\n\"\n");
    out.push_str("\"Plural-Forms: nplurals=1; plural=0;\\n\"\n");
    for e in entries {
        out.push('\n');
        if !e.location.is_empty() {
            out.push_str(&format!("#: {}\n", e.location.replace(' ', "\u{a0}")));
        }
        if e.need == Need::Review {
            out.push_str("#, fuzzy\n");
            if let Some(previous) = &e.previous {
                out.push_str(&format!("#| msgctxt {}\n", quoted(&e.key)));
                out.push_str(&lines("#| msgid", previous));
            }
        }
        out.push_str(&format!("msgctxt {}\n", quoted(&e.key)));
        out.push_str(&lines("msgid", &e.source));
        out.push_str(&lines("msgstr", e.target.as_deref().unwrap_or("")));
    }
    out
}

/// `keyword "text"`, or for a text of several lines `keyword ""` and one
/// quoted line each (as msgmerge writes them).
fn lines(keyword: &str, text: &str) -> String {
    let prefix = if keyword.starts_with("#|") { "#| " } else { "" };
    if !text.contains('\n') {
        return format!("{keyword} {}\n", quoted(text));
    }
    let mut out = format!("{keyword} \"\"\n");
    for piece in text.split_inclusive('\n') {
        out.push_str(&format!("{prefix}{}\n", quoted(piece)));
    }
    out
}

/// A PO string literal: C's escapes; an ASCII control character in octal,
/// any other hidden character (a C1 control, a direction mark) as it is —
/// an octal escape is a byte, which would break its UTF-8.
fn quoted(text: &str) -> String {
    crate::export::quoted(text, |out, c| {
        if c.is_ascii() {
            out.push_str(&format!("\\{:03o}", u32::from(c)));
        } else {
            out.push(c);
        }
    })
}

/// A PO file read: its language (`Language:` of the header, as a tag)
/// and its translations.
#[derive(Debug, Default)]
pub(crate) struct Read {
    pub language: Option<String>,
    pub returned: Vec<Returned>,
    /// Entries with no `msgctxt`, which errdoc cannot place.
    pub without_context: usize,
}

/// Reads a PO file; `Err` names the line that does not parse.
pub(crate) fn read(text: &str) -> Result<Read, String> {
    let mut read = Read::default();
    let mut current = Partial::default();
    let mut field: Option<&'static str> = None;
    // A byte order mark, as some editors save.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim();
        if line.is_empty() {
            current.finish(&mut read);
            field = None;
            continue;
        }
        // A comment after a `msgstr` starts the next entry, even with no
        // blank line between: its flags are the next entry's.
        if line.starts_with('#') && current.string.is_some() {
            current.finish(&mut read);
            field = None;
        }
        if let Some(flags) = line.strip_prefix("#,") {
            current.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let (keyword, rest) = match line.split_once(char::is_whitespace) {
            Some((k, r)) if !line.starts_with('"') => (Some(k), r.trim()),
            _ => (None, line),
        };
        let text = unquote(rest).ok_or_else(|| format!("line {number}: not a quoted string"))?;
        match keyword {
            Some("msgctxt") => {
                // An entry not ended by a blank line or a comment ends
                // here.
                if current.id.is_some() {
                    current.finish(&mut read);
                }
                current.line = number;
                current.context = Some(text);
                field = Some("msgctxt");
            }
            Some("msgid") => {
                if current.id.is_some() {
                    current.finish(&mut read);
                }
                if current.line == 0 {
                    current.line = number;
                }
                current.id = Some(text);
                field = Some("msgid");
            }
            Some("msgstr") => {
                current.string = Some(text);
                field = Some("msgstr");
            }
            Some(other) => return Err(format!("line {number}: `{other}` is not a PO keyword")),
            None => {
                let target = match field {
                    Some("msgctxt") => current.context.as_mut(),
                    Some("msgid") => current.id.as_mut(),
                    Some("msgstr") => current.string.as_mut(),
                    _ => None,
                };
                target
                    .ok_or_else(|| format!("line {number}: a string that continues nothing"))?
                    .push_str(&text);
            }
        }
    }
    current.finish(&mut read);
    Ok(read)
}

/// An entry being read.
#[derive(Debug, Default)]
struct Partial {
    line: usize,
    fuzzy: bool,
    context: Option<String>,
    id: Option<String>,
    string: Option<String>,
}

impl Partial {
    fn finish(&mut self, read: &mut Read) {
        let done = std::mem::take(self);
        let (Some(id), Some(string)) = (done.id, done.string) else {
            return;
        };
        match done.context {
            None if id.is_empty() => {
                read.language = string
                    .lines()
                    .find_map(|l| l.strip_prefix("Language:"))
                    .map(|l| l.trim().replace('_', "-"));
            }
            None => read.without_context += 1,
            Some(key) => read.returned.push(Returned {
                key,
                source: id,
                done: !done.fuzzy && !string.is_empty(),
                target: string,
                line: done.line,
            }),
        }
    }
}

/// The text of a PO string literal.
fn unquote(s: &str) -> Option<String> {
    let inner = s.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            '"' => out.push('"'),
            '\\' => out.push('\\'),
            d @ '0'..='7' => {
                let mut n = d.to_digit(8)?;
                for _ in 0..2 {
                    match chars.clone().next().and_then(|c| c.to_digit(8)) {
                        Some(v) => {
                            n = n * 8 + v;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(n)?);
            }
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn done(read: &Read) -> Vec<(&str, bool)> {
        read.returned
            .iter()
            .map(|r| (r.key.as_str(), r.done))
            .collect()
    }

    #[test]
    fn a_flag_belongs_to_the_entry_after_it_blank_line_or_not() {
        let po = "msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"甲\"\n#, fuzzy\nmsgctxt \"b\"\nmsgid \"B\"\nmsgstr \"乙?\"\n";
        let read = read(po).unwrap();
        assert_eq!(done(&read), [("a", true), ("b", false)]);
    }

    #[test]
    fn a_byte_order_mark_and_entries_without_context() {
        let po = "\u{feff}msgid \"\"\nmsgstr \"Language: ja\\n\"\n\nmsgid \"A\"\nmsgstr \"甲\"\n\nmsgctxt \"b\"\nmsgid \"B\"\nmsgstr \"乙\"\n";
        let read = read(po).unwrap();
        assert_eq!(read.language.as_deref(), Some("ja"));
        assert_eq!(read.without_context, 1);
        assert_eq!(done(&read), [("b", true)]);
    }
}
