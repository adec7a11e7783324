//! Long values cut into pieces of at most [`PIECE_BYTES`] bytes under `(id, 0)`, `(id, 1)`,
//! …: the compressed bodies (`body_pieces`) and story lines (`story_pieces`). A value of a few
//! KB takes a B-tree page of its own (4 KiB, or the next power of two) and leaves the rest of
//! it empty — a news-length body wasted about 1.4 KB that way; pieces pack several values to
//! a page.
//!
//! Must not: compress, decompress or know what a value says (`record` does that).

use crate::error::{db, StoreError};
use redb::{ReadableTable, Table, TableDefinition, WriteTransaction};

/// A table of values in pieces.
pub type Pieces = TableDefinition<'static, (&'static str, u16), &'static [u8]>;

/// The largest piece: small enough that pages fill, large enough that a body is a few.
pub const PIECE_BYTES: usize = 512;

/// Writes `bytes` as the value of `id`, replacing a stored one.
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
            table: "pieces",
            key: id.to_string(),
            why: format!("a value of {} bytes is too long", bytes.len()),
        })?;
        table.insert((id, k), piece).map_err(db(index))?;
    }
    Ok(())
}

/// Removes the value of `id` (nothing when none is stored).
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

/// The stored value of `id`, when there is one.
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

/// Every stored value, in id order.
pub fn all<'t>(
    table: &'t impl ReadableTable<(&'static str, u16), &'static [u8]>,
    index: &'t str,
) -> Result<impl Iterator<Item = Result<(String, Vec<u8>), StoreError>> + 't, StoreError> {
    let mut entries = table.iter().map_err(db(index))?.peekable();
    Ok(std::iter::from_fn(move || {
        let (key, piece) = match entries.next()? {
            Ok(entry) => entry,
            Err(e) => return Some(Err(db(index)(e))),
        };
        let id = key.value().0.to_string();
        let mut bytes = piece.value().to_vec();
        while let Some(Ok((next, _))) = entries.peek() {
            if next.value().0 != id {
                break;
            }
            match entries.next() {
                Some(Ok((_, piece))) => bytes.extend_from_slice(piece.value()),
                Some(Err(e)) => return Some(Err(db(index)(e))),
                None => break,
            }
        }
        Some(Ok((id, bytes)))
    }))
}

/// Moves the values of format 2's table `from` (`id → bytes`, one value each) into pieces
/// in `to`, and deletes `from`.
pub fn migrate(
    txn: &WriteTransaction,
    from: TableDefinition<&str, &[u8]>,
    to: Pieces,
    index: &str,
) -> Result<(), StoreError> {
    {
        let old = txn.open_table(from).map_err(db(index))?;
        let mut pieces = txn.open_table(to).map_err(db(index))?;
        for entry in old.iter().map_err(db(index))? {
            let (id, bytes) = entry.map_err(db(index))?;
            write(&mut pieces, id.value(), bytes.value(), index)?;
        }
    }
    txn.delete_table(from).map_err(db(index))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::BODY_PIECES;
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
            assert_eq!(read(&t, "e", "mem").unwrap(), None, "no bytes, no value");
            write(&mut t, "z", &long, "mem").unwrap();
            let every: Vec<(String, Vec<u8>)> =
                all(&t, "mem").unwrap().map(Result::unwrap).collect();
            assert_eq!(
                every,
                [
                    ("ab".to_string(), b"neighbour".to_vec()),
                    ("z".to_string(), long.clone())
                ]
            );
        }
        txn.commit().unwrap();
    }
}
