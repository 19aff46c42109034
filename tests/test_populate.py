"""Populating the ABox (hcc_kg.owl.populate): assertions become individuals, facts and evidence
axioms, written as triples without owlready2; what they say is read back from those triples."""

from __future__ import annotations

from decimal import Decimal

import pytest
import rdflib
from rdflib import OWL, RDF

from hcc_kg.model import Assertion, Document, Evidence
from hcc_kg.owl.load import load_ontology
from hcc_kg.owl.populate import Populator, empty, populate
from hcc_kg.report import Report
from hcc_kg.store.rdf import HCC, HCCR
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("kdr", "KDR", ("Protein",)),
    Entity("flt1", "FLT1", ("Protein",)),
])
DOC = Document.from_text("d1", "invented text " * 20, name="note.txt")


def ev(start: int, end: int) -> Evidence:
    return Evidence(DOC.doc_id, start, end, "test")


def graph_of(populated) -> rdflib.Graph:
    """The ABox's triples, parsed by rdflib: an independent reading of what was written."""
    data = "".join(f"{s} {p} {o} .\n" for s, p, o in populated.abox.triples())
    return rdflib.Graph().parse(data=data, format="nt")


def evidence_spans(g: rdflib.Graph, s, p, o) -> set[tuple[int, int]]:
    axioms = [a for a in g.subjects(OWL.annotatedSource, s)
              if g.value(a, OWL.annotatedProperty) == p and g.value(a, OWL.annotatedTarget) == o]
    return {(int(g.value(e, HCC.startOffset)), int(g.value(e, HCC.endOffset)))
            for a in axioms for e in g.objects(a, HCC.hasEvidence)}


@pytest.fixture()
def populated():
    world, onto = load_ontology()
    assertions = [
        Assertion("foonib", "inhibits", "kdr", evidence=(ev(0, 7),)),
        Assertion("foonib", "inhibits", "flt1", evidence=(ev(8, 12), ev(20, 30))),
        Assertion("foonib", "mentionedIn", DOC.doc_id, evidence=(ev(0, 7),)),
    ]
    yield populate(world, onto, assertions, VOCAB, [DOC], Report()), assertions
    world.close()


def test_facts_become_triples(populated):
    result, assertions = populated
    g = graph_of(result)
    for a in assertions[:2]:
        assert (HCCR[a.subject], HCC[a.predicate], HCCR[a.object]) in g
    assert (HCCR.foonib, HCC.mentionedIn, HCCR[f"doc__{DOC.doc_id}"]) in g
    assert (HCCR[f"doc__{DOC.doc_id}"], HCC.sha256, rdflib.Literal(DOC.sha256)) in g
    for key, entity in ((e.key, e) for e in VOCAB):
        assert (HCCR[key], RDF.type, HCC[entity.types[0]]) in g
        assert (HCCR[key], RDF.type, OWL.NamedIndividual) in g
        assert (HCCR[key], rdflib.RDFS.label, rdflib.Literal(entity.label)) in g


def test_each_fact_has_one_axiom_with_all_its_evidence(populated):
    result, assertions = populated
    g = graph_of(result)
    for a in assertions[:2]:
        spans = evidence_spans(g, HCCR[a.subject], HCC[a.predicate], HCCR[a.object])
        assert spans == {(e.start, e.end) for e in a.evidence}
    axioms = [x for x in g.subjects(OWL.annotatedSource, HCCR.foonib) if g.value(x, OWL.annotatedTarget) == HCCR.flt1]
    assert len(axioms) == 1 and str(axioms[0]).startswith(str(HCCR.axiom__))


def _populator():
    world, onto = load_ontology()
    populated = empty(world, onto)
    return populated, Populator(populated.abox, VOCAB, [DOC], Report())


def test_a_repeated_fact_is_written_once_and_its_latest_evidence_wins():
    populated, populator = _populator()
    drug, kdr = populator.node("foonib"), populator.node("kdr")
    populator._fact(drug, "inhibits", kdr, (ev(0, 7),))
    populator._fact(drug, "inhibits", kdr, (ev(40, 47),))
    inhibits = populated.abox.schema.term("inhibits")
    assert [t for t in populated.abox.triples() if t == (drug.iri, inhibits, kdr.iri)] == [(drug.iri, inhibits, kdr.iri)]
    assert evidence_spans(graph_of(populated), HCCR.foonib, HCC.inhibits, HCCR.kdr) == {(40, 47)}


def test_a_fact_already_stated_through_its_inverse_is_not_stated_again():
    populated, populator = _populator()
    trial, arm = populator.node("trial__X"), populator.node("arm__X__foonib")
    populator._fact(trial, "hasArm", arm, ())
    populator._fact(arm, "armOf", trial, (ev(1, 2),))
    logical = set(populated.abox.logical_triples())
    has_arm, arm_of = (populated.abox.schema.term(n) for n in ("hasArm", "armOf"))
    assert (trial.iri, has_arm, arm.iri) in logical and (arm.iri, arm_of, trial.iri) not in logical
    g = graph_of(populated)  # the graph holds both directions, and the evidence on the one stated
    assert (HCCR.trial__X, HCC.hasArm, HCCR.arm__X__foonib) in g and (HCCR.arm__X__foonib, HCC.armOf, HCCR.trial__X) in g
    assert evidence_spans(g, HCCR.arm__X__foonib, HCC.armOf, HCCR.trial__X) == {(1, 2)}


def test_two_spellings_of_one_number_stay_two_facts_with_their_spelling():
    populated, populator = _populator()
    trial = populator.node("trial__X")
    values = [Decimal("0.63"), Decimal("0.630"), Decimal("400")]
    for n, value in enumerate(values):
        populator._fact(trial, "value", value, (ev(n, n + 1),))
    g = graph_of(populated)
    written = sorted(str(o) for o in g.objects(HCCR.trial__X, HCC.value))
    assert written == sorted(str(v) if "." in str(v) else f"{v}.0" for v in values)
    assert len(set(g.subjects(OWL.annotatedProperty, HCC.value))) == len(values)


def test_results_read_for_two_analysis_populations_are_two_measurements_each_with_its_population():
    world, onto = load_ontology()
    os_vocab = Vocabulary([*VOCAB, Entity("os", "overall survival", ("EndpointType",))])
    arm = "arm__x__foonib"
    assertions = [Assertion("trial__x", "hasArm", arm, evidence=(ev(0, 5),)),
                  Assertion(arm, "armIntervention", "foonib", evidence=(ev(0, 5),))]
    for population, value in (("FAS", "12.1"), ("ITT", "12.0")):
        assertions.append(Assertion(arm, "hasMeasurement", "os", (("timepoint", ""), ("analysis_population", population)),
                                    (("value", Decimal(value)), ("value_text", value), ("unit", "months")), (ev(6, 9),)))
    g = graph_of(populate(world, onto, assertions, os_vocab, [DOC], Report()))
    world.close()
    read = {(str(g.value(m, HCC.analysisPopulation)), str(g.value(m, HCC.valueText)))
            for m in g.objects(HCCR[arm], HCC.hasMeasurement)}
    assert read == {("FAS", "12.1"), ("ITT", "12.0")}


def test_cohorts_of_one_agent_are_arms_labelled_by_their_cohort():
    world, onto = load_ontology()
    assertions = [Assertion("trial__x", "isClinicalTrial", "ClinicalTrial", (), (("trial_name", "X-1"),), (ev(0, 5),))]
    for cohort in ("cohort A", "cohort B"):
        arm = f"arm__x__foonib__{cohort.replace(' ', '_').lower()}"
        assertions += [Assertion("trial__x", "hasArm", arm, evidence=(ev(0, 5),)),
                       Assertion(arm, "armIntervention", "foonib", evidence=(ev(0, 5),)),
                       Assertion(arm, "armCohort", cohort, evidence=(ev(6, 14),))]
    g = graph_of(populate(world, onto, assertions, VOCAB, [DOC], Report()))
    world.close()
    arms = {str(g.value(arm, HCC.armCohort)): str(g.value(arm, rdflib.RDFS.label)) for arm in g.objects(HCCR["trial__x"], HCC.hasArm)}
    assert arms == {"cohort A": "X-1: foonib arm (cohort A)", "cohort B": "X-1: foonib arm (cohort B)"}
# ---------------------------------------------------------------- identifiers, synonyms, unique labels

NAMES_VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",), ("FN-1",), xrefs=("CHEBI:99999", "drugbank:DB99999")),
    Entity("monoclonal_antibody", "monoclonal antibody", ("DrugClassTerm",)),
    Entity("twin_a", "twin name", ("Protein",)),
    Entity("twin_b", "twin name", ("Pathway",)),
])
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
OBO = rdflib.Namespace("http://www.geneontology.org/formats/oboInOwl#")


@pytest.fixture()
def named():
    world, onto = load_ontology()
    assertions = [Assertion(k, "mentionedIn", DOC.doc_id, evidence=(ev(0, 7),))
                  for k in ("foonib", "monoclonal_antibody", "twin_a", "twin_b")]
    result = populate(world, onto, assertions, NAMES_VOCAB, [DOC], Report())
    yield graph_of(result), onto
    world.close()


def test_exact_match_values_are_iris_not_strings(named):
    from hcc_kg import ids

    g, _ = named
    assert set(g.objects(HCCR.foonib, SKOS.exactMatch)) == {rdflib.URIRef(ids.expand(c)) for c in NAMES_VOCAB["foonib"].xrefs}
    assert {str(x) for x in g.objects(HCCR.foonib, HCC.identifier)} == set(NAMES_VOCAB["foonib"].xrefs)


def test_synonyms_are_written_for_skos_and_obo_tools(named):
    g, _ = named
    assert set(g.objects(HCCR.foonib, SKOS.altLabel)) == set(g.objects(HCCR.foonib, OBO.hasExactSynonym)) \
        == {rdflib.Literal(s) for s in NAMES_VOCAB["foonib"].synonyms}


def test_labels_clashing_with_a_class_or_each_other_are_qualified_and_kept_as_synonyms(named):
    g, onto = named
    labels = {s: str(o) for s, o in g.subject_objects(rdflib.RDFS.label)}
    class_labels = {str(c.label[0]).casefold() for c in onto.classes() if c.label}
    assert len({x.casefold() for x in labels.values()}) == len(labels)
    assert not {x.casefold() for x in labels.values()} & class_labels
    assert labels[HCCR.monoclonal_antibody].startswith("monoclonal antibody (")
    for key, cls in (("twin_a", "Protein"), ("twin_b", "Pathway")):
        name = str(onto[cls].label[0])
        assert labels[HCCR[key]] == f"twin name ({name[0].lower()}{name[1:]})"
        assert rdflib.Literal("twin name") in set(g.objects(HCCR[key], SKOS.altLabel))
    assert rdflib.Literal("monoclonal antibody") in set(g.objects(HCCR.monoclonal_antibody, OBO.hasExactSynonym))
    assert labels[HCCR.foonib] == "foonib"   # no clash, no change


def test_a_label_qualified_in_one_step_is_told_apart_from_one_it_now_clashes_with():
    """Qualifying "twin" as "twin (protein)" makes it clash with an entity already named so:
    the next steps see the new label and tell the two apart."""
    from hcc_kg.owl import labels

    world, onto = load_ontology()
    try:
        abox = empty(world, onto).abox
        abox.new("twin_x", ["Protein"], "twin")
        abox.new("twin_y", ["Pathway"], "twin")
        protein = str(onto["Protein"].label[0])
        abox.new("named_z", ["Pathway"], f"twin ({protein[0].lower()}{protein[1:]})")
        labels.unique_labels(abox, labels.Index(abox.schema))
        names = [ind.label.casefold() for ind in abox.individuals.values()]
        assert len(set(names)) == len(names) == 3
        assert abox.individuals["twin_x"].label.endswith("(twin_x)")  # the last step: told apart by key
        assert abox.individuals["named_z"].label.endswith("(named_z)")
        assert abox.individuals["twin_y"].label == "twin (pathway)"  # told apart once: qualified once
    finally:
        world.close()


def test_populating_holds_off_the_cyclic_collector(monkeypatch):
    """Millions of acyclic objects: a full collection would walk them all again and again."""
    import gc

    from hcc_kg.owl import labels

    seen = []
    original = labels.unique_labels
    monkeypatch.setattr(labels, "unique_labels", lambda *args: (seen.append(gc.isenabled()), original(*args)))
    world, onto = load_ontology()
    try:
        populate(world, onto, [Assertion("foonib", "inhibits", "kdr", evidence=(ev(0, 7),))], VOCAB, [DOC], Report())
    finally:
        world.close()
    assert seen == [False] and gc.isenabled()
