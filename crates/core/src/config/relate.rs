//! Relation-engine settings (duplicates, near-duplicates, reprints): every threshold of
//! `samestory-relate`, with its default and meaning. Types only; the engine reads them.

use serde::{Deserialize, Serialize};

/// Thresholds of the relation engine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RelateConfig {
    /// Words per shingle (word k-grams). Default 5.
    pub shingle: usize,
    /// MinHash values per signature. Default 128.
    pub num_perm: usize,
    /// LSH bands (bands × rows ≤ num_perm). Default 21: with 6 rows a pair at Jaccard 0.8
    /// becomes a candidate with probability 0.998, at 0.7 with 0.92.
    pub lsh_bands: usize,
    /// MinHash values per LSH band. Default 6.
    pub lsh_rows: usize,
    /// LSH buckets bigger than this pair every member with one member only. Default 200.
    pub lsh_max_bucket: usize,
    /// Winnowing window in shingles for the containment path: any shared run of this many
    /// shingles (window + shingle − 1 words) yields a shared fingerprint. Default 12.
    pub winnow_window: usize,
    /// Shared non-frequent fingerprints that make a containment candidate. Default 2.
    pub min_shared_fingerprints: usize,
    /// A fingerprint found in at least this many documents is boilerplate (discounted)...
    /// Default 50.
    pub boilerplate_min_docs: usize,
    /// ...and in at least this fraction of all documents. Default 0.01.
    pub boilerplate_doc_fraction: f64,
    /// A fingerprint in more documents than this (frequent or not) pairs every member with
    /// its `containment_hubs` hubs only (the members sharing the most fingerprints with
    /// anyone: the fullest copy of the shared text), not with each other: it costs hubs ×
    /// members pair hits, never members² / 2, and members are linked to their source, not
    /// to each other. Default 50 (200 let 5,000 partial reprints of one wire story verify
    /// 150,000 sibling pairs: 2.1× the time at 20,000 documents).
    pub containment_max_bucket: usize,
    /// Hubs of a capped or frequent fingerprint (see `containment_max_bucket`). Default 2.
    pub containment_hubs: usize,
    /// Wire story vs boilerplate. A document and a hub of a frequent fingerprint that share
    /// at least this many frequent fingerprints share a long passage (a fingerprint per
    /// ≈ 6.5 words: 20 ≈ 130 words), which is content (a wire story reprinted by many
    /// outlets), not boilerplate (a disclaimer or footer is ≈ 20–80 words): the pair is a
    /// candidate. Default 20.
    pub wire_min_shared_prints: usize,
    /// A frequent fingerprint at least this fraction of whose non-hub documents share such a
    /// long passage with one of its hubs is content: not discounted as boilerplate in
    /// alignment. Default 0.5.
    pub wire_min_support: f64,
    /// Word-shingle Jaccard at or above which two documents are near-duplicates. Default 0.8.
    pub near_dup_jaccard: f64,
    /// Trimmed copy: the shorter body has at least this fraction of the longer's words...
    /// Default 0.8 (DESIGN.md's sketch said 0.5; a partial reprint taking 50–80 % of an
    /// article's words and nothing else is a reprint, not the same article: on bench/dedup's
    /// real-prose reuse corpora 0.5 and 0.7 merged such reprints into their source's group).
    pub trimmed_min_length_ratio: f64,
    /// ...and at least this fraction of its shingles inside the longer. Default 0.9.
    pub trimmed_min_containment: f64,
    /// Reprint: aligned passages cover at least this fraction of the borrowing document's
    /// unquoted words. Default 0.2.
    pub reprint_min_coverage: f64,
    /// Shortest aligned passage, in words, that counts toward reprint coverage. Default 20.
    pub min_passage_words: usize,
    /// Alignment: largest gap in words between two matched shingles of one passage (a
    /// changed word breaks `shingle` shingles). Default 12.
    pub passage_max_gap_words: usize,
    /// Alignment: words inserted or deleted on one side that a passage tolerates. Default 4.
    pub passage_max_shift_words: usize,
    /// A shingle occurring more often than this in one document is not used as an
    /// alignment seed (repetitive text). Default 4.
    pub max_seed_repeats: usize,
    /// Quoted words do not count toward reprint coverage (outlets quote the same statement
    /// independently), except inside an aligned passage with at least this many unquoted
    /// words of its own: a paragraph copied with its quotes. Default 10.
    pub quote_context_words: usize,
    /// Write every verified pair (`--all-pairs`): all pairs of a duplicate group and every
    /// reprint pair between members of two groups, instead of one spanning-tree row per
    /// group member and one reprint row per pair of groups (representatives). Output size is
    /// then O(group²). The sibling and direction rules still apply. Default false.
    pub all_pairs: bool,
    /// Siblings: when A and B both reprint C's group and at least this share of A–B's
    /// aligned text lies inside passages that A and B each take from C's group, A–B is
    /// explained by its source and not written as a reprint. Default 0.5.
    pub sibling_min_share: f64,
    /// Write explained sibling pairs as kind `shared_source` (with `via`, C's
    /// representative) instead of leaving them out. Default false.
    pub shared_source_edges: bool,
    /// Secondary sources: once a document borrows from some source, another document from
    /// which it takes aligned, unquoted, non-boilerplate passages of at least this many
    /// words in all (each passage at least `min_passage_words`) is also a source, even under
    /// `reprint_min_coverage`. Default 40 (measured on bench/dedup's reuse corpora: counting
    /// the longest passage only missed half the secondary sources of real prose, whose
    /// paragraphs are 25–40 words). Fewer shared words (a passage at least) still make a
    /// secondary source when publication time or coherence say, on their own, that the
    /// known borrower is the borrower here too.
    pub secondary_min_words: usize,
    /// Containment decides a reprint's direction over the composite rule when one side has
    /// at least this share of its unquoted words inside the other (it lies wholly within
    /// it). Default 0.9.
    pub contained_share: f64,
    /// Reprint direction by coherence: the side whose shared passages share at least this
    /// much more of their long words with the rest of its own text is the original (an
    /// article's paragraphs share its names and terms; text a borrower adds around taken
    /// paragraphs mostly does not). Applied after wire credit, before the composite rule.
    /// Default 0.12 (bench/dedup reuse, real prose: the source was the more coherent side
    /// in 461 of 463 true edges, and in all 421 that differed by ≥ 0.1; on invented words,
    /// which have no topics, 0.1 still fired on noise 7 times, 0.12 twice).
    pub coherence_margin: f64,
    /// Agencies whose credit in a byline makes a document the likely original (matched as
    /// whole words, case-insensitive for names longer than 3 letters).
    pub wire_agencies: Vec<String>,
}

impl Default for RelateConfig {
    fn default() -> Self {
        RelateConfig {
            shingle: 5,
            num_perm: 128,
            lsh_bands: 21,
            lsh_rows: 6,
            lsh_max_bucket: 200,
            winnow_window: 12,
            min_shared_fingerprints: 2,
            boilerplate_min_docs: 50,
            boilerplate_doc_fraction: 0.01,
            containment_max_bucket: 50,
            containment_hubs: 2,
            wire_min_shared_prints: 20,
            wire_min_support: 0.5,
            near_dup_jaccard: 0.8,
            trimmed_min_length_ratio: 0.8,
            trimmed_min_containment: 0.9,
            reprint_min_coverage: 0.2,
            min_passage_words: 20,
            passage_max_gap_words: 12,
            passage_max_shift_words: 4,
            max_seed_repeats: 4,
            quote_context_words: 10,
            all_pairs: false,
            sibling_min_share: 0.5,
            shared_source_edges: false,
            secondary_min_words: 40,
            contained_share: 0.9,
            coherence_margin: 0.12,
            wire_agencies: default_agencies(),
        }
    }
}

fn default_agencies() -> Vec<String> {
    [
        "AFP",
        "Agence France-Presse",
        "AP",
        "Associated Press",
        "Reuters",
        "dpa",
        "Deutsche Presse-Agentur",
        "EFE",
        "ANSA",
        "Xinhua",
        "Kyodo",
        "UPI",
        "PA Media",
        "Press Association",
        "Anadolu",
        "Interfax",
        "Bloomberg",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}
