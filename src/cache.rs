//! The build cache: when nothing a build reads has changed since the last
//! one, and `site/` is as that build left it, `build` says so and stops.
//!
//! `.errdoc-cache` (at the project's root, beside `site/`; ignored by git,
//! safe to delete) holds a fingerprint of every input — each file under
//! `catalog/`, `locales/`, `templates/` and `layouts/`, with its path, but
//! what editors leave beside them ([`crate::input::is_litter`]) —
//! and of the options and of which errdoc this is ([`crate::render::BUILD`]:
//! its version and a hash of its sources, built-in templates and strings);
//! and the length and modification time of each file the build
//! wrote. A hit needs all of it to match; anything else (no cache, one that
//! does not parse, another version's, a file of `site/` touched since) is a
//! full build, and a full build writes a new cache. The warnings a build
//! printed are kept too and printed again on a hit (real doc sets have
//! some: drift between the languages); with `-W` they fail the build, which
//! then is a full one.
//! `build --no-cache`, `--check` and `--diff` never use it.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::output::{Body, Output, SITE_DIR, write_atomically};
use crate::project::Stats;
use crate::render::reuse::{Earlier, Key};

/// The cache file, at the project's root.
pub(crate) const CACHE_FILE: &str = ".errdoc-cache";

/// The folders a build reads, under the project's root (with
/// `catalog/codes.yaml`).
pub(crate) const INPUTS: [&str; 4] = ["catalog", "locales", "templates", "layouts"];

/// What the last build read and wrote.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) struct Cache {
    /// errdoc's version and the fingerprint of everything that decides
    /// the output.
    inputs: String,
    /// The warnings it printed.
    warnings: Printed,
    /// The figures of its summary line.
    locales: usize,
    pages: usize,
    codes: usize,
    /// Each file it wrote under `site/` (and the manifest).
    outputs: Vec<Written>,
}

/// A file a build wrote under `site/`.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
struct Written {
    path: PathBuf,
    /// Its length, and modification time in nanoseconds.
    len: u64,
    modified: u128,
    /// The key of its inputs, if it is a page that has one
    /// ([`crate::render::reuse`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<String>,
    /// Its fingerprint ([`crate::output::fingerprint`]), for a page with
    /// a key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fingerprint: Option<String>,
}

/// A path under the input folders, as the fingerprint sees it.
enum Seen {
    /// A file to read and hash.
    File(PathBuf),
    /// What is there, where its contents do not count.
    Mark(String),
}

/// The fingerprint of the file at `path`, or a mark of why it is not read.
fn file_mark(path: &Path) -> String {
    let Ok(file) = std::fs::File::open(path) else {
        return "unreadable".into();
    };
    let len = file.metadata().map_or(0, |m| m.len());
    if len > crate::input::INPUT_LIMIT {
        return format!("large {len}");
    }
    let mut bytes = Vec::new();
    let read = std::io::Read::read_to_end(
        &mut std::io::Read::take(file, crate::input::INPUT_LIMIT + 1),
        &mut bytes,
    );
    match read {
        Ok(_) if bytes.len() as u64 <= crate::input::INPUT_LIMIT => {
            crate::output::fingerprint(&bytes)
        }
        Ok(_) => format!("large {}", bytes.len()),
        Err(_) => "unreadable".into(),
    }
}

/// The fingerprint of every input of a build of `root` with `options`
/// (the build's options that change its output, written out); `None` if
/// the project's folder cannot be resolved: such a build is never cached.
///
/// Every file under the input folders counts, and every locale folder,
/// links followed
/// as a build follows them (a locale file that links to texts shared
/// elsewhere in the project changes with them), but what editors leave
/// behind ([`crate::input::is_litter`]). What a build would refuse to read
/// — a link out of the project or to nowhere, a special file, a file over
/// [`crate::input::INPUT_LIMIT`], a folder that cannot be listed — counts
/// by a mark of what it is, never by its contents: where a build reads it,
/// that build fails and is not cached; where no build reads it, it is no
/// input.
pub(crate) fn fingerprint(root: &Path, options: &str) -> Option<String> {
    let project = std::fs::canonicalize(root).ok()?;
    let mut found: Vec<(String, Seen)> = Vec::new();
    for dir in INPUTS {
        let top = root.join(dir);
        if !top.exists() {
            continue;
        }
        let rel = |path: &Path| {
            path.strip_prefix(root)
                .map(|p| p.to_string_lossy().into_owned())
        };
        // Litter is no input: a build never lists it.
        let mut walker = crate::input::walk_inputs(walkdir::WalkDir::new(&top));
        while let Some(entry) = walker.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    // An Emacs lock links nowhere, and is skipped as a build
                    // skips it; any other link to nowhere, loop or folder
                    // that cannot be listed is marked.
                    let path = e.path()?;
                    if !path.file_name().is_some_and(crate::input::is_litter) {
                        let target = std::fs::read_link(path).unwrap_or_default();
                        let mark = format!("unreadable {} {e}", target.display());
                        found.push((rel(path).ok()?, Seen::Mark(mark)));
                    }
                    continue;
                }
            };
            let at = rel(entry.path()).ok()?;
            if entry.path_is_symlink()
                && !std::fs::canonicalize(entry.path()).is_ok_and(|t| t.starts_with(&project))
            {
                // Not followed out of the project, nor into a folder there.
                let target = std::fs::read_link(entry.path()).unwrap_or_default();
                found.push((at, Seen::Mark(format!("outside {}", target.display()))));
                if entry.file_type().is_dir() {
                    walker.skip_current_dir();
                }
                continue;
            }
            let kind = entry.file_type();
            let seen = if kind.is_dir() {
                // An empty locale folder is a locale; other folders count
                // by what is in them.
                if dir != crate::locales::LOCALES_DIR || entry.depth() != 1 {
                    continue;
                }
                Seen::Mark("locale".into())
            } else if kind.is_file() {
                Seen::File(entry.into_path())
            } else {
                Seen::Mark("special".into())
            };
            found.push((at, seen));
        }
    }
    // Read and hashed on every core.
    let mut files: Vec<(String, String)> = found
        .into_par_iter()
        .map(|(rel, seen)| {
            let mark = match seen {
                Seen::Mark(mark) => mark,
                Seen::File(path) => file_mark(&path),
            };
            (rel, mark)
        })
        .collect();
    files.sort();
    let mut hash = Sha256::new();
    for part in [crate::render::BUILD, options] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    for (path, mark) in &files {
        hash.update(path.as_bytes());
        hash.update([0]);
        hash.update(mark.as_bytes());
        hash.update([0]);
    }
    Some(format!(
        "{} {:x}",
        env!("CARGO_PKG_VERSION"),
        hash.finalize()
    ))
}

/// The warnings a build printed: as text, plain and coloured, and how many.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) struct Printed {
    pub(crate) plain: String,
    pub(crate) coloured: String,
    pub(crate) count: usize,
}

/// What the last build found: the figures of its summary line, and its
/// warnings.
pub(crate) struct Hit {
    pub(crate) stats: Stats,
    pub(crate) warnings: Printed,
}

/// The cache of the last build at `root`, if there is one that parses.
pub(crate) fn read(root: &Path) -> Option<Cache> {
    let text = std::fs::read_to_string(root.join(CACHE_FILE)).ok()?;
    serde_json::from_str(&text).ok()
}

impl Cache {
    /// What the last build found, if it read `inputs` and `site/` is as it
    /// left it.
    pub(crate) fn hit(&self, root: &Path, inputs: &str) -> Option<Hit> {
        if self.inputs != inputs || self.outputs.is_empty() {
            return None;
        }
        let site = root.join(SITE_DIR);
        let intact = self
            .outputs
            .par_iter()
            .all(|w| crate::output::stamp(&site.join(&w.path)) == Some((w.len, w.modified)));
        intact.then(|| Hit {
            stats: Stats {
                locales: self.locales,
                pages: self.pages,
                codes: self.codes,
            },
            warnings: self.warnings.clone(),
        })
    }

    /// The pages the last build wrote into `root`'s `site/`, with the keys
    /// of their inputs, for a build whose inputs changed to take those
    /// whose keys did not (each one only if its file is still as that
    /// build left it).
    pub(crate) fn earlier(self, root: &Path) -> Earlier {
        let pages = self.outputs.into_iter().filter_map(|w| {
            let key = Key::from_hex(w.key.as_deref()?)?;
            Some((w.path, key, (w.len, w.modified), w.fingerprint?))
        });
        Earlier::on_disk(&root.join(SITE_DIR), pages)
    }
}

/// Records a build that read `inputs` and wrote `output` into `site/`; the
/// cache is only a shortcut, so failing to write it is no error of the
/// build.
pub(crate) fn save(root: &Path, inputs: &str, found: &Hit, output: &Output) {
    let site = root.join(SITE_DIR);
    let bodies: Vec<_> = output.bodies().collect();
    let stamped: Option<Vec<Written>> = bodies
        .par_iter()
        .map(|(path, body, key)| {
            let (len, modified) = crate::output::stamp(&site.join(path))?;
            // A page taken from the last build and edited during this one
            // is recorded without its key: the next build makes it again.
            let edited = matches!(body, Body::OnDisk { stamp: Some(taken), .. } if *taken != (len, modified));
            let key = key.filter(|_| !edited);
            Some(Written {
                path: path.to_path_buf(),
                len,
                modified,
                key: key.map(Key::to_hex),
                fingerprint: key.map(|_| body.fingerprint()),
            })
        })
        .collect();
    let Some(stamped) = stamped else {
        return forget(root);
    };
    let cache = Cache {
        inputs: inputs.to_string(),
        warnings: found.warnings.clone(),
        locales: found.stats.locales,
        pages: found.stats.pages,
        codes: found.stats.codes,
        outputs: stamped,
    };
    match serde_json::to_vec(&cache) {
        Ok(json) if write_atomically(&root.join(CACHE_FILE), &json).is_ok() => {}
        _ => forget(root),
    }
}

/// Removes the cache (a build that is not cached must not leave an older
/// one that could match again).
pub(crate) fn forget(root: &Path) {
    let _ = std::fs::remove_file(root.join(CACHE_FILE));
}
