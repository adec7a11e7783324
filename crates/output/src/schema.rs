//! The Arrow schema of each Parquet output file, defined once: the JSON shape of
//! `samestory_pipeline::rows` (and of the relation engine's and story stage's rows) as
//! columns — nested lists and structs where the JSON nests, maps where it has an object keyed
//! by document id, `[start, end)` spans as fixed-size lists. The rows fill it through their
//! own serde JSON, so a field added to a row and not here is an error (strict decoding), not
//! a silent gap.
//!
//! One departure from the JSON: a number's `value` is one number or a `[min, max]` range in
//! JSON, and Parquet has no union, so it is a list of one or two numbers ([`VALUE_IS_LIST`]).

use crate::rows::{Columns, DocumentColumns};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use serde_json::Value;
use std::sync::Arc;

/// The documented departure from the JSON rows: `numbers[].value` (documents) and
/// `numbers[].values[].value` (stories) are lists, `[v]` for one number.
pub const VALUE_IS_LIST: &str =
    "a number's value is a list: [v] for one number, [min, max] for a range";

/// The schema of a file of `columns`.
pub fn of(columns: Columns) -> SchemaRef {
    match columns {
        Columns::Documents(columns) => documents(columns),
        Columns::Relations => relations(),
        Columns::Stories(compared) => stories(compared),
    }
}

/// The schema of `documents.parquet`, the columns of `documents.jsonl` in its order.
pub fn documents(columns: DocumentColumns) -> SchemaRef {
    let mut fields = vec![text("id"), text("source"), text("format"), text("group")];
    if columns.story {
        fields.push(text("story"));
    }
    fields.extend(metadata());
    fields.push(Field::new("chars", DataType::UInt64, false));
    if columns.body {
        fields.push(text("body"));
    }
    fields.push(removed());
    if columns.facts {
        fields.extend(facts());
    }
    Arc::new(Schema::new(fields))
}

/// The columns of a `samestory extract` line (`samestory_pipeline::rows::ExtractRow`): the
/// document as read, with its body, removed lines, quotes and numbers.
pub fn extract() -> SchemaRef {
    let mut fields = vec![text("id"), text("source"), text("format")];
    fields.extend(metadata());
    fields.push(text("body"));
    fields.push(removed());
    fields.extend(facts());
    Arc::new(Schema::new(fields))
}

/// The lines the cleaning removed, with why.
fn removed() -> Field {
    list(
        "removed",
        vec![
            Field::new("line", DataType::UInt64, false),
            text("text"),
            text("reason"),
        ],
    )
}

/// A document's quotes and numbers.
fn facts() -> [Field; 2] {
    [list("quotes", quote()), list("numbers", number())]
}

/// The schema of `relations.parquet`: engine relations and `same_story` pairs alike.
pub fn relations() -> SchemaRef {
    Arc::new(Schema::new(vec![
        text("a"),
        text("b"),
        text("kind"),
        Field::new("jaccard", DataType::Float64, true),
        Field::new("containment_a", DataType::Float64, true),
        Field::new("containment_b", DataType::Float64, true),
        Field::new("story_score", DataType::Float64, true),
        Field::new_list("passages", Field::new("item", span_type(4), false), false),
        optional_text("original"),
        text("why"),
        optional_text("via"),
    ]))
}

/// The schema of `stories.parquet`: the story, then its comparison when `compared`.
pub fn stories(compared: bool) -> SchemaRef {
    let mut fields = vec![
        text("story"),
        optional_text("title"),
        optional_text("first_date"),
        optional_text("last_date"),
        strings("documents"),
        strings("groups"),
        list(
            "why",
            vec![
                text("doc"),
                Field::new("score", DataType::Float64, false),
                strings("shared"),
            ],
        ),
    ];
    if compared {
        fields.extend(comparison());
    }
    Arc::new(Schema::new(fields))
}

/// The metadata fields every document row flattens in (`samestory_core::Metadata`).
fn metadata() -> Vec<Field> {
    vec![
        optional_text("title"),
        optional_text("date"),
        optional_text("published"),
        optional_text("url"),
        optional_text("byline"),
        strings("authors"),
        optional_text("credit"),
        optional_text("outlet"),
        optional_text("lang"),
    ]
}

/// A quote of one document (`compare::Quote`).
fn quote() -> Vec<Field> {
    vec![
        optional_text("speaker"),
        text("text"),
        span("span"),
        Field::new("direct", DataType::Boolean, false),
        Field::new("confidence", DataType::Float32, false),
    ]
}

/// A quantity of one document (`compare::Number`).
fn number() -> Vec<Field> {
    vec![
        value(),
        optional_text("unit"),
        optional_text("qualifier"),
        text("text"),
        span("span"),
    ]
}

/// A story's comparison (`compare::Comparison`).
fn comparison() -> Vec<Field> {
    let variant = vec![
        text("doc"),
        text("text"),
        span("span"),
        Field::new("confidence", DataType::Float32, false),
    ];
    let statement = vec![text("text"), list("variants", variant)];
    let attribution = vec![text("speaker"), strings("docs")];
    let stated = vec![
        value(),
        optional_text("qualifier"),
        text("doc"),
        text("text"),
        span("span"),
    ];
    let quantity = vec![
        text("quantity"),
        text("unit"),
        Field::new("disagree", DataType::Boolean, false),
        Field::new("compatible", DataType::Boolean, false),
        list("values", stated),
    ];
    let claim = vec![
        text("claim"),
        strings("docs"),
        strings("groups"),
        map("spans", span_type(2)),
    ];
    let passage = Fields::from(vec![text("text"), span("span")]);
    let passages = DataType::new_list(DataType::Struct(passage), false);
    vec![
        list(
            "quotes",
            vec![optional_text("speaker"), list("quotes", statement)],
        ),
        list(
            "conflicts",
            vec![text("text"), list("attributions", attribution)],
        ),
        list("numbers", quantity),
        list("agreed", claim),
        map("unique", passages),
    ]
}

/// A number's value: a list of one number, or two for a range ([`VALUE_IS_LIST`]).
fn value() -> Field {
    Field::new_list("value", Field::new("item", DataType::Float64, false), false)
}

/// A row's `numbers[].value` and `numbers[].values[].value` as lists (Parquet has no
/// union of a number and a pair: see [`VALUE_IS_LIST`]).
pub fn values_as_lists(row: &mut Value) {
    for_each_number_value(row, as_list);
}

/// Calls `f` on each `numbers[].value` and `numbers[].values[].value` of a row (documents
/// and stories rows), the fields [`VALUE_IS_LIST`] is about.
pub fn for_each_number_value(row: &mut Value, mut f: impl FnMut(Option<&mut Value>)) {
    let Some(Value::Array(numbers)) = row.get_mut("numbers") else {
        return;
    };
    for number in numbers {
        f(number.get_mut("value"));
        if let Some(Value::Array(values)) = number.get_mut("values") {
            values.iter_mut().for_each(|v| f(v.get_mut("value")));
        }
    }
}

fn as_list(value: Option<&mut Value>) {
    if let Some(v @ Value::Number(_)) = value {
        *v = Value::Array(vec![v.take()]);
    }
}

/// A non-null string column.
fn text(name: &str) -> Field {
    Field::new(name, DataType::Utf8, false)
}

/// A nullable string column.
fn optional_text(name: &str) -> Field {
    Field::new(name, DataType::Utf8, true)
}

/// A list of strings.
fn strings(name: &str) -> Field {
    Field::new_list(name, Field::new("item", DataType::Utf8, false), false)
}

/// A list of structs of `fields`.
fn list(name: &str, fields: Vec<Field>) -> Field {
    let item = Field::new("item", DataType::Struct(Fields::from(fields)), false);
    Field::new_list(name, item, false)
}

/// `[start, end)` char offsets.
fn span(name: &str) -> Field {
    Field::new(name, span_type(2), false)
}

/// `n` char offsets.
fn span_type(n: i32) -> DataType {
    DataType::new_fixed_size_list(DataType::UInt64, n, false)
}

/// An object keyed by document id.
fn map(name: &str, value: DataType) -> Field {
    let entries = Fields::from(vec![text("keys"), Field::new("values", value, false)]);
    let entries = Field::new("entries", DataType::Struct(entries), false);
    Field::new(name, DataType::Map(Arc::new(entries), false), false)
}

// The tests decode rows with arrow-json, which comes with the `parquet` feature.
#[cfg(all(test, feature = "parquet"))]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// Decodes `row` (its values made lists, as the writer does) against `schema`, strictly.
    fn decode(schema: SchemaRef, mut row: Value) -> Result<usize, arrow_schema::ArrowError> {
        values_as_lists(&mut row);
        let mut decoder = arrow_json::ReaderBuilder::new(schema)
            .with_strict_mode(true)
            .build_decoder()?;
        decoder.serialize(&[row])?;
        Ok(decoder.flush()?.map_or(0, |b| b.num_rows()))
    }

    fn run_document() -> Value {
        json!({"id": "a", "source": "in/a.html", "format": "html", "group": "a", "story": "a",
            "title": "T", "date": "2024-03-05", "published": null, "url": null, "byline": "Ann Lee",
            "authors": ["Ann Lee"], "credit": null, "outlet": "x", "lang": "eng", "chars": 12,
            "body": "Body text.", "removed": [{"line": 3, "text": "READ MORE", "reason": "read-more"}],
            "quotes": [{"speaker": null, "text": "\"Hi\"", "span": [0, 4], "direct": true, "confidence": 0.3}],
            "numbers": [{"value": 3, "unit": "troops", "qualifier": null, "text": "3 troops", "span": [5, 13]},
                        {"value": [30, 40], "unit": null, "qualifier": "between", "text": "30-40", "span": [1, 2]}]})
    }

    #[test]
    fn a_run_s_document_row_fits_with_every_field() {
        let columns = DocumentColumns {
            story: true,
            body: true,
            facts: true,
        };
        assert_eq!(decode(documents(columns), run_document()).unwrap(), 1);
    }

    #[test]
    fn a_field_the_schema_lacks_is_an_error_not_a_gap() {
        let dedup = DocumentColumns {
            story: false,
            body: true,
            facts: false,
        };
        assert!(decode(documents(dedup), run_document()).is_err());
        let names: Vec<String> = documents(dedup)
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        assert!(!names
            .iter()
            .any(|n| n == "story" || n == "quotes" || n == "numbers"));
    }

    #[test]
    fn one_number_becomes_a_list_and_a_range_stays_one() {
        let mut doc = json!({"numbers": [{"value": 3}, {"value": [1, 2]}]});
        values_as_lists(&mut doc);
        assert_eq!(doc["numbers"][0]["value"], json!([3]));
        assert_eq!(doc["numbers"][1]["value"], json!([1, 2]));
        let mut story = json!({"numbers": [{"values": [{"value": 2.5}]}]});
        values_as_lists(&mut story);
        assert_eq!(story["numbers"][0]["values"][0]["value"], json!([2.5]));
    }

    #[test]
    fn an_extract_row_fits_and_has_no_run_columns() {
        let mut row = run_document();
        let fields = row.as_object_mut().unwrap();
        for run_only in ["group", "story", "chars"] {
            fields.remove(run_only);
        }
        assert_eq!(decode(extract(), row).unwrap(), 1);
        assert!(decode(extract(), run_document()).is_err());
    }

    #[test]
    fn relation_and_story_rows_fit() {
        let relation = json!({"a": "a", "b": "b", "kind": "reprint", "jaccard": 0.2,
            "containment_a": 0.5, "containment_b": 0.1, "story_score": null,
            "passages": [[0, 10, 5, 15]], "original": "a", "why": "w", "via": null});
        assert_eq!(decode(relations(), relation).unwrap(), 1);
        let same_story = json!({"a": "a", "b": "c", "kind": "same_story", "jaccard": null,
            "containment_a": null, "containment_b": null, "story_score": 0.8, "passages": [],
            "original": null, "why": "w", "via": null});
        assert_eq!(decode(relations(), same_story).unwrap(), 1);
        let story = json!({"story": "a", "title": "T", "first_date": null, "last_date": null,
            "documents": ["a", "b"], "groups": ["a"],
            "why": [{"doc": "a", "score": 1.0, "shared": ["bridge"]}],
            "quotes": [{"speaker": "Ann Lee", "quotes": [{"text": "t", "variants": [
                {"doc": "a", "text": "t", "span": [1, 2], "confidence": 0.9}]}]}],
            "conflicts": [{"text": "t", "attributions": [{"speaker": "X", "docs": ["a"]}]}],
            "numbers": [{"quantity": "troops", "unit": "troops", "disagree": true,
                "compatible": false, "values": [{"value": 2.5, "qualifier": null, "doc": "a",
                "text": "2.5", "span": [0, 3]}]}],
            "agreed": [{"claim": "c", "docs": ["a", "b"], "groups": ["a", "b"],
                "spans": {"a": [0, 1], "b": [2, 3]}}],
            "unique": {"a": [{"text": "u", "span": [4, 5]}]}});
        assert_eq!(decode(stories(true), story.clone()).unwrap(), 1);
        assert!(decode(stories(false), story).is_err());
    }
}
