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

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod compat;
pub(crate) mod completions;
pub(crate) mod diff;
pub(crate) mod explain;
pub(crate) mod explain_error;
pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod init;
pub(crate) mod l10n;
pub(crate) mod scan;
#[cfg(feature = "serve")]
pub(crate) mod serve;

use std::process::ExitCode;

use crate::cli::{Cli, Command};

/// Status 1: the input has errors, or a check found differences.
pub(crate) fn failure() -> ExitCode {
    ExitCode::from(1)
}

/// Runs the command `cli` names; its exit status. An error that is not the
/// input's (a file that cannot be written) is printed with its whole chain
/// of causes.
pub(crate) fn run(cli: &Cli) -> ExitCode {
    let needs_project = match &cli.command {
        Command::Init(_) | Command::ExplainError(_) | Command::Completions(_) | Command::Man(_) => {
            false
        }
        Command::Explain(args) => args.catalog.is_none(),
        _ => true,
    };
    if needs_project {
        let problem = match std::fs::metadata(&cli.root) {
            Ok(meta) if meta.is_dir() => None,
            Ok(_) => Some("is not a folder".to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Some("does not exist".to_string())
            }
            Err(e) => Some(format!("cannot be opened: {e}")),
        };
        if let Some(problem) = problem {
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr().lock(),
                "error: the project folder {} {problem} — pass the folder that holds catalog/ and locales/ with --root, or make one with `errdoc init`",
                cli.root.display()
            );
            return ExitCode::from(1);
        }
    }
    let result = match &cli.command {
        Command::Build(args) => build::run(&cli.root, args),
        Command::Check(args) => check::run(&cli.root, args),
        Command::L10n(command) => l10n::run(&cli.root, command),
        Command::Explain(args) => explain::run(&cli.root, args),
        Command::ExplainError(args) => explain_error::run(args),
        Command::Export(args) => export::run(&cli.root, args),
        Command::Compat(args) => compat::run(&cli.root, args),
        Command::Scan(args) => scan::run(&cli.root, args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(&cli.root, args),
        Command::Init(args) => init::run(&cli.root, args),
        Command::Import(args) => import::run(&cli.root, args),
        Command::Completions(args) => completions::completions(args),
        Command::Man(args) => completions::man(args),
    };
    result.unwrap_or_else(|error| {
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), "error: {error:#}");
        ExitCode::from(1)
    })
}
