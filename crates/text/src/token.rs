//! Word tokens: UAX#29 word boundaries (words containing a letter or digit) over the original
//! text, each with its char offsets into that text and its normalised form or hash.
//!
//! Boundaries are found on the original string, then each word is normalised on its own, so
//! offsets never shift. [`token_hashes`] is the allocation-free path for shingling.

use crate::normalize::normalize_word_into;
use unicode_segmentation::UnicodeSegmentation;
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Seed of [`word_hash`] (persisted: changing it changes every stored hash).
pub const WORD_SEED: u64 = 0x5a4d_5354_0001_0001;

/// A word of the original text: normalised text plus char offsets `[start, end)` into the
/// original string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The normalised word (see [`crate::normalize()`]).
    pub text: String,
    /// Char offset of the word's first char in the original string.
    pub start: usize,
    /// Char offset one past the word's last char in the original string.
    pub end: usize,
}

/// A word reduced to its hash: what shingling needs, with no allocation per word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenHash {
    /// [`word_hash`] of the normalised word.
    pub hash: u64,
    /// Char offset of the word's first char in the original string.
    pub start: usize,
    /// Char offset one past the word's last char in the original string.
    pub end: usize,
}

/// Hash of one normalised word (xxh3-64, seed [`WORD_SEED`]).
pub fn word_hash(normalised: &str) -> u64 {
    xxh3_64_with_seed(normalised.as_bytes(), WORD_SEED)
}

/// [`word_hash`] of the ASCII word `bytes[start..end]`, lowercased on the fly: words of up
/// to 16 bytes are loaded as two little-endian words, lowercased eight bytes at a time and
/// hashed from registers (`xxh3short`).
#[inline(always)]
fn ascii_word_hash(bytes: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    if len > 16 {
        let lower: Vec<u8> = bytes[start..end].to_ascii_lowercase();
        return xxh3_64_with_seed(&lower, WORD_SEED);
    }
    let (lo, hi) = match bytes.get(start..start + 16) {
        Some(src) => (le64(&src[..8]), le64(&src[8..])),
        None => {
            let mut buf = [0u8; 16];
            buf[..len].copy_from_slice(&bytes[start..end]);
            (le64(&buf[..8]), le64(&buf[8..]))
        }
    };
    crate::xxh3short::xxh3_64_short(lower8(lo), lower8(hi), len, WORD_SEED)
}

/// The little-endian `u64` of eight bytes.
#[inline]
fn le64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    u64::from_le_bytes(a)
}

/// Lowercases eight ASCII bytes (SWAR: `A..=Z` get bit 0x20).
#[inline]
fn lower8(x: u64) -> u64 {
    let ge_a = x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let gt_z = x.wrapping_add(0x2525_2525_2525_2525);
    x | (((ge_a ^ gt_z) & 0x8080_8080_8080_8080) >> 2)
}

/// The words of `body` in order, normalised, with char offsets into `body`.
pub fn tokens(body: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for_each_word(body, |word, start, end| {
        normalize_word_into(word, &mut buf);
        out.push(Token {
            text: buf.clone(),
            start,
            end,
        });
    });
    out
}

/// The words of `body` as hashes with char offsets; same words and offsets as [`tokens`],
/// and `hash == word_hash(&token.text)`.
pub fn token_hashes(body: &str) -> Vec<TokenHash> {
    let mut out = Vec::with_capacity(body.len() / 6);
    for_each_token_hash(body, |t| out.push(t));
    out
}

/// Calls `f` for each word of `body` as a [`TokenHash`], in order, allocating nothing for
/// ASCII text: the streaming form of [`token_hashes`].
#[inline]
pub fn for_each_token_hash(body: &str, mut f: impl FnMut(TokenHash)) {
    if body.is_ascii() {
        let bytes = body.as_bytes();
        return crate::ascii::for_each_ascii_span(
            bytes,
            #[inline(always)]
            |start, end| {
                let hash = ascii_word_hash(bytes, start, end);
                f(TokenHash { hash, start, end })
            },
        );
    }
    let mut buf = String::new();
    for_each_word(body, |word, start, end| {
        normalize_word_into(word, &mut buf);
        f(TokenHash {
            hash: word_hash(&buf),
            start,
            end,
        });
    });
}

/// Calls `f(word, char_start, char_end)` for each UAX#29 word of `text`.
fn for_each_word(text: &str, mut f: impl FnMut(&str, usize, usize)) {
    if text.is_ascii() {
        return crate::ascii::for_each_ascii_word(text, f);
    }
    let mut chars = CharCounter::new(text);
    for (b, w) in text.unicode_word_indices() {
        let start = chars.at(b);
        let end = chars.at(b + w.len());
        f(w, start, end);
    }
}

/// Converts increasing byte offsets into char offsets in one forward pass.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str) -> Self {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Char offset of byte offset `b` (must not be smaller than the previous call's).
    fn at(&mut self, b: usize) -> usize {
        self.chars += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokens(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_are_folded_and_punctuation_dropped() {
        assert_eq!(
            texts("The U.S. said: 130,000 troops!"),
            ["the", "u.s", "said", "130,000", "troops"]
        );
    }

    #[test]
    fn offsets_are_chars_of_the_original() {
        let body = "Ünïcödé — “Кулеба” said";
        let toks = tokens(body);
        let chars: Vec<char> = body.chars().collect();
        for t in &toks {
            let orig: String = chars[t.start..t.end].iter().collect();
            assert_eq!(crate::normalize(&orig), t.text);
        }
        assert_eq!(texts(body), ["ünïcödé", "кулеба", "said"]);
        assert_eq!((toks[1].start, toks[1].end), (11, 17));
    }

    #[test]
    fn cjk_splits_per_ideograph() {
        assert_eq!(texts("日本語 text"), ["日", "本", "語", "text"]);
    }

    #[test]
    fn hashes_agree_with_tokens() {
        let body = "Ｆｕｌｌ width and ﬁne “quotes” — dashes";
        let toks = tokens(body);
        let hs = token_hashes(body);
        assert_eq!(toks.len(), hs.len());
        for (t, h) in toks.iter().zip(&hs) {
            assert_eq!(
                (t.start, t.end, word_hash(&t.text)),
                (h.start, h.end, h.hash)
            );
        }
    }
}
