//! What `errdoc build` does to `site/`: writes only what changed, leaves it
//! untouched when the input is broken, reports what `--check` would change.

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

#[cfg(unix)]
use std::os::unix::fs::MetadataExt as _;
use std::path::Path;

use support::{errdoc, project, read_tree};

/// Every file under `site/` with its bytes, inode and modification time.
#[cfg(unix)]
fn snapshot(root: &Path) -> Vec<(String, Vec<u8>, u64, i64, i64)> {
    read_tree(&root.join("site"))
        .into_iter()
        .map(|(path, bytes)| {
            let meta = std::fs::metadata(root.join("site").join(&path)).unwrap();
            (
                path.display().to_string(),
                bytes,
                meta.ino(),
                meta.mtime(),
                meta.mtime_nsec(),
            )
        })
        .collect()
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn first_build_writes_every_page_and_says_so() {
    let root = project(None);
    let run = errdoc(root.path(), &["build"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let line = run.stdout.trim_end();
    assert!(
        line.starts_with(
            "build: 2 locales, 4 pages, 4 codes: 35 files written, 0 unchanged, 0 removed in "
        ),
        "{line}"
    );
    assert!(line.ends_with('s') && !line.contains('\n'), "{line}");
    let files: Vec<String> = read_tree(&root.path().join("site"))
        .keys()
        .map(|p| p.display().to_string())
        .collect();
    let expected = [
        ".errdoc-manifest",
        "404.html",
        "assets/search.js",
        "assets/style.css",
        "en/codes/1006.html",
        "en/codes/2301004.html",
        "en/codes/2301110.html",
        "en/codes/2301111.html",
        "en/codes.json",
        "en/errorcode-close.html",
        "en/errorcode-net-socket.html",
        "en/index.html",
        "en/opensearch.xml",
        "en/search-details-0.js",
        "en/search-index.js",
        "en/status.html",
        "favicon.svg",
        "index.html",
        "md/en/errorcode-close.md",
        "md/en/errorcode-net-socket.md",
        "md/zh-CN/errorcode-close.md",
        "md/zh-CN/errorcode-net-socket.md",
        "sitemap.xml",
        "zh-CN/codes/1006.html",
        "zh-CN/codes/2301004.html",
        "zh-CN/codes/2301110.html",
        "zh-CN/codes/2301111.html",
        "zh-CN/codes.json",
        "zh-CN/errorcode-close.html",
        "zh-CN/errorcode-net-socket.html",
        "zh-CN/index.html",
        "zh-CN/opensearch.xml",
        "zh-CN/search-details-0.js",
        "zh-CN/search-index.js",
        "zh-CN/status.html",
    ];
    assert_eq!(files, expected);
}

#[cfg(unix)]
#[test]
fn a_build_with_nothing_changed_rewrites_no_file() {
    let root = project(None);
    assert_eq!(errdoc(root.path(), &["build"]).status, 0);
    let before = snapshot(root.path());
    // The cache says nothing changed; without it, every file is compared.
    let run = errdoc(root.path(), &["build"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains(": nothing changed since the last build, 0 files written in "),
        "{}",
        run.stdout
    );
    assert_eq!(snapshot(root.path()), before, "a file was rewritten");
    let run = errdoc(root.path(), &["build", "--no-cache"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains(": 0 files written, 35 unchanged, 0 removed in "),
        "{}",
        run.stdout
    );
    assert_eq!(snapshot(root.path()), before, "a file was rewritten");
}

#[cfg(unix)]
#[test]
fn a_failed_build_leaves_site_byte_for_byte_as_it_was() {
    let root = project(None);
    assert_eq!(errdoc(root.path(), &["build"]).status, 0);
    let before = snapshot(root.path());
    // A change that renders differently, plus an error elsewhere.
    edit(
        &root.path().join("locales/en/close.ftl"),
        "Abnormal Closure",
        "Abnormal Closure (edited)",
    );
    edit(
        &root.path().join("locales/zh-CN/socket.ftl"),
        "{ $name }。",
        "{ $name 。",
    );
    let run = errdoc(root.path(), &["build"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr
            .ends_with("error: build failed with 1 error and 0 warnings; site/ was not changed\n"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(root.path()), before);
}

#[test]
fn build_check_lists_every_change_and_writes_nothing() {
    let root = project(None);
    assert_eq!(errdoc(root.path(), &["build"]).status, 0);
    let up_to_date = errdoc(root.path(), &["build", "--check"]);
    assert_eq!(up_to_date.status, 0, "{}", up_to_date.stderr);
    assert_eq!(up_to_date.stdout, "site/ is up to date (35 files)\n");

    // A solution shows on its module page, its code page, the Markdown
    // page, the search index's detail shard (not its first shard) and
    // codes.json.
    edit(
        &root.path().join("locales/zh-CN/close.ftl"),
        "退避后重新连接。",
        "退避后重新连接（已修改）。",
    );
    // A page an earlier build made (it is in the manifest) and no longer
    // makes is removed; files errdoc did not make are never touched.
    std::fs::write(root.path().join("site/md/en/stale.md"), "old page").unwrap();
    let manifest = root.path().join("site/.errdoc-manifest");
    let listed = std::fs::read_to_string(&manifest).unwrap()
        + &format!(
            "md/en/stale.md\t{}\n",
            errdoc::testing::fingerprint(b"old page")
        );
    std::fs::write(&manifest, listed).unwrap();
    std::fs::write(root.path().join("site/hand-made.html"), "mine").unwrap();
    std::fs::write(root.path().join("site/.nojekyll"), "").unwrap();
    std::fs::remove_file(root.path().join("site/md/en/errorcode-close.md")).unwrap();
    let before = read_tree(&root.path().join("site"));

    let run = errdoc(root.path(), &["build", "--check"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stderr,
        "error: site/ is out of date; a build would change these files:\n\
         \x20 create site/md/en/errorcode-close.md\n\
         \x20 update site/.errdoc-manifest\n\
         \x20 update site/md/zh-CN/errorcode-close.md\n\
         \x20 update site/zh-CN/codes/1006.html\n\
         \x20 update site/zh-CN/codes.json\n\
         \x20 update site/zh-CN/errorcode-close.html\n\
         \x20 update site/zh-CN/search-details-0.js\n\
         \x20 remove site/md/en/stale.md\n\
         run `errdoc build` and commit site/\n"
    );
    assert_eq!(read_tree(&root.path().join("site")), before);

    let build = errdoc(root.path(), &["build"]);
    assert!(
        build
            .stdout
            .contains(": 7 files written, 28 unchanged, 1 removed in "),
        "{}",
        build.stdout
    );
    assert!(!root.path().join("site/md/en/stale.md").exists());
    assert!(root.path().join("site/.nojekyll").exists(), "not errdoc's");
    assert!(
        root.path().join("site/hand-made.html").exists(),
        "not errdoc's"
    );
    assert_eq!(errdoc(root.path(), &["build", "--check"]).status, 0);
}

#[test]
fn check_writes_nothing() {
    let root = project(None);
    let run = errdoc(root.path(), &["check"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "check: 2 locales, 4 pages, 4 codes: 0 errors and 0 warnings\n"
    );
    assert!(!root.path().join("site").exists());
}

#[test]
fn a_folder_that_is_not_a_project_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let run = errdoc(dir.path(), &["build"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stderr,
        "catalog/codes.yaml: error[E0101]: the catalog is missing — create it, or run errdoc in a project folder (see --root)\n\
         locales/en: error[E0301]: the source locale `en` is missing — create locales/en/ with the source language's .ftl files\n\
         error: build failed with 2 errors and 0 warnings; site/ was not changed\n"
    );
}

#[test]
fn help_describes_the_commands() {
    let run = errdoc(Path::new("."), &["--help"]);
    assert_eq!(run.status, 0);
    assert!(run.stdout.contains("build"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("Validate and render everything, but write nothing"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("--root <DIR>"), "{}", run.stdout);
}

/// A page's UI strings (`ui["…"]` in the built-in templates) come from the
/// same places as `t()`'s, in the same order: the project's locale, errdoc's
/// built-in strings in that language, the project's source locale, then
/// errdoc's built-in English.
#[test]
fn ui_strings_come_from_the_project_then_builtins_then_the_source() {
    let root = project(None);
    let locales = root.path().join("locales");
    let append = |file: &str, text: &str| {
        let path = locales.join(file);
        let mut all = std::fs::read_to_string(&path).unwrap_or_default();
        all.push_str(text);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, all).unwrap();
    };
    append("en/ui.ftl", "ui-skip = Jump to the text\n");
    append("zh-CN/ui.ftl", "ui-home = 项目首页\n");
    append("ja/ui.ftl", "ui-home = ホーム\n");
    let run = errdoc(root.path(), &["build"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let page = |path: &str| std::fs::read_to_string(root.path().join("site").join(path)).unwrap();
    let en = page("en/codes/1006.html");
    assert!(en.contains(">Jump to the text</a>"), "{en}");
    assert!(en.contains(">Home</a>"), "{en}");
    let zh = page("zh-CN/codes/1006.html");
    assert!(zh.contains(">项目首页</a>"), "{zh}");
    assert!(zh.contains(">跳到正文</a>"), "{zh}");
    let ja = page("ja/codes/1006.html");
    assert!(ja.contains(">ホーム</a>"), "{ja}");
    assert!(ja.contains(">Jump to the text</a>"), "{ja}");
}

/// `site.synonyms` of the catalog add to errdoc's own groups in each
/// locale's search index: a language's groups (`zh`) and a tag's (`zh-CN`).
#[test]
fn the_catalogs_synonyms_reach_the_search_index() {
    let root = project(None);
    edit(
        &root.path().join("catalog/codes.yaml"),
        "  base_url: \"https://example.org/errors/\"\n",
        "  base_url: \"https://example.org/errors/\"\n  synonyms:\n    en: [[refused, declined]]\n    zh-CN: [[握手, 协商]]\n",
    );
    let run = errdoc(root.path(), &["build"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let index = |tag: &str| {
        std::fs::read_to_string(root.path().join(format!("site/{tag}/search-index.js"))).unwrap()
    };
    let en = index("en");
    assert!(en.contains(r#"["refused","declined"]"#), "{en}");
    assert!(
        en.contains(r#"["refused","rejected"]"#),
        "errdoc's own: {en}"
    );
    assert!(!en.contains("握手"), "{en}");
    let zh = index("zh-CN");
    assert!(zh.contains(r#"["握手","协商"]"#), "{zh}");
    assert!(zh.contains(r#"["超时","逾时"]"#), "errdoc's own: {zh}");
    assert!(!zh.contains("declined"), "{zh}");
}

/// A reader who lands on a missing page can search from it, in every
/// language (a form that opens the language's home page with `?q=`); with
/// a base URL, each language has an OpenSearch description that every
/// page links.
#[test]
fn the_404_page_searches_and_each_language_has_opensearch() {
    let root = project(None);
    let run = errdoc(root.path(), &["build"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let read = |path: &str| std::fs::read_to_string(root.path().join("site").join(path)).unwrap();
    let not_found = read("404.html");
    for tag in ["en", "zh-CN"] {
        assert!(
            not_found.contains(&format!(
                "<form class=\"search\" role=\"search\" action=\"{tag}/index.html\" method=\"get\">"
            )),
            "{not_found}"
        );
        let xml = read(&format!("{tag}/opensearch.xml"));
        assert!(
            xml.contains(&format!(
                "template=\"https://example.org/errors/{tag}/index.html?q={{searchTerms}}\""
            )),
            "{xml}"
        );
        assert!(
            read(&format!("{tag}/codes/1006.html")).contains(&format!(
                "<link rel=\"search\" type=\"application/opensearchdescription+xml\" href=\"https://example.org/errors/{tag}/opensearch.xml\""
            ))
        );
    }
    assert_eq!(not_found.matches("name=\"q\"").count(), 2, "{not_found}");
}
