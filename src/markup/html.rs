//! Raw HTML in Markdown: what a finished page may carry (the template's
//! anchors, comments) and what a text may (inert marker comments, `<br>`,
//! `<sup>`, `<sub>`), and the link schemes no page should point at.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{backslashes_before, options};

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

/// Whether `url` has a scheme other than http, https and mailto
/// (`javascript:`, `data:`, `file:`, `vbscript:`): a link no page of ours
/// should carry. A relative address has none.
pub fn unsafe_scheme(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    if ["https://", "http://", "mailto:"]
        .iter()
        .any(|safe| lower.starts_with(safe))
    {
        return false;
    }
    let scheme_end = lower.find(':');
    let path_end = lower.find(['/', '?', '#']).unwrap_or(lower.len());
    scheme_end.is_some_and(|i| i < path_end)
}

/// A piece of [inert HTML](inert_html).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inert<'a> {
    /// A marker comment (`<!--Del-->`, `<!--RP1End-->`): what documentation
    /// pipelines act on; nothing a reader sees.
    Marker(&'a str),
    /// `<br>`, `<sup>`, `</sup>`, `<sub>`, `</sub>`: no attributes, no script.
    Tag(&'a str),
    /// Text, without a `<`.
    Text(&'a str),
}

/// The tags real error-code pages use inside their texts that can do
/// nothing but break a line or raise a digit.
pub(super) const INERT_TAGS: [&str; 7] = [
    "<br>", "<br/>", "<br />", "<sup>", "</sup>", "<sub>", "</sub>",
];

/// Raw HTML that cannot run, link or hide anything, split into its
/// pieces: marker comments, the tags of [`INERT_TAGS`], and text without
/// a `<` (the rest of an HTML block's line, `<!--RP2-->Ensure that…`).
/// Published pages carry these inside their texts; anything else is
/// `None` and is shown as text.
///
/// In an HTML block (`block`), text is raw for a CommonMark renderer but
/// Markdown for others (Python-Markdown reads `<br>` as inline): there it
/// may not hold a `[` or `]`, which would make a link.
pub fn inert_html(raw: &str, block: bool) -> Option<Vec<Inert<'_>>> {
    let mut pieces = Vec::new();
    let mut rest = raw;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->")?;
            let name = &after[..end];
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
                return None;
            }
            pieces.push(Inert::Marker(&rest[..4 + end + 3]));
            rest = &after[end + 3..];
        } else if rest.starts_with('<') {
            let tag = INERT_TAGS.iter().find(|t| rest.starts_with(**t))?;
            pieces.push(Inert::Tag(&rest[..tag.len()]));
            rest = &rest[tag.len()..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            if block && text.contains(['[', ']']) {
                return None;
            }
            pieces.push(Inert::Text(text));
            rest = &rest[end..];
        }
    }
    Some(pieces)
}
