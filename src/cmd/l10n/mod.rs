//! `errdoc l10n …`: the translator's commands, one file each.

mod add;
mod confirm;
mod diff;
mod status;
mod sync;

use std::path::Path;
use std::process::ExitCode;

use crate::cli::L10nCommand;
use crate::cmd::failure;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::l10n::lock::SourcesLock;
use crate::locales::Locale;
use crate::output;
use crate::project::Project;

/// Runs an `errdoc l10n` subcommand.
pub fn run(root: &Path, command: &L10nCommand) -> anyhow::Result<ExitCode> {
    // The commands that write hold the project's lock while they read and
    // write, as build and import do.
    let _lock = match command {
        L10nCommand::Status(_) | L10nCommand::Diff(_) => None,
        L10nCommand::Confirm(_) => Some(crate::output::lock(root, "l10n confirm")?),
        L10nCommand::Sync(_) => Some(crate::output::lock(root, "l10n sync")?),
        L10nCommand::Add(_) => Some(crate::output::lock(root, "l10n add")?),
    };
    match command {
        L10nCommand::Status(args) => status::run(root, args),
        L10nCommand::Diff(args) => diff::run(root, args),
        L10nCommand::Confirm(args) => confirm::run(root, args),
        L10nCommand::Sync(args) => sync::run(root, args),
        L10nCommand::Add(args) => add::run(root, args),
    }
}

/// Loads the project; prints its errors (not its warnings: those are
/// `check`'s) and gives `None` if it cannot be used.
///
/// A sources lock that does not parse always stops: going on would lose
/// the record of the English. With `writes`, so do syntax errors and
/// duplicate ids in the locales: a stub added next to a message the parser
/// skipped would define it twice once the syntax is fixed.
fn load(root: &Path, writes: bool) -> anyhow::Result<Option<Project>> {
    let mut diags = Diagnostics::new();
    let project = Project::load(root, &mut diags)?;
    let errors: Vec<&Diagnostic> = diags
        .sorted()
        .into_iter()
        .filter(|d| d.severity() == Severity::Error)
        .collect();
    for d in &errors {
        tell_raw!("{d}");
    }
    let in_locales = |d: &&&Diagnostic| {
        d.path()
            .is_some_and(|p| p.starts_with(crate::locales::LOCALES_DIR))
    };
    let blocking = errors.iter().filter(in_locales).any(|d| {
        let lock = d
            .path()
            .is_some_and(|p| p.ends_with(crate::l10n::lock::LOCK_FILE));
        let syntax = d.message().starts_with("Fluent syntax error")
            || d.message().ends_with("is defined twice")
            || d.message().starts_with("placeables are nested");
        lock || (writes && syntax)
    });
    if project.is_none() {
        tell!("error: the project cannot be loaded; fix the errors above");
        return Ok(None);
    }
    if blocking {
        tell!("error: fix the errors above in locales/ first; nothing was changed");
        return Ok(None);
    }
    Ok(project)
}

/// The translations to work on: `--locale`, or every locale but English.
fn targets<'p>(project: &'p Project, wanted: Option<&str>) -> Result<Vec<&'p Locale>, ExitCode> {
    let locales = &project.locales;
    match wanted {
        Some(tag) => match locales.get(tag) {
            Some(l) if locales.is_source(l) => {
                tell!(
                    "error: `{tag}` is the source locale; its strings are the English the others translate"
                );
                Err(failure())
            }
            Some(l) => Ok(vec![l]),
            None => {
                let known = locales.tags();
                tell!(
                    "error: there is no locale `{tag}` — the locales are {}; `errdoc l10n add {tag}` creates it",
                    known.join(", ")
                );
                Err(failure())
            }
        },
        None => Ok(locales
            .all()
            .iter()
            .filter(|l| !locales.is_source(l))
            .collect()),
    }
}

/// Writes a sources lock if it changed.
fn save_lock(root: &Path, lock: &SourcesLock) -> anyhow::Result<bool> {
    output::write_if_changed(root, &lock.path, &lock.to_text())
}
