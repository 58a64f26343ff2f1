//! `errdoc l10n diff <id>`: the English a translation was made from beside
//! the English of today, word by word, and the translation itself.

use std::path::Path;
use std::process::ExitCode;

use similar::{ChangeTag, TextDiff};

use crate::cli::DiffArgs;
use crate::cmd::failure;
use crate::l10n::{self, State, sync::select};

use super::{load, targets};

/// Runs `errdoc l10n diff`.
pub(super) fn run(root: &Path, args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let project = match load(root, "l10n diff", false)? {
        Ok(project) => project,
        Err(status) => return Ok(status),
    };
    let locales = match targets(&project, args.locale.as_deref()) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let units = project.units();
    let colour = crate::console::colour(crate::console::Stream::Out);
    let mut unknown = false;
    for wanted in &args.ids {
        let selected = select(units, wanted);
        if selected.is_empty() {
            tell!(
                "error: there is no English string `{wanted}` — use a message id (`code-1006`) or `id.attribute`"
            );
            unknown = true;
            continue;
        }
        for locale in &locales {
            let lock = project.locks.get(&locale.tag);
            for unit in &selected {
                let key = unit.key();
                let state = l10n::state_of(unit, locale, lock);
                say!("{key} ({}): {}", locale.tag, state_name(state));
                let translation = locale
                    .format(&unit.id, unit.attribute.as_deref(), None)
                    .map(|(t, _)| t);
                match lock.and_then(|l| l.get(&key)) {
                    Some(recorded) if recorded.english != unit.english => {
                        let (old, new) = word_diff(&recorded.english, &unit.english, colour);
                        say!("  was:         {old}");
                        say!("  is:          {new}");
                    }
                    Some(_) => say!(
                        "  English:     {} (unchanged since it was translated)",
                        crate::console::printable(&unit.english)
                    ),
                    None => {
                        say!(
                            "  English:     {}",
                            crate::console::printable(&unit.english)
                        );
                        say!(
                            "  (no record of the English it was translated from; `errdoc l10n sync` records today's)"
                        );
                    }
                }
                match translation {
                    Some(t) if state != State::Missing => {
                        say!("  translation: {}", crate::console::printable(&t))
                    }
                    _ => say!("  translation: (none)"),
                }
                if state == State::Stale {
                    say!(
                        "  after updating it: errdoc l10n confirm {key} --locale {}",
                        locale.tag
                    );
                }
            }
        }
    }
    Ok(if unknown {
        failure()
    } else {
        ExitCode::SUCCESS
    })
}

fn state_name(state: State) -> &'static str {
    match state {
        State::Translated => "translated",
        State::Missing => "missing",
        State::Stale => "stale — the English has changed since it was translated",
        State::Unchanged => "unchanged — the same as the English",
    }
}

/// The old and the new text with the words that differ marked: `[-gone-]`
/// and `{+added+}` (git's word-diff style), or red and green on a terminal.
/// A run of changed words is marked once (`{+was sent.+}`).
pub(super) fn word_diff(old: &str, new: &str, colour: bool) -> (String, String) {
    // Text from the files reaches the terminal: no escape sequences.
    let (old, new) = (
        crate::console::printable(old),
        crate::console::printable(new),
    );
    let diff = TextDiff::from_words(&old, &new);
    // Each side as (changed, text) pieces.
    let mut was: Vec<(bool, &str)> = Vec::new();
    let mut is: Vec<(bool, &str)> = Vec::new();
    for change in diff.iter_all_changes() {
        let word = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                was.push((false, word));
                is.push((false, word));
            }
            ChangeTag::Delete => was.push((true, word)),
            ChangeTag::Insert => is.push((true, word)),
        }
    }
    (
        render(&was, "[-", "-]", "31;9", colour),
        render(&is, "{+", "+}", "32;1", colour),
    )
}

/// Joins the pieces of one side, marking each run of changed words; the
/// spaces between two changed words belong to the run.
fn render(pieces: &[(bool, &str)], open: &str, close: &str, sgr: &str, colour: bool) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.is_empty() {
            return;
        }
        let body = run.trim_end();
        let trailing = &run[body.len()..];
        if colour {
            out.push_str(&crate::console::styled(true, sgr, body));
        } else {
            out.push_str(&format!("{open}{body}{close}"));
        }
        out.push_str(trailing);
        run.clear();
    };
    for (i, (changed, text)) in pieces.iter().enumerate() {
        let blank = text.trim().is_empty();
        let next_changed = pieces.get(i + 1).is_some_and(|(c, _)| *c);
        let joins_run = !run.is_empty() && blank && (*changed || next_changed);
        if (*changed && !blank) || joins_run {
            run.push_str(text);
        } else {
            flush(&mut run, &mut out);
            out.push_str(text);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_differ_are_marked() {
        let (was, is) = word_diff(
            "The connection was closed without a Close frame.",
            "The connection was closed before a Close frame was sent.",
            false,
        );
        assert_eq!(
            was,
            "The connection was closed [-without-] a Close [-frame.-]"
        );
        assert_eq!(
            is,
            "The connection was closed {+before+} a Close {+frame was sent.+}"
        );
    }
}
