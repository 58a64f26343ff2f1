//! Markdown that a translation or the catalog brings, made safe to stand
//! in a page: raw HTML (found by pulldown-cmark, so `<` inside code spans
//! is left alone) is escaped, a link to a `javascript:` (or any address
//! but http, https and mailto) is kept as text, and catalog literals
//! (error messages) are escaped so they show exactly as the API returns
//! them. The Markdown pages ([`crate::render::markdown`]), the layouts
//! ([`crate::render::layout`]) and the model (which warns about such text)
//! use it.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

/// Something in translation Markdown that must not reach a reader as
/// markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hazard {
    /// Raw HTML (a block or an inline tag): `<`, `>` and `&` are escaped.
    Html,
    /// A link or image to a `javascript:`, `data:`, … address: its `[`,
    /// `]` and `<` get a `\`, so it stays as text (all of them, so that a
    /// `[` before it cannot make a new link with its `]`).
    Link,
    /// A link reference definition to such an address: its `[` gets a `\`.
    /// The page is one document, so a definition in one text would serve a
    /// `[text][ref]` in another.
    Definition,
    /// A `[`, `]` or `<` that is only text here: it gets a `\` (and still
    /// shows), so it cannot pair with one in another text on the page (a
    /// `[` at the end of one text, `](javascript:…)` in the next) however a
    /// reader's renderer joins them.
    Loose,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// The hazards in Markdown `text`, by byte range, in order.
fn hazards(text: &str) -> Vec<(Hazard, Range<usize>)> {
    // Every hazard is made of one of these (raw HTML and autolinks start
    // with `<`, links, images and definitions with `[`): most texts have
    // none, and need no parse.
    if !text.contains(['<', '[', ']']) {
        return Vec::new();
    }
    let parser = Parser::new_ext(text, options());
    let mut found: Vec<(Hazard, Range<usize>)> = parser
        .reference_definitions()
        .iter()
        .filter(|(_, def)| {
            unsafe_scheme(&def.dest) || text.get(def.span.clone()).is_some_and(odd_link)
        })
        .filter_map(|(_, def)| {
            let at = def.span.start + text.get(def.span.clone())?.find('[')?;
            Some((Hazard::Definition, at..at + 1))
        })
        .collect();
    let mut in_code = 0usize;
    let mut brackets = Brackets::default();
    // An HTML block is one hazard, from its first line: an inert line
    // (`<br>`, `<!--Del-->`) opens it, and the lines after it are raw.
    let mut html_block: Option<(usize, bool)> = None;
    found.extend(
        parser
            .into_offset_iter()
            .filter_map(|(event, range)| match event {
                Event::Start(Tag::HtmlBlock) => {
                    html_block = Some((range.start, false));
                    None
                }
                Event::Html(html) => {
                    if let Some((_, live)) = html_block.as_mut() {
                        *live |= inert_html(&html, true).is_none();
                    }
                    None
                }
                Event::End(TagEnd::HtmlBlock) => match html_block.take() {
                    Some((start, true)) => Some((Hazard::Html, start..range.end)),
                    _ => None,
                },
                Event::InlineHtml(html) if inert_html(&html, false).is_none() => {
                    Some((Hazard::Html, range))
                }
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                    if unsafe_scheme(&dest_url) =>
                {
                    Some((Hazard::Link, range))
                }
                Event::Start(Tag::Link { link_type, .. } | Tag::Image { link_type, .. })
                    if !matches!(link_type, LinkType::Autolink | LinkType::Email)
                        && text.get(range.clone()).is_some_and(odd_link) =>
                {
                    Some((Hazard::Link, range))
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    in_code += 1;
                    None
                }
                Event::End(TagEnd::CodeBlock) => {
                    in_code = in_code.saturating_sub(1);
                    None
                }
                Event::Text(_) if in_code == 0 => {
                    brackets.text(text, range);
                    None
                }
                Event::Start(tag) if is_block(&tag) => {
                    brackets.end_block();
                    None
                }
                Event::End(tag) if is_block_end(tag) => {
                    brackets.end_block();
                    None
                }
                _ => None,
            }),
    );
    brackets.end_block();
    found.extend(brackets.loose.into_iter().map(|r| (Hazard::Loose, r)));
    found.sort_by_key(|(_, range)| (range.start, std::cmp::Reverse(range.end)));
    found
}

/// Whether the source of a link (or definition) is one that renderers
/// read differently, so that what pulldown-cmark takes for its address
/// another takes for raw HTML: a `<` in it (`[a](<img …>'')`, a title
/// right after `<…>`), or parentheses nested deeper than cmark allows
/// (found in review). Such a link is shown as text. The inert tags of
/// real pages' link texts (`[constructor<sup>9+</sup>](…)`) do not count:
/// read as raw HTML anywhere, they still only raise a digit.
fn odd_link(source: &str) -> bool {
    let mut rest = source;
    let mut plain = String::with_capacity(source.len());
    while let Some(at) = rest.find('<') {
        plain.push_str(&rest[..at]);
        let tail = &rest[at..];
        match INERT_TAGS.iter().find(|t| tail.starts_with(**t)) {
            Some(tag) => rest = &tail[tag.len()..],
            None => return true,
        }
    }
    plain.push_str(rest);
    plain.matches('(').count() > 16
}

/// The `[`, `]` and `<` of a text's plain text that could pair with
/// something outside it: every `<` (an escaped one becomes `&lt;` too),
/// and a bracket without its `\` that has no partner in its block
/// (`[8519687]` stays as written; a `[` at the end of one text, or the
/// `](javascript:…)` of the next, does not).
#[derive(Default)]
struct Brackets {
    /// Open `[` of the current block.
    open: Vec<usize>,
    /// What is found, one character each.
    loose: Vec<Range<usize>>,
}

impl Brackets {
    fn text(&mut self, text: &str, range: Range<usize>) {
        let slice = text.get(range.clone()).unwrap_or("");
        let mut backslashes = backslashes_before(text, range.start);
        for (i, c) in slice.char_indices() {
            let at = range.start + i;
            let escaped = !backslashes.is_multiple_of(2);
            match c {
                // `<` starts a tag, a comment or an autolink only before a
                // letter, `/`, `!` or `?`; before a space, a digit or `=`
                // it is text anywhere (`(< 100 ms)`).
                '<' if !text
                    .get(at + 1..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(|next| next == ' ' || next == '=' || next.is_ascii_digit()) =>
                {
                    self.loose.push(at..at + 1);
                }
                '[' if !escaped => self.open.push(at),
                // A `]` closes the last open `[`; one with none is loose.
                ']' if !escaped && self.open.pop().is_none() => {
                    self.loose.push(at..at + 1);
                }
                _ => {}
            }
            backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        }
    }

    /// A block ends: its open brackets found no partner.
    fn end_block(&mut self) {
        self.loose.extend(self.open.drain(..).map(|at| at..at + 1));
    }
}

/// Whether a tag starts a block: brackets pair only inside one.
fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
    )
}

/// Whether a tag's end ends a block.
fn is_block_end(tag: TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

/// How many `\` come right before byte `at` of `text`.
fn backslashes_before(text: &str, at: usize) -> usize {
    text.get(..at)
        .unwrap_or("")
        .bytes()
        .rev()
        .take_while(|&b| b == b'\\')
        .count()
}

/// What of Markdown `text` a page shows as text instead of markup.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Markup {
    /// Raw HTML.
    pub raw_html: bool,
    /// A link, image or definition to a `javascript:`, `data:`, … address
    /// (or one that renderers read differently).
    pub unsafe_link: bool,
}

/// Both answers of one parse of `text`.
pub fn markup(text: &str) -> Markup {
    let mut found = Markup::default();
    for (hazard, _) in hazards(text) {
        match hazard {
            Hazard::Html => found.raw_html = true,
            Hazard::Link | Hazard::Definition => found.unsafe_link = true,
            Hazard::Loose => {}
        }
    }
    found
}

/// Whether Markdown `text` contains raw HTML.
pub fn has_raw_html(text: &str) -> bool {
    markup(text).raw_html
}

/// Whether Markdown `text` links to a `javascript:`, `data:`, … address.
pub fn has_unsafe_link(text: &str) -> bool {
    markup(text).unsafe_link
}

/// Line endings normalised (a bare CR ends a line too), tabs expanded (to stops of 4, as CommonMark
/// reads them: a tab must not mean one thing alone and another once the
/// text is indented into a list item or a quote), trimmed.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        // Vertical tab and form feed: pulldown-cmark reads them as spaces
        // in links, other renderers do not.
        .replace(['\u{b}', '\u{c}'], " ")
        .split('\n')
        .enumerate()
    {
        if i > 0 {
            out.push('\n');
        }
        let mut column = 0;
        for c in line.chars() {
            if c == '\t' {
                let next = (column / 4 + 1) * 4;
                out.extend(std::iter::repeat_n(' ', next - column));
                column = next;
            } else {
                out.push(c);
                column += 1;
            }
        }
    }
    out.trim().to_string()
}

/// `text` (read after `context`, which is not part of it) with every
/// hazard defused. Defusing one can uncover another (a link around an
/// escaped one, a `<script>` in the address of a link that is now text),
/// so this repeats until nothing is left; each pass defuses at least one.
fn defused(text: &str, context: &str) -> String {
    let mut text = text.to_string();
    // Each pass costs a parse; links nested deeper than this are not
    // Markdown anyone writes, and get the last resort.
    for _ in 0..64 {
        let whole = format!("{context}{text}");
        let found: Vec<_> = hazards(&whole)
            .into_iter()
            .filter(|(_, r)| r.start >= context.len())
            .map(|(h, r)| (h, r.start - context.len()..r.end - context.len()))
            .collect();
        if found.is_empty() {
            return text;
        }
        text = defuse(&text, &found);
    }
    // The whole text shown as it is written, markup and all.
    literal(&text)
}

/// Translation Markdown for a block: see [`defused`]; a code fence left
/// open is closed, as it would run on into the rest of the page.
pub fn block(text: &str) -> String {
    close_fences(defused(&normalize(text), ""))
}

/// Translation Markdown as the text of item `n` of a numbered list:
/// continuation lines are indented by the width of the marker (`1. `,
/// `10. `), so they read as they do alone.
pub fn item(text: &str, n: usize) -> String {
    let marker = format!("{n}. ");
    let indented = indent_continuation(&block(text), &" ".repeat(marker.len()));
    // Checked again where it goes, as for a quote.
    defused(&indented, &marker)
}

/// Translation Markdown inside a `>` quote. It is checked again as quoted:
/// pulldown-cmark lets the `>` that starts the next line close a `<!x` or
/// `<tag` left open at the end of a line (found by fuzzing).
pub fn quoted(text: &str) -> String {
    defused(&quote(&block(text)), "")
}

/// Translation Markdown for a slot of a page's layout, written after
/// `before` (the part of the page before it; what its line has there: `> `
/// in a quote, `1. ` or `1.` of a list, a label, nothing). Its later lines
/// carry the quote's `>` and the item's indent, so the text stays where it
/// stands; then it is checked again as it reads after `before`.
pub fn in_context(text: &str, before: &str) -> String {
    let prefix = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    // The quote's markers, then what follows them on the line.
    let quote_end = prefix
        .char_indices()
        .take_while(|(_, c)| *c == '>' || *c == ' ')
        .filter(|(_, c)| *c == '>')
        .last()
        .map_or(0, |(i, _)| i + 1);
    let (quote, rest) = prefix.split_at(quote_end);
    // The item's content starts at this column (a tab goes to the next
    // stop of 4, as CommonMark reads it).
    let rest_width = columns(prefix) - columns(quote);
    let listish = rest.trim().is_empty() || is_list_marker(rest.trim());
    let indent = if listish {
        " ".repeat(rest_width)
    } else {
        String::new()
    };
    let body = block(text);
    let mut out = String::with_capacity(body.len() + 16);
    for (i, line) in body.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if line.is_empty() {
                out.push_str(quote.trim_end());
                continue;
            }
            out.push_str(quote);
            if !quote.is_empty() && !quote.ends_with(' ') && indent.is_empty() {
                out.push(' ');
            }
            out.push_str(&indent);
        }
        out.push_str(line);
    }
    open_block_closed(defused(&out, before), before)
}

/// `text` (read after `before`) without an HTML block left open at its end:
/// a block that begins with a tag (`<sub>` on a line of its own) runs on to
/// the next blank line, over whatever the layout writes after the slot, so
/// its `<` is written `&lt;` (a comment ends at its `-->` and stays).
fn open_block_closed(text: String, before: &str) -> String {
    // Every kind of HTML block starts with `<`.
    if !text.contains('<') {
        return text;
    }
    let whole = format!("{before}{text}");
    let mut last: Option<Range<usize>> = None;
    for (event, range) in Parser::new_ext(&whole, options()).into_offset_iter() {
        if let Event::Start(Tag::HtmlBlock) = event {
            last = Some(range);
        }
    }
    let Some(block) = last.filter(|b| b.start >= before.len() && whole[b.end..].trim().is_empty())
    else {
        return text;
    };
    let source = &whole[block.clone()];
    let lead = source.len() - source.trim_start().len();
    if !source.trim_start().starts_with('<') || source.trim_start().starts_with("<!--") {
        return text;
    }
    let at = block.start + lead - before.len();
    format!("{}&lt;{}", &text[..at], &text[at + 1..])
}

/// The column a line reaches after `text`, tabs to stops of 4.
fn columns(text: &str) -> usize {
    text.chars().fold(0, |column, c| {
        if c == '\t' {
            (column / 4 + 1) * 4
        } else {
            column + 1
        }
    })
}

/// Whether `text` is a list item's marker: `-`, `*`, `+`, `1.`, `1)`.
fn is_list_marker(text: &str) -> bool {
    matches!(text, "-" | "*" | "+")
        || text
            .strip_suffix(['.', ')'])
            .is_some_and(|n| !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Translation Markdown for one line (a heading, a table cell, a list
/// item). It is read where it goes, after other text on the line, where
/// ``` or `    ` start no block.
pub fn inline(text: &str) -> String {
    // ASCII whitespace only: U+3000 and NBSP are part of the text.
    let line = text
        .replace(['\u{b}', '\u{c}'], " ")
        .split_ascii_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut line = defused(&line, "x ");
    // A trailing `\` would escape what the template writes next (the `]`
    // of a link, the `|` of a cell).
    if !backslashes_before(&line, line.len()).is_multiple_of(2) {
        line.push('\\');
    }
    line
}

/// Translation Markdown for the text of a link the template makes: no
/// unescaped `[` or `]` either, which would end the link or start another.
pub fn link_text(text: &str) -> String {
    // `inline` escapes brackets that are only text; a link inside (safe,
    // or it would be text) keeps its own, which cannot end this one.
    inline(text)
}

/// A `\` before every `[` and `]` that has none, and every `<` as `&lt;`.
fn escape_unescaped(text: &str, preceding: usize, out: &mut String) {
    // A `\` escapes the next character only at the end of an odd run of
    // them (`\\[` is a backslash, then a live `[`).
    let mut backslashes = preceding;
    for c in text.chars() {
        let escaped = !backslashes.is_multiple_of(2);
        if c == '<' {
            // `&lt;`, not `\<`: GitHub's bare-URL autolinks run up to a
            // `<` and would take a `\` into the URL, leaving the `<` live.
            if escaped && out.ends_with('\\') {
                out.pop();
            }
            out.push_str("&lt;");
            backslashes = 0;
            continue;
        }
        if matches!(c, '[' | ']') && !escaped {
            out.push('\\');
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        out.push(c);
    }
}

/// Closes a code fence that `text` opens at its top level and leaves open.
fn close_fences(mut text: String) -> String {
    if !text.contains("```") && !text.contains("~~~") {
        return text; // no fence, no second parse
    }
    let mut depth = 0usize;
    let mut open: Option<String> = None;
    for (event, range) in Parser::new_ext(&text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) if depth == 0 => {
                let source = text.get(range).unwrap_or("");
                let first = source.lines().next().unwrap_or("").trim_start();
                let mark = first.chars().next().unwrap_or('`');
                let fence: String = first.chars().take_while(|&c| c == mark).collect();
                // CommonMark's closing fence: at most 3 spaces, at least as
                // many marks, then only spaces and tabs.
                let closed = source.lines().count() > 1
                    && source.lines().last().is_some_and(|last| {
                        let indent = last.len() - last.trim_start_matches(' ').len();
                        let last = last.trim_start_matches(' ').trim_end_matches([' ', '\t']);
                        indent <= 3 && last.len() >= fence.len() && last.chars().all(|c| c == mark)
                    });
                open = (!closed).then_some(fence);
            }
            Event::Start(_) => depth += 1,
            Event::End(TagEnd::CodeBlock) if depth == 0 => {}
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if let Some(fence) = open {
        text.push('\n');
        text.push_str(&fence);
    }
    text
}

fn defuse(text: &str, found: &[(Hazard, Range<usize>)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for (hazard, range) in found {
        if range.start < last {
            continue; // inside one already defused
        }
        out.push_str(text.get(last..range.start).unwrap_or(""));
        let inside = text.get(range.clone()).unwrap_or("");
        match hazard {
            Hazard::Link | Hazard::Definition | Hazard::Loose => {
                escape_unescaped(inside, backslashes_before(text, range.start), &mut out);
            }
            Hazard::Html => {
                for c in inside.chars() {
                    match c {
                        '<' => out.push_str("&lt;"),
                        '>' => out.push_str("&gt;"),
                        '&' => out.push_str("&amp;"),
                        c => out.push(c),
                    }
                }
            }
        }
        last = range.end;
    }
    out.push_str(text.get(last..).unwrap_or(""));
    out
}

/// Indents every line but the first, to keep it inside a list item.
fn indent_continuation(text: &str, indent: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(indent);
            }
        }
        out.push_str(line);
    }
    out
}

/// Prefixes every line with `> `.
fn quote(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            if line.is_empty() {
                ">".to_string()
            } else {
                format!("> {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A literal (an API's error message) as Markdown that shows exactly it.
/// A message of several lines keeps them, as hard line breaks.
pub fn literal(text: &str) -> String {
    literal_lines(text).join("\\\n")
}

/// A literal on one line: its lines joined by `<br>` (inert HTML, which a
/// table cell shows as a line break).
pub fn literal_on_one_line(text: &str) -> String {
    literal_lines(text).join("<br>")
}

/// The non-blank lines of a literal, spaces collapsed, each escaped.
fn literal_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .map(|line| literal_line(&line))
        .collect()
}

/// One line of a literal, escaped so nothing in it is markup, at the start
/// of a line too.
fn literal_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '&' | '|' | '~' => true,
            // `_` makes emphasis only at a word's edge (`SSL_ERROR` is safe).
            '_' => {
                let before = i.checked_sub(1).and_then(|j| chars.get(j));
                let after = chars.get(i + 1);
                !(before.is_some_and(|b| b.is_alphanumeric())
                    && after.is_some_and(|a| a.is_alphanumeric()))
            }
            // A leading `#`, `-`, `+`, `=` or `1.` would make a heading, a
            // list or the underline of a heading.
            '#' | '-' | '+' | '=' if i == 0 => true,
            '.' | ')' => chars[..i].iter().all(char::is_ascii_digit) && i > 0,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Collapses runs of blank lines the template's loops leave, and ends the
/// page with exactly one newline.
pub(super) fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    let mut in_fence = false;
    for line in text.lines() {
        // Only spaces and tabs: CommonMark reads a line of U+3000 or NBSP
        // as text, and trimming it could close a fence or end a paragraph.
        let line = line.trim_end_matches([' ', '\t']);
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if line.is_empty() && !in_fence {
            blank += 1;
            continue;
        }
        if !out.is_empty() && blank > 0 {
            out.push('\n');
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    out
}

mod html;

use html::INERT_TAGS;
pub use html::{Inert, PageHazard, inert_html, page_hazard, page_hazards, unsafe_scheme};

#[cfg(test)]
mod tests;
