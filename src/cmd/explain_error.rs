//! `errdoc explain-error E0225`: what one of errdoc's own diagnostics means
//! and how to fix it, like `rustc --explain`.
//!
//! errdoc documents its errors with its own machinery: `docs/errors/` is an
//! errdoc project (catalog and Fluent texts, English and Chinese), built
//! into the binary. It is written to a temporary folder, loaded as any
//! project, and explained as any code (`errdoc explain`).

use std::process::ExitCode;

use crate::cli::{ExplainArgs, ExplainErrorArgs};
use crate::cmd::failure;
use crate::diagnostic::{Diagnostics, KINDS};
use crate::run::{Policy, Stage};

/// The files of `docs/errors/`, by path in the project.
pub(crate) const PROJECT: &[(&str, &str)] = &[
    (
        "catalog/codes.yaml",
        include_str!("../../docs/errors/catalog/codes.yaml"),
    ),
    (
        "locales/en/catalog.ftl",
        include_str!("../../docs/errors/locales/en/catalog.ftl"),
    ),
    (
        "locales/en/meaning.ftl",
        include_str!("../../docs/errors/locales/en/meaning.ftl"),
    ),
    (
        "locales/en/texts.ftl",
        include_str!("../../docs/errors/locales/en/texts.ftl"),
    ),
    (
        "locales/en/look.ftl",
        include_str!("../../docs/errors/locales/en/look.ftl"),
    ),
    (
        "locales/en/files.ftl",
        include_str!("../../docs/errors/locales/en/files.ftl"),
    ),
    (
        "locales/zh-CN/catalog.ftl",
        include_str!("../../docs/errors/locales/zh-CN/catalog.ftl"),
    ),
    (
        "locales/zh-CN/meaning.ftl",
        include_str!("../../docs/errors/locales/zh-CN/meaning.ftl"),
    ),
    (
        "locales/zh-CN/texts.ftl",
        include_str!("../../docs/errors/locales/zh-CN/texts.ftl"),
    ),
    (
        "locales/zh-CN/look.ftl",
        include_str!("../../docs/errors/locales/zh-CN/look.ftl"),
    ),
    (
        "locales/zh-CN/files.ftl",
        include_str!("../../docs/errors/locales/zh-CN/files.ftl"),
    ),
    (
        "locales/en/compat.ftl",
        include_str!("../../docs/errors/locales/en/compat.ftl"),
    ),
    (
        "locales/zh-CN/compat.ftl",
        include_str!("../../docs/errors/locales/zh-CN/compat.ftl"),
    ),
    (
        "locales/en/scan.ftl",
        include_str!("../../docs/errors/locales/en/scan.ftl"),
    ),
    (
        "locales/zh-CN/scan.ftl",
        include_str!("../../docs/errors/locales/zh-CN/scan.ftl"),
    ),
];

/// Runs `errdoc explain-error`.
pub(crate) fn run(args: &ExplainErrorArgs) -> anyhow::Result<ExitCode> {
    let Some(kind) = KINDS
        .iter()
        .find(|k| parse(&args.code) == parse(k.code))
        .filter(|_| parse(&args.code).is_some())
    else {
        tell!(
            "error: `{}` is not a code of errdoc's errors — they are E0101 to {} (`errdoc check` prints them in brackets: `error[E0225]`)",
            crate::console::printable(&args.code.trim().chars().take(40).collect::<String>()),
            KINDS.last().map_or("", |k| k.code)
        );
        return Ok(failure());
    };
    let dir = tempfile::Builder::new().prefix("errdoc-errors").tempdir()?;
    for (path, text) in PROJECT {
        let full = dir.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(full, text)?;
    }
    let project =
        match Policy::new("explain-error", Stage::Project).load(dir.path(), Diagnostics::new())? {
            Ok(loaded) => loaded.project,
            Err(status) => return Ok(status),
        };
    let query = ExplainArgs {
        query: parse(kind.code).unwrap_or_default().to_string(),
        lang: args.lang.clone(),
        format: args.format,
        catalog: None,
    };
    crate::cmd::explain::explain(&project, &query, Some(kind.code.to_string()))
}

/// The number of `E0225`, `e225`, `225`, `[E0225]` or `error[E0225]`.
fn parse(code: &str) -> Option<u32> {
    // As printed: `error[E0225]`, `[E0225]`.
    let code = code.trim();
    let code = match code.split_once('[') {
        Some((label, rest)) if ["", "error", "warning"].contains(&label) => {
            rest.strip_suffix(']')?
        }
        _ => code,
    };
    let digits = code.strip_prefix(['E', 'e']).unwrap_or(code);
    (!digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn codes_are_read_with_or_without_their_letter() {
        assert_eq!(parse("E0225"), Some(225));
        assert_eq!(parse(" e225 "), Some(225));
        assert_eq!(parse("225"), Some(225));
        assert_eq!(parse("E"), None);
        assert_eq!(parse("E12345"), None);
        assert_eq!(parse("x225"), None);
        assert_eq!(parse("error[E0225]"), Some(225));
        assert_eq!(parse("[E0215]"), Some(215));
        assert_eq!(parse("warning[E0215]"), Some(215));
        assert_eq!(parse("note[E0215]"), None);
        assert_eq!(parse("[E0215"), None);
    }

    #[test]
    fn the_project_lists_every_file_of_docs_errors() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/errors");
        let mut on_disk: Vec<String> = walkdir::WalkDir::new(&root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| {
                e.path()
                    .strip_prefix(&root)
                    .ok()
                    .map(|p| p.display().to_string())
            })
            .filter(|p| p.starts_with("catalog/") || p.starts_with("locales/"))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = PROJECT.iter().map(|(p, _)| p.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
    }
}
