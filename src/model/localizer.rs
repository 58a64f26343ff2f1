//! Formatting every text of one locale: Fluent messages with per-message
//! English fallback, stale marks, and the views of pages, codes, families
//! and ranges built from them.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::FluentArgs;

use super::{
    CodeView, Directory, FamilyView, HeadingView, LocaleModel, MetaItem, PageLink, PageModel,
    RangeView, ReferenceView, RelatedView, StaleMode, Text,
};
use crate::catalog::{
    Catalog, CodeEntry, CodeNumber, Family, Listing, Membership, MessageId, Module, PageItem,
    TableEntry,
};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::l10n::{self, lock::SourcesLock, lock::fingerprint};
use crate::locales::{Locale, Locales};

/// Formats texts for one locale with per-message English fallback.
pub(super) struct Localizer<'a> {
    pub(super) locales: &'a Locales,
    pub(super) locale: &'a Locale,
    pub(super) lock: Option<&'a SourcesLock>,
    pub(super) stale: StaleMode,
    pub(super) diags: &'a mut Diagnostics,
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
        let mut locale = if crate::locales::is_ui_string(id) {
            self.locales.ui_chain(&self.locale.tag)
        } else {
            vec![self.locale, source]
        }
        .into_iter()
        .find(|l| l.has_part(id, attribute))?;
        // A translation's state is judged against the English as written.
        let mut stale = None;
        if !self.locales.is_source(locale)
            && !crate::locales::is_ui_string(id)
            && source.has_part(id, attribute)
        {
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

    pub(super) fn locale_model(&mut self, catalog: &Catalog) -> LocaleModel {
        let directory = self.directory(catalog);
        let pages = catalog
            .modules
            .iter()
            .map(|m| self.page(catalog, m, &directory))
            .collect();
        // A language is named in itself or by its tag, never in another
        // language's words.
        // A stub is untranslated while it says the English, as every other
        // string: a name written over a stub's English is the name.
        let tag = self.locale.tag.as_str();
        let id = "ui-language-name";
        let english = self
            .locales
            .ui_chain(&self.locales.source().tag)
            .into_iter()
            .find_map(|l| l.format(id, None, None))
            .map(|(text, _)| text)
            .unwrap_or_default();
        let lock = self.lock;
        let name = [Some(self.locale), self.locales.builtin(tag)]
            .into_iter()
            .flatten()
            .filter(|l| self.locales.is_source(l) || !l10n::is_stub(l, id, None, &english, lock))
            .find_map(|l| l.format(id, None, None))
            .map_or_else(|| tag.to_string(), |(name, _)| name);
        LocaleModel {
            tag: self.locale.tag.clone(),
            is_source: self.locales.is_source(self.locale),
            name,
            pages,
            ui: self.locales.ui_strings(tag),
            synonyms: super::wordings::synonyms(tag, &catalog.site),
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

    /// The Error Message this locale's page shows for `code` (listed there
    /// by `listing`): the catalog's, or the page's own where it drifted.
    fn shown_message(&self, code: &CodeEntry, listing: Option<&Listing>) -> Option<String> {
        let drift = listing.map_or(&code.message_drift, |l| &l.message_drift);
        drift
            .iter()
            .find(|(locale, _)| *locale == self.locale.tag)
            .map(|(_, text)| text.value.clone())
            .or_else(|| code.message.as_ref().map(|m| m.value.clone()))
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
        let shown_message = self.shown_message(code, listing.map(|(_, l)| l));
        let marker = match listing {
            Some((_, l)) => l.marker.as_ref(),
            None => code.marker.as_ref(),
        };
        let flags: Vec<Text> = code
            .flags
            .iter()
            .map(|f| self.required(f.value.message_id(), None))
            .collect();
        let intro = self.text(&id, Some("intro"), args);
        let description = self.text(&id, Some("description"), args);
        let causes = self.numbered(&id, "cause-", args);
        let solutions = self.numbered(&id, "solution-", args);
        let details = self.text(&id, Some("details"), args);
        let stale = stale_of(
            std::iter::once(&title)
                .chain(intro.iter())
                .chain(description.iter())
                .chain(details.iter())
                .chain(&causes)
                .chain(&solutions)
                .chain(&flags),
        );
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
            related: related_views(code, directory),
            flags,
            since: code.since.as_ref().map(|s| s.value.clone()),
            deprecated: code.deprecated.as_ref().map(|s| s.value.clone()),
            removed: code.removed.as_ref().map(|s| s.value.clone()),
            member: code.member.clone(),
            also: code.member.as_ref().map(|m| {
                let entry = Self::table_entry(catalog, m);
                let message = code
                    .message
                    .as_ref()
                    .map(|l| l.value.as_str())
                    .or(entry.map(|e| e.message.value.as_str()))
                    .unwrap_or("");
                super::wordings::also(&code.name.value, m, entry, message)
            }),
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

    /// The codes of a module's page, in order (its own and those it lists),
    /// each with the headings that come right before it and its marker
    /// lines; and the headings after the last code.
    fn page_codes(
        &mut self,
        catalog: &Catalog,
        module: &Module,
        directory: &Directory,
    ) -> (Vec<CodeView>, Vec<HeadingView>) {
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
        mark_markers(&mut codes);
        (codes, headings)
    }

    /// The views of a module's ranges.
    fn range_views(&mut self, catalog: &Catalog, module: &Module) -> Vec<RangeView> {
        module
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
            .collect()
    }

    fn page(&mut self, catalog: &Catalog, module: &Module, directory: &Directory) -> PageModel {
        let id = MessageId::Module(&module.id.value).to_string();
        let (codes, headings) = self.page_codes(catalog, module, directory);
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
        let ranges = self.range_views(catalog, module);
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

fn references<'a>(catalog: &Catalog, ids: impl Iterator<Item = &'a str>) -> Vec<ReferenceView> {
    ids.filter_map(|id| catalog.reference(id))
        .map(|r| ReferenceView {
            title: r.title.clone(),
            url: r.url.value.clone(),
        })
        .collect()
}

/// The stale marks of `texts`, each once, in order.
fn stale_of<'t>(texts: impl Iterator<Item = &'t Text>) -> Vec<String> {
    texts
        .filter_map(|t| t.stale.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The codes `code` names as related that the project has, with their
/// titles and pages.
fn related_views(code: &CodeEntry, directory: &Directory) -> Vec<RelatedView> {
    code.related
        .iter()
        .filter_map(|r| {
            let (title, page) = directory.titles.get(&r.value)?;
            Some(RelatedView {
                code: r.value,
                title: title.clone(),
                page: page.clone(),
            })
        })
        .collect()
}

/// Whether each code opens and closes its marker lines (`<!--Del-->`): a
/// run of codes with the same marker shares one pair.
fn mark_markers(codes: &mut [CodeView]) {
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
}
