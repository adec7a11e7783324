#!/usr/bin/env bash
# One command: bench/dedup/run.sh [SIZES...]   (default: 10000 100000)
#              bench/dedup/run.sh reuse [N]     (reprint networks, synthetic N docs (default 2000)
#                                                and real prose: reuse.py, see README)
#              (the adversarial corpora: bench/dedup/adversarial.sh [N])
# Builds the release bench binary, creates a venv with the peers (pip), generates the
# corpora once (cached in $WORK), runs samestory (engine and the whole `samestory dedup`
# command), gaoya, rensa, datasketch and prints tables.
# TOOLS=samestory,datasketch limits the tools; REPEAT=3 runs each tool 3 times (median time).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${WORK:-${TMPDIR:-/tmp}/samestory-bench-dedup}"
mkdir -p "$WORK"
if [ "${1:-}" = reuse ]; then
  (cd "$ROOT" && cargo build --release -q -p samestory-cli)
  TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
  SAMESTORY_BIN="${SAMESTORY_BIN:-$TARGET/release/samestory}" \
    exec python3 "$HERE/reuse.py" run "$WORK" "${2:-2000}"
fi
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000)
(cd "$ROOT" && cargo build --release -q -p samestory-bench-dedup -p samestory-cli)
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
if [ ! -x "$WORK/venv/bin/python" ]; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q datasketch rensa gaoya
fi
SAMESTORY_BIN="$TARGET/release/samestory" \
  python3 "$HERE/run.py" "$TARGET/release/dedup-bench" "$WORK" "$WORK/venv/bin/python" "${SIZES[@]}"
