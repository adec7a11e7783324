"""`run` writes the files `samestory run` writes, byte for byte, so its groups and stories
are the CLI's."""

from pathlib import Path

import pytest

import samestory
from conftest import EXAMPLES, read_jsonl, run_cli

FILES = ["documents.jsonl", "relations.jsonl", "stories.jsonl", "report.html"]


def both_runs(cli: Path, inputs: str, tmp_path: Path) -> tuple[Path, Path, dict]:
    by_cli, by_python = tmp_path / "cli", tmp_path / "python"
    run_cli(cli, "run", str(inputs), "--out", str(by_cli), "--quiet")
    summary = samestory.run([inputs], by_python)
    return by_cli, by_python, summary


def groups_and_stories(out: Path) -> dict:
    return {d["id"]: (d["group"], d["story"]) for d in read_jsonl(out / "documents.jsonl")}


@pytest.mark.parametrize("corpus", ["examples", "seeds"])
def test_run_writes_the_cli_files_byte_for_byte(corpus, cli, tmp_path, request):
    # The seeds directory also holds truth.jsonl (labels, not articles): the articles only.
    inputs = str(EXAMPLES if corpus == "examples" else request.getfixturevalue("seeds") / "*.txt")
    by_cli, by_python, summary = both_runs(cli, inputs, tmp_path)
    for name in FILES:
        assert (by_python / name).read_bytes() == (by_cli / name).read_bytes(), name
    docs = groups_and_stories(by_cli)
    assert groups_and_stories(by_python) == docs
    assert summary["documents"] == len(docs)
    assert summary["groups"] == len({g for g, _ in docs.values()})
    assert summary["stories"] == len(read_jsonl(by_cli / "stories.jsonl"))
    assert summary["relations"] == len(read_jsonl(by_cli / "relations.jsonl"))
    assert summary["errors"] == []


def test_examples_have_groups_and_stories_of_several_documents(examples_run):
    docs = groups_and_stories(examples_run)
    groups = [g for g, _ in docs.values()]
    stories = [s for _, s in docs.values()]
    assert len(set(groups)) < len(groups) and len(set(stories)) < len(set(groups))


def test_settings_reach_the_run(cli, tmp_path):
    by_cli, by_python = tmp_path / "cli", tmp_path / "python"
    run_cli(
        cli, "run", str(EXAMPLES), "--out", str(by_cli), "--quiet", "--no-report",
        "--set", "relate.all_pairs=true",
    )
    samestory.run([EXAMPLES], by_python, report=False, settings={"relate.all_pairs": True})
    assert not (by_python / "report.html").exists()
    for name in FILES[:3]:
        assert (by_python / name).read_bytes() == (by_cli / name).read_bytes(), name


def test_a_bad_input_raises_ingest_error_after_the_good_ones_are_written(tmp_path):
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    with pytest.raises(samestory.IngestError, match="missing.txt"):
        samestory.run([EXAMPLES, missing], out, report=False)
    assert (out / "documents.jsonl").stat().st_size > 0
    summary = samestory.run([EXAMPLES, missing], out, report=False, strict=False)
    assert len(summary["errors"]) == 1 and "missing.txt" in summary["errors"][0]


def test_an_unwritable_output_raises_output_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(samestory.OutputError, match="cannot create"):
        samestory.run([EXAMPLES], blocker / "out", report=False)


def test_an_unknown_setting_raises_config_error(tmp_path):
    with pytest.raises(samestory.ConfigError):
        samestory.run([EXAMPLES], tmp_path / "out", settings=["story.nope=1"])
