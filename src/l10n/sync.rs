//! `l10n sync`: a stub for every message a locale lacks, a record of the
//! English for every string, and (with `--prune`) no obsolete messages.
//!
//! Files are only appended to (stubs go at the end of the file named like
//! the English one), except that `--prune` cuts obsolete messages out with
//! their comment. Nothing else in a file moves or changes, so a translator's
//! work, its order and its comments survive, and a second run changes
//! nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::locales::{Locale, Locales, STUB_MARKER};
use crate::output::read_or_empty;

use super::lock::SourcesLock;
use super::{Unit, group_of};

/// What a sync did (or would do) to one locale.
#[derive(Debug, Default)]
pub struct SyncPlan {
    /// New file contents, by path relative to the project root.
    pub files: BTreeMap<PathBuf, String>,
    /// Message ids given a stub, by file.
    pub added: BTreeMap<PathBuf, Vec<String>>,
    /// Obsolete message ids (removed with `--prune`).
    pub obsolete: Vec<String>,
    /// Strings whose English was recorded in the lock for the first time.
    pub recorded: usize,
    /// Lock entries dropped because the English no longer has the string.
    pub forgotten: usize,
}

/// The stub of message `id`: a marker, the English as comments, and the
/// English message as the text to replace.
fn message_stub(source: &Locale, id: &str, units: &[&Unit]) -> Option<String> {
    let info = source.entries.get(id)?;
    let file = source.files.get(info.file)?;
    let id_start = file.offset_of_id(id, info)?;
    let body = file.text().get(id_start..info.range.end)?.trim_end();
    let mut stub = format!("# {STUB_MARKER}\n");
    for unit in units {
        let label = match &unit.attribute {
            Some(a) => format!("en .{a}"),
            None => "en".to_string(),
        };
        for (i, line) in unit.english.lines().enumerate() {
            if i == 0 {
                stub.push_str(&format!("# {label}: {line}\n"));
            } else {
                stub.push_str(&format!("#   {line}\n"));
            }
        }
    }
    stub.push_str(body);
    stub.push('\n');
    Some(stub)
}

/// The stub of a table entry (its English is in the catalog).
fn table_stub(id: &str, english: &str) -> String {
    // Braces would start placeables; Fluent writes them as string literals.
    let value: String = english
        .chars()
        .map(|c| match c {
            '{' => "{\"{\"}".to_string(),
            '}' => "{\"}\"}".to_string(),
            c => c.to_string(),
        })
        .collect();
    format!("# {STUB_MARKER}\n# en: {english}\n{id} = {value}\n")
}

trait IdOffset {
    fn offset_of_id(&self, id: &str, info: &crate::locales::EntryInfo) -> Option<usize>;
}

impl IdOffset for crate::source::SourceFile {
    /// Where the id of an entry starts (after its comment).
    fn offset_of_id(&self, id: &str, info: &crate::locales::EntryInfo) -> Option<usize> {
        let region = self.text().get(info.range.clone())?;
        let mut offset = info.range.start;
        for line in region.split_inclusive('\n') {
            if line.starts_with(id) && line[id.len()..].trim_start().starts_with('=') {
                return Some(offset);
            }
            offset += line.len();
        }
        None
    }
}

/// Plans the sync of `locale`: reads its files under `root`, never writes.
pub fn plan(
    root: &Path,
    catalog: &Catalog,
    locales: &Locales,
    units: &[Unit],
    locale: &Locale,
    lock: &mut SourcesLock,
    prune: bool,
) -> anyhow::Result<SyncPlan> {
    let source = locales.source();
    let mut plan = SyncPlan::default();
    let mut contents: BTreeMap<PathBuf, String> = BTreeMap::new();
    for file in &locale.files {
        contents.insert(file.path().to_path_buf(), file.text().to_string());
    }

    // Stubs for whole missing messages, in the English order.
    let mut by_message: BTreeMap<&str, Vec<&Unit>> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for unit in units {
        if !by_message.contains_key(unit.id.as_str()) {
            order.push(&unit.id);
        }
        by_message.entry(&unit.id).or_default().push(unit);
    }
    for id in order {
        if locale.has(id) || group_of(catalog, id) == super::OTHER_GROUP {
            continue;
        }
        let parts = &by_message[id];
        let (path, stub) = match source.locate(id) {
            Some((file, _)) => {
                let name = file
                    .path()
                    .file_name()
                    .map(PathBuf::from)
                    .unwrap_or_default();
                let Some(stub) = message_stub(source, id, parts) else {
                    continue;
                };
                (locale.dir().join(name), stub)
            }
            None => {
                let english = parts.first().map_or("", |u| u.english.as_str());
                let group = group_of(catalog, id);
                (
                    locale.dir().join(format!("{group}.ftl")),
                    table_stub(id, english),
                )
            }
        };
        let text = match contents.get(&path) {
            Some(text) => text.clone(),
            None => read_or_empty(&root.join(&path))?,
        };
        let mut text = text;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&stub);
        contents.insert(path.clone(), text);
        plan.added.entry(path).or_default().push(id.to_string());
        for unit in parts {
            lock.record(&unit.key(), &unit.english);
        }
    }

    // A record of the English for translations that have none: what they
    // were translated from is not known, the English of today is assumed.
    for unit in units {
        let k = unit.key();
        if lock.get(&k).is_none() && locale.has_part(&unit.id, unit.attribute.as_deref()) {
            lock.record(&k, &unit.english);
            plan.recorded += 1;
        }
    }
    let known: std::collections::BTreeSet<String> = units.iter().map(Unit::key).collect();
    let stale_keys: Vec<String> = lock
        .keys()
        .filter(|k| !known.contains(*k))
        .map(str::to_string)
        .collect();
    for k in stale_keys {
        lock.forget(&k);
        plan.forgotten += 1;
    }

    // Obsolete messages: the locale has them, the English does not — but
    // for a page's own texts of a code it lists, which only a translation
    // may have (drift, kept until someone decides).
    let listings = super::listing_texts(catalog);
    for id in locale.entries.keys() {
        if id.starts_with('-') || by_message.contains_key(id.as_str()) || listings.contains(id) {
            continue;
        }
        if locales.builtin("en").is_some_and(|b| b.has(id)) {
            continue;
        }
        plan.obsolete.push(id.clone());
    }
    if prune {
        prune_obsolete(locale, &plan.obsolete, &mut contents);
    }

    for (path, text) in contents {
        let original = locale
            .files
            .iter()
            .find(|f| f.path() == path)
            .map(|f| f.text());
        if original != Some(text.as_str()) {
            plan.files.insert(path, text);
        }
    }
    Ok(plan)
}

/// Removes the obsolete messages (with their comments) from the texts.
fn prune_obsolete(locale: &Locale, obsolete: &[String], contents: &mut BTreeMap<PathBuf, String>) {
    for (index, file) in locale.files.iter().enumerate() {
        let mut ranges: Vec<std::ops::Range<usize>> = obsolete
            .iter()
            .filter_map(|id| locale.entries.get(id))
            .filter(|info| info.file == index)
            .map(|info| info.range.clone())
            .collect();
        if ranges.is_empty() {
            continue;
        }
        ranges.sort_by_key(|r| std::cmp::Reverse(r.start));
        // Stubs appended above go after the original text, so cutting in
        // the original part (from the end backwards) leaves them intact.
        let Some(text) = contents.get_mut(file.path()) else {
            continue;
        };
        for range in ranges {
            if range.end <= text.len()
                && text.is_char_boundary(range.start)
                && text.is_char_boundary(range.end)
            {
                text.replace_range(range, "");
            }
        }
    }
}

/// The units of a message id or a key (`code-1006` or `code-1006.description`).
pub fn select<'u>(units: &'u [Unit], wanted: &str) -> Vec<&'u Unit> {
    units
        .iter()
        .filter(|u| u.id == wanted || u.key() == wanted)
        .collect()
}
