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

/// The comments of one item.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct ItemComments {
    /// Full-line comments, before the item (`None`) or one of its fields.
    before: BTreeMap<Option<String>, Vec<String>>,
    /// End-of-line comments of the item's first line (`None`) or of one
    /// of its fields' lines.
    trailing: BTreeMap<Option<String>, String>,
}

/// A catalog's comments, by where they go.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comments {
    items: BTreeMap<Item, ItemComments>,
}

/// Where a line of the file stands: in which item, in which of its
/// fields, and whether it is that field's own line.
struct Place {
    item: Item,
    field: Option<String>,
    /// The line is the item's first or its field's key line.
    own_line: bool,
}

impl Comments {
    /// Reads the comments of `text` (line breaks normalized to `\n`),
    /// past its leading block (`header_lines` lines, kept apart), given
    /// where its items start.
    pub fn read(text: &str, header_lines: usize, anchors: &[Anchor]) -> Comments {
        let lines: Vec<&str> = text.lines().collect();
        let scan = scan_lines(&lines);
        let top_at = top_keys(&lines, &scan);
        // The top-level keys start items too.
        let tops: Vec<Anchor> = top_at
            .iter()
            .enumerate()
            .filter(|(n, t)| **t == Some(*n))
            .filter_map(|(n, _)| {
                Some(Anchor {
                    item: Item::Top(top_level_key(lines[n])?),
                    line: n + 1,
                })
            })
            .collect();
        let mut anchors: Vec<&Anchor> = anchors.iter().chain(&tops).collect();
        anchors.sort_by_key(|a| a.line);
        anchors.dedup_by_key(|a| a.line);
        let file = CatalogLines {
            lines: &lines,
            scan: &scan,
            top_at: &top_at,
            anchors: &anchors,
        };
        let is_comment = |n: usize| {
            !file.content(n) && lines[n].trim_start().starts_with('#') && n >= header_lines
        };
        let mut comments = Comments::default();
        let mut block: Vec<String> = Vec::new();
        for n in header_lines..lines.len() {
            if is_comment(n) {
                block.push(lines[n].trim().to_string());
                continue;
            }
            if lines[n].trim().is_empty() {
                continue;
            }
            // A comment block goes before the line that follows it.
            if !block.is_empty() {
                let Place { item, field, .. } = file.place(n);
                let before = &mut comments.items.entry(item).or_default().before;
                before.entry(field).or_default().append(&mut block);
            }
            let Some(at) = scan[n].1 else { continue };
            let comment = lines[n][at..].to_string();
            let Place {
                item,
                field,
                own_line,
            } = file.place(n);
            let top_level = matches!(item, Item::Top(_));
            let entry = comments.items.entry(item).or_default();
            if own_line && !top_level && !entry.trailing.contains_key(&field) {
                entry.trailing.insert(field, comment);
            } else {
                // From a line inside a field: before the field.
                entry.before.entry(field).or_default().push(comment);
            }
        }
        if !block.is_empty() {
            let end = comments.items.entry(Item::Top(String::new())).or_default();
            end.before.entry(None).or_default().append(&mut block);
        }
        comments
    }

    /// Writes `line` (with its indentation, `- ` included) of `item`'s
    /// `field` to `out`, after the comments that go before it and with the
    /// one that ends it.
    pub fn field(&self, out: &mut String, item: &Item, field: &str, line: &str) {
        self.write(out, item, Some(field), line, &[]);
    }

    /// Writes `line`, the first line of `item`, to `out`: after its own
    /// comments and those of its fields that `written` does not have (a
    /// field a rewrite dropped: there they read back as the item's own, so
    /// a second rewrite leaves them there), and with the one that ends it.
    pub fn first_line(&self, out: &mut String, item: &Item, line: &str, written: &[&str]) {
        let mut rest: Vec<&str> = Vec::new();
        if let Some(comments) = self.items.get(item) {
            let unwritten =
                |field: &Option<String>| field.as_deref().is_some_and(|f| !written.contains(&f));
            for (field, block) in &comments.before {
                if unwritten(field) {
                    rest.extend(block.iter().map(String::as_str));
                }
            }
            for (field, comment) in &comments.trailing {
                if unwritten(field) {
                    rest.push(comment);
                }
            }
        }
        self.write(out, item, None, line, &rest);
    }

    fn write(
        &self,
        out: &mut String,
        item: &Item,
        field: Option<&str>,
        line: &str,
        extra: &[&str],
    ) {
        let indent = &line[..line.len() - line.trim_start_matches(' ').len()];
        let comments = self.items.get(item);
        let field = field.map(str::to_string);
        let block = comments.and_then(|c| c.before.get(&field));
        for comment in block
            .into_iter()
            .flatten()
            .map(String::as_str)
            .chain(extra.iter().copied())
        {
            out.push_str(indent);
            out.push_str(comment);
            out.push('\n');
        }
        out.push_str(line);
        if let Some(comment) = comments.and_then(|c| c.trailing.get(&field)) {
            out.push(' ');
            out.push_str(comment);
        }
        out.push('\n');
    }

    /// The comments that go before a top-level key (or, for `""`, at the
    /// end), each on its line.
    pub fn top(&self, key: &str) -> String {
        let Some(comments) = self.items.get(&Item::Top(key.to_string())) else {
            return String::new();
        };
        comments
            .before
            .values()
            .flatten()
            .chain(comments.trailing.values())
            .map(|c| format!("{c}\n"))
            .collect()
    }
}

/// The index of the last top-level key at or before each line of `lines`
/// (`scan` tells the lines that are a scalar's text).
fn top_keys(lines: &[&str], scan: &[(bool, Option<usize>)]) -> Vec<Option<usize>> {
    let mut top_at: Vec<Option<usize>> = Vec::with_capacity(lines.len());
    for (n, line) in lines.iter().enumerate() {
        let here = (!scan[n].0 && top_level_key(line).is_some()).then_some(n);
        top_at.push(here.or_else(|| n.checked_sub(1).and_then(|p| top_at[p])));
    }
    top_at
}

/// The lines of a catalog file, and what tells where each stands.
struct CatalogLines<'a> {
    lines: &'a [&'a str],
    /// Per line: whether it is a scalar's text, and where a comment ends
    /// it ([`scan_lines`]).
    scan: &'a [(bool, Option<usize>)],
    /// The last top-level key at or before each line (its index).
    top_at: &'a [Option<usize>],
    /// Where items start, top-level keys included, by line.
    anchors: &'a [&'a Anchor],
}

impl CatalogLines<'_> {
    /// Whether line `n` (0-based) is a scalar's text.
    fn content(&self, n: usize) -> bool {
        self.scan[n].0
    }

    /// Where line `n` stands when it is under a top-level key, outside any
    /// item: with that key.
    fn top(&self, n: usize) -> Place {
        let key = self.top_at[n].and_then(|t| top_level_key(self.lines[t]));
        Place {
            item: Item::Top(key.unwrap_or_default()),
            field: None,
            own_line: false,
        }
    }

    /// The last field key line of the item starting at `start`, at its
    /// keys' column, from `n` back (the item's lines only).
    fn field_of(&self, start: usize, n: usize, column: usize) -> Option<(usize, String)> {
        (start..=n).rev().find_map(|i| {
            let l = self.lines[i];
            let indent = l.len() - l.trim_start_matches(' ').len();
            (!self.content(i) && !l.trim_start().starts_with('#') && indent == column)
                .then(|| key_of(l.trim_start()))
                .flatten()
                .map(|key| (i, key))
        })
    }

    /// Where line `n` stands: in the item whose lines it is among (a
    /// top-level key after the item's start ends the item), and in the
    /// field whose key line is last at or before it.
    fn place(&self, n: usize) -> Place {
        let anchors = self.anchors;
        let at = anchors.partition_point(|a| a.line <= n + 1);
        let Some(anchor) = at.checked_sub(1).map(|i| anchors[i]) else {
            return self.top(n);
        };
        let start = anchor.line - 1;
        // A top-level key after the item's start ends the item.
        if matches!(anchor.item, Item::Top(_)) || self.top_at[n].is_some_and(|t| t > start) {
            return self.top(n);
        }
        if start == n {
            return Place {
                item: anchor.item.clone(),
                field: None,
                own_line: true,
            };
        }
        match self.field_of(start + 1, n, key_column(self.lines[start])) {
            Some((line, field)) => Place {
                item: anchor.item.clone(),
                field: Some(field),
                own_line: line == n,
            },
            None => Place {
                item: anchor.item.clone(),
                field: None,
                own_line: false,
            },
        }
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

/// For each line: whether it is the text of a scalar (a block scalar's
/// line, or the next line of a quoted scalar that spans lines), where a
/// `#` is text; and where a comment ends it, if one does.
fn scan_lines(lines: &[&str]) -> Vec<(bool, Option<usize>)> {
    let mut out = Vec::with_capacity(lines.len());
    let mut block: Option<usize> = None;
    let mut quote: Option<char> = None;
    for line in lines {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = block {
            if line.trim().is_empty() || indent > parent {
                out.push((true, None));
                continue;
            }
            block = None;
        }
        let inside = quote.is_some();
        let (comment, open) = scan_line(line, quote);
        quote = open;
        out.push((inside, comment));
        let value = line[..comment.unwrap_or(line.len())].trim_end();
        let indicator = value.rsplit_once([' ', '\t']).map_or(value, |(_, v)| v);
        let opens = quote.is_none()
            && indicator.starts_with(['|', '>'])
            && indicator[1..]
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'+' || b == b'-')
            && value.len() > indicator.len();
        if opens {
            block = Some(indent);
        }
    }
    out
}

/// Scans `line`, starting inside a quoted scalar opened by `quote` (if
/// any): where a comment starts (a `#` after whitespace, outside quotes),
/// and the quote still open at its end. A quote opens only where a value
/// starts (after `: `, `- `, `[`, `{` or `,`), so the `'` of
/// `Rock 'n roll` is text.
fn scan_line(line: &str, quote: Option<char>) -> (Option<usize>, Option<char>) {
    let mut quote = quote;
    let mut value_start = quote.is_none();
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
                '#' if matches!(previous, ' ' | '\t') || i == 0 => return (Some(i), None),
                '"' | '\'' if value_start => quote = Some(c),
                ' ' | '\t' => {}
                ':' if chars.peek().is_none_or(|(_, n)| matches!(n, ' ' | '\t')) => {
                    value_start = true;
                }
                '-' if value_start && chars.peek().is_none_or(|(_, n)| matches!(n, ' ' | '\t')) => {
                }
                '[' | '{' | ',' => value_start = true,
                _ => value_start = false,
            },
        }
        previous = c;
    }
    (None, quote)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trailing(line: &str) -> Option<&str> {
        scan_line(line, None).0.map(|at| &line[at..])
    }

    #[test]
    fn trailing_comments_are_found_outside_quotes_only() {
        assert_eq!(trailing("  name: A # legacy"), Some("# legacy"));
        assert_eq!(trailing("  message: \"a # b\" # c"), Some("# c"));
        assert_eq!(trailing("  message: 'it''s # x'"), None);
        assert_eq!(trailing("  url: http://x/#frag"), None);
        assert_eq!(trailing("  message: Rock 'n roll # kept"), Some("# kept"));
        assert_eq!(trailing("  - { code: 1, name: A } # c"), Some("# c"));
    }

    #[test]
    fn lines_of_block_and_quoted_scalars_are_text() {
        let lines = [
            "  message: |",
            "    # not a comment",
            "  name: A",
            "  message: \"two",
            "    # lines\" # a comment",
            "# comment",
        ];
        let scan = scan_lines(&lines);
        let content: Vec<bool> = scan.iter().map(|s| s.0).collect();
        assert_eq!(content, [false, true, false, false, true, false]);
        assert_eq!(scan[4].1, Some(13));
    }
}
