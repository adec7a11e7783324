//! Arrow in and out: string and integer-list columns read from whatever pyarrow hands over
//! (`string`, `large_string`, `string_view`; lists of any integer type), and rows built
//! with serde turned into a record batch of a fixed schema (arrow-json's decoder), so every
//! output column mirrors the JSON the CLI writes.

use crate::errors::{Error, Result};
use arrow_array::cast::AsArray;
use arrow_array::types::UInt32Type;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, FieldRef, Schema, SchemaRef};
use serde::Serialize;
use std::sync::Arc;

/// The values of a string column, `None` for nulls.
pub fn strings<'a>(array: &'a dyn Array, name: &str) -> Result<Vec<Option<&'a str>>> {
    Ok(match array.data_type() {
        DataType::Utf8 => array.as_string::<i32>().iter().collect(),
        DataType::LargeUtf8 => array.as_string::<i64>().iter().collect(),
        DataType::Utf8View => array.as_string_view().iter().collect(),
        DataType::Null => vec![None; array.len()],
        other => {
            return Err(Error::Input(format!(
                "{name}: expected strings, found {other}"
            )))
        }
    })
}

/// The values of several arrays (the chunks of one column), concatenated.
pub fn chunked_strings<'a>(chunks: &'a [ArrayRef], name: &str) -> Result<Vec<Option<&'a str>>> {
    let mut out = Vec::with_capacity(chunks.iter().map(|c| c.len()).sum());
    for chunk in chunks {
        out.extend(strings(chunk.as_ref(), name)?);
    }
    Ok(out)
}

/// A column of `batch` by name, or the typed error naming it.
pub fn column<'a>(batch: &'a RecordBatch, name: &str) -> Result<&'a ArrayRef> {
    batch
        .column_by_name(name)
        .ok_or_else(|| Error::Input(format!("missing column {name:?}")))
}

/// The rows of a column of integer lists as `u32` lists (`None` for nulls); a value that
/// does not fit in `u32` is an error.
pub fn u32_lists(array: &dyn Array, name: &str) -> Result<Vec<Option<Vec<u32>>>> {
    let target = DataType::List(Arc::new(Field::new("item", DataType::UInt32, true)));
    let options = arrow_cast::CastOptions {
        safe: false,
        ..Default::default()
    };
    let cast = arrow_cast::cast_with_options(array, &target, &options)
        .map_err(|e| Error::Input(format!("{name}: expected lists of 32-bit values: {e}")))?;
    let lists = cast.as_list::<i32>();
    Ok(lists
        .iter()
        .map(|row| row.map(|v| v.as_primitive::<UInt32Type>().values().to_vec()))
        .collect())
}

/// `schema` (one of `samestory_output::schema`'s, the one definition of each row's columns)
/// as Python and Spark take it: every field nullable, `uint64` as `int64` (Spark rejects
/// unsigned 64-bit columns), `float32` as `float64` (a Python float; the rows come through
/// their JSON text, so 0.7 stays 0.7) and fixed-size lists as lists.
pub fn for_python(schema: &Schema) -> SchemaRef {
    let fields: Vec<Field> = schema
        .fields()
        .iter()
        .map(|f| field_for_python(f))
        .collect();
    Arc::new(Schema::new(fields))
}

fn field_for_python(field: &Field) -> Field {
    Field::new(field.name(), type_for_python(field.data_type()), true)
}

fn type_for_python(t: &DataType) -> DataType {
    match t {
        DataType::UInt64 => DataType::Int64,
        DataType::Float32 => DataType::Float64,
        DataType::List(item) | DataType::FixedSizeList(item, _) => {
            DataType::List(Arc::new(field_for_python(item)))
        }
        DataType::Struct(fields) => {
            DataType::Struct(fields.iter().map(|f| field_for_python(f)).collect())
        }
        other => other.clone(),
    }
}

/// A `list<T>` field.
pub fn list_of(name: &str, item: DataType) -> Field {
    Field::new(
        name,
        DataType::List(Arc::new(Field::new("item", item, true))),
        true,
    )
}

/// `passages`: `list<list<int64>>` (`[a_start, a_end, b_start, b_end]` each).
pub fn passages_field() -> FieldRef {
    Arc::new(list_of(
        "passages",
        DataType::List(Arc::new(Field::new("item", DataType::Int64, true))),
    ))
}

/// A nullable field.
pub fn field(name: &str, t: DataType) -> FieldRef {
    Arc::new(Field::new(name, t, true))
}

/// `rows` (serialisable as JSON objects whose keys are `schema`'s columns) as one record
/// batch of `schema`.
pub fn batch_of<S: Serialize>(schema: SchemaRef, rows: &[S]) -> Result<RecordBatch> {
    let mut decoder = arrow_json::ReaderBuilder::new(schema.clone())
        .build_decoder()
        .map_err(internal)?;
    decoder.serialize(rows).map_err(internal)?;
    Ok(decoder
        .flush()
        .map_err(internal)?
        .unwrap_or_else(|| RecordBatch::new_empty(schema)))
}

/// An Arrow failure on our own rows is a bug of the binding, not bad input.
fn internal(e: arrow_schema::ArrowError) -> Error {
    Error::Internal(format!("building the Arrow output: {e}"))
}

/// An optional string column of `batch`: all nulls when absent.
pub fn chunk_strings_opt<'a>(
    batch: &'a RecordBatch,
    name: &str,
) -> std::result::Result<Vec<Option<&'a str>>, Error> {
    match batch.column_by_name(name) {
        Some(c) => strings(c.as_ref(), name),
        None => Ok(vec![None; batch.num_rows()]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::types::Int64Type;
    use arrow_array::{Int64Array, LargeStringArray, ListArray, StringArray};

    #[test]
    fn strings_read_every_string_type() {
        let small = StringArray::from(vec![Some("a"), None]);
        let large = LargeStringArray::from(vec![Some("a"), None]);
        assert_eq!(strings(&small, "t").unwrap(), [Some("a"), None]);
        assert_eq!(strings(&large, "t").unwrap(), [Some("a"), None]);
        let err = strings(&Int64Array::from(vec![1]), "texts").unwrap_err();
        assert!(matches!(err, Error::Input(m) if m.starts_with("texts: expected strings")));
    }

    #[test]
    fn u32_lists_refuse_values_out_of_range() {
        let ok =
            ListArray::from_iter_primitive::<Int64Type, _, _>([Some(vec![Some(1), Some(2)]), None]);
        assert_eq!(u32_lists(&ok, "s").unwrap(), [Some(vec![1, 2]), None]);
        let bad = ListArray::from_iter_primitive::<Int64Type, _, _>([Some(vec![Some(-1)])]);
        assert!(matches!(u32_lists(&bad, "s"), Err(Error::Input(_))));
    }
}
