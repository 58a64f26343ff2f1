//! Watching the project for `serve`: which file system events are changes
//! of what a build reads, and rebuilding on them — unless the inputs are
//! as the last good build found them.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{Shared, locked, rebuild};

/// How long the project must be quiet after a change before a rebuild.
/// One save's events (an editor's temporary file, its rename) come within
/// a millisecond or two; a longer burst (a `git checkout`) costs one more
/// rebuild, never a stale site: a change during a rebuild starts another.
/// Any longer and the wait is most of what a reader waits for (the real
/// 38-page set rebuilds in well under 200 ms).
const SETTLE: Duration = Duration::from_millis(30);

/// Whether a file system event under the project at `roots` (its folder
/// as given, and resolved) changes content (reads do not) of a file a build
/// may read (not an editor's swap file: [`crate::input::is_litter`]), or
/// may have: a lost event queue (`need_rescan`) hides what changed.
fn is_change(roots: &[PathBuf], event: &notify::Event) -> bool {
    use notify::EventKind;
    use notify::event::ModifyKind;
    if event.need_rescan() {
        return true;
    }
    let litter = |path: &PathBuf| {
        roots
            .iter()
            .find_map(|root| path.strip_prefix(root).ok())
            .is_some_and(crate::input::in_litter)
    };
    if !event.paths.is_empty() && event.paths.iter().all(litter) {
        return false;
    }
    match event.kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// The folders a build reads, under the project's root.
const INPUT_FOLDERS: [&str; 4] = [
    "catalog",
    "locales",
    "templates",
    crate::layout::LAYOUTS_DIR,
];

/// The folders, inside the project at `root` but outside the `watched`
/// ones (resolved), of the files that links in the input folders lead to.
fn linked_folders(root: &Path, watched: &[PathBuf]) -> std::collections::BTreeSet<PathBuf> {
    let Ok(project) = std::fs::canonicalize(root) else {
        return Default::default();
    };
    INPUT_FOLDERS
        .iter()
        .flat_map(|dir| walkdir::WalkDir::new(root.join(dir)).into_iter().flatten())
        .filter(|entry| entry.path_is_symlink())
        .filter_map(|entry| std::fs::canonicalize(entry.path()).ok())
        .filter(|target| target.is_file() && target.starts_with(&project))
        .filter_map(|target| target.parent().map(Path::to_path_buf))
        .filter(|folder| !watched.iter().any(|w| folder.starts_with(w)))
        .collect()
}

/// The project's input folders, watched: from before the first build, so
/// that no change is missed between it and the first rebuild.
pub(super) struct Watching {
    watcher: notify::RecommendedWatcher,
    events: std::sync::mpsc::Receiver<notify::Result<notify::Event>>,
}

impl Watching {
    /// Starts watching the input folders of the project at `root`.
    pub(super) fn start(root: &Path) -> anyhow::Result<Watching> {
        use notify::{RecursiveMode, Watcher as _};
        let (sender, events) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
        let mut watcher = notify::recommended_watcher(sender)?;
        let mut watched = Vec::new();
        for dir in INPUT_FOLDERS {
            let path = root.join(dir);
            if path.is_dir() {
                watcher.watch(&path, RecursiveMode::Recursive)?;
                watched.extend(std::fs::canonicalize(&path));
            }
        }
        // A file linked in from elsewhere in the project changes there: its
        // folder is watched too (a folder linked in is followed by the
        // watcher itself).
        for folder in linked_folders(root, &watched) {
            if let Err(e) = watcher.watch(&folder, RecursiveMode::NonRecursive) {
                crate::console::tell(&format!(
                    "warning: cannot watch {}, where a linked input is: {e}",
                    crate::console::printable(&folder.display().to_string())
                ));
            }
        }
        Ok(Watching { watcher, events })
    }

    /// Rebuilds on change, on a thread of its own, until the process ends.
    pub(super) fn rebuild_on_change(self, root: PathBuf, shared: Shared) {
        std::thread::spawn(move || {
            // The watcher stops when dropped: it lives in this thread.
            let Watching { watcher, events } = self;
            let _watcher = watcher;
            // The root as events may name it: macOS names resolved paths.
            let roots = [
                std::fs::canonicalize(&root).unwrap_or_else(|_| root.clone()),
                root.clone(),
            ];
            // A watcher's error may hide a change: build, as for one.
            let changes = |event: &notify::Result<notify::Event>| {
                event.as_ref().map_or(true, |e| is_change(&roots, e))
            };
            // Whether a change came while the last build ran; the first
            // ran before this thread.
            let came_meanwhile = || {
                let came = std::iter::from_fn(|| events.try_recv().ok()).any(|e| changes(&e));
                if came {
                    *locked(&shared.inputs) = None;
                }
                came
            };
            let mut came = came_meanwhile();
            loop {
                if !came {
                    match events.recv() {
                        Ok(event) if changes(&event) => {}
                        Ok(_) => continue,
                        Err(_) => return,
                    }
                }
                // Let a burst of saves settle before building.
                while events.recv_timeout(SETTLE).is_ok() {}
                rebuild_if_changed(&root, &shared);
                // The fingerprint was taken before the build read the
                // files: what changed since may be in the build or not, and
                // may even have been undone since (a stash and its pop). The
                // next build is not to be skipped.
                came = came_meanwhile();
            }
        });
    }
}

/// The fingerprint of `root`'s inputs, as a build of `serve` reads them
/// (the default options); `None` if one cannot be read plainly.
pub(super) fn inputs_of(root: &Path) -> Option<String> {
    crate::cache::fingerprint(root, "serve")
}

/// Builds `root` again, unless its inputs are as the last build found
/// them.
fn rebuild_if_changed(root: &Path, shared: &Shared) {
    // Taken before the build reads the files: a change made while it runs
    // then differs from it, and builds again.
    let inputs = inputs_of(root);
    if inputs.is_some() && *locked(&shared.inputs) == inputs {
        return;
    }
    rebuild(root, shared, "rebuilt", inputs);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_change_to_what_a_build_reads_is_one() {
        use notify::event::{CreateKind, DataChange, EventKind, Flag, MetadataKind, ModifyKind};
        let root = &[PathBuf::from("/p")];
        let event = |kind: EventKind, paths: &[&str]| {
            paths.iter().fold(notify::Event::new(kind), |e, p| {
                e.add_path(PathBuf::from(p))
            })
        };
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        let create = EventKind::Create(CreateKind::File);
        assert!(is_change(root, &event(write, &["/p/locales/en/a.ftl"])));
        assert!(is_change(root, &event(create, &["/p/templates/page.html"])));
        // Vim's swap file and Emacs's lock, on their own: no change.
        assert!(!is_change(
            root,
            &event(write, &["/p/locales/en/.a.ftl.swp"])
        ));
        assert!(!is_change(root, &event(create, &["/p/locales/en/.#a.ftl"])));
        // A rename from a temporary name onto the file is one.
        assert!(is_change(
            root,
            &event(
                write,
                &[
                    "/p/templates/page.html___jb_tmp___",
                    "/p/templates/page.html"
                ]
            )
        ));
        // Only the project's part of a path counts.
        assert!(is_change(
            &[PathBuf::from("/#tmp#/p")],
            &event(write, &["/#tmp#/p/catalog/codes.yaml"])
        ));
        // Nor a resolved one (macOS names /private/tmp for /tmp).
        let both = &[PathBuf::from("/private/tmp/p"), PathBuf::from("/tmp/p")];
        assert!(!is_change(
            both,
            &event(write, &["/private/tmp/p/locales/en/.a.ftl.swp"])
        ));
        let touch = EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime));
        assert!(!is_change(root, &event(touch, &["/p/catalog/codes.yaml"])));
        // A lost queue hides what changed.
        let lost = notify::Event::new(EventKind::Other).set_flag(Flag::Rescan);
        assert!(is_change(root, &lost));
    }
}
