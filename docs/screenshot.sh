#!/usr/bin/env bash
# Regenerates docs/report.png: runs samestory on examples/, writes report.html, opens one
# story in headless Chromium (the page honours #story=ID) and saves a 1280×1600 screenshot.
#
#   docs/screenshot.sh [STORY_ID]        (default: feed-0001, the bridge story with a reprint)
#
# Installs Debian's chromium when it is missing (as root). Uses $SAMESTORY_BIN when set,
# else builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
story=${1:-feed-0001}

if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq chromium
fi

bin=${SAMESTORY_BIN:-}
if [ -z "$bin" ]; then
    cargo build --release --quiet -p samestory-cli
    bin="${CARGO_TARGET_DIR:-target}/release/samestory"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" run examples --out "$out" --quiet >/dev/null
"$bin" report "$out" >/dev/null

chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size=1280,1600 --virtual-time-budget=5000 \
    --screenshot="$PWD/docs/report.png" "file://$out/report.html#story=$story" 2>/dev/null
echo "docs/report.png ($story)"
