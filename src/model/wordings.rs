//! Other names and wordings of a table value that readers search by.
//!
//! The C libraries word the same errno differently (ETIMEDOUT: the kernel
//! and glibc say "Connection timed out", musl "Operation timed out"), and
//! some errnos have other names (EDEADLOCK for EDEADLK, ENOTSUP for
//! EOPNOTSUPP). `data/linux-errno.tsv` has them for Linux's errnos, from
//! the kernel's headers, glibc and musl (see `data/README.md`); a table
//! entry whose value and name are a Linux errno's gets them.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::catalog::{Membership, TableEntry};

/// One errno of the table: its name, other names and wordings.
struct Errno {
    name: &'static str,
    aliases: Vec<&'static str>,
    wordings: Vec<&'static str>,
}

/// The table, by value.
fn errnos() -> &'static HashMap<u32, Errno> {
    static TABLE: OnceLock<HashMap<u32, Errno>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../data/linux-errno.tsv")
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let value = fields.next()?.parse().ok()?;
                let name = fields.next().filter(|n| !n.is_empty())?;
                let aliases = fields
                    .next()
                    .unwrap_or("")
                    .split(',')
                    .filter(|a| !a.is_empty())
                    .collect();
                let wordings = fields.filter(|w| !w.is_empty()).collect();
                Some((
                    value,
                    Errno {
                        name,
                        aliases,
                        wordings,
                    },
                ))
            })
            .collect()
    })
}

/// The groups of words that mean the same in locale `tag`, for search:
/// errdoc's own (`data/synonyms.tsv`), then the catalog's
/// (`site.synonyms`), those of the language (`zh`) before those of the tag
/// (`zh-CN`).
pub(crate) fn synonyms(tag: &str, site: &crate::catalog::Site) -> Vec<Vec<String>> {
    let language = tag.split('-').next().unwrap_or(tag);
    let ours = |t: &str| t.eq_ignore_ascii_case(language) || t.eq_ignore_ascii_case(tag);
    let builtin = include_str!("../../data/synonyms.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(t, _)| ours(t))
        .map(|(_, words)| words.split('|').map(|w| w.trim().to_string()).collect());
    let mut tags: Vec<&String> = site.synonyms.keys().filter(|t| ours(t)).collect();
    tags.sort_by_key(|t| t.len());
    let project = tags
        .into_iter()
        .flat_map(|t| &site.synonyms[t])
        .map(|group| {
            group
                .iter()
                .map(|w| w.value.trim().to_string())
                .filter(|w| !w.is_empty())
                .collect()
        });
    builtin.chain(project).collect()
}

/// What a reader may search a code by besides its own name and message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Also {
    /// Other names: the table entry's aliases, then the errno's.
    pub names: Vec<String>,
    /// Other wordings of its message (the C libraries').
    pub wordings: Vec<String>,
    /// `errno:110` for a Linux errno, else `<table>:<value>`.
    pub value: String,
}

/// What code `name`, `member` (the entry `entry` of its table), is also
/// known by; its own name and message are not repeated.
pub(crate) fn also(
    name: &str,
    member: &Membership,
    entry: Option<&TableEntry>,
    message: &str,
) -> Also {
    let mut names: Vec<String> = vec![member.name.clone()];
    if let Some(entry) = entry {
        names.extend(entry.aliases.iter().map(|a| a.value.clone()));
    }
    let errno = errnos()
        .get(&member.value)
        .filter(|e| e.name == member.name || e.aliases.contains(&member.name.as_str()));
    let mut wordings: Vec<String> = Vec::new();
    if let Some(errno) = errno {
        names.extend(
            std::iter::once(errno.name)
                .chain(errno.aliases.iter().copied())
                .map(str::to_string),
        );
        let known = |w: &str, list: &[String]| {
            w.trim_end_matches('.')
                .eq_ignore_ascii_case(message.trim_end_matches('.'))
                || list.iter().any(|l| l.eq_ignore_ascii_case(w))
        };
        for w in &errno.wordings {
            if !known(w, &wordings) {
                wordings.push((*w).to_string());
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| n != name && seen.insert(n.clone()));
    Also {
        names,
        wordings,
        value: match errno {
            Some(_) => format!("errno:{}", member.value),
            None => format!("{}:{}", member.table, member.value),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(name: &str, value: u32) -> Membership {
        Membership {
            family: "f".to_string(),
            table: "t".to_string(),
            name: name.to_string(),
            value,
        }
    }

    #[test]
    fn a_linux_errno_gets_the_c_libraries_wordings_and_names() {
        let a = also("C", &member("ETIMEDOUT", 110), None, "Connection timed out");
        assert_eq!(a.wordings, ["Operation timed out"]);
        assert_eq!(a.value, "errno:110");
        let a = also(
            "C",
            &member("EDEADLK", 35),
            None,
            "Resource deadlock would occur",
        );
        assert_eq!(a.names, ["EDEADLK", "EDEADLOCK"]);
        let a = also("C", &member("EOPNOTSUPP", 95), None, "x");
        assert!(a.names.contains(&"ENOTSUP".to_string()), "{a:?}");
        let a = also("C", &member("EBADF", 9), None, "Bad file number");
        assert_eq!(a.wordings, ["Bad file descriptor"]);
    }

    #[test]
    fn the_codes_own_name_is_not_an_other_name() {
        let a = also("EINTR", &member("EINTR", 4), None, "m");
        assert!(a.names.is_empty(), "{a:?}");
    }

    #[test]
    fn another_table_or_a_name_that_is_not_the_errno_gets_nothing_else() {
        let a = also("C", &member("SSL_ERROR_SYSCALL", 5), None, "m");
        assert_eq!(a.names, ["SSL_ERROR_SYSCALL"]);
        assert!(a.wordings.is_empty());
        assert_eq!(a.value, "t:5");
    }
}
