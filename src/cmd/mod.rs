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

/// A status line on standard output (`build: … written`), unless
/// `--quiet`.
macro_rules! status {
    ($($arg:tt)*) => {{
        $crate::console::status(&format!($($arg)*));
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
pub mod explain_error;
pub mod export;
pub mod import;
pub mod init;
pub mod l10n;
pub mod serve;

use std::process::ExitCode;

/// Status 1: the input has errors, or a check found differences.
pub(crate) fn failure() -> ExitCode {
    ExitCode::from(1)
}
