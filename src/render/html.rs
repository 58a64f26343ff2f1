//! The static site: `site/index.html` (language picker), and per locale an
//! index, a page per module, a page per code (generated family members
//! included), a search index and `codes.json`; plus `404.html`,
//! `sitemap.xml`, the stylesheet, the script and the favicon.
//!
//! URL scheme (relative to the site root, the same in every locale):
//!
//! | page | path |
//! | --- | --- |
//! | language picker | `index.html` |
//! | locale home | `<locale>/index.html` |
//! | module | `<locale>/<page>.html` (codes anchored `#<code>`) |
//! | code | `<locale>/codes/<code>.html` |
//!
//! Every link is relative, so the site works from `file://`, at a domain's
//! root and under any sub-path; only `sitemap.xml`, the `hreflang`
//! alternates and `404.html` (served at any depth) use the base URL.

use std::collections::BTreeSet;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Filter, Kwargs, State, Tera, Value};

use super::markdown_html::{self, Links};
use super::reuse::{Fill, Inputs, Key};
use super::search;
use super::values::Values;
use super::{RenderContext, Renderer};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{CodeView, FamilyView, LocaleModel, PageModel, Slot};
use crate::output::{Body, Output};
use crate::site;

/// Renders the HTML site.
pub(crate) struct HtmlRenderer;

/// A locale in the language switcher.
#[derive(Serialize)]
struct LocaleLink<'a> {
    tag: &'a str,
    name: &'a str,
}

/// One HTML page to render: its template, its path inside the locale
/// folder (`codes/2303210.html`) and what it shows. Its context is made
/// where it is rendered, on any thread.
struct Page<'a> {
    template: &'static str,
    path: String,
    kind: PageKind<'a>,
    locale: &'a LocaleModel,
}

/// A rendered page (its path in the site, its HTML and the key of its
/// inputs), or why not.
type Rendered = Result<(String, Body, Option<Key>), Diagnostic>;

/// What a page shows.
enum PageKind<'a> {
    Home,
    Status,
    /// The changes since `site.changes_since`.
    Changes,
    /// The module page and its index in the locale's pages.
    Module(&'a PageModel, usize),
    /// A code, its module's page, that page's index in the locale's pages
    /// and where the code is on it.
    Code {
        page: &'a PageModel,
        index: usize,
        slot: Slot,
        code: &'a CodeView,
        family: Option<&'a FamilyView>,
    },
}

/// What a code page needs of its family: not its members.
#[derive(Serialize)]
struct FamilySummary<'a> {
    id: &'a str,
    base: crate::catalog::CodeNumber,
    title: &'a crate::model::Text,
    has_members: bool,
}

impl Renderer for HtmlRenderer {
    fn name(&self) -> &'static str {
        "html"
    }

    fn render(&self, ctx: &RenderContext<'_>, output: &mut Output, diags: &mut Diagnostics) {
        let switcher: Vec<LocaleLink<'_>> = ctx
            .model
            .locales
            .iter()
            .map(|l| LocaleLink {
                tag: &l.tag,
                name: &l.name,
            })
            .collect();
        let pages: Vec<Page<'_>> = ctx
            .model
            .locales
            .iter()
            .flat_map(|l| pages_of(l, ctx.changes.is_some()))
            .collect();
        let into: &Output = output;
        let render = |page: &Page<'_>| -> Rendered {
            let path = site::in_locale(&page.locale.tag, &page.path);
            let inputs = PageInputs {
                page,
                status: ctx.status,
                changes: ctx.changes,
                values: ctx.values,
                switcher: &switcher,
                base_url: ctx.base_url,
            };
            let (made, key) = ctx.page(page.template, path.as_ref(), &inputs, |context| {
                ctx.templates.render(page.template, &context)
            })?;
            // Written (staged) here, on this core, where the build streams.
            let body = into.prepare(path.as_ref(), made.into_body());
            Ok((path, body, key))
        };
        // Pages are independent: render them on every core.
        let mut rendered: Vec<(usize, Rendered)> = pages
            .par_iter()
            .enumerate()
            .map(|(i, page)| (i, render(page)))
            .collect();
        // In page order, so that the error reported is the first page's.
        rendered.sort_unstable_by_key(|(i, _)| *i);
        let rendered = rendered.into_iter().map(|(_, r)| r);
        for result in rendered {
            match result {
                Ok((path, body, key)) => output.add_page(path, body, key),
                Err(d) => {
                    diags.push(d);
                    return;
                }
            }
        }
        let paths: Vec<String> = pages
            .iter()
            .filter(|p| p.locale.is_source)
            .map(|p| p.path.clone())
            .collect();
        data_files(ctx, output);
        for locale in &ctx.model.locales {
            if let Some(base_url) = ctx.base_url {
                let mut context = locale_context(ctx, locale);
                context.insert("base_url", base_url);
                match ctx.templates.render("opensearch.xml", &context) {
                    Ok(xml) => output.add(site::in_locale(&locale.tag, site::OPENSEARCH), xml),
                    Err(d) => return diags.push(d),
                }
            }
        }
        self.site_files(ctx, &switcher, &paths, output, diags);
    }
}

impl HtmlRenderer {
    /// The files outside the locale folders.
    fn site_files(
        &self,
        ctx: &RenderContext<'_>,
        switcher: &[LocaleLink<'_>],
        paths: &[String],
        output: &mut Output,
        diags: &mut Diagnostics,
    ) {
        let Some(source) = ctx.model.locales.first() else {
            return;
        };
        let mut context = locale_context(ctx, source);
        context.insert("locales", switcher);
        context.insert("base_url", &ctx.base_url);
        context.insert("root", "");
        context.insert("to_locale", &format!("{}/", source.tag));
        context.insert("page_path", site::INDEX);
        context.insert("paths", paths);
        // 404.html is served at any depth: its links start from the site's
        // path on its host (`/docs/errors/`), never from another host.
        let base_path = ctx
            .base_url
            .and_then(|u| u.split_once("://").map(|(_, rest)| rest))
            .and_then(|rest| rest.find('/').map(|i| rest[i..].to_string()))
            .unwrap_or_else(|| "/".to_string());
        context.insert("base_path", &base_path);
        let files = [
            ("html/root.html", site::INDEX),
            ("html/404.html", site::NOT_FOUND),
        ];
        for (template, path) in files {
            match ctx.templates.render(template, &context) {
                Ok(html) => output.add(path, html),
                Err(d) => return diags.push(d),
            }
        }
        if ctx.base_url.is_some() {
            match ctx.templates.render("sitemap.xml", &context) {
                Ok(xml) => output.add(site::SITEMAP, xml),
                Err(d) => return diags.push(d),
            }
        }
        for (name, contents) in ctx.templates.static_files() {
            let path = if name.starts_with("favicon") {
                name.to_string()
            } else {
                format!("assets/{name}")
            };
            output.add(path, contents.to_vec());
        }
    }
}

/// Each locale's search shards and codes.json, the locales on every core,
/// each file staged where it is made (made from the whole locale, they are
/// never taken from the last build).
fn data_files(ctx: &RenderContext<'_>, output: &mut Output) {
    let into: &Output = output;
    let data: Vec<Vec<(String, Body)>> = ctx
        .model
        .locales
        .par_iter()
        .map(|locale| {
            let mut files = search::index::files(locale, &locale.synonyms);
            // Cannot fail: the document holds strings, numbers, lists and
            // maps with string keys only.
            let json =
                serde_json::to_string_pretty(&search::codes_json(locale)).unwrap_or_default();
            files.push((site::CODES_JSON.to_string(), json + "\n"));
            files
                .into_iter()
                .map(|(path, text)| {
                    let path = site::in_locale(&locale.tag, &path);
                    let body = into.prepare(path.as_ref(), Body::Made(text.into_bytes()));
                    (path, body)
                })
                .collect()
        })
        .collect();
    for (path, body) in data.into_iter().flatten() {
        output.add_page(path, body, None);
    }
}

/// A context for a file of `locale` made from no page of the model: its
/// tag and UI strings.
fn locale_context(ctx: &RenderContext<'_>, locale: &LocaleModel) -> tera::Context {
    let mut context = tera::Context::new();
    context.insert("locale", &locale.tag);
    if let Some(ui) = ctx.values.ui(locale) {
        context.insert_value("ui", ui.clone());
    }
    context
}

/// Every page of a locale (the changes page where there are `changes`).
fn pages_of(locale: &LocaleModel, changes: bool) -> Vec<Page<'_>> {
    let mut pages = vec![
        Page {
            template: "html/index.html",
            path: site::INDEX.to_string(),
            kind: PageKind::Home,
            locale,
        },
        Page {
            template: "html/status.html",
            path: site::STATUS.to_string(),
            kind: PageKind::Status,
            locale,
        },
    ];
    if changes {
        pages.push(Page {
            template: "html/changes.html",
            path: site::CHANGES.to_string(),
            kind: PageKind::Changes,
            locale,
        });
    }
    for (index, page) in locale.pages.iter().enumerate() {
        pages.push(Page {
            template: "html/module.html",
            path: site::page_path(&page.file),
            kind: PageKind::Module(page, index),
            locale,
        });
        for (slot, code, family) in page.defined_codes() {
            pages.push(Page {
                template: "html/code.html",
                path: site::code_path(code.code),
                kind: PageKind::Code {
                    page,
                    index,
                    slot,
                    code,
                    family,
                },
                locale,
            });
        }
    }
    pages
}

/// What an HTML page is made from; `values` has the model's parts as
/// template values.
struct PageInputs<'a> {
    page: &'a Page<'a>,
    status: &'a [crate::l10n::LocaleStatus],
    changes: Option<&'a crate::compat::Changelog>,
    values: &'a Values,
    switcher: &'a [LocaleLink<'a>],
    base_url: Option<&'a str>,
}

impl Inputs for PageInputs<'_> {
    /// The home and status pages are made from the whole site.
    fn keyed(&self) -> bool {
        !matches!(
            self.page.kind,
            PageKind::Home | PageKind::Status | PageKind::Changes
        )
    }

    fn fill<F: Fill>(&self, into: &mut F) {
        let page = self.page;
        let locale = page.locale;
        let depth = page.path.matches('/').count();
        into.put("locale", &locale.tag);
        into.put("is_source", &locale.is_source);
        into.put("locales", self.switcher);
        into.put("page_path", &page.path);
        into.put("to_locale", &"../".repeat(depth));
        into.put("root", &"../".repeat(depth + 1));
        into.put("base_url", &self.base_url);
        into.put_common("ui", self.values.ui(locale));
        match page.kind {
            PageKind::Home => {
                into.put_made(
                    "pages",
                    &locale.pages,
                    self.values.pages(locale).map(Value::from).as_ref(),
                );
                into.put("changes_since", &self.changes.map(|c| &c.release));
            }
            PageKind::Status => self.fill_status(into),
            PageKind::Changes => {
                if let Some(changes) = self.changes {
                    into.put("changes", &super::changes::view(changes, locale));
                }
            }
            PageKind::Module(module, index) => {
                into.put_made("page", module, self.values.page(locale, index));
            }
            PageKind::Code {
                page: module,
                index,
                slot,
                code,
                family,
            } => {
                into.put("page", &PageSummary::of(module));
                into.put_made("code", code, self.values.code(locale, index, slot).as_ref());
                into.put(
                    "family",
                    &family.map(|f| FamilySummary {
                        id: &f.id,
                        base: f.base,
                        title: &f.title,
                        has_members: !f.members.is_empty(),
                    }),
                );
            }
        }
    }
}

impl PageInputs<'_> {
    /// The status page's rows: every locale's, and this one's by module.
    fn fill_status<F: Fill>(&self, into: &mut F) {
        let locale = self.page.locale;
        let overview: Vec<StatusRow<'_>> = self
            .status
            .iter()
            .map(|s| StatusRow::new(&s.locale, None, None, &s.all))
            .collect();
        into.put("overview", &overview);
        let mine = self.status.iter().find(|s| s.locale == locale.tag);
        let page_of = |group: &str| locale.pages.iter().find(|p| p.module == group);
        let rows: Option<Vec<StatusRow<'_>>> = mine.map(|s| {
            s.groups
                .iter()
                .map(|g| {
                    let page = page_of(&g.group);
                    StatusRow::new(
                        &g.group,
                        page.map(|p| p.title.text.as_str()),
                        page.map(|p| p.file.as_str()),
                        &g.counts,
                    )
                })
                .chain(std::iter::once(StatusRow::new("all", None, None, &s.all)))
                .collect()
        });
        into.put("rows", &rows);
        let strings = mine.map_or(&[][..], |s| s.strings.as_slice());
        let todo: Vec<TodoRow<'_>> = strings
            .iter()
            .take(STATUS_LIST_LIMIT)
            .map(|string| {
                let page = page_of(&string.group);
                TodoRow {
                    string,
                    file: page.map(|p| p.file.as_str()),
                    title: page.map(|p| p.title.text.as_str()),
                }
            })
            .collect();
        into.put("todo", &todo);
        into.put(
            "todo_more",
            &strings.len().saturating_sub(STATUS_LIST_LIMIT),
        );
    }
}

/// How many strings still to do the status page lists; `l10n status
/// --list` lists them all.
const STATUS_LIST_LIMIT: usize = 1000;

/// A string still to do, on the status page, with the page that shows it
/// (if a module's).
#[derive(Serialize)]
struct TodoRow<'a> {
    #[serde(flatten)]
    string: &'a crate::l10n::pending::Pending,
    file: Option<&'a str>,
    title: Option<&'a str>,
}

/// A row of the translation-status page.
#[derive(Serialize)]
struct StatusRow<'a> {
    /// Module id, `ui`, a table id, `all`, or a locale tag.
    group: &'a str,
    /// The module's page title, for module groups.
    title: Option<&'a str>,
    /// The module's page file, for module groups.
    file: Option<&'a str>,
    counts: &'a crate::l10n::Counts,
    /// Translated share, one decimal.
    percent: String,
}

impl<'a> StatusRow<'a> {
    fn new(
        group: &'a str,
        title: Option<&'a str>,
        file: Option<&'a str>,
        counts: &'a crate::l10n::Counts,
    ) -> Self {
        StatusRow {
            group,
            title,
            file,
            counts,
            percent: format!("{:.1}", counts.percent()),
        }
    }
}

/// What a code page needs of its module's page.
#[derive(Serialize)]
struct PageSummary<'a> {
    module: &'a str,
    file: &'a str,
    title: &'a crate::model::Text,
}

impl<'a> PageSummary<'a> {
    fn of(page: &'a PageModel) -> Self {
        PageSummary {
            module: &page.module,
            file: &page.file,
            title: &page.title,
        }
    }
}

/// Registers the filters the HTML templates use.
pub(super) fn register_filters(tera: &mut Tera, pages: Arc<BTreeSet<String>>) {
    tera.register_filter(
        "md_html",
        MarkdownFilter {
            pages: Arc::clone(&pages),
            inline: false,
        },
    );
    tera.register_filter(
        "md_html_inline",
        MarkdownFilter {
            pages,
            inline: true,
        },
    );
}

/// `{{ text | md_html }}`: translation Markdown as safe HTML. Its output is
/// marked safe for Tera, because `markdown_html` escapes what it must.
struct MarkdownFilter {
    pages: Arc<BTreeSet<String>>,
    inline: bool,
}

impl Filter<&str, String> for MarkdownFilter {
    fn call(&self, text: &str, _: Kwargs, state: &State) -> String {
        // As a value: no copy of the text per call.
        let to_locale: Option<Value> = state.get("to_locale").ok().flatten();
        let formatted;
        let to_locale = match &to_locale {
            None => "",
            Some(v) => match v.as_str() {
                Some(s) => s,
                None => {
                    formatted = v.to_string();
                    formatted.as_str()
                }
            },
        };
        let links = Links {
            pages: &self.pages,
            to_locale,
        };
        if self.inline {
            markdown_html::inline(text, &links)
        } else {
            markdown_html::block(text, &links)
        }
    }

    fn is_safe(&self) -> bool {
        true
    }
}
