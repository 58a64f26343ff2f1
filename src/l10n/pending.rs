//! What is left to do in a locale, string by string, and where: the lists
//! of `l10n status --list` and of the status page.

use serde::Serialize;

use super::{Assessment, State, Unit};
use crate::catalog::Catalog;
use crate::diagnostic::Todo;
use crate::locales::{Locale, Locales};

/// One string still to do in a locale.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Pending {
    /// `id` or `id.attribute`.
    pub key: String,
    /// What is to do.
    pub state: Todo,
    /// Its page (module id), `ui`, or a table id.
    pub group: String,
    /// The file to edit: the translation's, where it has the string (a
    /// stub too); else the English's, or the catalog for a table entry.
    pub path: String,
    /// The line of the string in `path` (1-based; 0 when unknown).
    pub line: u32,
    /// Whether `path` is the translation's own file.
    pub translated_here: bool,
    /// `path:line` in the project's repository (`site.source_url`).
    pub source_link: Option<String>,
}

/// `site.source_url` with `{path}` and `{line}` filled in: the path's
/// segments percent-encoded, as a URL path holds them.
fn source_link(url: Option<&str>, path: &str, line: u32) -> Option<String> {
    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
    const SEGMENT: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}');
    let url = url?;
    if path.is_empty() {
        return None;
    }
    let encoded: Vec<String> = path
        .split('/')
        .map(|s| utf8_percent_encode(s, SEGMENT).to_string())
        .collect();
    Some(
        url.replace("{path}", &encoded.join("/"))
            .replace("{line}", &line.max(1).to_string()),
    )
}

/// Every string of `locale` still to do, in the order of the units, then
/// the obsolete ones.
pub(crate) fn pending(
    catalog: &Catalog,
    units: &[Unit],
    locales: &Locales,
    locale: &Locale,
    assessment: &Assessment,
) -> Vec<Pending> {
    let source = locales.source();
    let url = catalog.site.source_url.as_ref().map(|u| u.value.as_str());
    // Table entries' English is in the catalog: their places, once.
    let table_spans = std::cell::OnceCell::new();
    let mut list = Vec::new();
    for (unit, state) in units.iter().zip(&assessment.states) {
        let todo = match state {
            State::Translated => continue,
            State::Missing => Todo::Missing,
            State::Stale => Todo::Stale,
            State::Unchanged => Todo::Unchanged,
        };
        let attribute = unit.attribute.as_deref();
        let (file, span, here) = match locale.locate_part(&unit.id, attribute) {
            Some((file, span)) if locale.has_part(&unit.id, attribute) => (file, Some(span), true),
            _ => match source.locate_part(&unit.id, attribute) {
                Some((file, span)) => (file, Some(span), false),
                None => {
                    let spans = table_spans.get_or_init(|| catalog.table_entry_spans());
                    (&catalog.file, spans.get(&unit.id).copied(), false)
                }
            },
        };
        let (path, line) = (file.slashed_path(), span.map_or(0, |s| s.start.line));
        list.push(Pending {
            key: unit.key(),
            state: todo,
            group: unit.group.clone(),
            source_link: source_link(url, &path, line),
            path,
            line,
            translated_here: here,
        });
    }
    for (key, group) in &assessment.obsolete {
        let (id, attribute) = match key.split_once('.') {
            Some((id, a)) => (id, Some(a)),
            None => (key.as_str(), None),
        };
        let (path, line) = locale
            .locate_part(id, attribute)
            .map(|(f, s)| (f.slashed_path(), s.start.line))
            .unwrap_or_default();
        list.push(Pending {
            key: key.clone(),
            state: Todo::Obsolete,
            group: group.clone(),
            source_link: source_link(url, &path, line),
            path,
            line,
            translated_here: true,
        });
    }
    list
}
