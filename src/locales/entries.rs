//! What the checks need of a Fluent file, read from its AST: each
//! message's and term's place, value and attributes; the references,
//! selects and variables of each part; syntax errors and ids defined twice,
//! reported where they are best fixed.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::mistakes;
use super::{Broken, EntryInfo, PartInfo, Parts, STUB_MARKER, SelectInfo, VariantInfo, What};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind as Problem};
use crate::source::{SourceFile, Span};

/// Records the messages and terms of `file`, reporting ids defined twice
/// in the locale; what does not parse is returned, with the message it
/// broke, for [`super::Locales::with_source`] to report (it knows the English).
pub(super) fn collect_entries(
    file: &SourceFile,
    index: usize,
    entries: &mut BTreeMap<String, EntryInfo>,
    earlier: &[SourceFile],
    diags: &mut Diagnostics,
) -> Vec<Broken> {
    let (resource, errors) = match fluent_syntax::parser::parse(file.text()) {
        Ok(r) => (r, Vec::new()),
        Err((r, errors)) => (r, errors),
    };
    let starts = entry_starts(file, &resource);
    // The first start after `start`: `starts` is sorted, so a binary
    // search (a scan per entry made files of 100,000 messages quadratic).
    let end_of = |start: usize| {
        starts
            .get(starts.partition_point(|s| *s <= start))
            .copied()
            .unwrap_or(file.text().len())
    };
    let mut broken = Vec::new();
    // The message or term before the entry at hand, which a stretch that
    // does not parse may have been part of.
    let mut previous: Option<String> = None;
    for entry in &resource.body {
        let (id, (mut info, doubled)) = match entry {
            ast::Entry::Message(m) => (
                m.id.name.to_string(),
                entry_info(
                    file,
                    index,
                    m.id.name,
                    m.value.as_ref(),
                    &m.attributes,
                    m.comment.as_ref(),
                ),
            ),
            ast::Entry::Term(t) => (
                format!("-{}", t.id.name),
                entry_info(
                    file,
                    index,
                    t.id.name,
                    Some(&t.value),
                    &t.attributes,
                    t.comment.as_ref(),
                ),
            ),
            ast::Entry::Junk { content } => {
                if let Some(b) = read_junk(file, index, content, previous.as_deref(), &errors) {
                    previous.clone_from(&b.id);
                    broken.push(b);
                }
                continue;
            }
            _ => continue,
        };
        previous = Some(id.clone());
        for (attribute, span, first) in doubled {
            diags.push(
                Diagnostic::new(Problem::DuplicateAttribute {
                    id: id.clone(),
                    attribute,
                })
                .at(file, span)
                .first_at(file, first),
            );
        }
        info.range.end = end_of(info.range.end);
        if let Some(first) = entries.get(&id) {
            let first_file = if first.file == index {
                file
            } else {
                earlier.get(first.file).unwrap_or(file)
            };
            diags.push(
                Diagnostic::new(Problem::DuplicateMessage { id })
                    .at(file, info.span)
                    .first_at(first_file, first.span),
            );
            continue;
        }
        entries.insert(id, info);
    }
    broken
}

/// What is wrong with the stretch `junk` the parser dropped: the mistake
/// [`mistakes::find`] names, else the parser's own words; and the message
/// it broke — its own id, or the message before it that it continued.
fn read_junk(
    file: &SourceFile,
    index: usize,
    junk: &str,
    previous: Option<&str>,
    errors: &[fluent_syntax::parser::ParserError],
) -> Option<Broken> {
    let start = file.offset_of(junk)?;
    let range = start..start + junk.len();
    // Junk goes on with the message before it only when it follows it
    // directly: after a blank line or a comment it stands alone.
    let before = file.text().get(..start).unwrap_or("");
    let before = before.strip_suffix('\n').unwrap_or(before);
    let before = before.strip_suffix('\r').unwrap_or(before);
    let line_before = before.rsplit('\n').next().unwrap_or("");
    let previous =
        previous.filter(|_| !(line_before.trim().is_empty() || line_before.starts_with('#')));
    let own = mistakes::own_id(file.text(), start, previous.is_none());
    let kind = match (&own, previous) {
        (Some(_), _) => mistakes::Start::Own,
        (None, Some(_)) => mistakes::Start::Continues,
        (None, None) => mistakes::Start::Alone,
    };
    let id = own.or_else(|| previous.map(str::to_string));
    let what = match mistakes::find(file.text(), range.clone(), kind) {
        Some(found) => What::Mistake(found),
        None => {
            let error = errors
                .iter()
                .find(|e| range.contains(&e.pos.start))
                .or_else(|| errors.first())?;
            parser_words(file, error)
        }
    };
    let at = match &what {
        What::Mistake(f) => f.at.start,
        What::Parser { at, .. } => *at,
    };
    Some(Broken {
        file: index,
        attribute: attribute_at(file.text(), at),
        id,
        what,
    })
}

/// The attribute whose text holds byte `at`: the nearest `.name =` line
/// above it (or on it) within its message; `None` for the message's value.
fn attribute_at(text: &str, at: usize) -> Option<String> {
    let at = at.min(text.len());
    let line_end = text
        .get(at..)
        .and_then(|r| r.find('\n'))
        .map_or(text.len(), |i| at + i);
    for line in text.get(..line_end)?.rsplit('\n') {
        if line.trim_matches(' ').is_empty() {
            continue;
        }
        if !line.starts_with(' ') {
            // The message's first line: its value.
            return None;
        }
        if let Some((name, _)) = mistakes::attribute_line(line) {
            return Some(name.to_string());
        }
    }
    None
}

/// A syntax error in the parser's words, placed where it is best fixed,
/// with a hint of how.
fn parser_words(file: &SourceFile, e: &fluent_syntax::parser::ParserError) -> What {
    let start = syntax_error_offset(file.text(), e);
    let moved = start != e.pos.start;
    let rest = file.text().get(start..).unwrap_or("");
    let indent = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let (at, hint) = if !moved && rest.trim_start().starts_with('.') {
        // The parser gives up on the whole attribute and points at its
        // line; the reason is somewhere in that line.
        (
            start + indent,
            "this attribute does not parse: look for an unclosed `{`, a `}` without `{`, or a continuation line starting with `.`, `[`, `*` or `}`",
        )
    } else if moved {
        (start, "close the placeable with `}` on this line")
    } else {
        (
            start,
            "fix the syntax; https://projectfluent.org/fluent/guide/ explains it",
        )
    };
    What::Parser {
        at,
        detail: e.kind.to_string(),
        hint,
    }
}

/// Where each entry of `resource` starts — its attached comment, a
/// comment, junk — as the start of its line, sorted: where the entry
/// before it ends.
fn entry_starts(file: &SourceFile, resource: &ast::Resource<&str>) -> Vec<usize> {
    let line_start = |at: usize| {
        file.text()
            .get(..at)
            .and_then(|before| before.rfind('\n'))
            .map_or(0, |i| i + 1)
    };
    let mut starts: Vec<usize> = resource
        .body
        .iter()
        .filter_map(|entry| {
            let first = match entry {
                ast::Entry::Message(m) => m
                    .comment
                    .as_ref()
                    .and_then(|c| c.content.first().copied())
                    .unwrap_or(m.id.name),
                ast::Entry::Term(t) => t
                    .comment
                    .as_ref()
                    .and_then(|c| c.content.first().copied())
                    .unwrap_or(t.id.name),
                ast::Entry::Comment(c)
                | ast::Entry::GroupComment(c)
                | ast::Entry::ResourceComment(c) => c.content.first().copied()?,
                ast::Entry::Junk { content } => content,
            };
            file.offset_of(first).map(line_start)
        })
        .collect();
    starts.sort_unstable();
    starts
}

/// Where to point at a syntax error. The parser notices an unclosed `{`
/// only on a later line (inside a placeable, line breaks are allowed); the
/// missing `}` belongs at the end of the line that left it open.
fn syntax_error_offset(text: &str, error: &fluent_syntax::parser::ParserError) -> usize {
    let start = error.pos.start.min(text.len());
    let entry_start = error.slice.as_ref().map_or_else(
        || {
            // No slice: look at the line before the error only.
            text.get(..start)
                .and_then(|b| b.trim_end_matches(['\n', '\r', ' ', '\t']).rfind('\n'))
                .map_or(0, |i| i + 1)
        },
        |s| s.start,
    );
    let Some(region) = text.get(entry_start.min(start)..start) else {
        return start;
    };
    let mut depth = 0usize;
    let mut offset = entry_start.min(start);
    for line in region.split_inclusive('\n') {
        let end_of_line = offset + line.trim_end_matches(['\n', '\r']).len();
        depth += line.matches('{').count();
        depth = depth.saturating_sub(line.matches('}').count());
        if depth > 0 && line.ends_with('\n') {
            return end_of_line;
        }
        offset += line.len();
    }
    start
}

/// What the entry `id` of `file` looks like, and each attribute it writes
/// again: (name, where, where it is first).
fn entry_info(
    file: &SourceFile,
    index: usize,
    id: &str,
    value: Option<&ast::Pattern<&str>>,
    attributes: &[ast::Attribute<&str>],
    comment: Option<&ast::Comment<&str>>,
) -> (EntryInfo, Vec<(String, Span, Span)>) {
    let span_of = |name: &str| {
        let start = file.offset_of(name).unwrap_or(0);
        file.span(start, start + name.len())
    };
    // Of an attribute written twice, the first: the one fluent-bundle
    // formats. The others are reported.
    let mut seen: Vec<&ast::Attribute<&str>> = Vec::new();
    let mut doubled = Vec::new();
    for attribute in attributes {
        match seen.iter().find(|a| a.id.name == attribute.id.name) {
            Some(first) => doubled.push((
                attribute.id.name.to_string(),
                span_of(attribute.id.name),
                span_of(first.id.name),
            )),
            None => seen.push(attribute),
        }
    }
    let attributes = seen;
    let parts = Parts::new(
        value
            .map(|value| (None, part_info(file, value)))
            .into_iter()
            .chain(
                attributes
                    .iter()
                    .map(|a| (Some(a.id.name.to_string()), part_info(file, &a.value))),
            )
            .collect(),
    );
    let id_start = file.offset_of(id).unwrap_or(0);
    // The attached comment's first line starts the entry (after its `# `).
    let start = comment
        .and_then(|c| c.content.first())
        .and_then(|line| file.offset_of(line))
        .map_or(id_start, |at| {
            file.text()
                .get(..at)
                .and_then(|before| before.rfind('\n'))
                .map_or(0, |i| i + 1)
        })
        .min(id_start);
    let stub = comment.is_some_and(|c| c.content.iter().any(|l| l.trim() == STUB_MARKER));
    let info = EntryInfo {
        file: index,
        span: span_of(id),
        range: start..id_start,
        has_value: value.is_some(),
        attributes: attributes
            .iter()
            .map(|a| (a.id.name.to_string(), span_of(a.id.name)))
            .collect(),
        parts,
        stub,
    };
    (info, doubled)
}

/// References, selects and variables of one pattern.
fn part_info(file: &SourceFile, pattern: &ast::Pattern<&str>) -> PartInfo {
    let mut info = PartInfo {
        variables: pattern_variables(pattern),
        ..PartInfo::default()
    };
    let mut literal = Some(String::new());
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                if let Some(text) = literal.as_mut() {
                    text.push_str(value);
                }
            }
            ast::PatternElement::Placeable { expression } => {
                match (expression, literal.as_mut()) {
                    (
                        ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
                        Some(text),
                    ) => text.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value)),
                    _ => literal = None,
                }
                walk_expression(file, expression, &mut info, true);
            }
        }
    }
    info.literal = literal;
    info
}

fn walk_expression(
    file: &SourceFile,
    expression: &ast::Expression<&str>,
    info: &mut PartInfo,
    outside: bool,
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            let mut selector_vars = BTreeSet::new();
            inline_variables(selector, &mut selector_vars);
            let numeric = match selector {
                ast::InlineExpression::VariableReference { .. }
                | ast::InlineExpression::NumberLiteral { .. } => true,
                ast::InlineExpression::FunctionReference { id, .. } => id.name == "NUMBER",
                _ => false,
            };
            walk_inline(selector, info, outside);
            let variants = variants
                .iter()
                .map(|v| {
                    let key = match &v.key {
                        ast::VariantKey::Identifier { name } => *name,
                        ast::VariantKey::NumberLiteral { value } => *value,
                    };
                    let start = file.offset_of(key).unwrap_or(0);
                    for element in &v.value.elements {
                        if let ast::PatternElement::Placeable { expression } = element {
                            walk_expression(file, expression, info, false);
                        }
                    }
                    VariantInfo {
                        key: key.to_string(),
                        span: file.span(start, start + key.len()),
                        variables: pattern_variables(&v.value),
                    }
                })
                .collect();
            info.selects.push(SelectInfo {
                selector: selector_vars.into_iter().next(),
                numeric,
                variants,
            });
        }
        ast::Expression::Inline(inline) => walk_inline(inline, info, outside),
    }
}

fn walk_inline(inline: &ast::InlineExpression<&str>, info: &mut PartInfo, outside: bool) {
    match inline {
        ast::InlineExpression::VariableReference { id } if outside => {
            info.outside.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, attribute } => {
            let name = match attribute {
                Some(a) => format!("{}.{}", id.name, a.name),
                None => id.name.to_string(),
            };
            info.references.insert(name);
        }
        ast::InlineExpression::TermReference { id, arguments, .. } => {
            info.references.insert(format!("-{}", id.name));
            if let Some(arguments) = arguments {
                for p in &arguments.positional {
                    walk_inline(p, info, outside);
                }
                for n in &arguments.named {
                    walk_inline(&n.value, info, outside);
                }
            }
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for p in &arguments.positional {
                walk_inline(p, info, outside);
            }
            for n in &arguments.named {
                walk_inline(&n.value, info, outside);
            }
        }
        // Nested placeables: what they use, a select's selector and
        // variants too (files nest at most `MAX_NESTING` deep).
        ast::InlineExpression::Placeable { expression } => walk_nested(expression, info, outside),
        _ => {}
    }
}

/// What a nested placeable uses: an inline expression as at the top, a
/// select's selector and variants as inside a select.
fn walk_nested(expression: &ast::Expression<&str>, info: &mut PartInfo, outside: bool) {
    match expression {
        ast::Expression::Inline(inline) => walk_inline(inline, info, outside),
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, info, false);
            for variant in variants {
                for element in &variant.value.elements {
                    if let ast::PatternElement::Placeable { expression } = element {
                        walk_nested(expression, info, false);
                    }
                }
            }
        }
    }
}

/// The names of the variables (`$name`) a pattern uses, in every variant.
pub(super) fn pattern_variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, &mut found);
        }
    }
    found
}

fn expression_variables(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, found);
            for v in variants {
                found.extend(pattern_variables(&v.value));
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, found),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            call_variables(arguments, found);
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => call_variables(arguments, found),
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, found),
        _ => {}
    }
}

fn call_variables(arguments: &ast::CallArguments<&str>, found: &mut BTreeSet<String>) {
    for p in &arguments.positional {
        inline_variables(p, found);
    }
    for n in &arguments.named {
        inline_variables(&n.value, found);
    }
}
