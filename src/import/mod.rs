//! `errdoc import`: bring hand-written error-code pages into a project.
//!
//! The pages of one language are imported together, as a batch: each page
//! becomes a module (or adds to one) — its metadata, headings and codes go
//! into `catalog/codes.yaml`, its texts into `locales/<locale>/*.ftl`.
//!
//! Real doc sets document one code on several pages and drift between
//! their languages; neither stops an import, and nothing a page says is
//! dropped without a line in the report:
//! - the first page that has a code defines it; a later page that documents
//!   it lists it (`also:`), and where its text differs from the code's own
//!   page in that language, the page keeps its text (`code-N-on-<module>`);
//! - importing the English and then the Chinese page of a module merges
//!   them by code number; codes only one page has are imported (an English
//!   placeholder for the Chinese-only ones), and an Error Message that
//!   differs is kept as `message_drift`, which `check` and `l10n status`
//!   report.
//!
//! After writing, each page is built again and compared with the page
//! imported, section by section ([`round_trip`]).

mod layout;
mod lines;
mod names;
pub mod parse;
mod round_trip;
mod texts;

pub(crate) use lines::LineReport;
pub(crate) use lines::comparable_lines;
pub use lines::compare as compare_lines;
pub(crate) use names::names_of;
use names::{constant_name, slug};
pub use round_trip::{differing_fields, headings_round_trip, round_trip};

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::catalog::draft::{
    Draft, DraftCode, DraftHeading, DraftItem, DraftModule, METADATA_FIELDS,
};
use crate::catalog::{CATALOG_PATH, CodeNumber, MessageId};
use crate::layout::{Absent, Layouts};
use crate::output::{self, read_or_empty};
use parse::{Page, Section};
use texts::{Texts, code_message, message, placeholder_message, says_the_same};

/// What one file's import did.
#[derive(Debug, Default)]
pub(crate) struct FileReport {
    /// The file.
    pub path: PathBuf,
    /// Its module.
    pub module: String,
    /// Why the file was not imported at all, if it was not.
    pub skipped: Option<String>,
    /// Codes added to the catalog (defined by this page).
    pub added: Vec<CodeNumber>,
    /// Codes of this module already there (merged).
    pub merged: Vec<CodeNumber>,
    /// Codes another module defines, listed on this page: (code, module).
    pub listed: Vec<(CodeNumber, String)>,
    /// Listed codes whose text on this page differs from their own page's
    /// in this language: kept as the page's own (`code-N-on-<module>`).
    pub own_texts: Vec<CodeNumber>,
    /// Drift kept as data: (line, what).
    pub drift: Vec<(usize, String)>,
    /// Pieces that map to nothing of the catalog or the translations: the
    /// page's layout keeps them. (line, what).
    pub unmapped: Vec<(usize, String)>,
    /// Pieces the built page will not have: (line, what).
    pub dropped: Vec<(usize, String)>,
    /// The page's own raw HTML and links to `javascript:`, … that its
    /// layout keeps as text: (line, what).
    pub escaped: Vec<(usize, String)>,
    /// Codes met twice in the page: (code, line).
    pub duplicates: Vec<(CodeNumber, usize)>,
    /// Codes given an English placeholder title.
    pub placeholders: Vec<CodeNumber>,
    /// What the project holds that the page says otherwise: kept, unless
    /// `--overwrite` replaced it.
    pub conflicts: Vec<Conflict>,
    /// Headings that are not codes, kept with their text, as read.
    pub headings: Vec<parse::PageHeading>,
    /// The codes imported, as read, for the round-trip check.
    pub sections: Vec<Section>,
    /// The ids its headings got, in page order.
    pub heading_ids: Vec<String>,
    /// The page as read (line endings made `\n`), for the line round trip.
    pub text: String,
}

impl FileReport {
    /// Where the parts of the page begin: (line, name), in page order —
    /// the top, each code (`code 1001`), each heading (``heading `x` ``).
    pub(crate) fn parts(&self) -> Vec<(usize, String)> {
        let lines = crate::source::Lines::new(&self.text);
        let line = |at: usize| lines.line(at);
        let mut parts = vec![(1, "the top of the page".to_string())];
        for section in &self.sections {
            if let Some(start) = section.spans.start {
                parts.push((line(start), format!("code {}", section.code)));
            }
        }
        for (heading, id) in self.headings.iter().zip(&self.heading_ids) {
            parts.push((line(heading.start), format!("heading `{id}`")));
        }
        parts.sort_by_key(|(line, _)| *line);
        parts
    }

    /// Records the fields of a translation that this page says otherwise
    /// (line `line`).
    fn kept(&mut self, line: usize, changed: Vec<texts::Changed>) {
        self.conflicts.extend(changed.into_iter().map(|c| Conflict {
            line,
            what: format!("{}: `{}`", c.file.display(), c.field),
            ours: c.ours,
            page: c.page,
        }));
    }
}

/// A field of the catalog, a translation or a layout that a page says
/// otherwise than the project: a hand edit, or what an older page said.
/// `import` keeps it and says so; `--overwrite` takes the page's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Conflict {
    /// The page's line (1 for the page's own texts and its layout).
    pub line: usize,
    /// The file and field: ``catalog/codes.yaml: code 1001 `message` ``.
    pub what: String,
    /// What the project says (empty: nothing).
    pub ours: String,
    /// What the page says (empty: nothing).
    pub page: String,
}

/// What a whole import did.
#[derive(Debug, Default)]
pub(crate) struct ImportReport {
    /// One report per file, in the order given.
    pub files: Vec<FileReport>,
    /// Files written, relative to the project.
    pub written: Vec<PathBuf>,
}

/// What placing the pages of one import needs to know.
struct Batch<'a> {
    /// The pages' language.
    locale: &'a str,
    /// Whether it is the source language.
    english: bool,
    /// The other languages' texts (read for a source language import).
    others: &'a [(String, Texts)],
    /// Whether what the pages say otherwise replaces what the project has.
    overwrite: bool,
    /// The pages' language's texts, as the import found them.
    texts: &'a Texts,
}

impl Batch<'_> {
    /// Whether the catalog's fields of `entry` are someone's to keep: its
    /// text in the pages' language is written (by hand, or by an import of
    /// its page), not missing or an import's placeholder — a code a
    /// translation brought first takes its source page's fields.
    fn guards(&self, entry: &DraftCode) -> bool {
        self.texts.holds(&MessageId::Code(entry.code).to_string())
    }
}

/// How the layout import would write at `path` differs from the one there,
/// if one is there: the first line that differs.
fn layout_conflict(root: &Path, path: &Path, text: &str) -> anyhow::Result<Option<Conflict>> {
    let full = root.join(path);
    if !full.exists() {
        return Ok(None);
    }
    // Line endings and the final line break are not what a page says.
    let ours = read_or_empty(root, path)?.replace("\r\n", "\n");
    if ours.trim_end_matches('\n') == text.trim_end_matches('\n') {
        return Ok(None);
    }
    // The first line that differs; a blank line and the end of the file
    // said in words (an empty text reads as "nothing").
    let shown = |l: Option<&str>| match l {
        Some("") => "(a blank line)".to_string(),
        Some(l) => l.to_string(),
        None => "(the end of the file)".to_string(),
    };
    let (mut mine, mut theirs) = (ours.lines(), text.lines());
    let mut line = 1;
    loop {
        let (a, b) = (mine.next(), theirs.next());
        if a != b {
            return Ok(Some(Conflict {
                line: 1,
                what: format!("{}: line {line}", path.display()),
                ours: shown(a),
                page: shown(b),
            }));
        }
        if a.is_none() {
            return Ok(None);
        }
        line += 1;
    }
}

/// A page read from a file, with its module.
struct Read {
    page: Page,
    /// The page's text, line endings made `\n`.
    text: String,
    module: String,
    page_name: String,
}

/// Where a section of a page went in the catalog.
#[derive(Clone, PartialEq, Eq)]
enum Placed {
    /// Defined by the page's module.
    Defined,
    /// Listed: another module defines it.
    Listed,
}

/// Imports the pages `paths`, all in `locale`, into the project at `root`.
pub(crate) fn import(
    root: &Path,
    paths: &[PathBuf],
    locale: &str,
    module_override: Option<&str>,
    overwrite: bool,
) -> anyhow::Result<ImportReport> {
    let mut report = ImportReport::default();
    let catalog_text = read_or_empty(root, Path::new(CATALOG_PATH))?;
    let mut draft = if catalog_text.trim().is_empty() {
        Draft::default()
    } else {
        Draft::parse(&catalog_text)
            .map_err(|e| anyhow::anyhow!("{CATALOG_PATH} does not parse: {e}"))?
    };
    let source_locale = draft
        .source_locale
        .clone()
        .unwrap_or_else(|| crate::catalog::DEFAULT_SOURCE_LOCALE.to_string());
    let source_locale = source_locale.as_str();
    let mut texts = Texts::load(root, locale)?.overwriting(overwrite);
    let english = locale == source_locale;
    let mut english_texts = if english {
        None
    } else {
        Some(Texts::load(root, source_locale)?.overwriting(overwrite))
    };
    // The other languages, read when the source language's pages come in:
    // which of their pages have a code whose message the source changes.
    let mut others: Vec<(String, Texts)> = Vec::new();
    if english && let Ok(folders) = std::fs::read_dir(root.join(crate::locales::LOCALES_DIR)) {
        for folder in folders.flatten() {
            let tag = folder.file_name().to_string_lossy().into_owned();
            if tag != locale && folder.path().is_dir() && crate::locales::is_locale_tag(&tag) {
                others.push((tag.clone(), Texts::load(root, &tag)?));
            }
        }
        others.sort_by(|a, b| a.0.cmp(&b.0));
    }

    // Read every page first: which page defines a code is known before any
    // text is compared.
    let mut pages: Vec<Option<Read>> = Vec::new();
    // Module → the file of this import that brings it.
    let mut taken: BTreeMap<String, PathBuf> = BTreeMap::new();
    for path in paths {
        let (page_name, derived) = names_of(path, locale);
        // The module whose page this is, if the catalog has one, else the
        // one named after the file.
        let known = draft
            .modules
            .iter()
            .find(|m| m.page == page_name)
            .map(|m| m.id.clone());
        let module = module_override.map_or_else(|| known.unwrap_or(derived), str::to_string);
        let mut file = FileReport {
            path: path.clone(),
            module: module.clone(),
            ..FileReport::default()
        };
        let read = match std::fs::read_to_string(path) {
            Ok(text) => {
                let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                let text = text.replace("\r\n", "\n").replace('\r', "\n");
                Some((parse::page(&text), text))
            }
            Err(e) => {
                file.skipped = Some(format!("cannot read it: {e}"));
                None
            }
        };
        // The module's id names its .ftl files (a hand-edited catalog may
        // hold anything).
        let read = read.filter(|_| {
            let ok = crate::catalog::is_id(&module);
            if !ok {
                file.skipped = Some(format!(
                    "its module id `{module}` is not an id (a lowercase letter, then lowercase letters, digits and `-`); nothing was written for it"
                ));
            }
            ok
        });
        let read = read.and_then(|(page, text)| {
            if page.sections.is_empty() {
                file.skipped = Some(
                    "not an error-code page: it has no `## <code> <title>` heading (nor a table of codes); nothing was written for it".to_string(),
                );
                return None;
            }
            if let Some(first) = taken.get(&module) {
                file.skipped = Some(format!(
                    "{} brings module `{module}` too in this import, and one page of a language is one module: import this one on its own (or give it another `--module`); nothing was written for it",
                    first.display()
                ));
                return None;
            }
            taken.insert(module.clone(), path.clone());
            file.unmapped.clone_from(&page.unmapped);
            file.dropped.clone_from(&page.dropped);
            file.duplicates.clone_from(&page.duplicates);
            file.sections.clone_from(&page.sections);
            file.headings.clone_from(&page.headings);
            file.text.clone_from(&text);
            Some(Read {
                page,
                text,
                module,
                page_name,
            })
        });
        pages.push(read);
        report.files.push(file);
    }

    // Each module's codes before: the pages of other languages do not have
    // the ones this import brings.
    let before: BTreeMap<String, Absent> = draft
        .modules
        .iter()
        .map(|m| (m.id.clone(), module_items(m, |_| true)))
        .collect();

    // The catalog: modules, headings, codes and listings, in page order.
    let mut index = Index::of(&draft, &catalog_text);
    let mut placed: Vec<Vec<Placed>> = Vec::new();
    let mut heading_ids: Vec<Vec<String>> = Vec::new();
    let batch = Batch {
        locale,
        english,
        others: &others,
        overwrite,
        texts: &texts,
    };
    for (read, file) in pages.iter().zip(report.files.iter_mut()) {
        let Some(read) = read else {
            placed.push(Vec::new());
            heading_ids.push(Vec::new());
            continue;
        };
        let (how, ids) = place_page(&mut draft, read, file, &batch, &mut index);
        file.heading_ids.clone_from(&ids);
        placed.push(how);
        heading_ids.push(ids);
    }

    // The Error Message of each listing, now that every code's is known.
    for ((read, placed), file) in pages.iter().zip(&placed).zip(report.files.iter_mut()) {
        let Some(read) = read else { continue };
        let Some(module) = draft.modules.iter_mut().find(|m| m.id == read.module) else {
            continue;
        };
        for (section, how) in read.page.sections.iter().zip(placed) {
            let catalog = index
                .owners
                .get(&section.code)
                .and_then(|(_, m)| m.as_deref());
            let listing = module.codes.iter_mut().find_map(|i| match i {
                DraftItem::Code(c) if c.listed && c.code == section.code => Some(c),
                _ => None,
            });
            if *how == Placed::Listed
                && let Some(listing) = listing
            {
                drift(listing, catalog, section, locale, file);
            }
        }
    }

    // The texts: definitions first, so that a listing anywhere in the batch
    // is compared with its code's own text in this language.
    for (((read, placed), ids), file) in pages
        .iter()
        .zip(&placed)
        .zip(&heading_ids)
        .zip(report.files.iter_mut())
    {
        let Some(read) = read else { continue };
        page_texts(read, ids, &mut texts, english_texts.as_mut(), file);
        for (section, how) in read.page.sections.iter().zip(placed) {
            let id = MessageId::Code(section.code).to_string();
            if *how == Placed::Defined
                && let Some(message) = code_message(&id, section, english)
            {
                let changed = texts.set(&id, message, &read.module);
                file.kept(section.line, changed);
            }
        }
    }
    for (i, read) in pages.iter().enumerate() {
        let Some(read) = read else { continue };
        let file = &mut report.files[i];
        for (section, how) in read.page.sections.iter().zip(&placed[i]) {
            match how {
                Placed::Listed => {
                    listing_texts(read, section, &mut texts, english_texts.as_ref(), file)
                }
                Placed::Defined => {
                    if let Some(en) = english_texts.as_mut() {
                        placeholder(en, read, section, locale, file);
                    }
                }
            }
        }
    }

    // Write: the catalog, then the texts.
    if draft.header.is_empty() {
        draft.header = "# errdoc catalog: every error code once (see README.md).".to_string();
    }
    if output::write_if_changed(root, Path::new(CATALOG_PATH), &draft.to_yaml())? {
        report.written.push(PathBuf::from(CATALOG_PATH));
    }
    report.written.extend(texts.write(root)?);
    if let Some(en) = &english_texts {
        report.written.extend(en.write(root)?);
    }
    // Last, how each page is written.
    for ((read, ids), file) in pages.iter().zip(&heading_ids).zip(report.files.iter_mut()) {
        let Some(read) = read else { continue };
        let Some(module) = draft.modules.iter().find(|m| m.id == read.module) else {
            continue;
        };
        let captured = layout::capture(&read.text, &read.page, ids, module);
        file.drift.extend(captured.drift);
        file.escaped.extend(captured.escaped);
        let mut layout = captured.layout;
        // What of the module this page does not have.
        let on_page: BTreeSet<CodeNumber> = read.page.sections.iter().map(|s| s.code).collect();
        layout.absent = module_items(module, |item| match item {
            DraftItem::Code(c) => !on_page.contains(&c.code),
            DraftItem::Heading(h) => !ids.contains(&h.id),
        });
        let path = Layouts::path(locale, &module.page);
        let text = layout.to_text();
        let conflict = layout_conflict(root, &path, &text)?;
        let keep = conflict.is_some() && !overwrite;
        file.conflicts.extend(conflict);
        if !keep && output::write_if_changed(root, &path, &text)? {
            report.written.push(path);
        }
        // The same page in other languages does not have what this one
        // brings.
        let known = before.get(&module.id);
        let new = module_items(module, |item| {
            known.is_none_or(|k| match item {
                DraftItem::Code(c) => !k.codes.contains(&c.code),
                DraftItem::Heading(h) => !k.headings.contains(&h.id),
            })
        });
        if !new.is_empty() {
            report
                .written
                .extend(layout::add_absent(root, locale, &module.page, &new)?);
        }
    }
    Ok(report)
}

/// The layout import captures of a page alone, in a module of its own
/// (for the fuzzer and tests: the layout file must read back as it is).
pub fn layout_of(text: &str) -> crate::layout::Layout {
    // Line endings as `import` reads them.
    let text = &text.replace("\r\n", "\n").replace('\r', "\n");
    let page = parse::page(text);
    let ids: Vec<String> = (1..=page.headings.len()).map(|n| format!("h{n}")).collect();
    layout::capture(text, &page, &ids, &DraftModule::default()).layout
}

/// The codes (defined or listed) and headings of a module that `keep`
/// keeps.
fn module_items(module: &DraftModule, keep: impl Fn(&DraftItem) -> bool) -> Absent {
    let mut items = Absent::default();
    for item in module.codes.iter().filter(|i| keep(i)) {
        match item {
            DraftItem::Code(c) => {
                items.codes.insert(c.code);
            }
            DraftItem::Heading(h) => {
                items.headings.insert(h.id.clone());
            }
        }
    }
    items
}

/// What the catalog has, looked up while pages are placed in it: where
/// each code is defined and its message, the constant names and heading
/// messages taken. Kept up to date as codes and headings are added.
struct Index {
    /// Code → (defining module, its Error Message), family members too.
    owners: BTreeMap<CodeNumber, (String, Option<String>)>,
    /// The names of the codes families generate: an entry of the family's
    /// module that overrides one takes its name.
    generated: BTreeMap<CodeNumber, String>,
    names: BTreeSet<String>,
    /// `heading-<module>-<id>` of every heading: unique across modules.
    headings: BTreeSet<String>,
}

impl Index {
    fn of(draft: &Draft, catalog_text: &str) -> Index {
        let mut index = Index {
            owners: BTreeMap::new(),
            generated: BTreeMap::new(),
            names: BTreeSet::new(),
            headings: BTreeSet::new(),
        };
        // Family members exist only once the catalog is expanded.
        let file = crate::source::SourceFile::new(CATALOG_PATH, catalog_text.to_string());
        let expanded =
            crate::catalog::Catalog::parse(file, &mut crate::diagnostic::Diagnostics::new());
        for m in expanded.iter().flat_map(|c| &c.modules) {
            for code in m.codes.iter().filter(|c| c.is_generated()) {
                let message = code.message.as_ref().map(|m| m.value.clone());
                index
                    .owners
                    .insert(code.code, (m.id.value.clone(), message));
                index.generated.insert(code.code, code.name.value.clone());
                index.names.insert(code.name.value.clone());
            }
        }
        for m in &draft.modules {
            for item in &m.codes {
                match item {
                    DraftItem::Code(c) if !c.listed => {
                        index
                            .owners
                            .insert(c.code, (m.id.clone(), c.message.clone()));
                        index.names.insert(c.name.clone());
                    }
                    DraftItem::Code(_) => {}
                    DraftItem::Heading(h) => {
                        index.headings.insert(
                            MessageId::Heading {
                                module: &m.id,
                                heading: &h.id,
                            }
                            .to_string(),
                        );
                    }
                }
            }
        }
        index
    }
}

/// The module of `read` (created if new), its metadata and code level, and
/// every heading and section of the page placed in it, in page order.
fn place_page(
    draft: &mut Draft,
    read: &Read,
    file: &mut FileReport,
    batch: &Batch<'_>,
    index: &mut Index,
) -> (Vec<Placed>, Vec<String>) {
    let Batch {
        locale, english, ..
    } = *batch;
    let page = &read.page;
    let module_id = read.module.as_str();
    if !draft.modules.iter().any(|m| m.id == module_id) {
        draft.modules.push(DraftModule {
            id: module_id.to_string(),
            page: read.page_name.clone(),
            ..DraftModule::default()
        });
    }
    let Some(module) = draft.modules.iter_mut().find(|m| m.id == module_id) else {
        return (Vec::new(), Vec::new());
    };
    for (key, value) in &page.metadata {
        let field = key.to_ascii_lowercase();
        if !METADATA_FIELDS.contains(&field.as_str()) {
            file.unmapped.push((
                0,
                format!("metadata `{key}: {value}` (not one of Kit, Subsystem, Owner, Designer, Tester, Adviser)"),
            ));
            continue;
        }
        if !module.metadata.iter().any(|(k, _)| *k == field) {
            module.metadata.push((field, value.clone()));
        }
    }
    module
        .metadata
        .sort_by_key(|(k, _)| METADATA_FIELDS.iter().position(|f| f == k));
    if module.code_level.is_none()
        && let Some(level) = page.sections.first().map(|s| s.level).filter(|l| *l != 2)
    {
        module.code_level = Some(level);
    }

    let mut placed = Vec::with_capacity(page.sections.len());
    // The page's last item in the module: a new one goes right after it,
    // so the page's order survives a merge.
    let mut previous: Option<usize> = None;
    let mut headings = page.headings.iter().enumerate().peekable();
    let mut heading_ids = vec![String::new(); page.headings.len()];
    for (n, section) in page.sections.iter().enumerate() {
        let at = |previous: Option<usize>| previous.map_or(0, |p| p + 1);
        let mut pending = Vec::new();
        while let Some(next) = headings.next_if(|(_, h)| h.before <= n) {
            pending.push(next);
        }
        if !pending.is_empty() {
            let anchor = match module
                .codes
                .iter()
                .position(|i| matches!(i, DraftItem::Code(c) if c.code == section.code))
            {
                Some(j) => Anchor::Code(j),
                None => Anchor::New(at(previous)),
            };
            previous = Some(place_headings(
                module,
                &pending,
                anchor,
                &mut index.headings,
                &mut heading_ids,
            ));
        }
        let here = module
            .codes
            .iter()
            .position(|i| matches!(i, DraftItem::Code(c) if c.code == section.code));
        let owner = index
            .owners
            .get(&section.code)
            .filter(|(o, _)| o.as_str() != module_id)
            .cloned();
        let how = match (here, owner) {
            // Defined here already: merge.
            (Some(j), None) => {
                if let Some(DraftItem::Code(existing)) = module.codes.get_mut(j) {
                    if !existing.listed {
                        file.merged.push(section.code);
                        let mut kept = false;
                        if english {
                            kept = take_message(existing, section, batch, file);
                            if let Some((_, message)) = index.owners.get_mut(&section.code) {
                                message.clone_from(&existing.message);
                            }
                        }
                        // The source page's message kept back is no drift:
                        // the report says it differs.
                        if !kept {
                            let catalog = existing.message.clone();
                            drift(existing, catalog.as_deref(), section, locale, file);
                        }
                    }
                    marker(existing, section, batch, file);
                }
                previous = Some(j);
                if matches!(module.codes.get(j), Some(DraftItem::Code(c)) if c.listed) {
                    Placed::Listed
                } else {
                    Placed::Defined
                }
            }
            // Another module defines it: list it here.
            (_, Some(owner)) => {
                let j = match here {
                    Some(j) => j,
                    None => {
                        let j = at(previous);
                        module.codes.insert(
                            j,
                            DraftItem::Code(DraftCode {
                                code: section.code,
                                listed: true,
                                marker: section.marker.clone(),
                                ..DraftCode::default()
                            }),
                        );
                        j
                    }
                };
                // Its drift is judged once every page has been placed: a
                // later page of the batch may give its code a message.
                file.listed.push((section.code, owner.0));
                if here.is_some()
                    && let Some(DraftItem::Code(listing)) = module.codes.get_mut(j)
                {
                    marker(listing, section, batch, file);
                }
                previous = Some(j);
                Placed::Listed
            }
            // New: defined by this page.
            (None, None) => {
                let name = match index.generated.get(&section.code) {
                    // It overrides a member of this module's family.
                    Some(name) => name.clone(),
                    None => constant_name(module_id, section.code, &section.title, english, &|n| {
                        index.names.contains(n)
                    }),
                };
                index.names.insert(name.clone());
                // A later page of the batch with this code lists it.
                index.owners.insert(
                    section.code,
                    (module_id.to_string(), section.message.clone()),
                );
                let j = at(previous);
                module.codes.insert(
                    j,
                    DraftItem::Code(DraftCode {
                        code: section.code,
                        name,
                        message: section.message.clone(),
                        marker: section.marker.clone(),
                        ..DraftCode::default()
                    }),
                );
                file.added.push(section.code);
                previous = Some(j);
                Placed::Defined
            }
        };
        placed.push(how);
    }
    let trailing: Vec<_> = headings.collect();
    if !trailing.is_empty() {
        place_headings(
            module,
            &trailing,
            Anchor::End,
            &mut index.headings,
            &mut heading_ids,
        );
    }
    (placed, heading_ids)
}

/// Where headings of a page stand in the module.
#[derive(Clone, Copy)]
enum Anchor {
    /// Right before the code at this index, which the module has.
    Code(usize),
    /// Before a code the page brings, put at this index.
    New(usize),
    /// After the last code.
    End,
}

/// Places headings of a page that stand together before one code, or at
/// the end: each is the heading the module has at that very place, in
/// order (pages of a module in two languages have their headings before
/// the same codes), or a new one put there. Records each heading's id;
/// returns where the last one is.
fn place_headings(
    module: &mut DraftModule,
    pending: &[(usize, &parse::PageHeading)],
    anchor: Anchor,
    taken: &mut BTreeSet<String>,
    ids: &mut [String],
) -> usize {
    let is_heading = |i: &DraftItem| matches!(i, DraftItem::Heading(_));
    // The module's headings at that place: right before the code, after
    // its last code, or none before a code it did not have.
    let (run_start, run_len) = match anchor {
        Anchor::Code(j) => {
            let back = module.codes[..j]
                .iter()
                .rev()
                .take_while(|i| is_heading(i))
                .count();
            (j - back, back)
        }
        Anchor::New(at) => (at.min(module.codes.len()), 0),
        Anchor::End => {
            let after = module
                .codes
                .iter()
                .rposition(|i| !is_heading(i))
                .map_or(0, |j| j + 1);
            (after, module.codes.len() - after)
        }
    };
    for (i, (k, heading)) in pending.iter().enumerate() {
        let position = run_start + i;
        let id = if i < run_len {
            match module.codes.get(position) {
                Some(DraftItem::Heading(h)) => h.id.clone(),
                _ => String::new(),
            }
        } else {
            let base = match slug(&heading.title) {
                s if s.starts_with(|c: char| c.is_ascii_lowercase()) => s,
                _ => format!("section-{}", k + 1),
            };
            let message = |id: &str| {
                MessageId::Heading {
                    module: &module.id,
                    heading: id,
                }
                .to_string()
            };
            let id = std::iter::once(base.clone())
                .chain((2..).map(|n| format!("{base}-{n}")))
                .find(|id| !taken.contains(&message(id)))
                .unwrap_or(base);
            taken.insert(message(&id));
            module.codes.insert(
                position,
                DraftItem::Heading(DraftHeading {
                    id: id.clone(),
                    level: (heading.level != 2).then_some(heading.level),
                }),
            );
            id
        };
        if let Some(slot) = ids.get_mut(*k) {
            *slot = id;
        }
    }
    run_start + pending.len().saturating_sub(1)
}

/// The marker around a code's section (`<!--Del-->`) is the source
/// language page's: it sets and clears it. A translation's page that wraps
/// the code otherwise is reported; it sets a marker only on a code it
/// brings.
fn marker(entry: &mut DraftCode, section: &Section, batch: &Batch<'_>, file: &mut FileReport) {
    if entry.marker == section.marker {
        return;
    }
    let shown = |m: &Option<String>| {
        m.as_ref()
            .map_or("no marker".to_string(), |m| format!("`<!--{m}-->`"))
    };
    if batch.english {
        if batch.guards(entry) {
            let bare = |m: &Option<String>| {
                m.as_ref()
                    .map(|m| format!("<!--{m}-->"))
                    .unwrap_or_default()
            };
            file.conflicts.push(Conflict {
                line: section.line,
                what: format!("{CATALOG_PATH}: code {} `marker`", section.code),
                ours: bare(&entry.marker),
                page: bare(&section.marker),
            });
            if !batch.overwrite {
                return;
            }
        }
        entry.marker.clone_from(&section.marker);
        return;
    }
    let locale = batch.locale;
    file.drift.push((
        section.line,
        format!(
            "code {}: the {locale} page wraps it in {}, the catalog in {} (the source page's); the page's layout keeps its own marker lines, which `errdoc check` reports",
            section.code,
            shown(&section.marker),
            shown(&entry.marker)
        ),
    ));
}

/// The source language page's Error Message is the catalog's `message`:
/// where it differs — a code a translation brought first, or, with
/// `--overwrite`, a corrected page — it becomes the message, and the pages
/// of the other languages that have the code keep showing the one they
/// had, as drift. Otherwise the catalog's is kept (a hand edit, or what an
/// older page said) and reported; returns whether it was.
fn take_message(
    entry: &mut DraftCode,
    section: &Section,
    batch: &Batch<'_>,
    file: &mut FileReport,
) -> bool {
    let Some(new) = &section.message else {
        return false;
    };
    if entry.message.as_ref() == Some(new) {
        return false;
    }
    if let Some(old) = &entry.message
        && batch.guards(entry)
    {
        file.conflicts.push(Conflict {
            line: section.line,
            what: format!("{CATALOG_PATH}: code {} `message`", section.code),
            ours: old.clone(),
            page: new.clone(),
        });
        if !batch.overwrite {
            return true;
        }
    }
    let others = batch.others;
    if let Some(old) = entry.message.take() {
        let id = MessageId::Code(section.code).to_string();
        for (tag, texts) in others {
            if texts.has(&id) && !entry.message_drift.iter().any(|(l, _)| l == tag) {
                entry.message_drift.push((tag.clone(), old.clone()));
                file.drift.push((
                    section.line,
                    format!(
                        "code {}: the Error Message is now `{new}`, this page's; the {tag} page keeps `{old}` as `message_drift`",
                        section.code
                    ),
                ));
            }
        }
        entry.message_drift.sort();
    }
    entry.message = Some(new.clone());
    false
}

/// Records (or clears) the Error Message this page shows in `locale`
/// where it differs from the catalog's.
fn drift(
    entry: &mut DraftCode,
    catalog: Option<&str>,
    section: &Section,
    locale: &str,
    file: &mut FileReport,
) {
    let shown = section.message.as_deref();
    let differs = match (shown, catalog) {
        (Some(shown), Some(catalog)) => shown != catalog,
        (Some(_), None) => true,
        _ => false,
    };
    let before = entry
        .message_drift
        .iter()
        .find(|(l, _)| l == locale)
        .map(|(_, t)| t.clone());
    entry.message_drift.retain(|(l, _)| l != locale);
    if !differs && let Some(before) = before {
        file.drift.push((
            section.line,
            format!(
                "code {}: the page shows the catalog's Error Message; its `message_drift` ({locale}: `{before}`) is removed",
                section.code
            ),
        ));
    }
    if differs && let Some(shown) = shown {
        entry
            .message_drift
            .push((locale.to_string(), shown.to_string()));
        entry.message_drift.sort();
        file.drift.push((
            section.line,
            format!(
                "code {}: the Error Message is `{shown}` here but `{}` in the catalog; kept as `message_drift` ({locale}), which `errdoc check` reports",
                section.code,
                catalog.unwrap_or("(none)")
            ),
        ));
    }
}

/// The page's title, note and intro, and its headings' texts.
fn page_texts(
    read: &Read,
    heading_ids: &[String],
    texts: &mut Texts,
    english: Option<&mut Texts>,
    file: &mut FileReport,
) {
    let page = &read.page;
    let module_id = &read.module;
    let id = MessageId::Module(module_id).to_string();
    let mut attributes = Vec::new();
    if let Some(note) = &page.note {
        attributes.push(("note".to_string(), note.as_str()));
    }
    if let Some(intro) = &page.intro {
        attributes.push(("intro".to_string(), intro.as_str()));
    }
    let changed = match &page.title {
        Some(title) => texts.set(&id, message(&id, title, &attributes), module_id),
        // A source page without `# Title` still needs one to build.
        None if english.is_none() && !texts.has(&id) => texts.set(
            &id,
            placeholder_message(
                "the page has no title",
                &message(&id, module_id, &attributes),
            ),
            module_id,
        ),
        None => Vec::new(),
    };
    file.kept(1, changed);
    let lines = crate::source::Lines::new(&read.text);
    let ids: Vec<String> = heading_ids
        .iter()
        .map(|h| {
            MessageId::Heading {
                module: module_id,
                heading: h,
            }
            .to_string()
        })
        .collect();
    let mut english = english;
    for (heading, id) in page.headings.iter().zip(&ids) {
        let text = heading.text.as_deref().map(|t| ("text".to_string(), t));
        let changed = texts.set(
            id,
            message(id, &heading.title, &Vec::from_iter(text)),
            module_id,
        );
        file.kept(lines.line(heading.start), changed);
        // Absent, so nothing of anyone's changes.
        if let Some(en) = english.as_deref_mut()
            && !en.has(id)
        {
            let _ = en.set(
                id,
                placeholder_message(
                    "English heading missing (imported from another language)",
                    &message(id, &heading.title, &[]),
                ),
                module_id,
            );
        }
    }
    if let Some(en) = english
        && !en.has(&id)
    {
        let _ = en.set(
            &id,
            placeholder_message(
                "English title missing (imported from another language)",
                &format!("{id} = {module_id}\n"),
            ),
            module_id,
        );
    }
}

/// A listed code's texts on this page: none of its own where the page says
/// what the code's own page says in this language, else the page's own
/// (`code-N-on-<module>`).
fn listing_texts(
    read: &Read,
    section: &Section,
    texts: &mut Texts,
    english: Option<&Texts>,
    file: &mut FileReport,
) {
    let own = MessageId::Listing {
        code: section.code,
        module: &read.module,
    }
    .to_string();
    let canonical = texts.fields(&MessageId::Code(section.code).to_string());
    let same = canonical
        .as_ref()
        .is_some_and(|f| says_the_same(f, section));
    // Where the English page has texts of its own, a translation of the
    // page translates those.
    let english_own = english.is_some_and(|en| en.has(&own));
    match code_message(&own, section, english.is_none()) {
        Some(message) if !same || english_own => {
            let changed = texts.set(&own, message, &read.module);
            file.kept(section.line, changed);
            file.own_texts.push(section.code);
        }
        _ => {
            let changed = texts.remove(&own);
            file.kept(section.line, changed);
        }
    }
}

/// An English placeholder for a code a translation brought in, so the
/// project builds while the English is missing.
fn placeholder(
    en: &mut Texts,
    read: &Read,
    section: &Section,
    locale: &str,
    file: &mut FileReport,
) {
    let id = MessageId::Code(section.code).to_string();
    if en.has(&id) {
        return;
    }
    let title = section
        .message
        .as_deref()
        .and_then(|m| m.lines().next())
        .map_or_else(|| format!("Error {}", section.code), str::to_string);
    let title = title.trim_end_matches('.');
    // Absent (see above), so nothing of anyone's changes.
    let _ = en.set(
        &id,
        placeholder_message(
            &format!("English text missing (imported from {locale})"),
            &message(&id, title, &[]),
        ),
        &read.module,
    );
    file.placeholders.push(section.code);
}
