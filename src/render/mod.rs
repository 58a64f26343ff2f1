//! Stage 5: turn the [`Model`] into files, through Tera templates.
//!
//! Built-in templates are compiled into the binary; a file of the same name
//! under the project's `templates/` overrides one, file by file, and other
//! files there are available to `{% include %}`. A page's UI strings are
//! data, `ui["ui-home"]`, formatted once per locale; one that takes
//! variables is the Tera function `t(id="ui-since", version=…)`, which
//! also looks up any string by its id.

pub(crate) mod changes;
pub(crate) mod html;
pub(crate) mod layout;
pub(crate) mod markdown;
pub mod markdown_html;
pub(crate) mod reuse;
pub(crate) mod search;
pub(crate) mod values;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use anyhow::Context as _;
use fluent_bundle::FluentArgs;
use tera::{Kwargs, State, Tera, Value};

use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::input::{list_project, read_input, read_utf8};
use crate::locales::Locales;
use crate::model::Model;
use crate::output::Output;
use crate::source::{Position, SourceFile, Span, to_u32};

/// Where a project's templates live, relative to its root.
pub(crate) const TEMPLATES_DIR: &str = "templates";

/// The templates compiled into errdoc: (name, source).
const BUILTIN: &[(&str, &str)] = &[
    (
        "markdown/page.md",
        include_str!("../../templates/markdown/page.md"),
    ),
    (
        "markdown/family_rule.md",
        include_str!("../../templates/markdown/family_rule.md"),
    ),
    (
        "markdown/head.md",
        include_str!("../../templates/markdown/head.md"),
    ),
    (
        "markdown/code.md",
        include_str!("../../templates/markdown/code.md"),
    ),
    (
        "markdown/heading.md",
        include_str!("../../templates/markdown/heading.md"),
    ),
    (
        "markdown/end.md",
        include_str!("../../templates/markdown/end.md"),
    ),
    (
        "html/base.html",
        include_str!("../../templates/html/base.html"),
    ),
    (
        "html/code_body.html",
        include_str!("../../templates/html/code_body.html"),
    ),
    (
        "html/code.html",
        include_str!("../../templates/html/code.html"),
    ),
    (
        "html/heading.html",
        include_str!("../../templates/html/heading.html"),
    ),
    (
        "html/module.html",
        include_str!("../../templates/html/module.html"),
    ),
    (
        "html/index.html",
        include_str!("../../templates/html/index.html"),
    ),
    (
        "html/root.html",
        include_str!("../../templates/html/root.html"),
    ),
    (
        "html/404.html",
        include_str!("../../templates/html/404.html"),
    ),
    (
        "html/status.html",
        include_str!("../../templates/html/status.html"),
    ),
    (
        "html/changes.html",
        include_str!("../../templates/html/changes.html"),
    ),
    (
        "markdown/changes.md",
        include_str!("../../templates/markdown/changes.md"),
    ),
    ("sitemap.xml", include_str!("../../templates/sitemap.xml")),
    (
        "opensearch.xml",
        include_str!("../../templates/opensearch.xml"),
    ),
];

/// Which errdoc this is: its version and `ERRDOC_BUILD_ID`, a hash of the
/// sources, built-in templates and strings and locked dependencies that
/// `build.rs` takes (the build cache's and the page keys': a development
/// build with other code or templates is another errdoc).
pub(crate) const BUILD: &str = concat!(env!("CARGO_PKG_VERSION"), " ", env!("ERRDOC_BUILD_ID"));

/// Files copied into the site as they are (`templates/static/<name>`):
/// (name, contents).
const BUILTIN_STATIC: &[(&str, &str)] = &[
    (
        "style.css",
        include_str!("../../templates/static/style.css"),
    ),
    (
        "search.js",
        include_str!("../../templates/static/search.js"),
    ),
    (
        "favicon.svg",
        include_str!("../../templates/static/favicon.svg"),
    ),
];

/// The folder under `templates/` whose files are copied, not rendered.
const STATIC_DIR: &str = "static";

/// A renderer: one output format made from the model.
pub(crate) trait Renderer {
    /// What it makes ("markdown"), for messages.
    fn name(&self) -> &'static str;

    /// Adds its files to `output`; problems go to `diags`.
    fn render(&self, ctx: &RenderContext<'_>, output: &mut Output, diags: &mut Diagnostics);
}

/// What every renderer reads.
pub(crate) struct RenderContext<'a> {
    /// The localized model.
    pub model: &'a Model,
    /// The model as template values, shared by the pages that show it.
    pub values: &'a values::Values,
    /// The templates.
    pub templates: &'a Templates,
    /// The pages' layouts.
    pub layouts: &'a crate::layout::Layouts,
    /// The absolute URL the site is published at, if known.
    pub base_url: Option<&'a str>,
    /// The translation status of every locale but the source.
    pub status: &'a [crate::l10n::LocaleStatus],
    /// The changes since the release `site.changes_since` names.
    pub changes: Option<&'a crate::compat::Changelog>,
    /// The keys of pages' inputs and an earlier build's pages, where the
    /// build may reuse them.
    pub keys: Option<&'a reuse::Keys<'a>>,
}

impl RenderContext<'_> {
    /// Renders a page, or takes the earlier build's: `inputs` fill a
    /// context with what the page is made from, and `render` renders
    /// `template` with it. Returns the page and the key of its inputs.
    pub(crate) fn page<E>(
        &self,
        template: &str,
        path: &std::path::Path,
        inputs: &impl reuse::Inputs,
        render: impl FnOnce(tera::Context) -> Result<String, E>,
    ) -> Result<(reuse::Page, Option<reuse::Key>), E> {
        let key = self
            .keys
            .filter(|_| inputs.keyed())
            .and_then(|keys| keys.key(template, |hasher| inputs.fill(hasher)));
        if let Some(keys) = self.keys
            && let Some(body) = keys.reuse(path, key)
        {
            return Ok((reuse::Page::Earlier(body), key));
        }
        let mut context = tera::Context::new();
        inputs.fill(&mut context);
        let (made, key) = reuse::rendered(key, || render(context));
        Ok((reuse::Page::Made(made?), key))
    }
}

/// The loaded templates, with errdoc's functions and filters registered.
pub(crate) struct Templates {
    tera: Tera,
    /// Template name → the file it came from, for error messages.
    sources: BTreeMap<String, SourceFile>,
    /// Static file name → contents.
    statics: BTreeMap<String, Vec<u8>>,
}

impl Templates {
    /// Loads the built-in templates and the project's overrides.
    ///
    /// `Ok(None)` if a template does not parse (the error is in `diags`).
    pub(crate) fn load(
        root: &Path,
        locales: Arc<Locales>,
        pages: std::collections::BTreeSet<String>,
        diags: &mut Diagnostics,
    ) -> anyhow::Result<Option<Templates>> {
        let mut sources: BTreeMap<String, SourceFile> = BTreeMap::new();
        let mut statics: BTreeMap<String, Vec<u8>> = BUILTIN_STATIC
            .iter()
            .map(|(name, text)| ((*name).to_string(), text.as_bytes().to_vec()))
            .collect();
        for (name, text) in BUILTIN {
            sources.insert(
                (*name).to_string(),
                SourceFile::new(format!("(built-in) {name}"), (*text).to_string()),
            );
        }
        let dir = root.join(TEMPLATES_DIR);
        if dir.is_dir() {
            for entry in list_project(root, &dir, 0, usize::MAX, diags) {
                if entry.is_dir {
                    continue;
                }
                let rel = entry.path.strip_prefix(&dir).unwrap_or(&entry.path);
                let name = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                let shown = Path::new(TEMPLATES_DIR).join(rel);
                if let Some(name) = name.strip_prefix(&format!("{STATIC_DIR}/")) {
                    if let Some(bytes) = read_input(root, &shown, diags)
                        .with_context(|| format!("cannot read {}", entry.path.display()))?
                    {
                        statics.insert(name.to_string(), bytes);
                    }
                    continue;
                }
                let Some(text) = read_utf8(root, &shown, diags)
                    .with_context(|| format!("cannot read {}", entry.path.display()))?
                else {
                    continue;
                };
                sources.insert(name, SourceFile::new(shown, text));
            }
        }

        let mut tera = Tera::new();
        let pages = Arc::new(pages);
        register(&mut tera, locales, pages);
        // All at once: templates refer to each other (`extends`, `include`).
        let all = sources
            .iter()
            .map(|(name, file)| (name.as_str(), file.text()));
        if let Err(e) = tera.add_raw_templates(all) {
            diags.push(template_error(&sources, "", &e));
            return Ok(None);
        }
        Ok(Some(Templates {
            tera,
            sources,
            statics,
        }))
    }

    /// Every template's name and source, for [`reuse`]'s keys.
    pub(crate) fn sources(&self) -> impl Iterator<Item = (&str, &str)> {
        self.sources.iter().map(|(n, f)| (n.as_str(), f.text()))
    }

    /// The static files to copy into the site: (name, contents).
    pub(crate) fn static_files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.statics.iter().map(|(n, c)| (n.as_str(), c.as_slice()))
    }

    /// Renders template `name` with `context`.
    pub(crate) fn render(&self, name: &str, context: &tera::Context) -> Result<String, Diagnostic> {
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
    // Tera's own rendering of an error is a multi-line report; the first
    // line says what is wrong, and the location is shown our way.
    let mut message = match report {
        Some(r) => r.message().to_string(),
        None => {
            let text = error.to_string();
            let first = text.lines().next().unwrap_or("").trim();
            first.strip_prefix("error: ").unwrap_or(first).to_string()
        }
    };
    let mut cause = error.source();
    while let Some(c) = cause {
        message.push_str(": ");
        message.push_str(&c.to_string());
        cause = c.source();
    }
    // Some errors (an unknown filter) come as a message that holds Tera's
    // rendered report; its ` --> name:line:col` line still says where.
    let rendered = if report.is_none() {
        rendered_location(&error.to_string())
    } else {
        None
    };
    let name = report
        .map(|r| r.filename())
        .or(rendered.as_ref().map(|r| r.0.as_str()))
        .unwrap_or(name);
    let diagnostic = Diagnostic::new(Kind::TemplateError {
        template: name.to_string(),
        message,
    });
    let located = match (report, &rendered) {
        (Some(r), _) => {
            let span = r.span();
            let len = if span.end_line == span.start_line {
                span.end_col.saturating_sub(span.start_col).max(1)
            } else {
                1
            };
            sources
                .get(r.filename())
                .map(|file| (file, span.start_line, span.start_col + 1, len))
        }
        (None, Some((file, line, column, len))) => {
            sources.get(file).map(|f| (f, *line, *column, *len))
        }
        (None, None) => None,
    };
    match located {
        Some((file, line, column, len)) => diagnostic.at(
            file,
            Span {
                start: Position {
                    line: to_u32(line),
                    column: to_u32(column),
                },
                len: to_u32(len),
            },
        ),
        None => match sources.get(name) {
            Some(file) => diagnostic.at_path(file.path()),
            None => diagnostic,
        },
    }
}

/// `(template, line, column, width)` from the ` --> name:line:col` line and
/// the `^^^` line of a report Tera rendered as text.
fn rendered_location(text: &str) -> Option<(String, usize, usize, usize)> {
    let arrow = text
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))?;
    let mut parts = arrow.rsplitn(3, ':');
    let column = parts.next()?.trim().parse().ok()?;
    let line = parts.next()?.trim().parse().ok()?;
    let name = parts.next()?.to_string();
    let width = text
        .lines()
        .last()
        .map_or(1, |l| l.matches('^').count().max(1));
    Some((name, line, column, width))
}

/// Registers `t()` and the Markdown and HTML filters.
fn register(
    tera: &mut Tera,
    locales: Arc<Locales>,
    pages: Arc<std::collections::BTreeSet<String>>,
) {
    // UI strings without arguments, once per locale: every page asks for
    // the same few dozen, and the bundles' memoizers are shared locks.
    // Looked up by the template's own strings, and kept as template values
    // (shared, not copied): a site of 200,000 pages asks 5 million times.
    type Cache = std::sync::RwLock<HashMap<String, HashMap<String, Value>>>;
    let cache: Arc<Cache> = Arc::default();
    tera.register_function("t", move |kwargs: Kwargs, state: &State| {
        let plain = kwargs
            .iter()
            .all(|(k, _)| matches!(k.as_str(), Some("id" | "locale")));
        if !plain {
            return translate(&locales, &kwargs, state).map(Value::from);
        }
        let id = kwargs.must_get::<&str>("id")?;
        reuse::asked(id);
        let (from_state, formatted);
        let tag = match kwargs.get::<&str>("locale")? {
            Some(tag) => tag,
            None => match state.get::<Value>("locale")? {
                None => "",
                Some(value) => {
                    from_state = value;
                    match from_state.as_str() {
                        Some(tag) => tag,
                        // Not text: written out, as `translate` reads it.
                        None => {
                            formatted = from_state.to_string();
                            formatted.as_str()
                        }
                    }
                }
            },
        };
        if let Some(text) = cache
            .read()
            .ok()
            .and_then(|c| c.get(tag).and_then(|ids| ids.get(id)).cloned())
        {
            return Ok(text);
        }
        let text = Value::from(translate(&locales, &kwargs, state)?);
        if let Ok(mut c) = cache.write() {
            c.entry(tag.to_string())
                .or_default()
                .insert(id.to_string(), text.clone());
        }
        Ok(text)
    });
    markdown::register_filters(tera);
    html::register_filters(tera, pages);
    register_paths(tera);
}

/// `code_path(code=1006)`, `page_path(file=p.file)`, `md_path(file=…)`:
/// the site's paths ([`crate::site`]) for the templates.
fn register_paths(tera: &mut Tera) {
    tera.register_function("code_path", |kwargs: Kwargs, _: &State| {
        let code = kwargs.must_get::<i64>("code")?;
        Ok(Value::from(crate::site::code_path(code)))
    });
    tera.register_function("page_path", |kwargs: Kwargs, _: &State| {
        let file = kwargs.must_get::<&str>("file")?;
        Ok(Value::from(crate::site::page_path(file)))
    });
    tera.register_function("md_path", |kwargs: Kwargs, _: &State| {
        let file = kwargs.must_get::<&str>("file")?;
        Ok(Value::from(crate::site::md_sibling(file)))
    });
}

/// `t(id="ui-error-message", name=…)`: the UI string `id` in the page's
/// locale (the context's `locale`, or the `locale=` argument), falling back
/// to the source locale; every other keyword argument becomes a Fluent
/// variable.
fn translate(locales: &Locales, kwargs: &Kwargs, state: &State) -> tera::TeraResult<String> {
    let id: String = kwargs.must_get::<&str>("id")?.to_string();
    reuse::asked(&id);
    // `locale=` picks another locale than the page's (the language picker).
    let tag: String = match kwargs.get::<&str>("locale")? {
        Some(tag) => tag.to_string(),
        None => state
            .get::<String>("locale")?
            .unwrap_or_else(|| locales.source().tag.clone()),
    };
    let mut args = FluentArgs::new();
    for (key, value) in kwargs.iter() {
        let key = key.to_string();
        if key != "id" && key != "locale" {
            args.set(key, value.to_string());
        }
    }
    for locale in locales.ui_chain(&tag) {
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
