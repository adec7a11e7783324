"""The index benchmark: for each size N, bench/dedup's synthetic corpus (N documents) is
split into an initial part (N - 1,100 - QUERIES documents), a batch of 1,000, one of 100 and QUERIES single
articles. Measured, each command a child process of the product binary (wall-clock, CPU and
peak RSS from os.wait4):

- batch `samestory run` on the initial part (docs/s), for comparison;
- `samestory index add` of the initial part into a new index (docs/s);
- `samestory index add` of a batch of 1,000, then of a batch of 100, into that index (docs/s of
  the batch: each re-derives only the stories it reaches);
- `samestory index query` of each single article, as a command (latency p50 / p99; with few
  queries p99 is the slowest one), and the same queries inside one process through the
  library (`index-bench query`: the latency a server answering them sees);
- index size per document: the file, and the file less the compressed bodies, after
  `index compact` (and before it: changes leave free pages that later changes reuse);
- the stories of the index after its three adds (bulk, then the batches) against a batch `run` on
  the same documents: B-cubed precision, recall and F1 over story assignments (1.0: the
  incremental state is the batch state);
- whether each single article's `query` placement is where `add` then puts it.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

BATCH = 100
BIG_BATCH = 1000
# The page cache `samestory serve` is given for the warmed query row (its `--cache-mib`).
WARM_CACHE_MIB = 2048


def measure(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (wall s, cpu s, peak RSS MB). Fails loudly on a non-zero exit."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=stdout)
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(cmd)}: exit {code}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def corpus(bench, work, n):
    path = os.path.join(work, f"corpus_{n}.jsonl")
    if not os.path.exists(path):
        truth = os.path.join(work, f"truth_{n}.jsonl")
        subprocess.run([bench, "gen", str(n), path, truth], check=True)
    return path


def split(path, work, n, queries):
    """Streams the corpus into its parts (held in memory, the lines would count in every
    child's peak RSS: a forked child starts with its parent's high-water mark)."""
    with open(path) as f:
        total = sum(1 for _ in f)
    first = total - BIG_BATCH - BATCH - queries
    base = os.path.join(work, f"base_{n}.jsonl")
    big = os.path.join(work, f"big_batch_{n}.jsonl")
    batch = os.path.join(work, f"batch_{n}.jsonl")
    singles = [os.path.join(work, f"query_{n}_{k}.jsonl") for k in range(queries)]
    with open(path) as f, open(base, "w") as b, open(big, "w") as g, open(batch, "w") as t:
        for k, line in enumerate(f):
            if k < first:
                b.write(line)
            elif k < first + BIG_BATCH:
                g.write(line)
            elif k < first + BIG_BATCH + BATCH:
                t.write(line)
            else:
                with open(singles[k - first - BIG_BATCH - BATCH], "w") as single:
                    single.write(line)
    return base, first, big, batch, singles


def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def agreement(samestory, ix, singles, placements, tmp):
    """Adds the queried articles, then counts those whose story is the one the query named
    (a stored story: the article now shares its story with that story's old id, a
    document; none: the article's story holds no document that was stored before)."""
    before = stories_of(samestory, ix, tmp, "before")
    subprocess.run(ix + ["add", "--quiet"] + singles, check=True, stdout=subprocess.DEVNULL)
    after = stories_of(samestory, ix, tmp, "after")
    members = {}
    for doc, story in after.items():
        members.setdefault(story, []).append(doc)
    agree = 0
    for p in placements:
        story = after.get(p["id"])
        if p["joins"] is None:
            agree += all(m not in before for m in members.get(story, []) if m != p["id"])
        else:
            agree += story == after.get(p["joins"])
    return agree, len(placements)


def bcubed(found, truth):
    """B-cubed precision, recall and F1 of the clustering `found` (id -> cluster) against
    `truth`, over the ids both hold."""
    ids = [i for i in found if i in truth]
    by_found, by_truth = {}, {}
    for i in ids:
        by_found.setdefault(found[i], set()).add(i)
        by_truth.setdefault(truth[i], set()).add(i)
    p = r = 0.0
    for i in ids:
        f, t = by_found[found[i]], by_truth[truth[i]]
        both = len(f & t)
        p += both / len(f)
        r += both / len(t)
    p, r = p / len(ids), r / len(ids)
    return p, r, 2 * p * r / (p + r)


def stories_of(samestory, ix, tmp, name):
    out = os.path.join(tmp, f"export-{name}")
    subprocess.run(ix + ["export", "--no-report", "--out", out], check=True, stdout=subprocess.DEVNULL)
    return stories_in(out)


def stories_in(out):
    """Each document's story in run output `out`, which is then removed (at 10^6 documents
    each copy of the bodies is gigabytes)."""
    with open(os.path.join(out, "documents.jsonl")) as f:
        stories = {d["id"]: d["story"] for d in map(json.loads, f)}
    shutil.rmtree(out)
    return stories


def bench_size(samestory, bench, index_bench, work, n, queries):
    base, first, big, batch, singles = split(corpus(bench, work, n), work, n, queries)
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        out = os.path.join(tmp, "out")
        run = measure([samestory, "run", base, "--out", out, "--no-report", "--quiet"])
        shutil.rmtree(out)
        index = os.path.join(tmp, "index.redb")
        ix = [samestory, "index", "--index", index]
        bulk = measure(ix + ["add", "--quiet", base])
        add_big = measure(ix + ["add", "--quiet", big])
        add = measure(ix + ["add", "--quiet", batch])
        latencies = [measure(ix + ["query", q])[0] for q in singles]
        answer = json.loads(subprocess.run([index_bench, "query", index] + singles, check=True, capture_output=True).stdout)
        inproc = [ms / 1000 for ms in answer["latencies_ms"]]
        warm_env = dict(os.environ, INDEX_CACHE_MIB=str(WARM_CACHE_MIB))
        warmed = json.loads(subprocess.run([index_bench, "query", index] + singles, check=True, capture_output=True, env=warm_env).stdout)
        inproc_warm = [ms / 1000 for ms in warmed["latencies_ms"]]
        uncompacted = os.path.getsize(index)
        compact = measure(ix + ["compact"])
        stats = json.loads(subprocess.run(ix + ["stats"], check=True, capture_output=True).stdout)
        incremental = stories_of(samestory, ix, tmp, "incremental")
        both = os.path.join(tmp, "both")
        subprocess.run([samestory, "run", base, big, batch, "--out", both, "--no-report", "--quiet"], check=True, stdout=subprocess.DEVNULL)
        batch_stories = stories_in(both)
        b3 = bcubed(incremental, batch_stories)
        agree, total = agreement(samestory, ix, singles, answer["placements"], tmp)
    docs = stats["documents"]
    rows = [
        ("batch `run`", f"{first / run[0]:,.0f} docs/s", f"{run[0]:.1f} s, {run[1]:.1f} CPU-s, {run[2]:.0f} MB"),
        ("`index add` (bulk, new index)", f"{first / bulk[0]:,.0f} docs/s", f"{bulk[0]:.1f} s, {bulk[1]:.1f} CPU-s, {bulk[2]:.0f} MB"),
        (f"`index add` {BIG_BATCH:,} into the index", f"{BIG_BATCH / add_big[0]:,.1f} docs/s", f"{add_big[0]:.1f} s, {add_big[1]:.1f} CPU-s, {add_big[2]:.0f} MB"),
        (f"`index add` {BATCH} into the index", f"{BATCH / add[0]:,.1f} docs/s", f"{add[0]:.1f} s, {add[1]:.1f} CPU-s, {add[2]:.0f} MB"),
        (f"`index query` command ({len(latencies)} articles)", f"p50 {percentile(latencies, 50) * 1000:,.1f} ms", f"p99 {percentile(latencies, 99) * 1000:,.1f} ms"),
        (f"`Index::query` in one process ({len(inproc)} articles)", f"p50 {percentile(inproc, 50) * 1000:,.2f} ms", f"p99 {percentile(inproc, 99) * 1000:,.2f} ms"),
        (f"the same, {WARM_CACHE_MIB:,} MiB cache warmed as `serve` does", f"p50 {percentile(inproc_warm, 50) * 1000:,.2f} ms", f"p99 {percentile(inproc_warm, 99) * 1000:,.2f} ms"),
        ("stories: incremental against batch `run`", f"B-cubed F1 {b3[2]:.4f}", f"precision {b3[0]:.4f}, recall {b3[1]:.4f}"),
        ("query placement = story after adding", f"{agree}/{total}", "the story `query` names is the one `add` puts the article in"),
        ("index size per document (compacted)", f"{stats['file_bytes'] / docs:,.0f} B", f"without bodies {(stats['file_bytes'] - stats['body_bytes']) / docs:,.0f} B; {uncompacted / docs:,.0f} B before `index compact` ({compact[0]:.1f} s)"),
    ]
    print(f"\n### {n:,} synthetic documents ({docs:,} indexed)\n")
    print("| measure | value | detail |")
    print("|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    rate = first / run[0]
    print(f"\nbulk add / run: {run[0] / bulk[0]:.2f}× the docs/s ({run[1] / bulk[1]:.2f}× by CPU); "
          f"add of {BIG_BATCH:,} / run: {(BIG_BATCH / add_big[0]) / rate:.3f}×; add of {BATCH} / run: {(BATCH / add[0]) / rate:.3f}×")


def main():
    samestory, bench, index_bench, work, *sizes = sys.argv[1:]
    queries = int(os.environ.get("QUERIES", "10"))
    for n in sizes:
        bench_size(samestory, bench, index_bench, work, int(n), queries)


if __name__ == "__main__":
    main()
