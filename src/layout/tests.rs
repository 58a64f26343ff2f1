//! Tests of layout files: what is written reads back, and bad tokens and
//! misplaced parts are located.

use super::*;

#[test]
fn a_layout_reads_back_what_it_writes() {
    let layout = Layout {
        absent: Absent {
            codes: BTreeSet::from([7600101, -3]),
            headings: BTreeSet::from(["appendix".to_string()]),
        },
        parts: vec![
            Part {
                kind: PartKind::Head,
                pieces: vec![
                    Piece::Literal("# ".to_string()),
                    Piece::Slot(Slot::Title),
                    Piece::Literal("\n<!--Kit: ".to_string()),
                    Piece::Slot(Slot::Meta("Kit".to_string())),
                    Piece::Literal("-->\n\n".to_string()),
                ],
            },
            Part {
                kind: PartKind::Code {
                    code: -1,
                    marker: Some(Marker {
                        name: "Del".to_string(),
                        opens: true,
                        closes: false,
                    }),
                },
                pieces: vec![
                    Piece::Literal("<!--Del-->\n## -1 ".to_string()),
                    Piece::Slot(Slot::Title),
                    Piece::Literal("\n\n**Possible Cause**<br>\n1.".to_string()),
                    Piece::Slot(Slot::Cause(1)),
                    Piece::Literal("\n\n```json\n{{ not a slot }}\n```\n".to_string()),
                ],
            },
        ],
    };
    let text = layout.to_text();
    assert!(text.starts_with("{{absent -3}}\n{{absent 7600101}}\n{{absent heading appendix}}\n{{page}}\n# {{title}}\n<!--Kit: {{meta Kit}}-->\n\n{{code -1 marker Del opens}}\n"), "{text}");
    let file = SourceFile::new("layouts/en/p.md", text);
    let mut diags = Diagnostics::new();
    assert_eq!(Layout::parse(&file, &mut diags), layout);
    assert_eq!(diags.error_count() + diags.warning_count(), 0);
}

#[test]
fn bad_tokens_are_located() {
    let file = SourceFile::new(
        "layouts/en/p.md",
        "{{page}}\n# {{title}}\n{{cause 1}}\n{{code x}}\n{{nope}} {{".to_string(),
    );
    let mut diags = Diagnostics::new();
    Layout::parse(&file, &mut diags);
    let shown: Vec<String> = diags
        .sorted()
        .iter()
        .map(|d| d.to_string().lines().next().unwrap_or("").to_string())
        .collect();
    assert_eq!(shown.len(), 4, "{shown:?}");
    assert!(
        shown[0].starts_with("layouts/en/p.md:3:1: error[E0407]: `{{cause 1}}` has no place here"),
        "{shown:?}"
    );
    assert!(
        shown[1]
            .starts_with("layouts/en/p.md:4:1: error[E0408]: `{{code x}}` is not a part or a slot"),
        "{shown:?}"
    );
    assert!(
        shown[3].starts_with("layouts/en/p.md:5:10: error[E0404]: `{{` is not closed"),
        "{shown:?}"
    );
}

#[test]
fn a_part_line_holds_only_its_header_and_comes_once() {
    let file = SourceFile::new(
        "layouts/en/p.md",
        "{{page}}\n# {{title}}\n{{code 1}} ## 1 {{title}}\n{{code 1}}\n".to_string(),
    );
    let mut diags = Diagnostics::new();
    let layout = Layout::parse(&file, &mut diags);
    let shown: Vec<String> = diags
        .sorted()
        .iter()
        .map(|d| d.to_string().lines().next().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        shown,
        [
            "layouts/en/p.md:3:12: error[E0406]: text after `{{code 1}}` on its line — a part's `{{…}}` stands on a line of its own: move the text to the next line",
            "layouts/en/p.md:4:1: warning[E0405]: `{{code 1}}` again: only the first part of it is used — delete this part (from this line to the next part), or merge it into the first",
        ]
    );
    assert_eq!(layout.parts.len(), 3);
}
