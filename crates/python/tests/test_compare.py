"""`compare` gives each story the comparison `samestory run` writes in stories.jsonl."""

import json

import pyarrow as pa
import pytest

import samestory
from conftest import EXAMPLES, read_jsonl, run_cli

COMPARISON = ["quotes", "conflicts", "numbers", "agreed", "unique"]


def borrowed_ranges(relations: list[dict]) -> dict[str, list[list[int]]]:
    """Per borrower, the char ranges its reprint rows say it took (as the pipeline reads them)."""
    out: dict[str, list[list[int]]] = {}
    for r in relations:
        if r["kind"] != "reprint" or r["original"] is None:
            continue
        borrower_is_a = r["original"] == r["b"]
        borrower = r["a"] if borrower_is_a else r["b"]
        for p in r["passages"]:
            out.setdefault(borrower, []).append(p[0:2] if borrower_is_a else p[2:4])
    return out


def test_compare_gives_the_cli_comparison_on_the_examples(cli, tmp_path):
    run_cli(cli, "run", str(EXAMPLES), "--out", str(tmp_path / "run"), "--no-report", "--quiet")
    run_cli(cli, "dedup", str(EXAMPLES), "--out", str(tmp_path / "dedup"), "--keep-first",
            "--quiet")
    docs = {d["id"]: d for d in read_jsonl(tmp_path / "run" / "documents.jsonl")}
    kept = {d["id"] for d in read_jsonl(tmp_path / "dedup" / "kept.jsonl")}
    borrowed = borrowed_ranges(read_jsonl(tmp_path / "run" / "relations.jsonl"))
    stories = [s for s in read_jsonl(tmp_path / "run" / "stories.jsonl") if len(s["documents"]) > 1]
    assert stories
    rows = [(s["story"], docs[i]) for s in stories for i in s["documents"]]
    table = pa.table(
        {
            "story": [s for s, _ in rows],
            "id": [d["id"] for _, d in rows],
            "body": [d["body"] for _, d in rows],
            "group": [d["group"] for _, d in rows],
            "representative": [d["id"] in kept for _, d in rows],
            "date": [d["date"] for _, d in rows],
            "lang": [d["lang"] for _, d in rows],
            "borrowed": [borrowed.get(d["id"], []) for _, d in rows],
        },
        schema=pa.schema(
            [(c, pa.string()) for c in ["story", "id", "body", "group"]]
            + [("representative", pa.bool_()), ("date", pa.string()), ("lang", pa.string()),
               ("borrowed", pa.list_(pa.list_(pa.int64())))]
        ),
    )
    got = samestory.compare(table).to_pylist()
    assert [r["story"] for r in got] == [s["story"] for s in stories]
    for row, story in zip(got, stories):
        comparison = json.loads(row["comparison"])
        assert list(comparison) == COMPARISON
        for key in COMPARISON:
            assert comparison[key] == story[key], (story["story"], key)


def test_one_story_when_no_story_column():
    body = '"We will rebuild," Mayor Ines Kolar said on Monday. More than 300 homes were lost.'
    table = pa.table({"id": ["a", "b"], "body": [body, body.replace("300", "350")]})
    got = samestory.compare(table).to_pylist()
    assert len(got) == 1
    comparison = json.loads(got[0]["comparison"])
    assert comparison["quotes"][0]["speaker"] == "Ines Kolar"


def test_a_bad_representative_column_raises_input_error():
    table = pa.table({"id": ["a"], "body": ["text"], "representative": ["yes"]})
    with pytest.raises(samestory.InputError, match="representative"):
        samestory.compare(table)
