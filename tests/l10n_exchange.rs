//! The hand-off to translation platforms through the binary: `l10n
//! export` writes PO and XLIFF 2.0 that gettext's `msgfmt --check` and the
//! XLIFF schema accept; `l10n import` of an untouched export changes
//! nothing, and of a translated one writes the `.ftl` files and the lock.

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use std::path::Path;
use std::process::Command;

use support::{apply_edits, errdoc, project, read_tree};

const CHANGE_ENGLISH: &str = "--- locales/en/close.ftl\n<<<\n    .description = The connection was closed without a Close frame.\n===\n    .description = The connection was closed before a Close frame was sent.\n>>>\n";

/// Runs a checking tool; it must be installed (`.ci/test` installs it).
fn tool(program: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} is missing ({e}): .ci/test installs gettext and libxml2-utils")
        });
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

fn export(root: &Path, locale: &str, format: &str) -> String {
    let run = errdoc(
        root,
        &["l10n", "export", "--locale", locale, "--format", format],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    run.stdout
}

fn import(root: &Path, file: &Path) -> support::Run {
    let run = errdoc(root, &["l10n", "import", file.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    run
}

#[test]
fn an_untouched_export_validates_and_changes_nothing_when_imported() {
    let root = project(None);
    let root = root.path();
    errdoc(root, &["l10n", "sync"]);
    apply_edits(root, CHANGE_ENGLISH);
    let before = read_tree(&root.join("locales"));
    let dir = tempfile::tempdir().unwrap();

    let po = export(root, "zh-CN", "po");
    assert!(
        po.contains("msgctxt \"code-1006\"\nmsgid \"Abnormal Closure\"\nmsgstr \"异常关闭\"\n"),
        "{po}"
    );
    // A stale string is to review, with the English it was translated from.
    assert!(po.contains("#, fuzzy\n#| msgctxt \"code-1006.description\"\n#| msgid \"The connection was closed without a Close frame.\"\nmsgctxt \"code-1006.description\"\nmsgid \"The connection was closed before a Close frame was sent.\"\nmsgstr \"连接在没有Close帧的情况下关闭。\"\n"), "{po}");
    let po_file = dir.path().join("zh-CN.po");
    std::fs::write(&po_file, &po).unwrap();
    let (ok, said) = tool(
        "msgfmt",
        &["--check", "-o", "/dev/null", po_file.to_str().unwrap()],
    );
    assert!(ok && said.is_empty(), "{said}");
    let run = import(root, &po_file);
    assert_eq!(
        run.stdout,
        "zh-CN: 0 translations written, 0 marked current, 0 skipped\n"
    );
    assert_eq!(read_tree(&root.join("locales")), before);
    assert_eq!(export(root, "zh-CN", "po"), po);

    let xliff = export(root, "zh-CN", "xliff");
    let xliff_file = dir.path().join("zh-CN.xlf");
    std::fs::write(&xliff_file, &xliff).unwrap();
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/xliff_core_2.0.xsd");
    let (ok, said) = tool(
        "xmllint",
        &[
            "--noout",
            "--nonet",
            "--schema",
            schema.to_str().unwrap(),
            xliff_file.to_str().unwrap(),
        ],
    );
    assert!(ok, "{said}");
    assert!(xliff.contains("<note category=\"previous-source\">The connection was closed without a Close frame.</note>"), "{xliff}");
    import(root, &xliff_file);
    assert_eq!(read_tree(&root.join("locales")), before);
    assert_eq!(export(root, "zh-CN", "xliff"), xliff);
}

#[test]
fn a_translated_file_is_written_into_the_ftl_files_and_the_lock() {
    let root = project(None);
    let root = root.path();
    let add = errdoc(root, &["l10n", "add", "ja"]);
    assert_eq!(add.status, 0, "{}", add.stderr);
    let po = export(root, "ja", "po");
    // A stub is no translation: its msgstr is empty.
    assert!(
        po.contains("msgctxt \"code-1006\"\nmsgid \"Abnormal Closure\"\nmsgstr \"\"\n"),
        "{po}"
    );
    let translated = po
        .replace(
            "msgctxt \"code-1006\"\nmsgid \"Abnormal Closure\"\nmsgstr \"\"\n",
            "msgctxt \"code-1006\"\nmsgid \"Abnormal Closure\"\nmsgstr \"異常終了\"\n",
        )
        .replace(
            "msgctxt \"code-1006.cause-1\"\nmsgid \"The network went down.\"\nmsgstr \"\"\n",
            "msgctxt \"code-1006.cause-1\"\nmsgid \"The network went down.\"\nmsgstr \"{ $broken\"\n",
        );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ja.po");
    std::fs::write(&file, translated).unwrap();
    let run = import(root, &file);
    assert!(
        run.stdout
            .starts_with("ja: 1 translation written, 0 marked current, 1 skipped\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("`code-1006.cause-1` does not parse as Fluent"),
        "{}",
        run.stderr
    );
    let close = std::fs::read_to_string(root.join("locales/ja/close.ftl")).unwrap();
    assert!(close.contains("code-1006 = 異常終了\n"), "{close}");
    let status = errdoc(root, &["l10n", "status", "ja", "--list", "missing"]);
    assert!(
        !status.stdout.contains("missing code-1006\n"),
        "{}",
        status.stdout
    );
    assert!(
        status.stdout.contains("missing code-1006.cause-1"),
        "{}",
        status.stdout
    );
}

#[test]
fn a_reviewed_xliff_target_is_written_and_a_stale_string_made_current() {
    let root = project(None);
    let root = root.path();
    errdoc(root, &["l10n", "sync"]);
    apply_edits(root, CHANGE_ENGLISH);
    let xliff = export(root, "zh-CN", "xliff");
    // The stale string, reviewed on the platform: its new target, done.
    let stale = "      <segment state=\"initial\">\n        <source>The connection was closed before a Close frame was sent.</source>\n        <target>连接在没有Close帧的情况下关闭。</target>";
    assert!(xliff.contains(stale), "{xliff}");
    let reviewed = xliff.replace(
        stale,
        "      <segment state=\"reviewed\">\n        <source>The connection was closed before a Close frame was sent.</source>\n        <target>连接在发送Close帧之前关闭 &amp; 结束。</target>",
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("zh-CN.xliff");
    std::fs::write(&file, reviewed).unwrap();
    let run = import(root, &file);
    assert_eq!(
        run.stdout,
        "zh-CN: 1 translation written, 1 marked current, 0 skipped\n"
    );
    let close = std::fs::read_to_string(root.join("locales/zh-CN/close.ftl")).unwrap();
    assert!(
        close.contains("    .description = 连接在发送Close帧之前关闭 & 结束。\n"),
        "{close}"
    );
    let status = errdoc(root, &["l10n", "status", "zh-CN", "--list", "stale"]);
    assert_eq!(status.stdout, "");
}

/// A Japanese PO file translating every string of `code-1006`, whose
/// English description is `description` (PO-escaped).
fn code_1006_ja(description: &str) -> String {
    [
        "msgid \"\"\nmsgstr \"Language: ja\\n\"\n\n".to_string(),
        entry("code-1006", "Abnormal Closure", "異常終了"),
        entry(
            "code-1006.description",
            description,
            "接続が閉じられました。",
        ),
        entry(
            "code-1006.cause-1",
            "The network went down.",
            "ネットワークが切断されました。",
        ),
        entry(
            "code-1006.cause-2",
            "The peer process crashed.",
            "相手のプロセスがクラッシュしました。",
        ),
        entry(
            "code-1006.solution-1",
            "Reconnect with back-off.",
            "間隔を空けて再接続してください。",
        ),
    ]
    .concat()
}

/// `msgctxt`, `msgid` and `msgstr` of one PO entry.
fn entry(key: &str, english: &str, translation: &str) -> String {
    format!("msgctxt \"{key}\"\nmsgid \"{english}\"\nmsgstr \"{translation}\"\n\n")
}

#[test]
fn import_unstubs_a_whole_message_and_skips_what_does_not_fit() {
    let root = project(None);
    let root = root.path();
    assert_eq!(errdoc(root, &["l10n", "add", "ja"]).status, 0);
    let before = std::fs::read_to_string(root.join("locales/ja/close.ftl")).unwrap();
    assert!(
        before.contains("# errdoc: untranslated\n# en: Abnormal Closure\n"),
        "{before}"
    );
    let po = [
        code_1006_ja("The connection was closed without a Close frame."),
        // The same key again (two exports joined): the first is used.
        entry("code-1006", "Abnormal Closure", "別の訳"),
        // Translated from an English that changed since.
        entry("range-private", "Private use (an older English)", "私用"),
    ]
    .concat();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ja.po");
    std::fs::write(&file, po).unwrap();
    let run = import(root, &file);
    assert_eq!(
        run.stdout,
        "ja: 5 translations written, 0 marked current, 2 skipped\n"
    );
    let shown = file.display().to_string();
    assert_eq!(
        run.stderr,
        format!(
            "warning: {shown}: line 24: `code-1006` is in the file already, on line 4, which was used; skipped\n\
             warning: {shown}: line 28: `range-private` was translated from an English that changed since the export: export again and translate today's English; skipped\n"
        )
    );
    let after = std::fs::read_to_string(root.join("locales/ja/close.ftl")).unwrap();
    // Every string of the stub translated: its marker and English go, the
    // message is the translation.
    assert!(
        after.starts_with("code-1006 = 異常終了\n    .description = 接続が閉じられました。\n"),
        "{after}"
    );
    assert!(!after.contains("# en: Abnormal Closure"), "{after}");
    assert!(!after.contains("別の訳"), "{after}");
    assert!(after.contains("range-private = Private Use"), "{after}");
    let status = errdoc(root, &["l10n", "status", "ja", "--list", "missing"]);
    assert!(!status.stdout.contains("code-1006"), "{}", status.stdout);

    // A file with nothing errdoc can place changes nothing and fails.
    let empty = dir.path().join("empty.po");
    std::fs::write(&empty, "msgid \"A\"\nmsgstr \"甲\"\n").unwrap();
    let run = errdoc(
        root,
        &["l10n", "import", "--locale", "ja", empty.to_str().unwrap()],
    );
    assert_eq!(run.status, 1);
    assert!(run.stderr.ends_with("has no translation errdoc can read (PO entries with a msgctxt, XLIFF 2 units with an id and a target); nothing was changed\n"), "{}", run.stderr);
}

#[test]
fn import_adds_an_attribute_after_trailing_blanks_and_unstubs_paragraphs() {
    let root = project(None);
    let root = root.path();
    // A translation whose title ends in blanks lacks the description.
    apply_edits(
        root,
        "--- locales/zh-CN/close.ftl\n<<<\nrange-private = 私有使用\n    .description = 应用之间约定的状态码。\n===\nrange-private = 私有使用  \n>>>\n\
         --- locales/en/close.ftl\n<<<\n    .description = The connection was closed without a Close frame.\n===\n    .description =\n        The connection was closed.\n\n        No Close frame came.\n>>>\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let po = dir.path().join("zh.po");
    std::fs::write(
        &po,
        [
            "msgid \"\"\nmsgstr \"Language: zh_CN\\n\"\n\n".to_string(),
            entry("range-private", "Private Use", "私有使用"),
            entry(
                "range-private.description",
                "Codes agreed between applications.",
                "应用之间约定的状态码。",
            ),
        ]
        .concat(),
    )
    .unwrap();
    let run = import(root, &po);
    assert_eq!(
        run.stdout, "zh-CN: 1 translation written, 1 marked current, 0 skipped\n",
        "{}",
        run.stderr
    );
    let close = std::fs::read_to_string(root.join("locales/zh-CN/close.ftl")).unwrap();
    assert!(
        close.contains("range-private = 私有使用  \n    .description = 应用之间约定的状态码。\n"),
        "{close}"
    );

    // A stub whose English has two paragraphs: every line of its English
    // goes with the marker.
    assert_eq!(errdoc(root, &["l10n", "add", "ja"]).status, 0);
    let stub = std::fs::read_to_string(root.join("locales/ja/close.ftl")).unwrap();
    assert!(
        stub.contains(
            "# en .description: The connection was closed.\n#\n#   No Close frame came.\n"
        ),
        "{stub}"
    );
    let ja = dir.path().join("ja.po");
    std::fs::write(
        &ja,
        code_1006_ja("The connection was closed.\\n\\nNo Close frame came."),
    )
    .unwrap();
    let run = import(root, &ja);
    assert_eq!(run.stderr, "");
    let after = std::fs::read_to_string(root.join("locales/ja/close.ftl")).unwrap();
    assert!(after.starts_with("code-1006 = 異常終了\n"), "{after}");
    assert!(!after.contains("No Close frame came."), "{after}");
}
