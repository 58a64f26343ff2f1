//! `errdoc explain`: one code (or every code of an errno, or a range of
//! codes) in the terminal, like `rustc --explain`, from the same localized
//! model the pages are made of, or from an exported file
//! ([`portable`]: `explain --catalog`).
//!
//! Both sources fill the same views ([`Explained`], [`ExplainedRange`]) and
//! the same lookup [`Index`], so a code reads the same from either.

pub(crate) mod lookup;
pub(crate) mod portable;

use std::fmt::Write as _;

use crate::catalog::CodeNumber;
use crate::console::printable;
use crate::model::{CodeView, Labels, LocaleModel, PageModel, RangeView};
use crate::render::search::{codes_json, plain_blocks, plain_text};

pub(crate) use lookup::{Found, Index};

/// What is shown of one code in one language.
#[derive(Debug, Default)]
pub(crate) struct Explained<'a> {
    /// Its number.
    pub code: CodeNumber,
    /// Its constant's name.
    pub name: &'a str,
    /// Its title (Markdown).
    pub title: &'a str,
    /// The titles of every page it is on (Markdown).
    pub pages: Vec<&'a str>,
    /// The table, entry name and value of the family it is a member of.
    pub member: Option<(&'a str, &'a str, u32)>,
    /// Text before its sections (Markdown).
    pub intro: Option<&'a str>,
    /// The literal message an API returns.
    pub message: Option<&'a str>,
    /// Its description (Markdown).
    pub description: Option<&'a str>,
    /// Possible causes (Markdown).
    pub causes: Vec<&'a str>,
    /// Solutions (Markdown).
    pub solutions: Vec<&'a str>,
    /// Restrictions (Markdown).
    pub flags: Vec<&'a str>,
    /// Cited documents, as (title, URL).
    pub references: Vec<(&'a str, &'a str)>,
    /// Related codes, as (number, title).
    pub related: Vec<(CodeNumber, &'a str)>,
    /// Sub-cases after its sections (Markdown).
    pub details: Option<&'a str>,
}

impl<'a> Explained<'a> {
    /// The view of a code of the model, on `page`.
    pub(crate) fn of_view(page: &'a PageModel, code: &'a CodeView) -> Self {
        let pages = if code.pages.len() > 1 {
            code.pages.iter().map(|p| p.title.text.as_str()).collect()
        } else {
            vec![page.title.text.as_str()]
        };
        Explained {
            code: code.code,
            name: &code.name,
            title: &code.title.text,
            pages,
            member: code
                .member
                .as_ref()
                .map(|m| (m.table.as_str(), m.name.as_str(), m.value)),
            intro: code.intro.as_ref().map(|t| t.text.as_str()),
            message: code.message.as_deref(),
            description: code.description.as_ref().map(|t| t.text.as_str()),
            causes: code.causes.iter().map(|t| t.text.as_str()).collect(),
            solutions: code.solutions.iter().map(|t| t.text.as_str()).collect(),
            flags: code.flags.iter().map(|t| t.text.as_str()).collect(),
            references: code
                .references
                .iter()
                .map(|r| (r.title.as_str(), r.url.as_str()))
                .collect(),
            related: code
                .related
                .iter()
                .map(|r| (r.code, r.title.text.as_str()))
                .collect(),
            details: code.details.as_ref().map(|t| t.text.as_str()),
        }
    }
}

/// What is shown of a range of codes in one language.
#[derive(Debug)]
pub(crate) struct ExplainedRange<'a> {
    /// First code.
    pub from: CodeNumber,
    /// Last code.
    pub to: CodeNumber,
    /// The module whose page has it.
    pub module: &'a str,
    /// The title of that page (Markdown).
    pub page: &'a str,
    /// Its title (Markdown).
    pub title: &'a str,
    /// Its description (Markdown).
    pub description: Option<&'a str>,
    /// Cited documents, as (title, URL).
    pub references: Vec<(&'a str, &'a str)>,
}

impl<'a> ExplainedRange<'a> {
    /// The view of a range of the model, on `page`.
    pub(crate) fn of_view(page: &'a PageModel, range: &'a RangeView) -> Self {
        ExplainedRange {
            from: range.from,
            to: range.to,
            module: &page.module,
            page: &page.title.text,
            title: &range.title.text,
            description: range.description.as_ref().map(|t| t.text.as_str()),
            references: range
                .references
                .iter()
                .map(|r| (r.title.as_str(), r.url.as_str()))
                .collect(),
        }
    }
}

/// The code's view in `locale`.
pub(crate) fn view(locale: &LocaleModel, code: CodeNumber) -> Option<Explained<'_>> {
    locale
        .code(code)
        .map(|(page, view)| Explained::of_view(page, view))
}

/// The view of the range `id` in `locale`.
pub(crate) fn range_view<'m>(locale: &'m LocaleModel, id: &str) -> Option<ExplainedRange<'m>> {
    locale.pages.iter().find_map(|p| {
        p.ranges
            .iter()
            .find(|r| r.id == id)
            .map(|r| ExplainedRange::of_view(p, r))
    })
}

/// How text output looks. Every text it styles is made printable first:
/// a translation must not move the terminal's cursor, write its clipboard
/// (OSC 52) or hide a link (OSC 8).
pub(crate) struct Style {
    /// ANSI colours.
    pub colour: bool,
    /// Wrap at this many columns (0: do not wrap).
    pub width: usize,
    /// How a code is written, where it is not its number (`E0225` for
    /// errdoc's own code 225).
    pub shown_code: Option<String>,
}

impl Style {
    fn heading(&self, text: &str) -> String {
        self.paint("1", text)
    }

    fn code(&self, text: &str) -> String {
        self.paint("1;36", text)
    }

    fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }

    /// `text`, printable, in the ANSI style `sgr` when colours are on.
    fn paint(&self, sgr: &str, text: &str) -> String {
        crate::console::styled(self.colour, sgr, &printable(text))
    }

    /// `text` indented by four spaces, wrapped to the width.
    fn body(&self, text: &str, out: &mut String) {
        for paragraph in text.split("\n\n") {
            // Text from a file reaches the terminal: no escape sequences.
            let paragraph = printable(&paragraph.split_whitespace().collect::<Vec<_>>().join(" "));
            if self.width > 8 {
                let options = textwrap::Options::new(self.width)
                    .initial_indent("    ")
                    .subsequent_indent("    ");
                for line in textwrap::wrap(&paragraph, options) {
                    let _ = writeln!(out, "{line}");
                }
            } else {
                let _ = writeln!(out, "    {paragraph}");
            }
        }
    }
    /// A labelled section of a code: each text a paragraph, numbered where
    /// there are several and `numbered`; nothing where there are none.
    fn section(&self, label: &str, texts: Vec<String>, numbered: bool, out: &mut String) {
        if texts.is_empty() {
            return;
        }
        let _ = writeln!(out, "\n{}", self.heading(label));
        let many = texts.len() > 1 && numbered;
        for (i, t) in texts.iter().enumerate() {
            let t = if many {
                format!("{}. {t}", i + 1)
            } else {
                t.clone()
            };
            self.body(&t, out);
        }
    }

    /// The blocks of a Markdown text (an intro, sub-cases) as paragraphs,
    /// after a blank line.
    fn blocks(&self, markdown: &str, out: &mut String) {
        out.push('\n');
        for block in plain_blocks(markdown) {
            self.body(&block, out);
        }
    }
}

/// A code as text for the terminal.
pub(crate) fn text(code: &Explained<'_>, labels: &Labels, style: &Style) -> String {
    let mut out = String::new();
    text_heading(code, style, &mut out);
    if let Some(intro) = code.intro {
        style.blocks(intro, &mut out);
    }
    let plain = |texts: &[&str]| -> Vec<String> { texts.iter().map(|t| plain_text(t)).collect() };
    style.section(
        &labels.message,
        code.message.iter().map(|m| (*m).to_string()).collect(),
        false,
        &mut out,
    );
    style.section(
        &labels.description,
        plain(code.description.as_slice()),
        false,
        &mut out,
    );
    style.section(&labels.causes, plain(&code.causes), true, &mut out);
    style.section(&labels.solution, plain(&code.solutions), true, &mut out);
    style.section(&labels.flags, plain(&code.flags), false, &mut out);
    style.section(
        &labels.references,
        code.references
            .iter()
            .map(|(title, url)| format!("{title} <{url}>"))
            .collect(),
        false,
        &mut out,
    );
    style.section(
        &labels.related,
        code.related
            .iter()
            .map(|(number, title)| format!("{number}  {}", plain_text(title)))
            .collect(),
        false,
        &mut out,
    );
    // Sub-cases, block by block.
    if let Some(details) = code.details {
        style.blocks(details, &mut out);
    }
    out
}

/// The first lines of a code as text: its code and title, then its
/// constant's name, every page it is on, and the table entry it is a
/// member of.
fn text_heading(code: &Explained<'_>, style: &Style, out: &mut String) {
    let title = plain_text(code.title);
    let _ = writeln!(
        out,
        "{}  {}",
        style.code(
            &style
                .shown_code
                .clone()
                .unwrap_or_else(|| code.code.to_string())
        ),
        style.heading(&title)
    );
    // Every page it is on: a code may be documented on several.
    let pages: Vec<String> = code.pages.iter().map(|p| plain_text(p)).collect();
    let mut facts = vec![code.name.to_string(), pages.join(", ")];
    if let Some((table, name, value)) = code.member {
        facts.push(format!("{table} {name} ({value})"));
    }
    let _ = writeln!(out, "{}", style.dim(&facts.join(" · ")));
}

/// A range as text for the terminal.
pub(crate) fn range_text(range: &ExplainedRange<'_>, style: &Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {}",
        style.code(&format!("{}–{}", range.from, range.to)),
        style.heading(&plain_text(range.title))
    );
    let _ = writeln!(out, "{}", style.dim(&plain_text(range.page)));
    if let Some(d) = range.description {
        out.push('\n');
        style.body(&plain_text(d), &mut out);
    }
    for (title, url) in &range.references {
        style.body(&format!("{title} <{url}>"), &mut out);
    }
    out
}

/// A range as Markdown.
pub(crate) fn range_markdown(range: &ExplainedRange<'_>) -> String {
    format!(
        "## {}–{} {}\n\n{}\n",
        range.from,
        range.to,
        range.title.trim(),
        range.description.map_or("", str::trim)
    )
}

/// A range as JSON.
pub(crate) fn range_json(range: &ExplainedRange<'_>) -> serde_json::Value {
    serde_json::json!({
        "from": range.from,
        "to": range.to,
        "module": range.module,
        "title": range.title,
        "description": range.description,
    })
}

/// A code as Markdown, in the pages' house style.
pub(crate) fn markdown(code: &Explained<'_>, labels: &Labels, style: &Style) -> String {
    let title = code.title.trim();
    let shown = style
        .shown_code
        .clone()
        .unwrap_or_else(|| code.code.to_string());
    let mut out = if title.is_empty() {
        format!("## {shown}\n")
    } else {
        format!("## {shown} {title}\n")
    };
    if let Some(intro) = code.intro {
        let _ = write!(out, "\n{}\n", intro.trim());
    }
    let mut section = |label: &str, texts: Vec<String>, numbered: bool| {
        if texts.is_empty() {
            return;
        }
        let _ = write!(out, "\n**{label}**\n\n");
        if texts.len() > 1 && numbered {
            for (i, t) in texts.iter().enumerate() {
                let _ = write!(out, "{}. {}\n\n", i + 1, t.trim());
            }
            out.pop();
        } else {
            for t in &texts {
                let _ = writeln!(out, "{}", t.trim());
            }
        }
    };
    let owned =
        |texts: &[&str]| -> Vec<String> { texts.iter().map(|t| (*t).to_string()).collect() };
    section(&labels.message, owned(code.message.as_slice()), false);
    section(
        &labels.description,
        owned(code.description.as_slice()),
        false,
    );
    section(&labels.causes, owned(&code.causes), true);
    section(&labels.solution, owned(&code.solutions), true);
    section(
        &labels.flags,
        code.flags
            .iter()
            .map(|t| format!("- {}", t.trim()))
            .collect(),
        false,
    );
    section(
        &labels.references,
        code.references
            .iter()
            .map(|(title, url)| format!("- [{title}]({url})"))
            .collect(),
        false,
    );
    section(
        &labels.related,
        code.related
            .iter()
            .map(|(number, title)| format!("- {number} {}", title.trim()))
            .collect(),
        false,
    );
    if let Some(details) = code.details {
        let _ = write!(out, "\n{}\n", details.trim());
    }
    out
}

/// Codes of `locale` as JSON, in the schema of `codes.json`.
pub(crate) fn json(locale: &LocaleModel, codes: &[CodeNumber]) -> serde_json::Value {
    let all = codes_json(locale);
    let picked: Vec<serde_json::Value> = all
        .codes
        .iter()
        .filter(|c| codes.contains(&c.code))
        .filter_map(|c| serde_json::to_value(c).ok())
        .collect();
    serde_json::Value::Array(picked)
}

/// The catalog locale a `LANG`-style value names (`zh_CN.UTF-8` → `zh-CN`).
pub(crate) fn locale_from_env(value: &str, tags: &[&str]) -> Option<String> {
    let wanted = value
        .split(['.', '@'])
        .next()
        .unwrap_or("")
        .replace('_', "-")
        .to_ascii_lowercase();
    if wanted.is_empty() || wanted == "c" || wanted == "posix" {
        return None;
    }
    let exact = tags.iter().find(|t| t.to_ascii_lowercase() == wanted);
    let language = wanted.split('-').next().unwrap_or("");
    let same_language = tags
        .iter()
        .find(|t| t.to_ascii_lowercase().split('-').next() == Some(language));
    exact.or(same_language).map(|t| (*t).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_variables_name_catalog_locales() {
        let tags = ["en", "zh-CN"];
        assert_eq!(
            locale_from_env("zh_CN.UTF-8", &tags).as_deref(),
            Some("zh-CN")
        );
        assert_eq!(
            locale_from_env("zh_TW.UTF-8", &tags).as_deref(),
            Some("zh-CN")
        );
        assert_eq!(locale_from_env("en_US.UTF-8", &tags).as_deref(), Some("en"));
        assert_eq!(locale_from_env("C.UTF-8", &tags), None);
        assert_eq!(locale_from_env("fr_FR.UTF-8", &tags), None);
        assert_eq!(locale_from_env("", &tags), None);
    }
}
