//! `errdoc check`: load, validate and render everything, write nothing.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::{CheckArgs, Format};
use crate::diagnostic::Diagnostics;
use crate::project::RenderOptions;
use crate::run::{Policy, Stage, Warnings};

/// Runs `errdoc check`.
pub(crate) fn run(root: &Path, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let policy = Policy {
        warnings: Warnings::Show,
        json: args.format == Format::Json,
        ..Policy::new("check", Stage::Look)
    };
    let mut loaded = match policy.load(root, Diagnostics::new())? {
        Ok(loaded) => loaded,
        Err(status) => return Ok(status),
    };
    // Rendering finds what validation cannot: formatting and template errors.
    let look = loaded.look.as_ref();
    if let Some(look) = look {
        loaded.project.render(
            look,
            &RenderOptions::default(),
            None,
            crate::output::Output::new(),
            &mut loaded.diags,
        );
    }
    if let Err(status) = policy.finish(&loaded.diags) {
        return Ok(status);
    }
    if !policy.json {
        let stats = loaded.project.stats();
        status!(
            "check: {} locales, {} pages, {} codes: {}",
            stats.locales,
            stats.pages,
            stats.codes,
            loaded.diags.summary()
        );
    }
    Ok(ExitCode::SUCCESS)
}
