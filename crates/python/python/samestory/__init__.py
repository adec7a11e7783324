"""samestory: duplicate, reprint and same-story detection for news articles.

The same engine as the ``samestory`` command-line tool, over Arrow data: every function
takes pyarrow arrays, record batches or tables (anything with the Arrow PyCapsule
interface), does its work in Rust with the GIL released (in parallel, never a Python call
per row), and returns pyarrow objects.

- :func:`extract` — each row of a table read as a JSON Lines record, as ``samestory extract``
  reads it: clean body, metadata, removed lines, quotes and numbers.
- :func:`signatures` and :func:`band_keys` — the relation engine's MinHash signatures and
  LSH band keys (``int64``: Spark refuses unsigned columns).
- :func:`verify` — what the relation engine finds between two texts: exact, near-duplicate,
  same-URL or reprint, Jaccard, containments and aligned passages (char offsets).
- :func:`story_features` — each document's story features as the story stage weights them.
- :func:`compare` — each story's comparison (quotes by speaker, conflicts, numbers,
  agreed and unique claims), as ``stories.jsonl`` holds it.
- :func:`run` — ``samestory run`` as a function: the same files, byte for byte.

Every function takes ``config`` (a TOML file, as ``--config``) and ``settings`` (a mapping
``{"relate.near_dup_jaccard": 0.85}`` or a list of ``"SECTION.KEY=VALUE"`` strings, as
``--set``). Errors are subclasses of :class:`SamestoryError`, one per engine error family.
"""

from samestory._samestory import (
    ConfigError,
    IngestError,
    InputError,
    OutputError,
    PipelineError,
    RelateError,
    SamestoryError,
    StoryError,
    band_keys,
    compare,
    extract,
    run,
    signatures,
    story_features,
    verify,
)

__all__ = [
    "ConfigError",
    "IngestError",
    "InputError",
    "OutputError",
    "PipelineError",
    "RelateError",
    "SamestoryError",
    "StoryError",
    "band_keys",
    "compare",
    "extract",
    "run",
    "signatures",
    "story_features",
    "verify",
]
