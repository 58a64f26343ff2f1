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

/// What a build reads, as file system events name it.
#[derive(Default)]
struct Inputs {
    /// The input folders (as watched, and resolved) and the folders linked
    /// into them (resolved): what is under them is read.
    folders: Vec<PathBuf>,
    /// Each stop of the way of each file linked into them from elsewhere
    /// in the project (its folder resolved).
    linked: BTreeSet<PathBuf>,
}

impl Inputs {
    /// Whether `path` is one of them: under one of the folders and not
    /// what editors leave behind ([`crate::input::is_litter`]), or a stop
    /// of a link's way. A path is looked at as named and with its folder
    /// resolved: a folder watched under two names is named by either.
    fn has(&self, path: &Path) -> bool {
        let resolved = resolved(path);
        [path, resolved.as_path()].into_iter().any(|path| {
            match self.folders.iter().find_map(|f| path.strip_prefix(f).ok()) {
                Some(rel) => !crate::input::in_litter(rel),
                None => self.linked.contains(path),
            }
        })
    }
}

/// `path` with its folder resolved (links, `..`) and its own name kept (an
/// editor's save renames a new file over it); as it is where the folder
/// cannot be resolved.
fn resolved(path: &Path) -> PathBuf {
    match (path.parent(), path.file_name()) {
        (Some(folder), Some(name)) => {
            std::fs::canonicalize(folder).map_or_else(|_| path.to_path_buf(), |f| f.join(name))
        }
        _ => path.to_path_buf(),
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
    let changes = match event.kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    };
    // The kind first: a path is resolved only for a change.
    changes && (event.paths.is_empty() || event.paths.iter().any(|p| inputs.has(p)))
}

/// How many links a way may take (the kernel's own limit is 40).
const MAX_HOPS: usize = 40;

/// What the links under `tops` lead to inside the project at `project`
/// (both resolved where they exist): the folders linked in (each link, and
/// where it leads), and each stop of the way of each file link (a link's
/// target, and that target's own target if it is a link too) that is not
/// under `inside`. A link to nowhere counts: the file it names may come.
/// Links out of the project are not followed (they are the build's to
/// refuse), nor is what editors leave behind.
fn scan_links(
    project: &Path,
    tops: &[PathBuf],
    inside: &[PathBuf],
) -> (Vec<(PathBuf, PathBuf)>, BTreeSet<PathBuf>) {
    let mut folders = Vec::new();
    let mut stops = BTreeSet::new();
    let mut way = |link: &Path| {
        let mut at = link.to_path_buf();
        for _ in 0..MAX_HOPS {
            let Ok(to) = std::fs::read_link(&at) else {
                break;
            };
            at = resolved(&at.parent().map_or_else(|| to.clone(), |p| p.join(&to)));
            if at.starts_with(project) && !inside.iter().any(|f| at.starts_with(f)) {
                stops.insert(at.clone());
            }
        }
    };
    for top in tops {
        let mut walker = crate::input::walk_inputs(walkdir::WalkDir::new(top));
        while let Some(entry) = walker.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    if let Some(path) = e.path()
                        && std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink())
                    {
                        way(path);
                    }
                    continue;
                }
            };
            if !entry.path_is_symlink() {
                continue;
            }
            // Every link on the way counts, whatever it leads to: pointed
            // elsewhere, it changes what the build reads.
            way(entry.path());
            let target = std::fs::canonicalize(entry.path()).ok();
            match target.filter(|t| t.starts_with(project)) {
                Some(target) if entry.file_type().is_dir() => {
                    folders.push((entry.path().to_path_buf(), target));
                }
                Some(_) => {}
                None if entry.file_type().is_dir() => walker.skip_current_dir(),
                None => {}
            }
        }
    }
    (folders, stops)
}

/// The project's input folders, watched: from before the first build, so
/// that no change is missed between it and the first rebuild.
pub(super) struct Watching {
    watcher: notify::RecommendedWatcher,
    events: std::sync::mpsc::Receiver<notify::Result<notify::Event>>,
    /// The project's folder, resolved.
    project: PathBuf,
    /// Its input folders, as watched: named from the resolved project
    /// folder, so that events name them so too (a relative `--root ..`
    /// would give `/cwd/../p/…`).
    tops: Vec<PathBuf>,
    inputs: Inputs,
}

impl Watching {
    /// Starts watching the input folders of the project at `root`.
    pub(super) fn start(root: &Path) -> anyhow::Result<Watching> {
        use notify::{RecursiveMode, Watcher as _};
        let (sender, events) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
        let mut watcher = notify::recommended_watcher(sender)?;
        let project = std::fs::canonicalize(root)?;
        let mut tops = Vec::new();
        for dir in crate::cache::INPUTS {
            let path = project.join(dir);
            if path.is_dir() {
                watcher.watch(&path, RecursiveMode::Recursive)?;
                tops.push(path);
            }
        }
        let mut watching = Watching {
            watcher,
            events,
            project,
            tops,
            inputs: Inputs::default(),
        };
        watching.follow_links();
        Ok(watching)
    }

    /// Watches what links in the input folders lead to: a folder linked in
    /// under the link's name (the watcher looks into a link that was there
    /// when it started, not into one made since), and the folder of each
    /// stop of each file link's way (the file changes there). Done before
    /// each build: a link may be made or moved, a folder made again.
    fn follow_links(&mut self) {
        use notify::{RecursiveMode, Watcher as _};
        let resolved_tops: Vec<PathBuf> = self
            .tops
            .iter()
            .filter_map(|t| std::fs::canonicalize(t).ok())
            .collect();
        let (linked_folders, stops) = scan_links(&self.project, &self.tops, &resolved_tops);
        let mut watch = |path: &Path, mode: RecursiveMode| {
            if let Err(e) = self.watcher.watch(path, mode) {
                crate::console::tell(&format!(
                    "warning: cannot watch {}, where a linked input is: {e}",
                    crate::console::printable(&path.display().to_string())
                ));
            }
        };
        // The input folders again (a watch is dropped with its folder, or
        // with a link to it that is removed), then each folder linked in
        // from outside them: inotify watches a folder once, under the last
        // name it was given.
        for top in &self.tops {
            if top.is_dir() {
                watch(top, RecursiveMode::Recursive);
            }
        }
        for (link, target) in &linked_folders {
            if !resolved_tops.iter().any(|t| target.starts_with(t)) {
                watch(link, RecursiveMode::Recursive);
            }
        }
        let stop_folders: BTreeSet<&Path> = stops.iter().filter_map(|s| s.parent()).collect();
        for folder in stop_folders {
            if folder.is_dir() {
                watch(folder, RecursiveMode::NonRecursive);
            }
        }
        let mut folders = self.tops.clone();
        folders.extend(resolved_tops);
        folders.extend(linked_folders.into_iter().map(|(_, target)| target));
        self.inputs = Inputs {
            folders,
            linked: stops,
        };
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
                // Let a burst of saves settle before building, but not
                // forever: events keep coming from a folder being written
                // to all the time.
                let settling = std::time::Instant::now();
                while settling.elapsed() < MAX_SETTLE && self.events.recv_timeout(SETTLE).is_ok() {}
                self.follow_links();
                rebuild_if_changed(&root, &shared);
                came = came_meanwhile(&self);
            }
        });
    }
}

/// The longest a rebuild waits for the project to settle.
const MAX_SETTLE: Duration = Duration::from_secs(1);

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
            folders: crate::cache::INPUTS
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
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let project = std::fs::canonicalize(dir.path()).unwrap();
        for folder in ["locales/en", "shared/de", "v2", "later"] {
            std::fs::create_dir_all(project.join(folder)).unwrap();
        }
        std::fs::write(project.join("v2/a.ftl"), "a = A\n").unwrap();
        symlink("../v2/a.ftl", project.join("shared/a.ftl")).unwrap();
        symlink("../../shared/a.ftl", project.join("locales/en/a.ftl")).unwrap();
        // A link to a file not made yet: its folder is watched for it.
        symlink("../../later/c.ftl", project.join("locales/en/c.ftl")).unwrap();
        // A folder linked in is read whole.
        symlink("../shared/de", project.join("locales/de")).unwrap();
        // A link out of the project is the build's to refuse, not watched.
        symlink("/etc/hostname", project.join("locales/en/b.ftl")).unwrap();
        symlink("/usr", project.join("locales/en/usr")).unwrap();
        // But a link of the project's on the way out is: pointed inside,
        // it changes what the build reads.
        symlink("/etc/hostname", project.join("shared/d.ftl")).unwrap();
        symlink("../../shared/d.ftl", project.join("locales/en/d.ftl")).unwrap();
        let tops = [project.join("locales")];
        let (folders, stops) = scan_links(&project, &tops, &tops);
        assert_eq!(
            folders,
            [(project.join("locales/de"), project.join("shared/de"))]
        );
        let expected: BTreeSet<PathBuf> = [
            project.join("later/c.ftl"),
            project.join("shared/a.ftl"),
            project.join("shared/d.ftl"),
            project.join("shared/de"),
            project.join("v2/a.ftl"),
        ]
        .into();
        assert_eq!(stops, expected);
        // Each is an input as events name it, and nothing else there is.
        let inputs = Inputs {
            folders: [tops[0].clone(), project.join("shared/de")].into(),
            linked: stops,
        };
        assert!(inputs.has(&project.join("shared/a.ftl")));
        assert!(inputs.has(&project.join("shared/de/x.ftl")));
        assert!(!inputs.has(&project.join("shared/b.ftl")));
        // A folder named two ways (`..` in it) is the same folder.
        assert!(inputs.has(&project.join("v2/../shared/a.ftl")));
    }
}
