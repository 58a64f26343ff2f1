//! `errdoc l10n export`: a locale's strings for a translation platform,
//! as XLIFF 2.0 or gettext PO.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::{ExchangeFormat, L10nExportArgs};
use crate::l10n::exchange::{po, xliff};
use crate::output::write_atomically;

use super::{load, targets};

/// Runs `errdoc l10n export`.
pub(super) fn run(root: &Path, args: &L10nExportArgs) -> anyhow::Result<ExitCode> {
    let project = match load(root, "l10n export", false)? {
        Ok(project) => project,
        Err(status) => return Ok(status),
    };
    let locale = match targets(&project, Some(&args.locale)) {
        Ok(l) => l[0],
        Err(code) => return Ok(code),
    };
    let text = exported(&project, locale, args.format);
    match &args.output {
        Some(path) => {
            write_atomically(path, text.as_bytes())?;
            status!(
                "{}: exported to {}",
                locale.tag,
                crate::console::printable(&path.display().to_string())
            );
        }
        None => say_raw!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// The strings of `locale` in `format`.
fn exported(
    project: &crate::project::Project,
    locale: &crate::locales::Locale,
    format: ExchangeFormat,
) -> String {
    let (units, entries) = project.exchange_entries(locale, &project.lock_for(locale));
    let source = &project.locales.source().tag;
    match format {
        ExchangeFormat::Po => po::write(&entries, source, &locale.tag),
        ExchangeFormat::Xliff => {
            let groups: Vec<&str> = units.iter().map(|u| u.group.as_str()).collect();
            xliff::write(&entries, &groups, source, &locale.tag)
        }
    }
}
