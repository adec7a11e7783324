"""`verify` gives, for two bodies, the relation `samestory run` writes between them."""

from pathlib import Path

import pyarrow as pa
import pytest

import samestory
from conftest import EXAMPLES, read_jsonl, run_cli

SIDE_FIELDS = ["date", "published", "url", "byline", "credit"]


def pairs_of(run_dir, kinds):
    """The CLI's relations of `kinds` between two documents, with the documents' rows."""
    docs = {d["id"]: d for d in read_jsonl(run_dir / "documents.jsonl")}
    rels = [
        r
        for r in read_jsonl(run_dir / "relations.jsonl")
        if r["kind"] in kinds and "secondary source" not in r["why"]
    ]
    return docs, rels


def pairs_table(docs, rels):
    cols = {"a": [docs[r["a"]]["body"] for r in rels], "b": [docs[r["b"]]["body"] for r in rels]}
    for f in SIDE_FIELDS:
        cols[f"{f}_a"] = [docs[r["a"]][f] for r in rels]
        cols[f"{f}_b"] = [docs[r["b"]][f] for r in rels]
    return pa.table(cols, schema=pa.schema([(k, pa.string()) for k in cols]))


def near_copies(dir: Path) -> Path:
    """Two near-copies of an example article (one word changed, a sentence added)."""
    body = (EXAMPLES / "wire_bridge_closure.txt").read_text(encoding="utf-8")
    (dir / "a.txt").write_text(body, encoding="utf-8")
    changed = body.replace("Thursday", "Friday", 1) + "\n\nTraffic resumed on Sunday."
    (dir / "b.txt").write_text(changed, encoding="utf-8")
    return dir


@pytest.mark.parametrize(
    "corpus, kinds",
    [
        ("examples", {"exact", "reprint"}),
        ("seeds", {"exact", "reprint"}),
        ("near-copies", {"near_duplicate"}),
    ],
)
def test_verify_gives_the_cli_kind_scores_and_passages(corpus, kinds, cli, tmp_path, request):
    if corpus == "examples":
        inputs = EXAMPLES
    elif corpus == "seeds":
        inputs = request.getfixturevalue("seeds") / "*.txt"
    else:
        (tmp_path / "in").mkdir()
        inputs = near_copies(tmp_path / "in")
    run_cli(cli, "run", str(inputs), "--out", str(tmp_path / "out"), "--no-report", "--quiet")
    docs, rels = pairs_of(tmp_path / "out", {"near_duplicate", "reprint", "exact"})
    assert kinds <= {r["kind"] for r in rels}
    got = samestory.verify(pairs_table(docs, rels)).to_pylist()
    for row, rel in zip(got, rels):
        label = f"{rel['a']} / {rel['b']}"
        assert row["kind"] == rel["kind"], label
        for score in ["jaccard", "containment_a", "containment_b"]:
            assert row[score] == rel[score], (label, score)
        assert row["passages"] == rel["passages"], label


SHARED = (
    "The council voted on Monday to close the old harbour bridge for six months of repairs, "
    "after inspectors found corroded cables under the eastern span. Ferries will carry "
    "commuters between the two banks while crews replace the cables one section at a time. "
)
OWN_A = (
    "Shopkeepers on the western bank said they feared losing their lunchtime trade, and a "
    "group of residents asked the mayor to extend the ferry timetable into the evening hours. "
)
OWN_B = (
    "Engineers first raised concerns about the span in a report three years ago, which "
    "recommended replacing every cable before the end of the decade at a cost of millions. "
)


@pytest.mark.parametrize(
    "date_a, date_b, original", [("2024-03-09", "2024-03-07", "b"), ("2024-03-07", "2024-03-09", "a")]
)
def test_a_reprint_points_at_the_earlier_side(date_a, date_b, original):
    table = pa.table(
        {"a": [OWN_A * 2 + SHARED], "b": [SHARED + OWN_B], "date_a": [date_a], "date_b": [date_b]}
    )
    row = samestory.verify(table).to_pylist()[0]
    assert row["kind"] == "reprint" and row["original"] == original
    assert "direction: time" in row["why"]
    [[a_start, a_end, b_start, b_end]] = row["passages"]
    assert (OWN_A * 2 + SHARED)[a_start:a_end] == (SHARED + OWN_B)[b_start:b_end]


def test_unrelated_texts_get_scores_and_no_kind():
    table = pa.table(
        {
            "a": ["Heavy snowfall closed schools across the northern districts on Tuesday."],
            "b": ["The central bank raised its main interest rate by a quarter point today."],
        }
    )
    row = samestory.verify(table).to_pylist()[0]
    assert row["kind"] is None and row["why"] is None
    assert row["jaccard"] == 0.0 and row["passages"] == []


def test_null_text_gives_no_relation():
    table = pa.table({"a": ["Some words here."], "b": pa.array([None], pa.string())})
    row = samestory.verify(table).to_pylist()[0]
    assert row["kind"] is None


def test_a_missing_column_raises_input_error():
    with pytest.raises(samestory.InputError, match='missing column "b"'):
        samestory.verify(pa.table({"a": ["text"]}))
