//! `errdoc explain <CODE|NAME>`: a code in the terminal, like `rustc --explain`.

use std::path::Path;
use std::process::ExitCode;

use crate::catalog::CodeNumber;
use crate::cli::{ExplainArgs, ExplainFormat};
use crate::cmd::failure;
use crate::console::{self, Stream};
use crate::diagnostic::Diagnostics;
use crate::explain::{self, Found, Index, Style};
use crate::model::{Labels, Model};
use crate::portable::{self, Portable};
use crate::project::Project;
use crate::run::{Policy, Stage};

/// Where `explain` reads the codes: a project, or a file it exported
/// (`--catalog`).
enum Source<'a> {
    /// A project and its model.
    Project { project: &'a Project, model: Model },
    /// An exported file or a site's `codes.json`, and its text.
    File { portable: Portable, text: String },
}

impl Source<'_> {
    /// Every locale's tag, the source first.
    fn tags(&self) -> Vec<&str> {
        match self {
            Source::Project { project, .. } => project.locales.tags(),
            Source::File { portable, .. } => portable.locales.iter().map(String::as_str).collect(),
        }
    }

    fn index(&self) -> Index<'_> {
        match self {
            Source::Project { project, .. } => Index::of_catalog(&project.catalog),
            Source::File { portable, .. } => portable.index(),
        }
    }

    fn labels(&self, tag: &str) -> Labels {
        match self {
            Source::Project { model, .. } => model
                .locales
                .iter()
                .find(|l| l.tag == tag)
                .map_or_else(|| Labels::of(&model.locales[0]), Labels::of),
            Source::File { portable, .. } => portable.labels(tag),
        }
    }

    fn code(&self, tag: &str, number: CodeNumber) -> Option<explain::Explained<'_>> {
        match self {
            Source::Project { model, .. } => {
                explain::view(model.locales.iter().find(|l| l.tag == tag)?, number)
            }
            Source::File { portable, .. } => portable.explained(tag, number),
        }
    }

    fn range(&self, tag: &str, id: &str) -> Option<explain::ExplainedRange<'_>> {
        match self {
            Source::Project { model, .. } => {
                explain::range_view(model.locales.iter().find(|l| l.tag == tag)?, id)
            }
            Source::File { portable, .. } => portable.range(tag, id),
        }
    }

    /// The codes `numbers` as JSON: in the schema of `codes.json` from a
    /// project, as the file has them from a file.
    fn json(&self, tag: &str, numbers: &[CodeNumber]) -> serde_json::Value {
        match self {
            Source::Project { model, .. } => model
                .locales
                .iter()
                .find(|l| l.tag == tag)
                .map_or(serde_json::Value::Null, |l| explain::json(l, numbers)),
            Source::File { text, .. } => portable::records(text, numbers),
        }
    }
}

/// Runs `errdoc explain`.
pub(crate) fn run(root: &Path, args: &ExplainArgs) -> anyhow::Result<ExitCode> {
    if let Some(file) = &args.catalog {
        return match Portable::load(file, true) {
            Ok((portable, text)) => explain_in(&Source::File { portable, text }, args, None),
            Err(problem) => {
                tell!("error: {}", console::printable_lines(&problem.to_string()));
                Ok(failure())
            }
        };
    }
    let project = match Policy::new("explain", Stage::Project).load(root, Diagnostics::new())? {
        Ok(loaded) => loaded.project,
        Err(status) => return Ok(status),
    };
    explain(&project, args, None)
}

/// Explains `args.query` of `project`; `shown_code` is how the code is
/// written in the text form's heading, where not as its number.
pub(crate) fn explain(
    project: &Project,
    args: &ExplainArgs,
    shown_code: Option<String>,
) -> anyhow::Result<ExitCode> {
    let source = Source::Project {
        project,
        model: project.model(),
    };
    explain_in(&source, args, shown_code)
}

/// Explains `args.query` of `source`.
fn explain_in(
    source: &Source<'_>,
    args: &ExplainArgs,
    shown_code: Option<String>,
) -> anyhow::Result<ExitCode> {
    let Some(tag) = locale_tag(&source.tags(), args) else {
        return Ok(failure());
    };
    let found = match source.index().lookup(&args.query) {
        Ok(found) => found,
        Err(nearest) => {
            tell!(
                "error: `{}` is not a code, a constant name or an errno name of the catalog",
                console::printable(args.query.trim())
            );
            if !nearest.is_empty() {
                tell!("nearest: {}", console::printable(&nearest.join(", ")));
            }
            return Ok(failure());
        }
    };
    let style = Style {
        colour: console::colour(Stream::Out),
        width: console::width(),
        shown_code,
    };
    let output = match found {
        Found::Codes(numbers) => codes_output(source, &tag, &numbers, args.format, &style)?,
        Found::Range(id) => {
            let Some(range) = source.range(&tag, id) else {
                return Ok(failure());
            };
            match args.format {
                ExplainFormat::Json => {
                    serde_json::to_string_pretty(&explain::range_json(&range))? + "\n"
                }
                ExplainFormat::Markdown => explain::range_markdown(&range),
                ExplainFormat::Text => explain::range_text(&range, &style),
            }
        }
    };
    // The styles of the text form are made in `explain`, each text made
    // printable there; JSON escapes its own; Markdown is made printable
    // here, line by line.
    let output = match args.format {
        ExplainFormat::Markdown => crate::console::printable_lines(&output),
        ExplainFormat::Text | ExplainFormat::Json => output,
    };
    say_raw!("{output}");
    Ok(ExitCode::SUCCESS)
}

/// The locale to explain in: `--lang` (in any case), else the one the
/// environment asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`), else the source
/// locale (the first of `tags`). `None`, said, where `--lang` names none
/// of `tags`.
fn locale_tag(tags: &[&str], args: &ExplainArgs) -> Option<String> {
    match &args.lang {
        Some(lang) => match tags.iter().find(|t| t.eq_ignore_ascii_case(lang)) {
            Some(t) => Some((*t).to_string()),
            None => {
                tell!(
                    "error: there is no locale `{}` — the locales are {}",
                    crate::console::printable(lang),
                    crate::console::printable(&tags.join(", "))
                );
                None
            }
        },
        None => ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| explain::locale_from_env(&v, tags))
            .or_else(|| tags.first().map(|t| (*t).to_string())),
    }
}

/// The codes `numbers` in `format`: one JSON document, or each code's
/// Markdown or text, a blank line between them.
fn codes_output(
    source: &Source<'_>,
    tag: &str,
    numbers: &[CodeNumber],
    format: ExplainFormat,
    style: &Style,
) -> anyhow::Result<String> {
    if format == ExplainFormat::Json {
        return Ok(serde_json::to_string_pretty(&source.json(tag, numbers))? + "\n");
    }
    let labels = source.labels(tag);
    Ok(numbers
        .iter()
        .filter_map(|n| source.code(tag, *n))
        .map(|code| match format {
            ExplainFormat::Markdown => explain::markdown(&code, &labels, style),
            _ => explain::text(&code, &labels, style),
        })
        .collect::<Vec<_>>()
        .join("\n"))
}
