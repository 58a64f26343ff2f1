//! `errdoc serve` against hostile clients: a client that sends its headers
//! slowly is dropped, connections beyond the limit wait, a folder redirect
//! never names another host, and on loopback a request for another host
//! (DNS rebinding) is refused, the live-reload stream included.
//!
//! Each test runs the real server (`errdoc::testing::serve`) on 127.0.0.1:0
//! and speaks raw HTTP/1.1 over a `TcpStream`, so that nothing normalizes the
//! request on the way.
#![cfg(feature = "serve")]
// Helpers of tests: a failure should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::io::{ErrorKind, Read as _, Write as _};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use errdoc::testing::{Hosts, ServeOptions, Shared};

const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// A server on a free loopback port, serving the base fixture; stopped
/// when dropped.
struct Server {
    address: SocketAddr,
    _runtime: tokio::runtime::Runtime,
    _project: tempfile::TempDir,
}

impl Server {
    fn start(options: ServeOptions) -> Server {
        let project = support::project(None);
        let shared = Shared::load(project.path());
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind((LOOPBACK, 0)))
            .unwrap();
        let address = listener.local_addr().unwrap();
        runtime.spawn(errdoc::testing::serve(
            listener,
            shared,
            options,
            std::future::pending(),
        ));
        Server {
            address,
            _runtime: runtime,
            _project: project,
        }
    }

    /// The server with the options `serve` uses on 127.0.0.1.
    fn on_loopback() -> Server {
        Server::start(ServeOptions::for_address(LOOPBACK))
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(self.address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        stream
    }

    /// Sends `head` (request line and headers, without the blank line) and
    /// returns the whole answer.
    fn exchange(&self, head: &str) -> Answer {
        let mut stream = self.connect();
        write!(stream, "{head}\r\nConnection: close\r\n\r\n").unwrap();
        let mut bytes = Vec::new();
        let mut buffer = [0u8; 8192];
        loop {
            let n = stream.read(&mut buffer).unwrap();
            bytes.extend_from_slice(&buffer[..n]);
            let text = String::from_utf8_lossy(&bytes);
            // An event stream never ends: its head is the answer.
            let endless = text
                .split_once("\r\n\r\n")
                .is_some_and(|(head, _)| head.contains("text/event-stream"));
            if n == 0 || endless {
                return Answer::parse(&text);
            }
        }
    }

    /// `GET path` naming `host` in the `Host` header.
    fn get(&self, path: &str, host: &str) -> Answer {
        self.exchange(&format!("GET {path} HTTP/1.1\r\nHost: {host}"))
    }

    /// `host:port` of the server, as a browser writes it in `Host`.
    fn authority(&self) -> String {
        self.address.to_string()
    }
}

/// A parsed HTTP response.
#[derive(Debug)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn parse(text: &str) -> Answer {
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((text, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("not an HTTP response: {text:?}"));
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Answer {
            status,
            headers,
            body: body.to_string(),
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Whether the server has closed `stream`: a read ends (EOF or reset)
/// instead of timing out. Data the server sent is skipped.
fn closed_by_server(stream: &mut TcpStream) -> bool {
    let mut buffer = [0u8; 4096];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return false;
            }
            Err(_) => return true,
        }
    }
}

// ---- 1. slow headers (slowloris) and the connection limit -------------

#[test]
fn a_client_that_sends_its_headers_slowly_is_dropped() {
    let server = Server::start(ServeOptions {
        header_timeout: Duration::from_secs(1),
        ..ServeOptions::for_address(LOOPBACK)
    });
    let host = server.authority();
    let mut stream = server.connect();
    stream
        .set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    let started = Instant::now();
    write!(stream, "GET /en/ HTTP/1.1\r\nHost: {host}\r\n").unwrap();
    // One header line every 100 ms, never the blank line that ends them:
    // the connection stays busy, but its headers never complete.
    let mut line = 0;
    let dropped_after = loop {
        if closed_by_server(&mut stream) {
            break started.elapsed();
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "a client sending a header line every 100 ms still holds the connection after 5 s"
        );
        line += 1;
        if write!(stream, "X-Slow-{line}: a\r\n").is_err() {
            break started.elapsed();
        }
    };
    eprintln!(
        "slow client dropped after {:.2}s",
        dropped_after.as_secs_f64()
    );
    assert!(
        dropped_after >= Duration::from_millis(900),
        "dropped by the header timeout, not at once: {dropped_after:?}"
    );
    assert!(
        dropped_after < Duration::from_secs(3),
        "the 1 s header timeout took {dropped_after:?}"
    );
}

#[test]
fn a_silent_connection_is_dropped_too() {
    let server = Server::start(ServeOptions {
        header_timeout: Duration::from_secs(1),
        ..ServeOptions::for_address(LOOPBACK)
    });
    let mut stream = server.connect();
    let started = Instant::now();
    assert!(
        closed_by_server(&mut stream),
        "a connection that sends nothing is still open after 5 s"
    );
    let after = started.elapsed();
    assert!(
        (Duration::from_millis(900)..Duration::from_secs(3)).contains(&after),
        "{after:?}"
    );
}

#[test]
fn the_event_stream_outlives_the_header_timeout() {
    let server = Server::start(ServeOptions {
        header_timeout: Duration::from_secs(1),
        ..ServeOptions::for_address(LOOPBACK)
    });
    let host = server.authority();
    let mut stream = server.connect();
    write!(
        stream,
        "GET /__errdoc/events HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let mut seen = String::new();
    let mut buffer = [0u8; 4096];
    while !seen.contains("event: ok") {
        let n = stream.read(&mut buffer).unwrap();
        assert!(n > 0, "the event stream ended: {seen:?}");
        seen.push_str(&String::from_utf8_lossy(&buffer[..n]));
    }
    assert!(seen.starts_with("HTTP/1.1 200"), "{seen}");
    std::thread::sleep(Duration::from_millis(1500));
    stream
        .set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    assert!(
        !closed_by_server(&mut stream),
        "the header timeout must not end an answered request (the live-reload stream)"
    );
}

#[test]
fn connections_beyond_the_limit_wait_for_a_free_slot() {
    let server = Server::start(ServeOptions {
        max_connections: 2,
        ..ServeOptions::for_address(LOOPBACK)
    });
    let host = server.authority();
    let first = server.connect();
    let _second = server.connect();
    let mut third = server.connect();
    write!(
        third,
        "GET /en/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    third
        .set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let mut buffer = [0u8; 64];
    match third.read(&mut buffer) {
        Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
        other => panic!("a third connection was served while two were open: {other:?}"),
    }
    drop(first);
    third
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut answer = Vec::new();
    third.read_to_end(&mut answer).unwrap();
    let answer = Answer::parse(&String::from_utf8_lossy(&answer));
    assert_eq!(answer.status, 200, "served once a slot is free");
}

// ---- 2. folder redirects stay on this host -----------------------------

#[test]
fn a_folder_redirect_is_a_path_on_this_host() {
    let server = Server::on_loopback();
    let host = server.authority();
    for (path, location) in [
        ("/en", "/en/"),
        ("/zh-CN", "/zh-CN/"),
        ("//en", "/en/"),
        ("///en", "/en/"),
        ("//zh-CN", "/zh-CN/"),
    ] {
        let answer = server.get(path, &host);
        assert_eq!(answer.status, 308, "{path}: {answer:?}");
        assert_eq!(answer.header("location"), Some(location), "{path}");
    }
    for path in [
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "/\\/evil.example",
        "/%2F%2Fevil.example",
        "/%5Cevil.example",
        "//en/..",
    ] {
        let answer = server.get(path, &host);
        if let Some(location) = answer.header("location") {
            assert!(
                location.starts_with('/')
                    && !location.starts_with("//")
                    && !location.starts_with("/\\"),
                "{path}: Location {location:?} names another host"
            );
        }
    }
}

// ---- 3. the Host check (DNS rebinding) ---------------------------------

#[test]
fn on_loopback_a_request_for_another_host_is_refused() {
    let server = Server::on_loopback();
    let port = server.address.port();
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
        format!("[::2]:{port}"),
        format!("10.0.0.1:{port}"),
        format!("localhost:{port}x"),
        "localhost@evil.example".to_string(),
        String::new(),
    ] {
        for path in ["/en/", "/__errdoc/events", "/en", "/nothing-here"] {
            let answer = server.get(path, &host);
            assert_eq!(answer.status, 403, "Host {host:?}, {path}: {answer:?}");
            assert_eq!(
                answer.header("content-type"),
                Some("text/plain; charset=utf-8"),
                "Host {host:?}, {path}"
            );
            assert!(answer.body.contains("--host"), "{}", answer.body);
            assert_eq!(answer.header("location"), None, "{path}");
        }
    }
    // No Host at all (HTTP/1.0), and an absolute URL naming another host.
    let answer = server.exchange("GET /en/ HTTP/1.0");
    assert_eq!(answer.status, 403, "no Host: {answer:?}");
    let answer = server.exchange(&format!(
        "GET http://evil.example/en/ HTTP/1.1\r\nHost: 127.0.0.1:{port}"
    ));
    assert_eq!(answer.status, 403, "absolute URL: {answer:?}");
}

#[test]
fn on_loopback_loopback_names_are_served() {
    let server = Server::on_loopback();
    let port = server.address.port();
    for host in [
        format!("127.0.0.1:{port}"),
        "127.0.0.1".to_string(),
        format!("localhost:{port}"),
        "localhost".to_string(),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
        "[::1]".to_string(),
    ] {
        let answer = server.get("/en/", &host);
        assert_eq!(answer.status, 200, "Host {host:?}: {answer:?}");
        assert!(answer.body.contains("/__errdoc/events"), "Host {host:?}");
    }
    let answer = server.exchange(&format!(
        "GET http://localhost:{port}/en/ HTTP/1.1\r\nHost: localhost:{port}"
    ));
    assert_eq!(answer.status, 200, "absolute URL: {answer:?}");
}

#[test]
fn a_shared_preview_accepts_any_host() {
    let server = Server::start(ServeOptions {
        hosts: Hosts::Any,
        ..ServeOptions::for_address(LOOPBACK)
    });
    let answer = server.get("/en/", "preview.example:8000");
    assert_eq!(answer.status, 200, "{answer:?}");
    let answer = server.get("/__errdoc/events", "192.168.1.20:8000");
    assert_eq!(answer.status, 200, "{answer:?}");
}

#[test]
fn the_host_check_follows_the_address() {
    for (address, hosts) in [
        (LOOPBACK, Hosts::Loopback),
        (IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)), Hosts::Loopback),
        (IpAddr::V6(Ipv6Addr::LOCALHOST), Hosts::Loopback),
        (IpAddr::V4(Ipv4Addr::UNSPECIFIED), Hosts::Any),
        (IpAddr::V6(Ipv6Addr::UNSPECIFIED), Hosts::Any),
        (IpAddr::V4(Ipv4Addr::new(192, 168, 1, 20)), Hosts::Any),
    ] {
        assert_eq!(ServeOptions::for_address(address).hosts, hosts, "{address}");
    }
}
