//! The earlier release `compat --against` names: a git revision of the
//! project, whose catalog is read with `git show REV:./catalog/codes.yaml`
//! (no checkout, nothing written), or a file of `export --format json`.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use super::{Facts, FamilyFacts, Release};
use crate::catalog::{CATALOG_PATH, Catalog};
use crate::diagnostic::Diagnostics;
use crate::portable::Portable;
use crate::source::SourceFile;

/// Why the earlier release cannot be read.
#[derive(Debug)]
pub(crate) enum Unreadable {
    /// Said in a sentence.
    Said(String),
    /// Its catalog does not read: the problems, located in it.
    Catalog(Diagnostics),
}

/// What `--against` takes, for messages.
const AGAINST: &str = "--against takes a git revision of the project (a tag such as v1.0, a commit) or a file of `errdoc export --format json`";

/// Reads the release `against` names for the project at `root`: an
/// existing file is an exported catalog, anything else a git revision.
pub(crate) fn read(root: &Path, against: &str) -> Result<Release, Unreadable> {
    let path = Path::new(against);
    if path.is_file() {
        return from_file(path);
    }
    from_git(root, against)
}

/// The release of the project's git revision `rev`.
fn from_git(root: &Path, rev: &str) -> Result<Release, Unreadable> {
    let said = |what: String| Unreadable::Said(format!("{what}\n  = help: {AGAINST}"));
    if rev.is_empty()
        || rev.starts_with('-')
        || rev.contains(':')
        || rev.chars().any(char::is_control)
    {
        return Err(said(format!(
            "`{}` is neither a file nor a git revision",
            crate::console::printable(rev)
        )));
    }
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .arg("show")
        .arg(format!("{rev}:./{CATALOG_PATH}"))
        .output()
        .map_err(|e| said(format!("cannot run git to read the catalog of {rev}: {e}")))?;
    if !output.status.success() {
        let why = String::from_utf8_lossy(&output.stderr);
        let why = why
            .lines()
            .next()
            .unwrap_or("")
            .trim_start_matches("fatal: ");
        return Err(said(format!(
            "git cannot show {CATALOG_PATH} at `{}`: {}",
            crate::console::printable(rev),
            crate::console::printable(why)
        )));
    }
    if output.stdout.len() as u64 > crate::input::INPUT_LIMIT {
        return Err(said(format!(
            "the catalog of {rev} is larger than {} MiB: errdoc reads no input that large",
            crate::input::INPUT_LIMIT >> 20
        )));
    }
    let text = String::from_utf8(output.stdout)
        .map_err(|_| said(format!("the catalog of {rev} is not UTF-8 text")))?;
    let file = SourceFile::new(format!("{rev}:{CATALOG_PATH}"), text);
    let mut diags = Diagnostics::new();
    match Catalog::parse(file, &mut diags) {
        Some(catalog) if !diags.has_errors() => {
            let file = catalog.file.clone();
            Ok(Release::of_catalog(&catalog, file, rev))
        }
        _ => Err(Unreadable::Catalog(diags)),
    }
}

/// The release of an exported catalog.
fn from_file(path: &Path) -> Result<Release, Unreadable> {
    let (portable, _) = Portable::load(path, false).map_err(|e| Unreadable::Said(e.to_string()))?;
    Ok(of_portable(portable, &path.display().to_string()))
}

/// The release of the exported file `text` at `shown` (in a project:
/// `site.changes_since`), named after its file (`v1.0.json` is `v1.0`).
///
/// Its names and ids reach the pages as they are, so they are held to the
/// catalog's rules: a file that breaks them is not a snapshot errdoc made.
pub(crate) fn of_export(text: &str, shown: &str) -> Result<Release, String> {
    let name = Path::new(shown)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let label = name.strip_suffix(".json").unwrap_or(&name).to_string();
    if label.is_empty()
        || !label
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    {
        return Err(format!(
            "{shown}: the release is named after the file, which takes letters, digits, `.`, `-` and `_` (`v1.0.json`)"
        ));
    }
    let portable = crate::portable::read(text, shown, false).map_err(|e| e.0)?;
    if let Some(bad) = portable
        .codes
        .iter()
        .find(|c| !crate::catalog::is_constant_name(&c.name) || !crate::catalog::is_id(&c.module))
    {
        return Err(format!(
            "{shown}: code {} has a name or module errdoc does not write (`{}`, `{}`)",
            bad.code,
            crate::console::printable(&bad.name),
            crate::console::printable(&bad.module)
        ));
    }
    let mut release = of_portable(portable, shown);
    release.label = label;
    Ok(release)
}

/// The release an exported catalog holds.
fn of_portable(portable: Portable, shown: &str) -> Release {
    let families = portable
        .families
        .into_iter()
        .map(|f| {
            (
                f.id.clone(),
                FamilyFacts {
                    id: f.id,
                    base: f.base,
                    table: f.table,
                    name: f.name,
                    changed: f.changed,
                    span: None,
                },
            )
        })
        .collect();
    let codes: BTreeMap<_, _> = portable
        .codes
        .into_iter()
        .map(|c| {
            (
                c.code,
                Facts {
                    code: c.code,
                    name: c.name,
                    message: c.message,
                    module: c.module,
                    family: c.family.map(|m| m.family),
                    generated: c.generated,
                    deprecated: c.deprecated,
                    removed: c.removed,
                    renamed_from: c.renamed_from,
                    message_changed: c.message_changed,
                    span: None,
                    titles: c
                        .texts
                        .into_iter()
                        .map(|(tag, texts)| (tag, texts.title))
                        .collect(),
                },
            )
        })
        .collect();
    Release {
        label: shown.to_string(),
        file: None,
        path: shown.to_string(),
        codes,
        families,
    }
}
