//! A field's text from the blocks under its label: as written (a
//! description), as items (causes, steps), or as the literal message.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::blocks::{Block, Kind, marker_name, markers_only, options};

/// A piece of a field: a block, or the part of a label paragraph after
/// its label.
#[derive(Debug, Clone)]
pub(super) struct Piece<'b> {
    pub(super) block: &'b Block,
    pub(super) range: Range<usize>,
}

/// `start..end` of `text` without the blanks at either end, if anything is
/// left.
pub(super) fn trimmed(text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    let slice = text.get(start..end)?;
    let inner = slice.trim();
    if inner.is_empty() {
        return None;
    }
    let from = start + (slice.len() - slice.trim_start().len());
    Some(from..from + inner.len())
}

/// Where the Markdown of `pieces` stands: from the first's start to the
/// last's end, blank lines between them included, blanks around trimmed.
pub(super) fn span_of(text: &str, pieces: &[Piece<'_>]) -> Option<Range<usize>> {
    trimmed(text, pieces.first()?.range.start, pieces.last()?.range.end)
}

/// The Markdown of `pieces` as written: from the first's start to the
/// last's end, blank lines between them included.
pub(super) fn source_of(text: &str, pieces: &[Piece<'_>]) -> Option<String> {
    span_of(text, pieces)
        .and_then(|r| text.get(r))
        .map(str::to_string)
}

/// A cause or a step, and where its text stands on the page when it stands
/// in one piece (not when markers from around it were joined to it).
pub(super) type Item = (String, Option<Range<usize>>);

/// Whether a piece is nothing but marker comments (`<!--Del-->`).
pub(super) fn is_marker_piece(text: &str, piece: &Piece<'_>) -> bool {
    piece.block.kind == Kind::Html && markers_only(text.get(piece.range.clone()).unwrap_or(""))
}

/// Items of a field: list items (over several lists, the markers around
/// and between them left to the page's layout); paragraphs (or lines)
/// numbered `1.`; or the whole field, as written, as one item.
pub(super) fn items(text: &str, pieces: &[Piece<'_>]) -> Vec<Item> {
    let whole = |pieces: &[Piece<'_>]| {
        span_of(text, pieces)
            .and_then(|r| Some((text.get(r.clone())?.to_string(), Some(r))))
            .into_iter()
            .collect()
    };
    let lists_and_markers = pieces.iter().any(|p| p.block.kind == Kind::List)
        && pieces
            .iter()
            .all(|p| p.block.kind == Kind::List || is_marker_piece(text, p));
    if lists_and_markers {
        // The markers around and between the lists are the page's own
        // writing (its layout keeps them), not part of an item's text.
        return pieces
            .iter()
            .filter(|p| p.block.kind == Kind::List)
            .flat_map(|piece| {
                piece.block.items.iter().map(|item| {
                    // A marker cut off the end of the list stays off.
                    item_text(
                        text,
                        item.start.max(piece.range.start)..item.end.min(piece.range.end),
                    )
                })
            })
            .collect();
    }
    let all_paragraphs = pieces.iter().all(|p| p.block.kind == Kind::Paragraph);
    // Each line, trimmed, with where it starts and ends.
    let lines: Vec<(&str, usize, usize)> = pieces
        .iter()
        .flat_map(|p| {
            let slice = text.get(p.range.clone()).unwrap_or("");
            let base = p.range.start;
            slice.split_inclusive('\n').scan(base, |at, raw| {
                let start = *at;
                *at += raw.len();
                Some((raw, start))
            })
        })
        .filter_map(|(raw, start)| {
            let span = trimmed(text, start, start + raw.len())?;
            Some((text.get(span.clone())?, span.start, span.end))
        })
        .collect();
    if all_paragraphs
        && lines
            .first()
            .and_then(|(l, ..)| numbered_prefix(l))
            .is_some()
    {
        // Each numbered line starts an item; other lines continue it.
        let mut out: Vec<Item> = Vec::new();
        for (line, start, end) in lines {
            match numbered_prefix(line) {
                Some(n) => {
                    let span = trimmed(text, start + n, end);
                    out.push((line[n..].trim().to_string(), span));
                }
                None => {
                    if let Some((last, span)) = out.last_mut() {
                        last.push('\n');
                        last.push_str(line);
                        *span = span.as_ref().map(|s| s.start..end);
                    }
                }
            }
        }
        return out;
    }
    whole(pieces)
}

/// A list item's Markdown (the item at `range` of `text`), without its
/// marker and its indentation, and where it stands.
pub(super) fn item_text(text: &str, range: Range<usize>) -> (String, Option<Range<usize>>) {
    let source = text.get(range.clone()).unwrap_or("");
    // Indentation is ASCII spaces and tabs; a no-break space is text (and
    // more than one byte).
    let blank = |c: char| c == ' ' || c == '\t';
    let indented = source.trim_start_matches(blank);
    let marker_len = indented
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ')' | '-' | '*' | '+')))
        .unwrap_or(indented.len());
    let after = indented[marker_len..].trim_start_matches(blank);
    let indent = source.len() - after.len();
    let mut lines = after.lines();
    let mut out = lines.next().unwrap_or("").to_string();
    for line in lines {
        out.push('\n');
        let strip = line.len() - line.trim_start_matches(blank).len();
        out.push_str(&line[strip.min(indent)..]);
    }
    let span = trimmed(text, range.start + indent, range.end);
    (out.trim().to_string(), span)
}

/// `1.text` or `1. text` or `1、text` at the start of a line: the number's
/// length, if the line is numbered so.
pub(super) fn numbered_prefix(line: &str) -> Option<usize> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = &line[digits..];
    let mark = rest.chars().next()?;
    // `1.5 seconds` is a number, not an item.
    let decimal = matches!(mark, '.' | '．')
        && rest[mark.len_utf8()..].starts_with(|c: char| c.is_ascii_digit());
    (matches!(mark, '.' | '、' | ')' | '．') && !decimal).then_some(digits + mark.len_utf8())
}

/// The literal error message of `pieces`: their text, line by line as the
/// page breaks it (list items keep their numbers), inner spaces collapsed.
pub(super) fn message_of(
    text: &str,
    pieces: &[Piece<'_>],
    markers: &mut Vec<String>,
) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    for piece in pieces {
        let source = text.get(piece.range.clone()).unwrap_or("");
        let mut line = String::new();
        let mut numbers: Vec<Option<u64>> = Vec::new();
        let flush = |line: &mut String, lines: &mut Vec<String>| {
            let collapsed = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if !collapsed.is_empty() {
                lines.push(collapsed);
            }
            line.clear();
        };
        for event in Parser::new_ext(source, options()) {
            match event {
                Event::Text(t) | Event::Code(t) => line.push_str(&t),
                Event::SoftBreak | Event::HardBreak => flush(&mut line, &mut lines),
                Event::Start(Tag::List(start)) => numbers.push(start),
                Event::End(TagEnd::List(_)) => {
                    numbers.pop();
                }
                Event::Start(Tag::Item) => {
                    flush(&mut line, &mut lines);
                    match numbers.last_mut() {
                        Some(Some(n)) => {
                            line.push_str(&format!("{n}. "));
                            *n += 1;
                        }
                        _ => line.push_str("- "),
                    }
                }
                Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock) => {
                    flush(&mut line, &mut lines)
                }
                // `<br>` breaks the line; a marker is the page's, not the
                // message's (reported); other HTML is text of the message
                // (`Invalid value <name>.`).
                Event::Html(raw) | Event::InlineHtml(raw) => {
                    let mut rest: &str = &raw;
                    while !rest.is_empty() {
                        let at = rest.find('<').unwrap_or(rest.len());
                        for (i, part) in rest[..at].split('\n').enumerate() {
                            if i > 0 {
                                flush(&mut line, &mut lines);
                            }
                            line.push_str(part);
                        }
                        rest = &rest[at..];
                        if rest.is_empty() {
                            break;
                        }
                        let end = rest.find('>').map_or(rest.len(), |i| i + 1);
                        let tag = &rest[..end];
                        if marker_name(tag).is_some() {
                            markers.push(tag.to_string());
                        } else if matches!(tag, "<br>" | "<br/>" | "<br />") {
                            flush(&mut line, &mut lines);
                        } else {
                            line.push_str(tag);
                        }
                        rest = &rest[end..];
                    }
                }
                _ => {}
            }
        }
        flush(&mut line, &mut lines);
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}
