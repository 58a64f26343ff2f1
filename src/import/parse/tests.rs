//! Tests of reading a hand-written page: the house style, its
//! irregularities, and the cases found in review.

use super::*;

const PAGE: &str = "# Socket 错误码\n\n<!--Kit: Network Kit-->\n<!--Subsystem: Communication-->\n\n> **说明：**\n>\n> 以下仅介绍本模块特有错误码。\n\n## 2300002 系统内部错误\n\n**错误信息**\n\nSystem internal error.\n\n**可能原因**\n\n1.内存异常。\n\n2.空指针。\n\n**处理步骤:**\n\n1. 检查内存。\n2. 重启设备。\n\n  \t\n## 附录\n\nText.\n\n<!--Del-->\n## 401 Permission Denied\n\nStray text.\n\n**Description**\n\nUse `connect()`.\n<!--DelEnd-->\n\n## 2300002 Again\n\n| 错误码 | 错误信息 | 错误描述 |\n| --- | --- | --- |\n| 2300003 | Bad. | 错误。 |\n";

#[test]
fn a_house_style_page_is_read_with_its_irregularities() {
    let page = page(PAGE);
    assert_eq!(page.title.as_deref(), Some("Socket 错误码"));
    assert_eq!(
        page.metadata,
        [
            ("Kit".to_string(), "Network Kit".to_string()),
            ("Subsystem".to_string(), "Communication".to_string())
        ]
    );
    assert_eq!(page.note.as_deref(), Some("以下仅介绍本模块特有错误码。"));
    let codes: Vec<CodeNumber> = page.sections.iter().map(|s| s.code).collect();
    assert_eq!(codes, [2300002, 401, 2300003]);
    let first = &page.sections[0];
    assert_eq!(first.message.as_deref(), Some("System internal error."));
    assert_eq!(first.causes, ["内存异常。", "空指针。"]);
    assert_eq!(first.solutions, ["检查内存。", "重启设备。"]);
    assert_eq!(page.sections[1].marker.as_deref(), Some("Del"));
    assert_eq!(page.sections[1].intro.as_deref(), Some("Stray text."));
    assert_eq!(
        page.sections[1].description.as_deref(),
        Some("Use `connect()`.")
    );
    assert_eq!(page.sections[2].message.as_deref(), Some("Bad."));
    assert_eq!(page.sections[2].marker, None);
    assert_eq!(page.duplicates, [(2300002, 42)]);
    assert_eq!(page.headings.len(), 1);
    assert_eq!(page.headings[0].title, "附录");
    assert_eq!(page.headings[0].text.as_deref(), Some("Text."));
    assert_eq!(page.headings[0].before, 1);
    assert!(page.unmapped.is_empty(), "{:?}", page.unmapped);
}

#[test]
fn labels_with_a_break_and_text_on_the_same_line() {
    let page = page(
        "## 17700001 Bundle Name Does Not Exist\n**Error Message**<br>\nThe specified bundle name is not found.\n\n**Possible Causes**<br>The name is misspelled.\n\n**处理步骤**<br/>\n\n1. Check it.\n2. Dump it.\n\nSolution\n\nNot a label here: a plain label line.\n",
    );
    let s = &page.sections[0];
    assert_eq!(
        s.message.as_deref(),
        Some("The specified bundle name is not found.")
    );
    assert_eq!(s.causes, ["The name is misspelled."]);
    // A label met again adds to its field.
    assert_eq!(
        s.solutions,
        [
            "Check it.",
            "Dump it.",
            "Not a label here: a plain label line."
        ]
    );
}

#[test]
fn untitled_negative_and_lower_level_codes_and_sub_cases() {
    let page = page(
        "# T\n\n## -1\n\n**Error Message**\n\nFailed.\n\n## Group\n\nAbout the group.\n\n### 1011 Four Digits\n\n**Description**\n\nD.\n\n#### Case 1\n\n**Error Message**\n\nOther.\n\n### 1012  Two Spaces\n",
    );
    let codes: Vec<(CodeNumber, &str, u8)> = page
        .sections
        .iter()
        .map(|s| (s.code, s.title.as_str(), s.level))
        .collect();
    assert_eq!(
        codes,
        [
            (-1, "", 2),
            (1011, "Four Digits", 3),
            (1012, "Two Spaces", 3)
        ]
    );
    assert_eq!(page.sections[1].description.as_deref(), Some("D."));
    assert_eq!(
        page.sections[1].details.as_deref(),
        Some("#### Case 1\n\n**Error Message**\n\nOther.")
    );
    assert_eq!(page.headings[0].title, "Group");
    assert_eq!(page.headings[0].before, 1);
}

#[test]
fn messages_keep_their_lines_and_markers_between_items_are_not_text() {
    let page = page(
        "## 12800003 Client Error\n\n**Error Message**\n\nInput method client error. Possible causes: \n1. the edit box is not focused.\n2. ipc failed.\n\n**Possible Causes**\n1. One.\n2. Two.\n<!--Del-->\n3. Three.\n<!--DelEnd-->\n\n**Solution**\n\nCheck it.<!--DelEnd-->\n",
    );
    let s = &page.sections[0];
    assert_eq!(
        s.message.as_deref(),
        Some(
            "Input method client error. Possible causes:\n1. the edit box is not focused.\n2. ipc failed."
        )
    );
    // The markers around an item are the page's layout: each item's
    // text is only its own, and where it stands is known.
    assert_eq!(s.causes, ["One.", "Two.", "Three."]);
    let text = "## 12800003 Client Error\n\n**Error Message**\n\nInput method client error. Possible causes: \n1. the edit box is not focused.\n2. ipc failed.\n\n**Possible Causes**\n1. One.\n2. Two.\n<!--Del-->\n3. Three.\n<!--DelEnd-->\n\n**Solution**\n\nCheck it.<!--DelEnd-->\n";
    let third = s.spans.causes[2]
        .clone()
        .expect("the third cause stands in one piece");
    assert_eq!(&text[third.clone()], "Three.");
    assert_eq!(&text[third.start - 14..third.start], "<!--Del-->\n3. ");
    // An end marker nothing opened stays in the text.
    assert_eq!(s.solutions, ["Check it.<!--DelEnd-->"]);
}

#[test]
fn a_marker_at_the_end_of_a_text_closes_the_sections_marker() {
    let page = page(
        "<!--Del-->\n## 1 A\n\n**Solution**\n\nFix.\n\n## 2 B\n\n**Solution**\n\nFix it.<!--DelEnd-->\n\n## 3 C\n\n**Description**\n\nText。<!--Del-->\n## 4 D\n",
    );
    let markers: Vec<Option<&str>> = page.sections.iter().map(|s| s.marker.as_deref()).collect();
    assert_eq!(markers, [Some("Del"), Some("Del"), None, Some("Del")]);
    assert_eq!(page.sections[1].solutions, ["Fix it."]);
    assert_eq!(page.sections[2].description.as_deref(), Some("Text。"));
}

/// Found in review: each of these lost or misplaced a page's text.
#[test]
fn review_cases_keep_what_the_page_says() {
    // A no-break space in an item's indentation (it panicked).
    let p = page("## 1 A\n\n**Possible Causes**\n\n1. a\n\u{a0}\u{a0}b\n");
    assert_eq!(p.sections[0].causes, ["a\n\u{a0}\u{a0}b"]);
    // HTML in an Error Message is its text; `<br>` breaks the line; a
    // marker around it is the page's, reported.
    let p = page(
        "## 1 A\n\n**Error Message**\n\nInvalid value <name>.\n\n## 2 B\n\n**Error Message**<br>Line one.<br>Line two.\n\n## 3 C\n\n**Error Message**:\n\n<!--RP1-->Permission denied.<!--RP1End-->\n",
    );
    let messages: Vec<Option<&str>> = p.sections.iter().map(|s| s.message.as_deref()).collect();
    assert_eq!(
        messages,
        [
            Some("Invalid value <name>."),
            Some("Line one.\nLine two."),
            Some("Permission denied.")
        ]
    );
    // Around the whole message, the markers are the layout's: nothing
    // is lost.
    assert!(p.dropped.is_empty(), "{:?}", p.dropped);
    let text = "## 1 A\n\n**Error Message**\n\n<!--RP1-->Permission denied.<!--RP1End-->\n";
    let p = page(text);
    let span = p.sections[0].spans.message.clone().expect("one place");
    assert_eq!(&text[span], "Permission denied.");
    // Inside it, they are lost, and reported.
    let p = page("## 1 A\n\n**Error Message**\n\nFailed.<!--RP1--> Retry.<!--RP1End-->\n");
    assert_eq!(p.sections[0].message.as_deref(), Some("Failed. Retry."));
    assert_eq!(p.dropped.len(), 1, "{:?}", p.dropped);
    assert!(
        p.dropped[0]
            .1
            .starts_with("<!--RP1--> <!--RP1End--> in the Error Message of code 1")
    );
    // A table of codes inside a section comes after it; a heading
    // above a table stays above its rows.
    let p = page(
        "## 100 A\n\n**Error Message**\n\nFailed.\n\n| Code | Message |\n| --- | --- |\n| 200 | Two. |\n| 100 | Again. |\n\n## Group\n\n| Code | Message |\n| --- | --- |\n| 300 | Three. |\n\nAfter the table.\n",
    );
    let codes: Vec<CodeNumber> = p.sections.iter().map(|s| s.code).collect();
    assert_eq!(codes, [100, 200, 300]);
    assert_eq!(p.sections[0].message.as_deref(), Some("Failed."));
    assert_eq!(p.duplicates, [(100, 10)]);
    assert_eq!(p.headings[0].before, 2);
    // What follows the rows is the page's own writing, not the
    // heading's text: it stands after a part of another code.
    assert_eq!(p.headings[0].text, None);
    assert_eq!(p.unmapped.len(), 1, "{:?}", p.unmapped);
    assert!(
        p.unmapped[0]
            .1
            .starts_with("`After the table.` after a table of codes"),
        "{:?}",
        p.unmapped
    );
    // The end of a section marker after sub-cases ends it.
    let p = page(
        "<!--Del-->\n## 100 A\n\n### Case 1\n\nText.\n<!--DelEnd-->\n\n## Appendix\n\n## 200 B\n",
    );
    assert_eq!(p.sections[0].marker.as_deref(), Some("Del"));
    assert_eq!(
        p.sections[0].details.as_deref(),
        Some("### Case 1\n\nText.")
    );
    assert_eq!(p.sections[1].marker, None);
    // An end marker on the last item closes the sections' marker once.
    let p =
        page("<!--Del-->\n## 1 A\n\n**Solution**\n\n1. Do a.\n2. Do b.<!--DelEnd-->\n\n## 2 B\n");
    assert_eq!(p.sections[0].solutions, ["Do a.", "Do b."]);
    assert_eq!(p.sections[0].marker.as_deref(), Some("Del"));
    assert_eq!(p.sections[1].marker, None);
    // A decimal number is no item number.
    let p = page("## 1 A\n\n**Possible Causes**\n\n1.5 seconds passed.\n");
    assert_eq!(p.sections[0].causes, ["1.5 seconds passed."]);
    // A number no code can be, and -0, are headings, the first reported.
    let p = page("## 99999999999999999999 Big\n\n## -0 Zero\n");
    assert!(p.sections.is_empty());
    assert_eq!(p.headings.len(), 2);
    assert_eq!(p.unmapped.len(), 2, "{:?}", p.unmapped);
}

#[test]
fn normalizing_ignores_layout_not_words() {
    assert_eq!(normalized("a  *b*\nc"), normalized("a *b* c"));
    assert_ne!(normalized("a `b`"), normalized("a b"));
}
