//! The `errdoc` binary: parse the command line, run the subcommand, print
//! any I/O error with its whole chain of causes.

use std::process::ExitCode;

use clap::Parser as _;
use errdoc::cli::{Cli, Command};
use errdoc::cmd;

fn main() -> ExitCode {
    let cli = Cli::parse();
    errdoc::console::configure(cli.color, cli.quiet);
    if !matches!(cli.command, Command::Init(_) | Command::ExplainError(_)) {
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
        Command::Build(args) => cmd::build::run(&cli.root, args),
        Command::Check(args) => cmd::check::run(&cli.root, args),
        Command::L10n(command) => cmd::l10n::run(&cli.root, command),
        Command::Explain(args) => cmd::explain::run(&cli.root, args),
        Command::ExplainError(args) => cmd::explain_error::run(args),
        Command::Export(args) => cmd::export::run(&cli.root, args),
        Command::Serve(args) => cmd::serve::run(&cli.root, args),
        Command::Init(args) => cmd::init::run(&cli.root, args),
        Command::Import(args) => cmd::import::run(&cli.root, args),
    };
    result.unwrap_or_else(|error| {
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), "error: {error:#}");
        ExitCode::from(1)
    })
}
