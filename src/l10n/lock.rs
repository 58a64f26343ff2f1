//! `locales/<tag>/.sources.lock`: for each translated string, the English it
//! was translated from — a fingerprint to notice a change cheaply, and the
//! text itself so `l10n diff` can show what changed.
//!
//! It is a separate JSON file, not comments in the `.ftl` files, because
//! translation tools (Pontoon, Weblate) rewrite `.ftl` files and their
//! comments. Keys are sorted, so the file diffs well in review.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, Kind};
use crate::input::read_utf8;
use crate::locales::LOCALES_DIR;
use crate::source::{Position, SourceFile, Span, to_u32};

/// The lock file's name inside a locale folder.
pub(crate) const LOCK_FILE: &str = ".sources.lock";

/// The English one translation was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Source {
    /// [`fingerprint`] of `english`.
    pub fingerprint: String,
    /// The English text.
    pub english: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LockFile {
    #[serde(rename = "//", default)]
    note: String,
    #[serde(default)]
    sources: BTreeMap<String, Source>,
}

const NOTE: &str = "The English each translation was made from, by string id (`id` or `id.attribute`). Written by `errdoc l10n sync` and `errdoc l10n confirm`; commit it with the translations.";

/// The sources lock of one locale.
#[derive(Debug, Default, Clone)]
pub(crate) struct SourcesLock {
    /// Where it is, relative to the project root.
    pub path: PathBuf,
    entries: BTreeMap<String, Source>,
}

/// A short, stable fingerprint of an English text (the first 16 hex digits
/// of its SHA-256).
pub(crate) fn fingerprint(english: &str) -> String {
    let digest = Sha256::digest(english.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

impl SourcesLock {
    /// Reads the lock of locale `tag` under `root`; a missing file is an
    /// empty lock, a broken one a diagnostic.
    pub(crate) fn load(root: &Path, tag: &str) -> Result<SourcesLock, Diagnostic> {
        let path = Path::new(LOCALES_DIR).join(tag).join(LOCK_FILE);
        let mut found = crate::diagnostic::Diagnostics::new();
        let text = match read_utf8(root, &path, &mut found) {
            Ok(Some(text)) => text,
            Ok(None) => {
                // Not UTF-8, a link out of the project, too large: said so.
                let why = found
                    .sorted()
                    .first()
                    .map_or_else(|| "cannot be read".to_string(), |d| d.message().to_string());
                return Err(Diagnostic::new(Kind::SourcesLockBroken {
                    why: why.to_string(),
                })
                .at_path(&path));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(SourcesLock {
                    path,
                    entries: BTreeMap::new(),
                });
            }
            Err(e) => {
                return Err(
                    Diagnostic::new(Kind::SourcesLockBroken { why: e.to_string() }).at_path(&path),
                );
            }
        };
        match serde_json::from_str::<LockFile>(&text) {
            Ok(file) => Ok(SourcesLock {
                path,
                entries: file.sources,
            }),
            Err(e) => {
                let source = SourceFile::new(&path, text);
                let span = Span {
                    start: Position {
                        line: to_u32(e.line()),
                        column: to_u32(e.column()),
                    },
                    len: 1,
                };
                Err(Diagnostic::new(Kind::SourcesLockSyntax {
                    error: e.to_string(),
                })
                .at(&source, span))
            }
        }
    }

    /// The English recorded for string `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&Source> {
        self.entries.get(key)
    }

    /// Records `english` as the source of `key`.
    pub(crate) fn record(&mut self, key: &str, english: &str) {
        self.entries.insert(
            key.to_string(),
            Source {
                fingerprint: fingerprint(english),
                english: english.to_string(),
            },
        );
    }

    /// Forgets `key`.
    pub(crate) fn forget(&mut self, key: &str) -> bool {
        self.entries.remove(key).is_some()
    }

    /// The keys recorded.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The file's text.
    pub(crate) fn to_text(&self) -> String {
        let file = LockFile {
            note: NOTE.to_string(),
            sources: self.entries.clone(),
        };
        // A map of strings always serializes.
        serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_short() {
        assert_eq!(
            fingerprint("Connection Timed Out"),
            fingerprint("Connection Timed Out")
        );
        assert_ne!(fingerprint("a"), fingerprint("b"));
        assert_eq!(fingerprint("").len(), 16);
        // SHA-256 of the empty string starts e3b0c442 98fc1c14.
        assert_eq!(fingerprint(""), "e3b0c44298fc1c14");
    }

    #[test]
    fn a_lock_round_trips_and_a_broken_one_is_located() {
        let dir = tempfile::tempdir().unwrap();
        let mut lock = SourcesLock::load(dir.path(), "zh-CN").unwrap();
        lock.record("code-1.description", "Old text");
        let path = dir.path().join("locales/zh-CN");
        std::fs::create_dir_all(&path).unwrap();
        std::fs::write(path.join(LOCK_FILE), lock.to_text()).unwrap();
        let again = SourcesLock::load(dir.path(), "zh-CN").unwrap();
        assert_eq!(again.get("code-1.description").unwrap().english, "Old text");

        std::fs::write(path.join(LOCK_FILE), "{\n  \"sources\": {,\n}").unwrap();
        let error = SourcesLock::load(dir.path(), "zh-CN")
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with(
                "locales/zh-CN/.sources.lock:2:15: error[E0509]: the sources lock does not parse"
            ),
            "{error}"
        );
    }
}
