"""Stage 6b: write exports through a format registry, atomically and deterministically.

Each file is written to a temporary file beside its destination and renamed into place,
so a failed build never leaves a half-written export.  RDF is canonicalised first (blank
nodes get structure-derived labels) and written in sorted order, so two builds from the
same corpus give byte-identical files.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import rdflib
from rdflib.compare import to_canonical_graph

from .errors import ExportError
from .rdf import PREFIXES


@dataclass(frozen=True)
class RdfFormat:
    name: str
    suffix: str
    render: Callable[[rdflib.Graph], bytes]


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a same-folder temporary file and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".tmp-{path.name}.", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; exports are for everyone to read
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def canonical(graph: rdflib.Graph) -> rdflib.Graph:
    """A copy with deterministic blank-node labels, triples inserted in sorted order.

    Blank nodes only connect through triples that contain one, so canonicalising that
    (small, ontology-only) part is enough and far cheaper than the whole graph.
    """
    with_bnodes = rdflib.Graph()
    ground = []
    for triple in graph:
        if any(isinstance(node, rdflib.BNode) for node in triple):
            with_bnodes.add(triple)
        else:
            ground.append(triple)
    ordered = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        ordered.bind(prefix, ns, override=True)
    ordered.addN((s, p, o, ordered) for s, p, o in sorted(ground + list(to_canonical_graph(with_bnodes))))
    return ordered


def _turtle(graph: rdflib.Graph) -> bytes:
    return graph.serialize(format="turtle", encoding="utf-8")


def _ntriples(graph: rdflib.Graph) -> bytes:
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return ("\n".join(sorted(line for line in lines if line.strip())) + "\n").encode("utf-8")


def _jsonld(graph: rdflib.Graph) -> bytes:
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    data = json.loads(graph.serialize(format="json-ld", context=context, encoding="utf-8"))
    items = data.get("@graph", [])
    items.sort(key=lambda item: json.dumps(item, sort_keys=True))
    return (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


class FormatRegistry:
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
FORMATS.register(RdfFormat("turtle", ".ttl", _turtle))
FORMATS.register(RdfFormat("ntriples", ".nt", _ntriples))
FORMATS.register(RdfFormat("json-ld", ".jsonld", _jsonld))


def write_rdf(graph: rdflib.Graph, path: Path, fmt: str, already_canonical: bool = False) -> Path:
    """Serialise ``graph`` canonically in ``fmt`` and write it atomically to ``path``."""
    try:
        atomic_write(path, FORMATS.get(fmt).render(graph if already_canonical else canonical(graph)))
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc}") from exc
    return path


def commit(staged: Path, final: Path) -> Path:
    """Move a fully written file into place with an atomic rename (same file system)."""
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, final)
    except OSError as exc:
        raise ExportError(f"cannot write {final}: {exc}") from exc
    return final


def write_json(data: object, path: Path) -> Path:
    atomic_write(path, (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8"))
    return path


def write_jsonl(rows: list[dict], path: Path) -> Path:
    body = "".join(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n" for r in rows)
    atomic_write(path, body.encode("utf-8"))
    return path
