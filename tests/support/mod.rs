//! Helpers shared by the binary-level tests: fixture projects copied into
//! temporary folders, the `errdoc` binary run on them, and golden files
//! rewritten when `ERRDOC_BLESS=1`.

#![allow(dead_code, unreachable_pub)]
// Test helpers: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod browser;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The folder of the fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Whether expected files should be rewritten instead of compared.
pub fn blessing() -> bool {
    std::env::var_os("ERRDOC_BLESS").is_some_and(|v| v != "0")
}

/// Copies every file under `from` into `to`, replacing files that exist.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary project: the base fixture with `overlay` copied over it.
pub fn project(overlay: Option<&Path>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("base"), dir.path());
    if let Some(overlay) = overlay {
        copy_tree(overlay, dir.path());
    }
    dir
}

/// A project whose English `close.ftl` lives in `shared/`, linked into
/// `locales/en/` (a team that keeps its texts in one folder).
#[cfg(unix)]
pub fn project_with_shared_texts() -> tempfile::TempDir {
    let root = project(None);
    let dir = root.path();
    std::fs::create_dir(dir.join("shared")).unwrap();
    std::fs::rename(
        dir.join("locales/en/close.ftl"),
        dir.join("shared/close.ftl"),
    )
    .unwrap();
    std::os::unix::fs::symlink("../../shared/close.ftl", dir.join("locales/en/close.ftl")).unwrap();
    root
}

/// Applies an `edits` file to the project at `root`.
///
/// ```text
/// --- catalog/codes.yaml        replace the first occurrence of a text
/// <<<
///       - code: 2301004
/// ===
///       - code: 1006
/// >>>
/// +++ locales/ja/ui.ftl         create (or overwrite) a file
/// ui-note-label = 注記
/// ```
///
/// A `+++` file runs until the next `---`/`+++` line. Panics if a text to
/// replace is not found, so a stale case fails loudly.
pub fn apply_edits(root: &Path, edits: &str) {
    let mut lines = edits.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some(path) = line.strip_prefix("--- ") {
            assert_eq!(
                lines.next(),
                Some("<<<"),
                "edits: `<<<` expected after {line}"
            );
            let mut old = Vec::new();
            for l in lines.by_ref() {
                if l == "===" {
                    break;
                }
                old.push(l);
            }
            let mut new = Vec::new();
            for l in lines.by_ref() {
                if l == ">>>" {
                    break;
                }
                new.push(l);
            }
            let file = root.join(path.trim());
            let text = std::fs::read_to_string(&file).unwrap();
            let old = old.join("\n");
            assert!(text.contains(&old), "edits: {path} has no\n{old}");
            std::fs::write(&file, text.replacen(&old, &new.join("\n"), 1)).unwrap();
        } else if let Some(path) = line.strip_prefix("+++ ") {
            let mut content = String::new();
            while let Some(l) = lines.peek() {
                if l.starts_with("--- ") || l.starts_with("+++ ") {
                    break;
                }
                content.push_str(l);
                content.push('\n');
                lines.next();
            }
            let file = root.join(path.trim());
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, content).unwrap();
        } else {
            assert!(line.trim().is_empty(), "edits: unexpected line {line:?}");
        }
    }
}

/// What a run of the binary printed and returned.
#[derive(Debug)]
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `errdoc --root <root> <args>`.
pub fn errdoc(root: &Path, args: &[&str]) -> Run {
    errdoc_env(root, args, &[])
}

/// [`errdoc`] with environment variables set.
pub fn errdoc_env(root: &Path, args: &[&str], vars: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_errdoc"));
    command
        .arg("--root")
        .arg(root)
        .args(args)
        .envs(vars.iter().copied());
    run(command)
}

/// Runs `errdoc <args>` in the folder `dir` (its default project), with
/// no language in the environment.
pub fn errdoc_in(dir: &Path, args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_errdoc"));
    command
        .current_dir(dir)
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    run(command)
}

/// Runs `command` (never blessing); what it printed and returned.
fn run(mut command: Command) -> Run {
    let output = command.env_remove("ERRDOC_BLESS").output().unwrap();
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// Compares `actual` with the expected file at `path`, or rewrites it
/// when blessing.
pub fn expect_file(path: &Path, actual: &str) {
    if blessing() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        expected == actual,
        "{} differs (ERRDOC_BLESS=1 rewrites it):\n{}",
        path.display(),
        diff(&expected, actual)
    );
}

/// Every file under `dir` (relative path → bytes).
pub fn read_tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    if !dir.exists() {
        return files;
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap().to_path_buf();
            files.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// The names of the sub-folders of `dir`, sorted.
pub fn cases(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A line-by-line difference, for failure messages.
pub fn diff(expected: &str, actual: &str) -> String {
    let mut out = String::new();
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    for i in 0..e.len().max(a.len()) {
        match (e.get(i), a.get(i)) {
            (Some(x), Some(y)) if x == y => {}
            (x, y) => {
                out.push_str(&format!(
                    "line {}:\n  expected: {}\n  actual:   {}\n",
                    i + 1,
                    x.unwrap_or(&"<none>"),
                    y.unwrap_or(&"<none>")
                ));
            }
        }
    }
    out
}

/// `text` as a YAML double-quoted string: `"` and `\` escaped, printable
/// ASCII as it is, every other character as `\UXXXXXXXX`, so the file holds
/// exactly `text` whatever it is.
pub fn yaml_string(text: &str) -> String {
    format!("\"{}\"", escaped(text, 8))
}

/// `text` for a double-quoted literal of YAML or Fluent: `"` and `\`
/// escaped, printable ASCII as it is, every other character as `\U` and
/// `digits` hex digits.
pub fn escaped(text: &str, digits: usize) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c => {
                let _ = write!(out, "\\U{:0digits$X}", u32::from(c));
            }
        }
    }
    out
}
