//! Terminology: each translated string against its locale's glossary
//! ([`crate::locales::glossary`]).
//!
//! The terms an English string uses are found leftmost-longest (`TLS
//! socket` before `socket`), outside code spans and variables, across line
//! breaks. Each must have its approved translation in the translation
//! (spaces aside: `Socket错误码` is `Socket 错误码`). A forbidden variant is
//! reported where it is written, unless it lies inside an approved
//! translation of one of the string's terms (`TLS Socket`, approved for
//! `TLS socket`, is not the forbidden `socket`).
//!
//! A glossary of thousands of terms is checked against every string: each
//! term is tried only on strings that have its first word.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::l10n::{self, Unit, lock::SourcesLock};
use crate::locales::Locale;
use crate::locales::glossary::{Glossary, Term, fold, is_word, word_matches};
use crate::source::{SourceFile, Span};

/// A term folded for matching.
struct Folded<'g> {
    term: &'g Term,
    english: String,
    approved: String,
    forbidden: Vec<String>,
}

/// The glossary's terms, with the terms to try on a string found by its
/// words.
struct Terms<'g> {
    list: Vec<Folded<'g>>,
    /// The terms by their first word (`tls` for `TLS socket`).
    by_word: HashMap<String, Vec<usize>>,
    /// Terms with no first word to look up (`套接字`, `.NET`): tried on
    /// every string.
    anywhere: Vec<usize>,
}

impl<'g> Terms<'g> {
    fn new(glossary: &'g Glossary) -> Terms<'g> {
        let list: Vec<Folded<'g>> = glossary
            .terms
            .iter()
            .map(|term| Folded {
                term,
                english: normalized(&term.term),
                approved: fold(&term.approved),
                forbidden: term.forbidden.iter().map(|f| fold(f)).collect(),
            })
            .collect();
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        let mut anywhere = Vec::new();
        for (i, t) in list.iter().enumerate() {
            match t.english.split(|c: char| !is_word(c)).next() {
                Some(first) if !first.is_empty() => {
                    by_word.entry(first.to_string()).or_default().push(i);
                }
                _ => anywhere.push(i),
            }
        }
        Terms {
            list,
            by_word,
            anywhere,
        }
    }

    /// The terms `english` (normalized) uses, leftmost-longest and each
    /// once, in the order they come.
    fn used(&self, english: &str) -> Vec<&Folded<'g>> {
        let mut candidates: HashSet<usize> = self.anywhere.iter().copied().collect();
        for word in english
            .split(|c: char| !is_word(c))
            .filter(|w| !w.is_empty())
        {
            // A plural's singular too (`sockets` tries `socket`).
            let singular = [word.strip_suffix("es"), word.strip_suffix('s')];
            for w in std::iter::once(word).chain(singular.into_iter().flatten()) {
                if let Some(terms) = self.by_word.get(w) {
                    candidates.extend(terms);
                }
            }
        }
        let mut found: Vec<(Range<usize>, usize)> = candidates
            .into_iter()
            .filter_map(|i| Some((i, self.list.get(i)?)))
            .flat_map(|(i, t)| word_matches(english, &t.english).map(move |r| (r, i)))
            .collect();
        found.sort_by_key(|(r, i)| (r.start, std::cmp::Reverse(r.end), *i));
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
        used.into_iter().filter_map(|i| self.list.get(i)).collect()
    }
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
    let terms = Terms::new(glossary);
    for unit in units {
        let (id, attribute) = (unit.id.as_str(), unit.attribute.as_deref());
        if !locale.has_part(id, attribute)
            || locale.is_broken(id)
            || l10n::is_stub(locale, id, attribute, &unit.english, lock)
        {
            continue;
        }
        let used = terms.used(&normalized(&unit.english));
        if used.is_empty() {
            continue;
        }
        let Some((text, _)) = locale.format(id, attribute, None) else {
            continue;
        };
        let translation = without_names(&fold(&text));
        let approved: Vec<&str> = used.iter().map(|t| t.approved.as_str()).collect();
        for term in used {
            let found = term
                .forbidden
                .iter()
                .find(|f| forbidden_at(&translation, f, &approved).is_some());
            let kind = match found {
                Some(found) => Kind::ForbiddenTerm {
                    key: unit.key(),
                    found: original(&text, found),
                    term: term.term.term.clone(),
                    approved: term.term.approved.clone(),
                    row: row_of(glossary, term.term),
                },
                None if !squashed(&translation).contains(&squashed(&term.approved)) => {
                    Kind::TermNotUsed {
                        key: unit.key(),
                        term: term.term.term.clone(),
                        approved: term.term.approved.clone(),
                        row: row_of(glossary, term.term),
                    }
                }
                None => continue,
            };
            let place = found
                .and_then(|found| written_at(locale, id, attribute, found, &approved))
                .or_else(|| locale.locate_part(id, attribute));
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

/// An English text as terms are looked for in it: folded, names set
/// aside, every run of blanks one space (a term may break across lines).
fn normalized(text: &str) -> String {
    without_names(&fold(text))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` without its blanks.
fn squashed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Where forbidden variant `forbidden` is in `text` (folded, names set
/// aside) outside every occurrence of the `approved` translations.
fn forbidden_at(text: &str, forbidden: &str, approved: &[&str]) -> Option<Range<usize>> {
    let inside: Vec<Range<usize>> = approved
        .iter()
        .filter(|a| !a.is_empty())
        .flat_map(|a| text.match_indices(a).map(|(at, m)| at..at + m.len()))
        .collect();
    word_matches(text, forbidden)
        .find(|m| !inside.iter().any(|a| a.start <= m.start && m.end <= a.end))
}

/// `text` with what is a name, not a word, blanked out byte for byte: the
/// inside of code spans (`` `socket()` ``) and variables (`{ $port }`, and
/// `{$port}` as a text formatted without them shows one).
fn without_names(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut code = false;
    let mut variable = false;
    for (at, c) in text.char_indices() {
        let blank = |out: &mut String| out.push_str(&" ".repeat(c.len_utf8()));
        if variable {
            blank(&mut out);
            variable = c != '}';
            continue;
        }
        if c == '`' {
            code = !code;
            out.push(c);
        } else if code {
            blank(&mut out);
        } else if c == '{' && text[at + 1..].trim_start_matches(' ').starts_with('$') {
            variable = true;
            blank(&mut out);
        } else {
            out.push(c);
        }
    }
    out
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
/// code, variables and the approved translations; `None` when it cannot be
/// placed (a fold that changes a text's length, a word from a term).
fn written_at<'l>(
    locale: &'l Locale,
    id: &str,
    attribute: Option<&str>,
    found: &str,
    approved: &[&str],
) -> Option<(&'l SourceFile, Span)> {
    let pattern = l10n::exchange::pattern(locale, id, attribute)?;
    let file = locale.files.get(pattern.file)?;
    let raw = file.text().get(pattern.range.clone())?;
    let folded = fold(raw);
    if folded.len() != raw.len() {
        return None;
    }
    let at = forbidden_at(&without_names(&folded), found, approved)?;
    let start = pattern.range.start + at.start;
    Some((file, file.span(start, start + found.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary(rows: &str) -> Glossary {
        let mut diags = Diagnostics::new();
        let g = Glossary::parse(SourceFile::new("g.tsv", rows.to_string()), &mut diags);
        assert!(diags.is_empty());
        g
    }

    fn names(terms: &Terms<'_>, english: &str) -> Vec<String> {
        terms
            .used(&normalized(english))
            .iter()
            .map(|t| t.term.term.clone())
            .collect()
    }

    #[test]
    fn longer_terms_win_and_names_are_not_terms() {
        let g = glossary("socket\t套接字\nTLS socket\tTLS Socket\nmessage\t消息\n");
        let terms = Terms::new(&g);
        assert_eq!(names(&terms, "The TLS socket failed"), ["TLS socket"]);
        assert_eq!(
            names(&terms, "A socket call under the TLS\n    Sockets"),
            ["socket", "TLS socket"]
        );
        assert_eq!(names(&terms, "`socket()` failed"), Vec::<String>::new());
        assert_eq!(names(&terms, "a websocket"), Vec::<String>::new());
        assert_eq!(names(&terms, "Failed: { $message }."), Vec::<String>::new());
        assert_eq!(names(&terms, "Failed: {$message}."), Vec::<String>::new());
    }

    #[test]
    fn a_forbidden_variant_inside_an_approved_one_is_fine() {
        assert_eq!(
            forbidden_at("tls socket底层的socket", "socket", &["tls socket"]),
            Some(19..25)
        );
        assert_eq!(
            forbidden_at("tls socket失败", "socket", &["tls socket"]),
            None
        );
        // A forbidden variant that holds the approved one is found.
        assert_eq!(forbidden_at("连接器", "连接器", &["连接"]), Some(0..9));
    }

    #[test]
    fn approved_translations_are_found_spaces_aside() {
        assert!(squashed("socket错误码").contains(&squashed("socket 错误码")));
    }
}
