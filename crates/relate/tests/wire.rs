//! A wire story reprinted by many outlets is content, a disclaimer on many documents is
//! boilerplate: both make fingerprints frequent enough to be boilerplate by count alone, and
//! only the wire story may create relations.
//!
//! Invented corpus (syllable words, no real text): 2,000 unrelated documents; a 300-word
//! wire passage reprinted with light word edits inside 80 of them (each with ~340 words of
//! its own; every fourth copy takes only the first 220 words), plus the clean original; a
//! 40-word disclaimer appended to 400 documents (40 of them wire copies, the rest short
//! enough that the disclaimer alone would be 20–30 % of them, i.e. a reprint if it counted).
//! And a long site footer on one outlet's articles: boilerplate too, by its outlet.

use samestory_core::{Document, Format, RelateConfig};
use samestory_relate::{relate, Kind, Relations};
use std::collections::BTreeSet;

const DOCS: usize = 2000;
const ORIGINAL: &str = "wire-original";

/// splitmix64: a tiny deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// An invented word of two to four syllables.
    fn word(&mut self) -> String {
        const SYL: [&str; 16] = [
            "ka", "to", "ri", "mo", "lu", "sen", "dar", "vi", "pe", "gon", "sha", "bel", "tri",
            "om", "nu", "zel",
        ];
        (0..2 + self.below(3))
            .map(|_| SYL[self.below(16)])
            .collect()
    }

    fn words(&mut self, n: usize) -> Vec<String> {
        (0..n).map(|_| self.word()).collect()
    }
}

/// Words as text: a full stop every 15 words.
fn text(words: &[String]) -> String {
    let mut s = String::new();
    for (i, w) in words.iter().enumerate() {
        s.push_str(w);
        s.push_str(if i % 15 == 14 { ". " } else { " " });
    }
    s.trim_end().to_string()
}

/// `words` with about one word in 60 replaced.
fn edited(words: &[String], rng: &mut Rng) -> Vec<String> {
    words
        .iter()
        .map(|w| {
            if rng.below(60) == 0 {
                rng.word()
            } else {
                w.clone()
            }
        })
        .collect()
}

fn is_wire_copy(i: usize) -> bool {
    i % 25 == 7
}

fn has_disclaimer(i: usize) -> bool {
    (i % 5 == 4 && i < 1800) || i % 50 == 7
}

fn id(i: usize) -> String {
    format!("d{i:04}")
}

/// The corpus (ids sorted: `d0000`…`d1999`, then the original).
fn corpus() -> Vec<Document> {
    let mut rng = Rng(2024);
    let wire = rng.words(300);
    let disclaimer = text(&rng.words(40));
    let mut docs: Vec<Document> = (0..DOCS)
        .map(|i| {
            let mut body = if is_wire_copy(i) {
                let c = i / 25;
                let taken = if c % 4 == 3 { &wire[..220] } else { &wire[..] };
                let (own1, own2) = (rng.words(160), rng.words(180));
                format!(
                    "{}\n\n{}\n\n{}",
                    text(&own1),
                    text(&edited(taken, &mut rng)),
                    text(&own2)
                )
            } else if has_disclaimer(i) {
                let n = 100 + rng.below(40);
                text(&rng.words(n))
            } else {
                let n = 150 + rng.below(150);
                text(&rng.words(n))
            };
            if has_disclaimer(i) {
                body = format!("{body}\n\n{disclaimer}");
            }
            Document::new(id(i), Format::Text, body)
        })
        .collect();
    let mut original = Document::new(ORIGINAL, Format::Text, text(&wire));
    original.meta.byline = Some("AFP".into());
    docs.push(original);
    docs
}

fn wire_ids() -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = (0..DOCS).filter(|&i| is_wire_copy(i)).map(id).collect();
    ids.insert(ORIGINAL.into());
    ids
}

fn run(docs: &[Document], cfg: &RelateConfig, threads: usize) -> Relations {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| relate(docs, cfg))
}

/// The wire documents that have a reprint relation with another wire document.
fn linked_wire_docs(out: &Relations) -> BTreeSet<String> {
    let wire = wire_ids();
    out.relations
        .iter()
        .filter(|r| r.kind == Kind::Reprint && wire.contains(&r.a) && wire.contains(&r.b))
        .flat_map(|r| [r.a.clone(), r.b.clone()])
        .collect()
}

#[test]
fn every_wire_copy_is_a_reprint_and_the_disclaimer_relates_nothing() {
    let docs = corpus();
    assert_eq!(docs.len(), DOCS + 1);
    assert_eq!((0..DOCS).filter(|&i| has_disclaimer(i)).count(), 400);
    let out = run(&docs, &RelateConfig::default(), 2);
    assert_eq!(
        linked_wire_docs(&out),
        wire_ids(),
        "wire copies left unlinked"
    );
    let wire = wire_ids();
    let stray: Vec<_> = out
        .relations
        .iter()
        .filter(|r| !wire.contains(&r.a) || !wire.contains(&r.b))
        .map(|r| (&r.a, &r.b, r.kind, &r.why))
        .collect();
    assert!(
        stray.is_empty(),
        "relations outside the wire story: {stray:?}"
    );
    let to_original = out
        .relations
        .iter()
        .filter(|r| r.b == ORIGINAL)
        .inspect(|r| assert_eq!(r.original.as_deref(), Some(ORIGINAL), "{}", r.why))
        .count();
    assert!(to_original >= 2, "the original is linked to its hubs");
}

#[test]
fn wire_relations_are_deterministic() {
    let docs = corpus();
    let cfg = RelateConfig::default();
    let one = run(&docs, &cfg, 1);
    assert!(!one.relations.is_empty());
    assert_eq!(one, run(&docs, &cfg, 2));
    assert_eq!(one, run(&docs, &cfg, 3));
}

/// Controls: the corpus needs the rule. Without it (the threshold out of reach) every wire
/// fingerprint is boilerplate and no copy is found; with a threshold below the disclaimer's
/// length the disclaimer relates documents outside the wire story (to its hubs, which
/// hold the most shared text: the wire copies that carry the disclaimer too).
#[test]
fn the_corpus_needs_the_rule_both_ways() {
    let docs = corpus();
    let with = |m| RelateConfig {
        wire_min_shared_prints: m,
        ..RelateConfig::default()
    };
    let off = run(&docs, &with(usize::MAX), 2);
    assert!(
        linked_wire_docs(&off).is_empty(),
        "wire copies found without the rule"
    );
    let low = run(&docs, &with(3), 2);
    let wire = wire_ids();
    let stray = low
        .relations
        .iter()
        .filter(|r| !wire.contains(&r.a) || !wire.contains(&r.b))
        .count();
    assert!(
        stray > 100,
        "the disclaimer is too weak a test: {stray} relations"
    );
}

/// 300 unrelated documents; 80 of them from one outlet, each with the same 150-word footer.
fn footer_corpus(with_outlets: bool) -> Vec<Document> {
    let mut rng = Rng(99);
    let footer = text(&rng.words(150));
    (0..300)
        .map(|i| {
            let n = 150 + rng.below(100);
            let mut d = Document::new(id(i), Format::Text, text(&rng.words(n)));
            if i % 3 == 0 && i < 240 {
                d.body = format!("{}\n\n{footer}", d.body);
                d.meta.outlet = Some("The Daily Planet".into());
            } else {
                d.meta.outlet = Some(format!("outlet {i}"));
            }
            if !with_outlets {
                d.meta.outlet = None;
            }
            d
        })
        .collect()
}

/// A long template shared by one outlet's articles relates nothing; without outlets it
/// would be taken for a reprinted passage (the control: it is long enough to be one).
#[test]
fn one_outlets_long_footer_is_boilerplate() {
    let cfg = RelateConfig::default();
    let out = relate(&footer_corpus(true), &cfg);
    assert!(out.relations.is_empty(), "{:?}", out.relations.first());
    let blind = relate(&footer_corpus(false), &cfg);
    assert!(blind.relations.len() >= 79, "{}", blind.relations.len());
}
