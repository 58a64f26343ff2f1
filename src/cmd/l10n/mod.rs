//! `errdoc l10n …`: the translator's commands, one file each.

mod add;
mod confirm;
mod diff;
mod export;
mod import;
mod status;
mod sync;

use std::path::Path;
use std::process::ExitCode;

use crate::cli::L10nCommand;
use crate::cmd::failure;
use crate::diagnostic::Diagnostics;
use crate::l10n::lock::SourcesLock;
use crate::locales::Locale;
use crate::output;
use crate::project::Project;
use crate::run::{Policy, Stage};

/// Runs an `errdoc l10n` subcommand.
pub(crate) fn run(root: &Path, command: &L10nCommand) -> anyhow::Result<ExitCode> {
    // The commands that write hold the project's lock while they read and
    // write, as build and import do.
    let _lock = match command {
        L10nCommand::Status(_) | L10nCommand::Diff(_) | L10nCommand::Export(_) => None,
        L10nCommand::Import(_) => Some(crate::output::lock(root, "l10n import")?),
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
        L10nCommand::Export(args) => export::run(root, args),
        L10nCommand::Import(args) => import::run(root, args),
    }
}

/// Loads the project for the l10n command `command` (`l10n status`), by
/// the one run protocol: any error stops it (a stub added next to a
/// message the parser skipped would define it twice once the syntax is
/// fixed; a sources lock that does not parse would lose the record of the
/// English), printed with its place; warnings are `check`'s. A command that
/// `writes` says, when it stops, that nothing was changed.
fn load(
    root: &Path,
    command: &'static str,
    writes: bool,
) -> anyhow::Result<Result<Project, ExitCode>> {
    let policy = Policy {
        unchanged: if writes { "; nothing was changed" } else { "" },
        ..Policy::new(command, Stage::Project)
    };
    Ok(policy
        .load(root, Diagnostics::new())?
        .map(|loaded| loaded.project))
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
                // A tag may come from a file (an imported PO's `Language:`).
                let tag = crate::console::printable(tag);
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
