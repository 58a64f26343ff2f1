//! `errdoc l10n confirm <id>…`: the translation is right for today's
//! English; record that English as its source, so it is no longer stale.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::ConfirmArgs;
use crate::cmd::failure;
use crate::l10n::{self, State, sync::select};

use super::{load, save_lock, targets};

/// Runs `errdoc l10n confirm`.
pub(super) fn run(root: &Path, args: &ConfirmArgs) -> anyhow::Result<ExitCode> {
    let project = match load(root, "l10n confirm", true)? {
        Ok(project) => project,
        Err(status) => return Ok(status),
    };
    let locales = match targets(&project, args.locale.as_deref()) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let units = project.units();
    let mut failed = false;
    let selected: Vec<&l10n::Unit> = if args.all {
        units.iter().collect()
    } else {
        let mut all = Vec::new();
        for wanted in &args.ids {
            let found = select(units, wanted);
            if found.is_empty() {
                tell!(
                    "error: there is no English string `{wanted}` — use a message id (`code-1006`) or `id.attribute`"
                );
                failed = true;
            }
            all.extend(found);
        }
        all
    };
    for locale in locales {
        let mut lock = project.lock_for(locale);
        let mut confirmed = 0;
        for unit in &selected {
            let state = l10n::state_of(unit, locale, Some(&lock));
            if state == State::Missing {
                if !args.all {
                    tell!(
                        "error: {} has no translation of `{}` to confirm — translate it first",
                        locale.tag,
                        unit.key()
                    );
                    failed = true;
                }
                continue;
            }
            if lock.get(&unit.key()).map(|s| s.english.as_str()) != Some(unit.english.as_str()) {
                lock.record(&unit.key(), &unit.english);
                confirmed += 1;
            }
        }
        save_lock(root, &lock)?;
        status!(
            "{}: {} confirmed ({})",
            locale.tag,
            crate::diagnostic::plural(confirmed, "string", "strings"),
            lock.path.display()
        );
    }
    Ok(if failed { failure() } else { ExitCode::SUCCESS })
}
