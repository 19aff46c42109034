"""The local executor: documents extracted in this process, or in a pool of worker processes.

A worker needs the vocabulary (about 29,000 entities with the lexicon) and a mention finder
built from it; it keeps both for every document it gets.  How it gets them depends on how
it is started (:func:`start_method`):

* ``fork``, when this process has a single thread (counted by the OS, so native threads of
  a store or a Dask client count too): the parent builds the finder once (or reads its
  tables from the vocabulary cache) and the workers inherit both, copy-on-write, with
  nothing to load; the inherited objects are frozen out of garbage collection meanwhile
  (:func:`hcc_kg.gc_control.frozen_heap`: collections in parent and workers would walk them all again);
* ``spawn`` otherwise (forking a process with threads can deadlock the child), or where
  ``fork`` does not exist: each worker imports the package afresh, receives the vocabulary
  once as the pool initializer's argument (unpickling it costs less than half of loading
  it again from its files: 0.26 s against 0.64 s) and builds its own finder (building is faster than unpickling one).

The code is spawn-safe either way (module-level functions, picklable arguments).

Measured on the 2-core machine, building the finder takes about 0.3 s (serially too; 1.3 s
before its tables were built with the garbage collector held off), or nothing when its tables
come from the set-up index.  A spawned worker costs about 1 s more (interpreter, imports,
vocabulary), a forked one about 0.2 s (the pool, pages copied on write).  So when the number
of workers is left to the build (``jobs=None``) it gets no more workers than the corpus has
such loads of text (:data:`CHARS_PER_WORKER`).  The threshold follows the reading rules' cost: on 2 December
2026 the shipped corpus (two documents, 82,000 characters) took 0.21 s to extract and stayed
in-process (two forked workers: 0.40-0.43 s of wall time against 0.31-0.36 s); by 6 December
the literature rounds had made extraction about 85,000 characters a second, 1.0-1.2 s for the
same two documents, and seven interleaved pairs of fresh ``build --no-cache`` runs took a median
3.02 s in-process against 2.66 s on two forked workers (extraction 1.05 s against 0.76 s).  So
a forked worker now pays from about 40,000 characters (twice its cost of 0.2 s), and the
shipped corpus is read on both cores; the second core is then used again later
(:mod:`hcc_kg.execute.forked`: the views; :class:`hcc_kg.owl.reason.Reasoning`: HermiT).
"""

from __future__ import annotations

import math
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Iterator, Sequence

from ..extract.mentions import MentionFinder
from ..gc_control import frozen_heap
from ..model import Document
from ..vocab import Vocabulary
from .outputs import DocumentExtraction, extract_one
from .plan import ExecutionPlan

#: Characters of text one worker must have to extract before starting it pays (see module doc).
CHARS_PER_WORKER = {"fork": 40_000, "spawn": 300_000}


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def thread_count() -> int | None:
    """Threads of this process as the OS sees them (Python's and native ones); None if unknown."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return None


def start_method(requested: str | None = None) -> str:
    """``requested`` if given; else ``fork`` when it exists and this process is single-threaded, else ``spawn``."""
    if requested:
        return requested
    forkable = "fork" in multiprocessing.get_all_start_methods()
    return "fork" if forkable and thread_count() == 1 else "spawn"


def worker_count(documents: Sequence[Document], jobs: int | None, method: str = "spawn") -> int:
    """Worker processes for ``documents``: ``jobs`` when given (at most one per document);
    otherwise the cores available, but no more than the text can keep busy.

    >>> docs = [Document.from_text(str(i), "x" * 150_000) for i in range(4)]
    >>> worker_count(docs, 3), worker_count(docs[:1], 3), worker_count(docs[:1], None)
    (3, 1, 1)
    """
    if jobs is not None:
        return max(1, min(jobs, len(documents)))
    loads = math.ceil(sum(len(d.text) for d in documents) / CHARS_PER_WORKER[method])
    return max(1, min(available_cores(), len(documents), loads))


# One worker process's vocabulary and finder, set by the pool's initializer in that process
# only: the finder is expensive to build and must serve every document the worker gets.
_WORKER: dict[str, object] = {}


def _start_worker(vocabulary: Vocabulary, finder: MentionFinder | None, max_readings: int | None) -> None:
    _WORKER["vocabulary"], _WORKER["finder"] = vocabulary, finder or MentionFinder(vocabulary)
    _WORKER["max_readings"] = max_readings


def _extract_in_worker(document: Document) -> DocumentExtraction:
    return extract_one(document, _WORKER["vocabulary"], _WORKER["finder"], _WORKER["max_readings"])


def run_local(documents: Sequence[Document], vocabulary: Vocabulary, plan: ExecutionPlan) -> Iterator[DocumentExtraction]:
    """Extract ``documents`` in-process, or on a pool of ``plan.jobs`` worker processes; yields
    each document's extraction in the documents' order, as soon as it is done."""
    method = start_method(plan.start_method)
    workers = worker_count(documents, plan.jobs, method)
    finder = MentionFinder(vocabulary) if workers <= 1 or method == "fork" else None
    if workers <= 1:
        yield from (extract_one(document, vocabulary, finder, plan.max_readings) for document in documents)
        return
    context = multiprocessing.get_context(method)
    with frozen_heap(method == "fork"), \
            ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                initargs=(vocabulary, finder, plan.max_readings)) as pool:
        yield from pool.map(_extract_in_worker, documents, chunksize=1)

