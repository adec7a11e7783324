//! One document → its [`Bag`] of raw story features with their (title-boosted) counts:
//! stemmed content terms, entity names (`@`), gazetteer places (`#`) and mentioned dates
//! (`~`), as [`Vocab`] ids. Counting only; weighting needs the whole input and lives in
//! [`crate::model`].
//!
//! Hot path: each thread caches, per vocabulary, what it learnt of every word (its term id
//! after stop-word test and stemming, its entity flags) under the word's hash, and every
//! tagged feature's id under the tag's hash, so a word already met costs one lookup and no
//! allocation. A smaller cache of stems and flags outlives vocabularies, so what makes
//! a new vocabulary for a few documents (an index query scoring an article against stored
//! ones) does not stem the language's common words again each time.

use crate::dates;
use crate::entities::{entities, Entity, WordFlags};
use crate::kind::Kind;
use crate::lexicon::{algorithm, is_content};
use crate::source::StoryDoc;
use crate::vocab::Vocab;
use crate::words::Words;
use rust_stemmers::{Algorithm, Stemmer};
use samestory_core::StoryConfig;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use xxhash_rust::xxh3::xxh3_64;

/// Raw features of one document: `(vocab id, count)` sorted by id, and its length in
/// content words (the BM25 length); title occurrences count `title_weight`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bag {
    /// Features with their weighted counts.
    pub features: Vec<(u32, f32)>,
    /// Weighted content words in title and body.
    pub len: f32,
}

/// Occurrences of one feature in a document's body and title.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    /// Vocab id.
    pub id: u32,
    /// Occurrences in the body.
    pub body: u32,
    /// Occurrences in the title.
    pub title: u32,
}

/// Unweighted raw features of one document: counts sorted by id, content words per field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// One entry per feature, ids ascending.
    pub features: Vec<Count>,
    /// Content words in the body.
    pub body_words: u32,
    /// Content words in the title.
    pub title_words: u32,
}

impl Counts {
    /// The bag these counts give with title occurrences weighted by `title_weight`.
    pub fn weighted(&self, title_weight: f32) -> Bag {
        let w = |body, title| weighted(body, title, title_weight);
        Bag {
            features: self
                .features
                .iter()
                .map(|c| (c.id, w(c.body, c.title)))
                .collect(),
            len: w(self.body_words, self.title_words),
        }
    }
}

/// A count with title occurrences weighted by `title_weight`.
pub fn weighted(body: u32, title: u32, title_weight: f32) -> f32 {
    title as f32 * title_weight + body as f32
}

/// Extracts the feature bag of `doc`, interning its features in `vocab`.
pub fn extract(doc: &StoryDoc<'_>, cfg: &StoryConfig, vocab: &Vocab) -> Bag {
    counts(doc, vocab).weighted(cfg.title_weight)
}

/// Extracts the raw feature counts of `doc`, interning its features in `vocab`.
pub fn counts(doc: &StoryDoc<'_>, vocab: &Vocab) -> Counts {
    with_cache(vocab, |cache| {
        let mut ex = Extractor {
            cache,
            vocab,
            alg: algorithm(doc.lang),
            acc: Vec::with_capacity(1024),
            buf: String::new(),
        };
        let title_words = doc.title.map_or(0, |t| ex.add_text(t, true));
        let body_words = ex.add_text(doc.body, false);
        for d in dates::mentioned(doc.body) {
            ex.add_tagged(Kind::Date, &d, false);
        }
        Counts {
            features: merge(ex.acc),
            body_words,
            title_words,
        }
    })
}

/// One occurrence of a feature as [`merge`] sorts it: the vocab id above a bit set for an
/// occurrence in the title (one `u64`, so sorting compares plain integers).
fn occurrence(id: u32, in_title: bool) -> u64 {
    u64::from(id) << 1 | u64::from(in_title)
}

/// Counts the occurrences ([`occurrence`]) of each id.
fn merge(mut acc: Vec<u64>) -> Vec<Count> {
    acc.sort_unstable();
    let mut out: Vec<Count> = Vec::with_capacity(acc.len());
    for e in acc {
        let id = (e >> 1) as u32;
        if out.last().is_none_or(|last| last.id != id) {
            out.push(Count {
                id,
                ..Count::default()
            });
        }
        if let Some(last) = out.last_mut() {
            *(if e & 1 == 1 {
                &mut last.title
            } else {
                &mut last.body
            }) += 1;
        }
    }
    out
}

/// The per-document state of an extraction.
struct Extractor<'c> {
    cache: &'c mut Cache,
    vocab: &'c Vocab,
    alg: Algorithm,
    acc: Vec<u64>,
    buf: String,
}

impl Extractor<'_> {
    /// Adds the terms and entities of `text` (the title or the body); returns its content
    /// words.
    fn add_text(&mut self, text: &str, title: bool) -> u32 {
        let words = Words::new(text);
        let mut flags = Vec::with_capacity(words.len());
        let mut n = 0;
        for i in 0..words.len() {
            let info = self.word(&words, i);
            if let Some(id) = info.term {
                self.acc.push(occurrence(id, title));
                n += 1;
            }
            flags.push(info.flags);
        }
        for e in entities(&words, &flags) {
            match e {
                Entity::Place(c) => self.add_tagged(Kind::Place, c, title),
                Entity::Name(name) => self.add_tagged(Kind::Name, &name, title),
            }
        }
        n
    }

    /// What the cache knows of word `i` (learnt now if new).
    fn word(&mut self, words: &Words<'_>, i: usize) -> WordInfo {
        let key = words.toks[i].hash ^ salt(self.alg);
        if let Some(&info) = self.cache.words.get(&key) {
            return info;
        }
        let (alg, vocab, buf) = (self.alg, self.vocab, &mut self.buf);
        let info = with_stem(
            key,
            move || words.norm(i, buf),
            alg,
            |stem, flags| WordInfo {
                term: stem.map(|s| vocab.intern(s)),
                flags,
            },
        );
        self.cache.words.insert(key, info);
        info
    }

    /// Adds the feature `kind` + `text`.
    fn add_tagged(&mut self, kind: Kind, text: &str, title: bool) {
        let tagged = kind.tag(text);
        let key = xxh3_64(tagged.as_bytes());
        let vocab = self.vocab;
        let id = *self
            .cache
            .feats
            .entry(key)
            .or_insert_with(|| vocab.intern(&tagged));
        self.acc.push(occurrence(id, title));
    }
}

/// What one word contributes: its term id (content words only) and its entity flags.
#[derive(Clone, Copy, Debug)]
struct WordInfo {
    term: Option<u32>,
    flags: WordFlags,
}

/// Per-thread knowledge of words and tagged features, valid for one vocabulary.
#[derive(Default)]
struct Cache {
    generation: u64,
    words: HashMap<u64, WordInfo, BuildHasherDefault<Prehashed>>,
    feats: HashMap<u64, u32, BuildHasherDefault<Prehashed>>,
}

/// Entries beyond which a thread's cache starts over (bounds its memory).
const CACHE_LIMIT: usize = 1 << 21;

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::default();
}

/// Runs `f` with this thread's cache for `vocab`.
fn with_cache<R>(vocab: &Vocab, f: impl FnOnce(&mut Cache) -> R) -> R {
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let full = c.words.len() + c.feats.len() > CACHE_LIMIT;
        if c.generation != vocab.generation() || full {
            *c = Cache {
                generation: vocab.generation(),
                ..Cache::default()
            };
        }
        f(&mut c)
    })
}

/// Frees this thread's cache (what it learnt is only worth its memory while documents of
/// one vocabulary are being extracted).
pub(crate) fn release_cache() {
    CACHE.with(|c| *c.borrow_mut() = Cache::default());
}

/// What a word is, whatever the vocabulary: its stem when it is a content word, and its
/// entity flags.
type Stemmed = (Option<Box<str>>, WordFlags);

/// Entries beyond which a thread's stem cache starts over: the common words of a language,
/// about 1 MB (kept between vocabularies, unlike [`Cache`]).
const STEM_LIMIT: usize = 1 << 15;

thread_local! {
    static STEMS: RefCell<HashMap<u64, Stemmed, BuildHasherDefault<Prehashed>>> =
        RefCell::default();
}

/// Runs `f` with the stem and flags of the word under `key` (its hash, salted by `alg`),
/// from this thread's stem cache or from `norm` (its normalised text), learnt now.
fn with_stem<'w, R>(
    key: u64,
    norm: impl FnOnce() -> &'w str,
    alg: Algorithm,
    f: impl FnOnce(Option<&str>, WordFlags) -> R,
) -> R {
    STEMS.with(|s| {
        let mut stems = s.borrow_mut();
        if let Some((stem, flags)) = stems.get(&key) {
            return f(stem.as_deref(), *flags);
        }
        let norm = norm();
        let stem = is_content(norm).then(|| Box::<str>::from(stem(alg, norm)));
        let flags = WordFlags::of(norm);
        let out = f(stem.as_deref(), flags);
        if stems.len() >= STEM_LIMIT {
            stems.clear();
        }
        stems.insert(key, (stem, flags));
        out
    })
}

/// Keys are already xxh3 hashes: the map uses them as they are.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxh3_64(bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Separates the cache entries of one word under different stemmers.
fn salt(alg: Algorithm) -> u64 {
    (alg as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Stem of a normalised word.
pub fn stem(alg: Algorithm, word: &str) -> String {
    Stemmer::create(alg).stem(word).into_owned()
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
        let vocab = Vocab::default();
        let bag = extract(&doc, &StoryConfig::default(), &vocab);
        let names = vocab.into_names();
        let get = |k: &str| {
            bag.features
                .iter()
                .find(|f| &*names[f.0 as usize] == k)
                .map(|f| f.1)
        };
        assert_eq!(get("troop"), Some(3.0));
        assert_eq!(get("#russia"), Some(1.0));
        assert_eq!(get("@dmytro kuleba"), Some(1.0));
        assert_eq!(get("~02-15"), Some(1.0));
        assert_eq!(get("said"), None);
    }

    #[test]
    fn cached_words_give_the_same_bag() {
        let doc = StoryDoc {
            body: "Kyiv said the Russian troops near Kyiv pulled back; Kyiv welcomed it.",
            ..StoryDoc::default()
        };
        let vocab = Vocab::default();
        let cfg = StoryConfig::default();
        assert_eq!(extract(&doc, &cfg, &vocab), extract(&doc, &cfg, &vocab));
    }

    #[test]
    fn a_new_vocabulary_gets_the_same_features_from_the_stem_cache() {
        let doc = StoryDoc {
            title: Some("Troops pulling back"),
            body: "Kyiv said the Russian troops near Kyiv pulled back; officials welcomed it.",
            ..StoryDoc::default()
        };
        let cfg = StoryConfig::default();
        let named = |vocab: &Vocab| {
            let bag = extract(&doc, &cfg, vocab);
            let mut names: Vec<(String, u32)> = bag
                .features
                .iter()
                .map(|&(id, w)| (vocab.name(id).to_string(), w.to_bits()))
                .collect();
            names.sort();
            names
        };
        let first = named(&Vocab::default());
        release_cache();
        STEMS.with(|s| s.borrow_mut().clear());
        let fresh = named(&Vocab::default());
        assert_eq!(first, fresh);
        assert!(first.iter().any(|(n, _)| n == "troop"), "{first:?}");
        assert!(
            STEMS.with(|s| s.borrow().len()) > 5,
            "learnt stems are kept"
        );
        assert_eq!(named(&Vocab::default()), fresh, "from the stem cache");
    }
}
