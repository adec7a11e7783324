//! ASCII fast path of UAX#29 word segmentation: the word-boundary rules (WB5–WB13b)
//! restricted to ASCII, where they reduce to a few byte classes. Used by `token` when the
//! whole text is ASCII; a property test checks it against `unicode-segmentation`. Also
//! [`for_each_letter_run`]: the runs of ASCII letters in any bytes, for cheap word tests.
//!
//! The text is classified 64 bytes at a time with SIMD compares (`wide`, SSE2 on x86-64)
//! into one bitmask per class; a byte is in a word when it is a letter, a digit, `_`, or a
//! middle char (`.` `'` `:` between letters, `.` `'` `,` `;` between digits). Words are then
//! the runs of set bits, found with `trailing_zeros` on the mask's edges: no per-byte branch.
//! A run of underscores alone is not a word.

use wide::i8x64;

/// Bytes classified at a time.
const BLOCK: usize = 64;

/// Per-class bitmasks of one block (bit `i` = byte `i`; bytes past the text are in none).
#[derive(Clone, Copy, Debug, Default)]
struct Classes {
    letter: u64,
    digit: u64,
    under: u64,
    mid_letter: u64,
    mid_num: u64,
}

/// The class masks of up to 64 bytes.
#[inline]
fn classify(chunk: &[u8]) -> Classes {
    let v = i8x64::from(load(chunk));
    let splat = i8x64::splat;
    // Range tests by a wrapping shift into the bottom of the signed range: `x + (128 - lo)`
    // is below `hi - lo + 1 - 128` exactly when `lo <= x <= hi`.
    let letter = letter_mask(v);
    let digit = (v + splat(80)).simd_lt(splat(-118)).to_bitmask();
    let eq = |b: u8| v.simd_eq(splat(b as i8));
    let mid_both = eq(b'.') | eq(b'\'');
    Classes {
        letter,
        digit,
        under: eq(b'_').to_bitmask(),
        mid_letter: (eq(b':') | mid_both).to_bitmask(),
        mid_num: (eq(b',') | eq(b';') | mid_both).to_bitmask(),
    }
}

/// The ASCII letters among 64 bytes as signed lanes (a byte of a multi-byte char is none).
#[inline(always)]
fn letter_mask(v: i8x64) -> u64 {
    // Range test by a wrapping shift into the bottom of the signed range (see `classify`):
    // `(b | 0x20) + 31` is below -102 exactly for `a..=z`.
    let lower = v | i8x64::splat(0x20);
    (lower + i8x64::splat(31))
        .simd_lt(i8x64::splat(-102))
        .to_bitmask()
}

/// Calls `f(start, end)` (byte offsets) for each maximal run of ASCII letters in `bytes`
/// (any bytes: those of a multi-byte char are no letter), in order, until `f` returns
/// `true`. Classified 64 bytes at a time like the words.
pub fn for_each_letter_run(bytes: &[u8], mut f: impl FnMut(usize, usize) -> bool) {
    let (mut carry, mut start, mut base) = (0u64, 0usize, 0usize);
    for chunk in bytes.chunks(BLOCK) {
        let letters = letter_mask(i8x64::from(load(chunk)));
        let mut edges = letters ^ ((letters << 1) | carry);
        while edges != 0 {
            let bit = edges.trailing_zeros() as usize;
            if letters >> bit & 1 == 1 {
                start = base + bit;
            } else if f(start, base + bit) {
                return;
            }
            edges &= edges - 1;
        }
        carry = letters >> 63;
        base += BLOCK;
    }
    if carry == 1 {
        f(start, bytes.len());
    }
}

/// Up to 64 bytes as signed lanes, zero-padded (a full block is one plain load).
#[inline(always)]
fn load(chunk: &[u8]) -> [i8; BLOCK] {
    if let Ok(full) = <&[u8; BLOCK]>::try_from(chunk) {
        return full.map(|b| b as i8);
    }
    let mut a = [0i8; BLOCK];
    a.iter_mut().zip(chunk).for_each(|(d, &s)| *d = s as i8);
    a
}

/// Which bytes of block `cur` are in a word, given its neighbours `prev` and `next`.
#[inline]
fn word_mask(prev: &Classes, cur: &Classes, next: &Classes) -> u64 {
    let before = |m: u64, p: u64| (m << 1) | (p >> 63);
    let after = |m: u64, n: u64| (m >> 1) | (n << 63);
    let letters = before(cur.letter, prev.letter) & after(cur.letter, next.letter);
    let digits = before(cur.digit, prev.digit) & after(cur.digit, next.digit);
    let joins = (cur.mid_letter & letters) | (cur.mid_num & digits);
    cur.letter | cur.digit | cur.under | joins
}

/// Calls `f(start, end)` (byte offsets) for each UAX#29 word of the ASCII text `text`.
pub(crate) fn for_each_ascii_word<'a>(text: &'a str, mut f: impl FnMut(&'a str, usize, usize)) {
    for_each_ascii_span(text.as_bytes(), |start, end| {
        f(&text[start..end], start, end)
    });
}

/// Calls `f(start, end)` for each word of the ASCII bytes `bytes`, in order.
#[inline]
pub(crate) fn for_each_ascii_span(bytes: &[u8], mut f: impl FnMut(usize, usize)) {
    let mut blocks = bytes.chunks(BLOCK).map(classify);
    let Some(mut cur) = blocks.next() else {
        return;
    };
    let (mut prev, mut carry, mut start, mut base) = (Classes::default(), 0u64, 0usize, 0usize);
    loop {
        let next = blocks.next();
        let words = word_mask(&prev, &cur, next.as_ref().unwrap_or(&Classes::default()));
        let mut edges = words ^ ((words << 1) | carry);
        while edges != 0 {
            let bit = edges.trailing_zeros() as usize;
            if words >> bit & 1 == 1 {
                start = base + bit;
            } else {
                emit(bytes, start, base + bit, &mut f);
            }
            edges &= edges - 1;
        }
        carry = words >> 63;
        base += BLOCK;
        let Some(n) = next else { break };
        (prev, cur) = (cur, n);
    }
    if carry == 1 {
        emit(bytes, start, bytes.len(), &mut f);
    }
}

/// Passes on the run `start..end` unless it has no letter or digit (underscores only).
#[inline(always)]
fn emit(bytes: &[u8], start: usize, end: usize, f: &mut impl FnMut(usize, usize)) {
    // A run starts with a letter, a digit or `_` (a middle char needs a letter or digit
    // before it, which would belong to the run): only runs led by `_` need a look inside.
    if bytes[start] != b'_' || bytes[start..end].iter().any(u8::is_ascii_alphanumeric) {
        f(start, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(usize, &str)> {
        let mut v = Vec::new();
        for_each_ascii_word(s, |w, a, _| v.push((a, w)));
        v
    }

    #[test]
    fn classes_are_exact_on_every_ascii_byte() {
        for b in 0u8..128 {
            let c = classify(&[b'!', b, b'a']);
            let bit = |m: u64| m >> 1 & 1 == 1;
            assert_eq!(bit(c.letter), b.is_ascii_alphabetic(), "byte {b}");
            assert_eq!(bit(c.digit), b.is_ascii_digit(), "byte {b}");
            assert_eq!(bit(c.under), b == b'_', "byte {b}");
            assert_eq!(bit(c.mid_letter), b":.'".contains(&b), "byte {b}");
            assert_eq!(bit(c.mid_num), b",;.'".contains(&b), "byte {b}");
            assert_eq!(
                (c.letter | c.digit | c.under) >> 3,
                0,
                "padding is in no class"
            );
        }
    }

    #[test]
    fn mid_chars_join_only_the_right_neighbours() {
        assert_eq!(
            words("U.S. 1,000.5 a:b 1:2 a,b don't _x_ __"),
            [
                (0, "U.S"),
                (5, "1,000.5"),
                (13, "a:b"),
                (17, "1"),
                (19, "2"),
                (21, "a"),
                (23, "b"),
                (25, "don't"),
                (31, "_x_")
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn letter_runs_are_the_maximal_ascii_letter_runs(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![b'a'..=b'z', b'A'..=b'Z', proptest::num::u8::ANY], 0..300),
            stop in 0usize..40,
        ) {
            let mut expected = Vec::new();
            let mut at = 0;
            for run in bytes.split(|b| !b.is_ascii_alphabetic()) {
                if !run.is_empty() {
                    expected.push((at, at + run.len()));
                }
                at += run.len() + 1;
            }
            let mut got = Vec::new();
            for_each_letter_run(&bytes, |s, e| {
                got.push((s, e));
                got.len() > stop
            });
            expected.truncate(stop + 1);
            proptest::prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn words_and_joins_cross_block_boundaries() {
        for pad in 55..70 {
            let text = format!("{}ab.cd 1,5 __ word{}", " ".repeat(pad), "x".repeat(70));
            let got: Vec<&str> = words(&text).into_iter().map(|(_, w)| w).collect();
            let long = format!("word{}", "x".repeat(70));
            assert_eq!(got, ["ab.cd", "1,5", long.as_str()], "pad {pad}");
        }
        assert_eq!(words(&"a".repeat(128)).len(), 1);
        assert_eq!(
            words(&format!("{}.", "a".repeat(63))),
            [(0, "a".repeat(63).as_str())]
        );
    }
}
