//! Translation Markdown to HTML and to Markdown: never a panic, and never
//! an HTML element a translator wrote (`<script`, `<img`, …) nor a
//! `javascript:` link in the HTML.
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
    let _ = errdoc::render::markdown::block(text);
    let _ = errdoc::render::markdown::literal(text);
    let _ = errdoc::render::search::plain_text(text);
});
