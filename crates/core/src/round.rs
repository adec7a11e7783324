//! The precision of every score in the output files: 4 decimals, so output is stable and
//! short. The one definition; every crate that writes a score rounds through it.

/// Rounds a score to 4 decimals.
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    #[test]
    fn four_decimals() {
        assert_eq!(super::round4(0.123_456), 0.1235);
        assert_eq!(super::round4(f64::from(0.5_f32)), 0.5);
    }
}
