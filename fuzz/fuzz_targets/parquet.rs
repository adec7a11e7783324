//! A Parquet input's whole path after sniffing (`parquet::open`, then `read_stream`, as
//! `read_file` takes it): footer, column projection, row groups in blocks, each row through
//! the JSON Lines record path. The bytes are written to a
//! file (the reader seeks to the footer, so Parquet is read from a file, never a stream).
//! Never panics out of the reader; every document has an id. The reader catches the parquet
//! crate's own panics on damaged pages (`ingest::guard`: one error line instead). The panic
//! hook libfuzzer-sys installs aborts on any panic, caught or not, so it is wrapped to let
//! the caught ones pass; a panic that leaves the reader still aborts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samestory_core::IngestConfig;
use samestory_ingest::{parquet, InputFile};
use std::io::Write;

fuzz_target!(init: let_caught_panics_pass(), |bytes: &[u8]| {
    let Ok(mut file) = tempfile::Builder::new().suffix(".parquet").tempfile() else {
        return;
    };
    if file.write_all(bytes).and_then(|_| file.flush()).is_err() {
        return;
    }
    let cfg = IngestConfig {
        // Small blocks: several blocks per row group, as on big files.
        stream_block_bytes: 256,
        ..IngestConfig::default()
    };
    let input = InputFile::from_path(file.path());
    let Ok(stream) = parquet::open(&input, file.path(), &cfg) else {
        return;
    };
    let out = parquet::read_stream(stream, &cfg);
    for doc in &out.documents {
        assert!(!doc.id.is_empty(), "a document without an id");
    }
});

fn let_caught_panics_pass() {
    let abort = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !samestory_ingest::guard::in_guarded_decoder() {
            abort(info);
        }
    }));
}
