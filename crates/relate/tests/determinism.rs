//! Same input → identical relations and groups whatever the thread count or input order.

use samestory_core::{Document, Format, RelateConfig};
use samestory_relate::{relate, Relations};

fn doc(id: String, body: String) -> Document {
    Document::new(id, Format::Text, body)
}

/// 60 invented documents: families sharing a base text with small edits and reprinted tails.
fn corpus() -> Vec<Document> {
    let word = |i: u64| format!("w{}", i.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 50);
    (0..60u64)
        .map(|d| {
            let base = (d % 7) * 1000;
            let words: Vec<String> = (0..150u64)
                .map(|i| {
                    if i % (20 + d % 5) == 0 || (d % 3 == 0 && i > 90) {
                        word(d * 7919 + i)
                    } else {
                        word(base + i)
                    }
                })
                .collect();
            doc(format!("doc{:03}", (d * 37) % 60), words.join(" "))
        })
        .collect()
}

fn run(threads: usize, docs: &[Document]) -> Relations {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| relate(docs, &RelateConfig::default()))
}

#[test]
fn thread_count_and_input_order_do_not_change_output() {
    let docs = corpus();
    let one = run(1, &docs);
    assert!(
        one.relations.len() > 20,
        "corpus too easy: {}",
        one.relations.len()
    );
    assert_eq!(one, run(2, &docs));
    assert_eq!(one, run(4, &docs));
    let mut reversed = docs.clone();
    reversed.reverse();
    let rev = run(2, &reversed);
    assert_eq!(one.relations, rev.relations);
    let mut g1 = one.group_of.clone();
    g1.reverse();
    assert_eq!(g1, rev.group_of);
}
