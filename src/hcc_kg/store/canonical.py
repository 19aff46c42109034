"""The canonical triple order: a graph as sorted N-Triples lines, in memory or on disk.

Every export is written from one :class:`CanonicalGraph`: the graph's triples as
N-Triples lines (rdflib's spelling of every term), sorted as strings, plus a prefix map.
Sorting lines is sorting ``(subject, predicate, object)`` spellings: a shorter term that
is the start of a longer one is followed in its line by a space, and the longer term by
``>``, ``@``, ``^`` or a letter, all above the space, so the two orders agree.

* From the build's store (:func:`from_store`): Oxigraph dumps the triples as N-Triples in
  Rust, the few literals whose spelling Oxigraph normalised (``"0.50"`` kept as ``0.5``,
  ``xsd:nonNegativeInteger`` as ``xsd:integer``) are respelt as they were written
  (:meth:`hcc_kg.store.oxigraph.GraphStore.read_term`), and the lines are sorted:
  in memory up to ``run_bytes`` of text, beyond that in sorted runs on disk merged into one file,
  so a graph of tens of millions of triples never has to fit in memory.  No rdflib term is
  made for a triple on this path.
* From an rdflib Graph (:func:`canonical`): blank nodes get structure-derived labels
  (only the triples holding one are canonicalised) and every term is spelt by rdflib.
"""

from __future__ import annotations

import heapq
import re
import shutil
import tempfile
import weakref
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral

from .blank_nodes import canonical_triples
from ..gc_control import gc_paused
from .rdf import PREFIXES

RUN_BYTES = 128 << 20  # N-Triples text sorted in memory; a larger graph is sorted in runs on disk (a run is held
# about three times over while sorted: at 256 MB the sort was a 1,000-review build's peak, 2.18 GB; now 2.05 GB)
_READ_HINT = 1 << 24  # bytes per readlines() call when streaming a sorted file

Row = tuple[str, str, str]


class CanonicalGraph:
    """Triples in canonical order as N-Triples lines (each ending ``" .\\n"``), plus prefixes.

    The lines live in a list, or in a sorted file (a large store, :func:`from_store`) that
    is read again for each pass and removed with this object.  :meth:`rows` gives the
    three spellings of each triple, iteration gives rdflib terms (for small graphs and tests).
    """

    def __init__(self, lines: "list[str] | Path", prefixes: dict[str, str], count: int | None = None,
                 owned: Path | None = None) -> None:
        self._lines = lines
        self.prefixes = prefixes
        self._count = len(lines) if isinstance(lines, list) else count
        if owned is not None:  # a temporary folder holding the sorted file: removed with this object
            weakref.finalize(self, shutil.rmtree, owned, True)

    def lines(self) -> Iterator[str]:
        """The sorted N-Triples lines, newline included."""
        if isinstance(self._lines, list):
            yield from self._lines
            return
        with open(self._lines, encoding="utf-8", newline="\n") as handle:
            while True:
                batch = handle.readlines(_READ_HINT)
                if not batch:
                    return
                yield from batch

    @property
    def path(self) -> Path | None:
        """The sorted file holding the lines, or None when they are in memory."""
        return None if isinstance(self._lines, list) else self._lines

    def text(self, block_bytes: int = 1 << 20) -> Iterator[bytes]:
        """The sorted lines as UTF-8, in blocks of about ``block_bytes``: a sorted file is
        copied as it is (no line is decoded), a list is encoded a batch of lines at a time."""
        if isinstance(self._lines, list):
            step = max(1, block_bytes // 128)
            for start in range(0, len(self._lines), step):
                yield "".join(self._lines[start:start + step]).encode("utf-8")
            return
        with open(self._lines, "rb") as handle:
            while block := handle.read(block_bytes):
                yield block

    def rows(self) -> Iterator[Row]:
        """``(subject, predicate, object)`` N-Triples spellings, in canonical order."""
        for line in self.lines():
            s, p, o = line.split(" ", 2)
            yield s, p, o[:-3]

    def __iter__(self) -> Iterator[tuple]:
        return (parse_row(row) for row in self.rows())

    def subject_objects(self, predicate) -> Iterator[tuple]:
        """``(subject, object)`` rdflib terms of ``predicate``'s triples (as ``rdflib.Graph``
        gives them); only those triples' terms are made, each distinct spelling once."""
        wanted, terms = f"<{predicate}>", {}
        for s, p, o in self.rows():
            if p == wanted:
                yield (terms.get(s) or terms.setdefault(s, parse_term(s)),
                       terms.get(o) or terms.setdefault(o, parse_term(o)))

    def __len__(self) -> int:
        return self._count

    def __contains__(self, triple) -> bool:
        wanted = tuple(triple)
        return any(t == wanted for t in self)  # a linear scan: for tests, not for lookups

    def to_graph(self) -> rdflib.Graph:
        """The same triples as an rdflib Graph (for comparisons; costs a full copy)."""
        graph = rdflib.Graph()
        for prefix, ns in self.prefixes.items():
            graph.bind(prefix, ns, override=True)
        graph.addN((s, p, o, graph) for s, p, o in self)
        return graph


# ---------------------------------------------------------------- spellings ↔ terms

_NT_ESCAPES = {"\\\\": "\\", "\\n": "\n", "\\r": "\r", '\\"': '"', "\\t": "\t", "\\b": "\b", "\\f": "\f",
               "\\'": "'"}
_ESCAPE = re.compile(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")


def _unescape_one(match: re.Match) -> str:
    text = match.group()
    return chr(int(text[2:], 16)) if text[1] in "uU" else _NT_ESCAPES.get(text, text)


def unescape(escaped: str) -> str:
    r"""A string literal's text from its N-Triples form (rdflib's or Oxigraph's escapes).

    >>> unescape(r'say \"hi\"\n\u00e9')
    'say "hi"\né'
    """
    return _ESCAPE.sub(_unescape_one, escaped) if "\\" in escaped else escaped


def literal_parts(spelling: str) -> tuple[str, str | None, str | None]:
    """(lexical form, language, datatype IRI) of an N-Triples literal.

    The closing quote is the last ``"``: neither a language tag nor a datatype IRI holds one.

    >>> literal_parts('"1.50"^^<http://www.w3.org/2001/XMLSchema#decimal>')
    ('1.50', None, 'http://www.w3.org/2001/XMLSchema#decimal')
    >>> literal_parts('"hi"@en-GB')
    ('hi', 'en-GB', None)
    """
    end = spelling.rfind('"')
    lexical, rest = unescape(spelling[1:end]), spelling[end + 1:]
    if rest.startswith("@"):
        return lexical, rest[1:], None
    return lexical, None, rest[3:-1] if rest else None


def parse_term(spelling: str):
    """The rdflib term of an N-Triples spelling (a literal keeps its lexical form unnormalised)."""
    first = spelling[0]
    if first == "<":
        return URIRef(spelling[1:-1])
    if first == "_":
        return BNode(spelling[2:])
    lexical, language, datatype = literal_parts(spelling)
    return Literal(lexical, lang=language, datatype=URIRef(datatype) if datatype else None, normalize=False)


def parse_row(row: Row) -> tuple:
    """The rdflib terms of one row of N-Triples spellings."""
    return tuple(parse_term(term) for term in row)


def lexical(spelling: str) -> str:
    """What ``str()`` gives for the term: an IRI, a blank-node label or a literal's lexical form."""
    first = spelling[0]
    if first == "<":
        return spelling[1:-1]
    if first == "_":
        return spelling[2:]
    return unescape(spelling[1:spelling.rfind('"')])


def spell(node, names: dict[str, str]) -> str:
    """A term's N-Triples spelling by rdflib's own code; IRIs are checked and spelt once."""
    if isinstance(node, Literal):
        return _quoteLiteral(node)
    if type(node) is URIRef:
        return names.get(str(node)) or names.setdefault(str(node), node.n3())
    return node.n3()


# ---------------------------------------------------------------- from an rdflib graph

def _lines(triples: Iterable[tuple], bnodes: rdflib.Graph | None = None) -> list[str]:
    """N-Triples lines; with ``bnodes``, triples holding a blank node go there instead.

    The common case (IRI, IRI, IRI or literal) is tested by exact type (``isinstance`` on
    rdflib terms is several times slower), and IRI spellings are cached under plain strings.
    """
    lines: list[str] = []
    append = lines.append
    names: dict[str, str] = {}
    get = names.get
    for triple in triples:
        s, p, o = triple
        if type(s) is URIRef and type(p) is URIRef and (type(o) is URIRef or type(o) is Literal):
            ks = get(str(s)) or spell(s, names)
            kp = get(str(p)) or spell(p, names)
            ko = _quoteLiteral(o) if type(o) is Literal else get(str(o)) or spell(o, names)
        elif bnodes is not None and any(isinstance(node, BNode) for node in triple):
            bnodes.add(triple)
            continue
        else:
            ks, kp, ko = spell(s, names), spell(p, names), spell(o, names)
        append(f"{ks} {kp} {ko} .\n")
    return lines


def prefix_map(prefixes: dict | None) -> dict[str, str]:
    """The prefix map an export binds, sorted by prefix (the project's when ``prefixes`` is None)."""
    return {p: str(ns) for p, ns in sorted((PREFIXES if prefixes is None else prefixes).items())}


def canonical(graph: Iterable[tuple], prefixes: dict | None = None) -> CanonicalGraph:
    """The graph's triples with deterministic blank-node labels, in canonical order.

    ``graph`` is anything that iterates rdflib triples.  Blank nodes only connect through
    triples that contain one, so canonicalising that (small, ontology-only) part with
    rdflib is enough and far cheaper than the whole graph; the rest is only sorted.
    N-Triples spellings are the sort key, a total order that, unlike rdflib's value-based
    Literal comparison, cannot depend on input order.
    """
    with_bnodes = rdflib.Graph()
    lines = _lines(graph, with_bnodes)
    lines += _lines(canonical_triples(with_bnodes))
    lines.sort()
    return CanonicalGraph(lines, prefix_map(prefixes))


def canonical_of(graph) -> CanonicalGraph:
    """``graph`` in canonical order: itself if it is a :class:`CanonicalGraph`, the store's
    dump for a :class:`hcc_kg.store.oxigraph.GraphStore`, else :func:`canonical`."""
    if isinstance(graph, CanonicalGraph):
        return graph
    if hasattr(graph, "dump_ntriples"):
        return from_store(graph)
    return canonical(graph)


def as_sorted(graph: rdflib.Graph, prefixes: dict | None = None) -> CanonicalGraph:
    """``graph`` in canonical order, keeping its blank-node labels (already canonical)."""
    lines = _lines(graph)
    lines.sort()
    return CanonicalGraph(lines, prefix_map(prefixes))


# ---------------------------------------------------------------- from the store

def _respelt(lines: list[str], respell, every_literal: bool = False) -> list[str]:
    """``lines``, in place, with every literal object that Oxigraph may have normalised spelt as written.

    Only lines holding a quote hold a literal.  Of those, the object's last character (the
    fourth from the end, before ``" .\\n"``) tells the kind: ``"`` for a plain literal
    (respelt only if it holds an escape, which the two writers spell differently, or if
    ``every_literal``: the store was given strings typed ``xsd:string``), ``>`` for a typed
    literal, anything else for a language tag.  Plain literals and IRIs, most of a graph,
    are left alone.
    """
    for i in [i for i, line in enumerate(lines) if '"' in line]:
        line = lines[i]
        if every_literal or line[-4] != '"' or "\\" in line:
            s, p, o = line.split(" ", 2)
            lines[i] = f"{s} {p} {respell(o[:-3])} .\n"
    return lines


def _read_runs(path: Path, run_bytes: int) -> Iterator[list[str]]:
    with open(path, encoding="utf-8", newline="\n") as handle:
        while True:
            run = handle.readlines(run_bytes)
            if not run:
                return
            yield run


def from_store(store, prefixes: dict | None = None, run_bytes: int = RUN_BYTES,
               workdir: Path | str | None = None) -> CanonicalGraph:
    """The store's triples in canonical order (see the module docstring).

    ``store`` is a :class:`hcc_kg.store.oxigraph.GraphStore`; its dump and any sorted runs
    go to a temporary folder (in ``workdir``, else the system's), removed when done, or,
    for a graph of more than ``run_bytes`` of N-Triples text, with the returned graph.
    """
    with gc_paused():  # a million lines and their split parts: no cycles among them
        return _from_store(store, prefixes, run_bytes, workdir)


def _from_store(store, prefixes: dict | None, run_bytes: int, workdir: Path | str | None) -> CanonicalGraph:
    folder = Path(tempfile.mkdtemp(prefix=".tmp-canonical-", dir=workdir))  # a killed build's leftover is swept
    try:
        dump = folder / "dump.nt"
        store.dump_ntriples(dump)
        respell, every_literal = _Respeller(store.read_term), store.wrote_typed_strings()
        if dump.stat().st_size <= run_bytes:  # the whole graph in one run: sorted in memory
            with open(dump, encoding="utf-8", newline="\n") as handle:
                lines = handle.readlines()
            shutil.rmtree(folder, ignore_errors=True)
            return CanonicalGraph(sorted(_respelt(lines, respell, every_literal)), prefix_map(prefixes))
        paths, count = [], 0
        for run in _read_runs(dump, run_bytes):
            paths.append(_write_run(sorted(_respelt(run, respell, every_literal)), folder / f"run-{len(paths):05d}.nt"))
            count += len(run)
            del run  # one run in memory at a time: let go before the next is read
        dump.unlink()
        merged = folder / "sorted.nt"
        _merge(paths, merged)
        return CanonicalGraph(merged, prefix_map(prefixes), count, owned=folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _write_run(run: list[str], path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(run)  # line by line: no second copy of the run as one string
    return path


class _Respeller:
    """Oxigraph's spelling of a literal → the written one, each distinct literal worked out once."""

    def __init__(self, read_term) -> None:
        self._read, self._known = read_term, {}

    def __call__(self, spelling: str) -> str:
        found = self._known.get(spelling)
        if found is None:
            lexical, language, datatype = literal_parts(spelling)
            term = (ox.Literal(lexical, language=language) if language else
                    ox.Literal(lexical, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(lexical))
            found = self._known[spelling] = _quoteLiteral(self._read(term))
        return found


def _merge(runs: list[Path], target: Path) -> None:
    handles = [open(run, encoding="utf-8", newline="\n") for run in runs]
    try:
        with open(target, "w", encoding="utf-8", newline="\n") as out:
            out.writelines(heapq.merge(*handles))  # the loop runs in C, the writes are buffered
    finally:
        for handle in handles:
            handle.close()
    for run in runs:
        run.unlink()
