//! Sketches of shingle sets: what lets samestory find candidate pairs without comparing
//! every pair.
//!
//! Owns: [`MinHasher`] (one-permutation MinHash with optimal densification, 32-bit values,
//! one hash per shingle; [`SignatureBuilder`] takes them one at a time), [`Signature`] and
//! its Jaccard estimate, [`Lsh`] banding into bucket keys and candidate pairs, [`winnow()`]
//! fingerprints (for the containment path; [`Winnower`] is its streaming form), [`simhash()`].
//! The streaming forms let a caller sketch a text in one pass over its words, with no
//! intermediate vectors; differential tests check they equal the slice forms.
//!
//! Must not: read bodies or tokens (input is shingle hashes from `samestory-text`), verify
//! anything (every estimate here is only a reason to look; `samestory-relate` verifies).
//!
//! Invariants: all outputs are pure functions of the input hashes and the fixed seeds
//! ([`SKETCH_SEED`]); they are stable across platforms and thread counts.
//!
//! ```
//! use samestory_sketch::{MinHasher, Lsh};
//! let a: Vec<u64> = (0..500).collect();
//! let b: Vec<u64> = (50..550).collect();
//! let mh = MinHasher::default();
//! let (sa, sb) = (mh.signature(&a), mh.signature(&b));
//! assert!((sa.jaccard(&sb) - 450.0 / 550.0).abs() < 0.2);
//! let lsh = Lsh::default();
//! assert_eq!(lsh.candidate_pairs(&[sa, sb]), vec![(0, 1)]);
//! ```

mod lsh;
mod minhash;
mod simhash;
mod winnow;

pub use lsh::{candidate_probability, Lsh};
pub use minhash::{MinHasher, Signature, SignatureBuilder, SKETCH_SEED};
pub use simhash::{hamming, simhash};
pub use winnow::{for_each_winnowed, winnow, Fingerprint, Winnower};

/// splitmix64 finaliser: a fixed, seedable 64-bit mix used by every sketch.
pub(crate) fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
