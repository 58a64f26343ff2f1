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
        "catalog/codes.yaml:25:15: error[E0107]: invalid i64",
    );
    let negative = base.replace("code: 1006", "code: -1006");
    fails_with(
        root.path(),
        &site,
        negative.as_bytes(),
        "catalog/codes.yaml:25:15: error[",
    );
    let nul = base.replace("ABNORMAL_CLOSURE", "ABNORMAL\0CLOSURE");
    fails_with(root.path(), &site, nul.as_bytes(), "catalog/codes.yaml:");
    let mut bytes = base.into_bytes();
    bytes.extend_from_slice(b"# \xff\xfe\n");
    fails_with(
        root.path(),
        &site,
        &bytes,
        "catalog/codes.yaml: error[E0504]: not UTF-8",
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
            "locales/en/close.ftl:8:6: error[E0327]: `code-1006.solution-1` cannot be formatted"
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
    // A file there named like errdoc's temporary files: not errdoc's to
    // clean up, as nothing there is.
    let theirs = outside.path().join(".errdoc-theirs.tmp");
    std::fs::write(&theirs, "not errdoc's").unwrap();
    std::os::unix::fs::symlink(outside.path(), root.path().join("site")).unwrap();
    let run = errdoc(root.path(), &["build"]);
    assert_eq!(run.status, 1);
    assert!(theirs.exists(), "a file behind the link was removed");
    std::fs::remove_file(&theirs).unwrap();
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

#[test]
fn duplicate_mapping_keys_are_located() {
    let (root, site) = built();
    let base = std::fs::read_to_string(root.path().join("catalog/codes.yaml")).unwrap();
    let twice = base.replacen(
        "        name: ABNORMAL_CLOSURE\n",
        "        name: ABNORMAL_CLOSURE\n        name: OTHER_NAME\n",
        1,
    );
    fails_with(
        root.path(),
        &site,
        twice.as_bytes(),
        "catalog/codes.yaml:27:9: error[E0106]: duplicate mapping key: name — write each key once",
    );
}

#[test]
fn page_names_that_would_write_outside_the_site_are_refused() {
    let (root, site) = built();
    let base = std::fs::read_to_string(root.path().join("catalog/codes.yaml")).unwrap();
    let elsewhere = root.path().parent().unwrap().join("errdoc-escaped");
    for page in [
        "../../x",
        "../errdoc-escaped",
        elsewhere.to_str().unwrap(),
        "a/b",
        "..",
        "C:\\x",
        "x.md",
    ] {
        let quoted = format!("'{}'", page.replace('\'', "''"));
        let catalog = base.replace("page: errorcode-close", &format!("page: {quoted}"));
        fails_with(
            root.path(),
            &site,
            catalog.as_bytes(),
            &format!(
                "catalog/codes.yaml:18:11: error[E0213]: page `{page}` is not a plain file name"
            ),
        );
    }
    assert!(!elsewhere.exists() && !elsewhere.with_extension("md").exists());
}

#[test]
fn locale_folders_that_are_not_language_tags_are_refused() {
    let (root, site) = built();
    let zh = std::fs::read(root.path().join("locales/zh-CN/close.ftl")).unwrap();
    for name in ["..x", "en..", ".git", "-", "en%2F..%2F..", "zh_CN"] {
        let folder = root.path().join("locales").join(name);
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("close.ftl"), &zh).unwrap();
        let run = errdoc(root.path(), &["build"]);
        assert_eq!(run.status, 1, "{name}: {}", run.stderr);
        assert!(
            run.stderr
                .starts_with(&format!("locales/{name}: error[E030")),
            "{}",
            run.stderr
        );
        assert_eq!(read_tree(&root.path().join("site")), site, "{name}");
        std::fs::remove_dir_all(folder).unwrap();
    }
}

#[test]
fn script_in_translated_markdown_is_text_in_both_outputs() {
    let root = project(None);
    apply_edits(
        root.path(),
        "--- locales/zh-CN/close.ftl\n<<<\n    .cause-1 = 网络中断。\n===\n    .cause-1 = 网络中断<script>alert(1)</script><img src=x onerror=\"alert(2)\">\n>>>\n\
         --- locales/zh-CN/close.ftl\n<<<\n    .cause-2 = 对端进程崩溃。\n===\n    .cause-2 = [点我](javascript:alert(3)) <b onmouseover=\"alert(4)\">粗</b> [数据](data:text/html,<script>alert(5)</script>) <JavaScript:alert(6)> [好](https://example.org/)\n>>>\n",
    );
    // Found in review: texts that are harmless alone but not where the
    // page puts them (a title in the text of a related link, a definition
    // another text uses, a UI string).
    apply_edits(
        root.path(),
        "--- locales/zh-CN/close.ftl\n<<<\ncode-1006 = 异常关闭\n===\ncode-1006 = 异常关闭](javascript:alert(7)) [x\n>>>\n\
         --- locales/zh-CN/close.ftl\n<<<\n    .description = 连接在没有Close帧的情况下关闭。\n===\n    .description = 连接在没有Close帧的情况下关闭。\n\n        {\"[\"}r]: javascript:alert(9)\n>>>\n\
         --- locales/zh-CN/close.ftl\n<<<\n    .solution-1 = 退避后重新连接。\n===\n    .solution-1 = 见[这里][r]。\n>>>\n\
         --- locales/zh-CN/ui.ftl\n<<<\nui-description = 错误描述\n===\nui-description = 错误描述<img src=x onerror=alert(8)>\n>>>\n",
    );
    let run = errdoc(root.path(), &["build"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    for entry in std::fs::read_dir(root.path().join("site/md/zh-CN")).unwrap() {
        let md = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert_eq!(errdoc::markup::page_hazard(&md), None, "{md}");
        assert!(!md.contains("<img src=x onerror=alert(8)>"), "{md}");
    }
    assert!(
        run.stderr.contains(
            "locales/zh-CN/close.ftl:8:6: warning[E0330]: `code-1006.cause-1` contains raw HTML; it is shown as text, not as markup"
        ) && run.stderr.contains(
            "locales/zh-CN/close.ftl:9:6: warning[E0331]: `code-1006.cause-2` links to an address that is not http, https or mailto"
        ) && run.stderr.contains(
            "locales/zh-CN/close.ftl:5:6: warning[E0331]: `code-1006.description` links to an address that is not http, https or mailto"
        ),
        "{}",
        run.stderr
    );
    let site = root.path().join("site");
    for page in ["zh-CN/errorcode-close.html", "zh-CN/codes/1006.html"] {
        let html = std::fs::read_to_string(site.join(page)).unwrap();
        assert!(
            html.contains("网络中断&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
                || html.contains("网络中断&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{page}: {html}"
        );
        let lower = html.to_ascii_lowercase();
        for banned in [
            "<script>alert",
            "<img src=x",
            "<b onmouseover",
            "href=\"javascript:",
            "href=\"data:",
        ] {
            assert!(!lower.contains(banned), "{page} has {banned}");
        }
        assert!(
            html.contains("<a href=\"https://example.org/\">好</a>"),
            "{page}"
        );
    }
    let md = std::fs::read_to_string(site.join("md/zh-CN/errorcode-close.md")).unwrap();
    assert!(
        md.contains("1. 网络中断&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=\"alert(2)\"&gt;\n"),
        "{md}"
    );
    assert!(
        md.contains("2. \\[点我\\](javascript:alert(3)) &lt;b onmouseover=\"alert(4)\"&gt;粗&lt;/b&gt; \\[数据\\](data:text/html,&lt;script>alert(5)&lt;/script>) &lt;JavaScript:alert(6)> [好](https://example.org/)\n"),
        "{md}"
    );
}

/// Whether this process may write into a folder that forbids it (root
/// may): then the permission tests run `errdoc` as `nobody`.
#[cfg(unix)]
fn permissions_are_ignored(scratch: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    let probe = scratch.join("probe");
    std::fs::create_dir(&probe).unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o555)).unwrap();
    let ignored = std::fs::write(probe.join("x"), "").is_ok();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::remove_dir_all(&probe).unwrap();
    ignored
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_read_only_site_folder_fails_cleanly_and_is_left_as_it_was() {
    use std::os::unix::process::CommandExt as _;
    let (root, site) = built();
    let root = root.path();
    // Every folder writable but one: some files are written before the
    // build meets it, and they must not stay.
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.unwrap();
        set_mode(
            entry.path(),
            if entry.file_type().is_dir() {
                0o777
            } else {
                0o666
            },
        );
    }
    set_mode(&root.join("site/zh-CN/codes"), 0o555);
    apply_edits(
        root,
        "--- locales/zh-CN/close.ftl\n<<<\ncode-1006 = 异常关闭\n===\ncode-1006 = 异常关闭（改）\n>>>\n",
    );
    let scratch = tempfile::tempdir().unwrap();
    set_mode(scratch.path(), 0o755);
    let as_root = permissions_are_ignored(scratch.path());
    let binary = scratch.path().join("errdoc");
    std::fs::copy(env!("CARGO_BIN_EXE_errdoc"), &binary).unwrap();
    set_mode(&binary, 0o755);
    // Root writes anywhere; `nobody` does not. It runs a copy of the
    // binary, as the build folder may be closed to it.
    let run_as_user = |args: &[&str]| {
        let mut command = Command::new(&binary);
        if as_root {
            command.uid(65534).gid(65534);
        }
        command.arg("--root").arg(root).args(args).output().unwrap()
    };
    let out = run_as_user(&["build"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    set_mode(&root.join("site/zh-CN/codes"), 0o777);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let site_dir = root.join("site");
    assert_eq!(
        stderr,
        format!(
            "error: cannot write {0}/zh-CN/codes/1006.html: Permission denied (os error 13) — make the site folder and everything in it writable; {0}/ was not changed\n",
            site_dir.display()
        )
    );
    assert_eq!(
        read_tree(&site_dir),
        site,
        "site/ is as it was, no temporary files"
    );
    // `build --check` writes nothing: it runs in a read-only checkout
    // that has no lock file yet.
    std::fs::remove_file(root.join(".errdoc.lock")).unwrap();
    set_mode(root, 0o555);
    let out = run_as_user(&["build", "--check"]);
    set_mode(root, 0o777);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("error: site/ is out of date; a build would change these files:\n"),
        "{stderr}"
    );
    // Made writable again, the same build goes through.
    let run = errdoc(root, &["build"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
}

#[test]
fn a_missing_site_folder_is_made_and_one_that_is_a_file_is_refused() {
    let (root, site) = built();
    let root = root.path();
    std::fs::remove_dir_all(root.join("site")).unwrap();
    let run = errdoc(root, &["build"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(read_tree(&root.join("site")), site);

    std::fs::remove_dir_all(root.join("site")).unwrap();
    std::fs::write(root.join("site"), "not a folder").unwrap();
    let run = errdoc(root, &["build"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stderr,
        format!(
            "error: {} is not a folder — move it away: errdoc writes the site there\n",
            root.join("site").display()
        )
    );
    assert_eq!(std::fs::read(root.join("site")).unwrap(), b"not a folder");

    let missing = root.join("no-such-project");
    let run = errdoc(&missing, &["build"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stderr,
        format!(
            "error: the project folder {} does not exist — pass the folder that holds catalog/ and locales/ with --root, or make one with `errdoc init`\n",
            missing.display()
        )
    );
    assert!(!missing.exists());

    let file = root.join("catalog/codes.yaml");
    let run = errdoc(&file, &["check"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.starts_with(&format!(
            "error: the project folder {} is not a folder — ",
            file.display()
        )),
        "{}",
        run.stderr
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

/// `errdoc build` of `root`, started in the background, output dropped.
fn spawn_build(root: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_errdoc"))
        .arg("--root")
        .arg(root)
        .arg("build")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
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
        let mut child = spawn_build(root);
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
    let (mut first, mut second) = (spawn_build(root), spawn_build(root));
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
fn a_full_disk_fails_cleanly_and_leaves_the_site_as_it_was() {
    let root = project(None);
    // Room for the site in 4 KiB blocks, and 64 KiB more: not for the
    // edit below, which adds about 200 KB to each of several pages.
    let kib = {
        let elsewhere = project(None);
        assert_eq!(errdoc(elsewhere.path(), &["build"]).status, 0);
        let blocks: u64 = walkdir::WalkDir::new(elsewhere.path().join("site"))
            .into_iter()
            .map(|e| e.unwrap().metadata().unwrap().len().div_ceil(4096).max(1))
            .sum();
        blocks * 4 + 64
    };
    let site = root.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
        .arg(&site)
        .status()
        .unwrap();
    assert!(
        mounted.success(),
        "mount a {kib} KiB tmpfs on site/ (needs root)"
    );
    let first = errdoc(root.path(), &["build"]);
    let before = read_tree(&site);
    // A long description goes into every page of the code: it no longer fits.
    apply_edits(
        root.path(),
        &format!(
            "--- locales/en/close.ftl\n<<<\n    .description = The connection was closed without a Close frame.\n===\n    .description = {}\n>>>\n",
            "The connection was closed without a Close frame. ".repeat(4000)
        ),
    );
    let second = errdoc(root.path(), &["build"]);
    let after = read_tree(&site);
    let _ = Command::new("umount").arg(&site).status();
    assert_eq!(first.status, 0, "the site fits: {}", first.stderr);
    assert_eq!(second.status, 1, "{}", second.stderr);
    assert!(
        second.stderr.starts_with("error: cannot write ")
            && second
                .stderr
                .contains(": No space left on device (os error 28) — free some disk space; ")
            && second.stderr.ends_with("/site/ was not changed\n"),
        "{}",
        second.stderr
    );
    assert_eq!(after, before, "site/ is as it was, no temporary files");
}
