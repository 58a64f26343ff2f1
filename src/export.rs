//! `errdoc export`: the catalog for other programs — JSON and CSV with every
//! field in every language, and constants for Rust, TypeScript and C with a
//! doc comment of each code's title.
//!
//! Every text of the catalog and its translations is data, whatever it
//! holds: a string literal means exactly the text in every mode of its
//! language ([`literal_c`], [`literal_rust`], [`literal_ts`]), a comment
//! cannot be closed or broken by it, and a CSV cell cannot start a
//! spreadsheet formula. Names are safe by construction where the output
//! can make them so (the C include guard), and `errdoc check` refuses the
//! rest ([`rust_variant`] is the one spelling it checks).

use std::fmt::Write as _;

use crate::catalog::{Catalog, CodeEntry, CodeNumber};
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

/// JSON: the catalog as a file that travels without its project
/// ([`crate::portable`]): `explain --catalog` and `compat` read it.
pub(crate) fn json(catalog: &Catalog, model: &Model) -> anyhow::Result<String> {
    let portable = crate::portable::export(catalog, model);
    Ok(serde_json::to_string_pretty(&portable)? + "\n")
}

/// CSV: a row per code; the facts, then title, description, causes and
/// solutions for each locale (several causes joined by newlines).
pub(crate) fn csv(catalog: &Catalog, model: &Model) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(csv_header(model))?;
    for (module, c) in codes(catalog) {
        let mut row = csv_facts(module, c);
        for l in &model.locales {
            row.extend(csv_texts(l, c.code));
        }
        writer.write_record(row.iter().map(|cell| csv_cell(cell)))?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

/// The CSV's header: the facts' columns, then four texts' for each locale
/// (`title_en`, …).
fn csv_header(model: &Model) -> Vec<String> {
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
    header
}

/// A code's facts from the catalog, as the CSV's first cells (several
/// flags, references or related codes joined by spaces).
fn csv_facts(module: &str, c: &CodeEntry) -> Vec<String> {
    vec![
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
    ]
}

/// A code's title, description, causes and solutions in one locale, as
/// four cells (empty where the locale does not have the code).
fn csv_texts(locale: &LocaleModel, code: CodeNumber) -> Vec<String> {
    let Some(v) = view(locale, code) else {
        return vec![String::new(); 4];
    };
    vec![
        v.title.text.clone(),
        v.description
            .as_ref()
            .map(|t| t.text.clone())
            .unwrap_or_default(),
        v.causes
            .iter()
            .map(|t| t.text.clone())
            .collect::<Vec<_>>()
            .join("\n"),
        v.solutions
            .iter()
            .map(|t| t.text.clone())
            .collect::<Vec<_>>()
            .join("\n"),
    ]
}

/// A CSV cell a spreadsheet shows as text: one that starts with `=`, `+`,
/// `-`, `@`, tab or CR gets a leading `'` (OWASP's advice against CSV
/// injection), unless it is a plain whole number (`-1`, a code), which is
/// no formula and stays a number.
fn csv_cell(cell: &str) -> String {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let number = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    if !number && cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// The Rust enum variant of a constant name: CamelCase, the `_` dropped
/// (`ABNORMAL_CLOSURE` → `AbnormalClosure`). `errdoc check` refuses names
/// whose variants are equal (`A_B`, `A__B`) or a keyword (`SELF`).
pub(crate) fn rust_variant(name: &str) -> String {
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

/// Whether `c` is written as an escape in a string literal and left out of
/// a comment: it cannot be seen, ends a line for some reader, or turns the
/// text around. Controls (C0, DEL, C1 with U+0085), the line and paragraph
/// separators, bidi embeddings, overrides and isolates, zero-width and other
/// format characters (U+200B–U+200F, U+2060–U+206F, U+FEFF, …) and tag
/// characters. rustc rejects the bidi ones in literals and comments.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{61c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

/// A title as one line of comment text, for `/** … */` (C, TypeScript) and
/// `///` (Rust): line breaks and controls become spaces, other hidden
/// characters ([`is_hidden`]) are left out, and a space goes between `*`
/// and `/` either way round, so the text neither closes the comment nor
/// opens one inside it (which `-Wcomment` reports). A trigraph `??/` cannot
/// splice lines here: the comment's line always ends with ` */`.
fn comment_text(title: &str) -> String {
    let visible: String = plain_text(title)
        .chars()
        .filter_map(|c| match c {
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => Some(' '),
            c if is_hidden(c) => None,
            c => Some(c),
        })
        .collect();
    let mut out = String::with_capacity(visible.len());
    let mut previous = ' ';
    for c in visible
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if matches!((previous, c), ('*', '/') | ('/', '*')) {
            out.push(' ');
        }
        out.push(c);
        previous = c;
    }
    out
}

/// A C string literal (`"…"`) whose bytes are exactly `text`'s UTF-8 in
/// every C and C++ mode: printable ASCII as it is, but `"`, `\` and `?`
/// escaped (`\?`, valid since C89, so no trigraph such as `??/` can form
/// under `-trigraphs`, ISO C before C23 or C++14), `\n` as itself, and every
/// other byte — controls and the UTF-8 of non-ASCII text — as a three-digit
/// octal escape, which is fixed-width (a `\x` escape would swallow the hex
/// digits after it) and needs no `\u` (C89 has none). The literal is ASCII,
/// so no source encoding can change it. A NUL is written too (`\000`), but
/// ends the string for C's string functions.
pub fn literal_c(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for byte in text.bytes() {
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'?' => out.push_str("\\?"),
            b'\n' => out.push_str("\\n"),
            b' '..=b'~' => out.push(char::from(byte)),
            _ => {
                let _ = write!(out, "\\{byte:03o}");
            }
        }
    }
    out.push('"');
    out
}

/// A Rust string literal (`"…"`) that means exactly `text`: `"` and `\`
/// escaped, `\n`, `\r` and `\t` as themselves, every other hidden character
/// ([`is_hidden`]: controls, U+0085, U+2028, bidi controls that rustc
/// refuses, …) as `\u{…}`, and the rest as it is.
pub fn literal_rust(text: &str) -> String {
    quoted(text, |out, c| {
        let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
    })
}

/// A TypeScript (JavaScript) string literal (`"…"`) that means exactly
/// `text`: `"` and `\` escaped, `\n`, `\r` and `\t` as themselves, every
/// other hidden character ([`is_hidden`], U+2028 and U+2029 too, which end
/// a line in JavaScript before ES2019) as `\uXXXX` — four digits, a
/// surrogate pair for a character past U+FFFF — and the rest as it is.
pub fn literal_ts(text: &str) -> String {
    quoted(text, |out, c| {
        for unit in c.encode_utf16(&mut [0; 2]) {
            let _ = write!(out, "\\u{unit:04x}");
        }
    })
}

/// `text` in double quotes, the way Rust, JavaScript and gettext read it:
/// `"` and `\` escaped, `\n`, `\r` and `\t` as themselves, each hidden
/// character written by `escape`.
pub(crate) fn quoted(text: &str, escape: impl Fn(&mut String, char)) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_hidden(c) => escape(&mut out, c),
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

/// What the C export puts before its names where the catalog says
/// nothing (`site.export_prefix`).
pub(crate) const DEFAULT_PREFIX: &str = "ERRDOC_";

/// Whether `prefix` may start C names: ASCII letters, digits and `_`,
/// starting with a letter (C reserves names that start with `_` and a
/// capital or a second `_`); empty for none.
pub(crate) fn is_prefix(prefix: &str) -> bool {
    prefix
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_')
        && prefix
            .chars()
            .next()
            .is_none_or(|c| c.is_ascii_alphabetic())
}

/// The prefix of the C export's names.
pub(crate) fn prefix(catalog: &Catalog) -> &str {
    catalog
        .site
        .export_prefix
        .as_ref()
        .map_or(DEFAULT_PREFIX, |p| p.value.as_str())
}

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
pub(crate) fn rust(catalog: &Catalog, locale: &LocaleModel) -> String {
    let codes = titles(catalog, locale);
    let int = rust_integer(&codes);
    // An enum without variants takes no `repr` and casts to no number.
    let (repr, number) = if codes.is_empty() {
        (String::new(), "match self {}".to_string())
    } else {
        (format!("#[repr({int})]\n"), format!("self as {int}"))
    };
    let mut out = format!(
        "// {HEADER}\n\n/// Every error code of the catalog.\n#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\n{repr}#[non_exhaustive]\npub enum ErrorCode {{\n"
    );
    for (code, name, _, title) in &codes {
        let _ = writeln!(
            out,
            "    /// {}\n    {} = {code},",
            doc_label(*code, title),
            rust_variant(name)
        );
    }
    let _ = write!(
        out,
        "}}\n\nimpl ErrorCode {{\n    /// The number.\n    pub const fn code(self) -> {int} {{\n        {number}\n    }}\n\n"
    );
    out.push_str("    /// The literal message the API returns, if the code has one.\n    pub const fn message(self) -> Option<&'static str> {\n        match self {\n");
    for (_, name, message, _) in &codes {
        match message {
            Some(m) => {
                let _ = writeln!(
                    out,
                    "            Self::{} => Some({}),",
                    rust_variant(name),
                    literal_rust(m)
                );
            }
            None => {
                let _ = writeln!(out, "            Self::{} => None,", rust_variant(name));
            }
        }
    }
    let _ = write!(
        out,
        "        }}\n    }}\n\n    /// The code with number `code`.\n    pub const fn from_code(code: {int}) -> Option<Self> {{\n        match code {{\n"
    );
    for (code, name, _, _) in &codes {
        let _ = writeln!(
            out,
            "            {code} => Some(Self::{}),",
            rust_variant(name)
        );
    }
    out.push_str("            _ => None,\n        }\n    }\n\n    /// The constant name (`ABNORMAL_CLOSURE`).\n    pub const fn name(self) -> &'static str {\n        match self {\n");
    for (_, name, _, _) in &codes {
        let _ = writeln!(
            out,
            "            Self::{} => {},",
            rust_variant(name),
            literal_rust(name)
        );
    }
    out.push_str("        }\n    }\n}\n");
    out
}

/// A TypeScript module: `ErrorCode` constants, their type, and messages.
pub(crate) fn typescript(catalog: &Catalog, locale: &LocaleModel) -> String {
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
            let _ = writeln!(out, "  {key}: {},", literal_ts(m));
        }
    }
    out.push_str("};\n\n/** The message of `code`, or `undefined`. */\nexport function errorMessage(code: ErrorCode): string | undefined {\n  return errorMessages[code];\n}\n");
    out
}

/// An ArkTS module (OpenHarmony's TypeScript, `.ets`): an `enum` of the
/// codes and functions over it, in the subset ArkTS's strict rules accept —
/// no `as const`, `keyof`, `typeof`, object literals or index access, every
/// type written out. It is TypeScript too (`tsc --strict` checks it).
pub(crate) fn arkts(catalog: &Catalog, locale: &LocaleModel) -> String {
    let codes = titles(catalog, locale);
    let mut out = format!(
        "// {HEADER}\n\n/** Every error code of the catalog. */\nexport enum ErrorCode {{\n"
    );
    for (code, name, _, title) in &codes {
        let _ = writeln!(
            out,
            "  /** {} */\n  {name} = {code},",
            doc_label(*code, title)
        );
    }
    out.push_str("}\n\n/** The literal message the API returns for `code`, or `undefined`. */\nexport function errorMessage(code: ErrorCode): string | undefined {\n  switch (code) {\n");
    for (_, name, message, _) in &codes {
        if let Some(m) = message {
            let _ = writeln!(
                out,
                "    case ErrorCode.{name}:\n      return {};",
                literal_ts(m)
            );
        }
    }
    out.push_str("    default:\n      return undefined;\n  }\n}\n\n/** The constant name of `code` (`\"ABNORMAL_CLOSURE\"`). */\nexport function errorName(code: ErrorCode): string {\n  switch (code) {\n");
    for (_, name, _, _) in &codes {
        let _ = writeln!(
            out,
            "    case ErrorCode.{name}:\n      return {};",
            literal_ts(name)
        );
    }
    out.push_str("    default:\n      return \"\";\n  }\n}\n\n/** The code numbered `code` (a `BusinessError`'s `code`), or `undefined`. */\nexport function errorCodeOf(code: number): ErrorCode | undefined {\n  switch (code) {\n");
    for (code, name, _, _) in &codes {
        let _ = writeln!(out, "    case {code}:\n      return ErrorCode.{name};");
    }
    out.push_str("    default:\n      return undefined;\n  }\n}\n");
    out
}

/// A C header: `#define`s and a function giving each code's message, for
/// C89 and later and for C++. Every name starts with the prefix
/// ([`prefix`]: `ERRDOC_ABNORMAL_CLOSURE`, and, with a lower-case ending,
/// the header's own `ERRDOC_message()` and include guard `ERRDOC_codes_h`),
/// so that they collide with no other header's; the function is
/// `extern "C"` in C++.
pub(crate) fn c(catalog: &Catalog, locale: &LocaleModel, prefix: &str) -> String {
    let codes = titles(catalog, locale);
    // The header's own names end in lower case (`NET_codes_h`,
    // `NET_inline`, `NET_message`): a code's name is upper case, so none
    // is one of them, and prefixes that differ only in case stay apart.
    let own = if prefix.is_empty() {
        DEFAULT_PREFIX.to_ascii_lowercase()
    } else {
        prefix.to_string()
    };
    let mut out = format!("/* {HEADER} */\n#ifndef {own}codes_h\n#define {own}codes_h\n\n");
    for (code, name, _, title) in &codes {
        // `(-1)`: a macro that expands to `-1` would bind to what is next to it.
        let value = if *code < 0 {
            format!("({code})")
        } else {
            code.to_string()
        };
        let _ = writeln!(
            out,
            "/** {} */\n#define {prefix}{name} {value}",
            doc_label(*code, title)
        );
    }
    out.push_str(&C_INLINE.replace("INLINE_MACRO", &format!("{own}inline")));
    let _ = write!(
        out,
        "\n#ifdef __cplusplus\nextern \"C\" {{\n#endif\n\n/** The literal message the API returns for `code`, or NULL. */\nstatic {own}inline const char *{own}message(long code)\n{{\n    switch (code) {{\n"
    );
    for (code, _, message, _) in &codes {
        if let Some(m) = message {
            let _ = writeln!(out, "    case {code}: return {};", literal_c(m));
        }
    }
    let _ = write!(
        out,
        "    default: return (const char *)0;\n    }}\n}}\n\n#ifdef __cplusplus\n}}\n#endif\n\n#undef {own}inline\n\n#endif /* {own}codes_h */\n"
    );
    out
}

/// `inline` where the language has it (C99, C++), GCC's `__inline__` in
/// C89 (so that `-Wall` does not report the function unused), else nothing.
const C_INLINE: &str = "\n#if defined(__cplusplus) || (defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L)\n#define INLINE_MACRO inline\n#elif defined(__GNUC__)\n#define INLINE_MACRO __inline__\n#else\n#define INLINE_MACRO\n#endif\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_literals() {
        assert_eq!(rust_variant("ABNORMAL_CLOSURE"), "AbnormalClosure");
        assert_eq!(rust_variant("SOCKET_E2BIG"), "SocketE2big");
        assert_eq!(rust_variant("A__B"), rust_variant("A_B"));
        assert_eq!(rust_variant("A_1"), rust_variant("A1"));
        assert_eq!(
            literal_rust("Can't \"x\" \\ y\n"),
            "\"Can't \\\"x\\\" \\\\ y\\n\""
        );
        assert_eq!(comment_text("a */ b\n c"), "a * / b c");
        assert_eq!(comment_text("/*/ **/ x\u{202e}y\u{85}z"), "/ * / ** / xy z");
    }

    /// Fixed-width escapes: hex digits after a control stay digits.
    #[test]
    fn escapes_do_not_swallow_what_follows() {
        assert_eq!(literal_c("a\u{1}bc??/\"é"), r#""a\001bc\?\?/\"\303\251""#);
        assert_eq!(
            literal_rust("a\u{1}bc\u{85}\u{202e}é"),
            r#""a\u{1}bc\u{85}\u{202e}é""#
        );
        assert_eq!(
            literal_ts("a\u{1}bc\u{2028}\u{e0041}é"),
            r#""a\u0001bc\u2028\udb40\udc41é""#
        );
    }

    #[test]
    fn csv_cells_that_start_a_formula_get_a_quote() {
        assert_eq!(csv_cell("=1+2"), "'=1+2");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("-1"), "-1");
        assert_eq!(csv_cell("-"), "'-");
        assert_eq!(csv_cell("-1 5"), "'-1 5");
        assert_eq!(csv_cell("a=b"), "a=b");
    }
}
