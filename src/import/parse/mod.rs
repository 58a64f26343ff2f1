//! Reading a hand-written error-code page (the house style of
//! OpenHarmony's `errorcode-*.md`) into its parts, with pulldown-cmark.
//!
//! Real pages vary, and every variation seen on published pages is read:
//! labels in bold or as plain lines, with a colon, with `<br>` and the
//! text on the same line; code headings at `##` or `###`, with or without
//! a title, negative or of any length, in any order; `###` sub-cases under
//! a code (kept as the code's details, as written); headings that are not
//! codes (kept with the prose under them); `<!--Del-->`, `<!--RP1-->` and
//! other markers around sections or inside texts; text before the first
//! code. Whatever does not map is kept with its line for the report.

mod blocks;
mod fields;

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::catalog::CodeNumber;
use crate::source::Lines;
use blocks::{
    Block, Kind, LabelStart, blocks, code_heading, heading_source, heading_span, is_anchor,
    label_start, marker_name, markers_only, options, table_columns,
};
use fields::{Piece, items, message_of, source_of, span_of, trimmed};

/// The fields of a code section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The literal error message.
    Message,
    /// What it means.
    Description,
    /// Possible causes.
    Causes,
    /// The solution's steps.
    Solution,
}

/// The field a label names, in English or Chinese (`可能原因：`,
/// `Possible Cause`, `Procedure`).
pub fn label(text: &str) -> Option<Field> {
    let text = text
        .trim()
        .trim_end_matches([':', '：'])
        .trim()
        .to_lowercase();
    match text.as_str() {
        "error message" | "error messages" | "错误信息" => Some(Field::Message),
        "description" | "错误描述" | "描述" => Some(Field::Description),
        "possible causes" | "possible cause" | "cause" | "causes" | "可能原因" | "原因" => {
            Some(Field::Causes)
        }
        "solution" | "solutions" | "procedure" | "处理步骤" | "操作步骤" | "解决措施"
        | "解决方法" => Some(Field::Solution),
        _ => None,
    }
}

/// One code section of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// The code.
    pub code: CodeNumber,
    /// Its title (Markdown; empty for `## 2900001`).
    pub title: String,
    /// The level of its heading (`##` is 2).
    pub level: u8,
    /// The literal error message, its lines as the page breaks them.
    pub message: Option<String>,
    /// Text between the heading and the first label (Markdown).
    pub intro: Option<String>,
    /// The description (Markdown).
    pub description: Option<String>,
    /// The causes (Markdown each).
    pub causes: Vec<String>,
    /// The solution's steps (Markdown each).
    pub solutions: Vec<String>,
    /// Sub-cases: from the first heading below the code's to the end of
    /// the section, as written (Markdown).
    pub details: Option<String>,
    /// The marker around the section (`Del`), if any.
    pub marker: Option<String>,
    /// The line of its heading.
    pub line: usize,
    /// Where its parts stand on the page, for its layout.
    pub spans: Spans,
}

/// Where a section's texts stand on the page (byte ranges): what a layout
/// of the page replaces with the texts errdoc keeps. A text that does not
/// stand in one piece (two labels of one field, markers joined to an item)
/// has none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans {
    /// Where the section begins: its heading, or the marker line before it
    /// that opens its marker. `None` for a row of a table of codes.
    pub start: Option<usize>,
    /// Its title, in the heading.
    pub title: Option<Range<usize>>,
    /// The Error Message.
    pub message: Option<Range<usize>>,
    /// The intro.
    pub intro: Option<Range<usize>>,
    /// The description.
    pub description: Option<Range<usize>>,
    /// Each cause.
    pub causes: Vec<Option<Range<usize>>>,
    /// Each step.
    pub solutions: Vec<Option<Range<usize>>>,
    /// The sub-cases.
    pub details: Option<Range<usize>>,
}

/// A heading of the page that is not a code (`## Basic File IO Error
/// Codes`, `## 概述`), with the text under it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageHeading {
    /// How many code sections come before it.
    pub before: usize,
    /// Its level (`##` is 2).
    pub level: u8,
    /// Its text (Markdown).
    pub title: String,
    /// The text under it, up to the next heading (Markdown).
    pub text: Option<String>,
    /// The line of the heading.
    pub line: usize,
    /// Where it begins, its title and its text stand on the page.
    pub start: usize,
    /// Where its title stands.
    pub title_span: Option<Range<usize>>,
    /// Where its text stands.
    pub text_span: Option<Range<usize>>,
}

/// Where the page's own texts stand: its title, metadata values, note and
/// intro.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageSpans {
    /// The `# Title` text.
    pub title: Option<Range<usize>>,
    /// Each metadata value, by its label as written.
    pub metadata: Vec<(String, Range<usize>)>,
    /// The note's text, after its label.
    pub note: Option<Range<usize>>,
    /// The intro.
    pub intro: Option<Range<usize>>,
}

/// A page, read.
#[derive(Debug, Default)]
pub struct Page {
    /// The `# Title`.
    pub title: Option<String>,
    /// The metadata block: (label as written, value).
    pub metadata: Vec<(String, String)>,
    /// The NOTE / 说明 text (Markdown).
    pub note: Option<String>,
    /// Text before the first code or heading, after the note (Markdown).
    pub intro: Option<String>,
    /// Code sections (and table rows) in page order, first of each code.
    pub sections: Vec<Section>,
    /// Headings that are not codes, with their place among the sections.
    pub headings: Vec<PageHeading>,
    /// Pieces that map to nothing of the catalog or the translations: the
    /// page's layout keeps them. (line, what).
    pub unmapped: Vec<(usize, String)>,
    /// Pieces the built page will not have: (line, what).
    pub dropped: Vec<(usize, String)>,
    /// Codes met again after their first section: (code, line).
    pub duplicates: Vec<(CodeNumber, usize)>,
    /// Where the page's own texts stand.
    pub spans: PageSpans,
}

/// What the reader is in the middle of.
enum Place<'b> {
    /// Before the first code or heading: the page's intro.
    Top(Vec<Piece<'b>>),
    /// After a table of codes, outside any heading: what comes here is
    /// reported, and kept in the page's layout only.
    Loose(Vec<Piece<'b>>),
    /// Under a heading that is not a code.
    Heading(PageHeading, Vec<Piece<'b>>),
    /// In a code section.
    Code(Box<Open<'b>>),
}

/// A code section being read.
struct Open<'b> {
    section: Section,
    /// Pieces before the first label.
    intro: Vec<Piece<'b>>,
    /// Labelled fields in page order.
    fields: Vec<(Field, Vec<Piece<'b>>)>,
    /// Where the details (sub-cases) start, once a lower heading is met.
    details: Option<usize>,
    /// Where the last piece ends (for the details' end).
    end: usize,
}

impl<'b> Open<'b> {
    /// The pieces the next block belongs to.
    fn current(&mut self) -> &mut Vec<Piece<'b>> {
        match self.fields.last_mut() {
            Some((_, pieces)) => pieces,
            None => &mut self.intro,
        }
    }

    /// The last piece of the section, wherever it is.
    fn last_piece(&mut self) -> Option<&mut Piece<'b>> {
        match self.fields.last_mut() {
            Some((_, pieces)) if !pieces.is_empty() => pieces.last_mut(),
            _ => self.intro.last_mut(),
        }
    }
}

struct Reader<'t> {
    text: &'t str,
    page: Page,
    seen: std::collections::BTreeSet<CodeNumber>,
    /// The marker around the sections being read.
    marker: Option<String>,
    /// A marker that opens before the next section.
    opening: Option<String>,
    /// Where the marker line that opens it stands, when it is a line of
    /// its own: the next section's layout begins there.
    opening_at: Option<usize>,
    /// Where the lines of the text start.
    lines: Lines,
}

impl<'t> Reader<'t> {
    fn finish(&mut self, place: Place<'_>) {
        match place {
            Place::Top(pieces) => {
                if let Some(intro) = source_of(self.text, &pieces) {
                    self.page.spans.intro = match self.page.intro {
                        None => span_of(self.text, &pieces),
                        Some(_) => None,
                    };
                    self.page.intro = Some(match self.page.intro.take() {
                        Some(before) => format!("{before}\n\n{intro}"),
                        None => intro,
                    });
                }
            }
            Place::Heading(mut heading, pieces) => {
                heading.text = source_of(self.text, &pieces);
                heading.text_span = span_of(self.text, &pieces);
                self.page.headings.push(heading);
            }
            Place::Loose(pieces) => {
                for piece in pieces {
                    let words: String = piece
                        .block
                        .text
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    let short: String = words.chars().take(60).collect();
                    let more = if words.chars().count() > 60 {
                        "…"
                    } else {
                        ""
                    };
                    self.page.unmapped.push((
                        self.lines.line(piece.range.start),
                        format!("`{short}{more}` after a table of codes, under no heading"),
                    ));
                }
            }
            Place::Code(open) => self.finish_code(*open),
        }
    }

    fn finish_code(&mut self, mut open: Open<'_>) {
        // A marker that ends at the end of the section's last text
        // (`…uninstalled.<!--DelEnd-->`) closes the sections' marker; one
        // that opens there (`…格式。<!--Del-->`) opens before the next.
        let text = self.text;
        if let Some(piece) = open.last_piece() {
            let source = text.get(piece.range.clone()).unwrap_or("");
            let tail = source.trim_end();
            if let Some(start) = tail.rfind("<!--")
                && start > 0
                && let Some((name, end)) = marker_name(&tail[start..])
            {
                let cut = piece.range.start + start;
                if end && self.marker.as_deref() == Some(name) {
                    piece.range.end = cut;
                    open.section.marker.clone_from(&self.marker);
                    self.marker = None;
                } else if !end && self.marker.is_none() {
                    piece.range.end = cut;
                    self.opening = Some(name.to_string());
                }
            }
        }
        let mut section = open.section;
        section.intro = source_of(text, &open.intro);
        section.spans.intro = span_of(text, &open.intro);
        // A label met again (two `**处理步骤**`) adds to its field.
        let join = |field: &mut Option<String>,
                    span: &mut Option<Range<usize>>,
                    more: Option<String>,
                    more_span: Option<Range<usize>>,
                    between: &str| {
            // A label met again: its text joins the first's, and the slot
            // stands for both (the second label goes).
            *span = match (field.is_none(), span.take(), more_span) {
                (true, _, more) => more,
                (false, Some(first), Some(more)) => Some(first.start..more.end),
                _ => None,
            };
            *field = match (field.take(), more) {
                (Some(a), Some(b)) => Some(format!("{a}{between}{b}")),
                (a, b) => a.or(b),
            };
        };
        for (field, pieces) in &open.fields {
            match field {
                Field::Message => {
                    let mut markers = Vec::new();
                    // Markers around the whole message are the page's
                    // (its layout keeps them); inside it, they are lost.
                    let span = span_of(text, pieces).map(|r| without_edge_markers(text, r));
                    let inside = span
                        .clone()
                        .and_then(|r| text.get(r))
                        .is_some_and(|m| m.contains("<!--"));
                    join(
                        &mut section.message,
                        &mut section.spans.message,
                        message_of(text, pieces, &mut markers),
                        span,
                        "\n",
                    );
                    if !markers.is_empty() && inside {
                        let line = pieces
                            .first()
                            .map_or(section.line, |p| self.lines.line(p.range.start));
                        self.page.dropped.push((
                            line,
                            format!(
                                "{} in the Error Message of code {}: the message is literal, without them",
                                markers.join(" "),
                                section.code
                            ),
                        ));
                    }
                }
                Field::Description => join(
                    &mut section.description,
                    &mut section.spans.description,
                    source_of(text, pieces),
                    span_of(text, pieces),
                    "\n\n",
                ),
                Field::Causes => {
                    for (item, span) in items(text, pieces) {
                        section.causes.push(item);
                        section.spans.causes.push(span);
                    }
                }
                Field::Solution => {
                    for (item, span) in items(text, pieces) {
                        section.solutions.push(item);
                        section.spans.solutions.push(span);
                    }
                }
            }
        }
        if let Some(start) = open.details {
            section.spans.details = trimmed(text, start, open.end);
            section.details = section
                .spans
                .details
                .clone()
                .and_then(|r| text.get(r))
                .map(str::to_string);
        }
        self.push(section);
    }

    fn push(&mut self, section: Section) {
        if self.seen.insert(section.code) {
            self.page.sections.push(section);
        } else {
            self.page.duplicates.push((section.code, section.line));
        }
    }

    /// The rows of a table of codes, as sections of their own.
    fn table_rows(&mut self, block: &Block, line: usize) {
        let header = block.rows.first().cloned().unwrap_or_default();
        let Some((code_col, message_col, description_col)) = table_columns(&header) else {
            return;
        };
        for (i, row) in block.rows.iter().enumerate().skip(1) {
            let cell = |c: Option<usize>| {
                c.and_then(|c| row.get(c))
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
            };
            let (row_start, cells) = block.row_spans.get(i).cloned().unwrap_or_default();
            // The first row's part holds the table's header, so the table
            // stays whole whatever comes before it.
            let row_start = if i == 1 { block.range.start } else { row_start };
            let cell_span = |c: Option<usize>| {
                c.and_then(|c| cells.get(c))
                    .cloned()
                    .filter(|r| !r.is_empty())
            };
            let Some(code) = cell(Some(code_col)).and_then(|c| c.parse::<CodeNumber>().ok()) else {
                self.page
                    .unmapped
                    .push((line + i + 1, "table row without a code".to_string()));
                continue;
            };
            // The description column is the code's title (as written: it
            // is Markdown); the row is the code's whole section.
            let title_span = cell_span(description_col);
            let message_span = cell_span(message_col).filter(|_| cell(message_col).is_some());
            self.push(Section {
                code,
                title: title_span
                    .clone()
                    .and_then(|r| self.text.get(r))
                    .unwrap_or("")
                    // A cell's `\|` is a `|` anywhere else.
                    .replace("\\|", "|"),
                level: 2,
                message: cell(message_col),
                marker: self.marker.clone(),
                line: line + i + 1,
                spans: Spans {
                    start: Some(row_start),
                    title: title_span,
                    message: message_span,
                    ..Spans::default()
                },
                ..Section::default()
            });
        }
    }
}

/// `range` of `text` without the marker comments (`<!--RP1-->`) and
/// blanks at its start and end.
fn without_edge_markers(text: &str, range: Range<usize>) -> Range<usize> {
    let (mut start, mut end) = (range.start, range.end);
    loop {
        let slice = text.get(start..end).unwrap_or("");
        let trimmed = slice.trim_start();
        start += slice.len() - trimmed.len();
        let Some(close) = trimmed.find("-->").filter(|_| trimmed.starts_with("<!--")) else {
            break;
        };
        if marker_name(&trimmed[..close + 3]).is_none() {
            break;
        }
        start += close + 3;
    }
    loop {
        let slice = text.get(start..end).unwrap_or("");
        let trimmed = slice.trim_end();
        end -= slice.len() - trimmed.len();
        let Some(open) = trimmed.rfind("<!--").filter(|_| trimmed.ends_with("-->")) else {
            break;
        };
        if marker_name(&trimmed[open..]).is_none() {
            break;
        }
        end = start + open;
    }
    start..end.max(start)
}

/// Whether a table's columns are code, message and description.
fn is_code_table(block: &Block) -> bool {
    block.kind == Kind::Table
        && block
            .rows
            .first()
            .is_some_and(|header| table_columns(header).is_some())
}

/// Whether the block after `i` is a code heading, markers aside.
fn code_follows(text: &str, blocks: &[Block], i: usize) -> bool {
    blocks
        .iter()
        .skip(i + 1)
        .find(|b| !(b.kind == Kind::Html && markers_only(text.get(b.range.clone()).unwrap_or(""))))
        .is_some_and(|b| {
            matches!(b.kind, Kind::Heading(level) if level >= 2)
                && code_heading(&heading_source(text.get(b.range.clone()).unwrap_or(""))).is_some()
        })
}

/// Reads a page.
pub fn page(text: &str) -> Page {
    let blocks = blocks(text);
    let mut reader = Reader {
        text,
        page: Page::default(),
        seen: std::collections::BTreeSet::new(),
        marker: None,
        opening: None,
        opening_at: None,
        lines: Lines::new(text),
    };
    let mut place = Place::Top(Vec::new());
    for (i, block) in blocks.iter().enumerate() {
        let line = reader.lines.line(block.range.start);
        let source = text.get(block.range.clone()).unwrap_or("");
        let piece = Piece {
            block,
            range: block.range.clone(),
        };
        if is_anchor(source) {
            // `<a id="2303210"></a>`: the anchors errdoc writes itself.
            continue;
        }
        // Inside a code's sub-cases, everything to the next heading at the
        // code's level or above is the details.
        let closes_marker = block.kind == Kind::Html
            && matches!(marker_name(source), Some((name, true)) if reader.marker.as_deref() == Some(name));
        if let Place::Code(open) = &mut place
            && open.details.is_some()
            && !matches!(block.kind, Kind::Heading(level) if level <= open.section.level)
            && !(block.kind == Kind::Html && markers_only(source) && code_follows(text, &blocks, i))
            && !closes_marker
        {
            open.end = block.range.end;
            continue;
        }
        match block.kind {
            Kind::Heading(level) => {
                let title = heading_source(source);
                let title_span = heading_span(source, block.range.start);
                if level == 1 && reader.page.title.is_none() {
                    reader.page.title = Some(title);
                    reader.page.spans.title = title_span;
                    continue;
                }
                if let Some((code, title)) = code_heading(&title).filter(|_| level >= 2) {
                    let previous = std::mem::replace(&mut place, Place::Top(Vec::new()));
                    reader.finish(previous);
                    let start = match reader.opening.take() {
                        Some(opened) => {
                            reader.marker = Some(opened);
                            reader.opening_at.take()
                        }
                        None => None,
                    };
                    // The title is what follows the code in the heading.
                    let title_span = title_span.and_then(|r| {
                        let end = r.end;
                        (!title.is_empty()).then(|| end - title.len()..end)
                    });
                    place = Place::Code(Box::new(Open {
                        section: Section {
                            code,
                            title,
                            level,
                            marker: reader.marker.clone(),
                            line,
                            spans: Spans {
                                start: Some(start.unwrap_or(block.range.start)),
                                title: title_span,
                                ..Spans::default()
                            },
                            ..Section::default()
                        },
                        intro: Vec::new(),
                        fields: Vec::new(),
                        details: None,
                        end: block.range.end,
                    }));
                    continue;
                }
                if let Place::Code(open) = &mut place
                    && level > open.section.level
                {
                    open.details = Some(block.range.start);
                    open.end = block.range.end;
                    continue;
                }
                let digits = title.trim_start_matches('-');
                if digits.starts_with(|c: char| c.is_ascii_digit())
                    && digits
                        .find(|c: char| !c.is_ascii_digit())
                        .is_none_or(|i| digits[i..].starts_with(char::is_whitespace))
                {
                    reader.page.unmapped.push((
                        line,
                        format!("heading `{title}`: its number is no code (codes are whole numbers from -9223372036854775808 to 9223372036854775807, not -0); kept as a heading"),
                    ));
                }
                let previous = std::mem::replace(&mut place, Place::Top(Vec::new()));
                reader.finish(previous);
                place = Place::Heading(
                    PageHeading {
                        level,
                        title,
                        line,
                        before: reader.page.sections.len(),
                        start: block.range.start,
                        title_span,
                        ..PageHeading::default()
                    },
                    Vec::new(),
                );
            }
            Kind::Html if markers_only(source) => {
                let lines: Vec<&str> = source
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect();
                let single = match lines.as_slice() {
                    [one] if !one.contains("--><") => marker_name(one),
                    _ => None,
                };
                match single {
                    // `<!--Del-->` before a code heading: the sections to
                    // its end are marked.
                    Some((name, false))
                        if reader.marker.is_none() && code_follows(text, &blocks, i) =>
                    {
                        let previous = std::mem::replace(&mut place, Place::Top(Vec::new()));
                        reader.finish(previous);
                        reader.opening = Some(name.to_string());
                        reader.opening_at = Some(block.range.start);
                    }
                    // `<!--DelEnd-->` of the sections' marker.
                    Some((name, true)) if reader.marker.as_deref() == Some(name) => {
                        if let Place::Code(open) = &mut place {
                            open.section.marker.clone_from(&reader.marker);
                        }
                        let previous = std::mem::replace(&mut place, Place::Loose(Vec::new()));
                        reader.finish(previous);
                        reader.marker = None;
                    }
                    // A marker inside a text is part of it.
                    _ => match &mut place {
                        Place::Top(pieces) | Place::Loose(pieces) | Place::Heading(_, pieces) => {
                            pieces.push(piece)
                        }
                        Place::Code(open) => {
                            open.end = block.range.end;
                            open.current().push(piece);
                        }
                    },
                }
            }
            Kind::Html if reader.page.sections.is_empty() && matches!(place, Place::Top(_)) => {
                let mut other = Vec::new();
                let mut at = block.range.start;
                for raw_line in source.split_inclusive('\n') {
                    let line_start = at;
                    at += raw_line.len();
                    let raw = raw_line.trim();
                    if raw.is_empty() {
                        continue;
                    }
                    let comment = raw.strip_prefix("<!--").and_then(|r| r.strip_suffix("-->"));
                    match comment.and_then(|c| c.split_once(':')) {
                        Some((key, value))
                            if !key.trim().is_empty() && !key.contains(char::is_whitespace) =>
                        {
                            // Where the value stands: after the colon.
                            let lead = raw_line.len() - raw_line.trim_start().len();
                            let value_at = line_start + lead + 4 + key.len() + 1;
                            if let Some(span) = trimmed(text, value_at, value_at + value.len()) {
                                reader
                                    .page
                                    .spans
                                    .metadata
                                    .push((key.trim().to_string(), span));
                            }
                            reader
                                .page
                                .metadata
                                .push((key.trim().to_string(), value.trim().to_string()));
                        }
                        _ => other.push(raw.to_string()),
                    }
                }
                if !other.is_empty() {
                    let shown: String = other.join(" ").chars().take(80).collect();
                    reader.page.unmapped.push((line, format!("HTML `{shown}`")));
                }
            }
            Kind::Quote
                if matches!(&place, Place::Top(p) if p.is_empty())
                    && reader.page.sections.is_empty()
                    && reader.page.note.is_none() =>
            {
                let (note, span) = note_text(text, block.range.clone());
                reader.page.note = Some(note);
                reader.page.spans.note = span;
            }
            Kind::Table if is_code_table(block) => {
                // The rows come after what is open (a heading keeps the
                // text above them); what follows them, to the next heading,
                // is the page's own writing (its layout keeps it).
                let previous = std::mem::replace(&mut place, Place::Loose(Vec::new()));
                reader.finish(previous);
                reader.table_rows(block, line);
            }
            Kind::Paragraph if matches!(place, Place::Code(_)) => {
                let Place::Code(open) = &mut place else {
                    continue;
                };
                open.end = block.range.end;
                match label_start(text, block) {
                    Some(LabelStart { field, rest }) => {
                        let pieces = rest
                            .map(|start| Piece {
                                block,
                                range: start..block.range.end,
                            })
                            .into_iter()
                            .collect();
                        open.fields.push((field, pieces));
                    }
                    None => open.current().push(piece),
                }
            }
            _ => match &mut place {
                Place::Top(pieces) | Place::Loose(pieces) | Place::Heading(_, pieces) => {
                    pieces.push(piece)
                }
                Place::Code(open) => {
                    open.end = block.range.end;
                    open.current().push(piece);
                }
            },
        }
    }
    let last = std::mem::replace(&mut place, Place::Top(Vec::new()));
    reader.finish(last);
    if let Some(marker) = reader.marker.take() {
        // A marker left open ends with the page.
        if let Some(last) = reader.page.sections.last_mut()
            && last.marker.is_none()
        {
            last.marker = Some(marker);
        }
    }
    reader.page
}

/// The text of a `> **NOTE**` blockquote, without its label.
fn note_text(text: &str, range: Range<usize>) -> (String, Option<Range<usize>>) {
    let source = text.get(range.clone()).unwrap_or("");
    // Each line without its `> `, and where what is left starts.
    let mut lines: Vec<(&str, usize)> = Vec::new();
    let mut at = range.start;
    for raw in source.split('\n') {
        let indent = raw.len() - raw.trim_start().len();
        let rest = &raw[indent..];
        let inner = rest
            .strip_prefix('>')
            .map_or(rest, |r| r.strip_prefix(' ').unwrap_or(r));
        lines.push((inner, at + (raw.len() - inner.len())));
        at += raw.len() + 1;
    }
    // Paragraphs: runs of lines with text, and where each starts.
    let mut paragraphs: Vec<(String, usize)> = Vec::new();
    let mut open = false;
    for (line, start) in lines {
        if line.trim().is_empty() {
            open = false;
        } else if open {
            if let Some((p, _)) = paragraphs.last_mut() {
                p.push('\n');
                p.push_str(line);
            }
        } else {
            paragraphs.push((line.to_string(), start));
            open = true;
        }
    }
    if paragraphs.first().is_some_and(|(p, _)| {
        let p = p
            .trim()
            .trim_matches('*')
            .trim()
            .trim_end_matches([':', '：'])
            .trim_matches('*')
            .to_lowercase();
        p == "note" || p == "说明" || p == "注意"
    }) {
        paragraphs.remove(0);
    }
    let span = paragraphs
        .first()
        .and_then(|(_, start)| trimmed(text, *start, range.end));
    let note = paragraphs
        .iter()
        .map(|(p, _)| p.trim())
        .collect::<Vec<_>>()
        .join("\n\n");
    (note, span)
}

/// A field's Markdown reduced to what it says: text with whitespace
/// collapsed, code, links and emphasis kept, layout dropped — for comparing
/// an imported page with the one built from it.
pub fn normalized(markdown: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, out: &mut Vec<String>| {
        let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            out.push(format!("text:{t}"));
        }
        text.clear();
    };
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Code(c) => {
                flush(&mut text, &mut out);
                out.push(format!("code:{c}"));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                flush(&mut text, &mut out);
                out.push(format!("link:{dest_url}"));
            }
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut text, &mut out);
                out.push("codeblock".to_string());
            }
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Item)
            | Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link | TagEnd::Item | TagEnd::Paragraph,
            ) => {
                flush(&mut text, &mut out);
            }
            _ => {}
        }
    }
    flush(&mut text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "# Socket 错误码\n\n<!--Kit: Network Kit-->\n<!--Subsystem: Communication-->\n\n> **说明：**\n>\n> 以下仅介绍本模块特有错误码。\n\n## 2300002 系统内部错误\n\n**错误信息**\n\nSystem internal error.\n\n**可能原因**\n\n1.内存异常。\n\n2.空指针。\n\n**处理步骤:**\n\n1. 检查内存。\n2. 重启设备。\n\n  \t\n## 附录\n\nText.\n\n<!--Del-->\n## 401 Permission Denied\n\nStray text.\n\n**Description**\n\nUse `connect()`.\n<!--DelEnd-->\n\n## 2300002 Again\n\n| 错误码 | 错误信息 | 错误描述 |\n| --- | --- | --- |\n| 2300003 | Bad. | 错误。 |\n";

    #[test]
    fn a_house_style_page_is_read_with_its_irregularities() {
        let page = page(PAGE);
        assert_eq!(page.title.as_deref(), Some("Socket 错误码"));
        assert_eq!(
            page.metadata,
            [
                ("Kit".to_string(), "Network Kit".to_string()),
                ("Subsystem".to_string(), "Communication".to_string())
            ]
        );
        assert_eq!(page.note.as_deref(), Some("以下仅介绍本模块特有错误码。"));
        let codes: Vec<CodeNumber> = page.sections.iter().map(|s| s.code).collect();
        assert_eq!(codes, [2300002, 401, 2300003]);
        let first = &page.sections[0];
        assert_eq!(first.message.as_deref(), Some("System internal error."));
        assert_eq!(first.causes, ["内存异常。", "空指针。"]);
        assert_eq!(first.solutions, ["检查内存。", "重启设备。"]);
        assert_eq!(page.sections[1].marker.as_deref(), Some("Del"));
        assert_eq!(page.sections[1].intro.as_deref(), Some("Stray text."));
        assert_eq!(
            page.sections[1].description.as_deref(),
            Some("Use `connect()`.")
        );
        assert_eq!(page.sections[2].message.as_deref(), Some("Bad."));
        assert_eq!(page.sections[2].marker, None);
        assert_eq!(page.duplicates, [(2300002, 42)]);
        assert_eq!(page.headings.len(), 1);
        assert_eq!(page.headings[0].title, "附录");
        assert_eq!(page.headings[0].text.as_deref(), Some("Text."));
        assert_eq!(page.headings[0].before, 1);
        assert!(page.unmapped.is_empty(), "{:?}", page.unmapped);
    }

    #[test]
    fn labels_with_a_break_and_text_on_the_same_line() {
        let page = page(
            "## 17700001 Bundle Name Does Not Exist\n**Error Message**<br>\nThe specified bundle name is not found.\n\n**Possible Causes**<br>The name is misspelled.\n\n**处理步骤**<br/>\n\n1. Check it.\n2. Dump it.\n\nSolution\n\nNot a label here: a plain label line.\n",
        );
        let s = &page.sections[0];
        assert_eq!(
            s.message.as_deref(),
            Some("The specified bundle name is not found.")
        );
        assert_eq!(s.causes, ["The name is misspelled."]);
        // A label met again adds to its field.
        assert_eq!(
            s.solutions,
            [
                "Check it.",
                "Dump it.",
                "Not a label here: a plain label line."
            ]
        );
    }

    #[test]
    fn untitled_negative_and_lower_level_codes_and_sub_cases() {
        let page = page(
            "# T\n\n## -1\n\n**Error Message**\n\nFailed.\n\n## Group\n\nAbout the group.\n\n### 1011 Four Digits\n\n**Description**\n\nD.\n\n#### Case 1\n\n**Error Message**\n\nOther.\n\n### 1012  Two Spaces\n",
        );
        let codes: Vec<(CodeNumber, &str, u8)> = page
            .sections
            .iter()
            .map(|s| (s.code, s.title.as_str(), s.level))
            .collect();
        assert_eq!(
            codes,
            [
                (-1, "", 2),
                (1011, "Four Digits", 3),
                (1012, "Two Spaces", 3)
            ]
        );
        assert_eq!(page.sections[1].description.as_deref(), Some("D."));
        assert_eq!(
            page.sections[1].details.as_deref(),
            Some("#### Case 1\n\n**Error Message**\n\nOther.")
        );
        assert_eq!(page.headings[0].title, "Group");
        assert_eq!(page.headings[0].before, 1);
    }

    #[test]
    fn messages_keep_their_lines_and_markers_between_items_are_not_text() {
        let page = page(
            "## 12800003 Client Error\n\n**Error Message**\n\nInput method client error. Possible causes: \n1. the edit box is not focused.\n2. ipc failed.\n\n**Possible Causes**\n1. One.\n2. Two.\n<!--Del-->\n3. Three.\n<!--DelEnd-->\n\n**Solution**\n\nCheck it.<!--DelEnd-->\n",
        );
        let s = &page.sections[0];
        assert_eq!(
            s.message.as_deref(),
            Some(
                "Input method client error. Possible causes:\n1. the edit box is not focused.\n2. ipc failed."
            )
        );
        // The markers around an item are the page's layout: each item's
        // text is only its own, and where it stands is known.
        assert_eq!(s.causes, ["One.", "Two.", "Three."]);
        let text = "## 12800003 Client Error\n\n**Error Message**\n\nInput method client error. Possible causes: \n1. the edit box is not focused.\n2. ipc failed.\n\n**Possible Causes**\n1. One.\n2. Two.\n<!--Del-->\n3. Three.\n<!--DelEnd-->\n\n**Solution**\n\nCheck it.<!--DelEnd-->\n";
        let third = s.spans.causes[2]
            .clone()
            .expect("the third cause stands in one piece");
        assert_eq!(&text[third.clone()], "Three.");
        assert_eq!(&text[third.start - 14..third.start], "<!--Del-->\n3. ");
        // An end marker nothing opened stays in the text.
        assert_eq!(s.solutions, ["Check it.<!--DelEnd-->"]);
    }

    #[test]
    fn a_marker_at_the_end_of_a_text_closes_the_sections_marker() {
        let page = page(
            "<!--Del-->\n## 1 A\n\n**Solution**\n\nFix.\n\n## 2 B\n\n**Solution**\n\nFix it.<!--DelEnd-->\n\n## 3 C\n\n**Description**\n\nText。<!--Del-->\n## 4 D\n",
        );
        let markers: Vec<Option<&str>> =
            page.sections.iter().map(|s| s.marker.as_deref()).collect();
        assert_eq!(markers, [Some("Del"), Some("Del"), None, Some("Del")]);
        assert_eq!(page.sections[1].solutions, ["Fix it."]);
        assert_eq!(page.sections[2].description.as_deref(), Some("Text。"));
    }

    /// Found in review: each of these lost or misplaced a page's text.
    #[test]
    fn review_cases_keep_what_the_page_says() {
        // A no-break space in an item's indentation (it panicked).
        let p = page("## 1 A\n\n**Possible Causes**\n\n1. a\n\u{a0}\u{a0}b\n");
        assert_eq!(p.sections[0].causes, ["a\n\u{a0}\u{a0}b"]);
        // HTML in an Error Message is its text; `<br>` breaks the line; a
        // marker around it is the page's, reported.
        let p = page(
            "## 1 A\n\n**Error Message**\n\nInvalid value <name>.\n\n## 2 B\n\n**Error Message**<br>Line one.<br>Line two.\n\n## 3 C\n\n**Error Message**:\n\n<!--RP1-->Permission denied.<!--RP1End-->\n",
        );
        let messages: Vec<Option<&str>> = p.sections.iter().map(|s| s.message.as_deref()).collect();
        assert_eq!(
            messages,
            [
                Some("Invalid value <name>."),
                Some("Line one.\nLine two."),
                Some("Permission denied.")
            ]
        );
        // Around the whole message, the markers are the layout's: nothing
        // is lost.
        assert!(p.dropped.is_empty(), "{:?}", p.dropped);
        let text = "## 1 A\n\n**Error Message**\n\n<!--RP1-->Permission denied.<!--RP1End-->\n";
        let p = page(text);
        let span = p.sections[0].spans.message.clone().expect("one place");
        assert_eq!(&text[span], "Permission denied.");
        // Inside it, they are lost, and reported.
        let p = page("## 1 A\n\n**Error Message**\n\nFailed.<!--RP1--> Retry.<!--RP1End-->\n");
        assert_eq!(p.sections[0].message.as_deref(), Some("Failed. Retry."));
        assert_eq!(p.dropped.len(), 1, "{:?}", p.dropped);
        assert!(
            p.dropped[0]
                .1
                .starts_with("<!--RP1--> <!--RP1End--> in the Error Message of code 1")
        );
        // A table of codes inside a section comes after it; a heading
        // above a table stays above its rows.
        let p = page(
            "## 100 A\n\n**Error Message**\n\nFailed.\n\n| Code | Message |\n| --- | --- |\n| 200 | Two. |\n| 100 | Again. |\n\n## Group\n\n| Code | Message |\n| --- | --- |\n| 300 | Three. |\n\nAfter the table.\n",
        );
        let codes: Vec<CodeNumber> = p.sections.iter().map(|s| s.code).collect();
        assert_eq!(codes, [100, 200, 300]);
        assert_eq!(p.sections[0].message.as_deref(), Some("Failed."));
        assert_eq!(p.duplicates, [(100, 10)]);
        assert_eq!(p.headings[0].before, 2);
        // What follows the rows is the page's own writing, not the
        // heading's text: it stands after a part of another code.
        assert_eq!(p.headings[0].text, None);
        assert_eq!(p.unmapped.len(), 1, "{:?}", p.unmapped);
        assert!(
            p.unmapped[0]
                .1
                .starts_with("`After the table.` after a table of codes"),
            "{:?}",
            p.unmapped
        );
        // The end of a section marker after sub-cases ends it.
        let p = page(
            "<!--Del-->\n## 100 A\n\n### Case 1\n\nText.\n<!--DelEnd-->\n\n## Appendix\n\n## 200 B\n",
        );
        assert_eq!(p.sections[0].marker.as_deref(), Some("Del"));
        assert_eq!(
            p.sections[0].details.as_deref(),
            Some("### Case 1\n\nText.")
        );
        assert_eq!(p.sections[1].marker, None);
        // An end marker on the last item closes the sections' marker once.
        let p = page(
            "<!--Del-->\n## 1 A\n\n**Solution**\n\n1. Do a.\n2. Do b.<!--DelEnd-->\n\n## 2 B\n",
        );
        assert_eq!(p.sections[0].solutions, ["Do a.", "Do b."]);
        assert_eq!(p.sections[0].marker.as_deref(), Some("Del"));
        assert_eq!(p.sections[1].marker, None);
        // A decimal number is no item number.
        let p = page("## 1 A\n\n**Possible Causes**\n\n1.5 seconds passed.\n");
        assert_eq!(p.sections[0].causes, ["1.5 seconds passed."]);
        // A number no code can be, and -0, are headings, the first reported.
        let p = page("## 99999999999999999999 Big\n\n## -0 Zero\n");
        assert!(p.sections.is_empty());
        assert_eq!(p.headings.len(), 2);
        assert_eq!(p.unmapped.len(), 2, "{:?}", p.unmapped);
    }

    #[test]
    fn normalizing_ignores_layout_not_words() {
        assert_eq!(normalized("a  *b*\nc"), normalized("a *b* c"));
        assert_ne!(normalized("a `b`"), normalized("a b"));
    }
}
