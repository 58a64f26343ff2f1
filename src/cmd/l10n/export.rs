//! `errdoc l10n export`: a locale's strings for a translation platform,
//! as XLIFF 2.0 or gettext PO.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::{ExchangeFormat, L10nExportArgs};
use crate::l10n::exchange::{self, po, xliff};
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
pub(super) fn exported(
    project: &crate::project::Project,
    locale: &crate::locales::Locale,
    format: ExchangeFormat,
) -> String {
    let units = project.units();
    let lock = project.locks.get(&locale.tag);
    let assessment = crate::l10n::assess(&project.catalog, &units, &project.locales, locale, lock);
    let source = project.locales.source();
    let entries = exchange::entries(&units, source, locale, lock, &assessment.states);
    match format {
        ExchangeFormat::Po => po::write(&entries, &source.tag, &locale.tag),
        ExchangeFormat::Xliff => {
            let groups: Vec<&str> = units.iter().map(|u| u.group.as_str()).collect();
            xliff::write(&entries, &groups, &source.tag, &locale.tag)
        }
    }
}
