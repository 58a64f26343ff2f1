//! Stage 4: the localized model every renderer reads: for each locale, its
//! pages, and on each page every code with its text already formatted.
//!
//! All Fluent formatting happens here, once, with English fallback per
//! message: a text that had to fall back carries `lang` of the locale it
//! came from, so a renderer can mark it (`lang="en"` in HTML).

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use fluent_bundle::FluentArgs;
use serde::Serialize;

use crate::catalog::{
    Catalog, CodeEntry, CodeNumber, Family, Listing, Membership, MessageId, Module, PageItem,
    TableEntry,
};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::l10n::{self, lock::SourcesLock, lock::fingerprint};
use crate::locales::{Locale, Locales};

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
    /// Where each code's own view is, made on the first [`Self::code`]:
    /// `export` looks up every code, and a scan each made it quadratic.
    #[serde(skip)]
    pub(crate) code_index: OnceLock<HashMap<CodeNumber, CodeAt>>,
}

/// Where a code's own view is in a [`LocaleModel`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum CodeAt {
    /// `pages[page].codes[index]`.
    Code { page: usize, index: usize },
    /// `pages[page].families[family].members[index]`.
    Member {
        page: usize,
        family: usize,
        index: usize,
    },
}

impl LocaleModel {
    /// The code's own view (on the page of the module that defines it, not
    /// a listing elsewhere) and that page.
    pub(crate) fn code(&self, code: CodeNumber) -> Option<(&PageModel, &CodeView)> {
        let at = *self
            .code_index
            .get_or_init(|| self.index_codes())
            .get(&code)?;
        match at {
            CodeAt::Code { page, index } => {
                let p = self.pages.get(page)?;
                Some((p, p.codes.get(index)?))
            }
            CodeAt::Member {
                page,
                family,
                index,
            } => {
                let p = self.pages.get(page)?;
                Some((p, p.families.get(family)?.members.get(index)?))
            }
        }
    }

    /// Every code's place, in the order of [`PageModel::defined_codes`]
    /// page after page: the first place of a code wins, as a scan finds it.
    fn index_codes(&self) -> HashMap<CodeNumber, CodeAt> {
        let mut found = HashMap::new();
        for (page, p) in self.pages.iter().enumerate() {
            for (index, c) in p.codes.iter().enumerate().filter(|(_, c)| !c.listed) {
                found.entry(c.code).or_insert(CodeAt::Code { page, index });
            }
            for (family, f) in p.families.iter().enumerate() {
                for (index, c) in f.members.iter().enumerate() {
                    found.entry(c.code).or_insert(CodeAt::Member {
                        page,
                        family,
                        index,
                    });
                }
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
    /// Every code the page defines, written and generated, with its family:
    /// not the codes of other modules it lists, which have their own page.
    pub(crate) fn defined_codes(&self) -> Vec<(&CodeView, Option<&FamilyView>)> {
        let family = |code: &CodeView| {
            code.member
                .as_ref()
                .and_then(|m| self.families.iter().find(|f| f.id == m.family))
        };
        self.codes
            .iter()
            .filter(|c| !c.listed)
            .chain(self.families.iter().flat_map(|f| &f.members))
            .map(|c| (c, family(c)))
            .collect()
    }
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
    /// Its family and table value.
    pub member: Option<Membership>,
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

/// A cited document.
#[derive(Debug, Clone, Serialize)]
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
        // One locale after the other: in parallel, the bundles' shared
        // memoizers cost more than they gain (measured).
        let built: Vec<(LocaleModel, Diagnostics)> = locales
            .all()
            .iter()
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

/// Formats texts for one locale with per-message English fallback.
struct Localizer<'a> {
    locales: &'a Locales,
    locale: &'a Locale,
    lock: Option<&'a SourcesLock>,
    stale: StaleMode,
    diags: &'a mut Diagnostics,
}

impl Localizer<'_> {
    /// The text of `id` (or its `attribute`), from this locale or else the
    /// source locale; `None` if neither has it.
    fn text(
        &mut self,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs<'_>>,
    ) -> Option<Text> {
        let source = self.locales.source();
        let mut locale = if is_ui_id(id) {
            self.locales.ui_chain(&self.locale.tag)
        } else {
            vec![self.locale, source]
        }
        .into_iter()
        .find(|l| l.has_part(id, attribute))?;
        // A translation's state is judged against the English as written.
        let mut stale = None;
        if !self.locales.is_source(locale) && !is_ui_id(id) && source.has_part(id, attribute) {
            let english = source
                .format(id, attribute, None)
                .map(|(t, _)| t)
                .unwrap_or_default();
            let key = l10n::key(id, attribute);
            if l10n::is_stub(locale, id, attribute, &english, self.lock) {
                locale = source;
            } else if self
                .lock
                .and_then(|l| l.get(&key))
                .is_some_and(|s| s.fingerprint != fingerprint(&english))
            {
                match self.stale {
                    StaleMode::Mark => stale = Some(key),
                    StaleMode::Fallback => locale = source,
                }
            }
        }
        let (text, mut errors) = locale.format(id, attribute, args)?;
        if !locale.variables_match(source, id, attribute) {
            // Validation already reports the variables that differ.
            errors.clear();
        }
        let name = || match attribute {
            None => id.to_string(),
            Some(a) => format!("{id}.{a}"),
        };
        for error in errors {
            let mut d = Diagnostic::new(Kind::CannotFormat {
                name: name(),
                error: error.to_string(),
            });
            if let Some((file, span)) = locale.locate_part(id, attribute) {
                d = d.at(file, span);
            }
            self.diags.push(d);
        }
        let markup = crate::markup::markup(&text);
        if (markup.raw_html || markup.unsafe_link)
            && let Some((file, span)) = locale.locate_part(id, attribute)
        {
            if markup.raw_html {
                let kind = Kind::RawHtmlInText { name: name() };
                self.diags.push(Diagnostic::new(kind).at(file, span));
            }
            if markup.unsafe_link {
                let kind = Kind::UnsafeLinkInText { name: name() };
                self.diags.push(Diagnostic::new(kind).at(file, span));
            }
        }
        Some(Text {
            text,
            lang: locale.tag.clone(),
            stale,
        })
    }

    /// A text the templates cannot do without; reported when missing.
    fn required(&mut self, id: &str, args: Option<&FluentArgs<'_>>) -> Text {
        // Validation stops a command whose catalog messages lack their
        // English, and errdoc's built-in English has every UI string its
        // templates use: the id shown here would be a bug of errdoc's.
        self.text(id, None, args).unwrap_or_else(|| Text {
            text: id.to_string(),
            lang: self.locales.source().tag.clone(),
            stale: None,
        })
    }

    /// `.cause-1`, `.cause-2`, … of `id`: a list is translated as a whole.
    /// A translation that has any item of it shows its own items (a page
    /// may say less or more than its English, which drifted since; `check`
    /// and `l10n status` tell); one that has none shows the English list.
    /// Mixing them would number a translation of an older English item
    /// among newer English ones.
    fn numbered(&mut self, id: &str, prefix: &str, args: Option<&FluentArgs<'_>>) -> Vec<Text> {
        let numbers_of = |locale: &Locale| -> Vec<(u32, String)> {
            locale
                .entries
                .get(id)
                .map(|e| {
                    e.attributes
                        .iter()
                        .filter_map(|(name, _)| {
                            let n = name.strip_prefix(prefix)?.parse::<u32>().ok()?;
                            Some((n, name.clone()))
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        let own = if self.locale.entries.get(id).is_some_and(|e| e.stub) {
            Vec::new()
        } else {
            numbers_of(self.locale)
        };
        let mut numbers = if own.is_empty() {
            numbers_of(self.locales.source())
        } else {
            own
        };
        numbers.sort();
        numbers
            .into_iter()
            .filter_map(|(_, attribute)| self.text(id, Some(&attribute), args))
            .collect()
    }

    fn locale_model(&mut self, catalog: &Catalog) -> LocaleModel {
        let directory = self.directory(catalog);
        let pages = catalog
            .modules
            .iter()
            .map(|m| self.page(catalog, m, &directory))
            .collect();
        // A language is named in itself or by its tag, never in another
        // language's words.
        let tag = self.locale.tag.as_str();
        let name = [Some(self.locale), self.locales.builtin(tag)]
            .into_iter()
            .flatten()
            .filter(|l| !l.entries.get("ui-language-name").is_some_and(|e| e.stub))
            .find_map(|l| l.format("ui-language-name", None, None))
            .map_or_else(|| tag.to_string(), |(name, _)| name);
        LocaleModel {
            tag: self.locale.tag.clone(),
            is_source: self.locales.is_source(self.locale),
            name,
            pages,
            code_index: OnceLock::new(),
        }
    }

    /// Titles first (related codes show the titles of codes on any page),
    /// and the pages each code is on.
    fn directory(&mut self, catalog: &Catalog) -> Directory {
        let mut titles: HashMap<CodeNumber, (Text, String)> = HashMap::new();
        let mut pages: HashMap<CodeNumber, Vec<PageLink>> = HashMap::new();
        let page_links: Vec<PageLink> = catalog
            .modules
            .iter()
            .map(|m| PageLink {
                module: m.id.value.clone(),
                file: m.page.value.clone(),
                title: self.required(&MessageId::Module(&m.id.value).to_string(), None),
            })
            .collect();
        for (module, link) in catalog.modules.iter().zip(&page_links) {
            for code in &module.codes {
                let title = self.code_title(catalog, code);
                titles.insert(code.code, (title, module.page.value.clone()));
                pages.entry(code.code).or_default().push(link.clone());
            }
        }
        for (module, link) in catalog.modules.iter().zip(&page_links) {
            for listing in &module.listings {
                let on = pages.entry(listing.code.value).or_default();
                if !on.iter().any(|p| p.module == module.id.value) {
                    on.push(link.clone());
                }
            }
        }
        Directory { titles, pages }
    }

    fn heading_view(&mut self, module: &Module, heading: &crate::catalog::Heading) -> HeadingView {
        let id = heading.message_id(&module.id.value);
        HeadingView {
            id: heading.id.value.clone(),
            hashes: "#".repeat(usize::from(heading.level.value)),
            level: heading.level.value,
            title: self.required(&id, None),
            text: self.text(&id, Some("text"), None),
        }
    }

    fn table_entry<'c>(catalog: &'c Catalog, member: &Membership) -> Option<&'c TableEntry> {
        catalog.table(&member.table)?.entry(&member.name)
    }

    /// The localized message of a table entry (`errno-ETIMEDOUT`), or the
    /// catalog's English.
    fn entry_message(&mut self, catalog: &Catalog, member: &Membership) -> Text {
        let english = Self::table_entry(catalog, member)
            .map(|e| e.message.value.clone())
            .unwrap_or_default();
        let id = format!("{}-{}", member.table, member.name);
        let english_text = Text {
            text: english.clone(),
            lang: self.locales.source().tag.clone(),
            stale: None,
        };
        if self.locales.is_source(self.locale)
            || !self.locale.has(&id)
            || l10n::is_stub(self.locale, &id, None, &english, self.lock)
        {
            return english_text;
        }
        let stale = self
            .lock
            .and_then(|l| l.get(&id))
            .is_some_and(|s| s.fingerprint != fingerprint(&english));
        if stale && self.stale == StaleMode::Fallback {
            return english_text;
        }
        match self.text(&id, None, None) {
            Some(mut text) => {
                text.stale = stale.then_some(id);
                text
            }
            None => english_text,
        }
    }

    fn code_title(&mut self, catalog: &Catalog, code: &CodeEntry) -> Text {
        match (&code.member, code.is_generated()) {
            (Some(member), true) => self.entry_message(catalog, member),
            _ => self.required(&code.message_id(), None),
        }
    }

    fn member_args(&mut self, catalog: &Catalog, code: &CodeEntry) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        // Numbers go in as strings: codes are identifiers, never grouped
        // or localized as quantities ("2,303,210").
        args.set("code", code.code.to_string());
        if let Some(member) = &code.member {
            let message = self.entry_message(catalog, member).text;
            args.set("name", member.name.clone());
            args.set("value", member.value.to_string());
            args.set("message", message);
        }
        args
    }

    /// The message id of a listed code's texts on page `on`: the page's own
    /// (`code-2300002-on-http`) where it has them, in English (then this
    /// locale's translation of them is what the page shows, falling back to
    /// the English) or only in this locale (drift: this page says
    /// something else than the code's own page in this language).
    fn listing_id(&self, code: &CodeEntry, on: &Module) -> Option<String> {
        let id = MessageId::Listing {
            code: code.code,
            module: &on.id.value,
        }
        .to_string();
        (self.locales.source().has(&id) || self.locale.has(&id)).then_some(id)
    }

    /// A code's view on the page of `on`: its own module's, or (with
    /// `listing`) a page that lists it.
    fn code_view(
        &mut self,
        catalog: &Catalog,
        module: &Module,
        code: &CodeEntry,
        listing: Option<(&Module, &Listing)>,
        directory: &Directory,
    ) -> CodeView {
        let own_texts = listing.and_then(|(on, _)| self.listing_id(code, on));
        let (id, args) = match (&own_texts, &code.member, code.is_generated()) {
            (Some(own), ..) => (own.clone(), None),
            (None, Some(member), true) => (
                MessageId::Family(&member.family).to_string(),
                Some(self.member_args(catalog, code)),
            ),
            (None, ..) => (code.message_id(), None),
        };
        let args = args.as_ref();
        // A page's own texts may leave the title out (`## 7` on a page
        // that lists 7): then it is the code's own.
        let own_title = own_texts
            .as_deref()
            .and_then(|own| self.text(own, None, None));
        let title = match (own_title, directory.titles.get(&code.code)) {
            (Some(own), _) => own,
            (None, Some((t, _))) => t.clone(),
            (None, None) => self.code_title(catalog, code),
        };
        let drift = listing.map_or(&code.message_drift, |(_, l)| &l.message_drift);
        let shown_message = drift
            .iter()
            .find(|(locale, _)| *locale == self.locale.tag)
            .map(|(_, text)| text.value.clone())
            .or_else(|| code.message.as_ref().map(|m| m.value.clone()));
        let marker = match listing {
            Some((_, l)) => l.marker.as_ref(),
            None => code.marker.as_ref(),
        };
        let flags = code
            .flags
            .iter()
            .map(|f| self.required(f.value.message_id(), None))
            .collect();
        let intro = self.text(&id, Some("intro"), args);
        let description = self.text(&id, Some("description"), args);
        let causes = self.numbered(&id, "cause-", args);
        let solutions = self.numbered(&id, "solution-", args);
        let details = self.text(&id, Some("details"), args);
        let flags: Vec<Text> = flags;
        let stale = std::iter::once(&title)
            .chain(intro.iter())
            .chain(description.iter())
            .chain(details.iter())
            .chain(&causes)
            .chain(&solutions)
            .chain(&flags)
            .filter_map(|t| t.stale.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        CodeView {
            code: code.code,
            name: code.name.value.clone(),
            page: module.page.value.clone(),
            listed: listing.is_some(),
            pages: directory.pages.get(&code.code).cloned().unwrap_or_default(),
            title,
            headings: Vec::new(),
            intro,
            details,
            message: code.message.as_ref().map(|m| m.value.clone()),
            shown_message,
            description,
            causes,
            solutions,
            references: references(catalog, code.references.iter().map(|r| r.value.as_str())),
            related: code
                .related
                .iter()
                .filter_map(|r| {
                    let (title, page) = directory.titles.get(&r.value)?;
                    Some(RelatedView {
                        code: r.value,
                        title: title.clone(),
                        page: page.clone(),
                    })
                })
                .collect(),
            flags,
            since: code.since.as_ref().map(|s| s.value.clone()),
            deprecated: code.deprecated.as_ref().map(|s| s.value.clone()),
            member: code.member.clone(),
            generated: code.is_generated(),
            stale,
            marker: marker.map(|m| m.value.clone()),
            marker_opens: true,
            marker_closes: true,
        }
    }

    fn family_view(
        &mut self,
        catalog: &Catalog,
        module: &Module,
        family: &Family,
        directory: &Directory,
    ) -> FamilyView {
        let id = MessageId::Family(&family.id.value).to_string();
        let mut args = FluentArgs::new();
        args.set("base", family.base.value.to_string());
        let mut members: Vec<CodeView> = module
            .codes
            .iter()
            .filter(|c| {
                c.is_generated()
                    && c.member
                        .as_ref()
                        .is_some_and(|m| m.family == family.id.value)
            })
            .map(|c| self.code_view(catalog, module, c, None, directory))
            .collect();
        members.sort_by_key(|c| c.code);
        FamilyView {
            id: family.id.value.clone(),
            base: family.base.value,
            title: self.required(&id, Some(&args)),
            rule: self.text(&id, Some("rule"), Some(&args)),
            rule_label: self.text(&id, Some("rule-label"), Some(&args)),
            members,
            after: None,
        }
    }

    fn page(&mut self, catalog: &Catalog, module: &Module, directory: &Directory) -> PageModel {
        let id = MessageId::Module(&module.id.value).to_string();
        let mut codes: Vec<CodeView> = Vec::with_capacity(module.order.len());
        // Headings wait for the code they precede.
        let mut headings: Vec<HeadingView> = Vec::new();
        for item in &module.order {
            let before = codes.len();
            match *item {
                PageItem::Heading(i) => {
                    if let Some(heading) = module.headings.get(i) {
                        headings.push(self.heading_view(module, heading));
                    }
                }
                PageItem::Code(i) => {
                    if let Some(code) = module.codes.get(i) {
                        codes.push(self.code_view(catalog, module, code, None, directory));
                    }
                }
                PageItem::Listing(i) => {
                    let Some(listing) = module.listings.get(i) else {
                        continue;
                    };
                    // Validation reports a listing of a code no module defines.
                    if let Some((owner, code)) = catalog.find(listing.code.value) {
                        let view = self.code_view(
                            catalog,
                            owner,
                            code,
                            Some((module, listing)),
                            directory,
                        );
                        codes.push(view);
                    }
                }
            }
            if codes.len() > before
                && let Some(code) = codes.last_mut()
            {
                code.headings = std::mem::take(&mut headings);
            }
        }
        for i in 0..codes.len() {
            let marker = codes[i].marker.clone();
            let before = i
                .checked_sub(1)
                .and_then(|j| codes.get(j))
                .map(|c| c.marker.clone());
            let after = codes.get(i + 1).map(|c| c.marker.clone());
            codes[i].marker_opens = before.flatten() != marker;
            codes[i].marker_closes = after.flatten() != marker;
        }
        let mut families: Vec<FamilyView> = module
            .families
            .iter()
            .map(|f| self.family_view(catalog, module, f, directory))
            .collect();
        for family in &mut families {
            family.after = codes
                .iter()
                .rev()
                .find(|c| c.member.as_ref().is_some_and(|m| m.family == family.id))
                .map(|c| c.code);
        }
        let ranges: Vec<RangeView> = module
            .ranges
            .iter()
            .map(|r| {
                let id = MessageId::Range(&r.id.value).to_string();
                RangeView {
                    id: r.id.value.clone(),
                    from: r.range.from,
                    to: r.range.to,
                    title: self.required(&id, None),
                    description: self.text(&id, Some("description"), None),
                    references: references(catalog, r.references.iter().map(|x| x.value.as_str())),
                }
            })
            .collect();
        let title = self.required(&id, None);
        let note = self.text(&id, Some("note"), None);
        let intro = self.text(&id, Some("intro"), None);
        let stale =
            std::iter::once(&title)
                .chain(note.iter())
                .chain(intro.iter())
                .chain(
                    codes
                        .iter()
                        .flat_map(|c| &c.headings)
                        .chain(&headings)
                        .flat_map(|h| std::iter::once(&h.title).chain(h.text.iter())),
                )
                .chain(ranges.iter().flat_map(|r: &RangeView| {
                    std::iter::once(&r.title).chain(r.description.iter())
                }))
                .chain(
                    families
                        .iter()
                        .flat_map(|f: &FamilyView| std::iter::once(&f.title).chain(f.rule.iter())),
                )
                .filter_map(|t| t.stale.clone())
                .collect();
        PageModel {
            module: module.id.value.clone(),
            file: module.page.value.clone(),
            title,
            note,
            intro,
            code_hashes: "#".repeat(usize::from(module.code_level.value)),
            style: module.style,
            closing: headings,
            metadata: module
                .metadata
                .iter()
                .map(|(key, value)| MetaItem {
                    key,
                    value: value.value.clone(),
                })
                .collect(),
            owns: module.owns.iter().map(|r| (r.from, r.to)).collect(),
            generated: module.codes.iter().filter(|c| c.is_generated()).count(),
            stale,
            codes,
            families,
            ranges,
        }
    }
}

/// Whether `id` is a string of the templates rather than of the catalog.
fn is_ui_id(id: &str) -> bool {
    id.starts_with("ui-") || id.starts_with("flag-")
}

fn references<'a>(catalog: &Catalog, ids: impl Iterator<Item = &'a str>) -> Vec<ReferenceView> {
    ids.filter_map(|id| catalog.reference(id))
        .map(|r| ReferenceView {
            title: r.title.clone(),
            url: r.url.value.clone(),
        })
        .collect()
}
