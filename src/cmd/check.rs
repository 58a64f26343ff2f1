//! `errdoc check`: load, validate and render everything, write nothing.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::CheckArgs;
use crate::cmd::{failure, report};
use crate::diagnostic::Diagnostics;
use crate::project::Project;

/// Runs `errdoc check`.
pub fn run(root: &Path, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let mut diags = Diagnostics::new();
    let project = Project::load(root, &mut diags)?;
    if let Some(project) = &project {
        // Rendering finds what validation cannot: formatting and template errors.
        project.render(None, &mut diags);
    }
    report(&diags);
    let failed = diags.has_errors() || (args.deny_warnings && diags.warning_count() > 0);
    match project {
        Some(project) if !failed => {
            let stats = project.stats();
            println!(
                "check: {} locales, {} pages, {} codes: {}",
                stats.locales,
                stats.pages,
                stats.codes,
                diags.summary()
            );
            Ok(ExitCode::SUCCESS)
        }
        _ => {
            eprintln!("error: check failed with {}", diags.summary());
            Ok(failure())
        }
    }
}
