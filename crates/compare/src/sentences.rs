//! Sentences of a cleaned body, by `sentencex` (Wikimedia's rule-based splitter with
//! abbreviation lists for ~35 languages). Chosen over `unicode-segmentation`'s UAX #29
//! bounds, which split after "Maj. Gen." and "Ms.": on the seeds and the quotes-dev
//! corpora it made 11 splits after a title abbreviation against 456, and ran faster
//! (`examples/splitters.rs` prints the comparison).
//!
//! Returns byte ranges into the body (callers turn them into char spans with
//! [`crate::span::CharIndex`]); paragraph breaks end a sentence.

use std::ops::Range;

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
    for b in sentencex::get_sentence_boundaries(code, body) {
        let text = &body[b.start_byte..b.end_byte];
        // A boundary may hold a paragraph break; each paragraph is its own sentence.
        let mut at = b.start_byte;
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
    use super::sentences;

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
}
