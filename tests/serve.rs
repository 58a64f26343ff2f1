//! `errdoc serve` as a process: pages over HTTP with the right types, the
//! live-reload script, rebuilds on change, a broken edit that keeps the last
//! good build, refused traversal, and Ctrl-C.
#![cfg(feature = "serve")]
// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::panic)]
#![allow(
    clippy::too_many_lines,
    reason = "a test is one scenario, read from top to bottom; cut into pieces it would hide the order of its steps"
)]

mod support;

use std::io::{BufRead as _, BufReader, Read as _};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use support::{apply_edits, project};

/// A running `errdoc serve` on a free port; stopped when dropped.
struct Server {
    child: Child,
    url: String,
    agent: ureq::Agent,
    /// What it has printed on stdout since the address.
    stdout: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Server {
    fn start(root: &Path) -> Server {
        Server::start_in(Path::new("."), root)
    }

    /// Started in the folder `cwd`, with `--root root`.
    fn start_in(cwd: &Path, root: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_errdoc"))
            .current_dir(cwd)
            .arg("--root")
            .arg(root)
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let mut url = String::new();
        for line in lines.by_ref() {
            let line = line.unwrap();
            if let Some(at) = line.find("http://") {
                url = line[at..].split_whitespace().next().unwrap().to_string();
                break;
            }
        }
        assert!(url.starts_with("http://127.0.0.1:"), "no address printed");
        // Keep reading so the server never blocks on a full pipe.
        let stdout: std::sync::Arc<std::sync::Mutex<Vec<String>>> = Default::default();
        let kept = stdout.clone();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                kept.lock().unwrap().push(line);
            }
        });
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(10)))
            .build()
            .into();
        Server {
            child,
            url,
            agent,
            stdout,
        }
    }

    /// (status, content type, body) of `path`.
    fn get(&self, path: &str) -> (u16, String, String) {
        let mut response = self
            .agent
            .get(&format!("{}{path}", self.url))
            .call()
            .unwrap();
        let status = response.status().as_u16();
        let kind = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        let body = response.body_mut().read_to_string().unwrap_or_default();
        (status, kind, body)
    }

    /// The status of a raw request path (not normalized by the client).
    fn raw_status(&self, path: &str) -> u16 {
        use std::io::Write as _;
        let address = self.url.trim_start_matches("http://").trim_end_matches('/');
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer.split_whitespace().nth(1).unwrap().parse().unwrap()
    }

    /// Waits until `path` contains `text` (10 s at most).
    fn wait_for(&self, path: &str, text: &str) {
        let started = Instant::now();
        while !self.get(path).2.contains(text) {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{path} never showed {text:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn stderr(mut self) -> String {
        let _ = Command::new("kill")
            .arg("-INT")
            .arg(self.child.id().to_string())
            .status();
        let status = self.child.wait().unwrap();
        assert!(
            status.success(),
            "Ctrl-C stops the server cleanly: {status}"
        );
        let mut text = String::new();
        self.child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn pages_are_served_with_their_types_and_the_reload_script() {
    let root = project(None);
    let server = Server::start(root.path());
    let (status, kind, body) = server.get("en/index.html");
    assert_eq!((status, kind.as_str()), (200, "text/html; charset=utf-8"));
    assert!(body.contains("/__errdoc/events"), "live reload is injected");
    assert!(
        !root.path().join("site").exists(),
        "serve writes nothing to site/"
    );
    for (path, expected) in [
        ("en/search-index.js", "text/javascript; charset=utf-8"),
        ("assets/style.css", "text/css; charset=utf-8"),
        ("zh-CN/codes.json", "application/json; charset=utf-8"),
        (
            "md/zh-CN/errorcode-close.md",
            "text/markdown; charset=utf-8",
        ),
        ("favicon.svg", "image/svg+xml"),
    ] {
        let (status, kind, body) = server.get(path);
        assert_eq!((status, kind.as_str()), (200, expected), "{path}");
        assert!(
            !body.contains("/__errdoc/events"),
            "{path}: only HTML gets the script"
        );
    }
    assert!(
        server.get("").2.contains("zh-CN/index.html"),
        "/ is the language picker"
    );
    assert_eq!(server.get("zh-CN/").0, 200);
    assert_eq!(
        server.get("zh-CN").0,
        308,
        "a folder without its / is redirected"
    );
    let (status, kind, body) = server.get("en/codes/9999.html");
    assert_eq!((status, kind.as_str()), (404, "text/html; charset=utf-8"));
    assert!(body.contains("404"), "the site's 404.html");
    for path in [
        "/../Cargo.toml",
        "/en/../../catalog/codes.yaml",
        "/%2e%2e/catalog/codes.yaml",
        "/%2E%2E%2Fcatalog%2Fcodes.yaml",
        "/en/%2f..%2f..%2fetc/passwd",
        "/..%5c..%5cetc%5cpasswd",
        "/a%00.html",
    ] {
        let status = server.raw_status(path);
        assert!(status == 400 || status == 404, "{path}: {status}");
    }
    let stderr = server.stderr();
    assert_eq!(stderr, "");
}

/// `serve` keeps the last build's pages in memory and takes those whose
/// inputs did not change: after edits of two kinds, every file it serves is
/// the file a fresh build without the cache writes (HTML with the reload
/// script).
#[test]
fn pages_kept_from_the_last_build_are_never_stale() {
    let root = project(None);
    let server = Server::start(root.path());
    server.wait_for("en/codes/1006.html", "Abnormal Closure");
    apply_edits(
        root.path(),
        "--- locales/en/close.ftl\n<<<\ncode-1006 = Abnormal Closure\n===\ncode-1006 = Abnormal Closure, Kept\n>>>\n",
    );
    server.wait_for("en/codes/1006.html", "Abnormal Closure, Kept");
    apply_edits(
        root.path(),
        "--- locales/en/ui.ftl\n<<<\nui-causes = Possible Causes\n===\nui-causes = Likely Causes\n>>>\n",
    );
    server.wait_for("en/codes/2301004.html", "Likely Causes");
    let fresh = tempfile::tempdir().unwrap();
    support::copy_tree(root.path(), fresh.path());
    let _ = std::fs::remove_dir_all(fresh.path().join("site"));
    let built = support::errdoc(fresh.path(), &["build", "--no-cache"]);
    assert_eq!(built.status, 0, "{}", built.stderr);
    let site = support::read_tree(&fresh.path().join("site"));
    let mut compared = 0;
    for (path, contents) in &site {
        let path = path.to_string_lossy().replace('\\', "/");
        if path.starts_with('.') {
            continue; // the manifest is not served
        }
        let expected = String::from_utf8(contents.clone()).unwrap();
        let (status, _, served) = server.get(&path);
        assert_eq!(status, 200, "{path}");
        match expected.rfind("</body>") {
            Some(at) if path.ends_with(".html") => assert!(
                served.starts_with(&expected[..at]) && served.ends_with(&expected[at..]),
                "{path} is not as a fresh build makes it"
            ),
            _ => assert_eq!(served, expected, "{path}"),
        }
        compared += 1;
    }
    assert!(compared > 20, "{compared} files");
}

#[test]
fn an_edit_is_rebuilt_and_a_broken_one_keeps_the_last_good_build() {
    let root = project(None);
    let server = Server::start(root.path());
    assert!(
        server
            .get("en/codes/1006.html")
            .2
            .contains("Abnormal Closure")
    );

    apply_edits(
        root.path(),
        "--- locales/en/close.ftl\n<<<\ncode-1006 = Abnormal Closure\n===\ncode-1006 = Abnormal Closure, Edited\n>>>\n",
    );
    server.wait_for("en/codes/1006.html", "Abnormal Closure, Edited");

    // A broken catalog: the last good build stays, the error is reported.
    apply_edits(
        root.path(),
        "--- catalog/codes.yaml\n<<<\n        name: ABNORMAL_CLOSURE\n===\n        nmae: ABNORMAL_CLOSURE\n>>>\n",
    );
    apply_edits(
        root.path(),
        "--- locales/en/close.ftl\n<<<\ncode-1006 = Abnormal Closure, Edited\n===\ncode-1006 = Not Shown While Broken\n>>>\n",
    );
    std::thread::sleep(Duration::from_millis(1500));
    let page = server.get("en/codes/1006.html").2;
    assert!(
        page.contains("Abnormal Closure, Edited"),
        "the last good build is served"
    );
    assert!(!page.contains("Not Shown While Broken"));

    // Fixed again: the new content is served.
    apply_edits(
        root.path(),
        "--- catalog/codes.yaml\n<<<\n        nmae: ABNORMAL_CLOSURE\n===\n        name: ABNORMAL_CLOSURE\n>>>\n",
    );
    server.wait_for("en/codes/1006.html", "Not Shown While Broken");

    let stderr = server.stderr();
    assert!(
        stderr.contains("catalog/codes.yaml:26:9: error[E0103]: unknown field `nmae`"),
        "the error is printed in the terminal:\n{stderr}"
    );
}

#[test]
fn what_changes_nothing_a_build_reads_builds_nothing() {
    let root = project(None);
    let dir = root.path();
    // An editor at work on a template: its swap file is no template.
    std::fs::create_dir_all(dir.join("templates")).unwrap();
    std::fs::write(dir.join("templates/.page.html.swp"), b"b0VIM 9.0\0\xff").unwrap();
    let server = Server::start(dir);
    let rebuilds = || {
        server
            .stdout
            .lock()
            .unwrap()
            .iter()
            .filter(|line| line.starts_with("rebuilt:"))
            .count()
    };
    let edit = |from: &str, to: &str| {
        let before = rebuilds();
        apply_edits(
            dir,
            &format!(
                "--- locales/en/close.ftl\n<<<\ncode-1006 = {from}\n===\ncode-1006 = {to}\n>>>\n"
            ),
        );
        server.wait_for("en/codes/1006.html", to);
        // The line comes just after the new pages are served.
        let started = Instant::now();
        while rebuilds() == before && started.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    // A real edit: the watcher is at work.
    edit("Abnormal Closure", "Abnormal Closure, Saved");
    assert_eq!(rebuilds(), 1);

    // Vim writes its swap file as the text changes; Emacs locks the file
    // with a link to nowhere; macOS leaves its folder metadata.
    std::fs::write(dir.join("locales/en/.close.ftl.swp"), b"b0VIM 9.0\0\xfe").unwrap();
    std::fs::write(dir.join("templates/.page.html.swp"), b"b0VIM 9.0\0\xfe").unwrap();
    std::fs::write(dir.join("catalog/.DS_Store"), b"\0\0\0\x01Bud1").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        "user@host.1234:1700000000",
        dir.join("locales/en/.#close.ftl"),
    )
    .unwrap();
    // A file saved as it was: written in place, and written whole beside
    // it and renamed over it (GNOME's safe save).
    let catalog = std::fs::read(dir.join("catalog/codes.yaml")).unwrap();
    std::fs::write(dir.join("catalog/codes.yaml"), &catalog).unwrap();
    let close = std::fs::read(dir.join("locales/en/close.ftl")).unwrap();
    std::fs::write(dir.join("locales/en/.goutputstream-X1Y2Z3"), &close).unwrap();
    std::fs::rename(
        dir.join("locales/en/.goutputstream-X1Y2Z3"),
        dir.join("locales/en/close.ftl"),
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(rebuilds(), 1, "nothing a build reads changed");

    // Another real edit, beside all that litter, builds once more.
    edit("Abnormal Closure, Saved", "Abnormal Closure, Saved Again");
    assert_eq!(rebuilds(), 2);
    let stderr = server.stderr();
    assert!(!stderr.contains("error"), "{stderr}");
}

/// A team keeps its texts in one folder of the project and links them into
/// the locale: an edit there is seen.
#[cfg(unix)]
#[test]
fn an_edit_of_a_file_linked_in_is_seen() {
    let root = support::project_with_shared_texts();
    let dir = root.path();
    let server = Server::start(dir);
    apply_edits(
        dir,
        "--- shared/close.ftl\n<<<\ncode-1006 = Abnormal Closure\n===\ncode-1006 = Abnormal Closure, Shared\n>>>\n",
    );
    server.wait_for("en/codes/1006.html", "Abnormal Closure, Shared");
}

/// `--root` as a path with `..` in it: the events name the project's
/// files another way than it is written.
#[test]
fn an_edit_is_seen_whatever_way_the_root_is_named() {
    let root = project(None);
    let name = root.path().file_name().unwrap();
    let server = Server::start_in(root.path(), &Path::new("..").join(name));
    apply_edits(
        root.path(),
        "--- locales/en/close.ftl\n<<<\ncode-1006 = Abnormal Closure\n===\ncode-1006 = Abnormal Closure, Named\n>>>\n",
    );
    server.wait_for("en/codes/1006.html", "Abnormal Closure, Named");
}

#[test]
fn open_pages_hear_of_rebuilds_and_errors() {
    let root = project(None);
    let server = Server::start(root.path());
    let address = server
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let mut stream = std::net::TcpStream::connect(&address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    {
        use std::io::Write as _;
        write!(
            stream,
            "GET /__errdoc/events HTTP/1.1\r\nHost: {address}\r\n\r\n"
        )
        .unwrap();
    }
    let mut reader = BufReader::new(stream);
    let mut seen = String::new();
    let mut read_until = |reader: &mut BufReader<std::net::TcpStream>, wanted: &str| {
        let mut line = String::new();
        while !seen.contains(wanted) {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                break;
            }
            seen.push_str(&line);
        }
        assert!(seen.contains(wanted), "no {wanted:?} in:\n{seen}");
    };
    read_until(&mut reader, "event: ok");
    apply_edits(
        root.path(),
        "--- catalog/codes.yaml\n<<<\n        name: ABNORMAL_CLOSURE\n===\n        nmae: ABNORMAL_CLOSURE\n>>>\n",
    );
    read_until(&mut reader, "event: build-error");
    read_until(
        &mut reader,
        "data: catalog/codes.yaml:26:9: error[E0103]: unknown field `nmae`",
    );
    apply_edits(
        root.path(),
        "--- catalog/codes.yaml\n<<<\n        nmae: ABNORMAL_CLOSURE\n===\n        name: ABNORMAL_CLOSURE\n>>>\n",
    );
    read_until(&mut reader, "event: reload");
}

/// Whether a response body is whole: what each kind of file ends with.
fn whole(path: &str, body: &str) -> bool {
    if path.ends_with(".html") {
        body.ends_with("</html>\n")
    } else if path.ends_with(".js") {
        body.ends_with("};\n")
    } else {
        body.ends_with('\n') && body.len() > 100
    }
}

#[test]
fn requests_never_fail_while_the_project_is_rewritten() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    let root = project(None);
    let server = Server::start(root.path());
    let stop = Arc::new(AtomicBool::new(false));
    let paths = [
        "en/codes/1006.html",
        "en/errorcode-close.html",
        "en/search-index.js",
        "md/en/errorcode-close.md",
        "zh-CN/index.html",
    ];
    let clients: Vec<_> = (0..4)
        .map(|client| {
            let (agent, url, stop) = (server.agent.clone(), server.url.clone(), stop.clone());
            std::thread::spawn(move || {
                let (mut requests, mut failures) = (0, Vec::new());
                let mut versions = std::collections::BTreeSet::new();
                while !stop.load(Ordering::Relaxed) {
                    let path = paths[(requests + client) % paths.len()];
                    requests += 1;
                    match agent.get(&format!("{url}{path}")).call() {
                        Ok(mut response) => {
                            let status = response.status().as_u16();
                            let body = response.body_mut().read_to_string().unwrap_or_default();
                            if status != 200 || !whole(path, &body) {
                                failures.push(format!("{path}: {status}, {} bytes", body.len()));
                            }
                            if let Some(version) = body
                                .find("Abnormal Closure R")
                                .and_then(|at| body.get(at..at + 20))
                            {
                                versions.insert(version.to_string());
                            }
                        }
                        Err(e) => failures.push(format!("{path}: {e}")),
                    }
                }
                (requests, failures, versions)
            })
        })
        .collect();

    let ftl = root.path().join("locales/en/close.ftl");
    let original = std::fs::read_to_string(&ftl).unwrap();
    for round in 0..8 {
        let title = format!("Abnormal Closure R{round:02}");
        let text = original.replace(
            "code-1006 = Abnormal Closure",
            &format!("code-1006 = {title}"),
        );
        // As some editors save: truncate, write part, then the rest, more
        // than the server's 30 ms wait for quiet apart, so it rebuilds
        // from half a file (and keeps the last good build if that fails).
        {
            use std::io::Write as _;
            let mut file = std::fs::File::create(&ftl).unwrap();
            let (head, tail) = text.split_at(text.len() / 2);
            file.write_all(head.as_bytes()).unwrap();
            file.flush().unwrap();
            std::thread::sleep(Duration::from_millis(400));
            file.write_all(tail.as_bytes()).unwrap();
        }
        // And a build writes site/ meanwhile (serve reads only the
        // sources, so this shows the two do not disturb each other).
        let build = Command::new(env!("CARGO_BIN_EXE_errdoc"))
            .arg("--root")
            .arg(root.path())
            .arg("build")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(build.success());
        server.wait_for("en/codes/1006.html", &title);
    }
    stop.store(true, Ordering::Relaxed);
    let mut total = 0;
    let mut seen = std::collections::BTreeSet::new();
    for client in clients {
        let (requests, failures, versions) = client.join().unwrap();
        assert!(failures.is_empty(), "failed requests: {failures:?}");
        total += requests;
        seen.extend(versions);
    }
    assert!(total > 200, "only {total} requests");
    let rebuilds = server
        .stdout
        .lock()
        .unwrap()
        .iter()
        .filter(|l| l.starts_with("rebuilt") || l.starts_with("error: the build failed"))
        .count();
    assert!(
        rebuilds >= 12,
        "{rebuilds} rebuilds: the half-saved files were not seen"
    );
    assert!(seen.len() >= 4, "clients saw only {seen:?}");
    eprintln!(
        "{total} requests, {rebuilds} rebuilds, versions seen: {}",
        seen.len()
    );
}
