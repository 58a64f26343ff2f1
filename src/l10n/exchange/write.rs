//! Translations back from a platform into the `.ftl` files: each written in
//! place (or added to the message, or to the file its English is in),
//! comments kept; what does not fit is reported and skipped.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::{Entry, Need, pattern, written};
use crate::l10n::Unit;
use crate::l10n::lock::SourcesLock;
use crate::l10n::lock::fingerprint;
use crate::locales::{Locale, STUB_MARKER, pattern_variables};

/// A translation a platform returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Returned {
    /// `id` or `id.attribute`.
    pub key: String,
    /// The English it was translated from.
    pub source: String,
    /// The translation, a Fluent pattern.
    pub target: String,
    /// Whether the platform counts it done (not fuzzy, not `initial`).
    pub done: bool,
    /// Where it is in the file read (line), for reports.
    pub line: usize,
}

/// What [`apply`] changed, and what it skipped and why.
#[derive(Debug, Default)]
pub(crate) struct Applied {
    /// The new text of each `.ftl` file it changed.
    pub files: BTreeMap<PathBuf, String>,
    /// How many translations it wrote.
    pub written: usize,
    /// How many strings it marked current in the lock.
    pub current: usize,
    /// How many translations it placed, changed or not.
    pub placed: usize,
    /// What it skipped: one line each.
    pub skipped: Vec<String>,
}

/// Writes the `returned` translations into `locale`'s files. A string
/// whose returned source is today's English (`today`, as exported) is
/// recorded in `lock` as translated from it.
pub(crate) fn apply(
    units: &[Unit],
    today: &[Entry],
    source: &Locale,
    locale: &Locale,
    lock: &mut SourcesLock,
    returned: &[Returned],
) -> Applied {
    let mut applied = Applied::default();
    let by_key: BTreeMap<&str, (&Unit, &Entry)> = units
        .iter()
        .zip(today)
        .map(|(u, e)| (e.key.as_str(), (u, e)))
        .collect();
    let mut plan = Plan::default();
    // The line each key was first read on: a key given twice (two exports
    // joined) is written once.
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    let mut done: Vec<Placed<'_>> = Vec::new();
    for r in returned.iter().filter(|r| r.done) {
        let placed = by_key
            .get(r.key.as_str())
            .ok_or_else(|| "is no English string of this project".to_string())
            .and_then(|&(unit, entry)| {
                admit(source, unit, entry, r, &first)?;
                let (path, changed) = plan.place(source, locale, unit, r)?;
                Ok(Placed {
                    path,
                    changed,
                    unit,
                    entry,
                    r,
                })
            });
        match placed {
            Ok(placed) => {
                first.insert(r.key.as_str(), r.line);
                plan.translated.insert(r.key.as_str());
                done.push(placed);
            }
            Err(why) => applied
                .skipped
                .push(format!("line {}: `{}` {why}", r.line, r.key)),
        }
    }
    unstub(source, locale, &plan.translated, &mut plan.edits);
    let new_ids: BTreeMap<PathBuf, Vec<String>> = plan
        .added
        .iter()
        .map(|(path, messages)| (path.clone(), messages.keys().cloned().collect()))
        .collect();
    let mut refused = write_edits(locale, plan.edits, &mut applied);
    append_new(locale, plan.added, &mut applied);
    refused.extend(keep_whole(locale, &new_ids, &mut applied));
    applied.files.retain(|path, _| !refused.contains(path));
    // What a refused file would have held is neither written nor current.
    for placed in done.iter().filter(|p| !refused.contains(&p.path)) {
        applied.placed += 1;
        applied.written += usize::from(placed.changed);
        applied.current += usize::from(mark_current(lock, placed));
    }
    applied
}

/// A translation placed in a file.
struct Placed<'a> {
    path: PathBuf,
    changed: bool,
    unit: &'a Unit,
    entry: &'a Entry,
    r: &'a Returned,
}

/// The changes an import makes.
#[derive(Default)]
struct Plan<'a> {
    /// Edits per file index: (range, text).
    edits: BTreeMap<usize, Vec<(std::ops::Range<usize>, String)>>,
    /// New messages per file path.
    added: NewMessages,
    /// The keys translated.
    translated: BTreeSet<&'a str>,
}

impl Plan<'_> {
    /// Places translation `r` of `unit`: the file it goes to, and whether
    /// it changes it; why not, if it cannot be placed.
    fn place(
        &mut self,
        source: &Locale,
        locale: &Locale,
        unit: &Unit,
        r: &Returned,
    ) -> Result<(PathBuf, bool), String> {
        let attribute = unit.attribute.as_deref();
        let path_of = |index: usize| locale.files[index].path().to_path_buf();
        if let Some(p) = pattern(locale, &unit.id, attribute)
            && locale.has_part(&unit.id, attribute)
        {
            let changed = p.text != r.target;
            if changed {
                let text = in_place(locale, &p, &r.target);
                self.edits.entry(p.file).or_default().push((p.range, text));
            }
            return Ok((path_of(p.file), changed));
        }
        match locale.entries.get(&unit.id) {
            Some(info) if attribute.is_some() => {
                let (at, line) = new_attribute(locale, &unit.id, info, attribute, &r.target);
                self.edits
                    .entry(info.file)
                    .or_default()
                    .push((at..at, line));
                Ok((path_of(info.file), true))
            }
            Some(_) => {
                Err("is a title the translation's message lacks: add it by hand".to_string())
            }
            None => {
                let path =
                    crate::l10n::translation_file(source, locale, &unit.id, || unit.group.clone());
                let parts = self.added.entry(path.clone()).or_default();
                let message = parts.entry(unit.id.clone()).or_default();
                message.push((unit.attribute.clone(), r.target.clone()));
                Ok((path, true))
            }
        }
    }
}

/// Where attribute `attribute` of message `id` goes (after the end of
/// its last part, as [`pattern`] reads it), and its line.
fn new_attribute(
    locale: &Locale,
    id: &str,
    info: &crate::locales::EntryInfo,
    attribute: Option<&str>,
    target: &str,
) -> (usize, String) {
    let file = locale.files[info.file].text();
    // After the last part's text, at the end of its line (blanks that end
    // it stay where they are).
    let parts = std::iter::once(None).chain(info.attributes.iter().map(|(a, _)| Some(a.as_str())));
    let last = parts
        .filter_map(|part| pattern(locale, id, part))
        .map(|p| p.range.end)
        .max()
        .unwrap_or(info.range.start);
    let line_end = file[last..].find('\n').map_or(file.len(), |i| last + i);
    let end = last + file[last..line_end].trim_end_matches('\r').len();
    let line = format!(
        "\n    .{} = {}",
        attribute.unwrap_or_default(),
        written(target)
    );
    (end, line)
}

/// Whether `r`, the translation of `unit` (today's `entry`), may be
/// written; why not. `first` holds the line each key was placed from.
fn admit(
    source: &Locale,
    unit: &Unit,
    entry: &Entry,
    r: &Returned,
    first: &BTreeMap<&str, usize>,
) -> Result<(), String> {
    if let Some(&line) = first.get(r.key.as_str()) {
        return Err(format!(
            "is in the file already, on line {line}, which was used"
        ));
    }
    // A translation of an English that changed since the export would
    // read as current: the platform has to see today's English first.
    if !same_text(&r.source, &entry.source) {
        return Err("was translated from an English that changed since the export: export again and translate today's English".to_string());
    }
    fits(source, unit, &r.target)
}

/// Whether two exchange texts say the same, blanks at line ends and line
/// endings aside (platforms normalise them).
fn same_text(a: &str, b: &str) -> bool {
    let lines = |t: &str| {
        t.trim()
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect::<Vec<_>>()
    };
    lines(a) == lines(b)
}

/// Drops from `applied` any file its edits would break: it must define
/// what it defined and the messages added, with no more junk. A safety
/// net: each translation was parsed alone, but a file is what is written.
fn keep_whole(
    locale: &Locale,
    new_ids: &BTreeMap<PathBuf, Vec<String>>,
    applied: &mut Applied,
) -> BTreeSet<PathBuf> {
    let mut refused = BTreeSet::new();
    applied.files.retain(|path, text| {
        let before = locale
            .files
            .iter()
            .find(|f| f.path() == path)
            .map(|f| crate::l10n::ftl::parse(f.text()))
            .unwrap_or_default();
        let after = crate::l10n::ftl::parse(text);
        let mut expected: BTreeSet<&String> = before.ids.iter().collect();
        expected.extend(new_ids.get(path).into_iter().flatten());
        let whole =
            after.junk <= before.junk && after.ids.iter().collect::<BTreeSet<_>>() == expected;
        if !whole {
            refuse(path, &mut applied.skipped);
            refused.insert(path.clone());
        }
        whole
    });
    refused
}

/// Says that nothing was written to `path`.
fn refuse(path: &std::path::Path, skipped: &mut Vec<String>) {
    skipped.push(format!(
        "{}: the translations would not read back as the file's messages: nothing was written to it — report this as a bug of errdoc",
        path.display()
    ));
}

/// `target` as it replaces pattern `p` in its file.
fn in_place(locale: &Locale, p: &super::Pattern, target: &str) -> String {
    let before = locale.files[p.file].text()[..p.range.start].ends_with('=');
    let text = written(target);
    if before && !text.starts_with('\n') {
        format!(" {text}")
    } else {
        text
    }
}

/// Records in `lock` that `r`, translated from today's English, is
/// current, whatever the lock said (a platform never updates it); whether
/// that changed the lock.
fn mark_current(lock: &mut SourcesLock, placed: &Placed<'_>) -> bool {
    let Placed {
        unit,
        entry,
        r,
        changed,
        ..
    } = placed;
    let current = lock
        .get(&r.key)
        .is_some_and(|s| s.fingerprint == fingerprint(&unit.english));
    if same_text(&r.source, &entry.source) && (*changed || entry.need == Need::Review) && !current {
        lock.record(&r.key, &unit.english);
        return true;
    }
    false
}

/// New messages, by the file they go to: their parts (`None` the value).
type NewMessages = BTreeMap<PathBuf, BTreeMap<String, Vec<(Option<String>, String)>>>;

/// The files of `locale` with `edits` (byte range, new text) made.
fn write_edits(
    locale: &Locale,
    edits: BTreeMap<usize, Vec<(std::ops::Range<usize>, String)>>,
    applied: &mut Applied,
) -> BTreeSet<PathBuf> {
    let mut refused = BTreeSet::new();
    for (index, mut list) in edits {
        let file = &locale.files[index];
        let old = file.text();
        // One pass in file order (replacing from the end moved the rest of
        // the file once per edit). Edits that overlap would cut into each
        // other: the file is left as it is.
        list.sort_by_key(|(r, _)| (r.start, r.end));
        let mut text = String::with_capacity(old.len());
        let mut at = 0;
        let mut whole = true;
        for (range, with) in list {
            if range.start < at || range.end > old.len() {
                whole = false;
                break;
            }
            text.push_str(&old[at..range.start]);
            text.push_str(&with);
            at = range.end;
        }
        if !whole {
            refuse(file.path(), &mut applied.skipped);
            refused.insert(file.path().to_path_buf());
            continue;
        }
        text.push_str(&old[at..]);
        applied.files.insert(file.path().to_path_buf(), text);
    }
    refused
}

/// Messages the translation lacked, added at the end of their files.
fn append_new(locale: &Locale, added: NewMessages, applied: &mut Applied) {
    for (path, messages) in added {
        let mut text = applied.files.get(&path).cloned().unwrap_or_else(|| {
            locale
                .files
                .iter()
                .find(|f| f.path() == path)
                .map(|f| f.text().to_string())
                .unwrap_or_default()
        });
        for (id, parts) in messages {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            if !text.is_empty() {
                text.push('\n');
            }
            let value = parts.iter().find(|(a, _)| a.is_none());
            text.push_str(&format!(
                "{id} ={}\n",
                value.map_or_else(String::new, |(_, v)| format!(" {}", written(v)))
            ));
            for (a, v) in parts.iter().filter_map(|(a, v)| a.as_ref().map(|a| (a, v))) {
                text.push_str(&format!("    .{a} = {}\n", written(v)));
            }
        }
        applied.files.insert(path, text);
    }
}

/// Whether `target` may stand for `unit`: it parses as one pattern and
/// uses the English's variables.
fn fits(source: &Locale, unit: &Unit, target: &str) -> Result<(), String> {
    if target.trim().is_empty() {
        return Err("is empty".to_string());
    }
    let Some(mine) = pattern_variables(&written(target)) else {
        return Err("does not parse as Fluent: fix it on the platform".to_string());
    };
    let english = source
        .entries
        .get(&unit.id)
        .and_then(|e| e.parts.variables(unit.attribute.as_deref()))
        .cloned()
        .unwrap_or_default();
    if mine != english {
        let list = |s: &BTreeSet<String>| {
            s.iter()
                .map(|v| format!("${v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        return Err(format!(
            "uses the variables [{}] but the English uses [{}]",
            list(&mine),
            list(&english)
        ));
    }
    Ok(())
}

/// Removes the stub comment lines of each stub entry all of whose strings
/// were `translated`.
fn unstub(
    source: &Locale,
    locale: &Locale,
    translated: &BTreeSet<&str>,
    edits: &mut BTreeMap<usize, Vec<(std::ops::Range<usize>, String)>>,
) {
    // The English lines `l10n sync` wrote: `# en: …` or `# en .attr: …`,
    // and the `#   …` lines that go on with one.
    let label = format!("{}:", source.tag);
    let attribute_label = format!("{} .", source.tag);
    for (id, info) in &locale.entries {
        if !info.stub
            || !info
                .strings()
                .all(|a| translated.contains(crate::l10n::key(id, a).as_str()))
        {
            continue;
        }
        let text = locale.files[info.file].text();
        let mut at = info.range.start;
        let mut in_english = false;
        for line in text[info.range.clone()].split_inclusive('\n') {
            let body = line.trim_end();
            let Some(raw) = body.strip_prefix('#') else {
                break;
            };
            let comment = raw.trim();
            // `#   …` goes on with the English; a bare `#` is an empty
            // line of it.
            let goes_on = in_english && (raw.starts_with("   ") || raw.is_empty());
            in_english =
                goes_on || comment.starts_with(&label) || comment.starts_with(&attribute_label);
            if in_english
                || comment == STUB_MARKER
                || comment.starts_with(crate::l10n::sync::SOURCE_MARKER)
            {
                edits
                    .entry(info.file)
                    .or_default()
                    .push((at..at + line.len(), String::new()));
            }
            at += line.len();
        }
    }
}
