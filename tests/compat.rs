//! `errdoc compat` on a git repository with two tagged releases of a
//! catalog (tests/fixtures/compat/v1 and v2): every kind of change, breaking
//! and acknowledged, with its exact report; against the tag and against a
//! file of `export --format json`.
//!
//! `ERRDOC_BLESS=1 cargo test --test compat` rewrites the expected files.

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::{Run, copy_tree, errdoc, fixtures};

fn compat_fixtures() -> PathBuf {
    fixtures().join("compat")
}

/// Runs git in `dir`, as a user of its own (no global configuration).
fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=errdoc",
            "-c",
            "user.email=errdoc@example.org",
        ])
        .args(["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A repository whose tag v1.0 holds release v1 and whose v2.0 (and
/// working tree) holds v2.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    copy_tree(&compat_fixtures().join("v1"), root);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "Release 1.0"]);
    git(root, &["tag", "v1.0"]);
    std::fs::remove_dir_all(root.join("catalog")).unwrap();
    std::fs::remove_dir_all(root.join("locales")).unwrap();
    copy_tree(&compat_fixtures().join("v2"), root);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "Release 2.0"]);
    git(root, &["tag", "v2.0"]);
    dir
}

/// Compares `actual` with the expected file `name`, or rewrites it.
fn expect(name: &str, actual: &str) {
    support::expect_file(&compat_fixtures().join("expected").join(name), actual);
}

#[test]
fn every_kind_of_change_against_a_tag_is_reported_at_its_line() {
    let repo = repository();
    let run = errdoc(repo.path(), &["compat", "--against", "v1.0"]);
    assert_eq!(run.status, 1, "breaking changes fail: {}", run.stderr);
    assert_eq!(run.stdout, "");
    expect("against-tag.stderr", &run.stderr);
    // Every breaking kind is there, and every acknowledged one a note.
    for code in ["E0601", "E0602", "E0603", "E0604", "E0605", "E0607"] {
        assert!(run.stderr.contains(&format!("error[{code}]")), "{code}");
    }
    for code in ["E0606", "E0608"] {
        assert!(run.stderr.contains(&format!("warning[{code}]")), "{code}");
    }
    for code in [
        "E0611", "E0612", "E0613", "E0614", "E0615", "E0616", "E0617",
    ] {
        assert!(run.stderr.contains(&format!("note[{code}]")), "{code}");
    }
    // The code that is gone is located in the release's catalog, read
    // from git without a checkout.
    assert!(
        run.stderr
            .contains("v1.0:catalog/codes.yaml:22:15: error[E0601]: code 100 (NET_GONE)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.ends_with(
        "error: compat found 6 breaking changes against v1.0 (2 warnings and 8 notes)\n"
    ));
}

#[test]
fn json_lists_every_change_with_both_sides() {
    let repo = repository();
    let run = errdoc(
        repo.path(),
        &["compat", "--against", "v1.0", "--format", "json"],
    );
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    expect("against-tag.json", &run.stdout);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["ok"], false);
    assert_eq!(json["errors"], 6);
    let kinds: Vec<(&str, i64)> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["kind"].as_str().unwrap(), c["code"].as_i64().unwrap()))
        .collect();
    for expected in [
        ("removed", 100),
        ("removal-noted", 101),
        ("removed-undeprecated", 102),
        ("renumbered", 103),
        ("reused", 104),
        ("renamed", 105),
        ("rename-noted", 106),
        ("message-changed", 107),
        ("message-change-noted", 108),
        ("moved", 109),
        ("deprecated", 110),
        ("renumbered", 2004),
        ("removed", 5003),
        ("message-changed", 5002),
        ("added", 120),
        ("added", 3112),
    ] {
        assert!(kinds.contains(&expected), "{expected:?} in {kinds:?}");
    }
}

#[test]
fn an_exported_file_of_the_release_gives_the_same_changes() {
    let repo = repository();
    let file = repo.path().join("v1.json");
    let export = errdoc(
        &compat_fixtures().join("v1"),
        &["export", "--format", "json", "-o", file.to_str().unwrap()],
    );
    assert_eq!(export.status, 0, "{}", export.stderr);
    let run = errdoc(
        repo.path(),
        &["compat", "--against", file.to_str().unwrap()],
    );
    assert_eq!(run.status, 1, "{}", run.stderr);
    // The file has no lines: the code that is gone is located at the file.
    expect(
        "against-file.stderr",
        &run.stderr.replace(file.to_str().unwrap(), "v1.json"),
    );
    let by_tag = errdoc(
        repo.path(),
        &["compat", "--against", "v1.0", "--format", "json"],
    );
    let by_file = errdoc(
        repo.path(),
        &[
            "compat",
            "--against",
            file.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let changes = |run: &Run| {
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        json["changes"].clone()
    };
    assert_eq!(changes(&by_tag), changes(&by_file));
}

#[test]
fn a_release_against_itself_has_no_change_and_passes() {
    let repo = repository();
    let run = errdoc(repo.path(), &["compat", "--against", "v2.0"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "compat: no breaking change against v2.0 (0 warnings and 0 notes)\n"
    );
}

#[test]
fn a_sites_codes_json_is_not_a_release() {
    let repo = repository();
    let build = errdoc(repo.path(), &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    let file = repo.path().join("site/en/codes.json");
    let run = errdoc(
        repo.path(),
        &["compat", "--against", file.to_str().unwrap()],
    );
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stderr,
        format!(
            "error: {} is a site's codes.json, which has one language and no history of its codes\n  = help: compare against a file of `errdoc export --format json`\n",
            file.display()
        )
    );
}

#[test]
fn what_is_not_a_release_is_said() {
    let repo = repository();
    let help = "  = help: --against takes a git revision of the project (a tag such as v1.0, a commit) or a file of `errdoc export --format json`\n";
    let unknown = errdoc(repo.path(), &["compat", "--against", "v9.9"]);
    assert_eq!(unknown.status, 1);
    assert_eq!(
        unknown.stderr,
        format!(
            "error: git cannot show catalog/codes.yaml at `v9.9`: invalid object name 'v9.9'.\n{help}"
        )
    );
    // An option is never passed to git as a revision.
    let option = errdoc(repo.path(), &["compat", "--against=--output=x"]);
    assert_eq!(option.status, 1);
    assert_eq!(
        option.stderr,
        format!("error: `--output=x` is neither a file nor a git revision\n{help}")
    );
    assert!(!repo.path().join("x").exists());
    // A revision whose catalog does not read: its errors, located in it.
    std::fs::write(repo.path().join("catalog/codes.yaml"), "modules: [\n").unwrap();
    git(repo.path(), &["commit", "-q", "-am", "Broken"]);
    git(repo.path(), &["tag", "broken"]);
    copy_tree(&compat_fixtures().join("v2"), repo.path());
    let broken = errdoc(repo.path(), &["compat", "--against", "broken"]);
    assert_eq!(broken.status, 1);
    assert!(
        broken.stderr.starts_with("broken:catalog/codes.yaml:"),
        "{}",
        broken.stderr
    );
    assert!(
        broken
            .stderr
            .ends_with("error: the catalog of `broken` does not read with this errdoc; compare against a file of `errdoc export --format json` made by the errdoc of that release\n"),
        "{}",
        broken.stderr
    );
}

/// A code kept with `removed:` stays on its page, documented as gone.
#[test]
fn a_removed_code_is_documented_as_removed() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&compat_fixtures().join("v2"), dir.path());
    let run = errdoc(dir.path(), &["build"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(dir.path().join("site/md/en/errorcode-net.md")).unwrap();
    assert!(
        page.contains(
            "## 102 Dropped\n\n**Error Message**\n\nDropped.\n\n**Description**\n\nThe dropped error.\n\n**Versions**\n\n- Removed in API 14: apps no longer receive it; the number stays reserved\n"
        ),
        "{page}"
    );
    let html = std::fs::read_to_string(dir.path().join("site/en/codes/102.html")).unwrap();
    assert!(
        html.contains(
            "<li>Removed in API 14: apps no longer receive it; the number stays reserved</li>"
        ),
        "{html}"
    );
}

/// The release v2 with `site.changes_since` naming v1's export: each
/// locale's "Changes since v1.0" pages, Markdown and HTML.
fn with_changes_since(file: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&compat_fixtures().join("v2"), dir.path());
    std::fs::create_dir_all(dir.path().join("catalog/releases")).unwrap();
    let export = errdoc(
        &compat_fixtures().join("v1"),
        &[
            "export",
            "--format",
            "json",
            "-o",
            dir.path()
                .join("catalog/releases/v1.0.json")
                .to_str()
                .unwrap(),
        ],
    );
    assert_eq!(export.status, 0, "{}", export.stderr);
    let catalog = dir.path().join("catalog/codes.yaml");
    let text = std::fs::read_to_string(&catalog).unwrap();
    std::fs::write(
        &catalog,
        text.replacen(
            "tables:\n",
            &format!("site:\n  changes_since: \"{file}\"\n\ntables:\n"),
            1,
        ),
    )
    .unwrap();
    dir
}

#[test]
fn the_site_shows_the_changes_since_a_release() {
    let dir = with_changes_since("catalog/releases/v1.0.json");
    let run = errdoc(dir.path(), &["build"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(dir.path().join("site/md/en/changes.md")).unwrap();
    expect("changes.md", &page);
    let html = std::fs::read_to_string(dir.path().join("site/en/changes.html")).unwrap();
    assert!(
        html.contains(
            "<li><span class=\"code\"><a href=\"codes/113.html\">103</a></span> Moved Number <code>NET_MOVED_NUMBER</code> → 113</li>"
        ),
        "{html}"
    );
    let home = std::fs::read_to_string(dir.path().join("site/en/index.html")).unwrap();
    assert!(
        home.contains("<a href=\"changes.html\">Changes since v1.0</a>"),
        "{home}"
    );
}

#[test]
fn a_changes_since_file_that_cannot_be_read_fails_the_build() {
    let missing = with_changes_since("catalog/releases/v0.9.json");
    let run = errdoc(missing.path(), &["build"]);
    assert_eq!(run.status, 1);
    let outside = with_changes_since("../v1.0.json");
    let run2 = errdoc(outside.path(), &["build"]);
    assert_eq!(run2.status, 1);
    // A backup's name: the cache and `serve` would not see it change.
    let backup = with_changes_since("catalog/releases/v1.0.json~");
    std::fs::copy(
        backup.path().join("catalog/releases/v1.0.json"),
        backup.path().join("catalog/releases/v1.0.json~"),
    )
    .unwrap();
    let run3 = errdoc(backup.path(), &["build"]);
    assert_eq!(run3.status, 1);
    expect(
        "changes-since.stderr",
        &format!("{}{}{}", run.stderr, run2.stderr, run3.stderr),
    );
    assert!(!missing.path().join("site").exists());
    // The snapshot is the build's: `export`, which writes it, still works.
    let export = errdoc(
        missing.path(),
        &[
            "export",
            "--format",
            "json",
            "-o",
            "catalog/releases/v0.9.json",
        ],
    );
    assert_eq!(export.status, 0, "{}", export.stderr);
}

/// A snapshot's names reach the pages as they are: one errdoc would not
/// have written is refused, never rendered.
#[test]
fn a_snapshot_with_names_errdoc_does_not_write_is_refused() {
    let dir = with_changes_since("catalog/releases/v1.0.json");
    let file = dir.path().join("catalog/releases/v1.0.json");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("\"NET_GONE\"", "\"X` <img src=x onerror=alert(1)>\""),
    )
    .unwrap();
    let run = errdoc(dir.path(), &["build"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.starts_with(
            "catalog/codes.yaml:5:18: error[E0609]: `site.changes_since` cannot be read: catalog/releases/v1.0.json: code 100 has a name or module errdoc does not write (`X` <img src=x onerror=alert(1)>`, `net`)"
        ),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("site").exists());
}
