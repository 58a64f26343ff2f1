//! Stage 2: discover `locales/<tag>/*.ftl`, parse every file, and build one
//! Fluent bundle per locale.
//!
//! Locales are whatever folders exist under `locales/` (a new `locales/ja/`
//! just works); nothing here names a language. Each file is parsed twice:
//! once with `fluent-syntax` for the full AST the checks need (ids,
//! attributes, variables, syntax errors with positions), and once by
//! `fluent-bundle` for formatting.

mod entries;
pub(crate) mod glossary;
mod mistakes;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use crate::diagnostic::{Diagnostic, Diagnostics, Kind as Problem};
use crate::input::{list_project, read_utf8};
use crate::source::{SourceFile, Span};
use entries::collect_entries;

/// Where locales live, relative to the project root.
pub(crate) const LOCALES_DIR: &str = "locales";

/// Whether `tag` is a BCP 47 language tag written the canonical way
/// (`zh-CN`, not `zh_CN` or `zh-cn`): the names of locale folders.
pub(crate) fn is_locale_tag(tag: &str) -> bool {
    tag.parse::<LanguageIdentifier>().is_ok_and(|id| id == tag)
}

/// Whether `id` names a UI string (`ui-…`, `flag-…`): a text of the pages
/// around the catalog's, which templates ask for with `t()`.
pub(crate) fn is_ui_string(id: &str) -> bool {
    id.starts_with("ui-") || id.starts_with("flag-")
}

/// Every locale of the project; the source locale comes first.
pub(crate) struct Locales {
    list: Vec<Locale>,
    builtin: Vec<Locale>,
}

/// One locale: its files, what they define, and the bundle that formats.
pub(crate) struct Locale {
    /// The tag, as the folder is named (`zh-CN`).
    pub tag: String,
    /// The parsed tag.
    pub langid: LanguageIdentifier,
    /// Its `.ftl` files, sorted by path.
    pub files: Vec<SourceFile>,
    /// Every message and term it defines, by id (terms keep their `-`).
    pub entries: BTreeMap<String, EntryInfo>,
    /// What of its files does not parse, with the message each broke.
    broken: Vec<Broken>,
    /// The ids of the messages in [`Self::broken`].
    broken_ids: BTreeSet<String>,
    /// Its glossary (`glossary.tsv`), if it has one.
    pub glossary: Option<glossary::Glossary>,
    bundle: FluentBundle<FluentResource>,
}

/// A stretch of a Fluent file that does not parse: the message it broke
/// (none at the top of a file) and what is wrong.
#[derive(Debug, Clone)]
pub(crate) struct Broken {
    /// Index of the file in [`Locale::files`].
    pub file: usize,
    /// The message or term it broke (terms with their `-`).
    pub id: Option<String>,
    /// The attribute where the mistake is, `None` for the value.
    pub attribute: Option<String>,
    pub what: What,
}

/// What is wrong in a [`Broken`] stretch.
#[derive(Debug, Clone)]
pub(crate) enum What {
    /// A mistake recognized as such.
    Mistake(mistakes::Found),
    /// Anything else, in the parser's words, at byte `at`.
    Parser {
        at: usize,
        detail: String,
        hint: &'static str,
    },
}

/// What a message or term looks like, for checks and diagnostics.
#[derive(Debug, Clone)]
pub(crate) struct EntryInfo {
    /// Index of the file in [`Locale::files`].
    pub file: usize,
    /// Where its id is.
    pub span: Span,
    /// Byte range of the whole entry in its file, its attached comment
    /// included (for `l10n sync --prune`).
    pub range: std::ops::Range<usize>,
    /// Whether it has a value (a title), not only attributes.
    pub has_value: bool,
    /// Its attributes, in order, with where they are.
    pub attributes: Vec<(String, Span)>,
    /// What the value (`None`) and each attribute use and select on.
    pub parts: Parts,
    /// Whether `l10n sync` wrote it as a stub (its comment carries
    /// [`STUB_MARKER`]) — untranslated while its text is the English.
    pub stub: bool,
}

impl EntryInfo {
    /// The entries its value and attributes reference: message ids
    /// (`brand` for `{ brand }` and `{ brand.short }`) and term ids (`-kit`).
    pub(crate) fn referenced_entries(&self) -> BTreeSet<String> {
        self.parts
            .iter()
            .flat_map(|(_, part)| &part.references)
            .map(|r| match r.split_once('.') {
                Some((id, _)) if !r.starts_with('-') => id.to_string(),
                _ => r.clone(),
            })
            .collect()
    }
}

/// The comment line `l10n sync` puts on the stubs it writes.
pub(crate) const STUB_MARKER: &str = "errdoc: untranslated";

/// The patterns of an entry, the value (`None`) first, then the
/// attributes by name; a list, not a map: an entry has a few, and a
/// project tens of thousands of entries per locale.
#[derive(Debug, Clone, Default)]
pub(crate) struct Parts(Vec<(Option<String>, PartInfo)>);

impl Parts {
    /// The parts in that order; each name once (the caller keeps the first
    /// of an attribute written twice).
    pub(crate) fn new(mut parts: Vec<(Option<String>, PartInfo)>) -> Parts {
        parts.sort_by(|a, b| a.0.cmp(&b.0));
        parts.shrink_to_fit();
        Parts(parts)
    }

    /// The value's (`None`) or an attribute's part.
    pub(crate) fn get(&self, part: Option<&str>) -> Option<&PartInfo> {
        self.0
            .iter()
            .find(|(name, _)| name.as_deref() == part)
            .map(|(_, info)| info)
    }

    /// The variables the value (`None`) or an attribute uses.
    pub(crate) fn variables(&self, part: Option<&str>) -> Option<&BTreeSet<String>> {
        self.get(part).map(|info| &info.variables)
    }

    /// Each part with its name, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (Option<&str>, &PartInfo)> {
        self.0.iter().map(|(name, info)| (name.as_deref(), info))
    }
}

/// What one pattern (a value or an attribute) uses.
#[derive(Debug, Clone, Default)]
pub(crate) struct PartInfo {
    /// The variables it uses, in every variant.
    pub variables: BTreeSet<String>,
    /// Message and term references (`brand`, `-brand`, `msg.attr`).
    pub references: BTreeSet<String>,
    /// Its select expressions.
    pub selects: Vec<SelectInfo>,
    /// Variables used outside any select expression.
    pub outside: BTreeSet<String>,
    /// The text, when the pattern is only text and string literals
    /// (`{"{"}`): formatted without fluent-bundle, which stops at 100
    /// placeables — fewer than a real page's code block has braces.
    pub literal: Option<String>,
}

/// A select expression: `{ $count -> [one] … *[other] … }`.
#[derive(Debug, Clone)]
pub(crate) struct SelectInfo {
    /// The variable it selects on, if it is one (directly or in a function).
    pub selector: Option<String>,
    /// Whether the selector is a number (a variable or `NUMBER()`): its
    /// identifier keys are then CLDR plural categories.
    pub numeric: bool,
    /// The variants.
    pub variants: Vec<VariantInfo>,
}

/// One variant of a select expression.
#[derive(Debug, Clone)]
pub(crate) struct VariantInfo {
    /// Its key (`one`, `other`, `0`).
    pub key: String,
    /// Where the key is.
    pub span: Span,
    /// The variables its pattern uses.
    pub variables: BTreeSet<String>,
}

impl EntryInfo {
    /// Its strings: the value (`None`) if it has one, then each attribute.
    pub(crate) fn strings(&self) -> impl Iterator<Item = Option<&str>> {
        self.has_value
            .then_some(None)
            .into_iter()
            .chain(self.attributes.iter().map(|(a, _)| Some(a.as_str())))
    }
}

impl Locales {
    /// Every locale under `root/locales`, each loaded on its own core,
    /// before it is known which is the source (the catalog says, and is
    /// read meanwhile); problems are reported and their files skipped.
    pub(crate) fn read(root: &Path, diags: &mut Diagnostics) -> anyhow::Result<Vec<Locale>> {
        let dir = root.join(LOCALES_DIR);
        let mut list = Vec::new();
        if dir.is_dir() {
            let folders: Vec<PathBuf> = list_project(root, &dir, 1, 1, diags)
                .into_iter()
                .filter(|f| f.is_dir)
                .map(|f| f.path)
                .collect();
            // Each locale's files are parsed on their own core.
            use rayon::prelude::*;
            let loaded: Vec<(anyhow::Result<Option<Locale>>, Diagnostics)> = folders
                .par_iter()
                .map(|folder| {
                    let mut found = Diagnostics::new();
                    (load_locale(root, folder, &mut found), found)
                })
                .collect();
            for (locale, found) in loaded {
                diags.extend(found);
                if let Some(locale) = locale? {
                    list.push(locale);
                }
            }
        }
        Ok(list)
    }

    /// The locales `read` found, the source (`source_tag`) first; `None`
    /// if it is missing (explained in `diags`).
    pub(crate) fn with_source(
        mut list: Vec<Locale>,
        source_tag: &str,
        diags: &mut Diagnostics,
    ) -> Option<Locales> {
        let Some(source) = list.iter().position(|l| l.tag == source_tag) else {
            diags.push(
                Diagnostic::new(Problem::SourceLocaleMissing {
                    tag: source_tag.to_string(),
                    dir: format!("{LOCALES_DIR}/{source_tag}"),
                })
                .at_path(format!("{LOCALES_DIR}/{source_tag}")),
            );
            return None;
        };
        let source = list.remove(source);
        list.insert(0, source);
        for locale in &list {
            locale.report_broken(&list[0], diags);
        }
        Some(Locales {
            list,
            builtin: builtin_locales(),
        })
    }

    /// The source locale (English).
    pub(crate) fn source(&self) -> &Locale {
        // `with_source` puts the source locale first.
        &self.list[0]
    }

    /// Every locale, source first.
    pub(crate) fn all(&self) -> &[Locale] {
        &self.list
    }

    /// Every locale's tag, the source first.
    pub(crate) fn tags(&self) -> Vec<&str> {
        self.list.iter().map(|l| l.tag.as_str()).collect()
    }

    /// The locale tagged `tag`.
    pub(crate) fn get(&self, tag: &str) -> Option<&Locale> {
        self.list.iter().find(|l| l.tag == tag)
    }

    /// Everything `t()` can return, written out: the source of each UI
    /// string (`ui-…`, `flag-…`) of every locale, errdoc's own included,
    /// and of each message or term they reference (for
    /// [`crate::render::reuse`]'s keys).
    pub(crate) fn ui_fingerprint(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for locale in self.list.iter().chain(&self.builtin) {
            let mut found: BTreeMap<&str, &EntryInfo> = BTreeMap::new();
            let mut todo: Vec<&str> = locale
                .entries
                .keys()
                .map(String::as_str)
                .filter(|id| is_ui_string(id))
                .collect();
            while let Some(id) = todo.pop() {
                let Some((id, info)) = locale.entries.get_key_value(id) else {
                    continue;
                };
                if found.insert(id, info).is_some() {
                    continue;
                }
                for referenced in info.referenced_entries() {
                    if let Some((known, _)) = locale.entries.get_key_value(&referenced) {
                        todo.push(known);
                    }
                }
            }
            for (id, info) in found {
                let text = locale
                    .files
                    .get(info.file)
                    .and_then(|f| f.text().get(info.range.clone()))
                    .unwrap_or("");
                for part in [locale.tag.as_str(), id, text] {
                    out.extend_from_slice(part.as_bytes());
                    out.push(0);
                }
                out.push(u8::from(info.stub));
            }
        }
        out
    }

    /// errdoc's built-in UI strings for `tag`, if it ships that language.
    pub(crate) fn builtin(&self, tag: &str) -> Option<&Locale> {
        self.builtin.iter().find(|l| l.tag == tag)
    }

    /// errdoc's built-in UI strings in the language they are written in
    /// (and translated from).
    pub(crate) fn builtin_source(&self) -> Option<&Locale> {
        self.builtin(BUILTIN_UI[0].0)
    }

    /// Where to look up a UI string (`ui-…`, `flag-…`) for `tag`: the
    /// project's locale, errdoc's built-in strings in that language, the
    /// project's source locale, then errdoc's built-in English.
    pub(crate) fn ui_chain(&self, tag: &str) -> Vec<&Locale> {
        let mut chain: Vec<&Locale> = Vec::new();
        let builtin = |t: &str| self.builtin(t);
        let candidates = [
            self.get(tag),
            builtin(tag),
            Some(self.source()),
            self.builtin_source(),
        ];
        for l in candidates.into_iter().flatten() {
            if !chain.iter().any(|c| std::ptr::eq(*c, l)) {
                chain.push(l);
            }
        }
        chain
    }

    /// Every UI string (`ui-…`, `flag-…`) of locale `tag` that needs no
    /// variables, formatted once, as `t(id=…)` would return it: found along
    /// [`Self::ui_chain`]. A string the first locale that has it cannot
    /// format without variables is left out (`t()` with arguments formats
    /// it, and reports what is wrong).
    pub(crate) fn ui_strings(&self, tag: &str) -> BTreeMap<String, String> {
        let chain = self.ui_chain(tag);
        let mut ids: Vec<&str> = chain
            .iter()
            .flat_map(|l| l.entries.keys())
            .map(String::as_str)
            .filter(|id| is_ui_string(id))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let none = FluentArgs::new();
        ids.into_iter()
            .filter_map(|id| {
                let (text, errors) = chain.iter().find_map(|l| l.format(id, None, Some(&none)))?;
                errors.is_empty().then(|| (id.to_string(), text))
            })
            .collect()
    }

    /// Whether `locale` is the source locale.
    pub(crate) fn is_source(&self, locale: &Locale) -> bool {
        locale.tag == self.source().tag
    }
}

impl Locale {
    /// Whether the locale defines message `id`.
    pub(crate) fn has(&self, id: &str) -> bool {
        self.entries.contains_key(id)
    }

    /// Whether message `id` has attribute `attribute` (or a value, for `None`).
    pub(crate) fn has_part(&self, id: &str, attribute: Option<&str>) -> bool {
        self.entries.get(id).is_some_and(|e| match attribute {
            None => e.has_value,
            Some(a) => e.attributes.iter().any(|(name, _)| name == a),
        })
    }

    /// Formats message `id` (its value, or `attribute`) with `args`.
    ///
    /// `None` if the locale lacks it; otherwise the text and Fluent's
    /// errors (an unknown variable, a missing referenced message), if any.
    pub(crate) fn format(
        &self,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs<'_>>,
    ) -> Option<(String, Vec<String>)> {
        let message = self.bundle.get_message(id)?;
        let pattern = match attribute {
            None => message.value()?,
            Some(a) => message.get_attribute(a)?.value(),
        };
        if let Some(text) = self
            .entries
            .get(id)
            .and_then(|e| e.parts.get(attribute))
            .and_then(|p| p.literal.as_ref())
        {
            return Some((text.clone(), Vec::new()));
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        Some((text, errors.iter().map(ToString::to_string).collect()))
    }

    /// Whether `id`'s `part` uses the same variables here as in `source`.
    pub(crate) fn variables_match(&self, source: &Locale, id: &str, part: Option<&str>) -> bool {
        let mine = self.entries.get(id).and_then(|e| e.parts.variables(part));
        let theirs = source.entries.get(id).and_then(|e| e.parts.variables(part));
        match (mine, theirs) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }

    /// The file and span where `id` is defined.
    pub(crate) fn locate(&self, id: &str) -> Option<(&SourceFile, Span)> {
        let info = self.entries.get(id)?;
        Some((self.files.get(info.file)?, info.span))
    }

    /// The file and span of attribute `attribute` of `id` (or of `id`).
    pub(crate) fn locate_part(
        &self,
        id: &str,
        attribute: Option<&str>,
    ) -> Option<(&SourceFile, Span)> {
        let info = self.entries.get(id)?;
        let file = self.files.get(info.file)?;
        let span = attribute
            .and_then(|a| info.attributes.iter().find(|(n, _)| n == a))
            .map_or(info.span, |(_, s)| *s);
        Some((file, span))
    }

    /// The folder of the locale, relative to the project root.
    pub(crate) fn dir(&self) -> PathBuf {
        Path::new(LOCALES_DIR).join(&self.tag)
    }
}

fn load_locale(
    root: &Path,
    folder: &Path,
    diags: &mut Diagnostics,
) -> anyhow::Result<Option<Locale>> {
    let rel = folder.strip_prefix(root).unwrap_or(folder).to_path_buf();
    let tag = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let langid: LanguageIdentifier = match tag.parse() {
        Ok(id) => id,
        Err(_) => {
            diags.push(
                Diagnostic::new(Problem::NotALanguageTag {
                    tag: tag.to_string(),
                })
                .at_path(rel),
            );
            return Ok(None);
        }
    };
    if langid.to_string() != tag {
        diags.push(
            Diagnostic::new(Problem::TagNotCanonical {
                tag: tag.to_string(),
                canonical: langid.to_string(),
            })
            .at_path(rel),
        );
        return Ok(None);
    }

    let paths: Vec<PathBuf> = list_project(root, folder, 0, usize::MAX, diags)
        .into_iter()
        .filter(|f| !f.is_dir && f.path.extension().is_some_and(|e| e == "ftl"))
        .map(|f| f.path)
        .collect();

    let mut files = Vec::new();
    for path in paths {
        let rel_path = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        if let Some(text) = read_utf8(root, &rel_path, diags)
            .with_context(|| format!("cannot read {}", path.display()))?
        {
            files.push(SourceFile::new(rel_path, text));
        }
    }
    let mut locale = Locale::new(tag, langid, files, diags);
    let glossary = rel.join(glossary::GLOSSARY_FILE);
    if root.join(&glossary).exists()
        && let Some(text) = read_utf8(root, &glossary, diags)
            .with_context(|| format!("cannot read {}", glossary.display()))?
    {
        locale.glossary = Some(glossary::Glossary::parse(
            SourceFile::new(glossary, text),
            diags,
        ));
    }
    Ok(Some(locale))
}

/// The UI strings errdoc ships (the labels its built-in templates use), in
/// the languages it ships, the one they are written in first: a project
/// that lacks one, or a template string added by a newer errdoc, still
/// builds.
pub(crate) const BUILTIN_UI: &[(&str, &str)] = &[
    ("en", include_str!("../../locales/en/ui.ftl")),
    ("zh-CN", include_str!("../../locales/zh-CN/ui.ftl")),
];

/// The built-in UI locales.
fn builtin_locales() -> Vec<Locale> {
    BUILTIN_UI
        .iter()
        .filter_map(|(tag, text)| {
            let langid = tag.parse().ok()?;
            let file = SourceFile::new(
                format!("(built-in) locales/{tag}/ui.ftl"),
                (*text).to_string(),
            );
            // The built-in files are the repository's own, checked by its tests.
            let mut ignored = Diagnostics::new();
            Some(Locale::new(
                (*tag).to_string(),
                langid,
                vec![file],
                &mut ignored,
            ))
        })
        .collect()
}

impl Locale {
    /// A locale made of `files`; problems in them go to `diags`.
    fn new(
        tag: String,
        langid: LanguageIdentifier,
        files: Vec<SourceFile>,
        diags: &mut Diagnostics,
    ) -> Locale {
        let mut bundle = FluentBundle::new_concurrent(vec![langid.clone()]);
        // Fluent wraps every placeable in U+2068/U+2069 by default; the pages
        // are plain Markdown and HTML where those marks only get in the way.
        bundle.set_use_isolating(false);
        // NUMBER() and DATETIME(), for plural selectors.
        let _ = bundle.add_builtins();
        let mut entries: BTreeMap<String, EntryInfo> = BTreeMap::new();
        let mut broken = Vec::new();
        for (index, file) in files.iter().enumerate() {
            if let Some(at) = too_deep(file.text()) {
                diags.push(
                    Diagnostic::new(Problem::FluentTooDeep { limit: MAX_NESTING })
                        .at(file, file.span(at, at + 1)),
                );
                continue;
            }
            broken.extend(collect_entries(
                file,
                index,
                &mut entries,
                &files[..index],
                diags,
            ));
            let resource = match FluentResource::try_new(file.text().to_string()) {
                Ok(r) => r,
                // Syntax errors were reported from the full parse above; the
                // entries that did parse are still used.
                Err((r, _)) => r,
            };
            // Duplicate ids are reported by `collect_entries`; the first wins.
            let _ = bundle.add_resource(resource);
        }
        Locale {
            tag,
            langid,
            files,
            entries,
            broken_ids: broken.iter().filter_map(|b| b.id.clone()).collect(),
            broken,
            bundle,
            glossary: None,
        }
    }

    /// Whether a syntax error broke message `id` in this locale: its
    /// translation states and its comparison with the English then say
    /// nothing more than that error.
    pub(crate) fn is_broken(&self, id: &str) -> bool {
        self.broken_ids.contains(id)
    }

    /// Whether something in file `index` does not parse.
    pub(crate) fn has_junk_in(&self, index: usize) -> bool {
        self.broken.iter().any(|b| b.file == index)
    }

    /// Reports what of its files does not parse; `source` names the
    /// variables a translated variable should have kept.
    fn report_broken(&self, source: &Locale, diags: &mut Diagnostics) {
        for broken in &self.broken {
            let Some(file) = self.files.get(broken.file) else {
                continue;
            };
            let (kind, at) = match &broken.what {
                What::Parser { at, detail, hint } => (
                    Problem::FluentSyntax {
                        detail: detail.clone(),
                        hint,
                    },
                    *at..*at + 1,
                ),
                What::Mistake(found) => (
                    mistakes::problem(&found.mistake, || self.english_variables(source, broken)),
                    found.at.clone(),
                ),
            };
            // An empty range (the end of a line) still shows one column.
            let end = at.end.max(at.start + 1);
            diags.push(Diagnostic::new(kind).at(file, file.span(at.start, end)));
        }
    }

    /// The variables the English of the part `broken` is in uses; `None`
    /// for the English itself, or a part the English lacks.
    fn english_variables(&self, source: &Locale, broken: &Broken) -> Option<Vec<String>> {
        if std::ptr::eq(self, source) {
            return None;
        }
        let variables = source
            .entries
            .get(broken.id.as_deref()?)?
            .parts
            .variables(broken.attribute.as_deref())?;
        Some(variables.iter().cloned().collect())
    }
}

/// A locale of one file, for tests.
#[cfg(test)]
pub(crate) fn one_file_locale(tag: &str, path: &str, text: &str) -> Locale {
    let mut ignored = Diagnostics::new();
    Locale::new(
        tag.to_string(),
        tag.parse().unwrap_or_default(),
        vec![SourceFile::new(path, text.to_string())],
        &mut ignored,
    )
}

/// The messages and terms of a Fluent text: id (terms with their `-`) and
/// byte range (attached comment included), in file order. Syntax errors
/// are ignored; their entries are not listed.
pub fn entry_ranges(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let file = SourceFile::new("", text.to_string());
    let mut entries = BTreeMap::new();
    let mut ignored = Diagnostics::new();
    collect_entries(&file, 0, &mut entries, &[], &mut ignored);
    let mut list: Vec<(String, std::ops::Range<usize>)> = entries
        .into_iter()
        .map(|(id, info)| (id, info.range))
        .collect();
    list.sort_by_key(|(_, r)| r.start);
    list
}

/// The variables of a pattern written as after `id =` (`None` if it is
/// not exactly one pattern).
pub(crate) fn pattern_variables(written: &str) -> Option<BTreeSet<String>> {
    let space = if written.starts_with('\n') { "" } else { " " };
    let text = format!("x ={space}{written}\n");
    if too_deep(&text).is_some() {
        return None;
    }
    let resource = fluent_syntax::parser::parse(text.as_str()).ok()?;
    match resource.body.as_slice() {
        [fluent_syntax::ast::Entry::Message(m)] if m.attributes.is_empty() => {
            Some(entries::pattern_variables(m.value.as_ref()?))
        }
        _ => None,
    }
}

/// How deep placeables may nest: the Fluent parser recurses for each level,
/// and real messages never go past two or three.
const MAX_NESTING: usize = 64;

/// The offset of the first `{` nested deeper than [`MAX_NESTING`].
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut line_start = true;
    let mut comment = false;
    for (i, c) in text.char_indices() {
        if line_start {
            // A comment line (`#` at its start, outside placeables) holds
            // no placeable: its braces are text.
            comment = depth == 0 && c == '#';
        }
        line_start = c == '\n';
        if comment {
            continue;
        }
        if in_string {
            // A string literal inside a placeable (`{"{"}`): its braces are
            // text, `\"` does not end it.
            // It ends at its line's end too: Fluent's do not span lines, so
            // an unclosed one cannot hide the braces after it.
            match (escaped, c) {
                (_, '\n') | (false, '"') => in_string = false,
                (false, '\\') => escaped = true,
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '"' if depth > 0 => in_string = true,
            '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests;
