"""Competency questions written for the store's planner answer as their plain formulation does.

Some ``.rq`` files are shaped for Oxigraph's planner (sub-selects it joins by hash instead of a
lookup per row).  Each such query is checked here against a straightforward formulation of the
same question, kept below: on an invented graph that holds every corner the question has (a
target with no drug, a drug with no trial, a drug given only within a regimen, unlabelled
trials and drugs), on both embedded stores, and on the store of the shipped build.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import URIRef

from hcc_kg.query.backends import OxigraphBackend, RdflibBackend, Runner
from hcc_kg.query.library import parse_query
from hcc_kg.vocab import ONTOLOGY_NS, RESOURCE_NS

from competency_facts import LIBRARY

#: The plain formulation of each planner-shaped query (same header, same answers).
REFERENCES = {
    "pathway_chain": """# title: From a pathway to drugs and their trials (plain formulation)
# question: Which targets take part in the pathway, which drugs act on them, and in which trials?
# param: pathway iri = "Ras-Raf-MAPK"  a pathway
PREFIX hcc: <https://w3id.org/hcc-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT DISTINCT ?pathway ?target ?target_label ?drug ?drug_label ?trial ?trial_label WHERE {
  ?participant hcc:participatesIn ?pathway .
  ?target hcc:isMemberOf* ?participant ;
          rdfs:label ?target_label .
  OPTIONAL {
    ?drug ?acts ?target ;
          rdfs:label ?drug_label .
    VALUES ?acts { hcc:actsOn hcc:inhibits hcc:isAntibodyAgainst }
    OPTIONAL {
      { ?arm hcc:armIntervention ?drug } UNION { ?arm hcc:armIntervention/hcc:hasComponent ?drug }
      ?trial hcc:hasArm ?arm ;
             rdfs:label ?trial_label .
    }
  }
}
ORDER BY ?target_label ?drug_label ?trial_label
""",
}

# An invented pathway graph: names are made up; each line is one corner of the question.
CORNERS = f"""
@prefix hcc: <{ONTOLOGY_NS}> .
@prefix r: <{RESOURCE_NS}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
r:path_a rdfs:label "alpha pathway" .
r:path_b rdfs:label "beta pathway" .
r:fam hcc:participatesIn r:path_a ; rdfs:label "ZQ family" .
r:zq1 hcc:isMemberOf r:fam ; rdfs:label "ZQ1" .
r:zq1_iso hcc:isMemberOf r:zq1 ; rdfs:label "ZQ1 isoform" .
r:lonely hcc:participatesIn r:path_a ; rdfs:label "lonely kinase" .
r:shared hcc:participatesIn r:path_a , r:path_b ; rdfs:label "shared kinase" .
r:unnamed_target hcc:participatesIn r:path_b .
r:drug_alone hcc:inhibits r:zq1 , r:shared ; rdfs:label "drugalone" .
r:drug_in_regimen hcc:isAntibodyAgainst r:zq1_iso ; rdfs:label "drugmab" .
r:drug_both hcc:actsOn r:fam ; rdfs:label "drugboth" .
r:drug_untested hcc:inhibits r:shared ; rdfs:label "drugidle" .
r:drug_unnamed hcc:inhibits r:zq1 .
r:regimen hcc:hasComponent r:drug_in_regimen , r:drug_both ; rdfs:label "drugmab + drugboth" .
r:trial_one hcc:hasArm r:arm_1a , r:arm_1b ; rdfs:label "TRIAL-ONE" .
r:arm_1a hcc:armIntervention r:drug_alone .
r:arm_1b hcc:armIntervention r:regimen .
r:trial_two hcc:hasArm r:arm_2a ; rdfs:label "TRIAL-TWO" .
r:arm_2a hcc:armIntervention r:drug_both .
r:trial_unnamed hcc:hasArm r:arm_3a .
r:arm_3a hcc:armIntervention r:drug_alone , r:drug_untested .
r:orphan_arm hcc:armIntervention r:drug_in_regimen .
"""


def _runners() -> dict[str, Runner]:
    store = ox.Store()
    store.load(CORNERS.encode(), format=ox.RdfFormat.TURTLE)
    graph = rdflib.Graph().parse(data=CORNERS, format="turtle")
    return {"oxigraph": Runner(OxigraphBackend(store)), "rdflib": Runner(RdflibBackend(graph))}


def _rows(runner: Runner, text: str, name: str, pathway: str | None) -> list[tuple]:
    query = parse_query(name, text)
    bindings = {"pathway": URIRef(pathway)} if pathway else {}
    answer = runner.backend.select(query.text, bindings)
    return [tuple(row[v] for v in answer.variables) for row in answer.rows]


def resource(name: str) -> str:
    return f"{RESOURCE_NS}{name}"


@pytest.mark.parametrize("store", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_a_shaped_query_answers_as_its_plain_formulation_on_every_corner(name, store):
    runner = _runners()[store]
    packaged = LIBRARY.get(name).text
    for pathway in (resource("path_a"), resource("path_b"), resource("no_such_pathway")):
        assert _rows(runner, packaged, name, pathway) == _rows(runner, REFERENCES[name], name, pathway)
    # unbound: rows of several pathways tie on the sort keys, so their order is the store's
    every = _rows(runner, packaged, name, None)
    assert sorted(every, key=repr) == sorted(_rows(runner, REFERENCES[name], name, None), key=repr)
    assert len(every) > 5


def test_the_corner_graph_reaches_every_corner_of_the_pathway_chain():
    """The graph above is worth comparing on: each optional part is both present and absent."""
    rows = _rows(_runners()["oxigraph"], REFERENCES["pathway_chain"], "pathway_chain", None)
    drugs = {row[3] for row in rows}
    trials = {(row[3], row[5]) for row in rows}
    assert any(row[3] is None for row in rows)  # a target no drug acts on
    assert (resource("drug_untested"), None) in trials  # a drug given in a trial with no label only
    assert (resource("drug_in_regimen"), resource("trial_one")) in trials  # within a regimen only
    assert {(resource("drug_both"), resource("trial_one")), (resource("drug_both"), resource("trial_two"))} <= trials
    assert resource("drug_unnamed") not in drugs  # an unlabelled drug is no answer


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_a_shaped_query_answers_as_its_plain_formulation_on_the_built_store(built, name):
    store = ox.Store.read_only(str(built.store.path))
    runner = Runner(OxigraphBackend(store))
    pathways = sorted({q.object.value for q in store.quads_for_pattern(
        None, ox.NamedNode(f"{ONTOLOGY_NS}participatesIn"), None)})
    assert pathways
    answered = 0
    for pathway in pathways:
        rows = _rows(runner, LIBRARY.get(name).text, name, pathway)
        assert rows == _rows(runner, REFERENCES[name], name, pathway), pathway
        answered += len(rows)
    assert answered
