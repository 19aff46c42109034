"""The RDF stage, end to end on a tiny invented note, against a reviewed golden file.

Regenerate the golden file after an intended change with ``HCC_KG_UPDATE_GOLDEN=1`` and
review the diff: it is the specification of what such a note must produce.
"""

from __future__ import annotations

import hashlib
import os
from decimal import Decimal

import pytest
import rdflib
from rdflib import OWL, RDF, XSD, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from hcc_kg.owl.load import load_ontology
from hcc_kg.owl.populate import empty
from hcc_kg.owl.reason import Reasoned
from hcc_kg.pipeline import Settings, build
from hcc_kg.store.rdf import HCC, HCCR, abox_graph
from hcc_kg.vocab import RESOURCE_NS

from conftest import FIXTURES

GOLDEN = FIXTURES.parent / "golden" / "tiny_abox.ttl"


@pytest.fixture(scope="module")
def tiny():
    return build(Settings(corpus=FIXTURES / "tiny", out=None, lexicon=False))  # the golden pins the hand vocabulary's graph


def abox(graph: rdflib.Graph) -> rdflib.Graph:
    """What the build added about individuals: facts, evidence, axioms with inferred marks."""
    out = rdflib.Graph()
    for triple in graph.triples((None, None, None)):
        if str(triple[0]).startswith(str(HCCR)):
            out.add(triple)
    return out


def test_tiny_note_matches_the_golden_graph(tiny):
    built = abox(tiny.graph)
    if os.environ.get("HCC_KG_UPDATE_GOLDEN"):
        GOLDEN.write_bytes(built.serialize(format="turtle", encoding="utf-8"))
    golden = rdflib.Graph().parse(GOLDEN, format="turtle")
    if not isomorphic(built, golden):
        _, only_built, only_golden = graph_diff(to_isomorphic(built), to_isomorphic(golden))
        pytest.fail(f"differs from golden\nonly built: {sorted(only_built)[:10]}\nonly golden: {sorted(only_golden)[:10]}")


def test_tiny_note_facts_and_their_status(tiny):
    g = tiny.graph
    assert (HCCR.lenvatinib, HCC.inhibits, HCCR.fgfr1) in g
    assert (HCCR.lenvatinib, HCC.inhibits, HCCR.kdr) in g
    # Classified by HermiT from those two facts and the approval sentence:
    for cls in ("MultikinaseInhibitor", "ApprovedAgent", "AntiAngiogenicAgent"):
        assert (HCCR.lenvatinib, RDF.type, HCC[cls]) in g, cls
    inferred = {(g.value(a, OWL.annotatedSource), g.value(a, OWL.annotatedTarget))
                for a in g.subjects(HCC.assertionStatus, Literal("inferred"))}
    assert (HCCR.lenvatinib, HCC.MultikinaseInhibitor) in inferred
    assert (HCCR.lenvatinib, HCC.inhibits) not in {(s, o) for s, o in inferred}


def test_evidence_offsets_read_back_from_the_note(tiny):
    text = (FIXTURES / "tiny" / "note.txt").read_text(encoding="utf-8")
    g = tiny.graph
    for ev in g.subjects(RDF.type, HCC.Evidence):
        start, end = int(g.value(ev, HCC.startOffset)), int(g.value(ev, HCC.endOffset))
        assert 0 <= start < end <= len(text)
    axiom = next(a for a in g.subjects(OWL.annotatedSource, HCCR.lenvatinib)
                 if g.value(a, OWL.annotatedTarget) == HCCR.fgfr1)
    spans = [text[int(g.value(e, HCC.startOffset)):int(g.value(e, HCC.endOffset))]
             for e in g.objects(axiom, HCC.hasEvidence)]
    assert spans and all("FGFR1" in s and "Lenvatinib" in s for s in spans)


# -- a handmade ABox: what the store is given, derived from what was stated ------------------

@pytest.fixture(scope="module")
def handmade() -> Reasoned:
    """An annotated fact with an inverse, a decimal to canonicalise, a repeated fact, and inferred
    triples: a type, a property value, one about a class and the ones never written."""
    world, onto = load_ontology()
    populated = empty(world, onto)
    abox, term, terms = populated.abox, populated.abox.schema.term, populated.abox.terms
    drug, arm, trial, hr = (abox.new(k, [c], k.title()) for k, c in (
        ("zetinib", "SmallMolecule"), ("arm__t__zetinib", "TrialArm"), ("trial__t", "ClinicalTrial"),
        ("hazard_ratio__1", "HazardRatio")))
    evidence = abox.new("evidence__1", ["Evidence"], "d:4-19")
    evidence.data += [(term("startOffset"), terms.literal(4)), (term("endOffset"), terms.literal(19))]
    has_arm = abox.fact(trial.iri, term("hasArm"), arm.iri)
    abox.annotate(has_arm, term("hasEvidence"), [evidence.iri])
    value = abox.fact(hr.iri, term("value"), terms.raw_literal(Decimal("400")))
    abox.annotate(value, term("hasEvidence"), [evidence.iri])
    abox.fact(trial.iri, term("hasArm"), arm.iri)
    inferred = frozenset({(drug.iri, S_TYPE, term("MultikinaseInhibitor")), (drug.iri, S_TYPE, f"<{OWL}Thing>"),
                          (arm.iri, term("armIntervention"), drug.iri),
                          (term("MultikinaseInhibitor"), f"<{rdflib.RDFS}subClassOf>", term("Drug"))})
    return Reasoned(populated, inferred, 0.0)


S_TYPE = f"<{RDF.type}>"


def test_abox_graph_holds_what_was_stated_and_inferred(handmade):
    g = abox_graph(handmade)
    assert (HCCR.trial__t, HCC.hasArm, HCCR.arm__t__zetinib) in g
    assert (HCCR.arm__t__zetinib, HCC.armOf, HCCR.trial__t) in g  # the inverse, from the ontology
    assert (HCCR.hazard_ratio__1, HCC.value, Literal("400.0", datatype=XSD.decimal)) in g
    assert (HCCR.zetinib, rdflib.RDFS.label, Literal("Zetinib")) in g
    for s, p, o in handmade.inferred:
        s, p, o = (rdflib.URIRef(t[1:-1]) for t in (s, p, o))
        written = (s, p, o) in g
        marked = any(g.value(a, OWL.annotatedProperty) == p and g.value(a, OWL.annotatedTarget) == o
                     for a in g.subjects(OWL.annotatedSource, s)
                     if g.value(a, HCC.assertionStatus) == Literal("inferred"))
        if o == OWL.Thing:
            assert not written and not marked
        elif str(s).startswith(RESOURCE_NS):
            assert written and marked
        else:  # about a class: the ontology holds it; only the mark is the build's
            assert not written and marked
    spans = {(int(g.value(e, HCC.startOffset)), int(g.value(e, HCC.endOffset)))
             for a in g.subjects(OWL.annotatedSource, HCCR.trial__t) for e in g.objects(a, HCC.hasEvidence)}
    assert spans == {(4, 19)}


def test_axiom_iris_are_derived_from_the_fact_they_annotate(handmade):
    g = abox_graph(handmade)
    for axiom in set(g.subjects(RDF.type, OWL.Axiom)):
        fact = tuple(g.value(axiom, link) for link in (OWL.annotatedSource, OWL.annotatedProperty,
                                                       OWL.annotatedTarget))
        digest = hashlib.sha1(" ".join(n.n3() for n in fact).encode()).hexdigest()[:16]
        assert axiom == HCCR[f"axiom__{digest}"]
    marked = [t for t in handmade.inferred if t[2] != f"<{OWL.Thing}>"]  # owl:Thing is never written
    assert len(set(g.subjects(RDF.type, OWL.Axiom))) == 2 + len(marked)  # hasArm's, value's, one per inference


def test_the_store_holds_the_ontology_and_the_abox(handmade):
    from hcc_kg.owl.load import default_ontology_path
    from hcc_kg.store.loading import load_store
    from hcc_kg.store.rdf import build_graph, ontology_graph

    graph = build_graph(handmade, default_ontology_path())
    assert len(graph) == len(ontology_graph(default_ontology_path())) + len(abox_graph(handmade))
    store = load_store(handmade, default_ontology_path())
    assert len(store) == len(graph)
    assert set(abox_graph(handmade)) <= set(store)
