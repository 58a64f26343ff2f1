//! Attacks on the translator's commands from an outside review, each
//! reproduced through the binary:
//!
//! 1. `l10n sync --prune` must keep an obsolete message a kept message
//!    still references (message and term references, in placeables,
//!    selectors, attributes and nested placeables), transitively, and say
//!    why.
//! 2. Stubs copied from English messages that reference terms (`{ -kit }`)
//!    must not leave the new locale with references to terms it lacks:
//!    `l10n add ja` then `build` succeeds and the stubs stay untranslated.
//! 3. A table entry's English message (from the catalog, any text) must be
//!    written into a stub that parses back to exactly that one message with
//!    exactly that text: no injected entries, no broken file.

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]
#![allow(
    clippy::too_many_lines,
    reason = "a test is one scenario, read from top to bottom; cut into pieces it would hide the order of its steps"
)]

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use fluent_syntax::ast;
use serde_json::Value;
use support::{apply_edits, errdoc, project, yaml_string};

fn read(root: &Path, path: &str) -> String {
    std::fs::read_to_string(root.join(path)).unwrap()
}

fn status(root: &Path, locale: &str) -> Value {
    let run = errdoc(
        root,
        &["l10n", "status", "--format", "json", "--locale", locale],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    json["locales"][0].clone()
}

/// What a Fluent text defines: every message and term by id (terms with
/// their `-`), with the text of its value when that is only text and
/// string literals. Fails the test on a syntax error or junk.
fn entries(path: &str, text: &str) -> BTreeMap<String, Option<String>> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{path} does not parse: {errors:?}\n{text}"),
    };
    let mut found = BTreeMap::new();
    for entry in &resource.body {
        let (id, value) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref()),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value)),
            ast::Entry::Junk { content } => panic!("{path} has junk: {content:?}"),
            _ => continue,
        };
        let previous = found.insert(id.clone(), value.and_then(literal));
        assert!(previous.is_none(), "{path} defines `{id}` twice");
    }
    found
}

/// The text of a pattern made of text and string literals only.
fn literal(pattern: &ast::Pattern<&str>) -> Option<String> {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => text.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
            } => text.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value)),
            ast::PatternElement::Placeable { .. } => return None,
        }
    }
    Some(text)
}

// ---------------------------------------------------------------------------
// 1. Prune keeps what kept messages reference.

const REFERENCED: &str = "--- locales/zh-CN/close.ftl\n<<<\ncode-1006 = 异常关闭\n    .description = 连接在没有Close帧的情况下关闭。\n    .cause-1 = 网络中断。\n===\ncode-1006 = 异常关闭：{ old-helper }\n    .description = 连接在没有Close帧的情况下关闭。{ -old-term }\n    .cause-1 = { 1 ->\n        [one] { old-in-variant }\n       *[other] { old-attr-only.detail }\n    }\n>>>\n\
--- locales/zh-CN/close.ftl\n<<<\nrange-private = 私有使用\n===\n# Helpers only this translation has.\nold-helper = 辅助 { { old-nested } }\nold-nested = 嵌套\nold-in-variant = 变体\nold-attr-only =\n    .detail = 属性 { old-chain-a }\nold-chain-a = 链 { old-chain-b.x }\nold-chain-b = 链尾\n    .x = 叉\n-old-term = 术语 { old-via-term }\nold-via-term = 经由术语\n\n# Nothing uses these.\nold-unused = 没用 { old-only-from-unused }\nold-only-from-unused = 只被没用的用\n\nrange-private = 私有使用\n>>>\n";

#[test]
fn prune_keeps_obsolete_messages_that_kept_messages_reference() {
    let root = project(None);
    let root = root.path();
    apply_edits(root, REFERENCED);

    let report = errdoc(root, &["l10n", "sync"]);
    assert_eq!(report.status, 0, "{}", report.stderr);
    assert!(
        report.stdout.contains(
            "zh-CN: `old-helper` is obsolete (the English no longer has it), but `code-1006` (locales/zh-CN/close.ftl:4:1) references it: `--prune` keeps it\n"
        ),
        "{}",
        report.stdout
    );
    assert!(
        report.stdout.contains(
            "zh-CN: `old-unused` is obsolete (the English no longer has it); `--prune` removes it\n"
        ),
        "{}",
        report.stdout
    );

    let prune = errdoc(root, &["l10n", "sync", "--prune"]);
    assert_eq!(prune.status, 0, "{}", prune.stderr);
    let text = read(root, "locales/zh-CN/close.ftl");
    let ids: Vec<String> = entries("close.ftl", &text).into_keys().collect();
    assert_eq!(
        ids,
        [
            "-old-term",
            "code-1006",
            "module-close",
            "old-attr-only",
            "old-chain-a",
            "old-chain-b",
            "old-helper",
            "old-in-variant",
            "old-nested",
            "old-via-term",
            "range-private",
        ],
        "{text}"
    );
    // One line for each kept message, naming what references it.
    for (kept, by) in [
        ("old-helper", "`code-1006` (locales/zh-CN/close.ftl:4:1)"),
        ("old-nested", "`old-helper` (locales/zh-CN/close.ftl:14:1)"),
        (
            "old-in-variant",
            "`code-1006` (locales/zh-CN/close.ftl:4:1)",
        ),
        ("old-attr-only", "`code-1006` (locales/zh-CN/close.ftl:4:1)"),
        (
            "old-chain-a",
            "`old-attr-only` (locales/zh-CN/close.ftl:17:1)",
        ),
        (
            "old-chain-b",
            "`old-chain-a` (locales/zh-CN/close.ftl:19:1)",
        ),
        ("old-via-term", "`-old-term` (locales/zh-CN/close.ftl:22:1)"),
    ] {
        let line = format!("zh-CN: kept the obsolete message `{kept}`: {by} references it\n");
        assert!(prune.stdout.contains(&line), "{line}{}", prune.stdout);
    }
    assert!(
        prune
            .stdout
            .contains("zh-CN: removed the obsolete message `old-unused`\n"),
        "{}",
        prune.stdout
    );
    assert!(
        prune
            .stdout
            .contains("zh-CN: removed the obsolete message `old-only-from-unused`\n"),
        "{}",
        prune.stdout
    );
    assert!(!text.contains("Nothing uses these"), "{text}");
    assert!(
        text.contains("# Helpers only this translation has."),
        "{text}"
    );

    // What is left formats: no reference to a removed message.
    let check = errdoc(root, &["check"]);
    assert!(
        !check.stderr.contains("cannot be formatted"),
        "{}",
        check.stderr
    );
    // A second prune changes nothing.
    let again = errdoc(root, &["l10n", "sync", "--prune"]);
    assert_eq!(
        read(root, "locales/zh-CN/close.ftl"),
        text,
        "{}",
        again.stdout
    );
}

#[test]
fn what_prune_says_is_printable() {
    let root = project(None);
    let root = root.path();
    apply_edits(root, REFERENCED);
    // A file name with an escape sequence: the report shows it harmlessly.
    let hostile = "locales/zh-CN/\u{1b}[31mred.ftl";
    std::fs::rename(root.join("locales/zh-CN/close.ftl"), root.join(hostile)).unwrap();
    let prune = errdoc(root, &["l10n", "sync", "--prune"]);
    assert_eq!(prune.status, 0, "{}", prune.stderr);
    assert!(
        prune
            .stdout
            .contains("kept the obsolete message `old-helper`")
    );
    assert!(!prune.stdout.contains('\u{1b}'), "{:?}", prune.stdout);
}

// ---------------------------------------------------------------------------
// 2. Stubs and the English terms they reference.

const TERMS: &str = "--- locales/en/close.ftl\n<<<\nmodule-close = WebSocket Close Codes\n    .note = Status codes of a WebSocket Close frame.\n===\n-kit = Network Kit\n    .gender = neuter\n-brand = { -kit } Plus\n\n# Referenced by one message, used by no code.\ncode-4242 = Shared words\n\nmodule-close = WebSocket Close Codes\n    .note = Status codes of a { -kit.gender ->\n       *[other] { -kit }\n    } Close frame.\n>>>\n\
--- locales/en/close.ftl\n<<<\ncode-1006 = Abnormal Closure\n    .description = The connection was closed without a Close frame.\n===\ncode-1006 = Abnormal Closure of { -brand }\n    .description = The connection was closed without a Close frame ({ code-4242 }).\n>>>\n";

#[test]
fn a_new_locale_with_english_terms_builds_and_its_stubs_stay_untranslated() {
    let root = project(None);
    let root = root.path();
    apply_edits(root, TERMS);
    let english = errdoc(root, &["build"]);
    assert_eq!(english.status, 0, "the English builds: {}", english.stderr);

    let add = errdoc(root, &["l10n", "add", "ja"]);
    assert_eq!(add.status, 0, "{}", add.stderr);
    let close = read(root, "locales/ja/close.ftl");
    let defined = entries("locales/ja/close.ftl", &close);
    for id in ["-kit", "-brand", "code-4242", "code-1006", "module-close"] {
        assert!(defined.contains_key(id), "{id} in\n{close}");
    }
    // The terms are stubs too, marked for translation.
    assert!(
        close.contains("# errdoc: untranslated\n-kit = Network Kit\n"),
        "{close}"
    );

    let build = errdoc(root, &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    assert!(!build.stderr.contains(": error["), "{}", build.stderr);
    let page = read(root, "site/ja/codes/1006.html");
    assert!(
        page.contains("Abnormal Closure of Network Kit Plus"),
        "{page}"
    );

    let ja = status(root, "ja");
    assert_eq!(ja["all"]["translated"], 0, "{ja}");
    assert_eq!(ja["all"]["missing"], ja["all"]["total"], "{ja}");

    // Translating a term does not make the stubs that use it translated.
    apply_edits(
        root,
        "--- locales/ja/close.ftl\n<<<\n-kit = Network Kit\n===\n-kit = ネットワークキット\n>>>\n",
    );
    let ja = status(root, "ja");
    assert_eq!(ja["all"]["translated"], 0, "{ja}");
    assert_eq!(ja["all"]["missing"], ja["all"]["total"], "{ja}");

    // A second sync has nothing to do.
    let again = errdoc(root, &["l10n", "sync", "--locale", "ja"]);
    assert_eq!(again.stdout, "ja: nothing to do\n");
}

#[test]
fn sync_adds_the_terms_a_new_stub_needs() {
    let root = project(None);
    let root = root.path();
    apply_edits(root, TERMS);
    // zh-CN lacks module-close: its stub references `-kit`.
    apply_edits(
        root,
        "--- locales/zh-CN/close.ftl\n<<<\nmodule-close = WebSocket关闭码\n    .note = WebSocket Close帧中的状态码。\n===\n>>>\n",
    );
    let sync = errdoc(root, &["l10n", "sync"]);
    assert_eq!(sync.status, 0, "{}", sync.stderr);
    let close = read(root, "locales/zh-CN/close.ftl");
    let defined = entries("locales/zh-CN/close.ftl", &close);
    assert!(defined.contains_key("-kit"), "{close}");
    assert!(defined.contains_key("module-close"), "{close}");
    // code-1006 is translated without the term: `-brand` is not needed.
    assert!(!defined.contains_key("-brand"), "{close}");
    let build = errdoc(root, &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    let zh = status(root, "zh-CN");
    assert_eq!(zh["groups"][0]["counts"]["missing"], 2, "{zh}");
}

#[test]
fn init_then_add_builds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert_eq!(errdoc(root, &["init"]).status, 0);
    let add = errdoc(root, &["l10n", "add", "ja"]);
    assert_eq!(add.status, 0, "{}", add.stderr);
    let build = errdoc(root, &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    let ja = status(root, "ja");
    assert_eq!(ja["all"]["translated"], 0, "{ja}");
    assert_eq!(ja["all"]["missing"], ja["all"]["total"], "{ja}");
}

// ---------------------------------------------------------------------------
// 3. Stubs of any English text parse back to exactly that text.

/// Texts that each break a naive `id = {text}`.
const NASTY: &[&str] = &[
    "Connection refused\nevil = x",
    "Connection refused\n-term = y",
    "line\n[key] variant",
    "line\n    [key] variant",
    "line\n*[other] default",
    "line\n  *[other] default",
    "line\n.attr = q",
    "line\n    .attr = q",
    "line\n}",
    "line\n    }",
    "{ $var }",
    "{",
    "}",
    "a } b { c",
    "back\\slash \\u0041 \\\" quote\"",
    "windows\r\nline",
    "carriage\rreturn",
    "tab\there",
    "\tleading tab",
    "trailing tab\t",
    "  leading spaces",
    "trailing spaces  ",
    "# comment start",
    "line\n# comment start",
    "line\n## group comment",
    "- dash",
    "-not-a-term",
    "line\n-not-a-term = x",
    "line\n\nafter a blank line",
    "line\n   \nafter a line of spaces",
    "\nleading newline",
    "trailing newline\n",
    "line\n\n",
    "[leading bracket",
    "*leading star",
    ".leading dot",
    "ends with =",
    "= starts with =",
    "id = value",
    "line\n    indented continuation",
    "line\n  two\n    four\n three",
    "nul \u{0} and escape \u{1b}[31m and next line \u{85} and separator \u{2028}",
    "{\"{\"}",
    "\"quoted\"",
    "x\n{\n}\n[\n*\n.\n",
    " ",
];

/// A small deterministic generator of nasty texts, so the test is the
/// same on every run.
fn generated(count: usize) -> Vec<String> {
    const PIECES: &[&str] = &[
        "\n",
        "\r\n",
        "\r",
        "\t",
        " ",
        "  ",
        "[",
        "]",
        "*",
        ".",
        "{",
        "}",
        "\\",
        "\"",
        "#",
        "-",
        "=",
        "evil = x",
        "-term = y",
        "[key]",
        "*[other]",
        ".attr =",
        "a",
        "word",
        "é",
        "中文",
        "{ $x }",
        "\\u0041",
        "\u{85}",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let len = 1 + (next() % 12) as usize;
            let mut text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            // Texts with a visible character, as catalog messages are.
            if text.trim().is_empty() {
                text.push('w');
            }
            text
        })
        .collect()
}

#[test]
fn table_stubs_parse_back_to_exactly_their_english() {
    let root = project(None);
    let root = root.path();
    let mut texts: Vec<String> = NASTY.iter().map(|s| (*s).to_string()).collect();
    texts.extend(generated(300));
    texts.retain(|t| !t.trim().is_empty());
    let mut yaml = String::new();
    for (i, text) in texts.iter().enumerate() {
        yaml.push_str(&format!(
            "      - {{ value: {}, name: NASTY_{i}, message: {} }}\n",
            200 + i,
            yaml_string(text)
        ));
    }
    apply_edits(
        root,
        &format!(
            "--- catalog/codes.yaml\n<<<\n      - {{ value: 111, name: ECONNREFUSED, message: \"Connection refused\" }}\n===\n      - {{ value: 111, name: ECONNREFUSED, message: \"Connection refused\" }}\n{}>>>\n",
            yaml
        ),
    );
    let before = read(root, "locales/zh-CN/errno.ftl");

    let sync = errdoc(root, &["l10n", "sync", "--locale", "zh-CN"]);
    assert_eq!(sync.status, 0, "{}", sync.stderr);
    let path = "locales/zh-CN/errno.ftl";
    let after = read(root, path);
    assert!(after.starts_with(&before), "only appended:\n{after}");
    let found = entries(path, &after);
    let mut expected: BTreeMap<String, Option<String>> = entries(path, &before);
    for (i, text) in texts.iter().enumerate() {
        expected.insert(format!("errno-NASTY_{i}"), Some(text.clone()));
    }
    // Exactly the intended ids, each with exactly its English.
    let found_ids: Vec<&String> = found.keys().collect();
    let expected_ids: Vec<&String> = expected.keys().collect();
    assert_eq!(found_ids, expected_ids, "{after}");
    for (i, text) in texts.iter().enumerate() {
        let id = format!("errno-NASTY_{i}");
        assert_eq!(
            found[&id].as_deref(),
            Some(text.as_str()),
            "{id} in\n{after}"
        );
    }
    // Every stub has its own marker comment: each is a stub to errdoc too,
    // untranslated because it reads exactly as the English.
    let zh = status(root, "zh-CN");
    let errno = zh["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == "errno")
        .unwrap();
    assert_eq!(errno["counts"]["missing"], texts.len(), "{errno}");
    // The file raises no error in check.
    let check = errdoc(root, &["check"]);
    let errors: Vec<&str> = check
        .stderr
        .lines()
        .filter(|l| l.starts_with(path) && l.contains(": error["))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // And a second sync leaves it alone.
    let again = errdoc(root, &["l10n", "sync", "--locale", "zh-CN"]);
    assert_eq!(again.stdout, "zh-CN: nothing to do\n");
}

#[test]
fn message_stubs_of_multiline_english_parse_back() {
    let root = project(None);
    let root = root.path();
    apply_edits(
        root,
        "--- locales/en/close.ftl\n<<<\nrange-private = Private Use\n    .description = Codes agreed between applications.\n===\nrange-private = Private Use\n    .description =\n        Codes agreed\n        {\"[\"}between{\"]\"} applications.\n        {\"*\"} not a default\n        {\".\"}not an attribute\n        {\"}\"}\n\n        {\"  \"}evil = x\n>>>\n\
         --- locales/zh-CN/close.ftl\n<<<\nrange-private = 私有使用\n    .description = 应用之间约定的状态码。\n===\n>>>\n",
    );
    let sync = errdoc(root, &["l10n", "sync"]);
    assert_eq!(sync.status, 0, "{}", sync.stderr);
    let text = read(root, "locales/zh-CN/close.ftl");
    let ids: Vec<String> = entries("close.ftl", &text).into_keys().collect();
    assert_eq!(
        ids,
        ["code-1006", "module-close", "range-private"],
        "{text}"
    );
    let zh = status(root, "zh-CN");
    assert_eq!(zh["groups"][0]["counts"]["missing"], 2, "{zh}");
}

#[test]
fn reference_cycles_and_long_chains_end() {
    let root = project(None);
    let root = root.path();
    // English: a chain of 60 terms that a message uses.
    let mut terms = String::new();
    for i in 0..60 {
        terms.push_str(&format!("-t{i} = {{ -t{} }}\n", i + 1));
    }
    terms.push_str("-t60 = end\n\n");
    apply_edits(
        root,
        &format!(
            "--- locales/en/close.ftl\n<<<\nrange-private = Private Use\n===\n{terms}range-private = Private Use {{ -t0 }}\n>>>\n\
             --- locales/zh-CN/close.ftl\n<<<\nrange-private = 私有使用\n    .description = 应用之间约定的状态码。\n===\n# Obsolete, and used by nothing kept.\nlonely-a = {{ lonely-b }}\nlonely-b = 孤单\n>>>\n"
        ),
    );
    let sync = errdoc(root, &["l10n", "sync", "--prune"]);
    assert_eq!(sync.status, 0, "{}", sync.stderr);
    let text = read(root, "locales/zh-CN/close.ftl");
    let found = entries("close.ftl", &text);
    for i in 0..=60 {
        assert!(found.contains_key(&format!("-t{i}")), "-t{i}");
    }
    assert!(found.contains_key("range-private"), "{text}");
    for id in ["lonely-a", "lonely-b"] {
        assert!(!found.contains_key(id), "{id}\n{text}");
    }
    // Each term comes before what uses it.
    let at = |needle: &str| text.find(needle).unwrap();
    assert!(at("\n-t60 = end") < at("\n-t59 = { -t60 }"));
    assert!(at("\n-t0 = ") < at("\nrange-private = "));

    // A cycle a kept message uses cannot be formatted: an error, so sync
    // (like every command, issue 15) stops, its place said, nothing changed.
    apply_edits(
        root,
        "--- locales/zh-CN/close.ftl\n<<<\ncode-1006 = 异常关闭\n===\ncycle-a = { cycle-b }\ncycle-b = { cycle-a }\ncode-1006 = 异常关闭 { cycle-a }\n>>>\n",
    );
    let before = read(root, "locales/zh-CN/close.ftl");
    let sync = errdoc(root, &["l10n", "sync", "--prune"]);
    assert_eq!(sync.status, 1, "{}", sync.stderr);
    assert!(
        sync.stderr.contains("Cyclical dependency"),
        "{}",
        sync.stderr
    );
    assert_eq!(read(root, "locales/zh-CN/close.ftl"), before);
}
