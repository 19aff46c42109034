"""The shapes as SPARQL on the store (hcc_kg.store.shacl_sparql) against pyshacl on the same graph.

pyshacl is the reference: every invented graph below is validated twice, as an rdflib graph
(pyshacl) and as a store (the SPARQL checks), and the two reports must be equal, focus node,
property, message, severity and evidence, result for result.
"""

from __future__ import annotations

import json

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, XSD, Literal

from hcc_kg.store import shacl_sparql
from hcc_kg.store.oxigraph import GraphStore
from hcc_kg.store.rdf import HCC, HCCR, new_graph
from hcc_kg.store.validate import default_shapes, validate

from test_validate import add_evidence


def as_store(graph: rdflib.Graph) -> GraphStore:
    store = GraphStore.in_memory()
    store.add_triples(graph)
    return store


def both_reports(graph: rdflib.Graph, shapes_path=None) -> tuple[dict, dict]:
    """(pyshacl on the rdflib graph, SPARQL on a store holding the same triples)."""
    return (json.loads(validate(graph, shapes_path).to_json()),
            json.loads(validate(as_store(graph), shapes_path).to_json()))


def test_the_packaged_shapes_compile():
    checks = shacl_sparql.compile_shapes(default_shapes())
    assert checks is not None
    paths = {c.path for c in checks}
    assert str(HCC.hasArm) in paths and str(HCC.ciLower) in paths and None in paths  # None: the trial's sh:or
    assert {c.severity for c in checks} == {"Violation", "Warning"}


# -- invented graphs: every shape broken in the ways a build could break it --

NUMBERS = st.sampled_from(["-1", "0", "0.4", "0.72", "1", "1.5", "95", "100", "abc"])
PRESENT = st.booleans()


def number(text: str) -> Literal:
    return Literal(text) if text == "abc" else Literal(text, datatype=XSD.decimal)


@st.composite
def graphs(draw) -> rdflib.Graph:
    """Trials, arms, measurements, hazard ratios and approvals with each property present, absent
    or repeated, and numbers in and out of range (or not numbers at all)."""
    g = new_graph()
    g.add((HCC.SpecialTrial, RDFS.subClassOf, HCC.ClinicalTrial))  # a target through a subclass
    for i in range(draw(st.integers(1, 3))):
        trial = HCCR[f"trial__{i}"]
        g.add((trial, RDF.type, draw(st.sampled_from([HCC.ClinicalTrial, HCC.SpecialTrial]))))
        for prop, value in ((HCC.nctId, Literal(f"NCT0{i}")), (HCC.trialName, Literal(f"T-{i}"))):
            if draw(PRESENT):
                g.add((trial, prop, value))
        for j in range(draw(st.integers(0, 2))):
            arm = HCCR[f"arm__{i}__{j}"]
            g.add((trial, HCC.hasArm, arm))
            g.add((arm, RDF.type, HCC.TrialArm))
            for k in range(draw(st.integers(0, 2))):
                g.add((arm, HCC.armIntervention, HCCR[f"drug_{k}"]))
    for i in range(draw(st.integers(0, 2))):
        m = HCCR[f"measurement__{i}"]
        g.add((m, RDF.type, HCC.OutcomeMeasurement))
        for prop, value in ((HCC.measuresEndpoint, HCCR.os), (HCC.unit, Literal("months")),
                            (HCC.value, number(draw(NUMBERS)))):
            if draw(PRESENT):
                g.add((m, prop, value))
    for i in range(draw(st.integers(0, 2))):
        hr = HCCR[f"hazard_ratio__{i}"]
        g.add((hr, RDF.type, HCC.HazardRatio))
        for prop in (HCC.value, HCC.ciLower, HCC.ciUpper, HCC.ciLevel, HCC.pValue):
            for text in draw(st.lists(NUMBERS, max_size=2, unique=True)):
                g.add((hr, prop, number(text)))
        for text in draw(st.lists(st.sampled_from(["=", "<", "<=", "≤", "about"]), max_size=2, unique=True)):
            g.add((hr, HCC.pValueComparator, Literal(text)))
        if draw(PRESENT):
            add_evidence(g, hr, HCC.value, number("0.72"), f"doc_{i}", 10 * i + 3, 10 * i + 9)
    for i in range(draw(st.integers(0, 2))):
        approval = HCCR[f"approval__{i}"]
        g.add((approval, RDF.type, HCC.RegulatoryApproval))
        for prop, value in ((HCC.approvalOf, HCCR.drug_0), (HCC.grantedBy, HCCR.agency_x),
                            (HCC.forLineOfTherapy, HCCR.first_line)):
            if draw(PRESENT):
                g.add((approval, prop, value))
    return g


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_sparql_and_pyshacl_give_the_same_report(graph):
    reference, sparql = both_reports(graph)
    assert sparql == reference


def test_a_result_per_failing_value_and_per_failing_pair():
    g = new_graph()
    hr = HCCR.hazard_ratio__x
    g.add((hr, RDF.type, HCC.HazardRatio))
    for prop, texts in ((HCC.value, ["-1", "0"]), (HCC.ciLower, ["0.5", "0.9"]), (HCC.ciUpper, ["0.4", "abc"])):
        for text in texts:
            g.add((hr, prop, number(text)))
    reference, sparql = both_reports(g)
    assert sparql == reference
    messages = [v["message"] for v in sparql["violations"]]
    assert sum("reversed" in m for m in messages) == 4  # 2 lower bounds x 2 upper ones, "abc" incomparable
    assert sum("greater than 0" in m for m in messages) == 2  # -1 and 0


# -- shapes beyond the compiled part go to pyshacl, on the store too --

BEYOND = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix hcc: <https://w3id.org/hcc-kg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/shapes#> .
ex:HR a sh:NodeShape ; sh:targetClass hcc:HazardRatio ;
    sh:property [ sh:path hcc:value ; sh:maxInclusive 1 ; sh:message "above one" ] .
"""


@pytest.mark.parametrize("change", [
    ("sh:maxInclusive 1 ;", "sh:maxInclusive 1 ; sh:datatype xsd:decimal ;"),  # a term not compiled
    ("sh:path hcc:value", "sh:path [ sh:alternativePath ( hcc:value hcc:ciUpper ) ]"),  # not one property
    ('; sh:message "above one"', ""),  # pyshacl would word the message itself
    ("sh:targetClass hcc:HazardRatio ;", "sh:targetClass hcc:HazardRatio ; sh:closed true ;"),
])
def test_shapes_beyond_the_compiled_part(change, tmp_path):
    text = BEYOND.replace(*change)
    assert text != BEYOND
    assert shacl_sparql.compile_shapes(rdflib.Graph().parse(data=text, format="turtle")) is None
    assert shacl_sparql.compile_shapes(rdflib.Graph().parse(data=BEYOND, format="turtle")) is not None
    g = new_graph()
    g.add((HCCR.hr, RDF.type, HCC.HazardRatio))
    g.add((HCCR.hr, HCC.value, number("1.5")))
    g.add((HCCR.hr, HCC.ciUpper, number("0.5")))
    path = tmp_path / "shapes.ttl"
    path.write_text(text, encoding="utf-8")
    reference, on_store = both_reports(g, path)  # pyshacl both times: the same report
    for report in (reference, on_store):  # a path that is not one property is a fresh blank node each run
        for violation in report["violations"]:
            violation["path"] = violation["path"] if str(violation["path"]).startswith("http") else "blank"
    assert on_store == reference and reference["violations"]


def test_the_store_is_checked_without_pyshacl(monkeypatch):
    import pyshacl

    monkeypatch.setattr(pyshacl, "validate", lambda *a, **k: pytest.fail("pyshacl ran"))
    g = new_graph()
    g.add((HCCR.trial__t, RDF.type, HCC.ClinicalTrial))
    report = validate(as_store(g))
    assert [v.path for v in report.violations] == [None, str(HCC.hasArm)]
    assert not report.conforms
