"""The heaviest exports written on the second core while the build writes the others.

When the exports are written HermiT is done and the second core waits: at 1,000 abstracts the stage
wrote 136 MB in one process, JSON-LD and the KGX tables about half of its time.  A forked child
writes those files into the build's staging folder while the parent writes Turtle and the rest.

The child is forked early (:func:`start`, before the build opens its store: RocksDB's threads, once
started, stay for the life of the process, and a process with threads may not fork;
:func:`hcc_kg.execute.local.start_method`) and waits.  Once the parent has written the sorted
N-Triples file, which holds the canonical graph's lines as they are, :func:`hand_over` tells the
child where it is; the child reads it as the same :class:`~hcc_kg.store.canonical.CanonicalGraph`
and writes JSON-LD and the KGX tables, byte for byte what the parent would have written.  A small
graph is not handed over (the child is told so and ends): its exports take a tenth of a second.

Unlike the build's other forked child, this one writes files, so it must not outlive the build: the
parent cancels it before the staging folder is discarded (:func:`hcc_kg.pipeline.write_exports`), a
child whose parent dies before the hand-over reads the end of its pipe, and after it a watchdog
thread ends the child if the parent dies (its temporary file stays in the staging folder, which the
next build sweeps).
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..execute.forked import ForkedTask
from . import kgx
from .canonical import CanonicalGraph
from .export import write_rdf

#: the RDF formats the child writes (the others stay with the parent)
FORKED_FORMATS = ("json-ld",)
#: individuals in the ABox from which a child is forked at all (1,000 abstracts make about 36,000)
MIN_INDIVIDUALS = 10_000
#: triples from which the exports are handed over (fewer: the parent writes them, a tenth of a second)
MIN_TRIPLES = 100_000
_WATCH_SECONDS = 0.5


@dataclass(frozen=True)
class Job:
    """What the child writes: the graph as the sorted N-Triples file ``lines`` holds it, into these paths."""

    lines: Path
    prefixes: dict[str, str]
    count: int
    targets: tuple[tuple[str, Path], ...]  # (format, path)
    kgx_dir: Path | None


@dataclass
class ForkedExports:
    """The child writing ``formats`` (and the KGX tables when ``kgx``)."""

    task: ForkedTask
    formats: tuple[str, ...]
    kgx: bool

    def result(self) -> list[Path]:
        """The paths the child wrote; its exception is raised here (:meth:`ForkedTask.result`)."""
        return self.task.result()


def start(individuals: int, register: Callable[[ForkedTask], object]) -> ForkedTask | None:
    """Fork the waiting child for an ABox of ``individuals``; None when it is small or this process may not fork."""
    if individuals < MIN_INDIVIDUALS:
        return None
    return ForkedTask.start(_serve, os.getpid(), register=register)


def hand_over(task: ForkedTask | None, graph: CanonicalGraph, written_ntriples: Path | None,
              targets: dict[str, Path], kgx_dir: Path | None) -> ForkedExports | None:
    """Give the child the graph, as the N-Triples file the parent wrote, and the files to write; None (the child told
    to end, and reaped) when there is no child, no such file, or a graph under :data:`MIN_TRIPLES`."""
    if task is None:
        return None
    formats = tuple(f for f in FORKED_FORMATS if f in targets)
    if written_ntriples is None or len(graph) < MIN_TRIPLES or not (formats or kgx_dir):
        task.send(None)
        task.result()
        return None
    task.send(Job(written_ntriples, graph.prefixes, len(graph), tuple((f, targets[f]) for f in formats), kgx_dir))
    return ForkedExports(task, formats, kgx_dir is not None)


def _serve(parent: int, receive) -> list[Path]:
    """In the child: wait for a :class:`Job`, then write its files, each atomically."""
    job = receive()
    if job is None:
        return []
    threading.Thread(target=_end_with_parent, args=(parent,), daemon=True).start()
    graph = CanonicalGraph(job.lines, job.prefixes, job.count)
    written = [write_rdf(graph, path, fmt) for fmt, path in job.targets]
    if job.kgx_dir is not None:
        written += kgx.write_kgx(graph, job.kgx_dir)
    return written


def _end_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os._exit(1)  # orphaned: nobody will publish what this child writes


__all__ = ["FORKED_FORMATS", "ForkedExports", "Job", "MIN_INDIVIDUALS", "MIN_TRIPLES", "hand_over", "start"]
