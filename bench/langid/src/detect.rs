//! The candidates behind one trait. Each answers with a canonical ISO 639-3 code (see `iso`) and
//! says whether it is confident; samestory keeps only confident answers.

#[allow(unused_imports)] // unused when built with no candidate (run.sh's size baseline)
use crate::iso::canon;

/// One answer: the language (if any) and whether the detector vouches for it.
#[derive(Clone, Debug, Default)]
pub struct Guess {
    pub lang: Option<String>,
    pub confident: bool,
}

pub trait Detector {
    /// Row name in the tables.
    fn name(&self) -> &'static str;
    fn detect(&self, text: &str) -> Guess;
}

/// Builds the detectors named in `which` (all when empty), in table order.
#[allow(unused_mut, unused_variables)] // with no candidate feature
pub fn all(which: &[String]) -> Vec<Box<dyn Detector>> {
    let want = |n: &str| which.is_empty() || which.iter().any(|w| w == n);
    let mut out: Vec<Box<dyn Detector>> = Vec::new();
    #[cfg(feature = "whatlang")]
    if want("whatlang") {
        out.push(Box::new(Whatlang));
    }
    #[cfg(feature = "whatlang")]
    if want("whatlang-200+") {
        out.push(Box::new(WhatlangTwoStage(200)));
    }
    #[cfg(feature = "whichlang")]
    if want("whichlang") {
        out.push(Box::new(Whichlang));
    }
    #[cfg(feature = "whichlang")]
    if want("whichlang-p90") {
        out.push(Box::new(WhichlangP(0.9, "whichlang-p90")));
    }
    #[cfg(feature = "whichlang")]
    if want("whichlang-p99") {
        out.push(Box::new(WhichlangP(0.99, "whichlang-p99")));
    }
    #[cfg(feature = "langid-rs")]
    if want("langid-rs") {
        out.push(Box::new(LangidRs(
            langid_rs::Model::load(true).expect("langid-rs model"),
        )));
    }
    #[cfg(feature = "cld2")]
    if want("cld2") {
        out.push(Box::new(Cld2));
    }
    #[cfg(feature = "lingua")]
    if want("lingua-low") {
        out.push(Box::new(Lingua::new(true)));
    }
    #[cfg(feature = "lingua")]
    if want("lingua-high") {
        out.push(Box::new(Lingua::new(false)));
    }
    out
}

/// whatlang 0.18 as samestory calls it: `detect`, kept when `is_reliable()`.
#[cfg(feature = "whatlang")]
struct Whatlang;

#[cfg(feature = "whatlang")]
impl Detector for Whatlang {
    fn name(&self) -> &'static str {
        "whatlang"
    }
    fn detect(&self, text: &str) -> Guess {
        match whatlang::detect(text) {
            Some(info) => Guess {
                lang: canon(info.lang().code()),
                confident: info.is_reliable(),
            },
            None => Guess::default(),
        }
    }
}

/// whatlang on the first `.0` chars; only when that is not reliable, on the whole sample again.
#[cfg(feature = "whatlang")]
struct WhatlangTwoStage(usize);

#[cfg(feature = "whatlang")]
impl Detector for WhatlangTwoStage {
    fn name(&self) -> &'static str {
        "whatlang-200+"
    }
    fn detect(&self, text: &str) -> Guess {
        let short = match text.char_indices().nth(self.0) {
            Some((end, _)) => &text[..end],
            None => return Whatlang.detect(text),
        };
        let g = Whatlang.detect(short);
        if g.confident {
            g
        } else {
            Whatlang.detect(text)
        }
    }
}

/// whichlang 0.1 (Quickwit): 16 languages, always answers, no confidence.
#[cfg(feature = "whichlang")]
struct Whichlang;

#[cfg(feature = "whichlang")]
impl Detector for Whichlang {
    fn name(&self) -> &'static str {
        "whichlang"
    }
    fn detect(&self, text: &str) -> Guess {
        let lang = whichlang::detect_language(text);
        Guess {
            lang: canon(lang.three_letter_code()),
            confident: true,
        }
    }
}

/// whichlang's model scored here, from its own weight table (`build.rs` finds it), so the
/// softmax probability of the answer is known: confident when it is at least the threshold.
/// Same features, hashing and weights as `whichlang::detect_language` (a test checks they agree).
#[cfg(feature = "whichlang")]
struct WhichlangP(f32, &'static str);

#[cfg(feature = "whichlang")]
#[allow(dead_code, clippy::all)]
mod wl {
    include!(env!("WHICHLANG_WEIGHTS"));
}

/// whichlang's answer and its softmax probability.
#[cfg(feature = "whichlang")]
pub fn whichlang_scored(text: &str) -> (&'static str, f32) {
    const N: usize = wl::LANGUAGES.len();
    let mut scores = [0f32; N];
    let mut count = 0u32;
    whichlang::emit_tokens(text, |token| {
        count += 1;
        let idx = (token.to_hash() % whichlang::DIMENSION as u32) as usize * N;
        for (s, w) in scores.iter_mut().zip(&wl::WEIGHTS[idx..idx + N]) {
            *s += w;
        }
    });
    if count == 0 {
        return ("eng", 0.0);
    }
    let inv = 1.0 / (count as f32).sqrt();
    for (s, b) in scores.iter_mut().zip(&wl::INTERCEPTS) {
        *s = *s * inv + b;
    }
    let (best, top) =
        scores
            .iter()
            .enumerate()
            .fold((0, f32::MIN), |m, (i, &s)| if s > m.1 { (i, s) } else { m });
    let z: f32 = scores.iter().map(|s| (s - top).exp()).sum();
    (wl::LANGUAGES[best].three_letter_code(), 1.0 / z)
}

#[cfg(feature = "whichlang")]
impl Detector for WhichlangP {
    fn name(&self) -> &'static str {
        self.1
    }
    fn detect(&self, text: &str) -> Guess {
        let (code, p) = whichlang_scored(text);
        Guess {
            lang: canon(code),
            confident: p >= self.0,
        }
    }
}

/// langid-rs 1.1: py3langid's model (97 languages); confident when its normalised probability
/// is at least `LANGID_MIN_PROB`.
#[cfg(feature = "langid-rs")]
struct LangidRs(langid_rs::Model);

#[cfg(feature = "langid-rs")]
const LANGID_MIN_PROB: f32 = 0.9;

#[cfg(feature = "langid-rs")]
impl Detector for LangidRs {
    fn name(&self) -> &'static str {
        "langid-rs"
    }
    fn detect(&self, text: &str) -> Guess {
        match self.0.classify(text) {
            Some((code, p)) => Guess {
                lang: canon(code),
                confident: p >= LANGID_MIN_PROB,
            },
            None => Guess::default(),
        }
    }
}

/// cld2 1.0 (bindings to Google's CLD2, C++ compiled by the crate): confident when CLD2 says
/// `Reliable`.
#[cfg(feature = "cld2")]
struct Cld2;

#[cfg(feature = "cld2")]
impl Detector for Cld2 {
    fn name(&self) -> &'static str {
        "cld2"
    }
    fn detect(&self, text: &str) -> Guess {
        let (lang, rel) = cld2::detect_language(text, cld2::Format::Text);
        Guess {
            lang: lang.and_then(|l| canon(l.0)),
            confident: matches!(rel, cld2::Reliability::Reliable),
        }
    }
}

/// lingua 1.8 with all 75 languages, models preloaded; low- or high-accuracy mode. It answers
/// `None` only when no language fits, so every answer counts as confident.
#[cfg(feature = "lingua")]
pub struct Lingua {
    low: bool,
    detector: lingua::LanguageDetector,
}

#[cfg(feature = "lingua")]
impl Lingua {
    fn new(low: bool) -> Self {
        let mut b = lingua::LanguageDetectorBuilder::from_all_languages();
        b.with_preloaded_language_models();
        if low {
            b.with_low_accuracy_mode();
        }
        Lingua {
            low,
            detector: b.build(),
        }
    }
}

#[cfg(feature = "lingua")]
impl Detector for Lingua {
    fn name(&self) -> &'static str {
        if self.low {
            "lingua-low"
        } else {
            "lingua-high"
        }
    }
    fn detect(&self, text: &str) -> Guess {
        match self.detector.detect_language_of(text) {
            Some(l) => Guess {
                lang: canon(&l.iso_code_639_3().to_string()),
                confident: true,
            },
            None => Guess::default(),
        }
    }
}

#[cfg(all(test, feature = "whichlang"))]
mod tests {
    #[test]
    fn scored_whichlang_answers_as_whichlang() {
        for t in [
            "The council voted on Tuesday.",
            "Der Rat stimmte am Dienstag ab.",
            "Le conseil a voté mardi.",
            "Совет проголосовал во вторник.",
            "",
            "12345",
        ] {
            assert_eq!(
                super::whichlang_scored(t).0,
                whichlang::detect_language(t).three_letter_code(),
                "{t}"
            );
        }
    }
}
