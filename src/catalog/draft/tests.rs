//! Tests of writing the catalog back.

use super::*;

/// Found by the `catalog` fuzz target: empty lists were written as
/// `entries:` with nothing after it, which reads back as null.
#[test]
fn empty_lists_are_written_as_empty_lists() {
    let text =
        "tables:\n  - id: errno\n    entries: []\nmodules:\n  - id: a\n    page: b\n    owns: []\n";
    let draft = Draft::parse(text).unwrap();
    let written = draft.to_yaml();
    assert_eq!(Draft::parse(&written).unwrap(), draft, "{written}");
}

/// Found by the `catalog` fuzz target: a header with bare CR line
/// breaks was not written back the same way twice.
#[test]
fn a_header_with_carriage_returns_is_written_back_stably() {
    let text = "# ma<(n#k\n\n\n\n\n\r\r\n\r\r\r\n#.i\n#.sm the";
    let draft = Draft::parse(text).unwrap();
    let written = draft.to_yaml();
    assert_eq!(Draft::parse(&written).unwrap().to_yaml(), written);
}

/// Found in review: characters YAML may not hold as they are made a
/// catalog that did not parse again.
#[test]
fn characters_yaml_cannot_hold_are_escaped() {
    let mut draft = Draft::default();
    draft.modules.push(DraftModule {
        id: "m".to_string(),
        page: "p".to_string(),
        codes: vec![DraftItem::Code(Box::new(DraftCode {
            code: 1,
            name: "M_1".to_string(),
            message: Some("a\u{96}b\u{fffe}c\u{7f}d\u{85}e".to_string()),
            ..DraftCode::default()
        }))],
        ..DraftModule::default()
    });
    let written = draft.to_yaml();
    assert!(
        written.contains("\"a\\u0096b\\uFFFEc\\u007Fd\u{85}e\""),
        "{written}"
    );
    assert_eq!(Draft::parse(&written).unwrap(), draft);
}

#[test]
fn the_repository_catalog_round_trips_through_a_draft() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/catalog/codes.yaml"))
        .unwrap();
    let draft = Draft::parse(&text).unwrap();
    let written = draft.to_yaml();
    let again = Draft::parse(&written).unwrap();
    assert_eq!(again, draft);
    assert_eq!(again.to_yaml(), written, "writing is deterministic");
    assert!(written.starts_with("# errdoc catalog: every error code once."));
}
/// Issue 14: a rewrite keeps the catalog's comments with what they
/// stand with — keys, modules, codes, fields, line ends — and a `#` in
/// a quoted or block scalar stays text.
#[test]
fn comments_stay_where_they_stood() {
    let text = "# header\n\n# Before site\nsite:\n  base_url: \"https://x\"   # the host\n\n# The modules\nmodules:\n  # Socket errors\n  - id: net-socket   # the socket page\n    page: errorcode-net-socket\n    # who\n    metadata:\n      kit: NetworkKit  # deep\n    codes:\n      # Legacy code\n      - code: 2300001\n        # the name is stable\n        name: SOCKET_X # do not rename\n        message: \"a # not a comment\" # but this is\n      - heading: overview # a heading\n      # Before a listing\n      - also: 2300002\n  - id: other\n    page: errorcode-other\n    codes:\n      - code: 2300002\n        name: OTHER_X\n        message: |\n          # text, not a comment\n          more\n# at the end\n";
    let draft = Draft::parse(text).unwrap();
    let written = draft.to_yaml();
    for line in [
        "# header\n\n# Before site\n# the host\nsite:\n",
        "# The modules\nmodules:\n  # Socket errors\n  - id: \"net-socket\" # the socket page\n    page: \"errorcode-net-socket\"\n    # who\n    # deep\n    metadata:\n",
        "    codes:\n      # Legacy code\n      - code: 2300001\n        # the name is stable\n        name: \"SOCKET_X\" # do not rename\n        message: \"a # not a comment\" # but this is\n",
        "      - heading: \"overview\" # a heading\n      # Before a listing\n      - also: 2300002\n",
        "        message: \"# text, not a comment\\nmore\\n\"\n# at the end\n",
    ] {
        assert!(written.contains(line), "{line}\n---\n{written}");
    }
    let again = Draft::parse(&written).unwrap();
    assert_eq!(again, draft);
    assert_eq!(again.to_yaml(), written);
}
/// Found in review: comments of a field a rewrite drops, a `#` line
/// in a quoted scalar over two lines, a `'` inside a plain scalar, and
/// an entry that does not start with `code:`.
#[test]
fn comments_of_odd_places_settle_after_one_rewrite() {
    let text = "modules:\n  - id: m\n    page: p\n    codes:\n      - code: 1\n        name: A\n        # why no references\n        references: []\n        message: Rock 'n roll is over # keep this\n      # before two\n      - message: \"spans\n          # two lines\"\n        code: 2\n        name: B\n";
    let draft = Draft::parse(text).unwrap();
    let written = draft.to_yaml();
    for line in [
        "      # why no references\n      - code: 1\n",
        "        message: \"Rock 'n roll is over\" # keep this\n",
        "      # before two\n      - code: 2\n",
    ] {
        assert!(written.contains(line), "{line}\n---\n{written}");
    }
    assert!(!written.contains("# two lines\n"), "{written}");
    // The data is the same; the comment of the dropped field is now
    // the entry's own, and stays so.
    let again = Draft::parse(&written).unwrap();
    assert_eq!(again.modules, draft.modules);
    assert_eq!(again.to_yaml(), written);
    assert_eq!(Draft::parse(&again.to_yaml()).unwrap(), again);
}

/// A catalog that states every field of the schema.
const EVERY_FIELD: &str = r#"site:
  base_url: "https://example.org/errors/"
  source_url: "https://example.org/repo/blob/main/{path}#L{line}"
  export_prefix: "NET_"
  changes_since: "catalog/releases/v1.json"
  source_locale: "en"
  synonyms:
    "en": [["refused", "rejected"], ["timeout", "timed"]]
    "zh": [["超时", "逾时"]]
  style: { anchors: true, references: true, related: false, family: table }
references:
  - { id: rfc-1, title: "RFC 1", url: "https://example.org/rfc1" }
tables:
  - id: errno
    entries:
      - { value: 4, name: EINTR, aliases: [EINTERRUPTED], message: "Interrupted." }
scan:
  include: ["src/**"]
  exclude: ["src/vendor/**"]
  patterns: ['NET_ERR\((\d+)\)']
modules:
  - id: net
    page: errorcode-net
    namespace: "api"
    code_level: 3
    style: { anchors: false, family: rule }
    metadata: { kit: "Network Kit", subsystem: "Net", owner: "@a", designer: "@b", tester: "@c", adviser: "@d" }
    owns:
      - { from: 100, to: 199 }
    ranges:
      - { id: private, from: 150, to: 159, references: [rfc-1] }
    families:
      - { id: net-errno, base: 100, table: errno, name: "NET_{name}", references: [rfc-1], changed: "API 14" }
    codes:
      - heading: basics
        level: 2
      - code: 101
        name: NET_FAILED
        message: "Failed."
        message_drift: { zh-CN: "Failed!" }
        references: [rfc-1]
        related: [104]
        flags: [never-sent]
        since: "API 10"
        deprecated: "API 12"
        removed: "API 14"
        renamed_from: OLD_NET_FAILED
        message_changed: "API 13"
        marker: Del
      - also: 7
        marker: RP1
        message_drift: { zh-CN: "Seven." }
"#;

/// The schema is the one declaration of the catalog's fields: whatever the
/// loader reads, the draft writes back. A field the writer forgot would be
/// lost by every `import`; this reads a catalog that states every field,
/// writes it and reads it again with the same schema.
#[test]
fn every_field_of_the_schema_survives_a_draft() {
    use super::super::schema::{Plain, RawCatalog};
    let read = |text: &str| -> RawCatalog<Plain> {
        serde_saphyr::from_str_with_options(text, super::super::yaml_options()).unwrap()
    };
    let written = Draft::parse(EVERY_FIELD).unwrap().to_yaml();
    assert_eq!(read(&written), read(EVERY_FIELD), "{written}");
}

/// Where to put an unknown field for each struct of the schema, and the
/// text of that struct in [`EVERY_FIELD`], which must state every field the
/// error names.
fn unknown_field_places() -> Vec<(&'static str, &'static str, String)> {
    // Where to put the unknown field, and the text of that struct in the
    // catalog above, which must state every field the error names.
    let block = |from: &str, to: &str| {
        let start = EVERY_FIELD.find(from).unwrap();
        let end = start + EVERY_FIELD[start..].find(to).unwrap();
        EVERY_FIELD[start..end].to_string()
    };
    let line = |at: &str| block(at, "\n");
    vec![
        (
            "site:\n",
            "site:\n  zzz: 1\n",
            block("site:", "references:"),
        ),
        (
            "  style: { anchors: true,",
            "  style: { zzz: 1, anchors: true,",
            line("  style: { anchors: true,"),
        ),
        (
            "  - { id: rfc-1,",
            "  - { zzz: 1, id: rfc-1,",
            line("  - { id: rfc-1,"),
        ),
        (
            "  - id: errno\n",
            "  - id: errno\n    zzz: 1\n",
            block("  - id: errno", "modules:"),
        ),
        (
            "      - { value: 4,",
            "      - { zzz: 1, value: 4,",
            line("      - { value: 4,"),
        ),
        (
            "  - id: net\n",
            "  - id: net\n    zzz: 1\n",
            EVERY_FIELD.to_string(),
        ),
        (
            "    metadata: { kit:",
            "    metadata: { zzz: 1, kit:",
            line("    metadata: { kit:"),
        ),
        (
            "      - { from: 100,",
            "      - { zzz: 1, from: 100,",
            line("      - { from: 100,"),
        ),
        (
            "      - { id: private,",
            "      - { zzz: 1, id: private,",
            line("      - { id: private,"),
        ),
        (
            "      - { id: net-errno,",
            "      - { zzz: 1, id: net-errno,",
            line("      - { id: net-errno,"),
        ),
        (
            "      - code: 101\n",
            "      - code: 101\n        zzz: 1\n",
            EVERY_FIELD[EVERY_FIELD.find("    codes:").unwrap()..].to_string(),
        ),
        ("modules:\n", "zzz: 1\nmodules:\n", EVERY_FIELD.to_string()),
    ]
}

/// And the catalog above does state every field the loader knows: each
/// struct of the schema, given an unknown field, names the ones it takes
/// (serde's `expected one of …`), and each is a key above.
#[test]
fn the_catalog_that_states_every_field_states_them_all() {
    use super::super::schema::{Plain, RawCatalog};
    let places = unknown_field_places();
    let mut checked = 0;
    for (at, with, scope) in places {
        assert!(EVERY_FIELD.contains(at), "{at}");
        let text = EVERY_FIELD.replacen(at, with, 1);
        let error = serde_saphyr::from_str_with_options::<RawCatalog<Plain>>(
            &text,
            super::super::yaml_options(),
        )
        .unwrap_err()
        .to_string();
        let expected = error
            .split("expected one of ")
            .nth(1)
            .and_then(|rest| rest.lines().next())
            .unwrap_or_else(|| panic!("{error}"));
        for field in expected.split(',').map(|f| f.trim().trim_matches('`')) {
            let field = field.split_whitespace().next().unwrap_or(field);
            assert!(
                scope.contains(&format!(" {field}:"))
                    || scope.contains(&format!("{{ {field}:"))
                    || scope.starts_with(&format!("{field}:"))
                    || scope.contains(&format!("\n{field}:")),
                "`{field}` is a field of the schema the catalog above does not state ({error})"
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked}");
}
