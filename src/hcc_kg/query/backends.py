"""One query layer over several stores: a registry of backends returning the same rows.

``rdflib`` (an in-memory Graph) and ``oxigraph`` (a pyoxigraph Store, the default, much
faster) load the Turtle export; ``oxigraph`` also opens the store a build leaves in
``<out>/store`` where it is, with no reload; ``remote`` speaks the SPARQL 1.1 protocol to any endpoint
(:mod:`hcc_kg.query.remote`).  Every backend's :meth:`select` takes the query text and
parameter bindings as RDF terms and returns a :class:`~hcc_kg.query.results.QueryResult`
of normalized rows, so the same question gives equal answers on every store.

Embedded backends bind natively or, with ``binding="values"``, the way the remote backend
must: a ``VALUES`` block.  Native binding is rdflib's ``initBindings``; for pyoxigraph it is
the ``VALUES`` block too, since Oxigraph's optimizer plans with a ``VALUES`` row (a bound
drug is the first pattern it looks up) but not with ``substitutions``, which it applies
after planning: ``agents_acting_on_target``, ``shared_targets``, ``pathways_of_drug`` and
``evidence_for_hazard_ratios`` ran 10-40x slower with them on the shipped store.

>>> import rdflib
>>> g = rdflib.Graph().parse(data='<urn:a> <urn:p> 4 .', format="turtle")
>>> RdflibBackend(g).select("SELECT ?s ?o WHERE { ?s <urn:p> ?o }", {}).rows
[{'s': IRI('urn:a'), 'o': 4}]
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable, Mapping, Protocol

import rdflib
from rdflib import Literal, URIRef
from rdflib.term import BNode, Node

from ..errors import GraphError, QueryError
from .binding import KIND_QUERY, NAME_QUERY, NameIndex, bind, with_values
from .library import CompetencyQuery
from .results import IRI, QueryResult, literal_value

BINDING_MODES = ("native", "values")
COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


class Backend(Protocol):
    """A SPARQL engine the competency questions run on: ``select`` binds parameters and returns rows."""

    name: str

    def select(self, query: str, bindings: Mapping[str, Node]) -> QueryResult: ...


@dataclass(frozen=True)
class BackendSettings:
    """Where the data is: a Turtle file for embedded stores, an endpoint for a remote one."""

    graph: Path | None = None
    endpoint: str | None = None
    default_graph: str | None = None
    auth: tuple[str, str] | None = None
    timeout: float = 120.0
    binding: str = "native"
    max_bytes: int = 256 * 1024 * 1024  # largest reply body a remote store may send


def _check_mode(binding: str) -> None:
    if binding not in BINDING_MODES:
        raise QueryError(f"unknown binding mode {binding!r} (known: {', '.join(BINDING_MODES)})")


def _turtle(settings: BackendSettings) -> Path:
    path = Path(settings.graph) if settings.graph else None
    if path is None or not path.is_file():
        raise GraphError(f"no graph at {path}; run `hcc-kg build` first or pass --graph")
    return path


def _load_turtle(settings: BackendSettings, load: Callable[[Path], object],
                 errors: tuple[type[BaseException], ...]) -> None:
    """Check the binding mode, then ``load`` the Turtle file; ``errors`` become a QueryError."""
    _check_mode(settings.binding)
    try:
        load(_turtle(settings))
    except errors as exc:
        raise GraphError(f"cannot read the graph {settings.graph} as Turtle: {exc}") from exc


def _from_rdflib(term):
    if term is None:
        return None
    if isinstance(term, URIRef):
        return IRI(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        return literal_value(str(term), str(term.datatype) if term.datatype else None, term.language)
    return str(term)


@dataclass(frozen=True)
class RdflibBackend:
    """SPARQL by rdflib on an in-memory copy of a Turtle export (small graphs, reference answers)."""

    graph: rdflib.Graph
    binding: str = "native"
    name: str = "rdflib"

    @classmethod
    def open(cls, settings: BackendSettings) -> "RdflibBackend":
        graph = rdflib.Graph()
        _load_turtle(settings, lambda path: graph.parse(path, format="turtle"),
                     (Exception,))  # rdflib raises parser-specific errors
        return cls(graph, settings.binding)

    def select(self, query: str, bindings: Mapping[str, Node]) -> QueryResult:
        native = self.binding == "native"
        text = query if native else with_values(query, bindings)
        try:
            result = self.graph.query(text, initBindings=dict(bindings) if native and bindings else None)
            variables = tuple(str(v) for v in result.vars or ())
            rows = [{v: _from_rdflib(row[v]) for v in variables} for row in result]
        except QueryError:
            raise
        except Exception as exc:  # pyparsing and evaluation errors alike
            raise QueryError(f"rdflib could not run the query: {exc}") from exc
        return QueryResult(variables, rows)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _oxigraph_converter() -> Callable[[object], object]:
    """A function from a pyoxigraph term to its row value (see :mod:`hcc_kg.query.results`).

    It dispatches on the exact type, and a plain string is its own value: converting a row
    must cost less than the store's lookup of it (a by-name ``solution[var]`` alone costs
    several microseconds, so :meth:`OxigraphBackend.select` iterates the solution instead).
    """
    import pyoxigraph as ox

    named, literal, blank = ox.NamedNode, ox.Literal, ox.BlankNode

    def convert(term):
        kind = type(term)
        if kind is named:
            return IRI(term.value)
        if kind is literal:
            if term.language:
                return term.value
            datatype = term.datatype.value
            return term.value if datatype == _XSD_STRING else literal_value(term.value, datatype, None)
        if term is None:
            return None
        if kind is blank:
            return f"_:{term.value}"
        return str(term)

    return convert


def _open_store(path: Path):
    """A built store, read-only (no reload; a server may have it open too)."""
    import pyoxigraph as ox

    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise GraphError(f"cannot open {path} as an Oxigraph store: {exc}") from exc


@dataclass(frozen=True)
class OxigraphBackend:
    """SPARQL by Oxigraph on a built store (opened where it is) or on a Turtle export loaded into memory."""

    store: object  # pyoxigraph.Store
    binding: str = "native"
    name: str = "oxigraph"

    @classmethod
    def open(cls, settings: BackendSettings) -> "OxigraphBackend":
        """Load a Turtle export into memory, or open a built store (``<out>/store``) where it is."""
        import pyoxigraph as ox

        if settings.graph is not None and Path(settings.graph).is_dir():
            return cls(_open_store(Path(settings.graph)), settings.binding)
        store = ox.Store()
        _load_turtle(settings, lambda path: store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE),
                     (SyntaxError, OSError, ValueError))
        return cls(store, settings.binding)

    def _run(self, query: str, bindings: Mapping[str, Node]):
        # Both modes bind with a VALUES block, which the optimizer plans with (module docstring).
        return self.store.query(with_values(query, bindings))

    def select(self, query: str, bindings: Mapping[str, Node]) -> QueryResult:
        convert = _oxigraph_converter()
        try:
            solutions = self._run(query, bindings)
            variables = tuple(v.value for v in solutions.variables)
            # iterating a solution gives its terms in projection order, unbound ones as None
            rows = [dict(zip(variables, map(convert, solution))) for solution in solutions]
        except QueryError:
            raise
        except (SyntaxError, OSError, ValueError, AttributeError) as exc:
            raise QueryError(f"pyoxigraph could not run the query: {exc}") from exc
        return QueryResult(variables, rows)


def _open_remote(settings: BackendSettings):
    from .remote import RemoteBackend

    if not settings.endpoint:
        raise QueryError("the remote backend needs an endpoint URL (--endpoint)")
    ends = time.monotonic() + settings.timeout  # --timeout bounds the whole command, every request in it
    return RemoteBackend(settings.endpoint, settings.default_graph, settings.auth, settings.timeout,
                         max_bytes=settings.max_bytes, ends=ends)


#: Backend name → opener.  ``oxigraph`` is the default.
BACKENDS: dict[str, Callable[[BackendSettings], Backend]] = {
    "oxigraph": OxigraphBackend.open,
    "rdflib": RdflibBackend.open,
    "remote": _open_remote,
}
DEFAULT_BACKEND = "oxigraph"


def open_backend(name: str, settings: BackendSettings) -> Backend:
    """Open the backend registered as ``name`` (``BACKENDS``) with ``settings``; an unknown name is a QueryError."""
    try:
        opener = BACKENDS[name]
    except KeyError:
        raise QueryError(f"unknown backend {name!r} (known: {', '.join(BACKENDS)})") from None
    return opener(settings)


@dataclass(frozen=True)
class Runner:
    """Runs competency queries on one backend; resolves names against that backend's graph once."""

    backend: Backend

    @cached_property
    def names(self) -> NameIndex:
        return NameIndex.from_rows(self.backend.select(NAME_QUERY, {}).rows, self.backend.select(KIND_QUERY, {}).rows)

    def bindings(self, query: CompetencyQuery, params: Mapping[str, str] | None = None) -> dict[str, Node]:
        return bind(query, params, lambda: self.names)

    def run(self, query: CompetencyQuery, params: Mapping[str, str] | None = None) -> QueryResult:
        return self.backend.select(query.text, self.bindings(query, params))

    def count_triples(self) -> int:
        return int(self.backend.select(COUNT_QUERY, {}).rows[0]["n"])
