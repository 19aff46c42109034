"""SHACL Core shapes run as SPARQL queries on the store, with pyshacl's results.

pyshacl walks every focus node in Python; on a store of millions of triples that walk was most
of the validate stage (the shape view copied out of the store, then one Python call per value
node). The project's shapes use a small part of SHACL Core: class targets, property shapes on
a single property with counts, numeric ranges, ``sh:in``, ``sh:lessThanOrEquals``, and a node
level ``sh:or`` of "has at least n values of P". Each such constraint is one SPARQL query that
Oxigraph answers in its own engine, one row per result pyshacl would report: one per focus
node for a count or an ``sh:or``, one per failing value node for a range or ``sh:in``, one per
failing pair of values for ``sh:lessThanOrEquals``. Shapes that use anything else compile to
None, and the caller runs pyshacl (:mod:`hcc_kg.store.validate`); the tests hold the two
engines to the same report on invented graphs.

>>> import rdflib
>>> shapes = rdflib.Graph().parse(format="turtle", data='''
... @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
... ex:S a sh:NodeShape ; sh:targetClass ex:Trial ;
...   sh:property [ sh:path ex:arm ; sh:minCount 1 ; sh:message "no arm" ] .''')
>>> [(c.path, c.message, c.severity) for c in compile_shapes(shapes)]
[('http://example.org/arm', 'no arm', 'Violation')]
>>> compile_shapes(rdflib.Graph().parse(format="turtle", data='''
... @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
... ex:S a sh:NodeShape ; sh:targetClass ex:Trial ; sh:closed true .''')) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
import rdflib
from rdflib import RDF, BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

#: the SHACL terms this module compiles; a shape using any other one is left to pyshacl
SUPPORTED = frozenset(SH[name] for name in (
    "targetClass property path minCount maxCount minExclusive minInclusive maxExclusive maxInclusive "
    "in lessThanOrEquals or message severity name description order group").split())
_RANGES = {SH.minExclusive: ">", SH.minInclusive: ">=", SH.maxExclusive: "<", SH.maxInclusive: "<="}
_ANNOTATIONS = {SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group}


@dataclass(frozen=True)
class Check:
    """One constraint as a SPARQL query whose rows (``?focus`` first) are its results."""

    query: str
    path: str | None  # the property a result names; None for a node-level sh:or
    message: str
    severity: str  # "Violation", "Warning" or "Info"


class _Unsupported(Exception):
    """A shape uses SHACL beyond what this module compiles."""


def compile_shapes(shapes: rdflib.Graph) -> list[Check] | None:
    """The checks of every node shape with a class target in ``shapes``; None if any shape uses
    a term outside :data:`SUPPORTED` (or a path that is not one property, or no message)."""
    if any(p.startswith(str(SH)) and p not in SUPPORTED for p in shapes.predicates(unique=True)):
        return None
    try:
        checks = []
        for shape in sorted(set(shapes.subjects(SH.targetClass, None))):
            checks += _node_checks(shapes, shape)
        return checks
    except _Unsupported:
        return None


def _node_checks(shapes: rdflib.Graph, shape) -> list[Check]:
    constraints = {p for p in shapes.predicates(shape) if p.startswith(str(SH))} - _ANNOTATIONS
    if constraints - {SH.targetClass, SH.property, SH["or"]}:
        raise _Unsupported(f"{shape}: a node shape with constraints other than sh:or and sh:property")
    targets = " ".join(f"<{c}>" for c in sorted(shapes.objects(shape, SH.targetClass)))
    focus = f"{{ SELECT DISTINCT ?focus WHERE {{ VALUES ?class {{ {targets} }} ?focus a/<{rdflib.RDFS.subClassOf}>* ?class }} }}"
    out = []
    for alternatives in shapes.objects(shape, SH["or"]):
        out.append(Check(_or_query(shapes, focus, alternatives), None, _message(shapes, shape), _severity(shapes, shape)))
    for prop in sorted(shapes.objects(shape, SH.property)):
        out += _property_checks(shapes, focus, prop)
    return out


def _path(shapes: rdflib.Graph, shape) -> str:
    paths = list(shapes.objects(shape, SH.path))
    if len(paths) != 1 or not isinstance(paths[0], URIRef):
        raise _Unsupported(f"{shape}: a path other than one property")
    return f"<{paths[0]}>"


def _message(shapes: rdflib.Graph, shape) -> str:
    messages = sorted(str(m) for m in shapes.objects(shape, SH.message))
    if not messages:  # pyshacl words its own message then: not reproduced here
        raise _Unsupported(f"{shape}: no sh:message")
    return messages[0]


def _severity(shapes: rdflib.Graph, shape) -> str:
    return str(shapes.value(shape, SH.severity) or SH.Violation).rsplit("#", 1)[-1]


def _or_query(shapes: rdflib.Graph, focus: str, alternatives) -> str:
    """A focus node that meets none of the alternatives, each "at least n values of P"."""
    unmet = []
    for alternative in Collection(shapes, alternatives):
        terms = {p for p in shapes.predicates(alternative) if p != RDF.type}
        if terms != {SH.path, SH.minCount}:
            raise _Unsupported("an sh:or alternative other than a path with a minimum count")
        least = int(shapes.value(alternative, SH.minCount))
        path = _path(shapes, alternative)
        unmet.append(f"{{ SELECT ?focus WHERE {{ {focus} OPTIONAL {{ ?focus {path} ?v }} }} "
                     f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?v) < {least}) }}")
    return "SELECT ?focus WHERE { " + " ".join(unmet) + " }"


def _property_checks(shapes: rdflib.Graph, focus: str, prop) -> list[Check]:
    constraints = {p for p in shapes.predicates(prop) if p.startswith(str(SH))} - _ANNOTATIONS - {SH.path}
    if constraints - {SH.minCount, SH.maxCount, SH["in"], SH.lessThanOrEquals, *_RANGES}:
        raise _Unsupported(f"{prop}: a constraint this module does not compile")
    path, message, severity = _path(shapes, prop), _message(shapes, prop), _severity(shapes, prop)
    queries = []
    for least in shapes.objects(prop, SH.minCount):
        queries.append(f"SELECT ?focus WHERE {{ {focus} OPTIONAL {{ ?focus {path} ?v }} }} "
                       f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?v) < {int(least)})")
    for most in shapes.objects(prop, SH.maxCount):
        queries.append(f"SELECT ?focus WHERE {{ {focus} ?focus {path} ?v }} "
                       f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?v) > {int(most)})")
    for term, operator in _RANGES.items():  # a value that cannot be compared fails too (COALESCE)
        for bound in shapes.objects(prop, term):
            queries.append(f"SELECT DISTINCT ?focus ?v WHERE {{ {focus} ?focus {path} ?v "
                           f"FILTER(!COALESCE(?v {operator} {_term(bound)}, false)) }}")
    for members in shapes.objects(prop, SH["in"]):  # sh:in compares terms, not values
        allowed = " || ".join(f"sameTerm(?v, {_term(m)})" for m in Collection(shapes, members)) or "false"
        queries.append(f"SELECT DISTINCT ?focus ?v WHERE {{ {focus} ?focus {path} ?v FILTER(!({allowed})) }}")
    for other in shapes.objects(prop, SH.lessThanOrEquals):
        if not isinstance(other, URIRef):
            raise _Unsupported(f"{prop}: sh:lessThanOrEquals on something other than a property")
        queries.append(f"SELECT DISTINCT ?focus ?v ?w WHERE {{ {focus} ?focus {path} ?v . ?focus <{other}> ?w "
                       f"FILTER(!COALESCE(?v <= ?w, false)) }}")
    return [Check(q, path[1:-1], message, severity) for q in queries]


def _term(node) -> str:
    if isinstance(node, Literal):
        return node.n3()
    if isinstance(node, URIRef):
        return f"<{node}>"
    raise _Unsupported(f"{node!r} in a constraint")


def results(store: ox.Store, checks: list[Check]) -> list[tuple[URIRef | BNode, Check]]:
    """(focus node, as an rdflib term, and check) for every result of every check on ``store``."""
    return [(BNode(row[0].value) if isinstance(row[0], ox.BlankNode) else URIRef(row[0].value), check)
            for check in checks for row in store.query(check.query)]
