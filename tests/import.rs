//! `errdoc init` and `errdoc import`: a new project, the seed pages and six
//! house-style pages with every irregularity, imported in English and
//! Chinese, built, and compared with the pages they came from (the
//! fidelity test: same codes in the same order, same titles, messages,
//! descriptions, causes and solutions, compared as pulldown-cmark event
//! streams).

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]
#![allow(
    clippy::too_many_lines,
    reason = "a test is one scenario, read from top to bottom; cut into pieces it would hide the order of its steps"
)]

mod support;

use std::path::{Path, PathBuf};

use errdoc::testing::{parse, round_trip};
use support::{errdoc, read_tree};

fn pages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/pages")
}

/// The two seed pages (from ../shared/seeds, copied so the tests stand alone).
fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/seeds")
}

/// A new project in a temporary folder.
fn new_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let run = errdoc(dir.path(), &["init"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    dir
}

fn import(root: &Path, locale: &str, file: &Path) -> support::Run {
    errdoc(
        root,
        &["import", "--locale", locale, file.to_str().unwrap()],
    )
}

/// Checks that the page built for `locale` says what `original` says,
/// code by code, except the codes in `except` (conflicts).
fn assert_same(root: &Path, original: &Path, page: &str, locale: &str, except: &[i64]) -> usize {
    let original = parse::page(
        &std::fs::read_to_string(original)
            .unwrap()
            .replace("\r\n", "\n"),
    );
    let built = std::fs::read_to_string(root.join(format!("site/md/{locale}/{page}.md"))).unwrap();
    let built = parse::page(&built);
    let original_codes: Vec<i64> = original.sections.iter().map(|s| s.code).collect();
    // The built page may hold more codes (those of the other language).
    let built_codes: Vec<i64> = built
        .sections
        .iter()
        .map(|s| s.code)
        .filter(|c| original_codes.contains(c))
        .collect();
    assert_eq!(
        built_codes, original_codes,
        "{page} ({locale}): the same codes in the same order"
    );
    let kept: Vec<parse::Section> = original
        .sections
        .iter()
        .filter(|s| !except.contains(&s.code))
        .cloned()
        .collect();
    let (exact, total, differences) = round_trip(&kept, &built);
    assert_eq!(exact, total, "{page} ({locale}): {differences:?}");
    exact
}

#[test]
fn init_makes_a_project_that_builds_at_once() {
    let dir = new_project();
    let files: Vec<String> = read_tree(dir.path())
        .keys()
        .map(|p| p.display().to_string())
        .collect();
    // The lock of the project's writers, empty while none runs.
    assert_eq!(
        files,
        [
            ".errdoc.lock",
            ".gitignore",
            "README.md",
            "catalog/codes.yaml",
            "locales/en/ui.ftl"
        ]
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".errdoc.lock")).unwrap(),
        ""
    );
    let build = errdoc(dir.path(), &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    assert!(dir.path().join("site/en/index.html").exists());
    let again = errdoc(dir.path(), &["init"]);
    assert_eq!(again.status, 1);
    assert!(again.stderr.contains("exists already"), "{}", again.stderr);

    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("docs");
    let run = errdoc(Path::new("."), &["init", target.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(errdoc(&target, &["build"]).status, 0);
}

#[test]
fn the_seed_pages_import_build_and_round_trip() {
    let dir = new_project();
    let root = dir.path();
    let work = tempfile::tempdir().unwrap();
    let websocket = work.path().join("errorcode-net-websocket.md");
    let socket = work.path().join("errorcode-net-socket.zh-CN.md");
    std::fs::copy(seeds().join("errorcode-net-websocket.md"), &websocket).unwrap();
    std::fs::copy(seeds().join("errorcode-net-socket.zh-CN.md"), &socket).unwrap();

    let en = import(root, "en", &websocket);
    assert_eq!(en.status, 0, "{}{}", en.stdout, en.stderr);
    assert!(
        en.stdout
            .contains("  8 codes: 8 added, 0 merged, 0 listed from other modules\n"),
        "{}",
        en.stdout
    );
    assert!(
        en.stdout
            .contains("  round trip: 8 of 8 sections say exactly the same on the built page\n"),
        "{}",
        en.stdout
    );

    let zh = import(root, "zh-CN", &socket);
    assert_eq!(zh.status, 0, "{}{}", zh.stdout, zh.stderr);
    // Prose inside a code's section (the family rule after 2301004's
    // steps) is kept where it stands, nothing is left out.
    assert!(!zh.stdout.contains("not imported"), "{}", zh.stdout);
    assert!(
        zh.stdout
            .contains("  19 codes: 19 added, 0 merged, 0 listed from other modules\n"),
        "{}",
        zh.stdout
    );
    assert!(
        zh.stdout
            .contains("  English placeholders (titles from the Error Message) for 2301001,"),
        "{}",
        zh.stdout
    );
    assert!(
        zh.stdout
            .contains("  round trip: 19 of 19 sections say exactly the same on the built page\n"),
        "{}",
        zh.stdout
    );

    let build = errdoc(root, &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    assert_eq!(
        assert_same(root, &websocket, "errorcode-net-websocket", "en", &[]),
        8
    );
    assert_eq!(
        assert_same(root, &socket, "errorcode-net-socket", "zh-CN", &[]),
        19
    );
    let socket_page =
        std::fs::read_to_string(root.join("site/md/zh-CN/errorcode-net-socket.md")).unwrap();
    assert!(
        socket_page
            .contains("> TCP/UDP Socket其余错误码映射形式为：2301000 + Linux系统内核错误码errno"),
        "{socket_page}"
    );
    let metadata =
        std::fs::read_to_string(root.join("site/md/en/errorcode-net-websocket.md")).unwrap();
    assert!(metadata.contains(
        "<!--Kit: Network Kit-->\n<!--Subsystem: Communication-->\n<!--Owner: @wmyao_mm-->"
    ));

    let status = errdoc(root, &["l10n", "status"]);
    assert_eq!(status.status, 0, "{}", status.stderr);
    assert!(status.stdout.starts_with("zh-CN: "), "{}", status.stdout);

    // Importing the same files again changes nothing.
    let before = read_tree(root);
    let again = import(root, "zh-CN", &socket);
    assert!(
        again
            .stdout
            .contains("19 codes: 0 added, 19 merged, 0 listed from other modules\n"),
        "{}",
        again.stdout
    );
    assert!(
        again.stdout.ends_with("\nnothing changed\n"),
        "{}",
        again.stdout
    );
    assert_eq!(import(root, "en", &websocket).status, 0);
    assert_eq!(read_tree(root), before);
}

#[test]
fn house_style_pages_with_every_irregularity_round_trip() {
    let dir = new_project();
    let root = dir.path();
    let mut reports = String::new();
    for module in ["bluetooth", "distributed-data-object", "http"] {
        for (locale, file) in [
            ("en", format!("errorcode-{module}.md")),
            ("zh-CN", format!("errorcode-{module}.zh-CN.md")),
        ] {
            let run = import(root, locale, &pages().join(&file));
            reports.push_str(&run.stdout);
            // Drift between the languages is kept and reported, never a
            // failure.
            assert_eq!(run.status, 0, "{file}: {}{}", run.stdout, run.stderr);
        }
    }
    for expected in [
        // The same code twice: the first is kept.
        "errorcode-bluetooth.md: module `bluetooth`\n  7 codes: 7 added, 0 merged, 0 listed from other modules\n  line 144: code 2900004 again — the first section is the code's; this one stays on the page as written (in its layout only)\n",
        "  line 127: code 2300028 again — the first section is the code's; this one stays on the page as written (in its layout only)\n",
        // A different Error Message in the two languages is drift, kept.
        "  line 32: drift: code 2900003: the Error Message is `Bluetooth is off.` here but `Bluetooth disabled.` in the catalog; kept as `message_drift` (zh-CN), which `errdoc check` reports\n",
        // Headings that are not codes are kept with their text.
        "  5 codes: 5 added, 0 merged, 0 listed from other modules; 1 heading\n",
        "  9 codes: 0 added, 9 merged, 0 listed from other modules; 1 heading\n",
        // Codes the English page lacks get an English placeholder.
        "  English placeholders (titles from the Error Message) for 15400005; write their English text, then delete their `{{absent …}}` lines in the English page's layout (layouts/) so that page shows them\n",
        // Round trips: the Chinese page of 15400003 lacks the English
        // page's text before its first label, and keeps lacking it.
        "  round trip: 7 of 7 sections say exactly the same on the built page\n",
        "  round trip: 5 of 5 sections say exactly the same on the built page\n",
        "  round trip: 9 of 9 sections say exactly the same on the built page\n",
    ] {
        assert!(
            reports.contains(expected),
            "missing {expected:?} in:\n{reports}"
        );
    }
    // Nothing is left out: stray prose, a table and another heading stay.
    assert!(!reports.contains("not imported"), "{reports}");

    let build = errdoc(root, &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    let ddo = std::fs::read_to_string(root.join("site/md/en/errorcode-distributed-data-object.md"))
        .unwrap();
    assert!(ddo.contains("\n## Appendix\n"), "{ddo}");
    assert!(ddo.contains("| Parameter | Type | Description |"), "{ddo}");
    let mut exact = 0;
    for module in ["bluetooth", "distributed-data-object", "http"] {
        let page = format!("errorcode-{module}");
        exact += assert_same(root, &pages().join(format!("{page}.md")), &page, "en", &[]);
        exact += assert_same(
            root,
            &pages().join(format!("{page}.zh-CN.md")),
            &page,
            "zh-CN",
            &[15400003],
        );
    }
    assert_eq!(exact, 41);

    // <!--Del--> around two codes comes back as one pair around them.
    for locale in ["en", "zh-CN"] {
        let built =
            std::fs::read_to_string(root.join(format!("site/md/{locale}/errorcode-bluetooth.md")))
                .unwrap();
        assert_eq!(built.matches("<!--Del-->").count(), 1, "{locale}");
        assert_eq!(built.matches("<!--DelEnd-->").count(), 1, "{locale}");
        let open = built.find("<!--Del-->").unwrap();
        let close = built.find("<!--DelEnd-->").unwrap();
        let inside = &built[open..close];
        assert!(
            inside.contains("## 2900010 ") && inside.contains("## 2900011 "),
            "{locale}"
        );
    }
    // A code table is imported row by row.
    let catalog = std::fs::read_to_string(root.join("catalog/codes.yaml")).unwrap();
    for code in ["2300005", "2300006", "2300007", "401", "15400001"] {
        assert!(catalog.contains(&format!("- code: {code}\n")), "{code}");
    }
    // The Chinese page lacks a code the English has: status shows the gap.
    let status = errdoc(root, &["l10n", "status", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    let ddo = json["locales"][0]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == "distributed-data-object")
        .unwrap()
        .clone();
    assert!(ddo["counts"]["missing"].as_u64().unwrap() > 0, "{ddo}");

    // Again: nothing changes.
    let before = read_tree(&root.join("catalog"));
    let locales = read_tree(&root.join("locales"));
    for module in ["bluetooth", "distributed-data-object", "http"] {
        import(root, "en", &pages().join(format!("errorcode-{module}.md")));
        import(
            root,
            "zh-CN",
            &pages().join(format!("errorcode-{module}.zh-CN.md")),
        );
    }
    assert_eq!(read_tree(&root.join("catalog")), before);
    assert_eq!(read_tree(&root.join("locales")), locales);
}

#[test]
fn import_needs_a_project_and_a_language_tag() {
    let dir = tempfile::tempdir().unwrap();
    let page = pages().join("errorcode-http.md");
    let run = import(dir.path(), "en", &page);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr
            .contains("is not an errdoc project — `errdoc init` creates one"),
        "{}",
        run.stderr
    );
    let project = new_project();
    let run = import(project.path(), "zh_CN", &page);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stderr,
        "error: `zh_CN` is not a language tag written the canonical way (`en`, `zh-CN`)\n"
    );
    let run = errdoc(
        project.path(),
        &[
            "import",
            "--locale",
            "en",
            "--module",
            "web",
            page.to_str().unwrap(),
        ],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains(": module `web`\n"), "{}", run.stdout);
}

/// What no published page shows, written by hand: plain-text labels, no
/// metadata, a heading before the codes that is not a code, a negative, a
/// 4-digit, a one-digit and an untitled code, markers inside a text, and
/// (the Chinese page) CRLF line ends.
#[test]
fn hand_written_irregularities_round_trip() {
    let dir = new_project();
    let root = dir.path();
    for (locale, file) in [
        ("en", "errorcode-overview.md"),
        ("zh-CN", "errorcode-overview.zh-CN.md"),
    ] {
        let run = import(root, locale, &pages().join(file));
        assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
        assert!(
            run.stdout.contains("  3 codes: ")
                && run.stdout.contains("; 1 heading\n")
                && run.stdout.contains(
                    "  round trip: 3 of 3 sections say exactly the same on the built page\n"
                ),
            "{}",
            run.stdout
        );
    }
    let catalog = std::fs::read_to_string(root.join("catalog/codes.yaml")).unwrap();
    assert!(
        catalog.contains("    codes:\n      - heading: \"overview\"\n      - code: -1\n        name: \"OVERVIEW_UNKNOWN_ERROR\"\n"),
        "{catalog}"
    );
    assert!(!catalog.contains("owns"), "no range is claimed: {catalog}");
    let build = errdoc(root, &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    for (locale, original) in [
        ("en", "errorcode-overview.md"),
        ("zh-CN", "errorcode-overview.zh-CN.md"),
    ] {
        assert_eq!(
            assert_same(
                root,
                &pages().join(original),
                "errorcode-overview",
                locale,
                &[]
            ),
            3
        );
    }
    let zh = std::fs::read_to_string(root.join("site/md/zh-CN/errorcode-overview.md")).unwrap();
    assert!(
        zh.starts_with("# 概览错误码\n\n## 概述\n\n本页为导入测试手写"),
        "{zh}"
    );
    assert!(zh.contains("\n## 1011\n"), "{zh}");
    assert!(
        zh.contains("UIExtension能力未启动。<!--RP1-->按需启动。<!--RP1End-->"),
        "{zh}"
    );
    let page = std::fs::read_to_string(root.join("site/en/codes/-1.html")).unwrap();
    assert!(page.contains("Unknown error."), "{page}");
}

/// Metadata as published pages write it: `--` inside a value is fine.
#[test]
fn metadata_is_kept_as_written() {
    let dir = new_project();
    let root = dir.path();
    let work = tempfile::tempdir().unwrap();
    let page = work.path().join("errorcode-owner.md");
    std::fs::write(
        &page,
        "# Owner Error Codes\n<!--Kit: Basic Services Kit-->\n<!--Owner: @zxz--3-->\n<!--Designer: @a-b--c-->\n\n## 4900101 Failure\n\n**Error Message**\n\nFailed.\n",
    )
    .unwrap();
    let run = import(root, "en", &page);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let build = errdoc(root, &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    let built = std::fs::read_to_string(root.join("site/md/en/errorcode-owner.md")).unwrap();
    assert!(
        built.contains(
            "<!--Kit: Basic Services Kit-->\n<!--Owner: @zxz--3-->\n<!--Designer: @a-b--c-->\n"
        ),
        "{built}"
    );
}

/// Found in review: headings of two modules whose messages would be the
/// same, and a translation whose headings stand before other codes.
#[test]
fn headings_keep_their_own_texts_and_their_places() {
    let dir = new_project();
    let root = dir.path();
    let work = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = work.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let a = write(
        "errorcode-a.md",
        "# A\n\n## B C\n\nText of A.\n\n## 1 One\n\n**Error Message**\n\nOne.\n",
    );
    let ab = write(
        "errorcode-a-b.md",
        "# AB\n\n## C\n\nText of AB.\n\n## 2 Two\n\n**Error Message**\n\nTwo.\n",
    );
    let run = errdoc(
        root,
        &[
            "import",
            "--locale",
            "en",
            a.to_str().unwrap(),
            ab.to_str().unwrap(),
        ],
    );
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let build = errdoc(root, &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    let page_a = std::fs::read_to_string(root.join("site/md/en/errorcode-a.md")).unwrap();
    let page_ab = std::fs::read_to_string(root.join("site/md/en/errorcode-a-b.md")).unwrap();
    assert!(page_a.contains("## B C\n\nText of A.\n"), "{page_a}");
    assert!(page_ab.contains("## C\n\nText of AB.\n"), "{page_ab}");

    // English `1, Group B, 2`; Chinese `概述, 1, B组, 2`: B组 is Group B.
    let en = write(
        "errorcode-g.md",
        "# G\n\n## 10 One\n\n**Error Message**\n\nOne.\n\n## Group B\n\nAbout B.\n\n## 20 Two\n\n**Error Message**\n\nTwo.\n",
    );
    let zh = write(
        "errorcode-g.zh-CN.md",
        "# G\n\n## 概述\n\n概述。\n\n## 10 一\n\n**错误信息**\n\nOne.\n\n## B组\n\n关于B。\n\n## 20 二\n\n**错误信息**\n\nTwo.\n",
    );
    assert_eq!(import(root, "en", &en).status, 0);
    let run = import(root, "zh-CN", &zh);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let before = read_tree(&root.join("locales"));
    assert_eq!(import(root, "en", &en).status, 0);
    assert_eq!(
        read_tree(&root.join("locales")),
        before,
        "a second import changes nothing"
    );
    assert_eq!(errdoc(root, &["build"]).status, 0);
    let en_page = std::fs::read_to_string(root.join("site/md/en/errorcode-g.md")).unwrap();
    let zh_page = std::fs::read_to_string(root.join("site/md/zh-CN/errorcode-g.md")).unwrap();
    assert_eq!(en_page.matches("## Group B").count(), 1, "{en_page}");
    let order = |page: &str, parts: &[&str]| {
        let at: Vec<usize> = parts
            .iter()
            .map(|p| page.find(p).unwrap_or(usize::MAX))
            .collect();
        at.windows(2).all(|w| w[0] < w[1])
    };
    assert!(
        order(&zh_page, &["## 概述", "## 10 一", "## B组", "## 20 二"]),
        "{zh_page}"
    );
    assert!(
        order(&en_page, &["## 10 One", "## Group B", "## 20 Two"]),
        "{en_page}"
    );
}

/// Writes `files` (name, text) into a fresh folder; their paths.
fn pages_in(dir: &Path, files: &[(&str, &str)]) -> Vec<PathBuf> {
    files
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

/// Imports `files` in `locale` in one run.
fn import_all(root: &Path, locale: &str, files: &[PathBuf]) -> support::Run {
    let mut args = vec!["import", "--locale", locale];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    errdoc(root, &args)
}

/// Found in the second review: a page documenting a code a family of
/// another module generates lists it, and an entry of the family's own
/// module that overrides a member keeps the member's name.
#[test]
fn family_members_are_listed_and_keep_their_names() {
    let dir = new_project();
    let root = dir.path();
    std::fs::write(
        root.join("catalog/codes.yaml"),
        "tables:\n  - id: errno\n    entries:\n      - { value: 1, name: EPERM, message: \"Operation not permitted\" }\nmodules:\n  - id: a\n    page: errorcode-a\n    families:\n      - { id: a-errno, base: 1000, table: errno, name: \"A_{name}\" }\n",
    )
    .unwrap();
    std::fs::write(
        root.join("locales/en/a.ftl"),
        "module-a = A\nfamily-a-errno = Other A Codes\n",
    )
    .unwrap();
    let work = tempfile::tempdir().unwrap();
    let files = pages_in(
        work.path(),
        &[
            (
                "errorcode-b.md",
                "# B\n\n## 1001 Not Permitted\n\n**Error Message**\n\nOperation not permitted\n",
            ),
            (
                "errorcode-a.md",
                "# A\n\n## 1001 Not Permitted Here\n\n**Error Message**\n\nOperation not permitted\n",
            ),
        ],
    );
    let run = import_all(root, "en", &files[..1]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("code 1001 is defined by module `a`: listed here"),
        "{}",
        run.stdout
    );
    let run = import_all(root, "en", &files[1..]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let catalog = std::fs::read_to_string(root.join("catalog/codes.yaml")).unwrap();
    assert!(catalog.contains("      - also: 1001\n"), "{catalog}");
    assert!(
        catalog.contains("      - code: 1001\n        name: \"A_EPERM\"\n"),
        "{catalog}"
    );
    assert_eq!(errdoc(root, &["check"]).status, 0);
}

/// Found in the second review: a translation's heading before a code only
/// it has, or after its last code, is a heading of its own.
#[test]
fn headings_of_a_translation_stay_where_they_stand() {
    let dir = new_project();
    let root = dir.path();
    let work = tempfile::tempdir().unwrap();
    let sec = |n: u32| format!("## {n} Code {n}\n\n**Error Message**\n\nM{n}.\n\n");
    let en = pages_in(
        work.path(),
        &[(
            "errorcode-m.md",
            &format!(
                "# M\n\n## Group One\n\n{}## Group Two\n\n{}",
                sec(1),
                sec(2)
            ),
        )],
    );
    let zh = pages_in(
        work.path(),
        &[(
            "errorcode-m.zh-CN.md",
            &format!(
                "# M\n\n## 第一组\n\n{}## 另一组\n\n{}## 第二组\n\n{}## 附录\n\n附录。\n",
                sec(1),
                sec(3),
                sec(2)
            ),
        )],
    );
    assert_eq!(import_all(root, "en", &en).status, 0);
    let run = import_all(root, "zh-CN", &zh);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let before = read_tree(&root.join("locales"));
    let again = import_all(root, "en", &en);
    assert!(
        again.stdout.ends_with("nothing changed\n"),
        "{}",
        again.stdout
    );
    assert_eq!(read_tree(&root.join("locales")), before);
    assert_eq!(errdoc(root, &["build"]).status, 0);
    let zh_page = std::fs::read_to_string(root.join("site/md/zh-CN/errorcode-m.md")).unwrap();
    let en_page = std::fs::read_to_string(root.join("site/md/en/errorcode-m.md")).unwrap();
    let order = |page: &str, parts: &[&str]| {
        let at: Vec<usize> = parts
            .iter()
            .map(|p| page.find(p).unwrap_or(usize::MAX))
            .collect();
        at.windows(2).all(|w| w[0] < w[1])
    };
    assert!(
        order(
            &zh_page,
            &[
                "## 第一组",
                "## 1 ",
                "## 另一组",
                "## 3 ",
                "## 第二组",
                "## 2 ",
                "## 附录"
            ]
        ),
        "{zh_page}"
    );
    // The English page is the English page: what only the Chinese one has
    // stays off it, as its layout records.
    assert_eq!(
        en_page,
        "# M\n\n## Group One\n\n## 1 Code 1\n\n**Error Message**\n\nM1.\n\n## Group Two\n\n## 2 Code 2\n\n**Error Message**\n\nM2.\n"
    );
    let layout = std::fs::read_to_string(root.join("layouts/en/errorcode-m.md")).unwrap();
    assert!(
        layout.starts_with(
            "{{absent 3}}\n{{absent heading section-2}}\n{{absent heading section-4}}\n{{page}}\n"
        ),
        "{layout}"
    );
    // Without layouts, each page shows the whole module.
    std::fs::remove_dir_all(root.join("layouts")).unwrap();
    assert_eq!(errdoc(root, &["build"]).status, 0);
    let en_page = std::fs::read_to_string(root.join("site/md/en/errorcode-m.md")).unwrap();
    assert!(
        order(
            &en_page,
            &["## Group One", "## 1 ", "## 3 ", "## Group Two", "## 2 "]
        ),
        "{en_page}"
    );
    assert_eq!(en_page.matches("## Group Two").count(), 1, "{en_page}");
}

/// Found in the second review: a code a translation's page gives no title
/// shows the English title; a page without `# Title` still builds.
#[test]
fn untitled_translations_and_pages_build() {
    let dir = new_project();
    let root = dir.path();
    let work = tempfile::tempdir().unwrap();
    let en = pages_in(
        work.path(),
        &[(
            "errorcode-u.md",
            "## 7 Seven\n\n**Error Message**\n\nSeven.\n",
        )],
    );
    let zh = pages_in(
        work.path(),
        &[(
            "errorcode-u.zh-CN.md",
            "# U\n\n## 7\n\n**错误信息**\n\nSeven.\n\n**错误描述**\n\n七。\n",
        )],
    );
    let run = import_all(root, "en", &en);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let run = import_all(root, "zh-CN", &zh);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let zh_texts = std::fs::read_to_string(root.join("locales/zh-CN/u.ftl")).unwrap();
    assert!(
        zh_texts.contains("code-7 =\n    .description = 七。\n"),
        "{zh_texts}"
    );
    assert_eq!(errdoc(root, &["build"]).status, 0);
    // The page as it was: untitled.
    let page = std::fs::read_to_string(root.join("site/md/zh-CN/errorcode-u.md")).unwrap();
    assert!(page.contains("## 7\n"), "{page}");
    // Without its layout, the English title.
    std::fs::remove_dir_all(root.join("layouts")).unwrap();
    assert_eq!(errdoc(root, &["build"]).status, 0);
    let page = std::fs::read_to_string(root.join("site/md/zh-CN/errorcode-u.md")).unwrap();
    assert!(page.contains("## 7 Seven\n"), "{page}");
    // A Chinese page alone, with untitled codes.
    let alone = new_project();
    let run = import(
        alone.path(),
        "zh-CN",
        &pages().join("errorcode-overview.zh-CN.md"),
    );
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
}

/// Found in the second review: one run with two pages of one module, a
/// page of a module the catalog names by its page, listing drift in a
/// batch whatever its order, markers and messages of the source language.
#[test]
fn a_batch_is_judged_as_a_whole() {
    let dir = new_project();
    let root = dir.path();
    let work = tempfile::tempdir().unwrap();
    let files = pages_in(
        work.path(),
        &[
            (
                "errorcode-b.md",
                "# B\n\n## 7 Seven\n\n**Error Message**\n\nSeven.\n",
            ),
            (
                "errorcode-a.md",
                "# A\n\n## 7 Seven\n\n**Error Message**\n\nSeven.\n\n<!--Del-->\n## 8 Eight\n\n**Error Message**\n\nEight.\n<!--DelEnd-->\n",
            ),
        ],
    );
    // b first: it defines 7, a lists it; no drift either way.
    let run = import_all(root, "en", &files);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains("drift"), "{}", run.stdout);
    let again = import_all(root, "en", &files);
    assert!(
        again.stdout.ends_with("nothing changed\n"),
        "{}",
        again.stdout
    );

    // Two pages of one module in one run: the second is not imported.
    let twice = import_all(root, "en", &[files[1].clone(), files[1].clone()]);
    assert_eq!(twice.status, 1, "{}", twice.stdout);
    assert!(
        twice
            .stdout
            .contains("brings module `a` too in this import"),
        "{}",
        twice.stdout
    );

    // A Chinese page without the marker, with another message: the
    // marker stays the English page's, the message is drift.
    let zh = pages_in(
        work.path(),
        &[(
            "errorcode-a.zh-CN.md",
            "# A\n\n## 7 七\n\n**错误信息**\n\nSeven!\n\n## 8 八\n\n**错误信息**\n\nEight.\n",
        )],
    );
    let run = import_all(root, "zh-CN", &zh);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("code 8: the zh-CN page wraps it in no marker, the catalog in `<!--Del-->`"),
        "{}",
        run.stdout
    );
    let catalog = std::fs::read_to_string(root.join("catalog/codes.yaml")).unwrap();
    assert!(catalog.contains("        marker: \"Del\"\n"), "{catalog}");

    // A corrected English page: the catalog's message is kept and the
    // difference reported; with --overwrite the page's becomes the
    // catalog's, the Chinese page keeps what it shows.
    let fixed = pages_in(
        work.path(),
        &[(
            "errorcode-a.md",
            "# A\n\n## 7 Seven\n\n**Error Message**\n\nSeven.\n\n<!--Del-->\n## 8 Eight\n\n**Error Message**\n\nEight, fixed.\n<!--DelEnd-->\n",
        )],
    );
    let run = import_all(root, "en", &fixed);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(
            "catalog/codes.yaml: code 8 `message`: `Eight.` here, `Eight, fixed.` on the page\n"
        ),
        "{}",
        run.stdout
    );
    let catalog = std::fs::read_to_string(root.join("catalog/codes.yaml")).unwrap();
    assert!(
        catalog.contains("        message: \"Eight.\"\n"),
        "{catalog}"
    );
    let mut args = vec!["import", "--overwrite", "--locale", "en"];
    args.extend(fixed.iter().map(|f| f.to_str().unwrap()));
    let run = errdoc(root, &args);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let catalog = std::fs::read_to_string(root.join("catalog/codes.yaml")).unwrap();
    assert!(
        catalog.contains("        message: \"Eight, fixed.\"\n        marker: \"Del\"\n        message_drift:\n          \"zh-CN\": \"Eight.\"\n"),
        "{catalog}"
    );

    // A page the catalog knows by its page name goes to its module.
    let renamed = root.join("catalog/codes.yaml");
    let text = std::fs::read_to_string(&renamed)
        .unwrap()
        .replace("id: \"a\"", "id: \"alpha\"");
    std::fs::write(&renamed, text).unwrap();
    std::fs::rename(
        root.join("locales/en/a.ftl"),
        root.join("locales/en/alpha.ftl"),
    )
    .unwrap();
    let run = import_all(root, "en", &fixed);
    assert!(
        run.stdout.contains("errorcode-a.md: module `alpha`\n"),
        "{}",
        run.stdout
    );
}

/// Issue 13: a page comes back as it was written — its labels, `<br>`s,
/// `1.text` causes, metadata lines — and what changes later is written in
/// the house style, part by part; a code a translation lacked stays off
/// its page until it is translated; `build --diff` shows the difference.
#[test]
fn layouts_keep_pages_as_written_until_they_change() {
    let dir = new_project();
    let root = dir.path();
    let work = tempfile::tempdir().unwrap();
    let en_text = "# P\n<!--Kit: K-->\n\n<div>Intro</div>\n\n## 1 One\n**Error Message**<br>\nM1.\n\n**Possible Cause**<br>\n1.First.\n\n## 2 Two\n**Error Message**<br>\nM2.\n";
    let zh_text = "# P\n\n## 1 一\n**错误信息**<br>\nM1.\n";
    let files = pages_in(
        work.path(),
        &[
            ("errorcode-p.md", en_text),
            ("errorcode-p.zh-CN.md", zh_text),
        ],
    );
    let run = import_all(root, "en", &files[..1]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    // The page's raw HTML is kept as text, and the report says which line
    // will differ, and why.
    assert!(
        run.stdout.contains(
            "  line 4: escaped: raw HTML `<div>Intro</div>`: errdoc's pages carry none (only comments, `<br>`, `<sup>`, `<sub>` and links to http, https and mailto), so the page's layout keeps it escaped, as text\n  round trip: 2 of 2 sections say exactly the same on the built page\n  lines: 14 of 15 come back as they were (93.3 %), 0 added\n    line 4: errdoc escapes what could turn into markup there (`\\[`, `\\*`, `&lt;`): a bracket without its partner, a `<`, the punctuation of an Error Message\n"
        ),
        "{}",
        run.stdout
    );
    let run = import_all(root, "zh-CN", &files[1..]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("  lines: 5 of 5 come back as they were (100.0 %), 0 added\n"),
        "{}",
        run.stdout
    );
    let layout = std::fs::read_to_string(root.join("layouts/zh-CN/errorcode-p.md")).unwrap();
    assert_eq!(
        layout,
        "{{absent 2}}\n{{page}}\n# {{title}}\n\n{{code 1}}\n## 1 {{title}}\n**错误信息**<br>\n{{message}}\n"
    );
    assert_eq!(errdoc(root, &["build"]).status, 0);
    let en_page = std::fs::read_to_string(root.join("site/md/en/errorcode-p.md")).unwrap();
    assert_eq!(
        en_page,
        en_text.replace("<div>Intro</div>", "&lt;div>Intro&lt;/div>")
    );
    let zh_page = std::fs::read_to_string(root.join("site/md/zh-CN/errorcode-p.md")).unwrap();
    assert_eq!(zh_page, zh_text);

    // A second cause: code 1 is written in the house style, code 2 as it
    // was. The Chinese translation of code 2: it joins its page.
    let en_ftl = root.join("locales/en/p.ftl");
    let text = std::fs::read_to_string(&en_ftl).unwrap();
    std::fs::write(
        &en_ftl,
        text.replace(
            "    .cause-1 = First.\n",
            "    .cause-1 = First.\n    .cause-2 = Second.\n",
        ),
    )
    .unwrap();
    let zh_ftl = root.join("locales/zh-CN/p.ftl");
    let text = std::fs::read_to_string(&zh_ftl).unwrap();
    std::fs::write(&zh_ftl, format!("{text}code-2 = 二\n")).unwrap();
    let diff = errdoc(
        root,
        &[
            "build",
            "--diff",
            files[0].to_str().unwrap(),
            files[1].to_str().unwrap(),
        ],
    );
    assert_eq!(diff.status, 1, "{}", diff.stderr);
    let en_name = files[0].display().to_string();
    let zh_name = files[1].display().to_string();
    assert_eq!(
        diff.stdout,
        format!(
            "--- {en_name}\n+++ site/md/en/errorcode-p.md (as errdoc makes it)\n@@ -1,14 +1,19 @@\n # P\n <!--Kit: K-->\n \n-<div>Intro</div>\n+&lt;div>Intro&lt;/div>\n \n ## 1 One\n-**Error Message**<br>\n+\n+**Error Message**\n+\n M1.\n \n-**Possible Cause**<br>\n-1.First.\n+**Possible Causes**\n+\n+1. First.\n+\n+2. Second.\n \n ## 2 Two\n **Error Message**<br>\n--- {zh_name}\n+++ site/md/zh-CN/errorcode-p.md (as errdoc makes it)\n@@ -3,3 +3,9 @@\n ## 1 一\n **错误信息**<br>\n M1.\n+\n+## 2 二\n+\n+**错误信息**\n+\n+M2.\n"
        )
    );
    assert!(
        diff.stderr.ends_with(
            "2 of 2 pages differ from what errdoc makes (trailing whitespace and line endings aside)\n"
        ),
        "{}",
        diff.stderr
    );
    // `--diff` writes nothing.
    let zh_page = std::fs::read_to_string(root.join("site/md/zh-CN/errorcode-p.md")).unwrap();
    assert_eq!(zh_page, zh_text);
}

/// Found in review: a table of codes stays a table — whatever changes
/// before it, in a row, or between its rows — and what follows it is the
/// page's own writing, escaped where a renderer could read a tag in it.
#[test]
fn tables_of_codes_stay_whole() {
    let dir = new_project();
    let root = dir.path();
    let work = tempfile::tempdir().unwrap();
    let en_text = "# T\n\n## Table Codes\n\nSome codes.\n\n| Error Code | Error Message | Description |\n| --- | --- | --- |\n| 1101 | One failed. | Table one. |\n| 1102 | Two failed. | Table two. |\n| 1103 | Three failed. | Table three. |\n\nContact <svg/onload=alert(1)> support.\n";
    let files = pages_in(work.path(), &[("errorcode-t.md", en_text)]);
    let run = import_all(root, "en", &files);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("  line 13: escaped: raw HTML `<svg/onload=alert(1)> support.`"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("  lines: 12 of 13 come back as they were (92.3 %), 0 added\n"),
        "{}",
        run.stdout
    );
    // The heading's text changes, a row's title, and a code comes between
    // two rows.
    let ftl = root.join("locales/en/t.ftl");
    let text = std::fs::read_to_string(&ftl).unwrap();
    let text = text
        .replace("Some codes.", "Some codes, and more.")
        .replace("code-1102 = Table two.", "code-1102 = Table two, renamed.");
    std::fs::write(&ftl, format!("{text}code-1150 = Between\n")).unwrap();
    let catalog = root.join("catalog/codes.yaml");
    let yaml = std::fs::read_to_string(&catalog).unwrap();
    let at = yaml.find("      - code: 1103").unwrap();
    let yaml = format!(
        "{}      - code: 1150\n        name: \"T_BETWEEN\"\n        message: \"Between failed.\"\n{}",
        &yaml[..at],
        &yaml[at..]
    );
    std::fs::write(&catalog, yaml).unwrap();
    let build = errdoc(root, &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    let page = std::fs::read_to_string(root.join("site/md/en/errorcode-t.md")).unwrap();
    assert_eq!(
        page,
        "# T\n\n## Table Codes\n\nSome codes, and more.\n\n| Error Code | Error Message | Description |\n| --- | --- | --- |\n| 1101 | One failed. | Table one. |\n| 1102 | Two failed. | Table two, renamed. |\n| 1150 | Between failed. | Between |\n| 1103 | Three failed. | Table three. |\n\nContact &lt;svg/onload=alert(1)> support.\n"
    );
}
