//! `errdoc compat`: the catalog as an API. Apps branch on codes, name
//! their constants and match their messages; this compares today's
//! catalog with an earlier release's and finds what would break them.
//!
//! Both sides are read into the same [`Release`] (a catalog's facts, code
//! by code and family by family), so that [`compare`] is a pure function
//! of two releases; where the earlier one comes from (a git revision, an
//! exported file) is [`release`]'s business, and how the changes are told
//! (diagnostics, JSON) is [`report`]'s.

pub(crate) mod release;
pub(crate) mod report;

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::catalog::{Catalog, CodeNumber};
use crate::source::{SourceFile, Span};

/// One code as a release has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Facts {
    /// Its number.
    pub code: CodeNumber,
    /// Its constant's name.
    pub name: String,
    /// The literal message an API returns.
    pub message: Option<String>,
    /// The module that defines it.
    pub module: String,
    /// The family it is a member of.
    pub family: Option<String>,
    /// Whether its family made it (no entry of its own).
    pub generated: bool,
    /// The release that deprecated it.
    pub deprecated: Option<String>,
    /// The release that removed it (a tombstone).
    pub removed: Option<String>,
    /// Its constant's earlier name, as the catalog says.
    pub renamed_from: Option<String>,
    /// The release that changed its message, as the catalog says.
    pub message_changed: Option<String>,
    /// Where it is in the release's catalog (none in an exported file).
    pub span: Option<Span>,
    /// Its title in each language, where the release has its texts (an
    /// exported file).
    pub titles: BTreeMap<String, String>,
}

/// A family's rule as a release has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FamilyFacts {
    /// Its id.
    pub id: String,
    /// Its base number.
    pub base: CodeNumber,
    /// The table it expands.
    pub table: String,
    /// Its constant-name pattern.
    pub name: String,
    /// The release that changed its members, as the catalog says.
    pub changed: Option<String>,
    /// Where its `base:` is.
    pub span: Option<Span>,
}

/// A catalog's facts: every code and family, and where they were read.
#[derive(Debug)]
pub(crate) struct Release {
    /// How it is named in messages (`v1.0`, `old.json`, `today`).
    pub label: String,
    /// Its catalog's text, for located messages (none for an exported
    /// file, whose path is `path`).
    pub file: Option<SourceFile>,
    /// The path messages about it show.
    pub path: String,
    /// Every code, by number.
    pub codes: BTreeMap<CodeNumber, Facts>,
    /// Every family, by id (an exported file has none).
    pub families: BTreeMap<String, FamilyFacts>,
}

impl Release {
    /// The facts of `catalog`, read from `file`.
    pub(crate) fn of_catalog(catalog: &Catalog, file: SourceFile, label: &str) -> Self {
        let mut codes = BTreeMap::new();
        let mut families = BTreeMap::new();
        for module in &catalog.modules {
            for c in &module.codes {
                let value = |v: &Option<crate::catalog::Located<String>>| {
                    v.as_ref().map(|l| l.value.clone())
                };
                codes.insert(
                    c.code,
                    Facts {
                        code: c.code,
                        name: c.name.value.clone(),
                        message: value(&c.message),
                        module: module.id.value.clone(),
                        family: c.member.as_ref().map(|m| m.family.clone()),
                        generated: c.is_generated(),
                        deprecated: value(&c.deprecated),
                        removed: value(&c.removed),
                        renamed_from: value(&c.renamed_from),
                        message_changed: value(&c.message_changed),
                        span: Some(c.span()),
                        titles: BTreeMap::new(),
                    },
                );
            }
            for f in &module.families {
                families.insert(
                    f.id.value.clone(),
                    FamilyFacts {
                        id: f.id.value.clone(),
                        base: f.base.value,
                        table: f.table.value.clone(),
                        name: f.name_pattern.value.clone(),
                        changed: f.changed.as_ref().map(|c| c.value.clone()),
                        span: Some(f.base.span),
                    },
                );
            }
        }
        Release {
            label: label.to_string(),
            path: file.path().display().to_string(),
            file: Some(file),
            codes,
            families,
        }
    }
}

/// What changed about one code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ChangeKind {
    /// A code the release did not have.
    Added,
    /// A code of the release that is gone.
    Removed,
    /// A code kept as a tombstone (`removed:`), with the release.
    RemovalNoted(String),
    /// Its name now names another code.
    Renumbered(CodeNumber),
    /// Its number now has another name and another message.
    Reused,
    /// Its constant has another name.
    Renamed,
    /// Its constant has another name, as `renamed_from:` says.
    RenameNoted,
    /// Its literal message changed.
    MessageChanged,
    /// Its literal message changed, as `message_changed:` says.
    MessageChangeNoted(String),
    /// Another module defines it.
    Moved,
    /// Deprecated since the release, with the release that deprecated it.
    Deprecated(String),
    /// Removed without having been deprecated first.
    RemovedUndeprecated,
}

impl ChangeKind {
    /// Its name in JSON (`removed`, `renamed`, …).
    pub(crate) fn name(&self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::RemovalNoted(_) => "removal-noted",
            ChangeKind::Renumbered(_) => "renumbered",
            ChangeKind::Reused => "reused",
            ChangeKind::Renamed => "renamed",
            ChangeKind::RenameNoted => "rename-noted",
            ChangeKind::MessageChanged => "message-changed",
            ChangeKind::MessageChangeNoted(_) => "message-change-noted",
            ChangeKind::Moved => "moved",
            ChangeKind::Deprecated(_) => "deprecated",
            ChangeKind::RemovedUndeprecated => "removed-undeprecated",
        }
    }

    /// Whether it breaks apps unless acknowledged: what a family groups.
    fn is_member_change(&self) -> bool {
        matches!(
            self,
            ChangeKind::Removed
                | ChangeKind::Renumbered(_)
                | ChangeKind::Reused
                | ChangeKind::Renamed
                | ChangeKind::MessageChanged
        )
    }
}

/// One change between two releases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Change<'r> {
    /// What changed.
    pub kind: ChangeKind,
    /// The code (its number in the earlier release, but for `Added`).
    pub code: CodeNumber,
    /// The code as the earlier release has it.
    pub old: Option<&'r Facts>,
    /// The code as today's catalog has it (for `Renumbered`, the code its
    /// name now names).
    pub new: Option<&'r Facts>,
}

impl Change<'_> {
    /// The family whose rule made this change, where its family made the
    /// code on both sides (or on the side that has it).
    pub(crate) fn family(&self) -> Option<&str> {
        fn generated(f: Option<&Facts>) -> Option<&str> {
            f.filter(|f| f.generated).and_then(|f| f.family.as_deref())
        }
        match &self.kind {
            ChangeKind::Added => generated(self.new),
            kind if kind.is_member_change() => {
                let old = generated(self.old)?;
                match self.new {
                    Some(new) if !matches!(kind, ChangeKind::Renumbered(_)) => {
                        (generated(Some(new)) == Some(old)).then_some(old)
                    }
                    _ => Some(old),
                }
            }
            _ => None,
        }
    }
}

/// Every change from `old` to `new`, code by code: the earlier release's
/// codes in number order, then the added ones.
pub(crate) fn compare<'r>(old: &'r Release, new: &'r Release) -> Vec<Change<'r>> {
    let by_name: HashMap<&str, &Facts> = new.codes.values().map(|f| (f.name.as_str(), f)).collect();
    let mut changes = Vec::new();
    let mut renumbered_to = HashSet::new();
    for o in old.codes.values() {
        let change = |kind, new| Change {
            kind,
            code: o.code,
            old: Some(o),
            new,
        };
        let Some(n) = new.codes.get(&o.code) else {
            match by_name.get(o.name.as_str()) {
                Some(now) if !old.codes.contains_key(&now.code) => {
                    renumbered_to.insert(now.code);
                    changes.push(change(ChangeKind::Renumbered(now.code), Some(now)));
                }
                _ => changes.push(change(ChangeKind::Removed, None)),
            }
            continue;
        };
        // A tombstone stays what it was: only its number given another
        // meaning (another name and another message) breaks anything.
        if o.removed.is_some() {
            let renamed = o.name != n.name && n.renamed_from.as_deref() != Some(o.name.as_str());
            if renamed && o.message != n.message {
                changes.push(change(ChangeKind::Reused, Some(n)));
            }
            continue;
        }
        if let Some(since) = &n.removed {
            changes.push(change(ChangeKind::RemovalNoted(since.clone()), Some(n)));
            if o.deprecated.is_none() {
                changes.push(change(ChangeKind::RemovedUndeprecated, Some(n)));
            }
            continue;
        }
        let same_message = o.message == n.message;
        let mut reused = false;
        if o.name != n.name {
            let kind = if n.renamed_from.as_deref() == Some(o.name.as_str()) {
                ChangeKind::RenameNoted
            } else if same_message {
                ChangeKind::Renamed
            } else {
                reused = true;
                ChangeKind::Reused
            };
            changes.push(change(kind, Some(n)));
        }
        if !same_message && !reused {
            // An acknowledgement the release already had is of an earlier
            // change, not of this one.
            let kind = match &n.message_changed {
                Some(since) if o.message_changed.as_ref() != Some(since) => {
                    ChangeKind::MessageChangeNoted(since.clone())
                }
                _ => ChangeKind::MessageChanged,
            };
            changes.push(change(kind, Some(n)));
        }
        if o.module != n.module {
            changes.push(change(ChangeKind::Moved, Some(n)));
        }
        if let (None, Some(since)) = (&o.deprecated, &n.deprecated) {
            changes.push(change(ChangeKind::Deprecated(since.clone()), Some(n)));
        }
    }
    for n in new.codes.values() {
        if !old.codes.contains_key(&n.code) && !renumbered_to.contains(&n.code) {
            changes.push(Change {
                kind: ChangeKind::Added,
                code: n.code,
                old: None,
                new: Some(n),
            });
        }
    }
    changes
}

/// The changes from an earlier release, owned: what the site's "Changes
/// since" pages show.
#[derive(Debug)]
pub(crate) struct Changelog {
    /// The earlier release's name (`v1.0`).
    pub release: String,
    /// Every change, as [`compare`] finds them.
    pub entries: Vec<Entry>,
}

/// One change of a [`Changelog`].
#[derive(Debug)]
pub(crate) struct Entry {
    /// What changed.
    pub kind: ChangeKind,
    /// The code.
    pub code: CodeNumber,
    /// The code as the earlier release has it.
    pub old: Option<Facts>,
    /// The code as today's catalog has it.
    pub new: Option<Facts>,
    /// The family whose rule made the change.
    pub family: Option<String>,
}

impl Changelog {
    /// The changes from `old` to `new`.
    pub(crate) fn of(old: &Release, new: &Release) -> Self {
        Changelog {
            release: old.label.clone(),
            entries: compare(old, new)
                .into_iter()
                .map(|c| Entry {
                    family: c.family().map(str::to_string),
                    kind: c.kind,
                    code: c.code,
                    old: c.old.cloned(),
                    new: c.new.cloned(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests;
