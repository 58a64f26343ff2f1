//! The Markdown pages: `site/md/<locale>/<page>.md` in the house style of
//! OpenHarmony's `errorcode-*.md` documents.
//!
//! Translations are Markdown already and go into the page as written, with
//! two exceptions, so a translator cannot put markup or script into a page:
//! raw HTML in them (found by pulldown-cmark, so `<` inside code spans is
//! left alone) is escaped, and a link to a `javascript:` (or any address
//! but http, https and mailto) is kept as text. Catalog literals (error
//! messages) are escaped so they show exactly as the API returns them.

use rayon::prelude::*;
use tera::{Kwargs, State, Tera};

use super::layout::stitch;
use super::reuse::{Fill, Inputs, Page};
use super::values::Values;
use super::{RenderContext, Renderer};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::layout::Layouts;
use crate::markup::{
    block, inline, item, link_text, literal, literal_on_one_line, page_hazard, quoted, tidy,
};
use crate::model::{LocaleModel, PageModel};
use crate::output::{Body, Output};

/// Renders `markdown/page.md` for every page of every locale.
pub(crate) struct MarkdownRenderer;

impl Renderer for MarkdownRenderer {
    fn name(&self) -> &'static str {
        "markdown"
    }

    fn render(&self, ctx: &RenderContext<'_>, output: &mut Output, diags: &mut Diagnostics) {
        let pages: Vec<_> = ctx
            .model
            .locales
            .iter()
            .flat_map(|l| l.pages.iter().enumerate().map(move |(i, p)| (l, i, p)))
            .collect();
        // With errors in the input the build fails anyway, and a page made
        // from it (a reference to `javascript:` already reported) would
        // only add a misleading second report.
        let check_pages = !diags.has_errors();
        let into: &Output = output;
        // Pages are independent: render them on every core.
        let rendered: Vec<_> = pages
            .par_iter()
            .map(|&(locale, index, page)| {
                let path = crate::site::markdown_path(&locale.tag, &page.file);
                let layout = ctx.layouts.get(&locale.tag, &page.file);
                let template = "markdown/page.md";
                let (page_made, key) = ctx.page(
                    template,
                    path.as_ref(),
                    &PageInputs {
                        locale,
                        page,
                        values: ctx.values,
                        index,
                    },
                    |context| match layout {
                        None => Ok(tidy(&ctx.templates.render(template, &context)?)),
                        Some(layout) => stitch(ctx, context, locale, page, layout),
                    },
                )?;
                let text = match page_made {
                    Page::Made(text) => text,
                    earlier @ Page::Earlier(_) => return Ok((path, earlier.into_body(), key)),
                };
                if let Some((line, what)) = page_hazard(&text).filter(|_| check_pages) {
                    // A layout's own line: said where it is.
                    let shown = text.lines().nth(line - 1).unwrap_or("");
                    if layout.is_some()
                        && let Some((file, span)) =
                            ctx.layouts.locate(&locale.tag, &page.file, shown)
                    {
                        return Err(Diagnostic::new(Kind::LayoutMarkup {
                            what: what.to_string(),
                            page: path.to_string(),
                        })
                        .at(file, span));
                    }
                    let from = match layout {
                        Some(_) => format!(
                            "its layout ({}) or templates/markdown/",
                            Layouts::path(&locale.tag, &page.file).display()
                        ),
                        None => "templates/markdown/page.md".to_string(),
                    };
                    return Err(Diagnostic::new(Kind::PageMarkup {
                        page: path.to_string(),
                        what: what.to_string(),
                        line,
                        from,
                    }));
                }
                // Written (staged) here, on this core, where the build
                // streams.
                let body = into.prepare(path.as_ref(), Body::Made(text.into_bytes()));
                Ok((path, body, key))
            })
            .collect();
        for result in rendered {
            match result {
                Ok((path, body, key)) => output.add_page(path, body, key),
                Err(d) => {
                    diags.push(d);
                    // One report per template is enough.
                    return;
                }
            }
        }
        if let Some(changes) = ctx.changes {
            changes_pages(ctx, changes, output, diags);
        }
    }
}

/// Each locale's page of the changes since `site.changes_since`
/// (`md/<locale>/changes.md`), made from the whole catalog.
fn changes_pages(
    ctx: &RenderContext<'_>,
    changes: &crate::compat::Changelog,
    output: &mut Output,
    diags: &mut Diagnostics,
) {
    for locale in &ctx.model.locales {
        let mut context = tera::Context::new();
        context.insert("locale", &locale.tag);
        if let Some(ui) = ctx.values.ui(locale) {
            context.insert_value("ui", ui.clone());
        }
        context.insert("changes", &super::changes::view(changes, locale));
        match ctx.templates.render("markdown/changes.md", &context) {
            Ok(text) => output.add(
                crate::site::markdown_path(&locale.tag, crate::site::CHANGES_PAGE),
                tidy(&text),
            ),
            Err(d) => return diags.push(d),
        }
    }
}

/// What a Markdown page is made from.
struct PageInputs<'a> {
    locale: &'a LocaleModel,
    page: &'a PageModel,
    /// The page as a template value, and its index in the locale's pages.
    values: &'a Values,
    index: usize,
}

impl Inputs for PageInputs<'_> {
    fn fill<F: Fill>(&self, into: &mut F) {
        into.put("locale", &self.locale.tag);
        into.put("is_source", &self.locale.is_source);
        into.put_common("ui", self.values.ui(self.locale));
        into.put_made("page", self.page, self.values.page(self.locale, self.index));
    }
}

/// Registers the filters the Markdown templates use.
pub(super) fn register_filters(tera: &mut Tera) {
    tera.register_filter("md", |text: &str, _: Kwargs, _: &State| block(text));
    tera.register_filter("md_inline", |text: &str, _: Kwargs, _: &State| inline(text));
    tera.register_filter("md_cell", |text: &str, _: Kwargs, _: &State| {
        inline(text).replace('|', "\\|")
    });
    // `{{ n }}. {{ text | md_item(n=n) }}`: continuation lines are indented
    // by the width of the item's marker, `1. ` or `10. `.
    tera.register_filter("md_item", |text: &str, kwargs: Kwargs, _: &State| {
        item(text, kwargs.get::<usize>("n").ok().flatten().unwrap_or(1))
    });
    tera.register_filter("md_link_text", |text: &str, _: Kwargs, _: &State| {
        link_text(text)
    });
    tera.register_filter("md_quote", |text: &str, _: Kwargs, _: &State| quoted(text));
    // `md_literal(line=true)`: on one line (a table cell, a link's text),
    // its lines joined by `<br>`.
    tera.register_filter("md_literal", |text: &str, kwargs: Kwargs, _: &State| {
        if kwargs.get::<bool>("line").ok().flatten().unwrap_or(false) {
            literal_on_one_line(text)
        } else {
            literal(text)
        }
    });
}
