"""Blank-node labels (hcc_kg.store.blank_nodes): rdflib's canonical labels, without its cost.

Every expected answer is rdflib's own :func:`rdflib.compare.to_canonical_graph` on the same
invented graph; the fast path must give it byte for byte (the exports' skolem IRIs are these
labels), whatever the input order and the blank nodes' names.
"""

from __future__ import annotations

import random

import rdflib
from hypothesis import given, settings, strategies as st
from rdflib import OWL, RDF, RDFS, BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.compare import to_canonical_graph

from hcc_kg.owl.load import default_ontology_path
from hcc_kg.store.blank_nodes import canonical_labels, canonical_triples
from hcc_kg.store.rdf import ontology_graph

EX = "urn:ex:"
IRIS = [URIRef(EX + name) for name in ("a", "b", "c", "d")]
PREDICATES = [URIRef(EX + name) for name in ("p", "q", "r")]
LITERALS = [Literal("one"), Literal(2), Literal("2", datatype=rdflib.XSD.nonNegativeInteger), Literal("x", lang="en")]


def rdflib_answer(triples) -> set:
    graph = rdflib.Graph()
    for triple in triples:
        graph.add(triple)
    return set(to_canonical_graph(graph))


def blank_triples(graph: rdflib.Graph) -> list:
    return [t for t in graph if any(isinstance(n, BNode) for n in t)]


def renamed(triples, tag: str, seed: int) -> list:
    """The same graph with other blank-node names, in another order."""
    names: dict = {}
    out = [tuple(names.setdefault(n, BNode(f"{tag}{len(names)}")) if isinstance(n, BNode) else n for n in t)
           for t in triples]
    random.Random(seed).shuffle(out)
    return out


def test_the_shipped_ontology_takes_the_fast_path_and_gets_rdflibs_labels():
    triples = blank_triples(ontology_graph(default_ontology_path()))
    assert triples, "the ontology has restrictions and lists"
    assert canonical_labels(triples) is not None
    assert set(canonical_triples(triples)) == rdflib_answer(triples)


def test_restrictions_and_lists_are_labelled_as_rdflib_labels_them():
    graph = rdflib.Graph()
    for i, cls in enumerate(IRIS):
        restriction = BNode()
        graph.add((cls, RDFS.subClassOf, restriction))
        graph.add((restriction, RDF.type, OWL.Restriction))
        graph.add((restriction, OWL.onProperty, PREDICATES[i % len(PREDICATES)]))
        graph.add((restriction, OWL.someValuesFrom, IRIS[(i + 1) % len(IRIS)]))
    members = BNode()
    Collection(graph, members, [IRIS[0], IRIS[1], IRIS[2], IRIS[1]])  # a list repeating a member
    graph.add((IRIS[3], OWL.unionOf, members))
    triples = blank_triples(graph)
    labels = canonical_labels(triples)
    assert labels is not None and len(set(labels.values())) == len(labels)
    assert set(canonical_triples(triples)) == rdflib_answer(triples)


def test_one_blank_node_alone():
    triples = [(IRIS[0], PREDICATES[0], BNode("only"))]
    assert canonical_triples(triples) == list(rdflib_answer(triples))


def test_symmetric_structure_goes_to_rdflibs_search():
    twins = [(IRIS[0], PREDICATES[0], BNode("x")), (IRIS[0], PREDICATES[0], BNode("y")),
             (BNode("x"), PREDICATES[1], IRIS[1]), (BNode("y"), PREDICATES[1], IRIS[1])]
    assert canonical_labels(twins) is None  # refinement cannot tell the twins apart
    assert set(canonical_triples(twins)) == rdflib_answer(twins)


def test_different_structures_in_one_graph_get_different_labels():
    triples = [(IRIS[0], PREDICATES[0], BNode("x")), (BNode("x"), PREDICATES[1], IRIS[1]),
               (IRIS[0], PREDICATES[0], BNode("y")), (BNode("y"), PREDICATES[1], IRIS[2])]
    labels = canonical_labels(triples)
    assert labels is not None and labels[BNode("x")] != labels[BNode("y")]


def test_no_blank_nodes_no_change():
    triples = [(IRIS[0], PREDICATES[0], IRIS[1])]
    assert canonical_triples(triples) == triples


@st.composite
def forests(draw) -> list:
    """Trees of blank nodes under IRIs, with IRI and literal leaves (some lists among them)."""
    count = draw(st.integers(1, 9))
    blanks = [BNode(f"n{i}") for i in range(count)]
    triples = []
    for i, blank in enumerate(blanks):
        parent = draw(st.sampled_from(IRIS)) if i == 0 else draw(st.sampled_from(blanks[:i] + IRIS))
        triples.append((parent, draw(st.sampled_from(PREDICATES)), blank))
        for _ in range(draw(st.integers(0, 2))):
            triples.append((blank, draw(st.sampled_from(PREDICATES)), draw(st.sampled_from(IRIS + LITERALS))))
    return list(dict.fromkeys(triples))


@st.composite
def tangles(draw) -> list:
    """Any small graph of blank nodes: shared, cyclic, pointing at themselves."""
    blanks = [BNode(f"n{i}") for i in range(draw(st.integers(1, 6)))]
    terms = st.sampled_from(blanks + IRIS[:2])
    triples = draw(st.lists(st.tuples(terms, st.sampled_from(PREDICATES[:2]), st.sampled_from(blanks + IRIS[:2] + LITERALS[:1])),
                            min_size=1, max_size=14))
    return [t for t in dict.fromkeys(triples) if any(isinstance(n, BNode) for n in t)]


@settings(max_examples=150, deadline=None)
@given(forests(), st.integers(0, 1000))
def test_forests_get_rdflibs_labels_in_any_order_under_any_names(triples, seed):
    expected = rdflib_answer(triples)
    assert set(canonical_triples(triples)) == expected
    assert set(canonical_triples(renamed(triples, "other", seed))) == expected


@settings(max_examples=150, deadline=None)
@given(tangles(), st.integers(0, 1000))
def test_any_graph_gets_rdflibs_labels(triples, seed):
    expected = rdflib_answer(triples)
    assert set(canonical_triples(triples)) == expected
    assert set(canonical_triples(renamed(triples, "z", seed))) == expected


def test_the_fast_path_is_taken_for_most_forests():
    """Guards against a fast path that quietly always falls back (still right, no faster)."""
    rng, fast = random.Random(7), 0
    for trial in range(40):
        triples = []
        for i in range(6):
            blank = BNode(f"t{trial}n{i}")
            triples.append((IRIS[i % 4], PREDICATES[i % 3], blank))
            triples.append((blank, PREDICATES[rng.randrange(3)], rng.choice(LITERALS + IRIS)))
        fast += canonical_labels(list(dict.fromkeys(triples))) is not None
    assert fast >= 20
