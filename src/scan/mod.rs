//! `errdoc scan PATH…`: the error codes the source code uses, against the
//! ones the catalog documents — as the Rust compiler's `tidy` fails its
//! build on an undocumented error code.
//!
//! A file is read when its language is one errdoc knows ([`LANGUAGES`])
//! and the catalog's `scan:` globs let it through; `.gitignore`, `.ignore`
//! and hidden files are honoured as ripgrep honours them (the `ignore`
//! crate walks the folders, on every core). In a file, a whole integer
//! literal inside a range a module `owns` is a code, and so is an
//! identifier that is a catalog constant's name, or group 1 of a pattern
//! of the catalog's `scan.patterns` (a project's own macro). A literal in
//! an owned range that is neither a code nor inside a named range of codes
//! is undocumented. One pass over the bytes finds literals and names; the
//! patterns, where there are any, run over the text after it.

mod tokens;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::catalog::{Catalog, CodeNumber};
use crate::source::SourceFile;

/// The file name extensions of the languages errdoc reads: C and C++,
/// Rust, TypeScript, ArkTS and JavaScript, Java and Kotlin, Python, Go,
/// C#, Swift and Objective-C.
pub(crate) const LANGUAGES: &[&str] = &[
    "c", "h", "cc", "cpp", "cxx", "hh", "hpp", "hxx", "inl", "rs", "ts", "tsx", "mts", "cts",
    "ets", "js", "jsx", "mjs", "cjs", "java", "kt", "kts", "py", "pyi", "go", "cs", "swift", "m",
    "mm",
];

/// What a code in a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Seen {
    /// A code the catalog documents.
    Documented,
    /// A number in an owned range the catalog does not document.
    Undocumented,
}

/// One undocumented code mentioned in a file, where.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// The code as the file writes it (`2301999`, or a name a project
    /// pattern gives: `NET_EFOO`).
    pub code: String,
    /// Byte offsets of the token in the file's text.
    pub start: usize,
    /// End of the token.
    pub end: usize,
}

/// A file that mentions an undocumented code: its text (for the line and
/// caret) and every such mention in it.
#[derive(Debug)]
pub(crate) struct FileFindings {
    /// The file, with its text.
    pub file: SourceFile,
    /// Its undocumented codes, in order.
    pub undocumented: Vec<Mention>,
}

/// What a scan found.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// Files with undocumented codes, by path.
    pub files: Vec<FileFindings>,
    /// Every documented code some file mentions.
    pub mentioned: HashSet<CodeNumber>,
    /// How many files were read.
    pub read: usize,
    /// How many bytes they hold.
    pub bytes: u64,
    /// Files skipped as too large or binary.
    pub skipped: usize,
    /// Paths that could not be walked or read, with why.
    pub errors: Vec<String>,
}

/// What the scan knows of the catalog: which numbers and names are codes.
pub(crate) struct Scanner {
    /// Every code, documented, by number.
    codes: HashSet<CodeNumber>,
    /// Every constant name, with its code.
    names: HashMap<String, CodeNumber>,
    /// The ranges modules own.
    owned: Intervals,
    /// Named ranges of codes that are not single codes.
    ranges: Intervals,
    /// The project's own patterns.
    patterns: Vec<regex::Regex>,
    /// `scan.include`, if any.
    include: Option<globset::GlobSet>,
    /// `scan.exclude`.
    exclude: globset::GlobSet,
}

/// A glob or pattern of `scan:` that does not compile: its index in its
/// list, and why.
#[derive(Debug)]
pub(crate) struct BadScanSetting {
    /// `include`, `exclude` or `patterns`.
    pub list: &'static str,
    /// Which one.
    pub index: usize,
    /// Why.
    pub why: String,
}

impl Scanner {
    /// The scanner of `catalog`, or its first glob or pattern that does
    /// not compile.
    pub(crate) fn new(catalog: &Catalog) -> Result<Self, BadScanSetting> {
        let mut codes = HashSet::new();
        let mut names = HashMap::new();
        let mut owned = Vec::new();
        let mut ranges = Vec::new();
        for m in &catalog.modules {
            for c in &m.codes {
                codes.insert(c.code);
                names.insert(c.name.value.clone(), c.code);
            }
            owned.extend(m.owns.iter().map(|r| (r.from, r.to)));
            ranges.extend(m.ranges.iter().map(|r| (r.range.from, r.range.to)));
        }
        let globs = |list: &'static str, items: &[crate::catalog::Located<String>]| {
            let mut set = globset::GlobSetBuilder::new();
            for (index, g) in items.iter().enumerate() {
                let glob = globset::GlobBuilder::new(&g.value)
                    .literal_separator(true)
                    .build()
                    .map_err(|e| BadScanSetting {
                        list,
                        index,
                        why: e.kind().to_string(),
                    })?;
                set.add(glob);
            }
            set.build().map_err(|e| BadScanSetting {
                list,
                index: 0,
                why: e.to_string(),
            })
        };
        let include = globs("include", &catalog.scan.include)?;
        let exclude = globs("exclude", &catalog.scan.exclude)?;
        let patterns = catalog
            .scan
            .patterns
            .iter()
            .enumerate()
            .map(|(index, p)| {
                let regex = regex::RegexBuilder::new(&p.value)
                    .size_limit(1 << 20)
                    .build()
                    .map_err(|e| BadScanSetting {
                        list: "patterns",
                        index,
                        why: first_line(&e.to_string()),
                    })?;
                if regex.captures_len() < 2 {
                    return Err(BadScanSetting {
                        list: "patterns",
                        index,
                        why: "it has no group: group 1 must be the code or the constant's name"
                            .to_string(),
                    });
                }
                Ok(regex)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Scanner {
            codes,
            names,
            owned: Intervals::of(owned),
            ranges: Intervals::of(ranges),
            patterns,
            include: (!catalog.scan.include.is_empty()).then_some(include),
            exclude,
        })
    }

    /// What `number` is to the catalog, if anything: a literal outside
    /// the owned ranges is not a code, unless a project pattern (`named`)
    /// says it is.
    fn classify(&self, number: CodeNumber, named: bool) -> Option<Seen> {
        if self.codes.contains(&number) {
            return Some(Seen::Documented);
        }
        if !(named || self.owned.contains(number)) || self.ranges.contains(number) {
            return None;
        }
        Some(Seen::Undocumented)
    }

    /// Whether the file at `rel` (relative to the current folder) is
    /// read: `scan.include` where it is given, else every file of a
    /// language errdoc knows; and not `scan.exclude`.
    fn wants(&self, rel: &Path) -> bool {
        let wanted = match &self.include {
            Some(set) => set.is_match(rel),
            None => rel
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| LANGUAGES.contains(&e.to_ascii_lowercase().as_str())),
        };
        wanted && !self.exclude.is_match(rel)
    }

    /// Scans the files under `paths` (files or folders), on every core:
    /// each file once, a file named as a path whatever it is.
    pub(crate) fn scan(&self, paths: &[PathBuf]) -> Found {
        let found = Mutex::new(Found::default());
        // The current folder as written and as the file system has it.
        let here: Vec<PathBuf> = std::env::current_dir()
            .ok()
            .into_iter()
            .flat_map(|h| {
                let canonical = h.canonicalize().ok();
                std::iter::once(h).chain(canonical)
            })
            .collect();
        let (files, folders): (Vec<&PathBuf>, Vec<&PathBuf>) =
            distinct(paths).into_iter().partition(|p| p.is_file());
        let named: HashSet<PathBuf> = files.iter().filter_map(|f| f.canonicalize().ok()).collect();
        for file in files {
            self.scan_file(file, &relative(file, &here), &found);
        }
        for root in folders {
            let walker = ignore::WalkBuilder::new(root)
                .require_git(false)
                .follow_links(false)
                .build_parallel();
            walker.run(|| {
                Box::new(|entry| {
                    match entry {
                        Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                            let shown = relative(entry.path(), &here);
                            let read_already = !named.is_empty()
                                && entry
                                    .path()
                                    .canonicalize()
                                    .is_ok_and(|c| named.contains(&c));
                            if self.wants(&shown) && !read_already {
                                self.scan_file(entry.path(), &shown, &found);
                            }
                        }
                        Ok(_) => {}
                        Err(e) => lock(&found).errors.push(e.to_string()),
                    }
                    ignore::WalkState::Continue
                })
            });
        }
        let mut found = found
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        found.files.sort_by(|a, b| a.file.path().cmp(b.file.path()));
        found.errors.sort();
        found
    }

    /// Scans one file into `found`; `shown` is its path in messages.
    fn scan_file(&self, path: &Path, shown: &Path, found: &Mutex<Found>) {
        let bytes = match read_bounded(path) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => {
                lock(found).skipped += 1;
                return;
            }
            Err(e) => {
                lock(found).errors.push(format!("{}: {e}", shown.display()));
                return;
            }
        };
        let size = bytes.len() as u64;
        let text = String::from_utf8_lossy(&bytes);
        let mut undocumented = Vec::new();
        let mut mentioned = Vec::new();
        // A code by number or by name; the text is made only for what is
        // reported (most literals are not codes).
        let mut seen = |code: Result<CodeNumber, &str>, kind, start, end| match (kind, code) {
            (Some(Seen::Documented), Ok(code)) => mentioned.push(code),
            (Some(Seen::Undocumented), code) => undocumented.push(Mention {
                code: code.map_or_else(str::to_string, |n| n.to_string()),
                start,
                end,
            }),
            _ => {}
        };
        tokens::each(text.as_bytes(), |token| match token {
            tokens::Token::Number { value, start, end } => {
                seen(Ok(value), self.classify(value, false), start, end);
            }
            tokens::Token::Name {
                text: name,
                start,
                end,
            } => {
                if let Some(code) = self.names.get(name) {
                    seen(Ok(*code), Some(Seen::Documented), start, end);
                }
            }
        });
        // A project's own macros: the literal or the constant group 1
        // holds is a code (`NET_ERR(2_300_001L)`, `NET_ERR(NET_BUSY)`);
        // a lower-case word there is a variable (`NET_ERR(rc)`).
        for pattern in &self.patterns {
            for caps in pattern.captures_iter(&text) {
                let Some(group) = caps.get(1) else { continue };
                let (start, end) = (group.start(), group.end());
                let mut first = None;
                tokens::each(group.as_str().as_bytes(), |t| {
                    first.get_or_insert(match t {
                        tokens::Token::Number { value, .. } => Ok(value),
                        tokens::Token::Name { text, .. } => Err(text),
                    });
                });
                match first {
                    Some(Ok(value)) => seen(Ok(value), self.classify(value, true), start, end),
                    Some(Err(name)) => match self.names.get(name) {
                        Some(code) => seen(Ok(*code), Some(Seen::Documented), start, end),
                        None => seen(Err(name), Some(Seen::Undocumented), start, end),
                    },
                    None => {}
                }
            }
        }
        undocumented.sort_by_key(|m| m.start);
        undocumented.dedup_by_key(|m| m.start);
        let mut found = lock(found);
        found.read += 1;
        found.bytes += size;
        found.mentioned.extend(mentioned);
        if !undocumented.is_empty() {
            found.files.push(FileFindings {
                file: SourceFile::new(shown, text.into_owned()),
                undocumented,
            });
        }
    }
}

/// Every token of `bytes` as (value for a number, name for a name, start,
/// end): for the fuzz target.
#[doc(hidden)]
pub fn tokens_of(bytes: &[u8]) -> Vec<(Option<CodeNumber>, Option<&str>, usize, usize)> {
    let mut out = Vec::new();
    tokens::each(bytes, |t| {
        out.push(match t {
            tokens::Token::Number { value, start, end } => (Some(value), None, start, end),
            tokens::Token::Name { text, start, end } => (None, Some(text), start, end),
        });
    });
    out
}

/// Number ranges, merged and sorted, for a binary search per literal.
struct Intervals(Vec<(CodeNumber, CodeNumber)>);

impl Intervals {
    fn of(mut ranges: Vec<(CodeNumber, CodeNumber)>) -> Self {
        ranges.sort_unstable();
        let mut merged: Vec<(CodeNumber, CodeNumber)> = Vec::with_capacity(ranges.len());
        for (from, to) in ranges {
            match merged.last_mut() {
                Some(last) if from <= last.1.saturating_add(1) => last.1 = last.1.max(to),
                _ => merged.push((from, to)),
            }
        }
        Intervals(merged)
    }

    fn contains(&self, n: CodeNumber) -> bool {
        let i = self.0.partition_point(|(from, _)| *from <= n);
        i > 0 && n <= self.0[i - 1].1
    }
}

/// `paths` without a folder another of them holds (`src` and `src/app`)
/// and without repeats: files are kept, and read once.
fn distinct(paths: &[PathBuf]) -> Vec<&PathBuf> {
    let canonical: Vec<Option<PathBuf>> = paths.iter().map(|p| p.canonicalize().ok()).collect();
    paths
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            let Some(me) = &canonical[*i] else {
                return true;
            };
            let folder = !p.is_file();
            !canonical.iter().enumerate().any(|(j, other)| {
                other.as_ref().is_some_and(|other| {
                    (other == me && j < *i) || (folder && other != me && me.starts_with(other))
                })
            })
        })
        .map(|(_, p)| p)
        .collect()
}

/// `path` as the globs of `scan:` see it: relative to the current folder
/// `here` (as written or as the file system has it), without `.` and
/// with `..` taken back.
fn relative(path: &Path, here: &[PathBuf]) -> PathBuf {
    let path = here
        .iter()
        .find_map(|h| path.strip_prefix(h).ok())
        .unwrap_or(path);
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir
                if matches!(
                    out.components().next_back(),
                    Some(std::path::Component::Normal(_))
                ) =>
            {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// The lock, even after a panic elsewhere (the data stays consistent:
/// every update is one push or add).
fn lock(found: &Mutex<Found>) -> std::sync::MutexGuard<'_, Found> {
    found
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The file's bytes; `None` for a file too large or binary (a NUL in its
/// first 8 KiB).
/// (A generated file of megabytes is read; one larger than
/// [`crate::input::INPUT_LIMIT`] is skipped and counted.)
fn read_bounded(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    Ok(crate::input::read_capped(path)?.filter(|bytes| !bytes.iter().take(8192).any(|b| *b == 0)))
}

/// The first line of a message (the regex crate draws the pattern and a
/// caret below it).
fn first_line(message: &str) -> String {
    message
        .lines()
        .rfind(|l| l.starts_with("error:"))
        .map_or_else(
            || message.lines().next().unwrap_or("").to_string(),
            |l| l.trim_start_matches("error: ").to_string(),
        )
}
