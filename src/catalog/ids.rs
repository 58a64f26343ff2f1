//! The Fluent message ids of the catalog's entities, made and read in one
//! place: `code-2303210`, `code-2300002-on-net-http` (a page's own texts of
//! a code it lists), `module-net-socket`, `family-socket-errno`,
//! `range-private`, `heading-file-basic-io` and `errno-ETIMEDOUT` (a table
//! entry). errdoc's own strings are `ui-…` and `flag-…`.

use std::fmt;

use super::CodeNumber;

/// The id of the texts of one entity of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MessageId<'a> {
    /// A code's texts.
    Code(CodeNumber),
    /// A page's own texts of a code it lists (`also:`).
    Listing {
        /// The code.
        code: CodeNumber,
        /// The module whose page lists it.
        module: &'a str,
    },
    /// A module's page.
    Module(&'a str),
    /// A family of codes.
    Family(&'a str),
    /// A range of codes.
    Range(&'a str),
    /// A heading of a module's page.
    Heading {
        /// The module.
        module: &'a str,
        /// The heading's id.
        heading: &'a str,
    },
    /// An entry of a value table (its translated message).
    TableEntry {
        /// The table's id.
        table: &'a str,
        /// The entry's name.
        name: &'a str,
    },
}

/// The prefixes of the ids of catalog entities (a table entry's prefix is
/// its table's id).
const CATALOG_PREFIXES: [&str; 5] = ["module-", "heading-", "code-", "family-", "range-"];

/// Table ids that would take over errdoc's own message ids.
pub(crate) const RESERVED_TABLE_IDS: [&str; 7] =
    ["ui", "flag", "module", "heading", "code", "family", "range"];

impl fmt::Display for MessageId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MessageId::Code(code) => write!(f, "code-{code}"),
            MessageId::Listing { code, module } => write!(f, "code-{code}-on-{module}"),
            MessageId::Module(id) => write!(f, "module-{id}"),
            MessageId::Family(id) => write!(f, "family-{id}"),
            MessageId::Range(id) => write!(f, "range-{id}"),
            MessageId::Heading { module, heading } => write!(f, "heading-{module}-{heading}"),
            MessageId::TableEntry { table, name } => write!(f, "{table}-{name}"),
        }
    }
}

impl<'a> MessageId<'a> {
    /// The code of a `code-…` id, or the code and the listing module of a
    /// `code-…-on-…` one.
    pub(crate) fn parse_code(id: &'a str) -> Option<MessageId<'a>> {
        let rest = id.strip_prefix("code-")?;
        let digits_start = usize::from(rest.starts_with('-'));
        let end = rest
            .get(digits_start..)?
            .find(|c: char| !c.is_ascii_digit())
            .map_or(rest.len(), |i| i + digits_start);
        if end == digits_start {
            return None;
        }
        let code = rest.get(..end)?.parse().ok()?;
        match rest.get(end..)? {
            "" => Some(MessageId::Code(code)),
            tail => tail
                .strip_prefix("-on-")
                .filter(|m| !m.is_empty())
                .map(|module| MessageId::Listing { code, module }),
        }
    }

    /// The module of a `module-…` id.
    pub(crate) fn parse_module(id: &'a str) -> Option<&'a str> {
        id.strip_prefix("module-")
    }

    /// Whether `id` has the prefix of a catalog entity (not a table's).
    pub(crate) fn has_catalog_prefix(id: &str) -> bool {
        CATALOG_PREFIXES.iter().any(|p| id.starts_with(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_written_as_fluent_ids() {
        assert_eq!(MessageId::Code(-1).to_string(), "code--1");
        assert_eq!(
            MessageId::Module("net-socket").to_string(),
            "module-net-socket"
        );
        assert_eq!(
            MessageId::Family("socket-errno").to_string(),
            "family-socket-errno"
        );
        assert_eq!(MessageId::Range("private").to_string(), "range-private");
        let heading = MessageId::Heading {
            module: "file",
            heading: "basic-io",
        };
        assert_eq!(heading.to_string(), "heading-file-basic-io");
        let entry = MessageId::TableEntry {
            table: "errno",
            name: "ETIMEDOUT",
        };
        assert_eq!(entry.to_string(), "errno-ETIMEDOUT");
    }

    #[test]
    fn code_ids_read_back() {
        assert_eq!(
            MessageId::parse_code("code-2303210"),
            Some(MessageId::Code(2303210))
        );
        assert_eq!(MessageId::parse_code("code--1"), Some(MessageId::Code(-1)));
        let listing = MessageId::Listing {
            code: 2300002,
            module: "net-http",
        };
        assert_eq!(MessageId::parse_code(&listing.to_string()), Some(listing));
        for bad in [
            "code-",
            "code--",
            "code-12a",
            "code-1-on-",
            "module-x",
            "code-1-of-x",
        ] {
            assert_eq!(MessageId::parse_code(bad), None, "{bad}");
        }
    }
}
