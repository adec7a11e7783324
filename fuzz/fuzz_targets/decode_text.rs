//! `decode::decode_text` on arbitrary bytes: never panics; valid UTF-8 without a BOM or NUL
//! comes back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samestory_ingest::{decode, InputFile};
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let input = InputFile::from_path(Path::new("fuzz.txt"));
    let decoded = decode::decode_text(&input, bytes);
    let plain_utf8 = std::str::from_utf8(bytes)
        .ok()
        .filter(|s| !s.contains('\0') && !s.starts_with('\u{feff}'));
    if let (Some(s), Ok((text, _))) = (plain_utf8, &decoded) {
        assert_eq!(s, text);
    }
});
