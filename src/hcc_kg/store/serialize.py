"""Streaming writers for N-Triples, Turtle and JSON-LD over a graph in canonical order.

rdflib's Turtle and JSON-LD serializers build nested per-subject structures and query
the store again and again; on a million triples they take minutes and grow faster than
the graph.  Here a graph is first reduced to its N-Triples lines in sorted order
(:class:`~hcc_kg.store.canonical.CanonicalGraph`), and each writer makes a single pass over
them, working on the term spellings alone (no rdflib term per triple) and yielding the
document in chunks so no format ever exists as one string.  Every choice (order,
prefixes, blank-node labels) follows from the triples alone, so the same graph always
gives the same bytes.
"""

from __future__ import annotations

import heapq
import itertools
import json
import re
import tempfile
from typing import Iterable, Iterator

from rdflib import RDF, URIRef

from ..errors import ExportError
from .canonical import CanonicalGraph, as_sorted, canonical, from_store, literal_parts
from .rdf import namespace_splitter

__all__ = ["CanonicalGraph", "as_sorted", "canonical", "from_store", "jsonld", "ntriples", "turtle"]

_CHUNK = 8192  # triples per yielded chunk: large enough to amortise, small enough to stream
#: Entries a writer's spelling cache holds before it starts again: a graph of ten million triples
#: has millions of IRIs seen once (axioms, evidence); a full cache of them took gigabytes.
_CACHE_ENTRIES = 1 << 18
_NODE_RUN_BYTES = 128 << 20  # JSON-LD node objects held in memory before a sorted run goes to disk
_TYPE = RDF.type.n3()
# Turtle PN_LOCAL allows much more, but escapes and non-ASCII ranges are where parsers
# disagree; anything outside this plain subset is written as a full <IRI>.
_SAFE_LOCAL = re.compile(r"[A-Za-z_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?").fullmatch
_SAFE_BNODE = re.compile(r"[A-Za-z0-9_]+").fullmatch
# Characters Turtle allows raw in a string but that other tools read as line breaks or
# binary, and the C0 set an IRIREF may not hold raw: written as \uXXXX (UCHAR) instead.
_RAW_IN_LITERAL = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")
_RAW_IN_IRI = re.compile("[\x00-\x1f]")


def _batches(items: Iterable, size: int) -> Iterator[list]:
    items = iter(items)
    while True:
        batch = list(itertools.islice(items, size))
        if not batch:
            return
        yield batch


def _chunks(items: Iterable, render) -> Iterator[bytes]:
    for batch in _batches(items, _CHUNK):
        yield render(batch).encode("utf-8")


# ---------------------------------------------------------------- N-Triples

def ntriples(canon: CanonicalGraph) -> Iterator[bytes]:
    """Sorted N-Triples lines, byte for byte what sorting rdflib's ``nt`` output gives.

    The canonical graph's lines are rdflib's own N-Triples (terms spelt by ``n3()`` and
    ``_quoteLiteral``), already in order: they are written as they are (a sorted file on disk
    is copied block by block, no line decoded).
    """
    if not len(canon):
        yield b"\n"
        return
    yield from canon.text() if canon.path is not None else _chunks(canon.lines(), "".join)


# ---------------------------------------------------------------- names shared by Turtle and JSON-LD

class _Names:
    """IRI → short form under a prefix map, cached, with a per-format fallback."""

    def __init__(self, prefixes: dict[str, str], legal, full) -> None:
        self._split = namespace_splitter(prefixes)
        self._legal, self._full, self._cache = legal, full, {}

    def __call__(self, iri: str) -> str:
        name = self._cache.get(iri)
        if name is None:
            _make_room(self._cache)
            name = self._cache[iri] = self._shorten(iri)
        return name

    def _shorten(self, iri: str) -> str:
        found = self._split(iri)
        if found is not None and self._legal(found[1]):
            return f"{found[0]}:{found[1]}"
        return self._full(iri)


def _bnode_labels():
    """Blank-node label → a label every syntax accepts.

    Canonical labels are plain already; any other is numbered in order of appearance
    with a ``-``, which no plain label contains, so the two can never collide.
    """
    labels: dict[str, str] = {}

    def label(node: str) -> str:
        if _SAFE_BNODE(node):
            return node
        return labels.setdefault(node, f"b-{len(labels)}")
    return label


def _make_room(cache: dict) -> None:
    """Empty a full spelling cache: what it held is worked out again when next seen (the
    bytes written never depend on it), the terms that repeat are soon cached again."""
    if len(cache) >= _CACHE_ENTRIES:
        cache.clear()


def _uchar(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04X}"


# ---------------------------------------------------------------- Turtle

def _turtle_iri(iri: str) -> str:
    """``<iri>``; rdflib's check refuses characters an IRI may not hold, controls are escaped."""
    return _RAW_IN_IRI.sub(_uchar, URIRef(iri).n3())


def turtle(canon: CanonicalGraph) -> Iterator[bytes]:
    """Flat Turtle: subjects in canonical order, predicates grouped with ``;``, objects with ``,``.

    IRIs become prefixed names only when the local part is a plain name (see
    ``_SAFE_LOCAL``); literals keep their N-Triples spelling with the datatype
    shortened, so escapes are rdflib's and numbers stay typed (``"1.5"^^xsd:decimal``).
    Blank nodes keep the canonical labels instead of being nested: one pass, no look-ahead.
    """
    name = _Names(canon.prefixes, lambda local: local == "" or _SAFE_LOCAL(local) is not None, _turtle_iri)
    bnode = _bnode_labels()

    def term(key: str) -> str:
        """The Turtle form of a spelling, cached unless it is a string (strings are mostly distinct)."""
        _make_room(forms)
        if key[0] == '"':
            if key[-1] != ">":
                return _RAW_IN_LITERAL.sub(_uchar, key) if _RAW_IN_LITERAL.search(key) else key
            end = key.rindex('"^^<')  # typed (numbers, mostly: they repeat): the datatype follows the last quote
            form = f"{key[:end + 1]}^^{name(key[end + 4:-1])}"
            forms[key] = form = _RAW_IN_LITERAL.sub(_uchar, form) if _RAW_IN_LITERAL.search(form) else form
            return form
        form = forms[key] = "_:" + bnode(key[2:]) if key[0] == "_" else name(key[1:-1])
        return form

    forms: dict[str, str] = {}  # N-Triples spelling of an IRI or blank node -> Turtle spelling
    verbs: dict[str, str] = {_TYPE: "a"}  # the same for predicates, where rdf:type is written ``a``
    yield "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in canon.prefixes.items()).encode("utf-8")
    state = {"s": None, "p": None}

    def render(lines: list[str]) -> str:
        out = []
        add, get, verb, end = out.append, forms.get, verbs.get, " .\n"
        prev_s, prev_p = state["s"], state["p"]
        for line in lines:  # the loop of the export: one split and three look-ups per triple
            ks, kp, ko = line.split(" ", 2)
            ko = ko[:-3]
            obj = get(ko) or term(ko)
            if ks != prev_s:
                add(f"{end if prev_s is not None else ''}\n{get(ks) or term(ks)} {verb(kp) or term(kp)} {obj}")
            elif kp != prev_p:
                add(f" ;\n    {verb(kp) or term(kp)} {obj}")
            else:
                add(f",\n        {obj}")
            prev_s, prev_p = ks, kp
        state["s"], state["p"] = prev_s, prev_p
        return "".join(out)

    yield from _chunks(canon.lines(), render)
    if len(canon):
        yield b" .\n"


# ---------------------------------------------------------------- JSON-LD

def _jsonld_full(prefixes: dict[str, str]):
    def full(iri: str) -> str:
        scheme = iri.partition(":")[0]
        if scheme in prefixes or scheme == "_":
            raise ExportError(f"JSON-LD: the IRI {iri!r} would read as a compact IRI (prefix {scheme!r})")
        return iri
    return full


def jsonld(canon: CanonicalGraph) -> Iterator[bytes]:
    """Flat JSON-LD: one node object per subject, sorted by ``@id``, one per line.

    Values are always explicit (``{"@id"}`` or ``{"@value", "@type"|"@language"}``) with
    the lexical form as a string, so no JSON number rounding or implicit typing can alter
    a literal.  IRIs are compacted with the context's prefixes; ``rdf:type`` objects that
    are IRIs go under ``@type``.
    """
    prefixes = canon.prefixes
    name = _Names(prefixes, lambda local: not local.startswith("//"), _jsonld_full(prefixes))
    bnode = _bnode_labels()
    idents: dict[str, str] = {}  # N-Triples spelling of an IRI or blank node -> @id or key

    def ident(key: str) -> str:
        found = idents.get(key)
        if found is None:
            _make_room(idents)
            found = idents[key] = "_:" + bnode(key[2:]) if key[0] == "_" else name(key[1:-1])
        return found

    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode  # one encoder for every node
    nodes = NodeSorter()  # (@id, node object): sorted by @id, not the subjects' N-Triples order
    subject, item = None, None
    get = idents.get
    typed: dict[str, dict] = {}  # a typed literal's value object, made once (numbers repeat); JSON only reads it
    for line in canon.lines():
        ks, kp, ko = line.split(" ", 2)
        ko = ko[:-3]
        if ks != subject:
            if item is not None:
                nodes.add(item["@id"], encode(item))
            subject, item = ks, {"@id": get(ks) or ident(ks)}
        if ko[0] == '"':  # a literal
            value = typed.get(ko)
            if value is None:
                text, language, datatype = literal_parts(ko)
                value = {"@value": text}
                if language:
                    value["@language"] = language
                elif datatype is not None:
                    value["@type"] = name(datatype)
                    _make_room(typed)
                    typed[ko] = value
            item.setdefault(get(kp) or ident(kp), []).append(value)
        elif kp == _TYPE and ko[0] == "<":
            item.setdefault("@type", []).append(get(ko) or ident(ko))
        else:
            item.setdefault(get(kp) or ident(kp), []).append({"@id": get(ko) or ident(ko)})
    if item is not None:
        nodes.add(item["@id"], encode(item))
    context = json.dumps(prefixes, ensure_ascii=False, sort_keys=True, indent=1).replace("\n", "\n ")
    yield f'{{\n "@context": {context},\n "@graph": [\n'.encode("utf-8")
    separators = itertools.chain(["  "], itertools.repeat(",\n  "))
    yield from _chunks(nodes.sorted(), lambda part: "".join([next(separators) + node for node in part]))
    yield b"\n ]\n}\n"


class NodeSorter:
    """Node objects sorted by ``@id``: in memory, or, past ``run_bytes`` of text, in sorted
    runs on disk merged at the end (a graph of tens of millions of triples).

    A run holds one ``@id<TAB>node`` line per node: an ``@id`` of the store holds no tab
    and no line break (IRIs cannot), and JSON escapes both inside the node object.
    """

    def __init__(self, run_bytes: int | None = None) -> None:
        self._run_bytes, self._size = run_bytes or _NODE_RUN_BYTES, 0
        self._nodes: list[tuple[str, str]] = []
        self._runs: list = []

    def add(self, ident: str, node: str) -> None:
        self._nodes.append((ident, node))
        self._size += len(node)
        if self._size > self._run_bytes:
            self._spill()

    def _spill(self) -> None:
        self._nodes.sort()
        run = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")
        run.writelines(f"{ident}\t{node}\n" for ident, node in self._nodes)
        run.seek(0)
        self._runs.append(run)
        self._nodes, self._size = [], 0

    def sorted(self) -> Iterator[str]:
        """The node objects in ``@id`` order (each run file is closed, so removed, when read)."""
        self._nodes.sort()
        if not self._runs:
            yield from (node for _, node in self._nodes)
            return
        self._spill()
        try:
            lines = heapq.merge(*self._runs, key=_ident)
            yield from (line[line.index("\t") + 1:-1] for line in lines)
        finally:
            for run in self._runs:
                run.close()


def _ident(line: str) -> str:
    return line[:line.index("\t")]

