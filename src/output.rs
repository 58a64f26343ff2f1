//! Stage 6: write the rendered files into `site/` without ever leaving it
//! half-written.
//!
//! Everything is rendered into memory first, so a build that fails on its
//! input never touches `site/`. Then each file is compared with what is on
//! disk: an unchanged file is not rewritten (its mtime stays, so rsync and
//! browsers' caches see nothing new). Every new or changed file is first
//! written to a temporary file in its folder; only when all of them are
//! written (so a full disk or a read-only folder leaves `site/` exactly as
//! it was) is each renamed over the old one, so a build killed half way
//! leaves old or new files, never a truncated one.
//! `site/.errdoc-manifest` lists what the build wrote; a file listed there
//! that the build no longer makes is removed. Files errdoc did not write
//! (a hand-made page, a CNAME) are never touched.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use anyhow::Context as _;
use tempfile::TempPath;

/// Where the output goes, relative to the project root.
pub(crate) const SITE_DIR: &str = "site";

/// The list of the files a build wrote, under `site/`.
pub(crate) const MANIFEST: &str = ".errdoc-manifest";

/// The files a build produces: path under `site/` → contents.
#[derive(Debug, Default)]
pub(crate) struct Output {
    files: BTreeMap<PathBuf, Body>,
    /// The key of each page's inputs ([`crate::render::reuse`]), for the
    /// next build; pages without one are always rendered.
    keys: BTreeMap<PathBuf, Key>,
    /// Each file's fingerprint, once the manifest is made.
    fingerprints: BTreeMap<PathBuf, String>,
}

/// The key of a page's inputs ([`crate::render::reuse`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Key([u8; 16]);

impl Key {
    /// The key made of `bytes`.
    pub(crate) fn new(bytes: [u8; 16]) -> Key {
        Key(bytes)
    }

    /// As hexadecimal digits (the build cache's form).
    pub(crate) fn to_hex(self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// From [`Key::to_hex`]'s form.
    pub(crate) fn from_hex(text: &str) -> Option<Key> {
        if text.len() != 32 || !text.is_ascii() {
            return None;
        }
        let mut bytes = [0; 16];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(Key(bytes))
    }
}

/// A file of the output.
#[derive(Debug)]
pub(crate) enum Body {
    /// Made by this build.
    Made(Vec<u8>),
    /// An earlier build's, kept in memory (`serve`).
    Shared(Arc<[u8]>),
    /// An earlier build's, in `site/` as that build wrote it (its length and
    /// modification time say so): neither rendered nor read again.
    OnDisk {
        /// [`fingerprint`] of its contents.
        fingerprint: String,
    },
}

impl Body {
    /// Its contents, unless they are on disk only.
    pub(crate) fn bytes(&self) -> Option<&[u8]> {
        match self {
            Body::Made(bytes) => Some(bytes),
            Body::Shared(bytes) => Some(bytes),
            Body::OnDisk { .. } => None,
        }
    }

    /// [`fingerprint`] of its contents.
    fn fingerprint(&self) -> String {
        match self {
            Body::Made(bytes) => fingerprint(bytes),
            Body::Shared(bytes) => fingerprint(bytes),
            Body::OnDisk { fingerprint } => fingerprint.clone(),
        }
    }
}

impl Output {
    /// No files yet.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) a file at `path` under `site/`.
    pub(crate) fn add(&mut self, path: impl Into<PathBuf>, contents: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), Body::Made(contents.into()));
    }

    /// Adds a page made from inputs whose key is `key` (`None`: a page that
    /// must always be rendered).
    pub(crate) fn add_page(&mut self, path: impl Into<PathBuf>, body: Body, key: Option<Key>) {
        let path = path.into();
        match key {
            Some(key) => self.keys.insert(path.clone(), key),
            None => self.keys.remove(&path),
        };
        self.files.insert(path, body);
    }

    /// Adds the manifest: the list of every file, so the next build knows
    /// which files are its own to remove.
    pub(crate) fn add_manifest(&mut self) {
        use rayon::prelude::*;
        let mut list = String::from(
            "# Written by `errdoc build`: the files it made, each with its length and\n# hash. It removes a listed file when it no longer makes it and the file is\n# still as it made it; it never touches files that are not listed.\n",
        );
        let files: Vec<(&PathBuf, &Body)> = self.files.iter().collect();
        let marks: Vec<String> = files.par_iter().map(|(_, b)| b.fingerprint()).collect();
        for ((path, _), mark) in files.iter().zip(&marks) {
            list.push_str(&path.to_string_lossy().replace('\\', "/"));
            list.push('\t');
            list.push_str(mark);
            list.push('\n');
        }
        self.fingerprints = files
            .into_iter()
            .map(|(p, _)| p.clone())
            .zip(marks)
            .collect();
        self.add(MANIFEST, list);
    }

    /// The files made or kept in memory, sorted by path, with their
    /// contents (all of them, unless the build reused pages on disk).
    pub(crate) fn files(&self) -> impl Iterator<Item = (&Path, &[u8])> {
        self.files
            .iter()
            .filter_map(|(p, c)| Some((p.as_path(), c.bytes()?)))
    }

    /// Every file, sorted by path.
    pub(crate) fn bodies(&self) -> impl Iterator<Item = (&Path, &Body)> {
        self.files.iter().map(|(p, c)| (p.as_path(), c))
    }

    /// The key of `path`'s inputs, if it has one.
    pub(crate) fn key(&self, path: &Path) -> Option<Key> {
        self.keys.get(path).copied()
    }

    /// The fingerprint of `path`, once the manifest is made.
    pub(crate) fn fingerprint(&self, path: &Path) -> Option<&str> {
        self.fingerprints.get(path).map(String::as_str)
    }

    /// How many files.
    pub(crate) fn len(&self) -> usize {
        self.files.len()
    }
}

/// What writing an [`Output`] to a folder would do.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    /// Files that do not exist yet.
    pub create: Vec<PathBuf>,
    /// Files whose contents differ.
    pub update: Vec<PathBuf>,
    /// Files the build no longer makes.
    pub remove: Vec<PathBuf>,
    /// Files already as they should be.
    pub unchanged: usize,
    /// Files the manifest lists that the build no longer makes but that
    /// are not as errdoc made them (edited since, or listed by hand): left
    /// in place.
    pub kept: Vec<PathBuf>,
}

impl Plan {
    /// Compares `output` with the contents of `dir`.
    pub(crate) fn new(dir: &Path, output: &Output) -> anyhow::Result<Plan> {
        if dir.exists() && !dir.is_dir() {
            anyhow::bail!(
                "{} is not a folder — move it away: errdoc writes the site there",
                shown(dir)
            );
        }
        let mut plan = Plan::default();
        // Nothing is read through a link either (one to /dev/zero, to a
        // file outside): the build refuses it before comparing. Each folder
        // is checked once, then each file (on every core).
        let folders: std::collections::BTreeSet<&Path> =
            output.files.keys().filter_map(|p| p.parent()).collect();
        for folder in folders {
            refuse_symlinks(dir, folder)?;
        }
        let compared: Vec<anyhow::Result<Option<bool>>> = {
            use rayon::prelude::*;
            let files: Vec<(&PathBuf, &Body)> = output.files.iter().collect();
            files
                .par_iter()
                .map(|(path, body)| compare(dir, path, body))
                .collect()
        };
        for ((path, _), same) in output.files.iter().zip(compared) {
            match same? {
                Some(true) => plan.unchanged += 1,
                Some(false) => plan.update.push(path.clone()),
                None => plan.create.push(path.clone()),
            }
        }
        refuse_symlinks(dir, Path::new(MANIFEST))?;
        let manifest = match std::fs::read_to_string(dir.join(MANIFEST)) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("cannot read {}", dir.join(MANIFEST).display()));
            }
        };
        for line in manifest.lines() {
            let Some((path, mark)) = listed_path(line) else {
                continue;
            };
            if output.files.contains_key(&path) {
                continue;
            }
            let full = dir.join(&path);
            let is_file = std::fs::symlink_metadata(&full).is_ok_and(|m| m.file_type().is_file());
            if !is_file {
                continue;
            }
            // Only what errdoc made, as it made it: a line added by hand,
            // or a file edited since, is kept (and said).
            let made = mark.is_some_and(|mark| {
                std::fs::read(&full).is_ok_and(|bytes| fingerprint(&bytes) == mark)
            });
            if made {
                plan.remove.push(path);
            } else {
                plan.kept.push(path);
            }
        }
        plan.remove.sort();
        plan.remove.dedup();
        Ok(plan)
    }

    /// Whether writing would change nothing.
    pub(crate) fn is_empty(&self) -> bool {
        self.create.is_empty() && self.update.is_empty() && self.remove.is_empty()
    }

    /// Carries the plan out in `dir`, in two steps. First every new or
    /// changed file is written to a temporary file beside its place; if any
    /// of that fails (a read-only folder, a full disk), the temporary files
    /// and any folder made for them are removed again and `dir` is exactly
    /// as it was. Then each temporary file is renamed over its place (a
    /// rename needs no room for contents), and files the build no longer
    /// makes are removed.
    pub(crate) fn apply(&self, dir: &Path, output: &Output) -> anyhow::Result<()> {
        let writes: Vec<(&PathBuf, &[u8])> = self
            .create
            .iter()
            .chain(&self.update)
            .filter_map(|path| Some((path, output.files.get(path)?.bytes()?)))
            .collect();
        for path in writes.iter().map(|(p, _)| *p).chain(&self.remove) {
            refuse_symlinks(dir, path)?;
        }
        remove_leftovers(dir);
        let mut made = Vec::new();
        let mut staged = Vec::with_capacity(writes.len());
        for (path, contents) in &writes {
            let full = dir.join(path);
            match stage(&full, contents, &mut made) {
                Ok(temp) => staged.push((temp, full)),
                Err(e) => {
                    drop(staged); // removes the temporary files
                    for folder in made.iter().rev() {
                        let _ = std::fs::remove_dir(folder);
                    }
                    anyhow::bail!(
                        "cannot write {}: {e}{}; {}/ was not changed",
                        shown(&full),
                        write_hint(&e),
                        shown(dir)
                    );
                }
            }
        }
        // The manifest goes last, after the removals: a build stopped
        // before then leaves the old one, which still lists every file
        // the next build may have to remove.
        let manifest = dir.join(MANIFEST);
        let (last, staged): (Vec<_>, Vec<_>) =
            staged.into_iter().partition(|(_, full)| *full == manifest);
        let replace = |(temp, full): (TempPath, PathBuf)| {
            temp.persist(&full).map_err(|e| {
                anyhow::anyhow!(
                    "cannot replace {}: {} — run the build again; files not yet replaced are still the previous build's",
                    shown(&full),
                    e.error
                )
            })
        };
        staged.into_iter().try_for_each(replace)?;
        for path in &self.remove {
            let full = dir.join(path);
            std::fs::remove_file(&full)
                .with_context(|| format!("cannot remove {}", shown(&full)))?;
            remove_empty_parents(dir, &full);
        }
        last.into_iter().try_for_each(replace)?;
        Ok(())
    }
}

/// Whether the file at `path` under `dir` holds `body`: `None` if there is
/// none. A body kept on disk is there (the build that reused it checked).
fn compare(dir: &Path, path: &Path, body: &Body) -> anyhow::Result<Option<bool>> {
    let Some(contents) = body.bytes() else {
        return Ok(Some(true));
    };
    let full = dir.join(path);
    match std::fs::symlink_metadata(&full) {
        Ok(meta) if meta.file_type().is_symlink() => return Err(refused_link(&full)),
        Ok(meta) if meta.is_file() && meta.len() != contents.len() as u64 => {
            return Ok(Some(false));
        }
        _ => {}
    }
    match std::fs::read(&full) {
        Ok(existing) => Ok(Some(existing == contents)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", full.display())),
    }
}

/// Writes `contents` to a temporary file in `path`'s folder (making the
/// folder, and noting each one made in `made`); the file is removed when
/// the returned path is dropped.
fn stage(path: &Path, contents: &[u8], made: &mut Vec<PathBuf>) -> std::io::Result<TempPath> {
    let parent = path.parent().unwrap_or(Path::new("."));
    let missing: Vec<&Path> = parent
        .ancestors()
        .take_while(|folder| !folder.as_os_str().is_empty() && !folder.is_dir())
        .collect();
    for folder in missing.into_iter().rev() {
        std::fs::create_dir(folder)?;
        made.push(folder.to_path_buf());
    }
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
fn write_hint(error: &std::io::Error) -> &'static str {
    use std::io::ErrorKind as K;
    match error.kind() {
        K::PermissionDenied | K::ReadOnlyFilesystem => {
            " — make the site folder and everything in it writable"
        }
        K::StorageFull | K::QuotaExceeded | K::FileTooLarge => " — free some disk space",
        _ => "",
    }
}

/// A path as the user gave it, without a leading `./`.
fn shown(path: &Path) -> String {
    path.strip_prefix(".").unwrap_or(path).display().to_string()
}

/// Refuses to write through a symbolic link: `site/` itself, or any folder
/// or file under it, could point outside the project, and the build would
/// then write (or remove) files there.
fn refuse_symlinks(dir: &Path, path: &Path) -> anyhow::Result<()> {
    let mut current = dir.to_path_buf();
    let parts = std::iter::once(None).chain(path.components().map(Some));
    for part in parts {
        if let Some(part) = part {
            current.push(part);
        }
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => return Err(refused_link(&current)),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => {
                return Err(e).with_context(|| format!("cannot inspect {}", current.display()));
            }
        }
    }
    Ok(())
}

/// The error for a link where errdoc would write.
fn refused_link(path: &Path) -> anyhow::Error {
    anyhow::anyhow!(
        "{} is a symbolic link; errdoc does not write through links (they could lead outside the site) — replace it with a folder or remove it",
        path.display()
    )
}

/// Removes the temporary files of a build that was killed half way
/// (`.errdoc-*.tmp`); they are never the site's.
fn remove_leftovers(dir: &Path) {
    remove_temporary_files(dir, usize::MAX);
}

/// Removes errdoc's temporary files (`.errdoc-*.tmp`) under `dir`, down to
/// `depth` folders, never through a link.
fn remove_temporary_files(dir: &Path, depth: usize) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .max_depth(depth);
    for entry in walker.into_iter().flatten() {
        if entry.file_type().is_file() && is_leftover(entry.path()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether `path` is one of errdoc's temporary files (`.errdoc-*.tmp`).
fn is_leftover(path: &Path) -> bool {
    path.file_name()
        .map(|n| n.to_string_lossy())
        .is_some_and(|name| name.starts_with(".errdoc-") && name.ends_with(".tmp"))
}

/// A path from the manifest, if it is one errdoc could have written: plain
/// names under `site/`, never absolute, never `..` (a manifest edited by
/// hand must not make a build delete files elsewhere).
fn listed_path(line: &str) -> Option<(PathBuf, Option<String>)> {
    let line = line.trim_end_matches('\r');
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let (path, mark) = match line.split_once('\t') {
        Some((path, mark)) => (path, Some(mark.to_string())),
        None => (line, None),
    };
    let path = PathBuf::from(path);
    let plain = path
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    (plain && path != Path::new(MANIFEST)).then_some((path, mark))
}

/// A file's length and 64-bit FNV-1a hash (`1234:89ab…`): enough to tell
/// the file errdoc wrote from one edited or placed by hand, and stable
/// across errdoc's versions and platforms.
pub fn fingerprint(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{}:{hash:016x}", bytes.len())
}

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

fn remove_empty_parents(root: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) {
            break;
        }
        // Fails (and stops) as soon as a folder is not empty.
        if std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// A file's length and modification time (nanoseconds since the epoch), or
/// `None` if it is not a plain file.
pub(crate) fn stamp(path: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((meta.len(), modified.as_nanos()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_sees_new_changed_unchanged_and_stale_files() {
        let top = tempfile::tempdir().unwrap();
        let site = top.path().join("site");
        std::fs::create_dir_all(site.as_path().join("md/en")).unwrap();
        std::fs::write(site.as_path().join("md/en/same.md"), "same").unwrap();
        std::fs::write(site.as_path().join("md/en/old.md"), "old").unwrap();
        std::fs::write(site.as_path().join("md/en/gone.md"), "gone").unwrap();
        std::fs::write(site.as_path().join("hand-made.html"), "mine").unwrap();
        std::fs::write(top.path().join("outside.txt"), "not ours").unwrap();
        std::fs::write(site.as_path().join("md/en/hand.md"), "edited").unwrap();
        std::fs::write(
            site.as_path().join(MANIFEST),
            format!(
                "# comment\nmd/en/same.md\nmd/en/old.md\nmd/en/gone.md\t{}\nmd/en/hand.md\t{}\n../outside.txt\n/etc/passwd\n",
                fingerprint(b"gone"),
                fingerprint(b"as errdoc wrote it"),
            ),
        )
        .unwrap();
        let mut output = Output::new();
        output.add("md/en/same.md", "same");
        output.add("md/en/old.md", "new");
        output.add("md/zh-CN/new.md", "new");
        output.add_manifest();
        let plan = Plan::new(site.as_path(), &output).unwrap();
        assert_eq!(plan.create, [PathBuf::from("md/zh-CN/new.md")]);
        assert_eq!(
            plan.update,
            [PathBuf::from(MANIFEST), PathBuf::from("md/en/old.md")]
        );
        // Only what errdoc made, as it made it.
        assert_eq!(plan.remove, [PathBuf::from("md/en/gone.md")]);
        assert_eq!(plan.kept, [PathBuf::from("md/en/hand.md")]);
        assert_eq!(plan.unchanged, 1);

        plan.apply(site.as_path(), &output).unwrap();
        assert!(Plan::new(site.as_path(), &output).unwrap().is_empty());
        assert_eq!(
            std::fs::read_to_string(site.as_path().join("md/en/old.md")).unwrap(),
            "new"
        );
        assert!(
            site.as_path().join("hand-made.html").exists(),
            "not errdoc's"
        );
        assert!(top.path().join("outside.txt").exists());
        let leftovers: Vec<_> = walkdir::WalkDir::new(site.as_path())
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[cfg(unix)]
    #[test]
    fn written_files_are_world_readable() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.md");
        write_atomically(&path, b"x").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o644, 0o644);
    }
}
