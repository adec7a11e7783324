"""Peer near-duplicate detectors on the bench corpus, with samestory's tokenisation.

usage: peers.py TOOL CORPUS PAIRS   (TOOL: datasketch | rensa | gaoya)

Every tool gets the same word 5-gram shingles: the corpus uses ASCII invented words, so
lowercase `[a-z0-9]+` words are exactly samestory's UAX#29 tokens. Each tool runs MinHash
with 128 permutations and LSH at threshold 0.8, and writes the pairs its LSH query returns
(`a<TAB>b`). Timing and memory are measured by run.py around this process.
"""
import json
import re
import sys

WORD = re.compile(r"[a-z0-9]+")
K = 5
NUM_PERM = 128
THRESHOLD = 0.8


def read(path):
    ids, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            ids.append(rec["id"])
            texts.append(rec["text"])
    return ids, texts


def shingles(text):
    w = WORD.findall(text.lower())
    if len(w) <= K:
        return [" ".join(w)]
    return [" ".join(w[i:i + K]) for i in range(len(w) - K + 1)]


def pairs_from(ids, neighbours):
    out = set()
    for i, ns in enumerate(neighbours):
        for n in ns:
            a, b = sorted((ids[i], n))
            if a != b:
                out.add((a, b))
    return out


def run_datasketch(ids, texts):
    from datasketch import MinHash, MinHashLSH
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    sigs = []
    for i, t in zip(ids, texts):
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([s.encode() for s in shingles(t)])
        lsh.insert(i, m)
        sigs.append(m)
    return pairs_from(ids, (lsh.query(m) for m in sigs))


def run_rensa(ids, texts):
    from rensa import RMinHash, RMinHashLSH
    lsh = RMinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, num_bands=16)
    sigs = []
    for n, t in enumerate(texts):
        m = RMinHash(num_perm=NUM_PERM, seed=42)
        m.update(shingles(t))
        lsh.insert(n, m)
        sigs.append(m)
    return pairs_from(ids, ([ids[j] for j in lsh.query(m)] for m in sigs))


def run_gaoya(ids, texts):
    from gaoya.minhash import MinHashStringIndex
    index = MinHashStringIndex(hash_size=32, jaccard_threshold=THRESHOLD, num_bands=16,
                               band_size=8, num_hashes=NUM_PERM, analyzer="word",
                               ngram_range=(K, K), lowercase=False)
    # Give gaoya the same words: joined by single spaces, its word analyzer splits on them.
    docs = [" ".join(WORD.findall(t.lower())) for t in texts]
    index.par_bulk_insert_docs(list(range(len(docs))), docs)
    found = index.par_bulk_query(docs)
    return pairs_from(ids, ([ids[j] for j in ns] for ns in found))


def main():
    tool, corpus, out = sys.argv[1:4]
    ids, texts = read(corpus)
    pairs = {"datasketch": run_datasketch, "rensa": run_rensa, "gaoya": run_gaoya}[tool](ids, texts)
    with open(out, "w") as f:
        for a, b in sorted(pairs):
            f.write(f"{a}\t{b}\tnear_duplicate\t-\n")


if __name__ == "__main__":
    main()
