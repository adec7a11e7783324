//! JSON Lines: rows (any `Serialize`, in practice samestory-pipeline's `rows`) written one
//! object per line, in the order given, into a buffered file that knows its path for errors.
//!
//! Must not: reorder rows or change their JSON; the row types own the shape.

use crate::OutputError;
use samestory_core::WRITE_BUFFER;
use serde::Serialize;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Writes rows as JSON Lines to `out` (a serialisation failure comes back as an I/O error of
/// kind `InvalidData`).
pub fn write_jsonl<T: Serialize>(
    out: &mut impl Write,
    rows: impl IntoIterator<Item = T>,
) -> std::io::Result<()> {
    for row in rows {
        serde_json::to_writer(&mut *out, &row)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A JSON Lines file being written (created, replacing any file of that name; buffered).
pub struct JsonlFile {
    path: PathBuf,
    out: BufWriter<File>,
}

impl JsonlFile {
    /// Creates `path`.
    pub fn create(path: &Path) -> Result<Self, OutputError> {
        let file = File::create(path).map_err(|source| OutputError::Create {
            path: path.to_owned(),
            source,
        })?;
        Ok(JsonlFile {
            path: path.to_owned(),
            out: BufWriter::with_capacity(WRITE_BUFFER, file),
        })
    }

    /// Writes one row as a line.
    pub fn write<T: Serialize>(&mut self, row: &T) -> Result<(), OutputError> {
        write_jsonl(&mut self.out, [row]).map_err(|e| OutputError::write(&self.path, e))
    }

    /// Writes one line already serialised (without its newline).
    pub fn write_line(&mut self, line: &str) -> Result<(), OutputError> {
        let written = self
            .out
            .write_all(line.as_bytes())
            .and_then(|()| self.out.write_all(b"\n"));
        written.map_err(|e| OutputError::write(&self.path, e))
    }

    /// Flushes the file.
    pub fn finish(mut self) -> Result<(), OutputError> {
        self.out
            .flush()
            .map_err(|e| OutputError::write(&self.path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_lines_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rows.jsonl");
        let mut file = JsonlFile::create(&path).unwrap();
        file.write(&serde_json::json!({"id": "b"})).unwrap();
        file.write_line(r#"{"id":"a"}"#).unwrap();
        file.finish().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "{\"id\":\"b\"}\n{\"id\":\"a\"}\n");
    }

    #[test]
    fn an_uncreatable_file_names_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("rows.jsonl");
        let Err(e) = JsonlFile::create(&path) else {
            panic!("creating under a missing directory must fail")
        };
        assert!(e.to_string().contains("missing/rows.jsonl: cannot create"));
    }
}
