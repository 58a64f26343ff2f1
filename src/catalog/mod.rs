//! Stage 1: load `catalog/codes.yaml` into a [`Catalog`], expanding every
//! family ("2301000 + errno") into codes of their own.
//!
//! Loading only reads and expands; the rules that span the whole catalog
//! (duplicates, ranges, collisions, references) are checked by
//! [`crate::validate`], which can then report every problem at once.

pub(crate) mod comments;
pub(crate) mod draft;
mod entry;
mod ids;
mod read;
mod schema;

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::input::read_utf8;
use crate::source::{SourceFile, Span};
pub(crate) use ids::{MessageId, RESERVED_TABLE_IDS};
pub(crate) use read::yaml_options;
use read::{expand, yaml_error};
use schema::RawCatalog;

/// Whether `s` is an id of the catalog (`[a-z][a-z0-9-]*`, not ending in
/// `-`): ids become parts of Fluent ids and of file names.
pub(crate) fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.ends_with('-')
}

/// Whether `s` is a constant's name (`[A-Z][A-Z0-9_]*`).
pub(crate) fn is_constant_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// Where the catalog lives, relative to the project root.
pub(crate) const CATALOG_PATH: &str = "catalog/codes.yaml";

/// An error code's number. Real code spaces have negative codes (`-1`) as
/// well as 9-digit ones, so it is signed and wide.
pub(crate) type CodeNumber = i64;

/// The source locale of a catalog that names none (`site.source_locale`).
pub(crate) const DEFAULT_SOURCE_LOCALE: &str = "en";

/// The number space of modules that do not name one.
pub(crate) const DEFAULT_NAMESPACE: &str = "default";

/// A fact about a code that readers must know before using it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    /// Reserved for future use; its meaning is not defined yet.
    Reserved,
    /// Must never be sent in a WebSocket Close frame (reported locally only).
    NeverSent,
}

impl Flag {
    /// The Fluent id of the flag's text (`flag-never-sent`).
    pub fn message_id(self) -> &'static str {
        match self {
            Flag::Reserved => "flag-reserved",
            Flag::NeverSent => "flag-never-sent",
        }
    }
}

/// How a family's generated members appear on a Markdown page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FamilyStyle {
    /// Its rule (`2301000 + errno`), after the last code of the family the
    /// page documents: the house style of OpenHarmony's pages.
    Rule,
    /// Its rule and a table of every member, at the end of the page.
    Table,
}

/// How a Markdown page looks beyond its texts: the house style of
/// OpenHarmony's pages unless the catalog says otherwise (`site.style`,
/// a module's `style`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PageStyle {
    /// `<a id="2303210"></a>` before each code: stable `#2303210` links on
    /// any Markdown host (hosts anchor headings by their text, which is
    /// not the same in two languages).
    pub anchors: bool,
    /// A References section under a code that cites documents.
    pub references: bool,
    /// A Related Error Codes section under a code with related codes.
    pub related: bool,
    /// How families show their members.
    pub family: FamilyStyle,
}

impl Default for PageStyle {
    fn default() -> Self {
        PageStyle {
            anchors: false,
            references: false,
            related: false,
            family: FamilyStyle::Rule,
        }
    }
}

/// A value with the place in the catalog it was written.
#[derive(Clone, Debug)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

/// The whole catalog, with families expanded.
#[derive(Debug)]
pub struct Catalog {
    /// The YAML file, for diagnostics.
    pub file: SourceFile,
    /// Site settings.
    pub site: Site,
    /// Documents codes cite.
    pub references: Vec<Reference>,
    /// Value tables that families expand (errno, SSL errors).
    pub tables: Vec<Table>,
    /// The modules, one page each, in catalog order.
    pub modules: Vec<Module>,
    /// What `errdoc scan` reads of the source code.
    pub scan: Scan,
    /// Where the first code of each number is: (module, code) indexes.
    code_index: HashMap<CodeNumber, (usize, usize)>,
    /// The first reference of each id (`references` index).
    reference_index: HashMap<String, usize>,
}

/// What `errdoc scan` reads of the source code, and how.
#[derive(Debug, Default)]
pub struct Scan {
    /// Globs of the files to read.
    pub include: Vec<Located<String>>,
    /// Globs of the files to leave out.
    pub exclude: Vec<Located<String>>,
    /// Regular expressions whose group 1 names a code.
    pub patterns: Vec<Located<String>>,
}

/// Site-wide settings.
#[derive(Debug, Default)]
pub struct Site {
    /// Absolute URL the site is published at.
    pub base_url: Option<Located<String>>,
    /// Where a project file's line is shown in its repository: a URL with
    /// `{path}` and, optionally, `{line}`.
    pub source_url: Option<Located<String>>,
    /// The locale the others are translated from (default `en`).
    pub source_locale: Option<Located<String>>,
    /// What the C export puts before its macros and functions (default
    /// [`crate::export::DEFAULT_PREFIX`]).
    pub export_prefix: Option<Located<String>>,
    /// A file of `export --format json` of an earlier release, relative
    /// to the project: the site's "Changes since" pages compare with it.
    pub changes_since: Option<Located<String>>,
    /// The style of every page, where a module says nothing else.
    pub style: PageStyle,
    /// Groups of words that mean the same, for search, by locale tag or
    /// language (`zh`); they add to errdoc's own (`data/synonyms.tsv`).
    pub synonyms: std::collections::BTreeMap<String, Vec<Vec<Located<String>>>>,
}

/// A document that codes cite.
#[derive(Debug)]
pub struct Reference {
    /// Id codes use to cite it.
    pub id: Located<String>,
    /// Its title (a proper name, not translated).
    pub title: String,
    /// Where it is.
    pub url: Located<String>,
}

/// A table of values a family expands, such as Linux errno.
#[derive(Debug)]
pub struct Table {
    /// The table's id (`errno`); translations are `<id>-<NAME>`.
    pub id: Located<String>,
    /// Its rows, in catalog order.
    pub entries: Vec<TableEntry>,
    /// The first row of each name (`entries` index): a family of 100,000
    /// members looks up every member's row.
    by_name: HashMap<String, usize>,
}

/// One row of a table.
#[derive(Debug)]
pub struct TableEntry {
    /// The number (errno 110).
    pub value: Located<u32>,
    /// Its symbolic name (`ETIMEDOUT`).
    pub name: Located<String>,
    /// Other names of the same value (`EWOULDBLOCK` for `EAGAIN`).
    pub aliases: Vec<Located<String>>,
    /// Its English message (`Connection timed out`).
    pub message: Located<String>,
}

impl Table {
    /// A table of `entries`.
    fn new(id: Located<String>, entries: Vec<TableEntry>) -> Table {
        let mut by_name = HashMap::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            by_name.entry(e.name.value.clone()).or_insert(i);
        }
        Table {
            id,
            entries,
            by_name,
        }
    }

    /// The Fluent id of an entry's translated message (`errno-ETIMEDOUT`).
    pub fn message_id(&self, entry: &TableEntry) -> String {
        MessageId::TableEntry {
            table: &self.id.value,
            name: &entry.name.value,
        }
        .to_string()
    }

    /// The first row named `name` (not an alias).
    pub fn entry(&self, name: &str) -> Option<&TableEntry> {
        self.by_name.get(name).and_then(|&i| self.entries.get(i))
    }
}

/// A module: one page of codes.
#[derive(Debug)]
pub struct Module {
    /// Stable id (`socket`); its messages are `module-<id>`.
    pub id: Located<String>,
    /// Output page name without extension (`errorcode-net-socket`).
    pub page: Located<String>,
    /// The number space its codes live in. Modules of different spaces may
    /// own overlapping ranges (WebSocket close codes 0–4999 and API error
    /// 200); code numbers stay unique across the catalog all the same.
    pub namespace: String,
    /// The page's metadata block: (label, value) in house-style order.
    pub metadata: Vec<(&'static str, Located<String>)>,
    /// The code ranges this module owns.
    pub owns: Vec<CodeRange>,
    /// Ranges of codes that are not single codes (close codes 4000–4999).
    pub ranges: Vec<NamedRange>,
    /// Families declared here.
    pub families: Vec<Family>,
    /// Every code defined here: explicit entries in catalog order, then
    /// generated family members in family and value order.
    pub codes: Vec<CodeEntry>,
    /// Codes defined by other modules that this page documents too.
    pub listings: Vec<Listing>,
    /// Headings of the page that are not codes.
    pub headings: Vec<Heading>,
    /// The page's sections in catalog order: explicit codes, listings and
    /// headings.
    pub order: Vec<PageItem>,
    /// The level of its code headings (2 for `##`).
    pub code_level: Located<u8>,
    /// How its Markdown page looks.
    pub style: PageStyle,
}

/// A heading of a page that is not a code (`## Basic File IO Error
/// Codes`), with the text under it: `heading-<module>-<id>` and its
/// `.text`.
#[derive(Debug, Clone)]
pub struct Heading {
    /// Its id, unique in the module.
    pub id: Located<String>,
    /// Its level (2 for `##`).
    pub level: Located<u8>,
}

impl Heading {
    /// The Fluent id of its texts (`heading-file-basic-io`).
    pub fn message_id(&self, module: &str) -> String {
        MessageId::Heading {
            module,
            heading: &self.id.value,
        }
        .to_string()
    }
}

/// A code of another module, listed on this module's page too (`also:`).
#[derive(Debug, Clone)]
pub struct Listing {
    /// The code listed, where it was written.
    pub code: Located<CodeNumber>,
    /// The marker its section is wrapped in on this page (`Del`).
    pub marker: Option<Located<String>>,
    /// What this page shows as the Error Message, by locale, where it
    /// differs from the code's `message`.
    pub message_drift: Vec<(String, Located<String>)>,
}

/// One section of a module's page, in page order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageItem {
    /// `codes[i]`, defined here.
    Code(usize),
    /// `listings[i]`, defined elsewhere.
    Listing(usize),
    /// `headings[i]`.
    Heading(usize),
}

/// An inclusive range of code numbers.
#[derive(Clone, Copy, Debug)]
pub struct CodeRange {
    /// First code.
    pub from: CodeNumber,
    /// Last code.
    pub to: CodeNumber,
    /// Where it was written.
    pub span: Span,
}

impl CodeRange {
    /// Whether `code` is inside.
    pub fn contains(&self, code: CodeNumber) -> bool {
        self.from <= code && code <= self.to
    }
}

/// A range of codes with a meaning of its own.
#[derive(Debug)]
pub struct NamedRange {
    /// Id; its messages are `range-<id>`.
    pub id: Located<String>,
    /// The codes.
    pub range: CodeRange,
    /// Ids of references.
    pub references: Vec<Located<String>>,
}

/// A family: `base + value` for every value of a table.
#[derive(Debug)]
pub struct Family {
    /// Id; its messages are `family-<id>`.
    pub id: Located<String>,
    /// The base number (2301000).
    pub base: Located<CodeNumber>,
    /// The table expanded.
    pub table: Located<String>,
    /// Constant-name pattern with `{name}` (`SOCKET_{name}`).
    pub name_pattern: Located<String>,
    /// Ids of references every member cites.
    pub references: Vec<Located<String>>,
    /// Every code the family defines, overridden or generated.
    pub members: Vec<CodeNumber>,
    /// The release that changed its members.
    pub changed: Option<Located<String>>,
}

/// Which family a code belongs to, and as which table value.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Membership {
    /// The family's id.
    pub family: String,
    /// The table's id.
    pub table: String,
    /// The entry's name (`ETIMEDOUT`).
    pub name: String,
    /// The entry's value (110).
    pub value: u32,
}

/// Where a code came from.
#[derive(Clone, Debug)]
pub enum Origin {
    /// Written in the catalog.
    Explicit {
        /// Where its `code:` is.
        span: Span,
    },
    /// Generated by a family.
    Generated {
        /// Where the family's `base:` is.
        span: Span,
    },
}

/// One error code.
#[derive(Clone, Debug)]
pub struct CodeEntry {
    /// Its number.
    pub code: CodeNumber,
    /// Stable constant-style name (`ABNORMAL_CLOSURE`).
    pub name: Located<String>,
    /// The literal message the API returns; English, never translated.
    pub message: Option<Located<String>>,
    /// Ids of cited references.
    pub references: Vec<Located<String>>,
    /// Related codes.
    pub related: Vec<Located<CodeNumber>>,
    /// Flags.
    pub flags: Vec<Located<Flag>>,
    /// First version with the code.
    pub since: Option<Located<String>>,
    /// Version that deprecated it.
    pub deprecated: Option<Located<String>>,
    /// Version that removed it (the code is kept, documented as gone).
    pub removed: Option<Located<String>>,
    /// Its constant's name in an earlier release.
    pub renamed_from: Option<Located<String>>,
    /// Version whose literal message differs from the earlier one's.
    pub message_changed: Option<Located<String>>,
    /// A marker the Markdown section is wrapped in (`Del`: `<!--Del-->` …
    /// `<!--DelEnd-->`), as documentation pipelines use to drop sections.
    pub marker: Option<Located<String>>,
    /// What a page in a locale shows as the Error Message where it differs
    /// from `message` (drift between the languages): (locale, text).
    pub message_drift: Vec<(String, Located<String>)>,
    /// The family it belongs to, if any.
    pub member: Option<Membership>,
    /// Where it came from.
    pub origin: Origin,
}

impl CodeEntry {
    /// The Fluent id of an explicit code's texts (`code-2303210`).
    pub fn message_id(&self) -> String {
        MessageId::Code(self.code).to_string()
    }

    /// Whether it was generated by a family.
    pub fn is_generated(&self) -> bool {
        matches!(self.origin, Origin::Generated { .. })
    }

    /// Where to point diagnostics about the code.
    pub fn span(&self) -> Span {
        match self.origin {
            Origin::Explicit { span } | Origin::Generated { span } => span,
        }
    }
}

impl Catalog {
    /// Where the name of every table entry is, by its message id (the
    /// first of two that share one).
    pub(crate) fn table_entry_spans(&self) -> HashMap<String, Span> {
        let mut spans = HashMap::new();
        for t in &self.tables {
            for e in &t.entries {
                spans.entry(t.message_id(e)).or_insert(e.name.span);
            }
        }
        spans
    }

    /// Reads and expands `catalog/codes.yaml` under `root`.
    ///
    /// Returns `Ok(None)` when the file cannot be understood at all (the
    /// reason is in `diags`); I/O failures other than a missing file are
    /// errors naming the path.
    pub fn load(root: &Path, diags: &mut Diagnostics) -> anyhow::Result<Option<Catalog>> {
        let text = match read_utf8(root, Path::new(CATALOG_PATH), diags) {
            Ok(Some(text)) => text,
            Ok(None) => return Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                diags.push(Diagnostic::new(Kind::CatalogMissing).at_path(CATALOG_PATH));
                return Ok(None);
            }
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("cannot read {}", root.join(CATALOG_PATH).display()));
            }
        };
        let file = SourceFile::new(CATALOG_PATH, text);
        Ok(Self::parse(file, diags))
    }

    /// Parses and expands catalog text already read.
    pub fn parse(file: SourceFile, diags: &mut Diagnostics) -> Option<Catalog> {
        let raw: RawCatalog = match serde_saphyr::from_str_with_options(file.text(), yaml_options())
        {
            Ok(raw) => raw,
            Err(e) => {
                diags.push(yaml_error(&file, &e));
                return None;
            }
        };
        Some(expand(raw, file, diags))
    }

    /// The module and code with number `code`.
    pub fn find(&self, code: CodeNumber) -> Option<(&Module, &CodeEntry)> {
        let &(m, c) = self.code_index.get(&code)?;
        let module = self.modules.get(m)?;
        Some((module, module.codes.get(c)?))
    }

    /// The table with id `id`.
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.id.value == id)
    }

    /// The reference with id `id`.
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.reference_index
            .get(id)
            .and_then(|&i| self.references.get(i))
    }

    /// The locale the others translate (`site.source_locale`, default
    /// [`DEFAULT_SOURCE_LOCALE`]).
    pub fn source_locale(&self) -> &str {
        self.site
            .source_locale
            .as_ref()
            .map_or(DEFAULT_SOURCE_LOCALE, |l| l.value.as_str())
    }

    /// How many codes, generated ones included.
    pub fn code_count(&self) -> usize {
        self.modules.iter().map(|m| m.codes.len()).sum()
    }
}

/// "a, b, c" or "(none)".
pub(crate) fn list_or_none(items: &[&str]) -> String {
    if items.is_empty() {
        "(none)".to_string()
    } else {
        items.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> (Option<Catalog>, Diagnostics) {
        let mut diags = Diagnostics::new();
        let catalog = Catalog::parse(SourceFile::new(CATALOG_PATH, yaml.to_string()), &mut diags);
        (catalog, diags)
    }

    const FAMILY: &str = "\
tables:
  - id: errno
    entries:
      - { value: 4, name: EINTR, message: Interrupted system call }
      - { value: 111, name: ECONNREFUSED, message: Connection refused }
modules:
  - id: socket
    page: errorcode-net-socket
    owns: [{ from: 2301000, to: 2301999 }]
    families:
      - { id: socket-errno, base: 2301000, table: errno, name: \"SOCKET_{name}\" }
    codes:
      - { code: 2301004, name: SOCKET_EINTR, message: Interrupted system call. }
";

    #[test]
    fn families_expand_and_explicit_entries_override_their_twin() {
        let (catalog, diags) = parse(FAMILY);
        assert!(!diags.has_errors());
        let catalog = catalog.unwrap();
        let codes: Vec<(CodeNumber, &str, bool)> = catalog.modules[0]
            .codes
            .iter()
            .map(|c| (c.code, c.name.value.as_str(), c.is_generated()))
            .collect();
        assert_eq!(
            codes,
            [
                (2301004, "SOCKET_EINTR", false),
                (2301111, "SOCKET_ECONNREFUSED", true)
            ]
        );
        let (_, refused) = catalog.find(2301111).unwrap();
        assert_eq!(
            refused.message.as_ref().unwrap().value,
            "Connection refused"
        );
        let (_, eintr) = catalog.find(2301004).unwrap();
        assert_eq!(eintr.member.as_ref().unwrap().name, "EINTR");
        assert_eq!(
            eintr.message.as_ref().unwrap().value,
            "Interrupted system call."
        );
    }

    #[test]
    fn unknown_fields_are_located() {
        let (catalog, diags) = parse("modules:\n  - id: a\n    pgae: x\n");
        assert!(catalog.is_none());
        let shown = diags.sorted()[0].to_string();
        assert!(
            shown.starts_with("catalog/codes.yaml:3:5: error[E0103]: unknown field `pgae`"),
            "{shown}"
        );
    }

    #[test]
    fn unknown_table_is_an_error_at_the_table_name() {
        let (_, diags) = parse(&FAMILY.replace("table: errno", "table: errnos"));
        let shown = diags.sorted()[0].to_string();
        assert!(
            shown.starts_with(
                "catalog/codes.yaml:11:51: error[E0116]: family `socket-errno` expands the unknown table `errnos`"
            ),
            "{shown}"
        );
    }
}
