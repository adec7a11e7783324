//! `signatures(texts)` and `band_keys(signatures)`: the relation engine's own MinHash
//! signatures and LSH band keys (`samestory_relate::features::Sketcher`), computed in
//! parallel. Values are widened to `int64`: Spark refuses unsigned Arrow columns.

use crate::arrow::{chunked_strings, u32_lists};
use crate::errors::{Error, Result};
use arrow_array::builder::{Int64Builder, ListBuilder};
use arrow_array::{ArrayRef, ListArray};
use rayon::prelude::*;
use samestory_core::RelateConfig;
use samestory_relate::features::Sketcher;
use std::sync::Arc;

/// One signature per text (`num_perm` values), `None` for a null text or one without
/// words (the engine never bands those).
pub fn signatures(texts: &[ArrayRef], cfg: &RelateConfig) -> Result<ListArray> {
    let texts = chunked_strings(texts, "texts")?;
    let sketcher = Sketcher::new(cfg);
    let sigs: Vec<Option<Vec<u32>>> = texts
        .par_iter()
        .with_min_len(64)
        .map_init(|| sketcher.clone(), |s, t| t.and_then(|t| s.signature(t)))
        .collect();
    Ok(int64_lists(&sigs))
}

/// The band keys of each signature (`lsh_bands` keys), `None` for a null signature.
pub fn band_keys(signatures: &[ArrayRef], cfg: &RelateConfig) -> Result<ListArray> {
    let mut sigs = Vec::new();
    for chunk in signatures {
        sigs.extend(u32_lists(chunk.as_ref(), "signatures")?);
    }
    if let Some(bad) = sigs.iter().flatten().find(|s| s.len() != cfg.num_perm) {
        return Err(Error::Input(format!(
            "signatures: expected {} values each (relate.num_perm), found {}",
            cfg.num_perm,
            bad.len()
        )));
    }
    let sketcher = Sketcher::new(cfg);
    let keys: Vec<Option<Vec<u32>>> = sigs
        .par_iter()
        .with_min_len(256)
        .map(|s| s.as_ref().map(|s| sketcher.band_keys(s)))
        .collect();
    Ok(int64_lists(&keys))
}

/// `u32` rows as a `list<int64>` array.
fn int64_lists(rows: &[Option<Vec<u32>>]) -> ListArray {
    let values = rows.iter().flatten().map(Vec::len).sum();
    let mut b = ListBuilder::with_capacity(Int64Builder::with_capacity(values), rows.len());
    for row in rows {
        match row {
            Some(v) => {
                b.values().extend(v.iter().map(|&x| Some(i64::from(x))));
                b.append(true);
            }
            None => b.append(false),
        }
    }
    b.finish()
}

/// The array as an `ArrayRef`.
pub fn into_ref(a: ListArray) -> ArrayRef {
    Arc::new(a)
}
