//! Differential tests of the streaming engine: `Relater` fed one document at a time, in
//! batches, with tiny verification blocks and bodies fetched through a counting source,
//! gives exactly what `relate(&[Document])` gives; a failing source is a typed error.

use samestory_core::{Document, Format, RelateConfig};
use samestory_relate::{relate, BodySource, RelateError, Relater, SliceSource};
use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

fn doc(id: String, body: String) -> Document {
    Document::new(id, Format::Text, body)
}

/// 80 invented documents: families sharing a base text with small edits, reprinted tails,
/// exact copies (one with curly quotes and case changes), an empty body and a URL pair.
fn corpus() -> Vec<Document> {
    let word = |i: u64| format!("w{}", i.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 50);
    let mut docs: Vec<Document> = (0..76u64)
        .map(|d| {
            let base = (d % 7) * 1000;
            let words: Vec<String> = (0..150u64)
                .map(|i| match () {
                    _ if i % (20 + d % 5) == 0 || (d % 3 == 0 && i > 90) => word(d * 7919 + i),
                    _ => word(base + i),
                })
                .collect();
            doc(format!("doc{:03}", (d * 37) % 76), words.join(" "))
        })
        .collect();
    let copy = docs[3].body.replace("w1", "W1");
    docs.push(doc("x-copy".into(), copy));
    docs.push(doc("x-empty".into(), " , ".into()));
    let mut u1 = doc("x-url1".into(), "Короткий “текст” один".into());
    let mut u2 = doc("x-url2".into(), "another short text".into());
    u1.meta.url = Some("https://example.org/a".into());
    u2.meta.url = u1.meta.url.clone();
    docs.extend([u1, u2]);
    docs
}

/// Bodies from a slice, counting fetches.
struct Counting<'a>(&'a [Document], AtomicUsize);

impl BodySource for Counting<'_> {
    type Error = std::convert::Infallible;
    fn body(&self, index: usize, id: &str) -> Result<Cow<'_, str>, Self::Error> {
        assert_eq!(self.0[index].id, id);
        self.1.fetch_add(1, Ordering::Relaxed);
        Ok(Cow::Owned(self.0[index].body.clone()))
    }
}

#[test]
fn stream_equals_slice_whatever_the_feeding_and_block_size() {
    let docs = corpus();
    let cfg = RelateConfig::default();
    let want = relate(&docs, &cfg);
    assert!(want.relations.len() > 20, "corpus too easy");
    for block in [2, 3, 17, 10_000] {
        let mut one = Relater::new(&cfg).block_docs(block);
        let mut sk = one.sketcher();
        for d in &docs {
            let s = sk.sketch(&d.body);
            one.push(&s);
        }
        let src = Counting(&docs, AtomicUsize::new(0));
        assert_eq!(
            one.finish(&docs, &src).unwrap(),
            want,
            "one by one, block {block}"
        );
        assert!(src.1.load(Ordering::Relaxed) > 0);
        let mut batched = Relater::new(&cfg).block_docs(block);
        for chunk in docs.chunks(7) {
            batched.add_batch(chunk);
        }
        assert_eq!(batched.len(), docs.len());
        assert_eq!(
            batched.finish(&docs, &SliceSource(&docs)).unwrap(),
            want,
            "batches, block {block}"
        );
    }
}

#[test]
fn stream_is_thread_count_independent() {
    let docs = corpus();
    let cfg = RelateConfig::default();
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let mut r = Relater::new(&cfg).block_docs(5);
            r.add_batch(&docs);
            r.finish(&docs, &SliceSource(&docs)).unwrap()
        })
    };
    assert_eq!(run(1), run(3));
}

#[derive(Debug, thiserror::Error)]
#[error("gone")]
struct Gone;

struct Failing;

impl BodySource for Failing {
    type Error = Gone;
    fn body(&self, _: usize, _: &str) -> Result<Cow<'_, str>, Gone> {
        Err(Gone)
    }
}

#[test]
fn failing_source_names_the_document() {
    let docs = corpus();
    let mut r = Relater::new(&RelateConfig::default());
    r.add_batch(&docs);
    match r.finish(&docs, &Failing) {
        Err(RelateError::Body { index, id, .. }) => assert_eq!(docs[index].id, id),
        other => panic!("expected a body error, got {other:?}"),
    }
}

#[test]
fn finish_refuses_documents_that_were_not_added() {
    let docs = corpus();
    let mut r = Relater::new(&RelateConfig::default());
    r.add_batch(&docs[1..]);
    match r.finish(&docs, &SliceSource(&docs)) {
        Err(RelateError::Count { added, given }) => {
            assert_eq!((added, given), (docs.len() - 1, docs.len()))
        }
        other => panic!("expected a count error, got {other:?}"),
    }
}
