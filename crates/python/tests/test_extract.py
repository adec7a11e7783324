"""`extract` gives the rows `samestory extract` prints for the same JSON Lines records."""

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pytest

import samestory
from conftest import EXAMPLES, read_jsonl, run_cli


def as_cli_row(row: dict) -> dict:
    """An `extract` row in the CLI's JSON shape: a number's `value` list of one is a scalar."""
    for n in row["numbers"]:
        if len(n["value"]) == 1:
            n["value"] = n["value"][0]
    return row


def cli_extract(cli: Path, records: list[dict], tmp_path: Path, name: str) -> list[dict]:
    (tmp_path / name).write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    done = run_cli(cli, "extract", name, cwd=tmp_path)
    return [json.loads(line) for line in done.stdout.splitlines()]


def example_records() -> list[dict]:
    """Every example article as one record (text, markdown, HTML as the text field), plus
    the records of the example feed."""
    records = read_jsonl(EXAMPLES / "regional_feed.jsonl")
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in {".jsonl", ".warc"}:
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        text = data.decode("utf-8", errors="replace")
        records.append({"id": path.name, "text": text})
    return records


def test_extract_equals_cli_extract_on_the_examples(cli, tmp_path):
    records = example_records()
    want = cli_extract(cli, records, tmp_path, "feed.jsonl")
    got = samestory.extract(pa.Table.from_pylist(records), name="feed.jsonl")
    assert isinstance(got, pa.RecordBatch)
    rows = sorted((as_cli_row(r) for r in got.to_pylist()), key=lambda r: r["id"])
    assert [r["id"] for r in rows] == [r["id"] for r in want]
    for g, w in zip(rows, want):
        assert g == w, g["id"]


def test_extract_columns_are_the_cli_fields(cli, tmp_path):
    records = read_jsonl(EXAMPLES / "regional_feed.jsonl")
    want = cli_extract(cli, records, tmp_path, "feed.jsonl")
    got = samestory.extract(pa.RecordBatch.from_pylist(records))
    assert got.schema.names == list(want[0].keys())
    assert got.num_rows == len(records)


def test_ids_default_to_name_and_row():
    table = pa.table({"text": ["First article about the harbour.", "Second article."]})
    got = samestory.extract(table, name="dump")
    assert got.column("id").to_pylist() == ["dump:1", "dump:2"]
    assert got.column("source").to_pylist() == ["dump:1", "dump:2"]
    assert got.column("format").to_pylist() == ["jsonl", "jsonl"]


def test_a_record_without_text_raises_ingest_error():
    table = pa.table({"id": ["a", "b"], "text": ["Some text to read.", None]})
    with pytest.raises(samestory.IngestError, match="records:2"):
        samestory.extract(table)


def test_errors_skip_leaves_bad_records_out():
    table = pa.table({"id": ["a", "b", "a"], "text": ["One text.", None, "Other text."]})
    got = samestory.extract(table, errors="skip")
    assert got.column("id").to_pylist() == ["a"]


def test_a_repeated_id_raises_ingest_error():
    table = pa.table({"id": ["a", "a"], "text": ["One text.", "Other text."]})
    with pytest.raises(samestory.IngestError, match="duplicate id"):
        samestory.extract(table)


def test_settings_reach_the_ingest_fields():
    table = pa.table({"words_here": ["A story told in an unusual field."]})
    with pytest.raises(samestory.IngestError, match="no text field"):
        samestory.extract(table)
    got = samestory.extract(table, settings={"ingest.jsonl.text": ["words_here"]})
    assert got.column("body").to_pylist() == ["A story told in an unusual field."]


def test_not_arrow_data_raises_value_error():
    with pytest.raises(ValueError, match="__arrow_c_stream__"):
        samestory.extract(["not", "arrow"])
