"""Type stubs of the native module `samestory._samestory` (see `samestory` for the guide)."""

import os
from collections.abc import Mapping, Sequence
from typing import Any, Literal, Protocol, TypedDict

import pyarrow as pa

class _ArrowArray(Protocol):
    """Anything exporting an Arrow array: pyarrow.Array, polars.Series, …"""

    def __arrow_c_array__(self, requested_schema: object | None = None) -> tuple[object, object]: ...

class _ArrowStream(Protocol):
    """Anything exporting an Arrow stream: pyarrow.Table, pyarrow.ChunkedArray, a reader, …"""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

ArrayLike = _ArrowArray | _ArrowStream
TableLike = _ArrowArray | _ArrowStream
Settings = Mapping[str, Any] | Sequence[str] | None
ConfigPath = str | os.PathLike[str] | None

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
    records: TableLike,
    *,
    name: str = "records",
    errors: Literal["raise", "skip"] = "raise",
    config: ConfigPath = None,
    settings: Settings = None,
) -> pa.RecordBatch: ...
def signatures(
    texts: ArrayLike, *, config: ConfigPath = None, settings: Settings = None
) -> pa.Array: ...
def band_keys(
    signatures: ArrayLike, *, config: ConfigPath = None, settings: Settings = None
) -> pa.Array: ...
def verify(
    pairs: TableLike, *, config: ConfigPath = None, settings: Settings = None
) -> pa.RecordBatch: ...
def story_features(
    documents: TableLike, *, config: ConfigPath = None, settings: Settings = None
) -> pa.RecordBatch: ...

def compare(
    members: TableLike, *, config: ConfigPath = None, settings: Settings = None
) -> pa.RecordBatch: ...

class RunSummary(TypedDict):
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
    config: ConfigPath = None,
    settings: Settings = None,
) -> RunSummary: ...
