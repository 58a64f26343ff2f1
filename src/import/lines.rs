//! The line round trip: a page imported, compared line by line with the
//! page errdoc builds from it (trailing whitespace and line endings
//! aside), and why each line that differs does.

use std::ops::Range;

use similar::{DiffOp, TextDiff};

/// How a page comes back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineReport {
    /// Lines of the original page.
    pub lines: usize,
    /// Of them, those the built page has, the same and in order.
    pub identical: usize,
    /// Lines of the built page the original does not have.
    pub added: usize,
    /// Each stretch that differs, in page order.
    pub differences: Vec<LineDifference>,
}

/// A stretch of lines that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineDifference {
    /// Its lines in the original page (1-based, end exclusive); empty where
    /// the built page adds lines.
    pub lines: Range<usize>,
    /// How many lines the built page has there.
    pub built: usize,
    /// Why.
    pub why: String,
}

impl LineReport {
    /// The share of the original's lines that come back, in percent.
    pub fn identical_percent(&self) -> f64 {
        if self.lines == 0 {
            100.0
        } else {
            100.0 * self.identical as f64 / self.lines as f64
        }
    }
}

/// The text as lines, the way the round trip compares them: line endings
/// made `\n`, a byte-order mark, trailing spaces and tabs, and blank lines
/// at the end dropped.
pub(crate) fn comparable_lines(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<String> = text
        .split('\n')
        .map(|l| l.trim_end_matches([' ', '\t']).to_string())
        .collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// Compares `original` with `built`. `parts` are where the parts of the
/// original begin, (line, name) in order (`code 1001`); `misfits` are the
/// parts written from the templates, (name, why).
pub fn compare(
    original: &str,
    built: &str,
    parts: &[(usize, String)],
    misfits: &[(String, String)],
) -> LineReport {
    let old = comparable_lines(original);
    let new = comparable_lines(built);
    let old_refs: Vec<&str> = old.iter().map(String::as_str).collect();
    let new_refs: Vec<&str> = new.iter().map(String::as_str).collect();
    let diff = TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .diff_slices(&old_refs, &new_refs);
    let mut report = LineReport {
        lines: old.len(),
        ..LineReport::default()
    };
    for op in diff.ops() {
        let (old_range, new_range) = (op.old_range(), op.new_range());
        if let DiffOp::Equal { len, .. } = op {
            report.identical += len;
            continue;
        }
        report.added += new_range.len().saturating_sub(old_range.len());
        let part = part_at(parts, old_range.start + 1);
        let why = match misfits.iter().find(|(name, _)| Some(name.as_str()) == part) {
            Some((name, why)) => format!("{name} is written from the templates: {why}"),
            None => reason(&old[old_range.clone()], &new[new_range.clone()]),
        };
        report.differences.push(LineDifference {
            lines: old_range.start + 1..old_range.end + 1,
            built: new_range.len(),
            why,
        });
    }
    report
}

/// The part that line `line` (1-based) of the original belongs to.
fn part_at(parts: &[(usize, String)], line: usize) -> Option<&str> {
    parts
        .iter()
        .take_while(|(start, _)| *start <= line)
        .last()
        .map(|(_, name)| name.as_str())
}

/// Why lines of a part that its layout writes come back otherwise.
fn reason(old: &[String], new: &[String]) -> String {
    let pairs = || old.iter().zip(new);
    if old.len() == new.len() && pairs().all(|(o, n)| unescaped(n) == *o) {
        return "errdoc escapes what could turn into markup there (`\\[`, `\\*`, `&lt;`): a bracket without its partner, a `<`, the punctuation of an Error Message".to_string();
    }
    if old.len() == new.len()
        && pairs().all(|(o, n)| without_markers(o) == without_markers(&unescaped(n)))
    {
        return "a marker comment inside a text (`<!--RP1-->` within an Error Message) is not kept: markers go around sections, list items and whole texts".to_string();
    }
    if old.len() == new.len() && pairs().all(|(o, n)| o.trim_start() == n.trim_start()) {
        return "errdoc indents a text's later lines under its list marker or quote".to_string();
    }
    if old.is_empty() {
        return "errdoc adds these lines".to_string();
    }
    if new.is_empty() {
        return "errdoc leaves these lines out".to_string();
    }
    "errdoc writes these lines another way".to_string()
}

/// A line without its marker comments (`<!--RP1-->`, `<!--DelEnd-->`).
fn without_markers(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("<!--") {
        out.push_str(&rest[..at]);
        match rest[at..].find("-->") {
            Some(end) => rest = &rest[at + end + 3..],
            None => {
                rest = &rest[at..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A line of Markdown with its backslash escapes and `&lt;`, `&gt;`,
/// `&amp;` undone.
fn unescaped(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(next)) if next.is_ascii_punctuation() => {
                out.push(*next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_compared_up_to_trailing_blanks_and_line_endings() {
        let report = compare("# T\r\n\r\nA  \r\nB\n\n\n", "# T\n\nA\nB", &[], &[]);
        assert_eq!((report.lines, report.identical, report.added), (4, 4, 0));
        assert!(report.differences.is_empty());
    }

    #[test]
    fn each_difference_says_why() {
        let original = "# T\n\n## 1 A\n\nSee [1].\n\n## 2 B\n\n**Cause**<br>\nX.\n";
        let built = "# T\n\n## 1 A\n\nSee \\[1\\].\n\n## 2 B\n\n**Cause**\n\nX.\n";
        let parts = [
            (1, "the top".to_string()),
            (3, "code 1".to_string()),
            (7, "code 2".to_string()),
        ];
        let misfits = [(
            "code 2".to_string(),
            "its layout has no place for {{cause 2}}".to_string(),
        )];
        let report = compare(original, built, &parts, &misfits);
        assert_eq!(report.lines, 10);
        assert_eq!(report.identical, 8);
        assert_eq!(report.added, 1);
        let shown: Vec<(Range<usize>, &str)> = report
            .differences
            .iter()
            .map(|d| (d.lines.clone(), d.why.as_str()))
            .collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert_eq!(shown[0].0, 5..6);
        assert!(shown[0].1.starts_with("errdoc escapes"), "{shown:?}");
        assert_eq!(shown[1].0, 9..10);
        assert_eq!(
            shown[1].1,
            "code 2 is written from the templates: its layout has no place for {{cause 2}}"
        );
        assert!((report.identical_percent() - 80.0).abs() < 1e-9);
    }
}
