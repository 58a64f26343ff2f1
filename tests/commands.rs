//! One run protocol (issue 15): every command against the same broken
//! projects behaves alike — a command that needs the broken stage exits 1
//! with the located message, and one that does not need it works.

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use support::{apply_edits, errdoc, project};

/// The stages of loading, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    /// Catalog, locales, validation.
    Project,
    /// The templates (only commands that render).
    Templates,
}

/// Every command that reads a project, and the last stage it needs.
const COMMANDS: &[(&[&str], Stage)] = &[
    (&["check"], Stage::Templates),
    (&["build"], Stage::Templates),
    (&["build", "--check"], Stage::Templates),
    (&["explain", "1006"], Stage::Project),
    (&["export", "--format", "json"], Stage::Project),
    (&["export", "--format", "c"], Stage::Project),
    (&["l10n", "status"], Stage::Project),
    (
        &["l10n", "diff", "--locale", "zh-CN", "code-1006"],
        Stage::Project,
    ),
    (&["l10n", "sync", "--locale", "zh-CN"], Stage::Project),
];

/// A broken project: the edits that break it, the stage they break, and
/// what every command that needs that stage prints.
struct Broken {
    name: &'static str,
    edits: &'static str,
    stage: Stage,
    located: &'static str,
}

const BROKEN: &[Broken] = &[
    Broken {
        name: "an unknown reference in the catalog",
        edits: "--- catalog/codes.yaml\n<<<\n        references: [rfc6455-7.4.1]\n===\n        references: [rfc6455-7.4.2]\n>>>\n",
        stage: Stage::Project,
        located: "catalog/codes.yaml:27:22: error[E0234]: unknown reference `rfc6455-7.4.2`",
    },
    Broken {
        name: "a Fluent syntax error",
        edits: "+++ locales/zh-CN/broken.ftl\nbroken = {\n",
        stage: Stage::Project,
        located: "locales/zh-CN/broken.ftl:1:11: error[E0305]: Fluent syntax error",
    },
    Broken {
        name: "a broken template override",
        edits: "+++ templates/html/code.html\n{% if %}\n",
        stage: Stage::Templates,
        located: "templates/html/code.html:1:7: error[E0401]: template `html/code.html`",
    },
    Broken {
        name: "a missing source locale",
        edits: "",
        stage: Stage::Project,
        located: "locales/en: error[E0301]: the source locale `en` is missing",
    },
];

#[test]
fn every_command_treats_a_broken_stage_alike() {
    let mut failures = Vec::new();
    for broken in BROKEN {
        for (args, needs) in COMMANDS {
            let dir = project(None);
            let root = dir.path();
            apply_edits(root, broken.edits);
            if broken.name == "a missing source locale" {
                std::fs::remove_dir_all(root.join("locales/en")).unwrap();
            }
            let run = errdoc(root, args);
            let fails = *needs >= broken.stage;
            let ok = if fails {
                run.status == 1 && run.stderr.contains(broken.located)
            } else {
                run.status == 0 && !run.stderr.contains(broken.located)
            };
            if !ok {
                failures.push(format!(
                    "{} — `errdoc {}`: expected {}, got status {}\n{}",
                    broken.name,
                    args.join(" "),
                    if fails {
                        "status 1 with the located message"
                    } else {
                        "status 0"
                    },
                    run.status,
                    run.stderr
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));
}

/// A command stopped by errors says which command stopped and that
/// nothing was changed, after the located messages, the same way for all.
#[test]
fn a_stopped_command_says_so_last() {
    let dir = project(None);
    let root = dir.path();
    apply_edits(root, BROKEN[0].edits);
    for (args, _) in COMMANDS {
        let run = errdoc(root, args);
        let last = run.stderr.lines().last().unwrap_or_default().to_string();
        let name = if args[0] == "l10n" {
            format!("l10n {}", args[1])
        } else {
            args[0].to_string()
        };
        assert!(
            last.starts_with(&format!("error: {name} failed with 1 error")),
            "`errdoc {}`: {last}\n{}",
            args.join(" "),
            run.stderr
        );
    }
}

/// The console's choices are made once, from the command line, for every
/// command: `--color` for diagnostics and output, `--quiet` for status
/// lines.
#[test]
fn colour_and_quiet_are_chosen_on_the_command_line() {
    let root = project(None);
    let build = errdoc(root.path(), &["build"]);
    assert!(build.stdout.starts_with("build: "), "{}", build.stdout);
    let quiet = errdoc(root.path(), &["--quiet", "build"]);
    assert_eq!(
        (quiet.status, quiet.stdout.as_str()),
        (0, ""),
        "{}",
        quiet.stderr
    );
    let quiet = errdoc(root.path(), &["check", "-q"]);
    assert_eq!(
        (quiet.status, quiet.stdout.as_str()),
        (0, ""),
        "{}",
        quiet.stderr
    );

    apply_edits(root.path(), BROKEN[0].edits);
    let plain = errdoc(root.path(), &["check"]);
    assert!(!plain.stderr.contains('\x1b'), "{}", plain.stderr);
    let never = errdoc(root.path(), &["check", "--color", "never"]);
    assert_eq!(never.stderr, plain.stderr);
    let always = errdoc(root.path(), &["--color", "always", "check"]);
    assert!(
        always
            .stderr
            .contains(": \x1b[1;31merror[E0234]\x1b[0m: unknown reference"),
        "{}",
        always.stderr
    );
    // The same text once the colours are taken out.
    let stripped = always
        .stderr
        .replace("\x1b[1;31m", "")
        .replace("\x1b[0m", "");
    assert_eq!(stripped, plain.stderr);
    // Errors are printed however quiet.
    let quiet = errdoc(root.path(), &["--quiet", "check"]);
    assert_eq!(quiet.stderr, plain.stderr);
}

/// `-W` (`--deny-warnings`) is chosen once too: every command that reads
/// the project fails on a warning, not only `check`.
#[test]
fn deny_warnings_holds_for_every_command() {
    let root = project(None);
    apply_edits(
        root.path(),
        "+++ locales/en/unused.ftl\ncode-9999 = Nothing uses this\n",
    );
    for args in COMMANDS.iter().map(|(args, _)| *args) {
        let allowed = errdoc(root.path(), args);
        assert_eq!(allowed.status, 0, "{args:?}: {}", allowed.stderr);
        let mut denied: Vec<&str> = vec!["-W"];
        denied.extend(args);
        let run = errdoc(root.path(), &denied);
        assert_eq!(run.status, 1, "{denied:?}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("locales/en/unused.ftl:1:1: warning[E0311]: `code-9999` is not used"),
            "{denied:?}: {}",
            run.stderr
        );
    }
}

/// Completions and manual pages come from the one command-line definition:
/// they name every subcommand, and bash completes with the script.
#[test]
fn completions_list_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let bash = errdoc(root, &["completions", "bash"]);
    assert_eq!(bash.status, 0, "{}", bash.stderr);
    for sub in subcommands() {
        assert!(
            bash.stdout.contains(&format!("errdoc,{sub})")),
            "bash: {sub}"
        );
    }
    let script = root.join("errdoc.bash");
    std::fs::write(&script, &bash.stdout).unwrap();
    // Bash completes `errdoc l10n st` to `status`.
    let loaded = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source {} && COMP_WORDS=(errdoc l10n st) && COMP_CWORD=2 && _errdoc errdoc st l10n && echo \"${{COMPREPLY[@]}}\"",
            script.display()
        ))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&loaded.stdout),
        "status\n",
        "{}",
        String::from_utf8_lossy(&loaded.stderr)
    );
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let run = errdoc(root, &["completions", shell]);
        assert_eq!(run.status, 0, "{shell}: {}", run.stderr);
        assert!(run.stdout.contains("explain-error"), "{shell}");
    }
}

/// Every subcommand; `serve` where the feature is on (it is by default).
fn subcommands() -> Vec<&'static str> {
    let all = [
        "build",
        "check",
        "l10n",
        "explain",
        "explain-error",
        "export",
        "compat",
        "scan",
        "serve",
        "init",
        "import",
        "completions",
        "man",
    ];
    all.into_iter()
        .filter(|s| *s != "serve" || cfg!(feature = "serve"))
        .collect()
}

#[test]
fn manual_pages_list_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let man = errdoc(root, &["man"]);
    assert_eq!(man.status, 0, "{}", man.stderr);
    assert!(man.stdout.contains(".TH errdoc 1 "), "{}", man.stdout);
    for sub in subcommands() {
        assert!(
            man.stdout
                .contains(&format!("errdoc\\-{}(1)", sub.replace('-', "\\-"))),
            "man: {sub}"
        );
    }
    let status = errdoc(root, &["man", "l10n", "status"]);
    assert!(
        status.stdout.contains(&format!(
            ".TH errdoc-l10n-status 1  \"errdoc-l10n-status {}\"",
            env!("CARGO_PKG_VERSION")
        )),
        "{}",
        status.stdout
    );
    assert!(
        status.stdout.contains("\\fBerrdoc l10n status\\fR"),
        "{}",
        status.stdout
    );
    assert!(status.stdout.contains("\\-\\-list"), "{}", status.stdout);
    let unknown = errdoc(root, &["man", "l10n", "nope"]);
    assert_eq!(unknown.status, 1);
    assert_eq!(
        unknown.stderr,
        "error: `errdoc-l10n` has no subcommand `nope` — it has status, diff, confirm, sync, add, export, import\n"
    );
    let out = root.join("man1");
    let all = errdoc(root, &["man", "--out", out.to_str().unwrap()]);
    assert_eq!(all.status, 0, "{}", all.stderr);
    let mut pages: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    // errdoc(1), one page per subcommand, and l10n's seven.
    assert_eq!(pages.len(), 1 + subcommands().len() + 7, "{pages:?}");
    assert!(!pages.iter().any(|p| p.contains("help")), "{pages:?}");
    let main = std::fs::read_to_string(out.join("errdoc.1")).unwrap();
    assert!(!main.contains("help(1)"), "a page for every page listed");
    assert!(pages.contains(&"errdoc-explain-error.1".to_string()));
    let page = std::fs::read_to_string(out.join("errdoc-explain-error.1")).unwrap();
    assert!(page.contains("\\fBerrdoc explain\\-error\\fR"), "{page}");
}
