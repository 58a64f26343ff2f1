//! Watching the project for `serve`: which file system events are changes
//! of what a build reads, and rebuilding on them — unless the inputs are
//! as the last good build found them.

use std::collections::BTreeSet;
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

/// What a build reads, as file system events name it: the input folders
/// (as given and resolved: macOS names resolved paths), and the files
/// elsewhere in the project that links in them lead to.
#[derive(Default)]
struct Inputs {
    folders: Vec<PathBuf>,
    /// Each stop of each link's way, outside the input folders.
    linked: BTreeSet<PathBuf>,
}

impl Inputs {
    /// Whether `path` is one of them: in an input folder and not what
    /// editors leave behind ([`crate::input::is_litter`]), or a stop of a
    /// link's way.
    fn has(&self, path: &Path) -> bool {
        match self.folders.iter().find_map(|f| path.strip_prefix(f).ok()) {
            Some(rel) => !crate::input::in_litter(rel),
            None => self.linked.contains(path),
        }
    }
}

/// Whether a file system event changes content (reads do not) of what a
/// build reads (`inputs`), or may have: a lost event queue
/// (`need_rescan`) hides what changed.
fn is_change(inputs: &Inputs, event: &notify::Event) -> bool {
    use notify::EventKind;
    use notify::event::ModifyKind;
    if event.need_rescan() {
        return true;
    }
    if !event.paths.is_empty() && !event.paths.iter().any(|p| inputs.has(p)) {
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

/// How many links a way may take (the kernel's own limit is 40).
const MAX_HOPS: usize = 40;

/// Each stop of the way of each link under `folders` (resolved) that
/// lies inside the project at `project` (resolved) but outside `folders`:
/// a link's target, and that target's own target if it is a link too. The
/// last folder of each stop is left as named, so that an editor's save
/// (a new file renamed over the old) is still the same path.
fn link_stops(project: &Path, folders: &[PathBuf]) -> BTreeSet<PathBuf> {
    let mut stops = BTreeSet::new();
    let links = folders
        .iter()
        .flat_map(|dir| {
            walkdir::WalkDir::new(dir)
                .follow_links(true)
                .into_iter()
                .flatten()
        })
        .filter(walkdir::DirEntry::path_is_symlink);
    for link in links {
        let mut at = link.into_path();
        for _ in 0..MAX_HOPS {
            let Ok(to) = std::fs::read_link(&at) else {
                break;
            };
            let next = at.parent().map_or_else(|| to.clone(), |p| p.join(&to));
            let (Some(folder), Some(name)) = (next.parent(), next.file_name()) else {
                break;
            };
            let Ok(folder) = std::fs::canonicalize(folder) else {
                break;
            };
            at = folder.join(name);
            if at.starts_with(project) && !folders.iter().any(|f| at.starts_with(f)) {
                stops.insert(at.clone());
            }
        }
    }
    stops
}

/// The project's input folders, watched: from before the first build, so
/// that no change is missed between it and the first rebuild.
pub(super) struct Watching {
    watcher: notify::RecommendedWatcher,
    events: std::sync::mpsc::Receiver<notify::Result<notify::Event>>,
    inputs: Inputs,
    project: PathBuf,
}

impl Watching {
    /// Starts watching the input folders of the project at `root`.
    pub(super) fn start(root: &Path) -> anyhow::Result<Watching> {
        use notify::{RecursiveMode, Watcher as _};
        let (sender, events) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
        let mut watcher = notify::recommended_watcher(sender)?;
        let mut inputs = Inputs::default();
        for dir in INPUT_FOLDERS {
            let path = root.join(dir);
            if path.is_dir() {
                watcher.watch(&path, RecursiveMode::Recursive)?;
                inputs.folders.extend(std::fs::canonicalize(&path));
                inputs.folders.push(path);
            }
        }
        let mut watching = Watching {
            watcher,
            events,
            inputs,
            project: std::fs::canonicalize(root)?,
        };
        watching.follow_links();
        Ok(watching)
    }

    /// Watches the folder of each stop of each link's way that is not
    /// watched yet: a file linked in from elsewhere in the project changes
    /// there. (A folder linked in is followed by the watcher itself.)
    /// Done again after each build: a link may be made or moved.
    fn follow_links(&mut self) {
        use notify::{RecursiveMode, Watcher as _};
        let stops = link_stops(&self.project, &self.inputs.folders);
        for stop in stops.difference(&self.inputs.linked) {
            let Some(folder) = stop.parent() else {
                continue;
            };
            let watched = self
                .inputs
                .linked
                .iter()
                .any(|s| s.parent() == Some(folder));
            if !watched && let Err(e) = self.watcher.watch(folder, RecursiveMode::NonRecursive) {
                crate::console::tell(&format!(
                    "warning: cannot watch {}, where a linked input is: {e}",
                    crate::console::printable(&folder.display().to_string())
                ));
            }
        }
        self.inputs.linked.extend(stops);
    }

    /// Rebuilds on change, on a thread of its own, until the process ends.
    pub(super) fn rebuild_on_change(mut self, root: PathBuf, shared: Shared) {
        std::thread::spawn(move || {
            // A watcher's error may hide a change: build, as for one.
            let changes = |inputs: &Inputs, event: &notify::Result<notify::Event>| {
                event.as_ref().map_or(true, |e| is_change(inputs, e))
            };
            // Whether a change came while the last build ran (the first
            // ran before this thread): the fingerprint was taken before the
            // build read the files, so what changed since may be in the
            // build or not, and may even have been undone since (a stash
            // and its pop). The next build is not to be skipped.
            let came_meanwhile = |watching: &Watching| {
                let came = std::iter::from_fn(|| watching.events.try_recv().ok())
                    .any(|e| changes(&watching.inputs, &e));
                if came {
                    *locked(&shared.inputs) = None;
                }
                came
            };
            let mut came = came_meanwhile(&self);
            loop {
                if !came {
                    match self.events.recv() {
                        Ok(event) if changes(&self.inputs, &event) => {}
                        Ok(_) => continue,
                        Err(_) => return,
                    }
                }
                // Let a burst of saves settle before building.
                while self.events.recv_timeout(SETTLE).is_ok() {}
                rebuild_if_changed(&root, &shared);
                self.follow_links();
                came = came_meanwhile(&self);
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
        let under = |root: &str| Inputs {
            folders: INPUT_FOLDERS
                .iter()
                .map(|f| Path::new(root).join(f))
                .collect(),
            linked: [PathBuf::from("/p/shared/a.ftl")].into(),
        };
        let inputs = &under("/p");
        let event = |kind: EventKind, paths: &[&str]| {
            paths.iter().fold(notify::Event::new(kind), |e, p| {
                e.add_path(PathBuf::from(p))
            })
        };
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        let create = EventKind::Create(CreateKind::File);
        assert!(is_change(inputs, &event(write, &["/p/locales/en/a.ftl"])));
        assert!(is_change(
            inputs,
            &event(create, &["/p/templates/page.html"])
        ));
        // Vim's swap file and Emacs's lock, on their own: no change.
        assert!(!is_change(
            inputs,
            &event(write, &["/p/locales/en/.a.ftl.swp"])
        ));
        assert!(!is_change(
            inputs,
            &event(create, &["/p/locales/en/.#a.ftl"])
        ));
        // A rename from a temporary name onto the file is one.
        let renamed = [
            "/p/templates/page.html___jb_tmp___",
            "/p/templates/page.html",
        ];
        assert!(is_change(inputs, &event(write, &renamed)));
        // A file linked in is one where it is; what else is there is not,
        // nor anything else in the project (a log serve writes to).
        assert!(is_change(inputs, &event(write, &["/p/shared/a.ftl"])));
        assert!(!is_change(inputs, &event(write, &["/p/shared/b.ftl"])));
        assert!(!is_change(inputs, &event(write, &["/p/serve.log"])));
        // Only the project's part of a path counts.
        assert!(is_change(
            &under("/#tmp#/p"),
            &event(write, &["/#tmp#/p/catalog/codes.yaml"])
        ));
        let touch = EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime));
        assert!(!is_change(
            inputs,
            &event(touch, &["/p/catalog/codes.yaml"])
        ));
        // A lost queue hides what changed.
        let lost = notify::Event::new(EventKind::Other).set_flag(Flag::Rescan);
        assert!(is_change(inputs, &lost));
    }

    #[cfg(unix)]
    #[test]
    fn each_stop_of_a_links_way_outside_the_inputs_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let project = std::fs::canonicalize(dir.path()).unwrap();
        for folder in ["locales/en", "shared", "v2"] {
            std::fs::create_dir_all(project.join(folder)).unwrap();
        }
        std::fs::write(project.join("v2/a.ftl"), "a = A\n").unwrap();
        std::os::unix::fs::symlink("../v2/a.ftl", project.join("shared/a.ftl")).unwrap();
        std::os::unix::fs::symlink("../../shared/a.ftl", project.join("locales/en/a.ftl")).unwrap();
        // A link out of the project is the build's to refuse, not watched.
        std::os::unix::fs::symlink("/etc/hostname", project.join("locales/en/b.ftl")).unwrap();
        let stops = link_stops(&project, &[project.join("locales")]);
        let expected: BTreeSet<PathBuf> =
            [project.join("shared/a.ftl"), project.join("v2/a.ftl")].into();
        assert_eq!(stops, expected);
    }
}
