//! Stage 4: the localized model every renderer reads: for each locale, its
//! pages, and on each page every code with its text already formatted.
//!
//! All Fluent formatting happens here, once, with English fallback per
//! message: a text that had to fall back carries `lang` of the locale it
//! came from, so a renderer can mark it (`lang="en"` in HTML).

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;

use crate::catalog::{Catalog, CodeNumber, Membership};
use crate::diagnostic::Diagnostics;
use crate::l10n::lock::SourcesLock;
use crate::locales::Locales;

mod localizer;
pub(crate) mod wordings;

use localizer::Localizer;

/// The model of the whole project, one entry per locale (source first).
#[derive(Debug, Serialize)]
pub(crate) struct Model {
    /// Every locale.
    pub locales: Vec<LocaleModel>,
}

/// One locale's pages.
#[derive(Debug, Serialize)]
pub(crate) struct LocaleModel {
    /// Its tag (`zh-CN`).
    pub tag: String,
    /// Whether it is the source locale.
    pub is_source: bool,
    /// Its name in itself (`简体中文`), from `ui-language-name`.
    pub name: String,
    /// One page per module, in catalog order.
    pub pages: Vec<PageModel>,
    /// Its UI strings that take no variables, by id, as `t(id=…)` returns
    /// them ([`Locales::ui_strings`]): templates read them as data.
    #[serde(skip)]
    pub ui: BTreeMap<String, String>,
    /// Groups of words that mean the same, for search
    /// ([`wordings::synonyms`]).
    #[serde(skip)]
    pub synonyms: Vec<Vec<String>>,
    /// Where each code's own view is, made on the first [`Self::code`]:
    /// `export` looks up every code, and a scan each made it quadratic.
    #[serde(skip)]
    pub(crate) code_index: OnceLock<HashMap<CodeNumber, CodeAt>>,
}

/// Where a code's own view is in a [`LocaleModel`]: on `pages[page]`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CodeAt {
    page: usize,
    slot: Slot,
}

impl LocaleModel {
    /// The code's own view (on the page of the module that defines it, not
    /// a listing elsewhere) and that page.
    pub(crate) fn code(&self, code: CodeNumber) -> Option<(&PageModel, &CodeView)> {
        let at = *self
            .code_index
            .get_or_init(|| self.index_codes())
            .get(&code)?;
        let p = self.pages.get(at.page)?;
        let view = match at.slot {
            Slot::Code(index) => p.codes.get(index)?,
            Slot::Member { family, index } => p.families.get(family)?.members.get(index)?,
        };
        Some((p, view))
    }

    /// Every code's place, in the order of [`PageModel::defined_codes`]
    /// page after page: the first place of a code wins, as a scan finds it.
    fn index_codes(&self) -> HashMap<CodeNumber, CodeAt> {
        let mut found = HashMap::new();
        for (page, p) in self.pages.iter().enumerate() {
            for (slot, c, _) in p.defined_codes() {
                found.entry(c.code).or_insert(CodeAt { page, slot });
            }
        }
        found
    }
}

/// A translated text and the locale it actually came from.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub(crate) struct Text {
    /// The text (Markdown).
    pub text: String,
    /// The locale it came from; differs from the page's after a fallback.
    pub lang: String,
    /// For a stale translation (the English changed after it was made),
    /// the string's key (`code-1006.description`).
    pub stale: Option<String>,
}

/// What `build` does with a stale translation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum StaleMode {
    /// Show it, marked as stale.
    #[default]
    Mark,
    /// Show the English instead.
    Fallback,
}

/// A `Kit: Network Kit` line of the metadata block.
#[derive(Debug, Serialize)]
pub(crate) struct MetaItem {
    /// Label, as in the house style (`Kit`).
    pub key: &'static str,
    /// Value.
    pub value: String,
}

/// One module's page in one locale.
#[derive(Debug, Serialize)]
pub(crate) struct PageModel {
    /// Module id.
    pub module: String,
    /// Page file name without extension.
    pub file: String,
    /// Page title.
    pub title: Text,
    /// The NOTE / 说明 text.
    pub note: Option<Text>,
    /// Text before the first section.
    pub intro: Option<Text>,
    /// The `#`s of its code headings (`##`, or `###` under groups).
    pub code_hashes: String,
    /// How the page looks beyond its texts.
    pub style: crate::catalog::PageStyle,
    /// Headings after the last code (the others are on the code they
    /// precede).
    pub closing: Vec<HeadingView>,
    /// The metadata block.
    pub metadata: Vec<MetaItem>,
    /// The code ranges the module owns, as (first, last).
    pub owns: Vec<(CodeNumber, CodeNumber)>,
    /// The codes written in the catalog, in catalog order.
    pub codes: Vec<CodeView>,
    /// Families, each with its generated members.
    pub families: Vec<FamilyView>,
    /// Ranges that are not single codes.
    pub ranges: Vec<RangeView>,
    /// How many codes its families generate.
    pub generated: usize,
    /// Keys of the stale translations of the page's own texts (title,
    /// note, ranges, families).
    pub stale: Vec<String>,
}

impl PageModel {
    /// Every code the page defines, written and generated, with where it
    /// is on the page and its family: not the codes of other modules it
    /// lists, which have their own page.
    pub(crate) fn defined_codes(&self) -> Vec<(Slot, &CodeView, Option<&FamilyView>)> {
        let family = |code: &CodeView| {
            code.member
                .as_ref()
                .and_then(|m| self.families.iter().find(|f| f.id == m.family))
        };
        let written = self
            .codes
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.listed)
            .map(|(i, c)| (Slot::Code(i), c));
        let generated = self.families.iter().enumerate().flat_map(|(family, f)| {
            f.members
                .iter()
                .enumerate()
                .map(move |(index, c)| (Slot::Member { family, index }, c))
        });
        written
            .chain(generated)
            .map(|(slot, c)| (slot, c, family(c)))
            .collect()
    }
}

/// Where a code is on its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// `codes[i]`.
    Code(usize),
    /// `families[family].members[index]`.
    Member { family: usize, index: usize },
}

/// A code with everything a reader sees.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CodeView {
    /// Number.
    pub code: CodeNumber,
    /// Constant name.
    pub name: String,
    /// The page of the module that defines it.
    pub page: String,
    /// Whether this view is a listing: the code of another module, shown
    /// on this page too (`also:`).
    pub listed: bool,
    /// Every page it is on: the defining module's first, then those that
    /// list it, in catalog order.
    pub pages: Vec<PageLink>,
    /// Title (empty for a code whose page gives none: `## 2900001`).
    pub title: Text,
    /// Headings of the page that come right before it (groups of codes,
    /// prose sections).
    pub headings: Vec<HeadingView>,
    /// Text between its heading and its first section.
    pub intro: Option<Text>,
    /// Sub-cases after its sections (`### Scenario 1` …), as written.
    pub details: Option<Text>,
    /// Literal error message (English), as the catalog has it.
    pub message: Option<String>,
    /// The Error Message this page shows in this locale: `message`, or the
    /// page's own where the catalog records drift (`message_drift`).
    pub shown_message: Option<String>,
    /// What it means.
    pub description: Option<Text>,
    /// Possible causes.
    pub causes: Vec<Text>,
    /// Steps of the solution.
    pub solutions: Vec<Text>,
    /// Cited documents.
    pub references: Vec<ReferenceView>,
    /// Related codes.
    pub related: Vec<RelatedView>,
    /// Flags, as sentences.
    pub flags: Vec<Text>,
    /// First version.
    pub since: Option<String>,
    /// Deprecating version.
    pub deprecated: Option<String>,
    /// The release that removed it (it stays documented, as gone).
    pub removed: Option<String>,
    /// Its family and table value.
    pub member: Option<Membership>,
    /// Other names and wordings of its table value, for search.
    #[serde(skip)]
    pub also: Option<wordings::Also>,
    /// Whether a family generated it.
    pub generated: bool,
    /// Keys of its stale translations (`code-1006.description`).
    pub stale: Vec<String>,
    /// The marker its Markdown section is wrapped in (`Del`).
    pub marker: Option<String>,
    /// Whether the marker opens before this code (the code before it has
    /// another marker or none): neighbours with one marker share one pair.
    pub marker_opens: bool,
    /// Whether the marker closes after this code.
    pub marker_closes: bool,
}

/// A heading of a page that is not a code, with the text under it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct HeadingView {
    /// Its id in the module.
    pub id: String,
    /// Its `#`s (`##`).
    pub hashes: String,
    /// Its level (2 for `##`).
    pub level: u8,
    /// Its title.
    pub title: Text,
    /// The text under it.
    pub text: Option<Text>,
}

/// A page a code is on.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PageLink {
    /// Module id.
    pub module: String,
    /// Page file name without extension.
    pub file: String,
    /// Page title in this locale.
    pub title: Text,
}

/// What every page of a locale may show of codes on other pages: their
/// titles (for related codes) and the pages each code is on.
struct Directory {
    titles: HashMap<CodeNumber, (Text, String)>,
    pages: HashMap<CodeNumber, Vec<PageLink>>,
}

/// Labels of the sections, in the chosen language: the locale's UI
/// strings, carried in exported files for `explain --catalog`.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub(crate) struct Labels {
    /// "Error Message".
    pub message: String,
    /// "Description".
    pub description: String,
    /// "Possible Causes".
    pub causes: String,
    /// "Solution".
    pub solution: String,
    /// "Restrictions".
    pub flags: String,
    /// "References".
    pub references: String,
    /// "Related Error Codes".
    pub related: String,
}

impl Labels {
    /// The labels in `locale`'s UI strings (an id where a text is missing).
    pub(crate) fn of(locale: &LocaleModel) -> Self {
        let label = |id: &str| locale.ui.get(id).cloned().unwrap_or_else(|| id.to_string());
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
}

/// A cited document.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub(crate) struct ReferenceView {
    /// Title.
    pub title: String,
    /// URL.
    pub url: String,
}

/// A link to a related code.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RelatedView {
    /// Number.
    pub code: CodeNumber,
    /// Its title in this locale.
    pub title: Text,
    /// The page it is on.
    pub page: String,
}

/// A family and its generated members.
#[derive(Debug, Serialize)]
pub(crate) struct FamilyView {
    /// Family id.
    pub id: String,
    /// Base number.
    pub base: CodeNumber,
    /// Heading.
    pub title: Text,
    /// The mapping rule.
    pub rule: Option<Text>,
    /// The label a page states the rule under (`TCP/UDP 错误码说明：`);
    /// the title if none.
    pub rule_label: Option<Text>,
    /// The members no explicit entry overrides, by number.
    pub members: Vec<CodeView>,
    /// The last code of the page that is a member: with the `rule` style,
    /// the rule comes right after it (at the end of the page if none).
    pub after: Option<CodeNumber>,
}

/// A range of codes that are not single codes.
#[derive(Debug, Serialize)]
pub(crate) struct RangeView {
    /// Range id.
    pub id: String,
    /// First code.
    pub from: CodeNumber,
    /// Last code.
    pub to: CodeNumber,
    /// Title.
    pub title: Text,
    /// Description.
    pub description: Option<Text>,
    /// Cited documents.
    pub references: Vec<ReferenceView>,
}

impl Model {
    /// Formats every text of every locale; problems go to `diags`.
    pub(crate) fn build(
        catalog: &Catalog,
        locales: &Locales,
        locks: &BTreeMap<String, SourcesLock>,
        stale: StaleMode,
        diags: &mut Diagnostics,
    ) -> Model {
        // Each locale on a core of its own: an earlier measurement found
        // this slower; at 10k today the model and the translation status
        // together take 0.53 → 0.41 s.
        let built: Vec<(LocaleModel, Diagnostics)> = locales
            .all()
            .par_iter()
            .map(|locale| {
                let mut found = Diagnostics::new();
                let mut l = Localizer {
                    locales,
                    locale,
                    lock: locks.get(&locale.tag),
                    stale,
                    diags: &mut found,
                };
                (l.locale_model(catalog), found)
            })
            .collect();
        let mut locales_model = Vec::new();
        for (model, found) in built {
            diags.extend(found);
            locales_model.push(model);
        }
        Model {
            locales: locales_model,
        }
    }
}
