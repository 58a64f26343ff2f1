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
//!
//! Hostile clients are bounded (see [`ServeOptions`]): a connection must
//! deliver its request within [`HEADER_TIMEOUT`] of being accepted or is
//! closed, however slowly it keeps sending (slowloris); at most
//! [`MAX_CONNECTIONS`] are served at once, and each carries one request. A
//! folder redirect is always a path on this host. On a loopback address a
//! request must name a loopback host, so that a page of another site cannot
//! reach the preview through a DNS name pointing at 127.0.0.1 (DNS
//! rebinding).

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::Path;
use std::pin::Pin;
use std::sync::{Arc, Mutex, RwLock};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, broadcast};
use tokio::time::Sleep;
use tokio_stream::StreamExt as _;
use tokio_stream::wrappers::BroadcastStream;

use crate::diagnostic::{Diagnostics, Listed};
use crate::output::{MANIFEST, Output};
use crate::project::Project;
use crate::render::reuse::Earlier;

mod watch;

use watch::{Watching, inputs_of};

/// The path of the event stream the injected script listens to.
pub(crate) const EVENTS_PATH: &str = "/__errdoc/events";

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
pub(crate) struct Snapshot {
    /// Site files by path (`en/index.html`), shared with the broken-build
    /// snapshot that keeps serving them.
    files: Arc<HashMap<String, Arc<[u8]>>>,
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
    /// The last good build's pages, which a rebuild takes where their
    /// inputs are the same ([`crate::render::reuse`]).
    earlier: Arc<Mutex<Earlier>>,
    /// The fingerprint of the inputs of the last build, good or not
    /// ([`crate::cache::fingerprint`]): a change that leaves them as they
    /// were (a file saved unchanged, a branch checked out and back) is no
    /// reason to build.
    inputs: Arc<Mutex<Option<String>>>,
}

/// `mutex`, locked: a panic elsewhere while it was held left nothing half
/// done that this code cares about (each holder replaces the whole value).
fn locked<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
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

    /// The state of a new server: `root` built into memory (or, if the
    /// build fails, an empty site and the error, shown in the browser).
    pub fn load(root: &Path) -> Shared {
        let (events, _) = broadcast::channel(16);
        let shared = Shared {
            snapshot: Arc::new(RwLock::new(Arc::new(Snapshot::default()))),
            events,
            earlier: Arc::default(),
            inputs: Arc::default(),
        };
        rebuild(root, &shared, "built", inputs_of(root));
        shared
    }
}

/// Builds the site into memory, taking `earlier`'s pages where their
/// inputs are the same: the files, or the diagnostics as text.
pub(crate) fn build(root: &Path, earlier: &Earlier) -> Result<Output, String> {
    let mut diags = Diagnostics::new();
    let rendered = Project::rendered(root, Some(earlier), &mut diags)
        .map_err(|e| format!("error: {e:#}\n"))?;
    match rendered {
        Some(rendered) => {
            // Each rebuild sums up the translations still to do, as `build`.
            crate::console::tell_raw(&diags.render(Listed::summed(), false));
            Ok(rendered.output)
        }
        None => Err(diags.sorted().iter().map(ToString::to_string).collect()),
    }
}

/// What to serve of `output`, and its pages for the next rebuild.
fn snapshot_of(output: &Output) -> (Snapshot, Earlier) {
    let (earlier, files) = Earlier::in_memory(output);
    let snapshot = Snapshot {
        files: files
            .into_iter()
            .filter(|(p, _)| *p != Path::new(MANIFEST))
            .map(|(p, c)| (p.to_string_lossy().replace('\\', "/"), c))
            .collect::<HashMap<_, _>>()
            .into(),
        error: None,
    };
    (snapshot, earlier)
}

/// Resolves a raw (still percent-encoded) request path.
///
/// Refused with 400: encoded `/`, `\` or NUL, `.` or `..` segments, and
/// anything that does not decode to UTF-8. The result is a key of the
/// in-memory site, never a file system path.
pub(crate) fn resolve(raw: &str) -> Result<(String, bool), StatusCode> {
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

/// The `Location` of the redirect from a folder path without its final `/`:
/// `raw` (a path [`resolve`] accepted, still percent-encoded) with one
/// leading `/`, no empty segments and a final `/` (the root is `/`).
///
/// Always a path on this host: a browser reads a `Location` that starts with
/// `//` or `/\` as another host (`//evil.example` is `http://evil.example`),
/// so `//en` redirects to `/en/`, never to `//en/`.
pub(crate) fn folder_location(raw: &str) -> String {
    let segments: Vec<&str> = raw.split(['/', '\\']).filter(|s| !s.is_empty()).collect();
    if segments.is_empty() {
        return "/".to_string();
    }
    format!("/{}/", segments.join("/"))
}

/// The `Content-Type` of a site file.
pub(crate) fn content_type(key: &str) -> &'static str {
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
    let index = crate::site::index_of(&key);
    if folder || key.is_empty() {
        if let Some(body) = snapshot.files.get(&index) {
            return file_response(StatusCode::OK, &index, body, head);
        }
    } else if let Some(body) = snapshot.files.get(&key) {
        return file_response(StatusCode::OK, &key, body, head);
    } else if snapshot.files.contains_key(&index) {
        let location = folder_location(uri.path());
        let mut response = StatusCode::PERMANENT_REDIRECT.into_response();
        if let Ok(value) = HeaderValue::from_str(&location) {
            response.headers_mut().insert(header::LOCATION, value);
        }
        return response;
    }
    match snapshot.files.get(crate::site::NOT_FOUND) {
        Some(body) => file_response(StatusCode::NOT_FOUND, crate::site::NOT_FOUND, body, head),
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

/// Which `Host` a request may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hosts {
    /// Only a loopback name (`localhost`, `127.0.0.1` or another
    /// `127.x.x.x`, `[::1]`; any port):
    /// the server listens on a loopback address, so a request naming another
    /// host comes from a page of another site whose DNS name was pointed at
    /// this machine (DNS rebinding), and is refused with 403.
    Loopback,
    /// Any: the user shares the preview with `--host` and a non-loopback
    /// address, and the names it is reached by are theirs to choose.
    Any,
}

/// How long a connection may take to deliver its request (line and
/// headers) before it is closed.
pub(crate) const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// How many connections are served at once; more wait to be accepted. Each
/// open page holds one (its live-reload stream).
pub(crate) const MAX_CONNECTIONS: usize = 256;

/// The limits of the server against hostile clients.
#[derive(Debug, Clone, Copy)]
pub struct ServeOptions {
    /// See [`HEADER_TIMEOUT`].
    pub header_timeout: Duration,
    /// See [`MAX_CONNECTIONS`].
    pub max_connections: usize,
    /// Which `Host` a request may name.
    pub hosts: Hosts,
}

impl ServeOptions {
    /// The options of a server listening on `address`: the Host check on a
    /// loopback address (the default, `127.0.0.1`), none on any other (the
    /// user shares the preview on purpose).
    pub fn for_address(address: IpAddr) -> ServeOptions {
        ServeOptions {
            header_timeout: HEADER_TIMEOUT,
            max_connections: MAX_CONNECTIONS,
            hosts: if address.is_loopback() {
                Hosts::Loopback
            } else {
                Hosts::Any
            },
        }
    }
}

/// Whether `authority` (a `Host` header: `name` or `name:port`) names this
/// machine by a loopback name: `localhost` (any case), a loopback IPv4
/// address (`127.0.0.1`) or `[::1]`, with or without a port.
pub(crate) fn is_loopback_host(authority: &str) -> bool {
    let (loopback, port) = match authority.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((ip, port)) => (
                ip.parse::<Ipv6Addr>().is_ok_and(|ip| ip.is_loopback()),
                port,
            ),
            None => return false,
        },
        None => {
            let (name, port) = authority.split_at(authority.find(':').unwrap_or(authority.len()));
            let loopback = name.eq_ignore_ascii_case("localhost")
                || name.parse::<Ipv4Addr>().is_ok_and(|ip| ip.is_loopback());
            (loopback, port)
        }
    };
    let port_ok = port.is_empty()
        || port
            .strip_prefix(':')
            .is_some_and(|digits| digits.bytes().all(|b| b.is_ascii_digit()));
    loopback && port_ok
}

/// Whether every host `request` names is a loopback one: its `Host`
/// header (required), and the host of an absolute request URL.
fn names_only_loopback(request: &Request) -> bool {
    let mut hosts = request.headers().get_all(header::HOST).iter().peekable();
    hosts.peek().is_some()
        && hosts.all(|value| value.to_str().is_ok_and(is_loopback_host))
        && request
            .uri()
            .authority()
            .is_none_or(|authority| is_loopback_host(authority.as_str()))
}

/// What a refused request for another host reads.
const NOT_LOOPBACK: &str = "errdoc serve listens on loopback and answers only requests for \
localhost, 127.0.0.1 or [::1]: another host name may be a web page reaching it by DNS rebinding. \
To share the preview, start it with --host and a non-loopback address.\n";

/// Refuses a request that names another host than a loopback one.
async fn require_loopback_host(request: Request, next: Next) -> Response {
    if names_only_loopback(&request) {
        next.run(request).await
    } else {
        (StatusCode::FORBIDDEN, NOT_LOOPBACK).into_response()
    }
}

/// The router of the preview server: the site, the event stream at
/// [`EVENTS_PATH`], and, with [`Hosts::Loopback`], the Host check in front
/// of both.
pub(crate) fn router(shared: Shared, hosts: Hosts) -> Router {
    let router = Router::new()
        .route(EVENTS_PATH, get(events))
        .fallback(handle)
        .with_state(shared);
    match hosts {
        Hosts::Loopback => router.layer(middleware::from_fn(require_loopback_host)),
        Hosts::Any => router,
    }
}

/// The listener of the server: waits for a free slot (of
/// [`ServeOptions::max_connections`]) before it accepts a connection, and
/// gives each connection its header deadline.
struct GuardedListener {
    inner: TcpListener,
    slots: Arc<Semaphore>,
    header_timeout: Duration,
}

impl axum::serve::Listener for GuardedListener {
    type Io = GuardedStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (GuardedStream, SocketAddr) {
        // The semaphore is never closed, so this waits for a slot; were it
        // closed, serving without a slot beats serving nothing.
        let slot = Arc::clone(&self.slots).acquire_owned().await.ok();
        let (stream, address) = axum::serve::Listener::accept(&mut self.inner).await;
        let deadline = Box::pin(tokio::time::sleep(self.header_timeout));
        (
            GuardedStream {
                inner: stream,
                deadline: Some(deadline),
                _slot: slot,
            },
            address,
        )
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.inner.local_addr()
    }
}

/// A connection that must deliver its request before its deadline.
///
/// Reading fails with `TimedOut` once the deadline has passed, and hyper
/// closes the connection. The deadline ends when the answer begins (the
/// first write): the request has been read, and an answer (the event stream)
/// may last as long as the page is open. Every connection carries one
/// request (`Connection: close`), so no second request escapes the deadline.
struct GuardedStream {
    inner: TcpStream,
    /// Until the answer begins.
    deadline: Option<Pin<Box<Sleep>>>,
    /// The slot this connection holds, freed when it closes.
    _slot: Option<OwnedSemaphorePermit>,
}

impl AsyncRead for GuardedStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if let Some(deadline) = &mut this.deadline
            && deadline.as_mut().poll(cx).is_ready()
        {
            return Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the request did not arrive within the header timeout",
            )));
        }
        Pin::new(&mut this.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for GuardedStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        this.deadline = None;
        Pin::new(&mut this.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        this.deadline = None;
        Pin::new(&mut this.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

/// Marks every answer `Connection: close`: one request per connection, so
/// that each request is read under a fresh header deadline.
async fn one_request_per_connection(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// Serves `shared` on `listener` with `options` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    shared: Shared,
    options: ServeOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let listener = GuardedListener {
        inner: listener,
        slots: Arc::new(Semaphore::new(
            options.max_connections.clamp(1, Semaphore::MAX_PERMITS),
        )),
        header_timeout: options.header_timeout,
    };
    let app = router(shared, options.hosts).layer(middleware::from_fn(one_request_per_connection));
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

/// Builds `root`, whose inputs have the fingerprint `inputs`, and serves
/// the result.
fn rebuild(root: &Path, shared: &Shared, verb: &str, inputs: Option<String>) {
    let started = Instant::now();
    let built = build(root, &locked(&shared.earlier));
    // A failed build is tried again whatever the next change: it may have
    // failed for a file that was there only for a moment.
    *locked(&shared.inputs) = inputs.filter(|_| built.is_ok());
    match built {
        Ok(output) => {
            let (snapshot, earlier) = snapshot_of(&output);
            *locked(&shared.earlier) = earlier;
            let count = snapshot.files.len();
            shared.replace(snapshot);
            let _ = shared.events.send(Change::Reload);
            crate::console::status(&format!(
                "{verb}: {count} files in {:.2}s",
                started.elapsed().as_secs_f64()
            ));
        }
        Err(text) => {
            crate::console::tell_raw(&text);
            crate::console::say("error: the build failed; still serving the last good build");
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
///
/// On a loopback `host` (the default) only requests naming a loopback host
/// are answered; on any other address, every `Host` (see [`Hosts`]).
pub(crate) fn run(root: &Path, host: IpAddr, port: u16, open: bool) -> anyhow::Result<()> {
    let watching = Watching::start(root)?;
    let shared = Shared::load(root);
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
        crate::console::say(&format!(
            "serving {} on {url} (Ctrl-C stops)",
            root.display()
        ));
        watching.rebuild_on_change(root.to_path_buf(), shared.clone());
        if open && let Err(e) = opener::open(&url) {
            crate::console::tell(&format!("warning: cannot open a browser: {e}"));
        }
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
            crate::console::status("stopped");
            // Event streams stay open while pages are; do not wait for them.
            std::process::exit(0);
        };
        serve(listener, shared, ServeOptions::for_address(host), shutdown).await?;
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
    fn a_folder_redirect_is_a_path_on_this_host() {
        assert_eq!(folder_location("/en"), "/en/");
        assert_eq!(folder_location("/zh-CN/codes"), "/zh-CN/codes/");
        assert_eq!(folder_location("/%E7%BC%96"), "/%E7%BC%96/");
        // `//host` and `/\host` are other hosts to a browser.
        assert_eq!(folder_location("//en"), "/en/");
        assert_eq!(folder_location("//evil.example"), "/evil.example/");
        assert_eq!(folder_location("///evil.example//x"), "/evil.example/x/");
        assert_eq!(folder_location("/\\evil.example"), "/evil.example/");
        assert_eq!(folder_location("/\\/evil.example"), "/evil.example/");
        for raw in ["//en", "/\\evil.example", "////a", "/", ""] {
            let location = folder_location(raw);
            assert!(
                location.starts_with('/') && !location.starts_with("//"),
                "{raw}: {location}"
            );
            assert!(!location.contains('\\'), "{raw}: {location}");
        }
    }

    #[test]
    fn loopback_hosts_are_told_from_others() {
        for host in [
            "localhost",
            "localhost:8000",
            "LOCALHOST:8000",
            "localhost:",
            "127.0.0.1",
            "127.0.0.1:8000",
            "127.1.2.3:80",
            "[::1]",
            "[::1]:8000",
            "[0:0:0:0:0:0:0:1]:8000",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "",
            "evil.example",
            "evil.example:8000",
            "localhost.evil.example",
            "evil.localhost.example",
            "127.0.0.1.evil.example",
            "localhost:8000x",
            "localhost:80:80",
            "localhost@evil.example",
            "user@localhost",
            "10.0.0.1:8000",
            "0.0.0.0:8000",
            "[::]:8000",
            "[::2]:8000",
            "[::1",
            "[::1]x",
            "::1",
            "[::ffff:127.0.0.1]:8000",
            "127.1",
        ] {
            assert!(!is_loopback_host(host), "{host}");
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
