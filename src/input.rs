//! Reading a project's files: every input (catalog, `.ftl` files,
//! templates, layouts, pages to import) goes through [`read_input`], and
//! every listing of its folders through [`list_project`], so that no
//! input is read through a link that leaves the project, from a special
//! file, or past [`INPUT_LIMIT`].

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

/// The largest input file errdoc reads (a catalog, a `.ftl` file, a
/// template, a layout, a page to import): 64 MiB.
pub(crate) const INPUT_LIMIT: u64 = 64 * 1024 * 1024;

/// Reads the file `rel` of the project at `root`, as bytes.
///
/// errdoc reads no file through a symbolic link that leads out of the
/// project (a link to `/proc/self/environ` must not print the
/// environment), nothing that is not a regular file (`/dev/zero`), and
/// nothing larger than [`INPUT_LIMIT`]: each is a problem of the input,
/// reported in `diags`, and gives `Ok(None)`. A missing file and other I/O
/// errors are returned to the caller.
pub(crate) fn read_input(
    root: &Path,
    rel: &Path,
    diags: &mut Diagnostics,
) -> std::io::Result<Option<Vec<u8>>> {
    let full = root.join(rel);
    let target = std::fs::canonicalize(&full)?;
    let project = std::fs::canonicalize(root)?;
    if !target.starts_with(&project) {
        diags.push(
            Diagnostic::new(Kind::LinkLeavesProject {
                target: target.display().to_string(),
            })
            .at_path(rel),
        );
        return Ok(None);
    }
    let meta = std::fs::metadata(&target)?;
    if !meta.is_file() {
        diags.push(Diagnostic::new(Kind::NotAFile).at_path(rel));
        return Ok(None);
    }
    let too_large = |diags: &mut Diagnostics| {
        diags.push(
            Diagnostic::new(Kind::TooLarge {
                limit: INPUT_LIMIT / (1024 * 1024),
            })
            .at_path(rel),
        );
    };
    if meta.len() > INPUT_LIMIT {
        too_large(diags);
        return Ok(None);
    }
    // Read no more than the limit whatever the size says (files under
    // /proc say 0).
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::fs::File::open(&target)?, INPUT_LIMIT + 1),
        &mut bytes,
    )?;
    if bytes.len() as u64 > INPUT_LIMIT {
        too_large(diags);
        return Ok(None);
    }
    Ok(Some(bytes))
}

/// Reads the text file `rel` of the project at `root` ([`read_input`]).
///
/// A file that is not UTF-8 is a problem of the input: it is reported in
/// `diags` and gives `Ok(None)`. A byte order mark is dropped.
pub(crate) fn read_utf8(
    root: &Path,
    rel: &Path,
    diags: &mut Diagnostics,
) -> std::io::Result<Option<String>> {
    let Some(bytes) = read_input(root, rel, diags)? else {
        return Ok(None);
    };
    match String::from_utf8(bytes) {
        // Editors on Windows may start a file with a byte order mark.
        Ok(text) => Ok(Some(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        })),
        Err(e) => {
            diags.push(
                Diagnostic::new(Kind::NotUtf8 {
                    offset: e.utf8_error().valid_up_to(),
                })
                .at_path(rel),
            );
            Ok(None)
        }
    }
}

/// The bytes of a file named on the command line (not a project's input:
/// it may be anywhere, a pipe too, which says no size), read to
/// [`INPUT_LIMIT`]; `None` where it is larger.
pub(crate) fn read_capped(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(INPUT_LIMIT + 1)
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= INPUT_LIMIT).then_some(bytes))
}

/// The text of a file named on the command line ([`read_capped`]), or
/// why not, in a sentence that names it as `shown`.
pub(crate) fn read_named(path: &Path, shown: &str) -> Result<String, String> {
    match read_capped(path) {
        Err(e) => Err(format!("cannot read {shown}: {e}")),
        Ok(None) => Err(format!(
            "{shown} is larger than {} MiB: errdoc reads no input that large",
            INPUT_LIMIT >> 20
        )),
        Ok(Some(bytes)) => {
            String::from_utf8(bytes).map_err(|_| format!("{shown} is not UTF-8 text"))
        }
    }
}

/// Whether `name` (a file or folder name, no path) is one that editors
/// and operating systems leave beside the files a user edits, never an
/// input: Vim's swap files (`.codes.yaml.swp`, `.swo`, … `.swa`), Emacs's
/// lock links (`.#bundle.ftl`), auto-save files (`#bundle.ftl#`) and
/// backups (`bundle.ftl~`, Vim's too), Kate's swap files
/// (`.page.html.kate-swp`), the temporary files of GNOME's safe save
/// (`.goutputstream-…`) and of JetBrains IDEs (`…___jb_tmp___`,
/// `…___jb_old___`), and the folder metadata of macOS (`.DS_Store`, `._…`)
/// and Windows (`Thumbs.db`, `desktop.ini`); also the file Vim writes to
/// see whether it may write in a folder (`4913`) and LibreOffice's locks
/// (`.~lock.glossary.tsv#`); and errdoc's own temporary files, which a
/// killed command may leave (`.errdoc-*.tmp`).
///
/// A build lists no such file ([`list_project`]), the build cache does not
/// fingerprint them and `serve` does not rebuild when one changes: a swap
/// file beside a template being edited must neither break the build nor
/// start a rebuild each time the editor writes it. Other hidden files
/// (`templates/static/.nojekyll`) are inputs like any other.
pub(crate) fn is_litter(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    // `.swp`, then `.swo` … `.swa` while the earlier ones are taken.
    let vim_swap = name.starts_with('.')
        && name.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty()
                && ext.len() == 3
                && ext.starts_with("sw")
                && (b'a'..=b'p').contains(&ext.as_bytes()[2])
        });
    vim_swap
        || name.starts_with(".#")
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || name.ends_with('~')
        || is_temporary_name(&name)
        || name == "4913"
        || name.starts_with(".~lock.")
        || name.ends_with(".kate-swp")
        || name.starts_with(".goutputstream-")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name == ".DS_Store"
        || name.starts_with("._")
        || name.eq_ignore_ascii_case("Thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// Whether `name` is that of one of errdoc's temporary files
/// (`.errdoc-*.tmp`), which it writes beside a file it replaces and a
/// killed command may leave.
pub(crate) fn is_temporary_name(name: &str) -> bool {
    name.starts_with(".errdoc-") && name.ends_with(".tmp")
}

/// A walk that `walk` says how to make (links followed, as every walk of
/// inputs follows them), which neither yields nor looks into what editors
/// leave behind ([`is_litter`]) — but `walk`'s own folder.
pub(crate) type Walk = walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>;

/// See [`Walk`].
pub(crate) fn walk_inputs(walk: walkdir::WalkDir) -> Walk {
    fn kept(entry: &walkdir::DirEntry) -> bool {
        entry.depth() == 0 || !is_litter(entry.file_name())
    }
    walk.follow_links(true)
        .into_iter()
        .filter_entry(kept as fn(&walkdir::DirEntry) -> bool)
}

/// Whether any part of `rel` (a path under a project folder) is
/// [`is_litter`].
pub(crate) fn in_litter(rel: &Path) -> bool {
    rel.components().any(|c| is_litter(c.as_os_str()))
}

/// A file or folder found under the project.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// Where it is.
    pub path: PathBuf,
    /// Whether it is a folder (after following a link inside the project).
    pub is_dir: bool,
}

/// The files and folders under `dir` (of the project at `root`) from
/// `min_depth` to `max_depth`, sorted by name. Links are followed where
/// they stay inside the project; one that leaves it, or that is broken, is
/// an error in `diags` and is not listed — never skipped without a word
/// (a locale folder dropped silently would remove that locale's pages).
/// What editors leave beside the files ([`is_litter`]) is not listed,
/// nor looked into.
pub(crate) fn list_project(
    root: &Path,
    dir: &Path,
    min_depth: usize,
    max_depth: usize,
    diags: &mut Diagnostics,
) -> Vec<Found> {
    let rel = |path: &Path| path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let mut found = Vec::new();
    // Litter is not looked into (walkdir passes no entry above `min_depth`
    // to the filter: those are checked as part of the paths below them).
    let mut walker = walk_inputs(
        walkdir::WalkDir::new(dir)
            .min_depth(min_depth)
            .max_depth(max_depth)
            .sort_by_file_name(),
    );
    let litter = |path: &Path| path.strip_prefix(dir).is_ok_and(in_litter);
    // Above `min_depth` nothing is listed, yet a link there that leads out
    // of the project is reported where it is, whatever is below it (an
    // empty folder today may hold a file tomorrow), and not looked into.
    let outside = if min_depth > 1 {
        links_out_above(root, dir, min_depth, diags)
    } else {
        Vec::new()
    };
    while let Some(entry) = walker.next() {
        match entry {
            Ok(entry) if litter(entry.path()) => {}
            Ok(entry) if outside.iter().any(|o| entry.path().starts_with(o)) => {
                if entry.file_type().is_dir() {
                    walker.skip_current_dir();
                }
            }
            Ok(entry) => {
                if entry.path_is_symlink()
                    && !inside_project(root, entry.path(), &rel(entry.path()), diags)
                {
                    // Not looked into either: it may be any folder.
                    if entry.file_type().is_dir() {
                        walker.skip_current_dir();
                    }
                    continue;
                }
                found.push(Found {
                    is_dir: entry.file_type().is_dir(),
                    path: entry.into_path(),
                });
            }
            // An Emacs lock is a link to nowhere (`.#bundle.ftl` →
            // `user@host.1234`): what cannot be followed is reported here,
            // not filtered above.
            Err(e)
                if e.path()
                    .is_some_and(|p| litter(p) || outside.iter().any(|o| p.starts_with(o))) => {}
            Err(e) => {
                let at = e.path().map_or_else(|| rel(dir), rel);
                let why = if e.loop_ancestor().is_some() {
                    "a link that loops back to a folder above it".to_string()
                } else {
                    e.io_error()
                        .map_or_else(|| e.to_string(), ToString::to_string)
                };
                diags.push(Diagnostic::new(Kind::Unreadable { why }).at_path(at));
            }
        }
    }
    found
}

/// The links to folders above `min_depth` under `dir` (`dir` itself
/// included) that lead out of the project at `root`, each reported in
/// `diags`.
fn links_out_above(
    root: &Path,
    dir: &Path,
    min_depth: usize,
    diags: &mut Diagnostics,
) -> Vec<PathBuf> {
    let rel = |path: &Path| path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let mut outside = Vec::new();
    let mut above = walk_inputs(
        walkdir::WalkDir::new(dir)
            .max_depth(min_depth - 1)
            .sort_by_file_name(),
    );
    while let Some(entry) = above.next() {
        // What cannot be listed is reported by the listing itself.
        let Ok(entry) = entry else {
            continue;
        };
        // A file there is not listed, so not read: only folders lead on.
        if entry.path_is_symlink()
            && entry.file_type().is_dir()
            && !inside_project(root, entry.path(), &rel(entry.path()), diags)
        {
            outside.push(entry.path().to_path_buf());
            above.skip_current_dir();
        }
    }
    outside
}

/// Whether `path` (a file or folder found under the project at `root`,
/// through links or not) lies inside the project. A folder listing skips
/// nothing silently: what leads out is an error at `rel`.
fn inside_project(root: &Path, path: &Path, rel: &Path, diags: &mut Diagnostics) -> bool {
    let (Ok(target), Ok(project)) = (std::fs::canonicalize(path), std::fs::canonicalize(root))
    else {
        diags.push(
            Diagnostic::new(Kind::Unreadable {
                why: "a broken link, or no permission".to_string(),
            })
            .at_path(rel),
        );
        return false;
    };
    if target.starts_with(&project) {
        return true;
    }
    diags.push(
        Diagnostic::new(Kind::LinkLeavesProject {
            target: target.display().to_string(),
        })
        .at_path(rel),
    );
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_editors_leave_behind_is_litter_and_inputs_are_not() {
        let litter = [
            ".codes.yaml.swp",
            ".bundle.ftl.swo",
            ".page.html.swa",
            ".Makefile.swp",
            ".#bundle.ftl",
            "#bundle.ftl#",
            "bundle.ftl~",
            ".page.html.kate-swp",
            ".goutputstream-8QZ2T1",
            "page.html___jb_tmp___",
            "page.html___jb_old___",
            ".DS_Store",
            "._page.html",
            "Thumbs.db",
            "thumbs.db",
            "desktop.ini",
            "4913",
            ".errdoc-x1y2.tmp",
            ".~lock.glossary.tsv#",
        ];
        for name in litter {
            assert!(is_litter(std::ffi::OsStr::new(name)), "{name}");
        }
        let inputs = [
            "codes.yaml",
            "bundle.ftl",
            ".sources.lock",
            "glossary.tsv",
            ".nojekyll",
            ".htaccess",
            ".well-known",
            ".logo.svg",
            ".swp",
            "page.swp",
            "#",
            "#1001.md",
            "a#b#",
            "Thumbs.db.html",
        ];
        for name in inputs {
            assert!(!is_litter(std::ffi::OsStr::new(name)), "{name}");
        }
        assert!(in_litter(Path::new("locales/en/.#bundle.ftl")));
        assert!(in_litter(Path::new("templates/._static/x.css")));
        assert!(!in_litter(Path::new("templates/static/.nojekyll")));
    }

    #[cfg(unix)]
    #[test]
    fn a_listing_leaves_out_litter_even_a_lock_that_links_nowhere() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("t/._meta")).unwrap();
        for name in [
            "page.html",
            ".page.html.swp",
            "page.html~",
            ".nojekyll",
            "._meta/x",
        ] {
            std::fs::write(root.join("t").join(name), "x").unwrap();
        }
        std::os::unix::fs::symlink("user@host.1234:1700000000", root.join("t/.#page.html"))
            .unwrap();
        let mut diags = Diagnostics::new();
        let found: Vec<String> = list_project(root, &root.join("t"), 1, usize::MAX, &mut diags)
            .iter()
            .map(|f| f.path.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(found, ["t/.nojekyll", "t/page.html"]);
        // Nor is what lies in a litter folder above the depth listed.
        std::fs::create_dir_all(root.join("t/en~")).unwrap();
        std::fs::write(root.join("t/en~/page.md"), "x").unwrap();
        let deep: Vec<String> = list_project(root, &root.join("t"), 2, 2, &mut diags)
            .iter()
            .map(|f| f.path.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert!(deep.is_empty(), "{deep:?}");
        assert!(diags.is_empty(), "{:?}", diags.sorted());
        // A link out of the project is reported once, and not looked into,
        // also above the depth listed.
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(outside.path().join("a/b")).unwrap();
        std::fs::write(outside.path().join("a/b/c.md"), "x").unwrap();
        std::fs::write(outside.path().join("a/d.md"), "x").unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("t/out")).unwrap();
        for (min, max) in [(1, usize::MAX), (2, 2), (3, 3)] {
            let mut found = Diagnostics::new();
            let listed: Vec<_> = list_project(root, &root.join("t"), min, max, &mut found)
                .into_iter()
                .filter(|f| f.path.starts_with(root.join("t/out")))
                .collect();
            assert!(listed.is_empty(), "{min}: {listed:?}");
            let shown: Vec<String> = found.sorted().iter().map(|d| d.to_string()).collect();
            assert_eq!(shown.len(), 1, "{min}: {shown:?}");
            assert!(shown[0].starts_with("t/out: "), "{shown:?}");
            assert!(shown[0].contains(": error[E0501]: "), "{shown:?}");
        }
        std::fs::remove_file(root.join("t/out")).unwrap();
        // A broken link that is no editor's lock is still reported.
        std::os::unix::fs::symlink("nowhere", root.join("t/broken.html")).unwrap();
        list_project(root, &root.join("t"), 1, usize::MAX, &mut diags);
        assert_eq!(diags.sorted().len(), 1);
    }

    #[test]
    fn files_that_are_not_utf8_are_reported_not_failed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("locales/en")).unwrap();
        std::fs::write(dir.path().join("locales/en/x.ftl"), b"a = \xff\n").unwrap();
        let mut diags = Diagnostics::new();
        let text = read_utf8(dir.path(), Path::new("locales/en/x.ftl"), &mut diags).unwrap();
        assert_eq!(text, None);
        assert_eq!(
            diags.sorted()[0].to_string(),
            "locales/en/x.ftl: error[E0504]: not UTF-8 (invalid byte at offset 4) — save the file as UTF-8\n"
        );
        let missing = read_utf8(dir.path(), Path::new("nope"), &mut diags);
        assert!(missing.is_err());
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_project_and_special_files_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "token").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("out.ftl"))
            .unwrap();
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.ftl")).unwrap();
        std::fs::write(dir.path().join("real.ftl"), "a = b\n").unwrap();
        std::os::unix::fs::symlink(dir.path().join("real.ftl"), dir.path().join("in.ftl")).unwrap();
        let mut diags = Diagnostics::new();
        assert_eq!(
            read_utf8(dir.path(), Path::new("out.ftl"), &mut diags).unwrap(),
            None
        );
        assert_eq!(
            read_utf8(dir.path(), Path::new("zero.ftl"), &mut diags).unwrap(),
            None
        );
        // A link inside the project is read.
        assert_eq!(
            read_utf8(dir.path(), Path::new("in.ftl"), &mut diags)
                .unwrap()
                .as_deref(),
            Some("a = b\n")
        );
        let shown: Vec<String> = diags.sorted().iter().map(|d| d.to_string()).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(
            shown[0].starts_with("out.ftl: error[E0501]: a link to "),
            "{shown:?}"
        );
        assert!(shown[0].contains("outside the project"), "{shown:?}");
        assert!(!shown.concat().contains("token"));
        assert!(
            shown[1].starts_with("zero.ftl: error[E0501]: a link to /dev/zero"),
            "{shown:?}"
        );
    }
}
