//! Closing what the reader has gathered into the page's parts: a code
//! section's fields from the pieces under its labels, a heading's text,
//! the page's intro, and the rows of a table of codes as sections.

use std::ops::Range;

use super::blocks::{Block, marker_name, table_columns};
use super::fields::{Piece, items, message_of, source_of, span_of, trimmed};
use super::{Field, Open, Place, Reader, Section, Spans};
use crate::catalog::CodeNumber;

impl Reader<'_> {
    /// Closes a place: its pieces become the page's intro, a heading's
    /// text, a code section, or (after a table of codes) reported text.
    pub(super) fn finish(&mut self, place: Place<'_>) {
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

    /// Closes a code section: its fields from the pieces under their
    /// labels, its sub-cases, and a marker at the end of its last text.
    fn finish_code(&mut self, mut open: Open<'_>) {
        self.marker_at_end(&mut open);
        let text = self.text;
        let mut section = open.section;
        section.intro = source_of(text, &open.intro);
        section.spans.intro = span_of(text, &open.intro);
        for (field, pieces) in &open.fields {
            match field {
                Field::Message => self.message(&mut section, pieces),
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

    /// Cuts a marker from the end of the section's last text: one that
    /// ends there (`…uninstalled.<!--DelEnd-->`) closes the sections'
    /// marker; one that opens there (`…格式。<!--Del-->`) opens before the
    /// next section.
    fn marker_at_end(&mut self, open: &mut Open<'_>) {
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
    }

    /// Adds an Error Message to the section. Markers around the whole
    /// message are the page's (its layout keeps them); inside it, they are
    /// lost, and reported.
    fn message(&mut self, section: &mut Section, pieces: &[Piece<'_>]) {
        let text = self.text;
        let mut markers = Vec::new();
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

    /// Adds a section to the page, or, if its code was met before, notes
    /// it as a duplicate.
    pub(super) fn push(&mut self, section: Section) {
        if self.seen.insert(section.code) {
            self.page.sections.push(section);
        } else {
            self.page.duplicates.push((section.code, section.line));
        }
    }

    /// The rows of a table of codes, as sections of their own.
    pub(super) fn table_rows(&mut self, block: &Block, line: usize) {
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

/// Adds the text of a label met again (two `**处理步骤**`) to its field:
/// its text joins the first's, after `between`, and the slot stands for
/// both (the second label goes).
fn join(
    field: &mut Option<String>,
    span: &mut Option<Range<usize>>,
    more: Option<String>,
    more_span: Option<Range<usize>>,
    between: &str,
) {
    *span = match (field.is_none(), span.take(), more_span) {
        (true, _, more) => more,
        (false, Some(first), Some(more)) => Some(first.start..more.end),
        _ => None,
    };
    *field = match (field.take(), more) {
        (Some(a), Some(b)) => Some(format!("{a}{between}{b}")),
        (a, b) => a.or(b),
    };
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
