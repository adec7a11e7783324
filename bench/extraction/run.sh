#!/usr/bin/env bash
# One command: build the bench (release, with rs-trafilatura), run every extractor over the
# scrapinghub pages, score each with the shared scorer and print the table.
#   bench/extraction/run.sh [DATA_DIR] [--repeat N]
# DATA_DIR defaults to ../shared/data/extraction (the folder holding score_extraction.py).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
data="${1:-$repo/../shared/data/extraction}"
shift || true
repeat=3
if [[ "${1:-}" == "--repeat" ]]; then repeat="$2"; fi
pages="$data/scrapinghub/html"
truth="$data/scrapinghub/ground-truth.json"
scorer="$data/score_extraction.py"
out="${BENCH_OUT:-$repo/target/bench-extraction}"
[[ -d "$pages" && -f "$truth" && -f "$scorer" ]] || { echo "missing data under $data" >&2; exit 1; }

cargo build --release --quiet -p samestory-bench-extraction --features trafilatura
bin="${CARGO_TARGET_DIR:-$repo/target}/release/extraction-bench"
mkdir -p "$out"
"$bin" "$pages" "$out" --repeat "$repeat" > "$out/speed.jsonl"
python3 "$here/table.py" "$scorer" "$truth" "$out"
