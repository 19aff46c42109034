"""Canonical triple order and streaming writers for N-Triples, Turtle and JSON-LD.

rdflib's Turtle and JSON-LD serializers build nested per-subject structures and query
the store again and again; on a million triples they take minutes and grow faster than
the graph.  Here a graph is reduced once to a list of triples sorted by their N-Triples
spelling (:class:`CanonicalGraph`), and each writer makes a single pass over that list,
yielding the document in chunks so no format ever exists as one string.  Every choice
(order, prefixes, blank-node labels) follows from the triples alone, so the same graph
always gives the same bytes.
"""

from __future__ import annotations

import json
import re
from typing import Iterable, Iterator

import rdflib
from rdflib import RDF, BNode, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.plugins.serializers.nt import _quoteLiteral

from ..errors import ExportError
from .rdf import PREFIXES, namespace_splitter

_CHUNK = 8192  # triples per yielded chunk: large enough to amortise, small enough to stream
_TYPE = RDF.type.n3()
# Turtle PN_LOCAL allows much more, but escapes and non-ASCII ranges are where parsers
# disagree; anything outside this plain subset is written as a full <IRI>.
_SAFE_LOCAL = re.compile(r"[A-Za-z_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?").fullmatch
_SAFE_BNODE = re.compile(r"[A-Za-z0-9_]+").fullmatch
# Characters Turtle allows raw in a string but that other tools read as line breaks or
# binary, and the C0 set an IRIREF may not hold raw: written as \uXXXX (UCHAR) instead.
_RAW_IN_LITERAL = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")
_RAW_IN_IRI = re.compile("[\x00-\x1f]")


class CanonicalGraph:
    """Triples in canonical order, each row ``(s_nt, p_nt, o_nt, s, p, o)``, plus prefixes.

    A light stand-in for a second rdflib Graph: the writers need the sorted N-Triples
    spelling of every term (it is both the sort key and most of the output), and the
    KGX export only iterates.  Holding tuples instead of rdflib's three indexes keeps a
    large export within a fraction of the graph's own memory.
    """

    __slots__ = ("rows", "prefixes")

    def __init__(self, rows: list[tuple], prefixes: dict[str, str]) -> None:
        self.rows = rows
        self.prefixes = prefixes

    def __iter__(self) -> Iterator[tuple]:
        return (row[3:] for row in self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __contains__(self, triple) -> bool:
        wanted = tuple(triple)
        return any(row[3:] == wanted for row in self.rows)  # a linear scan: for tests, not for lookups

    def to_graph(self) -> rdflib.Graph:
        """The same triples as an rdflib Graph (for comparisons; costs a full copy)."""
        graph = rdflib.Graph()
        for prefix, ns in self.prefixes.items():
            graph.bind(prefix, ns, override=True)
        graph.addN((s, p, o, graph) for s, p, o in self)
        return graph


def _spell(node, names: dict[str, str]) -> str:
    """A term's N-Triples spelling by rdflib's own code; IRIs are checked and spelt once."""
    if isinstance(node, Literal):
        return _quoteLiteral(node)
    if type(node) is URIRef:
        return names.get(str(node)) or names.setdefault(str(node), node.n3())
    return node.n3()


def _rows(triples: Iterable[tuple], bnodes: rdflib.Graph | None = None) -> list[tuple]:
    """Rows for :class:`CanonicalGraph`; with ``bnodes``, triples holding a blank node go there instead.

    The loop runs once per triple of the graph, so the common case (IRI, IRI, IRI or
    literal) is tested by exact type (``isinstance`` on rdflib terms is several times
    slower), and IRI spellings are cached under plain-string keys, whose hashing and
    equality stay in C where rdflib's ``__eq__`` would not.
    """
    rows: list[tuple] = []
    append = rows.append
    names: dict[str, str] = {}
    get = names.get
    for triple in triples:
        s, p, o = triple
        if type(s) is URIRef and type(p) is URIRef and (type(o) is URIRef or type(o) is Literal):
            ks = get(str(s)) or _spell(s, names)
            kp = get(str(p)) or _spell(p, names)
            ko = _quoteLiteral(o) if type(o) is Literal else get(str(o)) or _spell(o, names)
        elif bnodes is not None and any(isinstance(node, BNode) for node in triple):
            bnodes.add(triple)
            continue
        else:
            ks, kp, ko = _spell(s, names), _spell(p, names), _spell(o, names)
        append((ks, kp, ko, s, p, o))
    return rows


def _prefixes(prefixes: dict | None) -> dict[str, str]:
    return {p: str(ns) for p, ns in sorted((PREFIXES if prefixes is None else prefixes).items())}


def canonical(graph: "rdflib.Graph | Iterable[tuple]", prefixes: dict | None = None) -> CanonicalGraph:
    """The graph's triples with deterministic blank-node labels, in canonical order.

    ``graph`` is anything that iterates rdflib triples: an rdflib Graph, or the build's
    store (:class:`hcc_kg.store.oxigraph.GraphStore`, which holds no blank nodes).

    Blank nodes only connect through triples that contain one, so canonicalising that
    (small, ontology-only) part with rdflib is enough and far cheaper than the whole
    graph; the rest is only sorted.  N-Triples spellings are the sort key, a total order
    that, unlike rdflib's value-based Literal comparison, cannot depend on input order.
    """
    with_bnodes = rdflib.Graph()
    rows = _rows(graph, with_bnodes)
    rows += _rows(to_canonical_graph(with_bnodes))
    rows.sort()
    return CanonicalGraph(rows, _prefixes(prefixes))


def as_sorted(graph: rdflib.Graph, prefixes: dict | None = None) -> CanonicalGraph:
    """``graph`` in canonical order, keeping its blank-node labels (already canonical)."""
    rows = _rows(graph)
    rows.sort()
    return CanonicalGraph(rows, _prefixes(prefixes))


def _chunks(rows: list, render) -> Iterator[bytes]:
    for start in range(0, len(rows), _CHUNK):
        yield render(rows[start:start + _CHUNK]).encode("utf-8")


# ---------------------------------------------------------------- N-Triples

def ntriples(canon: CanonicalGraph) -> Iterator[bytes]:
    """Sorted N-Triples lines, byte for byte what sorting rdflib's ``nt`` output gives.

    Terms are spelt by rdflib's own N-Triples code (``n3()``, ``_quoteLiteral``).  No
    term spelling contains a character below the space that separates them, so sorting
    rows by their three spellings orders the lines exactly as sorting the lines would.
    """
    if not canon.rows:
        yield b"\n"
        return
    yield from _chunks(canon.rows, lambda rows: "".join([f"{r[0]} {r[1]} {r[2]} .\n" for r in rows]))


# ---------------------------------------------------------------- names shared by Turtle and JSON-LD

class _Names:
    """IRI → short form under a prefix map, cached, with a per-format fallback."""

    def __init__(self, prefixes: dict[str, str], legal, full) -> None:
        self._split = namespace_splitter(prefixes)
        self._legal, self._full, self._cache = legal, full, {}

    def __call__(self, iri: str) -> str:
        name = self._cache.get(iri)
        if name is None:
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

    forms: dict[str, str] = {}  # N-Triples spelling of an IRI or blank node -> Turtle spelling

    def term(key: str, node) -> str:
        form = forms.get(key)
        if form is not None:
            return form
        if key[0] == '"':  # literals are mostly distinct: not worth caching
            if node.datatype is not None:
                key = f"{key[:len(key) - len(node.datatype) - 4]}^^{name(node.datatype)}"
            return _RAW_IN_LITERAL.sub(_uchar, key) if _RAW_IN_LITERAL.search(key) else key
        form = forms[key] = "_:" + bnode(key[2:]) if key[0] == "_" else name(key[1:-1])
        return form

    yield "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in canon.prefixes.items()).encode("utf-8")
    state = {"s": None, "p": None}

    def render(rows) -> str:
        out = []
        add = out.append
        prev_s, prev_p = state["s"], state["p"]
        for ks, kp, ko, s, p, o in rows:
            if ks != prev_s:
                if prev_s is not None:
                    add(" .\n")
                add(f"\n{term(ks, s)} {'a' if kp == _TYPE else term(kp, p)} ")
            elif kp != prev_p:
                add(f" ;\n    {'a' if kp == _TYPE else term(kp, p)} ")
            else:
                add(",\n        ")
            add(term(ko, o))
            prev_s, prev_p = ks, kp
        state["s"], state["p"] = prev_s, prev_p
        return "".join(out)

    yield from _chunks(canon.rows, render)
    if canon.rows:
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
            found = idents[key] = "_:" + bnode(key[2:]) if key[0] == "_" else name(key[1:-1])
        return found

    rows = canon.rows
    groups = []  # (subject @id, first row, end row): sorting these is cheap, rows stay put
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i][0] != rows[start][0]:
            groups.append((ident(rows[start][0]), start, i))
            start = i
    groups.sort()

    def node_object(subject: str, first: int, end: int) -> str:
        item: dict = {"@id": subject}
        for _, kp, ko, _, _, o in rows[first:end]:
            if ko[0] == '"':  # a literal
                value = {"@value": str(o)}
                if o.language:
                    value["@language"] = o.language
                elif o.datatype is not None:
                    value["@type"] = name(str(o.datatype))
                item.setdefault(ident(kp), []).append(value)
            elif kp == _TYPE and ko[0] == "<":
                item.setdefault("@type", []).append(ident(ko))
            else:
                item.setdefault(ident(kp), []).append({"@id": ident(ko)})
        return json.dumps(item, ensure_ascii=False, sort_keys=True)

    context = json.dumps(prefixes, ensure_ascii=False, sort_keys=True, indent=1).replace("\n", "\n ")
    yield f'{{\n "@context": {context},\n "@graph": [\n'.encode("utf-8")
    first = groups[0] if groups else None
    yield from _chunks(groups, lambda part: "".join(
        [("  " if group is first else ",\n  ") + node_object(*group) for group in part]))
    yield b"\n ]\n}\n"
