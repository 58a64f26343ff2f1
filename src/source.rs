//! Source files read from a project, with the line index that turns byte
//! offsets into the `line:column` positions every diagnostic carries.

use std::path::{Path, PathBuf};

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
    lines: Lines,
    /// Every `STRIDE` bytes (at a character boundary): the offset and how
    /// many characters come before it, so a column on a long line is
    /// counted from near it, not from the line's start.
    marks: Vec<(usize, usize)>,
}

/// How far apart the marks of a [`SourceFile`] are, in bytes.
const STRIDE: usize = 4096;

/// Where the lines of a text start: the line of an offset in O(log n).
#[derive(Debug, Clone, Default)]
pub(crate) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// The lines of `text`.
    pub(crate) fn new(text: &str) -> Self {
        Lines {
            starts: std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        }
    }

    /// The 1-based line of byte offset `at`.
    pub(crate) fn line(&self, at: usize) -> usize {
        self.index(at) + 1
    }

    /// The 0-based index of the line byte offset `at` is on.
    fn index(&self, at: usize) -> usize {
        match self.starts.binary_search(&at) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Where the line of 0-based index `index` starts, if there is one.
    fn start(&self, index: usize) -> Option<usize> {
        self.starts.get(index).copied()
    }
}

impl SourceFile {
    /// Wraps `text`, reported as `path` (relative to the project root).
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let lines = Lines::new(&text);
        let mut marks = vec![(0, 0)];
        for (chars, (i, _)) in text.char_indices().enumerate() {
            if i >= marks.last().map_or(0, |(at, _)| at + STRIDE) {
                marks.push((i, chars));
            }
        }
        SourceFile {
            path: path.into(),
            text,
            lines,
            marks,
        }
    }

    /// How many characters lie from byte `start` to byte `end` (a
    /// character `end` falls inside counts as not yet reached): counted
    /// where the stretch is short, as most lines are, and through the marks
    /// where it is long.
    fn chars_between(&self, start: usize, end: usize) -> usize {
        if end.saturating_sub(start) <= STRIDE {
            return self
                .text
                .get(start..)
                .unwrap_or("")
                .char_indices()
                .take_while(|(i, _)| start + i < end)
                .count();
        }
        self.chars_before(end) - self.chars_before(start)
    }

    /// How many characters come before byte `offset` (a character it falls
    /// inside counts as not yet reached).
    fn chars_before(&self, offset: usize) -> usize {
        let mark = match self.marks.binary_search_by_key(&offset, |(at, _)| *at) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let (at, before) = self.marks.get(mark).copied().unwrap_or((0, 0));
        before
            + self
                .text
                .get(at..)
                .unwrap_or("")
                .char_indices()
                .take_while(|(i, _)| at + i < offset)
                .count()
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
        let line_index = self.lines.index(offset);
        let start = self.lines.start(line_index).unwrap_or(0);
        // Characters up to the offset; one it falls inside is not reached.
        let column = self.chars_between(start, offset);
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

    /// Up to `width` characters of line `line`, from its character
    /// `from` (0-based), and whether the line goes on after them; found
    /// through the marks, so a long line is not walked from its start.
    pub fn line_window(&self, line: u32, from: usize, width: usize) -> (&str, bool) {
        let text = self.line_text(line);
        let begin = if from == 0 {
            0
        } else {
            self.line_byte(line, from, text.len())
        };
        let rest = text.get(begin..).unwrap_or("");
        let end = rest
            .char_indices()
            .nth(width)
            .map_or(rest.len(), |(i, _)| i);
        (&rest[..end], end < rest.len())
    }

    /// The byte (from the line's start, at most `len`) where character
    /// `from` of line `line` is, found from the nearest mark.
    fn line_byte(&self, line: u32, from: usize, len: usize) -> usize {
        let start = self.line_start(line);
        let target = self.chars_before(start) + from;
        let mark = self
            .marks
            .partition_point(|(_, before)| *before <= target)
            .saturating_sub(1);
        let (at, before) = self.marks.get(mark).copied().unwrap_or((0, 0));
        let offset = self
            .text
            .get(at..)
            .unwrap_or("")
            .char_indices()
            .nth(target.saturating_sub(before))
            .map_or(self.text.len(), |(i, _)| at + i);
        offset.clamp(start, start + len) - start
    }

    /// How many characters line `line` has.
    pub fn line_chars(&self, line: u32) -> usize {
        let start = self.line_start(line);
        self.chars_between(start, start + self.line_text(line).len())
    }

    /// Where line `line` (1-based) starts; the end of the text past it.
    pub fn line_start(&self, line: u32) -> usize {
        self.lines
            .start((line as usize).saturating_sub(1))
            .unwrap_or(self.text.len())
    }

    /// The path with `/` between its parts, as reports and exports name it.
    pub fn slashed_path(&self) -> String {
        self.path.to_string_lossy().replace('\\', "/")
    }

    /// Line `line` (1-based) without its line ending, or "" past the end.
    pub fn line_text(&self, line: u32) -> &str {
        let index = (line as usize).saturating_sub(1);
        let Some(start) = self.lines.start(index) else {
            return "";
        };
        let end = self.lines.start(index + 1).unwrap_or(self.text.len());
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
    fn offset_of_finds_sub_slices_only() {
        let file = SourceFile::new("x", "hello world".to_string());
        let world = &file.text()[6..];
        assert_eq!(file.offset_of(world), Some(6));
        assert_eq!(file.offset_of("world"), None);
    }
}
