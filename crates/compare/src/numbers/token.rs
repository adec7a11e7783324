//! Tokens of one sentence for the number scanner: runs of ASCII digits (with the `,` and
//! `.` that sit between digits), runs of letters (with inner apostrophes), and single
//! other characters. URLs and e-mail addresses are dropped whole, so nothing inside them
//! becomes a number.
//!
//! Returns byte positions into the body; must not allocate per character or look beyond
//! the sentence it is given.

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// ASCII digits, possibly with inner `,` or `.` ("130,000", "1.5").
    Digits,
    /// Letters, possibly with inner apostrophes ("troops", "village's").
    Word,
    /// Any other single character ("$", "%", "-", "(").
    Sym,
}

/// One token: its text and byte range in the body.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token<'a> {
    /// What it is made of.
    pub kind: Kind,
    /// Its text.
    pub text: &'a str,
    /// Byte offset in the body where it starts.
    pub start: usize,
    /// Byte offset in the body where it ends.
    pub end: usize,
    /// Whitespace (or a dropped URL) precedes it.
    pub space_before: bool,
}

impl Token<'_> {
    /// True for a word equal to `w`, ignoring ASCII case.
    pub fn is(&self, w: &str) -> bool {
        self.kind != Kind::Digits && self.text.eq_ignore_ascii_case(w)
    }

    /// True for a symbol equal to `c`.
    pub fn is_sym(&self, c: char) -> bool {
        self.kind == Kind::Sym && self.text.starts_with(c)
    }

    /// True for any dash that can join a range or a compound ("-", "–", "—").
    pub fn is_dash(&self) -> bool {
        self.kind == Kind::Sym && matches!(self.text, "-" | "\u{2013}" | "\u{2014}" | "\u{2011}")
    }
}

/// The tokens of `body[range]`.
pub(crate) fn tokenize(body: &str, range: std::ops::Range<usize>) -> Vec<Token<'_>> {
    let Some(text) = body.get(range.clone()) else {
        return Vec::new();
    };
    let base = range.start;
    let bytes = text.as_bytes();
    let mut out: Vec<Token> = Vec::new();
    let mut space = true;
    let mut chunk_start = 0;
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            space = true;
            i += c.len_utf8();
            chunk_start = i;
            continue;
        }
        if link_mark(text, i, c) {
            // A URL or e-mail address: drop its chunk whole.
            while out.last().is_some_and(|t| t.start >= base + chunk_start) {
                out.pop();
            }
            space = true;
            i = chunk_end(text, i);
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            (Kind::Digits, digits_end(bytes, i))
        } else if c.is_alphabetic() {
            (Kind::Word, word_end(text, i))
        } else {
            (Kind::Sym, i + c.len_utf8())
        };
        out.push(Token {
            kind,
            text: &text[i..end],
            start: base + i,
            end: base + end,
            space_before: space,
        });
        space = false;
        i = end;
    }
    out
}

/// True when the character `c` at `i` marks a link: "://", "@" inside a word, or a chunk
/// starting "www.".
fn link_mark(text: &str, i: usize, c: char) -> bool {
    match c {
        ':' => text[i..].starts_with("://"),
        '@' => text[i + 1..].starts_with(|n: char| n.is_alphanumeric()),
        'w' | 'W' => {
            let rest = &text.as_bytes()[i..];
            rest.len() > 4
                && rest[..4].eq_ignore_ascii_case(b"www.")
                && (i == 0 || text[..i].ends_with(char::is_whitespace))
        }
        _ => false,
    }
}

/// End of a digit run starting at `i`: digits, and `,` or `.` followed by a digit.
fn digits_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        let b = bytes[i];
        let next_digit = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || ((b == b',' || b == b'.') && next_digit) {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// End of a word starting at `i`: letters, and apostrophes between letters.
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        if c.is_alphabetic() {
            end = start + off + c.len_utf8();
        } else if matches!(c, '\'' | '\u{2019}')
            && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic())
        {
            continue;
        } else {
            break;
        }
    }
    end
}

/// End of the whitespace-delimited chunk starting at `i`.
fn chunk_end(text: &str, i: usize) -> usize {
    text[i..]
        .find(char::is_whitespace)
        .map_or(text.len(), |n| i + n)
}
