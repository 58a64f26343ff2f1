//! Translation Markdown to HTML and to Markdown: never a panic, never an
//! HTML element a translator wrote (`<script`, `<img`, …) nor a
//! `javascript:` link in the HTML, and in the Markdown pages no raw HTML
//! and no link or image to a `javascript:`, `data:`, … address, whether
//! the template or a page's layout puts them there.
#![no_main]

use std::collections::BTreeSet;

use errdoc::testing::markdown_html::{Links, block, inline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let pages: BTreeSet<String> = ["errorcode-x".to_string()].into();
    let links = Links { pages: &pages, to_locale: "../" };
    for html in [block(text, &links), inline(text, &links)] {
        let lower = html.to_ascii_lowercase();
        for tag in ["<script", "<img", "<iframe", "<svg", "<div", "<style", "<a href=\"javascript:", "<a href=\"data:"] {
            assert!(!lower.contains(tag), "{tag} in {html}");
        }
    }
    let md = errdoc::markup::block(text);
    assert!(!errdoc::markup::has_raw_html(&md), "raw HTML left in {md:?}");
    assert!(!errdoc::markup::has_unsafe_link(&md), "an unsafe link left in {md:?}");
    // The texts as the page template puts them, one after another: the
    // page, read as one document, has nothing either.
    let parts: Vec<&str> = text.splitn(3, '\u{1}').collect();
    let (a, b, c) = (parts[0], parts.get(1).copied().unwrap_or(""), parts.get(2).copied().unwrap_or(""));
    use errdoc::markup as m;
    let page = format!(
        "# {}\n\n> **x**\n>\n{}\n\n## 1 {}\n\n{}\n\n10. {}\n11. {}\n\n- [1 {}](#1)\n\n| {} | {} |\n| --- | --- |\n",
        m::inline(a), m::quoted(b), m::inline(c), m::block(a), m::item(b, 10), m::item(c, 11),
        m::link_text(a), m::inline(b).replace('|', "\\|"), m::inline(c).replace('|', "\\|"),
    );
    assert_eq!(m::page_hazard(&page), None, "in the page:\n{page}");
    // And as a page's layout puts them: after a quote's `> `, an item's
    // `1.`, a label, each read after what comes before it.
    let mut layout_page = String::new();
    for (literal, text) in [("> ", a), ("\n\n1.", b), ("\n2. ", c), ("\n\n**Cause**: ", a), ("\n> 1. ", b)] {
        layout_page.push_str(literal);
        let slot = m::in_context(text, &layout_page);
        layout_page.push_str(&slot);
    }
    layout_page.push('\n');
    assert_eq!(m::page_hazard(&layout_page), None, "in the layout's page:\n{layout_page}");
    let literal = errdoc::markup::literal(text);
    assert!(!errdoc::markup::has_raw_html(&literal), "raw HTML in the literal {literal:?}");
    assert!(!errdoc::markup::has_unsafe_link(&literal), "a link in the literal {literal:?}");
    let _ = errdoc::testing::plain_text(text);
});
