//! The `.ftl` files of one locale, as `import` changes them: messages set
//! or removed by id, wherever in the locale's files they live, each file
//! rewritten once at the end with everything else in it kept as written.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use super::parse::{Section, normalized};
use crate::locales::{LOCALES_DIR, entry_ranges};
use crate::output::{self, read_or_empty};

/// A message's texts: its value (`None`) and attributes, as a reader sees
/// them (escapes such as `{"{"}` resolved).
pub(super) type Fields = BTreeMap<Option<String>, String>;

/// A locale's `.ftl` files and the changes made to them.
pub(super) struct Texts {
    dir: PathBuf,
    /// Each file's text as read (relative path → text).
    files: BTreeMap<PathBuf, String>,
    /// Which file defines each message, and where in it (comment
    /// included), worked out once.
    index: BTreeMap<String, (PathBuf, std::ops::Range<usize>)>,
    /// Messages set (`Some(text)`) or removed (`None`), by id, with the
    /// file they go to.
    pending: BTreeMap<String, (PathBuf, Option<String>)>,
    /// Whether a message the pages say otherwise is replaced (`import
    /// --overwrite`) or kept.
    overwrite: bool,
}

/// A field of a message that a page says otherwise than the locale's file:
/// kept, unless `--overwrite` replaced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Changed {
    /// The message, or one of its attributes (`code-1001.cause`).
    pub(super) field: String,
    /// The file that has it.
    pub(super) file: PathBuf,
    /// What the file says (empty: nothing).
    pub(super) ours: String,
    /// What the page says (empty: nothing).
    pub(super) page: String,
}

impl Texts {
    /// Reads every `.ftl` file under `locales/<tag>/`.
    pub(super) fn load(root: &Path, tag: &str) -> anyhow::Result<Texts> {
        let dir = Path::new(LOCALES_DIR).join(tag);
        let full = root.join(&dir);
        let mut files = BTreeMap::new();
        let mut index = BTreeMap::new();
        if full.is_dir() {
            // Listed as `build` lists them: links inside the project
            // followed, one leading out an error.
            let mut diags = crate::diagnostic::Diagnostics::new();
            let found = crate::input::list_project(root, &full, 1, usize::MAX, &mut diags);
            if diags.has_errors() {
                return Err(output::input_problem(&diags, &dir));
            }
            for entry in found {
                if entry.is_dir || entry.path.extension().is_none_or(|e| e != "ftl") {
                    continue;
                }
                let rel = entry
                    .path
                    .strip_prefix(root)
                    .unwrap_or(&entry.path)
                    .to_path_buf();
                let text = read_or_empty(root, &rel)?;
                if fluent_syntax::parser::parse(text.as_str()).is_err() {
                    anyhow::bail!(
                        "{} does not parse as Fluent — `errdoc check` shows where; fix it before importing, so that no message of it is lost",
                        rel.display()
                    );
                }
                for (id, range) in entry_ranges(&text) {
                    index.entry(id).or_insert_with(|| (rel.clone(), range));
                }
                files.insert(rel, text);
            }
        }
        Ok(Texts {
            dir,
            files,
            index,
            pending: BTreeMap::new(),
            overwrite: false,
        })
    }

    /// Replace messages the pages say otherwise (`--overwrite`).
    pub(super) fn overwriting(mut self, overwrite: bool) -> Texts {
        self.overwrite = overwrite;
        self
    }

    /// The text of message `id` as the locale's file has it, comment
    /// included (before this import's changes).
    fn written(&self, id: &str) -> Option<&str> {
        let (file, range) = self.index.get(id)?;
        self.files.get(file)?.get(range.clone())
    }

    /// Whether the locale's files have message `id`, not as an import's
    /// placeholder.
    pub(super) fn holds(&self, id: &str) -> bool {
        self.written(id).is_some_and(|w| !is_placeholder(w))
    }

    /// What setting message `id` to `message` (or removing it, `None`)
    /// would change of what the locale's files say, field by field, and
    /// whether anything is to be written at all. A message this import set
    /// already, or a placeholder an import wrote (`# errdoc import: …`),
    /// is the import's own: replacing it changes nothing of anyone's.
    fn changes(&self, id: &str, message: Option<&str>) -> (Vec<Changed>, bool) {
        if self.pending.contains_key(id) {
            return (Vec::new(), true);
        }
        let Some(written) = self.written(id) else {
            return (Vec::new(), message.is_some());
        };
        if is_placeholder(written) {
            return (Vec::new(), true);
        }
        let ours = fields_of(written, id).unwrap_or_default();
        let page = message.and_then(|m| fields_of(m, id)).unwrap_or_default();
        if message.is_some() && ours == page {
            return (Vec::new(), false);
        }
        let file = self
            .index
            .get(id)
            .map(|(f, _)| f.clone())
            .unwrap_or_default();
        let name = |key: &Option<String>| match key {
            None => id.to_string(),
            Some(attribute) => format!("{id}.{attribute}"),
        };
        let keys: std::collections::BTreeSet<&Option<String>> =
            ours.keys().chain(page.keys()).collect();
        let changed = keys
            .into_iter()
            .filter(|key| ours.get(*key) != page.get(*key))
            .map(|key| Changed {
                field: name(key),
                file: file.clone(),
                ours: ours.get(key).cloned().unwrap_or_default(),
                page: page.get(key).cloned().unwrap_or_default(),
            })
            .collect();
        (changed, true)
    }

    /// Whether the locale has message `id` (after the changes so far).
    pub(super) fn has(&self, id: &str) -> bool {
        match self.pending.get(id) {
            Some((_, change)) => change.is_some(),
            None => self.index.contains_key(id),
        }
    }

    /// The texts of message `id` (after the changes so far).
    pub(super) fn fields(&self, id: &str) -> Option<Fields> {
        match self.pending.get(id) {
            Some((_, Some(message))) => fields_of(message, id),
            Some((_, None)) => None,
            None => fields_of(self.written(id)?, id),
        }
    }

    /// Sets message `id` to `message` (its whole Fluent text): in place
    /// where the locale has it, else in `<file>.ftl`. A message the locale
    /// has with other texts (a hand edit, or an older page) is kept unless
    /// `--overwrite`; either way, the fields that differ are returned. One
    /// that says the same is left as written, comments and all.
    #[must_use = "the fields a page says otherwise go in the report"]
    pub(super) fn set(&mut self, id: &str, message: String, file: &str) -> Vec<Changed> {
        let (changed, write) = self.changes(id, Some(&message));
        if write && (changed.is_empty() || self.overwrite) {
            let target = self
                .index
                .get(id)
                .map(|(f, _)| f.clone())
                .unwrap_or_else(|| self.dir.join(format!("{file}.ftl")));
            self.pending.insert(id.to_string(), (target, Some(message)));
        }
        changed
    }

    /// Removes message `id`, if the locale has it: kept, like [`set`]'s,
    /// unless `--overwrite` (its fields are returned).
    ///
    /// [`set`]: Texts::set
    #[must_use = "the fields a page says otherwise go in the report"]
    pub(super) fn remove(&mut self, id: &str) -> Vec<Changed> {
        let (changed, _) = self.changes(id, None);
        if !changed.is_empty() && !self.overwrite {
            return changed;
        }
        if let Some((file, _)) = self.index.get(id).cloned() {
            self.pending.insert(id.to_string(), (file, None));
        } else {
            self.pending.remove(id);
        }
        changed
    }

    /// Writes every file that changed; returns those written.
    pub(super) fn write(&self, root: &Path) -> anyhow::Result<Vec<PathBuf>> {
        let mut by_file: BTreeMap<&PathBuf, Vec<(&str, Option<&str>)>> = BTreeMap::new();
        for (id, (file, change)) in &self.pending {
            by_file
                .entry(file)
                .or_default()
                .push((id.as_str(), change.as_deref()));
        }
        let mut written = Vec::new();
        for (file, changes) in by_file {
            let before = self.files.get(file).map_or("", String::as_str);
            let after = merge_fluent(before, &changes);
            if after != before && output::write_if_changed(root, file, &after)? {
                written.push(file.clone());
            }
        }
        Ok(written)
    }
}

/// The texts of the message `id` in Fluent `source` (one message or a
/// whole file).
fn fields_of(source: &str, id: &str) -> Option<Fields> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource.body.into_iter().find_map(|entry| match entry {
        ast::Entry::Message(m) if m.id.name == id => {
            let mut fields = Fields::new();
            if let Some(value) = &m.value {
                fields.insert(None, pattern_text(value));
            }
            // Of an attribute written twice (E0348), the first, as
            // Fluent formats it.
            for attribute in &m.attributes {
                fields
                    .entry(Some(attribute.id.name.to_string()))
                    .or_insert_with(|| pattern_text(&attribute.value));
            }
            Some(fields)
        }
        _ => None,
    })
}

/// A pattern as text: string literals resolved, other placeables kept as
/// written (`{ $name }`).
fn pattern_text(pattern: &ast::Pattern<&str>) -> String {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                    out.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value));
                }
                ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                    let _ = write!(out, "{{ ${} }}", id.name);
                }
                _ => out.push_str("{…}"),
            },
        }
    }
    out
}

/// Whether `fields` say what `section` says (whitespace and layout aside).
pub(super) fn says_the_same(fields: &Fields, section: &Section) -> bool {
    let get = |name: &str| fields.get(&Some(name.to_string())).map(|t| normalized(t));
    let optional = |name: &str, text: &Option<String>| get(name) == text.as_deref().map(normalized);
    let numbered = |prefix: &str, items: &[String]| {
        let mut theirs: Vec<(u32, &String)> = fields
            .iter()
            .filter_map(|(k, v)| Some((k.as_deref()?.strip_prefix(prefix)?.parse().ok()?, v)))
            .collect();
        theirs.sort();
        theirs.len() == items.len()
            && theirs
                .iter()
                .zip(items)
                .all(|((_, a), b)| normalized(a) == normalized(b))
    };
    fields.get(&None).map(|t| normalized(t)) == Some(normalized(&section.title))
        && optional("intro", &section.intro)
        && optional("description", &section.description)
        && numbered("cause-", &section.causes)
        && numbered("solution-", &section.solutions)
        && optional("details", &section.details)
}

/// Fluent text for a value or attribute (`{`, `}` and line starts escaped),
/// after `id =` or `.name =` at `indent`. Empty text is `{""}`.
pub(super) fn fluent_value(text: &str, indent: usize) -> String {
    let escape = |line: &str, first: bool| {
        let start = line.len() - line.trim_start_matches([' ', '\t']).len();
        let (indent, rest) = line.split_at(start);
        let mut out = String::new();
        let mut chars = rest.chars();
        // `[`, `*` and `.` only matter as the first character of a
        // continuation line after its indentation, however deep. A line
        // that begins with a placeable loses its indentation to Fluent's
        // dedent, so it goes into the string literal (`{"    }"}`): code
        // keeps its shape.
        match chars.clone().next() {
            Some(c @ ('{' | '}' | '[' | '*' | '.')) if !first => {
                chars.next();
                let _ = write!(out, "{{\"{indent}{c}\"}}");
            }
            _ => out.push_str(indent),
        }
        for c in chars {
            match c {
                '{' => out.push_str("{\"{\"}"),
                '}' => out.push_str("{\"}\"}"),
                c => out.push(c),
            }
        }
        out
    };
    let lines: Vec<&str> = text.trim().lines().collect();
    match lines.as_slice() {
        [] => " {\"\"}".to_string(),
        [line] => format!(" {}", escape(line, true)),
        _ => {
            let pad = " ".repeat(indent + 4);
            let mut out = String::new();
            for line in lines {
                out.push('\n');
                if !line.trim().is_empty() {
                    out.push_str(&pad);
                    out.push_str(&escape(line, false));
                }
            }
            out
        }
    }
}

/// A message: `id = value` and its attributes, in order, those without
/// text left out.
pub(super) fn message(id: &str, value: &str, attributes: &[(String, &str)]) -> String {
    let mut out = format!("{id} ={}\n", fluent_value(value, 0));
    for (name, text) in attributes {
        if !text.trim().is_empty() {
            let _ = writeln!(out, "    .{name} ={}", fluent_value(text, 4));
        }
    }
    out
}

/// The Fluent message of a code section, under `id`. A translation's page
/// that gives the code no title (`## 7`) leaves the value out, so that the
/// English title shows (an empty translation is an error); with nothing
/// else to say either, there is no message (`None`). The source language
/// writes an empty title as `{""}`.
pub(super) fn code_message(id: &str, section: &Section, source: bool) -> Option<String> {
    let mut attributes: Vec<(String, &str)> = Vec::new();
    if let Some(intro) = &section.intro {
        attributes.push(("intro".to_string(), intro));
    }
    if let Some(d) = &section.description {
        attributes.push(("description".to_string(), d));
    }
    for (i, c) in section.causes.iter().enumerate() {
        attributes.push((format!("cause-{}", i + 1), c));
    }
    for (i, s) in section.solutions.iter().enumerate() {
        attributes.push((format!("solution-{}", i + 1), s));
    }
    if let Some(details) = &section.details {
        attributes.push(("details".to_string(), details));
    }
    attributes.retain(|(_, text)| !text.trim().is_empty());
    if source || !section.title.trim().is_empty() {
        return Some(message(id, &section.title, &attributes));
    }
    if attributes.is_empty() {
        return None;
    }
    let mut out = format!("{id} =\n");
    for (name, text) in &attributes {
        let _ = writeln!(out, "    .{name} ={}", fluent_value(text, 4));
    }
    Some(out)
}

/// The comment `import` puts above a placeholder; replaced with it.
pub(super) const PLACEHOLDER_COMMENT: &str = "# errdoc import:";

/// A placeholder message: `body` (a whole message) under the import's
/// comment saying `why`, which ends with the body's fingerprint — so that
/// a text written over the placeholder, its comment left in place, is
/// told from the import's own.
pub(super) fn placeholder_message(why: &str, body: &str) -> String {
    let print = output::fingerprint(body.trim_end().as_bytes());
    format!("{PLACEHOLDER_COMMENT} {why} [{print}]\n{body}")
}

/// Whether `written` (a message with its comment, as a file has it) is a
/// placeholder as an import wrote it: under the import's comment, with
/// the body its fingerprint names (one written before placeholders
/// carried a fingerprint counts as the import's too).
fn is_placeholder(written: &str) -> bool {
    let written = written.trim_start();
    let Some(first) = written.lines().next() else {
        return false;
    };
    if !first.starts_with(PLACEHOLDER_COMMENT) {
        return false;
    }
    let body: Vec<&str> = written.lines().skip_while(|l| l.starts_with('#')).collect();
    match first
        .trim_end()
        .strip_suffix(']')
        .and_then(|f| f.rsplit_once('['))
    {
        Some((_, print)) => print == output::fingerprint(body.join("\n").trim_end().as_bytes()),
        None => true,
    }
}

/// `text` with the messages of `changes` replaced in place (or removed),
/// and new ones appended. A message's own comment is kept, unless it is a
/// placeholder's (`# errdoc import: …`), which goes with the placeholder.
pub(super) fn merge_fluent(text: &str, changes: &[(&str, Option<&str>)]) -> String {
    let ranges = entry_ranges(text);
    let wanted: BTreeMap<&str, Option<&str>> = changes.iter().copied().collect();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut done = std::collections::BTreeSet::new();
    for (id, range) in &ranges {
        let Some(change) = wanted.get(id.as_str()) else {
            continue;
        };
        done.insert(id.as_str());
        let region = text.get(range.clone()).unwrap_or("");
        // Where the id starts in the region: its comment comes before.
        let id_at = region
            .match_indices(id.as_str())
            .map(|(i, _)| i)
            .find(|i| *i == 0 || region.as_bytes().get(i - 1) == Some(&b'\n'))
            .unwrap_or(0);
        let comment = region.get(..id_at).unwrap_or("");
        let keep_comment =
            change.is_some() && !comment.trim_start().starts_with(PLACEHOLDER_COMMENT);
        let start = if keep_comment {
            range.start + id_at
        } else {
            range.start
        };
        out.push_str(text.get(last..start).unwrap_or(""));
        if let Some(message) = change {
            out.push_str(message);
            // The blank lines that followed the old message.
            let trailing = region.len() - region.trim_end().len();
            let blank = region.get(region.len() - trailing..).unwrap_or("");
            out.push_str(&blank.replacen('\n', "", 1));
        }
        last = range.end;
    }
    out.push_str(text.get(last..).unwrap_or(""));
    for (id, change) in changes {
        let Some(message) = change else { continue };
        if done.contains(id) {
            continue;
        }
        if !out.is_empty() && !out.ends_with("\n\n") {
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push('\n');
        }
        out.push_str(message);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fluent_values_escape_what_fluent_reads_specially() {
        assert_eq!(fluent_value("Use {braces}", 0), " Use {\"{\"}braces{\"}\"}");
        assert_eq!(
            fluent_value("a\n.b\n\n* c", 4),
            "\n        a\n        {\".\"}b\n\n        {\"*\"} c"
        );
        assert_eq!(fluent_value("  ", 0), " {\"\"}");
        // Found in review: an indented `*` or `[` starts a continuation
        // line just as much.
        // A line that starts with a placeable keeps its indentation in the
        // string literal: Fluent's dedent would take it otherwise.
        assert_eq!(
            fluent_value("a\n  * nested\n\t[link](x)", 0),
            "\n    a\n    {\"  *\"} nested\n    {\"\t[\"}link](x)"
        );
        // And Fluent reads back what was written (code in a fence: found
        // on a real page, whose `    }` lines came back as `}`).
        for text in [
            "Reconfigure it:\n```json\n\"a\":{\n    \"b\":{\n        \"c\":\"d\"\n    }\n}\n```",
            "a\n  * nested\n\t[link](x)\n    .x {y}",
        ] {
            let source = format!("m ={}\n", fluent_value(text, 0));
            let fields = fields_of(&source, "m").expect("the message reads back");
            assert_eq!(
                fields.get(&None).map(String::as_str),
                Some(text),
                "{source}"
            );
        }
    }

    #[test]
    fn merging_replaces_in_place_removes_and_appends() {
        let text = "# header\n\n# about a\na = old\n    .x = y\n\nb = keep\n\n# errdoc import: English text missing\nc = placeholder\n\nd = gone\n";
        let merged = merge_fluent(
            text,
            &[
                ("a", Some("a = new\n")),
                ("c", Some("c = real\n")),
                ("d", None),
                ("e", Some("e = added\n")),
            ],
        );
        assert_eq!(
            merged,
            "# header\n\n# about a\na = new\n\nb = keep\n\nc = real\n\ne = added\n"
        );
        let again = merge_fluent(
            &merged,
            &[("a", Some("a = new\n")), ("e", Some("e = added\n"))],
        );
        assert_eq!(again, merged);
    }

    #[test]
    fn an_untitled_code_of_a_translation_has_no_value() {
        let untitled = Section {
            code: 7,
            description: Some("D.".to_string()),
            ..Section::default()
        };
        assert_eq!(
            code_message("code-7", &untitled, false).unwrap(),
            "code-7 =\n    .description = D.\n"
        );
        assert_eq!(
            code_message("code-7", &untitled, true).unwrap(),
            "code-7 = {\"\"}\n    .description = D.\n"
        );
        let bare = Section {
            code: 7,
            ..Section::default()
        };
        assert_eq!(code_message("code-7", &bare, false), None);
    }

    #[test]
    fn fields_read_back_what_was_written() {
        let section = Section {
            code: 1,
            title: "Use {braces}".to_string(),
            description: Some("Line one.\n.dotted\n\n* item\n  * nested\n  [x](y)".to_string()),
            causes: vec!["A.".to_string(), "B.".to_string()],
            ..Section::default()
        };
        let text = code_message("code-1", &section, true).unwrap();
        assert!(
            fluent_syntax::parser::parse(text.as_str()).is_ok(),
            "{text}"
        );
        let fields = fields_of(&text, "code-1").unwrap();
        assert_eq!(fields[&None], "Use {braces}");
        assert!(says_the_same(&fields, &section), "{text}");
        let other = Section {
            causes: vec!["A.".to_string()],
            ..section.clone()
        };
        assert!(!says_the_same(&fields, &other));
    }

    #[test]
    fn of_an_attribute_written_twice_the_first_is_read_as_fluent_formats_it() {
        let fields =
            fields_of("m = T\n    .cause-1 = First\n    .cause-1 = Second\n", "m").unwrap();
        assert_eq!(fields[&Some("cause-1".to_string())], "First");
    }
}
