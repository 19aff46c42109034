"""Read an owlready2 World's triples straight from its SQLite quadstore.

``World.as_rdflib_graph()`` turns every row into rdflib terms through one SQL lookup per
IRI; at a million triples that is most of the RDF stage.  Here one scan of the ``quads``
view and one read of ``resources`` give the same triples, with each storid and literal
converted once.  The encoding follows owlready2's own rdflib store (``rdflib_store.py``):

* storids ``< 0`` are blank nodes (``BNode(str(-storid))``), others IRIs in ``resources``;
* object rows have ``d`` NULL; in data rows ``d`` is ``"@lang"``, ``0``/``""`` for a plain
  string, or the storid of the datatype IRI;
* the wrapper also yields ``(o, inverse, s)`` for every object row whose property has an
  inverse (a symmetric property is its own inverse), so this does too.
"""

from __future__ import annotations

from typing import Callable, Iterator

import owlready2
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

Row = tuple[int, Node, Node, Node]  # (subject storid, subject, predicate, object)


def axiom_storids(world: owlready2.World) -> set[int]:
    """Storids of the subjects typed ``owl:Axiom`` (owlready2's reified annotations)."""
    graph = world.graph
    ids = [_storid(graph, iri) for iri in ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                                           "http://www.w3.org/2002/07/owl#Axiom")]
    if None in ids:
        return set()
    return {s for (s,) in graph.execute("SELECT s FROM objs WHERE p=? AND o=?", ids)}


def _storid(graph, iri: str) -> int | None:
    """An IRI's storid from the quadstore's ``resources`` table, or None (without creating one)."""
    row = graph.execute("SELECT storid FROM resources WHERE iri=?", (iri,)).fetchone()
    return None if row is None else row[0]


def world_rows(world: owlready2.World, literal: Callable[[Literal], Node] = lambda x: x) -> Iterator[Row]:
    """Every triple ``world.as_rdflib_graph()`` iterates, with its subject's storid.

    ``literal`` post-processes each distinct literal once (e.g. to a canonical form).
    """
    graph = world.graph
    iris = dict(graph.execute("SELECT storid, iri FROM resources"))
    nodes: dict[int, Node] = {}

    def node(storid: int) -> Node:
        term = nodes.get(storid)
        if term is None:
            term = nodes[storid] = BNode(-storid) if storid < 0 else URIRef(iris[storid])
        return term

    literals: dict[tuple, Node] = {}
    for s, p, o, d in graph.execute("SELECT s,p,o,d FROM quads"):
        if d is None:
            obj = nodes.get(o) or node(o)
        else:
            key = (type(o), o, d)  # 1 == 1.0 == True: the type keeps such values apart
            obj = literals.get(key)
            if obj is None:
                obj = literals[key] = literal(_literal(o, d, node))
        yield s, nodes.get(s) or node(s), nodes.get(p) or node(p), obj
    inverses = _inverses(world)
    if inverses:  # one more scan, of the object rows only
        marks = ",".join("?" * len(inverses))
        for s, p, o in graph.execute(f"SELECT s,p,o FROM objs WHERE p IN ({marks})", list(inverses)):
            yield o, node(o), node(inverses[p]), node(s)


def world_triples(world: owlready2.World) -> Iterator[tuple[Node, Node, Node]]:
    """The triples of ``world.as_rdflib_graph()`` (same terms, same multiplicity)."""
    for _, s, p, o in world_rows(world):
        yield s, p, o


def _literal(value, d, node: Callable[[int], Node]) -> Literal:
    """A data row's value and ``d`` code as the rdflib wrapper builds them.

    >>> _literal("chat", "@fr", None)
    rdflib.term.Literal('chat', lang='fr')
    >>> _literal("plain", 0, None)
    rdflib.term.Literal('plain')
    >>> _literal(3, 43, {43: URIRef("http://www.w3.org/2001/XMLSchema#integer")}.get)
    rdflib.term.Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
    """
    if isinstance(d, str) and d.startswith("@"):
        return Literal(value, lang=d[1:])
    if d == "" or d == 0:
        return Literal(value)
    return Literal(value, datatype=node(d))


def _inverses(world: owlready2.World) -> dict[int, int]:
    """property -> inverse storid, read from ``owl:inverseOf`` and ``owl:SymmetricProperty``.

    The wrapper asks its live Python property objects, which exist only once something has
    touched them; the ontology's own statements give the same pairs whatever was touched.
    """
    graph = world.graph
    ids = [_storid(graph, iri) for iri in (
        "http://www.w3.org/2002/07/owl#inverseOf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        "http://www.w3.org/2002/07/owl#SymmetricProperty")]
    inverse_of, rdf_type, symmetric = ids
    found: dict[int, int] = {}
    if inverse_of is not None:
        for s, o in graph.execute("SELECT s,o FROM objs WHERE p=? AND s>0 AND o>0", (inverse_of,)):
            found.setdefault(s, o)
            found.setdefault(o, s)
    if rdf_type is not None and symmetric is not None:
        for (s,) in graph.execute("SELECT s FROM objs WHERE p=? AND o=? AND s>0", (rdf_type, symmetric)):
            found.setdefault(s, s)
    used = {p for (p,) in graph.execute("SELECT DISTINCT p FROM objs")}
    return {p: q for p, q in found.items() if p in used}
