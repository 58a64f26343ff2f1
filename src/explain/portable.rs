//! `explain --catalog FILE`: the lookups and views of a code of a
//! [`Portable`] file, the same `explain` makes of a project.

use std::collections::BTreeMap;

use crate::catalog::CodeNumber;
use crate::explain::lookup::{Index, Indexed, IndexedEntry, IndexedRange};
use crate::explain::{Explained, ExplainedRange};
use crate::model::Labels;
use crate::portable::{Portable, PortableCode};

impl Portable {
    /// The index its lookups read.
    pub(crate) fn index(&self) -> Index<'_> {
        let codes = self
            .codes
            .iter()
            .map(|c| Indexed {
                code: c.code,
                name: &c.name,
                message: c.message.as_deref(),
                member: c
                    .family
                    .as_ref()
                    .map(|m| (m.table.as_str(), m.name.as_str())),
            })
            .collect();
        let ranges = self
            .ranges
            .iter()
            .map(|r| IndexedRange {
                id: &r.id,
                from: r.from,
                to: r.to,
            })
            .collect();
        let entries = self
            .tables
            .iter()
            .flat_map(|t| {
                t.entries.iter().map(|e| IndexedEntry {
                    table: &t.id,
                    name: &e.name,
                    aliases: e.aliases.iter().map(String::as_str).collect(),
                })
            })
            .collect();
        Index::new(codes, ranges, entries)
    }

    /// The texts in `tag`, else in the source language, else in any: a
    /// file that lacks a language's texts still explains the code.
    fn in_language<'a, T>(&self, texts: &'a BTreeMap<String, T>, tag: &str) -> Option<&'a T> {
        texts
            .get(tag)
            .or_else(|| self.locales.first().and_then(|source| texts.get(source)))
            .or_else(|| texts.values().next())
    }

    /// The labels of the sections in `tag`.
    pub(crate) fn labels(&self, tag: &str) -> Labels {
        self.labels
            .get(tag)
            .cloned()
            .unwrap_or_else(crate::portable::english_labels)
    }

    /// The code `number` by number.
    fn code(&self, number: CodeNumber) -> Option<&PortableCode> {
        self.codes.iter().find(|c| c.code == number)
    }

    /// The title of the page `file` in `tag`; the module's id where the
    /// file has no page titles.
    fn page_title<'a>(&'a self, tag: &str, file: &'a str) -> &'a str {
        self.pages
            .get(tag)
            .and_then(|pages| pages.iter().find(|p| p.file == file))
            .map_or(file, |p| p.title.as_str())
    }

    /// The view of the code `number` in `tag`.
    pub(crate) fn explained(&self, tag: &str, number: CodeNumber) -> Option<Explained<'_>> {
        let code = self.code(number)?;
        let texts = self.in_language(&code.texts, tag)?;
        let pages = if code.pages.is_empty() {
            vec![self.module_title(tag, &code.module)]
        } else {
            code.pages
                .iter()
                .map(|file| self.page_title(tag, file))
                .collect()
        };
        let related = code
            .related
            .iter()
            .map(|n| {
                let title = self
                    .code(*n)
                    .and_then(|r| self.in_language(&r.texts, tag))
                    .map_or("", |t| t.title.as_str());
                (*n, title)
            })
            .collect();
        Some(Explained {
            code: code.code,
            name: &code.name,
            title: &texts.title,
            pages,
            member: code
                .family
                .as_ref()
                .map(|m| (m.table.as_str(), m.name.as_str(), m.value)),
            intro: texts.intro.as_deref(),
            message: code.message.as_deref(),
            description: texts.description.as_deref(),
            causes: texts.causes.iter().map(String::as_str).collect(),
            solutions: texts.solutions.iter().map(String::as_str).collect(),
            flags: texts.flags.iter().map(String::as_str).collect(),
            references: texts
                .references
                .iter()
                .map(|r| (r.title.as_str(), r.url.as_str()))
                .collect(),
            related,
            details: texts.details.as_deref(),
        })
    }

    /// The title of module `id`'s page in `tag`; its id where the file
    /// has no page titles.
    fn module_title<'a>(&'a self, tag: &str, id: &'a str) -> &'a str {
        self.pages
            .get(tag)
            .and_then(|pages| pages.iter().find(|p| p.module == id))
            .map_or(id, |p| p.title.as_str())
    }

    /// The view of the range `id` in `tag`.
    pub(crate) fn range(&self, tag: &str, id: &str) -> Option<ExplainedRange<'_>> {
        let range = self.ranges.iter().find(|r| r.id == id)?;
        let texts = self.in_language(&range.texts, tag)?;
        Some(ExplainedRange {
            from: range.from,
            to: range.to,
            module: &range.module,
            page: self.module_title(tag, &range.module),
            title: &texts.title,
            description: texts.description.as_deref(),
            references: texts
                .references
                .iter()
                .map(|r| (r.title.as_str(), r.url.as_str()))
                .collect(),
        })
    }
}
