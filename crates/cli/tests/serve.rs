//! `samestory serve` as a binary: it serves an index built by `index add` on the address
//! given, refuses writes with `--read-only`, and stops cleanly on SIGTERM (graceful
//! shutdown, exit status 0). The API itself is tested without a socket in
//! samestory-server's `tests/api.rs`.
#![cfg(unix)]

mod util;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One request on a fresh connection; the status and the body.
fn request(addr: SocketAddr, head: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "{head} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or_default();
    (status, body.to_string())
}

#[test]
fn serve_answers_refuses_writes_when_read_only_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index.redb");
    let index = index.to_str().unwrap();
    let examples = util::examples_dir();
    let out = util::run(&["index", "add", examples.to_str().unwrap(), "--index", index]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let mut child = util::samestory()
        .args(["serve", "--index", index, "--read-only", "--bind"])
        .arg(addr.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(addr).is_err() {
        assert!(Instant::now() < deadline, "the server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }

    let (status, health) = request(addr, "GET /api/health", "");
    assert_eq!(status, 200, "{health}");
    let health: serde_json::Value = serde_json::from_str(&health).unwrap();
    assert_eq!(health["documents"], 15);
    assert_eq!(health["read_only"], true);
    let (status, refused) = request(addr, "POST /api/documents", r#"{"text": "Some news."}"#);
    assert_eq!(status, 403, "{refused}");
    let (status, page) = request(addr, "GET /", "");
    assert_eq!(status, 200);
    assert!(page.contains("<main id=\"main\""), "{page}");

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "the server did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut log = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    assert!(status.success(), "{status:?}: {log}");
    assert!(log.contains("listening on http://127.0.0.1:"), "{log}");
    assert!(log.contains("stopped"), "{log}");
    assert!(TcpStream::connect(addr).is_err(), "still listening");
}

#[test]
fn serving_a_missing_index_read_only_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.redb");
    let out = util::run(&["serve", "--read-only", "--index", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        util::stderr(&out).contains("no index here"),
        "{}",
        util::stderr(&out)
    );
    assert!(!missing.exists(), "read-only must not create an index");
}
