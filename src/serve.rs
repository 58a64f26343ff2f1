//! `errdoc serve`: a preview server, as `mdbook serve` and `zola serve` are.
//!
//! The site is built into memory and served from there, so nothing outside
//! the build's own files can ever be served: a path is looked up in a map,
//! never joined to a folder, and `..`, encoded slashes and NUL are refused
//! before that. `catalog/`, `locales/`, `templates/` and `layouts/` are
//! watched; a change rebuilds, open pages reload through a small script
//! (injected into HTML responses here only, never into `site/`) that
//! listens to a server-sent event stream. A broken edit keeps the last good build served
//! and shows the error in the terminal and as an overlay in the browser.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;
use tokio_stream::StreamExt as _;
use tokio_stream::wrappers::BroadcastStream;

use crate::diagnostic::Diagnostics;
use crate::output::{MANIFEST, Output};
use crate::project::{Project, RenderOptions};

/// The path of the event stream the injected script listens to.
pub const EVENTS_PATH: &str = "/__errdoc/events";

/// The script injected into every HTML page in serve mode.
const LIVE_RELOAD: &str = r#"<script>
/* errdoc serve: reload on rebuild, show build errors. Not part of site/. */
(function () {
  var box = null;
  function show(text) {
    if (!box) {
      box = document.createElement("div");
      box.id = "errdoc-serve-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:1rem;z-index:99999;overflow:auto;padding:1rem 1.25rem;background:#1b1b1f;color:#f2f2f2;border:3px solid #d93025;border-radius:8px;box-shadow:0 8px 32px rgba(0,0,0,.5);font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "errdoc: the build failed; the last good build is shown.\n\n" + text;
  }
  function hide() { if (box) { box.remove(); box = null; } }
  var events = new EventSource("/__errdoc/events");
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("build-error", function (e) { show(e.data); });
  events.addEventListener("ok", hide);
})();
</script>
"#;

/// One build: the files, or why the input is broken.
#[derive(Default)]
pub struct Snapshot {
    /// Site files by path (`en/index.html`), shared with the broken-build
    /// snapshot that keeps serving them.
    files: Arc<HashMap<String, Vec<u8>>>,
    /// The diagnostics of the last failed build, while the input is broken.
    error: Option<String>,
}

/// What a rebuild changed, for the open pages.
#[derive(Debug, Clone)]
enum Change {
    Reload,
    Broken(String),
}

/// The server's state: the snapshot served and the rebuild events.
#[derive(Clone)]
pub struct Shared {
    snapshot: Arc<RwLock<Arc<Snapshot>>>,
    events: broadcast::Sender<Change>,
}

impl Shared {
    fn current(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(s) => Arc::clone(&s),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    fn replace(&self, next: Snapshot) {
        let next = Arc::new(next);
        match self.snapshot.write() {
            Ok(mut s) => *s = next,
            Err(poisoned) => *poisoned.into_inner() = next,
        }
    }
}

/// Builds the site into memory: the files, or the diagnostics as text.
pub fn build(root: &Path) -> Result<Output, String> {
    let mut diags = Diagnostics::new();
    let project = match Project::load(root, &mut diags) {
        Ok(p) => p,
        Err(e) => return Err(format!("error: {e:#}\n")),
    };
    let output = project.map(|p| p.render(&RenderOptions::default(), &mut diags));
    let text: String = diags.sorted().iter().map(ToString::to_string).collect();
    match output {
        Some(output) if !diags.has_errors() => {
            if !text.is_empty() {
                crate::terminal::tell_raw(&text);
            }
            Ok(output)
        }
        _ => Err(text),
    }
}

fn snapshot_of(output: &Output) -> Snapshot {
    Snapshot {
        files: output
            .files()
            .filter(|(p, _)| *p != Path::new(MANIFEST))
            .map(|(p, c)| (p.to_string_lossy().replace('\\', "/"), c.to_vec()))
            .collect::<HashMap<_, _>>()
            .into(),
        error: None,
    }
}

/// Where a request path points in the site, or why it is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// A file key (`en/index.html`).
    File(String),
    /// A folder path without its final `/` (`en`): redirect.
    Folder(String),
}

/// Resolves a raw (still percent-encoded) request path.
///
/// Refused with 400: encoded `/`, `\` or NUL, `.` or `..` segments, and
/// anything that does not decode to UTF-8. The result is a key of the
/// in-memory site, never a file system path.
pub fn resolve(raw: &str) -> Result<(String, bool), StatusCode> {
    let lower = raw.to_ascii_lowercase();
    if !raw.starts_with('/') || ["%2f", "%5c", "%00"].iter().any(|e| lower.contains(e)) {
        return Err(StatusCode::BAD_REQUEST);
    }
    let decoded = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .map_err(|_| StatusCode::BAD_REQUEST)?;
    if decoded.contains(['\\', '\0']) {
        return Err(StatusCode::BAD_REQUEST);
    }
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| *s == "." || *s == "..") {
        return Err(StatusCode::BAD_REQUEST);
    }
    let folder = decoded.ends_with('/');
    Ok((segments.join("/"), folder))
}

/// The `Content-Type` of a site file.
pub fn content_type(key: &str) -> &'static str {
    match Path::new(key).extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("xml") => "application/xml; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

/// `body` with the live-reload script before `</body>`.
fn inject(body: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(body);
    match text.rfind("</body>") {
        Some(at) => format!("{}{LIVE_RELOAD}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{LIVE_RELOAD}").into_bytes(),
    }
}

fn file_response(status: StatusCode, key: &str, body: &[u8], head: bool) -> Response {
    let kind = content_type(key);
    let body = if kind.starts_with("text/html") {
        inject(body)
    } else {
        body.to_vec()
    };
    let mut response = Response::new(if head {
        Body::empty()
    } else {
        Body::from(body)
    });
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn handle(State(shared): State<Shared>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n").into_response();
    }
    let head = method == Method::HEAD;
    let (key, folder) = match resolve(uri.path()) {
        Ok(found) => found,
        Err(status) => return (status, "bad request\n").into_response(),
    };
    let snapshot = shared.current();
    let index = if key.is_empty() {
        "index.html".to_string()
    } else {
        format!("{key}/index.html")
    };
    if folder || key.is_empty() {
        if let Some(body) = snapshot.files.get(&index) {
            return file_response(StatusCode::OK, &index, body, head);
        }
    } else if let Some(body) = snapshot.files.get(&key) {
        return file_response(StatusCode::OK, &key, body, head);
    } else if snapshot.files.contains_key(&index) {
        let location = format!("{}/", uri.path());
        let mut response = StatusCode::PERMANENT_REDIRECT.into_response();
        if let Ok(value) = HeaderValue::from_str(&location) {
            response.headers_mut().insert(header::LOCATION, value);
        }
        return response;
    }
    match snapshot.files.get("404.html") {
        Some(body) => file_response(StatusCode::NOT_FOUND, "404.html", body, head),
        None => (StatusCode::NOT_FOUND, "not found\n").into_response(),
    }
}

async fn events(
    State(shared): State<Shared>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, std::convert::Infallible>>> {
    let first = match &shared.current().error {
        Some(text) => Event::default().event("build-error").data(text.clone()),
        None => Event::default().event("ok").data(""),
    };
    let changes =
        BroadcastStream::new(shared.events.subscribe()).filter_map(|change| match change {
            Ok(Change::Reload) => Some(Ok(Event::default().event("reload").data(""))),
            Ok(Change::Broken(text)) => Some(Ok(Event::default().event("build-error").data(text))),
            Err(_) => None,
        });
    Sse::new(tokio_stream::once(Ok(first)).chain(changes)).keep_alive(KeepAlive::default())
}

/// The router of the preview server.
pub fn router(shared: Shared) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(events))
        .fallback(handle)
        .with_state(shared)
}

/// Whether a file system event changes content (reads do not).
fn is_change(event: &notify::Event) -> bool {
    use notify::EventKind;
    use notify::event::ModifyKind;
    match event.kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Watches the project and rebuilds on change, until the process ends.
fn watch(root: PathBuf, shared: Shared) -> anyhow::Result<()> {
    use notify::{RecursiveMode, Watcher as _};
    let (sender, receiver) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(sender)?;
    for dir in [
        "catalog",
        "locales",
        "templates",
        crate::layout::LAYOUTS_DIR,
    ] {
        let path = root.join(dir);
        if path.is_dir() {
            watcher.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    std::thread::spawn(move || {
        // The watcher stops when dropped: it lives in this thread.
        let _watcher = watcher;
        while let Ok(event) = receiver.recv() {
            if !event.as_ref().is_ok_and(is_change) {
                continue;
            }
            // Let a burst of saves settle before building.
            while receiver.recv_timeout(Duration::from_millis(150)).is_ok() {}
            rebuild(&root, &shared, "rebuilt");
        }
    });
    Ok(())
}

fn rebuild(root: &Path, shared: &Shared, verb: &str) {
    let started = Instant::now();
    match build(root) {
        Ok(output) => {
            let snapshot = snapshot_of(&output);
            let count = snapshot.files.len();
            shared.replace(snapshot);
            let _ = shared.events.send(Change::Reload);
            crate::terminal::say(&format!(
                "{verb}: {count} files in {:.2}s",
                started.elapsed().as_secs_f64()
            ));
        }
        Err(text) => {
            crate::terminal::tell_raw(&text);
            crate::terminal::say("error: the build failed; still serving the last good build");
            let current = shared.current();
            shared.replace(Snapshot {
                files: Arc::clone(&current.files),
                error: Some(text.clone()),
            });
            let _ = shared.events.send(Change::Broken(text));
        }
    }
}

/// Runs the server until Ctrl-C.
pub fn run(root: &Path, host: std::net::IpAddr, port: u16, open: bool) -> anyhow::Result<()> {
    let (events, _) = broadcast::channel(16);
    let shared = Shared {
        snapshot: Arc::new(RwLock::new(Arc::new(Snapshot::default()))),
        events,
    };
    rebuild(root, &shared, "built");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind((host, port))
            .await
            .map_err(|e| {
                anyhow::anyhow!("cannot listen on {host}:{port}: {e} — choose another --port")
            })?;
        let address = listener.local_addr()?;
        let url = format!("http://{address}/");
        crate::terminal::say(&format!(
            "serving {} on {url} (Ctrl-C stops)",
            root.display()
        ));
        watch(root.to_path_buf(), shared.clone())?;
        if open && let Err(e) = opener::open(&url) {
            crate::terminal::tell(&format!("warning: cannot open a browser: {e}"));
        }
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
            crate::terminal::say("stopped");
            // Event streams stay open while pages are; do not wait for them.
            std::process::exit(0);
        };
        axum::serve(listener, router(shared))
            .with_graceful_shutdown(shutdown)
            .await?;
        Ok::<(), anyhow::Error>(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_to_keys_and_traversal_is_refused() {
        assert_eq!(resolve("/"), Ok((String::new(), true)));
        assert_eq!(resolve("/en/"), Ok(("en".to_string(), true)));
        assert_eq!(
            resolve("/en/codes/1006.html"),
            Ok(("en/codes/1006.html".to_string(), false))
        );
        assert_eq!(
            resolve("/zh-CN/%E7%BC%96.html"),
            Ok(("zh-CN/编.html".to_string(), false))
        );
        for bad in [
            "/../Cargo.toml",
            "/en/../../etc/passwd",
            "/%2e%2e/catalog/codes.yaml",
            "/%2E%2E/x",
            "/en/%2f..%2fx",
            "/en/..%5cx",
            "/a%00b",
            "/./x",
            "/%ff",
            "relative",
        ] {
            assert_eq!(resolve(bad), Err(StatusCode::BAD_REQUEST), "{bad}");
        }
    }

    #[test]
    fn text_files_say_utf8() {
        assert_eq!(content_type("a/b.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("a.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("a.json"), "application/json; charset=utf-8");
        assert_eq!(content_type("md/en/a.md"), "text/markdown; charset=utf-8");
        assert_eq!(content_type("x"), "application/octet-stream");
    }

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let page = inject(b"<html><body><p>x</p></body></html>");
        let text = String::from_utf8(page).unwrap();
        assert!(text.contains("<p>x</p><script>"));
        assert!(text.ends_with("</script>\n</body></html>"));
    }
}
