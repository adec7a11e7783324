//! The one normaliser and tokeniser of samestory.
//!
//! Owns: text normalisation ([`normalize()`], [`normalized_hash`]: NFKC, case folding, quotes and dashes folded,
//! whitespace collapsed), UAX#29 word tokens with char offsets ([`tokens`], and the
//! allocation-free [`for_each_token_hash`] / [`token_hashes`] for hot paths), hashed word
//! shingles ([`shingle_hashes`], [`shingles_of`], [`shingles_into`], the streaming [`Shingler`]) and quotation
//! spans ([`quote_spans`]).
//!
//! Must not: do I/O, know about documents, sketches or relations.
//!
//! Invariants: every offset is a char (Unicode scalar value) offset into the *original*
//! string passed in; normalisation changes token text, never offsets. Word hashes are xxh3-64
//! of the normalised word with the fixed seed [`WORD_SEED`]; shingle hashes are a rolling
//! polynomial over the word hashes, mixed with [`SHINGLE_SEED`] (format 3; see the `shingle`
//! module: format 1, xxh3 over the window's bytes, was replaced before any index was
//! persisted). Both are persisted, so changing them (or the normalisation) is a format change.
//!
//! ```
//! let toks = samestory_text::tokens("“Don’t” PANIC — 42");
//! let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
//! assert_eq!(words, ["don't", "panic", "42"]);
//! assert_eq!((toks[1].start, toks[1].end), (8, 13));
//! ```

mod ascii;
mod normalize;
mod quote;
mod shingle;
mod token;
mod xxh3short;

pub use ascii::for_each_letter_run;
pub use normalize::{normalize, normalize_word_into, normalized_hash};
pub use quote::quote_spans;
pub use shingle::{
    shingle_hashes, shingles_into, shingles_of, Shingler, DEFAULT_SHINGLE, SHINGLE_SEED,
};
pub use token::{
    for_each_token_hash, token_hashes, tokens, word_hash, Token, TokenHash, WORD_SEED,
};
