//! Placing a batch's pages in the catalog: each page's module, its
//! metadata and code level, and its headings and codes in page order —
//! defined, merged or listed — with what a page says otherwise than the
//! catalog: an Error Message that drifts, a marker around a code.

use std::collections::{BTreeMap, BTreeSet};

use super::names::{constant_name, slug};
use super::parse::{Page, PageHeading, Section};
use super::{Batch, Conflict, FileReport, Placed, Read};
use crate::catalog::draft::{
    Draft, DraftCode, DraftHeading, DraftItem, DraftModule, METADATA_FIELDS,
};
use crate::catalog::{CATALOG_PATH, CodeNumber, MessageId};

/// What the catalog has, looked up while pages are placed in it: where
/// each code is defined and its message, the constant names and heading
/// messages taken. Kept up to date as codes and headings are added.
pub(super) struct Index {
    /// Code → (defining module, its Error Message), family members too.
    pub(super) owners: BTreeMap<CodeNumber, (String, Option<String>)>,
    /// The names of the codes families generate: an entry of the family's
    /// module that overrides one takes its name.
    generated: BTreeMap<CodeNumber, String>,
    names: BTreeSet<String>,
    /// `heading-<module>-<id>` of every heading: unique across modules.
    headings: BTreeSet<String>,
}

impl Index {
    pub(super) fn of(draft: &Draft, catalog_text: &str) -> Index {
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
pub(super) fn place_page(
    draft: &mut Draft,
    read: &Read,
    file: &mut FileReport,
    batch: &Batch<'_>,
    index: &mut Index,
) -> (Vec<Placed>, Vec<String>) {
    let page = &read.page;
    let Some(module) = module_of(draft, read) else {
        return (Vec::new(), Vec::new());
    };
    take_metadata(module, page, file);
    let mut placing = Placing {
        module,
        module_id: read.module.as_str(),
        file,
        batch,
        index,
        previous: None,
        heading_ids: vec![String::new(); page.headings.len()],
    };
    let mut placed = Vec::with_capacity(page.sections.len());
    let mut headings = page.headings.iter().enumerate().peekable();
    for (n, section) in page.sections.iter().enumerate() {
        let mut pending = Vec::new();
        while let Some(next) = headings.next_if(|(_, h)| h.before <= n) {
            pending.push(next);
        }
        if !pending.is_empty() {
            placing.headings_before(section, &pending);
        }
        placed.push(placing.section(section));
    }
    let trailing: Vec<_> = headings.collect();
    if !trailing.is_empty() {
        place_headings(
            placing.module,
            &trailing,
            Anchor::End,
            &mut placing.index.headings,
            &mut placing.heading_ids,
        );
    }
    (placed, placing.heading_ids)
}

/// The module of `read`, added to the catalog if it is new.
fn module_of<'d>(draft: &'d mut Draft, read: &Read) -> Option<&'d mut DraftModule> {
    let module_id = read.module.as_str();
    if !draft.modules.iter().any(|m| m.id == module_id) {
        draft.modules.push(DraftModule {
            id: module_id.to_string(),
            page: read.page_name.clone(),
            ..DraftModule::default()
        });
    }
    draft.modules.iter_mut().find(|m| m.id == module_id)
}

/// Gives the module the page's metadata it does not have yet (in the
/// order of [`METADATA_FIELDS`]; any other field is reported), and the
/// level of the page's code headings if the module has none.
fn take_metadata(module: &mut DraftModule, page: &Page, file: &mut FileReport) {
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
}

/// A page being placed in its module, section by section.
struct Placing<'a> {
    module: &'a mut DraftModule,
    module_id: &'a str,
    file: &'a mut FileReport,
    batch: &'a Batch<'a>,
    index: &'a mut Index,
    /// The page's last item in the module: a new one goes right after it,
    /// so the page's order survives a merge.
    previous: Option<usize>,
    /// The ids the page's headings got, in page order.
    heading_ids: Vec<String>,
}

impl Placing<'_> {
    /// Where a new item of the page goes: right after its last one.
    fn at(&self) -> usize {
        self.previous.map_or(0, |p| p + 1)
    }

    /// Places the headings that stand before `section`: before its code,
    /// if the module has it, else where the code will go.
    fn headings_before(&mut self, section: &Section, pending: &[(usize, &PageHeading)]) {
        let anchor = match self
            .module
            .codes
            .iter()
            .position(|i| matches!(i, DraftItem::Code(c) if c.code == section.code))
        {
            Some(j) => Anchor::Code(j),
            None => Anchor::New(self.at()),
        };
        self.previous = Some(place_headings(
            self.module,
            pending,
            anchor,
            &mut self.index.headings,
            &mut self.heading_ids,
        ));
    }

    /// Places a code section: merged with the module's own entry, listed
    /// where another module defines the code, or defined by this page.
    fn section(&mut self, section: &Section) -> Placed {
        let here = self
            .module
            .codes
            .iter()
            .position(|i| matches!(i, DraftItem::Code(c) if c.code == section.code));
        let owner = self
            .index
            .owners
            .get(&section.code)
            .filter(|(o, _)| o.as_str() != self.module_id)
            .cloned();
        match (here, owner) {
            // Defined here already: merge.
            (Some(j), None) => self.merge(j, section),
            // Another module defines it: list it here.
            (_, Some((owner, _))) => self.list(here, owner, section),
            // New: defined by this page.
            (None, None) => self.define(section),
        }
    }

    /// Merges a section with the module's item `j` of its code: the source
    /// page's Error Message, or the page's drift from it, and its marker.
    fn merge(&mut self, j: usize, section: &Section) -> Placed {
        let (batch, locale) = (self.batch, self.batch.locale);
        if let Some(DraftItem::Code(existing)) = self.module.codes.get_mut(j) {
            if !existing.listed {
                self.file.merged.push(section.code);
                let mut kept = false;
                if batch.english {
                    kept = take_message(existing, section, batch, self.file);
                    if let Some((_, message)) = self.index.owners.get_mut(&section.code) {
                        message.clone_from(&existing.message);
                    }
                }
                // The source page's message kept back is no drift: the
                // report says it differs.
                if !kept {
                    let catalog = existing.message.clone();
                    drift(existing, catalog.as_deref(), section, locale, self.file);
                }
            }
            marker(existing, section, batch, self.file);
        }
        self.previous = Some(j);
        if matches!(self.module.codes.get(j), Some(DraftItem::Code(c)) if c.listed) {
            Placed::Listed
        } else {
            Placed::Defined
        }
    }

    /// Lists a code that module `owner` defines: at its place in the module
    /// if it is there (its marker taken from the page), else as a new item.
    fn list(&mut self, here: Option<usize>, owner: String, section: &Section) -> Placed {
        let j = match here {
            Some(j) => j,
            None => {
                let j = self.at();
                self.module.codes.insert(
                    j,
                    DraftItem::Code(Box::new(DraftCode {
                        code: section.code,
                        listed: true,
                        marker: section.marker.clone(),
                        ..DraftCode::default()
                    })),
                );
                j
            }
        };
        // Its drift is judged once every page has been placed: a later page
        // of the batch may give its code a message.
        self.file.listed.push((section.code, owner));
        if here.is_some()
            && let Some(DraftItem::Code(listing)) = self.module.codes.get_mut(j)
        {
            marker(listing, section, self.batch, self.file);
        }
        self.previous = Some(j);
        Placed::Listed
    }

    /// Defines a code new to the catalog: its constant's name (a family
    /// member's, if it overrides one), message and marker.
    fn define(&mut self, section: &Section) -> Placed {
        let index = &mut *self.index;
        let name = match index.generated.get(&section.code) {
            // It overrides a member of this module's family.
            Some(name) => name.clone(),
            None => constant_name(
                self.module_id,
                section.code,
                &section.title,
                self.batch.english,
                &|n| index.names.contains(n),
            ),
        };
        index.names.insert(name.clone());
        // A later page of the batch with this code lists it.
        index.owners.insert(
            section.code,
            (self.module_id.to_string(), section.message.clone()),
        );
        let j = self.at();
        self.module.codes.insert(
            j,
            DraftItem::Code(Box::new(DraftCode {
                code: section.code,
                name,
                message: section.message.clone(),
                marker: section.marker.clone(),
                ..DraftCode::default()
            })),
        );
        self.file.added.push(section.code);
        self.previous = Some(j);
        Placed::Defined
    }
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
    pending: &[(usize, &PageHeading)],
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
pub(super) fn drift(
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
