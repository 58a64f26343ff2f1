//! From serde's reading of `catalog/codes.yaml` to the [`Catalog`]: YAML
//! errors in a catalog author's words, located values, and the expansion
//! of modules (entries, families, ranges, styles).

use std::collections::HashMap;

use serde_saphyr::{MessageFormatter as _, Spanned};

use super::entry::{Entry, read_entry};
use super::schema::{RawCatalog, RawModule, located, located_all, span_of};
use super::{
    Catalog, CodeEntry, CodeNumber, CodeRange, DEFAULT_NAMESPACE, Family, Heading, Listing,
    Located, Membership, Module, NamedRange, Origin, PageItem, PageStyle, Reference, Site, Table,
    TableEntry, list_or_none, schema,
};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::source::{Position, SourceFile, Span, to_u32};

/// Parser limits: serde-saphyr's defaults (which stop alias bombs and deep
/// nesting) with room for catalogs of a few hundred thousand codes.
pub(crate) fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_nodes: 20_000_000,
            max_events: 50_000_000,
        },
    }
}

/// A YAML or schema error from serde-saphyr, at its position.
pub(super) fn yaml_error(file: &SourceFile, error: &serde_saphyr::Error) -> Diagnostic {
    let raw = serde_saphyr::DefaultMessageFormatter
        .format_message(error.without_snippet())
        .into_owned();
    let d = Diagnostic::new(yaml_kind(&raw));
    match error.location() {
        Some(l) => d.at(
            file,
            Span {
                start: Position {
                    line: to_u32(l.line() as usize),
                    column: to_u32(l.column() as usize),
                },
                len: 1,
            },
        ),
        None => d.at_path(file.path()),
    }
}

/// The kind of serde-saphyr's message, in a catalog author's words.
/// Advice meant for Rust programmers (`use Option<String>`,
/// `set DuplicateKeyPolicy`) is dropped.
fn yaml_kind(raw: &str) -> Kind {
    let detail = raw
        .split("; use ")
        .next()
        .unwrap_or(raw)
        .split(", set DuplicateKeyPolicy")
        .next()
        .unwrap_or(raw)
        .to_string();
    let wrong_type = |expected| Kind::WrongType {
        detail: detail.clone(),
        expected,
    };
    if detail.starts_with("unknown field") {
        Kind::UnknownField { detail }
    } else if detail.starts_with("missing field") {
        Kind::MissingField { detail }
    } else if detail.starts_with("unknown variant") {
        Kind::UnknownValue { detail }
    } else if detail.starts_with("duplicate mapping key") {
        Kind::DuplicateKey { detail }
    } else if detail.contains("u32") {
        wrong_type("table values are whole numbers from 0 to 4294967295")
    } else if detail.contains("i64") {
        wrong_type("codes are whole numbers, such as 2303210 or -1")
    } else if detail.starts_with("expected sequence") {
        wrong_type("this field takes a list: `[a, b]`, or one `- item` per line")
    } else if detail.starts_with("expected mapping") {
        wrong_type("this place takes fields (`key: value`), not a single value or a list")
    } else if detail.starts_with("expected string") {
        wrong_type("this field takes text; put it in quotes if it looks like a number or a list")
    } else if detail.starts_with("cannot deserialize null") {
        Kind::MissingValue
    } else if detail.contains("multiple") || detail.contains("document") {
        Kind::SeveralDocuments
    } else {
        Kind::YamlSyntax { detail }
    }
}

fn range(from: &Spanned<CodeNumber>, to: &Spanned<CodeNumber>) -> CodeRange {
    CodeRange {
        from: from.value,
        to: to.value,
        span: span_of(from),
    }
}

pub(super) fn expand(raw: RawCatalog, file: SourceFile, diags: &mut Diagnostics) -> Catalog {
    let site = Site {
        base_url: raw.site.base_url.as_ref().map(located),
        source_url: raw.site.source_url.as_ref().map(located),
        source_locale: raw.site.source_locale.as_ref().map(located),
        export_prefix: raw.site.export_prefix.as_ref().map(located),
        changes_since: raw.site.changes_since.as_ref().map(located),
        style: style_of(&raw.site.style, PageStyle::default()),
        synonyms: synonyms_of(&raw.site.synonyms, &file, diags),
    };
    let references: Vec<Reference> = raw
        .references
        .iter()
        .map(|r| Reference {
            id: located(&r.id),
            title: r.title.value.clone(),
            url: located(&r.url),
        })
        .collect();
    let tables: Vec<Table> = raw
        .tables
        .iter()
        .map(|t| {
            Table::new(
                located(&t.id),
                t.entries
                    .iter()
                    .map(|e| TableEntry {
                        value: located(&e.value),
                        name: located(&e.name),
                        aliases: located_all(&e.aliases),
                        message: located(&e.message),
                    })
                    .collect(),
            )
        })
        .collect();
    let modules: Vec<Module> = raw
        .modules
        .iter()
        .map(|m| expand_module(m, &tables, site.style, &file, diags))
        .collect();
    // First wins, as a scan in catalog order would find; duplicates are
    // reported by validation.
    let mut code_index = HashMap::new();
    for (m, module) in modules.iter().enumerate() {
        for (c, code) in module.codes.iter().enumerate() {
            code_index.entry(code.code).or_insert((m, c));
        }
    }
    let mut reference_index = HashMap::new();
    for (i, r) in references.iter().enumerate() {
        reference_index.entry(r.id.value.clone()).or_insert(i);
    }
    let scan = crate::catalog::Scan {
        include: located_all(&raw.scan.include),
        exclude: located_all(&raw.scan.exclude),
        patterns: located_all(&raw.scan.patterns),
    };
    Catalog {
        file,
        site,
        references,
        tables,
        modules,
        scan,
        code_index,
        reference_index,
    }
}

/// `raw` over `base`: what it states, else what `base` has.
/// `site.synonyms`: each group of two words or more (a smaller one is
/// reported and left out).
fn synonyms_of(
    raw: &std::collections::BTreeMap<String, Vec<Vec<Spanned<String>>>>,
    file: &SourceFile,
    diags: &mut Diagnostics,
) -> std::collections::BTreeMap<String, Vec<Vec<Located<String>>>> {
    raw.iter()
        .map(|(tag, groups)| {
            let groups = groups
                .iter()
                .filter(|group| {
                    let words: Vec<&str> = group
                        .iter()
                        .map(|w| w.value.trim())
                        .filter(|w| !w.is_empty())
                        .collect();
                    if words.len() >= 2 {
                        return true;
                    }
                    let diagnostic = Diagnostic::new(Kind::SynonymGroup {
                        locale: tag.clone(),
                        words: words.len(),
                    });
                    diags.push(match group.first() {
                        Some(first) => diagnostic.at(file, span_of(first)),
                        None => diagnostic.at_path(file.path()),
                    });
                    false
                })
                .map(|group| located_all(group))
                .collect();
            (tag.clone(), groups)
        })
        .collect()
}

fn style_of(raw: &schema::RawStyle, base: PageStyle) -> PageStyle {
    PageStyle {
        anchors: raw.anchors.as_ref().map_or(base.anchors, |s| s.value),
        references: raw.references.as_ref().map_or(base.references, |s| s.value),
        related: raw.related.as_ref().map_or(base.related, |s| s.value),
        family: raw.family.as_ref().map_or(base.family, |s| s.value),
    }
}

/// A module as the catalog states it, its families expanded.
fn expand_module(
    m: &RawModule,
    tables: &[Table],
    site_style: PageStyle,
    file: &SourceFile,
    diags: &mut Diagnostics,
) -> Module {
    let mut entries = read_entries(m, file, diags);
    let families = expand_families(m, tables, &mut entries.codes, file, diags);
    Module {
        id: located(&m.id),
        page: located(&m.page),
        namespace: m
            .namespace
            .as_ref()
            .map_or_else(|| DEFAULT_NAMESPACE.to_string(), |n| n.value.clone()),
        metadata: metadata_of(m),
        owns: m.owns.iter().map(|r| range(&r.from, &r.to)).collect(),
        ranges: m
            .ranges
            .iter()
            .map(|r| NamedRange {
                id: located(&r.id),
                range: range(&r.from, &r.to),
                references: located_all(&r.references),
            })
            .collect(),
        families,
        codes: entries.codes,
        listings: entries.listings,
        headings: entries.headings,
        order: entries.order,
        code_level: m.code_level.as_ref().map_or(
            Located {
                value: 2,
                span: span_of(&m.id),
            },
            located,
        ),
        style: style_of(&m.style, site_style),
    }
}

/// The page metadata a module states, in the house style's order.
fn metadata_of(m: &RawModule) -> Vec<(&'static str, Located<String>)> {
    m.metadata
        .stated()
        .map(|(key, value)| (schema::metadata_label(key), located(value)))
        .collect()
}

/// A module's `codes:` entries, by kind, and the page's order of them.
#[derive(Default)]
struct Entries {
    codes: Vec<CodeEntry>,
    listings: Vec<Listing>,
    headings: Vec<Heading>,
    order: Vec<PageItem>,
}

/// Reads a module's `codes:` entries (each checked where it stands).
fn read_entries(m: &RawModule, file: &SourceFile, diags: &mut Diagnostics) -> Entries {
    let mut entries = Entries::default();
    for raw in &m.codes {
        match read_entry(raw, m, file, diags) {
            Some(Entry::Defined(code)) => {
                entries.order.push(PageItem::Code(entries.codes.len()));
                entries.codes.push(*code);
            }
            Some(Entry::Listed(listing)) => {
                entries
                    .order
                    .push(PageItem::Listing(entries.listings.len()));
                entries.listings.push(listing);
            }
            Some(Entry::Heading(heading)) => {
                entries
                    .order
                    .push(PageItem::Heading(entries.headings.len()));
                entries.headings.push(heading);
            }
            None => {}
        }
    }
    entries
}

/// Expands a module's families: each member is a code of the module (after
/// the explicit ones, `codes`), unless an explicit entry of the same number
/// overrides it and takes its membership.
fn expand_families(
    m: &RawModule,
    tables: &[Table],
    codes: &mut Vec<CodeEntry>,
    file: &SourceFile,
    diags: &mut Diagnostics,
) -> Vec<Family> {
    // First explicit entry per number; duplicates are reported by validation.
    let mut explicit: HashMap<CodeNumber, usize> = HashMap::new();
    for (i, c) in codes.iter().enumerate() {
        explicit.entry(c.code).or_insert(i);
    }
    let mut families = Vec::new();
    let mut generated = Vec::new();
    for f in &m.families {
        let mut family = Family {
            id: located(&f.id),
            base: located(&f.base),
            table: located(&f.table),
            name_pattern: located(&f.name),
            references: located_all(&f.references),
            members: Vec::new(),
            changed: f.changed.as_ref().map(located),
        };
        let Some(table) = tables.iter().find(|t| t.id.value == f.table.value) else {
            let known: Vec<&str> = tables.iter().map(|t| t.id.value.as_str()).collect();
            diags.push(
                Diagnostic::new(Kind::UnknownTable {
                    family: f.id.value.clone(),
                    table: f.table.value.clone(),
                    known: list_or_none(&known),
                })
                .at(file, span_of(&f.table)),
            );
            families.push(family);
            continue;
        };
        for entry in &table.entries {
            let Some(code) = f
                .base
                .value
                .checked_add(CodeNumber::from(entry.value.value))
            else {
                diags.push(
                    Diagnostic::new(Kind::FamilyOverflow {
                        family: f.id.value.clone(),
                        base: f.base.value,
                        value: entry.value.value,
                    })
                    .at(file, span_of(&f.base)),
                );
                continue;
            };
            family.members.push(code);
            let membership = Membership {
                family: f.id.value.clone(),
                table: table.id.value.clone(),
                name: entry.name.value.clone(),
                value: entry.value.value,
            };
            if let Some(&i) = explicit.get(&code) {
                // An explicit entry overrides its generated twin; the first
                // family to claim it wins, collisions are validation errors.
                if let Some(c) = codes.get_mut(i) {
                    c.member.get_or_insert(membership);
                }
                continue;
            }
            generated.push(member_code(f, entry, code, membership));
        }
        families.push(family);
    }
    codes.extend(generated);
    families
}

/// The code family `f` makes of a table's `entry`.
fn member_code(
    f: &schema::RawFamily,
    entry: &TableEntry,
    code: CodeNumber,
    membership: Membership,
) -> CodeEntry {
    CodeEntry {
        code,
        name: Located {
            value: f.name.value.replace("{name}", &entry.name.value),
            span: span_of(&f.name),
        },
        message: Some(entry.message.clone()),
        references: located_all(&f.references),
        related: Vec::new(),
        flags: Vec::new(),
        since: None,
        deprecated: None,
        removed: None,
        renamed_from: None,
        message_changed: None,
        marker: None,
        message_drift: Vec::new(),
        member: Some(membership),
        origin: Origin::Generated {
            span: span_of(&f.base),
        },
    }
}
