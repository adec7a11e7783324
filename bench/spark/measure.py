"""bench/spark's measurements (run.sh calls it): alternates `samestory run CORPUS` and the
Spark path over the same corpus, ROUNDS times each, and prints the table.

- CLI: the whole command as a child process (`os.wait4`: wall-clock, CPU seconds, peak RSS).
- Spark: `samestory.spark.dedup` then `stories` in a fresh `local[2]` session (4 shuffle
  partitions, `DRIVER_MEMORY` driver heap, default 6g: in local mode the executors live in
  the driver's JVM) in a child process of this script, wall-clock from
  `spark.read.json` to the last collected answer; per-stage wall-clock from the run's own
  `stages`; driver peak memory: the Python driver's and the driver JVM's peak RSS (VmHWM).
  Its answers are compared with the CLI's: groups and relation rows exactly, stories by
  B-cubed F1 (and the count of documents in exactly the CLI's story).
"""
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict

CLI = CORPUS = WORK = ""
ROUNDS = 0


def run_cli(out):
    start = time.perf_counter()
    proc = subprocess.Popen([CLI, "run", CORPUS, "--out", out, "--no-report", "--quiet"])
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    assert status == 0, f"samestory run exited {status}"
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 2**20}


def run_spark(out):
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--spark", CORPUS, out])
    _, status, usage = os.wait4(proc.pid, 0)
    assert status == 0, f"the Spark run exited {status}"
    with open(os.path.join(out, "spark.json")) as f:
        res = json.load(f)
    res["cpu"] = usage.ru_utime + usage.ru_stime  # driver, JVM and Python workers
    res["process_wall"] = time.perf_counter() - start
    return res


def spark_child(corpus, out):
    """One Spark run (a child process, so that peak memory is its own)."""
    import psutil
    from pyspark.sql import SparkSession

    from samestory import spark as ss

    os.makedirs(out, exist_ok=True)
    session = (SparkSession.builder.master("local[2]")
               .config("spark.sql.shuffle.partitions", "4")
               .config("spark.driver.memory", os.environ.get("DRIVER_MEMORY", "6g"))
               .config("spark.ui.enabled", "false").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    start = time.perf_counter()
    df = session.read.json(corpus)
    deduped = ss.dedup(df)
    groups = {r["id"]: r["group"] for r in deduped.documents.select("id", "group").collect()}
    relations = [r.asDict(recursive=True) for r in deduped.relations.collect()]
    result = ss.stories(df, deduped=deduped)
    stories = {r["id"]: r["story"] for r in result.documents.select("id", "story").collect()}
    biggest = result.blocks.agg({"documents": "max"}).collect()[0][0]
    wall = time.perf_counter() - start
    me = psutil.Process()
    jvm = [p for p in me.children(recursive=True) if "java" in p.name()]

    def hwm(pid):
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 2**20
        return 0.0

    res = {"wall": wall, "stages": deduped.stages + result.stages,
           "driver_python_gib": hwm(me.pid), "driver_jvm_gib": hwm(jvm[0].pid) if jvm else None,
           "biggest_block": biggest}
    with open(os.path.join(out, "answers.json"), "w") as f:
        json.dump({"groups": groups, "stories": stories, "relations": relations}, f)
    with open(os.path.join(out, "spark.json"), "w") as f:
        json.dump(res, f)
    session.stop()


def compare(cli_out, spark_out):
    with open(os.path.join(spark_out, "answers.json")) as f:
        got = json.load(f)
    want_groups, want_stories, want_rel = {}, {}, []
    with open(os.path.join(cli_out, "documents.jsonl")) as f:
        for line in f:
            d = json.loads(line)
            want_groups[d["id"]], want_stories[d["id"]] = d["group"], d["story"]
    fields = ["a", "b", "kind", "jaccard", "containment_a", "containment_b", "passages",
              "original", "why", "via"]
    with open(os.path.join(cli_out, "relations.jsonl")) as f:
        for line in f:
            r = json.loads(line)
            if r["kind"] != "same_story":
                want_rel.append({k: r[k] for k in fields})
    key = lambda r: (r["a"], r["b"])  # noqa: E731
    rel_equal = sorted(want_rel, key=key) == sorted(({k: r[k] for k in fields} for r in got["relations"]), key=key)

    f1 = bcubed_f1(got["stories"], want_stories)
    return {
        "groups_equal": got["groups"] == want_groups,
        "relations_equal": rel_equal,
        "stories_f1": f1,
        "stories_exact": sum(got["stories"][d] == want_stories[d] for d in want_stories),
        "docs": len(want_groups),
    }


def bcubed_f1(got, want):
    """B-cubed F1 of two labellings of the same documents, from the sizes of clusters and
    of their intersections (linear, whatever the cluster sizes)."""
    size_got, size_want, both = defaultdict(int), defaultdict(int), defaultdict(int)
    for d, w in want.items():
        size_got[got[d]] += 1
        size_want[w] += 1
        both[(got[d], w)] += 1
    n = len(want)
    p = sum(c * c / size_got[g] for (g, _), c in both.items()) / n
    r = sum(c * c / size_want[w] for (_, w), c in both.items()) / n
    return 2 * p * r / (p + r)


def spread(xs):
    return f"{statistics.median(xs):.2f} ({min(xs):.2f}–{max(xs):.2f})"


def main():
    cli_runs, spark_runs = [], []
    for k in range(ROUNDS):
        cli_runs.append(run_cli(os.path.join(WORK, f"cli_{k}")))
        spark_out = os.path.join(WORK, f"spark_{k}")
        if os.environ.get("REUSE_SPARK") and os.path.exists(os.path.join(spark_out, "spark.json")):
            # A finished Spark run of this round, kept (its CPU time is not).
            with open(os.path.join(spark_out, "spark.json")) as f:
                spark_runs.append(dict(json.load(f), cpu=float("nan")))
            continue
        spark_runs.append(run_spark(spark_out))
    check = compare(os.path.join(WORK, "cli_0"), os.path.join(WORK, "spark_0"))
    n = check["docs"]
    ratios = [s["wall"] / c["wall"] for c, s in zip(cli_runs, spark_runs)]
    cpu_ratios = [s["cpu"] / c["cpu"] for c, s in zip(cli_runs, spark_runs)]
    print(f"corpus: {CORPUS} ({n} documents), {ROUNDS} alternating rounds, median (min–max)")
    print()
    print("| path | wall s | docs/s | CPU s | peak memory |")
    print("|---|---|---|---|---|")
    print(f"| samestory run (CLI) | {spread([c['wall'] for c in cli_runs])} | "
          f"{n / statistics.median([c['wall'] for c in cli_runs]):,.0f} | "
          f"{spread([c['cpu'] for c in cli_runs])} | {spread([c['rss'] for c in cli_runs])} GiB |")
    s0 = spark_runs[0]
    print(f"| samestory.spark dedup + stories, local[2] | {spread([s['wall'] for s in spark_runs])} | "
          f"{n / statistics.median([s['wall'] for s in spark_runs]):,.0f} | "
          f"{spread([s['cpu'] for s in spark_runs])} | driver: Python "
          f"{s0['driver_python_gib']:.2f} GiB, JVM {s0['driver_jvm_gib'] or 0:.2f} GiB |")
    print()
    print(f"Spark / CLI wall-clock: {spread(ratios)}; CPU: {spread(cpu_ratios)}")
    print(f"Spark answers: groups equal: {check['groups_equal']}, relation rows equal: "
          f"{check['relations_equal']}, stories B-cubed F1 {check['stories_f1']:.4f} "
          f"({check['stories_exact']} of {n} in exactly the CLI's story); "
          f"largest story block {s0['biggest_block']} documents")
    print()
    print("| Spark stage | wall s (median) | share |")
    print("|---|---|---|")
    names = [name for name, _ in s0["stages"]]
    total = sum(statistics.median([s["stages"][i][1] for s in spark_runs]) for i in range(len(names)))
    for i, name in enumerate(names):
        t = statistics.median([s["stages"][i][1] for s in spark_runs])
        print(f"| {name} | {t:.1f} | {100 * t / total:.0f} % |")


if __name__ == "__main__":
    if sys.argv[1] == "--spark":
        spark_child(sys.argv[2], sys.argv[3])
    else:
        CLI, CORPUS, WORK, ROUNDS = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
        main()
