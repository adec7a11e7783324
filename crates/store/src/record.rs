//! How one document is stored: its record (metadata, what cleaning removed, when it was
//! added, its revision and a hash of its content) and its compressed body; and the `place`
//! a refresh gives it (group, story, quotes and numbers).
//!
//! Must not: open tables; callers hand bytes in and out.

use samestory_compare::Facts;
use samestory_core::Document;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use xxhash_rust::xxh3::xxh3_128;
use zstd::bulk::{Compressor, Decompressor};

/// zstd level of stored text (bodies, story lines): fast, about 3× smaller on news text.
const TEXT_LEVEL: i32 = 3;

/// A stored document without its body.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentRecord {
    /// The document, `body` empty.
    pub document: Document,
    /// The number its postings use (4 bytes instead of the id; `numbered_documents` maps it
    /// back).
    pub number: u32,
    /// When it was first added, Unix seconds.
    pub added: i64,
    /// 1 for the first version; each changed re-add of the same id counts one up.
    pub revision: u32,
    /// Hash of what the document says ([`content_hash`]): the same content added again is a
    /// no-op.
    pub content: u128,
}

/// Bytes before a record's document: number, revision, added, content hash.
const RECORD_HEAD: usize = 4 + 4 + 8 + 16;

impl DocumentRecord {
    /// The record of `doc`, numbered `number`, whose [`content_hash`] is `content` (its body
    /// left out of the record).
    pub fn new(doc: &Document, number: u32, content: u128, added: i64, revision: u32) -> Self {
        let document = Document {
            id: doc.id.clone(),
            source: doc.source.clone(),
            format: doc.format,
            meta: doc.meta.clone(),
            body: String::new(),
            removed: doc.removed.clone(),
        };
        DocumentRecord {
            document,
            number,
            added,
            revision,
            content,
        }
    }

    /// The bytes stored under the document's id: number (u32), revision (u32), added (i64)
    /// and content hash (u128), each little-endian, then the document's JSON without its id
    /// (the key), its empty body and its null and empty-list fields, which
    /// [`DocumentRecord::from_bytes`] reads back as null and empty.
    pub fn to_bytes(&self) -> serde_json::Result<Vec<u8>> {
        let json = crate::encode::compact_json(&self.document, &["id", "body"])?;
        let mut bytes = Vec::with_capacity(RECORD_HEAD + json.len());
        bytes.extend_from_slice(&self.number.to_le_bytes());
        bytes.extend_from_slice(&self.revision.to_le_bytes());
        bytes.extend_from_slice(&self.added.to_le_bytes());
        bytes.extend_from_slice(&self.content.to_le_bytes());
        bytes.extend_from_slice(&json);
        Ok(bytes)
    }

    /// The record of document `id` from [`DocumentRecord::to_bytes`]'s bytes.
    pub fn from_bytes(id: &str, bytes: &[u8]) -> serde_json::Result<Self> {
        use serde::de::Error;
        if bytes.len() < RECORD_HEAD {
            return Err(serde_json::Error::custom(format!(
                "{} bytes, shorter than a record's {RECORD_HEAD}-byte head",
                bytes.len()
            )));
        }
        let (head, json) = bytes.split_at(RECORD_HEAD);
        let field = |at: usize, len: usize| &head[at..at + len];
        let mut document: Document = serde_json::from_slice(&with_id(id, json)?)?;
        document.body.clear();
        Ok(DocumentRecord {
            document,
            number: u32::from_le_bytes(field(0, 4).try_into().expect("4 bytes")),
            revision: u32::from_le_bytes(field(4, 4).try_into().expect("4 bytes")),
            added: i64::from_le_bytes(field(8, 8).try_into().expect("8 bytes")),
            content: u128::from_le_bytes(field(16, 16).try_into().expect("16 bytes")),
        })
    }

    /// The record numbered `number` from the JSON record of formats 3 and 4 (full or compact:
    /// `{"document": …, "added": …, "revision": …, "content": "<hex>"}`).
    pub fn from_legacy_json(bytes: &[u8], number: u32) -> serde_json::Result<Self> {
        use serde::de::Error;
        #[derive(Deserialize)]
        struct Legacy {
            document: Document,
            added: i64,
            revision: u32,
            content: String,
        }
        let legacy: Legacy = serde_json::from_slice(bytes)?;
        let content = u128::from_str_radix(&legacy.content, 16).map_err(|e| {
            serde_json::Error::custom(format!("content hash {:?}: {e}", legacy.content))
        })?;
        Ok(DocumentRecord {
            document: legacy.document,
            number,
            added: legacy.added,
            revision: legacy.revision,
            content,
        })
    }
}

/// `json` (an object without `id`) with `"id": id` put first.
fn with_id(id: &str, json: &[u8]) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(json.len() + id.len() + 8);
    out.extend_from_slice(b"{\"id\":");
    serde_json::to_writer(&mut out, id)?;
    match json.strip_prefix(b"{") {
        Some(rest) if rest.first() != Some(&b'}') => {
            out.push(b',');
            out.extend_from_slice(rest);
        }
        Some(_) => out.push(b'}'),
        None => {
            use serde::de::Error;
            return Err(serde_json::Error::custom(
                "the document is not a JSON object",
            ));
        }
    }
    Ok(out)
}

/// The hash of what `doc` says (shape, metadata, body, removed lines; not its id or source).
pub fn content_hash(doc: &Document) -> u128 {
    #[derive(Serialize)]
    struct Content<'a> {
        format: &'a str,
        meta: &'a samestory_core::Metadata,
        body: &'a str,
        removed: &'a [samestory_core::RemovedLine],
    }
    let content = Content {
        format: doc.format.as_str(),
        meta: &doc.meta,
        body: &doc.body,
        removed: &doc.removed,
    };
    let bytes = serde_json::to_vec(&content).unwrap_or_default();
    xxh3_128(&bytes)
}

thread_local! {
    /// Each thread's zstd contexts, made once (a context costs more to make than a news
    /// body costs to compress).
    static CODEC: RefCell<Option<(Compressor<'static>, Decompressor<'static>)>> =
        const { RefCell::new(None) };
}

/// Runs `f` with this thread's zstd contexts.
fn with_codec<T>(
    f: impl FnOnce(&mut Compressor<'static>, &mut Decompressor<'static>) -> std::io::Result<T>,
) -> std::io::Result<T> {
    CODEC.with(|cell| {
        let mut codec = cell.borrow_mut();
        if codec.is_none() {
            *codec = Some((Compressor::new(TEXT_LEVEL)?, Decompressor::new()?));
        }
        let (c, d) = codec.as_mut().expect("made above");
        f(c, d)
    })
}

/// Text (a body, a story line) compressed for a table: one zstd frame, its content size in
/// the frame header.
pub fn compress_text(text: &str) -> std::io::Result<Vec<u8>> {
    with_codec(|c, _| c.compress(text.as_bytes()))
}

/// Text back from [`compress_text`]'s bytes.
pub fn decompress_text(bytes: &[u8]) -> Result<String, String> {
    let size = zstd::zstd_safe::get_frame_content_size(bytes)
        .ok()
        .flatten();
    let raw = match size {
        Some(size) if size <= MAX_TEXT_BYTES => {
            with_codec(|_, d| d.decompress(bytes, size as usize))
        }
        _ => zstd::stream::decode_all(bytes),
    };
    String::from_utf8(raw.map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

/// The largest text a frame header is trusted to announce (larger ones stream).
const MAX_TEXT_BYTES: u64 = 256 << 20;

/// Where the last refresh put a document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Its duplicate group (the smallest member id).
    pub group: String,
    /// Its story (the smallest member id).
    pub story: String,
    /// Its quotes and numbers.
    #[serde(flatten)]
    pub facts: Facts,
}

impl Place {
    /// The bytes stored under document `id`: the place's JSON without empty lists, without
    /// `group` when it is `id` and without `story` when it is the group (a document alone in
    /// its group and story stores `{}`).
    pub fn to_bytes(&self, id: &str) -> serde_json::Result<Vec<u8>> {
        let group = (self.group != id).then_some(self.group.as_str());
        let story = (self.story != self.group).then_some(self.story.as_str());
        crate::encode::compact_json(
            &StoredPlace {
                group: group.map(Into::into),
                story: story.map(Into::into),
                facts: std::borrow::Cow::Borrowed(&self.facts),
            },
            &[],
        )
    }

    /// The place of document `id` from [`Place::to_bytes`]'s bytes (or format 3's JSON).
    pub fn from_bytes(id: &str, bytes: &[u8]) -> serde_json::Result<Self> {
        let stored: StoredPlace<'_> = serde_json::from_slice(bytes)?;
        let group = stored
            .group
            .map_or_else(|| id.to_string(), |g| g.into_owned());
        let story = stored
            .story
            .map_or_else(|| group.clone(), |s| s.into_owned());
        Ok(Place {
            group,
            story,
            facts: stored.facts.into_owned(),
        })
    }

    /// Only the story of document `id` from [`Place::to_bytes`]'s bytes (the facts unread).
    pub fn story_from_bytes(id: &str, bytes: &[u8]) -> serde_json::Result<String> {
        #[derive(Deserialize)]
        struct Ends {
            group: Option<String>,
            story: Option<String>,
        }
        let ends: Ends = serde_json::from_slice(bytes)?;
        Ok(ends.story.or(ends.group).unwrap_or_else(|| id.to_string()))
    }
}

/// A place as stored: `group` and `story` absent where they follow from the id.
#[derive(Serialize, Deserialize)]
struct StoredPlace<'a> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    group: Option<std::borrow::Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    story: Option<std::borrow::Cow<'a, str>>,
    #[serde(flatten)]
    facts: std::borrow::Cow<'a, Facts>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use samestory_core::Format;

    #[test]
    fn bodies_round_trip_compressed() {
        let body = "Flood waters rose. ".repeat(200) + "Ünïcode — “quotes”.";
        let packed = compress_text(&body).unwrap();
        assert!(packed.len() < body.len() / 5);
        assert_eq!(decompress_text(&packed).unwrap(), body);
        assert!(decompress_text(b"not zstd").is_err());
    }

    #[test]
    fn content_hash_ignores_id_and_source_only() {
        let a = Document::new("a", Format::Text, "The bridge reopened.");
        let mut b = Document::new("b", Format::Text, "The bridge reopened.");
        b.source = "elsewhere/b.txt".into();
        assert_eq!(content_hash(&a), content_hash(&b));
        b.meta.title = Some("Bridge".into());
        assert_ne!(content_hash(&a), content_hash(&b));
        let c = Document::new("a", Format::Text, "The bridge reopened!");
        assert_ne!(content_hash(&a), content_hash(&c));
    }

    #[test]
    fn a_record_leaves_the_body_and_id_out_and_reads_back_whole() {
        let mut doc = Document::new("a/b \"c\"", Format::Html, "Body text.");
        doc.meta.title = Some("Bridge".into());
        doc.meta.authors = vec!["Ann Lee".into()];
        let r = DocumentRecord::new(&doc, 41, content_hash(&doc), -7, 2);
        assert!(r.document.body.is_empty());
        assert_eq!(r.content, content_hash(&doc));
        let bytes = r.to_bytes().unwrap();
        let json = String::from_utf8_lossy(&bytes[RECORD_HEAD..]).into_owned();
        assert!(
            !json.contains("Body text") && !json.contains("\"id\""),
            "{json}"
        );
        assert_eq!(DocumentRecord::from_bytes(&doc.id, &bytes).unwrap(), r);

        let bare = Document::new("b", Format::Text, "");
        let bare = DocumentRecord::new(&bare, u32::MAX, u128::MAX, i64::MAX, 1);
        let mut bytes = bare.to_bytes().unwrap();
        assert_eq!(DocumentRecord::from_bytes("b", &bytes).unwrap(), bare);
        assert!(DocumentRecord::from_bytes("b", &bytes[..RECORD_HEAD - 1]).is_err());
        bytes.truncate(RECORD_HEAD);
        bytes.extend_from_slice(b"[1]");
        assert!(DocumentRecord::from_bytes("b", &bytes).is_err());
    }

    #[test]
    fn a_legacy_json_record_reads_as_the_same_record_with_its_number() {
        let mut doc = Document::new("a", Format::Html, "");
        doc.meta.title = Some("Bridge".into());
        let r = DocumentRecord::new(&doc, 9, content_hash(&doc), 7, 2);
        let hex = format!("{:032x}", r.content);
        let full = serde_json::json!({
            "document": &r.document, "added": 7, "revision": 2, "content": hex,
        });
        let full = serde_json::to_vec(&full).unwrap();
        assert_eq!(DocumentRecord::from_legacy_json(&full, 9).unwrap(), r);
        let compact = format!(
            r#"{{"document":{{"id":"a","source":"a","format":"html","title":"Bridge"}},"added":7,"revision":2,"content":"{hex}"}}"#
        );
        assert_eq!(
            DocumentRecord::from_legacy_json(compact.as_bytes(), 9).unwrap(),
            r
        );
        let bad = compact.replace(&hex, "not hex");
        assert!(DocumentRecord::from_legacy_json(bad.as_bytes(), 9).is_err());
    }

    #[test]
    fn a_place_stores_only_what_its_id_does_not_say() {
        let place = Place {
            group: "a".into(),
            story: "a".into(),
            facts: Facts::default(),
        };
        let compact = place.to_bytes("a").unwrap();
        assert_eq!(compact, b"{}");
        assert_eq!(Place::from_bytes("a", &compact).unwrap(), place);
        assert_eq!(Place::story_from_bytes("a", &compact).unwrap(), "a");
        let full = serde_json::to_vec(&place).unwrap();
        assert_eq!(Place::from_bytes("a", &full).unwrap(), place);
        for (group, story, stored) in [
            ("a", "s", r#"{"story":"s"}"#),
            ("g", "g", r#"{"group":"g"}"#),
            ("g", "s", r#"{"group":"g","story":"s"}"#),
        ] {
            let place = Place {
                group: group.into(),
                story: story.into(),
                facts: Facts::default(),
            };
            let compact = place.to_bytes("a").unwrap();
            assert_eq!(String::from_utf8_lossy(&compact), stored);
            assert_eq!(Place::from_bytes("a", &compact).unwrap(), place);
            assert_eq!(Place::story_from_bytes("a", &compact).unwrap(), story);
        }
    }
}
