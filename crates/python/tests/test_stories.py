"""`story_features`: the story stage's weighted features, per document."""

import math

import pyarrow as pa
import pytest

import samestory
from conftest import read_jsonl


def cosine(a: dict, b: dict) -> float:
    return sum(w * b.get(n, 0.0) for n, w in a.items())


def test_documents_of_one_story_are_closer_than_other_stories(examples_run):
    docs = read_jsonl(examples_run / "documents.jsonl")
    table = pa.table(
        {c: [d[c] for d in docs] for c in ["id", "body", "title", "date", "lang", "group"]}
    )
    got = samestory.story_features(table).to_pylist()
    assert [r["id"] for r in got] == [d["id"] for d in docs]
    vec = {r["id"]: {f["name"]: f["weight"] for f in r["features"]} for r in got}
    for v in vec.values():
        # Weighted over every feature, then truncated to the strongest: norm at most 1.
        assert v and 0.5 < math.sqrt(sum(w * w for w in v.values())) <= 1.0 + 1e-6
    story = {d["id"]: d["story"] for d in docs}
    ids = sorted(vec)
    same = [cosine(vec[a], vec[b]) for a in ids for b in ids if a < b and story[a] == story[b]]
    other = [cosine(vec[a], vec[b]) for a in ids for b in ids if a < b and story[a] != story[b]]
    assert same and other
    assert sum(same) / len(same) > 2 * sum(other) / len(other)


def test_days_count_from_the_epoch():
    table = pa.table({"id": ["a", "b"], "body": ["Words of a story.", "More words."],
                      "date": ["1970-01-02", None]})
    got = samestory.story_features(table).to_pylist()
    assert [r["day"] for r in got] == [1, None]


def test_a_missing_body_column_raises_input_error():
    with pytest.raises(samestory.InputError, match='missing column "body"'):
        samestory.story_features(pa.table({"id": ["a"]}))
