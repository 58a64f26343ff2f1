//! Everything errdoc prints goes through here (diagnostics through
//! [`crate::diagnostic::Diagnostics::print`], which asks it for colour), with the choices the
//! command line made once (`--color`, `--quiet`, `-W`): colours per stream,
//! the width text is wrapped to, whether status lines are shown, whether
//! warnings fail a command.
//!
//! Writing to a closed standard output or error (`errdoc export --format
//! json | head`) drops the text, as Unix tools do; it never panics. Text
//! that comes from a file is made [`printable`] first: a hostile file name
//! or message cannot move the terminal's cursor or change its colours.

use std::io::{IsTerminal as _, Write as _};
use std::sync::OnceLock;

/// When to colour the output (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`.
    #[default]
    Auto,
    /// Always (a pager that shows colours: `errdoc check --color always | less -R`).
    Always,
    /// Never.
    Never,
}

/// A standard stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stream {
    /// Standard output: what a command produces.
    Out,
    /// Standard error: diagnostics and status lines.
    Err,
}

/// The choices, made once.
#[derive(Debug)]
struct Console {
    colour_out: bool,
    colour_err: bool,
    /// Columns of the terminal standard output writes to; 0 when it is not
    /// a terminal (nothing is wrapped then).
    width: usize,
    quiet: bool,
    deny_warnings: bool,
    verbose: bool,
}

static CONSOLE: OnceLock<Console> = OnceLock::new();

impl Console {
    fn new(color: ColorChoice, flags: Flags) -> Console {
        let auto = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
        let colour = |terminal: bool| match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => auto && terminal,
        };
        let stdout_terminal = std::io::stdout().is_terminal();
        Console {
            colour_out: colour(stdout_terminal),
            colour_err: colour(std::io::stderr().is_terminal()),
            width: if stdout_terminal {
                terminal_size::terminal_size().map_or(80, |(w, _)| usize::from(w.0).min(100))
            } else {
                0
            },
            quiet: flags.quiet,
            deny_warnings: flags.deny_warnings,
            verbose: flags.verbose,
        }
    }
}

/// The command line's flags of what to print: `--quiet`, `-W`, `--verbose`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Flags {
    pub quiet: bool,
    pub deny_warnings: bool,
    pub verbose: bool,
}

/// Makes the choices of the command line; the first call wins (later ones,
/// and output before any, use the defaults: `--color auto`, not quiet,
/// warnings allowed).
pub(crate) fn configure(color: ColorChoice, flags: Flags) {
    let _ = CONSOLE.set(Console::new(color, flags));
}

fn console() -> &'static Console {
    CONSOLE.get_or_init(|| Console::new(ColorChoice::Auto, Flags::default()))
}

/// Whether every warning is listed (`--verbose`), not the translations
/// still to do summed up per locale.
pub(crate) fn verbose() -> bool {
    console().verbose
}

/// Whether warnings fail a command (`-W`).
pub(crate) fn deny_warnings() -> bool {
    console().deny_warnings
}

/// Whether text written to `stream` is coloured.
pub(crate) fn colour(stream: Stream) -> bool {
    match stream {
        Stream::Out => console().colour_out,
        Stream::Err => console().colour_err,
    }
}

/// The width to wrap standard output to; 0: do not wrap.
pub(crate) fn width() -> usize {
    console().width
}

/// `text` in the ANSI style `sgr` (`1` bold, `31` red …) when `stream` is
/// coloured. `text` is written as it is: make input [`printable`] first.
pub(crate) fn paint(stream: Stream, sgr: &str, text: &str) -> String {
    styled(colour(stream), sgr, text)
}

/// `text` in the ANSI style `sgr` if `on`, else as it is: the one place
/// errdoc writes an escape sequence.
pub(crate) fn styled(on: bool, sgr: &str, text: &str) -> String {
    if on {
        format!("\x1b[{sgr}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// Writes `text` and a newline to standard output.
pub(crate) fn say(text: &str) {
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

/// Writes `text` and a newline to standard error.
pub(crate) fn tell(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// With `ERRDOC_TIMINGS` set, prints `timing: {what} at {seconds}s`, the
/// seconds since the process's first mark (for BENCHMARKS.md's phase
/// tables; the page counts are read by tests).
pub(crate) fn timing(what: impl FnOnce() -> String) {
    static START: OnceLock<Option<std::time::Instant>> = OnceLock::new();
    let Some(start) =
        START.get_or_init(|| std::env::var_os("ERRDOC_TIMINGS").map(|_| std::time::Instant::now()))
    else {
        return;
    };
    tell(&format!(
        "timing: {} at {:.3}s",
        what(),
        start.elapsed().as_secs_f64()
    ));
}

/// Writes `text` as it is to standard error.
pub(crate) fn tell_raw(text: &str) {
    let _ = write!(std::io::stderr().lock(), "{text}");
}

/// Writes a status line (`build: … written`, `created …`) to standard
/// output, unless `--quiet`.
pub(crate) fn status(text: &str) {
    if !console().quiet {
        say(text);
    }
}

/// Input text with control characters made visible, so a hostile file name
/// or message cannot move the terminal's cursor or change its colours.
pub(crate) fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect()
}

/// Lines of text with control characters made visible, the line breaks
/// and tabs kept (Markdown written to the terminal).
pub(crate) fn printable_lines(text: &str) -> String {
    text.split('\n')
        .map(printable)
        .collect::<Vec<_>>()
        .join("\n")
}
