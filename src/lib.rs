//! errdoc turns one YAML catalog of error codes and its Fluent translations
//! into error-code reference pages in every locale.
//!
//! The pipeline has one module per stage: [`catalog`] (load and expand) →
//! [`locales`] (discover and parse Fluent) → [`validate`] → [`model`] (format
//! every text) → [`render`] (Tera templates) → [`output`] (atomic writes).
//! [`project::Project`] ties them together; [`cmd`] holds the subcommands.

pub mod catalog;
pub mod cli;
pub mod cmd;
pub mod console;
pub mod diagnostic;
pub mod explain;
pub mod export;
pub mod import;
pub mod input;
pub mod l10n;
pub mod layout;
pub mod locales;
pub mod markup;
pub mod model;
pub mod output;
pub mod project;
pub mod render;
pub mod run;
pub mod serve;
pub mod source;

pub mod validate;
