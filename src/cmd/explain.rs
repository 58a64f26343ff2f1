//! `errdoc explain <CODE|NAME>`: a code in the terminal, like `rustc --explain`.

use std::path::Path;
use std::process::ExitCode;

use crate::catalog::{CodeNumber, NamedRange};
use crate::cli::{ExplainArgs, ExplainFormat};
use crate::cmd::failure;
use crate::console::{self, Stream};
use crate::diagnostic::Diagnostics;
use crate::explain::{self, Found, Labels, Style};
use crate::model::LocaleModel;
use crate::project::Project;
use crate::run::{Policy, Stage};

/// Runs `errdoc explain`.
pub(crate) fn run(root: &Path, args: &ExplainArgs) -> anyhow::Result<ExitCode> {
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
    let Some(tag) = locale_tag(project, args) else {
        return Ok(failure());
    };

    let found = match explain::lookup(&project.catalog, &args.query) {
        Ok(found) => found,
        Err(nearest) => {
            tell!(
                "error: `{}` is not a code, a constant name or an errno name of the catalog",
                args.query.trim()
            );
            if !nearest.is_empty() {
                tell!("nearest: {}", nearest.join(", "));
            }
            return Ok(failure());
        }
    };

    let model = project.model();
    let Some(locale) = model.locales.iter().find(|l| l.tag == tag) else {
        return Ok(failure());
    };
    let labels = labels(project, &tag);
    let style = Style {
        colour: console::colour(Stream::Out),
        width: console::width(),
        shown_code,
    };

    let output = match found {
        Found::Codes(codes) => {
            let numbers: Vec<CodeNumber> = codes.iter().map(|(_, c)| c.code).collect();
            codes_output(locale, &numbers, args.format, &labels, &style)?
        }
        Found::Range(range) => {
            let Some(output) = range_output(locale, range, args.format, &style)? else {
                return Ok(failure());
            };
            output
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
/// locale. `None`, said, where `--lang` names no locale of the project.
fn locale_tag(project: &Project, args: &ExplainArgs) -> Option<String> {
    let tags = project.locales.tags();
    match &args.lang {
        Some(lang) => match tags.iter().find(|t| t.eq_ignore_ascii_case(lang)) {
            Some(t) => Some((*t).to_string()),
            None => {
                tell!(
                    "error: there is no locale `{}` — the locales are {}",
                    crate::console::printable(lang),
                    tags.join(", ")
                );
                None
            }
        },
        None => Some(
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|v| !v.is_empty())
                .and_then(|v| explain::locale_from_env(&v, &tags))
                .unwrap_or_else(|| project.locales.source().tag.clone()),
        ),
    }
}

/// The labels of a code's fields in locale `tag`'s interface texts (an
/// id where a text is missing).
fn labels(project: &Project, tag: &str) -> Labels {
    let label = |id: &str| {
        project
            .locales
            .ui_chain(tag)
            .into_iter()
            .find_map(|l| l.format(id, None, None))
            .map_or_else(|| id.to_string(), |(text, _)| text)
    };
    Labels {
        message: label("ui-error-message"),
        description: label("ui-description"),
        causes: label("ui-causes"),
        solution: label("ui-solution"),
        flags: label("ui-flags"),
        references: label("ui-references"),
        related: label("ui-related"),
    }
}

/// The codes `numbers` in `format`: one JSON document, or each code's
/// Markdown or text, a blank line between them.
fn codes_output(
    locale: &LocaleModel,
    numbers: &[CodeNumber],
    format: ExplainFormat,
    labels: &Labels,
    style: &Style,
) -> anyhow::Result<String> {
    Ok(match format {
        ExplainFormat::Json => {
            let json = explain::json(locale, numbers);
            serde_json::to_string_pretty(&json)? + "\n"
        }
        format => numbers
            .iter()
            .filter_map(|n| explain::view(locale, *n))
            .map(|(page, code)| match format {
                ExplainFormat::Markdown => explain::markdown(code, labels, style),
                _ => explain::text(page, code, labels, style),
            })
            .collect::<Vec<_>>()
            .join("\n"),
    })
}

/// A named range of codes in `format`; `None` where the locale's pages do
/// not have it.
fn range_output(
    locale: &LocaleModel,
    range: &NamedRange,
    format: ExplainFormat,
    style: &Style,
) -> anyhow::Result<Option<String>> {
    let Some((page, view)) = explain::range_view(locale, &range.id.value) else {
        return Ok(None);
    };
    Ok(Some(match format {
        ExplainFormat::Json => {
            serde_json::to_string_pretty(&serde_json::json!({
                "from": view.from,
                "to": view.to,
                "module": page.module,
                "title": view.title.text,
                "description": view.description.as_ref().map(|d| &d.text),
            }))? + "\n"
        }
        ExplainFormat::Markdown => format!(
            "## {}–{} {}\n\n{}\n",
            view.from,
            view.to,
            view.title.text.trim(),
            view.description.as_ref().map_or("", |d| d.text.trim())
        ),
        ExplainFormat::Text => explain::range_text(page, view, style),
    }))
}
