//! `errdoc explain` and `errdoc export` on the repository's catalog: lookups
//! by code, name, errno name and range, languages, unknown codes; exports
//! that compile (rustc, cc, tsc).

// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::Run;

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn errdoc_env(args: &[&str], lang: Option<&str>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_errdoc"));
    command.arg("--root").arg(repository()).args(args);
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    if let Some(lang) = lang {
        command.env("LANG", lang);
    }
    let output = command.output().unwrap();
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

#[test]
fn explain_a_code_in_plain_text_when_piped() {
    let run = errdoc_env(&["explain", "2303210"], None);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "2303210  Connection Timed Out\n\
         TLS_SOCKET_ETIMEDOUT · Socket Error Codes · errno ETIMEDOUT (110)\n\
         \n\
         Error Message\n\
         \x20   Connection timed out.\n\
         \n\
         Description\n\
         \x20   This error code is reported if no connection to the remote server can be established for a long time.\n\
         \n\
         Possible Causes\n\
         \x20   This usually happens when the server host has crashed.\n\
         \n\
         Solution\n\
         \x20   This cannot be fixed locally. Check whether the remote server has a problem.\n\
         \n\
         References\n\
         \x20   errno(3) <https://man7.org/linux/man-pages/man3/errno.3.html>\n\
         \n\
         Related Error Codes\n\
         \x20   2301110 Connection timed out\n\
         \x20   1006 Abnormal Closure\n"
    );
    assert!(!run.stdout.contains('\x1b'), "no colours when piped");
}

/// The first line of `explain QUERY`'s text: the code and its title.
fn explained(query: &str) -> String {
    let run = errdoc_env(&["explain", query], None);
    assert_eq!(run.status, 0, "{query}: {}", run.stderr);
    run.stdout.lines().next().unwrap_or_default().to_string()
}

#[test]
fn explain_finds_a_message_and_what_a_log_line_names() {
    // The message an API returned, as pasted: case, blanks, a final dot
    // aside. Every code that returns it, by number.
    for pasted in ["Connection timed out.", "  connection TIMED   out "] {
        let run = errdoc_env(&["explain", pasted], None);
        assert_eq!(run.status, 0, "{}", run.stderr);
        let headings: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("23")).collect();
        assert_eq!(
            headings,
            [
                "2301110  Connection timed out",
                "2303210  Connection Timed Out"
            ]
        );
    }
    // A log line: its code, not the date or the time around it.
    assert_eq!(
        explained("2026-12-01 12:00:01.234 E/NetStack(4211): connect failed, code 2303210"),
        "2303210  Connection Timed Out"
    );
    // A constant name in it.
    assert_eq!(
        explained("W NetStack: SOCKET_ECONNREFUSED while connecting to 10.0.0.1:443"),
        "2301111  Connection refused"
    );
    // A message in it.
    assert_eq!(
        explained("tls: Error clearing tls connection. (pid 4211)"),
        "2303506  Error Clearing TLS Connection"
    );
    // An errno name in it: every code built on it.
    let errno = errdoc_env(&["explain", "read() failed: ECONNREFUSED"], None);
    assert!(
        errno.stdout.starts_with("2301111  Connection refused\n"),
        "{}",
        errno.stdout
    );
    // Nothing it names: the nearest names.
    let none = errdoc_env(&["explain", "all is well"], None);
    assert_eq!(none.status, 1);
    assert!(
        none.stderr.starts_with("error: `all is well` is not a code, a constant name or an errno name of the catalog\nnearest: "),
        "{}",
        none.stderr
    );
}

#[test]
fn explain_finds_names_errno_names_generated_members_and_ranges() {
    let name = errdoc_env(&["explain", "socket_etimedout"], None);
    assert!(
        name.stdout.starts_with("2301110  Connection timed out\n"),
        "{}",
        name.stdout
    );
    let errno = errdoc_env(&["explain", "ETIMEDOUT"], None);
    let codes: Vec<&str> = errno
        .stdout
        .lines()
        .filter(|l| l.starts_with("23"))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(codes, ["2301110", "2303210"]);
    let alias = errdoc_env(&["explain", "EWOULDBLOCK"], None);
    assert!(
        alias.stdout.starts_with("2301011  Try again\n"),
        "{}",
        alias.stdout
    );
    let member = errdoc_env(&["explain", "2301111"], None);
    assert!(member.stdout.starts_with("2301111  Connection refused\nSOCKET_ECONNREFUSED · Socket Error Codes · errno ECONNREFUSED (111)\n"), "{}", member.stdout);
    let range = errdoc_env(&["explain", "4001"], None);
    assert!(
        range
            .stdout
            .starts_with("4000–4999  Private Use\nWebSocket Close Codes\n"),
        "{}",
        range.stdout
    );
}

#[test]
fn explain_speaks_the_language_of_lang_or_lang_option() {
    let zh = errdoc_env(&["explain", "1006"], Some("zh_CN.UTF-8"));
    assert!(zh.stdout.starts_with("1006  异常关闭\n"), "{}", zh.stdout);
    assert!(zh.stdout.contains("\n错误描述\n"), "{}", zh.stdout);
    let fr = errdoc_env(&["explain", "1006"], Some("fr_FR.UTF-8"));
    assert!(
        fr.stdout.starts_with("1006  Abnormal Closure\n"),
        "not a catalog locale: English"
    );
    let forced = errdoc_env(&["explain", "1006", "--lang", "en"], Some("zh_CN.UTF-8"));
    assert!(forced.stdout.starts_with("1006  Abnormal Closure\n"));
    let markdown = errdoc_env(
        &["explain", "1006", "--format", "markdown", "--lang", "zh-CN"],
        None,
    );
    assert!(
        markdown
            .stdout
            .starts_with("## 1006 异常关闭\n\n**错误描述**\n\n"),
        "{}",
        markdown.stdout
    );
    let json = errdoc_env(&["explain", "2303210", "--format", "json"], None);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value[0]["code"], 2303210);
    assert_eq!(value[0]["message"], "Connection timed out.");
    assert_eq!(value[0]["family"]["name"], "ETIMEDOUT");
}

#[test]
fn an_unknown_code_fails_and_suggests_the_nearest() {
    let run = errdoc_env(&["explain", "2303212"], None);
    assert_eq!(run.status, 0, "2303212 is a generated member");
    let run = errdoc_env(&["explain", "2303240"], None);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stderr,
        "error: `2303240` is not a code, a constant name or an errno name of the catalog\n\
         nearest: 2303229, 2303230, 2303231, 2303232, 2303233\n"
    );
    let run = errdoc_env(&["explain", "SOCKET_ETIMEOUT"], None);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.contains("nearest: SOCKET_ETIMEDOUT,"),
        "{}",
        run.stderr
    );
}

fn export(format: &str, lang: &str, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let run = errdoc_env(
        &[
            "export",
            "--format",
            format,
            "--lang",
            lang,
            "-o",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    path
}

/// Compiles `main` with `compiler` (its flags given, `-o BINARY MAIN`
/// added) and runs it: its standard output.
fn compiled_output(mut compiler: Command, main: &Path) -> String {
    let binary = main.with_extension("bin");
    let compile = compiler.arg("-o").arg(&binary).arg(main).output().unwrap();
    assert!(
        compile.status.success(),
        "{}",
        String::from_utf8_lossy(&compile.stderr)
    );
    let run = Command::new(&binary).output().unwrap();
    String::from_utf8_lossy(&run.stdout).into_owned()
}

/// `main.rs`, beside the exported module, compiled and run.
fn rust_runs(main: &Path) -> String {
    let mut rustc = Command::new("rustc");
    rustc.args(["--edition", "2021", "-D", "warnings"]);
    compiled_output(rustc, main)
}

/// `main.c`, beside the exported header, compiled strictly and run.
fn c_runs(main: &Path) -> String {
    let mut cc = Command::new("cc");
    cc.args(["-std=c99", "-Wall", "-Wextra", "-Werror"]);
    compiled_output(cc, main)
}

/// Type-checks `files` in `dir` with `tsc --strict`.
fn typescript_checks(dir: &Path, files: &[&str]) {
    let check = Command::new(tsc())
        .current_dir(dir)
        .args([
            "--noEmit",
            "--strict",
            "--target",
            "es2020",
            "--module",
            "es2020",
            "--moduleResolution",
            "node",
        ])
        .args(files)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn exported_rust_compiles_and_works() {
    let dir = tempfile::tempdir().unwrap();
    let module = export("rust", "en", dir.path(), "codes.rs");
    let text = std::fs::read_to_string(&module).unwrap();
    assert!(
        text.contains("    /// 2303210: Connection Timed Out\n    TlsSocketEtimedout = 2303210,\n")
    );
    let main = dir.path().join("main.rs");
    std::fs::write(
        &main,
        "mod codes;\nuse codes::ErrorCode;\nfn main() {\n    assert_eq!(ErrorCode::TlsSocketEtimedout.code(), 2303210);\n    assert_eq!(ErrorCode::TlsSocketEtimedout.message(), Some(\"Connection timed out.\"));\n    assert_eq!(ErrorCode::AbnormalClosure.message(), None);\n    assert_eq!(ErrorCode::from_code(2301111), Some(ErrorCode::SocketEconnrefused));\n    assert_eq!(ErrorCode::SocketEconnrefused.name(), \"SOCKET_ECONNREFUSED\");\n    println!(\"ok\");\n}\n",
    )
    .unwrap();
    assert_eq!(rust_runs(&main), "ok\n");
}

#[test]
fn exported_c_header_compiles_and_works() {
    let dir = tempfile::tempdir().unwrap();
    let header = export("c", "zh-CN", dir.path(), "errdoc_codes.h");
    let text = std::fs::read_to_string(&header).unwrap();
    assert!(
        text.contains("/** 2303210: 连接超时 */\n#define ERRDOC_TLS_SOCKET_ETIMEDOUT 2303210\n")
    );
    let main = dir.path().join("main.c");
    std::fs::write(
        &main,
        "#include <stdio.h>\n#include <string.h>\n#include \"errdoc_codes.h\"\nint main(void) {\n  if (ERRDOC_TLS_SOCKET_ETIMEDOUT != 2303210) return 1;\n  if (strcmp(ERRDOC_message(ERRDOC_TLS_SOCKET_ETIMEDOUT), \"Connection timed out.\") != 0) return 2;\n  if (ERRDOC_message(ERRDOC_ABNORMAL_CLOSURE) != NULL) return 3;\n  puts(\"ok\");\n  return 0;\n}\n",
    )
    .unwrap();
    assert_eq!(c_runs(&main), "ok\n");
}

/// Two headers of two prefixes in one C++ program: no name is defined
/// twice, the functions link as C.
#[test]
fn prefixed_c_headers_live_side_by_side_in_cpp() {
    let dir = tempfile::tempdir().unwrap();
    let header = |prefix: &str, name: &str| {
        let path = dir.path().join(name);
        let run = errdoc_env(
            &[
                "export",
                "--format",
                "c",
                "--prefix",
                prefix,
                "-o",
                path.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(run.status, 0, "{}", run.stderr);
        std::fs::read_to_string(path).unwrap()
    };
    let net = header("NET_", "net.h");
    assert!(net.starts_with("/* Generated by `errdoc export` from catalog/codes.yaml; do not edit. */\n#ifndef NET_codes_h\n#define NET_codes_h\n"), "{net}");
    assert!(net.contains("#define NET_NORMAL_CLOSURE 1000\n"), "{net}");
    assert!(
        net.contains("#ifdef __cplusplus\nextern \"C\" {\n#endif\n"),
        "{net}"
    );
    assert!(
        net.contains("static NET_inline const char *NET_message(long code)"),
        "{net}"
    );
    header("APP_", "app.h");
    // Prefixes that differ in case only, none, and the default: apart too.
    header("net_", "net_lower.h");
    header("", "plain.h");
    header("ERRDOC_", "default.h");
    let main = dir.path().join("main.cpp");
    std::fs::write(
        &main,
        "#include <cstdio>\n#include <cstring>\n#include \"net.h\"\n#include \"app.h\"\n#include \"net.h\"\n#include \"net_lower.h\"\n#include \"plain.h\"\n#include \"default.h\"\nint main() {\n  if (NET_NORMAL_CLOSURE != APP_NORMAL_CLOSURE) return 1;\n  if (std::strcmp(NET_message(NET_TLS_SOCKET_ETIMEDOUT), APP_message(APP_TLS_SOCKET_ETIMEDOUT)) != 0) return 2;\n  if (net_NORMAL_CLOSURE != NORMAL_CLOSURE || ERRDOC_NORMAL_CLOSURE != 1000) return 3;\n  if (net_message(2303210) == nullptr || errdoc_message(2303210) == nullptr || ERRDOC_message(2303210) == nullptr) return 4;\n  std::puts(\"ok\");\n  return 0;\n}\n",
    )
    .unwrap();
    let mut cpp = Command::new("g++");
    cpp.args(["-std=c++14", "-Wall", "-Wextra", "-Werror"]);
    assert_eq!(compiled_output(cpp, &main), "ok\n");
    let bad = errdoc_env(&["export", "--format", "c", "--prefix", "1X"], None);
    assert_eq!(bad.status, 1);
    assert_eq!(
        bad.stderr,
        "error: `1X` cannot start C names: a prefix is ASCII letters, digits and `_`, starting with a letter\n"
    );
    let rust = errdoc_env(&["export", "--format", "rust", "--prefix", "NET_"], None);
    assert_eq!(rust.status, 1);
    assert_eq!(
        rust.stderr,
        "error: --prefix is for --format c: the other languages name the codes inside their `ErrorCode`\n"
    );
}

/// `tsc` from `target/tools` (where .ci/run installs it) or the PATH.
fn tsc() -> PathBuf {
    let local = repository().join("target/tools/node_modules/.bin/tsc");
    if local.exists() {
        return local;
    }
    let found = Command::new("sh")
        .args(["-c", "command -v tsc"])
        .output()
        .unwrap();
    let path = String::from_utf8_lossy(&found.stdout).trim().to_string();
    assert!(
        !path.is_empty(),
        "tsc is missing: `npm install --prefix target/tools typescript` (.ci/run does it)"
    );
    PathBuf::from(path)
}

#[test]
fn exported_typescript_type_checks() {
    let dir = tempfile::tempdir().unwrap();
    let module = export("typescript", "en", dir.path(), "codes.ts");
    let text = std::fs::read_to_string(&module).unwrap();
    assert!(
        text.contains("  /** 2303210: Connection Timed Out */\n  TLS_SOCKET_ETIMEDOUT: 2303210,\n")
    );
    std::fs::write(
        dir.path().join("use.ts"),
        "import { ErrorCode, errorMessage } from \"./codes\";\nconst code: ErrorCode = ErrorCode.TLS_SOCKET_ETIMEDOUT;\nconst message: string | undefined = errorMessage(code);\n// @ts-expect-error: not a code of the catalog\nconst wrong: ErrorCode = 42;\nexport { message, wrong };\n",
    )
    .unwrap();
    typescript_checks(dir.path(), &["use.ts", "codes.ts"]);
}

/// The constructs ArkTS's strict mode refuses, which the ArkTS export must
/// not hold (each a text that only those constructs contain here).
const ARKTS_FORBIDDEN: &[(&str, &str)] = &[
    ("as const", "const assertions"),
    ("keyof", "keyof"),
    ("typeof", "typeof in types"),
    (": any", "any"),
    ("unknown", "unknown"),
    ("Record<", "object literals as records"),
    ("Partial<", "mapped types"),
    ("Readonly<", "mapped types"),
    ("var ", "var"),
    ("= {", "object literals"),
    ("[code]", "index access"),
];

#[test]
fn exported_arkts_type_checks_and_uses_nothing_arkts_forbids() {
    let dir = tempfile::tempdir().unwrap();
    let module = export("arkts", "en", dir.path(), "codes.ts");
    let text = std::fs::read_to_string(&module).unwrap();
    assert!(
        text.contains("export enum ErrorCode {\n  /** 200: Connection Failure */\n  WEBSOCKET_CONNECT_FAILED = 200,\n"),
        "{text}"
    );
    // The code, not the catalog's texts: string literals and comments
    // left out.
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//") && !l.trim_start().starts_with("/**"))
        .map(|l| {
            let mut kept = String::new();
            let (mut quoted, mut escaped) = (false, false);
            for c in l.chars() {
                match (quoted, escaped, c) {
                    (true, false, '\\') => escaped = true,
                    (true, true, _) => escaped = false,
                    (_, false, '"') => quoted = !quoted,
                    (false, _, c) => kept.push(c),
                    _ => {}
                }
            }
            kept + "\n"
        })
        .collect();
    assert!(code.contains("export function errorMessage(code: ErrorCode): string | undefined {"));
    for (construct, what) in ARKTS_FORBIDDEN {
        assert!(
            !code.contains(construct),
            "ArkTS forbids {what}: `{construct}` is in the export"
        );
    }
    // Every function says what it takes and what it returns.
    for line in text.lines().filter(|l| l.contains("function ")) {
        assert!(line.contains("): "), "no return type: {line}");
        assert!(!line.contains("(code)"), "no parameter type: {line}");
    }
    // No object literal keyed by a number (`1006: …`).
    assert!(
        !text.lines().any(|l| {
            let t = l.trim_start().trim_start_matches('-');
            t.split(':')
                .next()
                .is_some_and(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_digit()))
        }),
        "{text}"
    );
    std::fs::write(
        dir.path().join("use.ts"),
        "import { ErrorCode, errorCodeOf, errorMessage, errorName } from \"./codes\";\nconst code: ErrorCode | undefined = errorCodeOf(2303210);\nconst message: string | undefined = code === undefined ? undefined : errorMessage(code);\nconst name: string = errorName(ErrorCode.NORMAL_CLOSURE);\n// @ts-expect-error: a number is not a code until errorCodeOf says so\nconst wrong: string = errorName(42);\nexport { message, name, wrong };\n",
    )
    .unwrap();
    typescript_checks(dir.path(), &["use.ts", "codes.ts"]);
}

#[test]
fn json_and_csv_carry_every_language() {
    let dir = tempfile::tempdir().unwrap();
    let json = export("json", "en", dir.path(), "codes.json");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    assert_eq!(value["locales"], serde_json::json!(["en", "zh-CN"]));
    let codes = value["codes"].as_array().unwrap();
    assert_eq!(codes.len(), 293);
    let code = codes.iter().find(|c| c["code"] == 2303210).unwrap();
    assert_eq!(code["texts"]["en"]["title"], "Connection Timed Out");
    assert_eq!(code["texts"]["zh-CN"]["title"], "连接超时");
    assert_eq!(code["message"], "Connection timed out.");

    let csv = std::fs::read_to_string(export("csv", "en", dir.path(), "codes.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert!(headers.iter().any(|h| h == "title_zh-CN"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 293);
    let row = rows.iter().find(|r| &r[0] == "2303210").unwrap();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(&row[column("title_zh-CN")], "连接超时");
    assert_eq!(&row[column("errno")], "ETIMEDOUT");
}

/// A catalog with a negative code and one past `i32`: the Rust enum is
/// `i64`, the C macro parenthesized, the TypeScript key quoted; all compile,
/// and `explain -1` finds the code.
#[test]
fn negative_and_wide_codes_export_and_explain() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert_eq!(support::errdoc(root, &["init"]).status, 0);
    std::fs::write(
        root.join("catalog/codes.yaml"),
        "modules:\n  - id: wide\n    page: errorcode-wide\n    codes:\n      - { code: -1, name: WIDE_UNKNOWN, message: \"Unknown.\" }\n      - { code: 3000000000, name: WIDE_BIG, message: \"Big.\" }\n",
    )
    .unwrap();
    std::fs::write(
        root.join("locales/en/wide.ftl"),
        "module-wide = Wide\ncode--1 = Unknown\ncode-3000000000 = {\"\"}\n",
    )
    .unwrap();
    let explain = support::errdoc(root, &["explain", "-1"]);
    assert_eq!(explain.status, 0, "{}", explain.stderr);
    assert!(
        explain.stdout.starts_with("-1  Unknown\n"),
        "{}",
        explain.stdout
    );
    let out = |format: &str, name: &str| {
        let path = root.join(name);
        let run = support::errdoc(
            root,
            &["export", "--format", format, "-o", path.to_str().unwrap()],
        );
        assert_eq!(run.status, 0, "{}", run.stderr);
        path
    };
    let rust = out("rust", "codes.rs");
    let text = std::fs::read_to_string(&rust).unwrap();
    assert!(
        text.contains("#[repr(i64)]")
            && text.contains("    /// 3000000000\n    WideBig = 3000000000,\n"),
        "{text}"
    );
    std::fs::write(
        root.join("main.rs"),
        "mod codes;\nuse codes::ErrorCode;\nfn main() {\n    assert_eq!(ErrorCode::WideUnknown.code(), -1);\n    assert_eq!(ErrorCode::from_code(3000000000), Some(ErrorCode::WideBig));\n    assert_eq!(ErrorCode::WideUnknown.message(), Some(\"Unknown.\"));\n    assert_eq!(ErrorCode::WideBig.name(), \"WIDE_BIG\");\n    println!(\"ok\");\n}\n",
    )
    .unwrap();
    assert_eq!(rust_runs(&root.join("main.rs")), "ok\n");

    out("c", "errdoc_codes.h");
    std::fs::write(
        root.join("main.c"),
        "#include <stdio.h>\n#include <string.h>\n#include \"errdoc_codes.h\"\nint main(void) {\n  if (-ERRDOC_WIDE_UNKNOWN != 1) return 1;\n  if (strcmp(ERRDOC_message(ERRDOC_WIDE_UNKNOWN), \"Unknown.\") != 0) return 2;\n  puts(\"ok\");\n  return 0;\n}\n",
    )
    .unwrap();
    assert_eq!(c_runs(&root.join("main.c")), "ok\n");

    out("typescript", "codes.ts");
    std::fs::write(
        root.join("use.ts"),
        "import { ErrorCode, errorMessage } from \"./codes\";\nconst message: string | undefined = errorMessage(ErrorCode.WIDE_UNKNOWN);\nexport { message };\n",
    )
    .unwrap();
    typescript_checks(root, &["use.ts", "codes.ts"]);
}

/// A code JavaScript's numbers cannot hold is refused for TypeScript and
/// ArkTS (both would read 2^53 + 1 as 2^53), not written wrong.
#[test]
fn codes_beyond_javascript_numbers_are_refused_for_typescript_and_arkts() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert_eq!(support::errdoc(root, &["init"]).status, 0);
    std::fs::write(
        root.join("catalog/codes.yaml"),
        "modules:\n  - id: wide\n    page: errorcode-wide\n    codes:\n      - { code: 9007199254740993, name: WIDE_FAR }\n",
    )
    .unwrap();
    std::fs::write(
        root.join("locales/en/wide.ftl"),
        "module-wide = Wide\ncode-9007199254740993 = Far\n",
    )
    .unwrap();
    for format in ["typescript", "arkts"] {
        let run = support::errdoc(root, &["export", "--format", format]);
        assert_eq!(run.status, 1, "{format}");
        assert_eq!(
            run.stderr,
            "error: code 9007199254740993 is beyond ±2^53−1, which a JavaScript number cannot hold exactly: TypeScript and ArkTS would read it as another number\n"
        );
    }
    assert_eq!(
        support::errdoc(root, &["export", "--format", "rust"]).status,
        0
    );
}
