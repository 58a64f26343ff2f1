//! Filling a page's layout ([`crate::layout`]) with today's texts: each
//! slot gets its text, made safe for where it stands (after `> ` in a
//! quote, indented under `1. `, on a heading's line), and everything else
//! is the page's own writing.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::RenderContext;
use crate::catalog::CodeNumber;
use crate::catalog::{FamilyStyle, PageStyle};
use crate::diagnostic::Diagnostic;
use crate::layout::{Layout, Marker, Part, PartKind, Piece, Slot};
use crate::markup::{in_context, inline, literal, literal_on_one_line, tidy};
use crate::model::{CodeView, HeadingView, LocaleModel, PageModel, Text};

/// A part of a page, in page order.
#[derive(Debug, Clone)]
pub(crate) enum PagePart<'a> {
    /// The top: title, metadata, note, intro.
    Head,
    /// A heading that is not a code.
    Heading(&'a HeadingView),
    /// A code's section, and its marker among the codes the page shows.
    Code(&'a CodeView, Option<Marker>),
}

impl<'a> PagePart<'a> {
    /// The parts of `page` in `locale` that its layout keeps: a code the
    /// page did not have when it was imported stays off it until it has a
    /// text in the page's language (a translation catches up; in the
    /// source language, until its `{{absent}}` line goes). A code's marker
    /// lines are its part's, as the page has them; a code without a part
    /// opens and closes its marker where its neighbours leave it.
    fn of(page: &'a PageModel, locale: &LocaleModel, layout: &Parts<'_>) -> Vec<PagePart<'a>> {
        let untranslated = |title: &Text| locale.is_source || title.lang != locale.tag;
        let shown: Vec<&CodeView> = page
            .codes
            .iter()
            .filter(|code| !(layout.leaves_out(code.code) && untranslated(&code.title)))
            .collect();
        // Each code's marker: its part's (fixed), or the catalog's name.
        let states: Vec<(Option<Marker>, bool)> = shown
            .iter()
            .map(|code| match layout.code(code.code).map(|p| &p.kind) {
                Some(PartKind::Code { marker, .. }) => (marker.clone(), true),
                _ => (
                    code.marker.as_ref().map(|name| Marker {
                        name: name.clone(),
                        opens: true,
                        closes: true,
                    }),
                    false,
                ),
            })
            .collect();
        let heading_shown =
            |h: &&HeadingView| !(layout.leaves_out_heading(&h.id) && untranslated(&h.title));
        let mut parts = vec![PagePart::Head];
        for (i, code) in shown.iter().enumerate() {
            parts.extend(
                code.headings
                    .iter()
                    .filter(heading_shown)
                    .map(PagePart::Heading),
            );
            let mut marker = states[i].0.clone();
            if let Some(m) = marker.as_mut().filter(|_| !states[i].1) {
                let same = |j: Option<usize>| {
                    j.and_then(|j| states.get(j))
                        .and_then(|(other, fixed)| Some((other.as_ref()?, *fixed)))
                        .filter(|(other, _)| other.name == m.name)
                };
                // Inside its neighbour's open region, it neither opens nor
                // closes one.
                m.opens = same(i.checked_sub(1)).is_none_or(|(prev, fixed)| fixed && prev.closes);
                m.closes = same(Some(i + 1)).is_none_or(|(next, fixed)| fixed && next.opens);
            }
            parts.push(PagePart::Code(code, marker));
        }
        parts.extend(
            page.closing
                .iter()
                .filter(heading_shown)
                .map(PagePart::Heading),
        );
        parts
    }

    /// Its texts in `locale`.
    fn fill(&self, page: &'a PageModel, locale: &LocaleModel) -> Fill<'a> {
        match self {
            PagePart::Head => Fill::head(page, locale),
            PagePart::Heading(h) => Fill::heading(h, locale),
            PagePart::Code(code, _) => Fill::code(code, &page.style, locale),
        }
    }

    /// Its part in `layout`.
    fn part<'l>(&self, layout: &Parts<'l>) -> Option<&'l Part> {
        match self {
            PagePart::Head => layout.layout.head(),
            PagePart::Heading(h) => layout.heading(&h.id),
            PagePart::Code(code, _) => layout.code(code.code),
        }
    }

    /// What it is, for a report: `code 1001`.
    pub(crate) fn name(&self) -> String {
        match self {
            PagePart::Head => "the top of the page".to_string(),
            PagePart::Heading(h) => format!("heading `{}`", h.id),
            PagePart::Code(code, _) => format!("code {}", code.code),
        }
    }
}

/// A layout's parts by what they are for. [`Layout::code`] scans the
/// parts, and every code of a page is looked up: a page of 100,000 codes
/// took 10^10 steps. The first part of a code or heading wins, as there.
struct Parts<'l> {
    layout: &'l Layout,
    codes: HashMap<CodeNumber, &'l Part>,
    headings: HashMap<&'l str, &'l Part>,
}

impl<'l> Parts<'l> {
    fn new(layout: &'l Layout) -> Self {
        let mut codes = HashMap::new();
        let mut headings = HashMap::new();
        for part in &layout.parts {
            match &part.kind {
                PartKind::Code { code, .. } => {
                    codes.entry(*code).or_insert(part);
                }
                PartKind::Heading { id } => {
                    headings.entry(id.as_str()).or_insert(part);
                }
                _ => {}
            }
        }
        Parts {
            layout,
            codes,
            headings,
        }
    }

    /// As [`Layout::code`].
    fn code(&self, code: CodeNumber) -> Option<&'l Part> {
        self.codes.get(&code).copied()
    }

    /// As [`Layout::heading`].
    fn heading(&self, id: &str) -> Option<&'l Part> {
        self.headings.get(id).copied()
    }

    /// As [`Layout::leaves_out`].
    fn leaves_out(&self, code: CodeNumber) -> bool {
        self.layout.absent.codes.contains(&code) && self.code(code).is_none()
    }

    /// As [`Layout::leaves_out_heading`].
    fn leaves_out_heading(&self, id: &str) -> bool {
        self.layout.absent.headings.contains(id) && self.heading(id).is_none()
    }
}

/// A page with a layout: each part of the page from its layout where the
/// part still fits, from the templates' pieces where not.
pub(crate) fn stitch(
    ctx: &RenderContext<'_>,
    mut context: tera::Context,
    locale: &LocaleModel,
    page: &PageModel,
    layout: &Layout,
) -> Result<String, Diagnostic> {
    let mut out = Stitched::default();
    // The last row of a table written, while the table goes on: a code
    // with no part of its own there is written as a row too.
    let mut row: Option<(&Part, CodeNumber)> = None;
    // Family rules wait for the end of a table.
    let mut rules: Vec<String> = Vec::new();
    // One context for every piece: the page is serialized once, and each
    // piece's own value replaces the last one's.
    let parts = Parts::new(layout);
    for piece in PagePart::of(page, locale, &parts) {
        let fill = piece.fill(page, locale);
        let own = piece.part(&parts);
        let shaped = match (&piece, own, row) {
            (PagePart::Code(code, _), None, Some((previous, number))) => {
                row_like(previous, number, code.code)
            }
            _ => None,
        };
        let written = match own.filter(|part| fits(part, &fill).is_ok()) {
            Some(part) => Some(part),
            None => shaped.as_ref(),
        };
        if let Some(part) = written {
            if !part.is_row() {
                for rule in rules.drain(..) {
                    out.template(&rule);
                }
            }
            out.layout(&render_part(part, &fill));
            // A row shaped like the last one keeps that one as the shape.
            if shaped.is_none() {
                row = match (&piece, own) {
                    (PagePart::Code(code, _), Some(own)) if own.is_row() && row_ends_clean(own) => {
                        Some((own, code.code))
                    }
                    _ => None,
                };
            }
            if let PagePart::Code(code, _) = &piece
                && page.style.family == FamilyStyle::Rule
            {
                for family in page.families.iter().filter(|f| f.after == Some(code.code)) {
                    context.insert("family", family);
                    rules.push(ctx.templates.render("markdown/family_rule.md", &context)?);
                }
            }
            if !part.is_row() {
                for rule in rules.drain(..) {
                    out.template(&rule);
                }
            }
            continue;
        }
        row = None;
        for rule in rules.drain(..) {
            out.template(&rule);
        }
        let name = match piece {
            PagePart::Head => "markdown/head.md",
            PagePart::Heading(h) => {
                context.insert("h", h);
                "markdown/heading.md"
            }
            PagePart::Code(code, marker) => {
                // Its marker lines where the page shows them.
                let mut code = code.clone();
                code.marker_opens = marker.as_ref().is_some_and(|m| m.opens);
                code.marker_closes = marker.as_ref().is_some_and(|m| m.closes);
                context.insert("code", &code);
                "markdown/code.md"
            }
        };
        out.template(&ctx.templates.render(name, &context)?);
    }
    for rule in rules.drain(..) {
        out.template(&rule);
    }
    out.template(&ctx.templates.render("markdown/end.md", &context)?);
    Ok(out.finish())
}

/// Whether a row's part ends with its row (the table may go on), not with
/// the page's writing after the table.
fn row_ends_clean(part: &Part) -> bool {
    match part.pieces.last() {
        Some(Piece::Literal(tail)) => tail.find('\n').is_none_or(|i| tail[i..].trim().is_empty()),
        _ => true,
    }
}

/// A row like `previous` (the row of code `number`) for code `code`: its
/// line of the table, the number changed.
fn row_like(previous: &Part, number: CodeNumber, code: CodeNumber) -> Option<Part> {
    let first_slot = previous
        .pieces
        .iter()
        .position(|p| matches!(p, Piece::Slot(_)))?;
    let mut pieces = Vec::with_capacity(previous.pieces.len());
    for (i, piece) in previous.pieces.iter().enumerate() {
        match piece {
            // The row's line: after the header, if the row holds it.
            Piece::Literal(text) if i + 1 == first_slot => {
                let line = text.rfind('\n').map_or(text.as_str(), |at| &text[at + 1..]);
                let from = number.to_string();
                let cell = line.find(&from)?;
                let mut line = line.to_string();
                line.replace_range(cell..cell + from.len(), &code.to_string());
                pieces.push(Piece::Literal(line));
            }
            Piece::Literal(_) if i < first_slot => {}
            Piece::Literal(text) if i + 1 == previous.pieces.len() => {
                let end = text.find('\n').map_or(text.len(), |at| at + 1);
                pieces.push(Piece::Literal(text[..end].to_string()));
            }
            other => pieces.push(other.clone()),
        }
    }
    Some(Part {
        kind: PartKind::Code { code, marker: None },
        pieces,
    })
}

/// The parts of `page` its layout does not write, and why: they are
/// written from the templates instead. (name, why), as `code 1001`.
pub(crate) fn misfits(
    page: &PageModel,
    locale: &LocaleModel,
    layout: &Layout,
) -> Vec<(String, String)> {
    let parts = Parts::new(layout);
    PagePart::of(page, locale, &parts)
        .into_iter()
        .filter_map(|piece| {
            let why = match piece.part(&parts) {
                None => "its layout has no part for it".to_string(),
                Some(part) => fits(part, &piece.fill(page, locale)).err()?,
            };
            Some((piece.name(), why))
        })
        .collect()
}

/// A page being put together from layout parts and template pieces.
#[derive(Default)]
struct Stitched {
    out: String,
    /// Whether the last thing added was a layout's part.
    after_layout: bool,
}

impl Stitched {
    /// A layout's part goes on as written; after a template's piece, it
    /// starts a new block.
    fn layout(&mut self, text: &str) {
        if !self.after_layout {
            self.blank_line();
        }
        self.out.push_str(text);
        self.after_layout = true;
    }

    /// A template's piece is tidied and set apart by a blank line.
    fn template(&mut self, text: &str) {
        let text = tidy(text);
        if text.trim().is_empty() {
            return;
        }
        self.blank_line();
        self.out.push_str(&text);
        self.after_layout = false;
    }

    fn blank_line(&mut self) {
        if self.out.is_empty() {
            return;
        }
        let kept = self.out.trim_end_matches([' ', '\t', '\n']).len();
        self.out.truncate(kept);
        self.out.push_str("\n\n");
    }

    /// The page, ending with one newline.
    fn finish(mut self) -> String {
        let kept = self.out.trim_end().len();
        self.out.truncate(kept);
        self.out.push('\n');
        self.out
    }
}

/// The texts one part of a page shows, by slot.
#[derive(Debug, Default)]
pub(crate) struct Fill<'a> {
    /// Each slot's text (Markdown; a message is literal, a metadata value
    /// is written as it is).
    texts: BTreeMap<Slot, &'a str>,
    /// The slots whose text is not in the page's language: an English
    /// fallback in a translation, or the Error Message (the API's own
    /// words) in a translation.
    foreign: BTreeSet<Slot>,
    /// Whether there is more to show than a layout has slots for (a code's
    /// flags, versions, references).
    extras: bool,
    /// The keys of its stale translations, marked under its heading.
    stale: &'a [String],
}

impl<'a> Fill<'a> {
    /// A text of the page in `locale`.
    fn add(&mut self, slot: Slot, text: Option<&'a Text>, locale: &LocaleModel) {
        if let Some(text) = text.filter(|t| !t.text.is_empty()) {
            if text.lang != locale.tag {
                self.foreign.insert(slot.clone());
            }
            self.texts.insert(slot, &text.text);
        }
    }

    /// The top of `page`.
    fn head(page: &'a PageModel, locale: &LocaleModel) -> Self {
        let mut fill = Fill {
            stale: &page.stale,
            ..Fill::default()
        };
        fill.add(Slot::Title, Some(&page.title), locale);
        fill.add(Slot::Note, page.note.as_ref(), locale);
        fill.add(Slot::Intro, page.intro.as_ref(), locale);
        for m in &page.metadata {
            fill.texts.insert(Slot::Meta(m.key.to_string()), &m.value);
        }
        fill
    }

    /// A code's section.
    fn code(code: &'a CodeView, style: &PageStyle, locale: &LocaleModel) -> Self {
        let mut fill = Fill {
            stale: &code.stale,
            extras: !code.flags.is_empty()
                || code.since.is_some()
                || code.deprecated.is_some()
                || code.removed.is_some()
                || (style.references && !code.references.is_empty())
                || (style.related && !code.related.is_empty()),
            ..Fill::default()
        };
        fill.add(Slot::Title, Some(&code.title), locale);
        fill.add(Slot::Intro, code.intro.as_ref(), locale);
        fill.add(Slot::Description, code.description.as_ref(), locale);
        fill.add(Slot::Details, code.details.as_ref(), locale);
        for (n, cause) in code.causes.iter().enumerate() {
            fill.add(Slot::Cause(n + 1), Some(cause), locale);
        }
        for (n, step) in code.solutions.iter().enumerate() {
            fill.add(Slot::Solution(n + 1), Some(step), locale);
        }
        if let Some(message) = &code.shown_message {
            fill.texts.insert(Slot::Message, message);
            if !locale.is_source {
                fill.foreign.insert(Slot::Message);
            }
        }
        fill
    }

    /// A heading that is not a code.
    fn heading(heading: &'a HeadingView, locale: &LocaleModel) -> Self {
        let mut fill = Fill::default();
        fill.add(Slot::Title, Some(&heading.title), locale);
        fill.add(Slot::Text, heading.text.as_ref(), locale);
        fill
    }

    /// The text of `slot`, as it goes in the page after `before`.
    fn text(&self, slot: &Slot, before: &str) -> String {
        self.texts
            .get(&slot.text_slot())
            .map(|text| slot_text(slot, text, before))
            .unwrap_or_default()
    }
}

/// `text` as it goes in a page's layout at `slot`, after `before` (the
/// part of the page before it, whose last line is what stands before it
/// on its line): a title on one line, a message escaped (unless the page
/// writes it plain), a block with its later lines under the quote or list
/// item it stands in, a table cell's text on one line with its `|`
/// escaped.
pub(crate) fn slot_text(slot: &Slot, text: &str, before: &str) -> String {
    let prefix = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    let in_cell = prefix.trim_start().starts_with('|');
    match slot {
        // Metadata values are checked to fit in their comment; anywhere
        // else they are text.
        Slot::Meta(_) if in_comment(prefix) => text.to_string(),
        Slot::Meta(_) => inline(text),
        Slot::Message if in_cell => literal_on_one_line(text),
        Slot::Message => literal(text),
        _ if in_cell => inline(text).replace('|', "\\|"),
        Slot::Title => inline(text),
        _ => in_context(text, before),
    }
}

/// Whether `part` has a place for exactly what `fill` shows: `Err` says
/// why not. (Marker lines are the part's own, whatever the catalog says:
/// `check` reports where the two differ.)
pub(crate) fn fits(part: &Part, fill: &Fill<'_>) -> Result<(), String> {
    // A row of a table of codes is a row: it shows what it has places
    // for (the site shows the rest), so the table stays whole.
    if part.is_row() {
        return Ok(());
    }
    let slots: BTreeSet<Slot> = part.slots().map(Slot::text_slot).collect();
    let lost = tokens(slots.iter().filter(|s| !fill.texts.contains_key(s)));
    if !lost.is_empty() {
        return Err(format!(
            "its layout has {lost} but there is no such text now"
        ));
    }
    // What the layout has no place for stays off the page if it was not
    // there when the page was imported: a metadata line (the layout's are
    // the page's, in its order), a text not in the page's language (an
    // English fallback, the Error Message in a translation). A text of
    // the page's own that it has no place for is new.
    let new = tokens(fill.texts.keys().filter(|s| {
        !slots.contains(s) && !matches!(s, Slot::Meta(_)) && !fill.foreign.contains(s)
    }));
    if !new.is_empty() {
        return Err(format!("its layout has no place for {new}"));
    }
    if fill.extras {
        return Err(
            "it shows what a layout has no place for (flags, versions, references, related codes)"
                .to_string(),
        );
    }
    Ok(())
}

/// How much of a part a slot is read after: its last lines, up to
/// `CONTEXT` bytes (a part of ten thousand causes is not read again for
/// each; what a text could combine with lies close, and the finished page
/// is checked whole).
fn recent(out: &str) -> &str {
    const CONTEXT: usize = 4096;
    if out.len() <= CONTEXT {
        return out;
    }
    let mut from = out.len() - CONTEXT;
    while !out.is_char_boundary(from) {
        from += 1;
    }
    // From the start of a line.
    match out[from..].find('\n') {
        Some(i) => &out[from + i + 1..],
        None => &out[from..],
    }
}

/// Whether what ends with `prefix` is inside an HTML comment.
fn in_comment(prefix: &str) -> bool {
    prefix
        .rfind("<!--")
        .is_some_and(|open| !prefix[open + 4..].contains("-->"))
}

/// `{{cause 3}}, {{details}}`.
fn tokens<'s>(slots: impl Iterator<Item = &'s Slot>) -> String {
    slots.map(Slot::token).collect::<Vec<_>>().join(", ")
}

/// `part` with its slots filled, and the marks of stale translations
/// under its heading (not in a table's row).
pub(crate) fn render_part(part: &Part, fill: &Fill<'_>) -> String {
    let text = fill_part(part, fill);
    if fill.stale.is_empty() || part.is_row() {
        return text;
    }
    let notes: String = fill.stale.iter().map(|key| stale_note(key)).collect();
    // After the first heading line, where the templates put them.
    let at = text
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .scan(0, |start, end| {
            let line = (*start, end);
            *start = end;
            Some(line)
        })
        .find(|(start, _)| text[*start..].starts_with('#'))
        .map_or(0, |(_, end)| end);
    format!("{}\n{notes}\n{}", &text[..at], &text[at..])
}

/// The mark of a stale translation, as the templates write it.
fn stale_note(key: &str) -> String {
    format!(
        "<!-- errdoc: stale translation of {key}: the English has changed since this was translated (errdoc l10n diff {key}) -->\n"
    )
}

/// `part` with its slots filled.
fn fill_part(part: &Part, fill: &Fill<'_>) -> String {
    let mut out = String::new();
    for piece in &part.pieces {
        match piece {
            Piece::Literal(text) => out.push_str(text),
            Piece::Slot(slot) => {
                // Read after the part so far: what stands before it on its
                // line (a quote's `> `, an item's `1. `, a heading's
                // `## 1001 `, a label), and the blocks it may continue.
                let text = fill.text(slot, recent(&out));
                out.push_str(&text);
            }
        }
    }
    out
}
