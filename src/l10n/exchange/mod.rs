//! Hand-off to translation platforms: a locale's strings as exchange
//! entries (the English source, the translation, a state), written as
//! gettext PO or XLIFF 2.0 and read back into the `.ftl` files.
//!
//! Texts travel as Fluent patterns, as written in the files (`{ $name }`
//! stays a placeable): what a platform returns is written back verbatim,
//! after a check that it parses and keeps the English variables.

pub(crate) mod po;
mod write;
pub(crate) mod xliff;

use std::ops::Range;

use super::{State, Unit};
use crate::l10n::lock::SourcesLock;
use crate::locales::Locale;

pub(crate) use write::{Returned, apply};

/// What a platform should do with a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    /// Not translated yet (a stub too): no target.
    Translation,
    /// Translated, but the English changed since, or the same as the
    /// English: the target is there to review.
    Review,
    /// Translated.
    Nothing,
}

/// One string, for a platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// `id` or `id.attribute`: the key (PO's `msgctxt`, XLIFF's unit id).
    pub key: String,
    /// The English, as a Fluent pattern (a table entry's: its catalog
    /// message).
    pub source: String,
    /// The translation, as a Fluent pattern, if there is one (no stub).
    pub target: Option<String>,
    pub need: Need,
    /// The English the translation was made from, when it changed since.
    pub previous: Option<String>,
    /// Where the English is (`locales/en/socket.ftl:12`).
    pub location: String,
}

/// Every string of `locale` to hand off, in the order of `units`.
pub(crate) fn entries(
    units: &[Unit],
    source: &Locale,
    locale: &Locale,
    lock: Option<&SourcesLock>,
    states: &[State],
) -> Vec<Entry> {
    units
        .iter()
        .zip(states)
        .map(|(unit, state)| {
            let attribute = unit.attribute.as_deref();
            let english = pattern(source, &unit.id, attribute);
            let location = match source.locate_part(&unit.id, attribute) {
                Some((file, span)) => format!("{}:{}", file.slashed_path(), span.start.line),
                None => String::new(),
            };
            let text = pattern(locale, &unit.id, attribute).map(|p| p.text);
            let (target, need) = match state {
                State::Missing => (None, Need::Translation),
                State::Stale | State::Unchanged => (text, Need::Review),
                State::Translated => (text, Need::Nothing),
            };
            let previous = (*state == State::Stale)
                .then(|| {
                    lock.and_then(|l| l.get(&unit.key()))
                        .map(|s| s.english.clone())
                })
                .flatten();
            Entry {
                key: unit.key(),
                // A table entry's English is the catalog's, whatever its
                // base file says (`check` reports a base that differs).
                source: match english {
                    Some(p) if !unit.from_catalog => p.text,
                    _ => super::ftl::unindented(&unit.english),
                },
                target,
                need,
                previous,
                location,
            }
        })
        .collect()
}

/// The text of a message's value or attribute as written in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pattern {
    /// Index of the file in the locale.
    pub file: usize,
    /// The bytes it takes in the file: from after `= ` to the end of its
    /// last line (its newline left out).
    pub range: Range<usize>,
    /// Its lines, the indentation they share removed, joined by `\n`.
    pub text: String,
}

/// The pattern of `id`'s `attribute` (or value) in `locale`, as written.
pub(crate) fn pattern(locale: &Locale, id: &str, attribute: Option<&str>) -> Option<Pattern> {
    let info = locale.entries.get(id)?;
    let file = locale.files.get(info.file)?;
    let text = file.text();
    // The line the part starts on, found from its name's place.
    let (_, span) = locale.locate_part(id, attribute)?;
    let line_start = file.line_start(span.start.line);
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let line = &text[line_start..line_end];
    let equals = line.find('=')?;
    let first_start = line_start + equals + 1;
    // A line's `\r` (a file with CRLF line ends) stays outside the text.
    let first = text[first_start..line_end].trim_end_matches('\r');
    let mut end = first_start + first.len();
    let mut lines: Vec<&str> = vec![first.trim_start_matches(' ')];
    let mut at = line_end;
    // The part runs to the next attribute of its message, or to the next
    // entry, as the parser read them: a select expression's variants and
    // its `}` may stand at the margin. Blank lines count only between
    // lines of text.
    let limit = info
        .attributes
        .iter()
        .map(|(_, s)| s.start.line)
        .filter(|&line| line > span.start.line)
        .min()
        .map_or(info.range.end, |line| file.line_start(line))
        .min(text.len());
    let mut pending_blank = Vec::new();
    while at < limit {
        let next_start = at + 1;
        if next_start >= limit {
            break;
        }
        let next_end = text[next_start..]
            .find('\n')
            .map_or(text.len(), |i| next_start + i);
        let next = text[next_start..next_end].trim_end_matches('\r');
        if next.trim_matches(' ').is_empty() {
            if next_end >= text.len() {
                break;
            }
            pending_blank.push("");
            at = next_end;
            continue;
        }
        // A comment at the margin ends a message (one without text, `#`
        // alone, starts no entry of the parser's).
        if next.starts_with('#') {
            break;
        }
        lines.append(&mut pending_blank);
        lines.push(next);
        end = next_start + next.len();
        at = next_end;
    }
    let indent = lines
        .iter()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<&str> = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        out.push(if i == 0 || l.is_empty() {
            l
        } else {
            &l[indent..]
        });
    }
    if out.first() == Some(&"") {
        out.remove(0);
    }
    // Blanks that end the last line are not text: Fluent drops them.
    if let Some(last) = out.last_mut() {
        let kept = last.trim_end_matches(' ');
        end -= last.len() - kept.len();
        *last = kept;
    }
    let start = first_start + (first.len() - first.trim_start_matches(' ').len());
    Some(Pattern {
        file: info.file,
        range: start.min(end)..end,
        text: out.join("\n"),
    })
}

/// A pattern's text as it is written after `= ` in a file: its later
/// lines indented by four spaces, a text of several lines starting on the
/// next line.
pub(crate) fn written(text: &str) -> String {
    if !text.contains('\n') {
        return text.to_string();
    }
    let mut out = String::new();
    for line in text.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            out.push_str("    ");
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locales::one_file_locale;

    fn text_of(ftl: &str, id: &str, attribute: Option<&str>) -> Option<String> {
        let locale = one_file_locale("en", "locales/en/a.ftl", ftl);
        let p = pattern(&locale, id, attribute)?;
        // The range is what the text was read from.
        assert!(ftl[p.range.clone()].contains(p.text.lines().last().unwrap_or("")));
        Some(p.text)
    }

    #[test]
    fn a_select_with_variants_at_the_margin_is_one_pattern() {
        let ftl = "emails = { $n ->\n[one] One email\n*[other] { $n } emails\n}\n    .hint = Mail\nnext = Next\n";
        assert_eq!(
            text_of(ftl, "emails", None).as_deref(),
            Some("{ $n ->\n[one] One email\n*[other] { $n } emails\n}")
        );
        assert_eq!(
            text_of(ftl, "emails", Some("hint")).as_deref(),
            Some("Mail")
        );
        assert_eq!(text_of(ftl, "next", None).as_deref(), Some("Next"));
    }

    #[test]
    fn blank_lines_and_comments_after_a_message_are_not_its_text() {
        let ftl = "a =\n    one\n\n    two\n\n#\n# b's note\nb = B\r\n";
        assert_eq!(text_of(ftl, "a", None).as_deref(), Some("one\n\ntwo"));
        assert_eq!(text_of(ftl, "b", None).as_deref(), Some("B"));
    }
}
