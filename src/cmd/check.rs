//! `errdoc check`: load, validate and render everything, write nothing.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::{CheckArgs, Format};
use crate::cmd::{failure, report};
use crate::diagnostic::Diagnostics;
use crate::project::{Project, RenderOptions};

/// Runs `errdoc check`.
pub fn run(root: &Path, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let mut diags = Diagnostics::new();
    let project = Project::load(root, &mut diags)?;
    if let Some(project) = &project {
        // Rendering finds what validation cannot: formatting and template errors.
        project.render(&RenderOptions::default(), &mut diags);
    }
    let failed = diags.has_errors()
        || project.is_none()
        || (args.deny_warnings && diags.warning_count() > 0);
    if args.format == Format::Json {
        let report = serde_json::json!({
            "ok": !failed,
            "errors": diags.error_count(),
            "warnings": diags.warning_count(),
            "diagnostics": diags.sorted().iter().map(|d| d.to_json()).collect::<Vec<_>>(),
        });
        say!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(if failed { failure() } else { ExitCode::SUCCESS });
    }
    report(&diags);
    match project {
        Some(project) if !failed => {
            let stats = project.stats();
            say!(
                "check: {} locales, {} pages, {} codes: {}",
                stats.locales,
                stats.pages,
                stats.codes,
                diags.summary()
            );
            Ok(ExitCode::SUCCESS)
        }
        _ => {
            tell!("error: check failed with {}", diags.summary());
            Ok(failure())
        }
    }
}
