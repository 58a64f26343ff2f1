//! `errdoc import --locale L [--module ID] FILE.md…`.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::ImportArgs;
use crate::cmd::failure;
use crate::diagnostic::{Diagnostics, Severity};
use crate::import::{self, parse};
use crate::project::{Project, RenderOptions};

/// Runs `errdoc import`.
pub fn run(root: &Path, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let locale = &args.locale;
    if !crate::locales::is_locale_tag(locale) {
        tell!("error: `{locale}` is not a language tag written the canonical way (`en`, `zh-CN`)");
        return Ok(failure());
    }
    if !root.join(crate::catalog::CATALOG_PATH).exists() {
        tell!(
            "error: {} is not an errdoc project — `errdoc init` creates one",
            root.display()
        );
        return Ok(failure());
    }
    let source = "en";
    let mut reports = Vec::new();
    for file in &args.files {
        let report = import::import_file(root, file, locale, source, args.module.as_deref())?;
        reports.push(report);
    }

    // Build again and compare each imported page with the page made of it.
    let mut diags = Diagnostics::new();
    let project = Project::load(root, &mut diags)?;
    let output = project
        .as_ref()
        .map(|p| p.render(&RenderOptions::default(), &mut diags));
    let errors: Vec<_> = diags
        .sorted()
        .into_iter()
        .filter(|d| d.severity() == Severity::Error)
        .collect();

    let mut failed = false;
    for report in &reports {
        say!("{}: module `{}`", report.path.display(), report.module);
        say!(
            "  {} added, {} merged{}",
            crate::diagnostic::plural(report.added.len(), "code", "codes"),
            report.merged.len(),
            if report.written.is_empty() {
                "; nothing changed".to_string()
            } else {
                format!(
                    "; wrote {}",
                    report
                        .written
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        );
        for (code, line) in &report.duplicates {
            say!("  line {line}: code {code} again — the first section was kept");
        }
        for (line, text) in &report.conflicts {
            say!("  line {line}: conflict: {text}");
            failed = true;
        }
        if !report.placeholders.is_empty() {
            say!(
                "  English placeholders (titles from the Error Message) for {}; write their English text",
                report
                    .placeholders
                    .iter()
                    .map(crate::catalog::CodeNumber::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        for (line, what) in &report.unmapped {
            if *line == 0 {
                say!("  not imported: {what}");
            } else {
                say!("  line {line}: not imported: {what}");
            }
        }
        let Some(project) = &project else { continue };
        let page_name = project
            .catalog
            .modules
            .iter()
            .find(|m| m.id.value == report.module)
            .map(|m| m.page.value.clone());
        let built = page_name.as_ref().and_then(|name| {
            output.as_ref().and_then(|o| {
                o.files()
                    .find(|(p, _)| *p == Path::new(&format!("md/{locale}/{name}.md")))
                    .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            })
        });
        match built {
            Some(text) if errors.is_empty() => {
                let (exact, total, differences) =
                    import::round_trip(&report.sections, &parse::page(&text));
                say!(
                    "  round trip: {exact} of {total} sections say exactly the same on the built page"
                );
                for d in differences {
                    say!("    {d}");
                }
            }
            _ => {
                say!("  round trip: not checked — the project does not build yet (`errdoc check`)")
            }
        }
    }
    for d in &errors {
        tell_raw!("{d}");
    }
    Ok(if failed { failure() } else { ExitCode::SUCCESS })
}
