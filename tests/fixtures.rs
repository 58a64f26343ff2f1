//! Fixture-driven tests of the binary.
//!
//! - `tests/fixtures/build/<case>/`: `overlay/` is copied over the base
//!   project, `errdoc build` runs, and `site/` must equal `expected/`
//!   file for file (golden files).
//! - `tests/fixtures/invalid/<case>/`: `overlay/` is copied over the base
//!   project, `edits` are applied (see `support::apply_edits`), the paths
//!   listed in `remove` are deleted, `errdoc <args>` runs (`args`, default `check`), and its exact
//!   standard error must equal `expected.stderr`, its status
//!   `expected.status` (default 1); nothing may be written to `site/`.
//!
//! `ERRDOC_BLESS=1 cargo test` rewrites the expected files; review the diff.

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use std::path::Path;

use support::{blessing, cases, diff, errdoc, fixtures, project, read_tree};

fn read_optional(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

#[test]
fn golden_pages() {
    let dir = fixtures().join("build");
    let mut failures = Vec::new();
    for case in cases(&dir) {
        let case_dir = dir.join(&case);
        let overlay = case_dir.join("overlay");
        let root = project(overlay.exists().then_some(overlay.as_path()));
        let run = errdoc(root.path(), &["build"]);
        if run.status != 0 {
            failures.push(format!("{case}: build failed:\n{}", run.stderr));
            continue;
        }
        let mut actual = read_tree(&root.path().join("site"));
        // The static files are copies of templates/static: compared with
        // those, not kept once more per case.
        let statics = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/static");
        actual.retain(|path, bytes| {
            let name = path
                .file_name()
                .map(|n| n.to_os_string())
                .unwrap_or_default();
            let is_static = path.starts_with("assets") || path == Path::new("favicon.svg");
            if is_static && !overlay.join("templates/static").join(&name).exists() {
                let expected = std::fs::read(statics.join(&name)).unwrap_or_default();
                if &expected != bytes {
                    failures.push(format!(
                        "{case}: {} differs from templates/static",
                        path.display()
                    ));
                }
                return false;
            }
            true
        });
        let expected_dir = case_dir.join("expected");
        if blessing() {
            let _ = std::fs::remove_dir_all(&expected_dir);
            for (path, bytes) in &actual {
                let target = expected_dir.join(path);
                std::fs::create_dir_all(target.parent().unwrap()).unwrap();
                std::fs::write(target, bytes).unwrap();
            }
            continue;
        }
        let expected = read_tree(&expected_dir);
        let names = |t: &std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>| {
            t.keys().cloned().collect::<Vec<_>>()
        };
        if names(&expected) != names(&actual) {
            failures.push(format!(
                "{case}: files differ\n  expected: {:?}\n  actual:   {:?}",
                names(&expected),
                names(&actual)
            ));
            continue;
        }
        for (path, bytes) in &expected {
            let got = &actual[path];
            if got != bytes {
                failures.push(format!(
                    "{case}: {} differs:\n{}",
                    path.display(),
                    diff(
                        &String::from_utf8_lossy(bytes),
                        &String::from_utf8_lossy(got)
                    )
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(ERRDOC_BLESS=1 cargo test rewrites the expected files)",
        failures.join("\n")
    );
}

#[test]
fn invalid_input_is_reported_exactly() {
    let dir = fixtures().join("invalid");
    let all = cases(&dir);
    assert!(all.len() >= 10, "expected the invalid cases, found {all:?}");
    let mut failures = Vec::new();
    for case in all {
        let case_dir = dir.join(&case);
        let overlay = case_dir.join("overlay");
        let root = project(overlay.exists().then_some(overlay.as_path()));
        if let Some(edits) = read_optional(&case_dir.join("edits")) {
            support::apply_edits(root.path(), &edits);
        }
        for removed in read_optional(&case_dir.join("remove"))
            .unwrap_or_default()
            .lines()
        {
            let path = root.path().join(removed.trim());
            if path.is_dir() {
                std::fs::remove_dir_all(path).unwrap();
            } else if path.exists() {
                std::fs::remove_file(path).unwrap();
            }
        }
        let args = read_optional(&case_dir.join("args")).unwrap_or_else(|| "check".to_string());
        let args: Vec<&str> = args.split_whitespace().collect();
        let run = errdoc(root.path(), &args);
        let expected_status: i32 = read_optional(&case_dir.join("expected.status"))
            .map_or(1, |s| s.trim().parse().unwrap());
        let stderr_path = case_dir.join("expected.stderr");
        if blessing() {
            std::fs::write(&stderr_path, &run.stderr).unwrap();
        } else {
            let expected = read_optional(&stderr_path).unwrap_or_default();
            if run.stderr != expected {
                failures.push(format!(
                    "{case}: stderr differs:\n{}--- actual stderr ---\n{}",
                    diff(&expected, &run.stderr),
                    run.stderr
                ));
            }
        }
        if run.status != expected_status {
            failures.push(format!(
                "{case}: exit status {} (expected {expected_status})\n{}",
                run.status, run.stderr
            ));
        }
        if expected_status != 0 && root.path().join("site").exists() {
            failures.push(format!("{case}: a failing run wrote site/"));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(ERRDOC_BLESS=1 cargo test rewrites the expected files)",
        failures.join("\n")
    );
}
