//! `errdoc explain --catalog FILE` outside any project: from the file of
//! `export --format json` and from a site's `codes.json`, it reads exactly
//! as `explain` does in the project; a file it cannot read is said with
//! its line and column.

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use std::path::{Path, PathBuf};

use support::{Run, errdoc_in};

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What people ask: a code, a constant (any case), an errno name and an
/// alias of one, a number inside a range, a message, log lines, and
/// things that are not in the catalog.
const QUERIES: &[&str] = &[
    "2303210",
    "1006",
    "2301111",
    "socket_etimedout",
    "ETIMEDOUT",
    "EWOULDBLOCK",
    "4001",
    "Connection timed out.",
    "2026-12-01 12:00:01.234 E/NetStack(4211): connect failed, code 2303210",
    "W NetStack: SOCKET_ECONNREFUSED while connecting to 10.0.0.1:443",
    "read() failed: ECONNREFUSED",
    "2303240",
    "SOCKET_ETIMEOUT",
];

fn assert_same(in_project: &Run, anywhere: &Run, what: &str) {
    assert_eq!(
        (in_project.status, &in_project.stderr, &in_project.stdout),
        (anywhere.status, &anywhere.stderr, &anywhere.stdout),
        "{what}"
    );
}

#[test]
fn an_exported_file_explains_from_root_as_the_project_does() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("codes.json");
    let export = errdoc_in(
        repository(),
        &[
            "export",
            "--format",
            "json",
            "--output",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(export.status, 0, "{}", export.stderr);
    let file = file.to_str().unwrap();
    for lang in ["en", "zh-CN"] {
        for format in ["text", "markdown"] {
            for query in QUERIES {
                let args = ["explain", query, "--lang", lang, "--format", format];
                let in_project = errdoc_in(repository(), &args);
                let mut anywhere_args = args.to_vec();
                anywhere_args.extend(["--catalog", file]);
                let anywhere = errdoc_in(Path::new("/"), &anywhere_args);
                assert_same(&in_project, &anywhere, &format!("{query} {lang} {format}"));
            }
        }
    }
    // JSON gives the file's own records, with every language's texts.
    let json = errdoc_in(
        Path::new("/"),
        &[
            "explain",
            "ETIMEDOUT",
            "--format",
            "json",
            "--catalog",
            file,
        ],
    );
    assert_eq!(json.status, 0, "{}", json.stderr);
    let records: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let codes: Vec<i64> = records
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_i64().unwrap())
        .collect();
    assert_eq!(codes, [2301110, 2303210]);
    assert_eq!(records[1]["texts"]["zh-CN"]["title"], "连接超时");
}

#[test]
fn a_sites_codes_json_explains_as_the_project_does_in_its_language() {
    for lang in ["en", "zh-CN"] {
        let file: PathBuf = repository().join("site").join(lang).join("codes.json");
        let file = file.to_str().unwrap();
        for format in ["text", "markdown", "json"] {
            for query in QUERIES.iter().filter(|q| **q != "EWOULDBLOCK") {
                let in_project = errdoc_in(
                    repository(),
                    &["explain", query, "--lang", lang, "--format", format],
                );
                let anywhere = errdoc_in(
                    Path::new("/"),
                    &["explain", query, "--format", format, "--catalog", file],
                );
                assert_same(&in_project, &anywhere, &format!("{query} {lang} {format}"));
            }
        }
        // A site's file is of one language: any other is refused.
        let other = errdoc_in(
            Path::new("/"),
            &["explain", "1006", "--lang", "fr", "--catalog", file],
        );
        assert_eq!(other.status, 1);
        assert_eq!(
            other.stderr,
            format!("error: there is no locale `fr` — the locales are {lang}\n")
        );
    }
}

#[test]
fn a_file_it_cannot_read_is_said_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let help = "  = help: --catalog reads the file `errdoc export --format json` writes, or a site's codes.json\n";
    let cases: &[(&str, &str, String)] = &[
        (
            "type.json",
            "{\"locales\": [\"en\"],\n \"codes\": [{\"code\": \"x\"}]}",
            format!("error: {{}}:2:23: invalid type: string \"x\", expected i64\n{help}"),
        ),
        (
            "cut.json",
            "{\"locales\": [\"en\"],\n \"codes\": [",
            format!("error: {{}}:2:11: EOF while parsing a list\n{help}"),
        ),
        (
            "shape.json",
            "[1, 2]",
            format!(
                "error: {{}}: this JSON has neither `locales` (an exported catalog) nor `locale` (a site's codes.json)\n{help}"
            ),
        ),
        (
            "empty.json",
            "{\"locales\": [], \"codes\": []}",
            format!("error: {{}}: `locales` is empty: the file names no language\n{help}"),
        ),
    ];
    for (name, text, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let path = path.to_str().unwrap();
        let run = errdoc_in(Path::new("/"), &["explain", "1", "--catalog", path]);
        assert_eq!(run.status, 1, "{name}");
        assert_eq!(run.stdout, "", "{name}");
        assert_eq!(run.stderr, expected.replace("{}", path), "{name}");
    }
    let missing = dir.path().join("missing.json");
    let run = errdoc_in(
        Path::new("/"),
        &["explain", "1", "--catalog", missing.to_str().unwrap()],
    );
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stderr,
        format!(
            "error: cannot read {}: No such file or directory (os error 2)\n",
            missing.display()
        )
    );
}

/// A file of an earlier errdoc, without page titles or labels: the
/// module's id and English labels stand in; and whatever the file holds
/// reaches the terminal printable (a control character shown as U+FFFD).
#[test]
fn a_file_without_titles_or_labels_still_explains_and_prints_no_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.json");
    let file = serde_json::json!({
        "locales": ["en"],
        "codes": [{
            "code": 7,
            "name": "SEVEN",
            "module": "numbers",
            "message": "Seven\u{1b}]52;c;aGk=\u{7}.",
            "texts": {"en": {
                "title": "Seven \u{1b}[2J",
                "description": "The **seventh**.",
                "causes": ["One.", "Two."],
                "solutions": [],
                "flags": []
            }}
        }]
    });
    std::fs::write(&path, file.to_string()).unwrap();
    let path = path.to_str().unwrap();
    let run = errdoc_in(Path::new("/"), &["explain", "7", "--catalog", path]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "7  Seven \u{fffd}[2J\n\
         SEVEN · numbers\n\
         \n\
         Error Message\n\
         \x20   Seven\u{fffd}]52;c;aGk=\u{fffd}.\n\
         \n\
         Description\n\
         \x20   The seventh.\n\
         \n\
         Possible Causes\n\
         \x20   1. One.\n\
         \x20   2. Two.\n"
    );
    let markdown = errdoc_in(
        Path::new("/"),
        &[
            "explain",
            "seven",
            "--format",
            "markdown",
            "--catalog",
            path,
        ],
    );
    assert_eq!(markdown.status, 0, "{}", markdown.stderr);
    assert!(!markdown.stdout.contains('\x1b'), "{}", markdown.stdout);
    assert!(
        markdown.stdout.starts_with("## 7 Seven "),
        "{}",
        markdown.stdout
    );
}
