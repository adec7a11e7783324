//! `samestory extract`: documents as JSON Lines on stdout, nothing else.

use crate::args::ExtractArgs;
use crate::corpus::{read_corpus, Corpus};
use crate::output::{write_jsonl, ExtractRow};
use crate::report::Status;
use std::io::Write;

/// Prints one JSON object per document, in id order.
pub fn extract(args: ExtractArgs) -> anyhow::Result<Status> {
    let cfg = args.input.config()?;
    args.input.init_threads()?;
    let (corpus, _) = read_corpus(&args.input.paths, &cfg.ingest, false, |_| {})?.sort_by_id();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_with_bodies(&mut out, &corpus, 0..corpus.docs.len())?;
    out.flush()?;
    Ok(Status::from_failures())
}

/// Writes the extract rows of the documents at `indices`, re-reading each body.
pub fn write_with_bodies(
    out: &mut impl Write,
    corpus: &Corpus,
    indices: impl IntoIterator<Item = usize>,
) -> anyhow::Result<()> {
    for i in indices {
        let body = corpus.bodies.body(i)?;
        write_jsonl(out, [ExtractRow::new(&corpus.docs[i], &body)])?;
    }
    Ok(())
}
