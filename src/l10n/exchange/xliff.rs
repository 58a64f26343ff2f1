//! XLIFF 2.0: one `<file>` per page, one `<unit>` per string (its key as
//! the id), a segment whose state says what to do: `initial` to
//! translate (a target to review, when there is one), `translated` when
//! done; the earlier English of a stale string as a note.

use quick_xml::events::Event;

use super::write::Returned;
use super::{Entry, Need};

/// The XLIFF 2.0 namespace.
const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// `entries` of locale `tag`, grouped by `groups` (each entry's page), as
/// an XLIFF 2.0 document.
pub(crate) fn write(entries: &[Entry], groups: &[&str], source_tag: &str, tag: &str) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<xliff xmlns=\"{NAMESPACE}\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">\n",
        escape(source_tag),
        escape(tag)
    ));
    // One <file> per page, in the order pages first appear.
    let mut order: Vec<&str> = Vec::new();
    for group in groups {
        if !order.contains(group) {
            order.push(group);
        }
    }
    let mut open: Option<&str> = None;
    let grouped = order.iter().flat_map(|g| {
        entries
            .iter()
            .zip(groups)
            .filter(move |(_, group)| *group == g)
    });
    for (e, group) in grouped {
        if open != Some(*group) {
            if open.is_some() {
                out.push_str("  </file>\n");
            }
            out.push_str(&format!("  <file id=\"{}\">\n", escape(&nmtoken(group))));
            open = Some(group);
        }
        out.push_str(&format!("    <unit id=\"{}\">\n", escape(&nmtoken(&e.key))));
        let mut notes = Vec::new();
        if !e.location.is_empty() {
            notes.push(("location", e.location.as_str()));
        }
        if let Some(previous) = &e.previous {
            notes.push(("previous-source", previous.as_str()));
        }
        if !notes.is_empty() {
            out.push_str("      <notes>\n");
            for (category, text) in notes {
                out.push_str(&format!(
                    "        <note category=\"{category}\">{}</note>\n",
                    escape(text)
                ));
            }
            out.push_str("      </notes>\n");
        }
        let state = match e.need {
            Need::Translation | Need::Review => "initial",
            Need::Nothing => "translated",
        };
        out.push_str(&format!("      <segment state=\"{state}\">\n"));
        out.push_str(&format!("        <source>{}</source>\n", escape(&e.source)));
        if let Some(target) = &e.target {
            out.push_str(&format!("        <target>{}</target>\n", escape(target)));
        }
        out.push_str("      </segment>\n    </unit>\n");
    }
    if open.is_some() {
        out.push_str("  </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

/// A unit id: XLIFF's ids are NMTOKENs, which errdoc's keys are already
/// (letters, digits, `-`, `.`); anything else is written `_`.
fn nmtoken(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | ':') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Text for XML content and attributes; characters XML 1.0 cannot hold
/// are written as U+FFFD (a text with them does not reach a page anyway).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            // XML 1.0 allows DEL and the C1 controls, not the C0 ones.
            c if u32::from(c) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => {
                out.push('\u{fffd}');
            }
            c => out.push(c),
        }
    }
    out
}

/// An XLIFF document read: its target language and its translations.
#[derive(Debug, Default)]
pub(crate) struct Read {
    pub language: Option<String>,
    pub returned: Vec<Returned>,
}

/// What is being read inside a unit.
#[derive(Debug, Default)]
struct Unit {
    key: String,
    line: usize,
    state: String,
    source: Option<String>,
    target: Option<String>,
}

/// The translation of a unit read to its end, if it has one.
fn end_unit(unit: Option<Unit>, read: &mut Read) {
    if let Some(u) = unit {
        let done = matches!(u.state.as_str(), "translated" | "reviewed" | "final");
        if let Some(target) = u.target {
            read.returned.push(Returned {
                key: u.key,
                source: u.source.unwrap_or_default(),
                done: done && !target.is_empty(),
                target,
                line: u.line,
            });
        }
    }
}

/// Adds `text` to the unit's source or target (`into`: whether target).
fn push(unit: Option<&mut Unit>, into: Option<bool>, text: &str) {
    if let (Some(u), Some(target)) = (unit, into) {
        let slot = if target { &mut u.target } else { &mut u.source };
        slot.get_or_insert_with(String::new).push_str(text);
    }
}

/// Where [`read`] is in the document.
struct Reading<'a> {
    unit: &'a mut Option<Unit>,
    /// Where text goes: the unit's source (`false`) or target (`true`).
    into: &'a mut Option<bool>,
    seen_root: &'a mut bool,
}

/// An element opened at `line`.
fn open(
    e: &quick_xml::events::BytesStart<'_>,
    line: usize,
    reading: Reading<'_>,
    read: &mut Read,
) -> Result<(), String> {
    let attribute = |wanted: &str| {
        e.attributes().flatten().find_map(|a| {
            (a.key.local_name().as_ref() == wanted.as_bytes())
                .then(|| a.unescape_value().ok().map(|v| v.into_owned()))
                .flatten()
        })
    };
    match e.local_name().as_ref() {
        b"xliff" => {
            let version = attribute("version").unwrap_or_default();
            if !version.starts_with("2.") {
                return Err(format!(
                    "line {line}: this is XLIFF {}; errdoc reads XLIFF 2.0 and 2.1 — download the file from the platform as XLIFF 2",
                    if version.is_empty() {
                        "of no version"
                    } else {
                        &version
                    }
                ));
            }
            *reading.seen_root = true;
            read.language = attribute("trgLang");
        }
        b"unit" => {
            *reading.unit = Some(Unit {
                key: attribute("id").unwrap_or_default(),
                line,
                ..Unit::default()
            });
        }
        b"segment" => {
            if let Some(u) = reading.unit.as_mut() {
                u.state = attribute("state").unwrap_or_else(|| "initial".into());
            }
        }
        b"source" => *reading.into = Some(false),
        b"target" => *reading.into = Some(true),
        _ => {}
    }
    Ok(())
}

/// Reads an XLIFF 2.0 document; `Err` says what does not parse.
pub(crate) fn read(text: &str) -> Result<Read, String> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut read = Read::default();
    let mut unit: Option<Unit> = None;
    // Where text goes: the unit's source or target.
    let mut into: Option<bool> = None;
    let mut seen_root = false;
    // The line each event starts on, counted on from the last one's (a
    // count from the start per event made a large file quadratic).
    let (mut line, mut counted) = (1, 0);
    loop {
        let at = usize::try_from(reader.buffer_position()).unwrap_or(0);
        line += text.get(counted..at).map_or(0, |b| b.matches('\n').count());
        counted = counted.max(at);
        let event = reader
            .read_event()
            .map_err(|e| format!("line {line}: {e}"))?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let reading = Reading {
                    unit: &mut unit,
                    into: &mut into,
                    seen_root: &mut seen_root,
                };
                open(&e, line, reading, &mut read)?;
                // An empty element (`<target/>`) is an empty text.
                push(unit.as_mut(), into, "");
            }
            Event::Text(t) => {
                // Line ends as XML reads them: CRLF and CR are LF (a CR
                // written `&#13;` comes as a reference and stays).
                let text = t.decode().map_err(|e| format!("line {line}: {e}"))?;
                let text = text.replace("\r\n", "\n").replace('\r', "\n");
                push(unit.as_mut(), into, &text);
            }
            Event::CData(t) => {
                let text = t.decode().map_err(|e| format!("line {line}: {e}"))?;
                push(unit.as_mut(), into, &text);
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = r.decode().map_err(|e| format!("line {line}: {e}"))?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| format!("line {line}: unknown entity &{name};"))?
                            .to_string()
                    }
                };
                push(unit.as_mut(), into, &c);
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"source" | b"target" => into = None,
                b"unit" => end_unit(unit.take(), &mut read),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err("line 1: no <xliff> element: this is no XLIFF document".to_string());
    }
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNIT: &str = "<unit id=\"a\"><segment state=\"translated\"><source>one\r\ntwo</source><target>一&#13;\r\n二</target></segment></unit>";

    #[test]
    fn line_ends_are_read_as_xml_reads_them() {
        let doc = format!(
            "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"ja\"><file id=\"f\">{UNIT}</file></xliff>"
        );
        let read = read(&doc).unwrap();
        assert_eq!(read.returned[0].source, "one\ntwo");
        assert_eq!(read.returned[0].target, "一\r\n二");
    }

    #[test]
    fn only_xliff_2_is_read() {
        let old = "<xliff version=\"1.2\"><file><body><trans-unit id=\"a\"><source>A</source><target>甲</target></trans-unit></body></file></xliff>";
        let error = read(old).unwrap_err();
        assert!(
            error.contains("this is XLIFF 1.2; errdoc reads XLIFF 2.0 and 2.1"),
            "{error}"
        );
        assert!(read("<html/>").unwrap_err().contains("no <xliff> element"));
    }

    #[test]
    fn c1_controls_are_kept_c0_ones_are_not() {
        assert_eq!(escape("a\u{85}b\u{7f}"), "a\u{85}b\u{7f}");
        assert_eq!(escape("a\u{1}b"), "a\u{fffd}b");
    }
}
