//! The command line, declared once with clap's derive API: the doc comments
//! below are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Error-code reference pages (Markdown, in every locale) from one YAML
/// catalog and its Fluent translations.
#[derive(Debug, Parser)]
#[command(name = "errdoc", version, about, max_term_width = 100)]
pub struct Cli {
    /// The project folder: the one holding catalog/, locales/, templates/ and site/
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,

    /// What to do
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the project, then write every page under site/
    Build(BuildArgs),
    /// Validate and render everything, but write nothing
    Check(CheckArgs),
}

/// Options of `errdoc build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Write nothing; list the files under site/ that a build would create,
    /// change or remove, and exit with status 1 if there are any (for CI,
    /// since site/ is committed)
    #[arg(long)]
    pub check: bool,

    /// The absolute URL the site is published at (https://example.org/docs/errors/),
    /// for sitemap.xml and the hreflang alternates; overrides the catalog's
    /// site.base_url
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

/// Options of `errdoc check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Fail (exit status 1) on warnings too
    #[arg(short = 'W', long)]
    pub deny_warnings: bool,
}
