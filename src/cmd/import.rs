//! `errdoc import --locale L [--module ID] FILE.md…`.

use std::path::Path;
use std::process::ExitCode;

use crate::catalog::CodeNumber;
use crate::cli::ImportArgs;
use crate::cmd::failure;
use crate::diagnostic::{Diagnostics, Severity, plural};
use crate::import::{self, FileReport, parse};
use crate::model::Model;
use crate::project::{Project, Rendered};

/// `say!` for a line that carries a page's text: control characters made
/// visible, so a page cannot drive the terminal (OSC 52, screen clears).
macro_rules! show {
    ($($arg:tt)*) => {
        say!("{}", crate::console::printable(&format!($($arg)*)))
    };
}

/// Runs `errdoc import`.
pub(crate) fn run(root: &Path, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    if !can_import(root, args) {
        return Ok(failure());
    }
    let locale = &args.locale;
    // One writer at a time: two imports at once would each write what the
    // other read before.
    let _lock = crate::output::lock(root, "import")?;
    let report = import::import(
        root,
        &args.files,
        locale,
        args.module.as_deref(),
        args.overwrite,
    )?;

    // Build again and compare each imported page with the page made of it.
    let mut diags = Diagnostics::new();
    let rendered = Project::rendered(root, None, &mut diags)?;
    let errors: Vec<_> = diags
        .sorted()
        .into_iter()
        .filter(|d| d.severity() == Severity::Error)
        .collect();

    let model = rendered.as_ref().map(|r| r.project.model());
    let mut failed = !errors.is_empty();
    for file in &report.files {
        show!("{}: module `{}`", file.path.display(), file.module);
        if let Some(why) = &file.skipped {
            show!("  not imported: {why}");
            failed = true;
            continue;
        }
        summary(file);
        conflicts(file, args.overwrite);
        round_trip(file, rendered.as_ref(), model.as_ref(), locale);
    }
    if report.written.is_empty() {
        show!("nothing changed");
    } else {
        show!(
            "wrote {}",
            report
                .written
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let colour = crate::console::colour(crate::console::Stream::Err);
    for d in &errors {
        tell_raw!("{}", d.display(colour));
    }
    Ok(if failed { failure() } else { ExitCode::SUCCESS })
}

/// Whether the import can start: the locale is a language tag written the
/// canonical way, the module given (if any) is an id, and `root` is a
/// project. Says why not.
fn can_import(root: &Path, args: &ImportArgs) -> bool {
    let locale = &args.locale;
    if !crate::locales::is_locale_tag(locale) {
        tell!("error: `{locale}` is not a language tag written the canonical way (`en`, `zh-CN`)");
        return false;
    }
    // A module's id names its .ftl files: it must not lead anywhere.
    if let Some(module) = &args.module
        && !crate::catalog::is_id(module)
    {
        tell!(
            "error: `{}` is not a module id: a lowercase letter, then lowercase letters, digits and `-` (`net-socket`)",
            crate::console::printable(module)
        );
        return false;
    }
    if !root.join(crate::catalog::CATALOG_PATH).exists() {
        tell!(
            "error: {} is not an errdoc project — `errdoc init` creates one",
            root.display()
        );
        return false;
    }
    true
}

/// Compares an imported page with the page built from it, if the project
/// builds: section by section, heading by heading, then line by line.
fn round_trip(file: &FileReport, rendered: Option<&Rendered>, model: Option<&Model>, locale: &str) {
    let built = rendered.and_then(|rendered| {
        let module = rendered
            .project
            .catalog
            .modules
            .iter()
            .find(|m| m.id.value == file.module)?;
        let path = format!("md/{locale}/{}.md", module.page.value);
        let text = rendered
            .output
            .files()
            .find(|(p, _)| *p == Path::new(&path))
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())?;
        Some((rendered, text))
    });
    match built {
        Some((rendered, text)) => {
            let built = parse::page(&text);
            let (exact, total, differences) = import::round_trip(&file.sections, &built);
            show!(
                "  round trip: {exact} of {total} sections say exactly the same on the built page"
            );
            for d in differences
                .into_iter()
                .chain(import::headings_round_trip(&file.headings, &built))
            {
                show!("    {d}");
            }
            let misfits = model
                .map(|m| Project::layout_misfits(&rendered.look, m, locale, &file.module))
                .unwrap_or_default();
            lines_report(
                file,
                &import::compare_lines(&file.text, &text, &file.parts(), &misfits),
                locale,
            );
        }
        _ => {
            show!("  round trip: not checked — the project does not build yet (`errdoc check`)")
        }
    }
}

/// How many differences the report lists; `build --diff` shows them all.
const DIFFERENCES_SHOWN: usize = 12;

/// The line round trip of one page: how much comes back as it was, and
/// where and why the rest will differ.
fn lines_report(file: &FileReport, report: &import::LineReport, locale: &str) {
    show!(
        "  lines: {} of {} come back as they were ({:.1} %), {} added",
        report.identical,
        report.lines,
        report.identical_percent(),
        report.added
    );
    for d in report.differences.iter().take(DIFFERENCES_SHOWN) {
        let lines = match d.lines.len() {
            0 => format!("after line {}", d.lines.start - 1),
            1 => format!("line {}", d.lines.start),
            _ => format!("lines {}–{}", d.lines.start, d.lines.end - 1),
        };
        show!("    {lines}: {}", d.why);
    }
    if report.differences.len() > DIFFERENCES_SHOWN {
        show!(
            "    … and {} more: `errdoc build --diff {} --locale {locale}` shows every line",
            report.differences.len() - DIFFERENCES_SHOWN,
            file.path.display()
        );
    }
}

/// How many fields the page says otherwise the report lists per page.
const CONFLICTS_SHOWN: usize = 50;

/// The fields the page says otherwise than the project: kept (a hand edit
/// is never lost silently) or, with `--overwrite`, replaced.
fn conflicts(file: &FileReport, overwrite: bool) {
    if file.conflicts.is_empty() {
        return;
    }
    let fields = plural(file.conflicts.len(), "field", "fields");
    if overwrite {
        show!("  replaced {fields} with what the page says (--overwrite):");
    } else {
        show!(
            "  kept {fields} the page says otherwise (a hand edit, or what an older page said); `--overwrite` takes the page's:"
        );
    }
    let quoted = |text: &str| {
        if text.is_empty() {
            "nothing".to_string()
        } else {
            let short: String = text.chars().take(80).collect();
            let more = if short.len() < text.len() { "…" } else { "" };
            format!("`{}{more}`", short.replace('\n', "⏎"))
        }
    };
    for c in file.conflicts.iter().take(CONFLICTS_SHOWN) {
        show!(
            "    line {}: {}: {} here, {} on the page",
            c.line,
            c.what,
            quoted(&c.ours),
            quoted(&c.page)
        );
    }
    if file.conflicts.len() > CONFLICTS_SHOWN {
        show!("    … and {} more", file.conflicts.len() - CONFLICTS_SHOWN);
    }
}

/// `2301001, 2301002, 2301003`.
fn numbers(codes: &[CodeNumber]) -> String {
    codes
        .iter()
        .map(CodeNumber::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The lines of one file's report: what went where, and everything that
/// was kept as drift, left out or found twice.
fn summary(file: &FileReport) {
    let line_of = |code: CodeNumber| {
        file.sections
            .iter()
            .find(|s| s.code == code)
            .map_or(0, |s| s.line)
    };
    show!(
        "  {}: {} added, {} merged, {} listed from other modules{}",
        plural(file.sections.len(), "code", "codes"),
        file.added.len(),
        file.merged.len(),
        file.listed.len(),
        if file.headings.is_empty() {
            String::new()
        } else {
            format!("; {}", plural(file.headings.len(), "heading", "headings"))
        }
    );
    for (code, owner) in &file.listed {
        let own = if file.own_texts.contains(code) {
            "; this page says something else about it than its own page: kept as this page's text"
        } else {
            ""
        };
        show!(
            "  line {}: code {code} is defined by module `{owner}`: listed here{own}",
            line_of(*code)
        );
    }
    for (line, what) in &file.drift {
        show!("  line {line}: drift: {what}");
    }
    for (code, line) in &file.duplicates {
        show!(
            "  line {line}: code {code} again — the first section is the code's; this one stays on the page as written (in its layout only)"
        );
    }
    if !file.placeholders.is_empty() {
        show!(
            "  English placeholders (titles from the Error Message) for {}; write their English text, then delete their `{{{{absent …}}}}` lines in the English page's layout (layouts/) so that page shows them",
            numbers(&file.placeholders)
        );
    }
    // Nothing is lost: the page's layout keeps what has no place in the
    // catalog or the translations, but nothing else knows it.
    // Raw HTML the layout keeps escaped is said once, as escaped.
    let escaped: Vec<usize> = file.escaped.iter().map(|(line, _)| *line).collect();
    for (line, what) in file
        .unmapped
        .iter()
        .filter(|(line, _)| !escaped.contains(line))
    {
        if *line == 0 {
            show!("  in the page's layout only: {what}");
        } else {
            show!("  line {line}: in the page's layout only: {what}");
        }
    }
    for (line, what) in &file.dropped {
        show!("  line {line}: not imported: {what}");
    }
    for (line, what) in &file.escaped {
        show!("  line {line}: escaped: {what}");
    }
}
