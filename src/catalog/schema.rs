//! The on-disk shape of `catalog/codes.yaml`, exactly as serde reads it.
//!
//! Every struct denies unknown fields, so a typo (`mesage:`) is an error at
//! its line instead of a silently missing message. Values that later checks
//! must point at are `Spanned`, which keeps their line and column.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{CodeNumber, FamilyStyle, Flag, Located};
use crate::source::{Position, Span, to_u32};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCatalog {
    #[serde(default)]
    pub(super) site: RawSite,
    #[serde(default)]
    pub(super) references: Vec<RawReference>,
    #[serde(default)]
    pub(super) tables: Vec<RawTable>,
    #[serde(default)]
    pub(super) modules: Vec<RawModule>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSite {
    pub(super) base_url: Option<Spanned<String>>,
    pub(super) source_locale: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) style: RawStyle,
}

/// How the Markdown pages look, where the house style is not wanted: on
/// `site` for every page, on a module for its own.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStyle {
    pub(super) anchors: Option<Spanned<bool>>,
    pub(super) references: Option<Spanned<bool>>,
    pub(super) related: Option<Spanned<bool>>,
    pub(super) family: Option<Spanned<FamilyStyle>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReference {
    pub(super) id: Spanned<String>,
    pub(super) title: Spanned<String>,
    pub(super) url: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTable {
    pub(super) id: Spanned<String>,
    #[serde(default)]
    pub(super) entries: Vec<RawTableEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTableEntry {
    pub(super) value: Spanned<u32>,
    pub(super) name: Spanned<String>,
    #[serde(default)]
    pub(super) aliases: Vec<Spanned<String>>,
    pub(super) message: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawModule {
    pub(super) id: Spanned<String>,
    pub(super) page: Spanned<String>,
    pub(super) namespace: Option<Spanned<String>>,
    /// The level of the page's code headings (`3` for `### 13900001 …`
    /// under `## …` groups); 2 when absent.
    pub(super) code_level: Option<Spanned<u8>>,
    #[serde(default)]
    pub(super) style: RawStyle,
    #[serde(default)]
    pub(super) metadata: RawMetadata,
    #[serde(default)]
    pub(super) owns: Vec<RawRange>,
    #[serde(default)]
    pub(super) ranges: Vec<RawNamedRange>,
    #[serde(default)]
    pub(super) families: Vec<RawFamily>,
    #[serde(default)]
    pub(super) codes: Vec<RawCode>,
}

/// The page metadata block of OpenHarmony's docs, in its order.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMetadata {
    pub(super) kit: Option<Spanned<String>>,
    pub(super) subsystem: Option<Spanned<String>>,
    pub(super) owner: Option<Spanned<String>>,
    pub(super) designer: Option<Spanned<String>>,
    pub(super) tester: Option<Spanned<String>>,
    pub(super) adviser: Option<Spanned<String>>,
}

/// The metadata fields, in the house style's order: the keys of
/// [`RawMetadata`], which a page shows capitalized (`<!--Kit: …-->`).
pub(crate) const METADATA_FIELDS: [&str; 6] =
    ["kit", "subsystem", "owner", "designer", "tester", "adviser"];

impl RawMetadata {
    /// The value of the field `key` (one of [`METADATA_FIELDS`]).
    pub(super) fn get(&self, key: &str) -> Option<&Spanned<String>> {
        match key {
            "kit" => self.kit.as_ref(),
            "subsystem" => self.subsystem.as_ref(),
            "owner" => self.owner.as_ref(),
            "designer" => self.designer.as_ref(),
            "tester" => self.tester.as_ref(),
            "adviser" => self.adviser.as_ref(),
            _ => None,
        }
    }

    /// The fields stated, in [`METADATA_FIELDS`] order: (key, value).
    pub(super) fn stated(&self) -> impl Iterator<Item = (&'static str, &Spanned<String>)> {
        METADATA_FIELDS
            .into_iter()
            .filter_map(|key| self.get(key).map(|value| (key, value)))
    }
}

/// How a page shows the metadata field `key`: `Kit`.
pub(super) fn metadata_label(key: &'static str) -> &'static str {
    match key {
        "kit" => "Kit",
        "subsystem" => "Subsystem",
        "owner" => "Owner",
        "designer" => "Designer",
        "tester" => "Tester",
        _ => "Adviser",
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRange {
    pub(super) from: Spanned<CodeNumber>,
    pub(super) to: Spanned<CodeNumber>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNamedRange {
    pub(super) id: Spanned<String>,
    pub(super) from: Spanned<CodeNumber>,
    pub(super) to: Spanned<CodeNumber>,
    #[serde(default)]
    pub(super) references: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFamily {
    pub(super) id: Spanned<String>,
    pub(super) base: Spanned<CodeNumber>,
    pub(super) table: Spanned<String>,
    pub(super) name: Spanned<String>,
    #[serde(default)]
    pub(super) references: Vec<Spanned<String>>,
}

/// An entry of a module's `codes:`, the page's sections in order: a code
/// defined here (`code:` with its `name:` and the rest), a code defined by
/// another module and listed on this page too (`also:`), or a heading that
/// is not a code (`heading:`, with the text under it). Which one it is,
/// and that it has what it needs, is checked when the catalog is
/// expanded, so that the error points at the entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCode {
    pub(super) code: Option<Spanned<CodeNumber>>,
    pub(super) also: Option<Spanned<CodeNumber>>,
    pub(super) heading: Option<Spanned<String>>,
    /// A heading's level (`2` for `##`).
    pub(super) level: Option<Spanned<u8>>,
    pub(super) name: Option<Spanned<String>>,
    pub(super) message: Option<Spanned<String>>,
    /// What a page shows as the Error Message where it differs from
    /// `message`, by locale: drift between the languages, kept as data.
    #[serde(default)]
    pub(super) message_drift: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    pub(super) references: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) related: Vec<Spanned<CodeNumber>>,
    #[serde(default)]
    pub(super) flags: Vec<Spanned<Flag>>,
    pub(super) since: Option<Spanned<String>>,
    pub(super) deprecated: Option<Spanned<String>>,
    pub(super) marker: Option<Spanned<String>>,
}

/// Where a value read by serde-saphyr stands in the file.
pub(super) fn span_of<T>(s: &Spanned<T>) -> Span {
    let l = s.referenced;
    Span {
        start: Position {
            line: to_u32(l.line() as usize),
            column: to_u32(l.column() as usize),
        },
        len: to_u32(l.span().len() as usize).max(1),
    }
}

/// A value with where it stands.
pub(super) fn located<T: Clone>(s: &Spanned<T>) -> Located<T> {
    Located {
        value: s.value.clone(),
        span: span_of(s),
    }
}

/// Values with where each stands.
pub(super) fn located_all<T: Clone>(items: &[Spanned<T>]) -> Vec<Located<T>> {
    items.iter().map(located).collect()
}
