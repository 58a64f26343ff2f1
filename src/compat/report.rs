//! How `compat` tells the changes: as diagnostics, each located at the
//! catalog line of the code (today's, or the earlier release's for a code
//! that is gone), the changes a family's rule made grouped into one; and
//! as JSON, every change with both sides' facts.

use std::collections::BTreeMap;

use super::{Change, ChangeKind, Facts, Release};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind, Severity};
use crate::source::Span;

/// Points `d` at `span` of `release`'s catalog, or at its file where the
/// release has no lines (an exported file).
fn at(d: Diagnostic, release: &Release, span: Option<Span>) -> Diagnostic {
    match (&release.file, span) {
        (Some(file), Some(span)) => d.at(file, span),
        _ => d.at_path(&release.path),
    }
}

/// A message's literal message, quoted, or `no message`.
fn quoted(message: Option<&String>) -> String {
    message.map_or_else(|| "no message".to_string(), |m| format!("\"{m}\""))
}

/// What a family's rule changed: its counts of changes by kind.
#[derive(Default)]
struct Group {
    removed: usize,
    renumbered: usize,
    renamed: usize,
    messages: usize,
    added: usize,
    /// Where its first changed member was in the earlier release.
    first_old: Option<Span>,
}

impl Group {
    fn breaking(&self) -> usize {
        self.removed + self.renumbered + self.renamed + self.messages
    }
}

/// The diagnostics of `changes` from `old` to `new`: errors first, so
/// that no note pushes one out of the report.
pub(crate) fn diagnostics(old: &Release, new: &Release, changes: &[Change<'_>]) -> Diagnostics {
    let mut groups: BTreeMap<&str, Group> = BTreeMap::new();
    let mut single = Vec::new();
    for change in changes {
        let Some(family) = change.family() else {
            single.push(change);
            continue;
        };
        let group = groups.entry(family).or_default();
        match change.kind {
            ChangeKind::Added => group.added += 1,
            ChangeKind::Removed => group.removed += 1,
            ChangeKind::Renumbered(_) => group.renumbered += 1,
            ChangeKind::Renamed | ChangeKind::Reused => group.renamed += 1,
            _ => group.messages += 1,
        }
        if change.kind != ChangeKind::Added && group.first_old.is_none() {
            group.first_old = change.old.and_then(|o| o.span);
        }
    }
    let mut all: Vec<Diagnostic> = single
        .into_iter()
        .map(|change| code_diagnostic(old, new, change))
        .collect();
    for (family, group) in &groups {
        all.extend(family_diagnostics(old, new, family, group));
    }
    let rank = |d: &Diagnostic| match d.severity() {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Note => 2,
    };
    all.sort_by_key(rank);
    let mut diags = Diagnostics::new();
    for d in all {
        diags.push(d);
    }
    diags
}

/// The diagnostic of one code's change, located at today's entry (the
/// earlier release's for a code that is gone).
fn code_diagnostic(old: &Release, new: &Release, change: &Change<'_>) -> Diagnostic {
    let release = old.label.clone();
    let code = change.code;
    let name = |f: Option<&Facts>| f.map(|f| f.name.clone()).unwrap_or_default();
    let message = |f: Option<&Facts>| quoted(f.and_then(|f| f.message.as_ref()));
    let module = |f: Option<&Facts>| f.map(|f| f.module.clone()).unwrap_or_default();
    let (o, n) = (change.old, change.new);
    let kind = match &change.kind {
        ChangeKind::Added => Kind::CodeAdded {
            code,
            name: name(n),
        },
        ChangeKind::Removed => Kind::CodeRemoved {
            code,
            name: name(o),
            release,
        },
        ChangeKind::RemovalNoted(since) => Kind::RemovalNoted {
            code,
            name: name(o),
            since: since.clone(),
        },
        ChangeKind::Renumbered(now) => Kind::CodeRenumbered {
            name: name(o),
            code,
            now: *now,
            release,
        },
        ChangeKind::Reused => Kind::NumberReused {
            code,
            old: name(o),
            new: name(n),
            release,
        },
        ChangeKind::Renamed => Kind::ConstantRenamed {
            code,
            old: name(o),
            new: name(n),
            release,
        },
        ChangeKind::RenameNoted => Kind::RenameNoted {
            code,
            old: name(o),
            new: name(n),
        },
        ChangeKind::MessageChanged => Kind::MessageChanged {
            code,
            old: message(o),
            new: message(n),
            release,
        },
        ChangeKind::MessageChangeNoted(since) => Kind::MessageChangeNoted {
            code,
            old: message(o),
            new: message(n),
            since: since.clone(),
        },
        ChangeKind::Moved => Kind::CodeMoved {
            code,
            old: module(o),
            new: module(n),
            release,
        },
        ChangeKind::Deprecated(since) => Kind::CodeDeprecated {
            code,
            since: since.clone(),
        },
        ChangeKind::RemovedUndeprecated => Kind::RemovedUndeprecated { code, release },
    };
    match n {
        Some(n) => at(Diagnostic::new(kind), new, n.span),
        None => at(Diagnostic::new(kind), old, o.and_then(|o| o.span)),
    }
}

/// What a family's rule changed, as one diagnostic (breaking, or noted by
/// the family's `changed:`), and its added members as a note.
fn family_diagnostics(
    old: &Release,
    new: &Release,
    family: &str,
    group: &Group,
) -> Vec<Diagnostic> {
    let now = new.families.get(family);
    let locate = |d: Diagnostic| match now {
        Some(f) => at(d, new, f.span),
        None => match old.families.get(family) {
            Some(f) => at(d, old, f.span),
            None => at(d, old, group.first_old),
        },
    };
    let mut out = Vec::new();
    if group.breaking() > 0 {
        let summary = summary(old, new, family, group);
        // The release's own `changed:` acknowledged an earlier change.
        let earlier = old.families.get(family).and_then(|f| f.changed.clone());
        let kind = match now
            .and_then(|f| f.changed.clone())
            .filter(|c| Some(c) != earlier.as_ref())
        {
            Some(since) => Kind::FamilyChangeNoted {
                family: family.to_string(),
                summary,
                since,
            },
            None => Kind::FamilyChanged {
                family: family.to_string(),
                summary,
                release: old.label.clone(),
            },
        };
        out.push(locate(Diagnostic::new(kind)));
    }
    if group.added > 0 {
        out.push(locate(Diagnostic::new(Kind::MembersAdded {
            family: family.to_string(),
            members: crate::diagnostic::plural(group.added, "new member", "new members"),
        })));
    }
    out
}

/// What changed in a family: its rule (base, table, name pattern), then
/// how many members changed how.
fn summary(old: &Release, new: &Release, family: &str, group: &Group) -> String {
    let mut parts = Vec::new();
    match (old.families.get(family), new.families.get(family)) {
        (Some(o), Some(n)) => {
            if o.base != n.base {
                parts.push(format!("base {} → {}", o.base, n.base));
            }
            if o.table != n.table {
                parts.push(format!("table {} → {}", o.table, n.table));
            }
            if o.name != n.name {
                parts.push(format!("name {} → {}", o.name, n.name));
            }
        }
        (Some(_), None) => parts.push("the family is gone".to_string()),
        _ => {}
    }
    let counts = [
        (group.removed, "code gone", "codes gone"),
        (group.renumbered, "code renumbered", "codes renumbered"),
        (group.renamed, "constant renamed", "constants renamed"),
        (group.messages, "message changed", "messages changed"),
    ];
    for (n, one, many) in counts {
        if n > 0 {
            parts.push(crate::diagnostic::plural(n, one, many));
        }
    }
    parts.join(", ")
}

/// A code's facts in JSON.
fn facts_json(f: &Facts) -> serde_json::Value {
    serde_json::json!({
        "name": f.name,
        "message": f.message,
        "module": f.module,
        "family": f.family,
        "deprecated": f.deprecated,
        "removed": f.removed,
    })
}

/// `{ against, ok, errors, warnings, notes, diagnostics: […], changes: […] }`.
pub(crate) fn json(
    old: &Release,
    changes: &[Change<'_>],
    diags: &Diagnostics,
) -> serde_json::Value {
    let changes: Vec<serde_json::Value> = changes
        .iter()
        .map(|c| {
            let since = match &c.kind {
                ChangeKind::RemovalNoted(s)
                | ChangeKind::MessageChangeNoted(s)
                | ChangeKind::Deprecated(s) => Some(s.as_str()),
                _ => None,
            };
            let now = match c.kind {
                ChangeKind::Renumbered(now) => Some(now),
                _ => None,
            };
            serde_json::json!({
                "kind": c.kind.name(),
                "code": c.code,
                "now": now,
                "family": c.family(),
                "since": since,
                "old": c.old.map(facts_json),
                "new": c.new.map(facts_json),
            })
        })
        .collect();
    serde_json::json!({
        "against": old.label,
        "ok": !diags.has_errors(),
        "errors": diags.error_count(),
        "warnings": diags.warning_count(),
        "notes": diags.note_count(),
        "diagnostics": diags.sorted().iter().map(|d| d.to_json()).collect::<Vec<_>>(),
        "changes": changes,
    })
}
