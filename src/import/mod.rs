//! `errdoc import`: bring hand-written error-code pages into a project.
//!
//! Each page becomes a module (or adds to one): its metadata block and
//! codes go into `catalog/codes.yaml`, its texts into
//! `locales/<locale>/<module>.ftl`. Importing the English and then the
//! Chinese page of a module merges them by code number; an Error Message
//! that differs between the two is reported as a conflict, never resolved
//! silently. Everything that does not map is listed with its line. After
//! writing, the module's page is built again and compared with the page
//! imported, section by section.

pub mod parse;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::catalog::draft::{Draft, DraftCode, DraftModule, METADATA_FIELDS};
use crate::catalog::{CATALOG_PATH, CodeNumber};
use crate::locales::{LOCALES_DIR, entry_ranges};
use crate::output::{self, read_or_empty};
use parse::{Page, Section, normalized};

/// What one file's import did.
#[derive(Debug, Default)]
pub struct FileReport {
    /// The file.
    pub path: PathBuf,
    /// Its module.
    pub module: String,
    /// Codes added to the catalog.
    pub added: Vec<CodeNumber>,
    /// Codes already there (merged).
    pub merged: Vec<CodeNumber>,
    /// Problems to resolve by hand: (line, text).
    pub conflicts: Vec<(usize, String)>,
    /// Pieces not imported: (line, what).
    pub unmapped: Vec<(usize, String)>,
    /// Codes met twice in the page: (code, line).
    pub duplicates: Vec<(CodeNumber, usize)>,
    /// Codes given an English placeholder title.
    pub placeholders: Vec<CodeNumber>,
    /// Files written.
    pub written: Vec<PathBuf>,
    /// The codes imported, as read, for the round-trip check.
    pub sections: Vec<Section>,
}

/// `errorcode-bluetooth.zh-CN` → (`errorcode-bluetooth`, `bluetooth`).
pub fn names_of(path: &Path, locale: &str) -> (String, String) {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let page = stem
        .strip_suffix(&format!(".{locale}"))
        .unwrap_or(&stem)
        .to_string();
    let page: String = page
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let id = page
        .strip_prefix("errorcode-")
        .unwrap_or(&page)
        .to_ascii_lowercase();
    let mut id: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    while id.contains("--") {
        id = id.replace("--", "-");
    }
    let id = id.trim_matches('-').to_string();
    let id = if id.starts_with(|c: char| c.is_ascii_lowercase()) {
        id
    } else {
        format!("m-{id}")
    };
    (page, id)
}

/// A constant name from an English title, or `<MODULE>_<code>`.
fn constant_name(
    module: &str,
    code: CodeNumber,
    title: &str,
    english: bool,
    taken: &dyn Fn(&str) -> bool,
) -> String {
    let prefix = module.to_ascii_uppercase().replace('-', "_");
    if english {
        let words: Vec<String> = title
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_uppercase)
            .collect();
        if !words.is_empty() && words.len() <= 8 {
            let name = format!("{prefix}_{}", words.join("_"));
            if !taken(&name) {
                return name;
            }
        }
    }
    format!("{prefix}_{code}")
}

/// The thousand-block a code belongs to: `2302004` → 2302000–2302999.
fn block_of(code: CodeNumber) -> (CodeNumber, CodeNumber) {
    let from = code / 1000 * 1000;
    (from, from.saturating_add(999))
}

/// Fluent text for a value or attribute (`{`, `}` and line starts escaped),
/// after `id =` or `.name =` at `indent`.
fn fluent_value(text: &str, indent: usize) -> String {
    let escape_line = |line: &str| {
        let mut out = String::new();
        for (i, c) in line.chars().enumerate() {
            match c {
                '{' => out.push_str("{\"{\"}"),
                '}' => out.push_str("{\"}\"}"),
                '[' | '*' | '.' if i == 0 => out.push_str(&format!("{{\"{c}\"}}")),
                c => out.push(c),
            }
        }
        out
    };
    let lines: Vec<&str> = text.trim().lines().collect();
    if lines.len() == 1 {
        let line = lines[0];
        // A value may not start with a blank; `[`, `*`, `.` only matter on
        // continuation lines.
        let mut out = String::new();
        for c in line.chars() {
            match c {
                '{' => out.push_str("{\"{\"}"),
                '}' => out.push_str("{\"}\"}"),
                c => out.push(c),
            }
        }
        return format!(" {out}");
    }
    let pad = " ".repeat(indent + 4);
    let mut out = String::new();
    for line in lines {
        out.push('\n');
        if !line.trim().is_empty() {
            out.push_str(&pad);
            out.push_str(&escape_line(line));
        }
    }
    out
}

/// The Fluent message of a section.
fn code_message(section: &Section) -> String {
    let mut out = format!(
        "code-{} ={}\n",
        section.code,
        fluent_value(&section.title, 0)
    );
    if let Some(d) = &section.description {
        let _ = writeln!(out, "    .description ={}", fluent_value(d, 4));
    }
    for (i, c) in section.causes.iter().enumerate() {
        let _ = writeln!(out, "    .cause-{} ={}", i + 1, fluent_value(c, 4));
    }
    for (i, s) in section.solutions.iter().enumerate() {
        let _ = writeln!(out, "    .solution-{} ={}", i + 1, fluent_value(s, 4));
    }
    out
}

/// `text` with the messages of `messages` replaced in place or appended.
fn merge_fluent(text: &str, messages: &[(String, String)]) -> String {
    let ranges = entry_ranges(text);
    let mut replaced: BTreeMap<&str, &str> = BTreeMap::new();
    for (id, message) in messages {
        replaced.insert(id, message);
    }
    let mut out = String::new();
    let mut last = 0;
    let mut done = std::collections::BTreeSet::new();
    for (id, range) in &ranges {
        let Some(message) = replaced.get(id.as_str()) else {
            continue;
        };
        // Keep the entry's comment: replace from its id on.
        let region = text.get(range.clone()).unwrap_or("");
        let id_at = region
            .match_indices(id.as_str())
            .map(|(i, _)| i)
            .find(|i| *i == 0 || region.as_bytes().get(i - 1) == Some(&b'\n'))
            .unwrap_or(0);
        out.push_str(text.get(last..range.start + id_at).unwrap_or(""));
        out.push_str(message);
        let trailing = region.len() - region.trim_end().len();
        let blank = region.get(region.len() - trailing..).unwrap_or("");
        out.push_str(&blank.replacen('\n', "", 1));
        last = range.end;
        done.insert(id.as_str());
    }
    out.push_str(text.get(last..).unwrap_or(""));
    for (id, message) in messages {
        if done.contains(id.as_str()) {
            continue;
        }
        if !out.is_empty() && !out.ends_with("\n\n") {
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push('\n');
        }
        out.push_str(message);
    }
    out
}

fn write_if_changed(
    root: &Path,
    rel: &Path,
    text: &str,
    report: &mut FileReport,
) -> anyhow::Result<()> {
    if output::write_if_changed(&root.join(rel), text)? {
        report.written.push(rel.to_path_buf());
    }
    Ok(())
}

/// Imports one page in `locale` into the project at `root`.
pub fn import_file(
    root: &Path,
    path: &Path,
    locale: &str,
    source_locale: &str,
    module_override: Option<&str>,
) -> anyhow::Result<FileReport> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .replace("\r\n", "\n");
    let page: Page = parse::page(&text);
    let (page_name, derived_id) = names_of(path, locale);
    let module_id = module_override.map_or(derived_id, str::to_string);
    let mut report = FileReport {
        path: path.to_path_buf(),
        module: module_id.clone(),
        unmapped: page.unmapped.clone(),
        duplicates: page.duplicates.clone(),
        sections: page.sections.clone(),
        ..FileReport::default()
    };

    // The catalog.
    let catalog_path = root.join(CATALOG_PATH);
    let catalog_text = read_or_empty(&catalog_path)?;
    let mut draft = if catalog_text.trim().is_empty() {
        Draft::default()
    } else {
        Draft::parse(&catalog_text)
            .map_err(|e| anyhow::anyhow!("{CATALOG_PATH} does not parse: {e}"))?
    };
    let other_modules: BTreeMap<CodeNumber, String> = draft
        .modules
        .iter()
        .filter(|m| m.id != module_id)
        .flat_map(|m| m.codes.iter().map(move |c| (c.code, m.id.clone())))
        .collect();
    let all_names: std::collections::BTreeSet<String> = draft
        .modules
        .iter()
        .flat_map(|m| m.codes.iter().map(|c| c.name.clone()))
        .collect();
    if !draft.modules.iter().any(|m| m.id == module_id) {
        draft.modules.push(DraftModule {
            id: module_id.clone(),
            page: page_name,
            ..DraftModule::default()
        });
    }
    let Some(module) = draft.modules.iter_mut().find(|m| m.id == module_id) else {
        anyhow::bail!("module {module_id} vanished");
    };
    for (key, value) in &page.metadata {
        let field = key.to_ascii_lowercase();
        if !METADATA_FIELDS.contains(&field.as_str()) {
            report.unmapped.push((0, format!("metadata `{key}: {value}` (not one of Kit, Subsystem, Owner, Designer, Tester, Adviser)")));
            continue;
        }
        if !module.metadata.iter().any(|(k, _)| *k == field) {
            module.metadata.push((field, value.clone()));
        }
    }
    module
        .metadata
        .sort_by_key(|(k, _)| METADATA_FIELDS.iter().position(|f| f == k));
    let english = locale == source_locale;
    let mut names = all_names;
    let mut imported: Vec<&Section> = Vec::new();
    // Where the previous code of the page sits in the module: a new code
    // goes right after it, so the page's order survives a merge.
    let mut previous: Option<CodeNumber> = None;
    for section in &page.sections {
        if let Some(owner) = other_modules.get(&section.code) {
            report.conflicts.push((
                section.line,
                format!(
                    "code {} belongs to module `{owner}`; not imported here",
                    section.code
                ),
            ));
            continue;
        }
        match module.codes.iter_mut().find(|c| c.code == section.code) {
            Some(existing) => {
                report.merged.push(section.code);
                match (&existing.message, &section.message) {
                    (Some(a), Some(b)) if a != b => report.conflicts.push((
                        section.line,
                        format!(
                            "code {}: the Error Message is `{b}` here but `{a}` in the catalog; kept `{a}` — fix the page or the catalog",
                            section.code
                        ),
                    )),
                    (None, Some(b)) => existing.message = Some(b.clone()),
                    _ => {}
                }
                if existing.marker.is_none() {
                    existing.marker.clone_from(&section.marker);
                }
            }
            None => {
                let name = constant_name(&module_id, section.code, &section.title, english, &|n| {
                    names.contains(n)
                });
                names.insert(name.clone());
                let at = previous
                    .and_then(|p| module.codes.iter().position(|c| c.code == p))
                    .map_or(module.codes.len(), |i| i + 1);
                module.codes.insert(
                    at,
                    DraftCode {
                        code: section.code,
                        name,
                        message: section.message.clone(),
                        marker: section.marker.clone(),
                        ..DraftCode::default()
                    },
                );
                report.added.push(section.code);
            }
        }
        let block = block_of(section.code);
        if !module
            .owns
            .iter()
            .any(|(from, to)| *from <= section.code && section.code <= *to)
        {
            module.owns.push(block);
            module.owns.sort_unstable();
        }
        previous = Some(section.code);
        imported.push(section);
    }
    if draft.header.is_empty() {
        draft.header = "# errdoc catalog: every error code once (see README.md).".to_string();
    }
    write_if_changed(root, Path::new(CATALOG_PATH), &draft.to_yaml(), &mut report)?;

    // The texts of this locale.
    let ftl = Path::new(LOCALES_DIR)
        .join(locale)
        .join(format!("{module_id}.ftl"));
    let mut messages: Vec<(String, String)> = Vec::new();
    if let Some(title) = &page.title {
        let mut message = format!("module-{module_id} ={}\n", fluent_value(title, 0));
        if let Some(note) = &page.note
            && !note.trim().is_empty()
        {
            let _ = writeln!(message, "    .note ={}", fluent_value(note, 4));
        }
        messages.push((format!("module-{module_id}"), message));
    }
    for section in &imported {
        messages.push((format!("code-{}", section.code), code_message(section)));
    }
    let existing = read_or_empty(&root.join(&ftl))?;
    let merged = merge_fluent(&existing, &messages);
    write_if_changed(root, &ftl, &merged, &mut report)?;

    // English placeholders, so the project builds while the English is missing.
    if !english {
        let en = Path::new(LOCALES_DIR)
            .join(source_locale)
            .join(format!("{module_id}.ftl"));
        let existing = read_or_empty(&root.join(&en))?;
        let have: std::collections::BTreeSet<String> = entry_ranges(&existing)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let mut missing = Vec::new();
        let module_message = format!("module-{module_id}");
        if !have.contains(&module_message) {
            missing.push((
                module_message.clone(),
                format!("# errdoc import: English title missing (imported from {locale})\n{module_message} = {module_id}\n"),
            ));
        }
        for section in &imported {
            let id = format!("code-{}", section.code);
            if !have.contains(&id) {
                let title = section
                    .message
                    .clone()
                    .unwrap_or_else(|| format!("Error {}", section.code));
                let title = title.trim_end_matches('.').to_string();
                missing.push((
                    id.clone(),
                    format!("# errdoc import: English text missing (imported from {locale})\n{id} ={}\n", fluent_value(&title, 0)),
                ));
                report.placeholders.push(section.code);
            }
        }
        if !missing.is_empty() {
            let merged = merge_fluent(&existing, &missing);
            write_if_changed(root, &en, &merged, &mut report)?;
        }
    }
    Ok(report)
}

/// Compares the sections imported with those of the page built from them:
/// (sections that say exactly the same, sections compared, differences).
pub fn round_trip(imported: &[Section], built: &Page) -> (usize, usize, Vec<String>) {
    let mut exact = 0;
    let mut differences = Vec::new();
    for section in imported {
        let Some(other) = built.sections.iter().find(|s| s.code == section.code) else {
            differences.push(format!("{}: not on the built page", section.code));
            continue;
        };
        let same_list = |a: &[String], b: &[String]| {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| normalized(x) == normalized(y))
        };
        let checks = [
            (
                "title",
                normalized(&section.title) == normalized(&other.title),
            ),
            ("error message", section.message == other.message),
            (
                "description",
                section.description.as_deref().map(normalized)
                    == other.description.as_deref().map(normalized),
            ),
            ("causes", same_list(&section.causes, &other.causes)),
            ("solution", same_list(&section.solutions, &other.solutions)),
        ];
        let failed: Vec<&str> = checks
            .iter()
            .filter(|(_, ok)| !ok)
            .map(|(n, _)| *n)
            .collect();
        if failed.is_empty() {
            exact += 1;
        } else {
            differences.push(format!("{}: {} differ", section.code, failed.join(", ")));
        }
    }
    (exact, imported.len(), differences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names_come_from_file_names() {
        assert_eq!(
            names_of(Path::new("docs/errorcode-net-socket.md"), "en"),
            ("errorcode-net-socket".to_string(), "net-socket".to_string())
        );
        assert_eq!(
            names_of(Path::new("errorcode-bluetooth.zh-CN.md"), "zh-CN"),
            ("errorcode-bluetooth".to_string(), "bluetooth".to_string())
        );
    }

    #[test]
    fn fluent_values_escape_what_fluent_reads_specially() {
        assert_eq!(fluent_value("Use {braces}", 0), " Use {\"{\"}braces{\"}\"}");
        assert_eq!(
            fluent_value("a\n.b\n\n* c", 4),
            "\n        a\n        {\".\"}b\n\n        {\"*\"} c"
        );
    }

    #[test]
    fn merging_replaces_in_place_and_appends() {
        let text = "# header\n\n# about a\na = old\n    .x = y\n\nb = keep\n";
        let merged = merge_fluent(
            text,
            &[
                ("a".into(), "a = new\n".into()),
                ("c".into(), "c = added\n".into()),
            ],
        );
        assert_eq!(
            merged,
            "# header\n\n# about a\na = new\n\nb = keep\n\nc = added\n"
        );
        assert_eq!(
            merge_fluent(
                &merged,
                &[
                    ("a".into(), "a = new\n".into()),
                    ("c".into(), "c = added\n".into())
                ]
            ),
            merged
        );
    }
}
