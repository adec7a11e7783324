//! The words of one text as the story features need them: `samestory-text` token hashes
//! with char offsets, and each word's normalised form on demand. ASCII texts (the common
//! case) allocate nothing per word: the normalised form is the lowercased slice, written
//! into a caller's buffer. Other texts keep `samestory-text`'s normalised tokens.

use samestory_text::{token_hashes, tokens, word_hash, TokenHash};

/// The words of `text`, in order.
pub struct Words<'a> {
    text: &'a str,
    /// Hash (`samestory_text::word_hash` of the normalised word) and char offsets.
    pub toks: Vec<TokenHash>,
    /// Normalised words, kept only for non-ASCII texts.
    norms: Option<Vec<String>>,
}

impl<'a> Words<'a> {
    /// Tokenises `text`.
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return Words {
                text,
                toks: token_hashes(text),
                norms: None,
            };
        }
        let toks = tokens(text);
        Words {
            text,
            toks: toks.iter().map(hashed).collect(),
            norms: Some(toks.into_iter().map(|t| t.text).collect()),
        }
    }

    /// The text these words come from.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Appends word `i`'s normalised form to `buf`.
    pub fn push_norm(&self, i: usize, buf: &mut String) {
        match &self.norms {
            Some(n) => buf.push_str(&n[i]),
            None => {
                let from = buf.len();
                let t = &self.toks[i];
                buf.push_str(&self.text[t.start..t.end]);
                buf[from..].make_ascii_lowercase();
            }
        }
    }

    /// Word `i`'s normalised form, written into `buf` (cleared first).
    pub fn norm<'b>(&self, i: usize, buf: &'b mut String) -> &'b str {
        buf.clear();
        self.push_norm(i, buf);
        buf
    }
}

fn hashed(t: &samestory_text::Token) -> TokenHash {
    TokenHash {
        hash: word_hash(&t.text),
        start: t.start,
        end: t.end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        let w = Words::new(text);
        let mut buf = String::new();
        (0..w.len())
            .map(|i| w.norm(i, &mut buf).to_owned())
            .collect()
    }

    #[test]
    fn same_words_as_the_tokeniser() {
        for text in [
            "The U.S. said: 130,000 Troops!",
            "Ünïcödé — “Кулеба” SAID it",
        ] {
            let want: Vec<String> = tokens(text).into_iter().map(|t| t.text).collect();
            assert_eq!(norms(text), want);
            let w = Words::new(text);
            let mut buf = String::new();
            for i in 0..w.len() {
                assert_eq!(w.toks[i].hash, word_hash(w.norm(i, &mut buf)));
            }
        }
    }
}
