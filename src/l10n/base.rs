//! English base files of the catalog's tables: `locales/en/errno.ftl`.
//!
//! A table entry's English is its `message` in the catalog: the literal
//! text an API returns, kept once. Translation platforms (Pontoon, Weblate,
//! Crowdin) pair each translated file with an English file of the same
//! name and ids, so `l10n sync` writes one per table from the catalog, and
//! `check` reports a base file that no longer says what the catalog says.
//!
//! The file is errdoc's: it is written whole. So it is written only where
//! nothing else would be lost — no other message, nothing that does not
//! parse, no file errdoc could not read — and never defines an id that
//! another English file defines.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::catalog::{CATALOG_PATH, Catalog, Table};
use crate::locales::Locale;

use super::ftl;

/// The base file of a table, to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Base {
    /// Its path, relative to the project root.
    pub path: PathBuf,
    /// The table.
    pub table: String,
    /// The whole file.
    pub text: String,
}

/// A base file that cannot be written, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Occupied {
    pub path: PathBuf,
    pub table: String,
    /// What keeps it from being written, as a clause.
    pub why: String,
}

/// The path of `table`'s base file in the English locale `source`.
pub(crate) fn path_of(source: &Locale, table: &Table) -> PathBuf {
    source.dir().join(format!("{}.ftl", table.id.value))
}

/// The base file of every table, or why it cannot be written; `root` is
/// the project's folder.
pub(crate) fn files(
    root: &Path,
    catalog: &Catalog,
    source: &Locale,
) -> Vec<Result<Base, Occupied>> {
    catalog
        .tables
        .iter()
        .map(|table| {
            let path = path_of(source, table);
            match occupied(root, &path, table, source) {
                Some(why) => Err(Occupied {
                    path,
                    table: table.id.value.clone(),
                    why,
                }),
                None => Ok(Base {
                    text: text_of(table),
                    table: table.id.value.clone(),
                    path,
                }),
            }
        })
        .collect()
}

/// Why `table`'s base file at `path` cannot be written, if it cannot.
fn occupied(root: &Path, path: &Path, table: &Table, source: &Locale) -> Option<String> {
    let ids: HashSet<String> = table.entries.iter().map(|e| table.message_id(e)).collect();
    let index = source.files.iter().position(|f| f.path() == path);
    if index.is_none() && root.join(path).exists() {
        return Some("errdoc cannot read the file there (see `errdoc check`)".to_string());
    }
    if index.is_some_and(|i| source.has_junk_in(i)) {
        return Some(
            "the file has text that does not parse: fix it first (see `errdoc check`)".to_string(),
        );
    }
    for (id, info) in &source.entries {
        let here = Some(info.file) == index;
        if here && !ids.contains(id) {
            return Some(format!(
                "the file holds `{id}`, which is not one of the table's messages — move it to another file"
            ));
        }
        if !here && ids.contains(id) {
            let other = source
                .files
                .get(info.file)
                .map_or_else(String::new, |f| f.path().display().to_string());
            return Some(format!(
                "`{id}` is in {other} already — remove the table's messages there: the catalog is their English"
            ));
        }
    }
    None
}

/// The text of `table`'s base file.
fn text_of(table: &Table) -> String {
    let mut out = format!(
        "# The English of the table `{id}` in {CATALOG_PATH}, for translation platforms.\n\
         # Written by `errdoc l10n sync`: edit the catalog's `message`, then sync.\n\n",
        id = table.id.value
    );
    for entry in &table.entries {
        out.push_str(&table.message_id(entry));
        out.push_str(" =");
        out.push_str(&ftl::pattern(&entry.message.value));
        out.push('\n');
    }
    out
}
