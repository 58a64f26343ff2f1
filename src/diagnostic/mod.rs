//! Problems found in a project's input, reported the way compilers do:
//! `path:line:col: error: what — hint`, then the offending line and a caret.
//!
//! The one-line `path:line:col:` form is what editors, CI log parsers and
//! `grep` understand, and it is the format the tests pin down; crates such
//! as `annotate-snippets` render rustc's multi-line `-->` layout instead, so
//! the few lines that draw the snippet are written here.

use std::fmt;
use std::path::{Path, PathBuf};

use unicode_width::UnicodeWidthChar;

use crate::source::{SourceFile, Span};

mod kind;

pub(crate) use kind::Kind;
pub use kind::{KINDS, KindInfo};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The build cannot go on.
    Error,
    /// The output is built but something deserves a look.
    Warning,
    /// Worth knowing, nothing to fix (`compat`: a change the catalog
    /// acknowledges, a code added).
    Note,
}

/// Where a problem is: a file, and optionally a position in it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Location {
    path: PathBuf,
    span: Option<Span>,
    /// The text of the line the span points into: at most `WINDOW`
    /// characters of it around the span (a one-line catalog of 86 KB must
    /// not be printed once per problem).
    line_text: String,
    /// Characters of the line left out before `line_text`.
    skipped: usize,
    /// Whether characters are left out after it.
    cut: bool,
}

/// How many characters of a line a snippet shows, at most.
const WINDOW: usize = 120;

/// How many characters of a message or a hint are shown, at most.
const MESSAGE_LIMIT: usize = 1000;

/// One problem in the input: a [`Kind`] (its code, severity and wording)
/// made text, and where it is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    severity: Severity,
    /// The kind's stable code, `E0201`.
    code: &'static str,
    message: String,
    hint: Option<String>,
    /// Boxed: most results carrying a diagnostic are `Ok`, so the `Err`
    /// side stays small.
    location: Option<Box<Location>>,
    /// A second place, for duplicates and conflicts, and what it is
    /// ("first defined here").
    related: Option<Box<Location>>,
    note: &'static str,
    /// The translation still to do it is, and of which locale: what
    /// `build` and `serve` sum up rather than list.
    todo: Option<Box<(String, Todo, usize)>>,
}

/// A translation still to do: the warnings `build` and `serve` sum up per
/// locale and kind (`check` and `--verbose` list each).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Todo {
    /// Not translated, or still a stub.
    Missing,
    /// The English changed since it was translated.
    Stale,
    /// The same text as the English.
    Unchanged,
    /// Only the translation has it.
    Obsolete,
}

impl Todo {
    /// The word `l10n status --list` takes for it, and lists show.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Todo::Missing => "missing",
            Todo::Stale => "stale",
            Todo::Unchanged => "unchanged",
            Todo::Obsolete => "obsolete",
        }
    }

    /// "432 strings not translated yet", for `n` of them.
    fn count(self, n: usize) -> String {
        match self {
            Todo::Missing => format!("{} not translated yet", plural(n, "string", "strings")),
            Todo::Stale => format!(
                "{} stale: the English changed since",
                plural(n, "translation", "translations")
            ),
            Todo::Unchanged => format!(
                "{} the same as the English",
                plural(n, "translation", "translations")
            ),
            Todo::Obsolete => format!(
                "{} the English no longer has",
                plural(n, "obsolete string", "obsolete strings")
            ),
        }
    }
}

impl Diagnostic {
    /// A problem of `kind`: its code, severity, message and hint are the
    /// kind's ([`Kind`] holds every wording).
    pub(crate) fn new(kind: Kind) -> Self {
        Diagnostic {
            severity: kind.severity(),
            code: kind.code(),
            message: kind.message(),
            hint: kind.hint(),
            location: None,
            related: None,
            note: kind.note(),
            todo: None,
        }
    }

    /// Marks the diagnostic as a translation of `locale` still to do.
    pub(crate) fn todo(self, locale: &str, todo: Todo) -> Self {
        self.todo_of(locale, todo, 1)
    }

    /// Marks the diagnostic as `strings` translations of `locale` still to
    /// do (a message missing with its attributes is one diagnostic).
    pub(crate) fn todo_of(mut self, locale: &str, todo: Todo, strings: usize) -> Self {
        self.todo = Some(Box::new((locale.to_string(), todo, strings)));
        self
    }

    /// Points the diagnostic at `span` of `file`.
    pub fn at(mut self, file: &SourceFile, span: Span) -> Self {
        self.location = Some(Box::new(Location::of(file, span)));
        self
    }

    /// Names a second place (the first definition of a duplicate): `span`
    /// of `file`. Not where the diagnostic itself points (two members of
    /// one family pattern clash at the pattern): a note there says nothing.
    pub fn first_at(mut self, file: &SourceFile, span: Span) -> Self {
        let here = self
            .location
            .as_ref()
            .is_some_and(|l| l.span == Some(span) && l.path == file.path());
        if !here {
            self.related = Some(Box::new(Location::of(file, span)));
        }
        self
    }

    /// The kind's stable code (`E0201`).
    pub fn code(&self) -> &'static str {
        self.code
    }
}

impl Location {
    /// `span` of `file`, with the window of its line a snippet shows.
    fn of(file: &SourceFile, span: Span) -> Location {
        let column = span.start.column.saturating_sub(1) as usize;
        // The window: some context before the span, the span, the rest
        // (lines may be long: read no more than the window).
        let total = file.line_chars(span.start.line);
        let skipped = if total <= WINDOW {
            0
        } else {
            column.saturating_sub(WINDOW / 3).min(total - WINDOW)
        };
        let (window, cut) = file.line_window(span.start.line, skipped, WINDOW);
        Location {
            path: file.path().to_path_buf(),
            span: Some(span),
            line_text: window.to_string(),
            skipped,
            cut,
        }
    }

    /// `path:line:col` (or the path alone), made printable.
    fn write_place(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}",
            crate::console::printable(&self.path.display().to_string())
        )?;
        if let Some(span) = self.span {
            write!(f, ":{}:{}", span.start.line, span.start.column)?;
        }
        Ok(())
    }

    fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "path": self.path.to_string_lossy().replace('\\', "/"),
            "line": self.span.map(|s| s.start.line),
            "column": self.span.map(|s| s.start.column),
        })
    }
}

impl Diagnostic {
    /// Points the diagnostic at a whole file or folder.
    pub fn at_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.location = Some(Box::new(Location {
            path: path.into(),
            span: None,
            line_text: String::new(),
            skipped: 0,
            cut: false,
        }));
        self
    }

    /// How bad it is.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// What is wrong, without location or hint.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The file it points at, if any.
    pub fn path(&self) -> Option<&Path> {
        self.location.as_ref().map(|l| l.path.as_path())
    }

    /// The diagnostic as JSON, for `--format json`:
    /// `{severity, code, path, line, column, message, hint, first}`
    /// (absent parts null; `first` is `{path, line, column}`).
    pub fn to_json(&self) -> serde_json::Value {
        let span = self.location.as_ref().and_then(|l| l.span);
        serde_json::json!({
            "severity": self.severity.label(),
            "code": self.code,
            "path": self.location.as_ref().map(|l| l.path.to_string_lossy().replace('\\', "/")),
            "line": span.map(|s| s.start.line),
            "column": span.map(|s| s.start.column),
            "message": self.message,
            "hint": self.hint,
            "first": self.related.as_ref().map(|l| l.to_json()),
            "locale": self.todo.as_ref().map(|t| t.0.as_str()),
            "todo": self.todo.as_ref().map(|t| t.1.name()),
            "strings": self.todo.as_ref().map(|t| t.2),
        })
    }

    fn sort_key(&self) -> (u8, Option<(&Path, u32, u32)>) {
        match &self.location {
            None => (1, None),
            Some(l) => (
                0,
                Some((
                    l.path.as_path(),
                    l.span.map_or(0, |s| s.start.line),
                    l.span.map_or(0, |s| s.start.column),
                )),
            ),
        }
    }
}

impl Severity {
    /// `error`, `warning`.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// `path:line:col: error[E0225]: message — hint`, the line and a caret;
/// then `path:line:col: note: first defined here` and its line when there
/// is a second place.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, false)
    }
}

/// A diagnostic shown with its labels in colour, or not.
pub(crate) struct Shown<'d> {
    diagnostic: &'d Diagnostic,
    colour: bool,
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.diagnostic.write(f, self.colour)
    }
}

impl Diagnostic {
    /// The diagnostic as text, its labels in ANSI colours if `colour`.
    pub(crate) fn display(&self, colour: bool) -> Shown<'_> {
        Shown {
            diagnostic: self,
            colour,
        }
    }

    fn write(&self, f: &mut fmt::Formatter<'_>, colour: bool) -> fmt::Result {
        let paint = |sgr: &str, text: &str| crate::console::styled(colour, sgr, text);
        let sgr = match self.severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Note => "1;36",
        };
        if let Some(location) = &self.location {
            location.write_place(f)?;
            write!(f, ": ")?;
        }
        let label = format!("{}[{}]", self.severity.label(), self.code);
        write!(f, "{}: {}", paint(sgr, &label), bounded(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, " — {}", bounded(hint))?;
        }
        writeln!(f)?;
        if let Some(location) = self.location.as_deref() {
            write_snippet(f, location, &paint(sgr, "^"))?;
        }
        if let Some(first) = self.related.as_deref() {
            first.write_place(f)?;
            writeln!(f, ": {}: {}", paint("1;36", "note"), self.note)?;
            write_snippet(f, first, &paint("1;36", "-"))?;
        }
        Ok(())
    }
}

/// `text` made printable, cut at `MESSAGE_LIMIT` characters.
fn bounded(text: &str) -> String {
    let mut shown = crate::console::printable(text);
    if let Some((at, _)) = shown.char_indices().nth(MESSAGE_LIMIT) {
        shown.truncate(at);
        shown.push('…');
    }
    shown
}

/// Draws the offending line (its window) and `mark` (`^`, or `-` under a
/// second place) under the span:
///
/// ```text
///    |
/// 12 |       - code: 1006
///    |               ^^^^
/// ```
fn write_snippet(f: &mut fmt::Formatter<'_>, location: &Location, mark: &str) -> fmt::Result {
    let Some(span) = location.span else {
        return Ok(());
    };
    let number = span.start.line.to_string();
    let gutter = " ".repeat(number.len());
    let lead = if location.skipped > 0 { "…" } else { "" };
    let tail = if location.cut { "…" } else { "" };
    let shown = crate::console::printable(&location.line_text);
    let mut pad = String::from(if location.skipped > 0 { " " } else { "" });
    let mut chars = shown.chars();
    let column = (span.start.column.saturating_sub(1) as usize).saturating_sub(location.skipped);
    for c in chars.by_ref().take(column) {
        pad.push(if c == '\t' { '\t' } else { ' ' });
        for _ in 1..c.width().unwrap_or(0) {
            pad.push(' ');
        }
    }
    let marked: usize = chars
        .take(span.len.max(1) as usize)
        .map(|c| c.width().unwrap_or(0).max(1))
        .sum();
    writeln!(f, "{gutter} |")?;
    writeln!(f, "{number} | {lead}{shown}{tail}")?;
    writeln!(f, "{gutter} | {pad}{}", mark.repeat(marked.max(1)))
}

/// How many problems a run keeps to show; the others are counted.
const KEPT: usize = 500;

/// The problems of one run, in the order they are shown.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// What is already reported (by hash): a message formatted for each of
    /// a family's members fails the same way each time, and says so once.
    seen: std::collections::HashSet<u64>,
    /// Errors and warnings past the first `KEPT`, counted, not kept: the
    /// hash and severity of each (lists merge without counting one problem
    /// twice).
    dropped: Vec<Dropped>,
    /// How many of `items` are translations still to do.
    todos: usize,
}

/// A problem counted but not kept: its hash, its severity, and the
/// translation still to do it is.
#[derive(Debug)]
struct Dropped {
    hash: u64,
    severity: Severity,
    todo: Option<Box<(String, Todo, usize)>>,
}

impl Diagnostics {
    /// No problems yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let hash = BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default()
            .hash_one(&diagnostic);
        if !self.seen.insert(hash) {
            return;
        }
        // Translations still to do have a budget of their own: a new
        // locale's hundreds of them do not push the other problems out.
        let todo = diagnostic.todo.is_some();
        let kept = if todo {
            self.todos
        } else {
            self.items.len() - self.todos
        };
        if kept < KEPT {
            self.todos += usize::from(todo);
            self.items.push(diagnostic);
        } else {
            self.dropped.push(Dropped {
                hash,
                severity: diagnostic.severity,
                todo: diagnostic.todo,
            });
        }
    }

    /// How many problems are counted but not kept to show.
    pub fn not_shown(&self) -> usize {
        self.dropped.len()
    }

    /// Adds every problem of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        for d in other.items {
            self.push(d);
        }
        // What `other` counted but did not keep stays counted, once.
        for dropped in other.dropped {
            if self.seen.insert(dropped.hash) {
                self.dropped.push(dropped);
            }
        }
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.not_shown() == 0
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// How many errors.
    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    /// How many warnings.
    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    /// How many notes.
    pub fn note_count(&self) -> usize {
        self.count(Severity::Note)
    }

    fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
            + self
                .dropped
                .iter()
                .filter(|d| d.severity == severity)
                .count()
    }

    /// The problems, sorted by file and position (located ones first); the
    /// order of problems at the same place is the order they were found.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        items
    }

    /// Prints the problems to standard error, sorted by file and position,
    /// the warnings as `warnings` says; their labels coloured where
    /// standard error is (`--color`).
    pub(crate) fn print(&self, warnings: Listed) {
        let colour = crate::console::colour(crate::console::Stream::Err);
        crate::console::tell_raw(&self.render(warnings, colour));
    }

    /// What [`Diagnostics::print`] writes, as text.
    pub(crate) fn render(&self, warnings: Listed, colour: bool) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let summed = warnings == Listed::Summed;
        for d in self.sorted().into_iter().filter(|d| {
            d.severity() == Severity::Error
                || warnings == Listed::Each
                || (summed && d.todo.is_none())
        }) {
            let _ = write!(out, "{}", d.display(colour));
        }
        if summed {
            out.push_str(&self.todo_lines(colour));
        }
        let not_shown = self
            .dropped
            .iter()
            .filter(|d| !summed || d.todo.is_none())
            .count();
        if not_shown > 0 {
            let _ = writeln!(
                out,
                "… and {} more, not shown (the first ones are; fix them and run again)",
                plural(not_shown, "problem", "problems")
            );
        }
        out
    }

    /// One line per locale and kind of translation still to do:
    /// `warning: ja: 432 strings not translated yet — …`.
    fn todo_lines(&self, colour: bool) -> String {
        let mut counts: std::collections::BTreeMap<(&str, Todo), usize> = Default::default();
        let todos = self
            .items
            .iter()
            .map(|d| &d.todo)
            .chain(self.dropped.iter().map(|d| &d.todo));
        for (locale, todo, strings) in todos.flatten().map(|t| (t.0.as_str(), t.1, t.2)) {
            *counts.entry((locale, todo)).or_default() += strings;
        }
        let label = crate::console::styled(colour, "1;33", "warning");
        counts
            .into_iter()
            .map(|((locale, todo), n)| {
                let locale = crate::console::printable(locale);
                format!(
                    "{label}: {locale}: {} — `errdoc l10n status {locale} --list {}` lists them\n",
                    todo.count(n),
                    todo.name()
                )
            })
            .collect()
    }

    /// "2 errors and 1 warning", for summary lines.
    pub fn summary(&self) -> String {
        let errors = self.error_count();
        let warnings = self.warning_count();
        format!(
            "{} and {}",
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings")
        )
    }
}

/// Which warnings a report shows (errors are always shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Listed {
    /// Every one.
    Each,
    /// Each but the translations still to do, which are summed up.
    Summed,
    /// None: errors only.
    Errors,
}

impl Listed {
    /// The warnings of a command that prints them: the translations still
    /// to do summed up, or with `--verbose` each.
    pub(crate) fn summed() -> Listed {
        if crate::console::verbose() {
            Listed::Each
        } else {
            Listed::Summed
        }
    }
}

/// "1 error", "2 errors".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_counted_but_not_kept_stay_counted_when_merged() {
        let mut part = Diagnostics::new();
        for code in 0..(KEPT + 7) as crate::catalog::CodeNumber {
            part.push(Diagnostic::new(Kind::DuplicateCode { code }));
        }
        assert_eq!(part.not_shown(), 7);
        let mut all = Diagnostics::new();
        all.extend(part);
        assert_eq!(all.error_count(), KEPT + 7);
        assert_eq!(all.not_shown(), 7);
        // The same problems again (another locale falling back to the same
        // text): counted once.
        let mut again = Diagnostics::new();
        for code in 0..(KEPT + 7) as crate::catalog::CodeNumber {
            again.push(Diagnostic::new(Kind::DuplicateCode { code }));
        }
        all.extend(again);
        assert_eq!(all.error_count(), KEPT + 7);
    }

    #[test]
    fn renders_location_hint_line_and_caret() {
        let file = SourceFile::new("catalog/codes.yaml", "a:\n  - code: 1006\n".to_string());
        let start = file.text().find("1006").unwrap();
        let d = Diagnostic::new(Kind::DuplicateCode { code: 1006 })
            .at(&file, file.span(start, start + 4));
        assert_eq!(
            d.to_string(),
            "catalog/codes.yaml:2:11: error[E0225]: code 1006 is defined twice — give each code one entry\n  |\n2 |   - code: 1006\n  |           ^^^^\n"
        );
    }

    #[test]
    fn a_second_place_is_shown_and_in_json() {
        let file = SourceFile::new("c.yaml", "- code: 7\n- code: 7\n".to_string());
        let d = Diagnostic::new(Kind::DuplicateCode { code: 7 })
            .at(&file, file.span(18, 19))
            .first_at(&file, file.span(8, 9));
        assert_eq!(
            d.to_string(),
            "c.yaml:2:9: error[E0225]: code 7 is defined twice — give each code one entry\n  |\n2 | - code: 7\n  |         ^\nc.yaml:1:9: note: first defined here\n  |\n1 | - code: 7\n  |         -\n"
        );
        let json = d.to_json();
        assert_eq!(json["code"], "E0225");
        assert_eq!(json["first"]["line"], 1);
        assert_eq!(json["first"]["column"], 9);
    }

    #[test]
    fn a_second_place_that_is_the_first_is_no_note() {
        let file = SourceFile::new("c.yaml", "- { base: 1, name: \"A_{name}\" }\n".to_string());
        let span = file.span(19, 29);
        let d = Diagnostic::new(Kind::DuplicateCode { code: 7 })
            .at(&file, span)
            .first_at(&file, span);
        assert!(!d.to_string().contains("note"), "{d}");
        assert_eq!(d.to_json()["first"], serde_json::Value::Null);
    }

    #[test]
    fn caret_is_placed_by_display_width() {
        let file = SourceFile::new("a.ftl", "连接 = {\n".to_string());
        let start = file.text().find('{').unwrap();
        let d = Diagnostic::new(Kind::LevelOfCode).at(&file, file.span(start, start + 1));
        assert!(
            d.to_string().ends_with("1 | 连接 = {\n  |        ^\n"),
            "{d}"
        );
    }

    #[test]
    fn control_characters_are_neutralised() {
        let d = Diagnostic::new(Kind::EmptyModule {
            module: "bad \u{1b}[31m name".into(),
        });
        assert!(
            d.to_string()
                .starts_with("warning[E0215]: module `bad \u{fffd}[31m name` has nothing"),
            "{d}"
        );
    }

    #[test]
    fn sorted_puts_files_in_order_and_counts() {
        let mut all = Diagnostics::new();
        all.push(Diagnostic::new(Kind::NoModules).at_path("b"));
        all.push(Diagnostic::new(Kind::NotAFile).at_path("a"));
        all.push(Diagnostic::new(Kind::CatalogMissing));
        let order: Vec<&str> = all.sorted().iter().map(|d| d.code()).collect();
        assert_eq!(order, ["E0502", "E0212", "E0101"]);
        assert_eq!(all.summary(), "2 errors and 1 warning");
    }

    #[test]
    fn a_long_line_shows_a_window_around_the_caret() {
        let line = format!("{}BAD{}", "a".repeat(50_000), "b".repeat(50_000));
        let file = SourceFile::new("catalog/codes.yaml", line.clone());
        let start = line.find("BAD").unwrap();
        let d = Diagnostic::new(Kind::YamlSyntax {
            detail: "x".repeat(5000),
        })
        .at(&file, file.span(start, start + 3));
        let shown = d.to_string();
        assert!(shown.len() < 1800, "{} bytes", shown.len());
        let lines: Vec<&str> = shown.lines().collect();
        assert!(lines[0].contains("x… — a YAML"), "{}", lines[0]);
        assert!(
            lines[2].starts_with("1 | …aaa") && lines[2].ends_with("bbb…"),
            "{}",
            lines[2]
        );
        // The caret is under `BAD` (`…` is one column wide).
        let caret = lines[3].chars().position(|c| c == '^').unwrap();
        let under: String = lines[2].chars().skip(caret).take(3).collect();
        assert_eq!(under, "BAD");
        assert_eq!(lines[3].matches('^').count(), 3);
    }
}
