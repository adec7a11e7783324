//! XXH3-64 of inputs of at most 16 bytes given as two little-endian words, so a word can be
//! hashed straight from registers (loaded and lowercased eight bytes at a time) without
//! copying it into a buffer. Bit-for-bit the `xxhash-rust` result (a test checks every
//! length against it); the constants are the first bytes of XXH3's default secret.

/// Bytes 0..72 of XXH3's default secret (all a short input reads).
const SECRET: [u8; 72] = [
    0xb8, 0xfe, 0x6c, 0x39, 0x23, 0xa4, 0x4b, 0xbe, 0x7c, 0x01, 0x81, 0x2c, 0xf7, 0x21, 0xad, 0x1c,
    0xde, 0xd4, 0x6d, 0xe9, 0x83, 0x90, 0x97, 0xdb, 0x72, 0x40, 0xa4, 0xa4, 0xb7, 0xb3, 0x67, 0x1f,
    0xcb, 0x79, 0xe6, 0x4e, 0xcc, 0xc0, 0xe5, 0x78, 0x82, 0x5a, 0xd0, 0x7d, 0xcc, 0xff, 0x72, 0x21,
    0xb8, 0x08, 0x46, 0x74, 0xf7, 0x43, 0x24, 0x8e, 0xe0, 0x35, 0x90, 0xe6, 0x81, 0x3a, 0x26, 0x4c,
    0x3c, 0x28, 0x52, 0xbb, 0x91, 0xc3, 0x00, 0xcb,
];

const fn s64(at: usize) -> u64 {
    let mut v = 0u64;
    let mut i = 0;
    while i < 8 {
        v |= (SECRET[at + i] as u64) << (8 * i);
        i += 1;
    }
    v
}

const fn s32(at: usize) -> u32 {
    s64(at) as u32
}

/// XXH3-64 with `seed` of the first `len` (≤ 16) bytes of `lo` then `hi` (little-endian);
/// bytes past `len` are ignored.
#[inline]
pub(crate) fn xxh3_64_short(lo: u64, hi: u64, len: usize, seed: u64) -> u64 {
    match len {
        9..=16 => len9to16(lo, hi, len, seed),
        4..=8 => len4to8(lo, len, seed),
        1..=3 => len1to3(lo, len, seed),
        _ => xxh64_avalanche(seed ^ (s64(56) ^ s64(64))),
    }
}

#[inline]
fn len9to16(lo: u64, hi: u64, len: usize, seed: u64) -> u64 {
    let flip1 = (s64(24) ^ s64(32)).wrapping_add(seed);
    let flip2 = (s64(40) ^ s64(48)).wrapping_sub(seed);
    let window = (u128::from(hi) << 64) | u128::from(lo);
    let input_lo = lo ^ flip1;
    let input_hi = ((window >> (8 * (len - 8))) as u64) ^ flip2;
    let product = u128::from(input_lo) * u128::from(input_hi);
    let acc = (len as u64)
        .wrapping_add(input_lo.swap_bytes())
        .wrapping_add(input_hi)
        .wrapping_add((product as u64) ^ ((product >> 64) as u64));
    avalanche(acc)
}

#[inline]
fn len4to8(lo: u64, len: usize, seed: u64) -> u64 {
    let seed = seed ^ (u64::from((seed as u32).swap_bytes()) << 32);
    let input1 = lo as u32;
    let input2 = (lo >> (8 * (len - 4))) as u32;
    let flip = (s64(8) ^ s64(16)).wrapping_sub(seed);
    let input64 = u64::from(input2).wrapping_add(u64::from(input1) << 32);
    strong_avalanche(input64 ^ flip, len as u64)
}

#[inline]
fn len1to3(lo: u64, len: usize, seed: u64) -> u64 {
    let byte = |i: usize| ((lo >> (8 * i)) & 0xff) as u32;
    let combo = (byte(0) << 16) | (byte(len >> 1) << 24) | byte(len - 1) | ((len as u32) << 8);
    let flip = u64::from(s32(0) ^ s32(4)).wrapping_add(seed);
    xxh64_avalanche(u64::from(combo) ^ flip)
}

fn avalanche(mut v: u64) -> u64 {
    v ^= v >> 37;
    v = v.wrapping_mul(0x1656_6791_9E37_79F9);
    v ^ (v >> 32)
}

fn strong_avalanche(mut v: u64, len: u64) -> u64 {
    v ^= v.rotate_left(49) ^ v.rotate_left(24);
    v = v.wrapping_mul(0x9FB2_1C65_1E98_DF25);
    v ^= (v >> 35).wrapping_add(len);
    v = v.wrapping_mul(0x9FB2_1C65_1E98_DF25);
    v ^ (v >> 28)
}

fn xxh64_avalanche(mut v: u64) -> u64 {
    v ^= v >> 33;
    v = v.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    v ^= v >> 29;
    v = v.wrapping_mul(0x1656_67B1_9E37_79F9);
    v ^ (v >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use xxhash_rust::xxh3::xxh3_64_with_seed;

    #[test]
    fn equals_xxh3_for_every_short_length() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..4000 {
            let mut buf = [0u8; 16];
            for b in buf.iter_mut() {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                *b = x as u8;
            }
            let len = round % 17;
            let seed = if round % 3 == 0 { crate::WORD_SEED } else { x };
            let lo = u64::from_le_bytes(buf[..8].try_into().unwrap());
            let hi = u64::from_le_bytes(buf[8..].try_into().unwrap());
            assert_eq!(
                xxh3_64_short(lo, hi, len, seed),
                xxh3_64_with_seed(&buf[..len], seed),
                "len {len}"
            );
        }
    }
}
