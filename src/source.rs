//! Source files read from a project, with the line index that turns byte
//! offsets into the `line:column` positions every diagnostic carries.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics};

/// Reads the text file at `full`, reported as `shown`.
///
/// A file that is not UTF-8 is a problem of the input: it is reported in
/// `diags` and gives `Ok(None)`. I/O errors are returned to the caller.
pub fn read_utf8(
    full: &Path,
    shown: &Path,
    diags: &mut Diagnostics,
) -> std::io::Result<Option<String>> {
    match String::from_utf8(std::fs::read(full)?) {
        // Editors on Windows may start a file with a byte order mark.
        Ok(text) => Ok(Some(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        })),
        Err(e) => {
            diags.push(
                Diagnostic::error(format!(
                    "not UTF-8 (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ))
                .at_path(shown)
                .hint("save the file as UTF-8"),
            );
            Ok(None)
        }
    }
}

/// A 1-based line and column; columns count characters, not bytes, so a
/// position inside Chinese text points at the right character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

/// A span of a file: where a token starts and how many characters it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// Where the token starts.
    pub start: Position,
    /// Its length in characters (at least 1 when shown).
    pub len: u32,
}

/// The text of one input file and the path it is reported under.
#[derive(Debug, Clone)]
pub struct SourceFile {
    path: PathBuf,
    text: String,
    line_starts: Vec<usize>,
}

/// Where the lines of a text start: the line of an offset in O(log n).
#[derive(Debug, Clone, Default)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// The lines of `text`.
    pub fn new(text: &str) -> Self {
        Lines {
            starts: std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        }
    }

    /// The 1-based line of byte offset `at`.
    pub fn line(&self, at: usize) -> usize {
        match self.starts.binary_search(&at) {
            Ok(i) => i + 1,
            Err(i) => i.max(1),
        }
    }
}

impl SourceFile {
    /// Wraps `text`, reported as `path` (relative to the project root).
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// The path the file is reported under.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The position of byte offset `offset` (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(line_index).copied().unwrap_or(0);
        // Count characters up to the offset; an offset inside a multi-byte
        // character counts that character as not yet reached.
        let column = self
            .text
            .get(start..)
            .unwrap_or("")
            .char_indices()
            .take_while(|(i, _)| start + i < offset)
            .count();
        Position {
            line: to_u32(line_index + 1),
            column: to_u32(column + 1),
        }
    }

    /// The span from byte offset `start` to byte offset `end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let len = self
            .text
            .get(start.min(self.text.len())..end.min(self.text.len()))
            .map_or(0, |s| s.lines().next().unwrap_or("").chars().count());
        Span {
            start: self.position(start),
            len: to_u32(len),
        }
    }

    /// The byte offset of `part` if it is a slice of this file's text.
    ///
    /// `fluent-syntax` parses into an AST of `&str` slices of the input and
    /// keeps no positions; a slice's address tells where it came from, which
    /// is how entries and identifiers get their `line:column`.
    pub fn offset_of(&self, part: &str) -> Option<usize> {
        let base = self.text.as_ptr() as usize;
        let at = part.as_ptr() as usize;
        (at >= base && at + part.len() <= base + self.text.len()).then(|| at - base)
    }

    /// Line `line` (1-based) without its line ending, or "" past the end.
    pub fn line_text(&self, line: u32) -> &str {
        let index = (line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts.get(index) else {
            return "";
        };
        let end = self
            .line_starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }
}

/// Saturating conversion for line and column numbers.
pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let file = SourceFile::new("x.ftl", "a = 1\n中文 = 连接超时\n".to_string());
        let offset = file.text().find("连接").unwrap();
        assert_eq!(file.position(offset), Position { line: 2, column: 6 });
        assert_eq!(file.position(0), Position { line: 1, column: 1 });
        assert_eq!(file.line_text(2), "中文 = 连接超时");
        assert_eq!(file.line_text(9), "");
    }

    #[test]
    fn files_that_are_not_utf8_are_reported_not_failed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ftl");
        std::fs::write(&path, b"a = \xff\n").unwrap();
        let mut diags = Diagnostics::new();
        let text = read_utf8(&path, Path::new("locales/en/x.ftl"), &mut diags).unwrap();
        assert_eq!(text, None);
        assert_eq!(
            diags.sorted()[0].to_string(),
            "locales/en/x.ftl: error: not UTF-8 (invalid byte at offset 4) — save the file as UTF-8\n"
        );
        let missing = read_utf8(&dir.path().join("nope"), Path::new("nope"), &mut diags);
        assert!(missing.is_err());
    }

    #[test]
    fn offset_of_finds_sub_slices_only() {
        let file = SourceFile::new("x", "hello world".to_string());
        let world = &file.text()[6..];
        assert_eq!(file.offset_of(world), Some(6));
        assert_eq!(file.offset_of("world"), None);
    }
}
