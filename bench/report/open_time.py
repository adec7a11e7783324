#!/usr/bin/env python3
"""bench/report: how big report.html is and how fast headless Chromium opens it at scale.

Generates a synthetic `samestory run` output directory (documents.jsonl, relations.jsonl,
stories.jsonl in the shapes of DESIGN.md, with the story comparison fields), runs
`samestory report` on it, then opens the page N times in headless Chromium and reads the
`data-load-ms` attribute the page sets after load (loadEventEnd - navigationStart).

    python3 bench/report/open_time.py [--stories 10000] [--runs 5] [--work DIR] [--bin PATH] [--reuse]

Python standard library only. Deterministic corpus (seeded).
"""

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEAKERS = ["Ana Ruiz", "Tom Okafor", "Li Wei", "Mara Kessel", "Ilse Varga", "the mayor", "a spokesperson"]
OUTLETS = ["Northern Courier", "Bay Times", "regionalwire.example", "The Gazette", "Daily Ledger", "Café Post"]
UNITS = ["people", "euros", "percent", "vehicles", "troops"]


def vocabulary(rng, n=4000):
    syllables = ["ka", "lo", "mi", "ter", "an", "sel", "bro", "dun", "vi", "po", "ra", "gen", "tu", "mar", "ex", "ol"]
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))))
    words = sorted(words)
    weights = [1.0 / (i + 1) for i in range(len(words))]  # Zipf-like, as prose is
    return words, weights


class Writer:
    """Builds one body, recording the char spans of the pieces it is asked to remember."""

    def __init__(self):
        self.parts = []
        self.len = 0

    def add(self, text):
        start = self.len
        self.parts.append(text)
        self.len += len(text)  # Python counts code points: the char offsets of the contract
        return [start, self.len]

    def text(self):
        return "".join(self.parts)


def sentence(rng, words, weights):
    ws = rng.choices(words, weights, k=rng.randint(10, 20))
    return " ".join(ws).capitalize() + "."


def document(rng, vocab, doc_id, story, date, lead=None):
    words, weights = vocab
    w = Writer()
    quotes, numbers, unique = [], [], []
    if lead is not None:
        w.add(lead + "\n\n")
    while w.len < 3000:
        for _ in range(rng.randint(3, 5)):
            roll = rng.random()
            if roll < 0.08:
                speaker = rng.choice(SPEAKERS)
                said = '"' + sentence(rng, words, weights) + '"'
                span = w.add(said)
                w.add(" said " + speaker + ". ")
                quotes.append({"speaker": speaker, "text": said, "span": span, "direct": True, "confidence": 0.7})
            elif roll < 0.16:
                value = rng.choice([100, 1200, 130000, 150000, 42])
                unit = rng.choice(UNITS)
                qualifier = rng.choice([None, "about", "more than"])
                text = ((qualifier + " ") if qualifier else "") + f"{value:,} {unit}"
                w.add(sentence(rng, words, weights)[:-1] + " with ")
                span = w.add(text)
                w.add(". ")
                numbers.append({"value": value, "unit": unit, "qualifier": qualifier, "text": text, "span": span})
            else:
                s = sentence(rng, words, weights)
                span = w.add(s + " ")
                if rng.random() < 0.03:
                    unique.append({"text": s, "span": [span[0], span[1] - 1]})
        w.add("\n\n")
    if rng.random() < 0.02:
        w.add("Reaction: 😀 ✓")  # outside the BMP: UTF-16 offsets differ from char offsets
    body = w.text()
    published = f"{date}T{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:00Z"
    row = {
        "id": doc_id, "source": f"synthetic/{doc_id}", "format": "jsonl", "group": doc_id, "story": story,
        "title": sentence(rng, words, weights)[:70], "date": date, "published": published,
        "url": f"https://news.example/{doc_id}", "byline": rng.choice(SPEAKERS[:5]), "authors": [],
        "credit": None, "outlet": rng.choice(OUTLETS), "lang": "eng", "chars": len(body), "body": body,
        "removed": [], "quotes": quotes, "numbers": numbers,
    }
    return row, unique


def story_rows(rng, vocab, s, ndocs):
    ids = [f"s{s:05d}-d{i}" for i in range(ndocs)]
    day = 1 + (s * 7919) % 700
    dates = [time.strftime("%Y-%m-%d", time.gmtime(1_700_000_000 + (day + rng.randint(0, 3)) * 86400)) for _ in ids]
    docs, uniques, relations = [], {}, []
    for i, doc_id in enumerate(ids):
        lead = None
        if i > 0 and rng.random() < 0.3:  # a reprint of the story's first document's lead
            lead = docs[0]["body"].split("\n\n")[0]
        row, unique = document(rng, vocab, doc_id, ids[0], dates[i], lead)
        docs.append(row)
        uniques[doc_id] = unique
        if lead is not None:
            n = len(lead)
            relations.append({"a": ids[0], "b": doc_id, "kind": "reprint", "jaccard": 0.2, "containment_a": 0.3,
                              "containment_b": 0.3, "story_score": 1.0, "passages": [[0, n, 0, n]],
                              "original": ids[0], "why": "synthetic reprint", "via": None})
    for a in range(ndocs):
        for b in range(a + 1, ndocs):
            relations.append({"a": ids[a], "b": ids[b], "kind": "same_story", "jaccard": None,
                              "containment_a": None, "containment_b": None, "story_score": 0.4,
                              "passages": [], "original": None, "why": "synthetic story", "via": None})
    relations.sort(key=lambda r: (r["a"], r["b"]))
    return docs, uniques, relations


def comparison(docs, uniques):
    by_speaker = {}
    for d in docs:
        for q in d["quotes"]:
            variant = {"doc": d["id"], "text": q["text"], "span": q["span"], "confidence": q["confidence"]}
            by_speaker.setdefault(q["speaker"], []).append({"text": q["text"], "variants": [variant]})
    by_unit = {}
    for d in docs:
        for n in d["numbers"]:
            by_unit.setdefault(n["unit"], []).append(
                {"value": n["value"], "qualifier": n["qualifier"], "doc": d["id"], "text": n["text"], "span": n["span"]})
    numbers = []
    for unit, values in sorted(by_unit.items()):
        differ = len({v["value"] for v in values}) > 1
        numbers.append({"quantity": f"synthetic {unit}", "unit": unit, "disagree": differ,
                        "compatible": differ and any(v["qualifier"] for v in values), "values": values})
    agreed = []
    if len(docs) > 1:
        spans = {d["id"]: [0, 40] for d in docs[:2]}
        agreed.append({"claim": docs[0]["body"][:40], "docs": [d["id"] for d in docs[:2]],
                       "groups": [d["group"] for d in docs[:2]], "spans": spans})
    return {
        "quotes": [{"speaker": s, "quotes": q} for s, q in sorted(by_speaker.items())],
        "conflicts": [],
        "numbers": numbers,
        "agreed": agreed,
        "unique": {k: v for k, v in uniques.items() if v},
    }


def generate(out, stories, seed=14):
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    os.makedirs(out, exist_ok=True)
    ndocs_total = 0
    with open(os.path.join(out, "documents.jsonl"), "w") as fd, \
            open(os.path.join(out, "relations.jsonl"), "w") as fr, \
            open(os.path.join(out, "stories.jsonl"), "w") as fs:
        for s in range(stories):
            ndocs = rng.choice([1, 2, 3, 3, 4, 5])
            docs, uniques, relations = story_rows(rng, vocab, s, ndocs)
            ndocs_total += len(docs)
            for d in docs:
                fd.write(json.dumps(d, ensure_ascii=False) + "\n")
            for r in relations:
                fr.write(json.dumps(r) + "\n")
            dates = sorted(d["date"] for d in docs)
            story = {"story": docs[0]["id"], "title": docs[0]["title"], "first_date": dates[0],
                     "last_date": dates[-1], "documents": [d["id"] for d in docs],
                     "groups": [d["id"] for d in docs], "why": []}
            story.update(comparison(docs, uniques))
            fs.write(json.dumps(story, ensure_ascii=False) + "\n")
    return ndocs_total


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("chromium not found: apt-get install -y chromium")


def open_ms(browser, page):
    """One cold open in a fresh profile: loadEventEnd - navigationStart, as the page records it."""
    with tempfile.TemporaryDirectory() as profile:
        cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions",
               f"--user-data-dir={profile}", "--dump-dom", "file://" + os.path.abspath(page)]
        dom = subprocess.run(cmd, capture_output=True, timeout=120).stdout
    found = re.search(rb'data-load-ms="(\d+)"', dom[:200_000])  # on <body>, before the blobs
    if not found:
        sys.exit("the page did not record its load time")
    return int(found.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "samestory-bench-report"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "samestory"))
    ap.add_argument("--reuse", action="store_true", help="keep a corpus already generated in --work")
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        sys.exit(f"{args.bin}: build it first (cargo build --release -p samestory-cli) or pass --bin")
    out = os.path.join(args.work, f"out-{args.stories}")
    t = time.time()
    if args.reuse and os.path.exists(os.path.join(out, "stories.jsonl")):
        with open(os.path.join(out, "documents.jsonl"), "rb") as f:
            docs = sum(1 for _ in f)
        print(f"reusing {docs} documents in {out}", file=sys.stderr)
    else:
        docs = generate(out, args.stories)
        print(f"generated {args.stories} stories, {docs} documents in {time.time() - t:.1f} s → {out}",
              file=sys.stderr)
    t = time.time()
    subprocess.run([args.bin, "report", out], check=True, stdout=subprocess.DEVNULL)
    report_s = time.time() - t
    page = os.path.join(out, "report.html")
    size = os.path.getsize(page)
    inputs = sum(os.path.getsize(os.path.join(out, f)) for f in ("documents.jsonl", "relations.jsonl", "stories.jsonl"))
    browser = chromium()
    times = [open_ms(browser, page) for _ in range(args.runs)]
    print(f"| stories | documents | inputs MB | `samestory report` s | report.html MB | bytes/document | open ms median (min–max), {args.runs} runs |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {args.stories:,} | {docs:,} | {inputs / 1e6:.1f} | {report_s:.1f} | {size / 1e6:.1f} | {size // docs:,} "
          f"| {statistics.median(times):.0f} ({min(times)}–{max(times)}) |")


if __name__ == "__main__":
    main()
