"""SPARQL and the NetworkX path-query API answer their shared questions identically.

Each competency question with a counterpart in :mod:`hcc_kg.query.paths` / :mod:`hcc_kg.query.outcomes`
runs both ways on the same build, over every sensible parameter value the graph offers.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from itertools import combinations

import pytest

from hcc_kg.query import outcomes, paths
from hcc_kg.errors import QueryError
from hcc_kg.query.paths import AGENT_TYPES, agents_hitting, resolve
from hcc_kg.query.backends import BackendSettings, Runner, open_backend
from hcc_kg.query.library import QueryLibrary

from conftest import REPO

pytestmark = pytest.mark.slow
LIBRARY = QueryLibrary.load(REPO / "ontology" / "queries")


@pytest.fixture(scope="module")
def runner(built):
    turtle = next(p for p in built.outputs if p.name == "hcc_kg.ttl")
    return Runner(open_backend("oxigraph", BackendSettings(graph=turtle)))


def ask(runner, name: str, **params):
    return runner.run(LIBRARY.get(name), params).rows


def nodes_of(G, *types) -> list[str]:
    return sorted(n for n, d in G.nodes(data=True) if d.get("type") in types)


def iri(G, node: str) -> str:
    return G.nodes[node]["iri"]


# Kinds users name in questions (arms, measurements, hazard ratios and approvals have built labels).
NAMED_TYPES = (*AGENT_TYPES, "Protein", "ProteinFamily", "Target", "Pathway", "Disease", "ClinicalTrial",
               "EndpointType", "LineOfTherapy", "Placebo", "Procedure", "RegulatoryAgency", "DrugClassTerm")


def test_names_resolve_to_the_same_entity(projected, runner, monkeypatch):
    # The same normalization, memoized: resolve() recomputes it for every node on every call.
    monkeypatch.setattr(paths, "name_key", functools.lru_cache(maxsize=None)(paths.name_key))
    checked = 0
    for node in nodes_of(projected, *NAMED_TYPES):
        data = projected.nodes[node]
        for name in (data["label"], *data["synonyms"]):
            try:
                expected = iri(projected, resolve(projected, name))
            except QueryError:
                continue
            assert str(runner.names.resolve(name)) == expected, name
            checked += 1
    assert checked > 100


def test_approved_agents_hitting_every_pair_of_families(projected, runner):
    families = [projected.nodes[n]["label"] for n in nodes_of(projected, "ProteinFamily")]
    nonempty = 0
    for a, b in combinations(families, 2):
        expected = {iri(projected, r["key"]) for r in agents_hitting(projected, [a, b], approved=True)}
        found = {r["agent"] for r in ask(runner, "approved_agents_hitting_two_families", family_a=a, family_b=b)}
        assert found == expected, (a, b)
        nonempty += bool(expected)
    assert nonempty


def test_trials_of_every_agent(projected, runner):
    for agent in nodes_of(projected, *AGENT_TYPES):
        described = outcomes.trials_of(projected, agent)
        rows = ask(runner, "trials_of_drug_with_outcomes", drug=iri(projected, agent))
        assert {r["trial"] for r in rows} == {iri(projected, t["trial"]) for t in described}, agent
        sparql = {(r["trial"], r["intervention_label"], r["endpoint_label"], r["value"]) for r in rows if r["value"] is not None}
        networkx = {(iri(projected, t["trial"]), label, m["endpoint"], Decimal(m["value"]))
                    for t in described for arm in t["arms"] for label in arm["intervention"] for m in arm["measurements"]}
        # NetworkX reports one value per measurement; SPARQL every value (two when sources disagree).
        assert networkx <= sparql and {x[:3] for x in networkx} == {x[:3] for x in sparql}, agent


def test_tested_against_every_comparator_and_line(projected, runner):
    comparators = sorted({a for arm in nodes_of(projected, "TrialArm") for a in outcomes._out(projected, arm, "armIntervention")})
    lines = nodes_of(projected, "LineOfTherapy")
    nonempty = 0
    for comparator in comparators:
        for line in lines:
            expected = {(iri(projected, r["agent"]), iri(projected, t))
                        for r in outcomes.tested_against(projected, comparator, line) for t in r["trials"]}
            rows = ask(runner, "tested_against_comparator", comparator=iri(projected, comparator), line=iri(projected, line))
            assert {(r["agent"], r["trial"]) for r in rows} == expected, (comparator, line)
            nonempty += bool(expected)
    assert nonempty


@pytest.mark.parametrize("threshold", ["0.5", "0.7", "0.8", "1", "2"])
def test_hazard_ratios_below_for_every_endpoint(projected, runner, threshold):
    for endpoint in nodes_of(projected, "EndpointType"):
        expected = {(iri(projected, r["trial"]), Decimal(r["hazard_ratio"]))
                    for r in outcomes.hazard_ratios_below(projected, threshold, endpoint)}
        rows = ask(runner, "hazard_ratios_below", threshold=threshold, endpoint=iri(projected, endpoint))
        assert {(r["trial"], r["hazard_ratio"]) for r in rows} == expected, endpoint


def test_chain_of_every_pathway(projected, runner):
    for pathway in nodes_of(projected, "Pathway"):
        chain = outcomes.chain(projected, pathway)
        rows = ask(runner, "pathway_chain", pathway=iri(projected, pathway))
        assert {r["target"] for r in rows} == {iri(projected, t) for t in chain["targets"]}, pathway
        assert {r["drug"] for r in rows if r["drug"]} == {iri(projected, d["drug"]) for d in chain["drugs"]}, pathway
        expected_trials = {(iri(projected, d["drug"]), iri(projected, t["trial"])) for d in chain["drugs"] for t in d["trials"]}
        assert {(r["drug"], r["trial"]) for r in rows if r["trial"]} == expected_trials, pathway
