"""What the compare stage adds to `samestory run`: per-document quotes and numbers (issue 13:
< 10 %) or the comparison of each story's documents (issue 14: < 20 %).

    python3 bench/compare/overhead.py [--stage facts|stories] [--docs N] [--rounds R] [--work DIR]

Makes a corpus of real prose with `bench/dedup/reuse.py gen-real` (the ScrapingHub gold
bodies, copied, edited and reprinted; third-party text, so it lives only in the work
directory), then runs `samestory run CORPUS` with the default settings (quotes and numbers
on) and with that stage off (`facts`: `--set compare.quotes=false --set compare.numbers=false`;
`stories`: `--set compare.stories=false`), alternating A B A B
for R rounds, and prints wall and CPU seconds (median, min–max) and the ratio A/B per round.
Uses `target/release/samestory` (build it first) or $SAMESTORY.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "bench", "dedup"))
from measure import run_limited  # noqa: E402

OFF = {
    "facts": ["--set", "compare.quotes=false", "--set", "compare.numbers=false"],
    "stories": ["--set", "compare.stories=false"],
}


def spread(values, fmt="{:.2f}"):
    return (fmt.format(statistics.median(values)) + " (" + fmt.format(min(values))
            + "–" + fmt.format(max(values)) + ")")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stage", choices=sorted(OFF), default="facts")
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--work", default=None)
    args = ap.parse_args()
    binary = os.environ.get("SAMESTORY", os.path.join(REPO, "target", "release", "samestory"))
    work = args.work or tempfile.mkdtemp(prefix="samestory-compare-")
    corpus = os.path.join(work, "real", "corpus")
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(REPO, "bench", "dedup", "reuse.py"),
                        "gen-real", os.path.join(work, "real"), str(args.docs)], check=True)
    runs = {"on": [], "off": []}
    for _ in range(args.rounds + 1):  # the first round warms the page cache, not counted
        for name, extra in (("on", []), ("off", OFF[args.stage])):
            out = os.path.join(work, "out-" + name)
            cmd = [binary, "run", corpus, "--out", out, "--quiet"] + extra
            r = run_limited(cmd, timeout=1800, mem_mb=8000, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
            if not r.ok:
                sys.exit(f"{name}: {r.status}")
            runs[name].append(r)
    on, off = runs["on"][1:], runs["off"][1:]
    print(f"corpus: {corpus} ({args.docs} documents of real prose), {args.rounds} rounds\n")
    print("| samestory run | wall s | CPU s | peak RSS MB |")
    print("|---|---|---|---|")
    off_name = {"facts": "quotes and numbers off", "stories": "story comparison off"}[args.stage]
    for name, rs in (("default", on), (off_name, off)):
        print(f"| {name} | {spread([r.wall for r in rs])} | {spread([r.cpu for r in rs])}"
              f" | {spread([r.rss_mb for r in rs], '{:.0f}')} |")
    wall = [a.wall / b.wall for a, b in zip(on, off)]
    cpu = [a.cpu / b.cpu for a, b in zip(on, off)]
    print(f"| ratio default / off, per round | {spread(wall, '{:.3f}')} | {spread(cpu, '{:.3f}')} | |")


if __name__ == "__main__":
    main()
