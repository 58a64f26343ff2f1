//! The rules of pages: listings (`also:`) of codes another module defines,
//! drift a page records, markers, heading levels, and codes inside a range
//! another module owns.

use std::collections::HashMap;

use super::{Validator, ranges_text};
use crate::catalog::{CodeEntry, CodeNumber, Located, Module};
use crate::diagnostic::Kind;
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
                        let kind = Kind::HeadingMessageClash {
                            heading: heading.id.value.clone(),
                            module: module.id.value.clone(),
                            id: id.clone(),
                            other: other.to_string(),
                            other_module: other_module.to_string(),
                        };
                        self.report_twice(heading.id.span, *at, kind);
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
    pub(super) fn level(&mut self, level: &Located<u8>, what: &'static str, lowest: u8) {
        if !(lowest..=6).contains(&level.value) {
            let kind = Kind::BadLevel {
                what,
                level: level.value,
                lowest,
            };
            self.report(level.span, kind);
        }
    }

    pub(super) fn marker(&mut self, code: CodeNumber, marker: Option<&Located<String>>) {
        if let Some(marker) = marker
            && (marker.value.is_empty() || !marker.value.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            let kind = Kind::MarkerNotAWord {
                marker: marker.value.clone(),
                code,
            };
            self.report(marker.span, kind);
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
                let locale = locale.clone();
                self.report(shown.span, Kind::DriftTagInvalid { locale, code });
                continue;
            }
            if self.locales.get(locale).is_none() {
                let locale = locale.clone();
                self.report(shown.span, Kind::DriftUnknownLocale { locale, code });
                continue;
            }
            let locale = locale.clone();
            if message.is_some_and(|m| m.value == shown.value) {
                self.report(shown.span, Kind::DriftResolved { locale, code });
                continue;
            }
            let kind = Kind::MessageDrift {
                locale,
                code,
                shown: shown.value.clone(),
                catalog: message.map_or_else(|| "none".to_string(), |m| format!("`{}`", m.value)),
            };
            match message {
                Some(m) => self.report_twice(shown.span, m.span, kind),
                None => self.report(shown.span, kind),
            }
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
                    let module = module.id.value.clone();
                    let kind = Kind::ListedTwice { module, code };
                    self.report_twice(listing.code.span, first, kind);
                    continue;
                }
                seen.insert(code, listing.code.span);
                self.marker(code, listing.marker.as_ref());
                match defined.get(&code) {
                    None => {
                        let module = module.id.value.clone();
                        let kind = Kind::ListingOfUnknownCode { module, code };
                        self.report(listing.code.span, kind);
                    }
                    Some((owner, _)) if owner.id.value == module.id.value => {
                        let module = module.id.value.clone();
                        let kind = Kind::ListingOfOwnCode { module, code };
                        self.report(listing.code.span, kind);
                    }
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
                    let kind = Kind::CodeInForeignRange {
                        code: code.code,
                        module: module.id.value.clone(),
                        other: other.id.value.clone(),
                        ranges: ranges_text(other),
                    };
                    self.report(code.span(), kind);
                }
            }
        }
    }
}
