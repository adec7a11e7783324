//! Where a document's compressed body lives: one zstd frame cut into pieces of at most
//! [`PIECE_BYTES`] bytes under `(id, 0)`, `(id, 1)`, … in `body_pieces`. A body of news
//! length (2–3 KB compressed) as one value takes a 4 KiB B-tree page of its own and leaves
//! the rest of it empty (about 1.4 KB a document); pieces pack several bodies to a page.
//!
//! Must not: compress, decompress or know what a body says (`record` does that).

use crate::error::{db, StoreError};
use crate::tables::BODY_PIECES;
use redb::{ReadableTable, Table, TableDefinition, WriteTransaction};

/// Format 2's `document id → body` table, one value a body.
const FORMAT_2_BODIES: TableDefinition<&str, &[u8]> = TableDefinition::new("bodies");

/// The largest piece: small enough that pages fill, large enough that a body is a few.
pub const PIECE_BYTES: usize = 512;

/// Writes `bytes` as the body of `id`, replacing a stored one.
pub fn write(
    table: &mut Table<'_, (&'static str, u16), &'static [u8]>,
    id: &str,
    bytes: &[u8],
    index: &str,
) -> Result<(), StoreError> {
    remove(table, id, index)?;
    for (k, piece) in bytes.chunks(PIECE_BYTES).enumerate() {
        let k = u16::try_from(k).map_err(|_| StoreError::Corrupt {
            index: index.to_string(),
            table: "body_pieces",
            key: id.to_string(),
            why: format!("a body of {} compressed bytes is too long", bytes.len()),
        })?;
        table.insert((id, k), piece).map_err(db(index))?;
    }
    Ok(())
}

/// Removes the body of `id` (nothing when none is stored).
pub fn remove(
    table: &mut Table<'_, (&'static str, u16), &'static [u8]>,
    id: &str,
    index: &str,
) -> Result<(), StoreError> {
    for k in 0..=u16::MAX {
        if table.remove((id, k)).map_err(db(index))?.is_none() {
            break;
        }
    }
    Ok(())
}

/// The stored bytes of the body of `id`, when there is one.
pub fn read(
    table: &impl ReadableTable<(&'static str, u16), &'static [u8]>,
    id: &str,
    index: &str,
) -> Result<Option<Vec<u8>>, StoreError> {
    let mut bytes = Vec::new();
    let mut pieces = 0;
    for entry in table.range((id, 0)..=(id, u16::MAX)).map_err(db(index))? {
        bytes.extend_from_slice(entry.map_err(db(index))?.1.value());
        pieces += 1;
    }
    Ok((pieces > 0).then_some(bytes))
}

/// Moves the bodies of a format-2 index, one value each, into pieces.
pub fn migrate(txn: &WriteTransaction, index: &str) -> Result<(), StoreError> {
    {
        let old = txn.open_table(FORMAT_2_BODIES).map_err(db(index))?;
        let mut pieces = txn.open_table(BODY_PIECES).map_err(db(index))?;
        for entry in old.iter().map_err(db(index))? {
            let (id, bytes) = entry.map_err(db(index))?;
            write(&mut pieces, id.value(), bytes.value(), index)?;
        }
    }
    txn.delete_table(FORMAT_2_BODIES).map_err(db(index))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use redb::backends::InMemoryBackend;
    use redb::ReadableTableMetadata;

    #[test]
    fn a_body_comes_back_whole_and_a_shorter_revision_leaves_no_old_pieces() {
        let db = redb::Builder::new()
            .create_with_backend(InMemoryBackend::new())
            .unwrap();
        let long: Vec<u8> = (0..PIECE_BYTES * 3 + 7).map(|i| i as u8).collect();
        let txn = db.begin_write().unwrap();
        {
            let mut t = txn.open_table(BODY_PIECES).unwrap();
            write(&mut t, "a", &long, "mem").unwrap();
            write(&mut t, "ab", b"neighbour", "mem").unwrap();
            assert_eq!(read(&t, "a", "mem").unwrap().as_deref(), Some(&long[..]));
            write(&mut t, "a", b"short", "mem").unwrap();
            assert_eq!(
                read(&t, "a", "mem").unwrap().as_deref(),
                Some(&b"short"[..])
            );
            assert_eq!(t.len().unwrap(), 2, "the old pieces are gone");
            remove(&mut t, "a", "mem").unwrap();
            assert_eq!(read(&t, "a", "mem").unwrap(), None);
            assert_eq!(
                read(&t, "ab", "mem").unwrap().as_deref(),
                Some(&b"neighbour"[..])
            );
            write(&mut t, "e", b"", "mem").unwrap();
            assert_eq!(read(&t, "e", "mem").unwrap(), None, "no bytes, no body");
        }
        txn.commit().unwrap();
    }
}
