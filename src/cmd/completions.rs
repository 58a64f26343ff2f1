//! `errdoc completions <shell>` and `errdoc man`: both made from the
//! command line's one definition ([`crate::cli`]), so they list every
//! subcommand and option this errdoc has.

use std::process::ExitCode;

use clap::CommandFactory as _;

use crate::cli::{Cli, CompletionsArgs, ManArgs};

/// Prints the completion script of `args.shell`.
pub(crate) fn completions(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "errdoc", &mut script);
    write_out(&script)
}

/// Prints the manual page of errdoc (`errdoc(1)`, with its subcommands
/// listed) or of one of its subcommands (`errdoc-l10n-status(1)`).
pub(crate) fn man(args: &ManArgs) -> anyhow::Result<ExitCode> {
    let mut command = without_help(Cli::command());
    command.build();
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir)?;
        let mut written = 0;
        write_pages(dir, &command, ("errdoc", "errdoc"), &mut written)?;
        status!("man: {written} pages written to {}", dir.display());
        return Ok(ExitCode::SUCCESS);
    }
    let mut name = String::from("errdoc");
    let mut bin = String::from("errdoc");
    for wanted in &args.subcommand {
        let Some(sub) = command.find_subcommand(wanted).cloned() else {
            let known: Vec<&str> = command
                .get_subcommands()
                .map(clap::Command::get_name)
                .collect();
            tell!(
                "error: `{name}` has no subcommand `{}` — it has {}",
                crate::console::printable(wanted),
                known.join(", ")
            );
            return Ok(crate::cmd::failure());
        };
        name = format!("{name}-{}", sub.get_name());
        bin = format!("{bin} {}", sub.get_name());
        command = sub;
    }
    write_out(&page(&command, &name, &bin)?)
}

/// The roff page of `command`, named `name` (`errdoc-l10n-status`) and
/// called as `bin` (`errdoc l10n status`).
fn page(command: &clap::Command, name: &str, bin: &str) -> anyhow::Result<Vec<u8>> {
    let command = command
        .clone()
        .name(name.to_string())
        .bin_name(bin.to_string())
        .version(env!("CARGO_PKG_VERSION"));
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page)?;
    Ok(page)
}

/// Writes the page of `command`, named `name`, and those of its
/// subcommands into `dir`.
fn write_pages(
    dir: &std::path::Path,
    command: &clap::Command,
    (name, bin): (&str, &str),
    written: &mut usize,
) -> anyhow::Result<()> {
    let page = page(command, name, bin)?;
    crate::output::write_atomically(&dir.join(format!("{name}.1")), &page)?;
    *written += 1;
    for sub in command.get_subcommands() {
        let sub_name = format!("{name}-{}", sub.get_name());
        let sub_bin = format!("{bin} {}", sub.get_name());
        write_pages(dir, sub, (&sub_name, &sub_bin), written)?;
    }
    Ok(())
}

/// `command` and its subcommands without clap's `help` subcommand, which
/// the pages would list but have no page of (`--help` stays).
fn without_help(command: clap::Command) -> clap::Command {
    command
        .disable_help_subcommand(true)
        .mut_subcommands(without_help)
}

/// Writes `bytes` to standard output (a closed pipe ends it quietly).
fn write_out(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
    }
}
