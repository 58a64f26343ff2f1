//! One file per subcommand; each returns the process's exit status.

pub mod build;
pub mod check;
pub mod l10n;

use std::io::Write as _;
use std::process::ExitCode;

use crate::diagnostic::Diagnostics;

/// Prints every diagnostic to standard error, sorted by file and position.
pub(crate) fn report(diags: &Diagnostics) {
    let mut stderr = std::io::stderr().lock();
    for d in diags.sorted() {
        // Nothing sensible is left to do if standard error is gone.
        let _ = write!(stderr, "{d}");
    }
}

/// Status 1: the input has errors, or a check found differences.
pub(crate) fn failure() -> ExitCode {
    ExitCode::from(1)
}
