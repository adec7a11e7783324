//! The seeds' story comparison through the pipeline library (read, relate, cluster, compare),
//! checked against what `../shared/seeds/README.md` says the sources agree and disagree on.
//! Skips with a message when the shared data is missing outside CI.

use samestory_ingest::{IngestError, IngestWarning};
use samestory_pipeline::{
    cluster_stories, for_each_comparison, relate_inputs, Comparison, ReadEvents,
};

struct Quiet;
impl ReadEvents for Quiet {
    fn error(&self, e: &IngestError) {
        panic!("seed input failed: {e}");
    }
    fn warning(&self, _: &IngestWarning) {}
}

/// The comparison of the seeds' one story, or `None` without the shared data.
fn seed_comparison() -> Option<Comparison> {
    let dir = samestory_testkit::seeds_dir()?;
    let mut paths: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    paths.sort();
    let mut related = relate_inputs(&paths, Default::default(), &Quiet).unwrap();
    let stories = cluster_stories(&mut related).unwrap();
    assert_eq!(stories.stories.len(), 1, "the seeds are one story");
    let mut out = Vec::new();
    for_each_comparison::<samestory_pipeline::PipelineError>(&related, &stories, None, |_, c| {
        out.push(c.clone());
        Ok(())
    })
    .unwrap();
    out.pop()
}

/// The seed file number (`"002"`) of a document id.
fn seed(doc: &str) -> &str {
    &doc[..3]
}

fn seeds_of<'a>(docs: impl IntoIterator<Item = &'a String>) -> Vec<&'a str> {
    let mut v: Vec<&str> = docs.into_iter().map(|d| seed(d)).collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[test]
fn troop_numbers_disagree_and_lives_are_apart() {
    let Some(c) = seed_comparison() else { return };
    let troops: Vec<_> = c.numbers.iter().filter(|q| q.unit == "troops").collect();
    assert_eq!(troops.len(), 1, "{:#?}", c.numbers);
    let troops = troops[0];
    assert!(troops.disagree && !troops.compatible);
    let docs_with = |v: f64| {
        seeds_of(
            troops
                .values
                .iter()
                .filter(|x| serde_json::to_value(x.value).unwrap() == serde_json::json!(v as u64))
                .map(|x| &x.doc),
        )
    };
    assert_eq!(docs_with(100_000.0), ["000", "001", "004"]);
    assert_eq!(docs_with(130_000.0), ["002", "003"]);
    assert_eq!(docs_with(150_000.0), ["002"]);
    let lives: Vec<_> = c.numbers.iter().filter(|q| q.unit == "lives").collect();
    assert_eq!(lives.len(), 1);
    assert!(lives[0].values.iter().all(|v| v.text.contains("14,000")));
}

/// The statement whose canonical text or a variant contains `words`, with its speaker.
fn statement<'c>(c: &'c Comparison, words: &str) -> (Option<&'c str>, Vec<&'c str>) {
    for s in &c.quotes {
        for q in &s.quotes {
            if q.variants.iter().any(|v| v.text.contains(words)) {
                return (
                    s.speaker.as_deref(),
                    seeds_of(q.variants.iter().map(|v| &v.doc)),
                );
            }
        }
    }
    panic!("no statement with {words:?}: {:#?}", c.quotes);
}

#[test]
fn kuleba_is_one_speaker_with_one_believe_what_you_see_quote() {
    let Some(c) = seed_comparison() else { return };
    let kuleba: Vec<_> = c
        .quotes
        .iter()
        .filter(|s| s.speaker.as_deref().is_some_and(|n| n.contains("Kuleba")))
        .collect();
    assert_eq!(kuleba.len(), 1, "one speaker");
    let docs = seeds_of(
        kuleba[0]
            .quotes
            .iter()
            .flat_map(|q| q.variants.iter().map(|v| &v.doc)),
    );
    assert_eq!(docs, ["000", "001", "002", "003", "004"]);
    let (speaker, docs) = statement(&c, "believe what you see");
    assert!(speaker.unwrap().contains("Kuleba"));
    assert!(docs.len() >= 4, "{docs:?}");
}

#[test]
fn statements_grouped_across_documents() {
    let Some(c) = seed_comparison() else { return };
    for (words, who) in [
        ("cautious optimism", "Stoltenberg"),
        ("will go down in history", "Zakharova"),
        ("military districts", "Konashenkov"),
    ] {
        let (speaker, docs) = statement(&c, words);
        assert!(speaker.unwrap().contains(who), "{words}: {speaker:?}");
        assert!(docs.len() >= 3, "{words}: {docs:?}");
    }
}

#[test]
fn cautious_optimism_is_never_silently_peskovs() {
    let Some(c) = seed_comparison() else { return };
    let (speaker, _) = statement(&c, "cautious optimism");
    let under_peskov = speaker.is_some_and(|s| s.contains("Peskov"));
    let in_conflicts = c.conflicts.iter().any(|k| {
        k.attributions.iter().any(|a| a.speaker.contains("Peskov"))
            && k.attributions
                .iter()
                .any(|a| a.speaker.contains("Stoltenberg"))
    });
    assert!(
        !under_peskov || in_conflicts,
        "{speaker:?} {:#?}",
        c.conflicts
    );
    assert!(speaker.unwrap().contains("Stoltenberg") || in_conflicts);
}

#[test]
fn rail_loading_is_agreed_and_dagestan_is_unique_to_003() {
    let Some(c) = seed_comparison() else { return };
    let rail: Vec<_> = c
        .agreed
        .iter()
        .filter(|k| k.claim.contains("loading onto rail"))
        .collect();
    assert_eq!(rail.len(), 1, "{:#?}", c.agreed);
    assert!(rail[0].groups.len() >= 2);
    let unique_003: Vec<_> = c
        .unique
        .iter()
        .filter(|(doc, _)| seed(doc) == "003")
        .flat_map(|(_, passages)| passages)
        .collect();
    assert!(
        unique_003
            .iter()
            .any(|p| p.text.contains("Dagestan and North Ossetia")),
        "{unique_003:#?}"
    );
}
