#!/usr/bin/env bash
# Fuzz smoke run: every target for SECONDS seconds (default 30), one after the other, on the
# stable toolchain (`-s none`: no sanitizer, so no nightly flags). Corpora start from the
# examples in ../examples and grow in fuzz/corpus/<target> (not committed).
#   fuzz/smoke.sh [SECONDS]
# Exit status: 0 when no target crashed; else 1, with the crashing inputs in fuzz/artifacts/.
# Needs cargo-fuzz (`cargo install cargo-fuzz`). Builds into $CARGO_TARGET_DIR, default
# /root/.cache/samestory-fuzz-target (kept apart from the workspace build: other RUSTFLAGS).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-30}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/root/.cache/samestory-fuzz-target}"
cd "$here"

seed() { # seed TARGET FILES...: copy seed inputs into an empty corpus
    local dir="corpus/$1"
    shift
    [[ -d "$dir" ]] && return
    mkdir -p "$dir"
    for f in "$@"; do [[ -f "$f" ]] && cp "$f" "$dir/"; done
}
ex="$here/../examples"
seed extract_html "$ex"/*.html
seed extract_text "$ex"/*.txt
seed extract_markdown "$ex"/*.md
seed jsonl "$ex"/*.jsonl
seed warc "$ex"/*.warc
seed read_bytes "$ex"/*.html "$ex"/*.txt "$ex"/*.md "$ex"/*.jsonl "$ex"/*.warc
seed decode_text "$ex"/*.txt "$ex"/*.html
seed stream "$ex"/*.jsonl "$ex"/*.warc "$ex"/*.gz "$ex"/*.txt
seed parse_date
seed relate
seed facts "$ex"/*.txt "$ex"/*.md
seed comparison "$ex"/*.txt "$ex"/*.md
seed index "$ex"/*.txt "$ex"/*.md
# examples/ has no Parquet file: seeds/parquet holds documents.parquet of a `dedup --format
# parquet` over two of them.
seed parquet "$here"/seeds/parquet/*.parquet

cargo fuzz build -s none || exit 1
failed=()
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for target in $(cargo fuzz list); do
    echo "== $target (${seconds}s)"
    if cargo fuzz run -s none "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -print_final_stats=1 >"$log" 2>&1; then
        grep -E '^(Done|stat::(number_of_executed_units|new_units_added|peak_rss_mb))' "$log"
    else
        grep -E -A3 'panicked at|ERROR: libFuzzer|SUMMARY' "$log" | head -n 20
        failed+=("$target")
    fi
done
if ((${#failed[@]})); then
    echo "crashed: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "all targets ran ${seconds}s without a crash"
