"""The Dask executor: extraction as Dask tasks over partitions of the corpus.

``hcc-kg build --executor dask --scheduler tcp://host:8786`` connects to a running
``dask.distributed`` scheduler (without ``--scheduler`` it starts a local cluster of
``--jobs`` worker processes).  The driver:

1. registers a worker plugin carrying the vocabulary: each worker unpickles it once and
   builds its mention finder once, for every partition it runs;
2. splits the documents still to extract into contiguous partitions (about four per worker,
   so a slow partition does not hold the others up) and submits one task per partition;
3. each task extracts its documents and writes them to ``part-NNNNN.jsonl`` (one
   :class:`~.outputs.DocumentExtraction` per line) in the partition folder, atomically, and
   returns the file's path;
4. the driver reads the files back in partition order, so the documents come back in the
   corpus's order, and assembly, naming, reasoning and loading go on as in a local build.

On a real cluster the partition folder must be on a filesystem every worker and the
driver see (``--cache-dir`` on a shared mount: partitions go in its ``partitions/``
folder, one sub-folder per run, deleted once read), and every worker needs this package installed (``pip install hcc-kg[dask]``).
Only this module imports Dask, and only when the executor is chosen.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Iterator, Sequence

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from ..errors import ConfigError
from ..extract.mentions import MentionFinder
from ..model import Document
from ..vocab import Vocabulary
from .local import available_cores
from .cache import vocabulary_digest
from .outputs import DocumentExtraction, extract_one
from .plan import ExecutionPlan

PLUGIN = "hcc-kg-vocabulary"
PARTITIONS_PER_WORKER = 4


class VocabularyPlugin(WorkerPlugin):
    """Ships the vocabulary to each worker once and builds its mention finder there."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self.finder: MentionFinder | None = None

    def setup(self, worker) -> None:
        self.finder = MentionFinder(self.vocabulary)


def partitions(documents: Sequence[Document], count: int) -> list[list[Document]]:
    """``documents`` cut into at most ``count`` contiguous, near-equal runs (order kept).

    >>> docs = [Document.from_text(str(i), "x") for i in range(5)]
    >>> [[d.doc_id for d in part] for part in partitions(docs, 2)]
    [['0', '1', '2'], ['3', '4']]
    """
    count = max(1, min(count, len(documents)))
    size, extra = divmod(len(documents), count)
    out, start = [], 0
    for index in range(count):
        end = start + size + (index < extra)
        out.append(list(documents[start:end]))
        start = end
    return [part for part in out if part]


def extract_partition(index: int, documents: list[Document], folder: str, plugin_name: str,
                      max_readings: int | None = None) -> str:
    """A Dask task: extract one partition on this worker and write its JSONL file; returns its path."""
    plugin: VocabularyPlugin = get_worker().plugins[plugin_name]
    path = Path(folder) / f"part-{index:05d}.jsonl"
    handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=folder)
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        for document in documents:
            found = extract_one(document, plugin.vocabulary, plugin.finder, max_readings)
            stream.write(json.dumps(found.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n")
    os.replace(temporary, path)
    return str(path)


def read_partition(path: Path) -> list[DocumentExtraction]:
    """The extractions a Dask task wrote to one partition file (JSON Lines), in file order."""
    with open(path, encoding="utf-8") as stream:
        return [DocumentExtraction.from_json(json.loads(line)) for line in stream if line.strip()]


def _client(plan: ExecutionPlan) -> Client:
    if plan.scheduler:
        try:
            return Client(plan.scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler {plan.scheduler}: {exc}") from exc
    cluster = LocalCluster(n_workers=plan.jobs or available_cores(), threads_per_worker=1, processes=True,
                           dashboard_address=":0")
    return Client(cluster)


def run_dask(documents: Sequence[Document], vocabulary: Vocabulary, plan: ExecutionPlan) -> Iterator[DocumentExtraction]:
    """Extract ``documents`` on a Dask cluster; yields the results in the documents' order."""
    if not documents:
        return
    base = plan.partition_dir or (plan.cache_dir / "partitions" if plan.cache_dir else None)
    if base is not None:
        base.mkdir(parents=True, exist_ok=True)
    client = _client(plan)
    folder = Path(tempfile.mkdtemp(prefix=f"run-{uuid.uuid4().hex[:8]}-", dir=base))
    plugin = f"{PLUGIN}-{vocabulary_digest(vocabulary)[:16]}"  # builds sharing a cluster keep their own
    try:
        client.register_plugin(VocabularyPlugin(vocabulary), name=plugin)
        workers = max(1, len(client.scheduler_info()["workers"]))
        parts = partitions(documents, workers * PARTITIONS_PER_WORKER)
        futures = [client.submit(extract_partition, index, part, str(folder), plugin, plan.max_readings, pure=False)
                   for index, part in enumerate(parts)]
        for future in futures:  # in partition order, each as soon as it is written
            yield from read_partition(Path(future.result()))
    finally:
        if plan.scheduler:  # a long-lived cluster should not keep our vocabulary in memory
            with contextlib.suppress(Exception):
                client.unregister_worker_plugin(plugin)
        cluster = None if plan.scheduler else client.cluster
        client.close()
        if cluster is not None:
            cluster.close()
        shutil.rmtree(folder, ignore_errors=True)
