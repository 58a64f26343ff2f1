//! The catalog as plain data that can be changed and written back as YAML,
//! for `errdoc init` and `errdoc import`.
//!
//! Writing is deterministic (the same draft gives the same text), so an
//! import that changes nothing rewrites nothing. Text is written as
//! double-quoted scalars (JSON strings, which YAML reads as they are). The
//! file's leading comment block is kept, and every other comment goes with
//! the key, module, code or field it stands with ([`super::comments`]).

use std::fmt::Write as _;

use super::CodeNumber;
use super::comments::{Anchor, Comments, Item};
use super::schema::{Plain, RawCatalog, RawCode, RawModule, RawStyle};

/// A reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftReference {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// URL.
    pub url: String,
}

/// A table entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftEntry {
    /// Value.
    pub value: u32,
    /// Name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// English message.
    pub message: String,
}

/// A table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftTable {
    /// Id.
    pub id: String,
    /// Rows.
    pub entries: Vec<DraftEntry>,
}

/// A named range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRange {
    /// Id.
    pub id: String,
    /// First code.
    pub from: CodeNumber,
    /// Last code.
    pub to: CodeNumber,
    /// Reference ids.
    pub references: Vec<String>,
}

/// A family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftFamily {
    /// Id.
    pub id: String,
    /// Base.
    pub base: CodeNumber,
    /// Table id.
    pub table: String,
    /// Name pattern.
    pub name: String,
    /// Reference ids.
    pub references: Vec<String>,
    /// The release that changed its members.
    pub changed: Option<String>,
}

/// An entry of a module's `codes:`: a code defined there, or (`listed`) a
/// code of another module listed on its page too (`also:`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DraftCode {
    /// Number.
    pub code: CodeNumber,
    /// Whether it is a listing (`also:`): then only `marker` and
    /// `message_drift` are written.
    pub listed: bool,
    /// Constant name.
    pub name: String,
    /// Literal message.
    pub message: Option<String>,
    /// Reference ids.
    pub references: Vec<String>,
    /// Related codes.
    pub related: Vec<CodeNumber>,
    /// Flags (`never-sent`).
    pub flags: Vec<String>,
    /// Since.
    pub since: Option<String>,
    /// Deprecated.
    pub deprecated: Option<String>,
    /// Removed (a tombstone).
    pub removed: Option<String>,
    /// Its constant's earlier name.
    pub renamed_from: Option<String>,
    /// The release whose message changed.
    pub message_changed: Option<String>,
    /// Section marker (`Del`).
    pub marker: Option<String>,
    /// What the page of a locale shows as the Error Message where it
    /// differs from `message`: (locale, text), sorted by locale.
    pub message_drift: Vec<(String, String)>,
}

/// `scan:` as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DraftScan {
    /// Globs of the files to read.
    pub include: Vec<String>,
    /// Globs of the files to leave out.
    pub exclude: Vec<String>,
    /// Regular expressions whose group 1 names a code.
    pub patterns: Vec<String>,
}

/// A `style:` as written: what it states.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DraftStyle {
    /// `anchors`.
    pub anchors: Option<bool>,
    /// `references`.
    pub references: Option<bool>,
    /// `related`.
    pub related: Option<bool>,
    /// `family` (`rule` or `table`).
    pub family: Option<super::FamilyStyle>,
}

impl DraftStyle {
    fn of(raw: RawStyle<Plain>) -> Self {
        DraftStyle {
            anchors: raw.anchors,
            references: raw.references,
            related: raw.related,
            family: raw.family,
        }
    }

    /// Whether it states nothing.
    pub fn is_empty(&self) -> bool {
        *self == DraftStyle::default()
    }

    /// `{ anchors: true, family: table }`.
    fn inline(&self) -> String {
        let mut parts = Vec::new();
        for (key, value) in [
            ("anchors", self.anchors),
            ("references", self.references),
            ("related", self.related),
        ] {
            if let Some(v) = value {
                parts.push(format!("{key}: {v}"));
            }
        }
        if let Some(family) = self.family {
            let name = match family {
                super::FamilyStyle::Rule => "rule",
                super::FamilyStyle::Table => "table",
            };
            parts.push(format!("family: {name}"));
        }
        format!("{{ {} }}", parts.join(", "))
    }
}

/// A heading of a page that is not a code.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DraftHeading {
    /// Id in the module.
    pub id: String,
    /// Level, when not 2.
    pub level: Option<u8>,
}

/// An entry of a module's `codes:` (the page's sections in order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftItem {
    /// A code defined here, or listed here (`also:`).
    Code(Box<DraftCode>),
    /// A heading that is not a code.
    Heading(DraftHeading),
}

impl DraftItem {
    /// The code entry, if it is one.
    pub fn code(&self) -> Option<&DraftCode> {
        match self {
            DraftItem::Code(c) => Some(c),
            DraftItem::Heading(_) => None,
        }
    }
}

/// A module.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DraftModule {
    /// Id.
    pub id: String,
    /// Page.
    pub page: String,
    /// Number space.
    pub namespace: Option<String>,
    /// Level of the code headings, when not 2.
    pub code_level: Option<u8>,
    /// The page's style, where it states one.
    pub style: DraftStyle,
    /// Metadata: (field, value), field in lowercase (`kit`).
    pub metadata: Vec<(String, String)>,
    /// Owned ranges.
    pub owns: Vec<(CodeNumber, CodeNumber)>,
    /// Named ranges.
    pub ranges: Vec<DraftRange>,
    /// Families.
    pub families: Vec<DraftFamily>,
    /// The page's sections in order: codes, listings, headings.
    pub codes: Vec<DraftItem>,
}

/// The whole catalog.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    /// The leading comment block, as written.
    pub header: String,
    /// `site.base_url`.
    pub base_url: Option<String>,
    /// `site.source_url`.
    pub source_url: Option<String>,
    /// `site.source_locale`.
    pub source_locale: Option<String>,
    /// `site.export_prefix`.
    pub export_prefix: Option<String>,
    /// `site.changes_since`.
    pub changes_since: Option<String>,
    /// `site.style`.
    pub style: DraftStyle,
    /// `site.synonyms`.
    pub synonyms: std::collections::BTreeMap<String, Vec<Vec<String>>>,
    /// References.
    pub references: Vec<DraftReference>,
    /// Tables.
    pub tables: Vec<DraftTable>,
    /// Modules.
    pub modules: Vec<DraftModule>,
    /// `scan:`: globs and patterns of `errdoc scan`.
    pub scan: DraftScan,
    /// The comments past the leading block.
    pub comments: Comments,
}

pub(crate) use super::schema::METADATA_FIELDS;

impl DraftModule {
    /// A module as the catalog states it.
    fn of(m: RawModule<Plain>) -> DraftModule {
        DraftModule {
            metadata: m
                .metadata
                .stated()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
            id: m.id,
            page: m.page,
            namespace: m.namespace,
            owns: m.owns.into_iter().map(|r| (r.from, r.to)).collect(),
            ranges: m
                .ranges
                .into_iter()
                .map(|r| DraftRange {
                    id: r.id,
                    from: r.from,
                    to: r.to,
                    references: r.references,
                })
                .collect(),
            families: m
                .families
                .into_iter()
                .map(|f| DraftFamily {
                    id: f.id,
                    base: f.base,
                    table: f.table,
                    name: f.name,
                    references: f.references,
                    changed: f.changed,
                })
                .collect(),
            code_level: m.code_level,
            style: DraftStyle::of(m.style),
            codes: m.codes.into_iter().map(DraftItem::of).collect(),
        }
    }
}

impl DraftItem {
    /// An entry of `codes:` as the catalog states it.
    fn of(c: RawCode<Plain>) -> DraftItem {
        match c.heading {
            Some(id) => DraftItem::Heading(DraftHeading { id, level: c.level }),
            None => DraftItem::Code(Box::new(DraftCode {
                code: c.code.or(c.also).unwrap_or(0),
                listed: c.code.is_none() && c.also.is_some(),
                name: c.name.unwrap_or_default(),
                message: c.message,
                references: c.references,
                related: c.related,
                flags: c
                    .flags
                    .iter()
                    .map(|f| f.message_id().trim_start_matches("flag-").to_string())
                    .collect(),
                since: c.since,
                deprecated: c.deprecated,
                removed: c.removed,
                renamed_from: c.renamed_from,
                message_changed: c.message_changed,
                marker: c.marker,
                message_drift: c.message_drift.into_iter().collect(),
            })),
        }
    }
}

impl Draft {
    /// Reads catalog text; `Err` with serde-saphyr's message if it does not parse.
    pub fn parse(text: &str) -> Result<Draft, String> {
        let raw: RawCatalog = serde_saphyr::from_str_with_options(text, super::yaml_options())
            .map_err(|e| e.to_string())?;
        // YAML breaks lines at CR too; so does the header kept here.
        let lines = text.replace("\r\n", "\n").replace('\r', "\n");
        // The leading comments and blank lines, but for the comments right
        // above the first key, which are that key's.
        let leading: Vec<&str> = lines
            .lines()
            .take_while(|l| l.starts_with('#') || l.trim().is_empty())
            .collect();
        let header_lines = if leading.len() == lines.lines().count() {
            leading.len()
        } else {
            leading
                .iter()
                .rposition(|l| l.trim().is_empty())
                .map_or(0, |blank| blank + 1)
        };
        let header: String = lines
            .lines()
            .take(header_lines)
            .map(|l| format!("{l}\n"))
            .collect();
        let comments = Comments::read(&lines, header_lines, &anchors(&raw));
        // The values, read once more without their places: the same schema.
        let plain: RawCatalog<Plain> =
            serde_saphyr::from_str_with_options(text, super::yaml_options())
                .map_err(|e| e.to_string())?;
        Ok(Draft {
            comments,
            header: header.trim_end().to_string(),
            base_url: plain.site.base_url,
            source_url: plain.site.source_url,
            source_locale: plain.site.source_locale,
            export_prefix: plain.site.export_prefix,
            changes_since: plain.site.changes_since,
            style: DraftStyle::of(plain.site.style),
            synonyms: plain.site.synonyms,
            references: plain
                .references
                .into_iter()
                .map(|r| DraftReference {
                    id: r.id,
                    title: r.title,
                    url: r.url,
                })
                .collect(),
            tables: plain
                .tables
                .into_iter()
                .map(|t| DraftTable {
                    id: t.id,
                    entries: t
                        .entries
                        .into_iter()
                        .map(|e| DraftEntry {
                            value: e.value,
                            name: e.name,
                            aliases: e.aliases,
                            message: e.message,
                        })
                        .collect(),
                })
                .collect(),
            modules: plain.modules.into_iter().map(DraftModule::of).collect(),
            scan: DraftScan {
                include: plain.scan.include,
                exclude: plain.scan.exclude,
                patterns: plain.scan.patterns,
            },
        })
    }

    /// `scan:`, if it says anything.
    fn scan_yaml(&self, out: &mut String) {
        let scan = &self.scan;
        if scan.include.is_empty() && scan.exclude.is_empty() && scan.patterns.is_empty() {
            return;
        }
        out.push_str("scan:\n");
        for (key, values) in [
            ("include", &scan.include),
            ("exclude", &scan.exclude),
            ("patterns", &scan.patterns),
        ] {
            if !values.is_empty() {
                let _ = writeln!(out, "  {key}:");
                for v in values {
                    let _ = writeln!(out, "    - {}", quote(v));
                }
            }
        }
        out.push('\n');
    }

    /// `site:`, if it says anything.
    fn site_yaml(&self, out: &mut String) {
        if self.base_url.is_some()
            || self.source_url.is_some()
            || self.source_locale.is_some()
            || self.export_prefix.is_some()
            || self.changes_since.is_some()
            || !self.style.is_empty()
            || !self.synonyms.is_empty()
        {
            out.push_str("site:\n");
            if let Some(url) = &self.base_url {
                let _ = writeln!(out, "  base_url: {}", quote(url));
            }
            if let Some(url) = &self.source_url {
                let _ = writeln!(out, "  source_url: {}", quote(url));
            }
            if let Some(locale) = &self.source_locale {
                let _ = writeln!(out, "  source_locale: {}", quote(locale));
            }
            if let Some(prefix) = &self.export_prefix {
                let _ = writeln!(out, "  export_prefix: {}", quote(prefix));
            }
            if let Some(file) = &self.changes_since {
                let _ = writeln!(out, "  changes_since: {}", quote(file));
            }
            if !self.style.is_empty() {
                let _ = writeln!(out, "  style: {}", self.style.inline());
            }
            if !self.synonyms.is_empty() {
                out.push_str("  synonyms:\n");
                for (tag, groups) in &self.synonyms {
                    let groups: Vec<String> = groups.iter().map(|g| list(g)).collect();
                    let _ = writeln!(out, "    {}: [{}]", quote(tag), groups.join(", "));
                }
            }
            out.push('\n');
        }
    }

    /// The catalog as YAML, with its comments where they stood.
    pub fn to_yaml(&self) -> String {
        let mut out = String::new();
        if !self.header.is_empty() {
            out.push_str(&self.header);
            out.push_str("\n\n");
        }
        let comments = &self.comments;
        out.push_str(&comments.top("site"));
        self.site_yaml(&mut out);
        out.push_str(&comments.top("references"));
        if !self.references.is_empty() {
            out.push_str("references:\n");
            for r in &self.references {
                let _ = writeln!(
                    out,
                    "  - {{ id: {}, title: {}, url: {} }}",
                    quote(&r.id),
                    quote(&r.title),
                    quote(&r.url)
                );
            }
            out.push('\n');
        }
        out.push_str(&comments.top("tables"));
        if !self.tables.is_empty() {
            out.push_str("tables:\n");
            for t in &self.tables {
                if t.entries.is_empty() {
                    let _ = writeln!(out, "  - id: {}\n    entries: []", quote(&t.id));
                    continue;
                }
                let _ = writeln!(out, "  - id: {}\n    entries:", quote(&t.id));
                for e in &t.entries {
                    let aliases = if e.aliases.is_empty() {
                        String::new()
                    } else {
                        format!(", aliases: {}", list(&e.aliases))
                    };
                    let _ = writeln!(
                        out,
                        "      - {{ value: {}, name: {}{aliases}, message: {} }}",
                        e.value,
                        quote(&e.name),
                        quote(&e.message)
                    );
                }
            }
            out.push('\n');
        }
        out.push_str(&comments.top("scan"));
        self.scan_yaml(&mut out);
        out.push_str(&comments.top("modules"));
        if self.modules.is_empty() {
            out.push_str("modules: []\n");
        } else {
            out.push_str("modules:\n");
            for (i, m) in self.modules.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                write_module(&mut out, m, comments);
            }
        }
        out.push_str(&comments.top(""));
        out
    }
}

/// One module of `modules:`, with its comments.
fn write_module(target: &mut String, m: &DraftModule, comments: &Comments) {
    let item = Item::Module(m.id.clone());
    // The fields first: the first line carries the comments of fields
    // that are not written.
    let out = &mut String::new();
    let mut fields: Vec<&str> = Vec::new();
    let mut field = |out: &mut String, key: &'static str, text: String| {
        fields.push(key);
        comments.field(out, &item, key, &text);
    };
    field(out, "page", format!("    page: {}", quote(&m.page)));
    if let Some(ns) = &m.namespace {
        field(out, "namespace", format!("    namespace: {}", quote(ns)));
    }
    if let Some(level) = m.code_level {
        field(out, "code_level", format!("    code_level: {level}"));
    }
    if !m.style.is_empty() {
        field(out, "style", format!("    style: {}", m.style.inline()));
    }
    if !m.metadata.is_empty() {
        field(out, "metadata", "    metadata:".to_string());
        for (k, v) in &m.metadata {
            let _ = writeln!(out, "      {k}: {}", quote(v));
        }
    }
    if !m.owns.is_empty() {
        field(out, "owns", "    owns:".to_string());
    }
    for (from, to) in &m.owns {
        let _ = writeln!(out, "      - {{ from: {from}, to: {to} }}");
    }
    if !m.ranges.is_empty() {
        field(out, "ranges", "    ranges:".to_string());
        for r in &m.ranges {
            let _ = writeln!(
                out,
                "      - {{ id: {}, from: {}, to: {}, references: {} }}",
                quote(&r.id),
                r.from,
                r.to,
                list(&r.references)
            );
        }
    }
    if !m.families.is_empty() {
        field(out, "families", "    families:".to_string());
        for f in &m.families {
            let changed = f
                .changed
                .as_ref()
                .map(|c| format!(", changed: {}", quote(c)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "      - {{ id: {}, base: {}, table: {}, name: {}, references: {}{changed} }}",
                quote(&f.id),
                f.base,
                quote(&f.table),
                quote(&f.name),
                list(&f.references)
            );
        }
    }
    if !m.codes.is_empty() {
        field(out, "codes", "    codes:".to_string());
    }
    let first = format!("  - id: {}", quote(&m.id));
    comments.first_line(target, &item, &first, &fields);
    target.push_str(out);
    for entry in &m.codes {
        write_entry(target, &m.id, entry, comments);
    }
}

/// One entry of a module's `codes:` (a code, a listing or a heading),
/// with its comments.
fn write_entry(target: &mut String, module: &str, entry: &DraftItem, comments: &Comments) {
    let item = entry_item(module, entry);
    let out = &mut String::new();
    let mut fields: Vec<&str> = Vec::new();
    let mut field = |out: &mut String, key: &'static str, text: String| {
        fields.push(key);
        comments.field(out, &item, key, &text);
    };
    let first = match entry {
        DraftItem::Heading(h) => {
            if let Some(level) = h.level {
                field(out, "level", format!("        level: {level}"));
            }
            format!("      - heading: {}", quote(&h.id))
        }
        DraftItem::Code(c) if c.listed => {
            write_page_fields(out, c, &mut field);
            format!("      - also: {}", c.code)
        }
        DraftItem::Code(c) => {
            field(out, "name", format!("        name: {}", quote(&c.name)));
            if let Some(message) = &c.message {
                field(
                    out,
                    "message",
                    format!("        message: {}", quote(message)),
                );
            }
            if !c.references.is_empty() {
                field(
                    out,
                    "references",
                    format!("        references: {}", list(&c.references)),
                );
            }
            if !c.related.is_empty() {
                let related: Vec<String> = c.related.iter().map(CodeNumber::to_string).collect();
                field(
                    out,
                    "related",
                    format!("        related: [{}]", related.join(", ")),
                );
            }
            if !c.flags.is_empty() {
                field(
                    out,
                    "flags",
                    format!("        flags: [{}]", c.flags.join(", ")),
                );
            }
            if let Some(v) = &c.since {
                field(out, "since", format!("        since: {}", quote(v)));
            }
            let releases = [
                ("deprecated", &c.deprecated),
                ("removed", &c.removed),
                ("renamed_from", &c.renamed_from),
                ("message_changed", &c.message_changed),
            ];
            for (key, value) in releases {
                if let Some(v) = value {
                    field(out, key, format!("        {key}: {}", quote(v)));
                }
            }
            write_page_fields(out, c, &mut field);
            format!("      - code: {}", c.code)
        }
    };
    comments.first_line(target, &item, &first, &fields);
    target.push_str(out);
}

/// The item of the comments an entry of a module's `codes` has.
fn entry_item(module: &str, item: &DraftItem) -> Item {
    let key = match item {
        DraftItem::Heading(h) => format!("heading {}", h.id),
        DraftItem::Code(c) if c.listed => format!("also {}", c.code),
        DraftItem::Code(c) => format!("code {}", c.code),
    };
    Item::Entry(module.to_string(), key)
}

/// Where the modules and the entries of their `codes` start in the file:
/// the first line any of their keys is on.
fn anchors(raw: &RawCatalog) -> Vec<Anchor> {
    let line = |l: serde_saphyr::Location| l.line() as usize;
    let mut anchors = Vec::new();
    for m in &raw.modules {
        anchors.push(Anchor {
            item: Item::Module(m.id.value.clone()),
            line: line(m.id.referenced).min(line(m.page.referenced)),
        });
        for c in &m.codes {
            let (key, at) = match (&c.heading, &c.code, &c.also) {
                (Some(h), _, _) => (format!("heading {}", h.value), h.referenced),
                (None, Some(n), _) => (format!("code {}", n.value), n.referenced),
                (None, None, Some(n)) => (format!("also {}", n.value), n.referenced),
                (None, None, None) => continue,
            };
            // Its earliest key: an entry need not start with `code:`.
            let scalars = [
                &c.name,
                &c.message,
                &c.since,
                &c.deprecated,
                &c.removed,
                &c.renamed_from,
                &c.message_changed,
                &c.marker,
            ];
            let first = scalars
                .into_iter()
                .flatten()
                .map(|s| line(s.referenced))
                .chain(c.level.as_ref().map(|l| line(l.referenced)))
                .fold(line(at), usize::min);
            anchors.push(Anchor {
                item: Item::Entry(m.id.value.clone(), key),
                line: first,
            });
        }
    }
    anchors
}

/// The fields of an entry that are about its page rather than the code:
/// `marker` and `message_drift`.
fn write_page_fields(
    out: &mut String,
    c: &DraftCode,
    field: &mut impl FnMut(&mut String, &'static str, String),
) {
    if let Some(marker) = &c.marker {
        field(out, "marker", format!("        marker: {}", quote(marker)));
    }
    if !c.message_drift.is_empty() {
        field(out, "message_drift", "        message_drift:".to_string());
        for (locale, text) in &c.message_drift {
            let _ = writeln!(out, "          {}: {}", quote(locale), quote(text));
        }
    }
}

/// A double-quoted YAML scalar (a JSON string), with every character YAML
/// may not hold as it is (DEL, C1 controls but NEL, U+FEFF, U+FFFE,
/// U+FFFF) written as `\uXXXX`.
fn quote(text: &str) -> String {
    let json = serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string());
    let printable = |c: char| !matches!(c, '\u{7f}'..='\u{84}' | '\u{86}'..='\u{9f}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}');
    if json.chars().all(printable) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if printable(c) {
            out.push(c);
        } else {
            let _ = write!(out, "\\u{:04X}", u32::from(c));
        }
    }
    out
}

fn list(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|i| quote(i))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

#[cfg(test)]
mod tests;
