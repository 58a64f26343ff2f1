//! The top-level blocks of a page (pulldown-cmark, one pass), and what a
//! single block says: a heading's code, a label, a marker, a table's
//! columns.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{Field, label};
use crate::catalog::CodeNumber;

/// A top-level block of the page.
#[derive(Debug, Clone)]
pub(super) struct Block {
    pub(super) kind: Kind,
    pub(super) range: Range<usize>,
    /// Plain text (for headings, labels, messages).
    pub(super) text: String,
    /// Source ranges of the items of a list.
    pub(super) items: Vec<Range<usize>>,
    /// Rows of a table: cells as plain text, the header first.
    pub(super) rows: Vec<Vec<String>>,
    /// Where each row of a table starts, and its cells stand (as written,
    /// blanks around them trimmed), the header first.
    pub(super) row_spans: Vec<(usize, Vec<Range<usize>>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Heading(u8),
    Paragraph,
    List,
    Quote,
    Code,
    Table,
    Html,
    Rule,
}

pub(super) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// The top-level blocks of `text`, in page order.
pub(super) fn blocks(text: &str) -> Vec<Block> {
    let mut gather = Gather {
        text,
        out: Vec::new(),
        depth: 0,
        item_depth: 0,
        row: Vec::new(),
        cell: String::new(),
        in_cell: false,
    };
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match &event {
            Event::Start(tag) => gather.start(tag, range),
            Event::End(tag) => gather.end(*tag),
            Event::Text(t) | Event::Code(t) => {
                if gather.in_cell {
                    gather.cell.push_str(t);
                }
                if let Some(block) = gather.out.last_mut() {
                    block.text.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(block) = gather.out.last_mut() {
                    block.text.push('\n');
                }
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                if let Some(block) = gather.out.last_mut() {
                    block.text.push_str(t);
                }
            }
            Event::Rule if gather.depth == 0 => gather.out.push(new_block(Kind::Rule, range)),
            _ => {}
        }
    }
    gather.out
}

/// The blocks read so far, and where the parser stands among them.
struct Gather<'t> {
    text: &'t str,
    out: Vec<Block>,
    /// How many tags are open (0 between top-level blocks).
    depth: usize,
    /// How many list items are open.
    item_depth: usize,
    /// The cells of the table row being read, as plain text.
    row: Vec<String>,
    /// The plain text of the cell being read.
    cell: String,
    /// Whether a table cell is open.
    in_cell: bool,
}

impl Gather<'_> {
    /// A tag opens: at the top level, a block of its own; inside one, an
    /// item of its list, or a row or a cell of its table.
    fn start(&mut self, tag: &Tag<'_>, range: Range<usize>) {
        if self.depth == 0 {
            self.out.push(new_block(kind_of(tag), range.clone()));
        }
        if let Some(block) = self.out.last_mut() {
            match tag {
                Tag::Item => {
                    if self.item_depth == 0 && block.kind == Kind::List {
                        block.items.push(range.clone());
                    }
                    self.item_depth += 1;
                }
                Tag::TableHead | Tag::TableRow => {
                    block.row_spans.push((range.start, Vec::new()));
                }
                Tag::TableCell => {
                    self.in_cell = true;
                    self.cell.clear();
                    let slice = self.text.get(range.clone()).unwrap_or("");
                    let from = range.start + (slice.len() - slice.trim_start().len());
                    let cell_span = from..from + slice.trim().len();
                    if let Some((_, cells)) = block.row_spans.last_mut() {
                        cells.push(cell_span);
                    }
                }
                _ => {}
            }
        }
        self.depth += 1;
    }

    /// A tag closes: an item, or a cell or a row of a table, ends.
    fn end(&mut self, tag: TagEnd) {
        self.depth = self.depth.saturating_sub(1);
        match tag {
            TagEnd::Item => self.item_depth = self.item_depth.saturating_sub(1),
            TagEnd::TableCell => {
                self.in_cell = false;
                self.row.push(self.cell.trim().to_string());
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(block) = self.out.last_mut() {
                    block.rows.push(std::mem::take(&mut self.row));
                }
            }
            _ => {}
        }
    }
}

/// The kind of block a tag opens at the top level.
fn kind_of(tag: &Tag<'_>) -> Kind {
    match tag {
        Tag::Heading { level, .. } => Kind::Heading(match level {
            HeadingLevel::H1 => 1,
            HeadingLevel::H2 => 2,
            HeadingLevel::H3 => 3,
            HeadingLevel::H4 => 4,
            HeadingLevel::H5 => 5,
            HeadingLevel::H6 => 6,
        }),
        Tag::List(_) => Kind::List,
        Tag::BlockQuote(_) => Kind::Quote,
        Tag::CodeBlock(_) => Kind::Code,
        Tag::Table(_) => Kind::Table,
        Tag::HtmlBlock => Kind::Html,
        _ => Kind::Paragraph,
    }
}

/// An empty block of `kind`, standing at `range`.
fn new_block(kind: Kind, range: Range<usize>) -> Block {
    Block {
        kind,
        range,
        text: String::new(),
        items: Vec::new(),
        rows: Vec::new(),
        row_spans: Vec::new(),
    }
}

/// `(name, is_end)` of a `<!--Del-->` or `<!--DelEnd-->` marker line.
pub(super) fn marker_name(line: &str) -> Option<(&str, bool)> {
    let name = line
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some(match name.strip_suffix("End") {
        Some(opened) if !opened.is_empty() => (opened, true),
        _ => (name, false),
    })
}

/// Whether `source` is only marker comments, one or more per line.
pub(super) fn markers_only(source: &str) -> bool {
    let mut any = false;
    for line in source.lines().map(str::trim).filter(|l| !l.is_empty()) {
        for part in line.split_inclusive("-->") {
            if marker_name(part).is_none() {
                return false;
            }
            any = true;
        }
    }
    any
}

/// The `(code, title)` of a `## 2303210 Connection Timed Out`, `## 2900001`
/// or `## -1 Unknown` heading: a whole number, then a space or nothing.
pub(super) fn code_heading(title: &str) -> Option<(CodeNumber, String)> {
    let text = title.trim();
    let sign = usize::from(text.starts_with('-'));
    let digits = text[sign..]
        .chars()
        .take_while(char::is_ascii_digit)
        .count();
    if digits == 0 {
        return None;
    }
    let end = sign + digits;
    let rest = &text[end..];
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    if &text[..end] == "-0" {
        return None;
    }
    let code = text[..end].parse().ok()?;
    Some((code, rest.trim().to_string()))
}

/// The Markdown of a heading: its source without the `#`s around it.
pub(super) fn heading_source(source: &str) -> String {
    heading_span(source, 0).map_or_else(String::new, |r| source[r].to_string())
}

/// Where the text of a heading (at `base` of the page, its source
/// `source`) stands: after its `#`s, before a closing sequence.
pub(super) fn heading_span(source: &str, base: usize) -> Option<Range<usize>> {
    let line = source.lines().next().unwrap_or("");
    let hashes = line.len() - line.trim_start().trim_start_matches('#').len();
    let rest = &line[hashes..];
    let inner = rest.trim();
    // A closing sequence is `#`s after a space.
    let closed = inner.trim_end_matches('#');
    let inner = if closed.len() < inner.len() && (closed.is_empty() || closed.ends_with(' ')) {
        closed.trim_end()
    } else {
        inner
    };
    if inner.is_empty() {
        return None;
    }
    let start = base + hashes + (rest.len() - rest.trim_start().len());
    Some(start..start + inner.len())
}

/// A paragraph that starts with a label: its field, and where the text
/// after the label starts, if the paragraph goes on.
pub(super) struct LabelStart {
    pub(super) field: Field,
    pub(super) rest: Option<usize>,
}

/// Whether paragraph `block` starts with a label: `**Solution**`,
/// `**Solution:**`, `**错误信息**<br/>` (its text on the next line or the
/// same one), or a plain line `Error Message` / `错误信息：`. A bold phrase
/// that names no field (`**Criterion**`), or bold words in a sentence, are
/// ordinary text.
pub(super) fn label_start(text: &str, block: &Block) -> Option<LabelStart> {
    let source = text.get(block.range.clone())?;
    let start = block.range.start;
    let first_line_end = source.find('\n').unwrap_or(source.len());
    // Where the text after the label starts, skipping blanks and breaks.
    let rest_from = |at: usize| {
        let rest = source.get(at..)?.trim_start_matches([' ', '\t', '\n']);
        (!rest.trim().is_empty()).then(|| start + (source.len() - rest.len()))
    };
    if let Some(field) = label(&source[..first_line_end]) {
        return Some(LabelStart {
            field,
            rest: rest_from(first_line_end),
        });
    }
    let inner = source.strip_prefix("**")?;
    let close = inner.find("**")?;
    let field = label(&inner[..close])?;
    let mut at = 2 + close + 2;
    // `**Error Message**:` — the colon outside the bold.
    for colon in [':', '：'] {
        if source[at..].starts_with(colon) {
            at += colon.len_utf8();
        }
    }
    at += source[at..].len() - source[at..].trim_start_matches([' ', '\t']).len();
    let mut broken = false;
    for br in ["<br/>", "<br />", "<br>"] {
        if source[at..].starts_with(br) {
            at += br.len();
            broken = true;
            break;
        }
    }
    let same_line = source[at..].split('\n').next().unwrap_or("").trim();
    if !same_line.is_empty() && !broken {
        return None;
    }
    Some(LabelStart {
        field,
        rest: rest_from(at),
    })
}

/// Which column of a table is the code, the message, the description.
pub(super) fn table_columns(header: &[String]) -> Option<(usize, Option<usize>, Option<usize>)> {
    let find = |names: &[&str]| {
        header.iter().position(|h| {
            let h = h.trim().to_lowercase();
            names.iter().any(|n| h == *n)
        })
    };
    let code = find(&["error code", "code", "错误码"])?;
    let message = find(&["error message", "message", "错误信息"]);
    let description = find(&["description", "错误描述", "描述", "说明"]);
    (message.is_some() || description.is_some()).then_some((code, message, description))
}

/// Whether a block is only `<a id="…"></a>` anchors.
pub(super) fn is_anchor(source: &str) -> bool {
    let mut rest = source.trim();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let Some(after) = rest.strip_prefix("<a id=\"") else {
            return false;
        };
        let Some(end) = after.find("\"></a>") else {
            return false;
        };
        rest = after[end + 6..].trim_start();
    }
    true
}
