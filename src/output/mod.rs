//! Stage 6: write the rendered files into `site/` without ever leaving it
//! half-written.
//!
//! A build that fails on its input never touches `site/`: the project is
//! loaded and checked before anything is rendered. `build` then streams:
//! each file, as it is rendered (on every core), is compared with what is
//! on disk; an unchanged file is not rewritten (its mtime stays, so rsync
//! and browsers' caches see nothing new), and a new or changed one is
//! written to a temporary file in its folder at once, so the build holds
//! the fingerprints of the site, not its contents ([`Stage`]). Only when
//! every file is rendered and staged (so a template error, a full disk or a
//! read-only folder leaves `site/` exactly as it was: the stage removes its
//! temporary files and folders) is each renamed over the old one, so a
//! build killed half way leaves old or new files, never a truncated one.
//! `serve`, `build --check` and `--diff` keep the files in memory instead.
//! `site/.errdoc-manifest` lists what the build wrote; a file listed there
//! that the build no longer makes is removed. Files errdoc did not write
//! (a hand-made page, a CNAME) are never touched.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use anyhow::Context as _;
use tempfile::TempPath;

mod files;
mod stage;

pub(crate) use files::{input_problem, lock, read_or_empty, write_atomically, write_if_changed};
use stage::{Stage, site_folder};

/// Where the output goes, relative to the project root.
pub(crate) const SITE_DIR: &str = "site";

/// The list of the files a build wrote, under `site/`.
pub(crate) const MANIFEST: &str = ".errdoc-manifest";

/// The files a build produces: path under `site/` → contents, and for a
/// page the key of its inputs ([`crate::render::reuse`]), for the next
/// build (pages without one are always rendered).
#[derive(Debug, Default)]
pub(crate) struct Output {
    files: BTreeMap<PathBuf, (Body, Option<Key>)>,
    /// Where files go as they are made, for a build that writes `site/`
    /// (after `files`: its temporary files are removed before its folders).
    stage: Option<Stage>,
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
    /// In `site/` as it should be: an earlier build's page whose inputs
    /// are the same (its length and modification time say it is as that
    /// build wrote it), or a file this build made and found there already.
    OnDisk {
        /// [`fingerprint`] of its contents.
        fingerprint: String,
        /// For an earlier build's page: the length and modification time
        /// it was taken with (if they are not the same when the build is
        /// recorded, the file was edited meanwhile, and the next build
        /// must not take it again).
        stamp: Option<(u64, u128)>,
    },
    /// Made by this build and written to a temporary file beside its place,
    /// which [`Plan::apply`] renames over it.
    Staged {
        fingerprint: String,
        temp: TempPath,
        /// Whether a file is in its place (an update, not a creation).
        existed: bool,
    },
}

impl Body {
    /// Its contents, unless they are on disk only.
    pub(crate) fn bytes(&self) -> Option<&[u8]> {
        match self {
            Body::Made(bytes) => Some(bytes),
            Body::Shared(bytes) => Some(bytes),
            Body::OnDisk { .. } | Body::Staged { .. } => None,
        }
    }

    /// [`fingerprint`] of its contents.
    pub(crate) fn fingerprint(&self) -> String {
        match self {
            Body::Made(bytes) => fingerprint(bytes),
            Body::Shared(bytes) => fingerprint(bytes),
            Body::OnDisk { fingerprint, .. } | Body::Staged { fingerprint, .. } => {
                fingerprint.clone()
            }
        }
    }
}

impl Output {
    /// No files yet.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// An output that writes each new or changed file into `dir` as it
    /// is added, staged ([`Stage`]); [`Plan::apply`] puts them in place.
    pub(crate) fn staged(dir: &Path) -> anyhow::Result<Self> {
        Ok(Output {
            stage: Some(Stage::new(dir)?),
            ..Self::default()
        })
    }

    /// Adds (or replaces) a file at `path` under `site/`.
    pub(crate) fn add(&mut self, path: impl Into<PathBuf>, contents: impl Into<Vec<u8>>) {
        self.add_page(path, Body::Made(contents.into()), None);
    }

    /// What the output keeps of `body` at `path`: where it writes `site/`
    /// as it goes, the file is staged (or found as it should be) and only
    /// its fingerprint is kept. Renderers call it on every core, before
    /// adding the page.
    pub(crate) fn prepare(&self, path: &Path, body: Body) -> Body {
        match &self.stage {
            Some(stage) => stage.put(path, body),
            None => body,
        }
    }

    /// Adds a page made from inputs whose key is `key` (`None`: a page that
    /// must always be rendered).
    pub(crate) fn add_page(&mut self, path: impl Into<PathBuf>, body: Body, key: Option<Key>) {
        let path = path.into();
        let body = self.prepare(&path, body);
        self.files.insert(path, (body, key));
    }

    /// Adds the manifest: the list of every file, so the next build knows
    /// which files are its own to remove.
    pub(crate) fn add_manifest(&mut self) {
        use rayon::prelude::*;
        let mut list = String::from(
            "# Written by `errdoc build`: the files it made, each with its length and\n# hash. It removes a listed file when it no longer makes it and the file is\n# still as it made it; it never touches files that are not listed.\n",
        );
        let files: Vec<(&PathBuf, &Body)> = self.files.iter().map(|(p, (b, _))| (p, b)).collect();
        let marks: Vec<String> = files.par_iter().map(|(_, b)| b.fingerprint()).collect();
        for ((path, _), mark) in files.iter().zip(&marks) {
            list.push_str(&path.to_string_lossy().replace('\\', "/"));
            list.push('\t');
            list.push_str(mark);
            list.push('\n');
        }
        self.add(MANIFEST, list);
    }

    /// The files made or kept in memory, sorted by path, with their
    /// contents (all of them, unless the build reused pages on disk).
    pub(crate) fn files(&self) -> impl Iterator<Item = (&Path, &[u8])> {
        self.files
            .iter()
            .filter_map(|(p, (b, _))| Some((p.as_path(), b.bytes()?)))
    }

    /// Every file, sorted by path, with the key of its inputs if it has
    /// one.
    pub(crate) fn bodies(&self) -> impl Iterator<Item = (&Path, &Body, Option<Key>)> {
        self.files.iter().map(|(p, (b, k))| (p.as_path(), b, *k))
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
        if let Some(failed) = output.stage.as_ref().and_then(Stage::failed) {
            return Err(failed);
        }
        site_folder(dir)?;
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
            let files: Vec<(&PathBuf, &Body)> =
                output.files.iter().map(|(p, (b, _))| (p, b)).collect();
            files
                .par_iter()
                .map(|(path, body)| match body {
                    Body::Made(_) | Body::Shared(_) => {
                        compare(dir, path, body.bytes().unwrap_or_default())
                    }
                    Body::OnDisk { .. } => Ok(Some(true)),
                    Body::Staged { existed, .. } => Ok(existed.then_some(false)),
                })
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

    /// Carries the plan out in `dir`, for an output made with
    /// [`Output::staged`]: every new or changed file is staged already (a
    /// stage that failed, a read-only folder or a full disk, failed the
    /// build before, and `dir` was left as it was). Each temporary file is
    /// renamed over its place (a rename needs no room for contents), and
    /// files the build no longer makes are removed.
    pub(crate) fn apply(&self, dir: &Path, output: &mut Output) -> anyhow::Result<()> {
        if let Some(path) = self.create.iter().chain(&self.update).find(|p| {
            output
                .files
                .get(*p)
                .is_some_and(|(b, _)| b.bytes().is_some())
        }) {
            // A file of an output kept in memory (`serve`, `--check`): the
            // stage alone writes into the site.
            anyhow::bail!(
                "{} was not staged; {}/ was not changed",
                shown(path),
                shown(dir)
            );
        }
        for path in &self.remove {
            refuse_symlinks(dir, path)?;
        }
        let mut staged = Vec::new();
        for (path, (body, _)) in &mut output.files {
            if let Body::Staged { fingerprint, .. } = body {
                let fingerprint = fingerprint.clone();
                if let Body::Staged { temp, .. } = std::mem::replace(
                    body,
                    Body::OnDisk {
                        fingerprint,
                        stamp: None,
                    },
                ) {
                    staged.push((temp, dir.join(path)));
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

/// Whether the file at `path` under `dir` holds `contents`: `None` if
/// there is none.
fn compare(dir: &Path, path: &Path, contents: &[u8]) -> anyhow::Result<Option<bool>> {
    let full = dir.join(path);
    match std::fs::symlink_metadata(&full) {
        Ok(meta) if meta.file_type().is_symlink() => return Err(refused_link(&full)),
        Ok(meta) if !meta.is_file() => anyhow::bail!(
            "{} is not a file (a folder, a pipe or a device), and errdoc writes a page there — move it away",
            full.display()
        ),
        Ok(meta) if meta.len() != contents.len() as u64 => return Ok(Some(false)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        _ => {}
    }
    match std::fs::read(&full) {
        Ok(existing) => Ok(Some(existing == contents)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", full.display())),
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
    // Never through a link to somewhere else.
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return;
    }
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
        .is_some_and(|name| crate::input::is_temporary_name(&name.to_string_lossy()))
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
        let mut output = Output::staged(&site).unwrap();
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

        plan.apply(site.as_path(), &mut output).unwrap();
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
