//! A story's details as page text: JSON, raw DEFLATE (flate2), base64 — what the browser's
//! `DecompressionStream("deflate-raw")` undoes. Deterministic: the same bytes in give the
//! same text out. No I/O beyond memory.

use base64::Engine;
use flate2::write::DeflateEncoder;
use flate2::Compression;
use std::io::Write;

/// Compresses and encodes `json`.
pub fn pack(json: &[u8]) -> String {
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::default());
    encoder
        .write_all(json)
        .expect("writing into memory cannot fail");
    let bytes = encoder.finish().expect("writing into memory cannot fail");
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::read::DeflateDecoder;
    use std::io::Read;

    #[test]
    fn pack_round_trips() {
        let json = br#"{"docs":[{"id":"a","body":"x < y & \"z\""}]}"#;
        let packed = pack(json);
        // Safe inside an HTML comment: never `-`, `!`, `<` or `>`.
        assert!(packed
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)));
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&packed)
            .unwrap();
        let mut out = Vec::new();
        DeflateDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, json);
        assert_eq!(packed, pack(json), "deterministic");
    }
}
