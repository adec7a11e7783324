//! Claims across a story: the sentences of each duplicate group's representative (copies
//! say nothing new), matched across groups by leader clustering. Two sentences state one
//! claim when they share `claim_min_shared` terms (content words and numbers) making
//! `claim_overlap` of the shorter one's, and — when both name entities or both state
//! numbers — share one of each. A sentence needs `claim_min_terms` terms to be a claim at
//! all, which leaves out datelines and captions, and newsroom notices ("first published",
//! "anyone with information is asked to call") are no claims either. The thresholds were
//! chosen on real article pairs rated for "same event?" (`examples/claims.rs`).
//!
//! A story of one group (copies of one article) has no other source: nothing is agreed or
//! unique. `agreed`: claims stated in two independent groups' own text (a sentence lying mostly in
//! a passage its document reprints from another does not confirm; the reprint's own text
//! does). `unique`: per representative, the sentences no other document states, leaving out
//! reprinted ones and those that are mostly a direct quote (already under `quotes`).

use super::leader::Leaders;
use super::terms::{overlap, shared};
use super::{representatives, Claim, Passage, Read};
use crate::CompareConfig;
use aho_corasick::AhoCorasick;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// Newsroom notices: a sentence holding one is about the publication, not the event
/// ("This report by … was first published", "Anyone with information is asked to call …"),
/// and the same notice in two unrelated articles is no agreement.
const NOTICES: &[&str] = &[
    "first published",
    "originally published",
    "contributed to this report",
    "contributed reporting",
    "is asked to contact",
    "is asked to call",
    "are asked to contact",
    "are asked to call",
    "all rights reserved",
    "may not be published",
    "sign up for",
    "click here",
    "follow us on",
    "subscribe to",
];

/// Any of [`NOTICES`], ASCII letters in either case: one scan, no copy.
static NOTICE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(NOTICES)
        .expect("valid patterns")
});

/// Whether a sentence is a newsroom notice. An ASCII sentence is scanned as it is (its
/// lowercase form differs only in case); another is lowercased first, as Unicode says (a
/// non-ASCII letter may lowercase to an ASCII one: the Kelvin sign to `k`).
fn is_notice(sentence: &str) -> bool {
    if sentence.is_ascii() {
        NOTICE.is_match(sentence)
    } else {
        NOTICE.is_match(&sentence.to_lowercase())
    }
}

/// Share of a sentence's chars that makes it reprinted, or a quote.
const MOSTLY: f64 = 0.5;

/// Duplicate groups a story needs for claims: one group's sentence is confirmed by
/// another's, or is unique to one of several. With fewer, a story has no claim at all.
pub(crate) const GROUPS_FOR_CLAIMS: usize = 2;

/// One candidate sentence.
struct Sentence {
    member: usize,
    span: [usize; 2],
    borrowed: bool,
    quoted: bool,
}

/// `agreed` and `unique` of a story.
pub fn claims(
    read: &[Read<'_>],
    config: &CompareConfig,
) -> (Vec<Claim>, BTreeMap<String, Vec<Passage>>) {
    let members: Vec<_> = read.iter().map(|r| r.member).collect();
    let groups = representatives(&members);
    if groups.len() < GROUPS_FOR_CLAIMS {
        return (Vec::new(), BTreeMap::new());
    }
    // Members are read one after another, so a cluster holding a sentence of member `m`
    // holds it last: checking the last entry keeps one sentence per document per claim.
    let mut leaders = Leaders::default();
    let mut leader_at: Vec<(usize, usize)> = Vec::new(); // (member, sentence) of each leader
    let mut clusters: Vec<Vec<Sentence>> = Vec::new();
    for m in groups {
        let r = &read[m];
        for (k, &span) in r.sentences.iter().enumerate() {
            let span = trimmed(r, span);
            let terms = r.sentence_terms(k);
            if terms.all.len() < config.claim_min_terms || is_notice(r.text(span)) {
                continue;
            }
            let sentence = Sentence {
                member: m,
                span,
                borrowed: covered(span, r.member.borrowed.iter().copied()) >= MOSTLY,
                quoted: covered(span, direct_quotes(r)) >= MOSTLY,
            };
            let score = |leader: usize, own: &[u64]| {
                let (lm, lk) = leader_at[leader];
                let other = read[lm].sentence_terms(lk);
                let o = overlap(&terms.all, own);
                (o.shared >= config.claim_min_shared
                    && o.of_smaller >= config.claim_overlap
                    && agree_on(&terms.entities, &other.entities)
                    && agree_on(&terms.numbers, &other.numbers)
                    && clusters[leader].last().is_some_and(|s| s.member != m))
                .then_some(o.of_smaller + o.of_larger)
            };
            match leaders.best(&terms.all, config.claim_min_shared, score) {
                Some(k) => clusters[k].push(sentence),
                None => {
                    leaders.add(terms.all.clone());
                    leader_at.push((m, k));
                    clusters.push(vec![sentence]);
                }
            }
        }
    }
    let agreed = clusters.iter().filter_map(|c| agreed(read, c)).collect();
    (agreed, unique(read, &clusters))
}

/// Both empty-handed, or sharing one.
fn agree_on(a: &[u64], b: &[u64]) -> bool {
    a.is_empty() || b.is_empty() || shared(a, b) > 0
}

/// A sentence span without its leading and trailing white space.
fn trimmed(r: &Read<'_>, [start, end]: [usize; 2]) -> [usize; 2] {
    let text = r.text([start, end]);
    let lead = text.chars().take_while(|c| c.is_whitespace()).count();
    let trail = text.chars().rev().take_while(|c| c.is_whitespace()).count();
    let len = end - start;
    if lead >= len {
        return [start, start];
    }
    [start + lead, end - trail]
}

/// The document's direct quotes as char ranges.
fn direct_quotes<'r>(r: &'r Read<'_>) -> impl Iterator<Item = [usize; 2]> + 'r {
    r.member
        .facts
        .quotes
        .iter()
        .filter(|q| q.direct)
        .map(|q| q.span)
}

/// Share of `span`'s chars inside `ranges` (which may overlap one another).
fn covered(span: [usize; 2], ranges: impl Iterator<Item = [usize; 2]>) -> f64 {
    let len = span[1].saturating_sub(span[0]);
    if len == 0 {
        return 0.0;
    }
    let mut clipped: Vec<[usize; 2]> = ranges
        .map(|[a, b]| [a.max(span[0]), b.min(span[1])])
        .filter(|[a, b]| a < b)
        .collect();
    clipped.sort_unstable();
    let (mut inside, mut reach) = (0, span[0]);
    for [a, b] in clipped {
        let a = a.max(reach);
        if b > a {
            inside += b - a;
            reach = b;
        }
    }
    inside as f64 / len as f64
}

/// The claim, when two independent groups state it in their own text.
fn agreed(read: &[Read<'_>], cluster: &[Sentence]) -> Option<Claim> {
    let own: Vec<&Sentence> = cluster.iter().filter(|s| !s.borrowed).collect();
    let mut groups: Vec<String> = own
        .iter()
        .map(|s| read[s.member].member.group.to_string())
        .collect();
    groups.sort_unstable();
    groups.dedup();
    if groups.len() < 2 {
        return None;
    }
    let first = own[0];
    Some(Claim {
        claim: read[first.member].text(first.span).to_string(),
        docs: own
            .iter()
            .map(|s| read[s.member].member.id.to_string())
            .collect(),
        groups,
        spans: own
            .iter()
            .map(|s| (read[s.member].member.id.to_string(), s.span))
            .collect(),
    })
}

/// Per representative, the sentences nobody else states.
fn unique(read: &[Read<'_>], clusters: &[Vec<Sentence>]) -> BTreeMap<String, Vec<Passage>> {
    let mut out: BTreeMap<String, Vec<Passage>> = BTreeMap::new();
    for cluster in clusters {
        let [s] = &cluster[..] else {
            continue;
        };
        if s.borrowed || s.quoted {
            continue;
        }
        let r = &read[s.member];
        out.entry(r.member.id.to_string())
            .or_default()
            .push(Passage {
                text: r.text(s.span).to_string(),
                span: s.span,
            });
    }
    for passages in out.values_mut() {
        passages.sort_by_key(|p| p.span);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{covered, is_notice, NOTICES};
    use proptest::prelude::*;

    /// The plain definition: the lowercased sentence holds a notice.
    fn lowercased_holds_notice(sentence: &str) -> bool {
        let lower = sentence.to_lowercase();
        NOTICES.iter().any(|n| lower.contains(n))
    }

    /// A notice or a near miss, in mixed case, among words and non-ASCII letters.
    fn sentence_piece() -> impl Strategy<Value = String> {
        let notice = proptest::sample::select(NOTICES).prop_flat_map(|n| {
            proptest::collection::vec(any::<bool>(), n.len()).prop_map(move |upper| {
                n.chars()
                    .zip(upper)
                    .map(|(c, u)| if u { c.to_ascii_uppercase() } else { c })
                    .collect::<String>()
            })
        });
        prop_oneof![
            notice.clone(),
            notice.prop_map(|n| n.replacen(' ', "  ", 1)),
            Just("Click".to_string()),
            Just("\u{212a}".to_string()), // KELVIN SIGN: lowercases to an ASCII 'k'
            Just("clic\u{212a} here".to_string()),
            Just("FIRST PUBLİSHED".to_string()),
            Just("über".to_string()),
            "[a-z ]{0,12}",
        ]
    }

    proptest! {
        #[test]
        fn notice_test_equals_the_lowercased_search(
            pieces in proptest::collection::vec(sentence_piece(), 0..6)
        ) {
            let sentence = pieces.join(" ");
            prop_assert_eq!(is_notice(&sentence), lowercased_holds_notice(&sentence));
        }
    }

    #[test]
    fn notices_are_found_in_any_case() {
        assert!(is_notice(
            "Anyone with information IS ASKED TO CALL police."
        ));
        assert!(is_notice("Reuters Contributed To This Report."));
        assert!(is_notice("clic\u{212a} here to read more — über alles"));
        assert!(!is_notice("The troops were asked to leave."));
    }

    #[test]
    fn coverage_counts_overlapping_ranges_once() {
        let ranges = [[0, 5], [3, 8], [20, 30]];
        assert_eq!(covered([0, 10], ranges.into_iter()), 0.8);
        assert_eq!(covered([10, 20], ranges.into_iter()), 0.0);
        assert_eq!(covered([5, 5], ranges.into_iter()), 0.0);
    }
}
