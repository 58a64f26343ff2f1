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
mod place;
mod round_trip;
mod texts;

pub(crate) use lines::LineReport;
pub(crate) use lines::comparable_lines;
pub use lines::compare as compare_lines;
pub(crate) use names::names_of;
pub use round_trip::{differing_fields, headings_round_trip, round_trip};

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::catalog::draft::{Draft, DraftCode, DraftItem, DraftModule};
use crate::catalog::{CATALOG_PATH, CodeNumber, MessageId};
use crate::layout::{Absent, Layouts};
use crate::output::{self, read_or_empty};
use parse::{Page, Section};
use place::{Index, drift, place_page};
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
    let mut import = Import::open(root, locale, overwrite)?;
    // Read every page first: which page defines a code is known before any
    // text is compared.
    let pages = import.read_pages(paths, module_override);
    // Each module's codes before: the pages of other languages do not have
    // the ones this import brings.
    let before: BTreeMap<String, Absent> = import
        .draft
        .modules
        .iter()
        .map(|m| (m.id.clone(), module_items(m, |_| true)))
        .collect();
    let (placed, heading_ids) = import.place(&pages);
    import.set_texts(&pages, &placed, &heading_ids);
    import.write_catalog_and_texts()?;
    import.write_layouts(&pages, &heading_ids, &before)?;
    Ok(import.report)
}

/// An import under way: the project's catalog and texts, as the pages
/// change them, and the report.
struct Import<'a> {
    root: &'a Path,
    /// The pages' language.
    locale: &'a str,
    /// Whether it is the source language.
    english: bool,
    /// Whether what the pages say otherwise replaces what the project has.
    overwrite: bool,
    /// The catalog's text, as the import found it.
    catalog_text: String,
    draft: Draft,
    /// The pages' language's texts.
    texts: Texts,
    /// The source language's texts, when the pages are a translation.
    english_texts: Option<Texts>,
    /// The other languages' texts, when the pages are the source
    /// language's.
    others: Vec<(String, Texts)>,
    report: ImportReport,
}

impl<'a> Import<'a> {
    /// Reads the project's catalog and the texts the import compares the
    /// pages with and adds to.
    fn open(root: &'a Path, locale: &'a str, overwrite: bool) -> anyhow::Result<Self> {
        let catalog_text = read_or_empty(root, Path::new(CATALOG_PATH))?;
        let draft = if catalog_text.trim().is_empty() {
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
        let texts = Texts::load(root, locale)?.overwriting(overwrite);
        let english = locale == source_locale;
        let english_texts = if english {
            None
        } else {
            Some(Texts::load(root, source_locale)?.overwriting(overwrite))
        };
        // The other languages, read when the source language's pages come
        // in: which of their pages have a code whose message the source
        // changes.
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
        Ok(Import {
            root,
            locale,
            english,
            overwrite,
            catalog_text,
            draft,
            texts,
            english_texts,
            others,
            report: ImportReport::default(),
        })
    }

    /// Reads the pages, each with its file's report: `None` for a page
    /// that is not imported.
    fn read_pages(
        &mut self,
        paths: &[PathBuf],
        module_override: Option<&str>,
    ) -> Vec<Option<Read>> {
        let mut pages = Vec::new();
        // Module → the file of this import that brings it.
        let mut taken: BTreeMap<String, PathBuf> = BTreeMap::new();
        for path in paths {
            let (read, file) = self.read_page(path, module_override, &mut taken);
            pages.push(read);
            self.report.files.push(file);
        }
        pages
    }

    /// Reads the page at `path` and finds its module; says why it is not
    /// imported if it is not: it cannot be read, its module's id is not an
    /// id, it has no codes, or another page of the batch brings its module.
    fn read_page(
        &self,
        path: &Path,
        module_override: Option<&str>,
        taken: &mut BTreeMap<String, PathBuf>,
    ) -> (Option<Read>, FileReport) {
        let (page_name, derived) = names_of(path, self.locale);
        // The module whose page this is, if the catalog has one, else the
        // one named after the file.
        let known = self
            .draft
            .modules
            .iter()
            .find(|m| m.page == page_name)
            .map(|m| m.id.clone());
        let module = module_override.map_or_else(|| known.unwrap_or(derived), str::to_string);
        let mut file = FileReport {
            path: path.to_path_buf(),
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
            taken.insert(module.clone(), path.to_path_buf());
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
        (read, file)
    }

    /// Places the pages in the catalog — modules, headings, codes and
    /// listings, in page order — then records each listing's drift, now
    /// that every code's Error Message is known. How each page's sections
    /// were placed, and the ids its headings got.
    fn place(&mut self, pages: &[Option<Read>]) -> (Vec<Vec<Placed>>, Vec<Vec<String>>) {
        let mut index = Index::of(&self.draft, &self.catalog_text);
        let mut placed: Vec<Vec<Placed>> = Vec::new();
        let mut heading_ids: Vec<Vec<String>> = Vec::new();
        let batch = Batch {
            locale: self.locale,
            english: self.english,
            others: &self.others,
            overwrite: self.overwrite,
            texts: &self.texts,
        };
        for (read, file) in pages.iter().zip(self.report.files.iter_mut()) {
            let Some(read) = read else {
                placed.push(Vec::new());
                heading_ids.push(Vec::new());
                continue;
            };
            let (how, ids) = place_page(&mut self.draft, read, file, &batch, &mut index);
            file.heading_ids.clone_from(&ids);
            placed.push(how);
            heading_ids.push(ids);
        }
        self.listings_drift(pages, &placed, &index);
        (placed, heading_ids)
    }

    /// Records where a listing's Error Message on its page differs from
    /// the catalog's.
    fn listings_drift(&mut self, pages: &[Option<Read>], placed: &[Vec<Placed>], index: &Index) {
        for ((read, placed), file) in pages.iter().zip(placed).zip(self.report.files.iter_mut()) {
            let Some(read) = read else { continue };
            let Some(module) = self.draft.modules.iter_mut().find(|m| m.id == read.module) else {
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
                    drift(listing, catalog, section, self.locale, file);
                }
            }
        }
    }

    /// Sets the pages' texts: the definitions first, so that a listing
    /// anywhere in the batch is compared with its code's own text in this
    /// language; then the listings' texts and the English placeholders.
    fn set_texts(
        &mut self,
        pages: &[Option<Read>],
        placed: &[Vec<Placed>],
        heading_ids: &[Vec<String>],
    ) {
        for (((read, placed), ids), file) in pages
            .iter()
            .zip(placed)
            .zip(heading_ids)
            .zip(self.report.files.iter_mut())
        {
            let Some(read) = read else { continue };
            page_texts(
                read,
                ids,
                &mut self.texts,
                self.english_texts.as_mut(),
                file,
            );
            for (section, how) in read.page.sections.iter().zip(placed) {
                let id = MessageId::Code(section.code).to_string();
                if *how == Placed::Defined
                    && let Some(message) = code_message(&id, section, self.english)
                {
                    let changed = self.texts.set(&id, message, &read.module);
                    file.kept(section.line, changed);
                }
            }
        }
        for (i, read) in pages.iter().enumerate() {
            let Some(read) = read else { continue };
            let file = &mut self.report.files[i];
            for (section, how) in read.page.sections.iter().zip(&placed[i]) {
                match how {
                    Placed::Listed => listing_texts(
                        read,
                        section,
                        &mut self.texts,
                        self.english_texts.as_ref(),
                        file,
                    ),
                    Placed::Defined => {
                        if let Some(en) = self.english_texts.as_mut() {
                            placeholder(en, read, section, self.locale, file);
                        }
                    }
                }
            }
        }
    }

    /// Writes the catalog, then the texts.
    fn write_catalog_and_texts(&mut self) -> anyhow::Result<()> {
        if self.draft.header.is_empty() {
            self.draft.header =
                "# errdoc catalog: every error code once (see README.md).".to_string();
        }
        if output::write_if_changed(self.root, Path::new(CATALOG_PATH), &self.draft.to_yaml())? {
            self.report.written.push(PathBuf::from(CATALOG_PATH));
        }
        self.report.written.extend(self.texts.write(self.root)?);
        if let Some(en) = &self.english_texts {
            self.report.written.extend(en.write(self.root)?);
        }
        Ok(())
    }

    /// Writes how each page is laid out (unless that would replace a
    /// layout that differs, without `--overwrite`), and adds what it brings
    /// to the same page's layouts in other languages as absent.
    fn write_layouts(
        &mut self,
        pages: &[Option<Read>],
        heading_ids: &[Vec<String>],
        before: &BTreeMap<String, Absent>,
    ) -> anyhow::Result<()> {
        let (root, locale) = (self.root, self.locale);
        for ((read, ids), file) in pages
            .iter()
            .zip(heading_ids)
            .zip(self.report.files.iter_mut())
        {
            let Some(read) = read else { continue };
            let Some(module) = self.draft.modules.iter().find(|m| m.id == read.module) else {
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
            let keep = conflict.is_some() && !self.overwrite;
            file.conflicts.extend(conflict);
            if !keep && output::write_if_changed(root, &path, &text)? {
                self.report.written.push(path);
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
                self.report
                    .written
                    .extend(layout::add_absent(root, locale, &module.page, &new)?);
            }
        }
        Ok(())
    }
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
