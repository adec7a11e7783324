"""Drives the dedup benchmark: generate corpora, run every tool as a child process
(measuring wall time, CPU time and peak RSS with os.wait4), score against the truth,
print one table per corpus size.

usage: run.py BENCH_BIN WORKDIR PYTHON SIZE [SIZE...]
REPEAT=n runs every tool n times and reports the median wall and CPU time (default 1).
SAMESTORY_BIN=path/to/samestory adds the `samestory-cli` row (the whole `samestory dedup`
command: ingestion, cleaning, language, metadata, engine, documents.jsonl with bodies) and
`samestory-cli-nolang` (the same with `--set ingest.detect_language=false`).
"""
import json
import os
import subprocess
import sys
import time

JBANDS = [(0.7, 0.8), (0.8, 0.9), (0.9, 1.0001)]
CBANDS = [(0.1, 0.2), (0.2, 0.3), (0.3, 0.5), (0.5, 1.0001)]
HERE = os.path.dirname(os.path.abspath(__file__))
# Row names: the command users run comes first; the engine row runs the bench's own JSON
# Lines front end (no cleaning, metadata or language), which users never run.
LABELS = {
    "samestory-cli": "`samestory dedup` (the command)",
    "samestory-cli-nolang": "`samestory dedup`, detect_language=false",
    "samestory": "samestory engine only (bench front end)",
}


def measure(cmd):
    """Runs cmd; returns (ok, wall s, cpu s, peak RSS MB)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd)
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    ok = os.waitstatus_to_exitcode(status) == 0
    return ok, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def measure_median(cmd, repeat):
    """measure() `repeat` times; the median wall and CPU seconds, the largest peak RSS
    (the host is shared: one run of a short command can land on a busy moment)."""
    runs = [measure(cmd) for _ in range(repeat)]
    mid = lambda xs: sorted(xs)[len(xs) // 2]
    return (all(r[0] for r in runs), mid([r[1] for r in runs]), mid([r[2] for r in runs]),
            max(r[3] for r in runs))


def read_pairs(path):
    found = {}
    with open(path) as f:
        for line in f:
            a, b, kind, original = line.rstrip("\n").split("\t")
            found[(a, b)] = (kind, original)
    return found


def read_relations(path):
    """relations.jsonl of `samestory dedup` as the pairs table."""
    found = {}
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            found[(r["a"], r["b"])] = (r["kind"], r.get("original") or "-")
    return found


def read_groups_engine(corpus, path):
    """`dedup-bench run`'s PAIRS.groups (one group per record, file order) by record id."""
    with open(corpus) as c, open(path) as g:
        return {json.loads(line)["id"]: grp.rstrip("\n") for line, grp in zip(c, g)}


def read_groups_cli(out_dir):
    """documents.jsonl of `samestory dedup`: id -> group."""
    with open(os.path.join(out_dir, "documents.jsonl")) as f:
        return {r["id"]: r["group"] for r in map(json.loads, f)}


def reprints_by_group(found, groups):
    """Reprint rows as (group, group) -> the original's group: a reprint is found when a
    row links the two documents' groups (the contract links group representatives)."""
    out = {}
    for (a, b), (kind, orig) in found.items():
        if kind == "reprint":
            key = tuple(sorted((groups.get(a, a), groups.get(b, b))))
            out.setdefault(key, groups.get(orig, orig) if orig != "-" else "-")
    return out


def read_truth(path):
    with open(path) as f:
        return [json.loads(line) for line in f]


def recall(truth, found, kind, key, bands, ok_kinds, groups=None):
    """Share of planted pairs found, per band. With `groups` (samestory rows), a planted
    near-duplicate pair counts when both documents share a group, a planted reprint when a
    reprint row links their groups; peers count their own reported pairs."""
    by_group = reprints_by_group(found, groups) if groups is not None else {}

    def hit(t):
        a, b = t["original"], t["copy"]
        if found.get(tuple(sorted((a, b))), ("",))[0] in ok_kinds:
            return True
        if groups is None:
            return False
        ga, gb = groups.get(a), groups.get(b)
        if kind == "near":
            return ga is not None and ga == gb
        return tuple(sorted((ga, gb))) in by_group

    out = []
    for lo, hi in bands:
        sel = [t for t in truth if t["kind"] == kind and lo <= t[key] < hi]
        out.append(f"{sum(map(hit, sel)) / len(sel):.3f}" if sel else "-")
    return out


def precision(truth, found, ok_kinds):
    near = {tuple(sorted((t["original"], t["copy"]))) for t in truth if t["kind"] == "near" and t["jaccard"] >= 0.7}
    rep = [p for p, (k, _) in found.items() if k in ok_kinds]
    return f"{sum(1 for p in rep if p in near) / len(rep):.3f}" if rep else "-"


def direction(truth, found, dated, groups):
    """Share of found planted reprints whose `original` is the planted source (or, where the
    row links the two groups, the source's group), among pairs whose two dates differ
    (dated) or not (undated)."""
    by_group = reprints_by_group(found, groups)

    def original(t):
        row = found.get(tuple(sorted((t["original"], t["copy"]))))
        if row and row[0] == "reprint":
            return row[1] == t["original"]
        ga, gb = groups.get(t["original"]), groups.get(t["copy"])
        g = by_group.get(tuple(sorted((ga, gb))))
        return None if g is None else g == ga

    res = [original(t) for t in truth if t["kind"] == "reprint" and t.get("dated", False) == dated]
    res = [x for x in res if x is not None]
    return f"{sum(res) / len(res):.3f}" if res else "-"


def command(tool, bench, python, corpus, out):
    if tool == "samestory":
        return [bench, "run", corpus, out]
    if tool == "samestory-cli":
        return [os.environ["SAMESTORY_BIN"], "dedup", corpus, "--out", out + ".d", "--quiet"]
    if tool == "samestory-cli-nolang":
        return [os.environ["SAMESTORY_BIN"], "dedup", corpus, "--out", out + ".d", "--quiet",
                "--set", "ingest.detect_language=false"]
    return [python, f"{HERE}/peers.py", tool, corpus, out]


def main():
    bench, work, python, sizes = sys.argv[1], sys.argv[2], sys.argv[3], [int(s) for s in sys.argv[4:]]
    dup = ("exact", "near_duplicate")
    default = "samestory-cli,samestory-cli-nolang,samestory,gaoya,rensa,datasketch" if "SAMESTORY_BIN" in os.environ \
        else "samestory,gaoya,rensa,datasketch"
    tools = os.environ.get("TOOLS", default).split(",")
    repeat = max(1, int(os.environ.get("REPEAT", "1")))
    for n in sizes:
        # v2: dated documents (corpora cached by an older run.py are not reused)
        corpus, truth_path = f"{work}/corpus_{n}.v2.jsonl", f"{work}/truth_{n}.v2.jsonl"
        if not os.path.exists(truth_path):
            subprocess.run([bench, "gen", str(n), corpus, truth_path], check=True)
        truth = read_truth(truth_path)
        mb = os.path.getsize(corpus) / 1e6
        rows = []
        for tool in tools:
            out = f"{work}/pairs_{tool}_{n}.tsv"
            ok, wall, cpu, rss = measure_median(command(tool, bench, python, corpus, out), repeat)
            if not ok:
                rows.append([LABELS.get(tool, tool), "failed"] + [""] * 12)
                continue
            ours = tool.startswith("samestory")
            cli = tool.startswith("samestory-cli")
            found = read_relations(out + ".d/relations.jsonl") if cli else read_pairs(out)
            groups = (read_groups_cli(out + ".d") if cli else read_groups_engine(corpus, out + ".groups")) \
                if ours else None
            jr = recall(truth, found, "near", "jaccard", JBANDS, dup, groups)
            cr = recall(truth, found, "reprint", "containment", CBANDS, ("reprint",), groups) if ours else ["-"] * 4
            dirs = [direction(truth, found, True, groups), direction(truth, found, False, groups)] if ours \
                else ["-"] * 2
            rows.append([LABELS.get(tool, tool), f"{mb / cpu:.1f}", f"{n / wall:.0f}", f"{rss:.0f}", *jr, precision(truth, found, dup), *cr,
                         *dirs])
        print_table(n, mb, truth, rows)


def print_table(n, mb, truth, rows):
    near = sum(1 for t in truth if t["kind"] == "near")
    rep = len(truth) - near
    print(f"\n## {n} docs, {mb:.1f} MB JSONL, {near} planted near-duplicates, {rep} planted reprints\n")
    head = ["tool", "MB/s/core", "docs/s", "peak RSS MB", "R J.7-.8", "R J.8-.9", "R J.9-1", "precision",
            "RR C.1-.2", "RR C.2-.3", "RR C.3-.5", "RR C.5-1", "dir. dated", "dir. undated"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
