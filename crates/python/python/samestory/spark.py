"""samestory on Apache Spark: duplicate groups and stories of a DataFrame of articles.

:func:`dedup` gives every row its duplicate ``group`` — exactly the groups ``samestory
run`` / ``samestory dedup`` give the same documents — and a relations DataFrame (the
verified pairs, with their evidence). :func:`stories` adds the ``story`` column.

How the work is split (the plan of the Rust core's ``relate::shard`` module, whose rules
every step calls; nothing is decided in Python):

1. **Extraction and keys** (``mapInArrow``): each row's text goes through the CLI's
   extraction (``cleaned=True`` skips it), then the engine's sketch keys: representative
   rank, exact key and body hash, LSH band keys, winnowed fingerprints.
2. **Numbering**: one sort by rank numbers the documents in the engine's representative
   order, so every rule that picks "the smaller" picks as the engine does.
3. **Exact classes** (window over exact key and hash): only exemplars take part further.
4. **Candidates** (``groupBy`` on band keys, URLs and fingerprints): small buckets are
   paired by the core; a big LSH bucket is a star from its smallest number; capped and
   frequent fingerprints pair members with hubs (partial hubs per Arrow batch, merged per
   key: never one list of a huge bucket), in rounds; frequent fingerprints are judged wire
   passage or boilerplate.
5. **Verification** (``mapInArrow`` over pair batches that carry both bodies).
6. **Components** in Spark: each round, the core's union-find over each Arrow batch of
   edges; vertices labelled by several batches link their labels, far fewer edges, for
   the next round (checkpointed), until one task can take the rest. A group's id is its
   smallest document id.
7. **Regrouping rounds**: representatives of groups whose members are related but not
   duplicates are verified, as the engine does, until nothing changes.
8. **Relation rows**: components of the exemplar edges and every related pair, whole
   components packed into bins (``applyInArrow``); the core writes each bin's
   relations.jsonl rows — spanning trees, reprint edges and their direction — as the
   engine does.

:func:`stories` then counts story-feature document frequencies over the whole corpus
(summed per feature, held by every worker), builds each document's vector, pairs
documents sharing one of their strongest features within the time window, keeps pairs
whose ``story_score`` reaches ``block_threshold``, and takes connected components of those
pairs, the duplicate groups and the reprint links as *blocks*. Blocks are packed into
bins of about ``bin_docs`` documents and the story stage itself clusters each bin, weighted
by the whole corpus's counts. A story never spans two blocks: what the CLI's online
clustering would join through a story centroid without any pair reaching
``block_threshold`` is the approximation, measured by B-cubed against ``samestory run``.

Workers need the ``samestory`` wheel and ``pyarrow`` installed (``PYSPARK_PYTHON``).
"""

from __future__ import annotations

import math
import time
import uuid
from dataclasses import dataclass
from typing import Any, Iterator, Literal, Mapping, Sequence

import pyarrow as pa
from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

from samestory import _samestory as native

__all__ = ["Dedup", "Stories", "dedup", "stories"]

# The metadata columns the engine reads, as `samestory extract` names them.
META = ["title", "date", "published", "url", "byline", "credit", "outlet", "lang"]

Settings = Mapping[str, Any] | Sequence[str] | None


@dataclass(frozen=True)
class Dedup:
    """What :func:`dedup` returns.

    ``documents``: the input rows with ``group`` (the smallest document id of the row's
    duplicate group; null for a row whose text could not be read). ``relations``: the
    rows ``samestory run`` writes to relations.jsonl (its ``same_story`` rows aside) —
    ``a``, ``b`` (ids, ``a`` the smaller), ``kind`` (``exact``, ``near_duplicate``,
    ``same_url``, ``reprint``, ``shared_source``), ``jaccard``, ``containment_a``,
    ``containment_b``, ``passages`` (``[a_start, a_end, b_start, b_end]`` char offsets
    into the cleaned bodies), ``original``, ``why``, ``via``: a spanning tree of each
    group from its representative, and the reprint edges between groups. ``bodies``:
    ``id``, ``doc`` (the job's number), ``body``, metadata and ``group`` of every document.
    ``stages``: wall-clock seconds per stage.
    """

    documents: DataFrame
    relations: DataFrame
    bodies: DataFrame
    stages: list[tuple[str, float]]


@dataclass(frozen=True)
class Stories:
    """What :func:`stories` returns: ``documents`` (the input with ``group`` and
    ``story``, the smallest document id of the story), ``relations`` (as :class:`Dedup`),
    ``stages`` (wall-clock seconds per stage), and ``blocks``: per block (``block``) its ``documents`` count, the unit of work of
    the story stage (the largest block bounds a worker's memory)."""

    documents: DataFrame
    relations: DataFrame
    blocks: DataFrame
    stages: list[tuple[str, float]]


class _Plan:
    """One run's options and the engine's rules for them."""

    def __init__(self, spark: SparkSession, config: str | None, settings: Settings,
                 single_task_edges: int) -> None:
        self.spark = spark
        self.config = config
        self.settings = dict(settings) if isinstance(settings, Mapping) else (
            list(settings) if settings is not None else None)
        self.rules = native.shard_rules(config=config, settings=self.settings)
        self.single_task_edges = single_task_edges
        self.stages: list[tuple[str, float]] = []
        # Propagation rounds of each components run.
        self.rounds: list[int] = []
        self._since = time.perf_counter()

    def mark(self, stage: str) -> None:
        """Ends `stage` (its last step materialised): wall-clock seconds since the last."""
        now = time.perf_counter()
        self.stages.append((stage, now - self._since))
        self._since = now

    def kw(self) -> dict[str, Any]:
        return {"config": self.config, "settings": self.settings}


# ---------------------------------------------------------------- Arrow helpers

def _table_batches(table: pa.Table) -> Iterator[pa.RecordBatch]:
    yield from table.to_batches()


def _with(batch: pa.RecordBatch, keep: Sequence[str], out: pa.Table) -> Iterator[pa.RecordBatch]:
    """`out` (one row per row of `batch`) with `batch`'s `keep` columns in front."""
    arrays = [batch.column(c) for c in keep] + [out.column(i).combine_chunks()
                                                 for i in range(out.num_columns)]
    names = list(keep) + out.column_names
    yield pa.RecordBatch.from_arrays(arrays, names=names)


def _schema(fields: Sequence[tuple[str, T.DataType]]) -> T.StructType:
    return T.StructType([T.StructField(n, t, True) for n, t in fields])


_PAIRS = _schema([("a", T.LongType()), ("b", T.LongType())])
_DOCS = _schema([("id", T.StringType()), ("body", T.StringType())]
                + [(m, T.StringType()) for m in META])


# ---------------------------------------------------------------- stage 0: documents

def _documents(df: DataFrame, id_col: str, text_col: str, cleaned: bool, plan: _Plan) -> DataFrame:
    """`id`, `body` and the metadata columns, as the CLI extracts them."""
    meta = [F.col(m).cast("string").alias(m) for m in META if m in df.columns and m != text_col]
    if cleaned:
        out = df.select(F.col(id_col).cast("string").alias("id"),
                        F.col(text_col).cast("string").alias("body"), *meta)
        for m in META:
            if m not in out.columns:
                out = out.withColumn(m, F.lit(None).cast("string"))
        return out.select("id", "body", *META)
    records = df.select(F.col(id_col).cast("string").alias("id"),
                        F.col(text_col).cast("string").alias("text"), *meta)
    kw = plan.kw()

    def extract(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            if batch.num_rows == 0:
                continue
            out = native.extract(batch, errors="skip", facts=False, **kw)
            yield pa.RecordBatch.from_arrays(
                [out.column("id"), out.column("body")] + [out.column(m) for m in META],
                names=["id", "body", *META])

    return records.mapInArrow(extract, _DOCS)


# ---------------------------------------------------------------- stage 1–2: keys, numbers, classes

_KEYS = _schema([
    ("id", T.StringType()), ("rank", T.BinaryType()), ("words", T.LongType()),
    ("exact", T.LongType()), ("hash", T.BinaryType()),
    ("bands", T.ArrayType(T.LongType())), ("prints", T.ArrayType(T.LongType())),
    ("url", T.StringType()), ("outlet", T.StringType()),
])


def _keys(docs: DataFrame, plan: _Plan) -> DataFrame:
    kw = plan.kw()

    def keys(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            if batch.num_rows:
                yield from _with(batch, ["id"], native.shard_keys(batch, **kw))

    return docs.mapInArrow(keys, _KEYS)


def _numbered(keys: DataFrame) -> DataFrame:
    """`doc`: numbers in rank order (gaps allowed), then each document's `exemplar` and
    whether it is `active`."""
    # Sorting samples its input first: keys are computed once, not once per pass.
    keys = keys.persist(StorageLevel.MEMORY_AND_DISK)
    numbered = keys.orderBy("rank").withColumn("doc", F.monotonically_increasing_id())
    cls = Window.partitionBy("exact", "hash")
    with_exemplar = numbered.withColumn(
        "exemplar",
        F.when(F.col("hash").isNotNull(), F.min("doc").over(cls)).otherwise(F.col("doc")))

    def active(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            if batch.num_rows:
                yield from _with(batch, batch.schema.names, native.shard_active(batch))

    schema = T.StructType(with_exemplar.schema.fields + [T.StructField("active", T.BooleanType())])
    return with_exemplar.mapInArrow(active, schema)


# ---------------------------------------------------------------- stage 3–5: candidates

def _native_pairs(rule: Literal["lsh", "url", "prints"], lists: DataFrame, plan: _Plan) -> DataFrame:
    """The pairs of each `members` list under `rule`, by the core."""
    kw = plan.kw()

    def pairs(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            if batch.num_rows:
                yield from _table_batches(native.shard_bucket_pairs(rule, batch, **kw))

    return lists.select("members").mapInArrow(pairs, _PAIRS)


def _bucket_pairs(postings: DataFrame, rule: Literal["lsh", "url", "prints"], cap: int, plan: _Plan) -> DataFrame:
    """Pairs of the buckets of `postings` (`key`, `doc`): buckets of at most `cap` members
    paired by the core; a bigger one is a star from its smallest number (the rule of both
    LSH past `lsh_max_bucket` and URLs), built from its count and minimum, never its list."""
    sizes = postings.groupBy("key").agg(F.count("*").alias("n"), F.min("doc").alias("first"))
    sizes = sizes.where("n > 1")
    small = (postings.join(sizes.where(F.col("n") <= cap), "key")
             .groupBy("key").agg(F.collect_list("doc").alias("members")))
    star = (postings.join(sizes.where(F.col("n") > cap), "key")
            .where(F.col("doc") != F.col("first"))
            .select(F.col("first").alias("a"), F.col("doc").alias("b")))
    return _native_pairs(rule, small, plan).unionByName(star)


def _hubs(members: DataFrame, plan: _Plan) -> DataFrame:
    """Per key of `members` (`key`, `doc`, `weight`, `outlet`): `hubs`, a list of
    `{pos, doc, weight, outlet}` sorted best first. Partial hubs per Arrow batch, then the
    hubs of those per key."""
    kw = plan.kw()
    hub_schema = _schema([("key", T.LongType()), ("pos", T.LongType()), ("doc", T.LongType()),
                          ("weight", T.LongType()), ("outlet", T.StringType())])

    def hubs(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            if batch.num_rows:
                yield from _table_batches(native.shard_hubs(batch, **kw))

    partial = members.select("key", "doc", "weight", "outlet").mapInArrow(hubs, hub_schema)
    lists = partial.groupBy("key").agg(
        F.collect_list(F.struct("doc", "weight", "outlet")).alias("members"))
    final = lists.mapInArrow(hubs, hub_schema)
    return final.groupBy("key").agg(
        F.array_sort(F.collect_list(F.struct("pos", "doc", "weight", "outlet"))).alias("hubs"))


def _ordered(a: str, b: str) -> list[Any]:
    return [F.least(a, b).alias("a"), F.greatest(a, b).alias("b")]


def _hub_rounds(members: DataFrame, hubs: DataFrame, bucket: int, needed: int,
                plan: _Plan) -> DataFrame:
    """The pairs found by the hub rounds of one kind of fingerprint (2 capped, 3 frequent)."""
    kw = plan.kw()
    rows = members.join(hubs, "key").persist(StorageLevel.MEMORY_AND_DISK)
    found = plan.spark.createDataFrame([], _PAIRS)
    for r in range(plan.rules["hub_count"]):
        if r == 0:
            with_linked = rows.withColumn("linked", F.array().cast("array<bigint>"))
        else:
            # Hubs of earlier rounds already paired with the member in this kind.
            h = (rows.select("key", "doc", F.posexplode("hubs").alias("p", "hub"))
                 .where(F.col("p") < r)
                 .select("key", "doc", F.col("hub.doc").alias("h")))
            hit = (h.join(found.select(F.col("a").alias("x"), F.col("b").alias("y")),
                          (F.least("doc", "h") == F.col("x")) & (F.greatest("doc", "h") == F.col("y")))
                   .groupBy("key", "doc").agg(F.collect_set("h").alias("linked")))
            with_linked = rows.join(hit, ["key", "doc"], "left").withColumn(
                "linked", F.coalesce("linked", F.array().cast("array<bigint>")))
        rnd = r

        def hits(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
            for batch in batches:
                if batch.num_rows:
                    yield from _table_batches(native.shard_hub_hits(batch, bucket, rnd, **kw))

        pairs = with_linked.select("doc", "weight", "outlet", "hubs", "linked").mapInArrow(hits, _PAIRS)
        new = pairs.groupBy("a", "b").count().where(F.col("count") >= needed).select("a", "b")
        found = found.unionByName(new).distinct().localCheckpoint()
    rows.unpersist()
    return found


def _candidates(numbered: DataFrame, plan: _Plan) -> tuple[DataFrame, list[int]]:
    """Candidate pairs (`a`, `b`: numbers) and the boilerplate fingerprint keys."""
    rules, kw = plan.rules, plan.kw()
    act = numbered.where("active").select("doc", "bands", "prints", "url", "outlet")
    act = act.persist(StorageLevel.MEMORY_AND_DISK)
    active_docs = act.count()
    limit = native.shard_frequent_limit(active_docs, **kw)

    bands = act.select(F.explode("bands").alias("key"), "doc")
    lsh = _bucket_pairs(bands, "lsh", rules["lsh_max_bucket"], plan)
    urls = act.where(F.col("url").isNotNull()).select(F.col("url").alias("key"), "doc")
    url_pairs = _bucket_pairs(urls, "url", rules["lsh_max_bucket"], plan)

    posts = act.select(F.explode("prints").alias("key"), "doc", "outlet")
    counts = posts.groupBy("key").agg(F.count("*").alias("count"))

    def kinds(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            if batch.num_rows:
                yield from _with(batch, ["key", "count"],
                                 native.shard_print_buckets(batch, limit, **kw))

    kind = counts.mapInArrow(kinds, _schema([("key", T.LongType()), ("count", T.LongType()),
                                              ("bucket", T.ByteType())]))
    posted = posts.join(kind.where("bucket > 0"), "key").persist(StorageLevel.MEMORY_AND_DISK)
    weights = posted.groupBy("doc").agg(F.count("*").alias("weight"))
    pair_lists = (posted.where("bucket = 1").groupBy("key")
                  .agg(F.collect_list("doc").alias("members")))
    hits = _native_pairs("prints", pair_lists, plan)
    print_pairs = (hits.groupBy("a", "b").count()
                   .where(F.col("count") >= rules["shared_pairs"]).select("a", "b"))

    wide = posted.where("bucket >= 2").join(weights, "doc").persist(StorageLevel.MEMORY_AND_DISK)
    found = {}
    hubs_of = {}
    present = {r["bucket"] for r in wide.select("bucket").distinct().collect()}
    for bucket, needed in ((2, rules["shared_capped"]), (3, rules["shared_frequent"])):
        if bucket not in present:
            # No fingerprint of this kind: no hubs, no pairs (and no boilerplate).
            found[bucket] = plan.spark.createDataFrame([], _PAIRS)
            continue
        members = wide.where(F.col("bucket") == bucket).select("key", "doc", "weight", "outlet")
        hubs_of[bucket] = _hubs(members, plan).persist(StorageLevel.MEMORY_AND_DISK)
        found[bucket] = _hub_rounds(members, hubs_of[bucket], bucket, needed, plan)
    boilerplate = (_boilerplate(wide.where("bucket = 3"), hubs_of[3], found[3], plan)
                   if 3 in present else [])

    cands = (lsh.unionByName(url_pairs).unionByName(print_pairs)
             .unionByName(found[2]).unionByName(found[3])
             .select(*_ordered("a", "b")).distinct())
    cands = cands.localCheckpoint()
    for h in hubs_of.values():
        h.unpersist()
    for d in (wide, posted, act):
        d.unpersist()
    return cands, boilerplate


def _boilerplate(frequent: DataFrame, hubs: DataFrame, wire: DataFrame, plan: _Plan) -> list[int]:
    """Frequent fingerprint keys the core does not judge wire passages."""
    kw = plan.kw()
    any_wire = wire.limit(1).count() > 0
    rows = frequent.select("key", "doc", "count").join(hubs, "key")
    rows = rows.withColumn("is_hub", F.exists("hubs", lambda h: h["doc"] == F.col("doc")))
    h = (rows.where(~F.col("is_hub"))
         .select("key", "doc", F.explode("hubs.doc").alias("h")))
    linked = (h.join(wire.select(F.col("a").alias("x"), F.col("b").alias("y")),
                     (F.least("doc", "h") == F.col("x")) & (F.greatest("doc", "h") == F.col("y")))
              .select("key", "doc").distinct().groupBy("key").agg(F.count("*").alias("linked")))
    per_key = (rows.groupBy("key").agg(F.first("count").alias("members"),
                                       F.first(F.size("hubs")).alias("hubs"))
               .join(linked, "key", "left").fillna(0, ["linked"]))

    def wires(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            if batch.num_rows:
                yield from _with(batch, ["key"], native.shard_wire_prints(batch, any_wire, **kw))

    judged = per_key.select("key", "members", "hubs", "linked").mapInArrow(
        wires, _schema([("key", T.LongType()), ("wire", T.BooleanType())]))
    return sorted(r["key"] for r in judged.where(~F.col("wire")).select("key").collect())


# ---------------------------------------------------------------- stage 6: verification

_VERIFIED = _schema([
    ("a", T.LongType()), ("b", T.LongType()), ("joins", T.BooleanType()),
    ("kind", T.StringType()), ("jaccard", T.DoubleType()), ("containment_a", T.DoubleType()),
    ("containment_b", T.DoubleType()),
    ("passages", T.ArrayType(T.ArrayType(T.LongType()))), ("why", T.StringType()),
])


def _verify(pairs: DataFrame, docs: DataFrame, boilerplate: list[int], plan: _Plan) -> DataFrame:
    """The engine's verdict on each pair (`a`, `b` numbers; `docs`: `doc`, `id`, `body`,
    metadata). Related pairs only."""
    kw = plan.kw()
    cols = ["id", "body", *META]
    side_a = docs.select(F.col("doc").alias("a"), *[F.col(c).alias(f"{c}_a") for c in cols])
    side_b = docs.select(F.col("doc").alias("b"), *[F.col(c).alias(f"{c}_b") for c in cols])
    joined = pairs.join(side_a, "a").join(side_b, "b")

    def verify(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            if batch.num_rows:
                yield from _table_batches(native.shard_verify(batch, boilerplate, **kw))

    return joined.mapInArrow(verify, _VERIFIED).localCheckpoint()


# ---------------------------------------------------------------- stage 7: components

def _labels(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        if batch.num_rows:
            yield from _table_batches(native.shard_components(batch))


_LABELS = _schema([("doc", T.LongType()), ("label", T.LongType())])


def _components(vertices: DataFrame, edges: DataFrame, plan: _Plan) -> DataFrame:
    """`doc`, `label`: the smallest number in the document's connected component of
    `edges` (`a`, `b`). Each round, the core takes the components of each Arrow batch's
    edges (union-find); a vertex labelled differently by several batches takes the
    smallest label, and the others are linked to it: the next round's edges, far fewer.
    Once at most `single_task_edges` are left, one task takes their components. Every
    round is checkpointed; nothing is collected to the driver."""
    e = (edges.select(*_ordered("a", "b")).where(F.col("a") != F.col("b")).distinct()
         .localCheckpoint())
    levels: list[DataFrame] = []
    rounds = 0
    while True:
        rounds += 1
        n = e.count()
        if n == 0:
            break
        if n <= plan.single_task_edges:
            # One group: all the edges in one call (a task's Arrow batches would split them).
            whole = e.groupBy(F.lit(0).alias("all")).applyInArrow(
                lambda t: native.shard_components(t.select(["a", "b"])), _LABELS)
            levels.append(whole.localCheckpoint())
            break
        per_batch = e.mapInArrow(_labels, _LABELS).localCheckpoint()
        best = per_batch.groupBy("doc").agg(F.min("label").alias("best")).localCheckpoint()
        levels.append(best.select("doc", F.col("best").alias("label")))
        e = (per_batch.join(best, "doc").where(F.col("label") != F.col("best"))
             .select(F.col("best").alias("a"), F.col("label").alias("b"))
             .select(*_ordered("a", "b")).distinct().localCheckpoint())
    plan.rounds.append(rounds)
    labels = vertices.select("doc", F.col("doc").alias("label"))
    for level in levels:
        step = level.select(F.col("doc").alias("label"), F.col("label").alias("up"))
        labels = (labels.join(step, "label", "left")
                  .select("doc", F.coalesce("up", "label").alias("label")))
    return labels.localCheckpoint()


# ---------------------------------------------------------------- stage 8: regrouping

def _regroup(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        if batch.num_rows:
            yield from _table_batches(native.shard_regroup(batch))


def _regroup_wanted(verified: DataFrame, labels: DataFrame, asked: DataFrame) -> DataFrame:
    """The pairs of representatives a regrouping round verifies: asked by the core for the
    labels of each related pair that does not join, and never verified before."""
    la = labels.select(F.col("doc").alias("a"), F.col("label").alias("la"))
    lb = labels.select(F.col("doc").alias("b"), F.col("label").alias("lb"))
    apart = (verified.where(~F.col("joins")).select("a", "b").join(la, "a").join(lb, "b")
             .select(F.col("la").alias("a"), F.col("lb").alias("b")))
    return (apart.mapInArrow(_regroup, _PAIRS).distinct()
            .join(asked, ["a", "b"], "left_anti").localCheckpoint())


# ---------------------------------------------------------------- stage 9: relation rows

_RELATIONS = _schema([
    ("a", T.StringType()), ("b", T.StringType()), ("kind", T.StringType()),
    ("jaccard", T.DoubleType()), ("containment_a", T.DoubleType()),
    ("containment_b", T.DoubleType()), ("passages", T.ArrayType(T.ArrayType(T.LongType()))),
    ("original", T.StringType()), ("why", T.StringType()), ("via", T.StringType()),
])


def _relation_rows(numbered: DataFrame, bodies: DataFrame, verified: DataFrame,
                   boilerplate: list[int], bin_docs: int, plan: _Plan) -> DataFrame:
    """The rows ``samestory run`` writes to relations.jsonl (same_story rows aside): the
    components of the exemplar edges and every related pair, whole components packed into
    bins of about `bin_docs` documents, each bin's rows written by the core."""
    kw = plan.kw()
    related = verified.select("a", "b")
    copies = numbered.where(F.col("doc") != F.col("exemplar")).select(
        F.col("doc").alias("a"), F.col("exemplar").alias("b"))
    edges = related.unionByName(copies)
    vertices = edges.select(F.col("a").alias("doc")).unionByName(
        edges.select(F.col("b").alias("doc"))).distinct()
    comps = _components(vertices, edges, plan)
    involved = comps.count()
    bins = max(1, math.ceil(involved / max(1, bin_docs)))
    partners = related.groupBy(F.col("a").alias("doc")).agg(F.collect_list("b").alias("partners"))
    rows = (comps.join(numbered.select("doc", "exemplar"), "doc")
            .join(bodies, "doc")
            .join(partners, "doc", "left")
            .withColumn("partners", F.coalesce("partners", F.array().cast("array<bigint>")))
            .withColumn("bin", F.pmod(F.xxhash64("label"), F.lit(bins)))
            .select("bin", "doc", "exemplar", "partners", "id", "body", *META))

    def write(table: pa.Table) -> pa.Table:
        return native.shard_relations(table.drop(["bin"]), boilerplate, **kw)

    return rows.groupBy("bin").applyInArrow(write, _RELATIONS).localCheckpoint()


# ---------------------------------------------------------------- dedup

def dedup(df: DataFrame, id_col: str = "id", text_col: str = "text", *, cleaned: bool = False,
          config: str | None = None, settings: Settings = None,
          bin_docs: int = 20_000, single_task_edges: int = 2_000_000) -> Dedup:
    """The duplicate group of every row of `df`, exactly as ``samestory run`` groups the
    same documents.

    `id_col` holds unique document ids; `text_col` raw article text or HTML (read as
    ``samestory extract`` reads a JSON Lines record's text: HTML, markdown or text,
    sniffed, cleaned) — or, with ``cleaned=True``, already clean bodies, used as they are.
    Columns named like ``samestory extract``'s metadata (``title``, ``date``,
    ``published``, ``url``, ``byline``, ``credit``, ``outlet``, ``lang``) are read too.
    `config` / `settings`: as everywhere in samestory (a TOML file; ``{"relate.KEY":
    value}``). The relation rows are written per component of the relation graph, whole
    components packed into bins of about `bin_docs` documents (one task each). Connected
    components contract edges batch by batch until at most `single_task_edges` are left
    for one task (every round checkpointed). Returns a :class:`Dedup`.
    """
    spark = df.sparkSession
    plan = _Plan(spark, config, settings, max(1, single_task_edges))
    docs = _documents(df, id_col, text_col, cleaned, plan).persist(StorageLevel.MEMORY_AND_DISK)
    numbered = _numbered(_keys(docs, plan)).select(
        "id", "doc", "exemplar", "active", "bands", "prints", "url", "outlet").localCheckpoint()
    plan.mark("extraction, keys, numbers, exact classes")
    cands, boilerplate = _candidates(numbered, plan)
    plan.mark(f"candidates ({cands.count()} pairs)")
    bodies = numbered.select("id", "doc").join(docs, "id").persist(StorageLevel.MEMORY_AND_DISK)
    verified = _verify(cands, bodies, boilerplate, plan)
    plan.mark("verification")
    vertices = numbered.select("doc")
    exemplar_edges = numbered.where(F.col("doc") != F.col("exemplar")).select(
        F.col("doc").alias("a"), F.col("exemplar").alias("b"))
    asked = cands
    joins = verified.where("joins").select("a", "b")
    labels = _components(vertices, exemplar_edges.unionByName(joins), plan)
    plan.mark(f"components ({plan.rounds[-1]} rounds)")
    for _ in range(plan.rules["regroup_rounds"]):
        want = _regroup_wanted(verified, labels, asked)
        if want.limit(1).count() == 0:
            break
        asked = asked.unionByName(want).localCheckpoint()
        verified = verified.unionByName(_verify(want, bodies, boilerplate, plan)).localCheckpoint()
        joins = verified.where("joins").select("a", "b")
        labels = _components(vertices, exemplar_edges.unionByName(joins), plan)
    group = (labels.join(numbered.select("doc", "id"), "doc")
             .withColumn("group", F.min("id").over(Window.partitionBy("label")))
             .select("id", "doc", "label", "group"))
    group = group.localCheckpoint()
    plan.mark("regrouping rounds, group ids")
    relations = _relation_rows(numbered, bodies, verified, boilerplate, bin_docs, plan)
    plan.mark(f"relation rows ({plan.rounds[-1]} rounds)")
    documents = df.join(group.select(F.col("id").alias("__id"), "group"),
                        F.col(id_col).cast("string") == F.col("__id"), "left").drop("__id")
    bodies_out = bodies.join(group.select("id", "group"), "id")
    return Dedup(documents=documents, relations=relations, bodies=bodies_out,
                 stages=plan.stages)


# ---------------------------------------------------------------- stories

_CORPUS_CACHE: dict[str, Any] = {}


def _corpus(key: str, bc: Any) -> Any:
    """The worker's StoryCorpus of broadcast `bc`, named `key` (built once per process)."""
    if key not in _CORPUS_CACHE:
        _CORPUS_CACHE.clear()
        _CORPUS_CACHE[key] = native.StoryCorpus(pa.ipc.open_stream(bc.value).read_all())
    return _CORPUS_CACHE[key]


def stories(df: DataFrame, id_col: str = "id", text_col: str = "text", *,
            cleaned: bool = False, config: str | None = None, settings: Settings = None,
            block_threshold: float | None = None, bin_docs: int = 20_000,
            single_task_edges: int = 2_000_000, deduped: Dedup | None = None) -> Stories:
    """The story of every row of `df` (and its duplicate group): which rows report the
    same event, as ``samestory run`` clusters them, block by block (see the module docs).

    Arguments as :func:`dedup` (pass its result as `deduped` to reuse it), and:
    `block_threshold` — the `story_score` at which two documents sharing a strongest
    feature fall in one block (half the story stage's ``join_threshold`` by default; lower
    is closer to the one-machine run and gives bigger blocks); `bin_docs` — documents the
    story stage clusters per task (blocks are never split, so a bigger block makes a
    bigger bin). Returns a :class:`Stories`.
    """
    spark = df.sparkSession
    plan = _Plan(spark, config, settings, max(1, single_task_edges))
    d = deduped or dedup(df, id_col, text_col, cleaned=cleaned, config=config,
                         settings=settings, bin_docs=bin_docs,
                         single_task_edges=single_task_edges)
    kw = plan.kw()
    rules = plan.rules
    threshold = rules["join_threshold"] / 2 if block_threshold is None else block_threshold
    docs = d.bodies.select("id", "doc", "group", "body", "title", "date", "lang").persist(
        StorageLevel.MEMORY_AND_DISK)
    n_docs = docs.count()
    plan.mark("documents")

    # Document frequencies over the whole corpus, to every worker.
    def counts(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            if batch.num_rows:
                yield from _table_batches(native.story_counts(batch, **kw))

    count_schema = _schema([("name", T.StringType()), ("df", T.LongType()), ("words", T.DoubleType())])
    summed = (docs.select("id", "body", "title", "date", "lang").mapInArrow(counts, count_schema)
              .groupBy("name").agg(F.sum("df").alias("df"), F.sum("words").alias("words")))
    table = summed.toArrow() if hasattr(summed, "toArrow") else pa.Table.from_pandas(summed.toPandas())
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as w:
        w.write_table(table)
    bc = spark.sparkContext.broadcast(sink.getvalue().to_pybytes())
    plan.mark(f"story counts ({table.num_rows} features)")
    token = uuid.uuid4().hex

    # Each group representative's vector and strongest features.
    reps = docs.where(F.col("id") == F.col("group"))
    vec_schema = _schema([
        ("id", T.StringType()), ("day", T.IntegerType()),
        ("features", T.ArrayType(T.StructType([T.StructField("name", T.StringType()),
                                                T.StructField("weight", T.FloatType())]))),
        ("strongest", T.ArrayType(T.StringType())),
    ])

    def vectors(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        corpus = _corpus(token, bc)
        for batch in batches:
            if batch.num_rows:
                yield from _table_batches(native.story_vectors(batch, corpus, **kw))

    vecs = (reps.select("id", "body", "title", "date", "lang", "group").mapInArrow(vectors, vec_schema)
            .join(reps.select("id", "doc"), "id").persist(StorageLevel.MEMORY_AND_DISK))

    # Blocking pairs: documents sharing a strongest feature, within the window, close
    # enough (scored inside each feature's bucket: no pair list is ever joined).
    posts = vecs.select(F.explode("strongest").alias("name"), "doc", "day", "features")
    sizes = posts.groupBy("name").agg(F.count("*").alias("n")).where(
        (F.col("n") > 1) & (F.col("n") <= rules["max_posting"]))
    lists = (posts.join(sizes, "name").groupBy("name")
             .agg(F.collect_list(F.struct("doc", "day", "features")).alias("members")))

    def close_pairs(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            if batch.num_rows:
                yield from _table_batches(native.story_close_pairs(batch, threshold, **kw))

    close = lists.select("members").mapInArrow(close_pairs, _PAIRS).distinct().localCheckpoint()
    plan.mark("story vectors, blocking pairs")

    # Blocks: components of close pairs, duplicate groups and reprint links.
    label_of = docs.select("doc", "group").join(
        docs.where(F.col("id") == F.col("group")).select("group", F.col("doc").alias("rep")), "group")
    member_edges = label_of.where(F.col("doc") != F.col("rep")).select(
        F.col("doc").alias("a"), F.col("rep").alias("b"))
    num = docs.select("doc", "id")
    reprints = (d.relations
                .join(num.select(F.col("id").alias("a"), F.col("doc").alias("x")), "a")
                .join(num.select(F.col("id").alias("b"), F.col("doc").alias("y")), "b")
                .select(F.col("x").alias("a"), F.col("y").alias("b")))
    blocks = _components(docs.select("doc"), close.unionByName(member_edges).unionByName(reprints), plan)
    blocks = blocks.withColumnRenamed("label", "block").localCheckpoint()
    plan.mark(f"blocks ({plan.rounds[-1]} rounds)")
    bins = max(1, math.ceil(n_docs / max(1, bin_docs)))
    sizes_of = blocks.groupBy("block").agg(F.count("*").alias("documents"))

    # Each document's related documents, by id: the engine's relations are story links.
    rel = d.relations.select("a", "b")
    links = (rel.unionByName(rel.select(F.col("b").alias("a"), F.col("a").alias("b")))
             .groupBy("a").agg(F.collect_list("b").alias("links")).withColumnRenamed("a", "id"))
    work = (docs.join(blocks, "doc").join(links, "id", "left")
            .withColumn("bin", F.pmod(F.xxhash64("block"), F.lit(bins)))
            .select("bin", "id", "body", "title", "date", "lang", "group", "links"))

    def cluster(table: pa.Table) -> pa.Table:
        return native.story_block(table.drop(["bin"]), _corpus(token, bc), **kw)

    story = work.groupBy("bin").applyInArrow(
        cluster, _schema([("id", T.StringType()), ("story", T.StringType())])).localCheckpoint()
    plan.mark("story clustering")
    documents = d.documents.join(story.select(F.col("id").alias("__id"), "story"),
                                 F.col(id_col).cast("string") == F.col("__id"), "left").drop("__id")
    docs.unpersist()
    vecs.unpersist()
    return Stories(documents=documents, relations=d.relations, blocks=sizes_of,
                   stages=list(d.stages) + plan.stages if deduped is None else plan.stages)
