//! The comments of a catalog file, kept through `import`'s rewrite.
//!
//! YAML parsers drop comments, so they are read from the lines: a full-line
//! comment goes with what follows it — a top-level key (`modules:`), a
//! module, a code, or a field of one (`message:`), before which it is
//! written back, at that line's indentation. A comment at the end of a
//! field's line (`name: A # legacy`) stays at the end of that line; one at
//! the end of a deeper line (inside `metadata:`) goes before its field.
//! Comments after the last line stay at the end. Nothing a comment says is
//! lost; where it stood within a field's lines may move to the field's
//! first line.

use std::collections::BTreeMap;

/// What a comment stands with.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    /// A top-level key (`site`, `references`, `tables`, `modules`), or
    /// `""` for the end of the file.
    Top(String),
    /// A module, by id.
    Module(String),
    /// An entry of a module's `codes`: `code 1001`, `also 1001`,
    /// `heading id`.
    Entry(String, String),
}

/// Where an item starts in the file: its first line (1-based) and the
/// column of its keys (the one after `- `).
#[derive(Debug, Clone)]
pub struct Anchor {
    /// The item.
    pub item: Item,
    /// Its first line.
    pub line: usize,
}

/// A catalog's comments, by where they go.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comments {
    /// Full-line comments, before an item (`None`) or one of its fields.
    before: BTreeMap<(Item, Option<String>), Vec<String>>,
    /// End-of-line comments of an item's line (`None`: its first line) or
    /// of one of its fields.
    trailing: BTreeMap<(Item, Option<String>), String>,
}

impl Comments {
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.before.is_empty() && self.trailing.is_empty()
    }

    /// Reads the comments of `text` (line breaks normalized to `\n`),
    /// past its leading block (`header_lines` lines, kept apart), given
    /// where its items start.
    pub fn read(text: &str, header_lines: usize, anchors: &[Anchor]) -> Comments {
        let lines: Vec<&str> = text.lines().collect();
        let content = block_scalar_lines(&lines);
        let is_comment =
            |n: usize| !content[n] && lines[n].trim_start().starts_with('#') && n >= header_lines;
        // The top-level keys start items too.
        let tops: Vec<Anchor> = lines
            .iter()
            .enumerate()
            .filter(|(n, _)| !content[*n])
            .filter_map(|(n, l)| {
                Some(Anchor {
                    item: Item::Top(top_level_key(l)?),
                    line: n + 1,
                })
            })
            .collect();
        let mut anchors: Vec<&Anchor> = anchors.iter().chain(&tops).collect();
        anchors.sort_by_key(|a| a.line);
        anchors.dedup_by_key(|a| a.line);
        let starting = |n: usize| {
            anchors
                .binary_search_by_key(&(n + 1), |a| a.line)
                .ok()
                .map(|i| anchors[i])
        };
        // The item a line is in, and the field of that item it is in.
        let place = |n: usize| -> (Item, Option<String>) {
            if let Some(anchor) = starting(n) {
                return (anchor.item.clone(), None);
            }
            let at = anchors.partition_point(|a| a.line <= n + 1);
            let top_key = |n: usize| {
                lines[..=n]
                    .iter()
                    .rev()
                    .find_map(|l| top_level_key(l))
                    .unwrap_or_default()
            };
            let Some(anchor) = at.checked_sub(1).map(|i| anchors[i]) else {
                return (Item::Top(top_key(n)), None);
            };
            // A top-level key between the item and the line ends the item.
            let start = anchor.line - 1;
            if lines[start + 1..=n]
                .iter()
                .any(|l| top_level_key(l).is_some())
                || matches!(anchor.item, Item::Top(_))
            {
                return (Item::Top(top_key(n)), None);
            }
            let column = key_column(lines[start]);
            let field = lines[start..=n]
                .iter()
                .enumerate()
                .rev()
                .filter(|(i, l)| !content[start + i] && !l.trim_start().starts_with('#'))
                .find_map(|(_, l)| {
                    let indent = l.len() - l.trim_start_matches(' ').len();
                    (indent == column).then(|| key_of(l.trim_start())).flatten()
                });
            match field {
                Some(field) => (anchor.item.clone(), Some(field)),
                None => (anchor.item.clone(), None),
            }
        };
        let mut comments = Comments::default();
        let mut block: Vec<String> = Vec::new();
        for n in 0..lines.len() {
            if is_comment(n) {
                block.push(lines[n].trim().to_string());
                continue;
            }
            if lines[n].trim().is_empty() || n < header_lines {
                continue;
            }
            if !block.is_empty() {
                let key = place(n);
                comments.before.entry(key).or_default().append(&mut block);
            }
            if content[n] {
                continue;
            }
            if let Some(comment) = trailing_comment(lines[n]) {
                let (item, field) = place(n);
                let column = starting(n).map(|a| key_column(lines[a.line - 1]));
                let indent = lines[n].len() - lines[n].trim_start_matches(' ').len();
                // On the item's first line, or a field's own line: kept
                // there; deeper, it goes before the field.
                let own_line = starting(n).is_some()
                    || column.is_none_or(|c| c == indent)
                        && field.is_some()
                        && key_of(lines[n].trim_start()) == field;
                if own_line && !matches!(item, Item::Top(_)) {
                    let slot = comments.trailing.entry((item, field)).or_default();
                    if slot.is_empty() {
                        slot.push_str(comment);
                    } else {
                        comments
                            .before
                            .entry((place(n).0, None))
                            .or_default()
                            .push(comment.to_string());
                    }
                } else {
                    comments
                        .before
                        .entry((item, field))
                        .or_default()
                        .push(comment.to_string());
                }
            }
        }
        if !block.is_empty() {
            comments
                .before
                .entry((Item::Top(String::new()), None))
                .or_default()
                .append(&mut block);
        }
        comments
    }

    /// Writes `line` (with its indentation, `- ` included) of `item`'s
    /// `field` (`None`: the item's first line) to `out`, after the
    /// comments that go before it and with the one that ends it.
    pub fn line(&self, out: &mut String, item: &Item, field: Option<&str>, line: &str) {
        let key = (item.clone(), field.map(str::to_string));
        let indent = &line[..line.len() - line.trim_start_matches(' ').len()];
        if let Some(block) = self.before.get(&key) {
            for comment in block {
                out.push_str(indent);
                out.push_str(comment);
                out.push('\n');
            }
        }
        out.push_str(line);
        if let Some(comment) = self.trailing.get(&key) {
            out.push(' ');
            out.push_str(comment);
        }
        out.push('\n');
    }

    /// The comments that go before a top-level key (or, for `""`, at the
    /// end), each on its line.
    pub fn top(&self, key: &str) -> String {
        self.before
            .get(&(Item::Top(key.to_string()), None))
            .map(|block| block.iter().map(|c| format!("{c}\n")).collect())
            .unwrap_or_default()
    }

    /// The comments of `item` that `line` does not write — those of fields
    /// a rewrite no longer has — as lines at `indent`, so that none is lost.
    pub fn rest(&self, item: &Item, written: &[&str], indent: &str) -> String {
        let mut out = String::new();
        for ((i, field), block) in &self.before {
            if i == item && field.as_deref().is_some_and(|f| !written.contains(&f)) {
                for comment in block {
                    out.push_str(indent);
                    out.push_str(comment);
                    out.push('\n');
                }
            }
        }
        for ((i, field), comment) in &self.trailing {
            if i == item && field.as_deref().is_some_and(|f| !written.contains(&f)) {
                out.push_str(indent);
                out.push_str(comment);
                out.push('\n');
            }
        }
        out
    }
}

/// `key` of a line `key: …` or `- key: …` at column 0 (a top-level key).
fn top_level_key(line: &str) -> Option<String> {
    if line.starts_with([' ', '-', '#']) {
        return None;
    }
    key_of(line)
}

/// The key a line (indentation removed) starts with, if it starts with a
/// plain `key:` (after `- ` for a list item).
fn key_of(line: &str) -> Option<String> {
    let line = line.strip_prefix("- ").unwrap_or(line).trim_start();
    let end = line.find(':')?;
    let key = &line[..end];
    let rest = &line[end + 1..];
    (!key.is_empty()
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && (rest.is_empty() || rest.starts_with([' ', '\t'])))
    .then(|| key.to_string())
}

/// The column of the keys of the item whose first line is `line`: after
/// its indentation and `- `.
fn key_column(line: &str) -> usize {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let dash = rest.len() - rest.trim_start_matches("- ").trim_start().len();
    indent + dash
}

/// Which lines are the content of a block scalar (`message: |`), where a
/// `#` is text, not a comment.
fn block_scalar_lines(lines: &[&str]) -> Vec<bool> {
    let mut content = vec![false; lines.len()];
    let mut parent: Option<usize> = None;
    for (n, line) in lines.iter().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(p) = parent {
            if line.trim().is_empty() || indent > p {
                content[n] = true;
                continue;
            }
            parent = None;
        }
        let value = match trailing_comment(line) {
            Some(c) => &line[..line.len() - c.len()],
            None => line,
        }
        .trim_end();
        let indicator = value.rsplit_once([' ', '\t']).map_or(value, |(_, v)| v);
        let opens = indicator.starts_with(['|', '>'])
            && indicator[1..]
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'+' || b == b'-')
            && (value.len() > indicator.len());
        if opens {
            parent = Some(indent);
        }
    }
    content
}

/// The comment that ends `line` (from its `#`), if it has one: a `#` after
/// whitespace, outside quotes.
fn trailing_comment(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') {
        return None;
    }
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match quote {
            Some('"') => match c {
                '\\' => {
                    chars.next();
                }
                '"' => quote = None,
                _ => {}
            },
            Some(_) => {
                if c == '\'' {
                    if chars.peek().is_some_and(|(_, n)| *n == '\'') {
                        chars.next();
                    } else {
                        quote = None;
                    }
                }
            }
            None => match c {
                '"' | '\'' if matches!(previous, ' ' | '\t' | ':' | '[' | '{' | ',' | '-') => {
                    quote = Some(c);
                }
                '#' if matches!(previous, ' ' | '\t') => return Some(&line[i..]),
                _ => {}
            },
        }
        previous = c;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_comments_are_found_outside_quotes_only() {
        assert_eq!(trailing_comment("  name: A # legacy"), Some("# legacy"));
        assert_eq!(trailing_comment("  message: \"a # b\" # c"), Some("# c"));
        assert_eq!(trailing_comment("  message: 'it''s # x'"), None);
        assert_eq!(trailing_comment("  url: http://x/#frag"), None);
        assert_eq!(trailing_comment("# whole"), None);
    }

    #[test]
    fn lines_of_block_scalars_are_text() {
        let lines = [
            "  message: |",
            "    # not a comment",
            "  name: A",
            "# comment",
        ];
        assert_eq!(block_scalar_lines(&lines), [false, true, false, false]);
    }
}
