//! Measures the claim rule (when two sentences state one claim) on real article pairs rated
//! for "same news event?" (`../shared/data/semeval8-dev/pairs.jsonl`): each pair is
//! compared as a story of two independent documents, for several thresholds. Agreed claims
//! between articles about unrelated events are false by construction; between articles
//! about the same event they are what the rule is for. With `--show OVERLAP,SHARED` the
//! agreed sentence pairs at that setting are printed for reading. Run:
//! `cargo run --release -p samestory-compare --example claims -- ../shared/data/semeval8-dev/pairs.jsonl`
#![allow(clippy::print_stdout)]

use samestory_compare::{compare_story, extract_facts, sentences, CompareConfig, Member};
use serde_json::Value;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("the pairs.jsonl path");
    let show = args.skip_while(|a| a != "--show").nth(1).map(|s| {
        let (o, n) = s.split_once(',').expect("--show OVERLAP,SHARED");
        (o.parse::<f64>().unwrap(), n.parse::<usize>().unwrap())
    });
    let text = std::fs::read_to_string(&path).expect("readable pairs file");
    let pairs: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    println!("| claim_overlap | claim_min_shared | same event (≤1.5): pairs with a claim · claims | related (1.5–3) | unrelated (≥3) |");
    println!("|---|---|---|---|---|");
    for min_shared in [3, 4] {
        for overlap in [0.4, 0.5, 0.6, 0.7] {
            let config = CompareConfig {
                claim_overlap: overlap,
                claim_min_shared: min_shared,
                ..CompareConfig::default()
            };
            let printing = show == Some((overlap, min_shared));
            let mut bins = [(0usize, 0usize, 0usize); 3];
            for pair in &pairs {
                let overall = pair["overall"].as_f64().unwrap();
                let bin = if overall <= 1.5 {
                    0
                } else if overall < 3.0 {
                    1
                } else {
                    2
                };
                let agreed = agreed_claims(pair, &config, printing);
                bins[bin].0 += 1;
                bins[bin].1 += usize::from(agreed > 0);
                bins[bin].2 += agreed;
            }
            let cell = |(n, with, claims): (usize, usize, usize)| format!("{with}/{n} · {claims}");
            println!(
                "| {overlap} | {min_shared} | {} | {} | {} |",
                cell(bins[0]),
                cell(bins[1]),
                cell(bins[2])
            );
        }
    }
}

/// The number of agreed claims between the pair's two articles.
fn agreed_claims(pair: &Value, config: &CompareConfig, print: bool) -> usize {
    let body = |side: &str| pair[side]["text"].as_str().unwrap_or("").to_string();
    let (a, b) = (body("a"), body("b"));
    let facts = [&a, &b].map(|t| extract_facts(t, Some("eng"), config));
    let sentences = [&a, &b].map(|t| sentences(t, Some("eng")));
    let member = |id: &'static str, body: &'static str, k: usize| Member {
        id,
        group: id,
        representative: true,
        date: None,
        lang: Some("eng"),
        body,
        sentences: &sentences[k],
        facts: &facts[k],
        borrowed: &[],
    };
    let (a, b): (&'static str, &'static str) = (a.leak(), b.leak());
    let c = compare_story(&[member("a", a, 0), member("b", b, 1)], config);
    if print {
        for claim in &c.agreed {
            println!("\n[{}] overall {}", pair["pair_id"], pair["overall"]);
            for (doc, span) in &claim.spans {
                let body = if doc == "a" { a } else { b };
                let s: String = body.chars().skip(span[0]).take(span[1] - span[0]).collect();
                println!("  {doc}: {s}");
            }
        }
    }
    c.agreed.len()
}
