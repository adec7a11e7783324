//! One document → its [`Bag`] of raw story features with their (title-boosted) counts:
//! stemmed content terms, entity names (`@`), gazetteer places (`#`) and mentioned dates
//! (`~`). Counting only; weighting needs the whole input and lives in [`crate::model`].

use crate::entities::{entities, Entity};
use crate::lexicon::{algorithm, is_content};
use crate::source::StoryDoc;
use crate::{dates, Kind};
use rust_stemmers::{Algorithm, Stemmer};
use samestory_core::StoryConfig;
use samestory_text::{tokens, Token};
use std::cell::RefCell;
use std::collections::HashMap;
use xxhash_rust::xxh3::Xxh3Builder;

/// Feature counts of one document (a fast, fixed-seed hasher: deterministic and cheap).
type Counts = HashMap<String, f32, Xxh3Builder>;

/// Raw features of one document: `(feature, count)` sorted by feature, and its length in
/// content words (the BM25 length).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bag {
    /// Features with their counts (title occurrences count `title_weight`).
    pub features: Vec<(String, f32)>,
    /// Content words in title and body.
    pub len: f32,
}

/// Extracts the feature bag of `doc`.
pub fn extract(doc: &StoryDoc<'_>, cfg: &StoryConfig) -> Bag {
    let alg = algorithm(doc.lang);
    let mut counts = Counts::with_capacity_and_hasher(512, Xxh3Builder::new());
    let mut len = 0.0;
    if let Some(title) = doc.title {
        len += add_text(title, alg, cfg.title_weight, &mut counts);
    }
    len += add_text(doc.body, alg, 1.0, &mut counts);
    for d in dates::mentioned(doc.body) {
        *counts.entry(Kind::Date.tag(&d)).or_default() += 1.0;
    }
    let mut features: Vec<(String, f32)> = counts.into_iter().collect();
    features.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Bag { features, len }
}

/// Adds the terms and entities of `text` with `weight` each; returns the content words.
fn add_text(text: &str, alg: Algorithm, weight: f32, counts: &mut Counts) -> f32 {
    let toks = tokens(text);
    let mut n = 0.0;
    for t in toks.iter().filter(|t| is_content(&t.text)) {
        *counts.entry(stemmed(alg, &t.text)).or_default() += weight;
        n += weight;
    }
    add_entities(text, &toks, weight, counts);
    n
}

fn add_entities(text: &str, toks: &[Token], weight: f32, counts: &mut Counts) {
    for e in entities(text, toks) {
        let key = match e {
            Entity::Place(c) => Kind::Place.tag(c),
            Entity::Name(n) => Kind::Name.tag(&n),
        };
        *counts.entry(key).or_default() += weight;
    }
}

thread_local! {
    static ENGLISH: (Stemmer, RefCell<HashMap<String, String, Xxh3Builder>>) =
        (Stemmer::create(Algorithm::English), RefCell::new(HashMap::with_hasher(Xxh3Builder::new())));
}

/// Stem of a normalised word; English stems are cached per thread.
pub fn stemmed(alg: Algorithm, word: &str) -> String {
    if alg != Algorithm::English {
        return Stemmer::create(alg).stem(word).into_owned();
    }
    ENGLISH.with(|(stemmer, cache)| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(word) {
            return s.clone();
        }
        if cache.len() > 500_000 {
            cache.clear();
        }
        let s = stemmer.stem(word).into_owned();
        cache.insert(word.to_owned(), s.clone());
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bag_has_terms_entities_dates_and_title_boost() {
        let doc = StoryDoc {
            title: Some("Troops pull back"),
            body: "Russia said troops would pull back on February 15, Dmytro Kuleba said.",
            ..StoryDoc::default()
        };
        let bag = extract(&doc, &StoryConfig::default());
        let get = |k: &str| bag.features.iter().find(|f| f.0 == k).map(|f| f.1);
        assert_eq!(get("troop"), Some(3.0));
        assert_eq!(get("#russia"), Some(1.0));
        assert_eq!(get("@dmytro kuleba"), Some(1.0));
        assert_eq!(get("~02-15"), Some(1.0));
        assert_eq!(get("said"), None);
    }
}
