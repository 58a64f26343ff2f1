//! The Markdown pages: `site/md/<locale>/<page>.md` in the house style of
//! OpenHarmony's `errorcode-*.md` documents.
//!
//! Translations are Markdown already and go into the page as written, with
//! two exceptions, so a translator cannot put markup or script into a page:
//! raw HTML in them (found by pulldown-cmark, so `<` inside code spans is
//! left alone) is escaped, and a link to a `javascript:` (or any address
//! but http, https and mailto) is kept as text. Catalog literals (error
//! messages) are escaped so they show exactly as the API returns them.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};
use rayon::prelude::*;
use tera::{Kwargs, State, Tera};

use super::layout::stitch;
use super::markdown_html::{INERT_TAGS, inert_html, unsafe_scheme};
use super::{RenderContext, Renderer};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::layout::Layouts;
use crate::output::Output;

/// Renders `markdown/page.md` for every page of every locale.
pub struct MarkdownRenderer;

impl Renderer for MarkdownRenderer {
    fn name(&self) -> &'static str {
        "markdown"
    }

    fn render(&self, ctx: &RenderContext<'_>, output: &mut Output, diags: &mut Diagnostics) {
        let pages: Vec<_> = ctx
            .model
            .locales
            .iter()
            .flat_map(|l| l.pages.iter().map(move |p| (l, p)))
            .collect();
        // With errors in the input the build fails anyway, and a page made
        // from it (a reference to `javascript:` already reported) would
        // only add a misleading second report.
        let check_pages = !diags.has_errors();
        // Pages are independent: render them on every core.
        let rendered: Vec<_> = pages
            .par_iter()
            .map(|(locale, page)| {
                let mut context = tera::Context::new();
                context.insert("locale", &locale.tag);
                context.insert("is_source", &locale.is_source);
                context.insert("page", page);
                let path = format!("md/{}/{}.md", locale.tag, page.file);
                let layout = ctx.layouts.get(&locale.tag, &page.file);
                let text = match layout {
                    None => tidy(&ctx.templates.render("markdown/page.md", &context)?),
                    Some(layout) => stitch(ctx, context, locale, page, layout)?,
                };
                if let Some((line, what)) = page_hazard(&text).filter(|_| check_pages) {
                    // A layout's own line: said where it is.
                    let shown = text.lines().nth(line - 1).unwrap_or("");
                    if layout.is_some()
                        && let Some((file, span)) =
                            ctx.layouts.locate(&locale.tag, &page.file, shown)
                    {
                        return Err(Diagnostic::new(Kind::LayoutMarkup {
                            what: what.to_string(),
                            page: path.to_string(),
                        })
                        .at(file, span));
                    }
                    let from = match layout {
                        Some(_) => format!(
                            "its layout ({}) or templates/markdown/",
                            Layouts::path(&locale.tag, &page.file).display()
                        ),
                        None => "templates/markdown/page.md".to_string(),
                    };
                    return Err(Diagnostic::new(Kind::PageMarkup {
                        page: path.to_string(),
                        what: what.to_string(),
                        line,
                        from,
                    }));
                }
                Ok((path, text))
            })
            .collect();
        for result in rendered {
            match result {
                Ok((path, text)) => output.add(path, text),
                Err(d) => {
                    diags.push(d);
                    // One report per template is enough.
                    return;
                }
            }
        }
    }
}

/// Registers the filters the Markdown templates use.
pub(super) fn register_filters(tera: &mut Tera) {
    tera.register_filter("md", |text: &str, _: Kwargs, _: &State| block(text));
    tera.register_filter("md_inline", |text: &str, _: Kwargs, _: &State| inline(text));
    tera.register_filter("md_cell", |text: &str, _: Kwargs, _: &State| {
        inline(text).replace('|', "\\|")
    });
    // `{{ n }}. {{ text | md_item(n=n) }}`: continuation lines are indented
    // by the width of the item's marker, `1. ` or `10. `.
    tera.register_filter("md_item", |text: &str, kwargs: Kwargs, _: &State| {
        item(text, kwargs.get::<usize>("n").ok().flatten().unwrap_or(1))
    });
    tera.register_filter("md_link_text", |text: &str, _: Kwargs, _: &State| {
        link_text(text)
    });
    tera.register_filter("md_quote", |text: &str, _: Kwargs, _: &State| quoted(text));
    // `md_literal(line=true)`: on one line (a table cell, a link's text),
    // its lines joined by `<br>`.
    tera.register_filter("md_literal", |text: &str, kwargs: Kwargs, _: &State| {
        if kwargs.get::<bool>("line").ok().flatten().unwrap_or(false) {
            literal_on_one_line(text)
        } else {
            literal(text)
        }
    });
}

/// Something in translation Markdown that must not reach a reader as
/// markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hazard {
    /// Raw HTML (a block or an inline tag): `<`, `>` and `&` are escaped.
    Html,
    /// A link or image to a `javascript:`, `data:`, … address: its `[`,
    /// `]` and `<` get a `\`, so it stays as text (all of them, so that a
    /// `[` before it cannot make a new link with its `]`).
    Link,
    /// A link reference definition to such an address: its `[` gets a `\`.
    /// The page is one document, so a definition in one text would serve a
    /// `[text][ref]` in another.
    Definition,
    /// A `[`, `]` or `<` that is only text here: it gets a `\` (and still
    /// shows), so it cannot pair with one in another text on the page (a
    /// `[` at the end of one text, `](javascript:…)` in the next) however a
    /// reader's renderer joins them.
    Loose,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// The hazards in Markdown `text`, by byte range, in order.
fn hazards(text: &str) -> Vec<(Hazard, Range<usize>)> {
    let parser = Parser::new_ext(text, options());
    let mut found: Vec<(Hazard, Range<usize>)> = parser
        .reference_definitions()
        .iter()
        .filter(|(_, def)| {
            unsafe_scheme(&def.dest) || text.get(def.span.clone()).is_some_and(odd_link)
        })
        .filter_map(|(_, def)| {
            let at = def.span.start + text.get(def.span.clone())?.find('[')?;
            Some((Hazard::Definition, at..at + 1))
        })
        .collect();
    let mut in_code = 0usize;
    let mut brackets = Brackets::default();
    // An HTML block is one hazard, from its first line: an inert line
    // (`<br>`, `<!--Del-->`) opens it, and the lines after it are raw.
    let mut html_block: Option<(usize, bool)> = None;
    found.extend(
        parser
            .into_offset_iter()
            .filter_map(|(event, range)| match event {
                Event::Start(Tag::HtmlBlock) => {
                    html_block = Some((range.start, false));
                    None
                }
                Event::Html(html) => {
                    if let Some((_, live)) = html_block.as_mut() {
                        *live |= inert_html(&html, true).is_none();
                    }
                    None
                }
                Event::End(TagEnd::HtmlBlock) => match html_block.take() {
                    Some((start, true)) => Some((Hazard::Html, start..range.end)),
                    _ => None,
                },
                Event::InlineHtml(html) if inert_html(&html, false).is_none() => {
                    Some((Hazard::Html, range))
                }
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                    if unsafe_scheme(&dest_url) =>
                {
                    Some((Hazard::Link, range))
                }
                Event::Start(Tag::Link { link_type, .. } | Tag::Image { link_type, .. })
                    if !matches!(link_type, LinkType::Autolink | LinkType::Email)
                        && text.get(range.clone()).is_some_and(odd_link) =>
                {
                    Some((Hazard::Link, range))
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    in_code += 1;
                    None
                }
                Event::End(TagEnd::CodeBlock) => {
                    in_code = in_code.saturating_sub(1);
                    None
                }
                Event::Text(_) if in_code == 0 => {
                    brackets.text(text, range);
                    None
                }
                Event::Start(tag) if is_block(&tag) => {
                    brackets.end_block();
                    None
                }
                Event::End(tag) if is_block_end(tag) => {
                    brackets.end_block();
                    None
                }
                _ => None,
            }),
    );
    brackets.end_block();
    found.extend(brackets.loose.into_iter().map(|r| (Hazard::Loose, r)));
    found.sort_by_key(|(_, range)| (range.start, std::cmp::Reverse(range.end)));
    found
}

/// Whether the source of a link (or definition) is one that renderers
/// read differently, so that what pulldown-cmark takes for its address
/// another takes for raw HTML: a `<` in it (`[a](<img …>'')`, a title
/// right after `<…>`), or parentheses nested deeper than cmark allows
/// (found in review). Such a link is shown as text. The inert tags of
/// real pages' link texts (`[constructor<sup>9+</sup>](…)`) do not count:
/// read as raw HTML anywhere, they still only raise a digit.
fn odd_link(source: &str) -> bool {
    let mut rest = source;
    let mut plain = String::with_capacity(source.len());
    while let Some(at) = rest.find('<') {
        plain.push_str(&rest[..at]);
        let tail = &rest[at..];
        match INERT_TAGS.iter().find(|t| tail.starts_with(**t)) {
            Some(tag) => rest = &tail[tag.len()..],
            None => return true,
        }
    }
    plain.push_str(rest);
    plain.matches('(').count() > 16
}

/// The `[`, `]` and `<` of a text's plain text that could pair with
/// something outside it: every `<` (an escaped one becomes `&lt;` too),
/// and a bracket without its `\` that has no partner in its block
/// (`[8519687]` stays as written; a `[` at the end of one text, or the
/// `](javascript:…)` of the next, does not).
#[derive(Default)]
struct Brackets {
    /// Open `[` of the current block.
    open: Vec<usize>,
    /// What is found, one character each.
    loose: Vec<Range<usize>>,
}

impl Brackets {
    fn text(&mut self, text: &str, range: Range<usize>) {
        let slice = text.get(range.clone()).unwrap_or("");
        let mut backslashes = backslashes_before(text, range.start);
        for (i, c) in slice.char_indices() {
            let at = range.start + i;
            let escaped = !backslashes.is_multiple_of(2);
            match c {
                // `<` starts a tag, a comment or an autolink only before a
                // letter, `/`, `!` or `?`; before a space, a digit or `=`
                // it is text anywhere (`(< 100 ms)`).
                '<' if !text
                    .get(at + 1..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(|next| next == ' ' || next == '=' || next.is_ascii_digit()) =>
                {
                    self.loose.push(at..at + 1);
                }
                '[' if !escaped => self.open.push(at),
                // A `]` closes the last open `[`; one with none is loose.
                ']' if !escaped && self.open.pop().is_none() => {
                    self.loose.push(at..at + 1);
                }
                _ => {}
            }
            backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        }
    }

    /// A block ends: its open brackets found no partner.
    fn end_block(&mut self) {
        self.loose.extend(self.open.drain(..).map(|at| at..at + 1));
    }
}

/// Whether a tag starts a block: brackets pair only inside one.
fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
    )
}

/// Whether a tag's end ends a block.
fn is_block_end(tag: TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

/// How many `\` come right before byte `at` of `text`.
fn backslashes_before(text: &str, at: usize) -> usize {
    text.get(..at)
        .unwrap_or("")
        .bytes()
        .rev()
        .take_while(|&b| b == b'\\')
        .count()
}

/// What of Markdown `text` a page shows as text instead of markup.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Markup {
    /// Raw HTML.
    pub raw_html: bool,
    /// A link, image or definition to a `javascript:`, `data:`, … address
    /// (or one that renderers read differently).
    pub unsafe_link: bool,
}

/// Both answers of one parse of `text`.
pub fn markup(text: &str) -> Markup {
    let mut found = Markup::default();
    for (hazard, _) in hazards(text) {
        match hazard {
            Hazard::Html => found.raw_html = true,
            Hazard::Link | Hazard::Definition => found.unsafe_link = true,
            Hazard::Loose => {}
        }
    }
    found
}

/// Whether Markdown `text` contains raw HTML.
pub fn has_raw_html(text: &str) -> bool {
    markup(text).raw_html
}

/// Whether Markdown `text` links to a `javascript:`, `data:`, … address.
pub fn has_unsafe_link(text: &str) -> bool {
    markup(text).unsafe_link
}

/// Line endings normalised (a bare CR ends a line too), tabs expanded (to stops of 4, as CommonMark
/// reads them: a tab must not mean one thing alone and another once the
/// text is indented into a list item or a quote), trimmed.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        // Vertical tab and form feed: pulldown-cmark reads them as spaces
        // in links, other renderers do not.
        .replace(['\u{b}', '\u{c}'], " ")
        .split('\n')
        .enumerate()
    {
        if i > 0 {
            out.push('\n');
        }
        let mut column = 0;
        for c in line.chars() {
            if c == '\t' {
                let next = (column / 4 + 1) * 4;
                out.extend(std::iter::repeat_n(' ', next - column));
                column = next;
            } else {
                out.push(c);
                column += 1;
            }
        }
    }
    out.trim().to_string()
}

/// `text` (read after `context`, which is not part of it) with every
/// hazard defused. Defusing one can uncover another (a link around an
/// escaped one, a `<script>` in the address of a link that is now text),
/// so this repeats until nothing is left; each pass defuses at least one.
fn defused(text: &str, context: &str) -> String {
    let mut text = text.to_string();
    // Each pass costs a parse; links nested deeper than this are not
    // Markdown anyone writes, and get the last resort.
    for _ in 0..64 {
        let whole = format!("{context}{text}");
        let found: Vec<_> = hazards(&whole)
            .into_iter()
            .filter(|(_, r)| r.start >= context.len())
            .map(|(h, r)| (h, r.start - context.len()..r.end - context.len()))
            .collect();
        if found.is_empty() {
            return text;
        }
        text = defuse(&text, &found);
    }
    // The whole text shown as it is written, markup and all.
    literal(&text)
}

/// Translation Markdown for a block: see [`defused`]; a code fence left
/// open is closed, as it would run on into the rest of the page.
pub fn block(text: &str) -> String {
    close_fences(defused(&normalize(text), ""))
}

/// Translation Markdown as the text of item `n` of a numbered list:
/// continuation lines are indented by the width of the marker (`1. `,
/// `10. `), so they read as they do alone.
pub fn item(text: &str, n: usize) -> String {
    let marker = format!("{n}. ");
    let indented = indent_continuation(&block(text), &" ".repeat(marker.len()));
    // Checked again where it goes, as for a quote.
    defused(&indented, &marker)
}

/// Translation Markdown inside a `>` quote. It is checked again as quoted:
/// pulldown-cmark lets the `>` that starts the next line close a `<!x` or
/// `<tag` left open at the end of a line (found by fuzzing).
pub fn quoted(text: &str) -> String {
    defused(&quote(&block(text)), "")
}

/// Translation Markdown for a slot of a page's layout, written after
/// `before` (the part of the page before it; what its line has there: `> `
/// in a quote, `1. ` or `1.` of a list, a label, nothing). Its later lines
/// carry the quote's `>` and the item's indent, so the text stays where it
/// stands; then it is checked again as it reads after `before`.
pub fn in_context(text: &str, before: &str) -> String {
    let prefix = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    // The quote's markers, then what follows them on the line.
    let quote_end = prefix
        .char_indices()
        .take_while(|(_, c)| *c == '>' || *c == ' ')
        .filter(|(_, c)| *c == '>')
        .last()
        .map_or(0, |(i, _)| i + 1);
    let (quote, rest) = prefix.split_at(quote_end);
    // The item's content starts at this column (a tab goes to the next
    // stop of 4, as CommonMark reads it).
    let rest_width = columns(prefix) - columns(quote);
    let listish = rest.trim().is_empty() || is_list_marker(rest.trim());
    let indent = if listish {
        " ".repeat(rest_width)
    } else {
        String::new()
    };
    let body = block(text);
    let mut out = String::with_capacity(body.len() + 16);
    for (i, line) in body.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if line.is_empty() {
                out.push_str(quote.trim_end());
                continue;
            }
            out.push_str(quote);
            if !quote.is_empty() && !quote.ends_with(' ') && indent.is_empty() {
                out.push(' ');
            }
            out.push_str(&indent);
        }
        out.push_str(line);
    }
    open_block_closed(defused(&out, before), before)
}

/// `text` (read after `before`) without an HTML block left open at its end:
/// a block that begins with a tag (`<sub>` on a line of its own) runs on to
/// the next blank line, over whatever the layout writes after the slot, so
/// its `<` is written `&lt;` (a comment ends at its `-->` and stays).
fn open_block_closed(text: String, before: &str) -> String {
    let whole = format!("{before}{text}");
    let mut last: Option<Range<usize>> = None;
    for (event, range) in Parser::new_ext(&whole, options()).into_offset_iter() {
        if let Event::Start(Tag::HtmlBlock) = event {
            last = Some(range);
        }
    }
    let Some(block) = last.filter(|b| b.start >= before.len() && whole[b.end..].trim().is_empty())
    else {
        return text;
    };
    let source = &whole[block.clone()];
    let lead = source.len() - source.trim_start().len();
    if !source.trim_start().starts_with('<') || source.trim_start().starts_with("<!--") {
        return text;
    }
    let at = block.start + lead - before.len();
    format!("{}&lt;{}", &text[..at], &text[at + 1..])
}

/// The column a line reaches after `text`, tabs to stops of 4.
fn columns(text: &str) -> usize {
    text.chars().fold(0, |column, c| {
        if c == '\t' {
            (column / 4 + 1) * 4
        } else {
            column + 1
        }
    })
}

/// Whether `text` is a list item's marker: `-`, `*`, `+`, `1.`, `1)`.
fn is_list_marker(text: &str) -> bool {
    matches!(text, "-" | "*" | "+")
        || text
            .strip_suffix(['.', ')'])
            .is_some_and(|n| !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Translation Markdown for one line (a heading, a table cell, a list
/// item). It is read where it goes, after other text on the line, where
/// ``` or `    ` start no block.
pub fn inline(text: &str) -> String {
    // ASCII whitespace only: U+3000 and NBSP are part of the text.
    let line = text
        .replace(['\u{b}', '\u{c}'], " ")
        .split_ascii_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut line = defused(&line, "x ");
    // A trailing `\` would escape what the template writes next (the `]`
    // of a link, the `|` of a cell).
    if !backslashes_before(&line, line.len()).is_multiple_of(2) {
        line.push('\\');
    }
    line
}

/// Translation Markdown for the text of a link the template makes: no
/// unescaped `[` or `]` either, which would end the link or start another.
pub fn link_text(text: &str) -> String {
    // `inline` escapes brackets that are only text; a link inside (safe,
    // or it would be text) keeps its own, which cannot end this one.
    inline(text)
}

/// A `\` before every `[` and `]` that has none, and every `<` as `&lt;`.
fn escape_unescaped(text: &str, preceding: usize, out: &mut String) {
    // A `\` escapes the next character only at the end of an odd run of
    // them (`\\[` is a backslash, then a live `[`).
    let mut backslashes = preceding;
    for c in text.chars() {
        let escaped = !backslashes.is_multiple_of(2);
        if c == '<' {
            // `&lt;`, not `\<`: GitHub's bare-URL autolinks run up to a
            // `<` and would take a `\` into the URL, leaving the `<` live.
            if escaped && out.ends_with('\\') {
                out.pop();
            }
            out.push_str("&lt;");
            backslashes = 0;
            continue;
        }
        if matches!(c, '[' | ']') && !escaped {
            out.push('\\');
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        out.push(c);
    }
}

/// Closes a code fence that `text` opens at its top level and leaves open.
fn close_fences(mut text: String) -> String {
    if !text.contains("```") && !text.contains("~~~") {
        return text; // no fence, no second parse
    }
    let mut depth = 0usize;
    let mut open: Option<String> = None;
    for (event, range) in Parser::new_ext(&text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) if depth == 0 => {
                let source = text.get(range).unwrap_or("");
                let first = source.lines().next().unwrap_or("").trim_start();
                let mark = first.chars().next().unwrap_or('`');
                let fence: String = first.chars().take_while(|&c| c == mark).collect();
                // CommonMark's closing fence: at most 3 spaces, at least as
                // many marks, then only spaces and tabs.
                let closed = source.lines().count() > 1
                    && source.lines().last().is_some_and(|last| {
                        let indent = last.len() - last.trim_start_matches(' ').len();
                        let last = last.trim_start_matches(' ').trim_end_matches([' ', '\t']);
                        indent <= 3 && last.len() >= fence.len() && last.chars().all(|c| c == mark)
                    });
                open = (!closed).then_some(fence);
            }
            Event::Start(_) => depth += 1,
            Event::End(TagEnd::CodeBlock) if depth == 0 => {}
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if let Some(fence) = open {
        text.push('\n');
        text.push_str(&fence);
    }
    text
}

fn defuse(text: &str, found: &[(Hazard, Range<usize>)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for (hazard, range) in found {
        if range.start < last {
            continue; // inside one already defused
        }
        out.push_str(text.get(last..range.start).unwrap_or(""));
        let inside = text.get(range.clone()).unwrap_or("");
        match hazard {
            Hazard::Link | Hazard::Definition | Hazard::Loose => {
                escape_unescaped(inside, backslashes_before(text, range.start), &mut out);
            }
            Hazard::Html => {
                for c in inside.chars() {
                    match c {
                        '<' => out.push_str("&lt;"),
                        '>' => out.push_str("&gt;"),
                        '&' => out.push_str("&amp;"),
                        c => out.push(c),
                    }
                }
            }
        }
        last = range.end;
    }
    out.push_str(text.get(last..).unwrap_or(""));
    out
}

/// The first thing in a finished Markdown page that no page should carry:
/// raw HTML other than the template's anchors (`<a id="1006"></a>`) and
/// comments, or a link or image to a `javascript:`, `data:`, … address.
/// Returns its line and what it is.
///
/// Every text is defused on its own before it goes in; this looks at the
/// page as a reader's Markdown renderer will, as one document, in case
/// texts combine into something none of them is alone (or a project's own
/// template writes markup).
pub fn page_hazard(page: &str) -> Option<(usize, &'static str)> {
    let line_of = |at: usize| page.get(..at).unwrap_or("").matches('\n').count() + 1;
    page_hazards(page)
        .into_iter()
        .next()
        .map(|(range, what)| (line_of(range.start), what.what()))
}

/// What [`page_hazards`] finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageHazard {
    /// Raw HTML.
    Html,
    /// A link or image to a `javascript:`, `data:`, … address.
    Link,
}

impl PageHazard {
    /// What it is, in words.
    pub fn what(self) -> &'static str {
        match self {
            PageHazard::Html => "raw HTML",
            PageHazard::Link => "a link to an address that is not http, https or mailto",
        }
    }
}

/// Every place of a finished page that [`page_hazard`] objects to: (its
/// bytes, what it is), in order.
pub fn page_hazards(page: &str) -> Vec<(Range<usize>, PageHazard)> {
    let mut found = Vec::new();
    let mut block: Option<(usize, String)> = None;
    let mut in_code = 0usize;
    for (event, range) in Parser::new_ext(page, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            // What pulldown-cmark reads as text, other renderers may read
            // as a tag (Python-Markdown: `<svg/onload=…>`): a `<` written
            // as it is, before a letter, `/`, `!` or `?`.
            Event::Text(_) if in_code == 0 => {
                let source = page.get(range.clone()).unwrap_or("");
                let mut backslashes = backslashes_before(page, range.start);
                for (i, c) in source.char_indices() {
                    let at = range.start + i;
                    // pulldown-cmark gives a `<` an event of its own: what
                    // follows is read from the page.
                    let tag_like = page
                        .get(at + 1..)
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'));
                    if c == '<' && backslashes.is_multiple_of(2) && tag_like {
                        found.push((at..at + 1, PageHazard::Html));
                    }
                    backslashes = if c == '\\' { backslashes + 1 } else { 0 };
                }
            }
            Event::Start(Tag::HtmlBlock) => block = Some((range.start, String::new())),
            Event::Html(html) => {
                if let Some((_, text)) = block.as_mut() {
                    text.push_str(&html);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((start, text)) = block.take()
                    && !is_comment(text.trim())
                    && inert_html(&text, true).is_none()
                {
                    found.push((start..range.end, PageHazard::Html));
                }
            }
            Event::InlineHtml(html) if !is_anchor(&html) && inert_html(&html, false).is_none() => {
                found.push((range, PageHazard::Html));
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if unsafe_scheme(&dest_url) =>
            {
                found.push((range, PageHazard::Link));
            }
            _ => {}
        }
    }
    found
}

/// One HTML comment, and nothing after it.
fn is_comment(html: &str) -> bool {
    html.strip_prefix("<!--")
        .and_then(|rest| rest.strip_suffix("-->"))
        .is_some_and(|inside| {
            // `<!-->` and `<!--->` are whole comments in HTML.
            !inside.starts_with('>')
                && !inside.starts_with("->")
                && !inside.contains("-->")
                && !inside.contains("--!>")
        })
}

/// `<a id="…">` with a plain id, or `</a>`: the template's anchors.
fn is_anchor(html: &str) -> bool {
    html == "</a>"
        || html
            .strip_prefix("<a id=\"")
            .and_then(|rest| rest.strip_suffix("\">"))
            .is_some_and(|id| {
                !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            })
}

/// Indents every line but the first, to keep it inside a list item.
fn indent_continuation(text: &str, indent: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(indent);
            }
        }
        out.push_str(line);
    }
    out
}

/// Prefixes every line with `> `.
fn quote(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            if line.is_empty() {
                ">".to_string()
            } else {
                format!("> {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A literal (an API's error message) as Markdown that shows exactly it.
/// A message of several lines keeps them, as hard line breaks.
pub fn literal(text: &str) -> String {
    literal_lines(text).join("\\\n")
}

/// A literal on one line: its lines joined by `<br>` (inert HTML, which a
/// table cell shows as a line break).
pub fn literal_on_one_line(text: &str) -> String {
    literal_lines(text).join("<br>")
}

/// The non-blank lines of a literal, spaces collapsed, each escaped.
fn literal_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .map(|line| literal_line(&line))
        .collect()
}

/// One line of a literal, escaped so nothing in it is markup, at the start
/// of a line too.
fn literal_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '&' | '|' | '~' => true,
            // `_` makes emphasis only at a word's edge (`SSL_ERROR` is safe).
            '_' => {
                let before = i.checked_sub(1).and_then(|j| chars.get(j));
                let after = chars.get(i + 1);
                !(before.is_some_and(|b| b.is_alphanumeric())
                    && after.is_some_and(|a| a.is_alphanumeric()))
            }
            // A leading `#`, `-`, `+`, `=` or `1.` would make a heading, a
            // list or the underline of a heading.
            '#' | '-' | '+' | '=' if i == 0 => true,
            '.' | ')' => chars[..i].iter().all(char::is_ascii_digit) && i > 0,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Collapses runs of blank lines the template's loops leave, and ends the
/// page with exactly one newline.
pub(super) fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    let mut in_fence = false;
    for line in text.lines() {
        // Only spaces and tabs: CommonMark reads a line of U+3000 or NBSP
        // as text, and trimming it could close a fence or end a paragraph.
        let line = line.trim_end_matches([' ', '\t']);
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if line.is_empty() && !in_fence {
            blank += 1;
            continue;
        }
        if !out.is_empty() && blank > 0 {
            out.push('\n');
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_in_translations_is_escaped_but_code_is_kept() {
        assert_eq!(
            block("Run <script>alert(1)</script> now, not `<b>`."),
            "Run &lt;script&gt;alert(1)&lt;/script&gt; now, not `<b>`."
        );
        assert_eq!(
            block("<div onclick=\"x()\">\nhi\n</div>"),
            "&lt;div onclick=\"x()\"&gt;\nhi\n&lt;/div&gt;"
        );
        assert!(has_raw_html("a <img src=x onerror=y>"));
        assert!(!has_raw_html("a < b and `<c>` and <https://example.org>"));
    }

    #[test]
    fn links_to_script_stay_text() {
        assert_eq!(
            block("[a](javascript:x()) [b](https://e.org/) [c](errorcode-x.md)"),
            "\\[a\\](javascript:x()) [b](https://e.org/) [c](errorcode-x.md)"
        );
        assert_eq!(block("<JavaScript:x()>"), "&lt;JavaScript:x()>");
        assert_eq!(
            block("![i](data:image/svg+xml,x)"),
            "!\\[i\\](data:image/svg+xml,x)"
        );
        assert_eq!(
            block("[a][r]\n\n[r]: vbscript:x"),
            "\\[a\\]\\[r\\]\n\n\\[r\\]: vbscript:x"
        );
        // Raw HTML inside the address of a link that is now text.
        assert_eq!(
            block("[d](data:text/html,<script>x</script>)"),
            "\\[d\\](data:text/html,&lt;script>x&lt;/script>)"
        );
        assert_eq!(
            block("[d](<data:x> 't<b>')"),
            "\\[d\\](&lt;data:x> 't&lt;b>')"
        );
        // Found by fuzzing: brackets before the link, and an escaped
        // backslash (`\\[` is a backslash, then a live `[`). Escaping only
        // the link's `[` let each `[` before it make a new link with the
        // same `]`, one more on every pass.
        let nested = format!("{}\\\\[~](j:x)", "[".repeat(40));
        let defused = block(&nested);
        // Every bracket that is only text is escaped too.
        assert_eq!(defused, format!("{}\\\\\\[~\\](j:x)", "\\[".repeat(40)));
        assert!(!has_unsafe_link(&defused));
        // The fuzzer's input: 50 brackets outlasted the passes.
        let found = format!("]se!{}~](htt:/.org) <", "[".repeat(50));
        let defused = block(&found);
        assert!(!has_unsafe_link(&defused) && !has_raw_html(&defused));
        assert_eq!(
            defused,
            format!("\\]se!{}\\[~\\](htt:/.org) &lt;", "\\[".repeat(49))
        );
        assert!(has_unsafe_link("[a](  JAVASCRIPT:x)"));
        assert!(!has_unsafe_link(
            "[a](https://e.org/?q=javascript:x) <mailto:a@b.c>"
        ));
    }

    /// `page` as a Markdown renderer reads it has nothing a translator
    /// could use to run script.
    fn safe(page: &str) {
        assert_eq!(page_hazard(page), None, "{page}");
    }

    #[test]
    fn texts_stay_defused_where_the_page_puts_them() {
        // Found in review: collapsed onto a heading's line, an indented
        // code block or a fence is no longer one.
        let code_block = "x\n\n    [c](javascript:alert(1)) <img src=x onerror=alert(1)>";
        safe(&format!("## 1001 {}\n", inline(code_block)));
        safe(&format!(
            "| a | {} |\n| - | - |\n",
            inline("~~~\n<img src=x onerror=alert(1)>\n~~~")
        ));
        safe(&format!("## 1001 {}\n", inline("```js [a](javascript:x)")));
        // A tab is a code block alone and a paragraph once indented.
        let tabbed = "a\n\n    \t<img src=x onerror=alert(1)> [b](javascript:alert(2))";
        safe(&format!(
            "1. {}\n",
            indent_continuation(&block(tabbed), "   ")
        ));
        safe(&format!("> {}\n", quote(&block(tabbed))));
        // Item 10's text starts at column 4, not 3.
        let indented = "a\n\n    <img src=x onerror=alert(1)> [b](javascript:x)";
        safe(&format!(
            "10. {}\n",
            indent_continuation(&block(indented), "    ")
        ));
        // Texts combine: a definition serves another text's reference.
        safe(&format!(
            "{}\n\n{}\n",
            block("a\n\n[r]: javascript:alert(2)"),
            block("see [here][r].")
        ));
        // A fence one text leaves open would take in the next.
        safe(&format!(
            "{}\n\n{}\n",
            block("Note:\n\n```"),
            block("```\n<img src=x onerror=alert(1)>")
        ));
        // A title in the text of a link the template makes.
        safe(&format!(
            "- [1001 {}](#1001)\n",
            link_text("gone](javascript:alert(1)) [x")
        ));
        // Found by fuzzing: a bare CR is a line break too; the lines after
        // it were not indented into their item, and a `[` in one item met
        // the `](…)` of the next.
        let (a, b) = ("ttPpUs\r \r\r\r[|||\r|", "~(em[ \u{1}[ a](x:/)\n](j:x)");
        safe(&format!("10. {}\n11. {}\n", item(a, 10), item(b, 11)));
        safe(&format!(
            "10. {}\n11. {}\n",
            item("a\r[b", 10),
            item("c](javascript:x)", 11)
        ));
        // Found by fuzzing: a safe link made text in a link's text, with
        // raw HTML in its address.
        safe(&format!("- [1 {}](#1)\n", link_text("[a](https://e@<b>x)")));
        // Found by fuzzing: in a quote, the next line's `>` closes a tag.
        let found = "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}+\u{9}\u{0}>me<[[\u{9}\u{a}+\u{9}\u{9}\u{a}\u{9}<!g`````\u{a}\u{9}<!g```````````\u{a}+\u{9}\u{9}(\u{d}\u{a}\u{9}``````\u{a}+\u{9}\u{9}(\u{d}\u{a}\u{9}<!g````````````\u{e}```\u{9}\u{9}(wo\u{a}\u{9}\u{9}\u{19}.\u{a}\u{9}<[\u{9}<[[\u{9}\u{a}++\u{9}\u{9}\u{a}\u{9}<!g```````````\u{a}+\u{9}\u{9}(\u{d}\u{a}\u{9}<!g````````````\u{e}```\u{9}\u{9}(wo\u{a}\u{9}\u{9}\u{19}.\u{a}\u{9}<[[\u{9}\u{a}(\u{9}\u{9}\u{a}\u{9}<!g```````````\u{a}+\u{9}\u{9}(\u{d}\u{a}\u{9}<!g\u{c}<``````````[\u{9}\u{a}+\u{9}\u{9}\u{a}\u{9}<!g```````````\u{a}+\u{9}\u{9}(\u{d}\u{a}\u{9}<!g`XXX```````````\u{e}\u{9}\u{9}\u{b}[";
        safe(&format!("> **x**\n>\n{}\n", quoted(found)));
    }

    #[test]
    fn what_other_renderers_read_differently_is_defused() {
        // Found in the second review. A line of U+3000 after a fence is
        // text; trimmed by the page's tidying it closed the fence.
        let hdc =
            "执行：\n\n```\nhdc file send <local> <remote>\n```\u{3000}\n其中<local>为本地路径。";
        safe(&tidy(&format!("{}\n", block(hdc))));
        // An indented line of marks is no closing fence.
        safe(&tidy(&format!(
            "{}\n\n{}\n",
            block("```\nx\n    ```"),
            block("```\n<b>hi</b>\n```")
        )));
        // A `<` in a link's source: cmark and GitHub read raw HTML there.
        for text in [
            "[a](<img src=x onerror=alert(1)>'')",
            "![a](<img src=x onerror=alert(1)>\"\")",
            "[a](x\u{b}'<img src=x onerror=alert(1)>')",
            "[a](<img src=x onerror=alert(1)>\u{c}'')",
            "> [r]:\n<img src=x onerror=alert(1)>",
        ] {
            let out = block(text);
            assert!(!out.contains("<img"), "{text:?} gave {out:?}");
            safe(&format!("{out}\n"));
        }
        let deep = format!(
            "[a](x{}<script>alert(1)</script>{})",
            "(".repeat(32),
            ")".repeat(33)
        );
        assert!(!block(&deep).contains("<script"), "{}", block(&deep));
        // GitHub's bare-URL links run up to a `<` and take a `\` with them.
        for text in [
            "see http://x<javascript:alert(1)>",
            "see http://x\\<img src=x onerror=alert(1)>",
            "see http://x[a](<b>)",
        ] {
            let out = block(text);
            assert!(!out.contains('<'), "{text:?} gave {out:?}");
        }
        // HTML ends a comment at `<!-->`.
        assert_eq!(
            page_hazard("<!--><img src=x onerror=alert(1)>-->\n"),
            Some((1, "raw HTML"))
        );
        // Titles in a link's text and cells: code spans keep their
        // brackets, a trailing `\` does not eat the `]`, wide spaces stay.
        assert_eq!(link_text("`arr[0]`越界"), "`arr[0]`越界");
        safe(&format!("- [1006 {}](#1006)\n", link_text("C:\\")));
        assert_eq!(inline("10\u{a0}MB　全角"), "10\u{a0}MB　全角");
    }

    #[test]
    fn nested_unsafe_links_are_all_defused_without_the_last_resort() {
        let mut nested = "x".to_string();
        for i in 1..=12 {
            nested = format!("[{nested}](j:{i})");
        }
        let text = format!("a\n\n{nested}\n\nb");
        let out = block(&text);
        assert!(!has_unsafe_link(&out), "{out}");
        assert!(out.starts_with("a\n\n") && out.ends_with("\n\nb"), "{out}");
    }

    #[test]
    fn pages_with_markup_are_found() {
        safe(
            "# T\n\n<!--Kit: Network Kit-->\n\n<a id=\"1006\"></a>\n\n## 1006 A\n\n| <a id=\"4000-4999\"></a>4000 | b |\n| - | - |\n",
        );
        assert_eq!(
            page_hazard("a\n\n<!--x--><img src=x>\n"),
            Some((3, "raw HTML"))
        );
        assert_eq!(page_hazard("a <b onclick=x>b</b>\n"), Some((1, "raw HTML")));
        assert_eq!(
            page_hazard("a\nb [c](javascript:x)\n"),
            Some((2, "a link to an address that is not http, https or mailto"))
        );
    }

    /// Found in review: an inert line (`<br>`, `<!--Del-->`) opens an HTML
    /// block whose other lines are raw for CommonMark but Markdown for
    /// Python-Markdown, which made a `javascript:` link of them.
    #[test]
    fn an_inert_line_does_not_shelter_a_link_in_its_html_block() {
        for text in [
            "<br>\n[x](javascript:alert(1))",
            "<!--Del-->[c](javascript:alert(2))",
            "<sup>\n[r]: javascript:alert(3)\n\n[r]",
        ] {
            let out = block(text);
            assert!(page_hazard(&out).is_none(), "{out}");
            assert!(
                !out.contains("](javascript") || out.contains("\\]("),
                "{text} → {out}"
            );
            assert!(
                !has_raw_html(&out) || inert_html(&out, true).is_some(),
                "{out}"
            );
        }
        // Markers and line breaks of real pages stay as they are.
        let real = "Check it.<!--DelEnd-->\n\n<!--RP2-->Ensure that the device supports it.<!--RP2End-->\n\nA<br>B";
        assert_eq!(block(real), real);
    }

    #[test]
    fn literals_show_exactly() {
        assert_eq!(
            literal("Can't listen to the given NIC."),
            "Can't listen to the given NIC."
        );
        assert_eq!(
            literal("a *b* <c> | _d_ SSL_ERROR"),
            "a \\*b\\* \\<c\\> \\| \\_d\\_ SSL_ERROR"
        );
        assert_eq!(literal("# not a heading"), "\\# not a heading");
        assert_eq!(literal("1. not a list"), "1\\. not a list");
        assert_eq!(literal("Error 1.5 happened"), "Error 1.5 happened");
        assert_eq!(
            literal("Possible causes: \n1. not focused.\n=\n"),
            "Possible causes:\\\n1\\. not focused.\\\n\\="
        );
        assert_eq!(
            literal_on_one_line("Operation\nnot | permitted"),
            "Operation<br>not \\| permitted"
        );
    }

    #[test]
    fn list_items_and_quotes_keep_their_lines() {
        assert_eq!(indent_continuation("a\nb\n\nc", "   "), "a\n   b\n\n   c");
        assert_eq!(quote("a\n\nb"), "> a\n>\n> b");
        assert_eq!(inline(" a\n b "), "a b");
    }

    #[test]
    fn tidy_collapses_blank_runs_outside_fences() {
        assert_eq!(
            tidy("\n\n# A\n\n\n\nb  \n```\n\n\n```\n\n"),
            "# A\n\nb\n```\n\n\n```\n"
        );
    }

    #[test]
    fn a_slot_keeps_its_lines_where_it_stands() {
        // In a quote, each line is quoted; under `1. `, indented by its
        // width; after a label, as it is.
        assert_eq!(in_context("a\n\nb", "> "), "a\n>\n> b");
        assert_eq!(in_context("a\nb", "> 1. "), "a\n>    b");
        assert_eq!(in_context("a\n\nb", "10. "), "a\n\n    b");
        assert_eq!(in_context("a\nb", "1."), "a\n  b");
        // A tab after the marker reaches column 4 (found in review).
        assert_eq!(in_context("a\n\nb", "1.\t"), "a\n\n    b");
        assert_eq!(in_context("a\nb", "**Cause**: "), "a\nb");
        // And it is made safe as it reads there: raw HTML, a link to
        // script, a bracket without its partner.
        let hostile = in_context("<img src=x onerror=y>\n[a](javascript:x) [", "> ");
        assert_eq!(
            hostile,
            "&lt;img src=x onerror=y&gt;\n> \\[a\\](javascript:x) \\["
        );
        assert!(page_hazard(&format!("> {hostile}\n")).is_none());
        // Read after what comes before it in its part (found by fuzzing:
        // alone, `<b>` was code in a list item after `2. `; after an empty
        // `1.` item it was not).
        let (a, b) = ("[\u{13}n", "\u{11}\u{0}");
        let c = "\t\t\t\t\t\t\t*\t\t@\t\t\t\t\t`s <b>x|\u{17}b\u{1}\u{17}b\u{1}";
        let mut page = String::new();
        for (literal, text) in [
            ("> ", a),
            ("\n\n1.", b),
            ("\n2. ", c),
            ("\n\n**Cause**: ", a),
            ("\n> 1. ", b),
        ] {
            page.push_str(literal);
            let slot = in_context(text, &page);
            page.push_str(&slot);
        }
        assert!(page_hazard(&format!("{page}\n")).is_none(), "{page}");
        // A tag's HTML block at the end of a slot would run on over what
        // the layout writes next (found by fuzzing): it is text.
        let slot = in_context("a\n\n<sub>", "**Cause**: ");
        assert_eq!(slot, "a\n\n&lt;sub>");
        assert!(page_hazard(&format!("**Cause**: {slot}\n> 1. x\n")).is_none());
        assert_eq!(in_context("a\n\n<!--Del-->", ""), "a\n\n<!--Del-->");
        // A bracket with its partner, and `<` before a digit, stay.
        assert_eq!(
            in_context("error [8519687] (< 100 ms)", ""),
            "error [8519687] (< 100 ms)"
        );
    }
}
