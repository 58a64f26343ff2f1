//! Every kind of problem errdoc reports has a stable code, a test case
//! that produces it, and a page of errdoc's own error documentation
//! (`docs/errors/`, English and Chinese) that `explain-error` shows.

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;

use errdoc::testing::KINDS;
use support::{cases, errdoc, fixtures, project};

fn docs() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/errors")
}

/// `CatalogMissing` → `CATALOG_MISSING`.
fn constant_name(kind: &str) -> String {
    let mut out = String::new();
    for (i, c) in kind.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

#[test]
fn the_error_documentation_lists_every_kind_and_nothing_else() {
    let run = errdoc(&docs(), &["export", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let documented: Vec<(i64, String, Option<String>)> = json["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["code"].as_i64().unwrap(),
                c["name"].as_str().unwrap().to_string(),
                c["message"].as_str().map(str::to_string),
            )
        })
        .collect();
    // The documented message is the kind's, its fields as `{name}`; a
    // message that is only another tool's text (`{detail}`) is left out.
    let kinds: Vec<(i64, String, Option<String>)> = KINDS
        .iter()
        .map(|k| {
            let message = k.message.replace("{{", "{").replace("}}", "}");
            (
                k.code[1..].parse().unwrap(),
                constant_name(k.name),
                (message != "{detail}").then_some(message),
            )
        })
        .collect();
    assert_eq!(documented, kinds);
}

#[test]
fn the_error_documentation_is_complete_in_both_languages() {
    let run = errdoc(&docs(), &["check", "--deny-warnings"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let status = errdoc(&docs(), &["l10n", "status", "--format", "json"]);
    assert_eq!(status.status, 0, "{}", status.stderr);
    assert!(status.stdout.contains("\"zh-CN\""), "{}", status.stdout);
}

/// The kinds a fixture cannot hold (links, special files, sizes) are made
/// by the tests below; `compat`'s and `scan`'s (E06xx) by tests/compat.rs
/// and tests/scan.rs, whose expected reports are in
/// tests/fixtures/compat/expected/ and tests/fixtures/scan/; every other
/// kind has a case under tests/fixtures/invalid/ whose expected output
/// shows its code.
const MADE_HERE: &[&str] = &["E0501", "E0502", "E0503", "E0505"];

#[test]
fn every_kind_has_a_case_that_produces_it() {
    let dir = fixtures().join("invalid");
    let shown: String = cases(&dir)
        .iter()
        .map(|case| {
            std::fs::read_to_string(dir.join(case).join("expected.stderr")).unwrap_or_default()
        })
        .chain(
            [
                "compat/expected/against-tag.stderr",
                "compat/expected/against-file.stderr",
                "compat/expected/changes-since.stderr",
                "scan/expected.stderr",
                "scan/expected-errors.stderr",
                "scan/expected-pattern.stderr",
            ]
            .map(|name| std::fs::read_to_string(fixtures().join(name)).unwrap()),
        )
        .collect();
    let missing: Vec<&str> = KINDS
        .iter()
        .map(|k| k.code)
        .filter(|code| !MADE_HERE.contains(code) && !shown.contains(&format!("[{code}]")))
        .collect();
    assert!(missing.is_empty(), "no case shows {missing:?}");
}

/// Runs `check` on a project where `make` put something in place of
/// locales/en/x.ftl; returns standard error.
fn check_with(make: impl FnOnce(&Path)) -> String {
    let root = project(None);
    make(&root.path().join("locales/en/x.ftl"));
    let run = errdoc(root.path(), &["check"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    run.stderr
}

#[test]
fn files_that_cannot_be_inputs_have_their_codes() {
    // E0501: a link out of the project.
    let stderr = check_with(|p| symlink("/etc/hostname", p).unwrap());
    assert!(
        stderr.starts_with("locales/en/x.ftl: error[E0501]: a link to /etc/hostname"),
        "{stderr}"
    );
    // E0502: a pipe.
    let stderr = check_with(|p| {
        let made = Command::new("mkfifo").arg(p).status().unwrap();
        assert!(made.success());
    });
    assert!(
        stderr.starts_with("locales/en/x.ftl: error[E0502]: not a regular file"),
        "{stderr}"
    );
    // E0503: larger than the limit (a sparse file: nothing is written).
    let stderr = check_with(|p| {
        std::fs::File::create(p).unwrap().set_len(65 << 20).unwrap();
    });
    assert!(
        stderr.starts_with("locales/en/x.ftl: error[E0503]: larger than 64 MiB"),
        "{stderr}"
    );
    // E0505: a folder that links back to one above it.
    let stderr = check_with(|p| {
        std::fs::create_dir(p).unwrap();
        symlink("..", p.join("loop")).unwrap();
    });
    assert!(
        stderr.contains("error[E0505]: cannot be read: a link that loops back"),
        "{stderr}"
    );
    // E0505 too: a link to nothing.
    let stderr = check_with(|p| symlink("nothing-here.ftl", p).unwrap());
    assert!(
        stderr.starts_with("locales/en/x.ftl: error[E0505]: cannot be read"),
        "{stderr}"
    );
}

#[test]
fn explain_error_shows_a_code_in_either_language() {
    let anywhere = tempfile::tempdir().unwrap();
    let en = errdoc(anywhere.path(), &["explain-error", "E0225", "--lang", "en"]);
    assert_eq!(en.status, 0, "{}", en.stderr);
    assert!(en.stdout.starts_with("E0225  "), "{}", en.stdout);
    assert!(en.stdout.contains("DUPLICATE_CODE"), "{}", en.stdout);
    let zh = errdoc(
        anywhere.path(),
        &["explain-error", "e225", "--lang", "zh-CN"],
    );
    assert_eq!(zh.status, 0, "{}", zh.stderr);
    assert!(zh.stdout.starts_with("E0225  "), "{}", zh.stdout);
    assert!(
        zh.stdout
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{}",
        zh.stdout
    );
    assert_ne!(en.stdout, zh.stdout);
    // Every kind is there, in both languages.
    for kind in KINDS {
        for lang in ["en", "zh-CN"] {
            let run = errdoc(
                anywhere.path(),
                &[
                    "explain-error",
                    kind.code,
                    "--lang",
                    lang,
                    "--format",
                    "json",
                ],
            );
            assert_eq!(run.status, 0, "{} {lang}: {}", kind.code, run.stderr);
            let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
            let text = &json[0];
            assert!(
                !text["title"].as_str().unwrap_or("").is_empty(),
                "{} {lang}: {json}",
                kind.code
            );
            assert!(
                !text["description"].as_str().unwrap_or("").is_empty(),
                "{} {lang}: {json}",
                kind.code
            );
            // Nothing shown in another language for want of a translation.
            assert_eq!(
                text["fallback"],
                serde_json::json!([]),
                "{} {lang}",
                kind.code
            );
        }
    }
    let unknown = errdoc(anywhere.path(), &["explain-error", "E0999"]);
    assert_eq!(unknown.status, 1);
    assert_eq!(
        unknown.stderr,
        "error: `E0999` is not a code of errdoc's errors — they are E0101 to E0624 (`errdoc check` prints them in brackets: `error[E0225]`)\n"
    );
}
