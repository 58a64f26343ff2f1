//! Tests of making Markdown safe.

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
    let hdc = "执行：\n\n```\nhdc file send <local> <remote>\n```\u{3000}\n其中<local>为本地路径。";
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
