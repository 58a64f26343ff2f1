//! A locale's glossary, `locales/<tag>/glossary.tsv`: for each English
//! term, the approved translation and the variants a translation must not
//! use. `check` compares every translated string with it
//! ([`crate::validate`]).
//!
//! The format is what a spreadsheet saves as tab-separated text, one term a
//! row:
//!
//! ```text
//! term → approved → forbidden…
//! socket → 套接字 → socket → 插口
//! TLS socket → TLS Socket
//! ```
//!
//! (each `→` a tab). `#` starts a comment line; blank lines are skipped; a
//! first row `term`, `approved`, `forbidden` is a header. Terms, approved
//! and forbidden texts are compared regardless of case (`socket` matches
//! `Socket`; two rows of `Port` and `port` are one term twice).

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::source::SourceFile;

/// The file name of a glossary, in a locale's folder.
pub(crate) const GLOSSARY_FILE: &str = "glossary.tsv";

/// At most this many terms are read: a glossary is a list a team keeps
/// by hand, and each is looked for in every string.
pub(crate) const MAX_TERMS: usize = 5_000;

/// One row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    /// The English term, as written.
    pub term: String,
    /// The approved translation, as written.
    pub approved: String,
    /// Translations not to use, as written.
    pub forbidden: Vec<String>,
    /// Its line in the file.
    pub line: u32,
}

/// A locale's glossary.
#[derive(Debug)]
pub(crate) struct Glossary {
    /// The file, for diagnostics.
    pub file: SourceFile,
    /// Its terms, in file order.
    pub terms: Vec<Term>,
}

impl Glossary {
    /// Reads `file`; rows that cannot be read are reported and skipped.
    pub(crate) fn parse(file: SourceFile, diags: &mut Diagnostics) -> Glossary {
        let mut terms: Vec<Term> = Vec::new();
        // Each term's line, folded, to find one given twice.
        let mut seen: HashMap<String, u32> = HashMap::new();
        let mut offset = 0;
        let mut first_row = true;
        for (index, raw) in file.text().split_inclusive('\n').enumerate() {
            let start = offset;
            offset += raw.len();
            let line = raw.trim_end_matches(['\n', '\r']);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let header = first_row && is_header(line);
            first_row = false;
            if header {
                continue;
            }
            let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
            match row(line, &seen) {
                Ok(term) if terms.len() < MAX_TERMS => {
                    seen.insert(fold(&term.term), number);
                    terms.push(Term {
                        line: number,
                        ..term
                    });
                }
                Ok(_) => {
                    let problem = format!("the glossary has more than {MAX_TERMS} terms");
                    let advice = "split it: keep the terms translators get wrong".to_string();
                    report(&file, start, line.len(), problem, advice, diags);
                    break;
                }
                Err(Bad { problem, advice }) => {
                    report(&file, start, line.len(), problem, advice, diags);
                }
            }
        }
        Glossary { file, terms }
    }
}

/// Whether `line` is the header row.
fn is_header(line: &str) -> bool {
    let mut cells = line.split('\t').map(|c| c.trim().to_ascii_lowercase());
    cells.next().as_deref() == Some("term") && cells.next().as_deref() == Some("approved")
}

/// A row's term (its line not set), or what is wrong with it.
fn row(line: &str, seen: &HashMap<String, u32>) -> Result<Term, Bad> {
    let shape = "a row is the English term, a tab, the approved translation, and optionally more tabs, each followed by a variant not to use";
    let mut cells = line.split('\t');
    let term = cells.next().unwrap_or_default().trim().to_string();
    let Some(approved) = cells.next() else {
        let advice = if line.contains("  ") || line.contains('\u{3000}') {
            format!(
                "{shape}; this row has spaces where the tabs should be (an editor may have changed them)"
            )
        } else {
            shape.to_string()
        };
        return Err(Bad::new(
            "this row has no tab: it gives no approved translation".to_string(),
            advice,
        ));
    };
    let approved = approved.trim().to_string();
    if term.is_empty() {
        return Err(Bad::new(
            "this row has no term".to_string(),
            shape.to_string(),
        ));
    }
    if approved.is_empty() {
        return Err(Bad::new(
            format!("`{term}` has no approved translation"),
            format!("write it after the tab: {shape}"),
        ));
    }
    if let Some(earlier) = seen.get(&fold(&term)) {
        return Err(Bad::new(
            format!("`{term}` is in the glossary already, on line {earlier}"),
            "keep one row per term".to_string(),
        ));
    }
    let forbidden = cells
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    Ok(Term {
        term,
        approved,
        forbidden,
        line: 0,
    })
}

/// What is wrong with a row, and how to fix it.
struct Bad {
    problem: String,
    advice: String,
}

impl Bad {
    fn new(problem: String, advice: String) -> Bad {
        Bad { problem, advice }
    }
}

fn report(
    file: &SourceFile,
    at: usize,
    len: usize,
    problem: String,
    advice: String,
    diags: &mut Diagnostics,
) {
    let span = file.span(at, at + len.max(1));
    diags.push(Diagnostic::new(Kind::GlossaryRow { problem, advice }).at(file, span));
}

/// A text folded for comparison: lower case.
pub(crate) fn fold(text: &str) -> String {
    text.to_lowercase()
}

/// Where `needle` (folded) occurs in `haystack` (folded) as a word of its
/// own: not inside a longer word of letters or digits (an English plural
/// `s` or `es` may follow). Texts in scripts without spaces between words
/// (Chinese, Japanese) match anywhere.
pub(crate) fn word_matches<'a>(
    haystack: &'a str,
    needle: &'a str,
) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    let spaced = needle.chars().any(is_word);
    haystack.match_indices(needle).filter_map(move |(at, _)| {
        let end = at + needle.len();
        if !spaced {
            return Some(at..end);
        }
        let before = haystack[..at].chars().next_back();
        let rest = &haystack[end..];
        let suffix = ["es", "s", ""]
            .into_iter()
            .find(|s| rest.starts_with(s) && !rest[s.len()..].starts_with(is_word))
            .map(str::len)?;
        (!before.is_some_and(is_word)).then_some(at..end + suffix)
    })
}

/// A letter or digit of a script that puts spaces between words. CJK
/// ideographs, kana and the like (from U+2E80 on) border any word; Hangul,
/// written with spaces, does not.
pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric()
        && (u32::from(c) < 0x2E80 || matches!(c, '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Vec<Term>, Vec<String>) {
        let mut diags = Diagnostics::new();
        let glossary = Glossary::parse(
            SourceFile::new("locales/zh-CN/glossary.tsv", text.to_string()),
            &mut diags,
        );
        let shown = diags.sorted().iter().map(|d| d.to_string()).collect();
        (glossary.terms, shown)
    }

    #[test]
    fn rows_comments_and_a_header() {
        let (terms, problems) = parse(
            "term\tapproved\tforbidden\n# note\n\nsocket\t套接字\tsocket\t插口\r\nTLS socket\tTLS Socket\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(terms.len(), 2);
        assert_eq!(terms[0].term, "socket");
        assert_eq!(terms[0].approved, "套接字");
        assert_eq!(terms[0].forbidden, ["socket", "插口"]);
        assert_eq!(terms[0].line, 4);
        assert_eq!(terms[1].forbidden, Vec::<String>::new());
    }

    #[test]
    fn bad_rows_are_reported_where_they_are() {
        let (terms, problems) = parse("socket  套接字\n\tx\nport\t\nport\t端口\nPort\t埠\n");
        assert_eq!(terms.len(), 1);
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(
            problems[0].contains("spaces where the tabs should be"),
            "{}",
            problems[0]
        );
        assert!(
            problems[1].contains("this row has no term"),
            "{}",
            problems[1]
        );
        assert!(
            problems[2].contains("`port` has no approved translation"),
            "{}",
            problems[2]
        );
        assert!(
            problems[3].contains("`Port` is in the glossary already, on line 4"),
            "{}",
            problems[3]
        );
    }

    #[test]
    fn words_match_whole_with_a_plural() {
        let found = |h: &str, n: &str| {
            word_matches(h, n)
                .map(|r| (r.start, r.end))
                .collect::<Vec<_>>()
        };
        assert_eq!(found("a socket, two sockets", "socket"), [(2, 8), (14, 21)]);
        assert_eq!(
            found("websocket socketpair non-socket", "socket"),
            [(25, 31)]
        );
        assert_eq!(found("底层socket阻塞", "socket"), [(6, 12)]);
        assert_eq!(found("等待套接字可读", "套接字"), [(6, 15)]);
        // Cyrillic and Hangul put spaces between words: a word's start is
        // not the word.
        assert_eq!(found("неверная кодировка ключа", "код"), []);
        assert_eq!(found("잘못된 키 키보드", "키"), [(10, 13)]);
    }
}
