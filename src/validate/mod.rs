//! Stage 3: every rule that spans the catalog and the locales, checked in
//! one pass so a run reports all problems at once.
//!
//! Catalog rules (here): well-formed ids and names, duplicates, codes inside
//! their module's ranges, family collisions, known references and related
//! codes; names the exports can use ([`names`]). Locale rules
//! ([`locales`]): the checks of Mozilla's compare-locales and fluent
//! linter, for every locale against English.

mod locales;
mod names;
mod pages;

pub use locales::{ExpectedKind, expected_messages};

use std::collections::HashMap;

use crate::catalog::{Catalog, CodeEntry, CodeNumber, Located, Module, list_or_none};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::locales::Locales;
use crate::source::Span;
use locales::RESERVED_TABLE_IDS;

/// Runs every check, adding problems to `diags`.
pub fn validate(
    catalog: &Catalog,
    locales: &Locales,
    locks: &std::collections::BTreeMap<String, crate::l10n::lock::SourcesLock>,
    diags: &mut Diagnostics,
) {
    let mut v = Validator {
        catalog,
        locales,
        diags,
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
    locales::check(catalog, locales, locks, diags);
}

struct Validator<'a> {
    catalog: &'a Catalog,
    locales: &'a Locales,
    diags: &'a mut Diagnostics,
}

/// An absolute http(s) URL of a folder: `https://host/path/`.
pub fn is_base_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.starts_with('/') && r.len() > 1)
        && url.ends_with('/')
        && !url.contains(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
}

/// `[A-Z][A-Z0-9_]*`: constant names.
fn is_constant_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
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

/// A file name without folders or extension: letters, digits, `_`, `-`.
fn is_page_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl Validator<'_> {
    fn error(&mut self, span: Span, message: String, hint: impl Into<String>) {
        self.diags.push(
            Diagnostic::error(message)
                .hint(hint)
                .at(&self.catalog.file, span),
        );
    }

    fn first_at(&self, span: Span) -> String {
        format!(
            "{}:{}:{}",
            self.catalog.file.path().display(),
            span.start.line,
            span.start.column
        )
    }

    /// Reports every value of `items` seen before, pointing at the repeat.
    fn unique<'v>(&mut self, what: &str, items: impl IntoIterator<Item = (&'v str, Span)>) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for (value, span) in items {
            if let Some(first) = seen.get(value).copied() {
                let at = self.first_at(first);
                self.error(
                    span,
                    format!("{what} `{value}` is defined twice"),
                    format!("it is first defined at {at}; give each one a different {what}"),
                );
            } else {
                seen.insert(value, span);
            }
        }
    }

    fn kebab(&mut self, what: &str, id: &Located<String>) {
        if !crate::catalog::is_id(&id.value) {
            self.error(
                id.span,
                format!("{what} id `{}` is not a lowercase id", id.value),
                "use lowercase letters, digits and `-`, starting with a letter (`socket-errno`)",
            );
        }
    }

    fn site(&mut self) {
        let Some(url) = &self.catalog.site.base_url else {
            return;
        };
        if !is_base_url(&url.value) {
            self.error(
                url.span,
                format!(
                    "base_url `{}` is not an absolute URL of a folder",
                    url.value
                ),
                "write it as https://host/path/ with the final `/`",
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
                self.error(
                    r.url.span,
                    format!(
                        "reference `{}` has the invalid URL `{}`",
                        r.id.value, r.url.value
                    ),
                    "write an absolute http:// or https:// URL without spaces or quotes",
                );
            }
            if r.title.trim().is_empty() {
                self.error(
                    r.id.span,
                    format!("reference `{}` has an empty title", r.id.value),
                    "write the document's title",
                );
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
            self.error(
                id.span,
                format!("reference id `{}` is not a lowercase id", id.value),
                "use lowercase letters, digits, `-` and `.`, starting with a letter",
            );
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
                self.error(
                    table.id.span,
                    format!("table id `{}` is reserved", table.id.value),
                    format!(
                        "message ids starting with `{}-` are errdoc's own; choose another id",
                        table.id.value
                    ),
                );
            }
            if table.entries.is_empty() {
                self.error(
                    table.id.span,
                    format!("table `{}` has no entries", table.id.value),
                    "add `entries:` with `{ value, name, message }` rows, or remove the table",
                );
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
                        self.error(
                            name.span,
                            format!("table entry name `{}` is not a constant name", name.value),
                            "use uppercase letters, digits and `_` (`ETIMEDOUT`)",
                        );
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
        what: &str,
        items: impl IntoIterator<Item = (&'v str, Span)>,
    ) {
        let mut seen = std::collections::HashSet::new();
        for (value, span) in items {
            if !seen.insert(value) {
                self.error(
                    span,
                    format!("code {code} lists the {what} `{value}` twice"),
                    "list it once",
                );
            }
        }
    }

    fn non_empty(&mut self, text: &Located<String>, what: &str) {
        if text.value.trim().is_empty() {
            self.error(
                text.span,
                format!("the {what} is empty"),
                "write the text, or remove the field",
            );
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
            self.diags.push(
                Diagnostic::warning("the catalog declares no modules: the site has no pages")
                    .hint("add `modules:` with at least one module; README.md \"The catalog\" shows one")
                    .at_path(catalog.file.path()),
            );
        }
        self.heading_messages();
        let mut owned: Vec<(&Module, crate::catalog::CodeRange)> = Vec::new();
        for module in &catalog.modules {
            self.kebab("module", &module.id);
            if !is_page_name(&module.page.value) {
                self.error(
                    module.page.span,
                    format!("page `{}` is not a plain file name", module.page.value),
                    "use letters, digits, `-` and `_` only, without folders or an extension (`errorcode-net-socket`)",
                );
            }
            for (label, value) in &module.metadata {
                if !fits_in_comment(&value.value) {
                    self.error(
                        value.span,
                        format!(
                            "{label} `{}` cannot go in an HTML comment",
                            value.value.trim()
                        ),
                        format!("write it on one line without `-->`, `--!>` or `<!--`, which would end the comment `<!--{label}: …-->` early or open another"),
                    );
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
                    Diagnostic::warning(format!("module `{}` has nothing on its page", module.id.value))
                        .hint("add codes (`code:`), codes of other modules (`also:`), families or ranges — or remove the module")
                        .at(&catalog.file, module.id.span),
                );
            }
            for r in &module.owns {
                if r.from > r.to {
                    self.error(
                        r.span,
                        format!("range {}–{} ends before it starts", r.from, r.to),
                        "write the smaller number as `from`",
                    );
                    continue;
                }
                if let Some((other, o)) = owned.iter().find(|(m, o)| {
                    m.namespace == module.namespace && o.from <= r.to && r.from <= o.to
                }) {
                    let message = format!(
                        "module `{}` owns {}–{}, which overlaps {}–{} of module `{}`",
                        module.id.value, r.from, r.to, o.from, o.to, other.id.value
                    );
                    self.error(r.span, message, "give each code range to one module");
                }
                owned.push((module, *r));
            }
        }
    }

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
                    let at = self.first_at(first.name.span);
                    self.error(
                        code.name.span,
                        format!(
                            "name `{}` of code {} is already the name of code {}",
                            code.name.value, code.code, first.code
                        ),
                        format!("it is first used at {at}; constant names must be unique"),
                    );
                } else {
                    by_name.insert(&code.name.value, code);
                }
                if code.is_generated() {
                    continue;
                }
                if !code.name.value.is_empty() && !is_constant_name(&code.name.value) {
                    self.error(
                        code.name.span,
                        format!("name `{}` is not a constant name", code.name.value),
                        "use uppercase letters, digits and `_` (`ABNORMAL_CLOSURE`)",
                    );
                }
                if !module.owns.iter().any(|r| r.contains(code.code)) && !module.owns.is_empty() {
                    let ranges = ranges_text(module);
                    self.error(
                        code.span(),
                        format!(
                            "code {} is outside the range of module `{}` ({ranges})",
                            code.code, module.id.value
                        ),
                        "move it to the module that owns it, or widen `owns`",
                    );
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
                        self.error(
                            span,
                            format!("`{what}` of code {} is empty", code.code),
                            "write the version (`API version 12`), or remove the field",
                        );
                    }
                }
                for related in &code.related {
                    if related.value == code.code {
                        self.error(
                            related.span,
                            format!("code {} lists itself as related", code.code),
                            "remove it from `related`",
                        );
                    }
                }
            }
        }
        for (span, code, first, count) in clashes {
            let at = self.first_at(first.name.span);
            let more = if count > 1 {
                format!(" and {} more", count - 1)
            } else {
                String::new()
            };
            self.error(
                span,
                format!(
                    "this pattern names code {} `{}`, already the name of code {}{more}",
                    code.code, code.name.value, first.code
                ),
                format!(
                    "it is first used at {at}; give the family a pattern no other name matches"
                ),
            );
        }
        self.listings(&by_number);
        self.foreign_codes();
        // Related codes may point anywhere in the catalog, generated members too.
        for module in &catalog.modules {
            for code in &module.codes {
                for related in &code.related {
                    if !by_number.contains_key(&related.value) {
                        self.error(
                            related.span,
                            format!(
                                "code {} lists {} as related, but there is no such code",
                                code.code, related.value
                            ),
                            "fix the number or remove it from `related`",
                        );
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
                let at = self.first_at(first.span());
                self.error(
                    code.span(),
                    format!("code {number} is defined twice"),
                    format!("it is first defined at {at}; give each code one entry"),
                );
            }
            (true, false) | (false, true) => {
                let (generated, explicit, explicit_module) = if first.is_generated() {
                    (first, code, module)
                } else {
                    (code, first, first_module)
                };
                let family = generated.member.as_ref().map_or("?", |m| m.family.as_str());
                self.error(
                    explicit.span(),
                    format!(
                        "code {number} in module `{}` collides with the member of family `{family}`",
                        explicit_module.id.value
                    ),
                    "an entry overrides a family member only in the family's own module; move the entry there or change its number",
                );
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
                    self.error(
                        family.name_pattern.span,
                        format!(
                            "the name pattern `{}` of family `{}` has no `{{name}}`",
                            family.name_pattern.value, family.id.value
                        ),
                        "write it like `SOCKET_{name}`; `{name}` becomes the table entry's name",
                    );
                } else if !is_constant_name(&family.name_pattern.value.replace("{name}", "X")) {
                    self.error(
                        family.name_pattern.span,
                        format!(
                            "the name pattern `{}` does not make constant names",
                            family.name_pattern.value
                        ),
                        "use uppercase letters, digits, `_` and `{name}`",
                    );
                }
                if let Some(outside) = family
                    .members
                    .iter()
                    .find(|c| !module.owns.iter().any(|r| r.contains(**c)))
                    && !module.owns.is_empty()
                {
                    let ranges = ranges_text(module);
                    self.error(
                        family.base.span,
                        format!(
                            "family `{}` generates code {outside}, outside the range of module `{}` ({ranges})",
                            family.id.value, module.id.value
                        ),
                        "change the base, or widen the module's `owns`",
                    );
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
                self.error(
                    later.base.span,
                    format!(
                        "families `{}` and `{}` both define {} ({}{more})",
                        earlier.id.value,
                        later.id.value,
                        crate::diagnostic::plural(count, "code", "codes"),
                        shown.join(", ")
                    ),
                    "change one family's base so their codes do not overlap",
                );
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
                    self.error(
                        r.span,
                        format!("range {}–{} ends before it starts", r.from, r.to),
                        "write the smaller number as `from`",
                    );
                    continue;
                }
                if !module.owns.iter().any(|o| o.from <= r.from && r.to <= o.to)
                    && !module.owns.is_empty()
                {
                    let ranges = ranges_text(module);
                    self.error(
                        r.span,
                        format!(
                            "range `{}` ({}–{}) is outside the range of module `{}` ({ranges})",
                            named.id.value, r.from, r.to, module.id.value
                        ),
                        "widen the module's `owns`, or fix the range",
                    );
                }
                if let Some(code) = module.codes.iter().find(|c| r.contains(c.code)) {
                    self.error(
                        r.span,
                        format!(
                            "range `{}` ({}–{}) contains code {}",
                            named.id.value, r.from, r.to, code.code
                        ),
                        "ranges describe codes that are not single codes; split the range around it",
                    );
                }
                if let Some(other) = module.ranges[..i]
                    .iter()
                    .find(|o| o.range.from <= r.to && r.from <= o.range.to)
                {
                    self.error(
                        r.span,
                        format!(
                            "range `{}` overlaps range `{}`",
                            named.id.value, other.id.value
                        ),
                        "make the ranges disjoint",
                    );
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
                self.error(
                    id.span,
                    format!("unknown reference `{}`", id.value),
                    format!(
                        "declare it under `references:` or use one of: {}",
                        list_or_none(&known)
                    ),
                );
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
