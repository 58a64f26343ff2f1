//! Real doc sets as they are: the 38 published OpenHarmony error-code pages
//! of `tests/fixtures/real/` (19 pages, English and Chinese; see its
//! SOURCES.md) imported into a fresh project — the English pages, then the
//! Chinese ones, as a docs team would — and built with no hand edit. Every
//! `## <code>` section of every page must come back on its regenerated
//! page; the fields that say the same are counted page by page (the table
//! goes to `target/real-round-trip.md`).

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]
#![allow(
    clippy::too_many_lines,
    reason = "a test is one scenario, read from top to bottom; cut into pieces it would hide the order of its steps"
)]

mod support;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use errdoc::testing::parse;
use support::{errdoc, fixtures, read_tree};

fn real(language: &str) -> Vec<PathBuf> {
    let dir = fixtures().join("real").join(language);
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 19, "{}", dir.display());
    pages
}

fn new_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let run = errdoc(dir.path(), &["init"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    dir
}

fn import(root: &Path, locale: &str, files: &[PathBuf]) -> support::Run {
    let mut args = vec!["import", "--locale", locale];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    errdoc(root, &args)
}

/// The page `original` was rebuilt as, in `locale`.
fn rebuilt(root: &Path, original: &Path, locale: &str) -> parse::Page {
    let name = original.file_name().unwrap().to_str().unwrap();
    let text = std::fs::read_to_string(root.join("site/md").join(locale).join(name)).unwrap();
    parse::page(&text)
}

/// Fields a section has that the rebuilt one says the same about, of the
/// five the issue names: (equal, compared).
fn fields_equal(original: &parse::Section, built: &parse::Section) -> (usize, usize) {
    let differing = errdoc::testing::differing_fields(original, built);
    let five = [
        "title",
        "error message",
        "description",
        "causes",
        "solution",
    ];
    let failed = five.iter().filter(|f| differing.contains(f)).count();
    (five.len() - failed, five.len())
}

#[test]
fn real_doc_sets_import_and_build_with_no_hand_edit() {
    let dir = new_project();
    let root = dir.path();
    let en = import(root, "en", &real("en"));
    assert_eq!(en.status, 0, "{}{}", en.stdout, en.stderr);
    let zh = import(root, "zh-CN", &real("zh-cn"));
    assert_eq!(zh.status, 0, "{}{}", zh.stdout, zh.stderr);
    for report in [&en.stdout, &zh.stdout] {
        assert!(!report.contains("not checked"), "{report}");
    }
    let build = errdoc(root, &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    assert!(
        build
            .stdout
            .starts_with("build: 2 locales, 38 pages, 582 codes:"),
        "{}",
        build.stdout
    );

    // Every section of every page is on its page again; count the fields.
    let mut table = String::from(
        "| page | language | sections | on the rebuilt page | sections equal | fields equal |\n| --- | --- | ---: | ---: | ---: | ---: |\n",
    );
    let (mut all_fields, mut all_equal, mut all_sections, mut all_exact) = (0, 0, 0, 0);
    for (language, locale) in [("en", "en"), ("zh-cn", "zh-CN")] {
        for path in real(language) {
            let text = std::fs::read_to_string(&path).unwrap();
            let original = parse::page(&text);
            let built = rebuilt(root, &path, locale);
            let (mut present, mut exact, mut equal, mut fields) = (0, 0, 0, 0);
            for section in &original.sections {
                let Some(other) = built.sections.iter().find(|s| s.code == section.code) else {
                    panic!(
                        "{}: code {} is not on the rebuilt page",
                        path.display(),
                        section.code
                    );
                };
                present += 1;
                let (e, n) = fields_equal(section, other);
                equal += e;
                fields += n;
                if errdoc::testing::differing_fields(section, other).is_empty() {
                    exact += 1;
                }
            }
            assert_eq!(present, original.sections.len());
            let headings = errdoc::testing::headings_round_trip(&original.headings, &built);
            assert!(headings.is_empty(), "{}: {headings:?}", path.display());
            let name = path.file_stem().unwrap().to_str().unwrap();
            let _ = writeln!(
                table,
                "| {name} | {locale} | {} | {present} | {exact} | {equal}/{fields} |",
                original.sections.len()
            );
            all_fields += fields;
            all_equal += equal;
            all_sections += original.sections.len();
            all_exact += exact;
        }
    }
    let _ = writeln!(
        table,
        "| **all** | | {all_sections} | {all_sections} | {all_exact} | {all_equal}/{all_fields} ({:.2} %) |",
        all_equal as f64 * 100.0 / all_fields as f64
    );
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/real-round-trip.md");
    let _ = std::fs::write(&out, &table);
    assert!(
        all_equal * 100 >= all_fields * 99,
        "fewer than 99 % of the fields round-trip:\n{table}"
    );
    assert_eq!(all_sections, 1116, "{table}");

    lines_come_back(root);

    // A second import of the same pages changes nothing.
    let before = (
        read_tree(&root.join("catalog")),
        read_tree(&root.join("locales")),
        read_tree(&root.join("layouts")),
    );
    let again_en = import(root, "en", &real("en"));
    let again_zh = import(root, "zh-CN", &real("zh-cn"));
    assert!(
        again_en.stdout.ends_with("\nnothing changed\n"),
        "{}",
        again_en.stdout
    );
    assert!(
        again_zh.stdout.ends_with("\nnothing changed\n"),
        "{}",
        again_zh.stdout
    );
    assert_eq!(
        (
            read_tree(&root.join("catalog")),
            read_tree(&root.join("locales")),
            read_tree(&root.join("layouts")),
        ),
        before
    );

    shared_codes_are_listed(root, &en.stdout, &zh.stdout);
    drift_is_reported(root, &zh.stdout);
    markers_stay_balanced(root);
}

/// Found in review: an English title edited, the Chinese page's section of
/// that code is written from the templates — with the page's own marker
/// lines, so `<!--Del-->` and `<!--DelEnd-->` still pair up (the Chinese
/// page closes a region the catalog's markers would leave open).
fn markers_stay_balanced(root: &Path) {
    let run = errdoc(root, &["l10n", "confirm", "--all"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let ftl = root.join("locales/en/bundle.ftl");
    let text = std::fs::read_to_string(&ftl).unwrap();
    let at = text.find("code-17700060 = ").unwrap();
    let end = at + text[at..].find('\n').unwrap();
    std::fs::write(&ftl, format!("{} (edited){}", &text[..end], &text[end..])).unwrap();
    let build = errdoc(root, &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    for (language, locale) in [("en", "en"), ("zh-cn", "zh-CN")] {
        let original = std::fs::read_to_string(
            fixtures()
                .join("real")
                .join(language)
                .join("errorcode-bundle.md"),
        )
        .unwrap();
        let page = std::fs::read_to_string(
            root.join("site/md")
                .join(locale)
                .join("errorcode-bundle.md"),
        )
        .unwrap();
        let count = |text: &str, marker: &str| text.matches(marker).count();
        for marker in ["<!--Del-->", "<!--DelEnd-->"] {
            assert_eq!(
                count(&page, marker),
                count(&original, marker),
                "{locale}: {marker}"
            );
        }
        // Only that section changed.
        let report = errdoc::testing::compare_lines(&original, &page, &[], &[]);
        assert!(
            report.identical + 20 >= report.lines,
            "{locale}: {report:?}"
        );
    }
    let zh = std::fs::read_to_string(root.join("site/md/zh-CN/errorcode-bundle.md")).unwrap();
    assert!(
        zh.contains("<!-- errdoc: stale translation of code-17700060: "),
        "{zh}"
    );
}

/// The pages of one module imported Chinese first, then English, then
/// Chinese again: the second import of the Chinese pages changes nothing.
#[test]
fn imports_in_either_order_settle() {
    let dir = new_project();
    let root = dir.path();
    for (locale, language) in [("zh-CN", "zh-cn"), ("en", "en")] {
        let run = import(root, locale, &real(language));
        assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    }
    let before = read_tree(root);
    let again = import(root, "zh-CN", &real("zh-cn"));
    assert!(
        again.stdout.ends_with("\nnothing changed\n"),
        "{}",
        again.stdout
    );
    assert_eq!(read_tree(root), before);
}

/// The line round trip of issue 13: per page, the share of the original's
/// lines that come back identical (trailing whitespace and line endings
/// aside) and the lines added; at least 99 % and at most 1 % on every page
/// (the table goes to `target/real-lines.md`).
fn lines_come_back(root: &Path) {
    let mut table = String::from(
        "| page | language | lines | identical | added |\n| --- | --- | ---: | ---: | ---: |\n",
    );
    for (language, locale) in [("en", "en"), ("zh-cn", "zh-CN")] {
        let (mut lines, mut identical, mut added) = (0, 0, 0);
        for path in real(language) {
            let original = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_str().unwrap();
            let built =
                std::fs::read_to_string(root.join("site/md").join(locale).join(name)).unwrap();
            let report = errdoc::testing::compare_lines(&original, &built, &[], &[]);
            let _ = writeln!(
                table,
                "| {} | {locale} | {} | {} ({:.1} %) | {} |",
                name.trim_end_matches(".md"),
                report.lines,
                report.identical,
                report.identical_percent(),
                report.added
            );
            assert!(
                report.identical * 100 >= report.lines * 99 && report.added * 100 <= report.lines,
                "{}: {report:?}",
                path.display()
            );
            lines += report.lines;
            identical += report.identical;
            added += report.added;
        }
        let _ = writeln!(
            table,
            "| **all** | {locale} | {lines} | {identical} ({:.2} %) | {added} |",
            identical as f64 * 100.0 / lines as f64
        );
    }
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/real-lines.md");
    let _ = std::fs::write(&out, &table);
    // `build --diff` says so too, page by page.
    let mut args = vec!["build", "--diff"];
    let pages: Vec<PathBuf> = real("zh-cn");
    args.extend(pages.iter().map(|p| p.to_str().unwrap()));
    let run = errdoc(root, &args);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout
            .matches(": errdoc makes the same page (site/md/zh-CN/")
            .count(),
        19,
        "{}",
        run.stdout
    );
}

/// The seeds' pages — the English WebSocket page, the Chinese Socket page —
/// come back as they are from a fresh project.
#[test]
fn the_seeds_round_trip() {
    let dir = new_project();
    let root = dir.path();
    let work = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let en = work.path().join("errorcode-net-websocket.md");
    let zh = work.path().join("errorcode-net-socket.zh-CN.md");
    std::fs::copy(seeds.join("000_1a5293617933e5b6.txt"), &en).unwrap();
    std::fs::copy(seeds.join("002_1a9161f7a2590c53.txt"), &zh).unwrap();
    let run = import(root, "en", std::slice::from_ref(&en));
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("  lines: 142 of 142 come back as they were (100.0 %), 0 added\n"),
        "{}",
        run.stdout
    );
    let run = import(root, "zh-CN", std::slice::from_ref(&zh));
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("  lines: 355 of 355 come back as they were (100.0 %), 0 added\n"),
        "{}",
        run.stdout
    );
    let run = errdoc(
        root,
        &[
            "build",
            "--diff",
            en.to_str().unwrap(),
            zh.to_str().unwrap(),
        ],
    );
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout.matches(": errdoc makes the same page").count(),
        2,
        "{}",
        run.stdout
    );
    let run = errdoc(root, &["build"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    for (path, page) in [
        (&en, "site/md/en/errorcode-net-websocket.md"),
        (&zh, "site/md/zh-CN/errorcode-net-socket.md"),
    ] {
        let original = std::fs::read_to_string(path).unwrap();
        let built = std::fs::read_to_string(root.join(page)).unwrap();
        // Byte for byte, up to trailing whitespace.
        let trimmed = |t: &str| {
            t.lines()
                .map(str::trim_end)
                .collect::<Vec<_>>()
                .join("\n")
                .trim_end()
                .to_string()
        };
        assert_eq!(trimmed(&built), trimmed(&original), "{page}");
    }
}

/// Codes documented on several pages: defined once, listed on the others,
/// shown in full there with the same anchor, named on their code page.
fn shared_codes_are_listed(root: &Path, en: &str, zh: &str) {
    assert!(
        en.contains("  line 14: code 4900101 is defined by module `power`: listed here\n"),
        "{en}"
    );
    for code in [2200001, 2200002, 2200003] {
        assert!(
            en.contains(&format!(
                "code {code} is defined by module `net-ethernet`: listed here"
            )),
            "{en}"
        );
    }
    let catalog = std::fs::read_to_string(root.join("catalog/codes.yaml")).unwrap();
    assert_eq!(catalog.matches("      - code: 4900101\n").count(), 1);
    assert_eq!(catalog.matches("      - also: 4900101\n").count(), 1);
    // The ArkUI pages give 190001 another meaning: the second page keeps
    // its own texts, and its Error Message as drift.
    assert!(
        en.contains("line 13: code 190001 is defined by module `drag-event`: listed here; this page says something else about it than its own page: kept as this page's text"),
        "{en}"
    );
    let uicontext = std::fs::read_to_string(root.join("locales/en/uicontext.ftl")).unwrap();
    assert!(
        uicontext.contains("code-190001-on-uicontext = "),
        "{uicontext}"
    );
    assert!(
        zh.contains("code 4900101 is defined by module `power`: listed here"),
        "{zh}"
    );
    for locale in ["en", "zh-CN"] {
        let page = std::fs::read_to_string(
            root.join(format!("site/md/{locale}/errorcode-runninglock.md")),
        )
        .unwrap();
        assert!(page.contains("\n## 4900101 "), "{page}");
        let code = std::fs::read_to_string(root.join(format!("site/{locale}/codes/4900101.html")))
            .unwrap();
        assert!(
            code.contains("errorcode-power.html#4900101")
                && code.contains("errorcode-runninglock.html#4900101"),
            "{code}"
        );
    }
    // One page per code, however many pages list it.
    let site = read_tree(&root.join("site/en/codes"));
    assert_eq!(site.len(), 582);
}

/// An Error Message that differs between the languages is kept as data and
/// reported by `check` (with both places) and `l10n status`.
fn drift_is_reported(root: &Path, zh: &str) {
    assert!(
        zh.contains("drift: code 2903050: the Error Message is `HID application is not in the foreground.` here but `HID application is not int the foreground.` in the catalog; kept as `message_drift` (zh-CN), which `errdoc check` reports\n"),
        "{zh}"
    );
    let check = errdoc(root, &["check"]);
    assert_eq!(check.status, 0, "{}", check.stderr);
    let warning = check
        .stderr
        .lines()
        .find(|l| l.contains("code 2903050 with the Error Message"))
        .unwrap_or_else(|| panic!("{}", check.stderr));
    assert!(
        warning.starts_with("catalog/codes.yaml:")
            && warning.contains("warning[E0241]:")
            && warning
                .contains("`, the catalog with `HID application is not int the foreground.` — "),
        "{warning}"
    );
    // The other place, the catalog's message, is the note after it.
    let note = check
        .stderr
        .lines()
        .skip_while(|l| *l != warning)
        .find(|l| l.contains(": note: "))
        .unwrap_or_else(|| panic!("{}", check.stderr));
    assert!(
        note.starts_with("catalog/codes.yaml:")
            && note.ends_with(": note: the catalog's Error Message"),
        "{note}"
    );
    let page =
        std::fs::read_to_string(root.join("site/md/zh-CN/errorcode-bluetoothManager.md")).unwrap();
    assert!(
        page.contains("HID application is not in the foreground."),
        "drift shows as the page had it"
    );
    // A page's own text of a listed code that only the Chinese page has is
    // drift too: `sync --prune` keeps it.
    let own = "code-4900101-on-runninglock = ";
    let runninglock =
        || std::fs::read_to_string(root.join("locales/zh-CN/runninglock.ftl")).unwrap();
    assert!(runninglock().contains(own), "{}", runninglock());
    let prune = errdoc(root, &["l10n", "sync", "--prune", "--locale", "zh-CN"]);
    assert_eq!(prune.status, 0, "{}", prune.stderr);
    assert!(!prune.stdout.contains("-on-"), "{}", prune.stdout);
    assert!(runninglock().contains(own), "{}", runninglock());
    let status = errdoc(root, &["l10n", "status"]);
    assert_eq!(status.status, 0, "{}", status.stderr);
    assert!(
        status
            .stdout
            .contains("  drift: 2903050 on page `bluetoothmanager`: its Error Message differs from the catalog's — `errdoc check` shows where\n"),
        "{}",
        status.stdout
    );
}

/// Irregularities the published pages do not show, made from them: CRLF
/// line ends, and labels written as plain lines rather than bold.
#[test]
fn crlf_and_plain_labels_read_as_the_page_they_came_from() {
    let source = fixtures().join("real/en/errorcode-utils.md");
    let text = std::fs::read_to_string(&source).unwrap();
    let work = tempfile::tempdir().unwrap();
    let crlf = work.path().join("crlf").join("errorcode-utils.md");
    std::fs::create_dir_all(crlf.parent().unwrap()).unwrap();
    std::fs::write(&crlf, text.replace('\n', "\r\n")).unwrap();
    let plain = work.path().join("plain").join("errorcode-utils.md");
    std::fs::create_dir_all(plain.parent().unwrap()).unwrap();
    let mut unbolded = text.clone();
    for label in [
        "Error Message",
        "Description",
        "Possible Causes",
        "Solution",
    ] {
        unbolded = unbolded.replace(&format!("**{label}**"), label);
    }
    assert_ne!(unbolded, text);
    std::fs::write(&plain, &unbolded).unwrap();

    let mut trees = Vec::new();
    for page in [&source, &crlf, &plain] {
        let dir = new_project();
        let run = import(dir.path(), "en", std::slice::from_ref(page));
        assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
        assert!(
            run.stdout.contains(
                "  round trip: 53 of 53 sections say exactly the same on the built page\n"
            ),
            "{}: {}",
            page.display(),
            run.stdout
        );
        trees.push((
            read_tree(&dir.path().join("catalog")),
            read_tree(&dir.path().join("locales")),
        ));
    }
    assert!(
        trees.windows(2).all(|w| w[0] == w[1]),
        "the three imports differ"
    );
}

/// A page that is not an error-code page is reported and skipped; nothing is
/// written for it, and the other pages are imported.
#[test]
fn a_page_without_codes_is_skipped_and_fails_the_import() {
    let dir = new_project();
    let root = dir.path();
    let before = read_tree(root);
    let not_a_page = fixtures().join("real/SOURCES.md");
    let run = import(root, "en", std::slice::from_ref(&not_a_page));
    assert_eq!(run.status, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("SOURCES.md: module `sources`\n  not imported: not an error-code page: it has no `## <code> <title>` heading (nor a table of codes); nothing was written for it\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.ends_with("\nnothing changed\n"),
        "{}",
        run.stdout
    );
    assert_eq!(read_tree(root), before);

    let vibrator = fixtures().join("real/en/errorcode-vibrator.md");
    let run = import(root, "en", &[not_a_page, vibrator]);
    assert_eq!(run.status, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("errorcode-vibrator.md: module `vibrator`\n  1 code: 1 added"),
        "{}",
        run.stdout
    );
    let catalog = std::fs::read_to_string(root.join("catalog/codes.yaml")).unwrap();
    assert!(catalog.contains("  - id: \"vibrator\"\n"), "{catalog}");
    assert!(!catalog.contains("sources"), "{catalog}");
}
