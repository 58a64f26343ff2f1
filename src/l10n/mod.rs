//! Translation state: every English string of a project (a message's value
//! or one attribute, a table entry's message) and, per locale, whether it is
//! translated, missing, stale (the English changed after it was
//! translated) or unchanged (the same as the English).
//!
//! `check` warns from it, `l10n status` counts it, `build` marks stale
//! translations with it, and `l10n sync`/`confirm` update the record of the
//! English each translation was made from ([`lock::SourcesLock`]).

pub(crate) mod base;
pub(crate) mod exchange;
pub(crate) mod ftl;
pub(crate) mod lock;
pub(crate) mod pending;
pub(crate) mod sync;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::catalog::{Catalog, CodeNumber, MessageId};
use crate::locales::{Locale, Locales};
use lock::{SourcesLock, fingerprint};

/// The group of strings that are not a module's, a table's or unused.
pub(crate) const UI_GROUP: &str = "ui";
/// The group of English messages nothing uses.
pub(crate) const OTHER_GROUP: &str = "other";

/// One English string to translate.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// The message id.
    pub id: String,
    /// The attribute, or `None` for the value.
    pub attribute: Option<String>,
    /// The English text, placeables resolved and variables shown as
    /// `{$name}`: what a translator compares.
    pub english: String,
    /// The page (module id), `ui`, or a table id.
    pub group: String,
    /// How many words the English has.
    pub words: usize,
    /// Whether its English is the catalog's (a table entry's `message`),
    /// not a Fluent file's.
    pub from_catalog: bool,
}

impl Unit {
    /// `id` or `id.attribute`.
    pub(crate) fn key(&self) -> String {
        key(&self.id, self.attribute.as_deref())
    }
}

/// `id` or `id.attribute`.
pub(crate) fn key(id: &str, attribute: Option<&str>) -> String {
    match attribute {
        Some(a) => format!("{id}.{a}"),
        None => id.to_string(),
    }
}

/// The state of one string in one locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum State {
    /// Translated, and the English has not changed since.
    Translated,
    /// Not translated (or only a stub from `l10n sync`).
    Missing,
    /// Translated, but the English changed afterwards.
    Stale,
    /// The same text as the English.
    Unchanged,
}

/// Every English string of the project, in a stable order: the source
/// locale's messages by group, then the tables' entries.
pub(crate) fn source_units(catalog: &Catalog, locales: &Locales) -> Vec<Unit> {
    let source = locales.source();
    let groups = Groups::new(catalog);
    let mut units = Vec::new();
    // A table entry's English is the catalog's (its base file a copy).
    let table_ids: HashSet<String> = catalog
        .tables
        .iter()
        .flat_map(|t| t.entries.iter().map(|e| t.message_id(e)))
        .collect();
    for (id, info) in &source.entries {
        if id.starts_with('-') || table_ids.contains(id) {
            continue;
        }
        let group = groups.of(id);
        let parts = info.strings();
        for attribute in parts {
            let english = source
                .format(id, attribute, None)
                .map(|(text, _)| text)
                .unwrap_or_default();
            units.push(Unit {
                id: id.clone(),
                attribute: attribute.map(str::to_string),
                words: english.split_whitespace().count(),
                english,
                group: group.clone(),
                from_catalog: false,
            });
        }
    }
    for table in &catalog.tables {
        for entry in &table.entries {
            let english = entry.message.value.clone();
            units.push(Unit {
                id: table.message_id(entry),
                attribute: None,
                words: english.split_whitespace().count(),
                english,
                group: table.id.value.clone(),
                from_catalog: true,
            });
        }
    }
    // Each group's place looked up once per unit, not searched in the
    // list of groups: a catalog of 300 modules has as many groups.
    let order = group_order(catalog);
    let rank: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, g)| (g.as_str(), i))
        .collect();
    units.sort_by_key(|u| rank.get(u.group.as_str()).copied().unwrap_or(usize::MAX));
    units
}

/// The groups in display order: modules, `ui`, tables, `other`.
pub(crate) fn group_order(catalog: &Catalog) -> Vec<String> {
    catalog
        .modules
        .iter()
        .map(|m| m.id.value.clone())
        .chain(std::iter::once(UI_GROUP.to_string()))
        .chain(catalog.tables.iter().map(|t| t.id.value.clone()))
        .chain(std::iter::once(OTHER_GROUP.to_string()))
        .collect()
}

/// The group of every catalog message id, looked up in a table (a code's
/// module, a family's, a range's) rather than by scanning the catalog.
pub(crate) struct Groups<'c> {
    catalog: &'c Catalog,
    codes: std::collections::HashMap<CodeNumber, &'c str>,
}

impl<'c> Groups<'c> {
    /// The table of `catalog`.
    pub(crate) fn new(catalog: &'c Catalog) -> Self {
        let codes = catalog
            .modules
            .iter()
            .flat_map(|m| {
                m.codes
                    .iter()
                    .filter(|c| !c.is_generated())
                    .map(move |c| (c.code, m.id.value.as_str()))
            })
            .collect();
        Groups { catalog, codes }
    }

    /// The group of message `id`.
    pub(crate) fn of(&self, id: &str) -> String {
        if id.starts_with("code-") {
            return match MessageId::parse_code(id) {
                // A code's own texts on a page that lists it belong to that page.
                Some(MessageId::Listing { module, .. })
                    if self.catalog.modules.iter().any(|m| m.id.value == module) =>
                {
                    module.to_string()
                }
                Some(MessageId::Code(n)) => self
                    .codes
                    .get(&n)
                    .map_or_else(|| OTHER_GROUP.to_string(), |m| (*m).to_string()),
                _ => OTHER_GROUP.to_string(),
            };
        }
        group_of(self.catalog, id)
    }
}

/// Which group message `id` belongs to.
pub(crate) fn group_of(catalog: &Catalog, id: &str) -> String {
    let module = |found: Option<&crate::catalog::Module>| {
        found.map_or_else(|| OTHER_GROUP.to_string(), |m| m.id.value.clone())
    };
    if let Some(rest) = MessageId::parse_module(id) {
        return module(catalog.modules.iter().find(|m| m.id.value == rest));
    }
    if id.starts_with("code-") {
        return module(match MessageId::parse_code(id) {
            Some(MessageId::Listing { module, .. }) => {
                catalog.modules.iter().find(|m| m.id.value == module)
            }
            Some(MessageId::Code(number)) => catalog.modules.iter().find(|m| {
                m.codes
                    .iter()
                    .any(|c| c.code == number && !c.is_generated())
            }),
            _ => None,
        });
    }
    if id.starts_with("heading-") {
        return module(
            catalog
                .modules
                .iter()
                .find(|m| m.headings.iter().any(|h| h.message_id(&m.id.value) == id)),
        );
    }
    if let Some(rest) = id.strip_prefix("family-") {
        return module(
            catalog
                .modules
                .iter()
                .find(|m| m.families.iter().any(|f| f.id.value == rest)),
        );
    }
    if let Some(rest) = id.strip_prefix("range-") {
        return module(
            catalog
                .modules
                .iter()
                .find(|m| m.ranges.iter().any(|r| r.id.value == rest)),
        );
    }
    for table in &catalog.tables {
        if id.starts_with(&format!("{}-", table.id.value)) {
            return table.id.value.clone();
        }
    }
    UI_GROUP.to_string()
}

/// The file of `locale` a translation of `id` goes in: the one named like
/// the English file that defines it, or `<group>.ftl` for a table entry,
/// whose English is in the catalog (`group` is asked only then).
pub(crate) fn translation_file(
    source: &Locale,
    locale: &Locale,
    id: &str,
    group: impl FnOnce() -> String,
) -> std::path::PathBuf {
    let name = match source.locate(id) {
        Some((file, _)) => file
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        None => format!("{}.ftl", group()),
    };
    locale.dir().join(name)
}

/// The state of every string in one locale.
#[derive(Debug)]
pub(crate) struct Assessment {
    /// Each source unit (by index into the units) and its state.
    pub states: Vec<State>,
    /// Strings the locale has and the English does not: (key, group).
    pub obsolete: Vec<(String, String)>,
    /// Where this locale's pages say something else than the English ones.
    pub drift: Vec<Drift>,
}

/// A difference between a locale's page and the English one that an
/// import kept as data (`message_drift`, or a page's own texts of a code it
/// lists that only this locale has).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Drift {
    /// The page (module id).
    pub group: String,
    /// The code.
    pub code: CodeNumber,
    /// What differs: `message` (the Error Message) or `text` (the page's
    /// own texts of a listed code).
    pub what: &'static str,
}

/// Every piece of drift the catalog and `locale` record for `locale`.
pub(crate) fn drift_of(catalog: &Catalog, locales: &Locales, locale: &Locale) -> Vec<Drift> {
    let mut drift = Vec::new();
    let shows_drift = |d: &[(String, crate::catalog::Located<String>)]| {
        d.iter().any(|(tag, _)| *tag == locale.tag)
    };
    for module in &catalog.modules {
        let group = &module.id.value;
        for code in module
            .codes
            .iter()
            .filter(|c| shows_drift(&c.message_drift))
        {
            drift.push(Drift {
                group: group.clone(),
                code: code.code,
                what: "message",
            });
        }
        for listing in &module.listings {
            let code = listing.code.value;
            if shows_drift(&listing.message_drift) {
                drift.push(Drift {
                    group: group.clone(),
                    code,
                    what: "message",
                });
            }
            let own = MessageId::Listing {
                code,
                module: group,
            }
            .to_string();
            if locale.has(&own) && !locales.source().has(&own) {
                drift.push(Drift {
                    group: group.clone(),
                    code,
                    what: "text",
                });
            }
        }
    }
    drift
}

/// The ids a page may give its own texts of the codes it lists
/// (`code-2300002-on-http`).
pub(crate) fn listing_texts(catalog: &Catalog) -> BTreeSet<String> {
    catalog
        .modules
        .iter()
        .flat_map(|m| {
            m.listings.iter().map(|l| {
                MessageId::Listing {
                    code: l.code.value,
                    module: &m.id.value,
                }
                .to_string()
            })
        })
        .collect()
}

/// Whether `locale`'s text for `id`/`attribute` is an untouched stub: it
/// carries the stub marker and still says the English — today's, or the
/// English recorded when the stub was written (the English may have
/// changed since; the stub is still untranslated, not stale) — or, for a
/// stub that references other messages or terms, its source is still the
/// one written (a translated term changes its text, not its words).
pub(crate) fn is_stub(
    locale: &Locale,
    id: &str,
    attribute: Option<&str>,
    english: &str,
    lock: Option<&SourcesLock>,
) -> bool {
    if !locale.entries.get(id).is_some_and(|e| e.stub) {
        return false;
    }
    let Some((text, _)) = locale.format(id, attribute, None) else {
        return false;
    };
    text == english
        || lock
            .and_then(|l| l.get(&key(id, attribute)))
            .is_some_and(|recorded| recorded.english == text)
        || source_unchanged(locale, id)
}

/// Whether stub `id` carries the fingerprint of its source
/// ([`sync::SOURCE_MARKER`]) and its source still has it.
fn source_unchanged(locale: &Locale, id: &str) -> bool {
    let Some((body, comment)) = sync::entry_source(locale, id) else {
        return false;
    };
    comment.lines().any(|line| {
        line.strip_prefix('#')
            .map(str::trim)
            .and_then(|l| l.strip_prefix(sync::SOURCE_MARKER))
            .is_some_and(|recorded| recorded.trim() == sync::source_fingerprint(body))
    })
}

/// The state of `unit` in `locale`, given its sources lock.
pub(crate) fn state_of(unit: &Unit, locale: &Locale, lock: Option<&SourcesLock>) -> State {
    if !locale.has_part(&unit.id, unit.attribute.as_deref())
        || is_stub(
            locale,
            &unit.id,
            unit.attribute.as_deref(),
            &unit.english,
            lock,
        )
    {
        return State::Missing;
    }
    // Nothing to translate: an empty English title (a code its page gives
    // no title).
    if unit.english.trim().is_empty() {
        return State::Translated;
    }
    let key = unit.key();
    if lock
        .and_then(|l| l.get(&key))
        .is_some_and(|source| source.fingerprint != fingerprint(&unit.english))
    {
        return State::Stale;
    }
    let text = locale
        .format(&unit.id, unit.attribute.as_deref(), None)
        .map(|(text, _)| text);
    if text.as_deref() == Some(unit.english.as_str()) {
        State::Unchanged
    } else {
        State::Translated
    }
}

/// The state of every unit in `locale`.
pub(crate) fn assess(
    catalog: &Catalog,
    units: &[Unit],
    locales: &Locales,
    locale: &Locale,
    lock: Option<&SourcesLock>,
) -> Assessment {
    let builtin = locales.builtin(&locale.tag);
    let states = units
        .iter()
        .map(|u| match state_of(u, locale, lock) {
            // errdoc's own translation of a UI string stands in.
            State::Missing
                if builtin.is_some_and(|b| b.has_part(&u.id, u.attribute.as_deref())) =>
            {
                State::Translated
            }
            state => state,
        })
        .collect();
    let known: BTreeSet<String> = units.iter().map(Unit::key).collect();
    let groups = Groups::new(catalog);
    let listings = listing_texts(catalog);
    let mut obsolete = Vec::new();
    for (id, info) in &locale.entries {
        // Terms, UI strings errdoc itself provides in English, and a page's
        // own texts of a code it lists that the English page does not have
        // (drift, counted as such).
        if id.starts_with('-')
            || locales.builtin_source().is_some_and(|b| b.has(id))
            || (listings.contains(id) && !locales.source().has(id))
        {
            continue;
        }
        let parts = info.strings();
        for attribute in parts {
            let k = key(id, attribute);
            if !known.contains(&k) {
                obsolete.push((k, groups.of(id)));
            }
        }
    }
    Assessment {
        states,
        obsolete,
        drift: drift_of(catalog, locales, locale),
    }
}

/// Counts for a status table.
#[derive(Debug, Default, Clone, Serialize)]
pub(crate) struct Counts {
    /// English strings.
    pub total: usize,
    /// Translated.
    pub translated: usize,
    /// Missing.
    pub missing: usize,
    /// Stale.
    pub stale: usize,
    /// Unchanged.
    pub unchanged: usize,
    /// Strings only the locale has.
    pub obsolete: usize,
    /// Codes whose page in this locale says something else than the
    /// English page (an Error Message, or the texts of a listed code).
    pub drift: usize,
    /// English words: in all, and in each state.
    pub words: WordCounts,
}

/// English word counts by state.
#[derive(Debug, Default, Clone, Serialize)]
pub(crate) struct WordCounts {
    /// All.
    pub total: usize,
    /// Translated.
    pub translated: usize,
    /// Missing.
    pub missing: usize,
    /// Stale.
    pub stale: usize,
    /// Unchanged.
    pub unchanged: usize,
}

impl Counts {
    fn add(&mut self, state: State, words: usize) {
        self.total += 1;
        self.words.total += words;
        let (n, w) = match state {
            State::Translated => (&mut self.translated, &mut self.words.translated),
            State::Missing => (&mut self.missing, &mut self.words.missing),
            State::Stale => (&mut self.stale, &mut self.words.stale),
            State::Unchanged => (&mut self.unchanged, &mut self.words.unchanged),
        };
        *n += 1;
        *w += words;
    }

    /// Translated share of the strings, in percent.
    pub(crate) fn percent(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            self.translated as f64 * 100.0 / self.total as f64
        }
    }
}

/// The status of one locale: per group, and in all.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LocaleStatus {
    /// Locale tag.
    pub locale: String,
    /// All groups together.
    pub all: Counts,
    /// Per group, in display order.
    pub groups: Vec<GroupStatus>,
    /// Where its pages differ from the English ones.
    pub drift: Vec<Drift>,
    /// Every string still to do, and where.
    pub strings: Vec<pending::Pending>,
}

/// The counts of one group.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct GroupStatus {
    /// Module id, `ui` or table id.
    pub group: String,
    /// Its counts.
    pub counts: Counts,
}

/// Counts an assessment by group.
pub(crate) fn status(
    catalog: &Catalog,
    units: &[Unit],
    tag: &str,
    assessment: &Assessment,
    strings: Vec<pending::Pending>,
) -> LocaleStatus {
    let mut groups: BTreeMap<String, Counts> = BTreeMap::new();
    let mut all = Counts::default();
    for (unit, state) in units.iter().zip(&assessment.states) {
        groups
            .entry(unit.group.clone())
            .or_default()
            .add(*state, unit.words);
        all.add(*state, unit.words);
    }
    for (_, group) in &assessment.obsolete {
        groups.entry(group.clone()).or_default().obsolete += 1;
        all.obsolete += 1;
    }
    for d in &assessment.drift {
        groups.entry(d.group.clone()).or_default().drift += 1;
        all.drift += 1;
    }
    let groups = group_order(catalog)
        .into_iter()
        .filter_map(|g| {
            groups
                .remove(&g)
                .map(|counts| GroupStatus { group: g, counts })
        })
        .collect();
    LocaleStatus {
        locale: tag.to_string(),
        all,
        groups,
        drift: assessment.drift.clone(),
        strings,
    }
}
