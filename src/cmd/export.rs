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
    if let Err(problem) = fits(catalog, args) {
        tell!("error: {problem}");
        return Ok(failure());
    }
    let text = match args.format {
        ExportFormat::Json => export::json(catalog, &model)?,
        ExportFormat::Csv => export::csv(catalog, &model)?,
        ExportFormat::Rust => export::rust(catalog, locale),
        ExportFormat::Typescript => export::typescript(catalog, locale),
        ExportFormat::Arkts => export::arkts(catalog, locale),
        ExportFormat::C => {
            let prefix = args.prefix.as_deref().unwrap_or(export::prefix(catalog));
            export::c(catalog, locale, prefix)
        }
    };
    match &args.output {
        Some(path) => write_atomically(path, text.as_bytes())?,
        None => say_raw!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Why `args` cannot export `catalog`, if it cannot: a `--prefix` for
/// another format than C, one that makes no C names or a macro of the C
/// library (`check` holds the catalog's own prefix to the same rules), or
/// a code JavaScript's numbers cannot hold for TypeScript and ArkTS.
fn fits(catalog: &crate::catalog::Catalog, args: &ExportArgs) -> Result<(), String> {
    if let Some(prefix) = &args.prefix {
        let shown = crate::console::printable(prefix);
        if args.format != ExportFormat::C {
            return Err("--prefix is for --format c: the other languages name the codes inside their `ErrorCode`".to_string());
        }
        if !export::is_prefix(prefix) {
            return Err(format!(
                "`{shown}` cannot start C names: a prefix is ASCII letters, digits and `_`, starting with a letter"
            ));
        }
        if let Some((name, header)) = c_library_clash(catalog, prefix) {
            let with = if prefix.is_empty() {
                "with no prefix".to_string()
            } else {
                format!("with the prefix `{shown}`")
            };
            return Err(format!(
                "{with}, the C export would define `{name}`, a macro of the C library ({header}): choose another prefix"
            ));
        }
    }
    if matches!(args.format, ExportFormat::Typescript | ExportFormat::Arkts) {
        const SAFE: i64 = (1 << 53) - 1;
        let wide = catalog
            .modules
            .iter()
            .flat_map(|m| &m.codes)
            .find(|c| !(-SAFE..=SAFE).contains(&c.code));
        if let Some(code) = wide {
            return Err(format!(
                "code {} is beyond ±2^53−1, which a JavaScript number cannot hold exactly: TypeScript and ArkTS would read it as another number",
                code.code
            ));
        }
    }
    Ok(())
}

/// The first name of `catalog` that the C export with `prefix` would make
/// a macro of the C library: (the macro, its header).
fn c_library_clash(
    catalog: &crate::catalog::Catalog,
    prefix: &str,
) -> Option<(String, &'static str)> {
    catalog.modules.iter().flat_map(|m| &m.codes).find_map(|c| {
        let name = format!("{prefix}{}", c.name.value);
        crate::validate::c_library_header(&name).map(|header| (name, header))
    })
}
