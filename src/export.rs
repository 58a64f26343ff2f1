//! `errdoc export`: the catalog for other programs — JSON and CSV with every
//! field in every language, and constants for Rust, TypeScript and C with a
//! doc comment of each code's title.

use std::fmt::Write as _;

use serde::Serialize;

use crate::catalog::{Catalog, CodeEntry, CodeNumber, Membership};
use crate::model::{CodeView, LocaleModel, Model};
use crate::render::search::plain_text;

/// Every code with its catalog facts, by number.
fn codes(catalog: &Catalog) -> Vec<(&str, &CodeEntry)> {
    let mut all: Vec<(&str, &CodeEntry)> = catalog
        .modules
        .iter()
        .flat_map(|m| m.codes.iter().map(move |c| (m.id.value.as_str(), c)))
        .collect();
    all.sort_by_key(|(_, c)| c.code);
    all
}

fn view(locale: &LocaleModel, code: CodeNumber) -> Option<&CodeView> {
    locale.code(code).map(|(_, view)| view)
}

/// A code's texts in one language.
#[derive(Serialize)]
struct Texts<'a> {
    title: &'a str,
    description: Option<&'a str>,
    causes: Vec<&'a str>,
    solutions: Vec<&'a str>,
    flags: Vec<&'a str>,
}

impl<'a> Texts<'a> {
    fn of(view: &'a CodeView) -> Self {
        Texts {
            title: &view.title.text,
            description: view.description.as_ref().map(|t| t.text.as_str()),
            causes: view.causes.iter().map(|t| t.text.as_str()).collect(),
            solutions: view.solutions.iter().map(|t| t.text.as_str()).collect(),
            flags: view.flags.iter().map(|t| t.text.as_str()).collect(),
        }
    }
}

#[derive(Serialize)]
struct ExportedCode<'a> {
    code: CodeNumber,
    name: &'a str,
    module: &'a str,
    message: Option<&'a str>,
    family: Option<&'a Membership>,
    generated: bool,
    flags: Vec<crate::catalog::Flag>,
    references: Vec<&'a str>,
    related: Vec<CodeNumber>,
    since: Option<&'a str>,
    deprecated: Option<&'a str>,
    /// Texts by locale tag.
    texts: std::collections::BTreeMap<&'a str, Texts<'a>>,
}

/// JSON: `{ "locales": [...], "codes": [ { …facts, "texts": { "en": {…}, … } } ] }`.
pub fn json(catalog: &Catalog, model: &Model) -> anyhow::Result<String> {
    let codes: Vec<ExportedCode<'_>> = codes(catalog)
        .into_iter()
        .map(|(module, c)| ExportedCode {
            code: c.code,
            name: &c.name.value,
            module,
            message: c.message.as_ref().map(|m| m.value.as_str()),
            family: c.member.as_ref(),
            generated: c.is_generated(),
            flags: c.flags.iter().map(|f| f.value).collect(),
            references: c.references.iter().map(|r| r.value.as_str()).collect(),
            related: c.related.iter().map(|r| r.value).collect(),
            since: c.since.as_ref().map(|s| s.value.as_str()),
            deprecated: c.deprecated.as_ref().map(|s| s.value.as_str()),
            texts: model
                .locales
                .iter()
                .filter_map(|l| view(l, c.code).map(|v| (l.tag.as_str(), Texts::of(v))))
                .collect(),
        })
        .collect();
    let locales: Vec<&str> = model.locales.iter().map(|l| l.tag.as_str()).collect();
    Ok(serde_json::to_string_pretty(&serde_json::json!({
        "locales": locales,
        "codes": codes,
    }))? + "\n")
}

/// CSV: a row per code; the facts, then title, description, causes and
/// solutions for each locale (several causes joined by newlines).
pub fn csv(catalog: &Catalog, model: &Model) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "code",
        "name",
        "module",
        "message",
        "family",
        "errno",
        "flags",
        "references",
        "related",
        "since",
        "deprecated",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    for l in &model.locales {
        for field in ["title", "description", "causes", "solutions"] {
            header.push(format!("{field}_{}", l.tag));
        }
    }
    writer.write_record(&header)?;
    for (module, c) in codes(catalog) {
        let mut row = vec![
            c.code.to_string(),
            c.name.value.clone(),
            module.to_string(),
            c.message
                .as_ref()
                .map(|m| m.value.clone())
                .unwrap_or_default(),
            c.member
                .as_ref()
                .map(|m| m.family.clone())
                .unwrap_or_default(),
            c.member
                .as_ref()
                .map(|m| m.name.clone())
                .unwrap_or_default(),
            c.flags
                .iter()
                .map(|f| f.value.message_id().trim_start_matches("flag-").to_string())
                .collect::<Vec<_>>()
                .join(" "),
            c.references
                .iter()
                .map(|r| r.value.clone())
                .collect::<Vec<_>>()
                .join(" "),
            c.related
                .iter()
                .map(|r| r.value.to_string())
                .collect::<Vec<_>>()
                .join(" "),
            c.since
                .as_ref()
                .map(|s| s.value.clone())
                .unwrap_or_default(),
            c.deprecated
                .as_ref()
                .map(|s| s.value.clone())
                .unwrap_or_default(),
        ];
        for l in &model.locales {
            match view(l, c.code) {
                Some(v) => {
                    row.push(v.title.text.clone());
                    row.push(
                        v.description
                            .as_ref()
                            .map(|t| t.text.clone())
                            .unwrap_or_default(),
                    );
                    row.push(
                        v.causes
                            .iter()
                            .map(|t| t.text.clone())
                            .collect::<Vec<_>>()
                            .join("\n"),
                    );
                    row.push(
                        v.solutions
                            .iter()
                            .map(|t| t.text.clone())
                            .collect::<Vec<_>>()
                            .join("\n"),
                    );
                }
                None => row.extend(std::iter::repeat_n(String::new(), 4)),
            }
        }
        writer.write_record(&row)?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

/// `ABNORMAL_CLOSURE` → `AbnormalClosure`.
fn camel(name: &str) -> String {
    name.split('_')
        .filter(|p| !p.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => {
                    first.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase()
                }
                None => String::new(),
            }
        })
        .collect()
}

/// A title as one line of comment text that cannot close the comment.
fn comment_text(title: &str) -> String {
    plain_text(title)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("*/", "* /")
}

/// A string literal for Rust, TypeScript and C (`"…"` with escapes).
fn literal(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn titles(
    catalog: &Catalog,
    locale: &LocaleModel,
) -> Vec<(CodeNumber, String, Option<String>, String)> {
    codes(catalog)
        .into_iter()
        .map(|(_, c)| {
            let title =
                view(locale, c.code).map_or_else(String::new, |v| comment_text(&v.title.text));
            (
                c.code,
                c.name.value.clone(),
                c.message.as_ref().map(|m| m.value.clone()),
                title,
            )
        })
        .collect()
}

/// `2303210: Connection Timed Out`, or the bare code for a code its page
/// gives no title.
fn doc_label(code: CodeNumber, title: &str) -> String {
    if title.is_empty() {
        code.to_string()
    } else {
        format!("{code}: {title}")
    }
}

const HEADER: &str = "Generated by `errdoc export` from catalog/codes.yaml; do not edit.";

/// The narrowest of `u32`, `i32` and `i64` that holds every code: the
/// codes of most catalogs are `u32`, some are negative (`-1`).
fn rust_integer(codes: &[(CodeNumber, String, Option<String>, String)]) -> &'static str {
    let fits =
        |range: std::ops::RangeInclusive<CodeNumber>| codes.iter().all(|(c, ..)| range.contains(c));
    if fits(0..=CodeNumber::from(u32::MAX)) {
        "u32"
    } else if fits(CodeNumber::from(i32::MIN)..=CodeNumber::from(i32::MAX)) {
        "i32"
    } else {
        "i64"
    }
}

/// A Rust module: `enum ErrorCode` with `code()`, `message()` and `from_code()`.
pub fn rust(catalog: &Catalog, locale: &LocaleModel) -> String {
    let codes = titles(catalog, locale);
    let int = rust_integer(&codes);
    let mut out = format!(
        "// {HEADER}\n\n/// Every error code of the catalog.\n#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\n#[repr({int})]\n#[non_exhaustive]\npub enum ErrorCode {{\n"
    );
    for (code, name, _, title) in &codes {
        let _ = writeln!(
            out,
            "    /// {}\n    {} = {code},",
            doc_label(*code, title),
            camel(name)
        );
    }
    let _ = write!(
        out,
        "}}\n\nimpl ErrorCode {{\n    /// The number.\n    pub const fn code(self) -> {int} {{\n        self as {int}\n    }}\n\n"
    );
    out.push_str("    /// The literal message the API returns, if the code has one.\n    pub const fn message(self) -> Option<&'static str> {\n        match self {\n");
    for (_, name, message, _) in &codes {
        match message {
            Some(m) => {
                let _ = writeln!(
                    out,
                    "            Self::{} => Some({}),",
                    camel(name),
                    literal(m)
                );
            }
            None => {
                let _ = writeln!(out, "            Self::{} => None,", camel(name));
            }
        }
    }
    let _ = write!(
        out,
        "        }}\n    }}\n\n    /// The code with number `code`.\n    pub const fn from_code(code: {int}) -> Option<Self> {{\n        match code {{\n"
    );
    for (code, name, _, _) in &codes {
        let _ = writeln!(out, "            {code} => Some(Self::{}),", camel(name));
    }
    out.push_str("            _ => None,\n        }\n    }\n\n    /// The constant name (`ABNORMAL_CLOSURE`).\n    pub const fn name(self) -> &'static str {\n        match self {\n");
    for (_, name, _, _) in &codes {
        let _ = writeln!(
            out,
            "            Self::{} => {},",
            camel(name),
            literal(name)
        );
    }
    out.push_str("        }\n    }\n}\n");
    out
}

/// A TypeScript module: `ErrorCode` constants, their type, and messages.
pub fn typescript(catalog: &Catalog, locale: &LocaleModel) -> String {
    let codes = titles(catalog, locale);
    let mut out = format!(
        "// {HEADER}\n\n/** Every error code of the catalog. */\nexport const ErrorCode = {{\n"
    );
    for (code, name, _, title) in &codes {
        let _ = writeln!(
            out,
            "  /** {} */\n  {name}: {code},",
            doc_label(*code, title)
        );
    }
    out.push_str("} as const;\n\n/** The name of an error code (`\"ABNORMAL_CLOSURE\"`). */\nexport type ErrorCodeName = keyof typeof ErrorCode;\n\n/** An error code number. */\nexport type ErrorCode = (typeof ErrorCode)[ErrorCodeName];\n\n");
    out.push_str("/** The literal message the API returns, for codes that have one. */\nexport const errorMessages: Readonly<Partial<Record<ErrorCode, string>>> = {\n");
    for (code, _, message, _) in &codes {
        if let Some(m) = message {
            // A negative number is no property name; its string is.
            let key = if *code < 0 {
                format!("\"{code}\"")
            } else {
                code.to_string()
            };
            let _ = writeln!(out, "  {key}: {},", literal(m));
        }
    }
    out.push_str("};\n\n/** The message of `code`, or `undefined`. */\nexport function errorMessage(code: ErrorCode): string | undefined {\n  return errorMessages[code];\n}\n");
    out
}

/// A C header: `#define`s and `errdoc_message()`.
pub fn c(catalog: &Catalog, locale: &LocaleModel) -> String {
    let codes = titles(catalog, locale);
    let mut out = format!("/* {HEADER} */\n#ifndef ERRDOC_CODES_H\n#define ERRDOC_CODES_H\n\n");
    for (code, name, _, title) in &codes {
        // `(-1)`: a macro that expands to `-1` would bind to what is next to it.
        let value = if *code < 0 {
            format!("({code})")
        } else {
            code.to_string()
        };
        let _ = writeln!(
            out,
            "/** {} */\n#define {name} {value}",
            doc_label(*code, title)
        );
    }
    out.push_str("\n/** The literal message the API returns for `code`, or NULL. */\nstatic inline const char *errdoc_message(long code)\n{\n    switch (code) {\n");
    for (code, _, message, _) in &codes {
        if let Some(m) = message {
            let _ = writeln!(out, "    case {code}: return {};", literal(m));
        }
    }
    out.push_str("    default: return (const char *)0;\n    }\n}\n\n#endif /* ERRDOC_CODES_H */\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals() {
        assert_eq!(camel("ABNORMAL_CLOSURE"), "AbnormalClosure");
        assert_eq!(camel("SOCKET_E2BIG"), "SocketE2big");
        assert_eq!(
            literal("Can't \"x\" \\ y\n"),
            "\"Can't \\\"x\\\" \\\\ y\\n\""
        );
        assert_eq!(comment_text("a */ b\n c"), "a * / b c");
    }
}
