//! One file per subcommand; each returns the process's exit status.
//!
//! Output goes through `say!` and `tell!`, not `println!`: printing to a
//! closed pipe (`errdoc export --format json | head`) must end quietly, not
//! panic.

/// `println!` to standard output, ignoring a closed pipe.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// `print!` to standard output, ignoring a closed pipe.
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// `eprintln!`, ignoring a closed standard error.
macro_rules! tell {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

/// `eprint!`, ignoring a closed standard error.
macro_rules! tell_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr().lock(), $($arg)*);
    }};
}

pub mod build;
pub mod check;
pub mod diff;
pub mod explain;
pub mod export;
pub mod import;
pub mod init;
pub mod l10n;
pub mod serve;

use std::io::Write as _;
use std::process::ExitCode;

use crate::diagnostic::Diagnostics;

/// Prints the diagnostics to standard error, sorted by file and position:
/// every one, or with `warnings` false the errors only.
pub(crate) fn report(diags: &Diagnostics, warnings: bool) {
    let mut stderr = std::io::stderr().lock();
    for d in diags
        .sorted()
        .into_iter()
        .filter(|d| warnings || d.severity() == crate::diagnostic::Severity::Error)
    {
        // Nothing sensible is left to do if standard error is gone.
        let _ = write!(stderr, "{d}");
    }
    if diags.not_shown() > 0 {
        let _ = writeln!(
            stderr,
            "… and {} more, not shown (the first ones are; fix them and run again)",
            crate::diagnostic::plural(diags.not_shown(), "problem", "problems")
        );
    }
}

/// Status 1: the input has errors, or a check found differences.
pub(crate) fn failure() -> ExitCode {
    ExitCode::from(1)
}
