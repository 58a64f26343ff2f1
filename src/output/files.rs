//! The project's own files: its lock, and rewriting a user's file safely.

use std::io::Write as _;
use std::path::Path;

use anyhow::Context as _;

use super::stage::stage;
use super::{remove_temporary_files, shown};

/// Takes the project's lock (`.errdoc.lock` at its root) for a command
/// that writes (`what`: "build", "import", "l10n sync"…), waiting while
/// another holds it and saying which; it is released when the file is
/// dropped. Two imports at once, or an import during a build, would each
/// write what the other read before: one at a time. Holding it, the
/// temporary files a killed command left are removed.
pub(crate) fn lock(root: &Path, what: &str) -> anyhow::Result<ProjectLock> {
    let path = root.join(".errdoc.lock");
    let mut file = match std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
    {
        Ok(file) => file,
        // A lock made by another user may be read-only to this one; a
        // lock on a file needs no write access. If that fails too, the
        // first error is the one that says why.
        Err(first) => std::fs::File::open(&path)
            .map_err(|_| first)
            .with_context(|| format!("cannot open the lock {}", shown(&path)))?,
    };
    if file.try_lock().is_err() {
        let holder = std::fs::read_to_string(&path).unwrap_or_default();
        let holder = crate::console::printable(holder.trim());
        let holder = if holder.is_empty() {
            "another errdoc command".to_string()
        } else {
            holder
        };
        crate::console::tell(&format!(
            "waiting for {holder} to finish with this project (it holds {})…",
            shown(&path)
        ));
        file.lock()
            .with_context(|| format!("cannot take the lock {}", shown(&path)))?;
    }
    // Who holds it, for the next one to say (best effort: the lock stands
    // without it).
    let _ = file.set_len(0);
    let _ = std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(0));
    let _ = write!(file, "errdoc {what} (process {})", std::process::id());
    remove_user_leftovers(root);
    Ok(ProjectLock { file })
}

/// The project's lock, held until dropped; then its file is emptied again
/// (it stays: removing it would let two commands lock two files).
#[derive(Debug)]
pub(crate) struct ProjectLock {
    file: std::fs::File,
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
    }
}

/// Removes the temporary files (`.errdoc-*.tmp`) a killed command left
/// beside the project's own files; only errdoc makes such names.
fn remove_user_leftovers(root: &Path) {
    // Only in a project (not a folder `init` is about to make one), and
    // never through a folder that is a link: it may lead anywhere.
    if !root.join(crate::catalog::CATALOG_PATH).is_file() {
        return;
    }
    for dir in [
        Path::new(""),
        Path::new("catalog"),
        Path::new("locales"),
        Path::new(crate::layout::LAYOUTS_DIR),
    ] {
        if !dir.as_os_str().is_empty()
            && std::fs::symlink_metadata(root.join(dir)).is_ok_and(|m| m.file_type().is_symlink())
        {
            continue;
        }
        remove_temporary_files(
            &root.join(dir),
            if dir.as_os_str().is_empty() { 1 } else { 3 },
        );
    }
}

/// Writes `contents` to a temporary file beside `path`, then renames it
/// over `path`: readers see the old file or the new one, never a part.
pub(crate) fn write_atomically(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    // No fsync: the rename makes a kill safe (the old file or the whole new
    // one); an fsync per page would cost more than the build on a real disk.
    stage(path, contents, &mut Vec::new())
        .and_then(|temp| temp.persist(path).map_err(|e| e.error))
        .with_context(|| format!("cannot write {}", shown(path)))
}

/// Writes `text` to the project's file `rel` (under `root`) unless it holds
/// exactly that text already; returns whether it wrote. Keeps mtimes (and
/// editors' buffers) still when a command has nothing to change.
///
/// A user's file is rewritten as it was: staged beside it, then renamed
/// over it (a killed command leaves the old file or the whole new one),
/// with its mode; through a link that stays inside the project (the link
/// stays a link); never through one that leaves it.
pub(crate) fn write_if_changed(root: &Path, rel: &Path, text: &str) -> anyhow::Result<bool> {
    let mut path = root.join(rel);
    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
        let target = std::fs::canonicalize(&path)
            .with_context(|| format!("{} is a link that leads nowhere", shown(&path)))?;
        let project =
            std::fs::canonicalize(root).with_context(|| format!("cannot read {}", shown(root)))?;
        if !target.starts_with(&project) {
            anyhow::bail!(
                "{} is a link to {}, outside the project: errdoc writes nothing through it — copy the file into the project, or make the link point inside it",
                shown(&path),
                target.display()
            );
        }
        path = target;
    }
    if std::fs::read_to_string(&path).ok().as_deref() == Some(text) {
        return Ok(false);
    }
    let mode = std::fs::metadata(&path).ok().map(|m| m.permissions());
    stage(&path, text.as_bytes(), &mut Vec::new())
        .and_then(|temp| {
            if let Some(mode) = mode {
                std::fs::set_permissions(&temp, mode)?;
            }
            temp.persist(&path).map_err(|e| e.error)
        })
        .with_context(|| format!("cannot write {}", shown(&path)))?;
    Ok(true)
}

/// Reads the project's file `rel` (under `root`) as text, by the rules of
/// every input ([`crate::input::read_utf8`]: no link out of the project,
/// no special file, at most 64 MiB, UTF-8); a missing file reads as empty,
/// any other failure is an error naming the file.
pub(crate) fn read_or_empty(root: &Path, rel: &Path) -> anyhow::Result<String> {
    let mut diags = crate::diagnostic::Diagnostics::new();
    match crate::input::read_utf8(root, rel, &mut diags) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => Err(input_problem(&diags, rel)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", shown(&root.join(rel)))),
    }
}

/// The first problem of `diags` (found reading `rel`) as an error:
/// `path: what is wrong`.
pub(crate) fn input_problem(diags: &crate::diagnostic::Diagnostics, rel: &Path) -> anyhow::Error {
    match diags.sorted().first() {
        Some(d) => anyhow::anyhow!(
            "{}: {}",
            d.path().unwrap_or(rel).display(),
            crate::console::printable(d.message())
        ),
        None => anyhow::anyhow!("cannot read {}", rel.display()),
    }
}
