//! The catalog as a file that travels without its project: what
//! `export --format json` writes, what `explain --catalog FILE` reads
//! (that file, or a site's `codes.json`) to explain a code anywhere, as
//! `explain` does inside the project, and what `compat` and the site's
//! "Changes since" pages compare with ([`crate::explain::portable`] adds
//! the lookups and views of `explain`).
//!
//! One set of types writes and reads the file, so that what is exported
//! is what can be explained: every code's facts, its texts in every
//! language (as the pages show them, fallbacks included), the titles of
//! the pages, the labels of the sections, the ranges and the table
//! entries' names.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, CodeNumber, Flag, Membership};
use crate::model::{CodeView, Labels, LocaleModel, Model, ReferenceView};

/// The file of `export --format json`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Portable {
    /// Every locale's tag, the source first.
    pub locales: Vec<String>,
    /// Every locale's pages, by tag.
    #[serde(default)]
    pub pages: BTreeMap<String, Vec<PortablePage>>,
    /// Every locale's labels of the sections, by tag.
    #[serde(default)]
    pub labels: BTreeMap<String, Labels>,
    /// The tables families are built on.
    #[serde(default)]
    pub tables: Vec<PortableTable>,
    /// The families: a code per entry of a table.
    #[serde(default)]
    pub families: Vec<PortableFamily>,
    /// Ranges of codes that are not single codes.
    #[serde(default)]
    pub ranges: Vec<PortableRange>,
    /// Every code, by number.
    pub codes: Vec<PortableCode>,
}

/// A page: a module's, in one language.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct PortablePage {
    /// Its module's id.
    pub module: String,
    /// Its file name, without extension.
    pub file: String,
    /// Its title.
    pub title: String,
}

/// A table of values families are built on (errno).
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct PortableTable {
    /// Its id.
    pub id: String,
    /// Its entries.
    pub entries: Vec<PortableEntry>,
}

/// A family's rule.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct PortableFamily {
    /// Its id.
    pub id: String,
    /// The module that defines it.
    pub module: String,
    /// Its base number.
    pub base: CodeNumber,
    /// The table it expands.
    pub table: String,
    /// Its constant-name pattern (`SOCKET_{name}`).
    pub name: String,
    /// The release that changed its members, as the catalog says.
    #[serde(default)]
    pub changed: Option<String>,
}

/// A table's entry.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct PortableEntry {
    /// Its name (`ETIMEDOUT`).
    pub name: String,
    /// Its value (110).
    pub value: u32,
    /// Other names of the same value.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A range of codes.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct PortableRange {
    /// Its id.
    pub id: String,
    /// First code.
    pub from: CodeNumber,
    /// Last code.
    pub to: CodeNumber,
    /// The module whose page has it.
    pub module: String,
    /// Its texts, by locale tag.
    pub texts: BTreeMap<String, RangeTexts>,
}

/// A range's texts in one language.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct RangeTexts {
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Cited documents.
    #[serde(default)]
    pub references: Vec<ReferenceView>,
}

/// A code: its facts, and its texts in every language.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct PortableCode {
    /// Its number.
    pub code: CodeNumber,
    /// Its constant's name.
    pub name: String,
    /// The module that defines it.
    pub module: String,
    /// The literal message an API returns.
    pub message: Option<String>,
    /// The family it is a member of.
    pub family: Option<Membership>,
    /// Whether a family made it.
    #[serde(default)]
    pub generated: bool,
    /// Facts readers must know (written, not read: a newer errdoc may
    /// know flags this one does not).
    #[serde(default, skip_deserializing)]
    pub flags: Vec<Flag>,
    /// Ids of the documents it cites.
    #[serde(default)]
    pub references: Vec<String>,
    /// Related codes.
    #[serde(default)]
    pub related: Vec<CodeNumber>,
    /// The release that added it.
    #[serde(default)]
    pub since: Option<String>,
    /// Why and since when it is deprecated.
    #[serde(default)]
    pub deprecated: Option<String>,
    /// The release that removed it (it stays, documented as gone).
    #[serde(default)]
    pub removed: Option<String>,
    /// Its constant's earlier name, as the catalog says.
    #[serde(default)]
    pub renamed_from: Option<String>,
    /// The release that changed its message, as the catalog says.
    #[serde(default)]
    pub message_changed: Option<String>,
    /// The files of the pages it is on.
    #[serde(default)]
    pub pages: Vec<String>,
    /// Its texts, by locale tag.
    pub texts: BTreeMap<String, CodeTexts>,
}

/// A code's texts in one language (Markdown).
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct CodeTexts {
    /// Title.
    pub title: String,
    /// Text before its sections.
    #[serde(default)]
    pub intro: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Possible causes.
    #[serde(default)]
    pub causes: Vec<String>,
    /// Solutions.
    #[serde(default)]
    pub solutions: Vec<String>,
    /// Restrictions.
    #[serde(default)]
    pub flags: Vec<String>,
    /// Sub-cases after its sections.
    #[serde(default)]
    pub details: Option<String>,
    /// Cited documents.
    #[serde(default)]
    pub references: Vec<ReferenceView>,
}

impl CodeTexts {
    fn of(view: &CodeView) -> Self {
        let text = |t: &crate::model::Text| t.text.clone();
        CodeTexts {
            title: view.title.text.clone(),
            intro: view.intro.as_ref().map(text),
            description: view.description.as_ref().map(text),
            causes: view.causes.iter().map(text).collect(),
            solutions: view.solutions.iter().map(text).collect(),
            flags: view.flags.iter().map(text).collect(),
            details: view.details.as_ref().map(text),
            references: view.references.clone(),
        }
    }
}

/// The catalog and its model as the file of `export --format json`.
pub(crate) fn export(catalog: &Catalog, model: &Model) -> Portable {
    let mut codes: Vec<PortableCode> = catalog
        .modules
        .iter()
        .flat_map(|m| m.codes.iter().map(move |c| (m, c)))
        .map(|(module, c)| {
            let views: Vec<(&LocaleModel, _)> = model
                .locales
                .iter()
                .filter_map(|l| l.code(c.code).map(|found| (l, found)))
                .collect();
            let pages = views.first().map_or_else(Vec::new, |(_, (page, view))| {
                if view.pages.len() > 1 {
                    view.pages.iter().map(|p| p.file.clone()).collect()
                } else {
                    vec![page.file.clone()]
                }
            });
            PortableCode {
                code: c.code,
                name: c.name.value.clone(),
                module: module.id.value.clone(),
                message: c.message.as_ref().map(|m| m.value.clone()),
                family: c.member.clone(),
                generated: c.is_generated(),
                flags: c.flags.iter().map(|f| f.value).collect(),
                references: c.references.iter().map(|r| r.value.clone()).collect(),
                related: c.related.iter().map(|r| r.value).collect(),
                since: c.since.as_ref().map(|s| s.value.clone()),
                deprecated: c.deprecated.as_ref().map(|s| s.value.clone()),
                removed: c.removed.as_ref().map(|s| s.value.clone()),
                renamed_from: c.renamed_from.as_ref().map(|s| s.value.clone()),
                message_changed: c.message_changed.as_ref().map(|s| s.value.clone()),
                pages,
                texts: views
                    .iter()
                    .map(|(l, (_, view))| (l.tag.clone(), CodeTexts::of(view)))
                    .collect(),
            }
        })
        .collect();
    codes.sort_by_key(|c| c.code);
    Portable {
        locales: model.locales.iter().map(|l| l.tag.clone()).collect(),
        pages: model
            .locales
            .iter()
            .map(|l| (l.tag.clone(), l.pages.iter().map(page_of).collect()))
            .collect(),
        labels: model
            .locales
            .iter()
            .map(|l| (l.tag.clone(), Labels::of(l)))
            .collect(),
        tables: tables_export(catalog),
        families: families_export(catalog),
        ranges: ranges_of(model),
        codes,
    }
}

/// The catalog's tables, with their entries' names.
fn tables_export(catalog: &Catalog) -> Vec<PortableTable> {
    catalog
        .tables
        .iter()
        .map(|t| PortableTable {
            id: t.id.value.clone(),
            entries: t
                .entries
                .iter()
                .map(|e| PortableEntry {
                    name: e.name.value.clone(),
                    value: e.value.value,
                    aliases: e.aliases.iter().map(|a| a.value.clone()).collect(),
                })
                .collect(),
        })
        .collect()
}

/// The catalog's families' rules.
fn families_export(catalog: &Catalog) -> Vec<PortableFamily> {
    catalog
        .modules
        .iter()
        .flat_map(|m| {
            m.families.iter().map(|f| PortableFamily {
                id: f.id.value.clone(),
                module: m.id.value.clone(),
                base: f.base.value,
                table: f.table.value.clone(),
                name: f.name_pattern.value.clone(),
                changed: f.changed.as_ref().map(|c| c.value.clone()),
            })
        })
        .collect()
}

fn page_of(page: &crate::model::PageModel) -> PortablePage {
    PortablePage {
        module: page.module.clone(),
        file: page.file.clone(),
        title: page.title.text.clone(),
    }
}

/// Every range of the model, with its texts in every language.
fn ranges_of(model: &Model) -> Vec<PortableRange> {
    let Some(source) = model.locales.first() else {
        return Vec::new();
    };
    let mut ranges = Vec::new();
    for page in &source.pages {
        for range in &page.ranges {
            let texts = model
                .locales
                .iter()
                .filter_map(|l| {
                    let r = l
                        .pages
                        .iter()
                        .flat_map(|p| &p.ranges)
                        .find(|r| r.id == range.id)?;
                    Some((
                        l.tag.clone(),
                        RangeTexts {
                            title: r.title.text.clone(),
                            description: r.description.as_ref().map(|t| t.text.clone()),
                            references: r.references.clone(),
                        },
                    ))
                })
                .collect();
            ranges.push(PortableRange {
                id: range.id.clone(),
                from: range.from,
                to: range.to,
                module: page.module.clone(),
                texts,
            });
        }
    }
    ranges
}

/// A site's `codes.json`: one locale's codes.
#[derive(Debug, Deserialize)]
struct SiteCodes {
    locale: String,
    #[serde(default)]
    pages: Vec<PortablePage>,
    #[serde(default)]
    labels: Option<Labels>,
    codes: Vec<SiteCode>,
    #[serde(default)]
    ranges: Vec<SiteRange>,
}

/// A code of `codes.json`.
#[derive(Debug, Deserialize)]
struct SiteCode {
    code: CodeNumber,
    name: String,
    module: String,
    #[serde(default)]
    pages: Vec<String>,
    title: String,
    message: Option<String>,
    #[serde(default)]
    intro: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    causes: Vec<String>,
    #[serde(default)]
    solutions: Vec<String>,
    #[serde(default)]
    references: Vec<ReferenceView>,
    #[serde(default)]
    related: Vec<CodeNumber>,
    #[serde(default)]
    flags: Vec<String>,
    #[serde(default)]
    family: Option<Membership>,
    #[serde(default)]
    generated: bool,
    #[serde(default)]
    details: Option<String>,
}

/// A range of `codes.json`.
#[derive(Debug, Deserialize)]
struct SiteRange {
    #[serde(default)]
    id: Option<String>,
    from: CodeNumber,
    to: CodeNumber,
    module: String,
    title: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    references: Vec<ReferenceView>,
}

impl SiteCodes {
    /// The same codes as an exported file of one locale.
    fn into_portable(self) -> Portable {
        let tag = self.locale;
        fn one<T>(tag: &str, v: T) -> BTreeMap<String, T> {
            BTreeMap::from([(tag.to_string(), v)])
        }
        let codes: Vec<PortableCode> = self
            .codes
            .into_iter()
            .map(|c| PortableCode {
                code: c.code,
                name: c.name,
                module: c.module,
                message: c.message,
                family: c.family,
                generated: c.generated,
                flags: Vec::new(),
                references: Vec::new(),
                related: c.related,
                since: None,
                deprecated: None,
                removed: None,
                renamed_from: None,
                message_changed: None,
                pages: c.pages,
                texts: one(
                    &tag,
                    CodeTexts {
                        title: c.title,
                        intro: c.intro,
                        description: c.description,
                        causes: c.causes,
                        solutions: c.solutions,
                        flags: c.flags,
                        details: c.details,
                        references: c.references,
                    },
                ),
            })
            .collect();
        let ranges = self
            .ranges
            .into_iter()
            .map(|r| PortableRange {
                id: r.id.unwrap_or_else(|| format!("{}-{}", r.from, r.to)),
                from: r.from,
                to: r.to,
                module: r.module,
                texts: BTreeMap::from([(
                    tag.clone(),
                    RangeTexts {
                        title: r.title,
                        description: r.description,
                        references: r.references,
                    },
                )]),
            })
            .collect();
        Portable {
            locales: vec![tag.clone()],
            pages: one(&tag, self.pages),
            labels: self.labels.map(|l| one(&tag, l)).unwrap_or_default(),
            tables: tables_of(&codes),
            families: Vec::new(),
            ranges,
            codes,
        }
    }
}

/// The table entries the families of `codes` are built on, as far as
/// their members tell (names, not aliases: `codes.json` has none).
fn tables_of(codes: &[PortableCode]) -> Vec<PortableTable> {
    let mut tables: BTreeMap<&str, BTreeMap<&str, u32>> = BTreeMap::new();
    for m in codes.iter().filter_map(|c| c.family.as_ref()) {
        tables.entry(&m.table).or_default().insert(&m.name, m.value);
    }
    tables
        .into_iter()
        .map(|(id, entries)| PortableTable {
            id: id.to_string(),
            entries: entries
                .into_iter()
                .map(|(name, value)| PortableEntry {
                    name: name.to_string(),
                    value,
                    aliases: Vec::new(),
                })
                .collect(),
        })
        .collect()
}

/// Why a file cannot be read as a catalog.
#[derive(Debug)]
pub(crate) struct NotPortable(pub String);

impl std::fmt::Display for NotPortable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What `--catalog` reads, and how.
const WHAT_IT_READS: &str =
    "--catalog reads the file `errdoc export --format json` writes, or a site's codes.json";

/// Reads `text`, the file `shown`: an exported file or a site's
/// `codes.json`. Every error names the file, and the line and column
/// where the JSON is wrong.
pub(crate) fn read(text: &str, shown: &str, site: bool) -> Result<Portable, NotPortable> {
    let located = |e: serde_json::Error| {
        NotPortable(format!(
            "{shown}:{}:{}: {}\n  = help: {WHAT_IT_READS}",
            e.line(),
            e.column(),
            strip_position(&e.to_string())
        ))
    };
    let value: serde_json::Value = serde_json::from_str(text).map_err(located)?;
    let shape = value.as_object().map(|o| {
        (
            o.get("locales").is_some_and(serde_json::Value::is_array),
            o.get("locale").is_some_and(serde_json::Value::is_string),
        )
    });
    let portable = match shape {
        Some((true, _)) => serde_json::from_str::<Portable>(text).map_err(located)?,
        Some((false, true)) if !site => {
            return Err(NotPortable(format!(
                "{shown} is a site's codes.json, which has one language and no history of its codes\n  = help: compare against a file of `errdoc export --format json`"
            )));
        }
        Some((false, true)) => serde_json::from_str::<SiteCodes>(text)
            .map_err(located)?
            .into_portable(),
        _ => {
            return Err(NotPortable(format!(
                "{shown}: this JSON has neither `locales` (an exported catalog) nor `locale` (a site's codes.json)\n  = help: {WHAT_IT_READS}"
            )));
        }
    };
    if portable.locales.is_empty() {
        return Err(NotPortable(format!(
            "{shown}: `locales` is empty: the file names no language\n  = help: {WHAT_IT_READS}"
        )));
    }
    Ok(portable)
}

/// serde's message without its own " at line L column C", which the
/// caller puts first.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

/// The labels `explain` shows where a file has none (a file exported by
/// an earlier errdoc).
pub(crate) fn english_labels() -> Labels {
    Labels {
        message: "Error Message".to_string(),
        description: "Description".to_string(),
        causes: "Possible Causes".to_string(),
        solution: "Solution".to_string(),
        flags: "Restrictions".to_string(),
        references: "References".to_string(),
        related: "Related Error Codes".to_string(),
    }
}

impl Portable {
    /// Reads the file at `path`, to [`crate::input::INPUT_LIMIT`]: the
    /// catalog, and the file's text (for [`records`]).
    /// With `site`, a site's `codes.json` is read too.
    pub(crate) fn load(path: &Path, site: bool) -> Result<(Self, String), NotPortable> {
        let shown = path.display().to_string();
        let text = crate::input::read_named(path, &shown).map_err(NotPortable)?;
        read(&text, &shown, site).map(|portable| (portable, text))
    }
}

/// The records of the codes `numbers` in the file `text` as it has them
/// (an exported file's or `codes.json`'s), in that order.
pub(crate) fn records(text: &str, numbers: &[CodeNumber]) -> serde_json::Value {
    let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    let all = value
        .get("codes")
        .and_then(serde_json::Value::as_array)
        .cloned()
        .unwrap_or_default();
    let picked = numbers
        .iter()
        .filter_map(|n| {
            all.iter()
                .find(|c| c.get("code").and_then(serde_json::Value::as_i64) == Some(*n))
                .cloned()
        })
        .collect();
    serde_json::Value::Array(picked)
}
