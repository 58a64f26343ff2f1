//! Translation Markdown to HTML and to Markdown: never a panic, never an
//! HTML element a translator wrote (`<script`, `<img`, …) nor a
//! `javascript:` link in the HTML, and in the Markdown pages no raw HTML
//! and no link or image to a `javascript:`, `data:`, … address.
#![no_main]

use std::collections::BTreeSet;

use errdoc::render::markdown_html::{Links, block, inline};
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
    let md = errdoc::render::markdown::block(text);
    assert!(!errdoc::render::markdown::has_raw_html(&md), "raw HTML left in {md:?}");
    assert!(!errdoc::render::markdown::has_unsafe_link(&md), "an unsafe link left in {md:?}");
    let literal = errdoc::render::markdown::literal(text);
    assert!(!errdoc::render::markdown::has_raw_html(&literal), "raw HTML in the literal {literal:?}");
    assert!(!errdoc::render::markdown::has_unsafe_link(&literal), "a link in the literal {literal:?}");
    let _ = errdoc::render::search::plain_text(text);
});
