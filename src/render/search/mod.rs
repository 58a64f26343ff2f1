//! The per-locale search index ([`index`]) and the machine-readable
//! catalog (`<locale>/codes.json`).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;

pub(crate) mod index;

use crate::model::{LocaleModel, ReferenceView, Text};
use crate::site;

/// Markdown as plain text, for matching: the words, no markup.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => {
                out.push_str(&t);
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) if !out.ends_with(' ') && !out.is_empty() => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// Markdown as plain text a block at a time (a heading, a paragraph, a list
/// item, a code block), for a terminal: the words of [`plain_text`], with
/// the page's breaks between blocks kept.
pub(crate) fn plain_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::Start(Tag::Item)
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => {
                let block = current.split_whitespace().collect::<Vec<_>>().join(" ");
                if !block.is_empty() {
                    blocks.push(block);
                }
                current.clear();
            }
            Event::End(TagEnd::TableCell) => current.push_str(" | "),
            _ => {}
        }
    }
    let block = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if !block.is_empty() {
        blocks.push(block);
    }
    blocks
}

/// `codes.json`: every code of a locale with its localized fields.
#[derive(Serialize)]
pub(crate) struct CodesJson<'a> {
    /// Locale tag.
    pub locale: &'a str,
    /// Every page, in catalog order (`explain --catalog` shows their
    /// titles).
    pub pages: Vec<PageJson<'a>>,
    /// The labels of a code's sections.
    pub labels: crate::model::Labels,
    /// Every code, by number.
    pub codes: Vec<CodeJson<'a>>,
    /// Ranges that are not single codes.
    pub ranges: Vec<RangeJson<'a>>,
}

/// A code in `codes.json`.
#[derive(Serialize)]
pub(crate) struct CodeJson<'a> {
    pub code: crate::catalog::CodeNumber,
    pub name: &'a str,
    pub module: &'a str,
    /// The pages it is on (page file names): its module's first.
    pub pages: Vec<&'a str>,
    pub url: String,
    pub title: &'a str,
    pub message: Option<&'a str>,
    pub intro: Option<&'a str>,
    pub description: Option<&'a str>,
    pub causes: Vec<&'a str>,
    pub solutions: Vec<&'a str>,
    pub references: &'a [ReferenceView],
    pub related: Vec<crate::catalog::CodeNumber>,
    pub flags: Vec<&'a str>,
    pub family: Option<&'a crate::catalog::Membership>,
    pub generated: bool,
    pub details: Option<&'a str>,
    pub since: Option<&'a str>,
    pub deprecated: Option<&'a str>,
    /// Fields shown in the source language because the locale lacks them.
    pub fallback: Vec<&'static str>,
}

/// A range in `codes.json`.
#[derive(Serialize)]
pub(crate) struct RangeJson<'a> {
    pub id: &'a str,
    pub from: crate::catalog::CodeNumber,
    pub to: crate::catalog::CodeNumber,
    pub module: &'a str,
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub references: &'a [ReferenceView],
}

/// A page in `codes.json`.
#[derive(Serialize)]
pub(crate) struct PageJson<'a> {
    pub module: &'a str,
    pub file: &'a str,
    pub title: &'a str,
}

/// The `codes.json` of one locale.
pub(crate) fn codes_json(locale: &LocaleModel) -> CodesJson<'_> {
    let tag = locale.tag.as_str();
    let fell_back = |t: &Text| t.lang != tag;
    let mut codes = Vec::new();
    let mut ranges = Vec::new();
    for page in &locale.pages {
        for (_, code, _) in page.defined_codes() {
            let mut fallback = Vec::new();
            let fields: [(&'static str, bool); 7] = [
                ("title", fell_back(&code.title)),
                ("intro", code.intro.as_ref().is_some_and(fell_back)),
                (
                    "description",
                    code.description.as_ref().is_some_and(fell_back),
                ),
                ("causes", code.causes.iter().any(fell_back)),
                ("solutions", code.solutions.iter().any(fell_back)),
                ("details", code.details.as_ref().is_some_and(fell_back)),
                ("flags", code.flags.iter().any(fell_back)),
            ];
            fallback.extend(fields.iter().filter(|(_, f)| *f).map(|(n, _)| *n));
            codes.push(CodeJson {
                code: code.code,
                name: &code.name,
                module: &page.module,
                pages: if code.pages.is_empty() {
                    vec![page.file.as_str()]
                } else {
                    code.pages.iter().map(|p| p.file.as_str()).collect()
                },
                url: site::in_locale(tag, &site::code_path(code.code)),
                title: &code.title.text,
                message: code.message.as_deref(),
                intro: code.intro.as_ref().map(|t| t.text.as_str()),
                description: code.description.as_ref().map(|t| t.text.as_str()),
                causes: code.causes.iter().map(|t| t.text.as_str()).collect(),
                solutions: code.solutions.iter().map(|t| t.text.as_str()).collect(),
                references: &code.references,
                related: code.related.iter().map(|r| r.code).collect(),
                flags: code.flags.iter().map(|t| t.text.as_str()).collect(),
                family: code.member.as_ref(),
                generated: code.generated,
                details: code.details.as_ref().map(|t| t.text.as_str()),
                since: code.since.as_deref(),
                deprecated: code.deprecated.as_deref(),
                fallback,
            });
        }
        for r in &page.ranges {
            ranges.push(RangeJson {
                id: &r.id,
                from: r.from,
                to: r.to,
                module: &page.module,
                title: &r.title.text,
                description: r.description.as_ref().map(|t| t.text.as_str()),
                references: &r.references,
            });
        }
    }
    codes.sort_by_key(|c| c.code);
    CodesJson {
        locale: tag,
        pages: locale
            .pages
            .iter()
            .map(|p| PageJson {
                module: &p.module,
                file: &p.file,
                title: &p.title.text,
            })
            .collect(),
        labels: crate::model::Labels::of(locale),
        codes,
        ranges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::{CodeView, PageModel, RangeView};

    fn text(s: &str, lang: &str) -> Text {
        Text {
            text: s.to_string(),
            lang: lang.to_string(),
            stale: None,
        }
    }

    fn code(number: crate::catalog::CodeNumber, title: &str, generated: bool) -> CodeView {
        CodeView {
            code: number,
            name: format!("C_{number}"),
            page: "p".to_string(),
            listed: false,
            pages: Vec::new(),
            title: text(title, "zh-CN"),
            headings: Vec::new(),
            intro: None,
            details: None,
            message: Some("Connection timed out.".to_string()),
            shown_message: Some("Connection timed out.".to_string()),
            description: Some(text("长时间**不能**连接。", "zh-CN")),
            causes: vec![text("服务器崩溃。", "en")],
            solutions: Vec::new(),
            references: Vec::new(),
            related: Vec::new(),
            flags: Vec::new(),
            since: None,
            deprecated: None,
            removed: None,
            member: None,
            also: None,
            generated,
            stale: Vec::new(),
            marker: None,
            marker_opens: true,
            marker_closes: true,
        }
    }

    fn locale() -> LocaleModel {
        LocaleModel {
            tag: "zh-CN".to_string(),
            is_source: false,
            name: "简体中文".to_string(),
            code_index: Default::default(),
            ui: Default::default(),
            synonyms: Vec::new(),
            pages: vec![PageModel {
                module: "m".to_string(),
                file: "errorcode-m".to_string(),
                title: text("页", "zh-CN"),
                note: None,
                intro: None,
                code_hashes: "##".to_string(),
                style: crate::catalog::PageStyle::default(),
                closing: Vec::new(),
                metadata: Vec::new(),
                owns: vec![(0, 9_999_999)],
                codes: vec![code(2303210, "连接<超时>", false)],
                families: Vec::new(),
                ranges: vec![RangeView {
                    id: "private".to_string(),
                    from: 4000,
                    to: 4999,
                    title: text("私有", "zh-CN"),
                    description: None,
                    references: Vec::new(),
                }],
                generated: 0,
                stale: Vec::new(),
            }],
        }
    }

    /// The JSON a shard's script assigns: `(…)["key"] = ` (and, for the
    /// first shard, `window.errdocIndex = `) come before it.
    fn assigned(script: &str) -> serde_json::Value {
        let (_, rest) = script.split_once("] = ").unwrap();
        let rest = rest.strip_prefix("window.errdocIndex = ").unwrap_or(rest);
        serde_json::from_str(rest.strip_suffix(";\n").unwrap()).unwrap()
    }

    #[test]
    fn the_index_is_a_first_shard_and_detail_shards_of_plain_text() {
        let files = index::files(&locale(), &[vec!["超时".to_string(), "逾时".to_string()]]);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["search-index.js", "search-details-0.js"]);
        let first = assigned(&files[0].1);
        assert_eq!(first["locale"], "zh-CN");
        assert_eq!(first["url"], "codes/{code}.html");
        assert_eq!(
            first["modules"][0],
            serde_json::json!(["页", "errorcode-m.html"])
        );
        assert_eq!(first["synonyms"], serde_json::json!([["超时", "逾时"]]));
        assert_eq!(first["details"], serde_json::json!(["search-details-0.js"]));
        assert_eq!(
            first["codes"],
            serde_json::json!({
                "code": [2303210], "name": ["C_2303210"], "aliases": [""], "title": ["连接<超时>"],
                "message": ["Connection timed out."], "wordings": [""], "module": [0],
                "generated": [0], "value": [""]
            })
        );
        assert_eq!(
            first["ranges"][0],
            serde_json::json!([4000, 4999, "私有", "errorcode-m.html#4000-4999"])
        );
        assert!(
            files[1].1.contains("[\"zh-CN/search-details-0.js\"] = "),
            "{}",
            files[1].1
        );
        assert_eq!(
            assigned(&files[1].1),
            serde_json::json!([[2303210, "长时间不能连接。 服务器崩溃。"]])
        );
    }

    #[test]
    fn numbers_a_script_cannot_hold_exactly_are_written_as_they_are() {
        let mut locale = locale();
        let mut other = locale.pages[0].codes[0].clone();
        locale.pages[0].codes[0].code = -1;
        other.code = i64::MAX;
        locale.pages[0].codes.push(other);
        let first = assigned(&index::files(&locale, &[])[0].1);
        assert_eq!(first["codes"]["absolute"], true);
        assert_eq!(first["codes"]["code"], serde_json::json!([-1, i64::MAX]));
        locale.pages[0].codes[1].code = 1 << 53;
        let first = assigned(&index::files(&locale, &[])[0].1);
        assert_eq!(first["codes"].get("absolute"), None);
        assert_eq!(
            first["codes"]["code"],
            serde_json::json!([-1, (1_i64 << 53) + 1])
        );
    }

    #[test]
    fn codes_json_marks_fallbacks() {
        let locale = locale();
        let json = serde_json::to_value(codes_json(&locale)).unwrap();
        assert_eq!(json["codes"][0]["url"], "zh-CN/codes/2303210.html");
        assert_eq!(json["codes"][0]["fallback"], serde_json::json!(["causes"]));
        assert_eq!(json["ranges"][0]["module"], "m");
    }

    #[test]
    fn plain_text_drops_markup_and_keeps_words() {
        assert_eq!(
            plain_text("Call `connect()` **again**; see [errno](https://x.org).\n\n1. one\n2. two"),
            "Call connect() again; see errno. one two"
        );
        assert_eq!(plain_text("连接<b>超时</b>"), "连接超时");
    }

    #[test]
    fn plain_blocks_keep_the_pages_breaks() {
        assert_eq!(
            plain_blocks(
                "### Case 1\n**Error Message**\n\nFailed.\n\n1. one\n   more\n2. two\n\n```\nhdc shell\n```"
            ),
            [
                "Case 1",
                "Error Message",
                "Failed.",
                "one more",
                "two",
                "hdc shell"
            ]
        );
    }
}
