//! Page layouts: how an imported page was written, kept so that errdoc
//! writes it back the same way.
//!
//! `layouts/<locale>/<page>.md` is the page as it was imported, with each
//! text errdoc keeps replaced by a slot: `{{title}}`, `{{description}}`,
//! `{{cause 2}}`. Parts begin at lines of their own — `{{page}}` (the title,
//! metadata, note and intro), `{{code 17700001}}` (a code's section;
//! `{{code 17700001 marker Del opens closes}}` where the catalog gave it a
//! marker that opened before it and closed after it),
//! `{{heading basic-file-io}}` (a heading that is not a code). Everything
//! else is the page's own writing: labels as the page words them, `<br>`,
//! blank lines, list markers, markers, comments.
//!
//! `{{absent 7600101}}` and `{{absent heading appendix}}` lines name codes
//! and headings of the module that the page did not have when it was
//! imported (the Chinese page of a module that lags behind the English
//! one): the page goes on without them while they have no text in its
//! language — a translation that catches up shows them; in the source
//! language, delete the line once the English is written.
//!
//! A part is used as long as what it holds still fits it (the same fields,
//! as many causes and steps, the same marker lines); otherwise, and for
//! everything a layout has no part for, the page's style applies
//! (`templates/markdown/*.md`). A literal `{{` is written `{{"{{"}}`
//! (anything in quotes there is written as it is: `{{"{"}}`).

mod read;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::catalog::{Catalog, CodeNumber, Module};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::input::{list_project, read_utf8};
use crate::source::{SourceFile, Span};

/// Where layouts live, relative to the project root.
pub(crate) const LAYOUTS_DIR: &str = "layouts";

/// A text a layout leaves a place for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Slot {
    /// A page's, a code's or a heading's title.
    Title,
    /// A metadata value (`{{meta Kit}}`).
    Meta(String),
    /// The page's note.
    Note,
    /// The page's or a code's intro.
    Intro,
    /// A code's Error Message, escaped so it shows exactly as the API
    /// returns it.
    Message,
    /// A code's Error Message as the page wrote it, unescaped
    /// (`{{message plain}}`): read as Markdown, made safe as a translation
    /// is. Import chooses it for a page whose messages carry Markdown
    /// (`Possible causes:` and a numbered list).
    PlainMessage,
    /// A code's description.
    Description,
    /// A code's cause (1-based).
    Cause(usize),
    /// A code's step (1-based).
    Solution(usize),
    /// A code's sub-cases.
    Details,
    /// A heading's text.
    Text,
}

impl Slot {
    /// The slot as written in a layout.
    pub fn token(&self) -> String {
        match self {
            Slot::Title => "{{title}}".to_string(),
            Slot::Meta(key) => format!("{{{{meta {key}}}}}"),
            Slot::Note => "{{note}}".to_string(),
            Slot::Intro => "{{intro}}".to_string(),
            Slot::Message => "{{message}}".to_string(),
            Slot::PlainMessage => "{{message plain}}".to_string(),
            Slot::Description => "{{description}}".to_string(),
            Slot::Cause(n) => format!("{{{{cause {n}}}}}"),
            Slot::Solution(n) => format!("{{{{solution {n}}}}}"),
            Slot::Details => "{{details}}".to_string(),
            Slot::Text => "{{text}}".to_string(),
        }
    }

    fn parse(words: &[&str]) -> Option<Slot> {
        let number = |w: &str| w.parse::<usize>().ok().filter(|n| *n >= 1);
        Some(match words {
            ["title"] => Slot::Title,
            ["meta", key] => Slot::Meta((*key).to_string()),
            ["note"] => Slot::Note,
            ["intro"] => Slot::Intro,
            ["message"] => Slot::Message,
            ["message", "plain"] => Slot::PlainMessage,
            ["description"] => Slot::Description,
            ["cause", n] => Slot::Cause(number(n)?),
            ["solution", n] => Slot::Solution(number(n)?),
            ["details"] => Slot::Details,
            ["text"] => Slot::Text,
            _ => return None,
        })
    }

    /// The slot of the text it shows (both forms of the message are the
    /// message).
    pub fn text_slot(&self) -> Slot {
        match self {
            Slot::PlainMessage => Slot::Message,
            other => other.clone(),
        }
    }

    /// Whether a part of `kind` may hold it.
    fn fits(&self, kind: &PartKind) -> bool {
        match kind {
            PartKind::Head => {
                matches!(self, Slot::Title | Slot::Meta(_) | Slot::Note | Slot::Intro)
            }
            PartKind::Code { .. } => matches!(
                self,
                Slot::Title
                    | Slot::Message
                    | Slot::PlainMessage
                    | Slot::Intro
                    | Slot::Description
                    | Slot::Cause(_)
                    | Slot::Solution(_)
                    | Slot::Details
            ),
            PartKind::Heading { .. } => matches!(self, Slot::Title | Slot::Text),
        }
    }
}

/// A code's marker as a layout's part records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// Its name (`Del`).
    pub name: String,
    /// Whether it opens before the code (the code before has another).
    pub opens: bool,
    /// Whether it closes after the code.
    pub closes: bool,
}

/// What a part of a layout is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartKind {
    /// The top of the page: title, metadata, note, intro.
    Head,
    /// A code's section.
    Code {
        /// The code.
        code: CodeNumber,
        /// The catalog's marker of the code when the layout was made
        /// (`Del`), and whether it opened before the code and closed
        /// after it there: the part's marker lines, as the page writes
        /// them, fit the catalog as long as these hold.
        marker: Option<Marker>,
    },
    /// A heading that is not a code.
    Heading {
        /// Its id in the module.
        id: String,
    },
}

impl PartKind {
    /// The line that begins the part in a layout.
    pub fn header(&self) -> String {
        match self {
            PartKind::Head => "{{page}}".to_string(),
            PartKind::Code { code, marker } => {
                let mut h = format!("{{{{code {code}");
                if let Some(m) = marker {
                    h.push_str(&format!(" marker {}", m.name));
                    if m.opens {
                        h.push_str(" opens");
                    }
                    if m.closes {
                        h.push_str(" closes");
                    }
                }
                h.push_str("}}");
                h
            }
            PartKind::Heading { id } => format!("{{{{heading {id}}}}}"),
        }
    }

    fn parse(words: &[&str]) -> Option<PartKind> {
        match words {
            ["page"] => Some(PartKind::Head),
            ["heading", id] => Some(PartKind::Heading {
                id: (*id).to_string(),
            }),
            ["code", code] => Some(PartKind::Code {
                code: code.parse().ok()?,
                marker: None,
            }),
            ["code", code, "marker", name, flags @ ..] => {
                let mut marker = Marker {
                    name: (*name).to_string(),
                    opens: false,
                    closes: false,
                };
                for flag in flags {
                    match *flag {
                        "opens" if !marker.opens => marker.opens = true,
                        "closes" if !marker.closes => marker.closes = true,
                        _ => return None,
                    }
                }
                Some(PartKind::Code {
                    code: code.parse().ok()?,
                    marker: Some(marker),
                })
            }
            _ => None,
        }
    }
}

/// A stretch of a part: the page's own writing, or a slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Written as it is.
    Literal(String),
    /// Filled with a text.
    Slot(Slot),
}

/// One part of a layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// What it is.
    pub kind: PartKind,
    /// Its pieces in order.
    pub pieces: Vec<Piece>,
}

impl Part {
    /// Whether it is a row of a table of codes (`| 2300005 | {{message}} |
    /// {{title}} |`; the first row holds the table's header too).
    pub fn is_row(&self) -> bool {
        matches!(self.kind, PartKind::Code { .. })
            && matches!(self.pieces.first(), Some(Piece::Literal(l)) if l.trim_start().starts_with('|'))
    }

    /// The slots it has.
    pub fn slots(&self) -> impl Iterator<Item = &Slot> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Slot(s) => Some(s),
            Piece::Literal(_) => None,
        })
    }
}

/// Codes and headings of a module that a page did not have when it was
/// imported: `{{absent 7600101}}`, `{{absent heading appendix}}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Absent {
    /// The codes.
    pub codes: BTreeSet<CodeNumber>,
    /// The headings, by id.
    pub headings: BTreeSet<String>,
}

impl Absent {
    /// Whether nothing is absent.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty() && self.headings.is_empty()
    }

    /// Adds what `other` has.
    pub fn extend(&mut self, other: Absent) {
        self.codes.extend(other.codes);
        self.headings.extend(other.headings);
    }
}

/// A page's layout in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    /// What of the module the page did not have when it was imported: it
    /// goes on without them, as it was.
    pub absent: Absent,
    /// Its parts in page order.
    pub parts: Vec<Part>,
}

impl Layout {
    /// The part of code `code`.
    pub fn code(&self, code: CodeNumber) -> Option<&Part> {
        self.parts
            .iter()
            .find(|p| matches!(p.kind, PartKind::Code { code: c, .. } if c == code))
    }

    /// The part of heading `id`.
    pub fn heading(&self, id: &str) -> Option<&Part> {
        self.parts
            .iter()
            .find(|p| matches!(&p.kind, PartKind::Heading { id: h } if h == id))
    }

    /// The top of the page.
    pub fn head(&self) -> Option<&Part> {
        self.parts.iter().find(|p| p.kind == PartKind::Head)
    }

    /// Whether the page leaves `code` out: absent when it was imported,
    /// and still without a part of its own.
    pub fn leaves_out(&self, code: CodeNumber) -> bool {
        self.absent.codes.contains(&code) && self.code(code).is_none()
    }

    /// Whether the page leaves heading `id` out (see `leaves_out`).
    pub fn leaves_out_heading(&self, id: &str) -> bool {
        self.absent.headings.contains(id) && self.heading(id).is_none()
    }

    /// The layout as a file.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for code in &self.absent.codes {
            out.push_str(&format!("{{{{absent {code}}}}}\n"));
        }
        for id in &self.absent.headings {
            out.push_str(&format!("{{{{absent heading {id}}}}}\n"));
        }
        for part in &self.parts {
            out.push_str(&part.kind.header());
            out.push('\n');
            for piece in &part.pieces {
                match piece {
                    Piece::Slot(slot) => out.push_str(&slot.token()),
                    Piece::Literal(text) => {
                        let escaped = text.replace("{{", "{{\"{{\"}}");
                        // A `{` right before a slot would make `{{{`.
                        match escaped.strip_suffix('{') {
                            Some(rest) => {
                                out.push_str(rest);
                                out.push_str("{{\"{\"}}");
                            }
                            None => out.push_str(&escaped),
                        }
                    }
                }
            }
        }
        out
    }
}

/// The layouts of a project: locale → page → layout.
#[derive(Debug, Default)]
pub(crate) struct Layouts {
    pages: BTreeMap<(String, String), Layout>,
    /// The files they were read from, for errors located in them.
    files: BTreeMap<(String, String), SourceFile>,
}

impl Layouts {
    /// Every layout's locale, page and source, for [`crate::render::reuse`]'s keys.
    pub(crate) fn sources(&self) -> impl Iterator<Item = (&str, &str, &str)> {
        self.files
            .iter()
            .map(|((tag, page), f)| (tag.as_str(), page.as_str(), f.text()))
    }

    /// Reads `layouts/<locale>/<page>.md` under `root`.
    pub(crate) fn load(root: &Path, diags: &mut Diagnostics) -> anyhow::Result<Layouts> {
        let mut layouts = Layouts::default();
        let dir = root.join(LAYOUTS_DIR);
        if !dir.is_dir() {
            return Ok(layouts);
        }
        for entry in list_project(root, &dir, 2, 2, diags) {
            let path = entry.path.as_path();
            if entry.is_dir || path.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
            let (Some(locale), Some(page)) = (
                path.parent()
                    .and_then(Path::file_name)
                    .map(|n| n.to_string_lossy().into_owned()),
                path.file_stem().map(|n| n.to_string_lossy().into_owned()),
            ) else {
                continue;
            };
            let Some(text) = read_utf8(root, &rel, diags)
                .with_context(|| format!("cannot read {}", path.display()))?
            else {
                continue;
            };
            // The pages it makes end their lines with `\n`.
            let file = SourceFile::new(rel, text.replace("\r\n", "\n"));
            let layout = Layout::parse(&file, diags);
            layouts.pages.insert((locale.clone(), page.clone()), layout);
            layouts.files.insert((locale, page), file);
        }
        Ok(layouts)
    }

    /// The layout of `page` in `locale`.
    pub(crate) fn get(&self, locale: &str, page: &str) -> Option<&Layout> {
        self.pages.get(&(locale.to_string(), page.to_string()))
    }

    /// Where in the layout of `page` in `locale` the page's own writing
    /// `snippet` stands, if it does (a line of the built page that carries
    /// what no page may).
    pub(crate) fn locate(
        &self,
        locale: &str,
        page: &str,
        snippet: &str,
    ) -> Option<(&SourceFile, Span)> {
        let file = self.files.get(&(locale.to_string(), page.to_string()))?;
        // The longest start of the line the layout has (a slot may fill the
        // rest), if it holds the `<` or `[` at stake.
        let snippet = snippet.trim();
        let ends: Vec<usize> = snippet
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take(200)
            .collect();
        ends.iter()
            .rev()
            .map(|&end| &snippet[..end])
            .filter(|start| start.contains(['<', '[']))
            .find_map(|start| {
                let at = file.text().find(start)?;
                Some((file, file.span(at, at + start.len())))
            })
    }

    /// Warns about layouts nothing uses: of a locale the project does not
    /// have, of a page no module writes, and parts for codes and headings
    /// a module does not have (a layout's part is used only by its own).
    pub(crate) fn check(&self, catalog: &Catalog, locales: &[&str], diags: &mut Diagnostics) {
        for ((locale, page), layout) in &self.pages {
            let path = Layouts::path(locale, page);
            if !locales.contains(&locale.as_str()) {
                diags.push(
                    Diagnostic::new(Kind::LayoutOfUnknownLocale {
                        locale: locale.to_string(),
                    })
                    .at_path(&path),
                );
                continue;
            }
            let Some(module) = catalog.modules.iter().find(|m| m.page.value == *page) else {
                let pages: Vec<&str> = catalog
                    .modules
                    .iter()
                    .map(|m| m.page.value.as_str())
                    .collect();
                diags.push(
                    Diagnostic::new(Kind::LayoutOfUnknownPage {
                        page: page.to_string(),
                        pages: if pages.is_empty() {
                            "none yet".to_string()
                        } else {
                            pages.join(", ")
                        },
                    })
                    .at_path(&path),
                );
                continue;
            };
            let unknown = unused_parts(layout, module);
            check_markers(layout, module, &path, diags);
            if !unknown.is_empty() {
                diags.push(
                    Diagnostic::new(Kind::LayoutUnusedParts {
                        parts: unknown.join(", "),
                        module: module.id.value.clone(),
                        they: if unknown.len() == 1 {
                            "it is"
                        } else {
                            "they are"
                        },
                    })
                    .at_path(&path),
                );
            }
        }
    }

    /// The file of a layout, relative to the project.
    pub(crate) fn path(locale: &str, page: &str) -> PathBuf {
        Path::new(LAYOUTS_DIR)
            .join(locale)
            .join(format!("{page}.md"))
    }
}

/// The headers (`` `{{code 1001}}` ``) of the parts of `layout` for codes
/// and headings that `module` does not have.
fn unused_parts(layout: &Layout, module: &Module) -> Vec<String> {
    let codes: BTreeSet<CodeNumber> = module
        .codes
        .iter()
        .map(|c| c.code)
        .chain(module.listings.iter().map(|l| l.code.value))
        .collect();
    layout
        .parts
        .iter()
        .filter(|part| match &part.kind {
            PartKind::Head => false,
            PartKind::Code { code, .. } => !codes.contains(code),
            PartKind::Heading { id } => !module.headings.iter().any(|h| h.id.value == *id),
        })
        .map(|part| format!("`{}`", part.kind.header()))
        .collect()
}

/// Warns where a code's part of `layout` (at `path`) has other marker
/// lines than the catalog gives the code: marker lines are the page's.
fn check_markers(layout: &Layout, module: &Module, path: &Path, diags: &mut Diagnostics) {
    for part in &layout.parts {
        let PartKind::Code { code, marker } = &part.kind else {
            continue;
        };
        let catalog = module
            .codes
            .iter()
            .find(|c| c.code == *code)
            .map(|c| c.marker.as_ref())
            .or_else(|| {
                module
                    .listings
                    .iter()
                    .find(|l| l.code.value == *code)
                    .map(|l| l.marker.as_ref())
            });
        let Some(catalog) = catalog.map(|m| m.map(|m| m.value.as_str())) else {
            continue;
        };
        let here = marker.as_ref().map(|m| m.name.as_str());
        if catalog != here {
            let shown =
                |m: Option<&str>| m.map_or("no marker".to_string(), |m| format!("`<!--{m}-->`"));
            diags.push(
                Diagnostic::new(Kind::LayoutMarkerDiffers {
                    code: *code,
                    catalog: shown(catalog),
                    here: shown(here),
                })
                .at_path(path),
            );
        }
    }
}

#[cfg(test)]
mod tests;
