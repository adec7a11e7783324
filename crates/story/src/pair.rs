//! Scoring a single pair of articles, for `samestory similarity --pairs FILE`: a
//! [`PairContext`] holds document frequencies from every article of the file, and
//! [`pair_score`] gives `story_score` of two [`PairDoc`]s under it.
//!
//! Two differences from clustering, both because a pair is scored alone:
//! - vectors are not truncated to `max_features` (truncation bounds memory at 10^6
//!   documents; one pair can afford the exact cosine, of which the truncated one is a
//!   lower bound);
//! - with embeddings, the embedding cosine is the primary signal and the lexical side
//!   contributes only its entity channel (cosine over names and places): a sentence
//!   embedding already captures the topic and paraphrases that the content terms see, but
//!   not *which* people and places (two house fires in two cities embed alike).

use crate::dates::day_number;
use crate::dense::Dense;
use crate::error::StoryError;
use crate::extract::extract;
use crate::features::DocFeatures;
use crate::kind::Kind;
use crate::model::Model;
use crate::score::{combine, days_apart};
use crate::source::StoryDoc;
use crate::vector::SparseVec;
use crate::vocab::Vocab;
use rayon::prelude::*;
use samestory_core::StoryConfig;
use serde::{Deserialize, Serialize};

/// One article of a pairs file. Every field but `text` may be missing or null.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PairDoc {
    /// Article id (a JSON string or number).
    #[serde(default, deserialize_with = "id_string")]
    pub id: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Article text.
    pub text: String,
    /// Publication date (`YYYY-MM-DD`, or a timestamp starting with one).
    #[serde(default)]
    pub date: Option<String>,
    /// URL.
    #[serde(default)]
    pub url: Option<String>,
}

impl PairDoc {
    fn story_doc(&self) -> StoryDoc<'_> {
        StoryDoc {
            title: self.title.as_deref(),
            body: &self.text,
            date: self.date.as_deref(),
            lang: None,
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum AnyId {
    Text(String),
    Int(i64),
    Float(f64),
}

fn id_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<AnyId>::deserialize(d)?.map(|id| match id {
        AnyId::Text(s) => s,
        AnyId::Int(i) => i.to_string(),
        AnyId::Float(f) => f.to_string(),
    }))
}

/// Document frequencies of every article of a pairs file, their embeddings when a model
/// is used, and the config.
#[derive(Debug)]
pub struct PairContext {
    vocab: Vocab,
    model: Model,
    dense: Dense,
    cfg: StoryConfig,
}

impl PairContext {
    /// Counts every article (each article once, however many pairs it is in). Lexical
    /// only: `cfg.model_dir` is not read (see [`PairContext::try_new`]).
    pub fn new<'a>(articles: impl IntoIterator<Item = &'a PairDoc>, cfg: &StoryConfig) -> Self {
        let articles: Vec<&PairDoc> = articles.into_iter().collect();
        PairContext::lexical(&articles, cfg, Dense::none())
    }

    /// As [`PairContext::new`], and, when the crate is built with the `embed` feature and
    /// `cfg.model_dir` is set, loads that model and embeds every article: pair scores
    /// then mix the embedding cosine with the entity channel (`cfg.embed_weight`; see
    /// [`pair_score`]). Fails only on the model.
    pub fn try_new<'a>(
        articles: impl IntoIterator<Item = &'a PairDoc>,
        cfg: &StoryConfig,
    ) -> Result<Self, StoryError> {
        let articles: Vec<&PairDoc> = articles.into_iter().collect();
        let dense = Dense::load(&articles, cfg)?;
        Ok(PairContext::lexical(&articles, cfg, dense))
    }

    fn lexical(articles: &[&PairDoc], cfg: &StoryConfig, dense: Dense) -> Self {
        let vocab = Vocab::default();
        let mut model = Model::new(&untruncated(cfg));
        for doc in articles {
            let bag = extract(&doc.story_doc(), cfg, &vocab);
            model.count(bag.len, bag.features.iter().map(|f| f.0));
        }
        model.finish(vocab.names());
        PairContext {
            vocab,
            model,
            dense,
            cfg: cfg.clone(),
        }
    }

    /// Whether pair scores use embeddings.
    pub fn uses_embeddings(&self) -> bool {
        self.dense.is_loaded()
    }

    /// The features of one article under this context's model.
    fn features(&self, doc: &PairDoc) -> DocFeatures {
        let d = doc.story_doc();
        let bag = extract(&d, &self.cfg, &self.vocab);
        DocFeatures {
            vec: self.model.vector(&bag, |v| Kind::of(&self.vocab.name(v))),
            day: d.date.and_then(day_number),
        }
    }
}

/// `cfg` with no truncation of document vectors (see the module docs).
fn untruncated(cfg: &StoryConfig) -> StoryConfig {
    StoryConfig {
        max_features: usize::MAX,
        ..cfg.clone()
    }
}

/// `story_score` of two articles in `[0, 1]`; equal URLs (ignoring a trailing `/`) are
/// the same article and score 1. The content similarity, before the time factor, is the
/// cosine of the untruncated vectors; with embeddings (see [`PairContext::try_new`]) it is
/// `w · max(0, embedding cosine) + (1 - w) · entity cosine` when both articles name
/// entities or places, else the embedding cosine alone (`w` = `cfg.embed_weight`).
pub fn pair_score(a: &PairDoc, b: &PairDoc, ctx: &PairContext) -> f32 {
    if same_url(a, b) {
        return 1.0;
    }
    let (fa, fb) = (ctx.features(a), ctx.features(b));
    let content = match ctx.dense.cosine(a, b) {
        Some(c) => {
            let entities = entity_cosine(&fa.vec, &fb.vec, &ctx.model);
            with_entities(c.max(0.0), entities, ctx.cfg.embed_weight)
        }
        None => fa.vec.dot(&fb.vec),
    };
    combine(content, days_apart(&fa, &fb), &ctx.cfg)
}

/// [`pair_score`] of `query` against each of `others`, lexical, under the context
/// [`PairContext::new`] would count from all of them (the query included) — but each
/// article's features are extracted once, not once per pair: what an index needs to score
/// one new article against a few stored ones.
pub fn scores_against(query: &PairDoc, others: &[PairDoc], cfg: &StoryConfig) -> Vec<f32> {
    let all: Vec<&PairDoc> = std::iter::once(query).chain(others).collect();
    let vocab = Vocab::default();
    let mut model = Model::new(&untruncated(cfg));
    // Extracted in parallel (a query's latency is mostly this); features are renumbered by
    // name in `finish`, so the result does not depend on which thread met them first.
    let bags: Vec<_> = all
        .par_iter()
        .map(|d| extract(&d.story_doc(), cfg, &vocab))
        .collect();
    for bag in &bags {
        model.count(bag.len, bag.features.iter().map(|f| f.0));
    }
    model.finish(vocab.names());
    let features: Vec<DocFeatures> = all
        .iter()
        .zip(&bags)
        .map(|(d, bag)| DocFeatures {
            vec: model.vector(bag, |v| Kind::of(&vocab.name(v))),
            day: d.story_doc().date.and_then(day_number),
        })
        .collect();
    let q = &features[0];
    others
        .iter()
        .zip(&features[1..])
        .map(|(o, f)| match same_url(query, o) {
            true => 1.0,
            false => combine(q.vec.dot(&f.vec), days_apart(q, f), cfg),
        })
        .collect()
}

/// The embedding cosine adjusted by the entity channel: `w · embedding + (1 - w) ·
/// entities`, or the embedding alone when there is no entity evidence.
fn with_entities(embedding: f32, entities: Option<f32>, w: f32) -> f32 {
    match entities {
        Some(e) => w * embedding + (1.0 - w) * e,
        None => embedding,
    }
}

/// Cosine of the name and place features of two vectors; None when either has none (no
/// evidence either way).
fn entity_cosine(a: &SparseVec, b: &SparseVec, model: &Model) -> Option<f32> {
    let (ea, eb) = (entity_part(a, model), entity_part(b, model));
    (!ea.0.is_empty() && !eb.0.is_empty()).then(|| ea.cosine(&eb))
}

/// The name and place entries of a vector.
fn entity_part(v: &SparseVec, model: &Model) -> SparseVec {
    let is_entity = |id: u32| matches!(model.kind(id), Kind::Name | Kind::Place);
    SparseVec(v.0.iter().copied().filter(|e| is_entity(e.0)).collect())
}

fn same_url(a: &PairDoc, b: &PairDoc) -> bool {
    match (&a.url, &b.url) {
        (Some(x), Some(y)) => x.trim_end_matches('/') == y.trim_end_matches('/'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, text: &str) -> PairDoc {
        PairDoc {
            title: Some(title.into()),
            text: text.into(),
            ..PairDoc::default()
        }
    }

    #[test]
    fn entity_channel_sees_names_and_places_only() {
        let a = doc(
            "Fire in Columbus",
            "Dmytro Kuleba said a house fire killed three.",
        );
        let b = doc(
            "Fire in Chicago",
            "A house fire killed three people, police said.",
        );
        let c = doc("Talks", "Dmytro Kuleba met officials about the weather.");
        let ctx = PairContext::new([&a, &b, &c], &StoryConfig::default());
        let (fa, fb, fc) = (ctx.features(&a), ctx.features(&b), ctx.features(&c));
        let ab = entity_cosine(&fa.vec, &fb.vec, &ctx.model);
        let ac = entity_cosine(&fa.vec, &fc.vec, &ctx.model);
        assert!(ab.is_some_and(|x| x < 0.5), "{ab:?}");
        assert!(ac.is_some_and(|x| x > ab.unwrap_or(1.0)), "{ac:?}");
        let none = ctx.features(&doc("", "a house fire killed three"));
        assert_eq!(entity_cosine(&fa.vec, &none.vec, &ctx.model), None);
    }

    #[test]
    fn scores_against_equal_pair_scores_under_the_same_context() {
        let q = doc(
            "Fire in Columbus",
            "A house fire in Columbus killed three people.",
        );
        let others = [
            doc(
                "Columbus fire",
                "Three people died in a house fire in Columbus, Ohio.",
            ),
            doc("Budget talks", "Ministers met about the budget on Tuesday."),
            PairDoc {
                url: Some("https://x.test/a/".into()),
                ..doc("Other", "Unrelated text about gardens.")
            },
        ];
        let q = PairDoc {
            url: Some("https://x.test/a".into()),
            ..q
        };
        let cfg = StoryConfig::default();
        let ctx = PairContext::new(std::iter::once(&q).chain(&others), &cfg);
        let want: Vec<f32> = others.iter().map(|o| pair_score(&q, o, &ctx)).collect();
        assert_eq!(scores_against(&q, &others, &cfg), want);
        assert_eq!(want[2], 1.0, "equal URLs");
        assert!(want[0] > want[1], "{want:?}");
    }

    #[test]
    fn entities_adjust_the_embedding_only_with_evidence() {
        assert_eq!(with_entities(0.7, None, 0.9), 0.7);
        assert!(with_entities(0.7, Some(1.0), 0.9) > 0.7);
        assert!(with_entities(0.7, Some(0.0), 0.9) < 0.7);
    }

    #[test]
    fn pair_vectors_are_not_truncated() {
        let long: String = (0..200).map(|i| format!("word{i} ")).collect();
        let a = doc("t", &long);
        let cfg = StoryConfig {
            max_features: 8,
            ..StoryConfig::default()
        };
        let ctx = PairContext::new([&a], &cfg);
        assert!(ctx.features(&a).vec.0.len() > 8);
        assert!((pair_score(&a, &a.clone(), &ctx) - 1.0).abs() < 1e-4);
    }
}
