"""The one CURIE/IRI converter: identifier IRIs (not web pages), agreement with bioregistry,
no second prefix map, and every identifier IRI of a build finds its node by SPARQL."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from hcc_kg import ids
from hcc_kg.store import kgx, rdf
from hcc_kg.errors import ConfigError
from hcc_kg.query import binding, formats
from hcc_kg.vocab import load_vocabulary

REPO = Path(__file__).resolve().parents[1]
OBO_PURL = "http://purl.obolibrary.org/obo/"


def update_prefixes_script():
    spec = importlib.util.spec_from_file_location("update_prefixes", REPO / "scripts" / "update_prefixes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_prefix_file_is_what_the_script_generates_from_bioregistry():
    pytest.importorskip("bioregistry")
    script = update_prefixes_script()
    assert script.prefix_map(script.used_prefixes()) == ids.external_prefix_map()


def test_obo_ontologies_expand_to_purls_and_the_rest_to_identifier_resolvers():
    bioregistry = pytest.importorskip("bioregistry")
    for prefix, uri in ids.external_prefix_map().items():
        iri = ids.expand(f"{prefix}:123")
        if bioregistry.get_obofoundry_prefix(prefix):
            assert iri == f"{OBO_PURL}{prefix}_123", prefix
        else:
            assert iri.startswith(("https://identifiers.org/", "https://bioregistry.io/")), (prefix, iri)


def test_every_prefix_round_trips_and_answers_to_its_lower_case_spelling():
    for prefix in ids.external_prefix_map():
        iri = ids.expand(f"{prefix}:X9")
        assert ids.compress(iri) == f"{prefix}:X9"
        assert ids.expand(f"{prefix.lower()}:X9") == iri


def test_an_unknown_prefix_is_a_clear_error():
    with pytest.raises(ConfigError, match="nope"):
        ids.expand("nope:1")


def test_every_shortener_and_prefix_map_is_the_converter():
    """rdf, query binding, query output and KGX use ids, not maps of their own."""
    assert {p: str(ns) for p, ns in rdf.PREFIXES.items()} == ids.GRAPH_NAMESPACES
    assert binding.PREFIXES == ids.GRAPH_NAMESPACES
    chebi = OBO_PURL + "CHEBI_85994"
    assert formats.curie(chebi) == kgx.compact(URIRef(chebi)) == ids.compress(chebi) == "CHEBI:85994"
    assert binding.explicit_iri("hccr:sorafenib") == URIRef(ids.expand("hccr:sorafenib"))


def test_vocabulary_identifiers_expand_through_the_converter():
    vocabulary = load_vocabulary()
    for entity in vocabulary:
        assert vocabulary.xref_iris(entity.key) == [ids.expand(c) for c in entity.xrefs]


@pytest.mark.slow
def test_every_identifier_iri_finds_its_node_by_sparql(built):
    graph = built.graph
    expected = {}
    for node, curie in graph.subject_objects(URIRef(ids.ONTOLOGY_NS + "identifier")):
        expected.setdefault(URIRef(ids.expand(str(curie))), set()).add(node)
    assert len(expected) > 100
    assert not [o for o in graph.objects(None, SKOS.exactMatch) if isinstance(o, Literal)]
    for iri, nodes in sorted(expected.items()):
        rows = graph.query("SELECT ?s WHERE { ?s skos:exactMatch ?id }", initNs={"skos": SKOS},
                           initBindings={"id": iri})
        found = {row[0] for row in rows}
        # the entities that carry the identifier; besides them only an ontology class mapped to it
        assert nodes <= found and all(str(x).startswith(ids.ONTOLOGY_NS) for x in found - nodes), iri
