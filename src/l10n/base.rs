//! English base files of the catalog's tables: `locales/en/errno.ftl`.
//!
//! A table entry's English is its `message` in the catalog: the literal
//! text an API returns, kept once. Translation platforms (Pontoon, Weblate,
//! Crowdin) pair each translated file with an English file of the same
//! name and ids, so `l10n sync` writes one per table from the catalog, and
//! `check` reports a base file that no longer says what the catalog says.

use std::path::PathBuf;

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

/// A base file that cannot be written: its file holds other messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Occupied {
    pub path: PathBuf,
    pub table: String,
    /// The first message of the file that is not one of the table's.
    pub other: String,
}

/// The path of `table`'s base file in the English locale `source`.
pub(crate) fn path_of(source: &Locale, table: &Table) -> PathBuf {
    source.dir().join(format!("{}.ftl", table.id.value))
}

/// The base file of every table, or why it cannot be written.
pub(crate) fn files(catalog: &Catalog, source: &Locale) -> Vec<Result<Base, Occupied>> {
    catalog
        .tables
        .iter()
        .map(|table| {
            let path = path_of(source, table);
            let prefix = format!("{}-", table.id.value);
            // Only the table's own messages may be in its file: anything
            // else would be written over.
            let other = source.entries.iter().find(|(id, info)| {
                !id.starts_with(&prefix)
                    && source
                        .files
                        .get(info.file)
                        .is_some_and(|f| f.path() == path)
            });
            if let Some((id, _)) = other {
                return Err(Occupied {
                    path,
                    table: table.id.value.clone(),
                    other: id.clone(),
                });
            }
            Ok(Base {
                text: text_of(table),
                table: table.id.value.clone(),
                path,
            })
        })
        .collect()
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
