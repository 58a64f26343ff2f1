//! Markdown from translations turned into HTML for the site, safely.
//!
//! pulldown-cmark parses; before its HTML writer sees the events, raw HTML
//! becomes text (so `<script>` shows as text and runs nothing), links whose
//! scheme is not http, https or mailto lose their link (no `javascript:`),
//! images become their alt text, and relative links to the project's own
//! Markdown pages (`errorcode-net-socket.md#2303210`) point at the HTML page
//! of the same locale. A relative link to anything else would be dead on
//! the site, so it is shown as text.

use std::collections::BTreeSet;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

use crate::markup::{Inert, inert_html, unsafe_scheme};

/// Where links of the page being rendered go.
pub struct Links<'a> {
    /// The page file names of the project (`errorcode-net-socket`).
    pub pages: &'a BTreeSet<String>,
    /// The way from the current page to the locale's folder (`../`).
    pub to_locale: &'a str,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Markdown `text` as an HTML block.
pub fn block(text: &str, links: &Links<'_>) -> String {
    if is_plain(text) {
        return format!("<p>{text}</p>\n");
    }
    parsed_block(text, links)
}

/// [`block`], through pulldown-cmark whatever the text.
fn parsed_block(text: &str, links: &Links<'_>) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    html::push_html(&mut out, sanitize(Parser::new_ext(text, options()), links));
    out
}

/// Punctuation that means nothing to CommonMark inside a line of words,
/// and that HTML shows as it is.
const PLAIN_PUNCTUATION: &str = " ,.;:?!()/-+=%@$'，。；：？！（）、“”‘’《》";

/// Whether `text` is one paragraph of plain words: starting with a
/// letter (not a digit, which could number a list item, nor a block's
/// marker), without line breaks or trailing spaces, and only letters,
/// digits and [`PLAIN_PUNCTUATION`]. Its HTML is then the text itself, so
/// the parser is not needed: most titles and many texts are plain, and a
/// site of 100,000 codes has a million of them. The test below holds this
/// to what pulldown-cmark makes of the same text.
fn is_plain(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_alphabetic)
        && !text.ends_with(' ')
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || PLAIN_PUNCTUATION.contains(c))
}

/// Markdown `text` as inline HTML (a title): the paragraph tags removed.
pub fn inline(text: &str, links: &Links<'_>) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if is_plain(&one_line) {
        return one_line;
    }
    let html = parsed_block(&one_line, links);
    let html = html.trim_end();
    html.strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
        .unwrap_or(html)
        .to_string()
}

/// What a link in a translation becomes.
enum Target {
    /// Kept as it is.
    Keep,
    /// Rewritten.
    Rewrite(String),
    /// Dropped: its text stays, without a link.
    Drop,
}

fn link_target(url: &str, links: &Links<'_>) -> Target {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
    {
        return Target::Keep;
    }
    if lower.starts_with('#') {
        return Target::Keep;
    }
    if unsafe_scheme(url) {
        return Target::Drop;
    }
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (url, None),
    };
    let page = path.strip_prefix("./").unwrap_or(path);
    if let Some(name) = page.strip_suffix(".md")
        && links.pages.contains(name)
    {
        let fragment = fragment.map(|f| format!("#{f}")).unwrap_or_default();
        return Target::Rewrite(format!("{}{name}.html{fragment}", links.to_locale));
    }
    Target::Drop
}

/// Inert HTML as the site shows it: markers dropped, tags and text kept
/// as a Markdown host shows them (text without a `<` starts no tag; its
/// entities read as on the host).
fn inert_to_html(pieces: &[Inert<'_>]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Inert::Marker(_) => {}
            Inert::Tag(text) | Inert::Text(text) => out.push_str(text),
        }
    }
    out
}

/// The events of `parser` with raw HTML, unsafe links and images defused.
fn sanitize<'a>(parser: Parser<'a>, links: &'a Links<'a>) -> impl Iterator<Item = Event<'a>> + 'a {
    // For each open link: whether its end tag is dropped too.
    let mut open: Vec<bool> = Vec::new();
    let mut in_image = 0usize;
    parser.filter_map(move |event| match event {
        Event::Html(raw) => Some(match inert_html(&raw, true) {
            Some(pieces) => Event::Html(CowStr::from(inert_to_html(&pieces))),
            None => Event::Text(raw),
        }),
        Event::InlineHtml(raw) => Some(match inert_html(&raw, false) {
            Some(pieces) => Event::InlineHtml(CowStr::from(inert_to_html(&pieces))),
            None => Event::Text(raw),
        }),
        Event::Start(Tag::Image { .. }) => {
            in_image += 1;
            None
        }
        Event::End(TagEnd::Image) => {
            in_image = in_image.saturating_sub(1);
            None
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => match link_target(&dest_url, links) {
            Target::Keep => {
                open.push(false);
                Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            }
            Target::Rewrite(url) => {
                open.push(false);
                Some(Event::Start(Tag::Link {
                    link_type: LinkType::Inline,
                    dest_url: CowStr::from(url),
                    title,
                    id,
                }))
            }
            Target::Drop => {
                open.push(true);
                None
            }
        },
        Event::End(TagEnd::Link) => {
            if open.pop().unwrap_or(false) {
                None
            } else {
                Some(Event::End(TagEnd::Link))
            }
        }
        other if in_image > 0 => match other {
            Event::Text(_) | Event::Code(_) => Some(other),
            _ => None,
        },
        other => Some(other),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(pages: &BTreeSet<String>) -> Links<'_> {
        Links {
            pages,
            to_locale: "../",
        }
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let pages = BTreeSet::new();
        let html = block(
            "Hi <script>alert(1)</script>\n\n<div onclick=x()>a</div>",
            &links(&pages),
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
    }

    #[test]
    fn markers_and_line_breaks_of_real_pages_are_inert() {
        let pages = BTreeSet::new();
        assert_eq!(
            block(
                "Check it.<!--DelEnd--> H<sub>2</sub>O<br>10<sup>3</sup>\n\n<!--RP2-->Ensure it & go.\n",
                &links(&pages)
            ),
            "<p>Check it. H<sub>2</sub>O<br>10<sup>3</sup></p>\nEnsure it & go.\n"
        );
        for live in [
            "<br onclick=x>",
            "<!-- Del -->",
            "<!--Del-->x<b>",
            "<sup class=a>",
        ] {
            assert!(inert_html(live, false).is_none(), "{live}");
        }
        // Text in an HTML block is Markdown to some renderers: no link.
        assert!(inert_html("[x](javascript:alert(1))\n", true).is_none());
        assert!(inert_html("<!--Del-->a &lt;b&gt;", true).is_some());
        let html = block("<br>\n[x](javascript:alert(1))\n", &links(&pages));
        assert!(!html.contains("href"), "{html}");
    }

    #[test]
    fn dangerous_links_lose_their_link_but_keep_their_text() {
        let pages = BTreeSet::new();
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<b>",
            "vbscript:x",
        ] {
            let html = block(&format!("[click]({url})"), &links(&pages));
            assert_eq!(html, "<p>click</p>\n", "{url}");
        }
        let html = block("![x](https://e.org/a.png) <https://e.org>", &links(&pages));
        assert_eq!(
            html,
            "<p>x <a href=\"https://e.org\">https://e.org</a></p>\n"
        );
    }

    #[test]
    fn links_to_project_pages_point_at_their_html() {
        let pages: BTreeSet<String> = ["errorcode-net-socket".to_string()].into();
        let html = inline(
            "see [2303210](errorcode-net-socket.md#2303210) and [universal](../errorcode-universal.md)",
            &links(&pages),
        );
        assert_eq!(
            html,
            "see <a href=\"../errorcode-net-socket.html#2303210\">2303210</a> and universal"
        );
    }

    #[test]
    fn plain_text_is_shown_as_the_parser_shows_it() {
        let pages = BTreeSet::new();
        let links = links(&pages);
        let parsed_inline = |text: &str| {
            let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let html = parsed_block(&one_line, &links);
            let html = html.trim_end();
            html.strip_prefix("<p>")
                .and_then(|h| h.strip_suffix("</p>"))
                .unwrap_or(html)
                .to_string()
        };
        // Every character the fast path takes, and the ones next to them
        // that it must not take, in random strings (a fixed seed).
        let plain_alphabet: Vec<char> = PLAIN_PUNCTUATION
            .chars()
            .chain("aZé连接0189Ⅻ²ß".chars())
            .collect();
        let alphabet: Vec<char> = plain_alphabet
            .iter()
            .copied()
            .chain("  \t\n*_`[]<>&\"#~|\\{}^".chars())
            .chain(['\u{a0}', '\u{3000}'])
            .collect();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut plain = 0;
        for _ in 0..200_000 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let len = 1 + (seed >> 59) as usize;
            // Half of them from what the fast path takes, so that many are plain.
            let chars = if seed & 1 == 0 {
                &plain_alphabet
            } else {
                &alphabet
            };
            let mut text = String::new();
            let mut bits = seed;
            for _ in 0..len {
                bits = bits.rotate_left(7) ^ (bits >> 3).wrapping_mul(0x9e37_79b9);
                text.push(chars[(bits % chars.len() as u64) as usize]);
            }
            if is_plain(&text) {
                plain += 1;
                assert_eq!(
                    block(&text, &links),
                    parsed_block(&text, &links),
                    "{text:?}"
                );
                assert_eq!(inline(&text, &links), parsed_inline(&text), "{text:?}");
            }
        }
        assert!(plain > 10_000, "{plain}");
        for text in [
            "Connection timed out",
            "Failure 12. Try again (later): 50% off, a/b-c+d=e @x $y 'q'",
            "连接超时，请稍后重试。",
            "a  b",
            "I. x",
            "a: b",
        ] {
            assert!(is_plain(text), "{text}");
            assert_eq!(block(text, &links), parsed_block(text, &links));
            assert_eq!(inline(text, &links), parsed_inline(text));
        }
        for text in [
            "1. x", "- x", "# x", "a\nb", "a ", " a", "a *b*", "x<b>", "",
        ] {
            assert!(!is_plain(text), "{text:?}");
        }
    }

    #[test]
    fn inline_keeps_code_and_emphasis() {
        let pages = BTreeSet::new();
        assert_eq!(
            inline("Use `connect()`\n *now*", &links(&pages)),
            "Use <code>connect()</code> <em>now</em>"
        );
    }
}
