//! `errdoc explain`: one code (or every code of an errno, or a range of
//! codes) in the terminal, like `rustc --explain`, from the same localized
//! model the pages are made of.

use std::fmt::Write as _;

use crate::catalog::{Catalog, CodeEntry, CodeNumber, Module, NamedRange};
use crate::console::printable;
use crate::model::{CodeView, LocaleModel, PageModel, RangeView, Text};
use crate::render::search::{codes_json, plain_blocks, plain_text};

/// What a query names.
#[derive(Debug)]
pub(crate) enum Found<'c> {
    /// One or more codes (several for an errno name: one per family).
    Codes(Vec<(&'c Module, &'c CodeEntry)>),
    /// A range of codes that are not single codes (close code 4001).
    Range(&'c NamedRange),
}

/// Looks up a code, a constant name, a table entry name (`ETIMEDOUT`,
/// every code of every family built on it) or a number inside a range.
/// On failure, the nearest known codes or names.
pub(crate) fn lookup<'c>(catalog: &'c Catalog, query: &str) -> Result<Found<'c>, Vec<String>> {
    let query = query.trim();
    let all = || all_codes(catalog);
    let digits = query.strip_prefix('-').unwrap_or(query);
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        let Ok(number) = query.parse::<CodeNumber>() else {
            let far = if query.starts_with('-') {
                CodeNumber::MIN
            } else {
                CodeNumber::MAX
            };
            return Err(nearest_numbers(catalog, far));
        };
        if let Some(found) = all().find(|(_, c)| c.code == number) {
            return Ok(Found::Codes(vec![found]));
        }
        for module in &catalog.modules {
            if let Some(range) = module.ranges.iter().find(|r| r.range.contains(number)) {
                return Ok(Found::Range(range));
            }
        }
        return Err(nearest_numbers(catalog, number));
    }
    let upper = query.to_ascii_uppercase();
    if let Some(found) = all().find(|(_, c)| c.name.value == upper) {
        return Ok(Found::Codes(vec![found]));
    }
    if let Some(codes) = by_table_entry(catalog, &upper) {
        return Ok(Found::Codes(codes));
    }
    // The error message an API returned (`Connection timed out.`).
    let message = comparable(query);
    let by_message: Vec<(&Module, &CodeEntry)> = all()
        .filter(|(_, c)| {
            c.message
                .as_ref()
                .is_some_and(|m| comparable(&m.value) == message)
        })
        .collect();
    if !by_message.is_empty() {
        return Ok(Found::Codes(by_message));
    }
    in_line(catalog, query).ok_or_else(|| nearest_names(catalog, &upper))
}

/// Every code built on the table entry named `name` (`ETIMEDOUT`, or an
/// alias), in number order; `None` if there is none.
fn by_table_entry<'c>(
    catalog: &'c Catalog,
    name: &str,
) -> Option<Vec<(&'c Module, &'c CodeEntry)>> {
    for table in &catalog.tables {
        for entry in &table.entries {
            let names = std::iter::once(&entry.name).chain(&entry.aliases);
            if names.into_iter().any(|n| n.value == name) {
                let mut codes: Vec<(&Module, &CodeEntry)> = all_codes(catalog)
                    .filter(|(_, c)| {
                        c.member.as_ref().is_some_and(|m| {
                            m.table == table.id.value && m.name == entry.name.value
                        })
                    })
                    .collect();
                codes.sort_by_key(|(_, c)| c.code);
                if !codes.is_empty() {
                    return Some(codes);
                }
            }
        }
    }
    None
}

/// Every code of the catalog, with its module.
fn all_codes(catalog: &Catalog) -> impl Iterator<Item = (&Module, &CodeEntry)> {
    catalog
        .modules
        .iter()
        .flat_map(|m| m.codes.iter().map(move |c| (m, c)))
}

/// A message as it is compared: case, blanks and a final `.` aside.
fn comparable(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.join(" ").trim_end_matches('.').to_lowercase()
}

/// What a line of a log names: a constant name in it, else the longest
/// number in it that is a code (a date or a process id is shorter than
/// most codes), else the longest catalog message it holds, else a table
/// entry's name (`ETIMEDOUT`).
fn in_line<'c>(catalog: &'c Catalog, line: &str) -> Option<Found<'c>> {
    let all = || all_codes(catalog);
    // A pasted log is read to a bound, as the site's search reads one.
    let line: String = line.chars().take(2_000).collect();
    let words: Vec<&str> = line
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .filter(|w| !w.is_empty())
        .take(400)
        .collect();
    for word in &words {
        if let Some(found) = all().find(|(_, c)| c.name.value == *word) {
            return Some(Found::Codes(vec![found]));
        }
    }
    let mut numbers: Vec<CodeNumber> = words
        .iter()
        .flat_map(|w| w.split('-'))
        .filter(|w| !w.is_empty() && w.len() <= 19 && w.chars().all(|c| c.is_ascii_digit()))
        .filter_map(|w| w.parse().ok())
        .collect();
    numbers.sort_by_key(|n: &CodeNumber| std::cmp::Reverse(n.unsigned_abs()));
    for number in numbers {
        if let Some(found) = all().find(|(_, c)| c.code == number) {
            return Some(Found::Codes(vec![found]));
        }
    }
    let text = comparable(&line);
    let held = |c: &CodeEntry| {
        c.message
            .as_ref()
            .map(|m| comparable(&m.value))
            .filter(|m| m.chars().count() >= 8 && text.contains(m.as_str()))
            .map(|m| m.len())
    };
    if let Some(longest) = all().filter_map(|(_, c)| held(c)).max() {
        let codes = all().filter(|(_, c)| held(c) == Some(longest)).collect();
        return Some(Found::Codes(codes));
    }
    words
        .iter()
        .find_map(|w| by_table_entry(catalog, &w.to_ascii_uppercase()))
        .map(Found::Codes)
}

/// The five codes numerically nearest to `number`.
fn nearest_numbers(catalog: &Catalog, number: CodeNumber) -> Vec<String> {
    let mut codes: Vec<CodeNumber> = catalog
        .modules
        .iter()
        .flat_map(|m| m.codes.iter().map(|c| c.code))
        .collect();
    codes.sort_by_key(|c| (c.abs_diff(number), *c));
    codes.truncate(5);
    codes.sort_unstable();
    codes.iter().map(CodeNumber::to_string).collect()
}

/// The five names most like `name` (constant names and errno names).
fn nearest_names(catalog: &Catalog, name: &str) -> Vec<String> {
    let mut names: Vec<&str> = catalog
        .modules
        .iter()
        .flat_map(|m| m.codes.iter().map(|c| c.name.value.as_str()))
        .chain(
            catalog
                .tables
                .iter()
                .flat_map(|t| t.entries.iter().map(|e| e.name.value.as_str())),
        )
        .collect();
    names.sort_unstable();
    names.dedup();
    let mut scored: Vec<(f64, &str)> = names
        .into_iter()
        .map(|n| (strsim::jaro_winkler(name, n), n))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(5)
        .map(|(_, n)| n.to_string())
        .collect()
}

/// The code's view and page in `locale`.
pub(crate) fn view(locale: &LocaleModel, code: CodeNumber) -> Option<(&PageModel, &CodeView)> {
    locale.code(code)
}

/// The range's view and page in `locale`.
pub(crate) fn range_view<'m>(
    locale: &'m LocaleModel,
    id: &str,
) -> Option<(&'m PageModel, &'m RangeView)> {
    locale
        .pages
        .iter()
        .find_map(|p| p.ranges.iter().find(|r| r.id == id).map(|r| (p, r)))
}

/// Labels of the sections, in the chosen language.
pub(crate) struct Labels {
    /// "Error Message".
    pub message: String,
    /// "Description".
    pub description: String,
    /// "Possible Causes".
    pub causes: String,
    /// "Solution".
    pub solution: String,
    /// "Restrictions".
    pub flags: String,
    /// "References".
    pub references: String,
    /// "Related Error Codes".
    pub related: String,
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
pub(crate) fn text(page: &PageModel, code: &CodeView, labels: &Labels, style: &Style) -> String {
    let mut out = String::new();
    text_heading(page, code, style, &mut out);
    if let Some(intro) = &code.intro {
        style.blocks(&intro.text, &mut out);
    }
    let plain =
        |texts: &[Text]| -> Vec<String> { texts.iter().map(|t| plain_text(&t.text)).collect() };
    style.section(
        &labels.message,
        code.message.iter().cloned().collect(),
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
            .map(|r| format!("{} <{}>", r.title, r.url))
            .collect(),
        false,
        &mut out,
    );
    style.section(
        &labels.related,
        code.related
            .iter()
            .map(|r| format!("{}  {}", r.code, plain_text(&r.title.text)))
            .collect(),
        false,
        &mut out,
    );
    // Sub-cases, block by block.
    if let Some(details) = &code.details {
        style.blocks(&details.text, &mut out);
    }
    out
}

/// The first lines of a code as text: its code and title, then its
/// constant's name, every page it is on, and the table entry it is a
/// member of.
fn text_heading(page: &PageModel, code: &CodeView, style: &Style, out: &mut String) {
    let title = plain_text(&code.title.text);
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
    let pages = if code.pages.len() > 1 {
        code.pages
            .iter()
            .map(|p| plain_text(&p.title.text))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        plain_text(&page.title.text)
    };
    let mut facts = vec![code.name.clone(), pages];
    if let Some(member) = &code.member {
        facts.push(format!(
            "{} {} ({})",
            member.table, member.name, member.value
        ));
    }
    let _ = writeln!(out, "{}", style.dim(&facts.join(" · ")));
}

/// A range as text for the terminal.
pub(crate) fn range_text(page: &PageModel, range: &RangeView, style: &Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {}",
        style.code(&format!("{}–{}", range.from, range.to)),
        style.heading(&plain_text(&range.title.text))
    );
    let _ = writeln!(out, "{}", style.dim(&plain_text(&page.title.text)));
    if let Some(d) = &range.description {
        out.push('\n');
        style.body(&plain_text(&d.text), &mut out);
    }
    for r in &range.references {
        style.body(&format!("{} <{}>", r.title, r.url), &mut out);
    }
    out
}

/// A code as Markdown, in the pages' house style.
pub(crate) fn markdown(code: &CodeView, labels: &Labels, style: &Style) -> String {
    let title = code.title.text.trim();
    let shown = style
        .shown_code
        .clone()
        .unwrap_or_else(|| code.code.to_string());
    let mut out = if title.is_empty() {
        format!("## {shown}\n")
    } else {
        format!("## {shown} {title}\n")
    };
    if let Some(intro) = &code.intro {
        let _ = write!(out, "\n{}\n", intro.text.trim());
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
    section(
        &labels.message,
        code.message.iter().cloned().collect(),
        false,
    );
    section(
        &labels.description,
        code.description.iter().map(|t| t.text.clone()).collect(),
        false,
    );
    section(
        &labels.causes,
        code.causes.iter().map(|t| t.text.clone()).collect(),
        true,
    );
    section(
        &labels.solution,
        code.solutions.iter().map(|t| t.text.clone()).collect(),
        true,
    );
    section(
        &labels.flags,
        code.flags
            .iter()
            .map(|t| format!("- {}", t.text.trim()))
            .collect(),
        false,
    );
    section(
        &labels.references,
        code.references
            .iter()
            .map(|r| format!("- [{}]({})", r.title, r.url))
            .collect(),
        false,
    );
    section(
        &labels.related,
        code.related
            .iter()
            .map(|r| format!("- {} {}", r.code, r.title.text.trim()))
            .collect(),
        false,
    );
    if let Some(details) = &code.details {
        let _ = write!(out, "\n{}\n", details.text.trim());
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
