"""Adversarial corpora for `samestory dedup`, timed against unrelated documents.

usage: adversarial.py WORK N     (SAMESTORY_BIN = the release binary)
env:   PAIRS=3 (alternating baseline/corpus pairs), TIMEOUT=300 (s per run),
       MEM_MB=6000 (a run whose RSS passes this is killed), ONLY=a,b1 (corpora to run); the
       children's stdout and stderr go to WORK/adv_stderr.log

Corpora (JSON Lines, invented words as in reuse.py, ~400-500 words a document), N documents each:
- baseline: N unrelated documents;
- a: N copies of one ~400-word text;
- b: N near-variants of one ~400-word text, a different word changed in each;
- c: one 150-word passage inside N otherwise unrelated documents, without outlet metadata
  (c), and with every record from one outlet (c-outlet);
- d: one ~600-word wire story, 40-70 % of its paragraphs reprinted by N/4 outlets (each its
  own outlet, with its own text around them), plus 3N/4 unrelated documents; with the
  original (d-orig, one more document) and without it (d).

Each corpus runs the whole `samestory dedup FILE --out DIR --quiet --no-body`, paired with
the baseline and alternating (baseline, corpus, baseline, corpus, ...), wall time, CPU time
(os.wait4) and peak RSS measured per run; the table gives relations.jsonl rows, the median
(min-max) of the per-pair ratios corpus / baseline, and the largest peak RSS. A run past the
time or memory limit is killed and reported as such (its corpus gets no more pairs).
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from measure import run_limited  # noqa: E402
from reuse import Synth  # noqa: E402

CORPORA = ["a", "b", "c", "c-outlet", "d", "d-orig"]


def unrelated(src, rng):
    return src.paragraphs(400 + rng.randrange(100))


def generate(kind, n, path):
    rng = random.Random(0xAD5E_0000 + n)
    src = Synth(rng)
    recs = []
    if kind == "baseline":
        recs = [{"text": unrelated(src, rng)} for _ in range(n)]
    elif kind == "a":
        text = src.paragraphs(400)
        recs = [{"text": text} for _ in range(n)]
    elif kind == "b":
        words = "\n\n".join(src.paragraphs(400)).split(" ")
        for i in range(n):
            w = list(words)
            j = i % len(w)
            w[j] = f"qx{i:x}" + ("." if w[j].endswith(".") else "")
            recs.append({"text": " ".join(w)})
    elif kind.startswith("c"):
        passage = src.paragraph(150)
        for _ in range(n):
            paras = src.paragraphs(250 + rng.randrange(100))
            paras.insert(rng.randrange(len(paras) + 1), passage)
            rec = {"text": paras}
            if kind == "c-outlet":
                rec["outlet"] = "The One Outlet"
            recs.append(rec)
    elif kind.startswith("d"):
        wire = src.paragraphs(600)
        for i in range(n):
            if i % 4 == 0:
                k = max(1, round(len(wire) * (0.4 + 0.3 * rng.random())))
                idx = sorted(rng.sample(range(len(wire)), k))
                paras = src.paragraphs(150 + rng.randrange(150))
                for j in idx:
                    paras.insert(rng.randrange(len(paras) + 1), wire[j])
                recs.append({"text": paras, "outlet": f"Outlet {i // 4:05d}", "date": "2024-05-02"})
            else:
                recs.append({"text": unrelated(src, rng)})
        if kind == "d-orig":
            recs.append({"text": wire, "outlet": "The Wire", "date": "2024-05-01"})
    else:
        raise SystemExit(f"unknown corpus {kind}")
    with open(path, "w") as f:
        for i, rec in enumerate(recs):
            text = rec.pop("text")
            out = {"id": f"{kind}-{i:07d}", **rec,
                   "text": text if isinstance(text, str) else "\n\n".join(text)}
            f.write(json.dumps(out) + "\n")


def corpus(work, kind, n):
    path = os.path.join(work, f"adv_{kind}_{n}.v1.jsonl")
    if not os.path.exists(path):
        generate(kind, n, path + ".tmp")
        os.replace(path + ".tmp", path)
    return path


def rows(out):
    try:
        with open(os.path.join(out, "relations.jsonl"), "rb") as f:
            return sum(1 for _ in f)
    except OSError:
        return None


def median_range(xs):
    s = sorted(xs)
    return f"{s[len(s) // 2]:.2f} ({s[0]:.2f}-{s[-1]:.2f})"


def main():
    work, n = sys.argv[1], int(sys.argv[2])
    os.makedirs(work, exist_ok=True)
    binary = os.environ["SAMESTORY_BIN"]
    pairs = max(1, int(os.environ.get("PAIRS", "3")))
    timeout = float(os.environ.get("TIMEOUT", "300"))
    mem = float(os.environ.get("MEM_MB", "6000"))
    only = os.environ.get("ONLY", ",".join(CORPORA)).split(",")
    out = os.path.join(work, "adv_out")

    log = open(os.path.join(work, "adv_stderr.log"), "a")

    def run(path):
        return run_limited([binary, "dedup", path, "--out", out, "--quiet", "--no-body"],
                           timeout=timeout, mem_mb=mem, stdout=log, stderr=log)

    base = corpus(work, "baseline", n)
    table = []
    base_runs, base_rows = [], None
    for kind in only:
        path = corpus(work, kind, n)
        wall, cpu, rss, status, nrows = [], [], [], "ok", None
        for _ in range(pairs):
            a = run(base)
            base_runs.append(a)
            if base_rows is None and a.ok:
                base_rows = rows(out)
            b = run(path)
            if not b.ok:
                status = f"{b.status} after {b.wall:.0f} s, {b.rss_mb:.0f} MB"
                break
            nrows = rows(out)
            wall.append(b.wall / a.wall)
            cpu.append(b.cpu / a.cpu)
            rss.append(b.rss_mb)
        docs = n + (kind == "d-orig")
        if wall:
            table.append([kind, str(docs), str(nrows), median_range(wall), median_range(cpu),
                          f"{max(rss):.0f}", status])
        else:
            table.append([kind, str(docs), "-", "-", "-", "-", status])
        print(f"{kind}: {' | '.join(table[-1])}", file=sys.stderr)
    ok = [r for r in base_runs if r.ok]
    print(f"\n## adversarial corpora, N = {n}, {pairs} alternating pairs each "
          f"(baseline: {n} unrelated documents, median {sorted(r.wall for r in ok)[len(ok) // 2]:.2f} s wall, "
          f"{sorted(r.cpu for r in ok)[len(ok) // 2]:.2f} s CPU, peak RSS {max(r.rss_mb for r in ok):.0f} MB, "
          f"{base_rows} rows)\n")
    head = ["corpus", "docs", "rows written", "wall / baseline", "CPU / baseline", "peak RSS MB", "status"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in table:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
