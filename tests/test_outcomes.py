"""Trial and outcome queries on a small hand-built projected graph."""

from __future__ import annotations

from decimal import Decimal

import networkx as nx
import pytest

from hcc_kg.errors import QueryError
from hcc_kg.query import outcomes
from hcc_kg.query.outcomes import chain, hazard_ratios_below, trials_of


def node(G, key, kind, **attrs):
    G.add_node(key, key=key, label=attrs.pop("label", key), type=kind, types=[kind], synonyms=[], **attrs)


def edge(G, u, v, predicate):
    G.add_edge(u, v, key=predicate, predicate=predicate, evidence=[])


@pytest.fixture
def G():
    G = nx.MultiDiGraph()
    for key, kind in (("pw", "Pathway"), ("fam", "ProteinFamily"), ("k1", "Protein"), ("foonib", "SmallMolecule"),
                      ("barmab", "MonoclonalAntibody"), ("sora", "SmallMolecule"), ("placebo", "Placebo"),
                      ("os", "EndpointType"), ("first", "LineOfTherapy"), ("reg", "Regimen")):
        node(G, key, kind)
    edge(G, "fam", "pw", "participatesIn")
    edge(G, "k1", "fam", "isMemberOf")
    edge(G, "foonib", "k1", "inhibits")
    edge(G, "reg", "foonib", "hasComponent")
    edge(G, "reg", "barmab", "hasComponent")
    # Trial A: foonib vs sora, first line, OS HR 0.70 (0.55-0.90)
    node(G, "tA", "ClinicalTrial", label="ALPHA", year=[2031])
    node(G, "tB", "ClinicalTrial", label="BETA", year=[2032])
    node(G, "tC", "ClinicalTrial", label="GAMMA", year=[2033])
    edge(G, "tA", "first", "forLineOfTherapy")
    edge(G, "tC", "first", "forLineOfTherapy")
    for trial, arm, agent in (("tA", "a1", "foonib"), ("tA", "a2", "sora"), ("tB", "b1", "reg"), ("tB", "b2", "placebo"),
                              ("tC", "c1", "sora"), ("tC", "c2", "placebo")):
        node(G, arm, "TrialArm")
        edge(G, trial, arm, "hasArm")
        edge(G, arm, agent, "armIntervention")
    node(G, "m1", "OutcomeMeasurement", valueText=["11.50"], value=[Decimal("11.50")], unit=["months"])
    edge(G, "a1", "m1", "hasMeasurement")
    edge(G, "m1", "os", "measuresEndpoint")
    for trial, hr, (lo, hi), exp, comp in (("tA", "0.70", ("0.55", "0.90"), "a1", "a2"),
                                           ("tB", "0.95", ("0.80", "1.10"), "b1", "b2")):
        est = f"hr_{trial}"
        node(G, est, "HazardRatio", value=[Decimal(hr)], valueText=[hr], ciLower=[Decimal(lo)], ciUpper=[Decimal(hi)])
        edge(G, trial, est, "hasEffectEstimate")
        edge(G, est, "os", "measuresEndpoint")
        edge(G, est, exp, "experimentalArm")
        edge(G, est, comp, "comparatorArm")
    return G


def test_trials_of_a_drug_include_regimen_arms_with_outcomes(G):
    found = {t["label"]: t for t in trials_of(G, "foonib")}
    assert sorted(found) == ["ALPHA", "BETA"]
    alpha = found["ALPHA"]
    assert alpha["hazard_ratios"][0]["hazard_ratio"] == "0.70" and alpha["hazard_ratios"][0]["ci"] == ["0.55", "0.90"]
    (m,) = [m for arm in alpha["arms"] for m in arm["measurements"]]
    assert (m["value"], m["unit"]) == ("11.50", "months")


def test_tested_against_in_one_line_excludes_placebo_and_the_comparator(G):
    answer = outcomes.tested_against(G, "sora", "first")
    assert [(a["agent"], a["trials"]) for a in answer] == [("foonib", ["tA"])]


def test_hazard_ratios_below_a_threshold_sorted(G):
    assert [r["trial"] for r in hazard_ratios_below(G, "0.96")] == ["tA", "tB"]
    assert [r["trial"] for r in hazard_ratios_below(G, 0.8)] == ["tA"]
    assert hazard_ratios_below(G, "0.70") == []  # strictly below


def test_chain_goes_through_family_members_to_trials(G):
    result = chain(G, "pw")
    assert result["targets"] == ["fam", "k1"]
    (drug,) = result["drugs"]
    assert drug["drug"] == "foonib" and [t["label"] for t in drug["trials"]] == ["ALPHA", "BETA"]


def test_unknown_names_raise(G):
    with pytest.raises(QueryError):
        trials_of(G, "nosuchdrug")
