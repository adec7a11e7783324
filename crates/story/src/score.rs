//! `story_score`: content similarity (cosine of the weighted vectors) times a time factor
//! that is 1 within `time_grace_days` and decays exponentially beyond, never below
//! `time_floor`. Unknown dates are no evidence either way (factor 1). Relation evidence
//! (duplicate, reprint) is applied by callers that know it: such pairs score 1.

use crate::features::DocFeatures;
use crate::vector::SparseVec;
use samestory_core::StoryConfig;

/// Same-story score of two documents in `[0, 1]`.
pub fn story_score(a: &DocFeatures, b: &DocFeatures, cfg: &StoryConfig) -> f32 {
    combine(a.vec.dot(&b.vec), days_apart(a, b), cfg)
}

/// Days between two documents' publication dates (None when either is undated).
pub fn days_apart(a: &DocFeatures, b: &DocFeatures) -> Option<i32> {
    a.day.zip(b.day).map(|(x, y)| (x - y).abs())
}

/// Combines a content similarity with a distance in days (None: unknown).
pub fn combine(content: f32, days: Option<i32>, cfg: &StoryConfig) -> f32 {
    (content.clamp(0.0, 1.0) * time_factor(days, cfg)).clamp(0.0, 1.0)
}

/// The time factor for `days` apart (1 when unknown).
pub fn time_factor(days: Option<i32>, cfg: &StoryConfig) -> f32 {
    let Some(days) = days else { return 1.0 };
    let beyond = (days as f32 - cfg.time_grace_days).max(0.0);
    (-beyond / cfg.time_decay_days.max(1e-3))
        .exp()
        .max(cfg.time_floor)
}

/// Days between a day and a day range (0 inside it).
pub fn days_to_range(day: i32, range: (i32, i32)) -> i32 {
    (range.0 - day).max(day - range.1).max(0)
}

/// Days between two day ranges (0 when they overlap).
pub fn range_gap(a: (i32, i32), b: (i32, i32)) -> i32 {
    (b.0 - a.1).max(a.0 - b.1).max(0)
}

/// Content similarity of a vector to a centroid (sum of member vectors).
pub fn to_centroid(v: &SparseVec, centroid: &SparseVec) -> f32 {
    let n = centroid.norm();
    if n > 0.0 {
        v.dot(centroid) / n
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_factor_decays_to_floor() {
        let cfg = StoryConfig::default();
        assert_eq!(time_factor(None, &cfg), 1.0);
        assert_eq!(time_factor(Some(1), &cfg), 1.0);
        assert!(time_factor(Some(10), &cfg) < 1.0);
        assert_eq!(time_factor(Some(1000), &cfg), cfg.time_floor);
    }

    #[test]
    fn ranges() {
        assert_eq!(days_to_range(5, (1, 3)), 2);
        assert_eq!(days_to_range(2, (1, 3)), 0);
        assert_eq!(range_gap((1, 3), (6, 9)), 3);
        assert_eq!(range_gap((1, 7), (6, 9)), 0);
    }
}
