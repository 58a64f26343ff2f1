//! The on-disk shape of `catalog/codes.yaml`, declared once for the loader
//! and the writer: the loader reads it with each value `Spanned` (its line
//! and column, for the errors of later checks: `Raw…<Read>`, the default);
//! `import` reads the same schema with plain values (`Raw…<Plain>`) into
//! the draft it edits and writes back ([`super::draft`]). The draft's tests
//! hold the writer to the schema: a catalog stating every field the schema
//! takes (each struct's fields as serde lists them) is written back and
//! reads the same.
//!
//! Every struct denies unknown fields, so a typo (`mesage:`) is an error at
//! its line instead of a silently missing message.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_saphyr::Spanned;

use super::{CodeNumber, FamilyStyle, Flag, Located};

/// What a value of the schema is: shown, compared, read by serde.
pub(crate) trait Value: std::fmt::Debug + Clone + PartialEq + DeserializeOwned {}

impl<T: std::fmt::Debug + Clone + PartialEq + DeserializeOwned> Value for T {}

/// How the schema holds a value. Whatever it holds serde reads, so the
/// structs below need no bound of their own (`bound(deserialize = "")`).
pub(crate) trait Hold {
    /// A value of type `T`, held this way.
    type Of<T>: Value
    where
        T: Value;
}

/// Each value with where it stands in the file (the loader).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Read;

impl Hold for Read {
    type Of<T>
        = Spanned<T>
    where
        T: Value;
}

/// The values alone (what `init` and `import` change and write).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Plain;

impl Hold for Plain {
    type Of<T>
        = T
    where
        T: Value;
}
use crate::source::{Position, Span, to_u32};

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = ""))]
pub(crate) struct RawCatalog<H: Hold = Read> {
    #[serde(default)]
    pub(crate) site: RawSite<H>,
    #[serde(default)]
    pub(crate) references: Vec<RawReference<H>>,
    #[serde(default)]
    pub(crate) tables: Vec<RawTable<H>>,
    #[serde(default)]
    pub(crate) modules: Vec<RawModule<H>>,
    #[serde(default)]
    pub(crate) scan: RawScan<H>,
}

/// What `errdoc scan` reads of the source code, and how.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = ""))]
pub(crate) struct RawScan<H: Hold = Read> {
    /// Globs of the files to read (default: every file of a language
    /// errdoc knows).
    #[serde(default)]
    pub(crate) include: Vec<H::Of<String>>,
    /// Globs of the files to leave out.
    #[serde(default)]
    pub(crate) exclude: Vec<H::Of<String>>,
    /// Regular expressions of a project's own ways of naming a code
    /// (`ERR\((\d+)\)`): group 1 is a number or a constant name.
    #[serde(default)]
    pub(crate) patterns: Vec<H::Of<String>>,
}

impl<H: Hold> Default for RawScan<H> {
    fn default() -> Self {
        RawScan {
            include: Vec::new(),
            exclude: Vec::new(),
            patterns: Vec::new(),
        }
    }
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = ""))]
pub(crate) struct RawSite<H: Hold = Read> {
    pub(crate) base_url: Option<H::Of<String>>,
    /// Where a project file's line is shown in its repository, with
    /// `{path}` and `{line}` (`https://github.com/o/r/blob/main/{path}#L{line}`).
    pub(crate) source_url: Option<H::Of<String>>,
    pub(crate) source_locale: Option<H::Of<String>>,
    /// What the C export puts before its macros and functions (`NET_`).
    pub(crate) export_prefix: Option<H::Of<String>>,
    /// A file of `export --format json` of an earlier release, in the
    /// project: the site's "Changes since" pages compare with it.
    pub(crate) changes_since: Option<H::Of<String>>,
    #[serde(default)]
    pub(crate) style: RawStyle<H>,
    /// Words that mean the same, for search, by locale tag or language.
    #[serde(default)]
    pub(crate) synonyms: std::collections::BTreeMap<String, Vec<Vec<H::Of<String>>>>,
}

/// How the Markdown pages look, where the house style is not wanted: on
/// `site` for every page, on a module for its own.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = ""))]
pub(crate) struct RawStyle<H: Hold = Read> {
    pub(crate) anchors: Option<H::Of<bool>>,
    pub(crate) references: Option<H::Of<bool>>,
    pub(crate) related: Option<H::Of<bool>>,
    pub(crate) family: Option<H::Of<FamilyStyle>>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = ""))]
pub(crate) struct RawReference<H: Hold = Read> {
    pub(crate) id: H::Of<String>,
    pub(crate) title: H::Of<String>,
    pub(crate) url: H::Of<String>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = ""))]
pub(crate) struct RawTable<H: Hold = Read> {
    pub(crate) id: H::Of<String>,
    #[serde(default)]
    pub(crate) entries: Vec<RawTableEntry<H>>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = ""))]
pub(crate) struct RawTableEntry<H: Hold = Read> {
    pub(crate) value: H::Of<u32>,
    pub(crate) name: H::Of<String>,
    #[serde(default)]
    pub(crate) aliases: Vec<H::Of<String>>,
    pub(crate) message: H::Of<String>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = ""))]
pub(crate) struct RawModule<H: Hold = Read> {
    pub(crate) id: H::Of<String>,
    pub(crate) page: H::Of<String>,
    pub(crate) namespace: Option<H::Of<String>>,
    /// The level of the page's code headings (`3` for `### 13900001 …`
    /// under `## …` groups); 2 when absent.
    pub(crate) code_level: Option<H::Of<u8>>,
    #[serde(default)]
    pub(crate) style: RawStyle<H>,
    #[serde(default)]
    pub(crate) metadata: RawMetadata<H>,
    #[serde(default)]
    pub(crate) owns: Vec<RawRange<H>>,
    #[serde(default)]
    pub(crate) ranges: Vec<RawNamedRange<H>>,
    #[serde(default)]
    pub(crate) families: Vec<RawFamily<H>>,
    #[serde(default)]
    pub(crate) codes: Vec<RawCode<H>>,
}

/// The page metadata block of OpenHarmony's docs, in its order.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = ""))]
pub(crate) struct RawMetadata<H: Hold = Read> {
    pub(crate) kit: Option<H::Of<String>>,
    pub(crate) subsystem: Option<H::Of<String>>,
    pub(crate) owner: Option<H::Of<String>>,
    pub(crate) designer: Option<H::Of<String>>,
    pub(crate) tester: Option<H::Of<String>>,
    pub(crate) adviser: Option<H::Of<String>>,
}

impl<H: Hold> Default for RawSite<H> {
    fn default() -> Self {
        RawSite {
            base_url: None,
            source_url: None,
            source_locale: None,
            export_prefix: None,
            changes_since: None,
            style: Default::default(),
            synonyms: std::collections::BTreeMap::new(),
        }
    }
}

impl<H: Hold> Default for RawStyle<H> {
    fn default() -> Self {
        RawStyle {
            anchors: None,
            references: None,
            related: None,
            family: None,
        }
    }
}

impl<H: Hold> Default for RawMetadata<H> {
    fn default() -> Self {
        RawMetadata {
            kit: None,
            subsystem: None,
            owner: None,
            designer: None,
            tester: None,
            adviser: None,
        }
    }
}

/// The metadata fields, in the house style's order: the keys of
/// [`RawMetadata`], which a page shows capitalized (`<!--Kit: …-->`).
pub(crate) const METADATA_FIELDS: [&str; 6] =
    ["kit", "subsystem", "owner", "designer", "tester", "adviser"];

impl<H: Hold> RawMetadata<H> {
    /// The value of the field `key` (one of [`METADATA_FIELDS`]).
    pub(crate) fn get(&self, key: &str) -> Option<&H::Of<String>> {
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
    pub(crate) fn stated(&self) -> impl Iterator<Item = (&'static str, &H::Of<String>)> {
        METADATA_FIELDS
            .into_iter()
            .filter_map(|key| self.get(key).map(|value| (key, value)))
    }
}

/// How a page shows the metadata field `key`: `Kit`.
pub(crate) fn metadata_label(key: &'static str) -> &'static str {
    match key {
        "kit" => "Kit",
        "subsystem" => "Subsystem",
        "owner" => "Owner",
        "designer" => "Designer",
        "tester" => "Tester",
        _ => "Adviser",
    }
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = ""))]
pub(crate) struct RawRange<H: Hold = Read> {
    pub(crate) from: H::Of<CodeNumber>,
    pub(crate) to: H::Of<CodeNumber>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = ""))]
pub(crate) struct RawNamedRange<H: Hold = Read> {
    pub(crate) id: H::Of<String>,
    pub(crate) from: H::Of<CodeNumber>,
    pub(crate) to: H::Of<CodeNumber>,
    #[serde(default)]
    pub(crate) references: Vec<H::Of<String>>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = ""))]
pub(crate) struct RawFamily<H: Hold = Read> {
    pub(crate) id: H::Of<String>,
    pub(crate) base: H::Of<CodeNumber>,
    pub(crate) table: H::Of<String>,
    pub(crate) name: H::Of<String>,
    #[serde(default)]
    pub(crate) references: Vec<H::Of<String>>,
    /// The release that changed its members (`compat` notes the change
    /// rather than failing on it).
    pub(crate) changed: Option<H::Of<String>>,
}

/// An entry of a module's `codes:`, the page's sections in order: a code
/// defined here (`code:` with its `name:` and the rest), a code defined by
/// another module and listed on this page too (`also:`), or a heading that
/// is not a code (`heading:`, with the text under it). Which one it is,
/// and that it has what it needs, is checked when the catalog is
/// expanded, so that the error points at the entry.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = ""))]
pub(crate) struct RawCode<H: Hold = Read> {
    pub(crate) code: Option<H::Of<CodeNumber>>,
    pub(crate) also: Option<H::Of<CodeNumber>>,
    pub(crate) heading: Option<H::Of<String>>,
    /// A heading's level (`2` for `##`).
    pub(crate) level: Option<H::Of<u8>>,
    pub(crate) name: Option<H::Of<String>>,
    pub(crate) message: Option<H::Of<String>>,
    /// What a page shows as the Error Message where it differs from
    /// `message`, by locale: drift between the languages, kept as data.
    #[serde(default)]
    pub(crate) message_drift: BTreeMap<String, H::Of<String>>,
    #[serde(default)]
    pub(crate) references: Vec<H::Of<String>>,
    #[serde(default)]
    pub(crate) related: Vec<H::Of<CodeNumber>>,
    #[serde(default)]
    pub(crate) flags: Vec<H::Of<Flag>>,
    pub(crate) since: Option<H::Of<String>>,
    pub(crate) deprecated: Option<H::Of<String>>,
    /// The release that removed it: the code stays, documented as gone,
    /// so that its number is never given another meaning.
    pub(crate) removed: Option<H::Of<String>>,
    /// Its constant's name in an earlier release (`compat` notes the
    /// rename rather than failing on it).
    pub(crate) renamed_from: Option<H::Of<String>>,
    /// The release whose literal message differs from the earlier one's.
    pub(crate) message_changed: Option<H::Of<String>>,
    pub(crate) marker: Option<H::Of<String>>,
}

/// Where a value read by serde-saphyr stands in the file.
pub(crate) fn span_of<T>(s: &Spanned<T>) -> Span {
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
pub(crate) fn located<T: Clone>(s: &Spanned<T>) -> Located<T> {
    Located {
        value: s.value.clone(),
        span: span_of(s),
    }
}

/// Values with where each stands.
pub(crate) fn located_all<T: Clone>(items: &[Spanned<T>]) -> Vec<Located<T>> {
    items.iter().map(located).collect()
}
