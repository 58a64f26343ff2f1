//! The translator's workflow through the binary: status, stale
//! translations and their diff and confirmation, sync and its stubs, prune,
//! a new locale, and `check --format json`.

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use std::path::Path;

use serde_json::Value;
use support::{apply_edits, errdoc, project, read_tree};

fn read(root: &Path, path: &str) -> String {
    std::fs::read_to_string(root.join(path)).unwrap()
}

fn status(root: &Path) -> Value {
    let run = errdoc(root, &["l10n", "status", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

const CHANGE_ENGLISH: &str = "--- locales/en/close.ftl\n<<<\n    .description = The connection was closed without a Close frame.\n===\n    .description = The connection was closed before a Close frame was sent.\n>>>\n";

#[test]
fn a_changed_english_string_is_stale_until_confirmed() {
    let root = project(None);
    let root = root.path();
    let sync = errdoc(root, &["l10n", "sync"]);
    assert_eq!(
        sync.stdout,
        "en: wrote locales/en/errno.ftl, the English of the table `errno` for translation platforms\n\
         zh-CN: the English of 43 translations recorded, 0 forgotten in locales/zh-CN/.sources.lock\n"
    );
    assert!(read(root, "locales/zh-CN/.sources.lock").contains("\"code-1006.description\""));
    assert_eq!(status(root)["locales"][0]["all"]["stale"], 0);

    apply_edits(root, CHANGE_ENGLISH);
    let status_now = status(root);
    assert_eq!(status_now["locales"][0]["all"]["stale"], 1);
    assert_eq!(status_now["locales"][0]["groups"][0]["group"], "close");
    assert_eq!(status_now["locales"][0]["groups"][0]["counts"]["stale"], 1);

    let check = errdoc(root, &["check"]);
    assert_eq!(check.status, 0);
    assert!(
        check.stderr.starts_with(
            "locales/zh-CN/close.ftl:5:6: warning[E0325]: `code-1006.description` is stale: the English has changed since it was translated — see what changed with `errdoc l10n diff code-1006.description --locale zh-CN`"
        ),
        "{}",
        check.stderr
    );

    let diff = errdoc(
        root,
        &["l10n", "diff", "code-1006.description", "--locale", "zh-CN"],
    );
    assert_eq!(diff.status, 0, "{}", diff.stderr);
    assert_eq!(
        diff.stdout,
        "code-1006.description (zh-CN): stale — the English has changed since it was translated\n\
         \x20 was:         The connection was closed [-without-] a Close [-frame.-]\n\
         \x20 is:          The connection was closed {+before+} a Close {+frame was sent.+}\n\
         \x20 translation: 连接在没有Close帧的情况下关闭。\n\
         \x20 after updating it: errdoc l10n confirm code-1006.description --locale zh-CN\n"
    );

    let confirm = errdoc(
        root,
        &[
            "l10n",
            "confirm",
            "code-1006.description",
            "--locale",
            "zh-CN",
        ],
    );
    assert_eq!(confirm.status, 0, "{}", confirm.stderr);
    assert_eq!(
        confirm.stdout,
        "zh-CN: 1 string confirmed (locales/zh-CN/.sources.lock)\n"
    );
    assert_eq!(status(root)["locales"][0]["all"]["stale"], 0);
    let clean = errdoc(root, &["check"]);
    assert_eq!(clean.stderr, "");
    assert!(
        clean.stdout.ends_with(": 0 errors and 0 warnings\n"),
        "{}",
        clean.stdout
    );
}

#[test]
fn build_marks_a_stale_translation_or_falls_back_to_english() {
    let root = project(None);
    let root = root.path();
    assert_eq!(errdoc(root, &["l10n", "sync"]).status, 0);
    apply_edits(root, CHANGE_ENGLISH);

    assert_eq!(errdoc(root, &["build"]).status, 0);
    let markdown = read(root, "site/md/zh-CN/errorcode-close.md");
    assert!(markdown.contains(
        "<!-- errdoc: stale translation of code-1006.description: the English has changed since this was translated (errdoc l10n diff code-1006.description) -->"
    ));
    assert!(markdown.contains("连接在没有Close帧的情况下关闭。"));
    let html = read(root, "site/zh-CN/codes/1006.html");
    assert!(html.contains("<span class=\"stale\">"), "{html}");

    assert_eq!(errdoc(root, &["build", "--stale", "fallback"]).status, 0);
    let markdown = read(root, "site/md/zh-CN/errorcode-close.md");
    assert!(!markdown.contains("stale translation"));
    assert!(markdown.contains("The connection was closed before a Close frame was sent."));
    assert!(!markdown.contains("连接在没有Close帧的情况下关闭。"));
    let html = read(root, "site/zh-CN/codes/1006.html");
    assert!(!html.contains("<span class=\"stale\">"));
    assert!(html.contains("lang=\"en\""));
}

#[test]
fn sync_adds_stubs_once_and_keeps_every_translation() {
    let root = project(None);
    let root = root.path();
    apply_edits(
        root,
        "--- locales/zh-CN/close.ftl\n<<<\nrange-private = 私有使用\n    .description = 应用之间约定的状态码。\n===\n>>>\n\
         --- locales/zh-CN/close.ftl\n<<<\ncode-1006 = 异常关闭\n===\n# A translator's note, kept.\ncode-1006 = 异常关闭\n>>>\n",
    );
    let before = read(root, "locales/zh-CN/close.ftl");
    let run = errdoc(root, &["l10n", "sync"]);
    assert_eq!(
        run.stdout,
        "en: wrote locales/en/errno.ftl, the English of the table `errno` for translation platforms\n\
         zh-CN: 1 stub added to locales/zh-CN/close.ftl\n\
         zh-CN: the English of 41 translations recorded, 0 forgotten in locales/zh-CN/.sources.lock\n"
    );
    // The table's English, for platforms that pair each translated file
    // with an English one: the catalog's messages, as Fluent.
    assert_eq!(
        read(root, "locales/en/errno.ftl"),
        "# The English of the table `errno` in catalog/codes.yaml, for translation platforms.\n\
         # Written by `errdoc l10n sync`: edit the catalog's `message`, then sync.\n\n\
         errno-EINTR = Interrupted system call\n\
         errno-ETIMEDOUT = Connection timed out\n\
         errno-ECONNREFUSED = Connection refused\n"
    );
    let check = errdoc(root, &["check"]);
    assert!(!check.stderr.contains("E034"), "{}", check.stderr);
    // A message changed in the catalog: the base file says the old one
    // until synced again.
    apply_edits(
        root,
        "--- catalog/codes.yaml\n<<<\nmessage: \"Connection refused\"\n===\nmessage: \"Connection {refused}\"\n>>>\n",
    );
    let check = errdoc(root, &["check"]);
    assert!(check.stderr.contains("warning[E0340]: `errno-ECONNREFUSED` says “Connection refused” here, but the catalog's message is “Connection {refused}”"), "{}", check.stderr);
    let resync = errdoc(root, &["l10n", "sync"]);
    assert!(
        resync.stdout.starts_with("en: wrote locales/en/errno.ftl"),
        "{}",
        resync.stdout
    );
    assert!(
        read(root, "locales/en/errno.ftl")
            .ends_with("errno-ECONNREFUSED = Connection {\"{\"}refused{\"}\"}\n")
    );
    assert!(!errdoc(root, &["check"]).stderr.contains("E0340"));
    apply_edits(
        root,
        "--- catalog/codes.yaml\n<<<\nmessage: \"Connection {refused}\"\n===\nmessage: \"Connection refused\"\n>>>\n",
    );
    assert_eq!(errdoc(root, &["l10n", "sync"]).status, 0);
    let after = read(root, "locales/zh-CN/close.ftl");
    assert!(after.starts_with(&before), "only appended:\n{after}");
    assert_eq!(
        &after[before.len()..],
        "\n# errdoc: untranslated\n# en: Private Use\n# en .description: Codes agreed between applications.\nrange-private = Private Use\n    .description = Codes agreed between applications.\n"
    );

    // A stub counts as missing, and shows in English.
    let counts = &status(root)["locales"][0]["groups"][0]["counts"];
    assert_eq!(counts["missing"], 2);
    let check = errdoc(root, &["check"]);
    assert!(
        check.stderr.contains(
            "warning[E0322]: `range-private` is not translated yet: it is a stub from `errdoc l10n sync`"
        ),
        "{}",
        check.stderr
    );

    // A second run changes nothing.
    let tree = read_tree(&root.join("locales"));
    let again = errdoc(root, &["l10n", "sync"]);
    assert_eq!(again.stdout, "zh-CN: nothing to do\n");
    assert_eq!(read_tree(&root.join("locales")), tree);

    // Translating the stub makes it translated.
    apply_edits(
        root,
        "--- locales/zh-CN/close.ftl\n<<<\nrange-private = Private Use\n    .description = Codes agreed between applications.\n===\nrange-private = 私有使用\n    .description = 应用之间约定的状态码。\n>>>\n",
    );
    assert_eq!(status(root)["locales"][0]["all"]["missing"], 0);
}

#[test]
fn obsolete_messages_are_reported_and_pruned_only_on_request() {
    let root = project(None);
    let root = root.path();
    apply_edits(
        root,
        "--- locales/zh-CN/close.ftl\n<<<\nrange-private = 私有使用\n===\n# Gone from the catalog.\ncode-4242 = 已删除的错误码\n    .description = 这条已经没有了。\n\nrange-private = 私有使用\n>>>\n",
    );
    let with_obsolete = read(root, "locales/zh-CN/close.ftl");
    let run = errdoc(root, &["l10n", "sync"]);
    assert!(
        run.stdout.contains(
            "zh-CN: `code-4242` is obsolete (the English no longer has it); `--prune` removes it\n"
        ),
        "{}",
        run.stdout
    );
    assert_eq!(read(root, "locales/zh-CN/close.ftl"), with_obsolete);
    assert_eq!(status(root)["locales"][0]["all"]["obsolete"], 2);

    let prune = errdoc(root, &["l10n", "sync", "--prune"]);
    assert!(
        prune
            .stdout
            .contains("zh-CN: removed the obsolete message `code-4242`\n"),
        "{}",
        prune.stdout
    );
    let pruned = read(root, "locales/zh-CN/close.ftl");
    assert_eq!(
        pruned,
        with_obsolete.replace("# Gone from the catalog.\ncode-4242 = 已删除的错误码\n    .description = 这条已经没有了。\n\n", "")
    );
    assert_eq!(status(root)["locales"][0]["all"]["obsolete"], 0);
}

#[test]
fn a_new_locale_builds_in_english_until_translated() {
    let root = project(None);
    let root = root.path();
    let add = errdoc(root, &["l10n", "add", "ja"]);
    assert_eq!(add.status, 0, "{}", add.stderr);
    assert!(add.stdout.ends_with("ja: created locales/ja/; translate the stubs, then `errdoc build` (untranslated strings show in English)\n"));
    let files: Vec<String> = read_tree(&root.join("locales/ja"))
        .keys()
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(
        files,
        [
            ".sources.lock",
            "close.ftl",
            "errno.ftl",
            "socket.ftl",
            "ui.ftl"
        ]
    );

    let build = errdoc(root, &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    assert!(
        build.stdout.starts_with("build: 3 locales,"),
        "{}",
        build.stdout
    );
    // What is left to translate is summed up, not listed string by string.
    assert_eq!(
        build.stderr,
        "warning: ja: 43 strings not translated yet — `errdoc l10n status ja --list missing` lists them\n"
    );
    let verbose = errdoc(root, &["build", "--verbose"]);
    assert_eq!(verbose.status, 0, "{}", verbose.stderr);
    assert_eq!(verbose.stderr.matches("warning[E0322]").count(), 43);
    let check = errdoc(root, &["check"]);
    assert_eq!(check.stderr.matches("warning[E0322]").count(), 43);
    let page = read(root, "site/ja/codes/1006.html");
    assert!(page.contains("<html lang=\"ja\">"));
    assert!(page.contains("lang=\"en\">Abnormal Closure"), "{page}");
    assert!(read(root, "site/en/codes/1006.html").contains("hreflang=\"ja\""));
    assert_eq!(status(root)["locales"][0]["locale"], "ja");
    assert_eq!(status(root)["locales"][0]["all"]["translated"], 0);

    // The language's name follows the rule of every string: a stub that
    // says the English is untranslated (the tag is shown, not "English");
    // a name written over it is the name, marker or not.
    let ui = read(root, "locales/ja/ui.ftl");
    let with = |name: &str| format!("{ui}\n# errdoc: untranslated\nui-language-name = {name}\n");
    let link = "hreflang=\"ja\" lang=\"ja\">";
    std::fs::write(root.join("locales/ja/ui.ftl"), with("English")).unwrap();
    assert_eq!(errdoc(root, &["build"]).status, 0);
    assert!(read(root, "site/en/index.html").contains(&format!("{link}ja</a>")));
    std::fs::write(root.join("locales/ja/ui.ftl"), with("日本語")).unwrap();
    assert_eq!(errdoc(root, &["build"]).status, 0);
    assert!(read(root, "site/en/index.html").contains(&format!("{link}日本語</a>")));
    std::fs::write(root.join("locales/ja/ui.ftl"), ui).unwrap();

    let again = errdoc(root, &["l10n", "add", "ja"]);
    assert_eq!(again.status, 1);
    assert_eq!(
        again.stderr,
        "error: locales/ja exists already — `errdoc l10n sync --locale ja` adds what it lacks\n"
    );
    let bad = errdoc(root, &["l10n", "add", "zh_TW"]);
    assert_eq!(bad.status, 1);
    assert_eq!(
        bad.stderr,
        "error: write the tag the canonical way: `zh-TW`\n"
    );
}

#[test]
fn status_is_a_table_per_page() {
    let root = project(None);
    let run = errdoc(root.path(), &["l10n", "status"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "zh-CN: 100.0% translated — 43 of 43 strings, 145 of 145 English words\n\
         \x20 page                total    translated       missing         stale     unchanged obsolete drift         words\n\
         \x20 close                   9      9 100.0%      0   0.0%      0   0.0%      0   0.0%        0     0         37/37\n\
         \x20 socket                 11     11 100.0%      0   0.0%      0   0.0%      0   0.0%        0     0         59/59\n\
         \x20 ui                     20     20 100.0%      0   0.0%      0   0.0%      0   0.0%        0     0         41/41\n\
         \x20 errno                   3      3 100.0%      0   0.0%      0   0.0%      0   0.0%        0     0           8/8\n\
         \x20 all                    43     43 100.0%      0   0.0%      0   0.0%      0   0.0%        0     0       145/145\n"
    );
    let unknown = errdoc(root.path(), &["l10n", "status", "--locale", "fr"]);
    assert_eq!(unknown.status, 1);
    assert_eq!(
        unknown.stderr,
        "error: there is no locale `fr` — the locales are en, zh-CN; `errdoc l10n add fr` creates it\n"
    );
}

#[test]
fn status_lists_each_string_to_do_with_its_place() {
    let root = project(None);
    let root = root.path();
    errdoc(root, &["l10n", "sync"]);
    apply_edits(root, CHANGE_ENGLISH);
    apply_edits(
        root,
        "--- locales/zh-CN/close.ftl\n<<<\ncode-1006 = 异常关闭\n===\ncode-1006 = Abnormal Closure\n>>>\n--- locales/zh-CN/socket.ftl\n<<<\n    .cause-1 = 调用`connect`时收到信号。\n===\n>>>\n",
    );
    let run = errdoc(root, &["l10n", "status", "zh-CN", "--list"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "locales/zh-CN/close.ftl:4: zh-CN unchanged code-1006\n\
         locales/zh-CN/close.ftl:5: zh-CN stale code-1006.description\n\
         locales/en/socket.ftl:6: zh-CN missing code-2301004.cause-1 (the English; not in the translation yet)\n"
    );
    let stale = errdoc(
        root,
        &["l10n", "status", "--list", "stale", "--locale", "zh-CN"],
    );
    assert_eq!(
        stale.stdout,
        "locales/zh-CN/close.ftl:5: zh-CN stale code-1006.description\n"
    );
    let json = errdoc(
        root,
        &[
            "l10n", "status", "zh-CN", "--list", "missing", "--format", "json",
        ],
    );
    let json: Value = serde_json::from_str(&json.stdout).unwrap();
    let strings = &json["locales"][0]["strings"];
    assert_eq!(strings.as_array().unwrap().len(), 1);
    assert_eq!(strings[0]["key"], "code-2301004.cause-1");
    assert_eq!(strings[0]["path"], "locales/en/socket.ftl");
    assert_eq!(strings[0]["line"], 6);
    assert_eq!(strings[0]["group"], "socket");

    // The status page lists them, with the page and the line in the
    // repository.
    let catalog = read(root, "catalog/codes.yaml");
    std::fs::write(
        root.join("catalog/codes.yaml"),
        catalog.replacen(
            "site:\n",
            "site:\n  source_url: \"https://example.com/docs/blob/main/{path}#L{line}\"\n",
            1,
        ),
    )
    .unwrap();
    let build = errdoc(root, &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    let page = read(root, "site/zh-CN/status.html");
    assert!(
        page.contains("<td><code>code-1006.description</code></td>\n<td>过时</td>\n<td><a href=\"errorcode-close.html\">"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"https://example.com/docs/blob/main/locales/zh-CN/close.ftl#L5\">locales/zh-CN/close.ftl:5</a>"),
        "{page}"
    );
}

#[test]
fn check_reports_json_for_tools() {
    let root = project(None);
    apply_edits(
        root.path(),
        "--- locales/zh-CN/close.ftl\n<<<\n    .solution-1 = 退避后重新连接。\n===\n    .solution-1 = { \"\" }\n>>>\n",
    );
    let run = errdoc(root.path(), &["check", "--format", "json"]);
    assert_eq!(run.status, 1);
    assert_eq!(run.stderr, "");
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["errors"], 1);
    assert_eq!(
        report["diagnostics"][0],
        serde_json::json!({
            "severity": "error",
            "code": "E0328",
            "first": null,
            "path": "locales/zh-CN/close.ftl",
            "line": 8,
            "column": 6,
            "message": "`code-1006.solution-1` is empty",
            "hint": "write the translation, or remove the message to show the English",
            "locale": null,
            "todo": null,
            "strings": null,
        })
    );
}

#[test]
fn a_stub_stays_missing_when_the_english_changes() {
    let root = project(None);
    let root = root.path();
    apply_edits(
        root,
        "--- locales/zh-CN/close.ftl\n<<<\nrange-private = 私有使用\n    .description = 应用之间约定的状态码。\n===\n>>>\n",
    );
    assert_eq!(errdoc(root, &["l10n", "sync"]).status, 0);
    apply_edits(
        root,
        "--- locales/en/close.ftl\n<<<\nrange-private = Private Use\n===\nrange-private = Private Use Only\n>>>\n",
    );
    let counts = &status(root)["locales"][0]["groups"][0]["counts"];
    assert_eq!(counts["missing"], 2, "{counts}");
    assert_eq!(counts["stale"], 0, "{counts}");
    assert_eq!(errdoc(root, &["build"]).status, 0);
    let page = read(root, "site/zh-CN/errorcode-close.html");
    assert!(
        page.contains("lang=\"en\">Private Use Only"),
        "the English of today is shown"
    );
}

#[test]
fn writing_commands_refuse_a_broken_lock_or_broken_syntax() {
    let root = project(None);
    let root = root.path();
    assert_eq!(errdoc(root, &["l10n", "sync"]).status, 0);
    let lock = root.join("locales/zh-CN/.sources.lock");
    let text = read(root, "locales/zh-CN/.sources.lock");
    std::fs::write(&lock, &text[..text.len() / 2]).unwrap();
    let broken = std::fs::read(&lock).unwrap();
    for args in [
        &["l10n", "sync"][..],
        &["l10n", "status"],
        &["l10n", "confirm", "--all"],
    ] {
        let run = errdoc(root, args);
        assert_eq!(run.status, 1, "{args:?}");
        assert!(
            run.stderr.contains("locales/zh-CN/.sources.lock:")
                && run.stderr.ends_with(&format!(
                    "error: {} failed with 1 error{}\n",
                    args[..2].join(" "),
                    if args[1] == "status" {
                        ""
                    } else {
                        "; nothing was changed"
                    }
                )),
            "{args:?}: {}",
            run.stderr
        );
        assert_eq!(
            std::fs::read(&lock).unwrap(),
            broken,
            "{args:?} kept the lock"
        );
    }
    std::fs::write(&lock, text).unwrap();

    apply_edits(
        root,
        "--- locales/zh-CN/close.ftl\n<<<\ncode-1006 = 异常关闭\n===\ncode-1006 = 异常{ 关闭\n>>>\n",
    );
    let before = read(root, "locales/zh-CN/close.ftl");
    let run = errdoc(root, &["l10n", "sync"]);
    assert_eq!(run.status, 1, "{}", run.stdout);
    assert_eq!(
        read(root, "locales/zh-CN/close.ftl"),
        before,
        "no stub beside the broken message"
    );
    // One run protocol (issue 15): reading stops too, and says where.
    let status = errdoc(root, &["l10n", "status"]);
    assert_eq!(status.status, 1);
    assert!(
        status.stderr.contains("locales/zh-CN/close.ftl:"),
        "{}",
        status.stderr
    );
}

#[test]
fn the_summary_counts_strings_not_messages() {
    let root = project(None);
    let root = root.path();
    // code-1006 has a title and four attributes: five strings, one
    // diagnostic.
    apply_edits(
        root,
        "--- locales/zh-CN/close.ftl\n<<<\ncode-1006 = 异常关闭\n    .description = 连接在没有Close帧的情况下关闭。\n    .cause-1 = 网络中断。\n    .cause-2 = 对端进程崩溃。\n    .solution-1 = 退避后重新连接。\n===\n>>>\n",
    );
    let build = errdoc(root, &["build"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    assert_eq!(
        build.stderr,
        "warning: zh-CN: 5 strings not translated yet — `errdoc l10n status zh-CN --list missing` lists them\n"
    );
    let list = errdoc(root, &["l10n", "status", "zh-CN", "--list", "missing"]);
    assert_eq!(list.stdout.lines().count(), 5, "{}", list.stdout);
}
