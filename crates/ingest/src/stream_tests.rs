//! Tests of `stream`: blocks of whole lines, line numbers, too-long lines, compression,
//! and the whole-file fallback.

use super::*;
use std::io::Write;

fn cfg(block: usize, max_line: usize) -> IngestConfig {
    IngestConfig {
        stream_block_bytes: block,
        max_line_bytes: max_line,
        ..IngestConfig::default()
    }
}

fn file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, InputFile) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let input = InputFile::from_path(&path);
    (dir, input)
}

fn blocks(opened: Opened) -> Vec<Result<LineBlock, IngestError>> {
    let Opened::Jsonl(mut s) = opened else {
        panic!("not streamed: {opened:?}")
    };
    std::iter::from_fn(|| s.next_block()).collect()
}

fn record(i: usize) -> String {
    format!("{{\"id\": \"r{i}\", \"text\": \"Record number {i} has some text.\"}}\n")
}

#[test]
fn blocks_hold_whole_lines_and_number_them() {
    let text: String = (1..=50).map(record).collect::<Vec<_>>().join("\n");
    let (_d, input) = file("a.jsonl", text.as_bytes());
    let got = blocks(open(&input, &cfg(300, 4096)).unwrap());
    assert!(got.len() > 3, "{} blocks", got.len());
    let mut numbered = Vec::new();
    for b in got {
        let b = b.unwrap();
        assert!(b.skipped.is_empty() && b.warning.is_none());
        numbered.extend(b.lines().map(|(n, l)| (n, l.to_string())));
    }
    let want: Vec<(usize, String)> = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect();
    assert_eq!(numbered, want);
}

#[test]
fn a_too_long_line_is_one_error_and_keeps_the_numbering() {
    let long = format!("{{\"id\": \"x\", \"text\": \"{}\"}}\n", "y".repeat(500));
    let text = format!("{}{}{}", record(1), long, record(3));
    let (_d, input) = file("b.jsonl", text.as_bytes());
    let got: Vec<LineBlock> = blocks(open(&input, &cfg(1 << 20, 200)).unwrap())
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let lines: Vec<usize> = got.iter().flat_map(|b| b.lines().map(|(n, _)| n)).collect();
    assert_eq!(lines, [1, 3]);
    let errors: Vec<String> = got
        .iter()
        .flat_map(|b| &b.skipped)
        .map(|e| e.to_string())
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("b.jsonl:2: line of 523 bytes"),
        "{}",
        errors[0]
    );
}

#[test]
fn gzip_jsonl_is_streamed_and_truncation_ends_it_with_an_error() {
    let text: String = (1..=200).map(record).collect();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let (_d, input) = file("c.jsonl.gz", &gz);
    let whole: usize = blocks(open(&input, &cfg(1000, 4096)).unwrap())
        .into_iter()
        .map(|b| b.unwrap().lines().count())
        .sum();
    assert_eq!(whole, 200);
    let (_d2, cut) = file("d.jsonl.gz", &gz[..gz.len() / 2]);
    let got = blocks(open(&cut, &cfg(1000, 4096)).unwrap());
    let last = got.last().unwrap();
    assert!(
        matches!(last, Err(IngestError::Decompress { codec: "gzip", .. })),
        "{last:?}"
    );
    assert!(got.len() > 1, "blocks before the damage are kept");
}

#[test]
fn other_inputs_come_back_whole() {
    let (_d, input) = file("e.txt", b"\n\nA title\n\nSome text that is not JSON.\n");
    match open(&input, &IngestConfig::default()).unwrap() {
        Opened::Bytes(b) => assert_eq!(b, b"\n\nA title\n\nSome text that is not JSON.\n"),
        other => panic!("streamed: {other:?}"),
    }
}

#[test]
fn invalid_bytes_are_replaced_with_one_warning() {
    let mut bytes = record(1).into_bytes();
    bytes.extend_from_slice(b"{\"id\": \"z\", \"text\": \"bad \xff byte\"}\n");
    bytes.extend_from_slice(b"{\"id\": \"w\", \"text\": \"and \xfe again\"}\n");
    let (_d, input) = file("f.jsonl", &bytes);
    let got: Vec<LineBlock> = blocks(open(&input, &cfg(40, 4096)).unwrap())
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(got.iter().filter(|b| b.warning.is_some()).count(), 1);
    assert!(got.iter().any(|b| b.text.contains("bad \u{fffd} byte")));
}

#[test]
fn endless_blanks_stop_at_the_file_limit() {
    let (_d, input) = file("g.txt", &vec![b' '; 5000]);
    let cfg = IngestConfig {
        max_file_bytes: 1000,
        max_line_bytes: 100,
        ..IngestConfig::default()
    };
    let err = open(&input, &cfg).unwrap_err();
    assert!(matches!(err, IngestError::TooLarge { .. }), "{err:?}");
}
