//! Reading a hand-written error-code page (the house style of
//! OpenHarmony's `errorcode-*.md`) into its parts, with pulldown-cmark:
//! the title, the metadata comment block, the NOTE, and per `## <code>
//! <title>` section its labelled fields. Whatever does not map is kept,
//! with its line, for the import's report.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The fields of a code section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The literal error message.
    Message,
    /// What it means.
    Description,
    /// Possible causes.
    Causes,
    /// The solution's steps.
    Solution,
}

/// The field a bold label names, in English or Chinese (`**可能原因：**`).
pub fn label(text: &str) -> Option<Field> {
    let text = text
        .trim()
        .trim_end_matches([':', '：'])
        .trim()
        .to_lowercase();
    match text.as_str() {
        "error message" | "error messages" | "错误信息" => Some(Field::Message),
        "description" | "错误描述" | "描述" => Some(Field::Description),
        "possible causes" | "possible cause" | "cause" | "causes" | "可能原因" | "原因" => {
            Some(Field::Causes)
        }
        "solution" | "solutions" | "procedure" | "处理步骤" | "操作步骤" | "解决措施"
        | "解决方法" => Some(Field::Solution),
        _ => None,
    }
}

/// One code section of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// The code.
    pub code: crate::catalog::CodeNumber,
    /// Its title.
    pub title: String,
    /// The literal error message.
    pub message: Option<String>,
    /// The description (Markdown).
    pub description: Option<String>,
    /// The causes (Markdown each).
    pub causes: Vec<String>,
    /// The solution's steps (Markdown each).
    pub solutions: Vec<String>,
    /// The marker around the section (`Del`), if any.
    pub marker: Option<String>,
    /// The line of its heading.
    pub line: usize,
}

/// A page, read.
#[derive(Debug, Default)]
pub struct Page {
    /// The `# Title`.
    pub title: Option<String>,
    /// The metadata block: (label as written, value).
    pub metadata: Vec<(String, String)>,
    /// The NOTE / 说明 text (Markdown).
    pub note: Option<String>,
    /// Code sections (and table rows) in page order, first of each code.
    pub sections: Vec<Section>,
    /// Pieces that did not map: (line, what).
    pub unmapped: Vec<(usize, String)>,
    /// Codes met again after their first section: (code, line).
    pub duplicates: Vec<(crate::catalog::CodeNumber, usize)>,
}

/// A top-level block of the page.
#[derive(Debug)]
struct Block {
    kind: Kind,
    range: Range<usize>,
    /// Plain text (for headings, labels, messages).
    text: String,
    /// Whether the block is a paragraph made only of strong text.
    strong_only: bool,
    /// Source ranges of the items of a list.
    items: Vec<Range<usize>>,
    /// Rows of a table: cells as plain text, the header first.
    rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Heading(u8),
    Paragraph,
    List,
    Quote,
    Code,
    Table,
    Html,
    Rule,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut depth = 0usize;
    let mut strong_depth = 0usize;
    let mut item_depth = 0usize;
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut in_cell = false;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match &event {
            Event::Start(tag) => {
                if depth == 0 {
                    let kind = match tag {
                        Tag::Heading { level, .. } => Kind::Heading(match level {
                            HeadingLevel::H1 => 1,
                            HeadingLevel::H2 => 2,
                            HeadingLevel::H3 => 3,
                            _ => 4,
                        }),
                        Tag::Paragraph => Kind::Paragraph,
                        Tag::List(_) => Kind::List,
                        Tag::BlockQuote(_) => Kind::Quote,
                        Tag::CodeBlock(_) => Kind::Code,
                        Tag::Table(_) => Kind::Table,
                        Tag::HtmlBlock => Kind::Html,
                        _ => Kind::Paragraph,
                    };
                    out.push(Block {
                        kind,
                        range: range.clone(),
                        text: String::new(),
                        strong_only: matches!(kind, Kind::Paragraph),
                        items: Vec::new(),
                        rows: Vec::new(),
                    });
                }
                if let Some(block) = out.last_mut() {
                    match tag {
                        Tag::Strong => strong_depth += 1,
                        Tag::Item => {
                            if item_depth == 0 && block.kind == Kind::List {
                                block.items.push(range.clone());
                            }
                            item_depth += 1;
                        }
                        Tag::TableCell => {
                            in_cell = true;
                            cell.clear();
                        }
                        _ => {}
                    }
                }
                depth += 1;
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                match tag {
                    TagEnd::Strong => strong_depth = strong_depth.saturating_sub(1),
                    TagEnd::Item => item_depth = item_depth.saturating_sub(1),
                    TagEnd::TableCell => {
                        in_cell = false;
                        row.push(cell.trim().to_string());
                    }
                    TagEnd::TableHead | TagEnd::TableRow => {
                        if let Some(block) = out.last_mut() {
                            block.rows.push(std::mem::take(&mut row));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if in_cell {
                    cell.push_str(t);
                }
                if let Some(block) = out.last_mut() {
                    if strong_depth == 0 && !t.trim().is_empty() {
                        block.strong_only = false;
                    }
                    block.text.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(block) = out.last_mut() {
                    block.text.push('\n');
                }
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                if let Some(block) = out.last_mut() {
                    block.text.push_str(t);
                    if block.kind == Kind::Paragraph && !t.trim().is_empty() {
                        block.strong_only = false;
                    }
                }
            }
            Event::Rule if depth == 0 => out.push(Block {
                kind: Kind::Rule,
                range,
                text: String::new(),
                strong_only: false,
                items: Vec::new(),
                rows: Vec::new(),
            }),
            _ => {}
        }
    }
    out
}

/// 1-based line of byte offset `at`.
fn line_of(text: &str, at: usize) -> usize {
    text.get(..at)
        .map_or(1, |before| before.matches('\n').count() + 1)
}

/// A list item's Markdown, without its marker and its indentation.
fn item_text(source: &str) -> String {
    let trimmed = source.trim_start();
    let marker_len = trimmed
        .find(|c: char| {
            !(c.is_ascii_digit() || c == '.' || c == ')' || c == '-' || c == '*' || c == '+')
        })
        .unwrap_or(0);
    let rest = &trimmed[marker_len..];
    let indent = source.len() - trimmed.len() + marker_len + (rest.len() - rest.trim_start().len());
    let mut lines = rest.trim_start().lines();
    let mut out = lines.next().unwrap_or("").to_string();
    for line in lines {
        out.push('\n');
        let strip = line.len() - line.trim_start().len();
        out.push_str(&line[strip.min(indent)..]);
    }
    out.trim().to_string()
}

/// `1.text` or `1. text` or `1、text` at the start of a line: the number's
/// length, if the line is numbered so.
fn numbered_prefix(line: &str) -> Option<usize> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = &line[digits..];
    let mark = rest.chars().next()?;
    if matches!(mark, '.' | '、' | ')' | '．') {
        Some(digits + mark.len_utf8())
    } else {
        None
    }
}

/// Items of a field: list items; paragraphs (or lines) numbered `1.`; or
/// the whole field as one item.
fn items(text: &str, blocks: &[&Block]) -> Vec<String> {
    if let [block] = blocks
        && block.kind == Kind::List
    {
        return block
            .items
            .iter()
            .map(|r| item_text(text.get(r.clone()).unwrap_or("")))
            .collect();
    }
    let sources: Vec<&str> = blocks
        .iter()
        .map(|b| text.get(b.range.clone()).unwrap_or("").trim())
        .collect();
    let lines: Vec<&str> = sources
        .iter()
        .flat_map(|s| s.lines())
        .filter(|l| !l.trim().is_empty())
        .collect();
    let all_paragraphs = blocks.iter().all(|b| b.kind == Kind::Paragraph);
    let numbered_lines = lines
        .iter()
        .filter(|l| numbered_prefix(l.trim_start()).is_some())
        .count();
    if all_paragraphs
        && numbered_lines >= 1
        && numbered_prefix(lines.first().map_or("", |l| l.trim_start())).is_some()
    {
        // Each numbered line starts an item; other lines continue it.
        let mut out: Vec<String> = Vec::new();
        for line in lines {
            let line = line.trim();
            match numbered_prefix(line) {
                Some(n) => out.push(line[n..].trim().to_string()),
                None => {
                    if let Some(last) = out.last_mut() {
                        last.push('\n');
                        last.push_str(line);
                    }
                }
            }
        }
        return out;
    }
    let joined = sources.join("\n\n");
    if joined.trim().is_empty() {
        Vec::new()
    } else {
        vec![joined]
    }
}

/// Whether a block is only `<a id="…"></a>` anchors.
fn is_anchor(source: &str) -> bool {
    let mut rest = source.trim();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let Some(after) = rest.strip_prefix("<a id=\"") else {
            return false;
        };
        let Some(end) = after.find("\"></a>") else {
            return false;
        };
        rest = after[end + 6..].trim_start();
    }
    true
}

/// The `(code, title)` of a `## 2303210 Connection Timed Out` heading.
fn code_heading(text: &str) -> Option<(crate::catalog::CodeNumber, String)> {
    let text = text.trim();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if !(3..=8).contains(&digits) {
        return None;
    }
    let code = text[..digits].parse().ok()?;
    let title = text[digits..].trim();
    (!title.is_empty() && text[digits..].starts_with(char::is_whitespace))
        .then(|| (code, title.to_string()))
}

/// Which column of a table is the code, the message, the description.
fn table_columns(header: &[String]) -> Option<(usize, Option<usize>, Option<usize>)> {
    let find = |names: &[&str]| {
        header.iter().position(|h| {
            let h = h.trim().to_lowercase();
            names.iter().any(|n| h == *n)
        })
    };
    let code = find(&["error code", "code", "错误码"])?;
    let message = find(&["error message", "message", "错误信息"]);
    let description = find(&["description", "错误描述", "描述", "说明"]);
    (message.is_some() || description.is_some()).then_some((code, message, description))
}

/// Reads a page.
pub fn page(text: &str) -> Page {
    let blocks = blocks(text);
    let mut page = Page::default();
    let mut current: Option<Section> = None;
    let mut field: Option<Field> = None;
    let mut fields: Vec<(Field, Vec<&Block>)> = Vec::new();
    let mut marker: Option<String> = None;
    let mut seen_codes = std::collections::BTreeSet::new();

    let finish =
        |current: &mut Option<Section>,
         fields: &mut Vec<(Field, Vec<&Block>)>,
         page: &mut Page,
         seen: &mut std::collections::BTreeSet<crate::catalog::CodeNumber>| {
            if let Some(mut section) = current.take() {
                for (field, blocks) in fields.drain(..) {
                    match field {
                        Field::Message => {
                            let message = blocks
                                .iter()
                                .map(|b| b.text.split_whitespace().collect::<Vec<_>>().join(" "))
                                .collect::<Vec<_>>()
                                .join(" ");
                            if !message.is_empty() {
                                section.message = Some(message);
                            }
                        }
                        Field::Description => {
                            let joined = blocks
                                .iter()
                                .map(|b| text.get(b.range.clone()).unwrap_or("").trim())
                                .collect::<Vec<_>>()
                                .join("\n\n");
                            if !joined.is_empty() {
                                section.description = Some(joined);
                            }
                        }
                        Field::Causes => section.causes = items(text, &blocks),
                        Field::Solution => section.solutions = items(text, &blocks),
                    }
                }
                if seen.insert(section.code) {
                    page.sections.push(section);
                } else {
                    page.duplicates.push((section.code, section.line));
                }
            }
        };

    for block in &blocks {
        let line = line_of(text, block.range.start);
        let source = text.get(block.range.clone()).unwrap_or("");
        if is_anchor(source) {
            // `<a id="2303210"></a>`: the anchors errdoc writes itself.
            continue;
        }
        match block.kind {
            Kind::Heading(1) if page.title.is_none() => {
                page.title = Some(block.text.trim().to_string());
            }
            Kind::Heading(2) => {
                finish(&mut current, &mut fields, &mut page, &mut seen_codes);
                field = None;
                match code_heading(&block.text) {
                    Some((code, title)) => {
                        current = Some(Section {
                            code,
                            title,
                            marker: marker.clone(),
                            line,
                            ..Section::default()
                        });
                    }
                    None => page.unmapped.push((
                        line,
                        format!("heading `{}` (not `## <code> <title>`)", block.text.trim()),
                    )),
                }
            }
            Kind::Html => {
                let mut other = Vec::new();
                for raw in source.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    let comment = raw.strip_prefix("<!--").and_then(|r| r.strip_suffix("-->"));
                    match comment.map(str::trim) {
                        Some(c)
                            if c.ends_with("End")
                                && marker.as_deref() == Some(&c[..c.len() - 3]) =>
                        {
                            finish(&mut current, &mut fields, &mut page, &mut seen_codes);
                            field = None;
                            marker = None;
                        }
                        Some(c)
                            if !c.is_empty()
                                && c.chars().all(|ch| ch.is_ascii_alphanumeric())
                                && current.is_none()
                                || comment.is_some_and(|c| c.trim() == "Del") =>
                        {
                            finish(&mut current, &mut fields, &mut page, &mut seen_codes);
                            field = None;
                            marker = comment.map(|c| c.trim().to_string());
                        }
                        Some(c)
                            if c.contains(':') && page.sections.is_empty() && current.is_none() =>
                        {
                            let (key, value) = c.split_once(':').unwrap_or((c, ""));
                            page.metadata
                                .push((key.trim().to_string(), value.trim().to_string()));
                        }
                        _ => other.push(raw.to_string()),
                    }
                }
                if !other.is_empty() {
                    page.unmapped
                        .push((line, format!("HTML `{}`", other.join(" "))));
                }
            }
            Kind::Quote if current.is_none() && page.sections.is_empty() && page.note.is_none() => {
                // `> **NOTE**` then the text.
                let inner: String = source
                    .lines()
                    .map(|l| {
                        let l = l.trim_start();
                        l.strip_prefix('>')
                            .map_or(l, |r| r.strip_prefix(' ').unwrap_or(r))
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                let mut paragraphs: Vec<&str> = inner
                    .split("\n\n")
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .collect();
                if paragraphs.first().is_some_and(|p| {
                    let p = p
                        .trim_matches('*')
                        .trim()
                        .trim_end_matches([':', '：'])
                        .to_lowercase();
                    p == "note" || p == "说明" || p == "注意"
                }) {
                    paragraphs.remove(0);
                }
                page.note = Some(paragraphs.join("\n\n"));
            }
            Kind::Paragraph
                if block.strong_only && label(&block.text).is_some() && current.is_some() =>
            {
                field = label(&block.text);
                if let Some(f) = field {
                    fields.push((f, Vec::new()));
                }
            }
            Kind::Paragraph if block.strong_only && current.is_some() => {
                // A bold line that is no known label starts something this
                // import does not know: it and what follows are reported.
                field = None;
                page.unmapped.push((
                    line,
                    format!("label `{}` (not a known section label)", block.text.trim()),
                ));
            }
            Kind::Table => {
                let header = block.rows.first().cloned().unwrap_or_default();
                match table_columns(&header) {
                    Some((code_col, message_col, description_col)) => {
                        finish(&mut current, &mut fields, &mut page, &mut seen_codes);
                        field = None;
                        for (i, row) in block.rows.iter().enumerate().skip(1) {
                            let cell = |c: Option<usize>| c.and_then(|c| row.get(c)).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
                            let Some(code) = cell(Some(code_col)).and_then(|c| c.parse::<crate::catalog::CodeNumber>().ok()) else {
                                page.unmapped.push((line + i + 1, "table row without a code".to_string()));
                                continue;
                            };
                            let description = cell(description_col);
                            let section = Section {
                                code,
                                title: description.clone().unwrap_or_else(|| code.to_string()),
                                message: cell(message_col),
                                description,
                                marker: marker.clone(),
                                line: line + i + 1,
                                ..Section::default()
                            };
                            if seen_codes.insert(code) {
                                page.sections.push(section);
                            } else {
                                page.duplicates.push((code, line + i + 1));
                            }
                        }
                    }
                    None => page.unmapped.push((
                        line,
                        format!("table with the columns {} (not code/message/description): not imported", header.join(", ")),
                    )),
                }
            }
            _ => match (current.is_some(), fields.last_mut()) {
                (true, Some((_, blocks))) if field.is_some() => blocks.push(block),
                _ => {
                    let what = match block.kind {
                        Kind::Heading(_) => format!("heading `{}`", block.text.trim()),
                        Kind::Quote => "blockquote".to_string(),
                        Kind::Code => "code block".to_string(),
                        Kind::List => "list".to_string(),
                        Kind::Rule => "rule".to_string(),
                        _ => {
                            let words: String =
                                block.text.split_whitespace().collect::<Vec<_>>().join(" ");
                            let short: String = words.chars().take(60).collect();
                            format!(
                                "text `{short}{}`",
                                if words.chars().count() > 60 {
                                    "…"
                                } else {
                                    ""
                                }
                            )
                        }
                    };
                    page.unmapped.push((line, what));
                }
            },
        }
    }
    finish(&mut current, &mut fields, &mut page, &mut seen_codes);
    page
}

/// A field's Markdown reduced to what it says: text with whitespace
/// collapsed, code, links and emphasis kept, layout dropped — for comparing
/// an imported page with the one built from it.
pub fn normalized(markdown: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, out: &mut Vec<String>| {
        let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            out.push(format!("text:{t}"));
        }
        text.clear();
    };
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Code(c) => {
                flush(&mut text, &mut out);
                out.push(format!("code:{c}"));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                flush(&mut text, &mut out);
                out.push(format!("link:{dest_url}"));
            }
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut text, &mut out);
                out.push("codeblock".to_string());
            }
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Item)
            | Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link | TagEnd::Item | TagEnd::Paragraph,
            ) => {
                flush(&mut text, &mut out);
            }
            _ => {}
        }
    }
    flush(&mut text, &mut out);
    out
}

#[cfg(test)]
mod tests {
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
        let codes: Vec<crate::catalog::CodeNumber> = page.sections.iter().map(|s| s.code).collect();
        assert_eq!(codes, [2300002, 401, 2300003]);
        let first = &page.sections[0];
        assert_eq!(first.message.as_deref(), Some("System internal error."));
        assert_eq!(first.causes, ["内存异常。", "空指针。"]);
        assert_eq!(first.solutions, ["检查内存。", "重启设备。"]);
        assert_eq!(page.sections[1].marker.as_deref(), Some("Del"));
        assert_eq!(
            page.sections[1].description.as_deref(),
            Some("Use `connect()`.")
        );
        assert_eq!(page.sections[2].message.as_deref(), Some("Bad."));
        assert_eq!(page.sections[2].marker, None);
        assert_eq!(page.duplicates, [(2300002, 42)]);
        let unmapped: Vec<usize> = page.unmapped.iter().map(|(l, _)| *l).collect();
        assert_eq!(unmapped, [28, 30, 35], "{:?}", page.unmapped);
    }

    #[test]
    fn normalizing_ignores_layout_not_words() {
        assert_eq!(normalized("a  *b*\nc"), normalized("a *b* c"));
        assert_ne!(normalized("a `b`"), normalized("a b"));
    }
}
