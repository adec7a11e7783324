#!/usr/bin/env python3
"""Joins extraction-bench speeds (OUT/speed.jsonl) with the shared scorer's numbers for each
OUT/<extractor>.json and prints a markdown table. Usage: table.py SCORER TRUTH OUT_DIR"""
import json
import os
import subprocess
import sys


def score(scorer, truth, pred):
    out = subprocess.run([sys.executable, scorer, truth, pred, "--json"], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    scorer, truth, out = sys.argv[1:4]
    rows = [json.loads(line) for line in open(os.path.join(out, "speed.jsonl"))]
    print("| extractor | P | R | F1 | accuracy | pages/s per core |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        m = score(scorer, truth, os.path.join(out, row["extractor"] + ".json"))
        print(f"| {row['extractor']} | {m['precision']:.3f} | {m['recall']:.3f} | "
              f"{m['f1']:.3f} | {m['accuracy']:.3f} | {row['pages_per_sec']:.0f} |")
    meta_path = os.path.join(out, "metadata.jsonl")
    if os.path.exists(meta_path):
        metas = [json.loads(line) for line in open(meta_path)]
        fields = ["title", "date", "url", "byline", "outlet", "lang"]
        found = ", ".join(f"{f} {sum(1 for m in metas if m.get(f))}" for f in fields)
        print(f"\nmetadata found on {len(metas)} pages: {found}")


if __name__ == "__main__":
    main()
