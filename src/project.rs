//! The [`Project`]: catalog and locales of one errdoc project, loaded and
//! validated; its [`Look`] (templates and layouts), loaded only by the
//! commands that render; and the pipeline that renders it. Which command
//! loads what, and what an error then means, is [`crate::run`]'s.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::catalog::Catalog;
use crate::diagnostic::Diagnostics;
use crate::l10n::lock::SourcesLock;
use crate::l10n::{self, LocaleStatus, Unit};
use crate::layout::Layouts;
use crate::locales::{Locale, Locales};
use crate::model::{Model, StaleMode};
use crate::output::Output;
use crate::render::html::HtmlRenderer;
use crate::render::markdown::MarkdownRenderer;
use crate::render::reuse::{Earlier, Keys};
use crate::render::values::Values;
use crate::render::{RenderContext, Renderer, Templates};
use crate::validate::validate;

/// A loaded, validated project; renderers read it, nothing changes it.
pub(crate) struct Project {
    /// Its folder.
    pub root: PathBuf,
    /// The catalog.
    pub catalog: Catalog,
    /// The locales, source first.
    pub locales: Arc<Locales>,
    /// Each translation's record of the English it was made from, by locale.
    pub locks: BTreeMap<String, SourcesLock>,
    /// Every English string, in [`l10n::source_units`]' order: made once,
    /// read by validation, the translation status and the `l10n` commands.
    units: Vec<Unit>,
}

/// How a project's pages look: its templates and the layouts of imported
/// pages. Only the commands that render load it.
pub(crate) struct Look {
    /// The templates.
    pub templates: Templates,
    /// The layouts of imported pages.
    pub layouts: Layouts,
}

/// A project rendered into memory (`serve`, and `import`'s round trip).
pub(crate) struct Rendered {
    /// The project.
    pub project: Project,
    /// How its pages look.
    pub look: Look,
    /// Every file of the site.
    pub output: Output,
}

/// How to render.
#[derive(Debug, Clone, Default)]
pub(crate) struct RenderOptions {
    /// Overrides the catalog's `site.base_url`.
    pub base_url: Option<String>,
    /// What to do with stale translations.
    pub stale: StaleMode,
}

/// Figures for the summary line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stats {
    /// Locales.
    pub locales: usize,
    /// Pages per locale times locales.
    pub pages: usize,
    /// Codes, generated ones included.
    pub codes: usize,
}

/// The changes since the release `site.changes_since` names: a file of
/// `export --format json` in the project, read as every input is (never
/// a git revision: a build reads the project's files only, so a shallow
/// clone builds the same site).
/// Only the commands that render read it: `export` must work while the
/// snapshot it would write is still missing.
fn changes_since(
    root: &Path,
    catalog: &Catalog,
    diags: &mut Diagnostics,
) -> Option<crate::compat::Changelog> {
    let Some(file) = &catalog.site.changes_since else {
        return None;
    };
    let said = |why: String| {
        crate::diagnostic::Diagnostic::new(crate::diagnostic::Kind::ChangesSinceUnreadable { why })
            .at(&catalog.file, file.span)
    };
    // Under catalog/, where a build's inputs are (and its cache looks).
    let path = Path::new(&file.value);
    let inside = path
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)))
        && file.value.starts_with("catalog/");
    if !inside {
        diags.push(said(format!(
            "{} is not a file under catalog/, where a build reads its inputs",
            crate::console::printable(&file.value)
        )));
        return None;
    }
    // Nor a name editors leave behind, which neither the cache nor `serve`
    // watches.
    if crate::input::in_litter(path) {
        diags.push(said(format!(
            "{} has a name editors give their swap, lock and backup files, which errdoc ignores; rename the file",
            crate::console::printable(&file.value)
        )));
        return None;
    }
    let text = match crate::input::read_utf8(root, path, diags) {
        Ok(Some(text)) => text,
        Ok(None) => return None,
        Err(e) => {
            diags.push(said(format!("{}: {e}", file.value)));
            return None;
        }
    };
    match crate::compat::release::of_export(&text, &file.value) {
        Ok(old) => {
            let now = crate::compat::Release::of_catalog(catalog, catalog.file.clone(), "today");
            Some(crate::compat::Changelog::of(&old, &now))
        }
        Err(why) => {
            diags.push(said(why.lines().next().unwrap_or("").to_string()));
            None
        }
    }
}

/// Drops `value` on a thread of its own. Freeing the model of 10k codes
/// and its template values takes a tenth of a second on one core, which
/// the build need not wait for; a process that ends first gives the memory
/// back at once. Where no thread can be made, `value` is dropped here.
pub(crate) fn drop_aside<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("drop".into())
        .spawn(move || drop(value));
}

impl Project {
    /// Loads and validates the project at `root`.
    ///
    /// Every problem found goes to `diags`; `Ok(None)` means loading could
    /// not get far enough to validate everything (the reasons are in
    /// `diags`). I/O failures are errors naming the path.
    pub(crate) fn load(root: &Path, diags: &mut Diagnostics) -> anyhow::Result<Option<Project>> {
        // The catalog and the locales are read side by side; only then is
        // it known which locale is the source (the catalog says).
        let ((catalog, of_catalog), (found, of_locales)) = rayon::join(
            || {
                let mut found = Diagnostics::new();
                (Catalog::load(root, &mut found), found)
            },
            || {
                let mut found = Diagnostics::new();
                (Locales::read(root, &mut found), found)
            },
        );
        diags.extend(of_catalog);
        let catalog = catalog?;
        diags.extend(of_locales);
        let found = found?;
        crate::console::timing(|| "catalog and locales".into());
        let source = catalog.as_ref().map_or(
            crate::catalog::DEFAULT_SOURCE_LOCALE,
            Catalog::source_locale,
        );
        let locales = Locales::with_source(found, source, diags);
        let (Some(catalog), Some(locales)) = (catalog, locales) else {
            return Ok(None);
        };
        let mut locks = BTreeMap::new();
        for locale in locales.all().iter().filter(|l| !locales.is_source(l)) {
            match SourcesLock::load(root, &locale.tag) {
                Ok(lock) => {
                    locks.insert(locale.tag.clone(), lock);
                }
                Err(d) => diags.push(d),
            }
        }
        let units = l10n::source_units(&catalog, &locales);
        validate(&catalog, &locales, &locks, &units, diags);
        crate::console::timing(|| "validated".into());
        Ok(Some(Project {
            root: root.to_path_buf(),
            catalog,
            locales: Arc::new(locales),
            locks,
            units,
        }))
    }

    /// Loads the project at `root` with its look and renders it with the
    /// default options, reusing `earlier`'s pages where it can; `Ok(None)`
    /// where an error stops that (the reasons are in `diags`, as are the
    /// warnings).
    pub(crate) fn rendered(
        root: &Path,
        earlier: Option<&Earlier>,
        diags: &mut Diagnostics,
    ) -> anyhow::Result<Option<Rendered>> {
        let Some(project) = Project::load(root, diags)? else {
            return Ok(None);
        };
        if diags.has_errors() {
            return Ok(None);
        }
        let Some(look) = project.look(diags)? else {
            return Ok(None);
        };
        let output = project.render(
            &look,
            &RenderOptions::default(),
            earlier,
            Output::new(),
            diags,
        );
        Ok((!diags.has_errors()).then_some(Rendered {
            project,
            look,
            output,
        }))
    }

    /// Loads the project's templates and layouts; `Ok(None)` if they
    /// cannot be used (the reasons are in `diags`).
    pub(crate) fn look(&self, diags: &mut Diagnostics) -> anyhow::Result<Option<Look>> {
        let pages = self
            .catalog
            .modules
            .iter()
            .map(|m| m.page.value.clone())
            .collect();
        let Some(templates) = Templates::load(&self.root, Arc::clone(&self.locales), pages, diags)?
        else {
            return Ok(None);
        };
        let layouts = Layouts::load(&self.root, diags)?;
        layouts.check(&self.catalog, &self.locales.tags(), diags);
        Ok(Some(Look { templates, layouts }))
    }

    /// Renders every output format into memory, the way `look` says.
    pub(crate) fn render(
        &self,
        look: &Look,
        options: &RenderOptions,
        earlier: Option<&Earlier>,
        mut output: Output,
        diags: &mut Diagnostics,
    ) -> Output {
        // The model and the translation status are independent: each on
        // its own core.
        let (model, status) = rayon::join(
            || {
                let mut found = Diagnostics::new();
                let model = Model::build(
                    &self.catalog,
                    &self.locales,
                    &self.locks,
                    options.stale,
                    &mut found,
                );
                (model, found)
            },
            || self.statuses(),
        );
        let (model, found) = model;
        diags.extend(found);
        let changes = changes_since(&self.root, &self.catalog, diags);
        let base_url = options.base_url.as_deref().or(self
            .catalog
            .site
            .base_url
            .as_ref()
            .map(|u| u.value.as_str()));
        crate::console::timing(|| "model and status".into());
        let keys =
            earlier.map(|earlier| Keys::new(&self.common_inputs(look, options, base_url), earlier));
        let values = Values::new(&model);
        crate::console::timing(|| "template values".into());
        let ctx = RenderContext {
            model: &model,
            values: &values,
            templates: &look.templates,
            layouts: &look.layouts,
            base_url,
            status: &status,
            changes: changes.as_ref(),
            keys: keys.as_ref(),
        };
        let renderers: [&dyn Renderer; 2] = [&MarkdownRenderer, &HtmlRenderer];
        for renderer in renderers {
            renderer.render(&ctx, &mut output, diags);
            let counts = keys.as_ref().map(Keys::counts).unwrap_or_default();
            crate::console::timing(|| {
                format!(
                    "{} (pages so far: {} reused, {} rendered)",
                    renderer.name(),
                    counts.0,
                    counts.1
                )
            });
        }
        output.add_manifest();
        drop_aside((values, model));
        output
    }

    /// What every page is made from besides its own context, written out
    /// (for [`Keys`]): which errdoc this is, the project's
    /// templates and layouts, every UI string, the list of pages and the
    /// options.
    fn common_inputs(
        &self,
        look: &Look,
        options: &RenderOptions,
        base_url: Option<&str>,
    ) -> Vec<u8> {
        let mut out = Vec::new();
        let mut part = |text: &str| {
            out.extend_from_slice(text.as_bytes());
            out.push(0);
        };
        part(crate::render::BUILD);
        for (name, text) in look.templates.sources() {
            part(name);
            part(text);
        }
        part("layouts");
        for (tag, page, text) in look.layouts.sources() {
            part(tag);
            part(page);
            part(text);
        }
        part("pages");
        for module in &self.catalog.modules {
            part(&module.page.value);
        }
        part(&format!("{base_url:?} {:?}", options.stale));
        out.extend_from_slice(&self.locales.ui_fingerprint());
        out
    }

    /// The translation status of every locale but the source.
    fn statuses(&self) -> Vec<LocaleStatus> {
        self.locales
            .all()
            .iter()
            .filter(|l| !self.locales.is_source(l))
            .map(|l| self.status_of(l, &self.units))
            .collect()
    }

    /// The parts of module `module`'s page in `locale` that its layout
    /// does not write, and why: (name, why), as `code 1001`. `model` is
    /// [`Project::model`]'s.
    pub(crate) fn layout_misfits(
        look: &Look,
        model: &Model,
        locale: &str,
        module: &str,
    ) -> Vec<(String, String)> {
        let Some(locale) = model.locales.iter().find(|l| l.tag == locale) else {
            return Vec::new();
        };
        let Some(page) = locale.pages.iter().find(|p| p.module == module) else {
            return Vec::new();
        };
        look.layouts
            .get(&locale.tag, &page.file)
            .map(|layout| crate::render::layout::misfits(page, locale, layout))
            .unwrap_or_default()
    }

    /// The localized model, for commands that read it rather than build
    /// (`explain`, `export`); its formatting problems are `check`'s to report.
    pub(crate) fn model(&self) -> Model {
        let mut ignored = Diagnostics::new();
        Model::build(
            &self.catalog,
            &self.locales,
            &self.locks,
            StaleMode::Mark,
            &mut ignored,
        )
    }

    /// Every English string of the project.
    pub(crate) fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The sources lock of `locale`, to change and save: its own, or an
    /// empty one at its place.
    pub(crate) fn lock_for(&self, locale: &Locale) -> crate::l10n::lock::SourcesLock {
        let mut lock = self.locks.get(&locale.tag).cloned().unwrap_or_default();
        if lock.path.as_os_str().is_empty() {
            lock.path = locale.dir().join(crate::l10n::lock::LOCK_FILE);
        }
        lock
    }

    /// Every English string and its exchange entry for `locale`, as `lock`
    /// records the English its translations were made from.
    pub(crate) fn exchange_entries(
        &self,
        locale: &Locale,
        lock: &crate::l10n::lock::SourcesLock,
    ) -> (Vec<Unit>, Vec<l10n::exchange::Entry>) {
        let units = self.units().to_vec();
        let assessment = l10n::assess(&self.catalog, &units, &self.locales, locale, Some(lock));
        let source = self.locales.source();
        let entries =
            l10n::exchange::entries(&units, source, locale, Some(lock), &assessment.states);
        (units, entries)
    }

    /// The translation status of `locale`, given the English strings.
    pub(crate) fn status_of(&self, locale: &Locale, units: &[Unit]) -> LocaleStatus {
        let assessment = l10n::assess(
            &self.catalog,
            units,
            &self.locales,
            locale,
            self.locks.get(&locale.tag),
        );
        let strings =
            l10n::pending::pending(&self.catalog, units, &self.locales, locale, &assessment);
        l10n::status(&self.catalog, units, &locale.tag, &assessment, strings)
    }

    /// Figures for the summary line.
    pub(crate) fn stats(&self) -> Stats {
        let locales = self.locales.all().len();
        Stats {
            locales,
            pages: locales * self.catalog.modules.len(),
            codes: self.catalog.code_count(),
        }
    }
}
