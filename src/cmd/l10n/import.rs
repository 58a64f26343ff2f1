//! `errdoc l10n import`: translations back from a platform's XLIFF or PO
//! file into the `.ftl` files, and the lock.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::{ExchangeFormat, L10nImportArgs};
use crate::cmd::failure;
use crate::console::printable;
use crate::l10n::exchange::{self, Returned, po, xliff};
use crate::output::write_if_changed;

use super::{load, save_lock, targets};

/// Runs `errdoc l10n import`.
pub(super) fn run(root: &Path, args: &L10nImportArgs) -> anyhow::Result<ExitCode> {
    let shown = printable(&args.file.display().to_string());
    let (language, returned) = match read_file(&args.file, &shown) {
        Ok(read) => read,
        Err(status) => return Ok(status),
    };
    let project = match load(root, "l10n import", true)? {
        Ok(project) => project,
        Err(status) => return Ok(status),
    };
    let Some(tag) = args.locale.clone().or(language) else {
        tell!("error: {shown} names no target language: say it with --locale");
        return Ok(failure());
    };
    let locale = match targets(&project, Some(&tag)) {
        Ok(l) => l[0],
        Err(code) => return Ok(code),
    };
    let mut lock = project.lock_for(locale);
    let (units, today) = project.exchange_entries(locale, &lock);
    let source = project.locales.source();
    let applied = exchange::apply(&units, &today, source, locale, &mut lock, &returned);
    for skipped in &applied.skipped {
        tell!("warning: {shown}: {}; skipped", printable(skipped));
    }
    for (path, text) in &applied.files {
        write_if_changed(root, path, text)?;
    }
    if applied.current > 0 {
        save_lock(root, &lock)?;
    }
    status!(
        "{}: {} written, {} marked current, {} skipped",
        locale.tag,
        crate::diagnostic::plural(applied.written, "translation", "translations"),
        applied.current,
        applied.skipped.len()
    );
    // Translations the platform counts done, none of which could be
    // placed: the file is not this project's, or not of today's English.
    let done = returned.iter().filter(|r| r.done).count();
    if done > 0 && applied.placed == 0 {
        tell!("error: {shown}: none of its {done} translations could be placed (above: why)");
        return Ok(failure());
    }
    Ok(ExitCode::SUCCESS)
}

/// The target language and the translations of `file`, or why not.
fn read_file(file: &Path, shown: &str) -> Result<(Option<String>, Vec<Returned>), ExitCode> {
    let format = match file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("po") => ExchangeFormat::Po,
        Some("xlf" | "xliff") => ExchangeFormat::Xliff,
        _ => {
            tell!("error: {shown}: name the file .po, .xlf or .xliff, as its format is");
            return Err(failure());
        }
    };
    // Bounded as every input is: a platform's file of a locale is a few
    // megabytes.
    let text = match crate::input::read_named(file, shown) {
        Ok(text) => text,
        Err(why) => {
            tell!("error: {why}");
            return Err(failure());
        }
    };
    let read = match format {
        ExchangeFormat::Po => po::read(&text).map(|r| {
            if r.without_context > 0 {
                tell!(
                    "warning: {shown}: {} without a msgctxt (the string's id), which errdoc cannot place; skipped",
                    crate::diagnostic::plural(r.without_context, "entry", "entries")
                );
            }
            (r.language, r.returned)
        }),
        ExchangeFormat::Xliff => xliff::read(&text).map(|r| (r.language, r.returned)),
    };
    match read {
        Ok((_, returned)) if returned.is_empty() => {
            tell!(
                "error: {shown} has no translation errdoc can read (PO entries with a msgctxt, XLIFF 2 units with an id and a target); nothing was changed"
            );
            Err(failure())
        }
        Ok(r) => Ok(r),
        Err(why) => {
            tell!(
                "error: {shown}:{}; nothing was changed",
                printable(&why.replacen("line ", "", 1))
            );
            Err(failure())
        }
    }
}
