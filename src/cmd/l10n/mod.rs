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
use crate::output::write_atomically;
use crate::project::Project;

/// Runs an `errdoc l10n` subcommand.
pub fn run(root: &Path, command: &L10nCommand) -> anyhow::Result<ExitCode> {
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
fn load(root: &Path) -> anyhow::Result<Option<Project>> {
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
    if project.is_none() {
        tell!("error: the project cannot be loaded; fix the errors above");
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
                let known: Vec<&str> = locales.all().iter().map(|l| l.tag.as_str()).collect();
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
    let full = root.join(&lock.path);
    let text = lock.to_text();
    if std::fs::read_to_string(&full).ok().as_deref() == Some(text.as_str()) {
        return Ok(false);
    }
    write_atomically(&full, text.as_bytes())?;
    Ok(true)
}
