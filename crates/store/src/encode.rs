//! The stored bytes of the index's small JSON values, without what their key or a default
//! already says: a null or empty-list field is left out (serde's defaults read it back), a
//! story's members are left out when the story is its one document, and a story summary
//! keeps only what differs from a lone undated document's.
//!
//! Must not: open tables; callers hand values and keys in and bytes out.

use crate::browse::StorySummary;
use serde::{Deserialize, Serialize};

/// `value`'s JSON object without its null and empty-list fields, nor the fields `omit`.
pub fn compact_json<T: Serialize>(value: &T, omit: &[&str]) -> serde_json::Result<Vec<u8>> {
    use serde_json::Value;
    let mut json = serde_json::to_value(value)?;
    if let Value::Object(fields) = &mut json {
        fields.retain(|name, field| match field {
            _ if omit.contains(&name.as_str()) => false,
            Value::Null => false,
            Value::Array(items) => !items.is_empty(),
            _ => true,
        });
    }
    serde_json::to_vec(&json)
}

/// The stored members of story `id` (`issued_stories`): nothing when it is `[id]`.
pub fn members_to_bytes(id: &str, members: &[String]) -> serde_json::Result<Vec<u8>> {
    if members.len() == 1 && members[0] == id {
        return Ok(Vec::new());
    }
    serde_json::to_vec(members)
}

/// The members of story `id` from [`members_to_bytes`]'s bytes.
pub fn members_from_bytes(id: &str, bytes: &[u8]) -> serde_json::Result<Vec<String>> {
    if bytes.is_empty() {
        return Ok(vec![id.to_string()]);
    }
    serde_json::from_slice(bytes)
}

/// A story summary as stored under its id: each field only where it differs from a lone
/// document's (title the id, last date the first, one document and group, no outlet, no
/// disagreeing numbers).
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
struct StoredSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    documents: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    groups: Option<usize>,
    #[serde(skip_serializing_if = "is_zero")]
    outlets: usize,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    numbers_disagree: bool,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The stored bytes of `summary` (`story_summaries`, under its id).
pub fn summary_to_bytes(summary: &StorySummary) -> serde_json::Result<Vec<u8>> {
    let differs = |a: &Option<String>, b: &Option<String>| (a != b).then(|| a.clone()).flatten();
    serde_json::to_vec(&StoredSummary {
        title: (summary.title != summary.id).then(|| summary.title.clone()),
        first_date: summary.first_date.clone(),
        last_date: differs(&summary.last_date, &summary.first_date),
        documents: (summary.documents != 1).then_some(summary.documents),
        groups: (summary.groups != 1).then_some(summary.groups),
        outlets: summary.outlets,
        numbers_disagree: summary.numbers_disagree,
    })
}

/// The summary of story `id` from [`summary_to_bytes`]'s bytes (or format 3's full JSON).
pub fn summary_from_bytes(id: &str, bytes: &[u8]) -> serde_json::Result<StorySummary> {
    let stored: StoredSummary = serde_json::from_slice(bytes)?;
    Ok(StorySummary {
        id: id.to_string(),
        title: stored.title.unwrap_or_else(|| id.to_string()),
        last_date: stored.last_date.or_else(|| stored.first_date.clone()),
        first_date: stored.first_date,
        documents: stored.documents.unwrap_or(1),
        groups: stored.groups.unwrap_or(1),
        outlets: stored.outlets,
        numbers_disagree: stored.numbers_disagree,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_of_its_own_id_stores_no_members() {
        let alone = vec!["a".to_string()];
        assert!(members_to_bytes("a", &alone).unwrap().is_empty());
        assert_eq!(members_from_bytes("a", b"").unwrap(), alone);
        let many = vec!["a".to_string(), "b".to_string()];
        let bytes = members_to_bytes("a", &many).unwrap();
        assert_eq!(members_from_bytes("a", &bytes).unwrap(), many);
        let other = vec!["b".to_string()];
        let bytes = members_to_bytes("a", &other).unwrap();
        assert_eq!(members_from_bytes("a", &bytes).unwrap(), other);
    }

    #[test]
    fn a_summary_comes_back_whole_and_a_lone_story_stores_its_date_only() {
        let lone = StorySummary {
            id: "a".into(),
            title: "a".into(),
            first_date: Some("2024-05-01".into()),
            last_date: Some("2024-05-01".into()),
            documents: 1,
            groups: 1,
            outlets: 0,
            numbers_disagree: false,
        };
        let bytes = summary_to_bytes(&lone).unwrap();
        assert_eq!(bytes, br#"{"first_date":"2024-05-01"}"#);
        assert_eq!(summary_from_bytes("a", &bytes).unwrap(), lone);
        let full = serde_json::to_vec(&lone).unwrap();
        assert_eq!(summary_from_bytes("a", &full).unwrap(), lone, "format 3");
        let busy = StorySummary {
            id: "a".into(),
            title: "Flood".into(),
            first_date: None,
            last_date: None,
            documents: 3,
            groups: 2,
            outlets: 2,
            numbers_disagree: true,
        };
        let bytes = summary_to_bytes(&busy).unwrap();
        assert_eq!(summary_from_bytes("a", &bytes).unwrap(), busy);
        let spread = StorySummary {
            last_date: Some("2024-05-03".into()),
            first_date: Some("2024-05-01".into()),
            ..busy
        };
        let bytes = summary_to_bytes(&spread).unwrap();
        assert_eq!(summary_from_bytes("a", &bytes).unwrap(), spread);
    }
}
