//! ASCII fast path of UAX#29 word segmentation: the word-boundary rules (WB5–WB13b)
//! restricted to ASCII, where they reduce to a few byte classes. Used by `token` when the
//! whole text is ASCII; a property test checks it against `unicode-segmentation`.

/// Byte classes that matter to the word rules in ASCII.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Underscore,
    /// `:` joins letters only (MidLetter).
    MidLetter,
    /// `,` `;` join digits only (MidNum).
    MidNum,
    /// `.` `'` join letters or digits (MidNumLet, Single_Quote).
    MidBoth,
    Other,
}

/// Class of every byte, computed at compile time (the scan is per byte).
static CLASSES: [Class; 256] = {
    let mut t = [Class::Other; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = class_of(b as u8);
        b += 1;
    }
    t
};

#[inline]
fn class(b: u8) -> Class {
    CLASSES[b as usize]
}

const fn class_of(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Underscore,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b'.' | b'\'' => Class::MidBoth,
        _ => Class::Other,
    }
}

fn is_word(c: Class) -> bool {
    matches!(c, Class::Letter | Class::Digit | Class::Underscore)
}

/// Calls `f(word, start, end)` (byte = char offsets) for each word of an ASCII text that
/// contains a letter or digit, exactly as `unicode_word_indices` would.
pub(crate) fn for_each_ascii_word<'a>(text: &'a str, mut f: impl FnMut(&'a str, usize, usize)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !is_word(class(bytes[i])) {
            i += 1;
            continue;
        }
        let end = word_end(bytes, i);
        if bytes[i..end].iter().any(u8::is_ascii_alphanumeric) {
            f(&text[i..end], i, end);
        }
        i = end;
    }
}

/// End of the word segment starting at `start` (a word byte).
fn word_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        let (prev, cur) = (class(bytes[i - 1]), class(bytes[i]));
        if is_word(cur) {
            i += 1;
        } else if i + 1 < bytes.len() && joins(prev, cur, class(bytes[i + 1])) {
            i += 2;
        } else {
            break;
        }
    }
    i
}

/// Whether a middle char `mid` between `prev` and `next` keeps the word together.
fn joins(prev: Class, mid: Class, next: Class) -> bool {
    match (prev, next) {
        (Class::Letter, Class::Letter) => matches!(mid, Class::MidLetter | Class::MidBoth),
        (Class::Digit, Class::Digit) => matches!(mid, Class::MidNum | Class::MidBoth),
        _ => false,
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
