//! Differential test of `samestory_relate::shard`: the distributed plan, simulated in
//! process (`shard_plan`: partitions, keys grouped across them, bucket rules, batched
//! verification, union-find over joining verdicts), gives exactly the engine's candidate
//! pairs, boilerplate fingerprints and duplicate groups — those of `relate()`, which
//! `samestory dedup` writes — on `examples/`, on the seeds (skipped with a message without
//! `../shared`), and on synthetic corpora with planted worst cases, under the default
//! config and one with small limits that takes every rule's other branch.

mod shard_plan;

use samestory_core::{Config, Document, RelateConfig};
use samestory_relate::relate;
use shard_plan::{engine_candidates, synthetic};
use std::path::Path;

/// Documents of every input under `dir` as the CLI reads them, sorted by id.
fn load(dir: &Path) -> Vec<Document> {
    shard_plan::read_corpus(&dir.to_string_lossy(), &Config::default().ingest)
}

/// Runs the plan in `parts` partitions and checks it against the engine; returns the plan's
/// outcome.
fn check(docs: &[Document], cfg: &RelateConfig, parts: usize) -> shard_plan::Outcome {
    let plan = shard_plan::run(docs, cfg, parts);
    let (pairs, boilerplate) = engine_candidates(docs, cfg);
    assert_eq!(plan.candidates, pairs, "candidate pairs");
    assert_eq!(plan.boilerplate, boilerplate, "boilerplate fingerprints");
    let engine = relate(docs, cfg);
    let diff: Vec<_> = docs
        .iter()
        .zip(plan.group_of.iter().zip(&engine.group_of))
        .filter(|(_, (a, b))| a != b)
        .map(|(d, (a, b))| (&d.id, a, b))
        .take(10)
        .collect();
    assert!(
        diff.is_empty(),
        "groups differ (id, plan, engine): {diff:?}"
    );
    plan
}

/// Small limits, so that small corpora take every rule's other branch: LSH stars, capped
/// fingerprints with several hubs, frequent ones.
fn tight() -> RelateConfig {
    RelateConfig {
        lsh_max_bucket: 4,
        containment_max_bucket: 5,
        boilerplate_min_docs: 14,
        containment_hubs: 3,
        wire_min_shared_prints: 6,
        ..RelateConfig::default()
    }
}

#[test]
fn examples_give_the_engines_groups() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let docs = load(&dir);
    assert!(docs.len() >= 10, "{}", docs.len());
    for parts in [1, 3] {
        check(&docs, &Config::default().relate, parts);
        check(&docs, &tight(), parts);
    }
}

#[test]
fn seeds_give_the_engines_groups() {
    let Some(dir) = samestory_testkit::seeds_dir() else {
        return;
    };
    let docs = load(&dir);
    assert!(docs.len() >= 5, "{}", docs.len());
    check(&docs, &Config::default().relate, 2);
    check(&docs, &tight(), 4);
}

#[test]
fn synthetic_worst_cases_give_the_engines_groups() {
    let docs = synthetic(500, 17);
    let plan = check(&docs, &RelateConfig::default(), 4);
    assert!(plan.stars > 0, "no LSH bucket over its cap");
    let counts = (
        plan.frequent,
        plan.wire,
        plan.boilerplate.len(),
        &plan.regroup_asked,
    );
    assert!(plan.frequent > 0 && plan.wire > 0, "{counts:?}");
    assert!(!plan.boilerplate.is_empty());
    let plan = check(&docs, &tight(), 3);
    assert!(plan.capped > 0, "no capped fingerprint");
}

#[test]
fn other_seeds_and_partitions_give_the_engines_groups() {
    for (seed, parts) in [(1, 2), (2, 5)] {
        let docs = synthetic(120, seed);
        check(&docs, &RelateConfig::default(), parts);
        check(&docs, &tight(), parts);
    }
}

/// Two groups whose representatives are near-duplicates but never a candidate pair: the
/// LSH band is one of 40 rows (only equal shingle sets share it), and the text all four
/// share is a capped fingerprint bucket whose hub is `x1`. `r1` ⊃ `r2` (a trimmed copy);
/// `x1` = `r1` + more (joins `r1` by the fingerprints of `r1`'s tail), `x2` = `r2` + more
/// (joins `r2` by their URL). `x1` shares passages with `r2` and `x2` (not duplicates): the
/// regrouping round asks for `(r1, r2)`, a near-duplicate, and the two groups become one.
#[test]
fn a_regrouping_round_joins_groups_no_candidate_joins() {
    let mut rng = shard_plan::Rng::new(5);
    let mut words = |n| shard_plan::text(&mut rng, n);
    let (s, t, e1, e2, own) = (words(170), words(30), words(35), words(30), words(100));
    let doc = |id: &str, date: &str, parts: &[&Vec<String>]| {
        let body: Vec<&str> = parts
            .iter()
            .flat_map(|p| p.iter().map(String::as_str))
            .collect();
        let mut d = Document::new(id, samestory_core::Format::Text, body.join(" "));
        d.meta.date = Some(date.into());
        d
    };
    let mut docs = vec![
        doc("rg-r1", "2023-01-01", &[&s, &t]),
        doc("rg-r2", "2023-01-02", &[&s]),
        doc("rg-x1", "2023-01-03", &[&s, &t, &e1]),
        doc("rg-x2", "2023-01-04", &[&s, &e2]),
        doc("rg-z1", "2023-01-05", &[&e1, &own]),
    ];
    for k in [1, 3] {
        docs[k].meta.url = Some("https://example.org/r2".into());
    }
    let cfg = RelateConfig {
        lsh_bands: 1,
        lsh_rows: 40,
        containment_max_bucket: 3,
        containment_hubs: 1,
        ..RelateConfig::default()
    };
    let plan = check(&docs, &cfg, 2);
    assert_eq!(plan.first_groups[..4], ["rg-r1", "rg-r2", "rg-r1", "rg-r2"]);
    assert_eq!(plan.group_of[..4], ["rg-r1"; 4]);
    assert!(plan.regroup_asked[0] >= 1, "{:?}", plan.regroup_asked);
}

/// 20,000 synthetic documents (release: `cargo test -p samestory-relate --release --test
/// shard -- --ignored`); `SAMESTORY_SHARD_CORPUS=FILE.jsonl` checks a corpus of
/// `dedup-bench gen` instead.
#[test]
#[ignore]
#[allow(clippy::print_stderr)] // the figures the report quotes
fn twenty_thousand_documents_give_the_engines_groups() {
    let docs = match std::env::var_os("SAMESTORY_SHARD_CORPUS") {
        Some(path) => load(Path::new(&path)),
        None => synthetic(20_000, 20),
    };
    let plan = check(&docs, &RelateConfig::default(), 8);
    let moved = plan
        .first_groups
        .iter()
        .zip(&plan.group_of)
        .filter(|(a, b)| a != b)
        .count();
    eprintln!(
        "{} documents: {} candidates, {} boilerplate, regrouping asked {:?}, {} documents moved by it",
        docs.len(),
        plan.candidates.len(),
        plan.boilerplate.len(),
        plan.regroup_asked,
        moved
    );
}

/// Stage 9 over one component holding everything: `relation_rows` given the documents in
/// rank order, their exemplars and the candidate pairs writes the engine's rows.
fn relation_rows_match(docs: &[Document], cfg: &RelateConfig) {
    use samestory_relate::{groups, shard};
    let rank = groups::ranks(docs, &cfg.wire_agencies);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&i| rank[i]);
    let sorted: Vec<Document> = order.iter().map(|&i| docs[i].clone()).collect();
    let mut sketcher = samestory_relate::features::Sketcher::new(cfg);
    let mut classes: std::collections::BTreeMap<(u64, u128), Vec<u64>> = Default::default();
    let mut exemplar: Vec<u32> = (0..sorted.len() as u32).collect();
    for (i, d) in sorted.iter().enumerate() {
        let k = shard::doc_keys(&mut sketcher, d, cfg);
        if k.words > 0 {
            classes
                .entry((k.exact, shard::body_hash(&d.body)))
                .or_default()
                .push(i as u64);
        }
    }
    for members in classes.values() {
        let e = shard::exemplar(members) as u32;
        members.iter().for_each(|&m| exemplar[m as usize] = e);
    }
    let (pairs, boilerplate) = engine_candidates(&sorted, cfg);
    let boilerplate = boilerplate.into_iter().collect();
    let rows = shard::relation_rows(&sorted, &exemplar, &pairs, &boilerplate, cfg);
    let engine = relate(docs, cfg).relations;
    assert!(!engine.is_empty());
    assert_eq!(rows.len(), engine.len(), "relation rows");
    assert!(rows == engine, "relation rows differ from the engine's");
}

#[test]
fn relation_rows_of_whole_components_are_the_engines() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    relation_rows_match(&load(&dir), &RelateConfig::default());
    relation_rows_match(&synthetic(700, 5), &RelateConfig::default());
    relation_rows_match(&synthetic(300, 9), &tight());
}
