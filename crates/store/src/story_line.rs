//! How a `stories.jsonl` line is kept in `story_pieces`. The `unique` passages — the
//! sentences only one source states, most of a compared story's line — are slices of their
//! documents' bodies, which the index already holds: the stored line keeps their spans only
//! (`"unique_spans":{"ID":[[start,end],…],…}` in place of `"unique":{…}`), and reading it
//! back cuts the texts out of the bodies again, byte for byte the line `run` writes.
//!
//! Must not: open tables or compress; callers hand lines and bodies in.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The last field of a compared story's line, as `run` writes it.
const UNIQUE: &str = ",\"unique\":{";
/// The same field as stored: spans only.
const UNIQUE_SPANS: &str = ",\"unique_spans\":{";

/// A unique passage as the line writes it (the field order of `compare::Passage`).
#[derive(Serialize, Deserialize)]
struct Passage<'a> {
    #[serde(borrow)]
    text: std::borrow::Cow<'a, str>,
    span: [usize; 2],
}

/// The line to store for `line`: its `unique` field as spans. A line without one (a story
/// not compared) or whose field does not read as passages is kept whole.
pub fn pack(line: &str) -> String {
    let Some((head, field)) = last_field(line, UNIQUE) else {
        return line.to_string();
    };
    let Ok(unique) = serde_json::from_str::<BTreeMap<String, Vec<Passage<'_>>>>(field) else {
        return line.to_string();
    };
    let spans: BTreeMap<&str, Vec<[usize; 2]>> = unique
        .iter()
        .map(|(id, passages)| (id.as_str(), passages.iter().map(|p| p.span).collect()))
        .collect();
    let spans = serde_json::to_string(&spans).expect("a map of strings to numbers");
    format!("{head}{}{spans}}}", &UNIQUE_SPANS[..UNIQUE_SPANS.len() - 1])
}

/// The line `run` writes back from a stored one: each unique span's text cut from the body
/// that `body` returns for its document. Errors name what does not fit (a span past the end
/// of its body, a field that does not read).
pub fn unpack<E>(
    stored: String,
    mut body: impl FnMut(&str) -> Result<String, E>,
    damaged: impl Fn(String) -> E,
) -> Result<String, E> {
    let Some((head, field)) = last_field(&stored, UNIQUE_SPANS) else {
        return Ok(stored);
    };
    let spans: BTreeMap<String, Vec<[usize; 2]>> =
        serde_json::from_str(field).map_err(|e| damaged(format!("unique_spans: {e}")))?;
    let mut unique: BTreeMap<&str, Vec<Passage<'_>>> = BTreeMap::new();
    for (id, spans) in &spans {
        let text = body(id)?;
        let starts: Vec<usize> = text
            .char_indices()
            .map(|(at, _)| at)
            .chain([text.len()])
            .collect();
        let mut passages = Vec::with_capacity(spans.len());
        for &[start, end] in spans {
            let (Some(&from), Some(&to)) = (starts.get(start), starts.get(end)) else {
                return Err(damaged(format!(
                    "unique span [{start}, {end}] of {id} is past its body's end"
                )));
            };
            let slice = text.get(from..to).unwrap_or_default().to_string();
            passages.push(Passage {
                text: slice.into(),
                span: [start, end],
            });
        }
        unique.insert(id.as_str(), passages);
    }
    let unique = serde_json::to_string(&unique).expect("a map of strings to passages");
    Ok(format!("{head}{}{unique}}}", &UNIQUE[..UNIQUE.len() - 1]))
}

/// `line` split before its last field `name` (`,"name":{`) into what precedes it and the
/// field's object, when that field closes the line.
fn last_field<'a>(line: &'a str, name: &str) -> Option<(&'a str, &'a str)> {
    let at = line.rfind(name)?;
    let object = line.get(at + name.len() - 1..line.len().checked_sub(1)?)?;
    line.ends_with('}').then_some((&line[..at], object))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(id: &str) -> Result<String, String> {
        match id {
            "a" => Ok("Storm hit. Café \"Ünï\" closed.\n\nRain fell.".to_string()),
            "b" => Ok("Other text here.".to_string()),
            _ => Err(format!("no body {id}")),
        }
    }

    #[test]
    fn a_line_comes_back_byte_for_byte_from_its_spans() {
        let a = body("a").unwrap();
        let chars: Vec<char> = a.chars().collect();
        let cut = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        let passage = |s: usize, e: usize| {
            let text = serde_json::to_string(&cut(s, e)).unwrap();
            format!(r#"{{"text":{text},"span":[{s},{e}]}}"#)
        };
        let unique = format!(
            r#"{{"a":[{},{}],"b":[{}]}}"#,
            passage(11, 29),
            passage(31, 41),
            r#"{"text":"Other text","span":[0,10]}"#
        );
        let line = format!(
            r#"{{"story":"a","title":"T \"q\"","documents":["a","b"],"agreed":[],"unique":{unique}}}"#
        );
        let stored = pack(&line);
        assert!(stored.len() < line.len());
        assert!(!stored.contains("Rain"), "{stored}");
        assert!(stored.ends_with(r#""unique_spans":{"a":[[11,29],[31,41]],"b":[[0,10]]}}"#));
        assert_eq!(unpack(stored, body, |e| e).unwrap(), line);
    }

    #[test]
    fn lines_without_unique_passages_are_kept_whole() {
        for line in [
            r#"{"story":"a","documents":["a"]}"#,
            r#"{"story":"a","documents":["a"],"unique":{}}"#,
        ] {
            let stored = pack(line);
            assert_eq!(unpack(stored, body, |e| e).unwrap(), line);
        }
    }

    #[test]
    fn a_span_past_the_body_or_a_missing_body_is_an_error() {
        let stored = r#"{"story":"a","unique_spans":{"b":[[0,99]]}}"#.to_string();
        let err = unpack(stored, body, |e| e).unwrap_err();
        assert!(err.contains("past its body's end"), "{err}");
        let stored = r#"{"story":"a","unique_spans":{"z":[[0,1]]}}"#.to_string();
        assert_eq!(unpack(stored, body, |e| e).unwrap_err(), "no body z");
    }
}
