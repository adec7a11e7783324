"""Type stubs of the native module `samestory._samestory` (see `samestory` for the guide)."""

import os
from collections.abc import Mapping, Sequence
from typing import Any, Literal, Protocol, TypedDict, final

import pyarrow as pa

__all__ = [
    "ConfigError",
    "IngestError",
    "InputError",
    "OutputError",
    "PipelineError",
    "RelateError",
    "SamestoryError",
    "StoryCorpus",
    "StoryError",
    "band_keys",
    "compare",
    "extract",
    "run",
    "shard_active",
    "shard_bucket_pairs",
    "shard_components",
    "shard_frequent_limit",
    "shard_hub_hits",
    "shard_hubs",
    "shard_keys",
    "shard_print_buckets",
    "shard_regroup",
    "shard_relations",
    "shard_rules",
    "shard_verify",
    "shard_wire_prints",
    "signatures",
    "story_block",
    "story_close_pairs",
    "story_counts",
    "story_features",
    "story_vectors",
    "verify",
]

class _ArrowArray(Protocol):
    """Anything exporting an Arrow array: pyarrow.Array, polars.Series, …"""

    def __arrow_c_array__(self, requested_schema: object | None = None) -> tuple[object, object]: ...

class _ArrowStream(Protocol):
    """Anything exporting an Arrow stream: pyarrow.Table, pyarrow.ChunkedArray, a reader, …"""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

_ArrayLike = _ArrowArray | _ArrowStream
_TableLike = _ArrowArray | _ArrowStream
_Settings = Mapping[str, Any] | Sequence[str] | None
_ConfigPath = str | os.PathLike[str] | None

class SamestoryError(Exception):
    """The base class of every error samestory raises."""

class ConfigError(SamestoryError):
    """A config file or setting that cannot be read or applied."""

class InputError(SamestoryError):
    """An Arrow input of the wrong shape: a missing column or a column of the wrong type."""

class IngestError(SamestoryError):
    """An input samestory could not read: a bad record, a file without text, a bad path."""

class RelateError(SamestoryError):
    """The relation engine stopped."""

class StoryError(SamestoryError):
    """The story stage refused its input or could not read a body back."""

class PipelineError(SamestoryError):
    """A pipeline run could not finish."""

class OutputError(SamestoryError):
    """An output file could not be created or written."""

def extract(
    records: _TableLike,
    *,
    name: str = "records",
    errors: Literal["raise", "skip"] = "raise",
    facts: bool = True,
    config: _ConfigPath = None,
    settings: _Settings = None,
) -> pa.RecordBatch: ...
def signatures(
    texts: _ArrayLike, *, config: _ConfigPath = None, settings: _Settings = None
) -> pa.Array: ...
def band_keys(
    signatures: _ArrayLike, *, config: _ConfigPath = None, settings: _Settings = None
) -> pa.Array: ...
def verify(
    pairs: _TableLike, *, config: _ConfigPath = None, settings: _Settings = None
) -> pa.RecordBatch: ...
def story_features(
    documents: _TableLike, *, config: _ConfigPath = None, settings: _Settings = None
) -> pa.RecordBatch: ...

def compare(
    members: _TableLike, *, config: _ConfigPath = None, settings: _Settings = None
) -> pa.RecordBatch: ...

class _RunSummary(TypedDict):
    """What `run` did: the CLI's summary line as numbers, and the problems it skipped."""

    documents: int
    groups: int
    stories: int
    relations: int
    errors: list[str]
    warnings: list[str]

def run(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    report: bool = True,
    strict: bool = True,
    config: _ConfigPath = None,
    settings: _Settings = None,
) -> _RunSummary: ...

# The distributed plan's steps (`samestory.spark` drives them; see its module docs). Each
# takes record batches and returns a Table, one output batch per input batch.

def shard_rules(*, config: _ConfigPath = None, settings: _Settings = None) -> dict[str, Any]: ...
def shard_keys(
    documents: _TableLike, *, config: _ConfigPath = None, settings: _Settings = None
) -> pa.Table: ...
def shard_active(
    rows: _TableLike, *, config: _ConfigPath = None, settings: _Settings = None
) -> pa.Table: ...
def shard_frequent_limit(
    active_docs: int, *, config: _ConfigPath = None, settings: _Settings = None
) -> int: ...
def shard_print_buckets(
    rows: _TableLike, limit: int, *, config: _ConfigPath = None, settings: _Settings = None
) -> pa.Table: ...
def shard_bucket_pairs(
    rule: Literal["lsh", "url", "prints"],
    rows: _TableLike,
    *,
    config: _ConfigPath = None,
    settings: _Settings = None,
) -> pa.Table: ...
def shard_hubs(
    rows: _TableLike, *, config: _ConfigPath = None, settings: _Settings = None
) -> pa.Table: ...
def shard_hub_hits(
    rows: _TableLike,
    bucket: int,
    round: int,
    *,
    config: _ConfigPath = None,
    settings: _Settings = None,
) -> pa.Table: ...
def shard_wire_prints(
    rows: _TableLike, any_wire: bool, *, config: _ConfigPath = None, settings: _Settings = None
) -> pa.Table: ...
def shard_verify(
    pairs: _TableLike,
    boilerplate: Sequence[int],
    *,
    config: _ConfigPath = None,
    settings: _Settings = None,
) -> pa.Table: ...
def shard_regroup(rows: _TableLike) -> pa.Table: ...
def shard_components(edges: _TableLike) -> pa.Table: ...
def shard_relations(
    documents: _TableLike,
    boilerplate: Sequence[int],
    *,
    config: _ConfigPath = None,
    settings: _Settings = None,
) -> pa.Table: ...
def story_counts(
    documents: _TableLike, *, config: _ConfigPath = None, settings: _Settings = None
) -> pa.Table: ...

@final
class StoryCorpus:
    """A corpus's story counts (the summed rows of `story_counts`), held once per worker."""

    def __new__(cls, counts: _TableLike) -> StoryCorpus: ...
    @property
    def documents(self) -> int: ...
    @property
    def features(self) -> int: ...

def story_vectors(
    documents: _TableLike,
    corpus: StoryCorpus,
    *,
    config: _ConfigPath = None,
    settings: _Settings = None,
) -> pa.Table: ...
def story_close_pairs(
    rows: _TableLike, threshold: float, *, config: _ConfigPath = None, settings: _Settings = None
) -> pa.Table: ...
def story_block(
    documents: _TableLike,
    corpus: StoryCorpus,
    *,
    config: _ConfigPath = None,
    settings: _Settings = None,
) -> pa.Table: ...
