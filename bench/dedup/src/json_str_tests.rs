use super::*;
use proptest::prelude::*;

fn decode(raw: &str) -> Result<String, JsonStrError> {
    let mut out = String::from("left over");
    decode_into(raw, &mut out).map(|()| out)
}

/// `s` written the way Python's `json.dumps` writes it by default: every non-ASCII char
/// as `\u` escapes (surrogate pairs beyond the BMP).
fn ascii_escaped(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
        }
    }
    out
}

#[test]
fn decodes_every_escape() {
    let raw = r#"a\"b\\c\/d\be\ff\ng\rh\ti\u00e9\u20ac\ud83d\ude00"#;
    assert_eq!(
        decode(raw).unwrap(),
        "a\"b\\c/d\u{8}e\u{c}f\ng\rh\ti\u{e9}\u{20ac}\u{1f600}"
    );
    assert_eq!(decode("plain text").unwrap(), "plain text");
}

#[test]
fn rejects_bad_escapes_and_lone_surrogates() {
    assert_eq!(decode(r"ab\x"), Err(JsonStrError::Escape(2)));
    assert_eq!(decode(r"ab\"), Err(JsonStrError::Escape(2)));
    assert_eq!(decode(r"\u12"), Err(JsonStrError::Escape(0)));
    assert_eq!(decode(r"\u12g4"), Err(JsonStrError::Escape(0)));
    assert_eq!(decode(r"x\ud83d"), Err(JsonStrError::Surrogate(1)));
    assert_eq!(decode(r"\ud83d\u0041"), Err(JsonStrError::Surrogate(0)));
    assert_eq!(decode(r"\ude00"), Err(JsonStrError::Surrogate(0)));
}

proptest! {
    #[test]
    fn inverts_serde_json(s in any::<String>()) {
        let quoted = serde_json::to_string(&s).unwrap();
        prop_assert_eq!(decode(&quoted[1..quoted.len() - 1]).unwrap(), s);
    }

    #[test]
    fn decodes_ascii_only_dumps(s in any::<String>()) {
        let raw = ascii_escaped(&s);
        let by_serde: String = serde_json::from_str(&format!("\"{raw}\"")).unwrap();
        prop_assert_eq!(&by_serde, &s);
        prop_assert_eq!(decode(&raw).unwrap(), s);
    }
}
