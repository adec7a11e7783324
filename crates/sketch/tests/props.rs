//! Property tests: the signature's Jaccard estimate stays within the theoretical error of
//! the exact Jaccard (standard deviation sqrt(j(1-j)/k); we allow 5 of them plus slack for
//! densification), and LSH finds pairs at the configured recall.

use proptest::prelude::*;
use samestory_sketch::{MinHasher, Signature};

/// Two sets sharing `shared` elements, with `only_a` and `only_b` private elements each.
fn sets(shared: usize, only_a: usize, only_b: usize, salt: u64) -> (Vec<u64>, Vec<u64>) {
    let h = |i: u64| {
        (i ^ salt)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(17)
    };
    let common: Vec<u64> = (0..shared as u64).map(h).collect();
    let mut a = common.clone();
    a.extend((0..only_a as u64).map(|i| h(1_000_000 + i)));
    let mut b = common;
    b.extend((0..only_b as u64).map(|i| h(2_000_000 + i)));
    (a, b)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn estimate_within_theoretical_error(
        shared in 0usize..800, only_a in 0usize..400, only_b in 0usize..400, salt in any::<u64>()
    ) {
        prop_assume!(shared + only_a > 0 && shared + only_b > 0);
        let (a, b) = sets(shared, only_a, only_b, salt);
        let exact = shared as f64 / (shared + only_a + only_b) as f64;
        let mh = MinHasher::default();
        let est = mh.signature(&a).jaccard(&mh.signature(&b));
        let sd = (exact * (1.0 - exact) / 128.0).sqrt();
        prop_assert!((est - exact).abs() <= 5.0 * sd + 0.03, "exact {exact} est {est}");
    }
}

#[test]
fn lsh_recall_in_band_0_8_to_0_9() {
    let mh = MinHasher::default();
    let lsh = samestory_sketch::Lsh::default();
    let mut found = 0;
    let trials = 400;
    for t in 0..trials {
        let j = 0.8 + 0.1 * (t as f64 / trials as f64);
        // |A| = |B| = 500, shared s: j = s / (1000 - s)
        let s = (1000.0 * j / (1.0 + j)).round() as usize;
        let (a, b) = sets(s, 500 - s, 500 - s, t as u64);
        let sigs: Vec<Signature> = vec![mh.signature(&a), mh.signature(&b)];
        found += usize::from(!lsh.candidate_pairs(&sigs).is_empty());
    }
    assert!(
        found as f64 / trials as f64 >= 0.95,
        "recall {found}/{trials}"
    );
}

proptest! {
    /// The streaming builder equals the slice signature, and stays correct after reuse.
    #[test]
    fn builder_equals_signature(a in proptest::collection::vec(any::<u64>(), 0..300),
                                b in proptest::collection::vec(any::<u64>(), 0..300)) {
        let mh = MinHasher::default();
        let mut builder = mh.builder();
        for (set, _) in [(&a, 0), (&b, 1)] {
            for &h in set.iter() {
                builder.push(h);
            }
            prop_assert_eq!(builder.finish(), mh.signature(set));
        }
    }
}
