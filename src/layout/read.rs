//! Reading a layout file: its parts, their slots and literal text, and its
//! `{{absent …}}` lines, each problem reported at its place.

use super::{Absent, Layout, Part, PartKind, Piece, Slot};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::source::{SourceFile, Span};

impl Layout {
    /// Reads a layout file; problems go to `diags` at their place.
    pub fn parse(file: &SourceFile, diags: &mut Diagnostics) -> Layout {
        let text = file.text();
        let mut reading = Reading {
            file,
            diags,
            layout: Layout::default(),
            literal: String::new(),
        };
        // Where reading goes on: what comes before is read.
        let mut at = 0usize;
        while let Some(open) = text[at..].find("{{") {
            reading.literal.push_str(&text[at..at + open]);
            let token_at = at + open;
            let after = &text[token_at + 2..];
            let Some(close) = after.find("}}") else {
                reading.diags.push(
                    Diagnostic::new(Kind::LayoutUnclosed).at(file, span_at(file, token_at, 2)),
                );
                reading.literal.push_str(&text[token_at..]);
                at = text.len();
                break;
            };
            at = reading.token(token_at, &after[..close]);
        }
        reading.literal.push_str(&text[at..]);
        reading.flush();
        reading.layout
    }
}

/// A layout file being read.
struct Reading<'f, 'd> {
    file: &'f SourceFile,
    diags: &'d mut Diagnostics,
    /// The layout so far.
    layout: Layout,
    /// The page's own writing since the last token.
    literal: String,
}

impl<'f> Reading<'f, '_> {
    /// Reads the token `{{inner}}` that starts at byte `token_at`: a
    /// quoted literal, an absent line, a part's header, a slot, or an
    /// unknown token (reported, and kept as the page's writing). Where
    /// reading goes on.
    fn token(&mut self, token_at: usize, inner: &'f str) -> usize {
        let file = self.file;
        let text = file.text();
        let end = token_at + 2 + inner.len() + 2;
        let words: Vec<&str> = inner.split_whitespace().collect();
        let line_start = text[..token_at].rfind('\n').map_or(0, |i| i + 1);
        let alone = text[line_start..token_at].trim().is_empty();
        if let Some(quoted) = inner
            .strip_prefix('"')
            .and_then(|q| q.strip_suffix('"'))
            .filter(|q| !q.contains('"'))
        {
            // `{{"{{"}}`, `{{"{"}}`: written as it is.
            self.literal.push_str(quoted);
        } else if let Some(absent) = absent(&words).filter(|_| alone) {
            self.layout.absent.extend(absent);
            // Its line is not the page's.
            let tail = &text[end..];
            let skip = tail.find('\n').map_or(tail.len(), |i| i + 1);
            return end + skip;
        } else if let Some(kind) = PartKind::parse(&words).filter(|_| alone) {
            return self.part(kind, token_at, end, inner);
        } else if let Some(slot) = Slot::parse(&words) {
            self.flush();
            match self.layout.parts.last_mut() {
                Some(part) if slot.fits(&part.kind) => part.pieces.push(Piece::Slot(slot)),
                _ => self.diags.push(
                    Diagnostic::new(Kind::LayoutSlotMisplaced {
                        token: inner.to_string(),
                    })
                    .at(file, span_at(file, token_at, end - token_at)),
                ),
            }
        } else {
            self.diags.push(
                Diagnostic::new(Kind::LayoutUnknownToken {
                    token: inner.to_string(),
                    hint: unknown_token_hint(&words, alone),
                })
                .at(file, span_at(file, token_at, end - token_at)),
            );
            self.literal.push_str(&text[token_at..end]);
        }
        end
    }

    /// Starts a part at its header `{{inner}}` (bytes `token_at..end`); a
    /// part met again, and text after the header on its line, are
    /// reported. Where reading goes on: the next line.
    fn part(&mut self, kind: PartKind, token_at: usize, end: usize, inner: &str) -> usize {
        self.flush();
        let file = self.file;
        let header_span = span_at(file, token_at, end - token_at);
        if self.layout.parts.iter().any(|p| p.kind == kind) {
            self.diags.push(
                Diagnostic::new(Kind::LayoutPartAgain {
                    token: inner.to_string(),
                })
                .at(file, header_span),
            );
        }
        self.layout.parts.push(Part {
            kind,
            pieces: Vec::new(),
        });
        // The header's line is not the page's: nothing else may stand on
        // it.
        let tail = &file.text()[end..];
        let skip = tail.find('\n').map_or(tail.len(), |i| i + 1);
        let after = tail[..skip].trim();
        if !after.is_empty() {
            let from = end + (tail.len() - tail.trim_start().len()).min(skip);
            self.diags.push(
                Diagnostic::new(Kind::LayoutTextAfterPart {
                    token: inner.to_string(),
                })
                .at(file, span_at(file, from, after.len())),
            );
        }
        end + skip
    }

    /// Ends the page's writing read so far: a literal of the last part, or,
    /// before any part, the top of the page (unless it is blank).
    fn flush(&mut self) {
        if self.literal.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.literal);
        if let Some(part) = self.layout.parts.last_mut() {
            part.pieces.push(Piece::Literal(text));
        } else if !text.trim().is_empty() {
            // Text before any part is the top of the page.
            self.layout.parts.push(Part {
                kind: PartKind::Head,
                pieces: vec![Piece::Literal(text)],
            });
        }
    }
}

/// The words a layout's `{{…}}` may begin with, and how each is written.
const TOKENS: &[(&str, &str)] = &[
    ("page", "{{page}}"),
    (
        "code",
        "{{code N}} (or {{code N marker NAME [opens] [closes]}})",
    ),
    ("heading", "{{heading ID}}"),
    ("absent", "{{absent N}} or {{absent heading ID}}"),
    ("title", "{{title}}"),
    ("meta", "{{meta KEY}}"),
    ("note", "{{note}}"),
    ("intro", "{{intro}}"),
    ("message", "{{message}} or {{message plain}}"),
    ("description", "{{description}}"),
    ("cause", "{{cause N}}"),
    ("solution", "{{solution N}}"),
    ("details", "{{details}}"),
    ("text", "{{text}}"),
];

/// What to say about a `{{…}}` that is nothing a layout has: how the
/// token it resembles is written, or what there is.
fn unknown_token_hint(words: &[&str], alone: bool) -> String {
    let first = words.first().copied().unwrap_or("");
    let known = TOKENS.iter().find(|(word, _)| *word == first).or_else(|| {
        TOKENS
            .iter()
            .map(|t| (t, strsim::jaro_winkler(t.0, first)))
            .filter(|(_, score)| *score > 0.8)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(t, _)| t)
    });
    match known {
        Some((word, form)) if *word == first && ["page", "code", "heading", "absent"].contains(word) && !alone => {
            format!("{form} stands on a line of its own")
        }
        Some((word, form)) if *word == first => format!("write it {form}"),
        Some((_, form)) => format!("did you mean {form}?"),
        None => "parts are {{page}}, {{code N}} and {{heading ID}} on lines of their own; slots are {{title}}, {{meta KEY}}, {{note}}, {{intro}}, {{message}}, {{description}}, {{cause N}}, {{solution N}}, {{details}}, {{text}}; a literal `{{` is `{{\"{{\"}}`".to_string(),
    }
}

/// What `{{absent 7600101 7600102}}` or `{{absent heading appendix}}`
/// names.
fn absent(words: &[&str]) -> Option<Absent> {
    let mut absent = Absent::default();
    match words {
        ["absent", "heading", id] => {
            absent.headings.insert((*id).to_string());
        }
        ["absent", codes @ ..] if !codes.is_empty() => {
            for code in codes {
                absent.codes.insert(code.parse().ok()?);
            }
        }
        _ => return None,
    }
    Some(absent)
}

/// The span of `len` bytes at byte `at` of `file`.
fn span_at(file: &SourceFile, at: usize, len: usize) -> Span {
    let mut span = file.span(at, at + len);
    span.len = span.len.max(1);
    span
}
