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
    // Edits per file index: (range, text); new messages per file path.
    let mut edits: BTreeMap<usize, Vec<(std::ops::Range<usize>, String)>> = BTreeMap::new();
    let mut added = NewMessages::new();
    let mut translated: BTreeSet<&str> = BTreeSet::new();
    // The line each key was first read on: a key given twice (two exports
    // joined) is written once.
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    for r in returned.iter().filter(|r| r.done) {
        let admitted = by_key
            .get(r.key.as_str())
            .ok_or_else(|| "is no English string of this project".to_string())
            .and_then(|&(unit, entry)| {
                admit(source, unit, entry, r, &mut first)?;
                Ok((unit, entry))
            });
        let (unit, entry) = match admitted {
            Ok(found) => found,
            Err(why) => {
                applied
                    .skipped
                    .push(format!("line {}: `{}` {why}", r.line, r.key));
                continue;
            }
        };
        let attribute = unit.attribute.as_deref();
        let changed = match pattern(locale, &unit.id, attribute) {
            Some(p) if locale.has_part(&unit.id, attribute) => {
                let changed = p.text != r.target;
                if changed {
                    let text = in_place(locale, &p, &r.target);
                    edits.entry(p.file).or_default().push((p.range, text));
                }
                changed
            }
            _ => match locale.entries.get(&unit.id) {
                Some(info) if attribute.is_some() => {
                    let (at, line) = new_attribute(locale, info, attribute, &r.target);
                    edits.entry(info.file).or_default().push((at..at, line));
                    true
                }
                Some(_) => {
                    applied.skipped.push(format!(
                        "line {}: `{}` is a title the translation's message lacks: add it by hand",
                        r.line, r.key
                    ));
                    continue;
                }
                None => {
                    let path = crate::l10n::translation_file(source, locale, &unit.id, || {
                        unit.group.clone()
                    });
                    let parts = added.entry(path).or_default();
                    let message = parts.entry(unit.id.clone()).or_default();
                    message.push((unit.attribute.clone(), r.target.clone()));
                    true
                }
            },
        };
        translated.insert(r.key.as_str());
        if changed {
            applied.written += 1;
        }
        applied.current += usize::from(mark_current(lock, unit, entry, r, changed));
    }
    unstub(source, locale, &translated, &mut edits);
    let new_ids: BTreeMap<PathBuf, Vec<String>> = added
        .iter()
        .map(|(path, messages)| (path.clone(), messages.keys().cloned().collect()))
        .collect();
    write_edits(locale, edits, &mut applied);
    append_new(locale, added, &mut applied);
    keep_whole(locale, &new_ids, &mut applied);
    applied
}

/// Where attribute `attribute` of message `info` goes (after its last
/// line), and its line.
fn new_attribute(
    locale: &Locale,
    info: &crate::locales::EntryInfo,
    attribute: Option<&str>,
    target: &str,
) -> (usize, String) {
    let file = locale.files[info.file].text();
    // Only blanks go: a trailing U+3000 or tab is text.
    let end = file[..info.range.end]
        .trim_end_matches(['\n', '\r', ' '])
        .len();
    let line = format!(
        "\n    .{} = {}",
        attribute.unwrap_or_default(),
        written(target)
    );
    (end, line)
}

/// Whether `r`, the translation of `unit` (today's `entry`), may be
/// written; why not. `first` keeps the line each key was first read on.
fn admit<'r>(
    source: &Locale,
    unit: &Unit,
    entry: &Entry,
    r: &'r Returned,
    first: &mut BTreeMap<&'r str, usize>,
) -> Result<(), String> {
    if let Some(&line) = first.get(r.key.as_str()) {
        return Err(format!(
            "is in the file already, on line {line}, which was used"
        ));
    }
    first.insert(r.key.as_str(), r.line);
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
fn keep_whole(locale: &Locale, new_ids: &BTreeMap<PathBuf, Vec<String>>, applied: &mut Applied) {
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
            applied.skipped.push(format!(
                "{}: the translations would not read back as the file's messages: nothing was written to it — report this as a bug of errdoc",
                path.display()
            ));
        }
        whole
    });
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
fn mark_current(
    lock: &mut SourcesLock,
    unit: &Unit,
    entry: &Entry,
    r: &Returned,
    changed: bool,
) -> bool {
    let current = lock
        .get(&r.key)
        .is_some_and(|s| s.fingerprint == fingerprint(&unit.english));
    if r.source == entry.source && (changed || entry.need == Need::Review) && !current {
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
) {
    for (index, mut list) in edits {
        let file = &locale.files[index];
        let old = file.text();
        // One pass in file order (replacing from the end moved the rest of
        // the file once per edit); an edit that overlaps the one before
        // is dropped rather than let it cut into it.
        list.sort_by_key(|(r, _)| (r.start, r.end));
        let mut text = String::with_capacity(old.len());
        let mut at = 0;
        for (range, with) in list {
            if range.start < at || range.end > old.len() {
                continue;
            }
            text.push_str(&old[at..range.start]);
            text.push_str(&with);
            at = range.end;
        }
        text.push_str(&old[at..]);
        applied.files.insert(file.path().to_path_buf(), text);
    }
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
        .and_then(|e| e.variables.get(&unit.attribute))
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
            let goes_on = in_english && raw.starts_with("   ");
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
