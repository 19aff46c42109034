"""Stage 6b: write exports through a format registry, atomically and deterministically.

Each file is written to a temporary file beside its destination and renamed into place
(the set of files is published as one unit by :mod:`hcc_kg.store.publish`),
so a failed build never leaves a half-written export.  RDF is canonicalised first (blank
nodes get structure-derived labels, triples a total order) and written by the streaming
writers of :mod:`hcc_kg.store.serialize`, so two builds from the same corpus give
byte-identical files and export time grows linearly with the graph.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Union

import rdflib

from . import serialize
from ..errors import ExportError
from .canonical import from_store
from .serialize import CanonicalGraph, canonical
from ..gc_control import gc_paused

__all__ = ["FORMATS", "GRAPH_FORMATS", "CanonicalGraph", "RdfFormat", "atomic_write", "canonical", "from_store", "render_rdf",
           "write_files", "write_json", "write_jsonl", "write_rdf"]

Chunks = Union[bytes, Iterable[bytes]]


@dataclass(frozen=True)
class RdfFormat:
    """A named serialisation; ``render`` returns the document or an iterable of its chunks."""

    name: str
    suffix: str
    render: Callable[[CanonicalGraph], Chunks]


def atomic_write(path: Path, data: Chunks) -> None:
    """Write ``data`` (bytes, or chunks of bytes written as they come) to ``path``
    via a same-folder temporary file and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".tmp-{path.name}.", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; exports are for everyone to read
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, Iterable) and not isinstance(data, (bytes, bytearray, memoryview, str)):
                for chunk in data:
                    handle.write(chunk)
            else:
                handle.write(data)  # anything but bytes makes the binary handle raise TypeError
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class FormatRegistry:
    """Export formats by name (rdflib's plugin registry is the model); an unknown name is an ExportError."""

    def __init__(self) -> None:
        self._formats: dict[str, RdfFormat] = {}

    def register(self, fmt: RdfFormat) -> None:
        self._formats[fmt.name] = fmt

    def get(self, name: str) -> RdfFormat:
        if name not in self._formats:
            raise ExportError(f"unknown export format {name!r}; known: {', '.join(self.names())}")
        return self._formats[name]

    def names(self) -> list[str]:
        return sorted(self._formats)


FORMATS = FormatRegistry()
FORMATS.register(RdfFormat("turtle", ".ttl", serialize.turtle))
FORMATS.register(RdfFormat("ntriples", ".nt", serialize.ntriples))
FORMATS.register(RdfFormat("json-ld", ".jsonld", serialize.jsonld))
#: the formats a build may write the whole graph in (``hcc-kg build --formats``)
GRAPH_FORMATS = tuple(FORMATS.names())


def _readable_turtle(graph: CanonicalGraph) -> bytes:
    """rdflib's Turtle, with blank nodes nested as ``[ ]`` and lists as ``( )``: for the
    small, hand-read ontology file (the streaming writer keeps blank nodes flat)."""
    return graph.to_graph().serialize(format="turtle", encoding="utf-8")


FORMATS.register(RdfFormat("turtle-readable", ".readable.ttl", _readable_turtle))


def write_rdf(graph: rdflib.Graph | CanonicalGraph, path: Path, fmt: str, already_canonical: bool = False) -> Path:
    """Serialise ``graph`` canonically in ``fmt`` and write it atomically to ``path``.

    A :class:`CanonicalGraph` is written as it is; an rdflib Graph is canonicalised
    first, or only sorted when ``already_canonical`` says its blank-node labels are final.
    """
    render = FORMATS.get(fmt).render
    graph = _as_canonical(graph, already_canonical)
    try:
        with gc_paused():  # millions of short-lived objects, none in a cycle
            atomic_write(path, render(graph))
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc}") from exc
    return path


def render_rdf(graph: rdflib.Graph | CanonicalGraph, fmt: str, already_canonical: bool = False) -> bytes:
    """The bytes :func:`write_rdf` would write, whole in memory: for a small graph (the ontology)
    rendered where it cannot be written yet (a forked child, before the staging folder exists)."""
    render = FORMATS.get(fmt).render
    graph = _as_canonical(graph, already_canonical)
    with gc_paused():
        data = render(graph)
        return data if isinstance(data, bytes) else b"".join(data)


def _as_canonical(graph: rdflib.Graph | CanonicalGraph, already_canonical: bool) -> CanonicalGraph:
    if isinstance(graph, CanonicalGraph):
        return graph
    return serialize.as_sorted(graph) if already_canonical else canonical(graph)


def write_json(data: object, path: Path) -> Path:
    """Write ``data`` as sorted, indented JSON, atomically; returns ``path``."""
    atomic_write(path, (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8"))
    return path


def write_jsonl(rows: list[dict], path: Path) -> Path:
    """Write ``rows`` as JSON Lines (keys sorted), atomically; returns ``path``."""
    body = "".join(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n" for r in rows)
    atomic_write(path, body.encode("utf-8"))
    return path


def write_files(files: Iterable[tuple[str, str | bytes]], folder: Path) -> list[Path]:
    """Write (file name, contents) pairs into ``folder``, text as UTF-8, each atomically: files
    rendered elsewhere (in the build's forked child: the views, :mod:`hcc_kg.views.forked`)."""
    written = []
    for name, data in files:
        path = Path(folder) / name
        try:
            atomic_write(path, data.encode("utf-8") if isinstance(data, str) else data)
        except OSError as exc:
            raise ExportError(f"cannot write {path}: {exc}") from exc
        written.append(path)
    return written
