//! `errdoc l10n sync`: stubs for missing messages, a record of the English
//! of every translation, and obsolete messages reported (or pruned).

use std::path::Path;
use std::process::ExitCode;

use crate::cli::SyncArgs;
use crate::cmd::failure;
use crate::l10n::sync::plan;
use crate::output::write_if_changed;
use crate::project::Project;

use super::{load, save_lock, targets};

/// Runs `errdoc l10n sync`.
pub(super) fn run(root: &Path, args: &SyncArgs) -> anyhow::Result<ExitCode> {
    let Some(project) = load(root, true)? else {
        return Ok(failure());
    };
    let tags: Vec<String> = match targets(&project, args.locale.as_deref()) {
        Ok(l) => l.iter().map(|l| l.tag.clone()).collect(),
        Err(code) => return Ok(code),
    };
    for tag in tags {
        sync_locale(root, &project, &tag, args.prune)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Syncs one locale and says what changed.
pub(super) fn sync_locale(
    root: &Path,
    project: &Project,
    tag: &str,
    prune: bool,
) -> anyhow::Result<()> {
    let Some(locale) = project.locales.get(tag) else {
        return Ok(());
    };
    let units = project.units();
    let mut lock = project.locks.get(tag).cloned().unwrap_or_default();
    if lock.path.as_os_str().is_empty() {
        lock.path = locale.dir().join(crate::l10n::lock::LOCK_FILE);
    }
    let plan = plan(
        root,
        &project.catalog,
        &project.locales,
        &units,
        locale,
        &mut lock,
        prune,
    )?;
    for (path, text) in &plan.files {
        write_if_changed(root, path, text)?;
    }
    let lock_written = save_lock(root, &lock)?;
    let added: usize = plan.added.values().map(Vec::len).sum();
    if added == 0 && plan.files.is_empty() && !lock_written {
        say!("{tag}: nothing to do");
    }
    for (path, ids) in &plan.added {
        say!(
            "{tag}: {} added to {}",
            crate::diagnostic::plural(ids.len(), "stub", "stubs"),
            path.display()
        );
    }
    if plan.recorded > 0 || plan.forgotten > 0 {
        say!(
            "{tag}: the English of {} recorded, {} forgotten in {}",
            crate::diagnostic::plural(plan.recorded, "translation", "translations"),
            plan.forgotten,
            lock.path.display()
        );
    }
    for id in &plan.obsolete {
        if prune {
            say!("{tag}: removed the obsolete message `{id}`");
        } else {
            say!("{tag}: `{id}` is obsolete (the English no longer has it); `--prune` removes it");
        }
    }
    Ok(())
}
