//! ASCII fast path of UAX#29 word segmentation: the word-boundary rules (WB5–WB13b)
//! restricted to ASCII, where they reduce to a few byte classes. Used by `token` when the
//! whole text is ASCII; a property test checks it against `unicode-segmentation`. Runs of
//! letters and digits are skipped eight bytes at a time (SWAR masks, safe code); the class
//! table decides only at a run's end (underscore, or a middle char such as `.` `'` `,`).

/// Class bits of a byte: part of a word (letter, digit, `_`), letter, digit, and the two
/// kinds of middle chars: `:` `.` `'` join letters (MidLetter, MidNumLet, Single_Quote),
/// `,` `;` `.` `'` join digits (MidNum, MidNumLet, Single_Quote).
const WORD: u8 = 1;
const LETTER: u8 = 2;
const DIGIT: u8 = 4;
const MID_LETTER: u8 = 8;
const MID_NUM: u8 = 16;

/// Class bits of every byte, computed at compile time (the scan is per byte).
static CLASSES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = class_of(b as u8);
        b += 1;
    }
    t
};

#[inline]
fn class(b: u8) -> u8 {
    CLASSES[b as usize]
}

const fn class_of(b: u8) -> u8 {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => WORD | LETTER,
        b'0'..=b'9' => WORD | DIGIT,
        b'_' => WORD,
        b':' => MID_LETTER,
        b',' | b';' => MID_NUM,
        b'.' | b'\'' => MID_LETTER | MID_NUM,
        _ => 0,
    }
}

/// Calls `f(word, start, end)` (byte = char offsets) for each word of an ASCII text that
/// contains a letter or digit, exactly as `unicode_word_indices` would.
pub(crate) fn for_each_ascii_word<'a>(text: &'a str, mut f: impl FnMut(&'a str, usize, usize)) {
    for_each_ascii_span(text.as_bytes(), |start, end| {
        f(&text[start..end], start, end)
    });
}

/// Calls `f(start, end)` for each word of ASCII `bytes` (see [`for_each_ascii_word`]).
#[inline]
pub(crate) fn for_each_ascii_span(bytes: &[u8], mut f: impl FnMut(usize, usize)) {
    let mut i = 0;
    while i < bytes.len() {
        if class(bytes[i]) & WORD == 0 {
            i += 1;
            continue;
        }
        let (end, seen) = word_end(bytes, i);
        if seen & (LETTER | DIGIT) != 0 {
            f(i, end);
        }
        i = end;
    }
}

/// End of the word segment starting at `start` (a word byte), and the union of its class bits.
#[inline(always)]
fn word_end(bytes: &[u8], start: usize) -> (usize, u8) {
    let mut i = alnum_run_end(bytes, start);
    let mut seen = if i > start { LETTER } else { 0 };
    while let Some(&b) = bytes.get(i) {
        let c = class(b);
        if c & WORD != 0 {
            seen |= c;
            i += 1;
        } else if c & (MID_LETTER | MID_NUM) != 0 && joins_at(bytes, i) {
            seen |= class(bytes[i + 1]);
            i += 2;
        } else {
            break;
        }
    }
    (i, seen)
}

/// Whether the middle byte at `i` (not the first byte of a word) keeps the word together.
#[inline]
fn joins_at(bytes: &[u8], i: usize) -> bool {
    i + 1 < bytes.len() && joins(bytes[i - 1], bytes[i], bytes[i + 1])
}

/// End of the run of ASCII letters and digits starting at `start`, eight bytes at a time
/// (SWAR); stops early, at worst at `start`, near the end of `bytes`, where the byte loop
/// of [`word_end`] takes over. Any letter-or-digit run counts as a letter for `seen`.
#[inline(always)]
fn alnum_run_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(chunk);
        let other = !alnum_mask(u64::from_le_bytes(a)) & 0x8080_8080_8080_8080;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// High bit of each byte of `x` (ASCII bytes only) set iff that byte is a letter or digit.
#[inline]
fn alnum_mask(x: u64) -> u64 {
    let lower = x | 0x2020_2020_2020_2020;
    let letter =
        lower.wrapping_add(0x1f1f_1f1f_1f1f_1f1f) & !lower.wrapping_add(0x0505_0505_0505_0505);
    let digit = x.wrapping_add(0x5050_5050_5050_5050) & !x.wrapping_add(0x4646_4646_4646_4646);
    (letter | digit) & 0x8080_8080_8080_8080
}

/// Whether a middle byte `mid` between `prev` and `next` keeps the word together.
#[inline]
fn joins(prev: u8, mid: u8, next: u8) -> bool {
    let (p, m, n) = (class(prev), class(mid), class(next));
    (p & n & LETTER != 0 && m & MID_LETTER != 0) || (p & n & DIGIT != 0 && m & MID_NUM != 0)
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
    fn alnum_mask_is_exact_on_every_ascii_byte() {
        for b in 0u8..128 {
            let x = u64::from_le_bytes([b'!', b, b'a', 0, b'Z', b'9', 0x7f, b]);
            let m = alnum_mask(x).to_le_bytes();
            assert_eq!(m[1] != 0, b.is_ascii_alphanumeric(), "byte {b}");
            assert_eq!(
                m.map(|v| v != 0),
                [
                    false,
                    b.is_ascii_alphanumeric(),
                    true,
                    false,
                    true,
                    true,
                    false,
                    b.is_ascii_alphanumeric()
                ]
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
}
