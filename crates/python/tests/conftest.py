"""Shared fixtures: where the repository, the shared evaluation data and the CLI binary
are, and a helper that runs the real ``samestory`` binary.

The shared data (the seeds) is read by path: ``SAMESTORY_SHARED``, else ``../shared``
beside the clone. Missing, a test that needs it skips with a message — unless ``CI`` is
set, where it fails (as ``crates/testkit`` does for the Rust tests). The binary is
``SAMESTORY_BIN``, else ``target/debug/samestory`` under ``CARGO_TARGET_DIR`` or the
repository, under the same rule.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = REPO / "examples"


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} missing under CI")
    pytest.skip(f"skipping: {what} not found (under CI this fails)")


@pytest.fixture(scope="session")
def seeds() -> Path:
    shared = Path(os.environ.get("SAMESTORY_SHARED", REPO.parent / "shared"))
    if not (shared / "seeds").is_dir():
        _missing(f"shared data at {shared} (set SAMESTORY_SHARED)")
    return shared / "seeds"


@pytest.fixture(scope="session")
def cli() -> Path:
    candidates = []
    if os.environ.get("SAMESTORY_BIN"):
        candidates.append(Path(os.environ["SAMESTORY_BIN"]))
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    candidates += [target / "debug" / "samestory", target / "release" / "samestory"]
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return c
    _missing("the samestory binary (set SAMESTORY_BIN or build it: cargo build)")


def run_cli(cli: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Runs the CLI; fails the test when it exits with an error."""
    done = subprocess.run(
        [str(cli), *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        pytest.fail(f"samestory {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done


def read_jsonl(path: Path) -> list[dict]:
    """The objects of a JSON Lines file."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def examples_run(cli: Path, tmp_path_factory) -> Path:
    """`samestory run examples --out DIR` (report.html left out), once per session."""
    out = tmp_path_factory.mktemp("cli-examples")
    run_cli(cli, "run", str(EXAMPLES), "--out", str(out), "--no-report", "--quiet")
    return out
