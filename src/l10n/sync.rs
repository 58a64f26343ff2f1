//! `l10n sync`: a stub for every message a locale lacks, a record of the
//! English for every string, and (with `--prune`) no obsolete messages.
//!
//! Files are only appended to (stubs go at the end of the file named like
//! the English one), except that `--prune` cuts obsolete messages out with
//! their comment. Nothing else in a file moves or changes, so a translator's
//! work, its order and its comments survive, and a second run changes
//! nothing.
//!
//! Three rules keep a synced locale building:
//! - a stub that references a term or message the locale lacks brings a
//!   stub of it along (terms are translated once per locale, as in
//!   Mozilla's projects), so every stub formats;
//! - `--prune` keeps an obsolete message that anything kept references,
//!   directly or through other kept entries, and says which one;
//! - a table entry's English (any text from the catalog) is written as
//!   escaped Fluent ([`super::ftl::pattern`]), and every file is parsed
//!   back before it is written: it defines what it defined, the stubs, and
//!   nothing else.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::locales::{Locale, Locales, STUB_MARKER};
use crate::output::read_or_empty;

use super::lock::SourcesLock;
use super::{Unit, ftl, group_of};

/// What a sync did (or would do) to one locale.
#[derive(Debug, Default)]
pub(crate) struct SyncPlan {
    /// New file contents, by path relative to the project root.
    pub files: BTreeMap<PathBuf, String>,
    /// Ids given a stub (messages, and the terms they use), by file.
    pub added: BTreeMap<PathBuf, Vec<String>>,
    /// Obsolete message ids nothing kept references (removed with
    /// `--prune`).
    pub obsolete: Vec<String>,
    /// Obsolete messages that a kept message or term references, directly
    /// or through other kept ones: `--prune` keeps them.
    pub kept: Vec<Kept>,
    /// Strings whose English was recorded in the lock for the first time.
    pub recorded: usize,
    /// Lock entries dropped because the English no longer has the string.
    pub forgotten: usize,
    /// English entries that could not be copied as stubs.
    pub skipped: Vec<Skipped>,
}

/// An obsolete message kept because something kept references it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Kept {
    /// The obsolete message.
    pub id: String,
    /// The message or term that references it.
    pub by: String,
    /// Where that one is defined (`path:line:col`).
    pub at: String,
}

/// The comment line on a stub whose English references other messages or
/// terms: the fingerprint of the stub's Fluent source as written. Its text
/// changes when a referenced term is translated, its source does not: while
/// the source is unchanged, the stub is untranslated.
pub(crate) const SOURCE_MARKER: &str = "errdoc: source";

/// Where the id of an entry starts in `text` (after its comment), given the
/// entry's byte range.
pub(crate) fn offset_of_id(text: &str, id: &str, range: &std::ops::Range<usize>) -> Option<usize> {
    // A term's range starts at its name, after the `-`: from its line.
    let start = text.get(..range.start)?.rfind('\n').map_or(0, |i| i + 1);
    let region = text.get(start..range.end)?;
    let mut offset = start;
    for line in region.split_inclusive('\n') {
        if line
            .strip_prefix(id)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// The Fluent source of entry `id` of `locale` without its comment, and its
/// comment: from its id to the next entry, blank lines at the end left out.
pub(crate) fn entry_source<'l>(locale: &'l Locale, id: &str) -> Option<(&'l str, &'l str)> {
    let info = locale.entries.get(id)?;
    let text = locale.files.get(info.file)?.text();
    let id_start = offset_of_id(text, id, &info.range)?;
    let comment = text.get(info.range.start.min(id_start)..id_start)?;
    let body = text.get(id_start..info.range.end)?.trim_end();
    Some((body, comment))
}

/// The fingerprint of an entry's source, line endings made `\n`.
pub(crate) fn source_fingerprint(body: &str) -> String {
    super::lock::fingerprint(&body.replace("\r\n", "\n"))
}

/// The stub of English entry `id` (a message, or a term a stub uses): a
/// marker, the English as comments, and the English entry, copied as it is
/// (it parsed in the English file) as the text to replace. `None` if it
/// cannot be copied so that it parses back to exactly that entry.
fn entry_stub(source: &Locale, id: &str, units: &[&Unit], uses: bool) -> Option<String> {
    let (body, _) = entry_source(source, id)?;
    let mut stub = format!("# {STUB_MARKER}\n");
    if uses {
        stub.push_str(&format!("# {SOURCE_MARKER} {}\n", source_fingerprint(body)));
    }
    for unit in units {
        let label = match &unit.attribute {
            Some(a) => format!("{} .{a}", source.tag),
            None => source.tag.clone(),
        };
        stub.push_str(&ftl::comment(&label, &unit.english));
    }
    stub.push_str(body);
    stub.push('\n');
    (ftl::parse(&stub) == ftl::Parsed::one(id)).then_some(stub)
}

/// The stub of a table entry (its English is in the catalog, any text):
/// the text written so that it parses back to exactly itself.
fn table_stub(id: &str, english: &str, source_tag: &str) -> String {
    format!(
        "# {STUB_MARKER}\n{}{id} ={}\n",
        ftl::comment(source_tag, english),
        ftl::pattern(english)
    )
}

/// The entries each entry of `locale` references, by id (as the locale
/// read them).
fn references_of(locale: &Locale) -> BTreeMap<String, BTreeSet<String>> {
    locale
        .entries
        .iter()
        .map(|(id, info)| (id.clone(), info.referenced_entries()))
        .collect()
}

/// A problem that kept one stub from being written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Skipped {
    /// `path:line:col` of the English entry.
    pub at: String,
    /// The id.
    pub id: String,
}

/// Plans the sync of `locale`: reads its files under `root`, never writes.
///
/// Stubs go to the file named like the English one, each after the stubs
/// of the entries it references. A stub copied from English that
/// references a term (`{ -kit }`) or a message the locale lacks brings a
/// stub of that entry along, so the locale formats every stub: a term is
/// translated once, in the locale, as Mozilla's tools keep terms.
pub(crate) fn plan(
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
    let mut files = Files::of(root, locale);
    let english_refs = references_of(source);
    let own_refs = references_of(locale);

    // The strings of each message, in the English order.
    let mut by_message: BTreeMap<&str, Vec<&Unit>> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for unit in units {
        if !by_message.contains_key(unit.id.as_str()) {
            order.push(&unit.id);
        }
        by_message.entry(&unit.id).or_default().push(unit);
    }

    // What gets a stub, each entry after those it references: whole
    // missing messages, then what the stubs and the locale's own messages
    // reference that the locale lacks and the English has.
    let mut roots: Vec<&str> = order
        .iter()
        .copied()
        .filter(|id| !locale.has(id) && group_of(catalog, id) != super::OTHER_GROUP)
        .collect();
    roots.extend(own_refs.values().flatten().map(String::as_str));
    let stubs = stub_order(roots, locale, source, &by_message, &english_refs);

    for id in stubs {
        let parts = by_message.get(id).map(Vec::as_slice).unwrap_or_default();
        let (path, stub) = match stub_of(catalog, source, locale, id, parts, &english_refs) {
            Ok(found) => found,
            Err(skipped) => {
                plan.skipped.push(skipped);
                continue;
            }
        };
        files.append(&path, &stub)?;
        plan.added.entry(path).or_default().push(id.to_string());
        for unit in parts {
            lock.record(&unit.key(), &unit.english);
        }
    }

    record_english(units, locale, lock, &mut plan);

    let obsolete = obsolete(catalog, locales, locale, &by_message);
    plan.kept = referenced(locale, &own_refs, &obsolete);
    let kept: BTreeSet<&str> = plan.kept.iter().map(|k| k.id.as_str()).collect();
    plan.obsolete = obsolete
        .iter()
        .filter(|id| !kept.contains(*id))
        .map(|id| (*id).to_string())
        .collect();
    if prune {
        prune_obsolete(locale, &plan.obsolete, &mut files.contents);
    }
    files.into_plan(&mut plan, prune)?;
    Ok(plan)
}

/// The entries that get a stub, from `roots`, each after the entries it
/// references (the English's references): those the locale lacks and the
/// English has, or table entries (whose English is the catalog's).
fn stub_order<'a>(
    roots: Vec<&'a str>,
    locale: &Locale,
    source: &Locale,
    by_message: &BTreeMap<&str, Vec<&Unit>>,
    english_refs: &'a BTreeMap<String, BTreeSet<String>>,
) -> Vec<&'a str> {
    let mut planned: BTreeSet<&str> = BTreeSet::new();
    let mut stubs: Vec<&str> = Vec::new();
    for root_id in roots {
        // Depth first, an entry after what it references; no recursion, so
        // a long chain of references cannot exhaust the stack.
        let mut stack: Vec<(&str, bool)> = vec![(root_id, false)];
        while let Some((id, done)) = stack.pop() {
            if done {
                stubs.push(id);
                continue;
            }
            let is_table_entry = !source.has(id) && by_message.contains_key(id);
            if planned.contains(id) || locale.has(id) || !(source.has(id) || is_table_entry) {
                continue;
            }
            planned.insert(id);
            stack.push((id, true));
            if let Some(refs) = english_refs.get(id) {
                stack.extend(refs.iter().rev().map(|r| (r.as_str(), false)));
            }
        }
    }
    stubs
}

/// The stub of entry `id` (its strings `parts`) and the file of `locale`
/// it goes in: named like the English one, or `<group>.ftl` for a table
/// entry. The English entry's place where it cannot be copied.
fn stub_of(
    catalog: &Catalog,
    source: &Locale,
    locale: &Locale,
    id: &str,
    parts: &[&Unit],
    english_refs: &BTreeMap<String, BTreeSet<String>>,
) -> Result<(PathBuf, String), Skipped> {
    let path = super::translation_file(source, locale, id, || group_of(catalog, id));
    match source.locate(id) {
        Some((file, span)) => {
            // A message's text changes when what it references is
            // translated; its source is what tells a stub.
            let uses = !id.starts_with('-') && english_refs.get(id).is_some_and(|r| !r.is_empty());
            let Some(stub) = entry_stub(source, id, parts, uses) else {
                return Err(Skipped {
                    at: format!(
                        "{}:{}:{}",
                        file.path().display(),
                        span.start.line,
                        span.start.column
                    ),
                    id: id.to_string(),
                });
            };
            Ok((path, stub))
        }
        None => {
            let english = parts.first().map_or("", |u| u.english.as_str());
            Ok((path, table_stub(id, english, &source.tag)))
        }
    }
}

/// Records the English of today for the translations the lock has none
/// for (what they were translated from is not known), and forgets the
/// strings the English no longer has.
fn record_english(units: &[Unit], locale: &Locale, lock: &mut SourcesLock, plan: &mut SyncPlan) {
    for unit in units {
        let k = unit.key();
        if lock.get(&k).is_none() && locale.has_part(&unit.id, unit.attribute.as_deref()) {
            lock.record(&k, &unit.english);
            plan.recorded += 1;
        }
    }
    let known: BTreeSet<String> = units.iter().map(Unit::key).collect();
    let stale_keys: Vec<String> = lock
        .keys()
        .filter(|k| !known.contains(*k))
        .map(str::to_string)
        .collect();
    for k in stale_keys {
        lock.forget(&k);
        plan.forgotten += 1;
    }
}

/// Obsolete messages: the locale has them, the English does not — but for
/// a page's own texts of a code it lists, which only a translation may
/// have (drift, kept until someone decides). Terms are the locale's own (a
/// translation may need terms English does not) and never obsolete.
fn obsolete<'l>(
    catalog: &Catalog,
    locales: &Locales,
    locale: &'l Locale,
    by_message: &BTreeMap<&str, Vec<&Unit>>,
) -> BTreeSet<&'l str> {
    let listings = super::listing_texts(catalog);
    locale
        .entries
        .keys()
        .filter(|id| {
            !id.starts_with('-')
                && !by_message.contains_key(id.as_str())
                && !listings.contains(*id)
                && !locales.builtin_source().is_some_and(|b| b.has(id))
        })
        .map(String::as_str)
        .collect()
}

/// The texts of a locale's files: as the sync leaves them, and as they
/// were.
struct Files<'r> {
    root: &'r Path,
    /// By path relative to the project root.
    contents: BTreeMap<PathBuf, String>,
    originals: BTreeMap<PathBuf, String>,
}

impl<'r> Files<'r> {
    /// The files `locale` loaded from under `root`.
    fn of(root: &'r Path, locale: &Locale) -> Self {
        let mut contents: BTreeMap<PathBuf, String> = BTreeMap::new();
        for file in &locale.files {
            contents.insert(file.path().to_path_buf(), file.text().to_string());
        }
        let originals = contents.clone();
        Files {
            root,
            contents,
            originals,
        }
    }

    /// Appends `stub` to the file at `path`, after a blank line.
    fn append(&mut self, path: &Path, stub: &str) -> anyhow::Result<()> {
        let mut text = match self.contents.get(path) {
            Some(text) => text.clone(),
            None => {
                // A file the locale did not load (there was none, or it was
                // skipped and said why): what is on disk is the start.
                let text = read_or_empty(self.root, path)?;
                self.originals.insert(path.to_path_buf(), text.clone());
                text
            }
        };
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(stub);
        self.contents.insert(path.to_path_buf(), text);
        Ok(())
    }

    /// Puts each file whose text changed in the plan, once it is checked
    /// to read back as planned.
    fn into_plan(self, plan: &mut SyncPlan, prune: bool) -> anyhow::Result<()> {
        for (path, text) in self.contents {
            let original = self.originals.get(&path).map(String::as_str);
            if original != Some(text.as_str()) {
                verify(
                    &path,
                    original,
                    &text,
                    plan.added.get(&path),
                    prune.then_some(&plan.obsolete),
                )?;
                plan.files.insert(path, text);
            }
        }
        Ok(())
    }
}

/// The obsolete messages that something kept references: every entry of
/// the locale that is not obsolete is kept, and so is, transitively, what a
/// kept entry references. Each with the first kept entry found that
/// references it, in breadth-first order (the shortest chain).
fn referenced(
    locale: &Locale,
    refs: &BTreeMap<String, BTreeSet<String>>,
    obsolete: &BTreeSet<&str>,
) -> Vec<Kept> {
    let mut kept = Vec::new();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    // Kept entries in file order, so the reasons name the first user.
    let mut roots: Vec<(&String, &crate::locales::EntryInfo)> = locale
        .entries
        .iter()
        .filter(|(id, _)| !obsolete.contains(id.as_str()))
        .collect();
    roots.sort_by_key(|(_, info)| (info.file, info.range.start));
    let mut queue: std::collections::VecDeque<&str> =
        roots.iter().map(|(id, _)| id.as_str()).collect();
    while let Some(by) = queue.pop_front() {
        for r in refs.get(by).into_iter().flatten() {
            let r = r.as_str();
            if !obsolete.contains(r) || !seen.insert(r) {
                continue;
            }
            let at = locale
                .locate(by)
                .map(|(file, span)| {
                    // A term's span is its name; the entry starts at its `-`.
                    let column = span.start.column - u32::from(by.starts_with('-'));
                    format!("{}:{}:{column}", file.path().display(), span.start.line)
                })
                .unwrap_or_default();
            kept.push(Kept {
                id: r.to_string(),
                by: by.to_string(),
                at,
            });
            queue.push_back(r);
        }
    }
    kept
}

/// Checks a file about to be written: it parses to the entries it had,
/// the stubs added and without the messages pruned, with no new junk. A
/// stub that would define anything else stops the sync before anything is
/// written.
fn verify(
    path: &Path,
    original: Option<&str>,
    text: &str,
    added: Option<&Vec<String>>,
    pruned: Option<&Vec<String>>,
) -> anyhow::Result<()> {
    let before = ftl::parse(original.unwrap_or(""));
    let after = ftl::parse(text);
    let gone: BTreeSet<&str> = pruned.into_iter().flatten().map(String::as_str).collect();
    let mut expected: Vec<&str> = before
        .ids
        .iter()
        .map(String::as_str)
        .filter(|id| !gone.contains(id))
        .chain(added.into_iter().flatten().map(String::as_str))
        .collect();
    let mut found: Vec<&str> = after.ids.iter().map(String::as_str).collect();
    expected.sort_unstable();
    found.sort_unstable();
    if found != expected || after.junk > before.junk {
        anyhow::bail!(
            "{}: the stubs errdoc wrote would not read back as written (a bug in errdoc); nothing was written — please report it with the English of the new messages",
            path.display()
        );
    }
    Ok(())
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
pub(crate) fn select<'u>(units: &'u [Unit], wanted: &str) -> Vec<&'u Unit> {
    units
        .iter()
        .filter(|u| u.id == wanted || u.key() == wanted)
        .collect()
}
