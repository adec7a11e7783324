//! One hasher for maps and sets keyed by integers that are already uniform (term hashes,
//! fingerprints) or small and dense (feature ids): one multiply instead of SipHash. Only for
//! maps and sets that are looked up and never iterated, so their order cannot reach the
//! output.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map from an integer key, hashed by [`KeyHasher`].
pub type KeyMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// Spreads an integer key by one multiply (its high half folded in first).
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(self.0.rotate_left(8) ^ u64::from(b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (n ^ (n >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearby_keys_spread_and_maps_work() {
        let hash = |n: u64| {
            let mut h = KeyHasher::default();
            h.write_u64(n);
            h.finish()
        };
        assert_ne!(
            hash(1) >> 57,
            hash(2) >> 57,
            "top bits differ for neighbours"
        );
        let mut m: KeyMap<u32, &str> = KeyMap::default();
        m.insert(7, "seven");
        assert_eq!(m.get(&7), Some(&"seven"));
    }
}
