//! Tests of reading Fluent files: references, variables, locale tags,
//! and where syntax errors and duplicates are reported.

use super::*;

fn info(text: &str) -> (BTreeMap<String, EntryInfo>, Diagnostics) {
    let (entries, diags, _) = read(text);
    (entries, diags)
}

fn read(text: &str) -> (BTreeMap<String, EntryInfo>, Diagnostics, Vec<Broken>) {
    let file = SourceFile::new("locales/en/x.ftl", text.to_string());
    let mut entries = BTreeMap::new();
    let mut diags = Diagnostics::new();
    let broken = collect_entries(&file, 0, &mut entries, &[], &mut diags);
    (entries, diags, broken)
}

/// References in values and attributes, placeables nested or not,
/// selectors, variants, function and term arguments (once in
/// `l10n::ftl`, whose reading of the files this replaced).
#[test]
fn references_are_found_everywhere() {
    let (entries, _) = info(
        "a = { b } { c.attr } { -t } { { d } }\n    .x = { $n ->\n        [one] { e }\n       *[other] { FUN(f, g, k: 1) } { -u(case: \"x\") }\n    }\n-t = { -u.gender ->\n       *[other] { h }\n    }\n",
    );
    let a: Vec<String> = entries["a"].referenced_entries().into_iter().collect();
    assert_eq!(a, ["-t", "-u", "b", "c", "d", "e", "f", "g"]);
    let t: Vec<String> = entries["-t"].referenced_entries().into_iter().collect();
    assert_eq!(t, ["-u", "h"]);
}

#[test]
fn locale_tags_are_canonical_bcp47() {
    for good in ["en", "zh-CN", "ja", "zh-Hant-TW"] {
        assert!(is_locale_tag(good), "{good}");
    }
    for bad in ["zh_CN", "zh-cn", "ZH-CN", "", "not a tag"] {
        assert!(!is_locale_tag(bad), "{bad}");
    }
}

#[test]
fn variables_are_collected_per_attribute_and_variant() {
    let (entries, diags) = info(
        "family-x = Title { $base }\n    .description = { $count ->\n        [one] { $name }\n       *[other] { $value } { NUMBER($code) }\n    }\n",
    );
    assert!(!diags.has_errors());
    let e = &entries["family-x"];
    assert_eq!(
        e.parts.variables(None),
        Some(&BTreeSet::from(["base".to_string()]))
    );
    let d: Vec<&str> = e
        .parts
        .variables(Some("description"))
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    assert_eq!(d, ["code", "count", "name", "value"]);
    assert_eq!(e.span.start.line, 1);
    assert_eq!(e.attributes[0].1.start.line, 2);
    assert_eq!(e.attributes[0].1.start.column, 6);
}

#[test]
fn syntax_errors_and_duplicates_are_located() {
    let text = "a = 1\nb = { $x\nc = 3\na = 4\n";
    let (entries, diags, broken) = read(text);
    // The broken message is left out, and said to be broken, with where.
    assert!(!entries.contains_key("b"));
    assert_eq!(broken.len(), 1);
    assert_eq!(broken[0].id.as_deref(), Some("b"));
    let What::Mistake(found) = &broken[0].what else {
        panic!("{:?}", broken[0].what);
    };
    assert_eq!(
        found.at,
        text.find("\nc").unwrap()..text.find("\nc").unwrap()
    );
    let shown: Vec<String> = diags.sorted().iter().map(|d| d.to_string()).collect();
    assert!(
        shown[0].starts_with(
            "locales/en/x.ftl:4:1: error[E0306]: `a` is defined twice — remove or rename one"
        ),
        "{}",
        shown[1]
    );
}

/// Placeables nested too deep are found by counting braces, but not those
/// of a comment or of a string literal (`{"{"}` is one level, closed).
#[test]
fn nesting_counts_placeables_not_braces_in_text() {
    let deep = format!("a = {}x{}\n", "{ ".repeat(65), " }".repeat(65));
    assert!(too_deep(&deep).is_some());
    let fine = format!("a = {}x{}\n", "{ ".repeat(64), " }".repeat(64));
    assert_eq!(too_deep(&fine), None);
    let literals = format!("a = {}\n", "{\"{\"}".repeat(200));
    assert_eq!(too_deep(&literals), None);
    let escaped = format!("a = {}\n", "{\"\\\"{\"}".repeat(200));
    assert_eq!(too_deep(&escaped), None);
    let comment = format!("# {}\na = b\n", "{".repeat(200));
    assert_eq!(too_deep(&comment), None);
}

/// An unclosed string literal ends at its line: it cannot hide deep
/// nesting on the lines after it from the guard.
#[test]
fn an_unclosed_string_hides_no_nesting() {
    let text = format!("a = {{\"\nb = {}x\n", "{ ".repeat(100));
    assert!(too_deep(&text).is_some());
}

/// An attribute written twice: every check and the page read the first,
/// as fluent-bundle formats it (the literal shortcut of `format` included).
#[test]
fn an_attribute_written_twice_is_read_as_its_first() {
    let text = "msg = Title\n    .description = first { $a }\n    .cause-1 = { $c }\n    .description = second\n    .cause-1 = again\n";
    let (entries, _) = info(text);
    let parts: Vec<Option<&str>> = entries["msg"].parts.iter().map(|(p, _)| p).collect();
    assert_eq!(parts, [None, Some("cause-1"), Some("description")]);
    assert_eq!(
        entries["msg"].parts.variables(Some("description")),
        Some(&BTreeSet::from(["a".to_string()]))
    );
    let strings: Vec<Option<&str>> = entries["msg"].strings().collect();
    assert_eq!(strings, [None, Some("description"), Some("cause-1")]);
    let locale = one_file_locale("en", "locales/en/x.ftl", text);
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("a", "A");
    let (shown, _) = locale
        .format("msg", Some("description"), Some(&args))
        .unwrap();
    assert_eq!(shown, "first A");
}
