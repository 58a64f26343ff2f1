//! Stage 5: turn the [`Model`] into files, through Tera templates.
//!
//! Built-in templates are compiled into the binary; a file of the same name
//! under the project's `templates/` overrides one, file by file, and other
//! files there are available to `{% include %}`. Fluent lookups for UI
//! strings are the Tera function `t(id="…")`.

pub mod markdown;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context as _;
use fluent_bundle::FluentArgs;
use tera::{Kwargs, State, Tera};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::locales::Locales;
use crate::model::Model;
use crate::output::Output;
use crate::source::{Position, SourceFile, Span, read_utf8, to_u32};

/// Where a project's templates live, relative to its root.
pub const TEMPLATES_DIR: &str = "templates";

/// The templates compiled into errdoc: (name, source).
const BUILTIN: &[(&str, &str)] = &[(
    "markdown/page.md",
    include_str!("../../templates/markdown/page.md"),
)];

/// A renderer: one output format made from the model.
pub trait Renderer {
    /// What it makes ("markdown"), for messages.
    fn name(&self) -> &'static str;

    /// Adds its files to `output`; problems go to `diags`.
    fn render(&self, ctx: &RenderContext<'_>, output: &mut Output, diags: &mut Diagnostics);
}

/// What every renderer reads.
pub struct RenderContext<'a> {
    /// The localized model.
    pub model: &'a Model,
    /// The templates.
    pub templates: &'a Templates,
}

/// The loaded templates, with errdoc's functions and filters registered.
pub struct Templates {
    tera: Tera,
    /// Template name → the file it came from, for error messages.
    sources: BTreeMap<String, SourceFile>,
}

impl Templates {
    /// Loads the built-in templates and the project's overrides.
    ///
    /// `Ok(None)` if a template does not parse (the error is in `diags`).
    pub fn load(
        root: &Path,
        locales: Arc<Locales>,
        diags: &mut Diagnostics,
    ) -> anyhow::Result<Option<Templates>> {
        let mut sources: BTreeMap<String, SourceFile> = BTreeMap::new();
        for (name, text) in BUILTIN {
            sources.insert(
                (*name).to_string(),
                SourceFile::new(format!("(built-in) {name}"), (*text).to_string()),
            );
        }
        let dir = root.join(TEMPLATES_DIR);
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
                let entry = entry.with_context(|| format!("cannot list {}", dir.display()))?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
                let name = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                let shown = Path::new(TEMPLATES_DIR).join(rel);
                let Some(text) = read_utf8(entry.path(), &shown, diags)
                    .with_context(|| format!("cannot read {}", entry.path().display()))?
                else {
                    continue;
                };
                sources.insert(name, SourceFile::new(shown, text));
            }
        }

        let mut tera = Tera::new();
        register(&mut tera, locales);
        let mut ok = true;
        for (name, file) in &sources {
            if let Err(e) = tera.add_raw_template(name, file.text()) {
                diags.push(template_error(&sources, name, &e));
                ok = false;
            }
        }
        Ok(ok.then_some(Templates { tera, sources }))
    }

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|e| template_error(&self.sources, name, &e))
    }
}

/// A Tera error as a diagnostic, located in the template when Tera says where.
fn template_error(
    sources: &BTreeMap<String, SourceFile>,
    name: &str,
    error: &tera::Error,
) -> Diagnostic {
    use std::error::Error as _;
    let report = match error.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    let mut message = match report {
        Some(r) => r.message().to_string(),
        None => error.to_string(),
    };
    let mut cause = error.source();
    while let Some(c) = cause {
        message.push_str(": ");
        message.push_str(&c.to_string());
        cause = c.source();
    }
    let diagnostic = Diagnostic::error(format!("template `{name}`: {message}"))
        .hint("fix the template; https://keats.github.io/tera/ documents the syntax");
    let located = report.and_then(|r| {
        let file = sources.get(r.filename())?;
        let span = r.span();
        Some((file, span))
    });
    match located {
        Some((file, span)) => {
            let len = if span.end_line == span.start_line {
                span.end_col.saturating_sub(span.start_col).max(1)
            } else {
                1
            };
            diagnostic.at(
                file,
                Span {
                    start: Position {
                        line: to_u32(span.start_line),
                        column: to_u32(span.start_col + 1),
                    },
                    len: to_u32(len),
                },
            )
        }
        None => match sources.get(name) {
            Some(file) => diagnostic.at_path(file.path()),
            None => diagnostic,
        },
    }
}

/// Registers `t()` and the Markdown filters.
fn register(tera: &mut Tera, locales: Arc<Locales>) {
    tera.register_function("t", move |kwargs: Kwargs, state: &State| {
        translate(&locales, &kwargs, state)
    });
    markdown::register_filters(tera);
}

/// `t(id="ui-error-message", name=…)`: the UI string `id` in the page's
/// locale (the context's `locale`), falling back to the source locale;
/// every other keyword argument becomes a Fluent variable.
fn translate(locales: &Locales, kwargs: &Kwargs, state: &State) -> tera::TeraResult<String> {
    let id: String = kwargs.must_get::<&str>("id")?.to_string();
    let tag: String = state
        .get::<String>("locale")?
        .unwrap_or_else(|| locales.source().tag.clone());
    let mut args = FluentArgs::new();
    for (key, value) in kwargs.iter() {
        let key = key.to_string();
        if key != "id" {
            args.set(key, value.to_string());
        }
    }
    let candidates = [locales.get(&tag), Some(locales.source())];
    for locale in candidates.into_iter().flatten() {
        if let Some((text, errors)) = locale.format(&id, None, Some(&args)) {
            return match errors.first() {
                None => Ok(text),
                Some(e) => Err(tera::Error::message(format!(
                    "the text `{id}` of {} cannot be formatted: {e}",
                    locale.tag
                ))),
            };
        }
    }
    Err(tera::Error::message(format!(
        "there is no text `{id}`; add `{id} = …` to {}/ui.ftl",
        locales.source().dir().display()
    )))
}
