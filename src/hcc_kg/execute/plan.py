"""How a build runs extraction: which executor, how many workers, where the cache lives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ExecutionPlan:
    """``executor`` names an entry of :data:`hcc_kg.execute.EXECUTORS`; ``jobs`` None means the cores
    available (local) or a local cluster of that many workers (Dask without ``scheduler``);
    ``cache_dir`` None means no cache; ``extractor_version`` None means computed from the source
    (tests pass another value to simulate a changed extractor); ``max_readings`` None means no cap."""

    executor: str = "local"
    jobs: int | None = None
    scheduler: str | None = None
    cache_dir: Path | None = None
    extractor_version: str | None = None
    partition_dir: Path | None = None  # Dask: where workers write partition files (shared on a cluster)
    start_method: str | None = None  # local workers: "fork" or "spawn"; None: fork when single-threaded
    max_readings: int | None = None  # readings one document may give (outputs.extract_one); None: all
