"""Stage 5b: the built graph, held once, in a pyoxigraph (Oxigraph) store.

The reasoned ABox's individuals, facts, evidence and inferred marks (:mod:`hcc_kg.store.rdf`,
as N-Triples text, parsed by Oxigraph itself) and the ontology are written in bulk into one
:class:`GraphStore`; validation, exports,
the NetworkX projection and queries all read that store.  With an output folder the store
is a RocksDB database at ``<out>/store`` that opens directly as an Oxigraph database
(``hcc-kg serve --store <out>/store`` or ``oxigraph serve-read-only --location …``); a
build without an output folder keeps it in memory, so nothing is left behind.

The store holds no blank nodes: the ontology's (restrictions, lists) are skolemised into
IRIs under :data:`GENID_NS` named by a hash of their structure (:func:`skolemise`), so the
exports load into any store as the same graph however often, and in whatever interleaving,
they are loaded.

:class:`GraphStore` also answers the read-only subset of rdflib's Graph API that the
downstream stages use (``triples``, ``subjects``, ``objects``, ``value``,
``predicate_objects``, iteration, ``len``, ``in``), with rdflib terms converted once per
distinct term, so code written for small rdflib graphs reads the store unchanged.

>>> from rdflib import Literal, URIRef
>>> store = GraphStore.in_memory()
>>> store.add_triples([(URIRef("urn:a"), URIRef("urn:p"), Literal(2))])
>>> len(store), store.value(URIRef("urn:a"), URIRef("urn:p"))
(1, rdflib.term.Literal('2', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')))
"""

from __future__ import annotations

import gc
import itertools
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
import rdflib
from rdflib import XSD, BNode, Literal, URIRef

from ..errors import ExportError, GraphError
from .blank_nodes import canonical_triples
from ..gc_control import gc_paused
from .rdf import new_graph

#: Skolem IRIs (RDF 1.1 §3.5) for the ontology's blank nodes.
GENID_NS = "https://w3id.org/hcc-kg/.well-known/genid/"
STORE_DIRNAME = "store"
_DECIMAL = str(XSD.decimal)
_BATCH = 100_000  # quads per bulk_extend or bulk_load call: bounded memory, few calls

Triple = tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]


def skolemise(graph: rdflib.Graph) -> Iterator[Triple]:
    """``graph``'s triples with every blank node replaced by a structure-derived IRI.

    Triples holding a blank node are canonicalised together (rdflib's canonical labels
    depend only on the graph's structure), then each label becomes an IRI under
    :data:`GENID_NS`; the same ontology always gives the same IRIs.

    >>> g = rdflib.Graph().add((URIRef("urn:c"), URIRef("urn:p"), BNode("x")))
    >>> [o.startswith(GENID_NS) for _, _, o in skolemise(g)]
    [True]
    """
    with_blanks = rdflib.Graph()
    for triple in graph:
        if any(isinstance(node, BNode) for node in triple):
            with_blanks.add(triple)
        else:
            yield triple
    for triple in canonical_triples(with_blanks):
        yield tuple(URIRef(GENID_NS + str(n)) if isinstance(n, BNode) else n for n in triple)


class _Terms:
    """rdflib ↔ pyoxigraph terms, each distinct term converted once.

    Oxigraph keeps typed literals by value: ``"0.50"^^xsd:decimal`` comes back as
    ``"0.5"``, and derived integer types as ``xsd:integer`` (an OWL cardinality's
    ``"2"^^xsd:nonNegativeInteger`` included).  So every literal written through this
    object is remembered, and reading gives back the literal that was written (of several
    written literals with one value, the first in N-Triples order): the exports keep their
    spelling.  A store opened later reads in Oxigraph's canonical forms, decimals with a
    point as the exports write them (``"400.0"``).  Reads are cached up to
    :data:`READ_CACHE_TERMS` terms.
    """

    def __init__(self) -> None:
        self._to_ox: dict = {}
        self._from_ox: dict = {}
        self._written: dict = {}  # value key -> the literal written with that value
        self.typed_strings = False  # was a literal written typed xsd:string (not a plain one)?

    def to_ox(self, term):
        found = self._to_ox.get(term)
        if found is None:
            found = self._to_ox[term] = _to_ox(term)
            if type(term) is not URIRef:
                self._remember(term)
        return found

    def _remember(self, written: Literal) -> None:
        key = _value_key(str(written), written.datatype, written.language)
        if written.datatype is not None and str(written.datatype) == _XSD + "string":
            self.typed_strings = True
        earlier = self._written.get(key)
        if earlier is None or (earlier != written and written.n3() < earlier.n3()):
            self._written[key] = written
            self._from_ox.clear()  # a cached read of that value may now be stale (rare: same value twice)

    def from_ox(self, term):
        found = self._from_ox.get(term)
        if found is None:
            if self._written and isinstance(term, ox.Literal):
                found = self._written.get(_value_key(term.value, term.datatype.value, term.language))
            if found is None:
                found = _from_ox(term)
            if len(self._from_ox) >= READ_CACHE_TERMS:  # a scan of a large store: start again, bounded
                self._from_ox.clear()
            self._from_ox[term] = found
        return found


#: Terms read (pyoxigraph -> rdflib) kept for the next read.  Only a speed-up (what was written is
#: kept apart, in ``_Terms._written``): held whole, the shape view's scan of a million-triple store
#: would keep every individual's two terms for the rest of the build (hundreds of megabytes).
READ_CACHE_TERMS = 100_000

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = frozenset(_XSD + n for n in (
    "integer nonNegativeInteger positiveInteger nonPositiveInteger negativeInteger long int short byte "
    "unsignedLong unsignedInt unsignedShort unsignedByte").split())
_VALUE_OF = {_XSD + "decimal": Decimal, _XSD + "double": float, _XSD + "float": float,
             **{dt: int for dt in _INTEGER_TYPES}}


def _value_key(lexical: str, datatype, language) -> tuple:
    """What Oxigraph keeps of a literal: its value for the numeric types it parses, else its spelling.

    >>> _value_key("0.50", _XSD + "decimal", None) == _value_key("0.5", _XSD + "decimal", None)
    True
    >>> _value_key("2", _XSD + "nonNegativeInteger", None) == _value_key("2", _XSD + "integer", None)
    True
    """
    if language:
        return ("@", lexical, language.lower())
    datatype = str(datatype) if datatype is not None else _XSD + "string"
    parse = _VALUE_OF.get(datatype)
    if parse is not None:
        try:
            return (int if datatype in _INTEGER_TYPES else datatype, parse(lexical))
        except (ValueError, ArithmeticError):
            pass
    return (datatype, lexical)


def _get(known: dict, term, convert):
    """``known[term]``, else ``convert(term)``; tested with ``is None``, since an rdflib
    Literal's truth is its value's (``Literal(0)`` is false) and asking costs a Python call."""
    found = known.get(term)
    return convert(term) if found is None else found


def _to_ox(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise GraphError(f"the store takes IRIs and literals only, not {term!r} (skolemise blank nodes first)")


def _from_ox(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        value = term.value
        if datatype == _DECIMAL and "." not in value and "E" not in value.upper():
            value += ".0"
        return Literal(value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise GraphError(f"unexpected term in the store: {term!r}")


class GraphStore:
    """A pyoxigraph Store with rdflib-term reads (see the module docstring)."""

    def __init__(self, store: ox.Store, path: Path | None = None, writable: bool = True) -> None:
        self.store = store
        self.path = path
        self.writable = writable  # a read-only store (GraphStore.open) has nothing to flush
        self._terms = _Terms()

    # -- opening -------------------------------------------------------------
    @classmethod
    def in_memory(cls) -> "GraphStore":
        return cls(ox.Store())

    @classmethod
    def create(cls, path: Path) -> "GraphStore":
        """A new, empty store on disk at ``path`` (which must not exist yet)."""
        try:
            return cls(ox.Store(str(path)), Path(path))
        except OSError as exc:
            raise ExportError(f"cannot create a store at {path}: {exc}") from exc

    @classmethod
    def open(cls, path: Path | str, read_only: bool = True) -> "GraphStore":
        """A built store (``<out>/store``); read-only by default, so a running server may share it."""
        path = Path(path)
        if not path.is_dir():
            raise GraphError(f"no store at {path}; run `hcc-kg build --out …` first")
        try:
            store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as exc:
            raise GraphError(f"cannot open the store at {path}: {exc}") from exc
        return cls(store, path, writable=not read_only)

    def reopened_at(self, path: Path | str) -> "GraphStore":
        """The same graph, opened read-only at ``path`` (where it was published), reading
        literals as this object wrote them (``"0.50"``, not Oxigraph's ``"0.5"``)."""
        reopened = GraphStore.open(path)
        reopened._terms = self._terms
        return reopened

    def close(self) -> None:
        """Release the database (pyoxigraph closes it when its last reference goes); again: nothing."""
        if self.store is None:
            return
        if self.path is not None and self.writable:
            self.store.flush()
        self.store = None
        gc.collect()

    # -- writing -------------------------------------------------------------
    def add_triples(self, triples: Iterable[Triple]) -> None:
        """Write ``triples`` (rdflib terms, no blank nodes) in bulk."""
        known, convert, quad = self._terms._to_ox, self._terms.to_ox, ox.Quad  # locals: once per triple
        batch: list = []
        append = batch.append
        with gc_paused():
            for s, p, o in triples:
                append(quad(_get(known, s, convert), _get(known, p, convert), _get(known, o, convert)))
                if len(batch) >= _BATCH:
                    self.store.bulk_extend(batch)
                    batch.clear()
            if batch:
                self.store.bulk_extend(batch)

    def add_ntriples(self, triples: Iterable[tuple[str, str, str]]) -> None:
        """Write ``triples`` (N-Triples terms, no blank nodes) in bulk, parsed by Oxigraph.

        The text is made and loaded :data:`_BATCH` triples at a time: Oxigraph's bulk loader
        holds what one call gives it, so one call for everything would hold the whole graph.
        Typed literals are remembered as :meth:`add_triples` remembers them: reads give back
        their spelling.
        """
        typed: set[str] = set()
        triples = iter(triples)
        while True:
            lines = []
            for s, p, o in itertools.islice(triples, _BATCH):
                if o[-1] == ">" and o[0] == '"':
                    typed.add(o)
                lines.append(f"{s} {p} {o} .\n")
            if not lines:
                break
            self.store.bulk_load("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        for term in typed:
            self._terms._remember(_typed_literal(term))

    # -- reading, as an rdflib Graph reads -----------------------------------
    def triples(self, pattern: tuple) -> Iterator[Triple]:
        """Triples matching ``(s, p, o)`` (None for any), as rdflib terms."""
        to_ox = self._terms.to_ox
        s, p, o = (None if term is None else to_ox(term) for term in pattern)
        known, convert = self._terms._from_ox, self._terms.from_ox
        for quad in self.store.quads_for_pattern(s, p, o, ox.DefaultGraph()):
            # inlined lookups (no call per term): this loop runs once per triple of every export
            s, p, o = quad.subject, quad.predicate, quad.object
            rs, rp, ro = known.get(s), known.get(p), known.get(o)
            yield (convert(s) if rs is None else rs, convert(p) if rp is None else rp,
                   convert(o) if ro is None else ro)

    def __iter__(self) -> Iterator[Triple]:
        return self.triples((None, None, None))

    def __len__(self) -> int:
        return len(self.store)

    def __contains__(self, triple) -> bool:
        return next(self.triples(tuple(triple)), None) is not None

    def subjects(self, predicate=None, obj=None) -> Iterator:
        return (s for s, _, _ in self.triples((None, predicate, obj)))

    def objects(self, subject=None, predicate=None) -> Iterator:
        return (o for _, _, o in self.triples((subject, predicate, None)))

    def predicate_objects(self, subject=None) -> Iterator:
        return ((p, o) for _, p, o in self.triples((subject, None, None)))

    def subject_objects(self, predicate=None) -> Iterator:
        return ((s, o) for s, _, o in self.triples((None, predicate, None)))

    def value(self, subject=None, predicate=None, obj=None):
        """The first matching term of the one position left open (as ``rdflib.Graph.value``)."""
        for s, p, o in self.triples((subject, predicate, obj)):
            return o if obj is None else s if subject is None else p
        return None

    def query(self, sparql: str):
        """A SPARQL query on the store (pyoxigraph results)."""
        return self.store.query(sparql)

    def to_rdflib(self) -> rdflib.Graph:
        """A full rdflib copy, with the project's prefixes: for small graphs and tests."""
        graph = new_graph()
        graph.addN((s, p, o, graph) for s, p, o in self)
        return graph

    # -- reading in bulk, for the exports (hcc_kg.store.canonical) -----------
    def dump_ntriples(self, path: Path | str) -> None:
        """Every triple as an N-Triples line in ``path``, in no order, written by Oxigraph (in Rust).

        Literals come in Oxigraph's spelling; :meth:`read_term` gives back the written one.
        """
        self.store.dump(str(path), ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())

    def wrote_typed_strings(self) -> bool:
        """Whether a literal was written typed ``xsd:string`` (it reads back typed, where
        Oxigraph's dump spells it as a plain string); the build writes plain strings only."""
        return self._terms.typed_strings

    def read_term(self, term):
        """The rdflib term for a pyoxigraph term, as :meth:`triples` reads it: a literal
        Oxigraph normalised (``"0.50"`` kept as ``0.5``) comes back as this object wrote it."""
        return self._terms.from_ox(term)


def _typed_literal(term: str) -> Literal:
    """An N-Triples typed literal (``"0.50"^^<…#decimal>``) as an rdflib Literal, spelling kept.

    >>> _typed_literal('"0.50"^^<http://www.w3.org/2001/XMLSchema#decimal>')
    rdflib.term.Literal('0.50', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    >>> str(_typed_literal(r'"a\\"b\\\\"^^<urn:t>'))
    'a"b\\\\'
    """
    quoted, datatype = term.rsplit("^^", 1)
    return Literal(_unescape(quoted[1:-1]), datatype=URIRef(datatype[1:-1]))


_UNESCAPE = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    out, chars = [], iter(text)
    for char in chars:
        out.append(_UNESCAPE[next(chars)] if char == "\\" else char)
    return "".join(out)


__all__ = ["GENID_NS", "GraphStore", "STORE_DIRNAME", "skolemise"]
