//! Terminology: each translated string against its locale's glossary
//! ([`crate::locales::glossary`]).
//!
//! The terms an English string uses are found leftmost-longest (`TLS
//! socket` before `socket`), outside code spans. Each must have its
//! approved translation in the translation; a forbidden variant there is
//! reported where it is written, once the approved translations of the
//! string's terms are set aside (`TLS Socket` approved for `TLS socket`
//! does not count as the forbidden `socket`).

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::l10n::{self, Unit, lock::SourcesLock};
use crate::locales::Locale;
use crate::locales::glossary::{Glossary, Term, fold, word_matches};
use crate::source::Span;

/// A term folded for matching.
struct Folded<'g> {
    term: &'g Term,
    english: String,
    approved: String,
    forbidden: Vec<String>,
}

/// Checks every translated string of `locale` against its glossary.
pub(super) fn check(
    units: &[Unit],
    locale: &Locale,
    lock: Option<&SourcesLock>,
    diags: &mut Diagnostics,
) {
    let Some(glossary) = &locale.glossary else {
        return;
    };
    let terms: Vec<Folded<'_>> = glossary
        .terms
        .iter()
        .map(|term| Folded {
            term,
            english: fold(&term.term),
            approved: fold(&term.approved),
            forbidden: term.forbidden.iter().map(|f| fold(f)).collect(),
        })
        .collect();
    for unit in units {
        let (id, attribute) = (unit.id.as_str(), unit.attribute.as_deref());
        if !locale.has_part(id, attribute)
            || locale.is_broken(id)
            || l10n::is_stub(locale, id, attribute, &unit.english, lock)
        {
            continue;
        }
        let english = without_code(&fold(&unit.english));
        let used = terms_in(&english, &terms);
        if used.is_empty() {
            continue;
        }
        let Some((text, _)) = locale.format(id, attribute, None) else {
            continue;
        };
        let translation = without_code(&fold(&text));
        let approved: Vec<String> = used.iter().map(|t| t.approved.clone()).collect();
        let masked = blank_all(&translation, &approved);
        for term in used {
            let found = term
                .forbidden
                .iter()
                .find(|f| word_matches(&masked, f).next().is_some());
            let kind = match found {
                Some(found) => Kind::ForbiddenTerm {
                    key: unit.key(),
                    found: original(&text, found),
                    term: term.term.term.clone(),
                    approved: term.term.approved.clone(),
                    row: row_of(glossary, term.term),
                },
                None if !translation.contains(&term.approved) => Kind::TermNotUsed {
                    key: unit.key(),
                    term: term.term.term.clone(),
                    approved: term.term.approved.clone(),
                    row: row_of(glossary, term.term),
                },
                None => continue,
            };
            let place = found.map_or_else(
                || locale.locate_part(id, attribute),
                |found| written_at(locale, id, attribute, found, &approved),
            );
            let mut d = Diagnostic::new(kind);
            if let Some((file, span)) = place {
                d = d.at(file, span);
            }
            diags.push(d);
        }
    }
}

/// `path:line` of a term's row.
fn row_of(glossary: &Glossary, term: &Term) -> String {
    format!("{}:{}", glossary.file.path().display(), term.line)
}

/// The terms `english` (folded, code set aside) uses, leftmost-longest
/// and each once, in the order they come.
fn terms_in<'t, 'g>(english: &str, terms: &'t [Folded<'g>]) -> Vec<&'t Folded<'g>> {
    let mut found: Vec<(Range<usize>, usize)> = terms
        .iter()
        .enumerate()
        .flat_map(|(i, t)| word_matches(english, &t.english).map(move |r| (r, i)))
        .collect();
    found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut end = 0;
    let mut used: Vec<usize> = Vec::new();
    for (range, i) in found {
        if range.start >= end {
            end = range.end;
            if !used.contains(&i) {
                used.push(i);
            }
        }
    }
    used.into_iter().filter_map(|i| terms.get(i)).collect()
}

/// `text` with every occurrence of each of `needles` blanked out, byte
/// for byte.
fn blank_all(text: &str, needles: &[String]) -> String {
    let mut out = text.to_string();
    for needle in needles.iter().filter(|n| !n.is_empty()) {
        let ranges: Vec<Range<usize>> = out
            .match_indices(needle.as_str())
            .map(|(at, n)| at..at + n.len())
            .collect();
        for range in ranges {
            out.replace_range(range.clone(), &" ".repeat(range.len()));
        }
    }
    out
}

/// `text` with the inside of each code span (`` `socket()` ``) blanked
/// out, byte for byte: a term in code is a name, not a word to translate.
fn without_code(text: &str) -> String {
    let mut inside = false;
    text.chars()
        .map(|c| {
            if c == '`' {
                inside = !inside;
                return String::from(c);
            }
            if inside {
                " ".repeat(c.len_utf8())
            } else {
                String::from(c)
            }
        })
        .collect()
}

/// The forbidden variant as the translation writes it (its case).
fn original(text: &str, folded: &str) -> String {
    let lower = fold(text);
    match lower.find(folded) {
        Some(at) if lower.len() == text.len() => text
            .get(at..at + folded.len())
            .unwrap_or(folded)
            .to_string(),
        _ => folded.to_string(),
    }
}

/// Where `found` (folded) is written in the translation's source, outside
/// code and the approved translations; the part's name when it cannot be
/// placed (a fold that changes a text's length, a word from a term).
fn written_at<'l>(
    locale: &'l Locale,
    id: &str,
    attribute: Option<&str>,
    found: &str,
    approved: &[String],
) -> Option<(&'l crate::source::SourceFile, Span)> {
    let part = locale.locate_part(id, attribute);
    let placed = (|| {
        let pattern = l10n::exchange::pattern(locale, id, attribute)?;
        let file = locale.files.get(pattern.file)?;
        let raw = file.text().get(pattern.range.clone())?;
        let folded = fold(raw);
        if folded.len() != raw.len() {
            return None;
        }
        let searched = blank_all(&without_code(&folded), approved);
        let at = word_matches(&searched, found).next()?;
        let start = pattern.range.start + at.start;
        Some((file, file.span(start, start + found.len())))
    })();
    placed.or(part)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(english: &str, approved: &str) -> Term {
        Term {
            term: english.to_string(),
            approved: approved.to_string(),
            forbidden: Vec::new(),
            line: 1,
        }
    }

    #[test]
    fn longer_terms_win_and_code_is_not_a_term() {
        let glossary = [term("socket", "套接字"), term("TLS socket", "TLS Socket")];
        let terms: Vec<Folded<'_>> = glossary
            .iter()
            .map(|t| Folded {
                term: t,
                english: fold(&t.term),
                approved: fold(&t.approved),
                forbidden: Vec::new(),
            })
            .collect();
        let names = |english: &str| -> Vec<String> {
            terms_in(&without_code(&fold(english)), &terms)
                .iter()
                .map(|t| t.term.term.clone())
                .collect()
        };
        assert_eq!(names("The TLS socket failed"), ["TLS socket"]);
        assert_eq!(
            names("A socket call under the TLS Sockets"),
            ["socket", "TLS socket"]
        );
        assert_eq!(names("`socket()` failed"), Vec::<String>::new());
        assert_eq!(names("a websocket"), Vec::<String>::new());
    }
}
