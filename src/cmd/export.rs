//! `errdoc export --format …`: the catalog for other programs.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::{ExportArgs, ExportFormat};
use crate::cmd::failure;
use crate::diagnostic::Diagnostics;
use crate::export;
use crate::output::write_atomically;
use crate::run::{Policy, Stage};

/// Runs `errdoc export`.
pub(crate) fn run(root: &Path, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let project = match Policy::new("export", Stage::Project).load(root, Diagnostics::new())? {
        Ok(loaded) => loaded.project,
        Err(status) => return Ok(status),
    };
    let model = project.model();
    let tag = args
        .lang
        .clone()
        .unwrap_or_else(|| project.locales.source().tag.clone());
    let Some(locale) = model
        .locales
        .iter()
        .find(|l| l.tag.eq_ignore_ascii_case(&tag))
    else {
        let tags: Vec<&str> = model.locales.iter().map(|l| l.tag.as_str()).collect();
        tell!(
            "error: there is no locale `{tag}` — the locales are {}",
            tags.join(", ")
        );
        return Ok(failure());
    };
    let catalog = &project.catalog;
    let text = match args.format {
        ExportFormat::Json => export::json(catalog, &model)?,
        ExportFormat::Csv => export::csv(catalog, &model)?,
        ExportFormat::Rust => export::rust(catalog, locale),
        ExportFormat::Typescript => export::typescript(catalog, locale),
        ExportFormat::Arkts => export::arkts(catalog, locale),
        ExportFormat::C => {
            let prefix = args.prefix.as_deref().unwrap_or(export::prefix(catalog));
            if !export::is_prefix(prefix) {
                tell!(
                    "error: `{}` cannot start C names: a prefix is ASCII letters, digits and `_`, not starting with a digit",
                    crate::console::printable(prefix)
                );
                return Ok(failure());
            }
            export::c(catalog, locale, prefix)
        }
    };
    match &args.output {
        Some(path) => write_atomically(path, text.as_bytes())?,
        None => say_raw!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
