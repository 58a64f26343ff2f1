//! The second round of hardening (issue 14): each attack of the outside
//! review reproduced, and what errdoc does instead — links that leave the
//! project, bounded diagnostics, text that would drive the terminal, paths
//! out of the project, a hand-edited manifest, user files that must not be
//! lost. (Exports: `tests/export_hostile.rs`.)

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use support::{errdoc, project, read_tree};

/// No escape character, nor any other C0/C1 control but line ends and
/// tabs, in what errdoc printed.
fn printable(out: &str) -> bool {
    !out.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

#[test]
fn a_long_one_line_catalog_gives_bounded_errors() {
    let root = project(None);
    // 86 KB on one line, with a problem every few bytes: each used to print
    // the whole line.
    let codes: Vec<String> = (0..3_000)
        .map(|i| format!("{{code: {i}, name: bad-name-{i}}}"))
        .collect();
    let catalog = format!(
        "{{modules: [{{id: m, page: errorcode-m, codes: [{}]}}]}}\n",
        codes.join(", ")
    );
    assert!(catalog.len() > 86_000);
    std::fs::write(root.path().join("catalog/codes.yaml"), &catalog).unwrap();
    let started = Instant::now();
    let run = errdoc(root.path(), &["check"]);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(
        run.status,
        1,
        "{}",
        &run.stderr[..run.stderr.len().min(2000)]
    );
    assert!(
        run.stderr.len() < 400_000,
        "{} bytes of diagnostics",
        run.stderr.len()
    );
    // Each snippet is a window of the line, and what is not shown is said.
    let longest = run.stderr.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest < 1200, "a line of {longest} characters");
    assert!(
        run.stderr.contains(" more, not shown"),
        "{}",
        &run.stderr[run.stderr.len().saturating_sub(500)..]
    );
}

#[cfg(unix)]
#[test]
fn no_input_is_read_through_a_link_that_leaves_the_project() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.yaml"), "TOKEN=hunter2\n").unwrap();

    // `import` reads the catalog and the translations by the same rule as
    // `check`, and says so in its own words (no `path:line` to point at).
    let page = outside.path().join("errorcode-small.md");
    std::fs::write(&page, small_page("The disk is full.", "Too many files.")).unwrap();
    let page = page.to_str().unwrap();
    for (args, catalog_says, zero_says) in [
        (
            &["check"][..],
            "catalog/codes.yaml: error[E0501]: a link to ",
            "locales/en/zero.ftl: error[E0501]: a link to /dev/zero, outside the project",
        ),
        (
            &["import", "--locale", "en", page],
            "error: catalog/codes.yaml: a link to ",
            "locales/en/zero.ftl: a link to /dev/zero",
        ),
    ] {
        // The catalog, a link to a file outside.
        let root = project(None);
        let catalog = root.path().join("catalog/codes.yaml");
        std::fs::remove_file(&catalog).unwrap();
        symlink(outside.path().join("secret.yaml"), &catalog).unwrap();
        let run = errdoc(root.path(), args);
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stderr.starts_with(catalog_says), "{}", run.stderr);
        assert!(!run.stderr.contains("hunter2"), "{}", run.stderr);

        // A translation, a link to /dev/zero: refused at once, not read.
        let root = project(None);
        symlink("/dev/zero", root.path().join("locales/en/zero.ftl")).unwrap();
        let started = Instant::now();
        let run = errdoc(root.path(), args);
        assert!(started.elapsed() < Duration::from_secs(20));
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stderr.contains(zero_says), "{}", run.stderr);
    }

    // A link inside the project is followed.
    let root = project(None);
    let en = root.path().join("locales/en");
    let first = std::fs::read_dir(&en)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "ftl"))
        .unwrap();
    let moved = root.path().join("elsewhere.ftl");
    std::fs::rename(&first, &moved).unwrap();
    symlink(&moved, &first).unwrap();
    let run = errdoc(root.path(), &["check"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn a_locale_folder_that_cannot_be_read_stops_the_build_and_keeps_its_pages() {
    use std::os::unix::fs::symlink;
    let root = project(None);
    assert_eq!(errdoc(root.path(), &["build"]).status, 0);
    let site = read_tree(&root.path().join("site"));
    assert!(site.keys().any(|p| p.starts_with("md/zh-CN")));
    // The Chinese folder moved out of the project, a link left behind: it
    // used to be dropped without a word, and its published pages deleted.
    let outside = tempfile::tempdir().unwrap();
    let moved = outside.path().join("zh-CN");
    let folder = root.path().join("locales/zh-CN");
    std::fs::rename(&folder, &moved).unwrap_or_else(|_| {
        support::copy_tree(&folder, &moved);
        std::fs::remove_dir_all(&folder).unwrap();
    });
    symlink(&moved, &folder).unwrap();
    let run = errdoc(root.path(), &["build"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("locales/zh-CN: error[E0501]: a link to "),
        "{}",
        run.stderr
    );
    assert_eq!(read_tree(&root.path().join("site")), site);
}

#[cfg(unix)]
#[test]
fn the_site_is_not_read_through_links() {
    use std::os::unix::fs::symlink;
    let root = project(None);
    assert_eq!(errdoc(root.path(), &["build"]).status, 0);
    // A page of the site replaced by a link to /dev/zero: comparing it
    // used to read without end.
    let page = root.path().join("site/md/en/errorcode-close.md");
    std::fs::remove_file(&page).unwrap();
    symlink("/dev/zero", &page).unwrap();
    let started = Instant::now();
    let run = errdoc(root.path(), &["build"]);
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(run.stderr.contains("is a symbolic link"), "{}", run.stderr);
}

#[test]
fn a_manifest_edited_by_hand_deletes_nothing_errdoc_did_not_make() {
    let root = project(None);
    assert_eq!(errdoc(root.path(), &["build"]).status, 0);
    let site = root.path().join("site");
    std::fs::write(site.join("notes.txt"), "the team's own file\n").unwrap();
    let manifest = site.join(".errdoc-manifest");
    let mut text = std::fs::read_to_string(&manifest).unwrap();
    text.push_str("notes.txt\n");
    std::fs::write(&manifest, &text).unwrap();
    // A page errdoc made, edited since, and no longer made.
    let close = site.join("md/en/errorcode-close.md");
    std::fs::write(&close, "edited by hand\n").unwrap();
    let catalog = root.path().join("catalog/codes.yaml");
    let yaml = std::fs::read_to_string(&catalog).unwrap();
    std::fs::write(
        &catalog,
        yaml.replace("page: errorcode-close", "page: errorcode-closing"),
    )
    .unwrap();
    let run = errdoc(root.path(), &["build"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(site.join("notes.txt")).unwrap(),
        "the team's own file\n"
    );
    assert_eq!(std::fs::read_to_string(&close).unwrap(), "edited by hand\n");
    assert!(
        run.stderr.contains("warning: site/notes.txt is listed in site/.errdoc-manifest but is not as errdoc made it"),
        "{}",
        run.stderr
    );
    // What errdoc made and no longer makes goes.
    assert!(!site.join("md/zh-CN/errorcode-close.md").exists());
    assert!(site.join("md/zh-CN/errorcode-closing.md").exists());
}

#[test]
fn text_from_files_does_not_drive_the_terminal() {
    let root = project(None);
    let en = root.path().join("locales/en");
    let file = std::fs::read_dir(&en)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| std::fs::read_to_string(p).unwrap().contains("code-1006 ="))
        .unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    // OSC 52 (write the clipboard), a screen clear, a hidden OSC 8 link.
    let hostile = "Abnormal \u{1b}]52;c;ZWNobyBwd25lZA==\u{7}\u{1b}[2J\u{1b}]8;;https://evil.example\u{1b}\\here\u{1b}]8;;\u{1b}\\ \u{9b}31m";
    let start = text.find("code-1006 =").unwrap();
    let end = start + text[start..].find('\n').unwrap();
    std::fs::write(
        &file,
        format!("{}code-1006 = {hostile}{}", &text[..start], &text[end..]),
    )
    .unwrap();
    for args in [
        ["explain", "1006", "--lang", "en"].as_slice(),
        ["explain", "1006", "--lang", "en", "--format", "markdown"].as_slice(),
    ] {
        let run = errdoc(root.path(), args);
        assert_eq!(run.status, 0, "{}", run.stderr);
        assert!(run.stdout.contains("Abnormal"), "{}", run.stdout);
        assert!(printable(&run.stdout), "{:?}", run.stdout);
    }
    // The import report quotes a page's text.
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(errdoc(dir.path(), &["init"]).status, 0);
    let page = dir.path().join("errorcode-t.md");
    std::fs::write(
        &page,
        "# T\n\n## 1 One\n\n**Error Message**\n\nFailed.<!--RP1--> \u{1b}]52;c;eA==\u{7}<!--RP1End--> x\n\n<!-- \u{1b}[2J -->\n",
    )
    .unwrap();
    let run = errdoc(
        dir.path(),
        &["import", "--locale", "en", page.to_str().unwrap()],
    );
    assert!(run.stdout.contains("not imported"), "{}", run.stdout);
    assert!(printable(&run.stdout), "{:?}", run.stdout);
    assert!(printable(&run.stderr), "{:?}", run.stderr);
}

#[test]
fn a_module_name_cannot_lead_out_of_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("project");
    std::fs::create_dir(&root).unwrap();
    assert_eq!(errdoc(&root, &["init"]).status, 0);
    let page = dir.path().join("errorcode-t.md");
    std::fs::write(&page, "# T\n\n## 1 One\n\n**Error Message**\n\nFailed.\n").unwrap();
    let before = read_tree(dir.path());
    let run = errdoc(
        &root,
        &[
            "import",
            "--locale",
            "en",
            "--module",
            "../../x",
            page.to_str().unwrap(),
        ],
    );
    assert_eq!(run.status, 1, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stderr,
        "error: `../../x` is not a module id: a lowercase letter, then lowercase letters, digits and `-` (`net-socket`)\n"
    );
    assert_eq!(read_tree(dir.path()), before);
    assert!(!Path::new(&dir.path().join("x.ftl")).exists());
}

/// Spawns `errdoc --root <root> <args>`.
fn spawn(root: &Path, args: &[&str]) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_errdoc"))
        .arg("--root")
        .arg(root)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn two_imports_at_once_lose_nothing() {
    let work = tempfile::tempdir().unwrap();
    let pages: Vec<String> = (0..4)
        .map(|i| {
            let path = work.path().join(format!("errorcode-m{i}.md"));
            let codes: String = (0..200)
                .map(|c| {
                    format!(
                        "## {} Code {c}\n\n**Error Message**\n\nFailed {c}.\n\n",
                        1000 * (i + 1) + c
                    )
                })
                .collect();
            std::fs::write(&path, format!("# M{i}\n\n{codes}")).unwrap();
            path.display().to_string()
        })
        .collect();
    for _ in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(errdoc(dir.path(), &["init"]).status, 0);
        let mut children: Vec<_> = pages
            .iter()
            .map(|page| spawn(dir.path(), &["import", "--locale", "en", page]))
            .collect();
        for child in &mut children {
            assert!(child.wait().unwrap().success());
        }
        let catalog = std::fs::read_to_string(dir.path().join("catalog/codes.yaml")).unwrap();
        for i in 0..4 {
            assert!(
                catalog.contains(&format!("- id: \"m{i}\"")),
                "module m{i} lost:\n{}",
                &catalog[..catalog.len().min(400)]
            );
        }
        assert_eq!(errdoc(dir.path(), &["check"]).status, 0);
    }
}

#[cfg(unix)]
#[test]
fn rewrites_keep_modes_and_links_and_leave_no_leftovers() {
    use std::os::unix::fs::{PermissionsExt as _, symlink};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert_eq!(errdoc(root, &["init"]).status, 0);
    let work = tempfile::tempdir().unwrap();
    let page = work.path().join("errorcode-t.md");
    std::fs::write(&page, "# T\n\n## 1 One\n\n**Error Message**\n\nFailed.\n").unwrap();
    assert_eq!(
        errdoc(root, &["import", "--locale", "en", page.to_str().unwrap()]).status,
        0
    );
    // The team keeps its texts in one folder and links them; the catalog
    // is private to the group.
    let texts = root.join("shared-texts");
    std::fs::create_dir(&texts).unwrap();
    std::fs::rename(root.join("locales/en/t.ftl"), texts.join("t.ftl")).unwrap();
    symlink("../../shared-texts/t.ftl", root.join("locales/en/t.ftl")).unwrap();
    let catalog = root.join("catalog/codes.yaml");
    std::fs::set_permissions(&catalog, std::fs::Permissions::from_mode(0o640)).unwrap();
    // A command killed half way left a temporary file.
    std::fs::write(root.join("locales/en/.errdoc-x1y2.tmp"), "half").unwrap();
    std::fs::write(root.join("catalog/.errdoc-a3b4.tmp"), "half").unwrap();

    std::fs::write(&page, "# T\n\n## 1 One\n\n**Error Message**\n\nFailed.\n\n## 2 Two\n\n**Error Message**\n\nFailed too.\n").unwrap();
    let run = errdoc(root, &["import", "--locale", "en", page.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let link = root.join("locales/en/t.ftl");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(texts.join("t.ftl"))
            .unwrap()
            .contains("code-2 = Two")
    );
    assert_eq!(
        std::fs::metadata(&catalog).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert!(
        std::fs::read_to_string(&catalog)
            .unwrap()
            .contains("code: 2")
    );
    assert!(!root.join("locales/en/.errdoc-x1y2.tmp").exists());
    assert!(!root.join("catalog/.errdoc-a3b4.tmp").exists());
}

/// A page of two codes, in the house style, with `message` as code 1001's
/// Error Message and `cause` as its cause.
fn small_page(message: &str, cause: &str) -> String {
    format!(
        "# Small Error Codes\n\n## 1001 Disk Full\n\n**Error Message**\n\n{message}\n\n**Description**\n\nThe disk is full.\n\n**Possible Causes**\n\n{cause}\n\n**Procedure**\n\nFree some space.\n\n## 1002 Disk Gone\n\n**Error Message**\n\nNo disk.\n\n**Description**\n\nThe disk is gone.\n\n**Possible Causes**\n\nIt was removed.\n\n**Procedure**\n\nPut it back.\n"
    )
}

/// A new project with [`small_page`] imported in English: its folder and
/// the page's path.
fn small_project() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert_eq!(errdoc(root, &["init"]).status, 0);
    let page = root.join("errorcode-small.md");
    std::fs::write(&page, small_page("The disk is full.", "Too many files.")).unwrap();
    let run = errdoc(root, &["import", "--locale", "en", page.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    (dir, page)
}

/// Replaces the one `from` in the file at `path` with `to`.
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from} in {text}");
    std::fs::write(path, text.replace(from, to)).unwrap();
}

#[test]
fn reimport_keeps_hand_edits_and_reports_each_until_overwrite() {
    let (dir, page) = small_project();
    let root = dir.path();
    let page_arg = page.to_str().unwrap();

    // Hand edits: the catalog's message, a cause, a layout line.
    let catalog = root.join("catalog/codes.yaml");
    let ftl = root.join("locales/en/small.ftl");
    let layout = root.join("layouts/en/errorcode-small.md");
    edit(&catalog, "The disk is full.", "The disk is full (ENOSPC).");
    edit(&ftl, "Too many files.", "Too many files, or one huge file.");
    edit(&layout, "# {{title}}", "# {{title}} (reviewed)");
    let edited = (
        read_tree(&root.join("catalog")),
        read_tree(&root.join("locales")),
        read_tree(&root.join("layouts")),
    );

    // The same page again: nothing of the edits is lost, each is named.
    let again = errdoc(root, &["import", "--locale", "en", page_arg]);
    assert_eq!(again.status, 0, "{}{}", again.stdout, again.stderr);
    assert_eq!(
        (
            read_tree(&root.join("catalog")),
            read_tree(&root.join("locales")),
            read_tree(&root.join("layouts")),
        ),
        edited,
        "{}",
        again.stdout
    );
    assert!(printable(&again.stdout));
    for line in [
        "  kept 3 fields the page says otherwise (a hand edit, or what an older page said); `--overwrite` takes the page's:",
        "    line 1: layouts/en/errorcode-small.md: line 2: `# {{title}} (reviewed)` here, `# {{title}}` on the page",
        "    line 3: catalog/codes.yaml: code 1001 `message`: `The disk is full (ENOSPC).` here, `The disk is full.` on the page",
        "    line 3: locales/en/small.ftl: `code-1001.cause-1`: `Too many files, or one huge file.` here, `Too many files.` on the page",
    ] {
        assert!(
            again.stdout.contains(&format!("{line}\n")),
            "{line}\n---\n{}",
            again.stdout
        );
    }
    // The page's message is not recorded as drift: the catalog's stands.
    assert!(
        !std::fs::read_to_string(&catalog)
            .unwrap()
            .contains("message_drift")
    );

    // With --overwrite the page's texts replace them, and the report says so.
    let taken = errdoc(root, &["import", "--overwrite", "--locale", "en", page_arg]);
    assert_eq!(taken.status, 0, "{}{}", taken.stdout, taken.stderr);
    assert!(
        taken
            .stdout
            .contains("  replaced 3 fields with what the page says (--overwrite):\n"),
        "{}",
        taken.stdout
    );
    let text = |p: &Path| std::fs::read_to_string(p).unwrap();
    assert!(
        text(&catalog).contains("The disk is full.\""),
        "{}",
        text(&catalog)
    );
    assert!(!text(&catalog).contains("ENOSPC"));
    assert!(text(&ftl).contains("Too many files.\n"), "{}", text(&ftl));
    assert!(!text(&layout).contains("reviewed"));
    // Settled: a fourth import finds nothing to say.
    let settled = errdoc(root, &["import", "--locale", "en", page_arg]);
    assert!(!settled.stdout.contains("kept"), "{}", settled.stdout);
    assert!(
        settled.stdout.ends_with("nothing changed\n"),
        "{}",
        settled.stdout
    );
}

#[test]
fn a_page_changed_upstream_is_reported_field_by_field_not_taken() {
    let (dir, page) = small_project();
    let root = dir.path();
    let page_arg = page.to_str().unwrap();
    let before = read_tree(&root.join("locales"));
    std::fs::write(&page, small_page("The disk is full.", "A log grew.")).unwrap();
    let again = errdoc(root, &["import", "--locale", "en", page_arg]);
    assert_eq!(again.status, 0, "{}", again.stderr);
    assert_eq!(read_tree(&root.join("locales")), before);
    assert!(
        again.stdout.contains(
            "    line 3: locales/en/small.ftl: `code-1001.cause-1`: `Too many files.` here, `A log grew.` on the page\n"
        ),
        "{}",
        again.stdout
    );
}

#[test]
fn import_keeps_the_catalogs_comments() {
    let (dir, page) = small_project();
    let root = dir.path();
    let page_arg = page.to_str().unwrap();
    // Comments of every kind, written by hand into the imported catalog.
    let catalog = root.join("catalog/codes.yaml");
    let text = std::fs::read_to_string(&catalog).unwrap();
    let text = text
        .replacen(
            "modules:\n",
            "# Our modules, reviewed 2026-11\nmodules:\n",
            1,
        )
        .replacen(
            "  - id: \"small\"\n",
            "  # Storage\n  - id: \"small\" # owned by the storage team\n",
            1,
        )
        .replacen(
            "      - code: 1002\n",
            "      # Kept for old devices\n      - code: 1002\n",
            1,
        )
        .replacen(
            "        name: \"SMALL_DISK_GONE\"\n",
            "        name: \"SMALL_DISK_GONE\" # do not rename: apps match it\n",
            1,
        );
    assert_eq!(
        text.matches('#').count(),
        std::fs::read_to_string(&catalog)
            .unwrap()
            .matches('#')
            .count()
            + 5,
        "{text}"
    );
    std::fs::write(&catalog, &text).unwrap();
    // An import that changes the catalog: a new code.
    std::fs::write(
        &page,
        format!(
            "{}\n## 1003 Disk Slow\n\n**Error Message**\n\nSlow disk.\n",
            small_page("The disk is full.", "Too many files.")
        ),
    )
    .unwrap();
    let run = errdoc(root, &["import", "--locale", "en", page_arg]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let after = std::fs::read_to_string(&catalog).unwrap();
    assert!(after.contains("code: 1003"), "{after}");
    for kept in [
        "# Our modules, reviewed 2026-11\nmodules:\n",
        "  # Storage\n  - id: \"small\" # owned by the storage team\n",
        "      # Kept for old devices\n      - code: 1002\n",
        "        name: \"SMALL_DISK_GONE\" # do not rename: apps match it\n",
    ] {
        assert!(after.contains(kept), "{kept}\n---\n{after}");
    }
    assert_eq!(errdoc(root, &["check"]).status, 0);
}

/// Found in review: a placeholder an import wrote and then filled in by
/// hand, its comment left above it, is a hand edit like any other.
#[test]
fn a_placeholder_filled_in_by_hand_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert_eq!(errdoc(root, &["init"]).status, 0);
    let zh = root.join("errorcode-small.zh-CN.md");
    std::fs::write(
        &zh,
        "# 小错误码\n\n## 1001 磁盘已满\n\n**错误信息**\n\nThe disk is full.\n\n**错误描述**\n\n磁盘已满。\n",
    )
    .unwrap();
    let run = errdoc(root, &["import", "--locale", "zh-CN", zh.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let ftl = root.join("locales/en/small.ftl");
    let text = std::fs::read_to_string(&ftl).unwrap();
    assert!(
        text.contains("# errdoc import: English text missing"),
        "{text}"
    );
    // Filled in, the comment left where it was.
    let at = text.find("code-1001 = ").unwrap();
    let end = at + text[at..].find('\n').unwrap();
    let filled = format!(
        "{}code-1001 = Disk Is Full (hand-written)\n    .description = Written by our translator.{}",
        &text[..at],
        &text[end..]
    );
    std::fs::write(&ftl, &filled).unwrap();
    let en = root.join("errorcode-small.md");
    std::fs::write(&en, small_page("The disk is full.", "Too many files.")).unwrap();
    let run = errdoc(root, &["import", "--locale", "en", en.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let after = std::fs::read_to_string(&ftl).unwrap();
    assert!(
        after.contains("code-1001 = Disk Is Full (hand-written)\n"),
        "{after}"
    );
    assert!(
        run.stdout.contains("locales/en/small.ftl: `code-1001`: `Disk Is Full (hand-written)` here, `Disk Full` on the page"),
        "{}",
        run.stdout
    );
    // Code 1002, still the import's placeholder... is not there: the page
    // brought it. Its English is the page's, taken without a word.
    assert!(after.contains("code-1002 = Disk Gone"), "{after}");
}

/// Found in review: a layout checked out with CRLF line ends (or without
/// its final line break) says what it said.
#[test]
fn a_layout_with_other_line_ends_is_no_conflict() {
    let (dir, page) = small_project();
    let root = dir.path();
    let page_arg = page.to_str().unwrap();
    let layout = root.join("layouts/en/errorcode-small.md");
    let text = std::fs::read_to_string(&layout).unwrap();
    std::fs::write(&layout, text.trim_end().replace('\n', "\r\n")).unwrap();
    let again = errdoc(root, &["import", "--locale", "en", page_arg]);
    assert_eq!(again.status, 0, "{}", again.stderr);
    assert!(!again.stdout.contains("kept"), "{}", again.stdout);
    // A real difference names its line and says what a blank line is.
    std::fs::write(&layout, text.replacen("\n\n", "\n\n\n", 1)).unwrap();
    let again = errdoc(root, &["import", "--locale", "en", page_arg]);
    assert!(
        again.stdout.contains("`(a blank line)` here"),
        "{}",
        again.stdout
    );
}

/// Found in review: `build` read the project before it waited for the
/// lock, so a build started during an import built what the import was
/// replacing.
#[cfg(unix)]
#[test]
fn a_build_reads_the_project_only_once_it_holds_the_lock() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let (dir, _) = small_project();
    let root = dir.path();
    // Another command holds the lock (flock(1) takes the same lock).
    let mut holder = Command::new("flock")
        .arg(root.join(".errdoc.lock"))
        .args(["-c", "echo held; cat >/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut held = String::new();
    BufReader::new(holder.stdout.take().unwrap())
        .read_line(&mut held)
        .unwrap();
    assert_eq!(held, "held\n");
    let mut build = Command::new(env!("CARGO_BIN_EXE_errdoc"))
        .arg("--root")
        .arg(root)
        .arg("build")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut waiting = String::new();
    BufReader::new(build.stderr.take().unwrap())
        .read_line(&mut waiting)
        .unwrap();
    assert!(waiting.starts_with("waiting for "), "{waiting}");
    // While the build waits, the holder changes a title; then lets go.
    let ftl = root.join("locales/en/small.ftl");
    let text = std::fs::read_to_string(&ftl).unwrap();
    std::fs::write(&ftl, text.replace("= Disk Full", "= Disk Full Now")).unwrap();
    drop(holder.stdin.take());
    assert!(holder.wait().unwrap().success());
    assert!(build.wait().unwrap().success());
    let built = std::fs::read_to_string(root.join("site/md/en/errorcode-small.md")).unwrap();
    assert!(built.contains("Disk Full Now"), "{built}");
}

/// Found in review: the clean-up of a killed run's temporary files went
/// through a folder that is a link (out of the project), and into a
/// folder `init` was about to make a project.
#[cfg(unix)]
#[test]
fn leftovers_are_cleaned_only_inside_the_project() {
    let outside = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // init into a folder with a file of that name that is the user's.
    std::fs::write(root.join(".errdoc-mine.tmp"), "mine").unwrap();
    assert_eq!(errdoc(root, &["init"]).status, 0);
    assert!(root.join(".errdoc-mine.tmp").exists());
    // layouts/ a link out of the project, with a file of that name there.
    std::fs::create_dir_all(outside.path().join("en")).unwrap();
    std::fs::write(outside.path().join("en/.errdoc-keep.tmp"), "keep").unwrap();
    std::os::unix::fs::symlink(outside.path(), root.join("layouts")).unwrap();
    let _ = errdoc(root, &["build"]);
    assert!(outside.path().join("en/.errdoc-keep.tmp").exists());
}
