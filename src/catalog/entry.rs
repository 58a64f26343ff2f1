//! One entry of a module's `codes:`, the page's sections in order: a code
//! defined there, a code of another module listed there (`also:`), or a
//! heading that is not a code. What an entry lacks or has too much of is
//! reported at its line.

use serde_saphyr::Spanned;

use super::schema::{RawCode, RawModule};
use super::schema::{located, located_all, span_of};
use super::{CodeEntry, CodeNumber, Heading, Listing, Located, Origin};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::source::{SourceFile, Span};

/// The first place an entry of `codes:` names, for diagnostics about the
/// entry as a whole.
fn entry_span(c: &RawCode) -> Option<Span> {
    c.code
        .as_ref()
        .or(c.also.as_ref())
        .map(span_of)
        .or_else(|| c.heading.as_ref().map(span_of))
        .or_else(|| c.name.as_ref().map(span_of))
        .or_else(|| c.message.as_ref().map(span_of))
        .or_else(|| c.marker.as_ref().map(span_of))
}

fn drift_of(c: &RawCode) -> Vec<(String, Located<String>)> {
    c.message_drift
        .iter()
        .map(|(locale, text)| (locale.clone(), located(text)))
        .collect()
}

/// An entry of `codes:`, read as a definition or a listing; what is wrong
/// with it goes to `diags`.
pub(super) enum Entry {
    Defined(Box<CodeEntry>),
    Listed(Listing),
    Heading(Heading),
}

/// The fields an entry has, by name, for "only these belong here".
fn given_fields(c: &RawCode) -> [(&'static str, bool); 15] {
    [
        ("code", c.code.is_some()),
        ("also", c.also.is_some()),
        ("heading", c.heading.is_some()),
        ("level", c.level.is_some()),
        ("name", c.name.is_some()),
        ("message", c.message.is_some()),
        ("message_drift", !c.message_drift.is_empty()),
        ("references", !c.references.is_empty()),
        ("related", !c.related.is_empty()),
        ("flags", !c.flags.is_empty()),
        ("since", c.since.is_some()),
        ("deprecated", c.deprecated.is_some()),
        ("removed", c.removed.is_some()),
        ("renamed_from", c.renamed_from.is_some()),
        ("message_changed", c.message_changed.is_some()),
    ]
}

/// The first field of `c` that is not one of `allowed`.
fn field_outside(c: &RawCode, allowed: &[&str]) -> Option<&'static str> {
    given_fields(c)
        .into_iter()
        .find(|(name, given)| *given && !allowed.contains(name))
        .map(|(name, _)| name)
}

/// Reads an entry of `module`'s `codes:` as a heading, a definition or a
/// listing; an entry of several kinds or of none is reported, and read as
/// nothing.
pub(super) fn read_entry(
    c: &RawCode,
    module: &RawModule,
    file: &SourceFile,
    diags: &mut Diagnostics,
) -> Option<Entry> {
    let at = entry_span(c).unwrap_or_else(|| span_of(&module.id));
    let kinds = [c.code.is_some(), c.also.is_some(), c.heading.is_some()];
    if kinds.iter().filter(|k| **k).count() > 1 {
        diags.push(Diagnostic::new(Kind::EntryOfSeveralKinds).at(file, at));
        return None;
    }
    if let Some(id) = &c.heading {
        return Some(read_heading(c, id, file, diags));
    }
    if let Some(level) = &c.level {
        diags.push(Diagnostic::new(Kind::LevelOfCode).at(file, span_of(level)));
    }
    match (&c.code, &c.also) {
        (Some(code), None) => Some(read_definition(c, code, file, diags)),
        (None, Some(also)) => Some(read_listing(c, also, file, diags)),
        _ => {
            diags.push(
                Diagnostic::new(Kind::BareEntry {
                    module: module.id.value.clone(),
                })
                .at(file, at),
            );
            None
        }
    }
}

/// A `heading:` entry, with its level (2 unless given); a field of a code
/// in it is reported.
fn read_heading(
    c: &RawCode,
    id: &Spanned<String>,
    file: &SourceFile,
    diags: &mut Diagnostics,
) -> Entry {
    if let Some(field) =
        field_outside(c, &["heading", "level"]).or(c.marker.as_ref().map(|_| "marker"))
    {
        diags.push(
            Diagnostic::new(Kind::HeadingWithCodeField {
                heading: id.value.clone(),
                field,
            })
            .at(file, span_of(id)),
        );
    }
    Entry::Heading(Heading {
        id: located(id),
        level: c.level.as_ref().map_or(
            Located {
                value: 2,
                span: span_of(id),
            },
            located,
        ),
    })
}

/// A `code:` entry, defining the code; one without a name is reported,
/// and gets an empty one.
fn read_definition(
    c: &RawCode,
    code: &Spanned<CodeNumber>,
    file: &SourceFile,
    diags: &mut Diagnostics,
) -> Entry {
    let name = match &c.name {
        Some(name) => located(name),
        None => {
            diags.push(
                Diagnostic::new(Kind::CodeWithoutName { code: code.value }).at(file, span_of(code)),
            );
            Located {
                value: String::new(),
                span: span_of(code),
            }
        }
    };
    Entry::Defined(Box::new(CodeEntry {
        code: code.value,
        name,
        message: c.message.as_ref().map(located),
        references: located_all(&c.references),
        related: located_all(&c.related),
        flags: located_all(&c.flags),
        since: c.since.as_ref().map(located),
        deprecated: c.deprecated.as_ref().map(located),
        removed: c.removed.as_ref().map(located),
        renamed_from: c.renamed_from.as_ref().map(located),
        message_changed: c.message_changed.as_ref().map(located),
        marker: c.marker.as_ref().map(located),
        message_drift: drift_of(c),
        member: None,
        origin: Origin::Explicit {
            span: span_of(code),
        },
    }))
}

/// An `also:` entry, listing a code another module defines; a field only
/// a definition has is reported.
fn read_listing(
    c: &RawCode,
    also: &Spanned<CodeNumber>,
    file: &SourceFile,
    diags: &mut Diagnostics,
) -> Entry {
    if let Some(field) = field_outside(c, &["also", "message_drift"]) {
        diags.push(
            Diagnostic::new(Kind::ListingWithCodeField {
                code: also.value,
                field,
            })
            .at(file, span_of(also)),
        );
    }
    Entry::Listed(Listing {
        code: located(also),
        marker: c.marker.as_ref().map(located),
        message_drift: drift_of(c),
    })
}
