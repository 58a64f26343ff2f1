//! `errdoc scan PATH…`: the codes the source code uses that the catalog
//! does not document (errors, exit 1), and with `--unused` the documented
//! codes no source file mentions (warnings).

use std::path::Path;
use std::process::ExitCode;

use crate::cli::{Format, ScanArgs};
use crate::cmd::failure;
use crate::diagnostic::{Diagnostic, Diagnostics, Kind, Listed, plural};
use crate::run::{Policy, Stage};
use crate::scan::{Found, Scanner};

/// Runs `errdoc scan`.
pub(crate) fn run(root: &Path, args: &ScanArgs) -> anyhow::Result<ExitCode> {
    let policy = Policy {
        json: args.format == Format::Json,
        ..Policy::new("scan", Stage::Project)
    };
    let project = match policy.load(root, Diagnostics::new())? {
        Ok(loaded) => loaded.project,
        Err(status) => return Ok(status),
    };
    let catalog = &project.catalog;
    let scanner = match Scanner::new(catalog) {
        Ok(scanner) => scanner,
        Err(bad) => {
            let list = match bad.list {
                "include" => &catalog.scan.include,
                "exclude" => &catalog.scan.exclude,
                _ => &catalog.scan.patterns,
            };
            let mut diags = Diagnostics::new();
            let d = Diagnostic::new(Kind::BadScanSetting {
                list: bad.list,
                why: bad.why,
            });
            diags.push(match list.get(bad.index) {
                Some(entry) => d.at(&catalog.file, entry.span),
                None => d.at_path(crate::catalog::CATALOG_PATH),
            });
            return Ok(policy.finish(&diags).err().unwrap_or_else(failure));
        }
    };
    let found = scanner.scan(&args.paths);
    let diags = diagnostics(&project.catalog, &found, args.unused);
    if policy.json {
        let report = serde_json::json!({
            "ok": !diags.has_errors(),
            "files": found.read,
            "bytes": found.bytes,
            "skipped": found.skipped,
            "errors": diags.error_count(),
            "warnings": diags.warning_count(),
            "diagnostics": diags.sorted().iter().map(|d| d.to_json()).collect::<Vec<_>>(),
        });
        say!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        diags.print(Listed::Each);
        let skipped = if found.skipped > 0 {
            format!(" (and {} skipped: binary or too large)", found.skipped)
        } else {
            String::new()
        };
        let files = format!("{}{skipped}", plural(found.read, "file", "files"));
        let warnings = plural(diags.warning_count(), "warning", "warnings");
        let undocumented: usize = found.files.iter().map(|f| f.undocumented.len()).sum();
        let unscanned = if found.errors.is_empty() {
            String::new()
        } else {
            format!(
                "; {} could not be scanned",
                plural(found.errors.len(), "path", "paths")
            )
        };
        if diags.has_errors() {
            tell!(
                "error: scan found {} and {warnings} in {files}{unscanned}",
                plural(undocumented, "undocumented code", "undocumented codes")
            );
        } else {
            tell!("scan: no undocumented code and {warnings} in {files}");
        }
    }
    Ok(if diags.has_errors() {
        failure()
    } else {
        ExitCode::SUCCESS
    })
}

/// The findings as diagnostics: each undocumented code at its place in
/// the source, each documented code no file mentions (with `unused`) at
/// its catalog line — a family's members aside (generated or written
/// out), which apps compute (`base + errno`) rather than write, and codes
/// kept as removed.
fn diagnostics(catalog: &crate::catalog::Catalog, found: &Found, unused: bool) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for f in &found.files {
        for m in &f.undocumented {
            let span = f.file.span(m.start, m.end);
            diags.push(
                Diagnostic::new(Kind::UndocumentedCode {
                    code: crate::console::printable(&m.code),
                })
                .at(&f.file, span),
            );
        }
    }
    for why in &found.errors {
        diags.push(Diagnostic::new(Kind::NotScanned { why: why.clone() }));
    }
    if found.read == 0 && found.errors.is_empty() {
        diags.push(Diagnostic::new(Kind::NotScanned {
            why: "no file to read under the paths: none is of a language errdoc knows, `scan.include` and `scan.exclude` leave none, or every one is binary".to_string(),
        }));
    }
    if unused {
        for c in catalog.modules.iter().flat_map(|m| &m.codes) {
            if c.member.is_none() && c.removed.is_none() && !found.mentioned.contains(&c.code) {
                diags.push(
                    Diagnostic::new(Kind::UnusedCode {
                        code: c.code,
                        name: c.name.value.clone(),
                    })
                    .at(&catalog.file, c.span()),
                );
            }
        }
    }
    diags
}
