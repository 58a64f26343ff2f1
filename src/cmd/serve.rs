//! `errdoc serve`: build, serve on loopback, rebuild and reload on change.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::ServeArgs;

/// Runs `errdoc serve` until Ctrl-C.
pub(crate) fn run(root: &Path, args: &ServeArgs) -> anyhow::Result<ExitCode> {
    crate::serve::run(root, args.host, args.port, args.open)?;
    Ok(ExitCode::SUCCESS)
}
