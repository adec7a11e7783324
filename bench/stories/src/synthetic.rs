//! Synthetic news-length corpora generated on the fly (bodies come from a [`BodySource`],
//! never all in memory; titles and dates are held): events of 10 documents each, 10,000 events a year, ~400 words per document, filler drawn
//! from the 2,000 most common English words of the story crate's background table, plus
//! each event's invented names and words. Timed end to end (features, clustering, rows),
//! with peak RSS and pairwise precision/recall against the planted events.

use samestory_core::BodySource;
use samestory_story::{build, stories_from, DocMeta, StoryConfig};
use std::borrow::Cow;
use std::collections::HashMap;
use std::convert::Infallible;
use std::time::Instant;

const BACKGROUND: &str = include_str!("../../../crates/story/data/background_en.txt");
const DOCS_PER_EVENT: usize = 10;
/// Arrival rate of planted events (10,000 events = 100,000 documents a year).
const EVENTS_PER_YEAR: usize = 10_000;

/// The generator.
pub struct Synthetic {
    n: usize,
    filler: Vec<&'static str>,
}

fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

fn pseudo_word(seed: u64, syllables: usize) -> String {
    const SYL: &[&str] = &[
        "ka", "lo", "ri", "ven", "dor", "mi", "sa", "tul", "ber", "no", "qua", "zi", "pel", "gra",
        "to", "an",
    ];
    (0..syllables)
        .map(|k| SYL[(mix(seed + k as u64) % SYL.len() as u64) as usize])
        .collect()
}

impl Synthetic {
    pub fn new(n: usize) -> Self {
        let filler = BACKGROUND
            .lines()
            .filter(|l| !l.starts_with('#'))
            .take(2000)
            .filter_map(|l| l.split(' ').next())
            .collect();
        Synthetic { n, filler }
    }

    pub fn event(i: usize) -> usize {
        i / DOCS_PER_EVENT
    }

    /// Events arrive at a constant rate of [`EVENTS_PER_YEAR`] (so 100k documents span a
    /// year and 1M span ten): a bigger corpus is a longer stream, not a denser one, which is
    /// what "cost grows linearly" is about. Dates use 12 months of 28 days, monotone in `i`.
    fn date(&self, i: usize) -> String {
        let events = self.n.div_ceil(DOCS_PER_EVENT).max(1);
        let span = (events * 365).div_ceil(EVENTS_PER_YEAR).max(365);
        let d = Self::event(i) * span / events + (mix(i as u64) % 3) as usize;
        format!(
            "{}-{:02}-{:02}",
            2022 + d / 336,
            1 + d / 28 % 12,
            1 + d % 28
        )
    }

    fn body(&self, i: usize) -> (String, String) {
        let e = Self::event(i) as u64;
        let specific: Vec<String> = (0..8)
            .map(|k| pseudo_word(e * 131 + k, 3 + (k as usize % 2)))
            .collect();
        let place = capitalise(&pseudo_word(e * 977 + 11, 3));
        let person = format!(
            "{} {}",
            capitalise(&pseudo_word(e * 31 + 5, 2)),
            capitalise(&pseudo_word(e * 37 + 7, 3))
        );
        let mut body = String::with_capacity(2800);
        let mut r = mix(i as u64 + 1);
        for w in 0..400u64 {
            r = mix(r + w);
            let word: &str = match r % 20 {
                0 | 1 => &specific[(r >> 8) as usize % specific.len()],
                2 => &place,
                3 if w % 7 == 0 => &person,
                _ => {
                    self.filler[((r >> 16) as usize % 1000)
                        + ((r >> 40) as usize % 1000) * usize::from(r.is_multiple_of(3))]
                }
            };
            body.push_str(word);
            body.push_str(if w % 15 == 14 { ". " } else { " " });
        }
        (format!("{} {} {}", specific[0], specific[1], place), body)
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.to_owned();
    c[..1].make_ascii_uppercase();
    c
}

impl BodySource for Synthetic {
    type Error = Infallible;

    fn body(&self, i: usize, _id: &str) -> Result<Cow<'_, str>, Infallible> {
        Ok(Cow::Owned(Synthetic::body(self, i).1))
    }
}

/// One timed run: (seconds, stories, precision, recall). `undated`: every document without a
/// date (an undated dump, or one busy day: every story stays a candidate for every document),
/// else dated as [`Synthetic::date`] spreads them.
pub fn run(n: usize, cfg: &StoryConfig, undated: bool) -> (f64, usize, f64, f64) {
    let src = Synthetic::new(n);
    let ids: Vec<String> = (0..n).map(|i| format!("d{i:08}")).collect();
    let titles: Vec<String> = (0..n).map(|i| src.body(i).0).collect();
    let dates: Vec<String> = if undated {
        vec![String::new(); n]
    } else {
        (0..n).map(|i| src.date(i)).collect()
    };
    let meta: Vec<DocMeta<'_>> = (0..n)
        .map(|i| DocMeta {
            id: &ids[i],
            title: Some(&titles[i]),
            date: (!undated).then(|| dates[i].as_str()),
            lang: None,
            group: &ids[i],
        })
        .collect();
    let start = Instant::now();
    let feats = build(&meta, &src, cfg).expect("the generator never fails");
    let built = start.elapsed().as_secs_f64();
    let peak_at_features = peak_rss_mib();
    let out = stories_from(feats, &meta, &[], cfg).expect("consistent input");
    if std::env::var_os("BENCH_PHASES").is_some() {
        println!(
            "features {built:.1}s (peak RSS {:.0} MiB), clustering {:.1}s",
            peak_at_features,
            start.elapsed().as_secs_f64() - built
        );
    }
    let secs = start.elapsed().as_secs_f64();
    let (p, r) = pairwise(&out.story_of, n);
    (secs, out.stories.len(), p, r)
}

/// Pairwise precision and recall of story ids against the planted events.
fn pairwise(story_of: &[String], n: usize) -> (f64, f64) {
    let mut both: HashMap<(&str, usize), u64> = HashMap::new();
    let mut pred: HashMap<&str, u64> = HashMap::new();
    let mut truth: HashMap<usize, u64> = HashMap::new();
    for (i, s) in story_of.iter().enumerate().take(n) {
        *both.entry((s.as_str(), Synthetic::event(i))).or_default() += 1;
        *pred.entry(s.as_str()).or_default() += 1;
        *truth.entry(Synthetic::event(i)).or_default() += 1;
    }
    let tp = pairs(&both) as f64;
    (
        tp / pairs(&pred).max(1) as f64,
        tp / pairs(&truth).max(1) as f64,
    )
}

/// Pairs within the same key.
fn pairs<K>(counts: &HashMap<K, u64>) -> u64 {
    counts.values().map(|c| c * (c - 1) / 2).sum()
}

/// Peak resident set size of this process in MiB (Linux `VmHWM`).
pub fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok());
    kb.unwrap_or(f64::NAN) / 1024.0
}
