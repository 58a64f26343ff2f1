//! The [`Project`]: catalog, locales and templates of one errdoc project,
//! loaded and validated, and the pipeline that renders it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::catalog::Catalog;
use crate::diagnostic::Diagnostics;
use crate::locales::Locales;
use crate::model::Model;
use crate::output::Output;
use crate::render::html::HtmlRenderer;
use crate::render::markdown::MarkdownRenderer;
use crate::render::{RenderContext, Renderer, Templates};
use crate::validate::validate;

/// A loaded, validated project; renderers read it, nothing changes it.
pub struct Project {
    /// Its folder.
    pub root: PathBuf,
    /// The catalog.
    pub catalog: Catalog,
    /// The locales, source first.
    pub locales: Arc<Locales>,
    /// The templates.
    pub templates: Templates,
}

/// Figures for the summary line.
#[derive(Debug, Clone, Copy)]
pub struct Stats {
    /// Locales.
    pub locales: usize,
    /// Pages per locale times locales.
    pub pages: usize,
    /// Codes, generated ones included.
    pub codes: usize,
}

impl Project {
    /// Loads and validates the project at `root`.
    ///
    /// Every problem found goes to `diags`; `Ok(None)` means loading could
    /// not get far enough to validate everything (the reasons are in
    /// `diags`). I/O failures are errors naming the path.
    pub fn load(root: &Path, diags: &mut Diagnostics) -> anyhow::Result<Option<Project>> {
        let catalog = Catalog::load(root, diags)?;
        let source = catalog
            .as_ref()
            .map_or("en", Catalog::source_locale)
            .to_string();
        let locales = Locales::load(root, &source, diags)?;
        let (Some(catalog), Some(locales)) = (catalog, locales) else {
            return Ok(None);
        };
        validate(&catalog, &locales, diags);
        let locales = Arc::new(locales);
        let pages = catalog
            .modules
            .iter()
            .map(|m| m.page.value.clone())
            .collect();
        let Some(templates) = Templates::load(root, Arc::clone(&locales), pages, diags)? else {
            return Ok(None);
        };
        Ok(Some(Project {
            root: root.to_path_buf(),
            catalog,
            locales,
            templates,
        }))
    }

    /// Renders every output format into memory. `base_url` overrides the
    /// catalog's `site.base_url`.
    pub fn render(&self, base_url: Option<&str>, diags: &mut Diagnostics) -> Output {
        let model = Model::build(&self.catalog, &self.locales, diags);
        let base_url = base_url.or(self
            .catalog
            .site
            .base_url
            .as_ref()
            .map(|u| u.value.as_str()));
        let ctx = RenderContext {
            model: &model,
            templates: &self.templates,
            base_url,
        };
        let renderers: [&dyn Renderer; 2] = [&MarkdownRenderer, &HtmlRenderer];
        let mut output = Output::new();
        for renderer in renderers {
            renderer.render(&ctx, &mut output, diags);
        }
        output.add_manifest();
        output
    }

    /// Figures for the summary line.
    pub fn stats(&self) -> Stats {
        let locales = self.locales.all().len();
        Stats {
            locales,
            pages: locales * self.catalog.modules.len(),
            codes: self.catalog.code_count(),
        }
    }
}
