//! Pages an earlier build made and this one need not render again.
//!
//! Every page rendered from the model has a key: a SHA-256 over everything
//! it is made from. That is what all its pages share ([`Keys::new`]:
//! errdoc's version and built-in templates, the project's templates and
//! layouts, every UI string that `t()` can return, the list of pages that
//! the link filters check against, the base URL) and its own template
//! context, written out as JSON by the very function that fills the
//! context (a [`Fill`]), so what is hashed cannot drift from what is
//! rendered. A page whose template asks `t()` for anything but a UI string
//! (`ui-…`, `flag-…`), whose text is not in the key, gets no key and is
//! rendered every time; so do the pages made from the whole site (the home
//! and status pages, the search index, `codes.json`, the sitemap).
//!
//! A build finds the earlier build's keys in the build cache
//! ([`crate::cache`]): a page whose key is the same, and whose file in
//! `site/` still has the length and modification time the earlier build
//! gave it, is taken as it is ([`Body::OnDisk`]), neither rendered nor
//! read. `serve` keeps the earlier build in memory ([`Body::Shared`]).

use std::cell::Cell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;
use sha2::{Digest, Sha256};

pub(crate) use crate::output::Key;
use crate::output::{Body, Output};

/// What a page is made from: the same call fills a [`tera::Context`] to
/// render the page and a [`Hasher`] to key it.
pub(crate) trait Inputs {
    /// Whether the page can be keyed at all (not one made from the whole
    /// site).
    fn keyed(&self) -> bool {
        true
    }

    /// Puts everything into `into`.
    fn fill<F: Fill>(&self, into: &mut F);
}

/// A page's template context, or its key.
pub(crate) trait Fill {
    /// Puts `value` in as `name`.
    fn put<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T);

    /// Puts `value` in as `name`, where `made` is the same value made a
    /// template value already (shared between pages).
    fn put_made<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        made: Option<&tera::Value>,
    ) {
        let _ = made;
        self.put(name, value);
    }

    /// Puts `made` in as `name`: a value that is the same for every page
    /// of a locale and in every key already ([`Keys::new`]'s common part:
    /// the UI strings), so a key leaves it out.
    fn put_common(&mut self, name: &'static str, made: Option<&tera::Value>);
}

impl Fill for tera::Context {
    fn put<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.insert(name, value);
    }

    fn put_made<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        made: Option<&tera::Value>,
    ) {
        match made {
            Some(made) => self.insert_value(name, made.clone()),
            None => self.insert(name, value),
        }
    }

    fn put_common(&mut self, name: &'static str, made: Option<&tera::Value>) {
        if let Some(made) = made {
            self.insert_value(name, made.clone());
        }
    }
}

/// Hashes what a page is filled from.
pub(crate) struct Hasher {
    hash: Sha256,
    /// A value could not be written out: no key.
    failed: bool,
}

impl std::io::Write for Hasher {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.hash.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Fill for Hasher {
    fn put<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.hash.update(name.as_bytes());
        self.hash.update([0]);
        if serde_json::to_writer(&mut *self, value).is_err() {
            self.failed = true;
        }
        self.hash.update([0]);
    }

    fn put_common(&mut self, _: &'static str, _: Option<&tera::Value>) {}
}

impl Hasher {
    /// The key, if every value could be written out.
    fn finish(self) -> Option<Key> {
        if self.failed {
            return None;
        }
        let digest = self.hash.finalize();
        let mut key = [0; 16];
        key.copy_from_slice(&digest[..16]);
        Some(Key::new(key))
    }
}

/// A page: rendered now, or the earlier build's.
pub(crate) enum Page {
    Made(String),
    Earlier(Body),
}

impl Page {
    /// As a file of the output.
    pub(crate) fn into_body(self) -> Body {
        match self {
            Page::Made(text) => Body::Made(text.into_bytes()),
            Page::Earlier(body) => body,
        }
    }
}

/// The pages of an earlier build, by path under `site/`.
#[derive(Default)]
pub(crate) struct Earlier {
    /// Where the pages kept on disk are.
    site: PathBuf,
    pages: HashMap<PathBuf, (Key, Kept)>,
}

/// Where an earlier build's page is.
enum Kept {
    /// In `site/`, with the length and modification time it was written
    /// with, and its fingerprint.
    OnDisk {
        stamp: (u64, u128),
        fingerprint: String,
    },
    /// In memory (`serve`'s).
    #[cfg_attr(not(feature = "serve"), allow(dead_code))]
    Shared(Arc<[u8]>),
}

impl Earlier {
    /// The pages the build that wrote `site` recorded: (path, key,
    /// (length, modification time), fingerprint).
    pub(crate) fn on_disk(
        site: &Path,
        pages: impl IntoIterator<Item = (PathBuf, Key, (u64, u128), String)>,
    ) -> Earlier {
        Earlier {
            site: site.to_path_buf(),
            pages: pages
                .into_iter()
                .map(|(path, key, stamp, fingerprint)| {
                    (path, (key, Kept::OnDisk { stamp, fingerprint }))
                })
                .collect(),
        }
    }

    /// The keyed pages of `output`, kept in memory; the same contents are
    /// also returned, by path, to be served.
    #[cfg_attr(not(feature = "serve"), allow(dead_code))]
    pub(crate) fn in_memory(output: &Output) -> (Earlier, HashMap<PathBuf, Arc<[u8]>>) {
        let mut pages = HashMap::new();
        let mut files = HashMap::new();
        for (path, body, key) in output.bodies() {
            let shared: Arc<[u8]> = match body {
                Body::Shared(bytes) => Arc::clone(bytes),
                Body::Made(bytes) => Arc::from(bytes.as_slice()),
                Body::OnDisk { .. } | Body::Staged { .. } => continue,
            };
            if let Some(key) = key {
                pages.insert(path.to_path_buf(), (key, Kept::Shared(Arc::clone(&shared))));
            }
            files.insert(path.to_path_buf(), shared);
        }
        (
            Earlier {
                site: PathBuf::new(),
                pages,
            },
            files,
        )
    }

    /// The earlier page at `path`, if its key was `key` and it is still as
    /// that build left it.
    fn reuse(&self, path: &Path, key: Key) -> Option<Body> {
        let (earlier, kept) = self.pages.get(path)?;
        if *earlier != key {
            return None;
        }
        match kept {
            Kept::Shared(bytes) => Some(Body::Shared(Arc::clone(bytes))),
            Kept::OnDisk { stamp, fingerprint } => (crate::output::stamp(&self.site.join(path))
                == Some(*stamp))
            .then(|| Body::OnDisk {
                fingerprint: fingerprint.clone(),
                stamp: Some(*stamp),
            }),
        }
    }
}

/// The part of every key that all pages share, and the earlier pages.
pub(crate) struct Keys<'a> {
    common: [u8; 32],
    earlier: &'a Earlier,
    /// Pages taken from the earlier build, and pages rendered.
    counts: [AtomicUsize; 2],
}

thread_local! {
    /// Whether the page being rendered on this thread asked `t()` for a
    /// text that is not in its key.
    static UNKEYED: Cell<bool> = const { Cell::new(false) };
}

/// Notes that the page being rendered asked `t()` for `id`: unless it is a
/// UI string, the page cannot be keyed.
pub(crate) fn asked(id: &str) {
    if !crate::locales::is_ui_string(id) {
        UNKEYED.with(|c| c.set(true));
    }
}

impl<'a> Keys<'a> {
    /// `common`: the fingerprint of everything every page is made from.
    pub(crate) fn new(common: &[u8], earlier: &'a Earlier) -> Keys<'a> {
        Keys {
            common: Sha256::digest(common).into(),
            earlier,
            counts: Default::default(),
        }
    }

    /// The key of the page that `template` renders from what `fill` puts
    /// in its context.
    pub(crate) fn key(&self, template: &str, fill: impl FnOnce(&mut Hasher)) -> Option<Key> {
        let mut hasher = Hasher {
            hash: Sha256::new(),
            failed: false,
        };
        hasher.hash.update(self.common);
        hasher.hash.update(template.as_bytes());
        hasher.hash.update([0]);
        fill(&mut hasher);
        hasher.finish()
    }

    /// The earlier build's page at `path`, if it was made from `key`.
    pub(crate) fn reuse(&self, path: &Path, key: Option<Key>) -> Option<Body> {
        let found = key.and_then(|key| self.earlier.reuse(path, key));
        let count = &self.counts[usize::from(found.is_none())];
        count.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// How many pages were taken from the earlier build, and how many
    /// rendered.
    pub(crate) fn counts(&self) -> (usize, usize) {
        let [reused, rendered] = &self.counts;
        (
            reused.load(Ordering::Relaxed),
            rendered.load(Ordering::Relaxed),
        )
    }
}

/// Renders a page with `render`, and says whether it can be keyed: `key`,
/// unless the template asked `t()` for a text that is not in it.
/// (A render inside a render on the same thread, should a filter ever run
/// work on other cores and this thread take some of it, marks its own page
/// and the outer page, which is then keyed only if both could be.)
pub(crate) fn rendered<T>(key: Option<Key>, render: impl FnOnce() -> T) -> (T, Option<Key>) {
    let outer = UNKEYED.with(|c| c.replace(false));
    let made = render();
    let unkeyed = UNKEYED.with(|c| c.replace(outer || c.get()));
    (made, key.filter(|_| !unkeyed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_as_hex() {
        let key = Key::new([0xab; 16]);
        assert_eq!(Key::from_hex(&key.to_hex()), Some(key));
        assert_eq!(Key::from_hex("ab"), None);
        assert_eq!(Key::from_hex(&"é".repeat(16)), None);
    }

    #[test]
    fn a_key_changes_with_any_value_and_its_name() {
        let earlier = Earlier::default();
        let keys = Keys::new(b"common", &earlier);
        let of = |name: &'static str, value: &str| keys.key("t", |h| h.put(name, value));
        assert_eq!(of("a", "x"), of("a", "x"));
        assert_ne!(of("a", "x"), of("a", "y"));
        assert_ne!(of("a", "x"), of("b", "x"));
        let other = Keys::new(b"other", &earlier);
        assert_ne!(of("a", "x"), other.key("t", |h| h.put("a", "x")));
        assert_ne!(of("a", "x"), keys.key("u", |h| h.put("a", "x")));
    }

    #[test]
    fn a_page_that_asks_for_a_text_outside_its_key_has_none() {
        let key = Some(Key::new([1; 16]));
        assert_eq!(rendered(key, || asked("ui-search")).1, key);
        assert_eq!(rendered(key, || asked("code-1001")).1, None);
        // The next page starts afresh.
        assert_eq!(rendered(key, || ()).1, key);
    }
}
