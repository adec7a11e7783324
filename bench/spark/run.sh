#!/usr/bin/env bash
# One command: bench/spark/run.sh [N]   (default 100000; ROUNDS=r alternations, default 2;
# WORK=dir keeps the corpus and the venv, default $TMPDIR/samestory-bench-spark).
# Builds the release CLI and the samestory wheel, installs the wheel with pyspark in a venv,
# generates bench/dedup/reuse.py's synthetic corpus of N documents once, then alternates
# `samestory run` and the Spark path (`samestory.spark.dedup` + `stories`, local[2]) over it
# and prints the table: docs/s of each, their ratio with its spread, cost per Spark stage,
# driver peak memory, and whether the Spark answers equal the CLI's.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
N="${1:-100000}"
WORK="${WORK:-${TMPDIR:-/tmp}/samestory-bench-spark}"
mkdir -p "$WORK"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
(cd "$ROOT" && cargo build --release -q --locked -p samestory-cli)
VENV="$WORK/venv"
if [ ! -f "$VENV/.complete" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check 'maturin==1.16.*' pyarrow 'pandas<3' 'pyspark==4.3.*' psutil
  touch "$VENV/.complete"
fi
rm -rf "$WORK/wheel"
(cd "$ROOT/crates/python" && CARGO_TARGET_DIR="$TARGET" "$VENV/bin/maturin" build --quiet --locked \
  --release --out "$WORK/wheel" --interpreter "$VENV/bin/python")
"$VENV/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps "$WORK"/wheel/samestory-*.whl
CORPUS="$WORK/synth_$N"
[ -f "$CORPUS/corpus.jsonl" ] || python3 "$ROOT/bench/dedup/reuse.py" gen-synth "$N" "$CORPUS" >/dev/null
SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$VENV/bin/python" "$VENV/bin/python" "$HERE/measure.py" \
  "$TARGET/release/samestory" "$CORPUS/corpus.jsonl" "$WORK" "${ROUNDS:-2}"
