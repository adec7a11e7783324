//! The UI in a real browser: Debian's `chromium` driven by `chromedriver` over the
//! WebDriver protocol (plain JSON over HTTP, a few lines below). The server runs in this
//! process on a loopback port over an index of `examples/` (a screenshot of that goes to
//! `docs/` with `SAMESTORY_UPDATE_DOCS=1`), then of `../shared/seeds` too when present.
//! The test opens the story list, clicks into the multi-source story and checks its
//! sources and a highlighted reprinted passage, checks the badge and the numbers table of
//! the story whose numbers disagree, then pastes a copy of one of the first story's articles
//! and sees it placed in its group. With the seeds indexed (always under CI) that is one
//! story: the seeds' five sources, their troop numbers disagreeing and a reprint among them;
//! in `examples/` alone no one story has both, so two are checked.
//!
//! Outside CI a machine without chromedriver skips with a message; under `CI` it fails.

#![allow(clippy::print_stderr)]

use samestory_core::{Config, Document};
use samestory_ingest::{IngestError, IngestWarning};
use samestory_server::{AppState, ServerOptions};
use samestory_store::{Index, IndexBuilder};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

#[test]
fn the_ui_in_chromium() {
    let Some(driver) = on_path("chromedriver") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromedriver is missing under CI (.ci/run installs chromium-driver)"
        );
        eprintln!(
            "skipping: chromedriver not installed (apt-get install -y chromium chromium-driver)"
        );
        return;
    };
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = tempfile::tempdir().unwrap();
    let index = Arc::new(
        IndexBuilder::new(Config::default())
            .open(&dir.path().join("index.redb"))
            .unwrap(),
    );
    add_paths(&index, &[repo.join("examples")]);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::new(
        Arc::clone(&index),
        Config::default(),
        &ServerOptions::default(),
    );
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = runtime.spawn(samestory_server::serve(listener, state, async {
        let _ = stopped.await;
    }));
    let chrome = Driver::start(&driver);
    let base = format!("http://{addr}/");

    // Among the examples: the story with the most sources (reprints among them), and the
    // multi-outlet story whose numbers disagree.
    let stories = get_json(addr, "/api/stories?limit=500");
    let stories = stories["stories"].as_array().unwrap().clone();
    let pick = |disagree: bool| {
        stories
            .iter()
            .filter(|s| s["outlets"].as_u64() > Some(1))
            .filter(|s| !disagree || s["numbers_disagree"] == true)
            .max_by_key(|s| (s["documents"].as_u64(), s["outlets"].as_u64()))
            .map(|s| s["id"].as_str().unwrap().to_string())
    };
    let mut multi = pick(false).expect("a multi-source story");
    let mut disagreeing = pick(true).expect("a multi-source story whose numbers disagree");
    // The multi-source story of examples/ only: the README's screenshot.
    chrome.go(&format!("{base}#/story/{}", encode(&multi)));
    chrome.wait(
        "the story",
        "return document.querySelectorAll('#story article.doc').length > 1",
    );
    chrome.run("window.scrollTo(0, 0); return true;");
    let png = chrome.screenshot();
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("serve-ui.png");
    std::fs::write(&tmp, &png).unwrap();
    if std::env::var_os("SAMESTORY_UPDATE_DOCS").is_some() {
        std::fs::write(repo.join("docs/serve-ui.png"), &png).unwrap();
    }
    if let Some(seeds) = samestory_testkit::seeds_dir() {
        add_paths(&index, &[seeds]);
        for id in [&mut multi, &mut disagreeing] {
            let now = get_json(addr, &format!("/api/stories/{}", encode(id)));
            if now["status"] == "moved" {
                *id = now["story"].as_str().unwrap().to_string();
            }
        }
        // The seeds' story has every part: many sources, a reprint, numbers that disagree.
        let stories = get_json(addr, "/api/stories?limit=500");
        let both = stories["stories"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["outlets"].as_u64() > Some(1) && s["numbers_disagree"] == true)
            .filter(|s| s["documents"].as_u64() >= Some(3))
            .max_by_key(|s| s["documents"].as_u64())
            .map(|s| s["id"].as_str().unwrap().to_string())
            .expect("the seeds' story: several sources whose numbers disagree");
        multi = both.clone();
        disagreeing = both;
    }
    let full = get_json(addr, &format!("/api/stories/{}", encode(&multi)));
    let docs = full["view"]["docs"].as_array().unwrap().clone();

    // The list: the disagreement is badged; click into the multi-source story.
    chrome.go(&format!("{base}#/"));
    chrome.wait(
        "the story list",
        "return document.querySelectorAll('#stories li').length > 0",
    );
    let badge = chrome.text(&format!(
        "li[data-story=\"{}\"] .badge",
        css_escape(&disagreeing)
    ));
    assert_eq!(badge, "numbers disagree");
    chrome.assert_labelled("the story list");
    // By keyboard: focus the story's link and press Enter.
    let link = chrome.find(&format!("li[data-story=\"{}\"] a", css_escape(&multi)));
    chrome.run_with(
        "arguments[0].focus(); return true;",
        json!([element(&link)]),
    );
    chrome.press_enter();
    chrome.wait(
        "the story's sources",
        &format!(
            "return document.querySelectorAll('#story article.doc').length === {}",
            docs.len()
        ),
    );
    chrome.assert_labelled("the story page");
    let page = chrome.text("#story");
    for d in &docs {
        let title = d["title"].as_str().or(d["id"].as_str()).unwrap();
        assert!(page.contains(title), "source {title:?} not shown");
    }
    let marks = chrome.run("return Array.from(document.querySelectorAll('#story mark.reprint')).map((m) => m.textContent.length)");
    let longest = marks
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_u64)
        .max();
    assert!(
        longest > Some(40),
        "no highlighted reprinted passage: {marks}"
    );

    // A document of it: body, metadata, removed boilerplate, relations with evidence.
    let first = docs[0]["id"].as_str().unwrap().to_string();
    let link = chrome.find(&format!(
        ".doc-links a[href=\"#/doc/{}\"]",
        css_escape(&encode(&first))
    ));
    chrome.click(&link);
    chrome.wait(
        "the document",
        "return document.querySelectorAll('#main section').length >= 5",
    );
    let page = chrome.text("#main");
    for seen in [
        "Clean body",
        "Relations and their evidence",
        "Removed boilerplate",
        &first,
    ] {
        assert!(page.contains(seen), "{seen:?} not on the document page");
    }

    // The disagreeing story: its numbers table marks the disagreement.
    chrome.go(&format!("{base}#/"));
    chrome.wait(
        "the story list",
        "return document.querySelectorAll('#stories li').length > 0",
    );
    let link = chrome.find(&format!(
        "li[data-story=\"{}\"] a",
        css_escape(&disagreeing)
    ));
    chrome.click(&link);
    chrome.wait(
        "the numbers table",
        "return document.querySelector('#story table') !== null",
    );
    let disagree = chrome.text("#story tbody.disagree .status-disagree");
    assert_eq!(disagree, "disagree");
    let id = multi;

    // Paste a copy of one of its articles: it belongs in that story, with its group.
    let source = docs
        .iter()
        .find(|d| d["body"].as_str().is_some_and(|b| b.len() > 200))
        .unwrap();
    let source_id = source["id"].as_str().unwrap();
    chrome.go(&format!("{base}#/add"));
    chrome.wait(
        "the paste box",
        "return document.getElementById('paste') !== null",
    );
    chrome.assert_labelled("the paste box");
    let paste = chrome.find("#paste");
    chrome.run_with(
        "arguments[0].value = arguments[1];",
        json!([element(&paste), source["body"]]),
    );
    chrome.type_into(&chrome.find("#id"), "pasted-copy");
    chrome.click(&chrome.find("#place"));
    chrome.wait(
        "the placement",
        "return document.getElementById('placement-story') !== null",
    );
    let placed = chrome.text("#placement");
    assert!(placed.contains("joins"), "not placed in a story: {placed}");
    assert!(
        placed.contains(source_id),
        "not placed with {source_id}: {placed}"
    );
    let before = get_json(addr, "/api/health")["documents"].as_u64().unwrap();
    chrome.click(&chrome.find("#add"));
    chrome.wait(
        "the add",
        "return document.getElementById('added') !== null",
    );
    assert_eq!(
        get_json(addr, "/api/health")["documents"].as_u64(),
        Some(before + 1)
    );
    let added = get_json(addr, "/api/documents/pasted-copy");
    assert_eq!(added["document"]["story"].as_str(), Some(id.as_str()));

    chrome.quit();
    let _ = stop.send(());
    runtime.block_on(server).unwrap().unwrap();
}

/// Reads inputs as the CLI does (ingest through the pipeline) and adds them.
fn add_paths(index: &Index, paths: &[PathBuf]) {
    struct Quiet;
    impl samestory_pipeline::ReadEvents for Quiet {
        fn error(&self, _: &IngestError) {}
        fn warning(&self, _: &IngestWarning) {}
    }
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let corpus = samestory_pipeline::read_inputs(&paths, &Config::default(), &Quiet).unwrap();
    let docs: Vec<Document> = corpus
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| Document {
            body: corpus.bodies.body(i).unwrap(),
            ..d.clone()
        })
        .collect();
    index.add(docs, 0).unwrap();
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

fn encode(s: &str) -> String {
    samestory_report::page::encode_uri_component(s)
}

fn css_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn element(id: &str) -> Value {
    json!({ ELEMENT: id })
}

fn get_json(addr: SocketAddr, path: &str) -> Value {
    let (status, body) = http(addr, "GET", path, None);
    assert_eq!(status, 200, "{path}: {body}");
    body
}

/// One HTTP/1.1 request with a JSON body, answered as JSON (the connection closed after).
fn http(addr: SocketAddr, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    // Read the head, then exactly the body (a server may keep the connection open).
    let split = loop {
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let n = stream.read(&mut buf).unwrap();
        assert!(n > 0, "{method} {path}: connection closed before the head");
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    let mut payload = raw[split + 4..].to_vec();
    match length {
        Some(len) => {
            while payload.len() < len {
                let n = stream.read(&mut buf).unwrap();
                assert!(n > 0, "{method} {path}: body cut short");
                payload.extend_from_slice(&buf[..n]);
            }
        }
        None => {
            stream.read_to_end(&mut payload).unwrap();
            if head.contains("transfer-encoding: chunked") {
                payload = dechunk(&payload);
            }
        }
    }
    let value = serde_json::from_slice(&payload).unwrap_or(Value::Null);
    (status, value)
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = data.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&data[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 4 + size..];
    }
    out
}

/// A chromedriver process and one headless chromium session.
struct Driver {
    _child: KillOnDrop,
    addr: SocketAddr,
    session: String,
    _profile: tempfile::TempDir,
}

impl Driver {
    fn start(path: &Path) -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        // Held from the start: a failed start below still ends the process.
        let child = KillOnDrop(
            Command::new(path)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("chromedriver starts"),
        );
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(addr).is_err()
            || http(addr, "GET", "/status", None).1["value"]["ready"] != true
        {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let mut options = json!({"args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--window-size=1280,900", format!("--user-data-dir={}", profile.path().display())
        ]});
        if let Some(binary) = on_path("chromium") {
            options["binary"] = json!(binary);
        }
        let caps = json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}});
        let (status, answer) = http(addr, "POST", "/session", Some(&caps));
        assert_eq!(status, 200, "new session: {answer}");
        let session = answer["value"]["sessionId"].as_str().unwrap().to_string();
        let driver = Driver {
            _child: child,
            addr,
            session,
            _profile: profile,
        };
        driver.command(
            "POST",
            "timeouts",
            json!({"implicit": 5000, "script": 20000, "pageLoad": 20000}),
        );
        driver
    }

    fn command(&self, method: &str, what: &str, body: Value) -> Value {
        let path = format!("/session/{}/{what}", self.session);
        let body = (method == "POST").then_some(&body);
        let (status, answer) = http(self.addr, method, &path, body);
        assert_eq!(status, 200, "{method} {what}: {answer}");
        answer["value"].clone()
    }

    fn go(&self, url: &str) {
        self.command("POST", "url", json!({"url": url}));
    }

    fn find(&self, css: &str) -> String {
        let found = self.command(
            "POST",
            "element",
            json!({"using": "css selector", "value": css}),
        );
        found[ELEMENT].as_str().unwrap().to_string()
    }

    fn click(&self, element: &str) {
        self.command("POST", &format!("element/{element}/click"), json!({}));
    }

    fn type_into(&self, element: &str, text: &str) {
        self.command(
            "POST",
            &format!("element/{element}/value"),
            json!({"text": text}),
        );
    }

    fn text(&self, css: &str) -> String {
        let element = self.find(css);
        self.command("GET", &format!("element/{element}/text"), Value::Null)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn run(&self, script: &str) -> Value {
        self.run_with(script, json!([]))
    }

    fn run_with(&self, script: &str, args: Value) -> Value {
        self.command(
            "POST",
            "execute/sync",
            json!({"script": script, "args": args}),
        )
    }

    /// Polls `script` (which returns a boolean) until it is true, for up to 20 s.
    fn wait(&self, what: &str, script: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.run(script) != true {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Presses and releases Enter on the focused element.
    fn press_enter(&self) {
        let keys = json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": "\u{E007}"}, {"type": "keyUp", "value": "\u{E007}"}
        ]}]});
        self.command("POST", "actions", keys);
    }

    /// Every form control has a label, every button and link a name, every image a text.
    fn assert_labelled(&self, page: &str) {
        let bad = self.run(
            "const out = [];
             for (const c of document.querySelectorAll('input, textarea, select'))
               if (!c.labels || !c.labels.length) out.push('unlabelled ' + (c.id || c.name));
             for (const b of document.querySelectorAll('button, a[href]'))
               if (!b.textContent.trim() && !b.getAttribute('aria-label')) out.push('nameless ' + b.outerHTML);
             for (const i of document.querySelectorAll('[role=img], img'))
               if (!i.getAttribute('aria-label') && !i.getAttribute('alt')) out.push('no text ' + i.outerHTML.slice(0, 80));
             return out;",
        );
        assert_eq!(bad, json!([]), "on {page}");
    }

    fn screenshot(&self) -> Vec<u8> {
        use base64::Engine;
        let data = self.command("GET", "screenshot", Value::Null);
        base64::engine::general_purpose::STANDARD
            .decode(data.as_str().unwrap())
            .unwrap()
    }

    fn quit(&self) {
        let path = format!("/session/{}", self.session);
        let _ = http(self.addr, "DELETE", &path, None);
    }
}

impl Drop for Driver {
    /// Ends the session (closing chromium) before chromedriver is ended, also when a test
    /// fails midway.
    fn drop(&mut self) {
        self.quit();
    }
}

/// The chromedriver process, ended when dropped (also when a test fails).
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
