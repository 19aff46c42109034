"""Closed-world checks of a built graph against the SHACL shapes in ``ontology/shapes.ttl``.

Each violation names its focus node and carries the text spans behind that node (the
evidence of every axiom whose ``owl:annotatedSource`` is the node), so a failing check
leads straight back to the sentence or table row it was extracted from.

>>> from rdflib import RDF
>>> from hcc_kg.store.rdf import HCC, HCCR, new_graph
>>> g = new_graph()
>>> _ = g.add((HCCR.trial__x, RDF.type, HCC.ClinicalTrial))
>>> report = validate(g)
>>> report.conforms
False
>>> print(report)
2 violation(s)
  [Violation] hccr:trial__x: Clinical trial has neither an NCT identifier (hcc:nctId) nor a trial name (hcc:trialName).
  [Warning] hccr:trial__x hcc:hasArm: Clinical trial has no arm (hcc:hasArm): the text names it without its arms.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from importlib.resources import files
from pathlib import Path

import rdflib
from rdflib import OWL, RDF, RDFS, Literal, URIRef
from rdflib.namespace import SH

from ..gc_control import gc_paused
from ..vocab import ONTOLOGY_NS, RESOURCE_NS
from . import shacl_sparql

_HCC = rdflib.Namespace(ONTOLOGY_NS)
_SHORT = ((RESOURCE_NS, "hccr:"), (ONTOLOGY_NS, "hcc:"))

Span = tuple[str, int, int]


def _short(iri: str | None) -> str:
    for ns, prefix in _SHORT:
        if iri and iri.startswith(ns):
            return prefix + iri[len(ns):]
    return iri or ""


@dataclass(frozen=True)
class Violation:
    """One shape constraint a node breaks: focus, property, message, severity, and the evidence behind the node."""

    focus: str  # IRI of the offending node
    path: str | None  # IRI of the property, None for node-level constraints (e.g. sh:or)
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    evidence: tuple[Span, ...] = ()  # (document id, start offset, end offset)

    def __str__(self) -> str:
        where = f"{_short(self.focus)} {_short(self.path)}".rstrip()
        spans = "; ".join(f"{doc}:{start}-{end}" for doc, start, end in self.evidence)
        return f"[{self.severity}] {where}: {self.message}" + (f" (evidence {spans})" if spans else "")


@dataclass(frozen=True)
class ValidationReport:
    """Whether the graph conforms to the shapes, and every violation found (collected, not stopped at the first)."""

    conforms: bool
    violations: tuple[Violation, ...] = field(default=())

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(asdict(self), indent=indent)

    def __str__(self) -> str:
        if self.conforms:
            return "conforms"
        return "\n".join([f"{len(self.violations)} violation(s)", *(f"  {v}" for v in self.violations)])


def default_shapes() -> rdflib.Graph:
    """The packaged shapes (``hcc_kg/data/shapes.ttl``, a link to ``ontology/shapes.ttl``)."""
    text = (files("hcc_kg") / "data" / "shapes.ttl").read_text(encoding="utf-8")
    return rdflib.Graph().parse(data=text, format="turtle")


def evidence_of(graph: rdflib.Graph, node: rdflib.term.Node) -> tuple[Span, ...]:
    """Sorted, distinct (document id, start, end) spans of every axiom annotating ``node``."""
    spans = set()
    for axiom in graph.subjects(OWL.annotatedSource, node):  # index lookups only, no scan
        for ev in graph.objects(axiom, _HCC.hasEvidence):
            doc = graph.value(ev, _HCC.fromDocument)
            doc_id = graph.value(doc, _HCC.documentId) if doc is not None else None
            start, end = graph.value(ev, _HCC.startOffset), graph.value(ev, _HCC.endOffset)
            if start is not None and end is not None:
                spans.add((str(doc_id if doc_id is not None else doc), int(start), int(end)))
    return tuple(sorted(spans))


#: SHACL Core terms whose checks read only the data triples named in the shapes.  Anything
#: else (sh:closed, SPARQL constraints, rules, custom targets...) may read any triple.
_LOCAL_TERMS = frozenset(SH[name] for name in (
    "targetClass targetNode targetSubjectsOf targetObjectsOf property path inversePath alternativePath "
    "zeroOrMorePath oneOrMorePath zeroOrOnePath class datatype nodeKind minCount maxCount minExclusive "
    "minInclusive maxExclusive maxInclusive minLength maxLength pattern flags languageIn uniqueLang equals "
    "disjoint lessThan lessThanOrEquals not and or xone node qualifiedValueShape qualifiedMinCount "
    "qualifiedMaxCount qualifiedValueShapesDisjoint hasValue in message severity deactivated name "
    "description order group defaultValue"
).split())


def shape_view(graph: rdflib.Graph, shapes: rdflib.Graph) -> rdflib.Graph | None:
    """The part of ``graph`` the shapes can see, as pyshacl's own copy would hold it.

    pyshacl copies the whole data graph before validating (advanced mode); at a million
    triples that copy is most of the time.  The shapes only read the properties they name,
    ``rdf:type`` links to the classes they name (or subclasses of them), ``rdfs:subClassOf``,
    and the outgoing triples of blank nodes (used to print them).  Returns None when the
    shapes use anything beyond those SHACL Core terms or ``graph`` is a dataset; the
    caller then validates the whole graph.
    """
    if isinstance(graph, rdflib.ConjunctiveGraph) or any(
            p.startswith(str(SH)) and p not in _LOCAL_TERMS for p in shapes.predicates(unique=True)):
        return None
    named = {n for t in shapes for n in (t[0], t[2]) if isinstance(n, URIRef)}
    view = rdflib.Graph(identifier=getattr(graph, "identifier", None), bind_namespaces="core")
    for prefix, ns in _namespaces(graph):  # messages print names with these
        view.namespace_manager.bind(prefix, ns, override=True, replace=True)
    classes, frontier = set(named), list(named)
    while frontier:
        for sub in graph.subjects(RDFS.subClassOf, frontier.pop()):
            if sub not in classes:
                classes.add(sub)
                frontier.append(sub)
    patterns = [(None, p, None) for p in (named | {RDFS.subClassOf}) - {RDF.type}]
    patterns += [(None, RDF.type, None)] if RDF.type in named else [(None, RDF.type, c) for c in classes]
    blanks: list[rdflib.BNode] = []
    for pattern in patterns:
        found = list(graph.triples(pattern))
        view.addN((s, p, o, view) for s, p, o in found)
        blanks += (n for t in found for n in (t[0], t[2]) if isinstance(n, rdflib.BNode))
    seen = set(blanks)
    while blanks:
        for s, p, o in graph.triples((blanks.pop(), None, None)):
            view.add((s, p, o))
            if isinstance(o, rdflib.BNode) and o not in seen:
                seen.add(o)
                blanks.append(o)
    return view


def _namespaces(graph) -> list[tuple[str, str]]:
    """An rdflib graph's bound prefixes; the project's own for a store (:class:`hcc_kg.store.oxigraph.GraphStore`)."""
    if isinstance(graph, rdflib.Graph):
        return list(graph.namespace_manager.namespaces())
    from .rdf import PREFIXES

    return [(prefix, str(ns)) for prefix, ns in PREFIXES.items()]


def validate(graph, shapes_path: Path | None = None) -> ValidationReport:
    """Run the shapes over ``graph`` as given (no inference); the graph is not modified.

    ``graph`` is an rdflib Graph or a :class:`hcc_kg.store.oxigraph.GraphStore`: only the shape
    view (what the shapes read, :func:`shape_view`) is copied out of a store, and the
    evidence of each violation is looked up in the store itself.

    The cyclic collector is held off meanwhile: the view and pyshacl's per-focus objects are
    hundreds of thousands of containers, and each full collection would also walk everything the
    build holds (its documents and assertions), so its cost grew faster than the graph (in a
    build, 3.2 s of 13 s at 10,000 documents against 0.23 s at 1,000).
    """
    with gc_paused():
        return _validate(graph, shapes_path)


def _validate(graph, shapes_path: Path | None) -> ValidationReport:
    shapes = rdflib.Graph().parse(shapes_path, format="turtle") if shapes_path else default_shapes()
    checks = None if isinstance(graph, rdflib.Graph) else shacl_sparql.compile_shapes(shapes)
    if checks is not None:  # a store, and shapes SPARQL can run: in Oxigraph's engine, not pyshacl's walk
        return _report(graph, [Violation(str(focus), check.path, check.message, check.severity, evidence_of(graph, focus))
                               for focus, check in shacl_sparql.results(graph.store, checks)])
    return _pyshacl_report(graph, shapes)


def _pyshacl_report(graph, shapes: rdflib.Graph) -> ValidationReport:
    import pyshacl  # 0.4 s to import: only where the shapes or the graph need it

    view = shape_view(graph, shapes)
    if view is None and not isinstance(graph, rdflib.Graph):  # shapes beyond SHACL Core: the whole graph
        view = graph.to_rdflib()
    _, results, _ = pyshacl.validate(
        graph if view is None else view, shacl_graph=shapes, inference="none", advanced=True,
        abort_on_first=False, inplace=view is not None,  # the view is our own copy: no second one
    )
    violations = []
    for result in results.subjects(SH.resultSeverity, None):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        severity = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        violations.append(Violation(
            focus=str(focus),
            path=str(path) if path is not None else None,
            message=messages[0] if messages else f"fails {results.value(result, SH.sourceConstraintComponent)}",
            severity=severity,
            evidence=evidence_of(graph, focus),
        ))
    return _report(graph, violations)


def _report(graph, violations: list[Violation]) -> ValidationReport:
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    # Only sh:Violation results break conformance; sh:Warning and sh:Info are reported, not fatal.
    return ValidationReport(conforms=all(v.severity != "Violation" for v in violations), violations=tuple(violations))
