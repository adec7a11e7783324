//! Sentences of a cleaned body, by `sentencex` (Wikimedia's rule-based splitter with
//! abbreviation lists for ~35 languages). Chosen over `unicode-segmentation`'s UAX #29
//! bounds, which split after "Maj. Gen." and "Ms.": on the seeds and the quotes-dev
//! corpora it made 11 splits after a title abbreviation against 456, and ran faster
//! (`examples/splitters.rs` prints the comparison).
//!
//! Returns byte ranges into the body (callers turn them into char spans with
//! [`crate::span::CharIndex`]); paragraph breaks end a sentence.
//!
//! Danish, Catalan and Italian run sentencex's own rules for them through [`Compiled`]:
//! sentencex 0.1.33 compiles those languages' one regex again at every candidate
//! boundary, 13 ms for a 1.5 KB Danish text (0.7 ms Italian) against 5 µs for English.

use regex::Regex;
use rustc_hash::FxHashSet;
use sentencex::languages::{Catalan, Danish, Italian, Language};
use std::ops::Range;
use std::sync::LazyLock;

/// One sentence: a byte range of the body, trailing whitespace excluded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the body.
    pub bytes: Range<usize>,
}

/// The sentences of `body` (language `lang`, ISO 639-3; English rules when unknown or not
/// covered), in order, none empty.
pub fn sentences(body: &str, lang: Option<&str>) -> Vec<Sentence> {
    let code = lang.and_then(iso639_1).unwrap_or("en");
    let mut out = Vec::new();
    for b in boundaries(code, body) {
        let text = &body[b.clone()];
        // A boundary may hold a paragraph break; each paragraph is its own sentence.
        let mut at = b.start;
        for part in text.split("\n\n") {
            let start = at + (part.len() - part.trim_start().len());
            let end = at + part.trim_end().len();
            if end > start {
                out.push(Sentence { bytes: start..end });
            }
            at += part.len() + 2;
        }
    }
    out
}

/// sentencex's sentence boundaries of `body` (byte ranges) under language `code`.
fn boundaries(code: &str, body: &str) -> Vec<Range<usize>> {
    match code {
        "da" => chunked(&Compiled::new(Danish {}, &WORD_AFTER_NON_WORD), body),
        "ca" => chunked(&Compiled::new(Catalan {}, &WORD_AFTER_NON_WORD), body),
        "it" => chunked(&Compiled::new(Italian {}, &LOWER_OR_DIGIT), body),
        _ => sentencex::get_sentence_boundaries(code, body)
            .iter()
            .map(|b| b.start_byte..b.end_byte)
            .collect(),
    }
}

/// Danish's and Catalan's test for a sentence that goes on after a boundary.
static WORD_AFTER_NON_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\W*[0-9a-z]").expect("valid regex"));
/// Italian's.
static LOWER_OR_DIGIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9a-z]").expect("valid regex"));

/// A sentencex language whose test for a sentence going on after a boundary is a regex
/// compiled once; every other rule is the language's own.
struct Compiled<L> {
    language: L,
    goes_on: &'static Regex,
}

impl<L: Language> Compiled<L> {
    fn new(language: L, goes_on: &'static Regex) -> Self {
        Compiled { language, goes_on }
    }
}

impl<L: Language> Language for Compiled<L> {
    fn get_abbreviations(&self) -> &FxHashSet<String> {
        self.language.get_abbreviations()
    }

    fn get_last_word<'a>(&self, text: &'a str) -> &'a str {
        self.language.get_last_word(text)
    }

    fn continue_in_next_word(&self, text_after_boundary: &str) -> bool {
        self.goes_on.is_match(text_after_boundary)
    }
}

/// Bytes up to which sentencex segments a text whole; a longer one goes in chunks of whole
/// paragraphs, each at most this long unless one paragraph is longer.
const CHUNK_BYTES: usize = 10 * 1024;

/// `language`'s boundaries of `text`, as `sentencex::get_sentence_boundaries` finds them:
/// the text whole up to [`CHUNK_BYTES`], else paragraph after paragraph (separated by
/// `\n\r*\n`) gathered into chunks of at most that many bytes.
fn chunked(language: &impl Language, text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for chunk in chunks(text, CHUNK_BYTES) {
        let boundaries = language.get_sentence_boundaries(&text[chunk.clone()]);
        out.extend(
            boundaries
                .iter()
                .map(|b| chunk.start + b.start_byte..chunk.start + b.end_byte),
        );
    }
    out
}

/// `text` cut into byte ranges of whole paragraphs, each at most `max` bytes unless one
/// paragraph alone is longer; all of it when it is at most `max` bytes.
fn chunks(text: &str, max: usize) -> Vec<Range<usize>> {
    if text.len() <= max {
        return std::iter::once(0..text.len()).collect();
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for paragraph in paragraphs(text) {
        current = match current {
            Some(c) if paragraph.end - c.start <= max => Some(c.start..paragraph.end),
            c => {
                out.extend(c);
                Some(paragraph)
            }
        };
    }
    out.extend(current);
    out
}

/// Byte ranges of `text`'s paragraphs: what lies between `\n\r*\n` separators (found left
/// to right, without overlap), the last one only when not empty.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut at) = (0, 0);
    while let Some(nl) = newline(bytes, at) {
        let mut end = nl + 1;
        while bytes.get(end) == Some(&b'\r') {
            end += 1;
        }
        if bytes.get(end) == Some(&b'\n') {
            out.push(start..nl);
            start = end + 1;
            at = start;
        } else {
            at = nl + 1;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// The first `\n` at or after `from`.
fn newline(bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|k| from + k)
}

/// The ISO 639-1 code sentencex knows for an ISO 639-3 code.
fn iso639_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "eng" => "en",
        "deu" => "de",
        "fra" => "fr",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "nld" => "nl",
        "pol" => "pl",
        "rus" => "ru",
        "ukr" => "uk",
        "bul" => "bg",
        "cat" => "ca",
        "dan" => "da",
        "ell" => "el",
        "fin" => "fi",
        "slk" => "sk",
        "ara" => "ar",
        "hin" => "hi",
        "ben" => "bn",
        "jpn" => "ja",
        "hye" => "hy",
        "kaz" => "kk",
        "tam" => "ta",
        "tel" => "te",
        "mar" => "mr",
        "mal" => "ml",
        "kan" => "kn",
        "guj" => "gu",
        "pan" => "pa",
        "mya" => "my",
        "amh" => "am",
        "swe" => "sv",
        "nob" | "nno" => "no",
        "ces" => "cs",
        "ron" => "ro",
        "hun" => "hu",
        "tur" => "tr",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::{boundaries, chunks, sentences, CHUNK_BYTES};

    fn texts(body: &str) -> Vec<&str> {
        sentences(body, Some("eng"))
            .into_iter()
            .map(|s| &body[s.bytes])
            .collect()
    }

    #[test]
    fn titles_do_not_end_sentences() {
        let body = "The claim was made by Maj. Gen. Ivo Brand on Monday. Mr. Kerr of the U.S. Navy disagreed.";
        assert_eq!(
            texts(body),
            [
                "The claim was made by Maj. Gen. Ivo Brand on Monday.",
                "Mr. Kerr of the U.S. Navy disagreed."
            ]
        );
    }

    #[test]
    fn paragraphs_end_sentences() {
        assert_eq!(texts("One line\n\nTwo lines."), ["One line", "Two lines."]);
    }

    /// sentencex's own answer, byte ranges.
    fn sentencex_boundaries(code: &str, text: &str) -> Vec<std::ops::Range<usize>> {
        sentencex::get_sentence_boundaries(code, text)
            .iter()
            .map(|b| b.start_byte..b.end_byte)
            .collect()
    }

    /// A paragraph of sentences in the three languages' styles: abbreviations, sentences
    /// going on in lower case after a full stop (with and without a space), a numbered
    /// list, quotes.
    fn paragraph(k: usize) -> String {
        let words = [
            "Sig. Rossi",
            "ca. 30 personer",
            "l'art. 5",
            "f.eks. i går",
            "Sr. Puig",
        ];
        format!(
            "Avsnitt {k}: {} kom. hvor mange? «Det er godt», sa han. 3. punkt og så videre. \
             Ha comprato tre mele.poi è andato via. Ne va de 12. El dia següent va ploure!",
            words[k % words.len()]
        )
    }

    #[test]
    fn danish_catalan_and_italian_split_as_sentencex_does() {
        let short = paragraph(1);
        let mut long = String::new();
        for k in 0..160 {
            long.push_str(&paragraph(k));
            long.push_str(["\n\n", "\n\r\n", " ", "\n"][k % 4]);
        }
        // One paragraph alone longer than a chunk, between two short ones.
        let mut huge = paragraph(0);
        huge.push_str("\n\n");
        huge.push_str(&(0..90).map(paragraph).collect::<Vec<_>>().join(" "));
        huge.push_str("\n\nSlut.");
        assert!(long.len() > 2 * CHUNK_BYTES && huge.len() > CHUNK_BYTES);
        assert!(chunks(&long, CHUNK_BYTES).len() > 2);
        for code in ["da", "ca", "it"] {
            for text in [&short, &long, &huge] {
                let ours = boundaries(code, text);
                assert!(ours.len() > 3, "{code}");
                assert_eq!(ours, sentencex_boundaries(code, text), "{code}");
            }
        }
    }

    #[test]
    fn chunks_are_whole_paragraphs_of_at_most_the_limit() {
        let text = "aaaa\n\nbbbb\n\r\ncccccccccc\n\ndd";
        let cut: Vec<&str> = chunks(text, 12).into_iter().map(|c| &text[c]).collect();
        assert_eq!(cut, ["aaaa\n\nbbbb", "cccccccccc", "dd"]);
        let whole = chunks(text, 100);
        assert_eq!((whole.len(), &whole[0]), (1, &(0..text.len())));
    }
}
