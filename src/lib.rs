//! errdoc turns one YAML catalog of error codes and its Fluent translations
//! into error-code reference pages in every locale.
//!
//! The pipeline has one module per stage: `catalog` (load and expand) →
//! `locales` (discover and parse Fluent) → `validate` → `model` (format
//! every text) → `render` (Tera templates) → `output` (atomic writes).
//! `project::Project` ties them together, `run` is the protocol every
//! command follows, `cmd` holds the subcommands and `console` prints.
//!
//! The library is the binary's: its modules are private, and what the
//! integration tests and fuzz targets reach is re-exported in [`testing`],
//! which is not an API.

mod cache;
mod catalog;
mod cli;
mod cmd;
mod compat;
mod console;
mod diagnostic;
mod explain;
mod export;
mod import;
mod input;
mod l10n;
mod layout;
mod locales;
pub mod markup;
mod model;
mod output;
mod portable;
mod project;
mod render;
mod run;
mod scan;
#[cfg(feature = "serve")]
mod serve;
mod site;
mod source;
mod validate;

use std::process::ExitCode;

/// The `errdoc` command: parses the command line, makes the console's
/// choices, runs the subcommand; its exit status.
pub fn main() -> ExitCode {
    use clap::Parser as _;
    let cli = cli::Cli::parse();
    console::configure(
        cli.color,
        console::Flags {
            quiet: cli.quiet,
            deny_warnings: cli.deny_warnings,
            verbose: cli.verbose,
        },
    );
    cmd::run(&cli)
}

/// What the integration tests and the fuzz targets use of the library.
#[doc(hidden)]
pub mod testing {
    pub use crate::catalog::{Catalog, draft::Draft};
    pub use crate::diagnostic::{Diagnostics, KINDS, KindInfo, Severity};
    pub use crate::export::{literal_c, literal_rust, literal_ts};
    pub use crate::import::{
        compare_lines, differing_fields, headings_round_trip, layout_of, parse, round_trip,
    };
    pub use crate::layout::Layout;
    pub use crate::locales::entry_ranges;
    pub use crate::output::fingerprint;
    pub use crate::render::markdown_html;
    pub use crate::render::search::plain_text;
    pub use crate::scan::tokens_of;
    #[cfg(feature = "serve")]
    pub use crate::serve::{Hosts, ServeOptions, Shared, serve};
    pub use crate::source::SourceFile;
}
