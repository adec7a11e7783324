#!/usr/bin/env bash
# bench/dedup/adversarial.sh [N]   (default 20000)
# Builds the release `samestory` binary and times `samestory dedup` on the adversarial corpora
# (N copies of one text, N near-variants, one passage in N documents with/without an outlet,
# a wire story reprinted by N/4 outlets with/without its original) against N unrelated
# documents, in alternating pairs; prints rows written, time ratios and peak RSS.
# PAIRS=3, TIMEOUT=300 (s per run), MEM_MB=6000, ONLY=a,b (corpora), WORK=dir (corpora kept).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${WORK:-${TMPDIR:-/tmp}/samestory-bench-dedup}"
N="${1:-20000}"
mkdir -p "$WORK"
(cd "$ROOT" && cargo build --release -q -p samestory-cli)
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
SAMESTORY_BIN="${SAMESTORY_BIN:-$TARGET/release/samestory}" python3 "$HERE/adversarial.py" "$WORK" "$N"
