//! Parquet containers: one article per row, read row group by row group. The columns are
//! those the JSON Lines fields name ([`JsonlFields`]: `ingest.jsonl.text`, `.id`, …); each
//! row becomes the JSON object a JSON Lines record would be (arrow-json) and goes through the
//! same record path ([`crate::jsonl::read_object`]), so its text may be plain text, markdown
//! or HTML and its id is the id column, else `FILE:ROW` (1-based).
//!
//! Memory: one block of rows at a time (about `stream_block_bytes`, never more than one row
//! group), read through a projection of the named columns only. A file whose footer cannot be
//! read, that has no text column or whose text column is not a string is one error; a row
//! group that cannot be decoded is one error and the next one is read; a bad row is one error.
//! The embedded Arrow schema is ignored (the Parquet types decide), the footer's layout is
//! checked before any page is read, and the parquet crate's panics on damaged pages are
//! caught ([`crate::guard`]). Knows nothing of the sniffing (see [`crate::stream::open`]),
//! which sends it plain files only: Parquet is read from its footer, so it cannot be streamed.

use crate::guard::guarded;
use crate::jsonl::{read_blocks, RecordAt, RecordTally};
use crate::stream::LineBlock;
use crate::{FileOutcome, IngestError, InputFile};
use parquet::arrow::arrow_reader::{
    ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReader,
    ParquetRecordBatchReaderBuilder,
};
use parquet::arrow::ProjectionMask;
use parquet::file::metadata::ParquetMetaData;
use samestory_core::{IngestConfig, JsonlFields};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// Most rows decoded at once.
const MAX_BATCH_ROWS: usize = 8192;

/// A Parquet input being read block by block.
pub struct ParquetStream {
    input: InputFile,
    file: File,
    meta: ArrowReaderMetadata,
    mask: ProjectionMask,
    block_bytes: usize,
    /// The next row group to open.
    next_group: usize,
    /// 1-based number of `next_group`'s first row.
    next_group_row: usize,
    /// The row group being read.
    current: Option<GroupReader>,
    /// An error met after the rows of the last block, handed out next.
    pending: Option<IngestError>,
}

/// One row group being read.
struct GroupReader {
    group: usize,
    reader: ParquetRecordBatchReader,
    /// 1-based number of the next row it yields.
    next_row: usize,
}

/// Opens the Parquet file `path` (named by `input`): reads its footer and finds the columns
/// `cfg.jsonl` names.
pub fn open(
    input: &InputFile,
    path: &Path,
    cfg: &IngestConfig,
) -> Result<ParquetStream, IngestError> {
    let bad = |why: String| IngestError::BadParquet {
        path: input.display.clone(),
        why,
    };
    let mut file = File::open(path).map_err(|source| IngestError::Read {
        path: input.display.clone(),
        source,
    })?;
    if !has_footer_magic(&mut file) {
        return Err(bad(
            "no PAR1 footer at its end: truncated, or not Parquet".into()
        ));
    }
    // The embedded Arrow schema (`ARROW:schema`) is not read: the columns are read as
    // their Parquet types say, which is all a text or metadata column needs, and arrow-ipc
    // panics on a damaged one (found by the fuzz target) where a reader must give an error.
    let options = ArrowReaderOptions::new().with_skip_arrow_metadata(true);
    let meta = guarded("Parquet", || {
        ArrowReaderMetadata::load(&file, options).map_err(|e| e.to_string())
    })
    .map_err(|e| bad(format!("cannot read its footer: {e}")))?;
    let file_len = file.metadata().map(|m| m.len()).unwrap_or(0);
    check_layout(meta.metadata(), file_len).map_err(bad)?;
    let roots = columns(input, &meta, &cfg.jsonl)?;
    let mask = ProjectionMask::roots(meta.parquet_schema(), roots);
    Ok(ParquetStream {
        input: input.clone(),
        file,
        meta,
        mask,
        block_bytes: cfg.stream_block_bytes.max(1),
        next_group: 0,
        next_group_row: 1,
        current: None,
        pending: None,
    })
}

/// Reads a Parquet stream on the calling thread.
pub fn read_stream(mut stream: ParquetStream, cfg: &IngestConfig) -> FileOutcome {
    let input = stream.input().clone();
    let blocks = std::iter::from_fn(|| stream.next_block());
    read_blocks(&input, blocks, RecordTally::parquet(), RecordAt::Row, cfg)
}

/// Whether the file ends with the Parquet magic (and is long enough to hold a footer).
fn has_footer_magic(file: &mut File) -> bool {
    let mut tail = [0u8; 4];
    let read = file
        .seek(SeekFrom::End(-4))
        .and_then(|_| file.read_exact(&mut tail));
    let long_enough = file.metadata().is_ok_and(|m| m.len() >= 12);
    read.is_ok() && long_enough && crate::sniff::is_parquet(&tail)
}

/// Checks what the footer says of the file's layout before anything is read: row counts not
/// negative, every column chunk inside the file. The parquet crate asserts these (a panic)
/// where a damaged footer states otherwise; here they are an error naming the row group.
fn check_layout(meta: &ParquetMetaData, file_len: u64) -> Result<(), String> {
    for (g, group) in meta.row_groups().iter().enumerate() {
        if group.num_rows() < 0 {
            return Err(format!("row group {g} has a negative row count"));
        }
        for chunk in group.columns() {
            let start = chunk
                .dictionary_page_offset()
                .unwrap_or(chunk.data_page_offset());
            let inside = u64::try_from(start)
                .ok()
                .zip(u64::try_from(chunk.compressed_size()).ok())
                .and_then(|(start, len)| start.checked_add(len))
                .is_some_and(|end| end <= file_len);
            if !inside || chunk.data_page_offset() < 0 {
                return Err(format!(
                    "row group {g}: column `{}` lies outside the file",
                    chunk.column_path()
                ));
            }
        }
    }
    Ok(())
}

/// The root columns named by `fields`, in schema order; an error when no text column exists
/// or a text column does not hold strings.
fn columns(
    input: &InputFile,
    meta: &ArrowReaderMetadata,
    fields: &JsonlFields,
) -> Result<Vec<usize>, IngestError> {
    let schema = meta.schema();
    let named = |name: &str| {
        [
            &fields.id,
            &fields.title,
            &fields.text,
            &fields.date,
            &fields.url,
            &fields.byline,
            &fields.outlet,
        ]
        .iter()
        .any(|list| list.iter().any(|n| n == name))
    };
    let mut text_columns = 0;
    for field in schema.fields() {
        if fields.text.iter().any(|n| n == field.name()) {
            if !is_string(field.data_type()) {
                return Err(IngestError::BadParquet {
                    path: input.display.clone(),
                    why: format!(
                        "text column `{}` holds {}, not strings",
                        field.name(),
                        field.data_type()
                    ),
                });
            }
            text_columns += 1;
        }
    }
    if text_columns == 0 {
        return Err(IngestError::NotArticles {
            path: input.display.clone(),
            why: format!(
                "Parquet without a text column (looked for {})",
                fields.text.join(", ")
            ),
        });
    }
    let roots = schema.fields().iter().enumerate();
    Ok(roots
        .filter(|(_, f)| named(f.name()))
        .map(|(i, _)| i)
        .collect())
}

/// Whether a column of this type holds text.
fn is_string(t: &arrow_schema::DataType) -> bool {
    use arrow_schema::DataType::{Dictionary, LargeUtf8, Utf8, Utf8View};
    match t {
        Utf8 | LargeUtf8 | Utf8View => true,
        Dictionary(_, value) => is_string(value),
        _ => false,
    }
}

impl ParquetStream {
    /// The input being read.
    pub fn input(&self) -> &InputFile {
        &self.input
    }

    /// The next block of rows, each row a JSON object on its own line numbered by its row
    /// (1-based); an error for a row group that cannot be read (the next block starts at the
    /// next row group); `None` once every row group was read.
    pub fn next_block(&mut self) -> Option<Result<LineBlock, IngestError>> {
        if let Some(e) = self.pending.take() {
            return Some(Err(e));
        }
        loop {
            if self.current.is_none() {
                if let Err(e) = self.open_next_group()? {
                    return Some(Err(e));
                }
            }
            if let Some(block) = self.fill() {
                return Some(Ok(block));
            }
            if let Some(e) = self.pending.take() {
                return Some(Err(e));
            }
        }
    }

    /// Opens the next row group; `None` when there is none.
    fn open_next_group(&mut self) -> Option<Result<(), IngestError>> {
        let groups = self.meta.metadata().row_groups();
        let group = self.next_group;
        let meta = groups.get(group)?;
        let rows = usize::try_from(meta.num_rows()).unwrap_or(0);
        let first_row = self.next_group_row;
        self.next_group += 1;
        self.next_group_row += rows;
        let row_bytes = usize::try_from(meta.total_byte_size()).unwrap_or(0) / rows.max(1);
        let batch_rows = (self.block_bytes / row_bytes.max(1)).clamp(1, MAX_BATCH_ROWS);
        let reader = self
            .file
            .try_clone()
            .map_err(|e| e.to_string())
            .and_then(|file| {
                guarded("Parquet", || {
                    ParquetRecordBatchReaderBuilder::new_with_metadata(file, self.meta.clone())
                        .with_row_groups(vec![group])
                        .with_projection(self.mask.clone())
                        .with_batch_size(batch_rows)
                        .build()
                        .map_err(|e| e.to_string())
                })
            });
        Some(match reader {
            Ok(reader) => {
                self.current = Some(GroupReader {
                    group,
                    reader,
                    next_row: first_row,
                });
                Ok(())
            }
            Err(why) => Err(self.bad_group(group, first_row, why)),
        })
    }

    /// Rows of the current row group as JSON lines, up to about `block_bytes`; the group is
    /// closed at its end or at an error (kept in `pending`). `None` when no row was read.
    fn fill(&mut self) -> Option<LineBlock> {
        let cur = self.current.as_mut()?;
        let first_row = cur.next_row;
        let mut text = Vec::new();
        while text.len() < self.block_bytes {
            let next = guarded("Parquet", || {
                cur.reader.next().transpose().map_err(|e| e.to_string())
            });
            let batch = match next.transpose() {
                Some(Ok(batch)) => batch,
                Some(Err(e)) => {
                    let (group, row) = (cur.group, cur.next_row);
                    self.pending = Some(self.bad_group(group, row, e));
                    self.current = None;
                    break;
                }
                None => {
                    self.current = None;
                    break;
                }
            };
            let mut writer = arrow_json::LineDelimitedWriter::new(&mut text);
            let written = writer.write(&batch).and_then(|()| writer.finish());
            if let Err(e) = written {
                let (group, row) = (cur.group, cur.next_row);
                self.pending = Some(self.bad_group(group, row, e.to_string()));
                self.current = None;
                break;
            }
            cur.next_row += batch.num_rows();
        }
        if text.is_empty() {
            return None;
        }
        Some(LineBlock {
            first_line: first_row,
            text: String::from_utf8_lossy(&text).into_owned(),
            skipped: Vec::new(),
            warning: None,
        })
    }

    /// The error of row group `group`, unreadable from row `row` on.
    fn bad_group(&self, group: usize, row: usize, why: String) -> IngestError {
        IngestError::BadParquet {
            path: self.input.display.clone(),
            why: format!("row group {group} unreadable from row {row} on: {why}"),
        }
    }
}

#[cfg(test)]
#[path = "parquet_tests.rs"]
mod tests;
