#!/usr/bin/env bash
# One command: bench/index/run.sh [SIZES...]   (default: 10000 100000)
# Builds the release binaries, generates bench/dedup's synthetic corpus of each size once
# (cached in $WORK), and prints the index table: bulk add, adds of 1,000 and 100 documents into the
# full index, `index query` latency, index size per document, and batch `run` beside them.
# QUERIES=n sets how many single-article queries are timed per size (default 10).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${WORK:-${TMPDIR:-/tmp}/samestory-bench-index}"
mkdir -p "$WORK"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000)
(cd "$ROOT" && cargo build --release -q -p samestory-bench-dedup -p samestory-bench-index -p samestory-cli)
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
python3 "$HERE/run.py" "$TARGET/release/samestory" "$TARGET/release/dedup-bench" \
  "$TARGET/release/index-bench" "$WORK" "${SIZES[@]}"
