//! The search index of a locale, in shards the site's script loads as
//! `<script>`s (a `fetch` of a local file is blocked on `file://`).
//!
//! `<locale>/search-index.js`, loaded on the first keystroke, holds what a
//! result shows and what most queries need: each code's number, constant
//! name and other names, title, error message and the C libraries' other
//! wordings of it, module, whether a family generated it and its table
//! value (`errno:110`); the modules, the ranges and the locale's synonyms.
//! The descriptions, causes and solutions are in detail shards
//! (`<locale>/search-details-<n>.js`, [`PER_SHARD`] codes each, in code
//! order), loaded after the first answer: an edit to one code's text
//! rewrites one shard, not the whole index.
//!
//! The ranking is the script's (`templates/static/search.js`): no library
//! found ranks over weighted fields, tolerates typos, matches Chinese
//! without a word list and loads from `file://` together — Pagefind fails
//! `file://` and Chinese substrings, elasticlunr is unmaintained and has
//! no Chinese support.

use serde::Serialize;

use super::plain_text;
use crate::catalog::CodeNumber;
use crate::model::{CodeView, LocaleModel};
use crate::site;

/// Codes per detail shard.
pub(crate) const PER_SHARD: usize = 1000;

/// The codes of the first shard, a list per field (a field's values
/// together compress better): the numbers as differences from the one
/// before (the first from 0), in code order; as they are (`absolute`)
/// where one is beyond what a script's number holds exactly (2^53), so
/// that no other code is thrown off by it.
#[derive(Serialize, Default)]
struct Codes {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    absolute: bool,
    code: Vec<CodeNumber>,
    name: Vec<String>,
    /// Other names, separated by spaces.
    aliases: Vec<String>,
    title: Vec<String>,
    message: Vec<String>,
    /// Other wordings of the message, one per line.
    wordings: Vec<String>,
    /// Index in `modules`.
    module: Vec<usize>,
    generated: Vec<u8>,
    /// `errno:110`, `ssl-error:5`, or empty.
    value: Vec<String>,
}

impl Codes {
    fn push(&mut self, code: &CodeView, module: usize, before: CodeNumber) {
        let also = code.also.as_ref();
        self.code.push(if self.absolute {
            code.code
        } else {
            // Cannot overflow: both are within ±2^53 when not absolute.
            code.code.saturating_sub(before)
        });
        self.name.push(code.name.clone());
        self.aliases
            .push(also.map(|a| a.names.join(" ")).unwrap_or_default());
        self.title.push(plain_text(&code.title.text));
        self.message.push(code.message.clone().unwrap_or_default());
        self.wordings
            .push(also.map(|a| a.wordings.join("\n")).unwrap_or_default());
        self.module.push(module);
        self.generated.push(u8::from(code.generated));
        self.value
            .push(also.map(|a| a.value.clone()).unwrap_or_default());
    }
}

/// A range of codes: `[from, to, title, url]`.
#[derive(Serialize)]
struct RangeEntry(CodeNumber, CodeNumber, String, String);

#[derive(Serialize)]
struct First<'a> {
    /// The index's format.
    v: u8,
    locale: &'a str,
    /// A code's page, `{code}` standing for its number.
    url: String,
    /// Each module: `[title, page]`.
    modules: Vec<(String, String)>,
    codes: Codes,
    ranges: Vec<RangeEntry>,
    /// Groups of words that mean the same.
    synonyms: &'a [Vec<String>],
    /// The detail shards, as paths from the locale's folder.
    details: Vec<String>,
}

/// The index files of one locale: (path from the locale's folder, script).
pub(crate) fn files(locale: &LocaleModel, synonyms: &[Vec<String>]) -> Vec<(String, String)> {
    let mut codes: Vec<(&CodeView, usize)> = Vec::new();
    let mut ranges = Vec::new();
    let mut modules = Vec::new();
    for (m, page) in locale.pages.iter().enumerate() {
        modules.push((plain_text(&page.title.text), site::page_path(&page.file)));
        codes.extend(page.defined_codes().into_iter().map(|(_, c, _)| (c, m)));
        for r in &page.ranges {
            ranges.push(RangeEntry(
                r.from,
                r.to,
                plain_text(&r.title.text),
                site::range_path(&page.file, r.from, r.to),
            ));
        }
    }
    codes.sort_by_key(|(c, _)| c.code);
    let tag = locale.tag.as_str();
    let chunks: Vec<&[(&CodeView, usize)]> = codes.chunks(PER_SHARD).collect();
    let names: Vec<String> = (0..chunks.len()).map(shard_path).collect();
    let first = First {
        v: 3,
        locale: tag,
        url: site::code_path_pattern(),
        modules,
        codes: {
            let mut columns = Codes {
                absolute: codes.iter().any(|(c, _)| c.code.unsigned_abs() > 1 << 53),
                ..Codes::default()
            };
            let mut before = 0;
            for (c, m) in &codes {
                columns.push(c, *m, before);
                before = c.code;
            }
            columns
        },
        ranges,
        synonyms,
        details: names.clone(),
    };
    let mut files = vec![(
        site::SEARCH_INDEX.to_string(),
        script(
            tag,
            "errdoc search index",
            &format!(
                "(window.errdocIndexes = window.errdocIndexes || {{}})[{}] = window.errdocIndex",
                json(&tag)
            ),
            &json(&first),
        ),
    )];
    for (name, chunk) in names.into_iter().zip(chunks) {
        let rows: Vec<(CodeNumber, String)> =
            chunk.iter().map(|(c, _)| (c.code, details(c))).collect();
        let key = json(&format!("{tag}/{name}"));
        let body = script(
            tag,
            "errdoc search details",
            &format!("(window.errdocDetails = window.errdocDetails || {{}})[{key}]"),
            &json(&rows),
        );
        files.push((name, body));
    }
    files
}

/// The path of detail shard `n`, from the locale's folder.
fn shard_path(n: usize) -> String {
    format!("search-details-{n}.js")
}

/// What a code's page says besides its title and message, as plain text.
fn details(code: &CodeView) -> String {
    let texts = code
        .intro
        .iter()
        .chain(&code.description)
        .chain(&code.causes)
        .chain(&code.solutions);
    texts
        .map(|t| plain_text(&t.text))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Serializing plain structs of strings and numbers cannot fail. U+2028
/// and U+2029, which JSON takes in strings but scripts before ES2019 do
/// not, are escaped.
fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|_| "null".to_string())
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

fn script(tag: &str, what: &str, target: &str, json: &str) -> String {
    // `</script>` or `<!--` in a text cannot end or open anything: the
    // script is a file of its own, and JSON's strings escape nothing else
    // a script would read.
    format!(
        "/* {what} ({}); generated by `errdoc build`, do not edit. */\n{target} = {json};\n",
        tag.replace("*/", "* /")
    )
}
