use super::*;

fn warc_record(kind: &str, id: &str, uri: &str, block: &str) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {id}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
}

fn http(html: &str) -> String {
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}")
}

fn run(bytes: &[u8]) -> FileOutcome {
    let input = InputFile::from_path(std::path::Path::new("crawl.warc"));
    let mut out = FileOutcome::default();
    read_records(&input, bytes, &IngestConfig::default(), &mut out);
    out
}

const PAGE: &str = "<html><body><article><p>The harbour ferry will cost more from May, the council said on Monday after a long debate.</p></article></body></html>";

#[test]
fn response_records_become_documents() {
    let mut file = warc_record("warcinfo", "<urn:uuid:0>", "", "software: test");
    file += &warc_record(
        "request",
        "<urn:uuid:1>",
        "https://news.example/a",
        "GET /a HTTP/1.1\r\n\r\n",
    );
    file += &warc_record(
        "response",
        "<urn:uuid:2>",
        "https://news.example/a?utm_source=x",
        &http(PAGE),
    );
    let out = run(file.as_bytes());
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    assert_eq!(out.documents.len(), 1);
    let doc = &out.documents[0];
    assert_eq!(doc.id, "<urn:uuid:2>");
    assert_eq!(doc.format, Format::Warc);
    assert_eq!(doc.meta.url.as_deref(), Some("https://news.example/a"));
    assert!(doc.body.contains("harbour ferry"));
}

#[test]
fn publication_time_comes_from_the_page_never_from_warc_date() {
    let timed = PAGE.replace(
        "<html>",
        "<html><head><meta property=\"article:published_time\" content=\"2024-03-04T18:00:00-05:00\"></head>",
    );
    let mut file = warc_record(
        "response",
        "<urn:uuid:1>",
        "https://news.example/a",
        &http(PAGE),
    );
    file += &warc_record(
        "response",
        "<urn:uuid:2>",
        "https://news.example/b",
        &http(&timed),
    );
    let out = run(file.as_bytes());
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let times: Vec<_> = out
        .documents
        .iter()
        .map(|d| (d.meta.date.as_deref(), d.meta.published.as_deref()))
        .collect();
    assert_eq!(
        times,
        [
            (None, None),
            (Some("2024-03-04"), Some("2024-03-04T18:00:00-05:00"))
        ]
    );
}

#[test]
fn truncated_warc_keeps_earlier_records() {
    let mut file = warc_record(
        "response",
        "<urn:uuid:2>",
        "https://news.example/a",
        &http(PAGE),
    );
    file += "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\nshort";
    let out = run(file.as_bytes());
    assert_eq!(out.documents.len(), 1);
    assert_eq!(out.errors.len(), 1, "{:?}", out.errors);
    assert!(out.errors[0]
        .to_string()
        .starts_with("crawl.warc: bad WARC data after record 1"));
}

#[test]
fn http_errors_and_chunked_bodies() {
    assert_eq!(http_payload(b"HTTP/1.1 404 Not Found\r\n\r\nnope"), None);
    let chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
    assert_eq!(http_payload(chunked).as_deref(), Some(&b"hello world"[..]));
}

/// Found by `fuzz/fuzz_targets/warc.rs`: the warc crate's `Record::header` unwraps
/// `String::from_utf8` on the header value and panicked on a non-UTF-8 `WARC-Target-URI`.
#[test]
fn non_utf8_target_uri_does_not_panic() {
    let mut file = warc_record(
        "response",
        "<urn:uuid:9>",
        "https://news.example/\u{1}",
        &http(PAGE),
    )
    .into_bytes();
    let at = file.iter().position(|&b| b == 1).expect("marker byte");
    file[at] = 0xBF;
    let out = run(&file);
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    assert_eq!(out.documents.len(), 1);
    let url = out.documents[0].meta.url.as_deref().unwrap_or_default();
    assert!(url.starts_with("https://news.example/"), "{url}");
}

/// A WARC file of `n` response records with distinct pages.
fn crawl(n: usize) -> String {
    (0..n)
        .map(|i| {
            let page = PAGE.replace("May", &format!("May {i}"));
            warc_record(
                "response",
                &format!("<urn:uuid:{i}>"),
                &format!("https://news.example/{i}"),
                &http(&page),
            )
        })
        .collect()
}

fn streamed(bytes: &[u8], block: usize) -> (FileOutcome, usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc");
    std::fs::write(&path, bytes).unwrap();
    let input = InputFile::from_path(&path);
    let cfg = IngestConfig {
        stream_block_bytes: block,
        ..IngestConfig::default()
    };
    let crate::stream::Opened::Warc(mut s) = crate::stream::open(&input, &cfg).unwrap() else {
        panic!("not streamed as WARC")
    };
    let (mut out, mut batches) = (FileOutcome::default(), 0);
    while let Some(batch) = s.next_batch() {
        batches += 1;
        batch
            .records
            .into_iter()
            .for_each(|r| read_record(&input, r, &cfg, &mut out));
        out.errors.extend(batch.error);
    }
    (out, batches)
}

#[test]
fn a_streamed_warc_gives_the_documents_read_in_memory() {
    let file = crawl(12);
    let (out, batches) = streamed(file.as_bytes(), 600);
    assert!(batches >= 4, "{batches} batches");
    let whole = run(file.as_bytes());
    let ids = |o: &FileOutcome| o.documents.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&out), ids(&whole));
    assert_eq!(out.documents.len(), 12);
    let bodies = |o: &FileOutcome| {
        o.documents
            .iter()
            .map(|d| d.body.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(bodies(&out), bodies(&whole));
}

#[test]
fn a_damaged_streamed_warc_keeps_the_records_before_the_damage() {
    let mut file = crawl(6);
    file += "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: nonsense\r\n\r\n";
    file += &crawl(2);
    let (out, _) = streamed(file.as_bytes(), 600);
    assert_eq!(out.documents.len(), 6);
    assert_eq!(out.errors.len(), 1, "{:?}", out.errors);
    assert!(out.errors[0].to_string().contains("crawl.warc"));
}
