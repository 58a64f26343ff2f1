//! `errdoc l10n sync`: stubs for missing messages, a record of the English
//! of every translation, and obsolete messages reported (or pruned).

use std::path::Path;
use std::process::ExitCode;

use crate::cli::SyncArgs;
use crate::cmd::failure;
use crate::console::printable;
use crate::l10n::base;
use crate::l10n::sync::plan;
use crate::output::write_if_changed;
use crate::project::Project;

use super::{load, save_lock, targets};

/// Runs `errdoc l10n sync`.
pub(super) fn run(root: &Path, args: &SyncArgs) -> anyhow::Result<ExitCode> {
    let project = match load(root, "l10n sync", true)? {
        Ok(project) => project,
        Err(status) => return Ok(status),
    };
    let tags: Vec<String> = match targets(&project, args.locale.as_deref()) {
        Ok(l) => l.iter().map(|l| l.tag.clone()).collect(),
        Err(code) => return Ok(code),
    };
    let mut complete = write_bases(root, &project)?;
    for tag in tags {
        complete &= sync_locale(root, &project, &tag, args.prune)?;
    }
    Ok(if complete {
        ExitCode::SUCCESS
    } else {
        failure()
    })
}

/// Writes the English base file of every table from the catalog and says
/// which changed; `false` if one could not be written (said why).
pub(super) fn write_bases(root: &Path, project: &Project) -> anyhow::Result<bool> {
    let source = project.locales.source();
    let mut complete = true;
    for base in base::files(root, &project.catalog, source) {
        match base {
            Ok(base) => {
                if write_if_changed(root, &base.path, &base.text)? {
                    status!(
                        "{}: wrote {}, the English of the table `{}` for translation platforms",
                        source.tag,
                        printable(&base.path.display().to_string()),
                        base.table
                    );
                }
            }
            Err(occupied) => {
                tell!(
                    "{}: error: the English of the table `{}` cannot be written here: {}",
                    printable(&occupied.path.display().to_string()),
                    occupied.table,
                    printable(&occupied.why)
                );
                complete = false;
            }
        }
    }
    Ok(complete)
}

/// Syncs one locale and says what changed; `false` if an English entry
/// could not be copied as a stub (said why; the rest was written).
pub(super) fn sync_locale(
    root: &Path,
    project: &Project,
    tag: &str,
    prune: bool,
) -> anyhow::Result<bool> {
    let Some(locale) = project.locales.get(tag) else {
        return Ok(true);
    };
    let units = project.units();
    let mut lock = project.lock_for(locale);
    let plan = plan(
        root,
        &project.catalog,
        &project.locales,
        units,
        locale,
        &mut lock,
        prune,
    )?;
    for (path, text) in &plan.files {
        write_if_changed(root, path, text)?;
    }
    let lock_written = save_lock(root, &lock)?;
    // Ids, file names and what they say come from files: no escape
    // sequences reach the terminal.
    let shown = |text: &str| printable(text);
    let added: usize = plan.added.values().map(Vec::len).sum();
    if added == 0 && plan.files.is_empty() && !lock_written && plan.skipped.is_empty() {
        status!("{tag}: nothing to do");
    }
    for (path, ids) in &plan.added {
        status!(
            "{tag}: {} added to {}",
            crate::diagnostic::plural(ids.len(), "stub", "stubs"),
            shown(&path.display().to_string())
        );
    }
    for skipped in &plan.skipped {
        tell!(
            "{}: error: `{}` cannot be copied into {tag} as a stub: it does not read back as one entry — add it to the translation by hand",
            shown(&skipped.at),
            shown(&skipped.id)
        );
    }
    if plan.recorded > 0 || plan.forgotten > 0 {
        status!(
            "{tag}: the English of {} recorded, {} forgotten in {}",
            crate::diagnostic::plural(plan.recorded, "translation", "translations"),
            plan.forgotten,
            shown(&lock.path.display().to_string())
        );
    }
    for kept in &plan.kept {
        let (id, by, at) = (shown(&kept.id), shown(&kept.by), shown(&kept.at));
        if prune {
            say!("{tag}: kept the obsolete message `{id}`: `{by}` ({at}) references it");
        } else {
            say!(
                "{tag}: `{id}` is obsolete (the English no longer has it), but `{by}` ({at}) references it: `--prune` keeps it"
            );
        }
    }
    for id in &plan.obsolete {
        let id = shown(id);
        if prune {
            say!("{tag}: removed the obsolete message `{id}`");
        } else {
            say!("{tag}: `{id}` is obsolete (the English no longer has it); `--prune` removes it");
        }
    }
    Ok(plan.skipped.is_empty())
}
