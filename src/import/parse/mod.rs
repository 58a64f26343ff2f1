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
mod finish;

use std::collections::BTreeSet;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::catalog::CodeNumber;
use crate::source::Lines;
use blocks::{
    Block, Kind, LabelStart, blocks, code_heading, heading_source, heading_span, is_anchor,
    label_start, marker_name, markers_only, options, table_columns,
};
use fields::{Piece, trimmed};

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

/// A page being read, block by block: the page so far and what is open.
struct Reader<'b> {
    text: &'b str,
    /// The page's top-level blocks.
    blocks: &'b [Block],
    /// What the reader is in the middle of.
    place: Place<'b>,
    page: Page,
    seen: BTreeSet<CodeNumber>,
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

/// Reads a page.
pub fn page(text: &str) -> Page {
    let blocks = blocks(text);
    let mut reader = Reader {
        text,
        blocks: &blocks,
        place: Place::Top(Vec::new()),
        page: Page::default(),
        seen: BTreeSet::new(),
        marker: None,
        opening: None,
        opening_at: None,
        lines: Lines::new(text),
    };
    for i in 0..blocks.len() {
        reader.read(i);
    }
    reader.end()
}

impl<'b> Reader<'b> {
    /// Reads the `i`th block: as what opens or closes a place, as a part
    /// of the page's top, or as text of the place that is open.
    fn read(&mut self, i: usize) {
        let blocks = self.blocks;
        let block = &blocks[i];
        let line = self.lines.line(block.range.start);
        let source = self.text.get(block.range.clone()).unwrap_or("");
        let piece = Piece {
            block,
            range: block.range.clone(),
        };
        if is_anchor(source) {
            // `<a id="2303210"></a>`: the anchors errdoc writes itself.
            return;
        }
        if self.take_as_details(i, source) {
            return;
        }
        match block.kind {
            Kind::Heading(level) => self.heading(block, level, line, source),
            Kind::Html if markers_only(source) => self.marker_line(i, piece, source),
            Kind::Html if self.page.sections.is_empty() && matches!(self.place, Place::Top(_)) => {
                self.metadata(block, line, source);
            }
            Kind::Quote
                if matches!(&self.place, Place::Top(p) if p.is_empty())
                    && self.page.sections.is_empty()
                    && self.page.note.is_none() =>
            {
                let (note, span) = note_text(self.text, block.range.clone());
                self.page.note = Some(note);
                self.page.spans.note = span;
            }
            Kind::Table if is_code_table(block) => {
                // The rows come after what is open (a heading keeps the
                // text above them); what follows them, to the next heading,
                // is the page's own writing (its layout keeps it).
                self.close(Place::Loose(Vec::new()));
                self.table_rows(block, line);
            }
            Kind::Paragraph if matches!(self.place, Place::Code(_)) => self.paragraph(piece),
            _ => self.keep(piece),
        }
    }

    /// Takes the `i`th block into the sub-cases of the open code section
    /// if it belongs there: everything to the next heading at the code's
    /// level or above, but for a marker that opens before a code and the
    /// end of the sections' marker. Whether it did.
    fn take_as_details(&mut self, i: usize, source: &str) -> bool {
        let block = &self.blocks[i];
        let closes_marker = block.kind == Kind::Html
            && matches!(marker_name(source), Some((name, true)) if self.marker.as_deref() == Some(name));
        if let Place::Code(open) = &mut self.place
            && open.details.is_some()
            && !matches!(block.kind, Kind::Heading(level) if level <= open.section.level)
            && !(block.kind == Kind::Html
                && markers_only(source)
                && code_follows(self.text, self.blocks, i))
            && !closes_marker
        {
            open.end = block.range.end;
            return true;
        }
        false
    }

    /// Reads a heading: the page's title, a code's (which opens its
    /// section), one below the open code's (which starts its sub-cases),
    /// or another (a heading of the page).
    fn heading(&mut self, block: &Block, level: u8, line: usize, source: &str) {
        let title = heading_source(source);
        let title_span = heading_span(source, block.range.start);
        if level == 1 && self.page.title.is_none() {
            self.page.title = Some(title);
            self.page.spans.title = title_span;
            return;
        }
        if let Some((code, title)) = code_heading(&title).filter(|_| level >= 2) {
            // The title is what follows the code in the heading.
            let title_span = title_span.and_then(|r| {
                let end = r.end;
                (!title.is_empty()).then(|| end - title.len()..end)
            });
            self.open_code(
                block,
                Section {
                    code,
                    title,
                    level,
                    line,
                    spans: Spans {
                        title: title_span,
                        ..Spans::default()
                    },
                    ..Section::default()
                },
            );
            return;
        }
        if let Place::Code(open) = &mut self.place
            && level > open.section.level
        {
            open.details = Some(block.range.start);
            open.end = block.range.end;
            return;
        }
        self.open_heading(PageHeading {
            level,
            title,
            line,
            start: block.range.start,
            title_span,
            ..PageHeading::default()
        });
    }

    /// Opens the code section of a code heading, after closing what was
    /// open: it takes the sections' marker, and a marker that opened
    /// before it begins it.
    fn open_code(&mut self, block: &Block, mut section: Section) {
        self.close(Place::Top(Vec::new()));
        let start = match self.opening.take() {
            Some(opened) => {
                self.marker = Some(opened);
                self.opening_at.take()
            }
            None => None,
        };
        section.marker.clone_from(&self.marker);
        section.spans.start = Some(start.unwrap_or(block.range.start));
        self.place = Place::Code(Box::new(Open {
            section,
            intro: Vec::new(),
            fields: Vec::new(),
            details: None,
            end: block.range.end,
        }));
    }

    /// Opens a heading of the page that is not a code, after closing what
    /// was open. A heading that starts with a number no code can be is
    /// reported.
    fn open_heading(&mut self, mut heading: PageHeading) {
        let title = &heading.title;
        let digits = title.trim_start_matches('-');
        if digits.starts_with(|c: char| c.is_ascii_digit())
            && digits
                .find(|c: char| !c.is_ascii_digit())
                .is_none_or(|i| digits[i..].starts_with(char::is_whitespace))
        {
            self.page.unmapped.push((
                heading.line,
                format!("heading `{title}`: its number is no code (codes are whole numbers from -9223372036854775808 to 9223372036854775807, not -0); kept as a heading"),
            ));
        }
        self.close(Place::Top(Vec::new()));
        heading.before = self.page.sections.len();
        self.place = Place::Heading(heading, Vec::new());
    }

    /// Reads a block of marker comments: a marker that opens before a code
    /// heading (the sections to its end are marked), the end of the
    /// sections' marker, or markers inside a text (part of it).
    fn marker_line(&mut self, i: usize, piece: Piece<'b>, source: &str) {
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
            // `<!--Del-->` before a code heading: the sections to its end
            // are marked.
            Some((name, false))
                if self.marker.is_none() && code_follows(self.text, self.blocks, i) =>
            {
                self.close(Place::Top(Vec::new()));
                self.opening = Some(name.to_string());
                self.opening_at = Some(piece.block.range.start);
            }
            // `<!--DelEnd-->` of the sections' marker.
            Some((name, true)) if self.marker.as_deref() == Some(name) => {
                if let Place::Code(open) = &mut self.place {
                    open.section.marker.clone_from(&self.marker);
                }
                self.close(Place::Loose(Vec::new()));
                self.marker = None;
            }
            // A marker inside a text is part of it.
            _ => self.keep(piece),
        }
    }

    /// Reads an HTML block before the first code: its `<!--Key: value-->`
    /// comments are the page's metadata; anything else in it is reported.
    fn metadata(&mut self, block: &Block, line: usize, source: &str) {
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
                    if let Some(span) = trimmed(self.text, value_at, value_at + value.len()) {
                        self.page
                            .spans
                            .metadata
                            .push((key.trim().to_string(), span));
                    }
                    self.page
                        .metadata
                        .push((key.trim().to_string(), value.trim().to_string()));
                }
                _ => other.push(raw.to_string()),
            }
        }
        if !other.is_empty() {
            let shown: String = other.join(" ").chars().take(80).collect();
            self.page.unmapped.push((line, format!("HTML `{shown}`")));
        }
    }

    /// Reads a paragraph of the open code section: a label starts a field
    /// (with the text after it on its line, if any); anything else is text
    /// of the current field.
    fn paragraph(&mut self, piece: Piece<'b>) {
        let Place::Code(open) = &mut self.place else {
            return;
        };
        let block = piece.block;
        open.end = block.range.end;
        match label_start(self.text, block) {
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

    /// Adds a block to the text of what is open.
    fn keep(&mut self, piece: Piece<'b>) {
        match &mut self.place {
            Place::Top(pieces) | Place::Loose(pieces) | Place::Heading(_, pieces) => {
                pieces.push(piece);
            }
            Place::Code(open) => {
                open.end = piece.block.range.end;
                open.current().push(piece);
            }
        }
    }

    /// Closes what is open, and opens `next`.
    fn close(&mut self, next: Place<'b>) {
        let previous = std::mem::replace(&mut self.place, next);
        self.finish(previous);
    }

    /// The page, once all its blocks are read: what is open is closed, and
    /// a marker left open ends with the page.
    fn end(mut self) -> Page {
        self.close(Place::Top(Vec::new()));
        if let Some(marker) = self.marker.take()
            && let Some(last) = self.page.sections.last_mut()
            && last.marker.is_none()
        {
            last.marker = Some(marker);
        }
        self.page
    }
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
mod tests;
