"""Projection of a hand-built RDF graph into the typed MultiDiGraph."""

from __future__ import annotations

from decimal import Decimal

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, XSD, Literal
from rdflib.namespace import SKOS

from hcc_kg.query.graph import local, project
from hcc_kg.store.rdf import HCC, HCCR


def individual(g: rdflib.Graph, key: str, *classes: str, label: str | None = None) -> rdflib.URIRef:
    node = HCCR[key]
    g.add((node, RDF.type, OWL.NamedIndividual))
    for cls in classes:
        g.add((node, RDF.type, HCC[cls]))
    if label:
        g.add((node, RDFS.label, Literal(label)))
    return node


def evidence(g: rdflib.Graph, key: str, doc: rdflib.URIRef, start: int, end: int, extractor: str):
    ev = individual(g, key, "Evidence")
    g.add((ev, HCC.fromDocument, doc))
    g.add((ev, HCC.startOffset, Literal(start)))
    g.add((ev, HCC.endOffset, Literal(end)))
    g.add((ev, HCC.extractor, Literal(extractor)))
    return ev


def axiom(g: rdflib.Graph, key: str, s, p, o) -> rdflib.URIRef:
    ax = HCCR[key]
    g.add((ax, RDF.type, OWL.Axiom))
    g.add((ax, OWL.annotatedSource, s))
    g.add((ax, OWL.annotatedProperty, p))
    g.add((ax, OWL.annotatedTarget, o))
    return ax


@pytest.fixture(scope="module")
def rdf_graph() -> rdflib.Graph:
    g = rdflib.Graph()
    drug = individual(g, "zetinib", "SmallMolecule", "MultikinaseInhibitor", "ApprovedAgent", label="Zetinib")
    g.add((drug, SKOS.altLabel, Literal("ZT-77")))
    g.add((drug, SKOS.altLabel, Literal("Alpha-ZT")))
    g.add((drug, HCC.identifier, Literal("CHEBI:999001")))
    g.add((drug, HCC.molecularWeight, Literal("512.25", datatype=XSD.decimal)))
    g.add((drug, HCC.trialPhase, Literal(3)))
    g.add((drug, HCC.trialPhase, Literal(2)))
    kinase = individual(g, "kinase_q", "Protein", "Target", label="Kinase Q")
    family = individual(g, "family_q", "ProteinFamily", label="Q family")
    individual(g, "untyped_thing")  # no ontology class: not a node
    oddball = individual(g, "oddball", "Widget", "Gadget")  # no class in the precedence list
    outside = rdflib.URIRef("https://example.org/elsewhere")

    doc_b = individual(g, "doc_b", "SourceDocument")
    g.add((doc_b, HCC.documentId, Literal("paper-b")))
    doc_a = individual(g, "doc_a", "SourceDocument")
    g.add((doc_a, HCC.documentId, Literal("paper-a")))
    ev1 = evidence(g, "ev1", doc_b, 40, 55, "pattern")
    ev2 = evidence(g, "ev2", doc_a, 7, 19, "table")

    g.add((drug, HCC.inhibits, kinase))
    ax = axiom(g, "axiom__inh", drug, HCC.inhibits, kinase)
    g.add((ax, HCC.hasEvidence, ev1))
    g.add((ax, HCC.hasEvidence, ev2))

    g.add((kinase, HCC.isMemberOf, family))
    ax2 = axiom(g, "axiom__mem", kinase, HCC.isMemberOf, family)
    g.add((ax2, HCC.assertionStatus, Literal("inferred")))

    g.add((drug, HCC.isAntibodyAgainst, kinase))  # second predicate on the same pair
    g.add((drug, HCC.hasEvidence, ev1))  # provenance link, not an edge
    g.add((drug, HCC.mentionedIn, doc_a))
    g.add((drug, RDFS.seeAlso, kinase))  # not an ontology property
    g.add((drug, HCC.inhibits, outside))  # target is not an individual
    g.add((oddball, HCC.relatedTo, family))
    return g


@pytest.fixture(scope="module")
def G(rdf_graph):
    return project(rdf_graph)


def test_only_typed_individuals_become_nodes(G):
    assert set(G.nodes) == {"zetinib", "kinase_q", "family_q", "oddball"}


def test_evidence_and_documents_are_not_nodes(G):
    for key in ("ev1", "ev2", "doc_a", "doc_b", "axiom__inh", "axiom__mem"):
        assert key not in G


def test_node_attributes(G):
    drug = G.nodes["zetinib"]
    assert drug["key"] == "zetinib"
    assert drug["iri"] == str(HCCR.zetinib)
    assert drug["label"] == "Zetinib"
    assert drug["synonyms"] == ["Alpha-ZT", "ZT-77"]
    assert drug["identifiers"] == ["CHEBI:999001"]


def test_type_precedence_and_types_list(G):
    drug = G.nodes["zetinib"]
    assert drug["type"] == "SmallMolecule"
    assert drug["types"] == ["ApprovedAgent", "MultikinaseInhibitor", "SmallMolecule"]
    assert G.nodes["kinase_q"]["type"] == "Protein"  # Protein precedes Target
    assert G.nodes["family_q"]["type"] == "ProteinFamily"


def test_type_falls_back_to_first_sorted_class(G):
    assert G.nodes["oddball"]["type"] == "Gadget"
    assert G.nodes["oddball"]["label"] == "oddball"  # no rdfs:label: the local name


def test_data_properties_become_attribute_lists(G):
    drug = G.nodes["zetinib"]
    assert drug["molecularWeight"] == [Decimal("512.25")]
    assert sorted(drug["trialPhase"]) == [2, 3]
    assert "molecularWeight" not in G.nodes["kinase_q"]


def test_edges_are_keyed_by_predicate(G):
    assert sorted(G.get_edge_data("zetinib", "kinase_q")) == ["inhibits", "isAntibodyAgainst"]
    assert sorted(G.get_edge_data("kinase_q", "family_q")) == ["isMemberOf"]
    assert sorted(G.get_edge_data("oddball", "family_q")) == ["relatedTo"]
    assert G.edges["zetinib", "kinase_q", "inhibits"]["predicate"] == "inhibits"


def test_no_edges_for_provenance_or_foreign_predicates(G):
    assert G.number_of_edges() == 4
    predicates = {k for _, _, k in G.edges(keys=True)}
    assert not predicates & {"hasEvidence", "mentionedIn", "fromDocument", "seeAlso", str(RDFS.seeAlso)}


def test_edge_evidence_sorted_by_document(G):
    data = G.edges["zetinib", "kinase_q", "inhibits"]
    assert data["inferred"] is False
    assert data["source"] == "text"
    assert data["evidence"] == [
        {"doc": "paper-a", "start": 7, "end": 19, "extractor": "table"},
        {"doc": "paper-b", "start": 40, "end": 55, "extractor": "pattern"},
    ]


def test_inferred_edge(G):
    data = G.edges["kinase_q", "family_q", "isMemberOf"]
    assert data["inferred"] is True
    assert data["source"] == "inferred"
    assert data["evidence"] == []


def test_unannotated_edge_defaults(G):
    data = G.edges["zetinib", "kinase_q", "isAntibodyAgainst"]
    assert data["inferred"] is False
    assert data["source"] == "text"
    assert data["evidence"] == []


def test_projection_order_ignores_insertion_order(rdf_graph):
    shuffled = rdflib.Graph()
    for triple in sorted(rdf_graph, reverse=True):
        shuffled.add(triple)
    one, two = project(rdf_graph), project(shuffled)
    assert list(one.nodes) == list(two.nodes)
    assert list(one.edges(keys=True)) == list(two.edges(keys=True))


def test_edges_and_values_in_sorted_triple_order(rdf_graph):
    """Per-node sorting gives the order a sort of the whole graph would give."""
    g = rdflib.Graph()
    for triple in rdf_graph:
        g.add(triple)
    for i, key in enumerate(("b_node", "a_node", "c_node")):
        node = individual(g, key, "Protein")
        g.add((node, HCC.isMemberOf, HCCR.family_q))
        g.add((HCCR.zetinib, HCC.inhibits, node))
        g.add((node, HCC.trialPhase, Literal(3 - i)))
        g.add((node, HCC.note, Literal(f"n{i}")))
    G = project(g)
    keys = {data["iri"]: key for key, data in G.nodes(data=True)}
    edges, values = [], []
    for s, p, o in sorted(g):
        if str(s) not in keys or not str(p).startswith(str(HCC)) or local(p) in ("hasEvidence", "mentionedIn"):
            continue
        if isinstance(o, Literal):
            values.append((keys[str(s)], local(p), o.toPython()))
        elif str(o) in keys:
            edges.append((keys[str(s)], keys[str(o)], local(p)))
    assert list(G.edges(keys=True)) == edges
    skip = {"key", "iri", "types", "type", "label", "synonyms", "identifiers"}
    assert [(n, a, v) for n, data in G.nodes(data=True) for a, vs in data.items() if a not in skip
            for v in vs] == [(n, a, v) for n in G.nodes for (m, a, v) in values if m == n]


def test_evidence_shared_by_two_facts_is_copied(rdf_graph):
    g = rdflib.Graph()
    for triple in rdf_graph:
        g.add(triple)
    ax = axiom(g, "axiom__anti", HCCR.zetinib, HCC.isAntibodyAgainst, HCCR.kinase_q)
    g.add((ax, HCC.hasEvidence, HCCR.ev1))
    G = project(g)
    one = G.edges["zetinib", "kinase_q", "inhibits"]["evidence"]
    two = G.edges["zetinib", "kinase_q", "isAntibodyAgainst"]["evidence"]
    assert two == [one[1]] and two[0] is not one[1]


def test_the_store_projects_like_its_rdflib_graph(rdf_graph, monkeypatch):
    """The build's store is read with a few SPARQL queries, not a lookup per triple, and gives
    the same graph, attributes and edge evidence in the same order."""
    from hcc_kg.store.oxigraph import GraphStore

    store = GraphStore.in_memory()
    store.add_triples(rdf_graph)
    from_graph = project(rdf_graph)

    def no_lookups(*args, **kwargs):
        raise AssertionError("the store path read the store triple by triple")

    monkeypatch.setattr(GraphStore, "triples", no_lookups)
    from_store = project(store)
    assert list(from_store.nodes(data=True)) == list(from_graph.nodes(data=True))
    assert list(from_store.edges(keys=True, data=True)) == list(from_graph.edges(keys=True, data=True))
    assert from_store.edges["zetinib", "kinase_q", "inhibits"]["evidence"][0]["doc"] == "paper-a"


def test_the_store_gives_every_facts_annotations_like_its_rdflib_graph(built, monkeypatch):
    """fact_annotations reads the build's store in two queries, not a lookup per axiom, and gives
    the same status and evidence for every annotated fact (types and values too, not only edges)."""
    from hcc_kg.query.graph import fact_annotations
    from hcc_kg.store.oxigraph import GraphStore

    copy = rdflib.Graph()
    for triple in built.graph.triples((None, None, None)):
        copy.add(triple)
    expected = fact_annotations(copy)

    def no_lookups(*args, **kwargs):
        raise AssertionError("the store path read the store triple by triple")

    monkeypatch.setattr(GraphStore, "triples", no_lookups)
    assert fact_annotations(built.graph) == expected
    assert any(p == rdflib.RDF.type for s, p, o in expected) and any(isinstance(o, rdflib.Literal) for s, p, o in expected)


def test_projection_runs_with_the_collector_paused(rdf_graph, monkeypatch):
    """The projection's millions of acyclic containers are not walked by full collections
    (whose cost grows with everything the caller holds); the collector runs again afterwards."""
    import gc

    from hcc_kg.query import graph as projection

    seen = []
    original = projection._add_facts
    monkeypatch.setattr(projection, "_add_facts", lambda *args: (seen.append(gc.isenabled()), original(*args))[1])
    G = projection.project(rdf_graph)
    assert seen and not any(seen) and gc.isenabled()
    assert G.number_of_edges() == project(rdf_graph).number_of_edges()  # the same projection either way


def _same_projection(one, two) -> None:
    assert list(one.nodes(data=True)) == list(two.nodes(data=True))
    assert list(one.edges(keys=True, data=True)) == list(two.edges(keys=True, data=True))


def test_the_store_reads_no_annotations_of_provenance_links(built):
    """``mentionedIn`` facts carry most axioms and evidence of a build but are never edges:
    the projection's annotation query leaves them (and types and literal values) out."""
    from hcc_kg.query import graph as projection

    edges = projection._store_annotations(built.store, projection._term_reader(built.store))
    every = projection.fact_annotations(built.store)
    assert any(p == HCC.mentionedIn for _, p, _ in every)
    assert {(s, p, o) for s, p, o in every if isinstance(o, rdflib.URIRef) and p != RDF.type
            and local(p) not in projection._NOT_EDGES} == set(edges)
    assert all(every[fact] == info for fact, info in edges.items())


def test_the_store_path_reads_each_distinct_literal_once(built, monkeypatch):
    """A literal is made once per projection, not once per occurrence (the store's own read
    cache is bounded, and a miss there costs a value key and an rdflib Literal)."""
    import pyoxigraph as ox

    from hcc_kg.query.graph import _NODE_TRIPLES
    from hcc_kg.store.oxigraph import GraphStore

    literals = [o for _, _, o in built.store.query(_NODE_TRIPLES) if isinstance(o, ox.Literal)]
    assert len(literals) > len(set(literals))  # some literal occurs twice: read per occurrence, it is read twice
    reads = []
    original = GraphStore.read_term
    monkeypatch.setattr(GraphStore, "read_term", lambda self, term: (reads.append(term), original(self, term))[1])
    project(built.store)
    assert sorted(map(str, reads)) == sorted(map(str, set(literals)))


def test_iris_are_sorted_without_rdflib_comparisons(rdf_graph, monkeypatch):
    """Sorting IRIs by text gives rdflib's order with no Python call per comparison."""
    expected = project(rdf_graph)

    def no_compare(self, other):
        raise AssertionError("an IRI was compared through rdflib")

    monkeypatch.setattr(rdflib.URIRef, "__lt__", no_compare, raising=False)
    _same_projection(project(rdf_graph), expected)
