//! Differential: the relations and duplicate groups `samestory dedup` writes equal what the
//! library's `relate()` computes, in memory, on the very documents the command wrote (its
//! `documents.jsonl` bodies and metadata). The command streams, spills bodies and verifies
//! from the spill in blocks; the library holds everything in memory — two code paths, one
//! answer. And `samestory run` writes exactly the rows the pipeline library returns.

mod util;

use samestory_core::{Document, Format, RelateConfig};
use serde_json::Value;

/// splitmix64.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Invented paragraphs of words `w<n>`, seeded.
fn paragraphs(seed: u64, paras: usize) -> Vec<String> {
    (0..paras as u64)
        .map(|p| {
            let words: Vec<String> = (0..60)
                .map(|w| format!("w{}", mix(seed * 10_000 + p * 100 + w) % 40_000))
                .collect();
            format!("{}.", words.join(" "))
        })
        .collect()
}

/// Bases, edited copies (a word changed per paragraph), reprints (two paragraphs of a base
/// inside new text, later dated), some undated, some with a wire byline.
fn corpus() -> String {
    let mut lines = Vec::new();
    for i in 0..120u64 {
        let base = i / 4 * 4;
        let mut paras = paragraphs(base, 6);
        match i % 4 {
            1 => paras
                .iter_mut()
                .for_each(|p| *p = p.replacen("w", "changed w", 1)),
            2 => {
                let mut own = paragraphs(1_000 + i, 5);
                own.insert(2, paras[1].clone());
                own.insert(4, paras[3].clone());
                paras = own;
            }
            _ => {}
        }
        let mut rec = serde_json::json!({
            "id": format!("doc{i:03}"),
            "text": paras.join("\n\n"),
        });
        if i % 5 != 0 {
            rec["date"] = format!("2024-03-{:02}", 1 + i % 4 + i / 40).into();
        }
        if i % 7 == 0 {
            rec["byline"] = "By Staff, AFP".into();
        }
        lines.push(rec.to_string());
    }
    lines.join("\n") + "\n"
}

fn document(row: &Value) -> Document {
    let text = |k: &str| row[k].as_str().map(str::to_string);
    Document {
        meta: serde_json::from_value(row.clone()).unwrap(),
        ..Document::new(text("id").unwrap(), Format::Jsonl, text("body").unwrap())
    }
}

#[test]
fn dedup_writes_what_relate_computes_on_its_own_documents() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.jsonl");
    std::fs::write(&path, corpus()).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = util::run(&[
        "dedup",
        path.to_str().unwrap(),
        "--out",
        out_dir.path().to_str().unwrap(),
        "--quiet",
        "--set",
        "ingest.stream_block_bytes=20000",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let rows = util::read_jsonl(&out_dir.path().join("documents.jsonl"));
    let docs: Vec<Document> = rows.iter().map(document).collect();
    let lib = samestory_relate::relate(&docs, &RelateConfig::default());
    let cli = util::read_jsonl(&out_dir.path().join("relations.jsonl"));
    let want: Vec<Value> = lib
        .relations
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect();
    let kinds = |v: &[Value], k: &str| v.iter().filter(|r| r["kind"] == k).count();
    for kind in ["near_duplicate", "reprint"] {
        assert!(
            kinds(&want, kind) >= 20,
            "too few {kind} to compare: {}",
            kinds(&want, kind)
        );
    }
    assert_eq!(cli, want);
    let groups: Vec<&str> = rows.iter().map(|r| r["group"].as_str().unwrap()).collect();
    assert_eq!(groups, lib.group_of);
}

/// What the pipeline library itself reports: nothing is printed, errors are counted.
#[derive(Default)]
struct Counted(std::sync::atomic::AtomicUsize);

impl samestory_pipeline::ReadEvents for Counted {
    fn error(&self, _: &samestory_ingest::IngestError) {
        self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    fn warning(&self, _: &samestory_ingest::IngestWarning) {}
}

#[test]
fn run_writes_what_the_pipeline_library_returns_on_the_examples() {
    use samestory_pipeline::rows::{relation_lines, DocumentRow, StoryRow};
    use samestory_pipeline::{for_each_body, PipelineError};
    let examples = util::examples_dir();
    let out_dir = tempfile::tempdir().unwrap();
    let out = util::run(&[
        "run",
        examples.to_str().unwrap(),
        "--out",
        out_dir.path().to_str().unwrap(),
        "--quiet",
    ]);
    assert!(
        matches!(out.status.code(), Some(0 | 2)),
        "{}",
        util::stderr(&out)
    );

    let events = Counted::default();
    let paths = [examples.to_string_lossy().into_owned()];
    let mut related =
        samestory_pipeline::relate_inputs(&paths, Default::default(), &events).unwrap();
    let stories = samestory_pipeline::cluster_stories(&mut related).unwrap();
    assert!(related.corpus.docs.len() >= 10, "examples/ shrank");
    assert!(!related.relations.relations.is_empty() && stories.pairs().next().is_some());

    let lines = relation_lines(&related.relations.relations, stories.pairs()).unwrap();
    let read = |name: &str| std::fs::read_to_string(out_dir.path().join(name)).unwrap();
    assert_eq!(read("relations.jsonl"), lines.join("\n") + "\n");
    let mut docs = Vec::new();
    let compare = Some(&related.config.compare);
    let all = 0..related.corpus.docs.len();
    for_each_body(&related.corpus, all, compare, None, |i, body, facts| {
        let row = DocumentRow::new(
            &related.corpus.docs[i],
            (Some(body), related.corpus.bodies.chars(i)),
            (&related.relations.group_of[i], Some(&stories.story_of[i])),
            facts,
        );
        docs.push(serde_json::to_string(&row)? + "\n");
        Ok::<_, PipelineError>(())
    })
    .unwrap();
    assert_eq!(read("documents.jsonl"), docs.concat());
    let mut story_rows = Vec::new();
    samestory_pipeline::for_each_comparison(&related, &stories, None, |k, comparison| {
        let row = StoryRow::new(&stories.stories[k], Some(comparison));
        story_rows.push(serde_json::to_string(&row)? + "\n");
        Ok::<_, PipelineError>(())
    })
    .unwrap();
    assert_eq!(read("stories.jsonl"), story_rows.concat());
    let failed = events.0.load(std::sync::atomic::Ordering::Relaxed);
    assert_eq!(out.status.code(), Some(if failed > 0 { 2 } else { 0 }));
}
