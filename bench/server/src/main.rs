//! `server-bench`: a load generator for `samestory serve`. It indexes a corpus (default
//! `examples/`) into a temporary index, starts the server in this process on a loopback
//! port, and drives the API with 64 concurrent keep-alive clients (hyper) for a bounded
//! time, twice: reads only (the story list, stories, documents), then reads mixed with
//! adds (one request in ten adds a new article). It prints requests/s, p50/p99 latency and
//! the error count per phase, then checks that every acknowledged add is in the index.
//!
//! Usage: `server-bench [--seconds N] [--clients N] [--add-every N] [CORPUS_DIR…]`.
//! Not part of the test suite.

#![allow(clippy::print_stdout)]

use anyhow::{bail, Context};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;
use samestory_core::{Config, Document};
use samestory_server::{AppState, ServerOptions};
use samestory_store::IndexBuilder;
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Options {
    seconds: u64,
    clients: usize,
    add_every: usize,
    corpus: Vec<String>,
}

fn options() -> anyhow::Result<Options> {
    let mut o = Options {
        seconds: 10,
        clients: 64,
        add_every: 10,
        corpus: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut number = |name: &str| -> anyhow::Result<u64> {
            let v = args
                .next()
                .with_context(|| format!("{name} needs a value"))?;
            v.parse().with_context(|| format!("{name} {v}"))
        };
        match a.as_str() {
            "--seconds" => o.seconds = number("--seconds")?,
            "--clients" => o.clients = number("--clients")? as usize,
            "--add-every" => o.add_every = number("--add-every")?.max(1) as usize,
            s if s.starts_with("--") => bail!("unknown flag {s}"),
            path => o.corpus.push(path.to_string()),
        }
    }
    if o.corpus.is_empty() {
        o.corpus
            .push(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples").into());
    }
    Ok(o)
}

fn main() -> anyhow::Result<()> {
    let o = options()?;
    let dir = tempfile::tempdir()?;
    let index = IndexBuilder::new(Config::default()).open(&dir.path().join("index.redb"))?;
    let docs = read_corpus(&o.corpus)?;
    let bodies: Vec<String> = docs.iter().map(|d| d.body.clone()).collect();
    index.add(docs, 0)?;
    let index = Arc::new(index);
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let state = AppState::new(
            Arc::clone(&index),
            Config::default(),
            &ServerOptions::default(),
        );
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(samestory_server::serve(listener, state, async {
            let _ = stopped.await;
        }));
        let targets = Arc::new(read_targets(addr).await?);
        let bodies = Arc::new(bodies);
        println!(
            "server-bench: {} documents, {} stories; {} clients, {} s per phase",
            index.counts()?.documents,
            index.counts()?.stories,
            o.clients,
            o.seconds
        );
        println!("| phase | requests | req/s | p50 ms | p99 ms | errors | adds acknowledged |");
        println!("|---|---:|---:|---:|---:|---:|---:|");
        let before = index.counts()?.documents;
        let reads = phase(addr, &o, &targets, &bodies, None).await;
        reads.print("reads");
        let mixed = phase(addr, &o, &targets, &bodies, Some(o.add_every)).await;
        mixed.print("reads + adds");
        let mut missing = 0;
        for id in &mixed.acknowledged {
            let (status, _) =
                request(addr, Method::GET, &format!("/api/documents/{id}"), None).await?;
            if status != 200 {
                missing += 1;
            }
        }
        let after = index.counts()?.documents;
        println!(
            "\nacknowledged adds: {}, missing afterwards: {missing}; documents {before} → {after}",
            mixed.acknowledged.len()
        );
        let _ = stop.send(());
        server.await??;
        if missing > 0 || after != before + mixed.acknowledged.len() as u64 {
            bail!("acknowledged adds were lost");
        }
        Ok(())
    })
}

/// The paths reads go to: the list, every story, every document.
async fn read_targets(addr: SocketAddr) -> anyhow::Result<Vec<String>> {
    let (_, page) = request(addr, Method::GET, "/api/stories?limit=500", None).await?;
    let mut targets = vec!["/api/stories".to_string(), "/api/health".to_string()];
    for s in page["stories"].as_array().into_iter().flatten() {
        let id = s["id"].as_str().unwrap_or_default();
        let id = encode(id);
        targets.push(format!("/api/stories/{id}"));
        let (_, story) = request(addr, Method::GET, &format!("/api/stories/{id}"), None).await?;
        for d in story["documents"].as_array().into_iter().flatten() {
            let doc = encode(d["id"].as_str().unwrap_or_default());
            targets.push(format!("/api/documents/{doc}"));
        }
    }
    Ok(targets)
}

/// A path segment, percent-encoded as `encodeURIComponent` does.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    /// The reads' latencies.
    reads: Vec<Duration>,
    /// The adds' latencies.
    adds: Vec<Duration>,
    errors: usize,
    acknowledged: Vec<String>,
    elapsed: Duration,
}

impl Tally {
    fn print(&self, name: &str) {
        let all: Vec<Duration> = self.reads.iter().chain(&self.adds).copied().collect();
        self.row(name, &all, self.errors);
        if !self.adds.is_empty() {
            self.row(&format!("{name}: the reads"), &self.reads, usize::MAX);
            self.row(&format!("{name}: the adds"), &self.adds, usize::MAX);
        }
    }

    fn row(&self, name: &str, latencies: &[Duration], errors: usize) {
        let mut l = latencies.to_vec();
        l.sort();
        let at = |q: f64| {
            l.get(((l.len() as f64 * q) as usize).min(l.len().saturating_sub(1)))
                .map_or(0.0, |d| d.as_secs_f64() * 1e3)
        };
        let errors = match errors {
            usize::MAX => "".to_string(),
            n => n.to_string(),
        };
        let acked = match name.contains(':') {
            true => String::new(),
            false => self.acknowledged.len().to_string(),
        };
        println!(
            "| {name} | {} | {:.0} | {:.1} | {:.1} | {errors} | {acked} |",
            l.len(),
            l.len() as f64 / self.elapsed.as_secs_f64(),
            at(0.5),
            at(0.99),
        );
    }
}

/// One phase: `o.clients` clients until the deadline; with `add_every`, every n-th request
/// of a client adds a new article.
async fn phase(
    addr: SocketAddr,
    o: &Options,
    targets: &Arc<Vec<String>>,
    bodies: &Arc<Vec<String>>,
    add_every: Option<usize>,
) -> Tally {
    let start = Instant::now();
    let deadline = start + Duration::from_secs(o.seconds);
    let mut tasks = Vec::new();
    for client in 0..o.clients {
        let (targets, bodies) = (Arc::clone(targets), Arc::clone(bodies));
        tasks.push(tokio::spawn(async move {
            client_loop(addr, client, deadline, &targets, &bodies, add_every).await
        }));
    }
    let mut tally = Tally::default();
    for t in tasks {
        match t.await {
            Ok(t) => {
                tally.reads.extend(t.reads);
                tally.adds.extend(t.adds);
                tally.errors += t.errors;
                tally.acknowledged.extend(t.acknowledged);
            }
            Err(_) => tally.errors += 1,
        }
    }
    tally.elapsed = start.elapsed();
    tally
}

async fn client_loop(
    addr: SocketAddr,
    client: usize,
    deadline: Instant,
    targets: &[String],
    bodies: &[String],
    add_every: Option<usize>,
) -> Tally {
    let mut tally = Tally::default();
    let mut conn = None;
    let mut n = 0usize;
    while Instant::now() < deadline {
        n += 1;
        let add = add_every.is_some_and(|k| n.is_multiple_of(k));
        let t0 = Instant::now();
        let result = if add {
            let id = format!("bench-{client}-{n}");
            let body = &bodies[(client + n) % bodies.len()];
            let article = json!({"id": id, "text": format!("{body}\n\nUpdate {client}.{n}: the desk added this line.")});
            send(
                &mut conn,
                addr,
                Method::POST,
                "/api/documents",
                Some(article.to_string()),
            )
            .await
            .map(|(s, v)| (s, Some(v["id"].as_str().unwrap_or(&id).to_string())))
        } else {
            let path = &targets[(client * 7 + n) % targets.len()];
            send(&mut conn, addr, Method::GET, path, None)
                .await
                .map(|(s, _)| (s, None))
        };
        match add {
            true => tally.adds.push(t0.elapsed()),
            false => tally.reads.push(t0.elapsed()),
        }
        match result {
            Ok((status, acked)) if (200..300).contains(&status) => {
                tally.acknowledged.extend(acked.filter(|_| add));
            }
            Ok(_) | Err(_) => {
                tally.errors += 1;
                conn = None;
            }
        }
    }
    tally
}

type Sender = hyper::client::conn::http1::SendRequest<Full<Bytes>>;

/// One request on the client's keep-alive connection (opened when missing).
async fn send(
    conn: &mut Option<Sender>,
    addr: SocketAddr,
    method: Method,
    path: &str,
    body: Option<String>,
) -> anyhow::Result<(u16, Value)> {
    if conn.as_ref().is_none_or(|c| c.is_closed()) {
        let stream = tokio::net::TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        let (sender, connection) =
            hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
        tokio::spawn(connection);
        *conn = Some(sender);
    }
    let sender = conn.as_mut().context("a connection")?;
    sender.ready().await?;
    let req = Request::builder()
        .method(method)
        .uri(path)
        .header("host", addr.to_string())
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from(body.unwrap_or_default())))?;
    let res = sender.send_request(req).await?;
    let status = res.status().as_u16();
    let bytes = res.into_body().collect().await?.to_bytes();
    Ok((
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    ))
}

/// One request on a fresh connection.
async fn request(
    addr: SocketAddr,
    method: Method,
    path: &str,
    body: Option<String>,
) -> anyhow::Result<(u16, Value)> {
    send(&mut None, addr, method, path, body).await
}

/// Reads a corpus as the CLI does.
fn read_corpus(paths: &[String]) -> anyhow::Result<Vec<Document>> {
    struct Quiet;
    impl samestory_pipeline::ReadEvents for Quiet {
        fn error(&self, _: &samestory_ingest::IngestError) {}
        fn warning(&self, _: &samestory_ingest::IngestWarning) {}
    }
    let corpus = samestory_pipeline::read_inputs(paths, &Config::default(), &Quiet)?;
    let mut docs = Vec::with_capacity(corpus.docs.len());
    for (i, d) in corpus.docs.iter().enumerate() {
        docs.push(Document {
            body: corpus.bodies.body(i)?,
            ..d.clone()
        });
    }
    Ok(docs)
}
