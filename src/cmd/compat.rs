//! `errdoc compat --against REV|FILE`: today's catalog against an earlier
//! release, as an API: what would break apps fails (exit 1), what the
//! catalog acknowledges is noted.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::{CompatArgs, Format};
use crate::cmd::failure;
use crate::compat::release::{self, Unreadable};
use crate::compat::{Release, compare, report};
use crate::diagnostic::{Diagnostics, Listed, plural};
use crate::run::{Policy, Stage};

/// Runs `errdoc compat`.
pub(crate) fn run(root: &Path, args: &CompatArgs) -> anyhow::Result<ExitCode> {
    let policy = Policy {
        json: args.format == Format::Json,
        ..Policy::new("compat", Stage::Project)
    };
    let project = match policy.load(root, Diagnostics::new())? {
        Ok(loaded) => loaded.project,
        Err(status) => return Ok(status),
    };
    let old = match release::read(root, &args.against) {
        Ok(old) => old,
        Err(Unreadable::Said(why)) => {
            tell!("error: {why}");
            return Ok(failure());
        }
        Err(Unreadable::Catalog(diags)) => {
            diags.print(Listed::Errors);
            tell!(
                "error: the catalog of `{}` does not read with this errdoc; compare against a file of `errdoc export --format json` made by the errdoc of that release",
                crate::console::printable(&args.against)
            );
            return Ok(failure());
        }
    };
    let new = Release::of_catalog(&project.catalog, project.catalog.file.clone(), "today");
    let changes = compare(&old, &new);
    let diags = report::diagnostics(&old, &new, &changes);
    if policy.json {
        let json = report::json(&old, &changes, &diags);
        say!("{}", serde_json::to_string_pretty(&json)?);
    } else {
        diags.print(Listed::Each);
        let others = format!(
            "{} and {}",
            plural(diags.warning_count(), "warning", "warnings"),
            plural(diags.note_count(), "note", "notes")
        );
        let against = crate::console::printable(&old.label);
        if diags.has_errors() {
            tell!(
                "error: compat found {} against {against} ({others})",
                plural(diags.error_count(), "breaking change", "breaking changes")
            );
        } else {
            tell!("compat: no breaking change against {against} ({others})");
        }
    }
    Ok(if diags.has_errors() {
        failure()
    } else {
        ExitCode::SUCCESS
    })
}
