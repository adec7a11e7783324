//! Scoring a single pair of articles, for `samestory similarity --pairs FILE`: a
//! [`PairContext`] holds document frequencies from every article of the file, and
//! [`pair_score`] gives `story_score` of two [`PairDoc`]s under it.

use crate::dates::day_number;
use crate::extract::extract;
use crate::features::DocFeatures;
use crate::kind::Kind;
use crate::model::Model;
use crate::score::story_score;
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

/// Document frequencies of every article of a pairs file, and the config.
#[derive(Debug)]
pub struct PairContext {
    vocab: Vocab,
    model: Model,
    cfg: StoryConfig,
}

impl PairContext {
    /// Counts every article (each article once, however many pairs it is in).
    pub fn new<'a>(articles: impl IntoIterator<Item = &'a PairDoc>, cfg: &StoryConfig) -> Self {
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
            cfg: cfg.clone(),
        }
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
/// the same article and score 1.
pub fn pair_score(a: &PairDoc, b: &PairDoc, ctx: &PairContext) -> f32 {
    if same_url(a, b) {
        return 1.0;
    }
    story_score(&ctx.features(a), &ctx.features(b), &ctx.cfg)
}

fn same_url(a: &PairDoc, b: &PairDoc) -> bool {
    match (&a.url, &b.url) {
        (Some(x), Some(y)) => x.trim_end_matches('/') == y.trim_end_matches('/'),
        _ => false,
    }
}
