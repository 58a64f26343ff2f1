//! The command line, declared once with clap's derive API: the doc comments
//! below are the `--help` text.

use std::path::PathBuf;

use crate::diagnostic::Todo;

use clap::{Args, Parser, Subcommand};

/// Error-code reference pages (Markdown, in every locale) from one YAML
/// catalog and its Fluent translations.
#[derive(Debug, Parser)]
#[command(name = "errdoc", version, about, max_term_width = 100)]
pub(crate) struct Cli {
    /// The project folder: the one holding catalog/, locales/, templates/ and site/
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,

    /// When to colour the output: auto (on a terminal, unless NO_COLOR is
    /// set), always, never
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t)]
    pub color: crate::console::ColorChoice,

    /// Print no status lines (`build: … written`, `created …`); errors,
    /// warnings and what a command is asked for are still printed
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// Fail (exit status 1) on warnings too, in every command that reads
    /// the project (`errdoc -W build` in CI)
    #[arg(short = 'W', long, global = true)]
    pub deny_warnings: bool,

    /// List every warning: `build` and `serve` otherwise sum up the
    /// translations still to do in one line per locale and kind (`check`
    /// always lists them)
    #[arg(short = 'v', long, global = true)]
    pub verbose: bool,

    /// What to do
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Validate the project, then write every page under site/
    Build(BuildArgs),
    /// Validate and render everything, but write nothing
    Check(CheckArgs),
    /// The translator's workflow: status, diff, confirm, sync, add
    #[command(subcommand)]
    L10n(L10nCommand),
    /// Explain an error code in the terminal (offline, in any language)
    Explain(ExplainArgs),
    /// Explain one of errdoc's own errors (E0225): what it means, how to fix it
    ExplainError(ExplainErrorArgs),
    /// Export the catalog for other programs: JSON, CSV, Rust, TypeScript, ArkTS or C
    Export(ExportArgs),
    /// Compare the catalog with an earlier release: what would break apps
    Compat(CompatArgs),
    /// Find the codes source code uses that the catalog does not document
    Scan(ScanArgs),
    /// Preview the site: build, serve it on loopback, rebuild and reload on change
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
    /// Create a new, buildable project
    Init(InitArgs),
    /// Bring hand-written errorcode-*.md pages into the project
    Import(ImportArgs),
    /// Print a shell's completion script (`errdoc completions bash >
    /// ~/.local/share/bash-completion/completions/errdoc`)
    Completions(CompletionsArgs),
    /// Print a manual page, in roff (`errdoc man > errdoc.1; man ./errdoc.1`)
    Man(ManArgs),
}

/// Options of `errdoc compat`.
#[derive(Debug, Args)]
pub(crate) struct CompatArgs {
    /// The earlier release: a git revision of the project (a tag such as
    /// v1.0, a commit), read with `git show`, or a file of `errdoc export
    /// --format json`
    #[arg(long, value_name = "REV|FILE")]
    pub against: String,

    /// `text`: the changes on standard error, located; `json`: one
    /// document on standard output
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Options of `errdoc scan`.
#[derive(Debug, Args)]
pub(crate) struct ScanArgs {
    /// Files or folders of source code (C, C++, Rust, TypeScript, ArkTS,
    /// JavaScript, Java, Kotlin, Python, Go, C#, Swift, Objective-C)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<std::path::PathBuf>,

    /// Also warn about each documented code no source file mentions
    #[arg(long)]
    pub unused: bool,

    /// `text`: the findings on standard error, located; `json`: one
    /// document on standard output
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Options of `errdoc man`.
#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    /// The subcommand whose page to print (`build`, `l10n status`); none:
    /// errdoc(1), which lists them
    #[arg(value_name = "SUBCOMMAND")]
    pub subcommand: Vec<String>,

    /// Write every page (errdoc.1, errdoc-build.1, …) into this folder
    /// instead (`errdoc man --out ~/.local/share/man/man1`)
    #[arg(long, value_name = "DIR", conflicts_with = "subcommand")]
    pub out: Option<std::path::PathBuf>,
}

/// Options of `errdoc completions`.
#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Options of `errdoc init`.
#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// The folder to create the project in (default: --root)
    #[arg(value_name = "DIR")]
    pub dir: Option<std::path::PathBuf>,
}

/// Options of `errdoc import`.
#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The language the pages are written in (`en`, `zh-CN`)
    #[arg(long, value_name = "LOCALE")]
    pub locale: String,

    /// The module to import into (default: from each file name,
    /// `errorcode-net-socket.md` → `net-socket`)
    #[arg(long, value_name = "ID")]
    pub module: Option<String>,

    /// Replace what the catalog, the translations and the layouts hold
    /// where a page says otherwise (default: keep it and report each field)
    #[arg(long)]
    pub overwrite: bool,

    /// The pages
    #[arg(required = true, value_name = "FILE.md")]
    pub files: Vec<std::path::PathBuf>,
}

/// Options of `errdoc explain`.
#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// A code (2303210), a constant name (SOCKET_ETIMEDOUT, any case), an
    /// errno name (ETIMEDOUT: every code built on it), or a number in a
    /// range of codes (4001)
    #[arg(value_name = "CODE|NAME", allow_negative_numbers = true)]
    pub query: String,

    /// The language (default: LC_ALL, LC_MESSAGES or LANG when it names a
    /// locale of the catalog, else the source language)
    #[arg(long, value_name = "LOCALE")]
    pub lang: Option<String>,

    /// `text` for the terminal, `markdown`, or `json` (the schema of
    /// codes.json; with --catalog, the file's own records)
    #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,

    /// Explain from this file instead of a project: what `errdoc export
    /// --format json` writes, or a site's codes.json
    #[arg(long, value_name = "FILE")]
    pub catalog: Option<std::path::PathBuf>,
}

/// Options of `errdoc explain-error`.
#[derive(Debug, Args)]
pub(crate) struct ExplainErrorArgs {
    /// The code errdoc printed in brackets: `error[E0225]` (E0225, e225 or 225)
    #[arg(value_name = "CODE")]
    pub code: String,

    /// The language: `en` or `zh-CN` (default: LC_ALL, LC_MESSAGES or LANG
    /// when it names one of them, else English)
    #[arg(long, value_name = "LOCALE")]
    pub lang: Option<String>,

    /// `text` for the terminal, `markdown`, or `json`
    #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
}

/// Output formats of `errdoc explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ExplainFormat {
    /// For the terminal (colours and wrapping on a terminal, plain when piped).
    Text,
    /// Markdown, in the pages' house style.
    Markdown,
    /// JSON, in the schema of codes.json.
    Json,
}

/// Options of `errdoc export`.
#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// What to write
    #[arg(long, value_enum)]
    pub format: ExportFormat,

    /// The language of the doc comments of rust, typescript and c (default:
    /// the source language); json and csv have every language
    #[arg(long, value_name = "LOCALE")]
    pub lang: Option<String>,

    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,

    /// What c puts before every name (default: the catalog's
    /// `site.export_prefix`, else `ERRDOC_`; `""` for none)
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Option<String>,
}

/// Formats of `errdoc export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ExportFormat {
    /// Every code with all fields in every language.
    Json,
    /// One row per code, a column per field and language.
    Csv,
    /// A Rust enum with `code()` and `message()`.
    Rust,
    /// A TypeScript object of constants, with types.
    Typescript,
    /// An ArkTS (OpenHarmony) module: an enum and functions, as ArkTS's
    /// strict rules accept (also valid TypeScript).
    Arkts,
    /// A C header of `#define`s and a message function.
    C,
}

/// Options of `errdoc serve`.
#[cfg(feature = "serve")]
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The port (0: any free port)
    #[arg(long, default_value_t = 8000)]
    pub port: u16,

    /// The address to listen on; keep the loopback default unless you mean
    /// to share the preview. On a loopback address a request must name
    /// localhost, 127.0.0.1 or `[::1]` as its host (403 otherwise, against DNS
    /// rebinding); on any other address every host name is accepted
    #[arg(long, default_value = "127.0.0.1")]
    pub host: std::net::IpAddr,

    /// Open the site in the default browser
    #[arg(long)]
    pub open: bool,
}

/// `errdoc l10n …`.
#[derive(Debug, Subcommand)]
pub(crate) enum L10nCommand {
    /// How much of each locale is translated, missing, stale or unchanged, per page
    Status(StatusArgs),
    /// Show how the English changed since a translation was made (word by word)
    Diff(DiffArgs),
    /// Record the current English as the source of the current translation
    Confirm(ConfirmArgs),
    /// Add a stub for every missing message, and record the English of every translation
    Sync(SyncArgs),
    /// Create a new locale with a stub for every message
    Add(AddArgs),
    /// Write a locale's strings for a translation platform: XLIFF 2.0 or gettext PO
    Export(L10nExportArgs),
    /// Read translations back from an XLIFF or PO file into the .ftl files
    Import(L10nImportArgs),
}

/// Options of `errdoc l10n export`.
#[derive(Debug, Args)]
pub(crate) struct L10nExportArgs {
    /// The locale to export
    #[arg(long, value_name = "LOCALE")]
    pub locale: String,

    /// The file format
    #[arg(long, value_enum)]
    pub format: ExchangeFormat,

    /// Write to this file (default: standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Options of `errdoc l10n import`.
#[derive(Debug, Args)]
pub(crate) struct L10nImportArgs {
    /// An XLIFF (.xlf, .xliff) or PO (.po) file, as `l10n export` wrote it
    /// and a platform returned it
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The locale it translates (default: the file's target language)
    #[arg(long, value_name = "LOCALE")]
    pub locale: Option<String>,
}

/// A translation platform's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ExchangeFormat {
    /// XLIFF 2.0
    Xliff,
    /// gettext PO
    Po,
}

/// Options of `errdoc l10n status`.
#[derive(Debug, Args)]
pub(crate) struct StatusArgs {
    /// Only this locale (default: every translation)
    #[arg(value_name = "LOCALE", conflicts_with = "locale")]
    pub tag: Option<String>,

    /// Only this locale (the same as LOCALE)
    #[arg(long, value_name = "LOCALE")]
    pub locale: Option<String>,

    /// List the strings still to do, with file:line: all of them, or
    /// those in one state (the locale goes before it: `l10n status zh-CN
    /// --list`)
    #[arg(
        long,
        value_enum,
        value_name = "STATE",
        num_args = 0..=1,
        default_missing_value = "all"
    )]
    pub list: Option<ListState>,

    /// `text` for people, `json` for tools
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Which strings `l10n status --list` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ListState {
    /// Every string still to do
    All,
    /// Not translated yet, or a stub
    Missing,
    /// Translated, but the English changed since
    Stale,
    /// The same as the English
    Unchanged,
    /// Only the translation has it
    Obsolete,
}

impl ListState {
    /// Whether a string still to do as `todo` is listed.
    pub(crate) fn takes(self, todo: Todo) -> bool {
        let only = match self {
            ListState::All => return true,
            ListState::Missing => Todo::Missing,
            ListState::Stale => Todo::Stale,
            ListState::Unchanged => Todo::Unchanged,
            ListState::Obsolete => Todo::Obsolete,
        };
        todo == only
    }
}

/// Options of `errdoc l10n diff`.
#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    /// Message ids (`code-1006`) or strings (`code-1006.description`)
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,

    /// Only this locale (default: every translation)
    #[arg(long, value_name = "LOCALE")]
    pub locale: Option<String>,
}

/// Options of `errdoc l10n confirm`.
#[derive(Debug, Args)]
pub(crate) struct ConfirmArgs {
    /// Message ids (`code-1006`) or strings (`code-1006.description`)
    #[arg(value_name = "ID", required_unless_present = "all")]
    pub ids: Vec<String>,

    /// Confirm every translated string (when adopting errdoc, or after a
    /// review of the whole locale)
    #[arg(long, conflicts_with = "ids")]
    pub all: bool,

    /// Only this locale (default: every translation)
    #[arg(long, value_name = "LOCALE")]
    pub locale: Option<String>,
}

/// Options of `errdoc l10n sync`.
#[derive(Debug, Args)]
pub(crate) struct SyncArgs {
    /// Only this locale (default: every translation)
    #[arg(long, value_name = "LOCALE")]
    pub locale: Option<String>,

    /// Also remove obsolete messages (those the English no longer has)
    #[arg(long)]
    pub prune: bool,
}

/// Options of `errdoc l10n add`.
#[derive(Debug, Args)]
pub(crate) struct AddArgs {
    /// The new locale's BCP 47 tag (`ja`, `fr`, `zh-TW`)
    #[arg(value_name = "LOCALE")]
    pub locale: String,
}

/// Options of `errdoc build`.
#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    /// Write nothing; list the files under site/ that a build would create,
    /// change or remove, and exit with status 1 if there are any (for CI,
    /// since site/ is committed)
    #[arg(long)]
    pub check: bool,

    /// The absolute URL the site is published at (https://example.org/docs/errors/),
    /// for sitemap.xml and the hreflang alternates; overrides the catalog's
    /// site.base_url
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,

    /// Build everything even when nothing changed since the last build
    /// (the cache, `.errdoc-cache`, is written anew)
    #[arg(long)]
    pub no_cache: bool,

    /// What to show for a stale translation (one whose English changed
    /// after it was translated): `mark` shows it with a note, `fallback`
    /// shows the English instead
    #[arg(long, value_enum, default_value_t = Stale::Mark)]
    pub stale: Stale,

    /// Write nothing; show what errdoc makes of the hand-written PAGEs, as
    /// a unified diff against each (trailing whitespace and line endings
    /// aside), and exit with status 1 if any differs
    #[arg(long, requires = "pages", conflicts_with = "check")]
    pub diff: bool,

    /// The language of the pages given to --diff (default: the `.zh-CN`
    /// of `errorcode-x.zh-CN.md`, or a folder named after a locale, as in
    /// `zh-cn/errorcode-x.md`; else the catalog's source language)
    #[arg(long, value_name = "LOCALE", requires = "diff")]
    pub locale: Option<String>,

    /// The pages --diff compares
    #[arg(value_name = "PAGE.md", requires = "diff")]
    pub pages: Vec<PathBuf>,
}

/// What `build --stale` does with stale translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Stale {
    /// Show the translation with a note that the English changed.
    Mark,
    /// Show the English instead.
    Fallback,
}

/// Options of `errdoc check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// How to report: `text` for people (on standard error), `json` for
    /// tools (on standard output)
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// For people.
    Text,
    /// For tools.
    Json,
}
