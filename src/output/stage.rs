//! Writing a file of the site: staged beside its place, renamed over it
//! later; and a build's stage, which writes files as they are made.

use std::collections::HashSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tempfile::TempPath;

use super::{Body, compare, fingerprint, refuse_symlinks, remove_leftovers, shown};

/// Refuses a site folder that is a file.
pub(super) fn site_folder(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() && !dir.is_dir() {
        anyhow::bail!(
            "{} is not a folder — move it away: errdoc writes the site there",
            shown(dir)
        );
    }
    Ok(())
}

/// Where a build's files go as they are made: each new or changed file is
/// written at once to a temporary file beside its place in `site/`, and the
/// build keeps only its fingerprint, so it holds the model, not the site.
/// Nothing takes a file's place before [`Plan::apply`]; a build that stops
/// first (an error in a template, a full disk) drops the stage, which
/// removes its temporary files and the folders made for them, and `site/`
/// is as it was.
#[derive(Debug)]
pub(super) struct Stage {
    dir: PathBuf,
    /// `dir` from the root: a temporary file made under a relative path
    /// asks for the current folder each time.
    absolute: PathBuf,
    /// Folders checked for links and known to be there (a file was found
    /// or staged in them): each is looked at once.
    ready: Mutex<HashSet<PathBuf>>,
    /// Folders made for temporary files.
    made: Mutex<Vec<PathBuf>>,
    /// The failure [`Plan::new`] reports: that of the first path, in path
    /// order, whichever thread got there first (a build reports the same
    /// file every time).
    failed: Mutex<Option<(PathBuf, anyhow::Error)>>,
}

impl Stage {
    pub(super) fn new(dir: &Path) -> anyhow::Result<Stage> {
        site_folder(dir)?;
        // Never through a link, not even to clean up.
        refuse_symlinks(dir, Path::new(""))?;
        // A killed build's temporary files, before any of this one's.
        remove_leftovers(dir);
        Ok(Stage {
            dir: dir.to_path_buf(),
            absolute: std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf()),
            ready: Mutex::default(),
            made: Mutex::default(),
            failed: Mutex::default(),
        })
    }

    /// `body`, to be at `path`: found there already, or staged. After a
    /// failure, the body as it is (the build fails at [`Plan::new`]).
    pub(super) fn put(&self, path: &Path, body: Body) -> Body {
        let Some(contents) = body.bytes() else {
            return body;
        };
        // After a failure, only a path before it is still tried.
        if self
            .failed
            .lock()
            .is_ok_and(|f| f.as_ref().is_some_and(|(at, _)| path >= at.as_path()))
        {
            return body;
        }
        match self.try_put(path, contents) {
            Ok(put) => put,
            Err(e) => {
                if let Ok(mut failed) = self.failed.lock()
                    && failed.as_ref().is_none_or(|(at, _)| path < at.as_path())
                {
                    *failed = Some((path.to_path_buf(), e));
                }
                body
            }
        }
    }

    fn try_put(&self, path: &Path, contents: &[u8]) -> anyhow::Result<Body> {
        let folder = path.parent().unwrap_or(Path::new(""));
        let ready = self.ready.lock().is_ok_and(|r| r.contains(folder));
        if !ready {
            refuse_symlinks(&self.dir, folder)?;
        }
        let now_ready = || {
            if let Ok(mut all) = self.ready.lock() {
                all.insert(folder.to_path_buf());
            }
        };
        let fingerprint = fingerprint(contents);
        let existed = match compare(&self.dir, path, contents)? {
            Some(true) => {
                now_ready();
                // As found: an edit before the build is recorded shows.
                return Ok(Body::OnDisk {
                    fingerprint,
                    stamp: super::stamp(&self.dir.join(path)),
                });
            }
            found => found.is_some(),
        };
        let full = self.dir.join(path);
        let absolute = self.absolute.join(path);
        let mut made = Vec::new();
        let temp = if ready {
            temp_file(&absolute, contents)
        } else {
            stage(&absolute, contents, &mut made)
        };
        if temp.is_ok() {
            now_ready();
        }
        if let Ok(mut all) = self.made.lock() {
            all.extend(made);
        }
        let temp = temp.map_err(|e| {
            anyhow::anyhow!(
                "cannot write {}: {e}{}; {}/ was not changed",
                shown(&full),
                write_hint(&e),
                shown(&self.dir)
            )
        })?;
        Ok(Body::Staged {
            fingerprint,
            temp,
            existed,
        })
    }

    /// The first failure, once.
    pub(super) fn failed(&self) -> Option<anyhow::Error> {
        self.failed.lock().ok()?.take().map(|(_, e)| e)
    }
}

impl Drop for Stage {
    /// Removes the folders made for temporary files that are empty: all of
    /// them if the build stopped before [`Plan::apply`] (its temporary files
    /// are gone by then), none that holds a file.
    fn drop(&mut self) {
        if let Ok(made) = self.made.get_mut() {
            made.sort();
            for folder in made.iter().rev() {
                let _ = std::fs::remove_dir(folder);
            }
        }
    }
}

/// Writes `contents` to a temporary file in `path`'s folder (making the
/// folder, and noting each one made in `made`); the file is removed when
/// the returned path is dropped.
pub(super) fn stage(
    path: &Path,
    contents: &[u8],
    made: &mut Vec<PathBuf>,
) -> std::io::Result<TempPath> {
    let parent = path.parent().unwrap_or(Path::new("."));
    let missing: Vec<&Path> = parent
        .ancestors()
        .take_while(|folder| !folder.as_os_str().is_empty() && !folder.is_dir())
        .collect();
    for folder in missing.into_iter().rev() {
        match std::fs::create_dir(folder) {
            Ok(()) => made.push(folder.to_path_buf()),
            // Made meanwhile for another file (files are staged on every
            // core).
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && folder.is_dir() => {}
            Err(e) => return Err(e),
        }
    }
    temp_file(path, contents)
}

/// Writes `contents` to a temporary file in `path`'s folder, which is there.
fn temp_file(path: &Path, contents: &[u8]) -> std::io::Result<TempPath> {
    let parent = path.parent().unwrap_or(Path::new("."));
    let mut file = temp_builder().tempfile_in(parent).map_err(plain_io)?;
    file.write_all(contents).map_err(plain_io)?;
    Ok(file.into_temp_path())
}

/// A temporary file's name (`.errdoc-*.tmp`, which a later build removes if
/// this one is killed) and mode: tempfile makes 0600 files, and published
/// pages must be readable.
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".errdoc-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    builder
}

/// tempfile adds ` at path "…"` to its errors; the caller names the path
/// itself, so the message keeps only the reason (and the error its kind).
fn plain_io(error: std::io::Error) -> std::io::Error {
    let message = error.to_string();
    match message.split_once(" at path ") {
        Some((reason, _)) => std::io::Error::new(error.kind(), reason.to_string()),
        None => error,
    }
}

/// What to do about a failed write.
pub(super) fn write_hint(error: &std::io::Error) -> &'static str {
    use std::io::ErrorKind as K;
    match error.kind() {
        K::PermissionDenied | K::ReadOnlyFilesystem => {
            " — make the site folder and everything in it writable"
        }
        K::StorageFull | K::QuotaExceeded | K::FileTooLarge => " — free some disk space",
        _ => "",
    }
}
