"""`signatures` and `band_keys`: the relation engine's MinHash signatures and LSH keys."""

import pyarrow as pa
import pytest

import samestory

TEXT = (
    "Repair crews began replacing damaged support cables on the Halden Strait bridge on "
    "Thursday, two days after the crossing between Marrow Bay and Teller was closed."
)


def test_signatures_are_int64_lists_of_num_perm_values():
    sigs = samestory.signatures(pa.array([TEXT, TEXT.upper(), None, " , "]))
    assert sigs.type == pa.list_(pa.int64())
    rows = sigs.to_pylist()
    assert len(rows[0]) == 128
    assert all(0 <= v < 2**32 for v in rows[0])
    assert rows[0] == rows[1]  # the engine normalises case
    assert rows[2] is None and rows[3] is None  # null, and no words: never banded


def test_band_keys_are_one_per_band():
    keys = samestory.band_keys(samestory.signatures(pa.array([TEXT, None])))
    assert keys.type == pa.list_(pa.int64())
    first, second = keys.to_pylist()
    assert len(first) == 21 and second is None


def test_near_copies_share_a_band_and_others_do_not():
    other = "Heavy snowfall closed schools across the northern districts on Tuesday morning."
    keys = samestory.band_keys(
        samestory.signatures(pa.array([TEXT, TEXT + " Traffic resumed.", other]))
    ).to_pylist()
    assert set(keys[0]) & set(keys[1])
    assert not set(keys[0]) & set(keys[2])


def test_settings_change_the_banding():
    small = {"relate.num_perm": 64, "relate.lsh_bands": 8, "relate.lsh_rows": 8}
    sigs = samestory.signatures(pa.array([TEXT]), settings=small)
    assert len(sigs[0]) == 64
    keys = samestory.band_keys(sigs, settings=small)
    assert len(keys[0]) == 8


def test_chunked_input_gives_one_array():
    chunked = pa.chunked_array([[TEXT], [TEXT, None]])
    assert len(samestory.signatures(chunked)) == 3


def test_uint32_and_fixed_size_signatures_are_read():
    sigs = samestory.signatures(pa.array([TEXT]))
    want = samestory.band_keys(sigs).to_pylist()
    as_u32 = sigs.cast(pa.list_(pa.uint32()))
    assert samestory.band_keys(as_u32).to_pylist() == want
    fixed = sigs.cast(pa.list_(pa.int64(), 128))
    assert samestory.band_keys(fixed).to_pylist() == want


def test_bad_input_raises_input_error():
    with pytest.raises(samestory.InputError, match="texts: expected strings"):
        samestory.signatures(pa.array([1, 2]))
    with pytest.raises(samestory.InputError, match="expected 128 values"):
        samestory.band_keys(pa.array([[1, 2, 3]]))
    with pytest.raises(samestory.InputError, match="signatures"):
        samestory.band_keys(pa.array([[-1] * 128]))
