//! The build cache is never stale: after any edit of any kind of input, a
//! deleted, corrupt or foreign cache, or a hand edit of `site/`, a cached
//! build writes exactly what a build without the cache writes.

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use std::path::Path;

use support::{apply_edits, copy_tree, errdoc, project, read_tree};

/// `site/` of a fresh copy of `root`'s inputs built with `--no-cache` and
/// `args`.
fn uncached(root: &Path, args: &[&str]) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let fresh = tempfile::tempdir().unwrap();
    for dir in ["catalog", "locales", "templates", "layouts"] {
        if root.join(dir).exists() {
            copy_tree(&root.join(dir), &fresh.path().join(dir));
        }
    }
    let mut all = vec!["build", "--no-cache"];
    all.extend(args);
    let run = errdoc(fresh.path(), &all);
    assert_eq!(run.status, 0, "{}", run.stderr);
    read_tree(&fresh.path().join("site"))
}

/// What changes between two builds (`setup` is made before the first),
/// the options of the second, whether the change shows in `site/`, and
/// whether the cache takes the second build for the first.
struct Change {
    what: &'static str,
    setup: &'static str,
    edits: &'static str,
    args: &'static [&'static str],
    shows: bool,
    cached: bool,
}

const CHANGES: &[Change] = &[
    Change {
        what: "nothing",
        edits: "",
        args: &[],
        shows: false,
        cached: true,
        setup: "",
    },
    Change {
        what: "what editors leave beside the files",
        edits: "+++ locales/en/.close.ftl.swp\nb0VIM 9.0\n+++ catalog/codes.yaml~\nmodules: []\n+++ templates/.page.html.swp\nb0VIM 9.0 {{ nope\n+++ templates/static/.DS_Store\nBud1\n+++ layouts/en/#errorcode-close.md#\n# nope\n",
        args: &[],
        shows: false,
        cached: true,
        setup: "",
    },
    Change {
        what: "a title in an English .ftl file",
        edits: "--- locales/en/close.ftl\n<<<\ncode-1006 = Abnormal Closure\n===\ncode-1006 = Abnormal closure, changed\n>>>\n",
        args: &[],
        shows: true,
        cached: false,
        setup: "",
    },
    Change {
        what: "a translation",
        edits: "--- locales/zh-CN/close.ftl\n<<<\n    .solution-1 = 退避后重新连接。\n===\n    .solution-1 = 稍后重新连接。\n>>>\n",
        args: &[],
        shows: true,
        cached: false,
        setup: "",
    },
    Change {
        what: "a new .ftl file",
        edits: "+++ locales/zh-CN/extra.ftl\n# nothing but a comment\n",
        args: &[],
        shows: false,
        cached: false,
        setup: "",
    },
    Change {
        what: "the catalog",
        edits: "--- catalog/codes.yaml\n<<<\n        name: ABNORMAL_CLOSURE\n===\n        name: ABNORMAL_CLOSE\n>>>\n",
        args: &[],
        shows: true,
        cached: false,
        setup: "",
    },
    Change {
        what: "a template override",
        edits: "+++ templates/static/style.css\nbody { color: black }\n",
        args: &[],
        shows: true,
        cached: false,
        setup: "",
    },
    Change {
        what: "the base URL option",
        edits: "",
        args: &["--base-url", "https://example.org/other/"],
        shows: true,
        cached: false,
        setup: "",
    },
    Change {
        what: "the stale option",
        edits: "",
        args: &["--stale", "fallback"],
        shows: true,
        cached: false,
        // code-1006's translation was made from other English: stale.
        setup: "+++ locales/zh-CN/.sources.lock\n{\"sources\": {\"code-1006\": {\"fingerprint\": \"0000000000000000\", \"english\": \"Abnormal closure, earlier\"}}}\n",
    },
    // What every page is made from besides its own part of the model: a
    // page an earlier build made is reused only if none of it changed.
    Change {
        what: "a UI string",
        setup: "",
        edits: "--- locales/en/ui.ftl\n<<<\nui-causes = Possible Causes\n===\nui-causes = Likely Causes\n>>>\n",
        args: &[],
        shows: true,
        cached: false,
    },
    Change {
        what: "a UI string of a translation",
        setup: "",
        edits: "--- locales/zh-CN/ui.ftl\n<<<\nui-causes = 可能原因\n===\nui-causes = 可能的原因\n>>>\n",
        args: &[],
        shows: true,
        cached: false,
    },
    Change {
        what: "a term a UI string uses, in another file",
        setup: "+++ locales/en/brand.ftl\n-brand = Acme\nui-home = { -brand } home\n",
        edits: "--- locales/en/brand.ftl\n<<<\n-brand = Acme\n===\n-brand = Globex\n>>>\n",
        args: &[],
        shows: true,
        cached: false,
    },
    Change {
        what: "an included Markdown template",
        setup: "",
        edits: "+++ templates/markdown/end.md\nThe end.\n",
        args: &[],
        shows: true,
        cached: false,
    },
    Change {
        what: "an included HTML template",
        setup: "",
        edits: "+++ templates/html/code_body.html\n<p>{{ code.code }}: {{ code.title.text }}</p>\n",
        args: &[],
        shows: true,
        cached: false,
    },
    Change {
        what: "a message that is no UI string, which a template asks for by id",
        setup: "+++ templates/markdown/end.md\n{{ t(id=\"extra-text\") }}\n+++ locales/en/extra.ftl\nextra-text = One\n",
        edits: "--- locales/en/extra.ftl\n<<<\nextra-text = One\n===\nextra-text = Two\n>>>\n",
        args: &[],
        shows: true,
        cached: false,
    },
    Change {
        what: "the English a translation was made from (its sources lock)",
        setup: "+++ locales/zh-CN/.sources.lock\n{\"sources\": {\"code-1006\": {\"fingerprint\": \"f21be938931d7b7f\", \"english\": \"Abnormal Closure\"}}}\n",
        edits: "--- locales/zh-CN/.sources.lock\n<<<\n\"f21be938931d7b7f\", \"english\": \"Abnormal Closure\"\n===\n\"0000000000000000\", \"english\": \"Abnormal closure, earlier\"\n>>>\n",
        args: &[],
        shows: true,
        cached: false,
    },
    Change {
        what: "a layout",
        setup: "+++ layouts/en/errorcode-close.md\n{{page}}\n# {{title}}\n\n<!--Owner: one-->\n\n> **NOTE**\n>\n> {{note}}\n",
        edits: "--- layouts/en/errorcode-close.md\n<<<\n<!--Owner: one-->\n===\n<!--Owner: two-->\n>>>\n",
        args: &[],
        shows: true,
        cached: false,
    },
];

#[test]
fn a_cached_build_equals_an_uncached_one_after_any_change() {
    for change in CHANGES {
        let root = project(None);
        apply_edits(root.path(), change.setup);
        let first = errdoc(root.path(), &["build"]);
        assert_eq!(first.status, 0, "{}: {}", change.what, first.stderr);
        let before = read_tree(&root.path().join("site"));
        apply_edits(root.path(), change.edits);
        let mut args = vec!["build"];
        args.extend(change.args);
        let second = errdoc(root.path(), &args);
        assert_eq!(second.status, 0, "{}: {}", change.what, second.stderr);
        let skipped = second
            .stdout
            .contains("nothing changed since the last build");
        assert_eq!(skipped, change.cached, "{}: {}", change.what, second.stdout);
        let after = read_tree(&root.path().join("site"));
        // A change that should show does: the case tests what it says.
        assert_eq!(after != before, change.shows, "{}", change.what);
        assert_eq!(after, uncached(root.path(), change.args), "{}", change.what);
    }
}

/// Builds `root`, which must not take the cache's word, and compares its
/// site with an uncached build's.
fn builds_again(root: &Path, what: &str) {
    let run = errdoc(root, &["build"]);
    assert_eq!(run.status, 0, "{what}: {}", run.stderr);
    assert!(
        !run.stdout.contains("nothing changed"),
        "{what}: {}",
        run.stdout
    );
    assert_eq!(read_tree(&root.join("site")), uncached(root, &[]), "{what}");
}

/// A team keeps its texts in one folder of the project and links them into
/// the locale: an edit there is an edit of the input.
#[cfg(unix)]
#[test]
fn texts_reached_through_a_link_are_inputs_of_the_cache() {
    let root = support::project_with_shared_texts();
    let dir = root.path();
    let first = errdoc(dir, &["build"]);
    assert_eq!(first.status, 0, "{}", first.stderr);
    apply_edits(
        dir,
        "--- shared/close.ftl\n<<<\ncode-1006 = Abnormal Closure\n===\ncode-1006 = Abnormal closure, shared\n>>>\n",
    );
    builds_again(dir, "an edit of a linked file");
    let page = std::fs::read_to_string(dir.join("site/en/codes/1006.html")).unwrap();
    assert!(page.contains("Abnormal closure, shared"));
}

/// A new locale folder, empty yet, is a locale: its pages come.
#[test]
fn an_empty_new_locale_folder_is_a_change() {
    let root = project(None);
    let dir = root.path();
    assert_eq!(errdoc(dir, &["build"]).status, 0);
    std::fs::create_dir(dir.join("locales/de")).unwrap();
    builds_again(dir, "an empty locale folder");
    assert!(dir.join("site/de/index.html").is_file());
}

/// What no build reads may be anything: a link out of the project in
/// `catalog/` neither fails the build nor turns the cache off.
#[cfg(unix)]
#[test]
fn a_link_no_build_follows_leaves_the_cache_on() {
    let root = project(None);
    let dir = root.path();
    std::os::unix::fs::symlink("/etc/hostname", dir.join("catalog/notes")).unwrap();
    std::os::unix::fs::symlink("nowhere", dir.join("catalog/draft")).unwrap();
    let first = errdoc(dir, &["build"]);
    assert_eq!(first.status, 0, "{}", first.stderr);
    let second = errdoc(dir, &["build"]);
    assert_eq!(second.status, 0, "{}", second.stderr);
    assert!(
        second
            .stdout
            .contains("nothing changed since the last build"),
        "{}",
        second.stdout
    );
    // Where it goes is what counts of it.
    std::fs::remove_file(dir.join("catalog/draft")).unwrap();
    std::os::unix::fs::symlink("elsewhere", dir.join("catalog/draft")).unwrap();
    let third = errdoc(dir, &["build"]);
    assert_eq!(third.status, 0, "{}", third.stderr);
    assert!(
        !third.stdout.contains("nothing changed"),
        "{}",
        third.stdout
    );
}

#[test]
fn a_missing_corrupt_or_foreign_cache_is_not_trusted() {
    let cases: [(&str, Option<&str>); 4] = [
        ("deleted", None),
        ("garbage", Some("{ not json")),
        ("empty", Some("")),
        (
            "another version's",
            Some(
                r#"{"inputs":"0.0.0 00","locales":9,"pages":9,"codes":9,"outputs":[["index.html",1,1]]}"#,
            ),
        ),
    ];
    for (what, contents) in cases {
        let root = project(None);
        assert_eq!(errdoc(root.path(), &["build"]).status, 0);
        // Change an input and the site behind the cache's back, then
        // replace the cache: the build must not believe it.
        apply_edits(
            root.path(),
            "--- locales/en/close.ftl\n<<<\ncode-1006 = Abnormal Closure\n===\ncode-1006 = Abnormal closure, again\n>>>\n",
        );
        let cache = root.path().join(".errdoc-cache");
        match contents {
            None => std::fs::remove_file(&cache).unwrap(),
            Some(text) => std::fs::write(&cache, text).unwrap(),
        }
        builds_again(root.path(), what);
    }
}

#[test]
fn a_site_touched_since_the_last_build_is_built_again() {
    // A page made from the whole site, and one the next build would take
    // from the last (its inputs did not change).
    for page in ["site/en/index.html", "site/en/codes/1006.html"] {
        for what in ["edited", "deleted"] {
            let root = project(None);
            assert_eq!(errdoc(root.path(), &["build"]).status, 0);
            let page = root.path().join(page);
            if what == "edited" {
                // Of the same length: its modification time tells.
                let mut bytes = std::fs::read(&page).unwrap();
                let last = bytes.len() - 2;
                bytes[last] = if bytes[last] == b'x' { b'y' } else { b'x' };
                std::thread::sleep(std::time::Duration::from_millis(20));
                std::fs::write(&page, bytes).unwrap();
            } else {
                std::fs::remove_file(&page).unwrap();
            }
            builds_again(root.path(), what);
            // And with an input of another page changed too: the page is
            // not taken from the last build, though its inputs are the same.
            std::fs::write(&page, "hand-made").unwrap();
            apply_edits(
                root.path(),
                "--- locales/en/socket.ftl\n<<<\ncode-2301004 = System Call Interrupted\n===\ncode-2301004 = Interrupted\n>>>\n",
            );
            builds_again(root.path(), what);
        }
    }
}

/// Real doc sets build with warnings (drift between the languages): a
/// cached build says them again, as the build it stands for did; with
/// `-W` they fail it.
#[test]
fn a_cached_build_says_the_warnings_again() {
    let root = project(None);
    apply_edits(
        root.path(),
        "+++ locales/en/unused.ftl\ncode-9999 = Nothing uses this\n",
    );
    let first = errdoc(root.path(), &["build"]);
    assert_eq!(first.status, 0, "{}", first.stderr);
    assert!(first.stderr.contains("warning[E0311]"), "{}", first.stderr);
    let second = errdoc(root.path(), &["build"]);
    assert_eq!(second.status, 0, "{}", second.stderr);
    assert!(
        second.stdout.contains("nothing changed"),
        "{}",
        second.stdout
    );
    assert_eq!(second.stderr, first.stderr);
    let denied = errdoc(root.path(), &["-W", "build"]);
    assert_eq!(denied.status, 1, "{}", denied.stderr);
    assert!(
        denied.stderr.contains("warning[E0311]"),
        "{}",
        denied.stderr
    );
    assert!(
        !denied.stdout.contains("nothing changed"),
        "{}",
        denied.stdout
    );
}

/// `(reused, rendered)` from the last `ERRDOC_TIMINGS` line of a build.
fn page_counts(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .rfind(|l| l.contains("pages so far"))
        .unwrap_or_else(|| panic!("no page counts in:\n{stderr}"));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    (numbers[0], numbers[1])
}

/// The keys are not only sound but used: after one title is edited, the
/// pages it does not show are taken from the last build, three builds in a
/// row (the second's keys are the third's), and the site is always the one
/// a build without the cache makes.
#[test]
fn pages_whose_inputs_did_not_change_are_taken_from_the_last_build() {
    let root = project(None);
    let timed = |root: &Path| {
        let run = support::errdoc_env(root, &["build"], &[("ERRDOC_TIMINGS", "1")]);
        assert_eq!(run.status, 0, "{}", run.stderr);
        page_counts(&run.stderr)
    };
    let (reused, all) = timed(root.path());
    assert_eq!(reused, 0);
    for [from, to] in [
        ["Abnormal Closure", "Edited once"],
        ["Edited once", "Edited twice"],
    ] {
        apply_edits(
            root.path(),
            &format!(
                "--- locales/en/close.ftl\n<<<\ncode-1006 = {from}\n===\ncode-1006 = {to}\n>>>\n"
            ),
        );
        let (reused, rendered) = timed(root.path());
        assert_eq!(reused + rendered, all);
        // The English close page (Markdown and HTML), the code's page and
        // the pages made from the whole site are made again; the rest not.
        assert!(reused >= all / 2, "{reused} reused, {rendered} rendered");
        assert!(rendered >= 3, "{reused} reused, {rendered} rendered");
        assert_eq!(
            read_tree(&root.path().join("site")),
            uncached(root.path(), &[])
        );
    }
}
