//! Hostile and broken input: a clear error (file and line where there is
//! one), exit status 1, and `site/` exactly as it was. Kills in the middle
//! of a build and two builds at once never leave a half-written file.

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use support::{apply_edits, copy_tree, errdoc, project, read_tree};

/// A built base project and a snapshot of its site.
fn built() -> (tempfile::TempDir, BTreeMap<PathBuf, Vec<u8>>) {
    let root = project(None);
    let run = errdoc(root.path(), &["build"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let site = read_tree(&root.path().join("site"));
    (root, site)
}

/// Writes `catalog/codes.yaml`, builds, and checks the failure.
fn fails_with(root: &Path, site: &BTreeMap<PathBuf, Vec<u8>>, catalog: &[u8], expected: &str) {
    std::fs::write(root.join("catalog/codes.yaml"), catalog).unwrap();
    let started = std::time::Instant::now();
    let run = errdoc(root, &["build"]);
    assert!(started.elapsed() < Duration::from_secs(20), "bounded time");
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(expected),
        "expected {expected:?} in:\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(&read_tree(&root.join("site")), site, "site/ is untouched");
}

#[test]
fn yaml_bombs_and_deep_nesting_are_refused_quickly() {
    let (root, site) = built();
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (i, name) in "bcdefghijk".chars().enumerate() {
        let prev = (b'a' + i as u8) as char;
        bomb.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    bomb.push_str("modules: []\n");
    fails_with(root.path(), &site, bomb.as_bytes(), "catalog/codes.yaml:");

    let deep = "modules:\n".to_string() + &"[".repeat(10_000) + &"]".repeat(10_000) + "\n";
    fails_with(root.path(), &site, deep.as_bytes(), "catalog/codes.yaml:");
}

#[test]
fn impossible_numbers_nul_and_broken_utf8_are_located() {
    let (root, site) = built();
    let base = std::fs::read_to_string(root.path().join("catalog/codes.yaml")).unwrap();
    let overflow = base.replace("code: 1006", "code: 99999999999999999999");
    fails_with(
        root.path(),
        &site,
        overflow.as_bytes(),
        "catalog/codes.yaml:25:15: error:",
    );
    let negative = base.replace("code: 1006", "code: -1006");
    fails_with(
        root.path(),
        &site,
        negative.as_bytes(),
        "catalog/codes.yaml:25:15: error:",
    );
    let nul = base.replace("ABNORMAL_CLOSURE", "ABNORMAL\0CLOSURE");
    fails_with(root.path(), &site, nul.as_bytes(), "catalog/codes.yaml:");
    let mut bytes = base.into_bytes();
    bytes.extend_from_slice(b"# \xff\xfe\n");
    fails_with(
        root.path(),
        &site,
        &bytes,
        "catalog/codes.yaml: error: not UTF-8",
    );
}

#[test]
fn a_bom_and_crlf_line_endings_simply_work() {
    let (lf, lf_site) = built();
    let crlf = project(None);
    for entry in walkdir::WalkDir::new(crlf.path())
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_file() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let converted = format!("\u{feff}{}", text.replace('\n', "\r\n"));
            std::fs::write(entry.path(), converted).unwrap();
        }
    }
    let run = errdoc(crlf.path(), &["build"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(
        read_tree(&crlf.path().join("site")),
        lf_site,
        "the same site"
    );
    drop(lf);
}

#[test]
fn template_syntax_in_text_is_printed_never_evaluated() {
    let root = project(None);
    apply_edits(
        root.path(),
        "--- locales/en/close.ftl\n<<<\n    .cause-1 = The network went down.\n===\n    .cause-1 = The network {{\"{{\"}} 7 * 7 {\"}}\"} went {\"{%\"} raw {\"%}\"} down.\n>>>\n\
         --- catalog/codes.yaml\n<<<\n        message: \"Interrupted system call.\"\n===\n        message: \"Interrupted {{ page }} {% if true %}x{% endif %}\"\n>>>\n",
    );
    let run = errdoc(root.path(), &["build"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let md = std::fs::read_to_string(root.path().join("site/md/en/errorcode-close.md")).unwrap();
    assert!(
        md.contains("The network {{ 7 * 7 }} went {% raw %} down."),
        "{md}"
    );
    let html = std::fs::read_to_string(root.path().join("site/en/codes/2301004.html")).unwrap();
    assert!(
        html.contains("Interrupted {{ page }} {% if true %}x{% endif %}"),
        "{html}"
    );
}

#[test]
fn messages_that_reference_each_other_in_a_circle_are_an_error() {
    let (root, site) = built();
    apply_edits(
        root.path(),
        "--- locales/en/close.ftl\n<<<\n    .solution-1 = Reconnect with back-off.\n===\n    .solution-1 = Reconnect, see { loop-a }.\n\nloop-a = A { loop-b }\nloop-b = B { loop-a }\n>>>\n",
    );
    let run = errdoc(root.path(), &["build"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "locales/en/close.ftl:8:6: error: `code-1006.solution-1` cannot be formatted"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(read_tree(&root.path().join("site")), site);
}

#[cfg(unix)]
#[test]
fn a_site_folder_that_links_outside_is_never_written_through() {
    let root = project(None);
    let outside = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), root.path().join("site")).unwrap();
    let run = errdoc(root.path(), &["build"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr
            .contains("is a symbolic link; errdoc does not write through links"),
        "{}",
        run.stderr
    );
    assert!(
        read_tree(outside.path()).is_empty(),
        "nothing written outside"
    );

    // A link further down is refused too.
    std::fs::remove_file(root.path().join("site")).unwrap();
    std::fs::create_dir_all(root.path().join("site/md")).unwrap();
    std::os::unix::fs::symlink(outside.path(), root.path().join("site/md/en")).unwrap();
    let run = errdoc(root.path(), &["build"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        read_tree(outside.path()).is_empty(),
        "nothing written outside"
    );
}

/// The repository's own project in a temporary folder: big enough (600
/// files) for a kill to land in the middle of writing.
fn repository_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for part in ["catalog", "locales", "templates"] {
        copy_tree(&repo.join(part), &dir.path().join(part));
    }
    dir
}

const TITLE_A: &str = "ui-site-title = Error Code Reference";
const TITLE_B: &str = "ui-site-title = Error Code Reference (B)";

fn set_title(root: &Path, title: &str) {
    let path = root.join("locales/en/ui.ftl");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace(TITLE_B, TITLE_A).replace(TITLE_A, title);
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_build_killed_anywhere_leaves_old_or_new_files_never_half_written() {
    let root = repository_copy();
    let root = root.path();
    // The two complete sites a build may be writing.
    set_title(root, TITLE_B);
    assert_eq!(errdoc(root, &["build"]).status, 0);
    let site_b = read_tree(&root.join("site"));
    set_title(root, TITLE_A);
    assert_eq!(errdoc(root, &["build"]).status, 0);
    let site_a = read_tree(&root.join("site"));
    assert_ne!(site_a, site_b);

    let mut seed: u64 = 0x0bad_5eed;
    let mut killed_while_writing = 0;
    for round in 0..50 {
        set_title(root, if round % 2 == 0 { TITLE_B } else { TITLE_A });
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay = Duration::from_millis(100 + (seed >> 33) % 1400);
        let mut child = Command::new(env!("CARGO_BIN_EXE_errdoc"))
            .arg("--root")
            .arg(root)
            .arg("build")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = read_tree(&root.join("site"));
        let mut mixed = false;
        for (path, bytes) in &now {
            let name = path.file_name().unwrap().to_string_lossy();
            if name.starts_with(".errdoc-") && name.ends_with(".tmp") {
                continue; // a killed build's temporary file; the next build removes it
            }
            let a = site_a.get(path);
            let b = site_b.get(path);
            assert!(
                a == Some(bytes) || b == Some(bytes),
                "round {round}: {} is neither the old nor the new file",
                path.display()
            );
            mixed |= a != b && a == Some(bytes);
        }
        if mixed {
            killed_while_writing += 1;
        }
    }
    // The next build repairs everything.
    set_title(root, TITLE_A);
    assert_eq!(errdoc(root, &["build"]).status, 0);
    assert_eq!(read_tree(&root.join("site")), site_a);
    eprintln!("kills that landed while writing: {killed_while_writing} of 50");
    assert!(
        killed_while_writing > 0,
        "some kills must land while the site is being written"
    );
}

#[test]
fn two_builds_at_once_do_not_corrupt_the_site() {
    let root = repository_copy();
    let root = root.path();
    assert_eq!(errdoc(root, &["build"]).status, 0);
    let expected = read_tree(&root.join("site"));
    std::fs::remove_dir_all(root.join("site")).unwrap();
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_errdoc"))
            .arg("--root")
            .arg(root)
            .arg("build")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let (mut first, mut second) = (spawn(), spawn());
    assert!(first.wait().unwrap().success());
    assert!(second.wait().unwrap().success());
    assert_eq!(read_tree(&root.join("site")), expected);
    assert_eq!(errdoc(root, &["build", "--check"]).status, 0);
}

#[test]
fn a_50_mb_catalog_is_handled_in_bounded_time() {
    let root = project(None);
    let line = format!("# {}\n", "x".repeat(98));
    let mut big = line.repeat(520_000);
    big.push_str(&std::fs::read_to_string(root.path().join("catalog/codes.yaml")).unwrap());
    assert!(big.len() > 50_000_000);
    std::fs::write(root.path().join("catalog/codes.yaml"), big).unwrap();
    let started = std::time::Instant::now();
    let run = errdoc(root.path(), &["check"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(started.elapsed() < Duration::from_secs(60), "bounded time");
}

/// Needs root (to mount a tmpfs): `cargo test --test hostile -- --ignored`.
#[cfg(unix)]
#[test]
#[ignore = "mounts a tiny tmpfs, which needs root; run with --ignored"]
fn a_full_disk_fails_cleanly_and_leaves_only_whole_files() {
    let root = project(None);
    let expected = {
        let elsewhere = project(None);
        assert_eq!(errdoc(elsewhere.path(), &["build"]).status, 0);
        read_tree(&elsewhere.path().join("site"))
    };
    let site = root.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=48k", "tmpfs"])
        .arg(&site)
        .status()
        .unwrap();
    assert!(
        mounted.success(),
        "mount a 48 KiB tmpfs on site/ (needs root)"
    );
    let run = errdoc(root.path(), &["build"]);
    let now = read_tree(&site);
    let _ = Command::new("umount").arg(&site).status();
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("error: cannot write "),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    for (path, bytes) in &now {
        assert_eq!(
            expected.get(path),
            Some(bytes),
            "{} is whole",
            path.display()
        );
    }
}
