//! `dedup-bench gen N CORPUS TRUTH` writes a synthetic news-length JSONL corpus with planted
//! near-duplicates (known exact Jaccard) and planted reprints (known containment);
//! `dedup-bench run CORPUS PAIRS` runs samestory's streaming relation engine on it (see
//! `stream.rs`) and writes the pairs found (`a<TAB>b<TAB>kind<TAB>original`) and, in
//! `PAIRS.groups`, each document's duplicate group (one line per record, in file order);
//! `dedup-bench run-slice CORPUS PAIRS` does the same through `relate(&[Document])` with
//! every body in memory (for comparison). `run.sh` drives gen, run and the peers.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod gen;
mod json_str;
mod stream;

use anyhow::{bail, Context, Result};
use samestory_core::{Document, RelateConfig};
use std::io::{BufRead, BufWriter, Write};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["gen", n, corpus, truth] => gen::generate(n.parse()?, corpus, truth),
        ["run", corpus, pairs] => run(corpus, pairs, true),
        ["run-slice", corpus, pairs] => run(corpus, pairs, false),
        _ => bail!(
            "usage: dedup-bench gen N CORPUS TRUTH | run CORPUS PAIRS | run-slice CORPUS PAIRS"
        ),
    }
}

fn run(corpus: &str, pairs: &str, streaming: bool) -> Result<()> {
    let t = std::time::Instant::now();
    let cfg = RelateConfig::default();
    let out = if streaming {
        stream::relate_file(corpus, &cfg)?
    } else {
        samestory_relate::relate(&read_corpus(corpus)?, &cfg)
    };
    eprintln!(
        "relate: {} docs, {} relations in {:.2}s wall, process CPU {:.2}s",
        out.group_of.len(),
        out.relations.len(),
        t.elapsed().as_secs_f64(),
        stream::cpu_secs()
    );
    let mut w = BufWriter::new(std::fs::File::create(pairs).with_context(|| pairs.to_string())?);
    for r in &out.relations {
        let kind = serde_json::to_value(r.kind)?;
        writeln!(
            w,
            "{}\t{}\t{}\t{}",
            r.a,
            r.b,
            kind.as_str().unwrap_or(""),
            r.original.as_deref().unwrap_or("-")
        )?;
    }
    let groups = format!("{pairs}.groups");
    let mut g = BufWriter::new(std::fs::File::create(&groups).with_context(|| groups.clone())?);
    for group in &out.group_of {
        writeln!(g, "{group}")?;
    }
    Ok(())
}

fn read_corpus(path: &str) -> Result<Vec<Document>> {
    let f = std::io::BufReader::new(std::fs::File::open(path).with_context(|| path.to_string())?);
    let mut docs = Vec::new();
    for line in f.lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let date = v["date"].as_str().map(str::to_string);
        let body = v["text"].as_str().unwrap_or_default().to_string();
        docs.push(Document {
            body,
            ..stream::meta(id, date)
        });
    }
    Ok(docs)
}
