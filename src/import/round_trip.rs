//! The round trip: each page imported, compared with the page built from
//! it, section by section and heading by heading, as pulldown-cmark sees
//! them (layout and whitespace aside).

use super::parse::{Page, PageHeading, Section, normalized};

/// Compares the sections imported with those of the page built from them:
/// (sections that say exactly the same, sections compared, differences).
pub fn round_trip(imported: &[Section], built: &Page) -> (usize, usize, Vec<String>) {
    let mut exact = 0;
    let mut differences = Vec::new();
    for section in imported {
        let Some(other) = built.sections.iter().find(|s| s.code == section.code) else {
            differences.push(format!("{}: not on the built page", section.code));
            continue;
        };
        let failed = differing_fields(section, other);
        if failed.is_empty() {
            exact += 1;
        } else {
            differences.push(format!("{}: {} differ", section.code, failed.join(", ")));
        }
    }
    (exact, imported.len(), differences)
}

/// The headings that are not codes of `imported` that the built page does
/// not have, in order, with the same title and text.
pub fn headings_round_trip(imported: &[PageHeading], built: &Page) -> Vec<String> {
    let same = |a: &PageHeading, b: &PageHeading| {
        normalized(&a.title) == normalized(&b.title)
            && a.text.as_deref().map(normalized) == b.text.as_deref().map(normalized)
    };
    let mut rest = built.headings.iter();
    imported
        .iter()
        .filter(|h| !rest.any(|b| same(h, b)))
        .map(|h| {
            format!(
                "heading `{}` (line {}): not on the built page as it was",
                h.title, h.line
            )
        })
        .collect()
}

/// The fields two sections of one code do not agree on.
pub fn differing_fields(a: &Section, b: &Section) -> Vec<&'static str> {
    let same_list = |x: &[String], y: &[String]| {
        x.len() == y.len() && x.iter().zip(y).all(|(p, q)| normalized(p) == normalized(q))
    };
    let same = |x: &Option<String>, y: &Option<String>| {
        x.as_deref().map(normalized) == y.as_deref().map(normalized)
    };
    [
        ("title", normalized(&a.title) == normalized(&b.title)),
        ("error message", a.message == b.message),
        ("intro", same(&a.intro, &b.intro)),
        ("description", same(&a.description, &b.description)),
        ("causes", same_list(&a.causes, &b.causes)),
        ("solution", same_list(&a.solutions, &b.solutions)),
        ("details", same(&a.details, &b.details)),
    ]
    .into_iter()
    .filter(|(_, ok)| !ok)
    .map(|(n, _)| n)
    .collect()
}
