//! Scoring a single pair of articles, for `samestory similarity --pairs FILE`: a
//! [`PairContext`] holds document frequencies from every article of the file, and
//! [`pair_score`] gives `story_score` of two [`PairDoc`]s under it.

use crate::dates::day_number;
use crate::dense::Dense;
use crate::error::StoryError;
use crate::extract::extract;
use crate::features::DocFeatures;
use crate::kind::Kind;
use crate::model::Model;
use crate::score::{combine, days_apart};
use crate::source::StoryDoc;
use crate::vocab::Vocab;
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
    /// then mix in the embedding cosine (`cfg.embed_weight`). Fails only on the model.
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
        let mut model = Model::new(cfg);
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

/// `story_score` of two articles in `[0, 1]`; equal URLs (ignoring a trailing `/`) are
/// the same article and score 1. With embeddings (see [`PairContext::try_new`]) the
/// content similarity is `(1 - w) · lexical + w · max(0, embedding cosine)` before the
/// time factor.
pub fn pair_score(a: &PairDoc, b: &PairDoc, ctx: &PairContext) -> f32 {
    if same_url(a, b) {
        return 1.0;
    }
    let (fa, fb) = (ctx.features(a), ctx.features(b));
    let lexical = fa.vec.dot(&fb.vec);
    let content = match ctx.dense.cosine(a, b) {
        Some(c) => (1.0 - ctx.cfg.embed_weight) * lexical + ctx.cfg.embed_weight * c.max(0.0),
        None => lexical,
    };
    combine(content, days_apart(&fa, &fb), &ctx.cfg)
}

fn same_url(a: &PairDoc, b: &PairDoc) -> bool {
    match (&a.url, &b.url) {
        (Some(x), Some(y)) => x.trim_end_matches('/') == y.trim_end_matches('/'),
        _ => false,
    }
}
