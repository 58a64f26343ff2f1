//! The rules of pages: listings (`also:`) of codes another module defines,
//! drift a page records, markers, heading levels, and codes inside a range
//! another module owns.

use std::collections::HashMap;

use super::{Validator, ranges_text};
use crate::catalog::{CodeEntry, CodeNumber, Located, Module};
use crate::diagnostic::Diagnostic;
use crate::source::Span;

impl Validator<'_> {
    /// `heading-<module>-<heading>` could be the same for two modules
    /// (`a` + `b-c`, `a-b` + `c`): each heading needs its own message.
    pub(super) fn heading_messages(&mut self) {
        let catalog = self.catalog;
        let mut heading_messages: HashMap<String, (&str, &str, Span)> = HashMap::new();
        for module in &catalog.modules {
            for heading in &module.headings {
                let id = heading.message_id(&module.id.value);
                match heading_messages.get(&id) {
                    Some((other_module, other, at)) if *other_module != module.id.value => {
                        let at = self.first_at(*at);
                        self.error(
                            heading.id.span,
                            format!(
                                "the heading `{}` of module `{}` has the message `{id}`, as the heading `{other}` of module `{other_module}` ({at}) has",
                                heading.id.value, module.id.value
                            ),
                            "rename one of the headings: each heading's texts need their own message",
                        );
                    }
                    Some(_) => {}
                    None => {
                        heading_messages
                            .insert(id, (&module.id.value, &heading.id.value, heading.id.span));
                    }
                }
            }
        }
    }

    /// A Markdown heading level from `lowest` to 6.
    pub(super) fn level(&mut self, level: &Located<u8>, what: &str, lowest: u8) {
        if !(lowest..=6).contains(&level.value) {
            self.error(
                level.span,
                format!(
                    "{what} is {}, not a heading level from {lowest} to 6",
                    level.value
                ),
                "write 2 for `##`, 3 for `###`, … (1 is the page title's)",
            );
        }
    }

    pub(super) fn marker(&mut self, code: CodeNumber, marker: Option<&Located<String>>) {
        if let Some(marker) = marker
            && (marker.value.is_empty() || !marker.value.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            self.error(
                marker.span,
                format!("marker `{}` of code {code} is not a word", marker.value),
                "use letters and digits only (`Del` wraps the section in `<!--Del-->` and `<!--DelEnd-->`)",
            );
        }
    }

    /// Drift between a page and the catalog is data, not a failure: each
    /// recorded difference is a warning that names both places.
    pub(super) fn drift(
        &mut self,
        code: CodeNumber,
        message: Option<&Located<String>>,
        drift: &[(String, Located<String>)],
    ) {
        for (locale, shown) in drift {
            if !crate::locales::is_locale_tag(locale) {
                self.error(
                    shown.span,
                    format!("`{locale}` in the message drift of code {code} is not a language tag"),
                    "use the locale's folder name under locales/ (`zh-CN`)",
                );
                continue;
            }
            if self.locales.get(locale).is_none() {
                self.diags.push(
                    Diagnostic::warning(format!(
                        "the message drift of code {code} names `{locale}`, which is not a locale of the project"
                    ))
                    .hint(format!("fix the tag, or remove `{locale}` from `message_drift`; the locales are the folders under locales/"))
                    .at(&self.catalog.file, shown.span),
                );
                continue;
            }
            let (catalog_text, at) = match message {
                Some(m) => (
                    format!("`{}`", m.value),
                    format!(" ({})", self.first_at(m.span)),
                ),
                None => ("none".to_string(), String::new()),
            };
            if message.is_some_and(|m| m.value == shown.value) {
                self.diags.push(
                    Diagnostic::warning(format!(
                        "the {locale} page of code {code} shows the catalog's Error Message: the drift is resolved"
                    ))
                    .hint(format!("remove `{locale}` from `message_drift`"))
                    .at(&self.catalog.file, shown.span),
                );
                continue;
            }
            self.diags.push(
                Diagnostic::warning(format!(
                    "the {locale} page shows code {code} with the Error Message `{}`, the catalog with {catalog_text}{at}",
                    shown.value
                ))
                .hint(format!("the Error Message is what the API returns: fix the one that is wrong, then remove `{locale}` from `message_drift`"))
                .at(&self.catalog.file, shown.span),
            );
        }
    }

    /// `also:` names a code another module defines, once per module.
    pub(super) fn listings(&mut self, defined: &HashMap<CodeNumber, (&Module, &CodeEntry)>) {
        let catalog = self.catalog;
        for module in &catalog.modules {
            let mut seen: HashMap<CodeNumber, Span> = HashMap::new();
            for listing in &module.listings {
                let code = listing.code.value;
                if let Some(first) = seen.get(&code).copied() {
                    let at = self.first_at(first);
                    self.error(
                        listing.code.span,
                        format!("module `{}` lists code {code} twice", module.id.value),
                        format!("it is first listed at {at}; list it once"),
                    );
                    continue;
                }
                seen.insert(code, listing.code.span);
                self.marker(code, listing.marker.as_ref());
                match defined.get(&code) {
                    None => self.error(
                        listing.code.span,
                        format!("module `{}` lists code {code}, but no module defines it", module.id.value),
                        "define it (`code:` with its `name:` and `message:`) in the module it belongs to, or remove the listing",
                    ),
                    Some((owner, _)) if owner.id.value == module.id.value => self.error(
                        listing.code.span,
                        format!("module `{}` lists code {code}, which it defines itself", module.id.value),
                        "remove the listing: the code is on this page already",
                    ),
                    Some((_, entry)) => {
                        let message = entry.message.as_ref();
                        self.drift(code, message, &listing.message_drift);
                    }
                }
            }
        }
    }

    /// A code defined in one module but inside a range another module of
    /// its number space claims with `owns`: two explicit claims on one
    /// number.
    pub(super) fn foreign_codes(&mut self) {
        let catalog = self.catalog;
        for module in &catalog.modules {
            for code in module.codes.iter().filter(|c| !c.is_generated()) {
                let claimed = catalog.modules.iter().find(|other| {
                    other.id.value != module.id.value
                        && other.namespace == module.namespace
                        && other.owns.iter().any(|r| r.contains(code.code))
                });
                if let Some(other) = claimed {
                    let ranges = ranges_text(other);
                    self.error(
                        code.span(),
                        format!(
                            "code {} of module `{}` lies in the range module `{}` owns ({ranges})",
                            code.code, module.id.value, other.id.value
                        ),
                        "move the code to that module, narrow its `owns`, or list the code there with `also:`",
                    );
                }
            }
        }
    }
}
