//! Names `import` gives what a page brings: a module's id and page from
//! the file name, a constant name from a code's English title.

use std::path::Path;

use crate::catalog::CodeNumber;

/// `errorcode-bluetooth.zh-CN` → (`errorcode-bluetooth`, `bluetooth`).
pub(crate) fn names_of(path: &Path, locale: &str) -> (String, String) {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let page = stem
        .strip_suffix(&format!(".{locale}"))
        .unwrap_or(&stem)
        .to_string();
    let page: String = page
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let id = page
        .strip_prefix("errorcode-")
        .unwrap_or(&page)
        .to_ascii_lowercase();
    let id = slug(&id);
    let id = if id.starts_with(|c: char| c.is_ascii_lowercase()) {
        id
    } else {
        format!("m-{id}")
    };
    (page, id)
}

/// Lowercase ASCII words of `text` joined by `-` (`Basic File IO` →
/// `basic-file-io`).
pub(super) fn slug(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// A constant name from an English title, or `<MODULE>_<code>`.
pub(super) fn constant_name(
    module: &str,
    code: CodeNumber,
    title: &str,
    english: bool,
    taken: &dyn Fn(&str) -> bool,
) -> String {
    let prefix = module.to_ascii_uppercase().replace('-', "_");
    if english {
        let words: Vec<String> = title
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_uppercase)
            .collect();
        if !words.is_empty() && words.len() <= 8 {
            let name = format!("{prefix}_{}", words.join("_"));
            if !taken(&name) {
                return name;
            }
        }
    }
    let number = if code < 0 {
        format!("MINUS_{}", code.unsigned_abs())
    } else {
        code.to_string()
    };
    let name = format!("{prefix}_{number}");
    if !taken(&name) {
        return name;
    }
    (2..)
        .map(|n| format!("{name}_{n}"))
        .find(|n| !taken(n))
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names_come_from_file_names() {
        assert_eq!(
            names_of(Path::new("docs/errorcode-net-socket.md"), "en"),
            ("errorcode-net-socket".to_string(), "net-socket".to_string())
        );
        assert_eq!(
            names_of(Path::new("errorcode-bluetooth.zh-CN.md"), "zh-CN"),
            ("errorcode-bluetooth".to_string(), "bluetooth".to_string())
        );
        assert_eq!(
            names_of(Path::new("errorcode-enterpriseDeviceManager.md"), "en").1,
            "enterprisedevicemanager"
        );
    }

    #[test]
    fn constant_names_from_titles_or_numbers() {
        let none = |_: &str| false;
        assert_eq!(
            constant_name("net", 1, "Bad Thing", true, &none),
            "NET_BAD_THING"
        );
        assert_eq!(
            constant_name("net", -1, "未知", false, &none),
            "NET_MINUS_1"
        );
        let taken = |n: &str| n == "NET_5" || n == "NET_BAD_THING";
        assert_eq!(
            constant_name("net", 5, "Bad Thing", true, &taken),
            "NET_5_2"
        );
    }
}
