//! Stage 3: every rule that spans the catalog and the locales, checked in
//! one pass so a run reports all problems at once.
//!
//! Catalog rules (here): well-formed ids and names, duplicates, codes inside
//! their module's ranges, family collisions, known references and related
//! codes; names the exports can use ([`names`]). Locale rules
//! ([`locales`]): the checks of Mozilla's compare-locales and fluent
//! linter, for every locale against English.

mod glossary;
mod locales;
mod names;

pub(crate) use names::c_library_header;
mod pages;
mod states;

use std::collections::HashMap;

use crate::catalog::RESERVED_TABLE_IDS;
use crate::catalog::{
    Catalog, CodeEntry, CodeNumber, Located, Module, is_constant_name, list_or_none,
};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::locales::Locales;
use crate::source::Span;

/// Runs every check, adding problems to `diags`.
pub(crate) fn validate(
    catalog: &Catalog,
    locales: &Locales,
    locks: &std::collections::BTreeMap<String, crate::l10n::lock::SourcesLock>,
    units: &[crate::l10n::Unit],
    diags: &mut Diagnostics,
) {
    // The catalog's checks and the translations' are independent: each on
    // its own core, reported in the same order as one after the other.
    let (of_catalog, of_locales) = rayon::join(
        || {
            let mut found = Diagnostics::new();
            let mut v = Validator {
                catalog,
                locales,
                diags: &mut found,
            };
            v.site();
            v.references();
            v.tables();
            v.modules();
            v.codes();
            v.families();
            v.ranges();
            v.citations();
            v.export_names();
            found
        },
        || {
            let mut found = Diagnostics::new();
            locales::check(catalog, locales, locks, units, &mut found);
            found
        },
    );
    diags.extend(of_catalog);
    diags.extend(of_locales);
}

struct Validator<'a> {
    catalog: &'a Catalog,
    locales: &'a Locales,
    diags: &'a mut Diagnostics,
}

/// An absolute http(s) URL of a folder: `https://host/path/`.
pub(crate) fn is_base_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.starts_with('/') && r.len() > 1)
        && url.ends_with('/')
        && !url.contains(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
}

/// An absolute http(s) URL with `{path}` in it: where a project file is
/// shown in its repository (`site.source_url`).
pub(crate) fn is_source_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.starts_with(['/', '{']) && r.contains("{path}"))
        && !url.contains(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
}

/// Whether `text` can stand in `<!--Key: text-->` as written: on one line,
/// and neither ending the comment early (`-->`, `--!>`) nor opening another
/// (`<!--`), nor ending in `<!-` (which the closing `-->` would turn into
/// `<!--->`).
/// `--` alone is fine: browsers and Markdown hosts accept it.
fn fits_in_comment(text: &str) -> bool {
    !text.contains(['\n', '\r'])
        && !text.contains("-->")
        && !text.contains("--!>")
        && !text.contains("<!--")
        && !text.ends_with("<!-")
}

/// The pages errdoc makes in each locale's folder beside the module pages
/// ([`crate::site::INDEX`], [`crate::site::STATUS`],
/// [`crate::site::CHANGES`]): no module's page may take their names.
const RESERVED_PAGES: [&str; 3] = ["index", "status", "changes"];

/// A file name without folders or extension: letters, digits, `_`, `-`.
fn is_page_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl Validator<'_> {
    /// A module's page: a plain file name, and none errdoc makes itself.
    fn page_name(&mut self, module: &Module) {
        let page = module.page.value.clone();
        if !is_page_name(&page) {
            self.report(module.page.span, Kind::BadPageName { page });
        } else if RESERVED_PAGES.contains(&page.to_ascii_lowercase().as_str()) {
            self.report(module.page.span, Kind::ReservedPageName { page });
        }
    }

    /// Reports `kind` at `span` of the catalog.
    fn report(&mut self, span: Span, kind: Kind) {
        self.diags
            .push(Diagnostic::new(kind).at(&self.catalog.file, span));
    }

    /// Reports `kind` at `span` of the catalog, naming `first` as the first
    /// place (a duplicate's first definition).
    fn report_twice(&mut self, span: Span, first: Span, kind: Kind) {
        let file = &self.catalog.file;
        self.diags
            .push(Diagnostic::new(kind).at(file, span).first_at(file, first));
    }

    /// Reports every value of `items` seen before, pointing at the repeat.
    fn unique<'v>(&mut self, what: &str, items: impl IntoIterator<Item = (&'v str, Span)>) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for (value, span) in items {
            if let Some(first) = seen.get(value).copied() {
                let kind = Kind::DuplicateId {
                    what: what.to_string(),
                    value: value.to_string(),
                };
                self.report_twice(span, first, kind);
            } else {
                seen.insert(value, span);
            }
        }
    }

    fn kebab(&mut self, what: &'static str, id: &Located<String>) {
        if !crate::catalog::is_id(&id.value) {
            let id_text = id.value.clone();
            self.report(id.span, Kind::NotAnId { what, id: id_text });
        }
    }

    fn site(&mut self) {
        let site = &self.catalog.site;
        if let Some(url) = &site.base_url
            && !is_base_url(&url.value)
        {
            self.report(
                url.span,
                Kind::BadBaseUrl {
                    url: url.value.clone(),
                },
            );
        }
        if let Some(url) = &site.source_url
            && !is_source_url(&url.value)
        {
            self.report(
                url.span,
                Kind::BadSourceUrl {
                    url: url.value.clone(),
                },
            );
        }
        if let Some(prefix) = &site.export_prefix
            && !crate::export::is_prefix(&prefix.value)
        {
            self.report(
                prefix.span,
                Kind::BadExportPrefix {
                    prefix: prefix.value.clone(),
                },
            );
        }
    }

    fn references(&mut self) {
        let catalog = self.catalog;
        for r in &catalog.references {
            self.kebab_or_dotted(&r.id);
            let url = r.url.value.to_ascii_lowercase();
            let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
            if !scheme_ok
                || r.url
                    .value
                    .contains(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
            {
                let kind = Kind::BadReferenceUrl {
                    id: r.id.value.clone(),
                    url: r.url.value.clone(),
                };
                self.report(r.url.span, kind);
            }
            if r.title.trim().is_empty() {
                let id = r.id.value.clone();
                self.report(r.id.span, Kind::EmptyReferenceTitle { id });
            }
        }
        self.unique(
            "reference",
            catalog
                .references
                .iter()
                .map(|r| (r.id.value.as_str(), r.id.span)),
        );
    }

    /// Reference ids may contain dots (`rfc6455-7.4.1`).
    fn kebab_or_dotted(&mut self, id: &Located<String>) {
        if !crate::catalog::is_id(&id.value.replace('.', "-")) {
            let id_text = id.value.clone();
            self.report(id.span, Kind::NotAReferenceId { id: id_text });
        }
    }

    fn tables(&mut self) {
        let catalog = self.catalog;
        self.unique(
            "table",
            catalog
                .tables
                .iter()
                .map(|t| (t.id.value.as_str(), t.id.span)),
        );
        for table in &catalog.tables {
            self.kebab("table", &table.id);
            if RESERVED_TABLE_IDS.contains(&table.id.value.as_str()) {
                let id = table.id.value.clone();
                self.report(table.id.span, Kind::ReservedTableId { id });
            }
            if table.entries.is_empty() {
                let id = table.id.value.clone();
                self.report(table.id.span, Kind::EmptyTable { id });
            }
            let values: Vec<(String, Span)> = table
                .entries
                .iter()
                .map(|e| (e.value.value.to_string(), e.value.span))
                .collect();
            self.unique(
                &format!("value in table `{}`", table.id.value),
                values.iter().map(|(v, s)| (v.as_str(), *s)),
            );
            self.unique(
                &format!("name in table `{}`", table.id.value),
                table.entries.iter().flat_map(|e| {
                    std::iter::once((e.name.value.as_str(), e.name.span))
                        .chain(e.aliases.iter().map(|a| (a.value.as_str(), a.span)))
                }),
            );
            for e in &table.entries {
                for name in std::iter::once(&e.name).chain(&e.aliases) {
                    if !is_constant_name(&name.value) {
                        let kind = Kind::TableNameNotConstant {
                            name: name.value.clone(),
                        };
                        self.report(name.span, kind);
                    }
                }
                self.non_empty(&e.message, "table entry message");
            }
        }
    }

    /// Reports an item listed twice in one code's list.
    fn listed_once<'v>(
        &mut self,
        code: CodeNumber,
        what: &'static str,
        items: impl IntoIterator<Item = (&'v str, Span)>,
    ) {
        let mut seen = std::collections::HashSet::new();
        for (value, span) in items {
            if !seen.insert(value) {
                let value = value.to_string();
                self.report(span, Kind::ListedTwiceInCode { code, what, value });
            }
        }
    }

    fn non_empty(&mut self, text: &Located<String>, what: &'static str) {
        if text.value.trim().is_empty() {
            self.report(text.span, Kind::EmptyText { what });
        }
    }

    fn modules(&mut self) {
        let catalog = self.catalog;
        self.unique(
            "module",
            catalog
                .modules
                .iter()
                .map(|m| (m.id.value.as_str(), m.id.span)),
        );
        self.unique(
            "page",
            catalog
                .modules
                .iter()
                .map(|m| (m.page.value.as_str(), m.page.span)),
        );
        if catalog.modules.is_empty() {
            self.diags
                .push(Diagnostic::new(Kind::NoModules).at_path(catalog.file.path()));
        }
        self.heading_messages();
        let mut owned: Vec<(&Module, crate::catalog::CodeRange)> = Vec::new();
        for module in &catalog.modules {
            self.kebab("module", &module.id);
            self.page_name(module);
            for (label, value) in &module.metadata {
                if !fits_in_comment(&value.value) {
                    let kind = Kind::MetadataClosesComment {
                        label: label.to_string(),
                        value: value.value.trim().to_string(),
                    };
                    self.report(value.span, kind);
                }
            }
            self.level(&module.code_level, "the module's `code_level`", 2);
            self.unique(
                &format!("heading of module `{}`", module.id.value),
                module
                    .headings
                    .iter()
                    .map(|h| (h.id.value.as_str(), h.id.span)),
            );
            for heading in &module.headings {
                self.kebab("heading", &heading.id);
                // A second `#` heading of a page is level 1 too.
                self.level(&heading.level, "a heading's `level`", 1);
            }
            if module.order.is_empty() && module.families.is_empty() && module.ranges.is_empty() {
                self.diags.push(
                    Diagnostic::new(Kind::EmptyModule {
                        module: module.id.value.clone(),
                    })
                    .at(&catalog.file, module.id.span),
                );
            }
            for r in &module.owns {
                if r.from > r.to {
                    let (from, to) = (r.from, r.to);
                    self.report(r.span, Kind::BackwardRange { from, to });
                    continue;
                }
                if let Some((other, o)) = owned.iter().find(|(m, o)| {
                    m.namespace == module.namespace && o.from <= r.to && r.from <= o.to
                }) {
                    let kind = Kind::OwnsOverlap {
                        module: module.id.value.clone(),
                        from: r.from,
                        to: r.to,
                        other: other.id.value.clone(),
                        other_from: o.from,
                        other_to: o.to,
                    };
                    self.report(r.span, kind);
                }
                owned.push((module, *r));
            }
        }
    }

    /// The rules of the catalog's codes: each number and name defined once
    /// (a family pattern's clashes reported per pattern), each written
    /// code's own rules, the listings, codes in another module's range, and
    /// related codes the catalog has.
    fn codes(&mut self) {
        let catalog = self.catalog;
        let mut by_number: HashMap<CodeNumber, (&Module, &CodeEntry)> = HashMap::new();
        let mut by_name: HashMap<&str, &CodeEntry> = HashMap::new();
        // Names a family pattern makes that already exist: one report per
        // pattern (its first clash, and how many), not one per member.
        let mut clashes: Vec<(Span, &CodeEntry, &CodeEntry, usize)> = Vec::new();
        for module in &catalog.modules {
            for code in &module.codes {
                match by_number.get(&code.code).copied() {
                    Some((first_module, first)) => {
                        self.duplicate_code(module, code, first_module, first)
                    }
                    None => {
                        by_number.insert(code.code, (module, code));
                    }
                }
                // A code without a name was reported when the catalog was read.
                if code.name.value.is_empty() {
                } else if let Some(first) = by_name.get(code.name.value.as_str()).copied()
                    && code.is_generated()
                {
                    match clashes.iter_mut().find(|c| c.0 == code.name.span) {
                        Some(clash) => clash.3 += 1,
                        None => clashes.push((code.name.span, code, first, 1)),
                    }
                } else if let Some(first) = by_name.get(code.name.value.as_str()).copied() {
                    let kind = Kind::NameTaken {
                        name: code.name.value.clone(),
                        code: code.code,
                        first: first.code,
                    };
                    self.report_twice(code.name.span, first.name.span, kind);
                } else {
                    by_name.insert(&code.name.value, code);
                }
                if !code.is_generated() {
                    self.written_code(module, code);
                }
            }
        }
        self.pattern_clashes(clashes);
        self.listings(&by_number);
        self.foreign_codes();
        self.unknown_related(&by_number);
    }

    /// The rules of a code written in the catalog (a family's members have
    /// theirs): a constant's name, within its module's ranges, a message
    /// that says something, related codes, flags and references listed
    /// once, its marker and drift, versions that say something, and no
    /// relation to itself.
    fn written_code(&mut self, module: &Module, code: &CodeEntry) {
        if !code.name.value.is_empty() && !is_constant_name(&code.name.value) {
            let name = code.name.value.clone();
            self.report(code.name.span, Kind::NotAConstantName { name });
        }
        if !module.owns.iter().any(|r| r.contains(code.code)) && !module.owns.is_empty() {
            let kind = Kind::CodeOutsideOwns {
                code: code.code,
                module: module.id.value.clone(),
                ranges: ranges_text(module),
            };
            self.report(code.span(), kind);
        }
        if let Some(message) = &code.message {
            self.non_empty(message, "error message");
        }
        let related: Vec<(String, Span)> = code
            .related
            .iter()
            .map(|r| (r.value.to_string(), r.span))
            .collect();
        self.listed_once(
            code.code,
            "related code",
            related.iter().map(|(v, s)| (v.as_str(), *s)),
        );
        let flags: Vec<(String, Span)> = code
            .flags
            .iter()
            .map(|f| {
                (
                    f.value.message_id().trim_start_matches("flag-").to_string(),
                    f.span,
                )
            })
            .collect();
        self.listed_once(
            code.code,
            "flag",
            flags.iter().map(|(v, s)| (v.as_str(), *s)),
        );
        self.listed_once(
            code.code,
            "reference",
            code.references.iter().map(|r| (r.value.as_str(), r.span)),
        );
        self.marker(code.code, code.marker.as_ref());
        self.drift(code.code, code.message.as_ref(), &code.message_drift);
        for (what, value) in [("since", &code.since), ("deprecated", &code.deprecated)] {
            if value.as_ref().is_some_and(|v| v.value.trim().is_empty()) {
                let span = value.as_ref().map_or(code.span(), |v| v.span);
                let code = code.code;
                self.report(span, Kind::EmptyVersion { what, code });
            }
        }
        for related in &code.related {
            if related.value == code.code {
                let code = code.code;
                self.report(related.span, Kind::RelatedToItself { code });
            }
        }
    }

    /// Reports the names family patterns make that already exist: one
    /// report per pattern (its first clash, and how many more), not one
    /// per member.
    fn pattern_clashes(&mut self, clashes: Vec<(Span, &CodeEntry, &CodeEntry, usize)>) {
        for (span, code, first, count) in clashes {
            let more = if count > 1 {
                format!(" and {} more", count - 1)
            } else {
                String::new()
            };
            let kind = Kind::PatternNameTaken {
                code: code.code,
                name: code.name.value.clone(),
                first: first.code,
                more,
            };
            self.report_twice(span, first.name.span, kind);
        }
    }

    /// Reports related codes the catalog does not have: they may point
    /// anywhere in it (`defined`), generated members too.
    fn unknown_related(&mut self, defined: &HashMap<CodeNumber, (&Module, &CodeEntry)>) {
        let catalog = self.catalog;
        for module in &catalog.modules {
            for code in &module.codes {
                for related in &code.related {
                    if !defined.contains_key(&related.value) {
                        let kind = Kind::UnknownRelated {
                            code: code.code,
                            related: related.value,
                        };
                        self.report(related.span, kind);
                    }
                }
            }
        }
    }

    fn duplicate_code(
        &mut self,
        module: &Module,
        code: &CodeEntry,
        first_module: &Module,
        first: &CodeEntry,
    ) {
        let number = code.code;
        match (first.is_generated(), code.is_generated()) {
            (false, false) => {
                let kind = Kind::DuplicateCode { code: number };
                self.report_twice(code.span(), first.span(), kind);
            }
            (true, false) | (false, true) => {
                let (generated, explicit, explicit_module) = if first.is_generated() {
                    (first, code, module)
                } else {
                    (code, first, first_module)
                };
                let family = generated.member.as_ref().map_or("?", |m| m.family.as_str());
                let kind = Kind::FamilyCollision {
                    code: number,
                    module: explicit_module.id.value.clone(),
                    family: family.to_string(),
                };
                self.report(explicit.span(), kind);
            }
            // Two families generating one number: `families` reports the pair.
            (true, true) => {}
        }
    }

    fn families(&mut self) {
        let catalog = self.catalog;
        self.unique(
            "family",
            catalog
                .modules
                .iter()
                .flat_map(|m| &m.families)
                .map(|f| (f.id.value.as_str(), f.id.span)),
        );
        for module in &catalog.modules {
            for family in &module.families {
                self.kebab("family", &family.id);
                if !family.name_pattern.value.contains("{name}") {
                    let kind = Kind::PatternWithoutName {
                        pattern: family.name_pattern.value.clone(),
                        family: family.id.value.clone(),
                    };
                    self.report(family.name_pattern.span, kind);
                } else if !is_constant_name(&family.name_pattern.value.replace("{name}", "X")) {
                    let pattern = family.name_pattern.value.clone();
                    self.report(
                        family.name_pattern.span,
                        Kind::PatternNotConstant { pattern },
                    );
                }
                if let Some(outside) = family
                    .members
                    .iter()
                    .find(|c| !module.owns.iter().any(|r| r.contains(**c)))
                    && !module.owns.is_empty()
                {
                    let kind = Kind::FamilyOutsideOwns {
                        family: family.id.value.clone(),
                        code: *outside,
                        module: module.id.value.clone(),
                        ranges: ranges_text(module),
                    };
                    self.report(family.base.span, kind);
                }
            }
        }
        self.family_overlaps();
    }

    /// Families whose codes overlap, reported once per pair with the codes.
    fn family_overlaps(&mut self) {
        let catalog = self.catalog;
        let families: Vec<&crate::catalog::Family> =
            catalog.modules.iter().flat_map(|m| &m.families).collect();
        for (i, later) in families.iter().enumerate() {
            let members: std::collections::HashSet<CodeNumber> =
                later.members.iter().copied().collect();
            for earlier in &families[..i] {
                let mut shared: Vec<CodeNumber> = earlier
                    .members
                    .iter()
                    .copied()
                    .filter(|c| members.contains(c))
                    .collect();
                if shared.is_empty() {
                    continue;
                }
                shared.sort_unstable();
                let count = shared.len();
                let shown: Vec<String> = shared.iter().take(5).map(CodeNumber::to_string).collect();
                let more = if count > 5 { ", …" } else { "" };
                let kind = Kind::FamiliesOverlap {
                    earlier: earlier.id.value.clone(),
                    later: later.id.value.clone(),
                    count: crate::diagnostic::plural(count, "code", "codes"),
                    shown: format!("{}{more}", shown.join(", ")),
                };
                self.report(later.base.span, kind);
            }
        }
    }

    fn ranges(&mut self) {
        let catalog = self.catalog;
        self.unique(
            "range",
            catalog
                .modules
                .iter()
                .flat_map(|m| &m.ranges)
                .map(|r| (r.id.value.as_str(), r.id.span)),
        );
        for module in &catalog.modules {
            for (i, named) in module.ranges.iter().enumerate() {
                self.kebab("range", &named.id);
                let r = named.range;
                if r.from > r.to {
                    let (from, to) = (r.from, r.to);
                    self.report(r.span, Kind::BackwardRange { from, to });
                    continue;
                }
                if !module.owns.iter().any(|o| o.from <= r.from && r.to <= o.to)
                    && !module.owns.is_empty()
                {
                    let kind = Kind::RangeOutsideOwns {
                        range: named.id.value.clone(),
                        from: r.from,
                        to: r.to,
                        module: module.id.value.clone(),
                        ranges: ranges_text(module),
                    };
                    self.report(r.span, kind);
                }
                if let Some(code) = module.codes.iter().find(|c| r.contains(c.code)) {
                    let kind = Kind::RangeContainsCode {
                        range: named.id.value.clone(),
                        from: r.from,
                        to: r.to,
                        code: code.code,
                    };
                    self.report(r.span, kind);
                }
                if let Some(other) = module.ranges[..i]
                    .iter()
                    .find(|o| o.range.from <= r.to && r.from <= o.range.to)
                {
                    let kind = Kind::RangesOverlap {
                        range: named.id.value.clone(),
                        other: other.id.value.clone(),
                    };
                    self.report(r.span, kind);
                }
            }
        }
    }

    /// References cited by codes, families and ranges exist.
    fn citations(&mut self) {
        let catalog = self.catalog;
        let known: Vec<&str> = catalog
            .references
            .iter()
            .map(|r| r.id.value.as_str())
            .collect();
        let cited = catalog.modules.iter().flat_map(|m| {
            m.codes
                .iter()
                .filter(|c| !c.is_generated())
                .flat_map(|c| &c.references)
                .chain(m.families.iter().flat_map(|f| &f.references))
                .chain(m.ranges.iter().flat_map(|r| &r.references))
        });
        for id in cited {
            if catalog.reference(&id.value).is_none() {
                let kind = Kind::UnknownReference {
                    id: id.value.clone(),
                    known: list_or_none(&known),
                };
                self.report(id.span, kind);
            }
        }
    }
}

fn ranges_text(module: &Module) -> String {
    module
        .owns
        .iter()
        .map(|r| {
            if r.from == r.to {
                r.from.to_string()
            } else {
                format!("{}–{}", r.from, r.to)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_names() {
        assert!(crate::catalog::is_id("socket-errno"));
        assert!(!crate::catalog::is_id("Socket"));
        assert!(!crate::catalog::is_id("a-"));
        assert!(!crate::catalog::is_id(""));
        assert!(is_constant_name("SOCKET_ETIMEDOUT"));
        assert!(!is_constant_name("socket"));
        assert!(is_page_name("errorcode-net-socket"));
        assert!(!is_page_name("../x"));
        assert!(!is_page_name("a/b"));
    }
}
