"""Stage 5: the reasoned World → an rdflib Graph with evidence and inferred marks.

The ontology (TBox) comes from its Turtle file as authored, so its blank-node structure
is stable; individuals and facts come from the World.  owlready2 reifies annotated facts
as blank ``owl:Axiom`` nodes; they get IRIs derived from the fact they annotate, so two
builds of the same corpus give identical files.  Every triple the reasoner added gets an
axiom with ``hcc:assertionStatus "inferred"``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import rdflib
from rdflib import OWL, RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import SKOS

from .owl.reason import Reasoned
from .vocab import ONTOLOGY_NS, RESOURCE_NS

HCC = rdflib.Namespace(ONTOLOGY_NS)
HCCR = rdflib.Namespace(RESOURCE_NS)
PREFIXES = {
    "hcc": HCC, "hccr": HCCR, "owl": OWL, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "skos": SKOS,
    "obo": rdflib.Namespace("http://purl.obolibrary.org/obo/"),
    "dcterms": rdflib.Namespace("http://purl.org/dc/terms/"),
    "biolink": rdflib.Namespace("https://w3id.org/biolink/vocab/"),
}
_AXIOM_LINKS = (OWL.annotatedSource, OWL.annotatedProperty, OWL.annotatedTarget)
_SKIPPED_TYPES = {OWL.NamedIndividual, OWL.Thing}


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
    world_graph = reasoned.populated.world.as_rdflib_graph()
    out = new_graph()
    for s, p, o in world_graph:
        if isinstance(s, rdflib.BNode) or not str(s).startswith(RESOURCE_NS):
            continue
        if p == RDF.type and o in _SKIPPED_TYPES:
            continue
        if isinstance(o, rdflib.BNode):
            continue
        out.add((s, p, _canonical(o)))
        if p == RDF.type:
            out.add((s, RDF.type, OWL.NamedIndividual))
    for axiom in set(world_graph.subjects(RDF.type, OWL.Axiom)):
        _copy_axiom(world_graph, axiom, out)
    for s, p, o in sorted(reasoned.inferred):
        if _ours(s) and not (p == RDF.type and o in _SKIPPED_TYPES) and not isinstance(o, rdflib.BNode):
            _annotate(out, (s, p, _canonical(o)), HCC.assertionStatus, Literal("inferred"))
    return out


def _copy_axiom(world_graph: rdflib.Graph, axiom: rdflib.BNode, out: rdflib.Graph) -> None:
    links = [world_graph.value(axiom, link) for link in _AXIOM_LINKS]
    if any(node is None or isinstance(node, rdflib.BNode) for node in links) or not _ours(links[0]):
        return
    triple = (links[0], links[1], _canonical(links[2]))
    for p, o in world_graph.predicate_objects(axiom):
        if p not in _AXIOM_LINKS and p != RDF.type:
            _annotate(out, triple, p, _canonical(o))


def _annotate(out: rdflib.Graph, triple, prop, value) -> None:
    iri = axiom_iri(*triple)
    out.add((iri, RDF.type, OWL.Axiom))
    for link, node in zip(_AXIOM_LINKS, triple):
        out.add((iri, link, node))
    out.add((iri, prop, value))


def build_graph(reasoned: Reasoned, ontology_path: Path | str) -> rdflib.Graph:
    """Ontology + individuals + evidence, ready to serialise."""
    graph = ontology_graph(ontology_path)
    graph += abox_graph(reasoned)
    return graph
