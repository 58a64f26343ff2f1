//! Writing to standard output and standard error without panicking when
//! either is closed (`errdoc export --format json | head`): the output is
//! simply dropped, as Unix tools do.

use std::io::Write as _;

/// Writes `text` and a newline to standard output.
pub fn say(text: &str) {
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

/// Writes `text` and a newline to standard error.
pub fn tell(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Writes `text` as it is to standard error.
pub fn tell_raw(text: &str) {
    let _ = write!(std::io::stderr().lock(), "{text}");
}

/// Input text with control characters made visible, so a hostile file name
/// or message cannot move the terminal's cursor or change its colours.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect()
}

/// Lines of text with control characters made visible, the line breaks
/// and tabs kept (Markdown written to the terminal).
pub fn printable_lines(text: &str) -> String {
    text.split('\n')
        .map(printable)
        .collect::<Vec<_>>()
        .join("\n")
}
