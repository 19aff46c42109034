"""SHACL validation: invented mini-graphs that break one shape each, plus the committed export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, XSD, Literal

from hcc_kg.store.rdf import HCC, HCCR, new_graph
from hcc_kg.store.validate import ValidationReport, Violation, validate

REPO = Path(__file__).resolve().parents[1]
EXPORT = REPO / "exports" / "hcc_kg.ttl"

TRIAL, ARM_A, ARM_B = HCCR.trial__demo, HCCR.arm__demo__drug_a, HCCR.arm__demo__placebo
MEASUREMENT, HR, APPROVAL = HCCR.measurement__demo, HCCR.hazard_ratio__demo, HCCR.approval__demo


def dec(text: str) -> Literal:
    return Literal(text, datatype=XSD.decimal)


@pytest.fixture
def graph() -> rdflib.Graph:
    """A small conforming graph: one trial, two arms, a measurement, an HR with CI, an approval."""
    g = new_graph()
    facts = [
        (TRIAL, RDF.type, HCC.ClinicalTrial), (TRIAL, HCC.trialName, Literal("DEMO-1")),
        (TRIAL, HCC.hasArm, ARM_A), (TRIAL, HCC.hasArm, ARM_B),
        (ARM_A, RDF.type, HCC.TrialArm), (ARM_A, HCC.armIntervention, HCCR.drug_a),
        (ARM_B, RDF.type, HCC.TrialArm), (ARM_B, HCC.armIntervention, HCCR.placebo),
        (ARM_A, HCC.hasMeasurement, MEASUREMENT),
        (MEASUREMENT, RDF.type, HCC.OutcomeMeasurement), (MEASUREMENT, HCC.measuresEndpoint, HCCR.os),
        (MEASUREMENT, HCC.unit, Literal("months")), (MEASUREMENT, HCC.value, dec("11.5")),
        (TRIAL, HCC.hasEffectEstimate, HR),
        (HR, RDF.type, HCC.HazardRatio), (HR, HCC.measuresEndpoint, HCCR.os),
        (HR, HCC.value, dec("0.72")), (HR, HCC.ciLower, dec("0.60")), (HR, HCC.ciUpper, dec("0.88")),
        (APPROVAL, RDF.type, HCC.RegulatoryApproval), (APPROVAL, HCC.approvalOf, HCCR.drug_a),
        (APPROVAL, HCC.grantedBy, HCCR.agency_x), (APPROVAL, HCC.forLineOfTherapy, HCCR.first_line),
    ]
    for triple in facts:
        g.add(triple)
    return g


def add_evidence(g: rdflib.Graph, source, prop, target, doc_id: str, start: int, end: int) -> None:
    axiom, evidence, doc = HCCR[f"axiom__{start}"], HCCR[f"evidence__{start}"], HCCR[f"doc__{doc_id}"]
    for triple in [
        (axiom, RDF.type, OWL.Axiom), (axiom, OWL.annotatedSource, source),
        (axiom, OWL.annotatedProperty, prop), (axiom, OWL.annotatedTarget, target),
        (axiom, HCC.hasEvidence, evidence), (evidence, RDF.type, HCC.Evidence),
        (evidence, HCC.fromDocument, doc), (evidence, HCC.startOffset, Literal(start)),
        (evidence, HCC.endOffset, Literal(end)),
        (doc, RDF.type, HCC.SourceDocument), (doc, HCC.documentId, Literal(doc_id)),
    ]:
        g.add(triple)


def failing(report: ValidationReport, path=None) -> set[rdflib.URIRef]:
    assert not report.conforms
    return {rdflib.URIRef(v.focus) for v in report.violations if path is None or v.path == str(path)}


def test_conforming_graph(graph):
    report = validate(graph)
    assert report.conforms and report.violations == ()
    assert str(report) == "conforms"


def test_graph_is_not_modified(graph):
    before = set(graph)
    validate(graph)
    assert set(graph) == before


def test_hazard_ratio_outside_its_interval(graph):
    graph.set((HR, HCC.value, dec("1.5")))
    graph.set((HR, HCC.ciLower, dec("0.5")))
    graph.set((HR, HCC.ciUpper, dec("0.9")))
    report = validate(graph)
    assert failing(report) == {HR}
    (violation,) = report.violations
    assert violation.path == str(HCC.value) and "above its confidence interval" in violation.message
    assert violation.severity == "Violation"


def test_hazard_ratio_below_its_interval(graph):
    graph.set((HR, HCC.value, dec("0.4")))
    assert failing(validate(graph), HCC.ciLower) == {HR}


def test_reversed_confidence_interval(graph):
    graph.set((HR, HCC.ciLower, dec("0.95")))
    graph.set((HR, HCC.ciUpper, dec("0.60")))
    report = validate(graph)
    assert failing(report) == {HR}
    assert any("reversed" in v.message for v in report.violations)


@pytest.mark.parametrize("value", ["0", "-0.3"])
def test_hazard_ratio_must_be_positive(graph, value):
    graph.remove((HR, HCC.ciLower, None))
    graph.remove((HR, HCC.ciUpper, None))
    graph.set((HR, HCC.value, dec(value)))
    assert failing(validate(graph), HCC.value) == {HR}


def test_hazard_ratio_without_interval_conforms(graph):
    graph.remove((HR, HCC.ciLower, None))
    graph.remove((HR, HCC.ciUpper, None))
    assert validate(graph).conforms


def test_hazard_ratio_without_value(graph):
    graph.remove((HR, HCC.value, None))
    assert failing(validate(graph), HCC.value) == {HR}


def test_trial_without_arm_is_a_warning(graph):
    # a trial the text names without its arms ("approved on the basis of NAME") is kept, with a warning
    graph.remove((TRIAL, HCC.hasArm, None))
    report = validate(graph)
    assert report.conforms
    assert [(v.focus, v.path, v.severity) for v in report.violations] == [(str(TRIAL), str(HCC.hasArm), "Warning")]


def test_trial_needs_nct_id_or_name(graph):
    graph.remove((TRIAL, HCC.trialName, None))
    graph.add((TRIAL, RDFS.label, Literal("demo")))
    report = validate(graph)
    assert failing(report) == {TRIAL}
    assert report.violations[0].path is None  # node-level sh:or
    graph.add((TRIAL, HCC.nctId, Literal("NCT00000000")))
    assert validate(graph).conforms


def test_arm_needs_exactly_one_intervention(graph):
    graph.add((ARM_A, HCC.armIntervention, HCCR.drug_b))
    graph.remove((ARM_B, HCC.armIntervention, None))
    assert failing(validate(graph), HCC.armIntervention) == {ARM_A, ARM_B}


@pytest.mark.parametrize("prop", [HCC.unit, HCC.measuresEndpoint, HCC.value])
def test_measurement_missing_a_part(graph, prop):
    graph.remove((MEASUREMENT, prop, None))
    assert failing(validate(graph), prop) == {MEASUREMENT}


def test_approval_missing_what_it_approves(graph):
    graph.remove((APPROVAL, HCC.approvalOf, None))
    report = validate(graph)
    assert failing(report) == {APPROVAL}
    assert report.violations[0].path == str(HCC.approvalOf)
    assert not report.conforms


def test_approval_without_an_agency_is_a_warning_not_a_violation(graph):
    """A review may state an approval without its agency: the graph keeps it, flagged."""
    graph.remove((APPROVAL, HCC.grantedBy, None))
    report = validate(graph)
    assert report.conforms
    assert [(v.focus, v.path, v.severity) for v in report.violations] == \
        [(str(APPROVAL), str(HCC.grantedBy), "Warning")]


def test_approval_without_a_line_is_a_warning_not_a_violation(graph):
    """A notice may state an approval without its line: the graph keeps it, flagged."""
    graph.remove((APPROVAL, HCC.forLineOfTherapy, None))
    report = validate(graph)
    assert report.conforms
    assert [(v.focus, v.path, v.severity) for v in report.violations] == \
        [(str(APPROVAL), str(HCC.forLineOfTherapy), "Warning")]


def test_violation_carries_the_focus_node_evidence(graph):
    add_evidence(graph, HR, HCC.value, dec("1.5"), "doc_demo", 120, 164)
    add_evidence(graph, HR, HCC.ciUpper, dec("0.88"), "doc_demo", 40, 90)
    add_evidence(graph, TRIAL, HCC.trialName, Literal("DEMO-1"), "doc_other", 5, 11)  # not the HR's
    graph.set((HR, HCC.value, dec("1.5")))
    (violation,) = validate(graph).violations
    assert violation.evidence == (("doc_demo", 40, 90), ("doc_demo", 120, 164))
    assert "doc_demo:40-90; doc_demo:120-164" in str(violation)


def test_report_serialisations(graph):
    graph.remove((APPROVAL, HCC.approvalOf, None))
    add_evidence(graph, APPROVAL, HCC.grantedBy, HCCR.agency_x, "doc_demo", 7, 30)
    report = validate(graph)
    data = json.loads(report.to_json())
    assert data == {"conforms": False, "violations": [{
        "focus": str(APPROVAL), "path": str(HCC.approvalOf),
        "message": "Regulatory approval does not name what it approves (hcc:approvalOf).",
        "severity": "Violation", "evidence": [["doc_demo", 7, 30]],
    }]}
    text = str(report)
    assert text.startswith("1 violation(s)") and "hccr:approval__demo hcc:approvalOf" in text
    assert isinstance(report.violations[0], Violation)


def test_explicit_shapes_path_and_packaged_copy_agree(graph):
    shapes = REPO / "ontology" / "shapes.ttl"
    packaged = REPO / "src" / "hcc_kg" / "data" / "shapes.ttl"
    assert packaged.resolve() == shapes.resolve()
    graph.remove((MEASUREMENT, HCC.unit, None))
    assert validate(graph, shapes) == validate(graph)


def test_committed_export_conforms():
    if not EXPORT.is_file():
        pytest.skip(f"no export at {EXPORT}")
    graph = rdflib.Graph().parse(EXPORT, format="turtle")
    report = validate(graph)
    assert report.conforms, str(report)


# -- validating the shapes' view of the graph instead of a copy of all of it --

CUSTOM_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix hcc: <https://w3id.org/hcc-kg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/shapes#> .
ex:Arm a sh:NodeShape ; sh:targetClass hcc:TrialArm ;
    sh:property [ sh:path hcc:armIntervention ; sh:maxCount 1 ; sh:nodeKind sh:IRI ] ;
    sh:property [ sh:path hcc:armIntervention ; sh:class hcc:Drug ] .
ex:HR a sh:NodeShape ; sh:targetClass hcc:HazardRatio ;
    sh:property [ sh:path hcc:value ; sh:lessThan hcc:ciUpper ; sh:maxInclusive 1 ] .
ex:Trial a sh:NodeShape ; sh:targetSubjectsOf hcc:hasArm ;
    sh:property [ sh:path hcc:trialName ; sh:datatype xsd:integer ] .
"""


def messy(graph: rdflib.Graph) -> rdflib.Graph:
    """The fixture graph broken in several ways, with a blank-node arm of a subclass of TrialArm."""
    graph.set((HR, HCC.value, dec("1.5")))
    graph.add((ARM_A, HCC.armIntervention, HCCR.drug_b))
    graph.remove((MEASUREMENT, HCC.unit, None))
    graph.add((HCCR.drug_a, RDF.type, HCC.SmallMolecule))
    graph.add((HCC.SmallMolecule, RDFS.subClassOf, HCC.Drug))
    graph.add((HCC.SpecialArm, RDFS.subClassOf, HCC.TrialArm))
    arm, intervention = rdflib.BNode(), rdflib.BNode()
    graph.add((arm, RDF.type, HCC.SpecialArm))
    graph.add((arm, HCC.armIntervention, intervention))
    graph.add((arm, HCC.armIntervention, HCCR.placebo))
    graph.add((intervention, RDFS.label, Literal("unnamed mixture")))
    graph.add((TRIAL, RDFS.label, Literal("not read by any shape")))
    add_evidence(graph, HR, HCC.value, dec("1.5"), "doc_demo", 3, 9)
    return graph


def whole_graph_report(graph, shapes_path, monkeypatch) -> dict:
    import hcc_kg.store.validate as module

    with monkeypatch.context() as patch:
        patch.setattr(module, "shape_view", lambda graph, shapes: None)
        return json.loads(validate(graph, shapes_path).to_json())


@pytest.mark.parametrize("custom", [False, True])
def test_view_gives_the_same_report_as_the_whole_graph(graph, custom, tmp_path, monkeypatch):
    shapes_path = None
    if custom:  # no sh:message: pyshacl writes messages naming nodes, blank ones by their triples
        shapes_path = tmp_path / "shapes.ttl"
        shapes_path.write_text(CUSTOM_SHAPES, encoding="utf-8")
    messy(graph)
    report = json.loads(validate(graph, shapes_path).to_json())
    assert report["violations"]
    assert report == whole_graph_report(graph, shapes_path, monkeypatch)
    if custom:
        assert any("unnamed mixture" in v["message"] for v in report["violations"])


def test_view_holds_only_what_the_shapes_read(graph):
    from hcc_kg.store.validate import default_shapes, shape_view

    view = shape_view(messy(graph), default_shapes())
    assert (TRIAL, RDFS.label, None) not in view
    assert (HR, HCC.value, dec("1.5")) in view
    assert (HCCR.drug_a, RDF.type, HCC.SmallMolecule) not in view  # no shape names Drug
    assert (None, OWL.annotatedSource, None) not in view
    special = next(view.subjects(RDF.type, HCC.SpecialArm))  # a subclass of a target class
    (intervention,) = (o for o in view.objects(special, HCC.armIntervention) if isinstance(o, rdflib.BNode))
    assert view.value(intervention, RDFS.label) == Literal("unnamed mixture")  # blank nodes whole
    assert dict(view.namespaces())["hccr"] == rdflib.URIRef(str(HCCR))


@pytest.mark.parametrize("extra", ["sh:closed true", "sh:sparql [ sh:select \"SELECT $this WHERE {}\" ]"])
def test_shapes_beyond_core_read_the_whole_graph(graph, extra):
    from hcc_kg.store.validate import shape_view

    text = CUSTOM_SHAPES.replace("ex:HR a sh:NodeShape ;", f"ex:HR a sh:NodeShape ; {extra} ;")
    shapes = rdflib.Graph().parse(data=text, format="turtle")
    assert shape_view(graph, shapes) is None


def test_shapes_run_with_the_collector_paused(graph, monkeypatch):
    """pyshacl's hundreds of thousands of per-focus objects and the shape view are not walked by
    full collections (whose cost grows with everything a build holds); the collector runs again after."""
    import gc

    import pyshacl

    from hcc_kg.store import validate as validation

    seen = []
    original = pyshacl.validate
    monkeypatch.setattr(pyshacl, "validate", lambda *a, **k: (seen.append(gc.isenabled()), original(*a, **k))[1])
    report = validation.validate(messy(graph))
    assert seen == [False] and gc.isenabled()
    assert not report.conforms  # the same checks ran
