use super::*;
use std::io::Write;

fn input_at(path: &std::path::Path) -> InputFile {
    InputFile::from_path(path)
}

fn write_tmp(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> InputFile {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    input_at(&path)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn gzip_and_zstd_are_sniffed_by_magic_not_name() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = IngestConfig::default();
    let gz = write_tmp(&dir, "plain.txt", &gzip(b"hello world"));
    assert_eq!(read_bytes(&gz, &cfg).unwrap(), b"hello world");
    let zst = zstd::encode_all(&b"hello zstd"[..], 3).unwrap();
    let zst = write_tmp(&dir, "a.bin", &zst);
    assert_eq!(read_bytes(&zst, &cfg).unwrap(), b"hello zstd");
}

#[test]
fn truncated_gzip_is_a_decompress_error() {
    let dir = tempfile::tempdir().unwrap();
    let full = gzip(&b"some article text ".repeat(500));
    let input = write_tmp(&dir, "cut.txt.gz", &full[..full.len() / 2]);
    let err = read_bytes(&input, &IngestConfig::default()).unwrap_err();
    assert!(
        matches!(err, IngestError::Decompress { codec: "gzip", .. }),
        "{err}"
    );
    assert!(err.to_string().contains("cut.txt.gz"));
}

#[test]
fn empty_and_whitespace_files_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", &b" \n\n\t"[..])] {
        let input = write_tmp(&dir, name, bytes);
        let err = read_bytes(&input, &IngestConfig::default()).unwrap_err();
        assert!(matches!(err, IngestError::Empty { .. }), "{err}");
    }
}

#[test]
fn size_limit_applies_after_decompression() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = IngestConfig {
        max_file_bytes: 1000,
        ..IngestConfig::default()
    };
    let input = write_tmp(&dir, "bomb.gz", &gzip(&[b'a'; 5000]));
    let err = read_bytes(&input, &cfg).unwrap_err();
    assert!(
        matches!(err, IngestError::TooLarge { limit: 1000, .. }),
        "{err}"
    );
}

#[test]
fn binary_data_is_rejected() {
    let input = InputFile::from_path(std::path::Path::new("x.bin"));
    let err = decode_text(&input, b"\x7fELF\x02\x01\x00\x00garbage").unwrap_err();
    assert!(
        matches!(err, IngestError::Binary { offset: 6, .. }),
        "{err}"
    );
}

#[test]
fn utf16_with_bom_decodes() {
    let input = InputFile::from_path(std::path::Path::new("u16.txt"));
    let mut bytes = vec![0xff, 0xfe];
    for unit in "Kyiv – Київ".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let (text, warning) = decode_text(&input, &bytes).unwrap();
    assert_eq!(text, "Kyiv – Київ");
    assert!(warning.is_none());
}

#[test]
fn legacy_charset_is_detected() {
    let input = InputFile::from_path(std::path::Path::new("latin.txt"));
    let (bytes, _, _) =
        encoding_rs::WINDOWS_1252.encode("Le président a déclaré à la presse qu'il était prêt.");
    let (text, warning) = decode_text(&input, &bytes).unwrap();
    assert!(text.contains("président"), "{text}");
    assert!(warning.is_none());
}

#[test]
fn damaged_utf8_is_replaced_with_a_warning() {
    let input = InputFile::from_path(std::path::Path::new("bad.txt"));
    let bytes = b"Caf\xc3\xa9 owners said \xff\xfe the na\xc3\xafve plan failed.";
    let (text, warning) = decode_text(&input, bytes).unwrap();
    assert!(text.contains("Café") && text.contains('\u{fffd}'), "{text}");
    assert!(matches!(
        warning,
        Some(IngestWarning::InvalidBytesReplaced { .. })
    ));
}

fn shown(r: Result<(String, Option<IngestWarning>), IngestError>) -> String {
    format!("{r:?}")
}

#[test]
fn owned_decoding_equals_borrowed_decoding() {
    let input = InputFile::from_path(std::path::Path::new("x.txt"));
    let cases: [&[u8]; 7] = [
        b"plain ascii",
        "caf\u{e9} \u{4e2d}".as_bytes(),
        b"\xef\xbb\xbfwith utf-8 bom",
        b"\xff\xfeu\x00t\x00f\x001\x006\x00",
        b"nul \x00 inside",
        b"caf\xe9 latin-1 caf\xe9",
        b"mostly \xe2\x80\x99 utf-8 with one bad \xff byte",
    ];
    for bytes in cases {
        assert_eq!(
            shown(decode_text_owned(&input, bytes.to_vec())),
            shown(decode_text(&input, bytes)),
            "{bytes:?}"
        );
    }
}

proptest::proptest! {
    #[test]
    fn owned_decoding_equals_borrowed_on_any_bytes(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64)) {
        let input = InputFile::from_path(std::path::Path::new("x.txt"));
        proptest::prop_assert_eq!(
            shown(decode_text_owned(&input, bytes.clone())),
            shown(decode_text(&input, &bytes))
        );
    }
}

/// An invented page in `encoding` with `declaration` in its head and French prose.
fn page_in(encoding: &'static encoding_rs::Encoding, declaration: &str) -> Vec<u8> {
    let html = format!(
        "<!doctype html><html><head>{declaration}<title>Été</title></head>\
         <body><p>Le député a présenté à l'assemblée un projet très détaillé.</p></body></html>"
    );
    encoding.encode(&html).0.into_owned()
}

fn decoded(bytes: &[u8]) -> (String, Option<IngestWarning>) {
    let input = InputFile::from_path(std::path::Path::new("page.html"));
    decode_text(&input, bytes).unwrap()
}

#[test]
fn declared_latin1_page_is_decoded_as_windows_1252() {
    for declaration in [
        r#"<meta charset="iso-8859-1">"#,
        r#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#,
    ] {
        let mut bytes = page_in(encoding_rs::WINDOWS_1252, declaration);
        bytes.extend_from_slice(b"<p>\x93quoted\x94</p>");
        // Byte pairs that happen to be well-formed UTF-8 ("\xc2\xb7") must not outvote it.
        bytes.extend_from_slice(&b"<nav>a\xc2\xb7b\xc2\xb7c\xc2\xb7</nav>".repeat(6));
        let (text, warning) = decoded(&bytes);
        assert!(
            text.contains("député") && text.contains("“quoted”"),
            "{text}"
        );
        assert!(text.contains("a\u{c2}\u{b7}b"), "{text}");
        assert!(warning.is_none());
    }
}

#[test]
fn declaration_wins_over_detection() {
    let mut bytes = page_in(encoding_rs::ISO_8859_2, r#"<meta charset="iso-8859-2">"#);
    bytes.extend_from_slice(&encoding_rs::ISO_8859_2.encode("<p>łódź</p>").0);
    let (text, _) = decoded(&bytes);
    assert!(text.contains("député") && text.contains("łódź"), "{text}");
    let mut koi = encoding_rs::KOI8_R
        .encode("<meta charset=koi8-r><p>Мир")
        .0
        .into_owned();
    koi.extend_from_slice(&page_in(encoding_rs::KOI8_R, ""));
    let (text, _) = decoded(&koi);
    assert!(text.contains("Мир"), "{text}");
}

#[test]
fn xml_declaration_is_read() {
    let xml = r#"<?xml version="1.0" encoding="ISO-8859-15"?><doc>Prix : 5 €</doc>"#;
    let bytes = encoding_rs::ISO_8859_15.encode(xml).0.into_owned();
    let (text, _) = decoded(&bytes);
    assert!(text.contains("5 €"), "{text}");
}

#[test]
fn utf8_page_declared_latin1_stays_utf8() {
    let bytes = page_in(encoding_rs::UTF_8, r#"<meta charset="iso-8859-1">"#);
    let (text, warning) = decoded(&bytes);
    assert!(text.contains("député"), "{text}");
    assert!(warning.is_none());
    let mut damaged = bytes.clone();
    damaged.extend_from_slice(b"<p>one bad \xff byte</p>");
    let (text, warning) = decoded(&damaged);
    assert!(
        text.contains("député") && text.contains('\u{fffd}'),
        "{text}"
    );
    assert!(warning.is_some());
}

#[test]
fn page_without_declaration_is_detected() {
    let bytes = page_in(encoding_rs::WINDOWS_1252, "");
    let (text, warning) = decoded(&bytes);
    assert!(text.contains("député"), "{text}");
    assert!(warning.is_none());
}

#[test]
fn declaration_that_does_not_fit_falls_back_to_detection() {
    let bytes = page_in(encoding_rs::WINDOWS_1252, r#"<meta charset="shift_jis">"#);
    let (text, _) = decoded(&bytes);
    assert!(text.contains("député"), "{text}");
    let bytes = page_in(encoding_rs::WINDOWS_1252, r#"<meta charset="utf-8">"#);
    let (text, _) = decoded(&bytes);
    assert!(text.contains("député"), "{text}");
}

#[test]
fn declarations_in_plain_text_are_ignored() {
    let mut bytes = b"notes: <meta charset=shift_jis> ".to_vec();
    bytes.extend_from_slice(&encoding_rs::WINDOWS_1252.encode("le député est prêt").0);
    let (text, _) = decoded(&bytes);
    assert!(text.contains("député"), "{text}");
}

#[test]
fn iso_2022_jp_page_is_decoded_though_it_is_valid_utf8() {
    let body = encoding_rs::ISO_2022_JP
        .encode("日本語のページ")
        .0
        .into_owned();
    let mut bytes = br#"<meta charset="iso-2022-jp"><p>"#.to_vec();
    bytes.extend_from_slice(&body);
    assert!(std::str::from_utf8(&bytes).is_ok());
    let (text, _) = decoded(&bytes);
    assert!(text.contains("日本語のページ"), "{text}");
    assert_eq!(
        shown(decode_text_owned(
            &InputFile::from_path(std::path::Path::new("j.html")),
            bytes.clone()
        )),
        shown(decode_text(
            &InputFile::from_path(std::path::Path::new("j.html")),
            &bytes
        ))
    );
}
