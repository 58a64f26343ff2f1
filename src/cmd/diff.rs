//! `errdoc build --diff PAGE.md…`: what errdoc makes of hand-written pages,
//! as a unified diff against each, so a team can review the switch page
//! by page.

use std::path::Path;
use std::process::ExitCode;

use similar::{Algorithm, ChangeTag, TextDiff};

use crate::cmd::failure;
use crate::console::{self, Stream, printable};
use crate::import::{comparable_lines, names_of};
use crate::output::{Output, SITE_DIR};
use crate::project::Project;

/// Lines of context around each change.
const CONTEXT: usize = 3;

/// Shows each page of `pages` beside the page of `output` it becomes.
pub(crate) fn run(
    project: &Project,
    output: &Output,
    pages: &[std::path::PathBuf],
    locale: Option<&str>,
) -> ExitCode {
    if let Some(tag) = locale
        && project.locales.get(tag).is_none()
    {
        tell!(
            "error: there is no locale `{}` — the locales are {}",
            printable(tag),
            project.locales.tags().join(", ")
        );
        return failure();
    }
    let mut differ = 0;
    let mut trouble = false;
    for path in pages {
        let shown = printable(&path.display().to_string());
        let tag = locale.map_or_else(|| locale_of(project, path), str::to_string);
        let (page, _) = names_of(path, &tag);
        let built_path = crate::site::markdown_path(&tag, &page);
        let Some(built) = output
            .files()
            .find(|(p, _)| *p == Path::new(&built_path))
            .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        else {
            let pages: Vec<&str> = project
                .catalog
                .modules
                .iter()
                .map(|m| m.page.value.as_str())
                .collect();
            tell!(
                "error: {shown}: errdoc makes no page `{}` in {} — its pages are {}; name the file after one (`errorcode-x.md`, `errorcode-x.zh-CN.md`) or give --locale",
                printable(&page),
                printable(&tag),
                pages.join(", ")
            );
            trouble = true;
            continue;
        };
        let original = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                tell!("error: cannot read {shown}: {e}");
                trouble = true;
                continue;
            }
        };
        let old = comparable_lines(&original);
        let new = comparable_lines(&built);
        if old == new {
            say!("{shown}: errdoc makes the same page ({SITE_DIR}/{built_path})");
            continue;
        }
        differ += 1;
        show(&shown, &format!("{SITE_DIR}/{built_path}"), &old, &new);
    }
    if differ > 0 {
        tell!(
            "{differ} of {} pages differ from what errdoc makes (trailing whitespace and line endings aside)",
            pages.len()
        );
    }
    if trouble || differ > 0 {
        failure()
    } else {
        ExitCode::SUCCESS
    }
}

/// The language of a page: the `.zh-CN` of `errorcode-x.zh-CN.md`, or a
/// folder of its path named after it (`zh-cn/errorcode-x.md`, as
/// OpenHarmony's docs are laid out), when the project has it; else the
/// catalog's source language.
fn locale_of(project: &Project, path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tags = project.locales.tags();
    let by_suffix = tags.iter().find(|tag| stem.ends_with(&format!(".{tag}")));
    let by_folder = || {
        path.parent()?.components().rev().find_map(|c| {
            let name = c.as_os_str().to_string_lossy();
            tags.iter().find(|tag| tag.eq_ignore_ascii_case(&name))
        })
    };
    by_suffix.or_else(by_folder).map_or_else(
        || project.catalog.source_locale().to_string(),
        |t| (*t).to_string(),
    )
}

/// A unified diff of `old` (the page, `a`) and `new` (errdoc's, `b`).
fn show(a: &str, b: &str, old: &[String], new: &[String]) {
    let old: Vec<&str> = old.iter().map(String::as_str).collect();
    let new: Vec<&str> = new.iter().map(String::as_str).collect();
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_slices(&old, &new);
    let paint = |sgr: &str, text: String| console::paint(Stream::Out, sgr, &text);
    say!("{}", paint("1", format!("--- {a}")));
    say!("{}", paint("1", format!("+++ {b} (as errdoc makes it)")));
    for group in diff.grouped_ops(CONTEXT) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let from = first.old_range().start..last.old_range().end;
        let to = first.new_range().start..last.new_range().end;
        say!(
            "{}",
            paint(
                "36",
                format!(
                    "@@ -{},{} +{},{} @@",
                    from.start + 1,
                    from.len(),
                    to.start + 1,
                    to.len()
                )
            )
        );
        for op in &group {
            for change in diff.iter_changes(op) {
                let line = printable(change.value());
                match change.tag() {
                    ChangeTag::Equal => say!(" {line}"),
                    ChangeTag::Delete => say!("{}", paint("31", format!("-{line}"))),
                    ChangeTag::Insert => say!("{}", paint("32", format!("+{line}"))),
                }
            }
        }
    }
}
