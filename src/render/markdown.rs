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

use pulldown_cmark::{Event, Options, Parser, Tag};
use rayon::prelude::*;
use tera::{Kwargs, State, Tera};

use super::markdown_html::unsafe_scheme;
use super::{RenderContext, Renderer};
use crate::diagnostic::Diagnostics;
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
        // Pages are independent: render them on every core.
        let rendered: Vec<_> = pages
            .par_iter()
            .map(|(locale, page)| {
                let mut context = tera::Context::new();
                context.insert("locale", &locale.tag);
                context.insert("is_source", &locale.is_source);
                context.insert("page", page);
                ctx.templates
                    .render("markdown/page.md", &context)
                    .map(|text| (format!("md/{}/{}.md", locale.tag, page.file), tidy(&text)))
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
    tera.register_filter("md_item", |text: &str, _: Kwargs, _: &State| {
        indent_continuation(&block(text), "   ")
    });
    tera.register_filter("md_quote", |text: &str, _: Kwargs, _: &State| {
        quote(&block(text))
    });
    tera.register_filter("md_literal", |text: &str, _: Kwargs, _: &State| {
        literal(text)
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
}

/// The hazards in Markdown `text`, by byte range, in order.
fn hazards(text: &str) -> Vec<(Hazard, Range<usize>)> {
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    parser
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Html(_) | Event::InlineHtml(_) => Some((Hazard::Html, range)),
            Event::Start(Tag::Link { dest_url, .. }) if unsafe_scheme(&dest_url) => {
                Some((Hazard::Link, range))
            }
            Event::Start(Tag::Image { dest_url, .. }) if unsafe_scheme(&dest_url) => {
                Some((Hazard::Link, range))
            }
            _ => None,
        })
        .collect()
}

/// Whether Markdown `text` contains raw HTML.
pub fn has_raw_html(text: &str) -> bool {
    hazards(text).iter().any(|(h, _)| *h == Hazard::Html)
}

/// Whether Markdown `text` links to a `javascript:`, `data:`, … address.
pub fn has_unsafe_link(text: &str) -> bool {
    hazards(text).iter().any(|(h, _)| *h == Hazard::Link)
}

/// Translation Markdown for a block: trimmed, line endings normalised, raw
/// HTML escaped, and links to `javascript:` (or any scheme but http, https
/// and mailto) kept as text. The Markdown pages are published as they are,
/// so they must carry no markup a translator could use to run script.
pub fn block(text: &str) -> String {
    let mut text = text.replace("\r\n", "\n").trim().to_string();
    // Defusing one thing can uncover another (a `<script>` in the address
    // of a link that is now text), so repeat until nothing is left.
    for _ in 0..8 {
        let found = hazards(&text);
        if found.is_empty() {
            return text;
        }
        text = defuse(&text, &found);
    }
    // Not reached by any input known; if it were, the whole text is shown
    // as it is written, markup and all.
    literal(&text)
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
            Hazard::Link => {
                // A `\` escapes the next character only at the end of an
                // even run of them (`\\[` is a backslash, then a live `[`).
                let mut backslashes = text
                    .get(..range.start)
                    .unwrap_or("")
                    .bytes()
                    .rev()
                    .take_while(|&b| b == b'\\')
                    .count();
                for c in inside.chars() {
                    if matches!(c, '[' | ']' | '<') && backslashes % 2 == 0 {
                        out.push('\\');
                    }
                    backslashes = if c == '\\' { backslashes + 1 } else { 0 };
                    out.push(c);
                }
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

/// Translation Markdown for one line (a heading, a table cell).
pub fn inline(text: &str) -> String {
    block(text).split_whitespace().collect::<Vec<_>>().join(" ")
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
pub fn literal(text: &str) -> String {
    let chars: Vec<char> = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect();
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
            // A leading `#`, `-`, `+` or `1.` would make a heading or list.
            '#' | '-' | '+' if i == 0 => true,
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
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    let mut in_fence = false;
    for line in text.lines() {
        let line = line.trim_end();
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
        assert_eq!(block("<JavaScript:x()>"), "\\<JavaScript:x()>");
        assert_eq!(
            block("![i](data:image/svg+xml,x)"),
            "!\\[i\\](data:image/svg+xml,x)"
        );
        assert_eq!(
            block("[a][r]\n\n[r]: vbscript:x"),
            "\\[a\\]\\[r\\]\n\n[r]: vbscript:x"
        );
        // Raw HTML inside the address of a link that is now text.
        assert_eq!(
            block("[d](data:text/html,<script>x</script>)"),
            "\\[d\\](data:text/html,\\<script>x\\</script>)"
        );
        assert_eq!(
            block("[d](<data:x> 't<b>')"),
            "\\[d\\](\\<data:x> 't\\<b>')"
        );
        // Found by fuzzing: brackets before the link, and an escaped
        // backslash (`\\[` is a backslash, then a live `[`). Escaping only
        // the link's `[` let each `[` before it make a new link with the
        // same `]`, one more on every pass.
        let nested = format!("{}\\\\[~](j:x)", "[".repeat(40));
        let defused = block(&nested);
        assert_eq!(defused, format!("{}\\\\\\[~\\](j:x)", "[".repeat(40)));
        assert!(!has_unsafe_link(&defused));
        // The fuzzer's input: 50 brackets outlasted the passes.
        let found = format!("]se!{}~](htt:/.org) <", "[".repeat(50));
        let defused = block(&found);
        assert!(!has_unsafe_link(&defused) && !has_raw_html(&defused));
        assert_eq!(
            defused,
            format!("]se!{}\\[~\\](htt:/.org) <", "[".repeat(49))
        );
        assert!(has_unsafe_link("[a](  JAVASCRIPT:x)"));
        assert!(!has_unsafe_link(
            "[a](https://e.org/?q=javascript:x) <mailto:a@b.c>"
        ));
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
}
