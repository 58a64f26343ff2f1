//! The on-disk shape of `catalog/codes.yaml`, exactly as serde reads it.
//!
//! Every struct denies unknown fields, so a typo (`mesage:`) is an error at
//! its line instead of a silently missing message. Values that later checks
//! must point at are `Spanned`, which keeps their line and column.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::Flag;

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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRange {
    pub(super) from: Spanned<u32>,
    pub(super) to: Spanned<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNamedRange {
    pub(super) id: Spanned<String>,
    pub(super) from: Spanned<u32>,
    pub(super) to: Spanned<u32>,
    #[serde(default)]
    pub(super) references: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFamily {
    pub(super) id: Spanned<String>,
    pub(super) base: Spanned<u32>,
    pub(super) table: Spanned<String>,
    pub(super) name: Spanned<String>,
    #[serde(default)]
    pub(super) references: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCode {
    pub(super) code: Spanned<u32>,
    pub(super) name: Spanned<String>,
    pub(super) message: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) references: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) related: Vec<Spanned<u32>>,
    #[serde(default)]
    pub(super) flags: Vec<Spanned<Flag>>,
    pub(super) since: Option<Spanned<String>>,
    pub(super) deprecated: Option<Spanned<String>>,
    pub(super) marker: Option<Spanned<String>>,
}
