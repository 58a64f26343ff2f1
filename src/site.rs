//! The site's paths: where each page is under `site/`, and so what every
//! link, the search index, `codes.json`, the sitemap and `serve` point at.
//! Written once, here; the HTML templates reach it through the Tera
//! functions `code_path` and `page_path`.
//!
//! ```text
//! site/index.html                      the language chooser   (ROOT_INDEX)
//! site/404.html                        served for any missing path
//! site/sitemap.xml                     with a base URL
//! site/<locale>/index.html             a language's home      (INDEX)
//! site/<locale>/status.html            its translation status
//! site/<locale>/<page>.html            a module's page        (page_path)
//! site/<locale>/<page>.html#4000-4999  a range on it          (range_path)
//! site/<locale>/codes/<code>.html      a code's page          (code_path)
//! site/<locale>/codes.json, search-index.js
//! site/md/<locale>/<page>.md           the Markdown pages     (markdown_path)
//! ```

use crate::catalog::CodeNumber;

/// A folder's home page: the site's language chooser, or a language's
/// home.
pub(crate) const INDEX: &str = "index.html";
/// The page served for a path the site does not have.
pub(crate) const NOT_FOUND: &str = "404.html";
/// A language's translation status.
pub(crate) const STATUS: &str = "status.html";
/// A language's changes since the release `site.changes_since` names.
pub(crate) const CHANGES: &str = "changes.html";
/// The Markdown page of those changes, beside the module pages
/// (`md/<locale>/changes.md`).
pub(crate) const CHANGES_PAGE: &str = "changes";
/// The sitemap (written when the site has a base URL).
pub(crate) const SITEMAP: &str = "sitemap.xml";
/// A locale's OpenSearch description (with a base URL only: its search
/// address must be absolute), from the locale's folder.
pub(crate) const OPENSEARCH: &str = "opensearch.xml";
/// A language's codes as JSON (`errdoc explain --format json` has its shape).
pub(crate) const CODES_JSON: &str = "codes.json";
/// A language's search index.
pub(crate) const SEARCH_INDEX: &str = "search-index.js";

/// The page of `code`, from its language's folder: `codes/1006.html`.
pub(crate) fn code_path(code: CodeNumber) -> String {
    code_path_of(code)
}

/// [`code_path`] with `{code}` for the number (the search script's).
pub(crate) fn code_path_pattern() -> String {
    code_path_of("{code}")
}

fn code_path_of(code: impl std::fmt::Display) -> String {
    format!("codes/{code}.html")
}

/// The page of the module written as `file`, from its language's folder:
/// `errorcode-net-socket.html`.
pub(crate) fn page_path(file: &str) -> String {
    format!("{file}.html")
}

/// A range on the page of the module written as `file`:
/// `errorcode-websocket-close.html#4000-4999`.
pub(crate) fn range_path(file: &str, from: CodeNumber, to: CodeNumber) -> String {
    format!("{}#{from}-{to}", page_path(file))
}

/// `path` of the language `tag`, from the site's root: `en/codes/1006.html`.
pub(crate) fn in_locale(tag: &str, path: &str) -> String {
    format!("{tag}/{path}")
}

/// The Markdown page of the module written as `file` in `tag`:
/// `md/zh-CN/errorcode-net-socket.md`.
pub(crate) fn markdown_path(tag: &str, file: &str) -> String {
    format!("md/{tag}/{}", md_sibling(file))
}

/// The Markdown page of the module written as `file`, from another
/// Markdown page of its language: `errorcode-net-socket.md`.
pub(crate) fn md_sibling(file: &str) -> String {
    format!("{file}.md")
}

/// The home page of the folder `folder` (`""` is the site's root).
#[cfg_attr(not(feature = "serve"), allow(dead_code))]
pub(crate) fn index_of(folder: &str) -> String {
    if folder.is_empty() {
        INDEX.to_string()
    } else {
        format!("{folder}/{INDEX}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme() {
        assert_eq!(in_locale("en", &code_path(-1)), "en/codes/-1.html");
        assert_eq!(
            page_path("errorcode-net-socket"),
            "errorcode-net-socket.html"
        );
        assert_eq!(range_path("p", 4000, 4999), "p.html#4000-4999");
        assert_eq!(markdown_path("zh-CN", "p"), "md/zh-CN/p.md");
        assert_eq!(index_of(""), "index.html");
        assert_eq!(index_of("zh-CN/codes"), "zh-CN/codes/index.html");
    }

    /// The templates write no path of their own: code and page paths come
    /// from `code_path`, `page_path` and `md_path`; a folder's home, the
    /// status page and the changes page are the only names they spell out,
    /// and they are these.
    #[test]
    fn templates_take_their_paths_from_here() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut spelled = std::collections::BTreeSet::new();
        for entry in walkdir::WalkDir::new(&dir)
            .into_iter()
            .filter_map(Result::ok)
        {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            for (at, _) in text
                .match_indices(".html")
                .chain(text.match_indices(".md)"))
            {
                let start = text[..at]
                    .rfind(['"', '/', '}', '(', ' '])
                    .map_or(0, |i| i + 1);
                spelled.insert(text[start..at + 5].trim_end_matches(')').to_string());
            }
        }
        // Template names (`extends "html/base.html"`) and the two pages.
        spelled.retain(|s| !["base.html", "code_body.html", "heading.html"].contains(&s.as_str()));
        assert_eq!(
            spelled,
            [INDEX.to_string(), STATUS.to_string(), CHANGES.to_string()]
                .into_iter()
                .collect(),
        );
    }
}
