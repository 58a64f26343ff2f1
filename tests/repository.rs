//! The project's own catalog and locales: every seed code is documented in
//! English and Chinese, the seeds' typos are fixed, and the committed
//! `site/` is what a build makes.

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use support::{copy_tree, errdoc, read_tree};

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The repository's project built in a temporary copy (once per run).
fn built() -> &'static BTreeMap<PathBuf, String> {
    static BUILT: OnceLock<BTreeMap<PathBuf, String>> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        for part in ["catalog", "locales", "templates"] {
            copy_tree(&repository().join(part), &dir.path().join(part));
        }
        let run = errdoc(dir.path(), &["build"]);
        assert_eq!(run.status, 0, "{}", run.stderr);
        assert_eq!(run.stderr, "", "the repository builds without warnings");
        read_tree(&dir.path().join("site"))
            .into_iter()
            .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
            .collect()
    })
}

fn page(site: &BTreeMap<PathBuf, String>, locale: &str, name: &str) -> String {
    site.get(&PathBuf::from(format!("md/{locale}/{name}.md")))
        .unwrap_or_else(|| panic!("no page md/{locale}/{name}.md"))
        .clone()
}

/// Every code listed in the four seed documents.
const SEED_CODES: &[u32] = &[
    1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015,
    200, 2302001, 2302002, 2302003, 2302004, 2302005, 2302998, 2302999, 2301001, 2301002, 2301003,
    2301004, 2300002, 2303104, 2303109, 2303111, 2303188, 2303191, 2303198, 2303199, 2303210,
    2303501, 2303502, 2303503, 2303504, 2303505, 2303506,
];

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The heading of `code` (`## 2303210 …`) on any page of `locale`.
fn heading(site: &BTreeMap<PathBuf, String>, locale: &str, code: u32) -> Option<String> {
    let prefix = format!("## {code} ");
    site.iter()
        .filter(|(p, _)| p.starts_with(format!("md/{locale}")))
        .flat_map(|(_, text)| text.lines())
        .find(|l| l.starts_with(&prefix))
        .map(str::to_string)
}

#[test]
fn every_seed_code_has_a_section_in_english_and_chinese() {
    let site = built();
    for &code in SEED_CODES {
        let en = heading(site, "en", code).unwrap_or_else(|| panic!("en has no {code}"));
        let zh = heading(site, "zh-CN", code).unwrap_or_else(|| panic!("zh-CN has no {code}"));
        assert!(!en.chars().any(is_cjk), "English title in Chinese: {en}");
        assert!(zh.chars().any(is_cjk), "Chinese title not translated: {zh}");
        // Every code has its page on the site, anchored by its number on
        // its module's page; the Markdown pages are in the seeds' house
        // style, without anchors of their own.
        for locale in ["en", "zh-CN"] {
            assert!(site.contains_key(&PathBuf::from(format!("{locale}/codes/{code}.html"))));
            assert!(
                site.iter().any(|(p, t)| p.starts_with(locale)
                    && p.extension().is_some_and(|e| e == "html")
                    && t.contains(&format!("<section class=\"code-section\" id=\"{code}\""))),
                "{locale} has no section {code}"
            );
        }
        assert!(
            !site
                .iter()
                .any(|(p, t)| p.starts_with("md") && t.contains("<a id="))
        );
    }
}

#[test]
fn error_messages_stay_english_on_the_chinese_pages() {
    let site = built();
    let zh = page(site, "zh-CN", "errorcode-net-socket");
    for message in [
        "Connection timed out.",
        "Resource temporarily unavailable try again.",
        "SSL is null.",
    ] {
        assert!(
            zh.contains(&format!("**错误信息**\n\n{message}\n")),
            "{message}"
        );
    }
    let zh = page(site, "zh-CN", "errorcode-net-websocket");
    assert!(zh.contains("**错误信息**\n\nCan't listen to the given NIC.\n"));
}

#[test]
fn the_seeds_typos_and_conflicts_are_resolved() {
    let site = built();
    let zh = page(site, "zh-CN", "errorcode-net-socket");
    for typo in ["调有connect", "EWOUDLBLOCK", "CA跟证书"] {
        assert!(!zh.contains(typo), "{typo}");
    }
    for fixed in ["调用", "EWOULDBLOCK", "CA根证书"] {
        assert!(zh.contains(fixed), "{fixed}");
    }
    let en = page(site, "en", "errorcode-websocket-close");
    assert!(en.contains("## 1007 Invalid Frame Payload Data\n"));
    assert!(en.contains("## 1014 Bad Gateway\n"));
    assert!(en.contains("## 1010 Mandatory Extension\n"));
}

#[test]
fn families_generate_every_member() {
    let site = built();
    // The site lists every member, on the module page and a page each.
    let en = &site[&PathBuf::from("en/errorcode-net-socket.html")];
    assert!(
        en.contains("<tr id=\"2301111\"><td><a class=\"code\" href=\"codes/2301111.html\">2301111</a></td><td><code>ECONNREFUSED</code></td><td lang=\"en\">Connection refused</td>"),
        "ECONNREFUSED"
    );
    // Explicit entries replace their generated twins.
    assert!(!en.contains("<tr id=\"2301004\">"));
    assert!(!en.contains("<tr id=\"2303210\">"));
    assert!(site[&PathBuf::from("zh-CN/codes/2301111.html")].contains("连接被拒绝"));
    // The Markdown page states the rule, as the seed does: right after
    // 2301004, the last code of the family it documents.
    let zh = page(site, "zh-CN", "errorcode-net-socket");
    let rule = zh
        .find("> TCP/UDP Socket其余错误码映射形式为：2301000 + Linux")
        .expect("the rule names its base");
    assert!(zh.find("## 2301004 ").unwrap() < rule && rule < zh.find("## 2300002 ").unwrap());
    assert!(!zh.contains("| 2301111 |"), "no table of members");
}

#[test]
fn the_close_code_ranges_are_listed() {
    let site = built();
    let en = page(site, "en", "errorcode-websocket-close");
    for range in ["0–999", "1016–2999", "3000–3999", "4000–4999"] {
        assert!(en.contains(&format!("| {range} |")), "{range}");
    }
}

#[test]
fn no_output_contains_isolation_marks() {
    for (path, text) in built().iter() {
        assert!(
            !text.contains(['\u{2068}', '\u{2069}']),
            "{} has Unicode isolation marks",
            path.display()
        );
    }
}

#[test]
fn the_committed_site_is_current() {
    let run = errdoc(repository(), &["build", "--check"]);
    assert_eq!(
        run.status, 0,
        "{}\nrun `cargo run -- build` and commit site/",
        run.stderr
    );
}

/// The repository's pages differ from the seeds only where the README's
/// table says (`tests/fixtures/seeds-vs-repository.diff`; `ERRDOC_BLESS=1`
/// rewrites it: then update the README's table).
#[test]
fn the_pages_differ_from_the_seeds_only_as_the_readme_says() {
    let work = tempfile::tempdir().unwrap();
    let seeds = repository().join("tests/fixtures/import/seeds");
    for name in [
        "errorcode-net-websocket.md",
        "errorcode-net-socket.zh-CN.md",
    ] {
        std::fs::copy(seeds.join(name), work.path().join(name)).unwrap();
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_errdoc"))
        .arg("--root")
        .arg(repository())
        .args([
            "build",
            "--diff",
            "errorcode-net-websocket.md",
            "errorcode-net-socket.zh-CN.md",
        ])
        .current_dir(work.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stdout}{stderr}");
    assert_eq!(
        stderr,
        "2 of 2 pages differ from what errdoc makes (trailing whitespace and line endings aside)\n"
    );
    let expected = repository().join("tests/fixtures/seeds-vs-repository.diff");
    if support::blessing() {
        std::fs::write(&expected, &stdout).unwrap();
    }
    let want = std::fs::read_to_string(&expected).unwrap_or_default();
    assert!(
        want == stdout,
        "{}\n(ERRDOC_BLESS=1 cargo test rewrites the expected file; then update the README's table)",
        support::diff(&want, &stdout)
    );
}
