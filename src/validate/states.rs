//! Which strings of a translation are missing, stale or unchanged: each
//! said where it is best fixed (the translation, else the English, else
//! the table entry in the catalog).

use std::cell::OnceCell;
use std::collections::{BTreeSet, HashMap};

use crate::catalog::Catalog;
use crate::diagnostic::{Diagnostic, Diagnostics, Kind as Problem, Todo};
use crate::l10n::lock::SourcesLock;
use crate::l10n::{self, State, Unit};
use crate::locales::Locale;
use crate::source::Span;

use super::locales::is_catalog_id;

/// Missing, stale and unchanged strings of `locale`.
pub(super) fn translation_states(
    catalog: &Catalog,
    units: &[Unit],
    locale: &Locale,
    source: &Locale,
    locales_builtin: Option<&Locale>,
    lock: Option<&SourcesLock>,
    diags: &mut Diagnostics,
) {
    // A message missing altogether is reported once, not per attribute.
    let mut reported: BTreeSet<&str> = BTreeSet::new();
    // Where each table entry is, looked up once per missing entry: made
    // when first needed (a scan of the tables per entry made a translation
    // that lacks a table of 100,000 entries quadratic).
    let table_spans = OnceCell::new();
    // The strings of each message, for one missing altogether.
    let mut strings: HashMap<&str, usize> = HashMap::new();
    for unit in units {
        *strings.entry(unit.id.as_str()).or_default() += 1;
    }
    for unit in units {
        // An English message nothing uses is reported as such, not as
        // something to translate.
        if unit.group == l10n::OTHER_GROUP && is_catalog_id(catalog, &unit.id) {
            continue;
        }
        // A message a syntax error broke is not missing: its error says
        // what to fix.
        if locale.is_broken(&unit.id) || source.is_broken(&unit.id) {
            continue;
        }
        if !locale.has(&unit.id) && !reported.insert(unit.id.as_str()) {
            continue;
        }
        // errdoc's own translation of a UI string stands in.
        if locales_builtin.is_some_and(|b| b.has_part(&unit.id, unit.attribute.as_deref()))
            && !locale.has_part(&unit.id, unit.attribute.as_deref())
        {
            continue;
        }
        let key = unit.key();
        let attribute = unit.attribute.as_deref();
        match l10n::state_of(unit, locale, lock) {
            State::Translated => {}
            State::Missing => {
                let n = if locale.has(&unit.id) {
                    1
                } else {
                    strings.get(unit.id.as_str()).copied().unwrap_or(1)
                };
                diags.push(
                    missing(catalog, unit, locale, source, &table_spans).todo_of(
                        &locale.tag,
                        Todo::Missing,
                        n,
                    ),
                );
            }
            State::Stale => {
                if let Some((file, span)) = locale.locate_part(&unit.id, attribute) {
                    diags.push(
                        Diagnostic::new(Problem::StaleTranslation {
                            key,
                            locale: locale.tag.clone(),
                        })
                        .todo(&locale.tag, Todo::Stale)
                        .at(file, span),
                    );
                }
            }
            State::Unchanged => {
                if let Some((file, span)) = locale.locate_part(&unit.id, attribute) {
                    diags.push(
                        Diagnostic::new(Problem::UnchangedTranslation { key })
                            .todo(&locale.tag, Todo::Unchanged)
                            .at(file, span),
                    );
                }
            }
        }
    }
}

/// That `locale` lacks `unit`: a message's title (the message has only
/// attributes), a stub's text, an attribute, or a whole message — said at
/// the translation, else at the English, else at the table entry in the
/// catalog (`table_spans`, made when first needed).
fn missing(
    catalog: &Catalog,
    unit: &Unit,
    locale: &Locale,
    source: &Locale,
    table_spans: &OnceCell<HashMap<String, Span>>,
) -> Diagnostic {
    let key = unit.key();
    let attribute = unit.attribute.as_deref();
    let stub = locale.has_part(&unit.id, attribute);
    let no_value = attribute.is_none() && !stub && locale.has(&unit.id);
    let tag = locale.tag.clone();
    let (kind, at) = if no_value {
        (
            Problem::TitleNotTranslated { key, locale: tag },
            locale.locate(&unit.id),
        )
    } else if stub {
        (
            Problem::StubNotTranslated { key },
            locale.locate_part(&unit.id, attribute),
        )
    } else {
        let file = l10n::translation_file(source, locale, &unit.id, || {
            l10n::group_of(catalog, &unit.id)
        })
        .display()
        .to_string();
        let kind = if attribute.is_some() && locale.has(&unit.id) {
            Problem::AttributeNotTranslated {
                key,
                locale: tag,
                file,
            }
        } else {
            Problem::NotTranslated {
                key,
                locale: tag,
                file,
            }
        };
        (kind, source.locate_part(&unit.id, attribute))
    };
    let d = Diagnostic::new(kind);
    match at {
        Some((file, span)) => d.at(file, span),
        None => match table_spans
            .get_or_init(|| catalog.table_entry_spans())
            .get(unit.id.as_str())
            .copied()
        {
            Some(span) => d.at(&catalog.file, span),
            None => d,
        },
    }
}
