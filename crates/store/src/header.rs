//! The index's header: the format version and the hashing parameters the stored state was
//! made with, written when the file is created and checked on every open. A mismatch is a
//! typed error naming both sides.
//!
//! Must not: touch any table but `header`.

use crate::error::{db, StoreError};
use crate::tables::{FORMAT_VERSION, HEADER};
use redb::{ReadableTable, WriteTransaction};
use samestory_core::Config;
use serde::{Deserialize, Serialize};

/// What makes two sketches of one text equal: the shingle and hashing parameters, and the
/// engine's format constants.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Params {
    /// Words per shingle.
    pub shingle: usize,
    /// MinHash values per signature.
    pub num_perm: usize,
    /// LSH bands.
    pub lsh_bands: usize,
    /// Values per band.
    pub lsh_rows: usize,
    /// Winnowing window, in shingles.
    pub winnow_window: usize,
}

impl Params {
    /// The parameters `config` asks for.
    pub fn of(config: &Config) -> Self {
        let r = &config.relate;
        Params {
            shingle: r.shingle,
            num_perm: r.num_perm,
            lsh_bands: r.lsh_bands,
            lsh_rows: r.lsh_rows,
            winnow_window: r.winnow_window,
        }
    }

    /// `shingle=5 num_perm=128 …`, for error messages.
    pub fn describe(&self) -> String {
        format!(
            "shingle={} num_perm={} lsh_bands={} lsh_rows={} winnow_window={}",
            self.shingle, self.num_perm, self.lsh_bands, self.lsh_rows, self.winnow_window
        )
    }
}

/// The formats this build migrates on open (see [`crate::migrate`]).
const MIGRATES_FROM: [&str; 3] = [
    "samestory-index 2",
    "samestory-index 3",
    "samestory-index 4",
];

/// What [`write_or_check`] did to the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// A new index: the header was written (the tables are the caller's to create).
    Created,
    /// An index of this format with these parameters: nothing written.
    Checked,
    /// An index of an older format, brought to this one in `txn`.
    Migrated,
}

/// Writes the header of a new index, checks an existing one against `config`, or migrates
/// one of an older format (its parameters checked first).
pub fn write_or_check(
    txn: &WriteTransaction,
    config: &Config,
    index: &str,
) -> Result<Opened, StoreError> {
    let mut header = txn.open_table(HEADER).map_err(db(index))?;
    let current = Params::of(config);
    let found = header
        .get("format")
        .map_err(db(index))?
        .map(|v| v.value().to_vec());
    let Some(found) = found else {
        header
            .insert("format", FORMAT_VERSION.as_bytes())
            .map_err(db(index))?;
        let params = serde_json::to_vec(&current).unwrap_or_default();
        header
            .insert("params", params.as_slice())
            .map_err(db(index))?;
        return Ok(Opened::Created);
    };
    let found = String::from_utf8_lossy(&found).into_owned();
    let migrate = MIGRATES_FROM.contains(&found.as_str());
    if found != FORMAT_VERSION && !migrate {
        return Err(StoreError::Format {
            index: index.to_string(),
            found,
            expected: FORMAT_VERSION.to_string(),
        });
    }
    let stored = header
        .get("params")
        .map_err(db(index))?
        .map(|v| v.value().to_vec());
    let stored: Params = stored
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(|| StoreError::Corrupt {
            index: index.to_string(),
            table: "header",
            key: "params".into(),
            why: "missing or not the parameters' JSON".into(),
        })?;
    if stored != current {
        return Err(StoreError::Params {
            index: index.to_string(),
            stored: stored.describe(),
            current: current.describe(),
        });
    }
    if !migrate {
        return Ok(Opened::Checked);
    }
    drop(header);
    crate::tables::create_all(txn).map_err(db(index))?;
    if found == MIGRATES_FROM[0] {
        crate::migrate::from_format_2(txn, index)?;
    }
    if found != MIGRATES_FROM[2] {
        crate::migrate::from_format_3(txn, index)?;
    }
    crate::migrate::from_format_4(txn, index)?;
    txn.open_table(HEADER)
        .map_err(db(index))?
        .insert("format", FORMAT_VERSION.as_bytes())
        .map_err(db(index))?;
    Ok(Opened::Migrated)
}
