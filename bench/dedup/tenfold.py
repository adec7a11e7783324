#!/usr/bin/env python3
"""The 1M corpora of issue 12's scale table, from one 100k corpus of `dedup-bench gen`.

usage: tenfold.py CORPUS_100K SPREAD_OUT UNDATED_OUT

`dedup-bench gen 1000000` holds every text and its truth in memory (more than 24 GB), so the
1M corpora are ten independent copies of the 100k one: copy k has every ASCII letter rotated
by k (no word, so no text, is shared between copies; the duplicate and reprint structure of
each copy is the original's), ids suffixed `-k`. SPREAD_OUT keeps the dates, shifted by
k * 1000 days (the generator dates 100 documents a day, so the copies follow each other);
UNDATED_OUT drops every date. Lines 500001-600000 of either file are a 100k corpus of the
same text properties, for the 100k side of the ratio.
"""
import datetime
import json
import string
import sys


def main():
    src, spread_out, undated_out = sys.argv[1:4]
    lo, up = string.ascii_lowercase, string.ascii_uppercase
    tables = [str.maketrans(lo + up, lo[k:] + lo[:k] + up[k:] + up[:k]) for k in range(10)]
    with open(spread_out, "w") as spread, open(undated_out, "w") as undated:
        for k, table in enumerate(tables):
            with open(src) as f:
                for line in f:
                    rec = json.loads(line)
                    rec["id"] = f"{rec['id']}-{k}"
                    rec["text"] = rec["text"].translate(table)
                    day = rec.get("date")
                    if day:
                        shifted = datetime.date.fromisoformat(day[:10]) + datetime.timedelta(days=1000 * k)
                        rec["date"] = shifted.isoformat()
                    spread.write(json.dumps(rec) + "\n")
                    rec.pop("date", None)
                    undated.write(json.dumps(rec) + "\n")


if __name__ == "__main__":
    main()
