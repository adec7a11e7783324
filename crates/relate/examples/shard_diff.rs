//! Compares the shard plan (`tests/shard_plan`: the distributed plan of
//! `samestory_relate::shard`, simulated in process) with the engine on a corpus:
//! `cargo run -p samestory-relate --release --example shard_diff -- CORPUS.jsonl [PARTS]`
//! (a corpus of `dedup-bench gen N CORPUS TRUTH`, or any inputs the CLI reads; a number N
//! instead of a path: the test's synthetic corpus of N documents). Prints the
//! document, candidate and group counts, what the regrouping rounds asked and moved, the
//! time of each side, and whether candidates, boilerplate and groups are equal; exits 1
//! when they are not. `SHARD_GROUPS=FILE` also writes `id<TAB>group` lines (the plan's).

#![allow(clippy::print_stdout)]

#[path = "../tests/shard_plan/mod.rs"]
mod shard_plan;

use samestory_core::Config;
use std::io::Write;
use std::time::Instant;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        println!("usage: shard_diff CORPUS [PARTS]");
        std::process::exit(2);
    };
    let parts: usize = args.get(1).and_then(|p| p.parse().ok()).unwrap_or(8);
    let cfg = Config::default();
    let t = Instant::now();
    let docs = match path.parse::<usize>() {
        Ok(n) => shard_plan::synthetic(n, 20),
        Err(_) => shard_plan::read_corpus(path, &cfg.ingest),
    };
    println!(
        "{} documents read in {:.1} s",
        docs.len(),
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let engine = samestory_relate::relate(&docs, &cfg.relate);
    let engine_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let plan = shard_plan::run_with(&docs, &cfg.relate, parts, 4096);
    let plan_s = t.elapsed().as_secs_f64();
    let (pairs, boilerplate) = shard_plan::engine_candidates(&docs, &cfg.relate);
    let groups = |g: &[String]| {
        let mut v = g.to_vec();
        v.sort();
        v.dedup();
        v.len()
    };
    let moved = plan
        .first_groups
        .iter()
        .zip(&plan.group_of)
        .filter(|(a, b)| a != b)
        .count();
    let differ = docs
        .iter()
        .zip(plan.group_of.iter().zip(&engine.group_of))
        .filter(|(_, (a, b))| a != b)
        .count();
    println!(
        "engine {engine_s:.1} s, plan {plan_s:.1} s ({parts} partitions); {} candidates \
         (engine {}), {} boilerplate (engine {}), {} stars, {} capped, {} frequent, {} wire \
         pairs; groups {} (engine {}), regrouping asked {:?} and moved {moved} documents",
        plan.candidates.len(),
        pairs.len(),
        plan.boilerplate.len(),
        boilerplate.len(),
        plan.stars,
        plan.capped,
        plan.frequent,
        plan.wire,
        groups(&plan.group_of),
        groups(&engine.group_of),
        plan.regroup_asked,
    );
    if let Some(out) = std::env::var_os("SHARD_GROUPS") {
        let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
        for (d, g) in docs.iter().zip(&plan.group_of) {
            writeln!(w, "{}\t{g}", d.id)?;
        }
    }
    let same = plan.candidates == pairs && plan.boilerplate == boilerplate && differ == 0;
    println!(
        "candidates equal: {}, boilerplate equal: {}, documents whose group differs: {differ}",
        plan.candidates == pairs,
        plan.boilerplate == boilerplate
    );
    std::process::exit(if same { 0 } else { 1 });
}
