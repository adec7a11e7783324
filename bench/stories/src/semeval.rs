//! The semeval8-dev part: `story_score` (via `pair_score`) and a plain TF-IDF cosine
//! baseline on the same pairs, each scored by the split's own `score.py`.

use anyhow::{Context, Result};
use samestory_story::{pair_score, PairContext, PairDoc, StoryConfig};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

/// One line of `pairs.jsonl` (the fields we use).
#[derive(Deserialize)]
pub struct Pair {
    pair_id: String,
    a: PairDoc,
    b: PairDoc,
}

/// Pearson r and ROC-AUC as printed by `score.py`.
pub struct Metrics {
    pub pearson: f64,
    pub roc_auc: f64,
}

pub fn read_pairs(path: &Path) -> Result<Vec<Pair>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).context("bad pair line"))
        .collect()
}

/// `pair_score` of every pair (with embeddings when `cfg.model_dir` is set and the
/// `embed` feature is on).
pub fn samestory_scores(pairs: &[Pair], cfg: &StoryConfig) -> Result<Vec<f32>> {
    let ctx = PairContext::try_new(pairs.iter().flat_map(|p| [&p.a, &p.b]), cfg)?;
    Ok(pairs.iter().map(|p| pair_score(&p.a, &p.b, &ctx)).collect())
}

/// Plain all-MiniLM-L6-v2 mean-pooled cosine of title + text.
#[cfg(feature = "embed")]
pub fn minilm_scores(pairs: &[Pair], dir: &Path) -> Result<Vec<f32>> {
    use samestory_story::{embedding_cosine, Embedder};
    let model = Embedder::load(dir)?;
    let text = |d: &PairDoc| match &d.title {
        Some(t) => format!("{t}\n{}", d.text),
        None => d.text.clone(),
    };
    pairs
        .iter()
        .map(|p| {
            let (a, b) = (model.embed(&text(&p.a))?, model.embed(&text(&p.b))?);
            Ok(embedding_cosine(&a, &b).clamp(0.0, 1.0))
        })
        .collect()
}

/// Plain TF-IDF cosine over title + text, unigrams and bigrams, smoothed IDF, no stemming.
pub fn tfidf_scores(pairs: &[Pair]) -> Vec<f32> {
    let grams = |d: &PairDoc| -> HashMap<String, f32> {
        let text = format!("{}\n{}", d.title.as_deref().unwrap_or(""), d.text);
        let words: Vec<String> = samestory_text::tokens(&text)
            .into_iter()
            .map(|t| t.text)
            .collect();
        let mut tf = HashMap::new();
        words
            .iter()
            .for_each(|w| *tf.entry(w.clone()).or_insert(0.0) += 1.0);
        words
            .windows(2)
            .for_each(|w| *tf.entry(format!("{} {}", w[0], w[1])).or_insert(0.0) += 1.0);
        tf
    };
    let bags: Vec<(HashMap<String, f32>, HashMap<String, f32>)> =
        pairs.iter().map(|p| (grams(&p.a), grams(&p.b))).collect();
    let mut df: HashMap<&str, f32> = HashMap::new();
    for (a, b) in &bags {
        a.keys()
            .chain(b.keys())
            .for_each(|k| *df.entry(k).or_insert(0.0) += 1.0);
    }
    let n = 2.0 * pairs.len() as f32;
    let idf = |k: &str| ((1.0 + n) / (1.0 + df[k])).ln() + 1.0;
    let vec = |bag: &HashMap<String, f32>| -> HashMap<String, f32> {
        let v: HashMap<String, f32> = bag.iter().map(|(k, tf)| (k.clone(), tf * idf(k))).collect();
        let norm = v.values().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
        v.into_iter().map(|(k, x)| (k, x / norm)).collect()
    };
    bags.iter()
        .map(|(a, b)| {
            let (va, vb) = (vec(a), vec(b));
            va.iter()
                .filter_map(|(k, x)| vb.get(k).map(|y| x * y))
                .sum::<f32>()
                .clamp(0.0, 1.0)
        })
        .collect()
}

/// Writes `{"pair_id","score"}` lines and runs `score.py` on them.
pub fn evaluate(dir: &Path, pairs: &[Pair], scores: &[f32], name: &str) -> Result<Metrics> {
    let pred = std::env::temp_dir().join(format!(
        "samestory-bench-{}-{name}.jsonl",
        std::process::id()
    ));
    let lines: Vec<String> = pairs
        .iter()
        .zip(scores)
        .map(|(p, s)| serde_json::json!({"pair_id": p.pair_id, "score": s}).to_string())
        .collect();
    std::fs::write(&pred, lines.join("\n") + "\n")?;
    let out = Command::new("python3")
        .arg(dir.join("score.py"))
        .arg("--pairs")
        .arg(dir.join("pairs.jsonl"))
        .arg("--pred")
        .arg(&pred)
        .output()
        .context("running score.py")?;
    if let Some(dir) = std::env::var_os("BENCH_KEEP_PRED") {
        std::fs::copy(&pred, Path::new(&dir).join(format!("{name}.jsonl")))?;
    }
    let _ = std::fs::remove_file(&pred);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).context("score.py output")?;
    Ok(Metrics {
        pearson: v["pearson"].as_f64().unwrap_or(f64::NAN),
        roc_auc: v["roc_auc"].as_f64().unwrap_or(f64::NAN),
    })
}
