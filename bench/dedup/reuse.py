"""Reuse benchmark: corpora shaped like real reprint networks, and a scorer of
`samestory dedup`'s documents.jsonl + relations.jsonl against their truth.

usage:
  reuse.py gen-synth N DIR       synthetic corpus (invented words): DIR/corpus.jsonl, DIR/truth.jsonl
  reuse.py gen-real DIR [N]      real prose (the scrapinghub gold bodies, REAL_DATA=ground-truth.json)
                                 re-shaped into .txt / .md files and records.jsonl under DIR/corpus/,
                                 truth in DIR/truth.jsonl (default N 600)
  reuse.py score TRUTH OUT       scores OUT/documents.jsonl + OUT/relations.jsonl, prints a table
  reuse.py run WORK [N]          both corpora (cached in WORK), `samestory dedup` on each
                                 (SAMESTORY_BIN), one table each (default N 2000; TIMEOUT=300 s)

Both corpora come from one planner over "articles" = lists of paragraphs:
- originals, alone or with exact copies, reformatted copies and near-copies (about one word
  in 80 edited),
  and big copy groups (50-200 documents of one text);
- partial reprints: 30-60 % of one source's paragraphs, as one block, in order or shuffled,
  a quarter lightly edited, plus the borrower's own filler paragraphs; some get copies;
- composites: such a reprint plus 15-35 % of a second source's paragraphs (often < 20 % of
  the borrower: a secondary source);
- sibling reprints: 2-4 borrowers of one new source, the source present, or absent from
  the corpus (their shared passages then have no edge: truth lists them as absent_source);
- about 40 % of documents undated; dated ones never earlier than a source they take from
  (every document of a source article is dated no later than every document of a borrower
  article; same day allowed: sources in the morning, borrowers in the afternoon, and half
  the dated JSON Lines records carry the time of day).

Truth (JSON Lines): {"doc": id, "article", "role", "date", "published"} per document,
{"edge": {"borrower", "source", "composite", "secondary", "coverage", "shape", "edited"}} per
directed article edge, {"pair": [a, b], "kind": "sibling" | "absent_source", "source"} per
two borrowers sharing passages of one source.
"""
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS_PER_DAY = 50
REAL_DATA = os.environ.get(
    "REAL_DATA", os.path.join(HERE, "../../../shared/data/extraction/scrapinghub/ground-truth.json"))
RULES = ["time", "wire", "composite", "coherence", "containment", "undecided", "other"]


# ---------------------------------------------------------------- text sources

class Synth:
    """Invented words (syllable strings, Zipf-like frequencies, as `dedup-bench gen`) in
    sentences and paragraphs of 40-100 words; articles of 450-750 words."""

    SYL = ["ka", "to", "ri", "mo", "lu", "sen", "dar", "vi", "pe", "gon", "sha", "bel", "tri",
           "om", "nu", "qua", "zel", "fa", "ho", "ix"]

    def __init__(self, rng, vocab=30000):
        self.rng = rng
        seen, words = set(), []
        while len(words) < vocab:
            w = "".join(rng.choice(self.SYL) for _ in range(2 + rng.randrange(3)))
            if w not in seen:
                seen.add(w)
                words.append(w)
        self.words = words
        acc, self.cdf = 0.0, []
        for r in range(1, vocab + 1):
            acc += 1.0 / r ** 0.9
            self.cdf.append(acc)

    def paragraph(self, n):
        words = self.rng.choices(self.words, cum_weights=self.cdf, k=n)
        out, start = [], True
        for i, w in enumerate(words):
            w = w.capitalize() if start else w
            start = False
            r = self.rng.random()
            if i + 1 == len(words) or r < 0.07:
                w += "."
                start = True
            elif r < 0.12:
                w += ","
            out.append(w)
        return " ".join(out)

    def paragraphs(self, total):
        out = []
        while total > 0:
            n = min(40 + self.rng.randrange(61), max(total, 40))
            out.append(self.paragraph(n))
            total -= n
        return out

    def article(self):
        return self.paragraphs(450 + self.rng.randrange(300))

    def filler(self):
        return self.paragraphs(120 + self.rng.randrange(280))

    def word(self):
        return self.rng.choices(self.words, cum_weights=self.cdf, k=1)[0]


class Real:
    """The scrapinghub gold bodies as paragraphs. Two thirds of the articles with >= 5
    paragraphs and 200-2500 words are bases (each written at most once as a new article;
    once they run out, scenarios that need a new article become reprints); the others are
    the filler pool, each paragraph (of >= 8 words) used at most once, so filler never links
    two documents."""

    COMMON = ["also", "then", "still", "now", "later", "again", "however", "indeed", "just", "even"]

    def __init__(self, rng, path=REAL_DATA):
        self.rng = rng
        with open(path) as f:
            gold = json.load(f)
        arts = []
        for key in sorted(gold):
            paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n|\n", gold[key]["articleBody"])]
            paras = [p for p in paras if p]
            arts.append((key, gold[key].get("url", ""), paras))
        rng.shuffle(arts)
        good = [a for a in arts if len(a[2]) >= 5 and 200 <= sum(len(p.split()) for p in a[2]) <= 2500]
        rest = [a for a in arts if a not in good]
        keep = len(good) * 2 // 3
        self.bases = good[:keep]
        self.pool = [p for a in good[keep:] + rest for p in a[2] if len(p.split()) >= 8]
        rng.shuffle(self.pool)

    def article(self):
        if not self.bases:
            return None
        return self.bases.pop()[2]

    def filler(self):
        k = 2 + self.rng.randrange(3)
        out, self.pool = self.pool[:k], self.pool[k:]
        return out

    def word(self):
        return self.rng.choice(self.COMMON)


def edit_paragraph(src, rng, para, per=40):
    """A light edit: about one word in `per` replaced (or dropped), punctuation kept."""
    words = para.split(" ")
    for _ in range(max(1, len(words) // per)):
        i = rng.randrange(len(words))
        m = re.match(r"^(\W*)([\w'’-]+)(\W*)$", words[i])
        if not m or len(words) < 6:
            continue
        if rng.random() < 0.2:
            words[i] = m.group(1) + m.group(3)
        else:
            new = src.word()
            if m.group(2)[:1].isupper():
                new = new.capitalize()
            words[i] = m.group(1) + new + m.group(3)
    return re.sub(r"\s+", " ", " ".join(words)).strip()


def nwords(paras):
    return sum(len(p.split()) for p in paras)


# ---------------------------------------------------------------- planner

class Article:
    def __init__(self, aid, paras, day, present):
        self.aid, self.paras, self.day, self.present = aid, paras, day, present


class Plan:
    """Documents, article edges and sibling pairs of one corpus (see the module doc)."""

    def __init__(self, rng, src, n, big_groups):
        self.rng, self.src, self.n = rng, src, n
        self.docs = []      # dicts: article, role, paras, day, half ("am" source side, "pm" borrower side)
        self.edges = []     # dicts (truth edge facts)
        self.takes = defaultdict(dict)  # source aid -> {borrower aid: set of paragraph indexes}
        self.pool = []      # present articles that may be taken from
        self.count = 0
        self.absent = set()
        for _ in range(big_groups):
            a = self.new_article()
            if a:
                self.copies(a, "original", min(50 + rng.randrange(151), n // 6), exact_share=0.8)
        while len(self.docs) < n:
            if not self.step():
                break

    def clock(self):
        return len(self.docs) // DOCS_PER_DAY

    def new_article(self, present=True):
        paras = self.src.article()
        if paras is None:
            return None
        self.count += 1
        a = Article(f"A{self.count:05d}", paras, self.clock(), present)
        if present:
            self.pool.append(a)
        else:
            self.absent.add(a.aid)
        return a

    def emit(self, a, role, paras, half):
        self.docs.append({"article": a.aid, "role": role, "paras": paras, "day": a.day, "half": half})

    def copies(self, a, role, k, exact_share=0.4, half="am"):
        """`a` written once plus k copies: exact, reformatted or near (word edits)."""
        self.emit(a, role, a.paras, half)
        for _ in range(k):
            r = self.rng.random()
            if r < exact_share:
                self.emit(a, "copy", a.paras, half)
            elif r < exact_share + (1 - exact_share) / 2:
                self.emit(a, "reformatted", self.reformat(a.paras), half)
            else:
                self.emit(a, "near", self.near(a.paras), half)

    def near(self, paras):
        """A near-copy: about one word in 80 edited, at random places."""
        paras = list(paras)
        for _ in range(max(1, nwords(paras) // 80)):
            i = self.rng.randrange(len(paras))
            paras[i] = edit_paragraph(self.src, self.rng, paras[i], per=10 ** 9)
        return paras

    def reformat(self, paras):
        """The same words in other paragraphs: two neighbours joined, or one split."""
        paras = list(paras)
        if len(paras) > 2 and self.rng.random() < 0.5:
            i = self.rng.randrange(len(paras) - 1)
            paras[i:i + 2] = [paras[i] + " " + paras[i + 1]]
        else:
            i = max(range(len(paras)), key=lambda j: len(paras[j]))
            w = paras[i].split(" ")
            if len(w) > 20:
                paras[i:i + 1] = [" ".join(w[:len(w) // 2]), " ".join(w[len(w) // 2:])]
        return paras

    def pick_source(self, avoid=None):
        cands = [a for a in self.pool if a is not avoid]
        if not cands:
            return None
        if self.rng.random() < 0.5:
            cands = cands[-20:]
        return self.rng.choice(cands)

    def count_of(self, a, lo, hi):
        """How many of `a`'s paragraphs make a share drawn from [lo, hi] (at least one, never all)."""
        k = max(1, min(len(a.paras) - 1, round(len(a.paras) * (lo + (hi - lo) * self.rng.random()))))
        return k

    def step(self):
        """One scenario; false when the text source has run out of articles."""
        r = self.rng.random()
        if r < 0.16 or not self.pool:
            a = self.new_article()
            if a:
                self.emit(a, "original", a.paras, "am")
                return True
            if not self.pool:
                return False
            r = 0.5  # no new article left: a reprint instead
        if r < 0.30:
            a = self.new_article()
            if a:
                self.copies(a, "original", 1 + self.rng.randrange(4))
                return True
            r = 0.5  # no new article left: a reprint instead
        if r < 0.54:
            return self.borrower([self.pick_source()])
        if r < 0.74:
            s1 = self.pick_source()
            s2 = self.pick_source(avoid=s1)
            return self.borrower([s1, s2] if s2 else [s1])
        present = r < 0.87
        s = self.new_article(present)
        if not s:
            return self.borrower([self.pick_source()])
        if present:
            self.emit(s, "original", s.paras, "am")
        for _ in range(2 + self.rng.randrange(3)):
            other = self.pick_source(avoid=s) if self.rng.random() < 0.3 else None
            self.borrower([s, other] if other else [s])
        return True

    def borrower(self, sources):
        """A new article taking 30-60 % of sources[0]'s paragraphs (and 15-35 % of
        sources[1]'s, for a composite) plus its own filler; 20 % get copies."""
        rng = self.rng
        primary = sources[0]
        k = self.count_of(primary, 0.3, 0.6)
        shape = rng.choice(["block", "ordered", "shuffled"])
        if shape == "block":
            start = rng.randrange(len(primary.paras) - k + 1)
            idx = list(range(start, start + k))
        else:
            idx = sorted(rng.sample(range(len(primary.paras)), k))
            if shape == "shuffled":
                rng.shuffle(idx)
        edited = rng.random() < 0.25
        take = lambda a, i: edit_paragraph(self.src, rng, a.paras[i]) if edited else a.paras[i]
        pieces = [(primary.aid, take(primary, i)) for i in idx]
        filler = [(None, p) for p in self.src.filler()]
        cut = rng.randrange(len(filler) + 1)
        before, after = filler[:cut], filler[cut:]
        if shape != "block":
            # pieces and filler interleaved (pieces keep their order)
            before, pieces, after = [], self.interleave(pieces, filler), []
        taken = {primary.aid: set(idx)}
        if len(sources) > 1:
            sec = sources[1]
            k2 = self.count_of(sec, 0.15, 0.35)
            idx2 = sorted(rng.sample(range(len(sec.paras)), k2))
            if rng.random() < 0.5:
                rng.shuffle(idx2)
            extra = [(sec.aid, take(sec, i)) for i in idx2]
            if shape == "block":
                # a second source never splits the block: its paragraphs go before or after
                for p in extra:
                    side = before if rng.random() < 0.5 else after
                    side.insert(rng.randrange(len(side) + 1), p)
            else:
                pieces = self.interleave(pieces, extra)
            taken[sec.aid] = set(idx2)
        body = before + pieces + after
        self.count += 1
        day = max([self.clock()] + [s.day for s in sources]) + rng.choice([0, 0, 0, 1, 2, 5])
        b = Article(f"A{self.count:05d}", [p for _, p in body], day, True)
        total = nwords(b.paras)
        for s in sources:
            cov = sum(len(p.split()) for aid, p in body if aid == s.aid) / max(1, total)
            self.edges.append({"borrower": b.aid, "source": s.aid, "composite": len(sources) > 1,
                               "secondary": cov < 0.2, "coverage": round(cov, 3), "shape": shape,
                               "edited": edited})
            self.takes[s.aid][b.aid] = taken[s.aid]
        role = "composite" if len(sources) > 1 else "reprint"
        if rng.random() < 0.2:
            self.copies(b, role, 1 + rng.randrange(2), half="pm")
        else:
            self.emit(b, role, b.paras, "pm")
        return True

    def interleave(self, items, extra):
        """`extra` inserted at random places among `items` (both keep their order)."""
        out = list(items)
        for p in extra:
            out.insert(self.rng.randrange(len(out) + 1), p)
        return out

    def pairs(self):
        """Two borrowers sharing a paragraph of one source: siblings (source present) or
        absent_source pairs."""
        out = []
        for s, borrowers in sorted(self.takes.items()):
            bs = sorted(borrowers)
            for i, x in enumerate(bs):
                for y in bs[i + 1:]:
                    if borrowers[x] & borrowers[y]:
                        kind = "absent_source" if s in self.absent else "sibling"
                        out.append({"pair": [x, y], "kind": kind, "source": s})
        return out


def date_of_day(day):
    import datetime
    return (datetime.date(2023, 1, 1) + datetime.timedelta(days=day)).isoformat()


def stamp_dates(plan, rng, timed_ok):
    """Per document: undated (40 %), a date, or (where `timed_ok(doc)`, half the dated) a
    time of day: sources 06:00-11:59, borrowers 12:00-23:59."""
    for d in plan.docs:
        d["date"] = d["published"] = None
        if rng.random() < 0.4:
            continue
        d["date"] = date_of_day(d["day"])
        if timed_ok(d) and rng.random() < 0.5:
            minute = (360 + rng.randrange(360)) if d["half"] == "am" else (720 + rng.randrange(720))
            d["published"] = f"{d['date']}T{minute // 60:02d}:{minute % 60:02d}:00Z"


def write_truth(path, plan):
    with open(path, "w") as f:
        for d in sorted(plan.docs, key=lambda d: d["id"]):
            f.write(json.dumps({"doc": d["id"], "article": d["article"], "role": d["role"],
                                "date": d["date"], "published": d["published"]}) + "\n")
        for e in plan.edges:
            f.write(json.dumps({"edge": e}) + "\n")
        for p in plan.pairs():
            f.write(json.dumps(p) + "\n")


OUTLETS = [f"Outlet {i:02d}" for i in range(60)]


def gen_synth(n, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(0x5EED_2E05 + n)
    plan = Plan(rng, Synth(rng), n, big_groups=max(1, n // 2500))
    ids = list(range(len(plan.docs)))
    rng.shuffle(ids)
    for d, i in zip(plan.docs, ids):
        d["id"] = f"s{i:07d}"
    stamp_dates(plan, rng, lambda d: True)
    with open(os.path.join(out_dir, "corpus.jsonl"), "w") as f:
        for d in sorted(plan.docs, key=lambda d: d["id"]):
            rec = {"id": d["id"]}
            if d["date"]:
                rec["date"] = d["published"] or d["date"]
            rec["outlet"] = rng.choice(OUTLETS)
            rec["text"] = "\n\n".join(d["paras"])
            f.write(json.dumps(rec) + "\n")
    write_truth(os.path.join(out_dir, "truth.jsonl"), plan)
    return len(plan.docs)


def wrap(text, width=72):
    """Hard-wraps one paragraph at `width` columns."""
    lines, cur = [], ""
    for w in text.split(" "):
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    return "\n".join(lines + [cur])


def gen_real(out_dir, n=600):
    """Real prose as a directory of .txt and .md files plus one records.jsonl (the
    generated text is third-party: never commit it)."""
    rng = random.Random(0x5EED_BEA1 + n)
    src = Real(rng)
    plan = Plan(rng, src, n, big_groups=1)
    corpus = os.path.join(out_dir, "corpus")
    os.makedirs(corpus, exist_ok=True)
    for name in os.listdir(corpus):
        os.remove(os.path.join(corpus, name))
    ids = list(range(len(plan.docs)))
    rng.shuffle(ids)
    for d, i in zip(plan.docs, ids):
        d["fmt"] = rng.choices(["txt", "md", "jsonl"], [0.4, 0.3, 0.3])[0]
        d["id"] = f"r{i:05d}" + ("" if d["fmt"] == "jsonl" else "." + d["fmt"])
    stamp_dates(plan, rng, lambda d: d["fmt"] == "jsonl")
    first = {}
    for d in plan.docs:
        first.setdefault(d["article"], " ".join(d["paras"][0].split()[:9]).rstrip(".,:;"))
    records = []
    for d in sorted(plan.docs, key=lambda d: d["id"]):
        title = first[d["article"]]
        if d["fmt"] == "jsonl":
            rec = {"id": d["id"], "title": title, "outlet": rng.choice(OUTLETS)}
            if d["date"]:
                rec["date"] = d["published"] or d["date"]
            rec["text"] = "\n\n".join(d["paras"])
            records.append(json.dumps(rec, ensure_ascii=False))
            continue
        if d["fmt"] == "md":
            head = f"# {title}\n\n" + (f"*Published {d['date']}*\n\n" if d["date"] else "")
            body = "\n\n".join(d["paras"])
        else:
            head = f"{d['date']}\n\n" if d["date"] else ""
            hard = rng.random() < 0.5
            body = "\n\n".join(wrap(p) if hard else p for p in d["paras"])
        with open(os.path.join(corpus, d["id"]), "w") as f:
            f.write(head + body + "\n")
    with open(os.path.join(corpus, "records.jsonl"), "w") as f:
        f.write("\n".join(records) + "\n")
    write_truth(os.path.join(out_dir, "truth.jsonl"), plan)
    return len(plan.docs)


# ---------------------------------------------------------------- scorer

RULE_RE = re.compile(r"direction:\s*([a-z]+)")


def read_jsonl(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def fmt(x, nd=3):
    return "-" if x is None else f"{x:.{nd}f}"


def ratio(a, b):
    return a / b if b else None


def time_decides(da, db):
    """The two documents' publication facts tell them apart (dates differ, or both times)."""
    if not da["date"] or not db["date"]:
        return False
    if da["date"] != db["date"]:
        return True
    return bool(da["published"] and db["published"] and da["published"] != db["published"])


def score(truth_path, out_dir):
    truth = read_jsonl(truth_path)
    docs = {t["doc"]: t for t in truth if "doc" in t}
    present = {t["article"] for t in truth if "doc" in t}
    # An edge to a source absent from the corpus cannot be drawn: not a true edge.
    edges = {(t["edge"]["borrower"], t["edge"]["source"]): t["edge"] for t in truth
             if "edge" in t and {t["edge"]["borrower"], t["edge"]["source"]} <= present}
    siblings = {frozenset(t["pair"]) for t in truth if t.get("kind") == "sibling"}
    absent = {frozenset(t["pair"]) for t in truth if t.get("kind") == "absent_source"}
    undirected = {frozenset(e) for e in edges}
    art = {d: t["article"] for d, t in docs.items()}

    group = {r["id"]: r["group"] for r in read_jsonl(os.path.join(out_dir, "documents.jsonl"))}
    rels = read_jsonl(os.path.join(out_dir, "relations.jsonl"))
    kinds = Counter(r["kind"] for r in rels)

    pred = {}        # (borrower article, source article) -> rows
    self_rows = absent_rows = unknown = 0
    dir_rows = defaultdict(lambda: [0, 0])   # rule -> [correct, all]
    comp_undated = [0, 0]
    by_time = {True: [0, 0], False: [0, 0]}   # the dates decide / they do not
    for r in rels:
        if r["kind"] != "reprint":
            continue
        a, b = r["a"], r["b"]
        if a not in art or b not in art:
            unknown += 1
            continue
        s = r.get("original") or b
        d = a if s == b else b
        m = RULE_RE.search(r.get("why") or "")
        rule = m.group(1) if m and m.group(1) in RULES else "other"
        if not r.get("original"):
            rule = "other"
        e = (art[d], art[s])
        if e[0] == e[1]:
            self_rows += 1
            continue
        if frozenset(e) in absent:
            absent_rows += 1
            continue
        pred.setdefault(e, []).append(r)
        if frozenset(e) in undirected:
            good = e in edges
            dir_rows[rule][0] += good
            dir_rows[rule][1] += 1
            dir_rows["all"][0] += good
            dir_rows["all"][1] += 1
            true_e = edges.get(e) or edges.get((e[1], e[0]))
            t = by_time[time_decides(docs[a], docs[b])]
            t[0] += good
            t[1] += 1
            if true_e["composite"] and not time_decides(docs[a], docs[b]):
                comp_undated[0] += good
                comp_undated[1] += 1

    tp = sum(1 for e in pred if e in edges)
    fp = {"reversed": 0, "sibling": 0, "other": 0}
    for e in pred:
        if e in edges:
            continue
        if (e[1], e[0]) in edges:
            fp["reversed"] += 1
        elif frozenset(e) in siblings:
            fp["sibling"] += 1
        else:
            fp["other"] += 1
    p, rc = ratio(tp, len(pred)), ratio(tp, len(edges))
    f1 = 2 * p * rc / (p + rc) if p and rc else None
    by = lambda f: [e for e, v in edges.items() if f(v)]
    rec = lambda sel: ratio(sum(1 for e in sel if e in pred), len(sel))

    # near-duplicates: planted pairs = documents of one article; hit = same group
    members = defaultdict(list)
    for d, t in docs.items():
        members[t["article"]].append(d)
    pairs = hit = 0
    for ds in members.values():
        pairs += len(ds) * (len(ds) - 1) // 2
        c = Counter(group.get(d, "?" + d) for d in ds)
        hit += sum(k * (k - 1) // 2 for k in c.values())
    by_group = defaultdict(list)
    for d, g in group.items():
        by_group[g].append(d)
    gp_all = gp_ok = 0
    for ds in by_group.values():
        gp_all += len(ds) * (len(ds) - 1) // 2
        c = Counter(art.get(d, "?" + d) for d in ds)
        gp_ok += sum(k * (k - 1) // 2 for k in c.values())

    out = {
        "docs": len(docs), "docs_out": len(group), "rows": len(rels), "kinds": dict(sorted(kinds.items())),
        "edges": len(edges), "pred": len(pred), "tp": tp, "P": p, "R": rc, "F1": f1, "fp": fp,
        "self_rows": self_rows, "absent_rows": absent_rows, "unknown_rows": unknown,
        "R_undirected": ratio(sum(1 for e in edges if e in pred or (e[1], e[0]) in pred), len(edges)),
        "R_single": rec(by(lambda v: not v["composite"])),
        "R_comp_primary": rec(by(lambda v: v["composite"] and not v["secondary"])),
        "R_secondary": rec(by(lambda v: v["secondary"])),
        "R_edited": rec(by(lambda v: v["edited"])),
        "R_shuffled": rec(by(lambda v: v["shape"] == "shuffled")),
        "dir": {k: (v[0], v[1]) for k, v in dir_rows.items()},
        "dir_comp_undated": tuple(comp_undated),
        "dir_time": tuple(by_time[True]), "dir_notime": tuple(by_time[False]),
        "near_pairs": pairs, "near_R": ratio(hit, pairs), "group_P": ratio(gp_ok, gp_all),
        "siblings": len(siblings), "absent_pairs": len(absent),
    }
    return out


def print_score(name, s):
    print(f"\n## {name}: {s['docs']} documents ({s['docs_out']} in documents.jsonl), "
          f"{s['edges']} true article edges, {s['near_pairs']} planted same-article pairs, "
          f"{s['siblings']} sibling pairs, {s['absent_pairs']} absent-source pairs\n")
    head = ["edge P", "edge R", "edge F1", "R undirected", "pred edges", "FP reversed", "FP sibling", "FP other",
            "R single", "R composite primary", "R secondary", "R edited", "R shuffled",
            "near-dup R (share a group)", "group pair P", "rows", "rows/doc"]
    vals = [fmt(s["P"]), fmt(s["R"]), fmt(s["F1"]), fmt(s["R_undirected"]), str(s["pred"]), str(s["fp"]["reversed"]),
            str(s["fp"]["sibling"]), str(s["fp"]["other"]), fmt(s["R_single"]), fmt(s["R_comp_primary"]),
            fmt(s["R_secondary"]), fmt(s["R_edited"]), fmt(s["R_shuffled"]), fmt(s["near_R"]),
            fmt(s["group_P"]), str(s["rows"]), fmt(s["rows"] / max(1, s["docs"]), 2)]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    print("| " + " | ".join(vals) + " |")
    kinds = ", ".join(f"{k} {v}" for k, v in s["kinds"].items())
    print(f"\nrows by kind: {kinds}; reprint rows within one article: {s['self_rows']}, "
          f"between absent-source siblings (not counted): {s['absent_rows']}")
    print("\ndirection accuracy (reprint rows whose article pair is a true edge):\n")
    rules = [r for r in RULES + ["all"] if r in s["dir"]]
    print("| " + " | ".join(f"dir. {r}" for r in rules)
          + " | dir. dates decide | dir. dates do not | dir. undated composites |")
    print("|" + "---|" * (len(rules) + 3))
    cell = lambda ok_n: f"{ok_n[0] / ok_n[1]:.3f} ({ok_n[1]})" if ok_n[1] else "-"
    print("| " + " | ".join(cell(s["dir"][r]) for r in rules)
          + f" | {cell(s['dir_time'])} | {cell(s['dir_notime'])} | {cell(s['dir_comp_undated'])} |")
    sys.stdout.flush()


# ---------------------------------------------------------------- runner

def run_all(work, n):
    from measure import run_limited
    binary = os.environ["SAMESTORY_BIN"]
    timeout = float(os.environ.get("TIMEOUT", "300"))
    corpora = []
    synth = os.path.join(work, f"reuse_synth_{n}.v2")
    if not os.path.exists(os.path.join(synth, "truth.jsonl")):
        gen_synth(n, synth)
    corpora.append((f"synthetic reuse, {n}", synth, os.path.join(synth, "corpus.jsonl")))
    real = os.path.join(work, "reuse_real.v2")
    if os.path.exists(REAL_DATA):
        if not os.path.exists(os.path.join(real, "truth.jsonl")):
            gen_real(real)
        corpora.append(("real prose (scrapinghub bodies: txt, md, jsonl)", real, os.path.join(real, "corpus")))
    else:
        print(f"(no {REAL_DATA}: real-prose corpus skipped)")
    for name, d, corpus in corpora:
        out = os.path.join(d, "out")
        run = run_limited([binary, "dedup", corpus, "--out", out, "--quiet", "--no-body"], timeout=timeout)
        print(f"\n`samestory dedup` on {name}: {run.status}, {run.wall:.1f} s wall, {run.cpu:.1f} s CPU, "
              f"peak RSS {run.rss_mb:.0f} MB")
        if os.path.exists(os.path.join(out, "relations.jsonl")) and run.status in ("ok", "exit 1", "exit 2"):
            print_score(name, score(os.path.join(d, "truth.jsonl"), out))


def main():
    args = sys.argv[1:]
    sys.path.insert(0, HERE)
    if args[:1] == ["gen-synth"] and len(args) == 3:
        print(gen_synth(int(args[1]), args[2]), "documents")
    elif args[:1] == ["gen-real"] and len(args) in (2, 3):
        print(gen_real(args[1], *(int(x) for x in args[2:])), "documents")
    elif args[:1] == ["score"] and len(args) == 3:
        print_score(args[2], score(args[1], args[2]))
    elif args[:1] == ["run"] and len(args) in (2, 3):
        run_all(args[1], int(args[2]) if len(args) == 3 else 2000)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
