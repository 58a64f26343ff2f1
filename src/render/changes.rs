//! The "Changes since <release>" pages of a locale: the changelog of
//! `site.changes_since` ([`crate::compat::Changelog`]) in sections by kind,
//! each code with its title in the locale and the page it is on.

use serde::Serialize;

use crate::catalog::CodeNumber;
use crate::compat::{ChangeKind, Changelog, Entry};
use crate::model::LocaleModel;

/// The changes of a locale's pages, by section.
#[derive(Debug, Serialize)]
pub(crate) struct ChangesView {
    /// The earlier release (`v1.0`).
    pub release: String,
    /// The sections that have changes, in a fixed order.
    pub sections: Vec<Section>,
}

/// The changes of one kind.
#[derive(Debug, Serialize)]
pub(crate) struct Section {
    /// `added`, `deprecated`, `removed`, `renamed`, `messages`,
    /// `renumbered`, `reused`, `moved` (its heading is `ui-changes-<kind>`).
    pub kind: &'static str,
    /// Its changes, by code.
    pub items: Vec<Item>,
}

/// One change of a code.
#[derive(Debug, Serialize)]
pub(crate) struct Item {
    /// The code.
    pub code: CodeNumber,
    /// Its title in the locale (the earlier release's for a code that is
    /// gone, if the release has it).
    pub title: String,
    /// The page file it is on today, if it is.
    pub file: Option<String>,
    /// Its constant's name before and now.
    pub old_name: Option<String>,
    pub new_name: Option<String>,
    /// Its literal message before and now.
    pub old_message: Option<String>,
    pub new_message: Option<String>,
    /// The module before and now.
    pub old_module: Option<String>,
    pub new_module: Option<String>,
    /// The release the catalog names for it (`removed:`, `deprecated:`,
    /// `message_changed:`).
    pub since: Option<String>,
    /// For a code that is gone: the release that had deprecated it.
    pub deprecated: Option<String>,
    /// The number its name has now (renumbered).
    pub now: Option<CodeNumber>,
    /// The family whose rule made the change.
    pub family: Option<String>,
}

/// The section an entry goes in; `None` for what a reader of the
/// changelog need not know (a removal without deprecation is a removal).
fn section_of(kind: &ChangeKind) -> Option<&'static str> {
    Some(match kind {
        ChangeKind::Added => "added",
        ChangeKind::Deprecated(_) => "deprecated",
        ChangeKind::Removed | ChangeKind::RemovalNoted(_) => "removed",
        ChangeKind::Renamed | ChangeKind::RenameNoted => "renamed",
        ChangeKind::MessageChanged | ChangeKind::MessageChangeNoted(_) => "messages",
        ChangeKind::Renumbered(_) => "renumbered",
        ChangeKind::Reused => "reused",
        ChangeKind::Moved => "moved",
        ChangeKind::RemovedUndeprecated => return None,
    })
}

/// The order of the sections.
const ORDER: [&str; 8] = [
    "reused",
    "renumbered",
    "removed",
    "renamed",
    "messages",
    "deprecated",
    "moved",
    "added",
];

/// The changelog as `locale`'s pages show it.
pub(crate) fn view(changes: &Changelog, locale: &LocaleModel) -> ChangesView {
    let mut sections: Vec<Section> = ORDER
        .iter()
        .map(|kind| Section {
            kind,
            items: Vec::new(),
        })
        .collect();
    for entry in &changes.entries {
        let Some(kind) = section_of(&entry.kind) else {
            continue;
        };
        if let Some(section) = sections.iter_mut().find(|s| s.kind == kind) {
            section.items.push(item(entry, locale));
        }
    }
    for section in &mut sections {
        section.items.sort_by_key(|i| i.code);
    }
    sections.retain(|s| !s.items.is_empty());
    ChangesView {
        release: changes.release.clone(),
        sections,
    }
}

fn item(entry: &Entry, locale: &LocaleModel) -> Item {
    let (old, new) = (entry.old.as_ref(), entry.new.as_ref());
    // Today's code: for a renumbered one, the number its name has now.
    let today = match entry.kind {
        ChangeKind::Renumbered(now) => Some(now),
        _ => new.map(|n| n.code),
    };
    let shown = today.and_then(|n| locale.code(n));
    let title = shown.map_or_else(
        || {
            old.and_then(|o| {
                o.titles
                    .get(&locale.tag)
                    .or_else(|| o.titles.values().next())
            })
            .cloned()
            .unwrap_or_default()
        },
        |(_, view)| view.title.text.clone(),
    );
    let since = match &entry.kind {
        ChangeKind::RemovalNoted(s)
        | ChangeKind::Deprecated(s)
        | ChangeKind::MessageChangeNoted(s) => Some(s.clone()),
        // A tombstone of the release, deleted since.
        ChangeKind::Removed => old.and_then(|o| o.removed.clone()),
        _ => None,
    };
    Item {
        code: entry.code,
        title,
        file: shown.map(|(page, _)| page.file.clone()),
        old_name: old.map(|o| o.name.clone()),
        new_name: new.map(|n| n.name.clone()),
        old_message: old.and_then(|o| o.message.clone()),
        new_message: new.and_then(|n| n.message.clone()),
        old_module: old.map(|o| o.module.clone()),
        new_module: new.map(|n| n.module.clone()),
        since,
        deprecated: match entry.kind {
            ChangeKind::Removed => old.and_then(|o| o.deprecated.clone()),
            _ => None,
        },
        now: match entry.kind {
            ChangeKind::Renumbered(now) => Some(now),
            _ => None,
        },
        family: entry.family.clone(),
    }
}
