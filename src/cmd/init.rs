//! `errdoc init [DIR]`: a new project that builds right away.

use std::path::Path;
use std::process::ExitCode;

use crate::catalog::CATALOG_PATH;
use crate::cli::InitArgs;
use crate::cmd::failure;
use crate::output::write_atomically;

const CATALOG: &str = "# errdoc catalog: every error code once.\n#\n# README.md of errdoc, \"The catalog\", describes every field;\n# `errdoc import --locale en errorcode-*.md` brings existing pages in.\n\nmodules: []\n";

const README: &str = "# Error codes\n\nError-code reference pages made with errdoc.\n\n```sh\nerrdoc build    # write the Markdown pages and the site into site/\nerrdoc serve    # preview on http://127.0.0.1:8000/\nerrdoc check    # validate catalog and translations\n```\n\n- `catalog/codes.yaml`: every code once (number, name, error message).\n- `locales/<language>/*.ftl`: the texts, English first.\n- `templates/`: optional; a file here replaces errdoc's template of the same name.\n";

/// Runs `errdoc init`.
pub(crate) fn run(root: &Path, args: &InitArgs) -> anyhow::Result<ExitCode> {
    let dir = args.dir.as_deref().unwrap_or(root);
    if dir.join(CATALOG_PATH).exists() {
        tell!(
            "error: {} exists already — this folder is an errdoc project",
            dir.join(CATALOG_PATH).display()
        );
        return Ok(failure());
    }
    // Into a folder that exists, as another command would write there.
    let _lock = if dir.is_dir() {
        Some(crate::output::lock(dir, "init")?)
    } else {
        None
    };
    let files = [
        (CATALOG_PATH, CATALOG),
        ("locales/en/ui.ftl", include_str!("../../locales/en/ui.ftl")),
        ("README.md", README),
        // What errdoc keeps beside the project: its lock and build cache.
        (".gitignore", ".errdoc.lock\n.errdoc-cache\n"),
    ];
    for (path, text) in files {
        let full = dir.join(path);
        if full.exists() {
            continue;
        }
        write_atomically(&full, text.as_bytes())?;
        status!("created {}", full.display());
    }
    status!(
        "next: `errdoc --root {} import --locale en <errorcode-*.md>`, then `errdoc --root {} build`",
        dir.display(),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
