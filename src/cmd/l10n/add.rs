//! `errdoc l10n add <locale>`: a new locale folder with a stub for every
//! message; the next `build` renders it, in English until translated.

use std::path::Path;
use std::process::ExitCode;

use unic_langid::LanguageIdentifier;

use crate::cli::AddArgs;
use crate::cmd::failure;
use crate::locales::LOCALES_DIR;

use super::load;
use super::sync::{sync_locale, write_bases};

/// Whether `tag` is the project's source locale (`site.source_locale`).
fn is_source_locale(root: &Path, tag: &str) -> bool {
    let mut diags = crate::diagnostic::Diagnostics::new();
    let source = crate::catalog::Catalog::load(root, &mut diags)
        .ok()
        .flatten()
        .map_or(crate::catalog::DEFAULT_SOURCE_LOCALE.to_string(), |c| {
            c.source_locale().to_string()
        });
    source == tag
}

/// Runs `errdoc l10n add`.
pub(super) fn run(root: &Path, args: &AddArgs) -> anyhow::Result<ExitCode> {
    let tag = &args.locale;
    let langid: LanguageIdentifier = match tag.parse() {
        Ok(id) => id,
        Err(_) => {
            tell!(
                "error: `{tag}` is not a language tag — use a BCP 47 tag such as `ja`, `fr` or `zh-TW`"
            );
            return Ok(failure());
        }
    };
    if langid.to_string() != *tag {
        tell!("error: write the tag the canonical way: `{langid}`");
        return Ok(failure());
    }
    let dir = root.join(LOCALES_DIR).join(tag);
    if dir.exists() && is_source_locale(root, tag) {
        tell!("error: `{tag}` is the source locale; the others are translated from it");
        return Ok(failure());
    }
    if dir.exists() {
        tell!(
            "error: {}/{tag} exists already — `errdoc l10n sync --locale {tag}` adds what it lacks",
            LOCALES_DIR
        );
        return Ok(failure());
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| anyhow::Error::new(e).context(format!("cannot create {}", dir.display())))?;
    let project = match load(root, "l10n add", true)? {
        Ok(project) => project,
        Err(status) => return Ok(status),
    };
    let complete = write_bases(root, &project)? & sync_locale(root, &project, tag, false)?;
    status!(
        "{tag}: created {LOCALES_DIR}/{tag}/; translate the stubs, then `errdoc build` (untranslated strings show in English)"
    );
    Ok(if complete {
        ExitCode::SUCCESS
    } else {
        failure()
    })
}
