//! `errdoc scan` on tests/fixtures/scan: a project and a source tree in
//! seven languages with documented, undocumented and unused codes, a
//! project pattern, an excluded folder, a `.gitignore`d folder, a binary
//! file and a file of no source language; the exact report.
//!
//! `ERRDOC_BLESS=1 cargo test --test scan` rewrites the expected files.

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use support::{copy_tree, errdoc_in, fixtures};

/// The fixture in a temporary folder, with what git must not hold: a
/// folder its `.gitignore` leaves out, and a binary file.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("scan"), dir.path());
    let src = dir.path().join("src");
    std::fs::remove_file(dir.path().join("expected.stderr")).ok();
    for name in [
        "expected.json",
        "expected-errors.stderr",
        "expected-pattern.stderr",
    ] {
        std::fs::remove_file(dir.path().join(name)).ok();
    }
    std::fs::create_dir_all(src.join("ignored")).unwrap();
    std::fs::write(
        src.join("ignored/secret.c"),
        "int f(void) { return 2300098; }\n",
    )
    .unwrap();
    std::fs::write(src.join("blob.c"), b"\x00\x01 2300097 \x00").unwrap();
    dir
}

fn expect(name: &str, actual: &str) {
    support::expect_file(&fixtures().join("scan").join(name), actual);
}

#[test]
fn undocumented_and_unused_codes_are_reported_at_their_places() {
    let dir = project();
    let run = errdoc_in(dir.path(), &["scan", "src", "--unused"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    expect("expected.stderr", &run.stderr);
    // Each undocumented code, once, in each language.
    for place in [
        "src/net.c:7:27: error[E0621]: code 2300042 ",
        "src/lib.rs:3:23: error[E0621]: code 2300044 ",
        "src/app/EntryAbility.ets:8:11: error[E0621]: code 2300045 ",
        "src/app/EntryAbility.ets:10:11: error[E0621]: code NET_MISSING ",
        "src/app/Main.java:5:18: error[E0621]: code 2300046 ",
        "src/tool.py:3:8: error[E0621]: code 2300047 ",
        "src/main.go:6:16: error[E0621]: code 2300048 ",
        "catalog/codes.yaml:31:15: warning[E0622]: code 2300003 (NET_UNUSED) ",
    ] {
        assert_eq!(
            run.stderr.matches(place).count(),
            1,
            "{place}\n{}",
            run.stderr
        );
    }
    // Not codes, or not read: hex, floats, versions, a vendor range,
    // numbers outside every owned range, an excluded folder, a
    // `.gitignore`d one, a binary file, Markdown.
    for absent in [
        "2300043",
        "2300950",
        "1006",
        "2300099",
        "2300098",
        "2300097",
        "2300049",
        "NET_BY_NAME",
        "2300104",
    ] {
        assert!(!run.stderr.contains(absent), "{absent}\n{}", run.stderr);
    }
    assert!(run.stderr.ends_with(
        "error: scan found 7 undocumented codes and 1 warning in 6 files (and 1 skipped: binary or too large)\n"
    ));
}

#[test]
fn without_unused_documented_codes_are_not_listed_and_json_says_the_same() {
    let dir = project();
    let run = errdoc_in(dir.path(), &["scan", "src"]);
    assert_eq!(run.status, 1);
    assert!(!run.stderr.contains("E0622"), "{}", run.stderr);
    let json = errdoc_in(dir.path(), &["scan", "src", "--unused", "--format", "json"]);
    assert_eq!(json.status, 1);
    assert_eq!(json.stderr, "");
    expect("expected.json", &json.stdout);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["errors"], 7);
    assert_eq!(report["warnings"], 1);
    assert_eq!(report["files"], 6);
}

#[test]
fn named_files_are_read_and_a_clean_one_passes() {
    let dir = project();
    let run = errdoc_in(dir.path(), &["scan", "src/app/Main.java", "src/lib.rs"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let clean = dir.path().join("clean.py");
    std::fs::write(&clean, "TIMEOUT = 2300001\nREFUSED = 2300002\n").unwrap();
    let run = errdoc_in(dir.path(), &["scan", "clean.py"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "scan: no undocumented code and 0 warnings in 1 file\n"
    );
}

#[test]
fn a_path_that_cannot_be_scanned_fails() {
    let dir = project();
    let run = errdoc_in(dir.path(), &["scan", "src/main.go", "nowhere"]);
    assert_eq!(run.status, 1);
    expect("expected-errors.stderr", &run.stderr);
    assert!(
        run.stderr
            .contains("\nerror[E0624]: cannot be scanned: nowhere: "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .ends_with("in 1 file; 1 path could not be scanned\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_pattern_that_does_not_compile_is_said_at_its_line() {
    let dir = project();
    let catalog = dir.path().join("catalog/codes.yaml");
    let text = std::fs::read_to_string(&catalog).unwrap();
    std::fs::write(
        &catalog,
        text.replace(r"'NET_ERR\((\w+)\)'", r"'NET_ERR\((\w+'"),
    )
    .unwrap();
    let run = errdoc_in(dir.path(), &["scan", "src"]);
    assert_eq!(run.status, 1);
    expect("expected-pattern.stderr", &run.stderr);
    assert_eq!(
        run.stderr,
        "catalog/codes.yaml:13:7: error[E0623]: this entry of `scan.patterns` does not compile: unclosed group — globs are like `src/**/*.c` (paths relative to the current folder); patterns are regular expressions (Rust's regex syntax) whose group 1 is the code or the constant's name\n   |\n13 |     - 'NET_ERR\\((\\w+'\n   |       ^^^^^^^^^^^^^^^\nerror: scan failed with 1 error\n"
    );
}

/// The same tree, however its paths are written: `.` or `src`, given
/// twice or inside another, reads each file once and says the same.
#[test]
fn paths_however_written_read_each_file_once() {
    let dir = project();
    let by_src = errdoc_in(dir.path(), &["scan", "src", "--unused"]);
    let by_dot = errdoc_in(dir.path(), &["scan", ".", "--unused"]);
    assert_eq!(by_src.stderr, by_dot.stderr);
    let twice = errdoc_in(dir.path(), &["scan", "src", "src/app", "./src", "--unused"]);
    assert_eq!(by_src.stderr, twice.stderr);
    // Paths that leave no file to read fail, rather than pass on nothing.
    let none = errdoc_in(dir.path(), &["scan", "src/vendor"]);
    assert_eq!(none.status, 1);
    assert!(
        none.stderr.starts_with(
            "error[E0624]: cannot be scanned: no file to read under the paths: none is of a language errdoc knows, `scan.include` and `scan.exclude` leave none, or every one is binary"
        ),
        "{}",
        none.stderr
    );
}

/// `scan.include` replaces the languages: Markdown is read when it says so.
#[test]
fn include_chooses_the_files_whatever_their_language() {
    let dir = project();
    let catalog = dir.path().join("catalog/codes.yaml");
    let text = std::fs::read_to_string(&catalog).unwrap();
    std::fs::write(
        &catalog,
        text.replace("scan:\n", "scan:\n  include: [\"**/*.md\"]\n"),
    )
    .unwrap();
    let run = errdoc_in(dir.path(), &["scan", "src"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("src/notes.md:1:18: error[E0621]: code 2300049 "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.ends_with("in 1 file\n"), "{}", run.stderr);
}
