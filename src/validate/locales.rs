//! The locale rules: every code, module, family and range has English text;
//! attributes are the known ones; and every translation is compared with
//! the English as Mozilla's compare-locales and fluent linter do —
//! obsolete strings, variables and references that differ (variant by
//! variant), plural variants the locale never selects, empty text, U+FFFD
//! and isolation marks, and every string formatted once with sample
//! arguments. Missing, stale and unchanged strings are [`super::states`]'.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::catalog::{Catalog, MessageId, RESERVED_TABLE_IDS};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind as Problem, Todo};
use crate::locales::{EntryInfo, Locale, Locales, PartInfo};
use crate::source::Span;

use crate::l10n::lock::SourcesLock;
use crate::l10n::{self, Unit};

/// The kinds of message the catalog asks for, and their known attributes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Module,
    Heading,
    Code,
    Family,
    Range,
    TableEntry,
}

impl Kind {
    fn attribute_is_known(self, attribute: &str) -> bool {
        let numbered = |prefix: &str| {
            attribute
                .strip_prefix(prefix)
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| n >= 1)
        };
        match self {
            Kind::Module => attribute == "note" || attribute == "intro",
            Kind::Heading => attribute == "text",
            Kind::Code => {
                matches!(attribute, "intro" | "description" | "details")
                    || numbered("cause-")
                    || numbered("solution-")
            }
            Kind::Family => {
                matches!(attribute, "rule" | "rule-label" | "description")
                    || numbered("cause-")
                    || numbered("solution-")
            }
            Kind::Range => attribute == "description",
            Kind::TableEntry => false,
        }
    }

    fn known_attributes(self) -> &'static str {
        match self {
            Kind::Module => "`.note`, `.intro`",
            Kind::Heading => "`.text`",
            Kind::Code => {
                "`.intro`, `.description`, `.cause-1`, `.cause-2`…, `.solution-1`, `.solution-2`…, `.details`"
            }
            Kind::Family => {
                "`.rule`, `.rule-label`, `.description`, `.cause-1`…, `.solution-1`… (variables `$code`, `$name`, `$value`, `$message`)"
            }
            Kind::Range => "`.description`",
            Kind::TableEntry => "none",
        }
    }
}

/// Every message id the catalog asks for, with its kind.
pub(crate) fn expected_messages(catalog: &Catalog) -> BTreeMap<String, (ExpectedKind, Span)> {
    let mut ids = BTreeMap::new();
    for module in &catalog.modules {
        ids.insert(
            MessageId::Module(&module.id.value).to_string(),
            (ExpectedKind(Kind::Module), module.id.span),
        );
        for code in module.codes.iter().filter(|c| !c.is_generated()) {
            ids.insert(code.message_id(), (ExpectedKind(Kind::Code), code.span()));
        }
        for heading in &module.headings {
            ids.insert(
                heading.message_id(&module.id.value),
                (ExpectedKind(Kind::Heading), heading.id.span),
            );
        }
        for family in &module.families {
            ids.insert(
                MessageId::Family(&family.id.value).to_string(),
                (ExpectedKind(Kind::Family), family.id.span),
            );
        }
        for range in &module.ranges {
            ids.insert(
                MessageId::Range(&range.id.value).to_string(),
                (ExpectedKind(Kind::Range), range.id.span),
            );
        }
    }
    for table in &catalog.tables {
        for entry in &table.entries {
            ids.insert(
                table.message_id(entry),
                (ExpectedKind(Kind::TableEntry), entry.name.span),
            );
        }
    }
    ids
}

/// The kind of a message the catalog asks for.
#[derive(Clone, Copy)]
pub(crate) struct ExpectedKind(Kind);

impl ExpectedKind {
    /// Whether only translations carry it (English is in the catalog).
    pub(crate) fn is_table_entry(self) -> bool {
        self.0 == Kind::TableEntry
    }
}

pub(super) fn is_catalog_id(catalog: &Catalog, id: &str) -> bool {
    MessageId::has_catalog_prefix(id)
        || catalog.tables.iter().any(|t| {
            !RESERVED_TABLE_IDS.contains(&t.id.value.as_str())
                && id.starts_with(&format!("{}-", t.id.value))
        })
}

/// Runs every locale rule.
pub(super) fn check(
    catalog: &Catalog,
    locales: &Locales,
    locks: &BTreeMap<String, SourcesLock>,
    units: &[Unit],
    diags: &mut Diagnostics,
) {
    let expected = expected_messages(catalog);
    let source = locales.source();
    source_texts(catalog, &expected, source, diags);
    table_bases(catalog, source, diags);

    let cx = Context {
        catalog,
        locales,
        locks,
        units,
        expected,
        listing_texts: l10n::listing_texts(catalog),
    };
    // Each locale on a core of its own, reported one after the other.
    let found: Vec<Diagnostics> = locales
        .all()
        .par_iter()
        .map(|locale| {
            let mut found = Diagnostics::new();
            cx.check_locale(locale, &mut found);
            found
        })
        .collect();
    for found in found {
        diags.extend(found);
    }
}

/// What the checks of every locale read.
struct Context<'a> {
    catalog: &'a Catalog,
    locales: &'a Locales,
    locks: &'a BTreeMap<String, SourcesLock>,
    units: &'a [Unit],
    expected: BTreeMap<String, (ExpectedKind, Span)>,
    listing_texts: BTreeSet<String>,
}

impl Context<'_> {
    /// [`check`]'s checks of one locale.
    fn check_locale(&self, locale: &Locale, diags: &mut Diagnostics) {
        let Context {
            catalog,
            locales,
            locks,
            units,
            expected,
            listing_texts,
        } = self;
        let source = locales.source();
        let is_source = locales.is_source(locale);
        for (id, info) in &locale.entries {
            // A message the English breaks is compared with nothing: its
            // syntax error is the one thing said of it.
            if id.starts_with('-') || (!is_source && source.is_broken(id)) {
                continue;
            }
            let Some(file) = locale.files.get(info.file) else {
                continue;
            };
            match expected.get(id) {
                Some((kind, _)) => unknown_attributes(kind.0, id, info, file, diags),
                // A page's own texts of a code it lists.
                None if listing_texts.contains(id) => {
                    unknown_attributes(Kind::Code, id, info, file, diags);
                    if !is_source && !source.has(id) {
                        diags.push(
                            Diagnostic::new(Problem::ListingTextsOnlyHere {
                                id: id.clone(),
                                locale: locale.tag.clone(),
                            })
                            .at(file, info.span),
                        );
                    }
                }
                // With no modules, every message would be reported unused.
                None if is_catalog_id(catalog, id) && !catalog.modules.is_empty() => {
                    let id = id.clone();
                    let d = if is_source {
                        Diagnostic::new(Problem::UnusedMessage { id })
                    } else {
                        Diagnostic::new(Problem::ObsoleteMessage { id })
                            .todo(&locale.tag, Todo::Obsolete)
                    };
                    diags.push(d.at(file, info.span));
                }
                None => {}
            }
            if !is_source {
                let kind = expected
                    .get(id)
                    .map(|(k, _)| k.0)
                    .or_else(|| listing_texts.contains(id).then_some(Kind::Code));
                compare_with_source(id, info, kind, locale, source, diags);
            }
        }
        text_checks(locale, locales, diags);
        if !is_source {
            super::glossary::check(units, locale, locks.get(&locale.tag), diags);
            super::states::translation_states(
                catalog,
                units,
                locale,
                source,
                locales.builtin(&locale.tag),
                locks.get(&locale.tag),
                diags,
            );
        }
    }
}

/// The English base files of the tables ([`l10n::base`]): each says what
/// the catalog says, and has every entry of its table.
fn table_bases(catalog: &Catalog, source: &Locale, diags: &mut Diagnostics) {
    for table in &catalog.tables {
        // A base file is one that holds the table's messages, not any file
        // of its name (a module may be named like the table).
        let path = l10n::base::path_of(source, table);
        let has_base = table.entries.iter().any(|entry| {
            source
                .locate(&table.message_id(entry))
                .is_some_and(|(file, _)| file.path() == path)
        });
        for entry in &table.entries {
            let id = table.message_id(entry);
            let Some((file, span)) = source.locate(&id) else {
                if has_base {
                    let lacks = Problem::TableBaseLacks {
                        id,
                        path: path.display().to_string(),
                    };
                    diags.push(Diagnostic::new(lacks).at(&catalog.file, entry.name.span));
                }
                continue;
            };
            let here = source
                .format(&id, None, None)
                .map(|(text, _)| text)
                .unwrap_or_default();
            if here != entry.message.value && !source.is_broken(&id) {
                let differs = Problem::TableBaseDiffers {
                    id,
                    here,
                    catalog: entry.message.value.clone(),
                };
                diags.push(Diagnostic::new(differs).at(file, span));
            }
        }
    }
}

/// English text for everything the catalog declares (but table entries,
/// whose English is in the catalog): a message, with a value.
fn source_texts(
    catalog: &Catalog,
    expected: &BTreeMap<String, (ExpectedKind, Span)>,
    source: &Locale,
    diags: &mut Diagnostics,
) {
    for (id, (kind, span)) in expected {
        if kind.is_table_entry() || source.is_broken(id) {
            continue;
        }
        match source.entries.get(id) {
            None => diags.push(
                Diagnostic::new(Problem::NoSourceText {
                    id: id.to_string(),
                    dir: source.dir().display().to_string(),
                })
                .at(&catalog.file, *span),
            ),
            Some(info) if !info.has_value => {
                if let Some((file, at)) = source.locate(id) {
                    diags.push(
                        Diagnostic::new(Problem::NoTitle { id: id.to_string() }).at(file, at),
                    );
                }
            }
            Some(_) => {}
        }
    }
}

/// Reports the attributes of message `id` that no message of its kind
/// has.
fn unknown_attributes(
    kind: Kind,
    id: &str,
    info: &EntryInfo,
    file: &crate::source::SourceFile,
    diags: &mut Diagnostics,
) {
    for (attribute, span) in &info.attributes {
        if !kind.attribute_is_known(attribute) {
            diags.push(
                Diagnostic::new(Problem::UnknownAttribute {
                    id: id.to_string(),
                    attribute: attribute.clone(),
                    known: kind.known_attributes().to_string(),
                })
                .at(file, *span),
            );
        }
    }
}

/// A translation uses the variables of the English, part by part.
fn compare_with_source(
    id: &str,
    info: &EntryInfo,
    kind: Option<Kind>,
    locale: &Locale,
    source: &Locale,
    diags: &mut Diagnostics,
) {
    let Some(english) = source.entries.get(id) else {
        return;
    };
    parts_without_source(id, info, english, kind, locale, diags);
    let categories = plural_categories(locale);
    for (part, mine) in info.parts.iter() {
        let Some((file, span)) = locale.locate_part(id, part) else {
            continue;
        };
        let name = l10n::key(id, part);
        let english_part = english.parts.get(part);
        // Message and term references, as the English has them.
        if let Some(theirs) = english_part
            && mine.references != theirs.references
        {
            diags.push(references_differ(name.clone(), mine, theirs).at(file, span));
        }
        let english_vars = english.parts.variables(part);
        for select in &mine.selects {
            for variant in &select.variants {
                // Plural categories the language never selects.
                if select.numeric
                    && PLURAL_NAMES.contains(&variant.key.as_str())
                    && !categories.contains(variant.key.as_str())
                {
                    let kind = Problem::VariantNeverUsed {
                        variant: variant.key.clone(),
                        name: name.clone(),
                        locale: locale.tag.clone(),
                        categories: categories
                            .iter()
                            .map(|c| format!("[{c}]"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    };
                    diags.push(Diagnostic::new(kind).at(file, variant.span));
                }
                // Every English variable, in every variant (the selector
                // counts: `[one] one file` need not repeat `$count`).
                if let Some(english_vars) = english_vars {
                    let missing: Vec<String> = english_vars
                        .iter()
                        .filter(|v| {
                            !variant.variables.contains(*v)
                                && !mine.outside.contains(*v)
                                && select.selector.as_deref() != Some(v.as_str())
                        })
                        .map(|v| format!("${v}"))
                        .collect();
                    if !missing.is_empty() {
                        diags.push(
                            Diagnostic::new(Problem::VariantMissesVariables {
                                variant: variant.key.clone(),
                                name: name.clone(),
                                missing: missing.join(", "),
                            })
                            .at(file, variant.span),
                        );
                    }
                }
            }
        }
    }
    variables_differ(id, info, english, locale, diags);
}

/// Reports the attributes, and the value, of a translation of `id` that
/// the English does not have (an attribute no message of its kind has is
/// reported as unknown instead).
fn parts_without_source(
    id: &str,
    info: &EntryInfo,
    english: &EntryInfo,
    kind: Option<Kind>,
    locale: &Locale,
    diags: &mut Diagnostics,
) {
    for (attribute, span) in &info.attributes {
        // An attribute no message of its kind has is reported as unknown.
        let unknown = kind.is_some_and(|k| !k.attribute_is_known(attribute));
        if !unknown
            && !english.attributes.iter().any(|(a, _)| a == attribute)
            && let Some(file) = locale.files.get(info.file)
        {
            // Known attributes of catalog messages are shown in this locale.
            let (id, attribute) = (id.to_string(), attribute.clone());
            let d = if kind.is_some() {
                Diagnostic::new(Problem::AttributeWithoutSource { id, attribute })
            } else {
                Diagnostic::new(Problem::ObsoleteAttribute { id, attribute })
                    .todo(&locale.tag, Todo::Obsolete)
            };
            diags.push(d.at(file, *span));
        }
    }
    if info.has_value
        && !english.has_value
        && let Some(file) = locale.files.get(info.file)
    {
        diags.push(
            Diagnostic::new(Problem::ValueWithoutSource { id: id.to_string() }).at(file, info.span),
        );
    }
}

/// That part `name` of a translation references other messages and terms
/// (`mine`) than the English (`theirs`).
fn references_differ(name: String, mine: &PartInfo, theirs: &PartInfo) -> Diagnostic {
    let list = |set: &BTreeSet<String>| {
        if set.is_empty() {
            "no references".to_string()
        } else {
            set.iter()
                .map(|r| format!("{{ {r} }}"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    Diagnostic::new(Problem::ReferencesDiffer {
        name,
        mine: list(&mine.references),
        theirs: list(&theirs.references),
    })
}

/// Reports each part of a translation of `id` whose variables, taken over
/// all its variants, are not the English's.
fn variables_differ(
    id: &str,
    info: &EntryInfo,
    english: &EntryInfo,
    locale: &Locale,
    diags: &mut Diagnostics,
) {
    for (part, mine) in info.parts.iter() {
        let variables = &mine.variables;
        let Some(english_variables) = english.parts.variables(part) else {
            continue;
        };
        if variables == english_variables {
            continue;
        }
        let Some((file, span)) = locale.locate_part(id, part) else {
            continue;
        };
        let name = l10n::key(id, part);
        let list = |set: &std::collections::BTreeSet<String>| {
            if set.is_empty() {
                "no variables".to_string()
            } else {
                set.iter()
                    .map(|v| format!("${v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        diags.push(
            Diagnostic::new(Problem::VariablesDiffer {
                name,
                mine: list(variables),
                theirs: list(english_variables),
            })
            .at(file, span),
        );
    }
}

/// The CLDR plural categories a locale's cardinal rules can select.
fn plural_categories(locale: &Locale) -> BTreeSet<&'static str> {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    // CLDR has rules per language (`zh`), rarely per region (`zh-CN`).
    let id = &locale.langid;
    let candidates = [
        id.clone(),
        unic_langid::LanguageIdentifier::from_parts(id.language, id.script, None, &[]),
        unic_langid::LanguageIdentifier::from_parts(id.language, None, None, &[]),
    ];
    let Some(rules) = candidates
        .into_iter()
        .find_map(|c| PluralRules::create(c, PluralRuleType::CARDINAL).ok())
    else {
        // A language CLDR does not know: do not guess.
        return PLURAL_NAMES.into();
    };
    // The rules have no list of their categories; these numbers reach every
    // category of every CLDR language.
    let samples: [f64; 20] = [
        0.0,
        1.0,
        2.0,
        3.0,
        4.0,
        5.0,
        6.0,
        7.0,
        10.0,
        11.0,
        12.0,
        14.0,
        19.0,
        20.0,
        21.0,
        22.0,
        100.0,
        101.0,
        1_000_000.0,
        0.5,
    ];
    let mut found = BTreeSet::new();
    for n in samples {
        if let Ok(category) = rules.select(n) {
            found.insert(match category {
                PluralCategory::ZERO => "zero",
                PluralCategory::ONE => "one",
                PluralCategory::TWO => "two",
                PluralCategory::FEW => "few",
                PluralCategory::MANY => "many",
                PluralCategory::OTHER => "other",
            });
        }
    }
    found
}

const PLURAL_NAMES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Checks of the text itself, in every locale: empty text, U+FFFD and
/// isolation marks, and formatting with sample arguments.
fn text_checks(locale: &Locale, locales: &Locales, diags: &mut Diagnostics) {
    let source = locales.source();
    let is_source = locales.is_source(locale);
    for (id, info) in &locale.entries {
        if id.starts_with('-') {
            continue;
        }
        let parts = info.strings();
        for attribute in parts {
            let Some((file, span)) = locale.locate_part(id, attribute) else {
                continue;
            };
            let name = l10n::key(id, attribute);
            // Sample arguments: every variable the string uses, as a number
            // (so plural selectors and NUMBER() work).
            let mut args = fluent_bundle::FluentArgs::new();
            let variables = info.parts.variables(attribute);
            for variable in variables.into_iter().flatten() {
                args.set(variable.clone(), 1);
            }
            let Some((text, errors)) = locale.format(id, attribute, Some(&args)) else {
                continue;
            };
            if !locale.variables_match(source, id, attribute) {
                // Reported with the variables; formatting would only repeat it.
            } else if let Some(error) = errors.first() {
                diags.push(
                    Diagnostic::new(Problem::CannotFormat {
                        name: name.clone(),
                        error: error.to_string(),
                    })
                    .at(file, span),
                );
            }
            // An empty English title (`code-2900001 = {""}`: the page gives
            // the code none) is translated by an empty one.
            let english_empty = source
                .format(id, attribute, None)
                .is_some_and(|(english, _)| english.trim().is_empty());
            if !is_source && text.trim().is_empty() && !english_empty {
                diags.push(
                    Diagnostic::new(Problem::EmptyTranslation { name: name.clone() })
                        .at(file, span),
                );
            }
            let marks: Vec<String> = text
                .chars()
                .filter(|c| matches!(c, '\u{fffd}' | '\u{2066}'..='\u{2069}'))
                .map(|c| format!("U+{:04X}", u32::from(c)))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            if !marks.is_empty() {
                diags.push(
                    Diagnostic::new(Problem::HiddenMarks {
                        name: name.clone(),
                        marks: marks.join(" and "),
                    })
                    .at(file, span),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_attributes_per_kind() {
        assert!(Kind::Code.attribute_is_known("cause-2"));
        assert!(!Kind::Code.attribute_is_known("cause-0"));
        assert!(!Kind::Code.attribute_is_known("cause"));
        assert!(!Kind::Code.attribute_is_known("rule"));
        assert!(Kind::Family.attribute_is_known("rule"));
        assert!(Kind::Module.attribute_is_known("note"));
        assert!(!Kind::TableEntry.attribute_is_known("note"));
    }
}
