"""Stage 5: the reasoned World → triples with evidence and inferred marks.

:func:`abox_triples` streams them into the build's store (:mod:`hcc_kg.store.oxigraph`);
:func:`build_graph` gives the same graph as an rdflib Graph, for small graphs and tests.

The ontology (TBox) comes from its Turtle file as authored, so its blank-node structure
is stable; individuals and facts come from the World.  owlready2 reifies annotated facts
as blank ``owl:Axiom`` nodes; they get IRIs derived from the fact they annotate, so two
builds of the same corpus give identical files.  Every triple the reasoner added gets an
axiom with ``hcc:assertionStatus "inferred"``.
"""

from __future__ import annotations

import gc
import hashlib
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import rdflib
from rdflib import OWL, RDF, XSD, Literal, URIRef

from ..owl.reason import Reasoned
from ..owl.quadstore import axiom_storids, world_rows
from ..ids import GRAPH_NAMESPACES
from ..vocab import ONTOLOGY_NS, RESOURCE_NS

HCC = rdflib.Namespace(ONTOLOGY_NS)
HCCR = rdflib.Namespace(RESOURCE_NS)
#: The namespaces our files bind: the one list in hcc_kg.ids, as rdflib Namespaces.
PREFIXES = {prefix: rdflib.Namespace(ns) for prefix, ns in GRAPH_NAMESPACES.items()}
def namespace_splitter(prefixes=None) -> Callable[[str], tuple[str, str] | None]:
    """A function splitting an IRI into (prefix, local name) under its longest matching
    namespace in ``prefixes`` (default :data:`PREFIXES`), or giving None.

    This is for *writing* our files (which prefixes a Turtle or JSON-LD file declares is
    the caller's choice); converting identifiers between CURIE and IRI is hcc_kg.ids.

    >>> split = namespace_splitter()
    >>> split("https://w3id.org/hcc-kg/ontology#Drug"), split("http://example.org/x")
    (('hcc', 'Drug'), None)
    """
    spaces = sorted(((str(ns), p) for p, ns in (PREFIXES if prefixes is None else prefixes).items()),
                    key=lambda space: (-len(space[0]), space[1]))

    def split(iri: str) -> tuple[str, str] | None:
        for ns, prefix in spaces:
            if iri.startswith(ns):
                return prefix, iri[len(ns):]
        return None
    return split


_AXIOM_LINKS = (OWL.annotatedSource, OWL.annotatedProperty, OWL.annotatedTarget)
_NOT_ANNOTATIONS = frozenset((*_AXIOM_LINKS, RDF.type))
_SKIPPED_TYPES = {OWL.NamedIndividual, OWL.Thing}
_TYPE = frozenset((RDF.type,))  # set membership: no Python-level __eq__ for every other predicate


def new_graph() -> rdflib.Graph:
    graph = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    return graph


def ontology_graph(path: Path | str) -> rdflib.Graph:
    graph = new_graph()
    graph.parse(path, format="turtle")
    return graph


def axiom_iri(source: rdflib.term.Node, prop: rdflib.term.Node, target: rdflib.term.Node) -> URIRef:
    digest = hashlib.sha1(f"{source.n3()} {prop.n3()} {target.n3()}".encode("utf-8")).hexdigest()[:16]
    return HCCR[f"axiom__{digest}"]


def _ours(node: rdflib.term.Node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith((RESOURCE_NS, ONTOLOGY_NS))


def _canonical(node: rdflib.term.Node) -> rdflib.term.Node:
    """Plain strings without xsd:string; decimals always with a point (Turtle's shorthand form).

    >>> _canonical(Literal("400", datatype=XSD.decimal))
    rdflib.term.Literal('400.0', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    """
    if isinstance(node, Literal) and node.datatype == XSD.string:
        return Literal(str(node))
    if isinstance(node, Literal) and node.datatype == XSD.decimal and "." not in str(node):
        return Literal(f"{node}.0", datatype=XSD.decimal)
    return node


def abox_graph(reasoned: Reasoned) -> rdflib.Graph:
    """Individuals, their facts, evidence annotations and inferred marks."""
    out = new_graph()
    _add_abox(reasoned, out)
    return out


def _add_abox(reasoned: Reasoned, out: rdflib.Graph) -> None:
    """Stream the World's individuals into ``out``, then the axioms gathered on the way."""
    out.addN((s, p, o, out) for s, p, o in abox_triples(reasoned))


def abox_triples(reasoned: Reasoned) -> Iterator[tuple]:
    """The World's individuals and facts, then the axioms gathered on the way (a triple may repeat).

    One scan of the quadstore (:mod:`hcc_kg.owl.quadstore`) replaces iterating owlready2's
    rdflib wrapper and looking up each axiom's parts separately.
    """
    world = reasoned.populated.world
    axioms: dict[int, list] = {storid: [] for storid in axiom_storids(world)}
    yield from _individual_triples(world_rows(world, _canonical), axioms)
    annotations = _Annotations()
    for parts in axioms.values():
        _copy_axiom(parts, annotations)
    for s, p, o in reasoned.inferred:
        if _ours(s) and not (p == RDF.type and o in _SKIPPED_TYPES) and not isinstance(o, rdflib.BNode):
            annotations.add((s, p, _canonical(o)), HCC.assertionStatus, Literal("inferred"))
    yield from annotations.triples


def _individual_triples(rows, axioms: dict[int, list]):
    """Facts about individuals (objects canonical already); axiom parts go to ``axioms``."""
    named, bnode = set(), rdflib.BNode
    for storid, s, p, o in rows:
        parts = axioms.get(storid)
        if parts is not None:
            parts.append((p, o))
        if storid < 0 or not s.startswith(RESOURCE_NS) or isinstance(o, bnode):
            continue
        if p in _TYPE:
            if o in _SKIPPED_TYPES:
                continue
            if storid not in named:
                named.add(storid)
                yield s, RDF.type, OWL.NamedIndividual
        yield s, p, o


def _copy_axiom(parts: list, annotations: "_Annotations") -> None:
    """One reified owlready2 axiom → annotations of the fact it names (first link value wins)."""
    links: dict = {}
    values = []
    for p, o in parts:
        if p in _NOT_ANNOTATIONS:
            links.setdefault(p, o)
        else:
            values.append((p, o))
    triple = tuple(links.get(link) for link in _AXIOM_LINKS)
    if any(node is None or isinstance(node, rdflib.BNode) for node in triple) or not _ours(triple[0]):
        return
    for p, o in values:
        annotations.add(triple, p, o)


class _Annotations:
    """Axiom triples by the fact they annotate; each axiom's type and links emitted once."""

    def __init__(self) -> None:
        self.iris: dict[tuple, URIRef] = {}
        self.triples: set[tuple] = set()

    def add(self, triple: tuple, prop, value) -> None:
        iri = self.iris.get(triple)
        if iri is None:
            iri = self.iris[triple] = axiom_iri(*triple)
            self.triples.add((iri, RDF.type, OWL.Axiom))
            self.triples.update((iri, link, node) for link, node in zip(_AXIOM_LINKS, triple))
        self.triples.add((iri, prop, value))


@contextmanager
def gc_paused():
    """Hold off the cyclic garbage collector during a bulk load.

    Loading creates millions of small acyclic objects; each full collection would walk
    the whole (growing) heap again, about a quarter of the loading time.  Reference
    counting still frees everything; the collector runs again afterwards.

    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_graph(reasoned: Reasoned, ontology_path: Path | str) -> rdflib.Graph:
    """Ontology + individuals + evidence, ready to serialise."""
    graph = ontology_graph(ontology_path)
    with gc_paused():
        _add_abox(reasoned, graph)  # straight into the ontology graph: no second copy to merge
    return graph
