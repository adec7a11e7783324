//! Maps keyed by term hashes: the keys are already uniform 64-bit hashes, so the map hashes
//! them with one multiply instead of SipHash. Only for maps that are looked up and never
//! iterated, so their order cannot reach the output.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map from a term hash.
pub type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// Spreads a `u64` key by one multiply.
#[derive(Default)]
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
    fn write_u64(&mut self, n: u64) {
        self.0 = (n ^ (n >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}
