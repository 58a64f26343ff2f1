//! The run protocol: a command that reads a project loads the stages it
//! needs, in order, and one [`Policy`] turns what they found into what is
//! printed and the exit status.
//!
//! ```text
//!   catalog ─→ locales ─→ validate ─┬─→ look (templates, layouts) ─→ render ─→ write
//!   └──────── Stage::Project ───────┘   └───────────── Stage::Look ─────────────┘
//!    explain, export, l10n …             check, build, serve, import's round trip
//! ```
//!
//! An error in a stage a command loads stops it: its located diagnostics,
//! then `error: <command> failed with …`, status 1, nothing changed. A
//! stage it does not load cannot stop it (a broken template override does
//! not stop `explain`). Warnings never do, unless `--deny-warnings`; the
//! commands that judge a project (`check`, `build`) print them, the others
//! leave them to `check`.

use std::path::Path;
use std::process::ExitCode;

use crate::diagnostic::{Diagnostics, Listed, plural};
use crate::project::{Look, Project};

/// The stages of loading a project, each after the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Stage {
    /// The catalog and the locales, validated: what every command that
    /// reads a project needs.
    Project,
    /// And how the pages look (templates, layouts): for the commands that
    /// render.
    Look,
}

/// What a command prints of the warnings it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Warnings {
    /// Each, located (`check`).
    Show,
    /// Each, located, but the translations still to do, summed up per
    /// locale and kind — each with `--verbose` (`build`).
    Sum,
    /// How many, on one line, pointing at `check`.
    Count,
    /// Nothing: `check` reports them.
    Leave,
}

/// How a command loads a project and judges what it finds.
#[derive(Debug, Clone)]
pub(crate) struct Policy {
    /// The command, as its final line names it (`l10n status`).
    pub command: &'static str,
    /// The last stage it needs.
    pub stage: Stage,
    /// What it prints of warnings.
    pub warnings: Warnings,
    /// What its final line adds when it fails (`site/ was not changed`).
    pub unchanged: &'static str,
    /// Diagnostics as one JSON document on standard output
    /// (`--format json`).
    pub json: bool,
}

/// A project loaded as far as a command needs it, and what loading found
/// (warnings only: errors stop the command).
pub(crate) struct Loaded {
    /// The project.
    pub project: Project,
    /// How its pages look, for a command that loads [`Stage::Look`].
    pub look: Option<Look>,
    /// The warnings found.
    pub diags: Diagnostics,
}

impl Policy {
    /// The policy of `command`, which needs `stage`: warnings left to
    /// `check`, nothing else said.
    pub(crate) fn new(command: &'static str, stage: Stage) -> Policy {
        Policy {
            command,
            stage,
            warnings: Warnings::Leave,
            unchanged: "",
            json: false,
        }
    }

    /// Loads the project at `root` as far as the command needs, adding to
    /// `diags` (problems the command found first, such as a bad option).
    /// `Ok(Err(status))` when it must stop: everything is printed then.
    pub(crate) fn load(
        &self,
        root: &Path,
        mut diags: Diagnostics,
    ) -> anyhow::Result<Result<Loaded, ExitCode>> {
        let project = Project::load(root, &mut diags)?;
        // Loaded even after errors: every problem is reported at once.
        let look = match (&project, self.stage) {
            (Some(project), Stage::Look) => project.look(&mut diags)?,
            _ => None,
        };
        let usable = self.stage == Stage::Project || look.is_some();
        match project {
            Some(project) if usable && !self.failed(&diags) => Ok(Ok(Loaded {
                project,
                look,
                diags,
            })),
            _ => Ok(Err(self.stop(&diags))),
        }
    }

    /// Judges `diags` once the command has done its work (rendering finds
    /// problems too): prints them as the policy says; `Err(status)` if the
    /// command failed.
    pub(crate) fn finish(&self, diags: &Diagnostics) -> Result<(), ExitCode> {
        if self.failed(diags) {
            return Err(self.stop(diags));
        }
        if self.json {
            self.print_json(diags, true);
        } else {
            self.print(diags);
        }
        Ok(())
    }

    /// Whether `diags` fail the command.
    pub(crate) fn failed(&self, diags: &Diagnostics) -> bool {
        diags.has_errors() || (crate::console::deny_warnings() && diags.warning_count() > 0)
    }

    /// Prints why the command stops, and gives its status.
    fn stop(&self, diags: &Diagnostics) -> ExitCode {
        if self.json {
            self.print_json(diags, false);
        } else {
            self.print(diags);
            let found = if self.listed() != Listed::Errors {
                diags.summary()
            } else {
                plural(diags.error_count(), "error", "errors")
            };
            crate::console::tell(&format!(
                "error: {} failed with {found}{}",
                self.command, self.unchanged
            ));
        }
        ExitCode::from(1)
    }

    /// Prints the errors of `diags`, and its warnings as the policy says.
    fn print(&self, diags: &Diagnostics) {
        let listed = self.listed();
        diags.print(listed);
        if listed == Listed::Errors && self.warnings == Warnings::Count && diags.warning_count() > 0
        {
            crate::console::tell(&format!(
                "({}; `errdoc check` shows them)",
                plural(diags.warning_count(), "warning", "warnings")
            ));
        }
    }

    /// Which warnings the policy lists: `-W` lists those that fail the
    /// command, `--verbose` each.
    pub(crate) fn listed(&self) -> Listed {
        match self.warnings {
            Warnings::Show => Listed::Each,
            Warnings::Count | Warnings::Leave if !crate::console::deny_warnings() => Listed::Errors,
            Warnings::Sum | Warnings::Count | Warnings::Leave => Listed::summed(),
        }
    }

    /// `{ok, errors, warnings, diagnostics: […]}` on standard output.
    fn print_json(&self, diags: &Diagnostics, ok: bool) {
        let report = serde_json::json!({
            "ok": ok,
            "errors": diags.error_count(),
            "warnings": diags.warning_count(),
            "diagnostics": diags.sorted().iter().map(|d| d.to_json()).collect::<Vec<_>>(),
        });
        crate::console::say(&serde_json::to_string_pretty(&report).unwrap_or_default());
    }
}
