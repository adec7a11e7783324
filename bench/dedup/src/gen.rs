//! Synthetic corpus: invented words (syllable strings, Zipf-like frequencies) in sentences
//! and paragraphs of news length (~450–750 words). Planted near-duplicates are copies with
//! scattered word edits; planted reprints are new documents embedding 1–4 edited passages
//! of a source document. Truth records the exact Jaccard / containment measured with
//! samestory's own tokeniser and shingles (the same that every peer is given).
//!
//! Dates: documents are written in creation order, a hundred a day from 2023-01-01, so a
//! planted copy is dated on or after its source; a quarter of the documents carry no date
//! (the reprint direction then falls to the byline and containment rules).

use anyhow::Result;
use std::collections::HashSet;
use std::io::{BufWriter, Write};

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
        (self.next() % n.max(1) as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

struct Vocab {
    words: Vec<String>,
    cdf: Vec<f64>,
}

impl Vocab {
    fn new(rng: &mut Rng, n: usize) -> Vocab {
        let syl = [
            "ka", "to", "ri", "mo", "lu", "sen", "dar", "vi", "pe", "gon", "sha", "bel", "tri",
            "om", "nu", "qua", "zel", "fa", "ho", "ix",
        ];
        let mut seen = HashSet::new();
        let mut words = Vec::with_capacity(n);
        while words.len() < n {
            let len = 2 + rng.below(3);
            let w: String = (0..len).map(|_| syl[rng.below(syl.len())]).collect();
            if seen.insert(w.clone()) {
                words.push(w);
            }
        }
        let weights: Vec<f64> = (1..=n).map(|r| 1.0 / (r as f64).powf(0.9)).collect();
        let total: f64 = weights.iter().sum();
        let mut acc = 0.0;
        let cdf = weights
            .iter()
            .map(|w| {
                acc += w / total;
                acc
            })
            .collect();
        Vocab { words, cdf }
    }
    fn word(&self, rng: &mut Rng) -> &str {
        let u = rng.unit();
        &self.words[self
            .cdf
            .partition_point(|&c| c < u)
            .min(self.words.len() - 1)]
    }
}

/// A document as paragraphs of words (punctuation added when rendered).
type Doc = Vec<Vec<String>>;

fn paragraph(v: &Vocab, rng: &mut Rng, words: usize) -> Vec<String> {
    (0..words).map(|_| v.word(rng).to_string()).collect()
}

fn document(v: &Vocab, rng: &mut Rng, words: usize) -> Doc {
    let mut doc = Vec::new();
    let mut left = words;
    while left > 0 {
        let n = (30 + rng.below(60)).min(left);
        doc.push(paragraph(v, rng, n));
        left -= n;
    }
    doc
}

fn render(doc: &Doc, rng: &mut Rng) -> String {
    let paras: Vec<String> = doc.iter().map(|p| render_para(p, rng)).collect();
    paras.join("\n\n")
}

fn render_para(words: &[String], rng: &mut Rng) -> String {
    let mut s = String::new();
    let mut start = true;
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        if start {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push_str(w);
        }
        start = false;
        let r = rng.below(100);
        if i + 1 == words.len() || r < 7 {
            s.push('.');
            start = true;
        } else if r < 12 {
            s.push(',');
        }
    }
    s
}

fn shingle_set(text: &str) -> HashSet<u64> {
    samestory_text::shingle_hashes(&samestory_text::tokens(text), 5)
        .into_iter()
        .collect()
}

/// Copy of `doc` with about enough scattered word edits to reach Jaccard `target`.
fn near_copy(v: &Vocab, rng: &mut Rng, doc: &Doc, target: f64) -> Doc {
    let n: usize = doc.iter().map(Vec::len).sum();
    let edits = ((n as f64) * (1.0 - target) / (5.0 * (1.0 + target))).round() as usize;
    let mut out = doc.clone();
    for _ in 0..edits {
        let p = rng.below(out.len());
        if out[p].len() < 2 {
            continue;
        }
        let i = rng.below(out[p].len());
        match rng.below(10) {
            0 => {
                out[p].remove(i);
            }
            1 => out[p].insert(i, v.word(rng).to_string()),
            _ => out[p][i] = v.word(rng).to_string(),
        }
    }
    out
}

/// A new document embedding 1–4 passages of `src` so that they are about `target` of it.
fn reprint(v: &Vocab, rng: &mut Rng, src: &Doc, target: f64) -> Doc {
    let flat: Vec<String> = src.concat();
    let own_words = 300 + rng.below(300);
    let borrowed = ((own_words as f64) * target / (1.0 - target)).round() as usize;
    let borrowed = borrowed.clamp(25, flat.len() * 9 / 10);
    let pieces = 1 + rng.below(4).min(borrowed / 25 - 1);
    let mut doc = document(v, rng, own_words);
    for k in 0..pieces {
        let len = borrowed / pieces;
        let start = (k * flat.len() / pieces + rng.below(10)).min(flat.len() - len);
        let mut passage: Vec<String> = flat[start..start + len].to_vec();
        if len > 40 {
            let i = rng.below(len);
            passage[i] = v.word(rng).to_string();
        }
        let at = rng.below(doc.len() + 1);
        doc.insert(at, passage);
    }
    doc
}

/// Writes `n` documents and the truth of every planted pair.
pub fn generate(n: usize, corpus: &str, truth: &str) -> Result<()> {
    let mut rng = Rng(0x5eed_0000 + n as u64);
    let vocab = Vocab::new(&mut rng, 30_000);
    let mut texts: Vec<String> = Vec::with_capacity(n);
    let mut dates: Vec<Option<String>> = Vec::with_capacity(n);
    let mut planted = Vec::new();
    let mut bases: Vec<Doc> = Vec::new();
    while texts.len() < n {
        let dated = rng.below(4) != 0;
        dates.push(dated.then(|| date_of_day(texts.len() / DOCS_PER_DAY)));
        let roll = rng.below(100);
        if roll < 12 && !bases.is_empty() {
            let src = rng.below(bases.len());
            let target = 0.68 + 0.32 * rng.unit();
            let copy = near_copy(&vocab, &mut rng, &bases[src], target);
            planted.push(("near", src, texts.len()));
            texts.push(render(&copy, &mut rng));
        } else if roll < 18 && !bases.is_empty() {
            let src = rng.below(bases.len());
            let target = 0.1 + 0.8 * rng.unit();
            let copy = reprint(&vocab, &mut rng, &bases[src], target);
            planted.push(("reprint", src, texts.len()));
            texts.push(render(&copy, &mut rng));
        } else {
            let words = 450 + rng.below(300);
            let d = document(&vocab, &mut rng, words);
            texts.push(render(&d, &mut rng));
            bases.push(d);
            // bases index == text index only for base docs; remap below
            planted.push(("base", bases.len() - 1, texts.len() - 1));
        }
    }
    write_all(&texts, &dates, &planted, (corpus, truth), &mut rng)
}

/// Documents written per day.
const DOCS_PER_DAY: usize = 100;

/// `YYYY-MM-DD` of day `day` after 2023-01-01 (civil-from-days, proleptic Gregorian).
fn date_of_day(day: usize) -> String {
    let z = 19_358 + day as i64 + 719_468; // 2023-01-01 is day 19358 of the Unix epoch
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn write_all(
    texts: &[String],
    dates: &[Option<String>],
    planted: &[(&'static str, usize, usize)],
    (corpus, truth): (&str, &str),
    rng: &mut Rng,
) -> Result<()> {
    let base_text: Vec<usize> = planted
        .iter()
        .filter(|p| p.0 == "base")
        .map(|p| p.2)
        .collect();
    // Shuffled ids so planted pairs are not neighbours.
    let mut ids: Vec<usize> = (0..texts.len()).collect();
    for i in (1..ids.len()).rev() {
        ids.swap(i, rng.below(i + 1));
    }
    let id = |t: usize| format!("d{:07}", ids[t]);
    let mut c = BufWriter::new(std::fs::File::create(corpus)?);
    let mut order: Vec<usize> = (0..texts.len()).collect();
    order.sort_by_key(|&t| ids[t]);
    for t in order {
        let rec = match &dates[t] {
            Some(d) => serde_json::json!({"id": id(t), "date": d, "text": texts[t]}),
            None => serde_json::json!({"id": id(t), "text": texts[t]}),
        };
        writeln!(c, "{rec}")?;
    }
    let mut w = BufWriter::new(std::fs::File::create(truth)?);
    let mut pairs: Vec<(&str, usize, usize)> = planted
        .iter()
        .filter(|p| p.0 != "base")
        .map(|&(k, src, t)| (k, base_text[src], t))
        .collect();
    pairs.extend(sibling_copies(planted));
    for (kind, s, t) in pairs {
        let (a, b) = (shingle_set(&texts[s]), shingle_set(&texts[t]));
        let inter = a.intersection(&b).count() as f64;
        let j = inter / (a.len() as f64 + b.len() as f64 - inter);
        let cont = inter / b.len() as f64;
        let dated = matches!((&dates[s], &dates[t]), (Some(x), Some(y)) if x != y);
        writeln!(
            w,
            "{}",
            serde_json::json!({"kind": kind, "original": id(s), "copy": id(t), "jaccard": j, "containment": cont, "dated": dated})
        )?;
    }
    Ok(())
}

/// Near-copies of the same base are near-duplicates of each other too: `(near, copy, copy)`.
fn sibling_copies(planted: &[(&'static str, usize, usize)]) -> Vec<(&'static str, usize, usize)> {
    let mut by_src: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for &(_, src, t) in planted.iter().filter(|p| p.0 == "near") {
        by_src.entry(src).or_default().push(t);
    }
    let mut out = Vec::new();
    for copies in by_src.values() {
        for (i, &x) in copies.iter().enumerate() {
            out.extend(copies[i + 1..].iter().map(|&y| ("near", x, y)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::date_of_day;

    #[test]
    fn days_become_calendar_dates() {
        assert_eq!(date_of_day(0), "2023-01-01");
        assert_eq!(date_of_day(58), "2023-02-28");
        assert_eq!(date_of_day(59), "2023-03-01");
        assert_eq!(date_of_day(365 + 59), "2024-02-29");
        assert_eq!(date_of_day(1095), "2025-12-31");
    }
}
