//! The WARC reader on arbitrary bytes: never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samestory_core::IngestConfig;
use samestory_ingest::{warc, FileOutcome, InputFile};
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let input = InputFile::from_path(Path::new("fuzz.warc"));
    let mut out = FileOutcome::default();
    warc::read_records(&input, bytes, &IngestConfig::default(), &mut out);
});
