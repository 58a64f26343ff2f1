//! What a query names: a code, a constant name, a table entry's name, the
//! message an API returned, a line of a log, or a number inside a range.
//!
//! The lookups read an [`Index`]: the facts of every code, range and table
//! entry, made from a project's catalog ([`Index::of_catalog`]) or from an
//! exported file (`explain --catalog`), so that both find the same codes.

use crate::catalog::{Catalog, CodeNumber};

/// The facts of one code a lookup reads.
#[derive(Debug, Clone)]
pub(crate) struct Indexed<'a> {
    /// Its number.
    pub code: CodeNumber,
    /// Its constant's name (`SOCKET_ETIMEDOUT`).
    pub name: &'a str,
    /// The literal message an API returns.
    pub message: Option<&'a str>,
    /// The table and entry name of the family it is a member of.
    pub member: Option<(&'a str, &'a str)>,
}

/// A range of codes that are not single codes.
#[derive(Debug, Clone)]
pub(crate) struct IndexedRange<'a> {
    /// Its id.
    pub id: &'a str,
    /// First code.
    pub from: CodeNumber,
    /// Last code.
    pub to: CodeNumber,
}

/// A table entry: its name, then its aliases (`EAGAIN`, `EWOULDBLOCK`).
#[derive(Debug, Clone)]
pub(crate) struct IndexedEntry<'a> {
    /// The table's id.
    pub table: &'a str,
    /// Its name.
    pub name: &'a str,
    /// Other names of the same value.
    pub aliases: Vec<&'a str>,
}

/// Every code, range and table entry a lookup reads.
#[derive(Debug)]
pub(crate) struct Index<'a> {
    /// By number.
    codes: Vec<Indexed<'a>>,
    /// In catalog order.
    ranges: Vec<IndexedRange<'a>>,
    /// In catalog order.
    entries: Vec<IndexedEntry<'a>>,
}

/// What a query names.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Found<'a> {
    /// One or more codes, by number (several for an errno name: one per
    /// family; several for a message that more than one code returns).
    Codes(Vec<CodeNumber>),
    /// A range of codes that are not single codes (close code 4001), by id.
    Range(&'a str),
}

impl<'a> Index<'a> {
    /// An index of these codes, ranges and table entries.
    pub(crate) fn new(
        mut codes: Vec<Indexed<'a>>,
        ranges: Vec<IndexedRange<'a>>,
        entries: Vec<IndexedEntry<'a>>,
    ) -> Self {
        codes.sort_by_key(|c| c.code);
        Index {
            codes,
            ranges,
            entries,
        }
    }

    /// The index of a project's catalog.
    pub(crate) fn of_catalog(catalog: &'a Catalog) -> Self {
        let codes = catalog
            .modules
            .iter()
            .flat_map(|m| &m.codes)
            .map(|c| Indexed {
                code: c.code,
                name: &c.name.value,
                message: c.message.as_ref().map(|m| m.value.as_str()),
                member: c
                    .member
                    .as_ref()
                    .map(|m| (m.table.as_str(), m.name.as_str())),
            })
            .collect();
        let ranges = catalog
            .modules
            .iter()
            .flat_map(|m| &m.ranges)
            .map(|r| IndexedRange {
                id: &r.id.value,
                from: r.range.from,
                to: r.range.to,
            })
            .collect();
        let entries = catalog
            .tables
            .iter()
            .flat_map(|t| {
                t.entries.iter().map(|e| IndexedEntry {
                    table: &t.id.value,
                    name: &e.name.value,
                    aliases: e.aliases.iter().map(|a| a.value.as_str()).collect(),
                })
            })
            .collect();
        Index::new(codes, ranges, entries)
    }

    /// The code numbered `number`.
    fn by_number(&self, number: CodeNumber) -> Option<&Indexed<'a>> {
        self.codes
            .binary_search_by_key(&number, |c| c.code)
            .ok()
            .map(|i| &self.codes[i])
    }

    /// The code whose constant is named `name` (upper case).
    fn by_name(&self, name: &str) -> Option<&Indexed<'a>> {
        self.codes.iter().find(|c| c.name == name)
    }

    /// Looks up a code, a constant name, a table entry name (`ETIMEDOUT`,
    /// every code of every family built on it), a number inside a range,
    /// a message or a line of a log. On failure, the nearest known codes
    /// or names.
    pub(crate) fn lookup(&self, query: &str) -> Result<Found<'a>, Vec<String>> {
        let query = query.trim();
        let digits = query.strip_prefix('-').unwrap_or(query);
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            let Ok(number) = query.parse::<CodeNumber>() else {
                let far = if query.starts_with('-') {
                    CodeNumber::MIN
                } else {
                    CodeNumber::MAX
                };
                return Err(self.nearest_numbers(far));
            };
            if let Some(found) = self.by_number(number) {
                return Ok(Found::Codes(vec![found.code]));
            }
            if let Some(range) = self
                .ranges
                .iter()
                .find(|r| r.from <= number && number <= r.to)
            {
                return Ok(Found::Range(range.id));
            }
            return Err(self.nearest_numbers(number));
        }
        let upper = query.to_ascii_uppercase();
        if let Some(found) = self.by_name(&upper) {
            return Ok(Found::Codes(vec![found.code]));
        }
        if let Some(codes) = self.by_table_entry(&upper) {
            return Ok(Found::Codes(codes));
        }
        // The error message an API returned (`Connection timed out.`).
        let message = comparable(query);
        let by_message: Vec<CodeNumber> = self
            .codes
            .iter()
            .filter(|c| c.message.is_some_and(|m| comparable(m) == message))
            .map(|c| c.code)
            .collect();
        if !by_message.is_empty() {
            return Ok(Found::Codes(by_message));
        }
        self.in_line(query)
            .ok_or_else(|| self.nearest_names(&upper))
    }

    /// Every code built on the table entry named `name` (`ETIMEDOUT`, or
    /// an alias), by number; `None` if there is none.
    fn by_table_entry(&self, name: &str) -> Option<Vec<CodeNumber>> {
        self.entries
            .iter()
            .filter(|e| e.name == name || e.aliases.contains(&name))
            .map(|e| {
                self.codes
                    .iter()
                    .filter(|c| c.member == Some((e.table, e.name)))
                    .map(|c| c.code)
                    .collect::<Vec<_>>()
            })
            .find(|codes| !codes.is_empty())
    }

    /// What a line of a log names: a constant name in it, else the longest
    /// number in it that is a code (a date or a process id is shorter
    /// than most codes), else the longest catalog message it holds, else
    /// a table entry's name (`ETIMEDOUT`).
    fn in_line(&self, line: &str) -> Option<Found<'a>> {
        // A pasted log is read to a bound, as the site's search reads one.
        let line: String = line.chars().take(2_000).collect();
        let words: Vec<&str> = line
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .filter(|w| !w.is_empty())
            .take(400)
            .collect();
        if let Some(found) = words.iter().find_map(|w| self.by_name(w)) {
            return Some(Found::Codes(vec![found.code]));
        }
        let mut numbers: Vec<CodeNumber> = words
            .iter()
            .flat_map(|w| w.split('-'))
            .filter(|w| !w.is_empty() && w.len() <= 19 && w.chars().all(|c| c.is_ascii_digit()))
            .filter_map(|w| w.parse().ok())
            .collect();
        numbers.sort_by_key(|n: &CodeNumber| std::cmp::Reverse(n.unsigned_abs()));
        if let Some(found) = numbers.into_iter().find_map(|n| self.by_number(n)) {
            return Some(Found::Codes(vec![found.code]));
        }
        let text = comparable(&line);
        let held = |c: &Indexed<'_>| {
            c.message
                .map(comparable)
                .filter(|m| m.chars().count() >= 8 && text.contains(m.as_str()))
                .map(|m| m.len())
        };
        if let Some(longest) = self.codes.iter().filter_map(held).max() {
            let codes = self
                .codes
                .iter()
                .filter(|c| held(c) == Some(longest))
                .map(|c| c.code)
                .collect();
            return Some(Found::Codes(codes));
        }
        words
            .iter()
            .find_map(|w| self.by_table_entry(&w.to_ascii_uppercase()))
            .map(Found::Codes)
    }

    /// The five codes numerically nearest to `number`.
    fn nearest_numbers(&self, number: CodeNumber) -> Vec<String> {
        let mut codes: Vec<CodeNumber> = self.codes.iter().map(|c| c.code).collect();
        codes.sort_by_key(|c| (c.abs_diff(number), *c));
        codes.truncate(5);
        codes.sort_unstable();
        codes.iter().map(CodeNumber::to_string).collect()
    }

    /// The five names most like `name` (constant names and errno names).
    fn nearest_names(&self, name: &str) -> Vec<String> {
        let mut names: Vec<&str> = self
            .codes
            .iter()
            .map(|c| c.name)
            .chain(self.entries.iter().map(|e| e.name))
            .collect();
        names.sort_unstable();
        names.dedup();
        let mut scored: Vec<(f64, &str)> = names
            .into_iter()
            .map(|n| (strsim::jaro_winkler(name, n), n))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        scored
            .into_iter()
            .take(5)
            .map(|(_, n)| n.to_string())
            .collect()
    }
}

/// A message as it is compared: case, blanks and a final `.` aside.
fn comparable(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.join(" ").trim_end_matches('.').to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Index<'static> {
        let code = |code, name, message, member| Indexed {
            code,
            name,
            message,
            member,
        };
        Index::new(
            vec![
                code(
                    2301110,
                    "SOCKET_ETIMEDOUT",
                    Some("Connection timed out."),
                    Some(("errno", "ETIMEDOUT")),
                ),
                code(
                    2303210,
                    "TLS_SOCKET_ETIMEDOUT",
                    Some("Connection timed out."),
                    Some(("errno", "ETIMEDOUT")),
                ),
                code(2301011, "SOCKET_EAGAIN", None, Some(("errno", "EAGAIN"))),
                code(1006, "ABNORMAL_CLOSURE", None, None),
            ],
            vec![IndexedRange {
                id: "private",
                from: 4000,
                to: 4999,
            }],
            vec![
                IndexedEntry {
                    table: "errno",
                    name: "ETIMEDOUT",
                    aliases: Vec::new(),
                },
                IndexedEntry {
                    table: "errno",
                    name: "EAGAIN",
                    aliases: vec!["EWOULDBLOCK"],
                },
            ],
        )
    }

    #[test]
    fn every_kind_of_query_finds_its_codes_by_number() {
        let index = index();
        let codes = |q: &str| index.lookup(q).unwrap();
        assert_eq!(codes("1006"), Found::Codes(vec![1006]));
        assert_eq!(codes("4001"), Found::Range("private"));
        assert_eq!(codes("abnormal_closure"), Found::Codes(vec![1006]));
        assert_eq!(codes("ETIMEDOUT"), Found::Codes(vec![2301110, 2303210]));
        assert_eq!(codes("EWOULDBLOCK"), Found::Codes(vec![2301011]));
        assert_eq!(
            codes(" connection TIMED out"),
            Found::Codes(vec![2301110, 2303210])
        );
        assert_eq!(
            codes("12:00:01 pid 4211: code 2303210 at 2026-12-01"),
            Found::Codes(vec![2303210])
        );
        assert_eq!(
            codes("read(): Connection timed out. (4211)"),
            Found::Codes(vec![2301110, 2303210])
        );
    }

    #[test]
    fn what_is_not_found_gives_the_nearest() {
        let index = index();
        assert_eq!(
            index.lookup("2303212"),
            Err(vec![
                "1006".to_string(),
                "2301011".to_string(),
                "2301110".to_string(),
                "2303210".to_string()
            ])
        );
        let names = index.lookup("SOCKET_ETIMEOUT").unwrap_err();
        assert_eq!(names[0], "SOCKET_ETIMEDOUT");
        assert!(index.lookup("99999999999999999999").is_err());
    }
}
