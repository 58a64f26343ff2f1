//! `errdoc l10n status`: per locale and page, how many strings are
//! translated, missing, stale, unchanged and obsolete, with word counts,
//! and where a language's pages drift from the English ones.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::{Format, ListState, StatusArgs};
use crate::l10n::{Counts, LocaleStatus};

use super::{load, targets};

/// Runs `errdoc l10n status`.
pub(super) fn run(root: &Path, args: &StatusArgs) -> anyhow::Result<ExitCode> {
    let project = match load(root, "l10n status", false)? {
        Ok(project) => project,
        Err(status) => return Ok(status),
    };
    let wanted = args.tag.as_deref().or(args.locale.as_deref());
    let locales = match targets(&project, wanted) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    // The English strings once, for every locale.
    let units = project.units();
    let mut statuses: Vec<LocaleStatus> = locales
        .iter()
        .map(|locale| project.status_of(locale, units))
        .collect();
    let list = args.list.unwrap_or(ListState::All);
    for status in &mut statuses {
        status.strings.retain(|s| list.takes(s.state));
    }
    match args.format {
        Format::Json => {
            let json = serde_json::json!({
                "source": project.locales.source().tag,
                "locales": statuses,
            });
            say!("{}", serde_json::to_string_pretty(&json)?);
        }
        // Page names, ids and paths come from files: no escape sequences.
        Format::Text if args.list.is_some() => {
            say_raw!("{}", crate::console::printable_lines(&listing(&statuses)));
        }
        Format::Text => say_raw!("{}", crate::console::printable_lines(&table(&statuses))),
    }
    Ok(ExitCode::SUCCESS)
}

/// The strings still to do, one a line, as `path:line: locale state key`
/// (what editors and `grep` read).
fn listing(statuses: &[LocaleStatus]) -> String {
    let mut out = String::new();
    for status in statuses {
        for s in &status.strings {
            let place = if s.translated_here {
                String::new()
            } else {
                " (the English; not in the translation yet)".to_string()
            };
            out.push_str(&format!(
                "{}:{}: {} {} {}{place}\n",
                s.path,
                s.line,
                status.locale,
                s.state.name(),
                s.key
            ));
        }
    }
    out
}

/// "81 100.0%"
fn share(n: usize, total: usize) -> String {
    if total == 0 {
        return format!("{n}      -");
    }
    let percent = n as f64 * 100.0 / total as f64;
    format!("{n} {percent:5.1}%")
}

fn row(name: &str, width: usize, c: &Counts) -> String {
    format!(
        "  {name:<width$} {:>6} {:>13} {:>13} {:>13} {:>13} {:>8} {:>5} {:>13}\n",
        c.total,
        share(c.translated, c.total),
        share(c.missing, c.total),
        share(c.stale, c.total),
        share(c.unchanged, c.total),
        c.obsolete,
        c.drift,
        format!("{}/{}", c.words.translated, c.words.total),
    )
}

/// The status of every locale as a table for the terminal.
pub(super) fn table(statuses: &[LocaleStatus]) -> String {
    let mut out = String::new();
    for status in statuses {
        let all = &status.all;
        out.push_str(&format!(
            "{}: {:.1}% translated — {} of {} strings, {} of {} English words\n",
            status.locale,
            all.percent(),
            all.translated,
            all.total,
            all.words.translated,
            all.words.total
        ));
        let width = status
            .groups
            .iter()
            .map(|g| g.group.chars().count())
            .max()
            .unwrap_or(0)
            .max(18);
        out.push_str(&format!(
            "  {:<width$} {:>6} {:>13} {:>13} {:>13} {:>13} {:>8} {:>5} {:>13}\n",
            "page",
            "total",
            "translated",
            "missing",
            "stale",
            "unchanged",
            "obsolete",
            "drift",
            "words"
        ));
        for group in &status.groups {
            out.push_str(&row(&group.group, width, &group.counts));
        }
        out.push_str(&row("all", width, all));
        if all.stale > 0 {
            out.push_str(&format!(
                "  stale strings: `errdoc l10n status {0} --list stale` lists them; `errdoc l10n diff <id> --locale {0}` shows what changed\n",
                status.locale
            ));
        }
        for d in &status.drift {
            let what = match d.what {
                "message" => "its Error Message differs from the catalog's",
                _ => "the page has its own text for it, the English page does not",
            };
            out.push_str(&format!(
                "  drift: {} on page `{}`: {what} — `errdoc check` shows where\n",
                d.code, d.group
            ));
        }
        if all.missing > 0 {
            out.push_str(&format!(
                "  missing strings: `errdoc l10n status {0} --list missing` lists them; `errdoc l10n sync --locale {0}` adds stubs for missing messages\n",
                status.locale
            ));
        }
    }
    out
}
