//! A page's layout, as import sees it: the page with each text it keeps
//! replaced by a slot, cut into parts (the top, each code, each heading).
//! See [`crate::layout`].

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::parse::{Page, Section};
use crate::catalog::draft::DraftModule;
use crate::diagnostic::Diagnostics;
use crate::layout::{Absent, LAYOUTS_DIR, Layout, Layouts, Marker, Part, PartKind, Piece, Slot};
use crate::markup::{PageHazard, page_hazards};
use crate::output;
use crate::render::layout::slot_text;
use crate::source::{Lines, SourceFile};

/// Marks `new` absent from `page`'s layouts in the locales but `locale`
/// (the page in those languages did not have them when it was imported);
/// returns the files changed. A layout that does not read cleanly is left
/// as it is: `build` reports it.
pub(super) fn add_absent(
    root: &Path,
    locale: &str,
    page: &str,
    new: &Absent,
) -> anyhow::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    let Ok(folders) = std::fs::read_dir(root.join(LAYOUTS_DIR)) else {
        return Ok(written);
    };
    let mut tags: Vec<String> = folders
        .flatten()
        .filter(|f| !crate::input::is_litter(&f.file_name()))
        .map(|f| f.file_name().to_string_lossy().into_owned())
        .filter(|tag| tag != locale)
        .collect();
    tags.sort();
    for tag in tags {
        let path = Layouts::path(&tag, page);
        // Read as every input is (no link out of the project, no special
        // file, bounded); one that cannot be is `build`'s to report.
        let mut diags = Diagnostics::new();
        let Ok(Some(text)) = crate::input::read_utf8(root, &path, &mut diags) else {
            continue;
        };
        if diags.error_count() > 0 {
            continue;
        }
        let mut layout = Layout::parse(&SourceFile::new(path.clone(), text), &mut diags);
        if diags.error_count() > 0 {
            continue;
        }
        let missing = Absent {
            codes: new
                .codes
                .iter()
                .copied()
                .filter(|c| layout.code(*c).is_none())
                .collect(),
            headings: new
                .headings
                .iter()
                .filter(|id| layout.heading(id).is_none())
                .cloned()
                .collect(),
        };
        layout.absent.extend(missing);
        if output::write_if_changed(root, &path, &layout.to_text())? {
            written.push(path);
        }
    }
    Ok(written)
}

/// The layout of `page` (read from `text`); `heading_ids` are the ids its
/// headings got, in page order.
/// `module` is the page's module in the catalog: a metadata value the page
/// has otherwise stays as the page writes it, and is returned as drift
/// (line, what); each code's part records the catalog's marker.
pub(super) fn capture(
    text: &str,
    page: &Page,
    heading_ids: &[String],
    module: &DraftModule,
) -> Captured {
    let lines = Lines::new(text);
    let mut drift = Vec::new();
    let head = head_slots(text, page, module, &lines, &mut drift);
    let hazards = Hazards::of(text);
    let mut defused = BTreeSet::new();
    let parts = parts(text, page, heading_ids, head);
    let layout = cut(text, &parts, &hazards, &mut defused);
    let escaped = escaped(text, &lines, &hazards, &defused);
    Captured {
        layout,
        drift,
        escaped,
    }
}

/// The slots of the page's top: its title, the metadata values it writes
/// as the catalog has them, its note and its intro. A metadata value the
/// page writes otherwise stays the page's own, as drift (line, what).
fn head_slots(
    text: &str,
    page: &Page,
    module: &DraftModule,
    lines: &Lines,
    drift: &mut Vec<(usize, String)>,
) -> Vec<Placed> {
    let metadata = &module.metadata;
    let mut head = Vec::new();
    if let Some(r) = &page.spans.title {
        head.push((r.clone(), Slot::Title));
    }
    for (key, r) in &page.spans.metadata {
        let field = key.to_ascii_lowercase();
        let Some((_, value)) = metadata.iter().find(|(f, _)| *f == field) else {
            continue; // not a field of the catalog: the page's own line
        };
        let written = text.get(r.clone()).unwrap_or("");
        if written.trim() == value.trim() {
            head.push((r.clone(), Slot::Meta(label(&field))));
        } else {
            let line = lines.line(r.start);
            drift.push((
                line,
                format!("metadata {}: `{}` here but `{value}` in the catalog; the page keeps its own (in its layout)", label(&field), written.trim()),
            ));
        }
    }
    if let Some(r) = &page.spans.note {
        head.push((r.clone(), Slot::Note));
    }
    if let Some(r) = &page.spans.intro {
        head.push((r.clone(), Slot::Intro));
    }
    head
}

/// A part of the page: where it begins, what it is, and its slots.
type PartAt = (usize, PartKind, Vec<Placed>);

/// The page's parts in page order: the top (with the slots `head`), each
/// code, each heading.
fn parts(text: &str, page: &Page, heading_ids: &[String], head: Vec<Placed>) -> Vec<PartAt> {
    let mut parts: Vec<PartAt> = vec![(0, PartKind::Head, head)];
    for section in &page.sections {
        let Some(start) = section.spans.start else {
            continue;
        };
        // Its marker as the page has it; where its lines are is known once
        // the part's text is (see `cut`).
        let kind = PartKind::Code {
            code: section.code,
            marker: section.marker.as_ref().map(|name| Marker {
                name: name.clone(),
                opens: false,
                closes: false,
            }),
        };
        parts.push((start, kind, code_slots(text, section)));
    }
    for (heading, id) in page.headings.iter().zip(heading_ids) {
        let mut slots = Vec::new();
        if let Some(r) = &heading.title_span {
            slots.push((r.clone(), Slot::Title));
        }
        if let Some(r) = &heading.text_span {
            slots.push((r.clone(), Slot::Text));
        }
        parts.push((heading.start, PartKind::Heading { id: id.clone() }, slots));
    }
    parts.sort_by_key(|(start, ..)| *start);
    parts
}

/// The layout: each part's text, from its start to the next part's, with
/// its slots cut out and its own writing made safe (the `hazards` made
/// text go to `defused`); a code's part records its marker lines.
fn cut(text: &str, parts: &[PartAt], hazards: &Hazards, defused: &mut BTreeSet<usize>) -> Layout {
    let mut layout = Layout::default();
    for (i, (start, kind, mut slots)) in parts.iter().cloned().enumerate() {
        let end = parts.get(i + 1).map_or(text.len(), |(next, ..)| *next);
        slots.retain(|(r, _)| start <= r.start && r.end <= end);
        slots.sort_by_key(|(r, _)| r.start);
        let mut pieces = Vec::new();
        let mut at = start;
        for (range, slot) in slots {
            if range.start < at {
                continue;
            }
            push_literal(&mut pieces, text, at..range.start, hazards, defused);
            pieces.push(Piece::Slot(slot));
            at = range.end;
        }
        push_literal(&mut pieces, text, at..end, hazards, defused);
        let mut kind = kind;
        if let PartKind::Code {
            marker: Some(marker),
            ..
        } = &mut kind
        {
            marker_lines(marker, &pieces);
        }
        layout.parts.push(Part { kind, pieces });
    }
    layout
}

/// What the page's own writing carries that errdoc's pages do not (the
/// `hazards` that were `defused`): (line, what).
fn escaped(
    text: &str,
    lines: &Lines,
    hazards: &Hazards,
    defused: &BTreeSet<usize>,
) -> Vec<(usize, String)> {
    let mut escaped = Vec::new();
    for (range, what) in defused.iter().filter_map(|i| hazards.list.get(*i)) {
        let line = lines.line(range.start);
        // A lone `<` is shown with the rest of its line.
        let end = if range.len() > 1 {
            range.end
        } else {
            text[range.start..]
                .find('\n')
                .map_or(text.len(), |i| range.start + i)
        };
        let words = text[range.start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let shown: String = words.chars().take(60).collect();
        escaped.push((
            line,
            format!("{} `{shown}`: errdoc's pages carry none (only comments, `<br>`, `<sup>`, `<sub>` and links to http, https and mailto), so the page's layout keeps it escaped, as text", what.what()),
        ));
    }
    escaped
}

/// A page's layout as import captures it, and what it has to say.
pub(super) struct Captured {
    /// The layout.
    pub(super) layout: Layout,
    /// Metadata the page states otherwise than the catalog: (line, what).
    pub(super) drift: Vec<(usize, String)>,
    /// The page's own writing that the layout keeps as text: (line, what).
    pub(super) escaped: Vec<(usize, String)>,
}

/// Whether a code's part opens its marker (`<!--Del-->` before its first
/// slot) and closes it (`<!--DelEnd-->` after its last): the page's own
/// marker lines, which a part written from the templates keeps.
fn marker_lines(marker: &mut Marker, pieces: &[Piece]) {
    let first_slot = pieces.iter().position(|p| matches!(p, Piece::Slot(_)));
    let last_slot = pieces.iter().rposition(|p| matches!(p, Piece::Slot(_)));
    let literal = |range: &[Piece]| -> String {
        range
            .iter()
            .filter_map(|p| match p {
                Piece::Literal(l) => Some(l.as_str()),
                Piece::Slot(_) => None,
            })
            .collect()
    };
    let before = literal(&pieces[..first_slot.unwrap_or(pieces.len())]);
    let after = literal(&pieces[last_slot.map_or(0, |i| i + 1)..]);
    marker.opens = before.contains(&format!("<!--{}-->", marker.name));
    marker.closes = after.contains(&format!("<!--{}End-->", marker.name));
}

/// A metadata field's label in the house style: `kit` is `Kit`.
fn label(field: &str) -> String {
    let mut chars = field.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// A slot, and the text of the page it stands for.
type Placed = (Range<usize>, Slot);

/// The slots of a code's section.
fn code_slots(text: &str, section: &Section) -> Vec<Placed> {
    let spans = &section.spans;
    let mut slots = Vec::new();
    let mut one = |r: &Option<Range<usize>>, slot: Slot| {
        if let Some(r) = r {
            slots.push((r.clone(), slot));
        }
    };
    one(&spans.title, Slot::Title);
    one(&spans.message, message_slot(text, section));
    one(&spans.intro, Slot::Intro);
    one(&spans.description, Slot::Description);
    one(&spans.details, Slot::Details);
    for (i, r) in spans.causes.iter().enumerate() {
        one(r, Slot::Cause(i + 1));
    }
    for (i, r) in spans.solutions.iter().enumerate() {
        one(r, Slot::Solution(i + 1));
    }
    slots
}

/// How the page writes a code's Error Message: escaped, as errdoc writes
/// a literal, or plain, as Markdown (`Possible causes:` and a list).
fn message_slot(text: &str, section: &Section) -> Slot {
    let (Some(span), Some(message)) = (&section.spans.message, &section.message) else {
        return Slot::Message;
    };
    let written = text.get(span.clone()).unwrap_or("");
    // The part before it, as rendering reads it.
    let start = section.spans.start.unwrap_or(0).min(span.start);
    let before = text.get(start..span.start).unwrap_or("");
    // Trailing blanks aside, as the round trip compares lines.
    let lines = |t: &str| t.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
    let written = lines(written);
    let as_slot = |slot: &Slot| lines(&slot_text(slot, message, before));
    if written != as_slot(&Slot::Message) && written == as_slot(&Slot::PlainMessage) {
        Slot::PlainMessage
    } else {
        Slot::Message
    }
}

/// The page's own writing in `range`, with the raw HTML and the links to
/// `javascript:`, … among `hazards` made text (their indexes go to
/// `defused`).
fn push_literal(
    pieces: &mut Vec<Piece>,
    text: &str,
    range: Range<usize>,
    hazards: &Hazards,
    defused: &mut BTreeSet<usize>,
) {
    let Some(literal) = text.get(range.clone()).filter(|l| !l.is_empty()) else {
        return;
    };
    let near: Vec<usize> = hazards.overlapping(&range).collect();
    let mut out = String::with_capacity(literal.len());
    for (i, c) in literal.char_indices() {
        let at = range.start + i;
        let hazard = near
            .iter()
            .copied()
            .find(|&h| hazards.list[h].0.contains(&at));
        if let Some(h) = hazard.filter(|_| matches!(c, '<' | '[' | ']')) {
            defused.insert(h);
        }
        match (c, hazard.map(|h| hazards.list[h].1)) {
            ('<', Some(_)) => out.push_str("&lt;"),
            ('[' | ']', Some(PageHazard::Link)) => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    pieces.push(Piece::Literal(out));
}

/// What a page carries that errdoc's pages do not, by where it stands.
struct Hazards {
    /// Sorted by start.
    list: Vec<(Range<usize>, PageHazard)>,
    /// The furthest end among the first `i + 1`.
    max_end: Vec<usize>,
}

impl Hazards {
    fn of(text: &str) -> Self {
        let mut list = page_hazards(text);
        list.sort_by_key(|(r, _)| r.start);
        let max_end = list
            .iter()
            .scan(0, |end, (r, _)| {
                *end = (*end).max(r.end);
                Some(*end)
            })
            .collect();
        Hazards { list, max_end }
    }

    /// The indexes of those that overlap `range`, found by halving.
    fn overlapping<'h>(&'h self, range: &Range<usize>) -> impl Iterator<Item = usize> + 'h {
        let from = self.max_end.partition_point(|&end| end <= range.start);
        let to = self.list.partition_point(|(r, _)| r.start < range.end);
        let start = range.start;
        (from..to.max(from)).filter(move |&i| self.list[i].0.end > start)
    }
}
