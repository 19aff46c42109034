"""The RDF stage, end to end on a tiny invented note, against a reviewed golden file.

Regenerate the golden file after an intended change with ``HCC_KG_UPDATE_GOLDEN=1`` and
review the diff: it is the specification of what such a note must produce.
"""

from __future__ import annotations

import os
from decimal import Decimal

import owlready2
import pytest
import rdflib
from rdflib import OWL, RDF, XSD, BNode, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from hcc_kg.owl.load import load_ontology
from hcc_kg.owl.populate import Populated
from hcc_kg.owl.reason import Reasoned
from hcc_kg.pipeline import Settings, build
from hcc_kg.store.rdf import HCC, HCCR, _canonical, _ours, abox_graph, axiom_iri
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


# -- the quadstore reader against the straightforward reading of owlready2's rdflib wrapper --

LINKS = (OWL.annotatedSource, OWL.annotatedProperty, OWL.annotatedTarget)


def reference_abox(reasoned: Reasoned) -> set:
    """What abox_graph must produce, read through ``World.as_rdflib_graph()`` one lookup at a time."""
    wg, out = reasoned.populated.world.as_rdflib_graph(), set()

    def annotate(triple, prop, value):
        iri = axiom_iri(*triple)
        out.update({(iri, RDF.type, OWL.Axiom), (iri, prop, value), *((iri, l, n) for l, n in zip(LINKS, triple))})

    skipped = {OWL.NamedIndividual, OWL.Thing}
    for s, p, o in wg:
        if isinstance(s, BNode) or not str(s).startswith(RESOURCE_NS) or isinstance(o, BNode):
            continue
        if not (p == RDF.type and o in skipped):
            out.add((s, p, _canonical(o)))
            if p == RDF.type:
                out.add((s, RDF.type, OWL.NamedIndividual))
    for axiom in set(wg.subjects(RDF.type, OWL.Axiom)):
        links = [wg.value(axiom, link) for link in LINKS]
        if all(n is not None and not isinstance(n, BNode) for n in links) and _ours(links[0]):
            for p, o in wg.predicate_objects(axiom):
                if p not in LINKS and p != RDF.type:
                    annotate((links[0], links[1], _canonical(links[2])), p, _canonical(o))
    for s, p, o in reasoned.inferred:
        if _ours(s) and not (p == RDF.type and o in skipped) and not isinstance(o, BNode):
            annotate((s, p, _canonical(o)), HCC.assertionStatus, Literal("inferred"))
    return out


@pytest.fixture(scope="module")
def handmade() -> Reasoned:
    """Decimals and strings to canonicalise, tagged labels, an inverse property, a blank-node
    restriction, annotated facts (one about a non-resource subject) and inferred triples."""
    world, onto = load_ontology()
    ns = onto.get_namespace(RESOURCE_NS)
    with onto:
        class pairedWith(owlready2.ObjectProperty, owlready2.SymmetricProperty):
            namespace = onto

        drug, kinase = onto.SmallMolecule("zetinib", namespace=ns), onto.Kinase("kq", namespace=ns)
        outsider = onto.Kinase("outsider", namespace=onto.get_namespace("http://example.org/x#"))
        drug.inhibits = [kinase, outsider]
        drug.pairedWith = [kinase]
        drug.label = [owlready2.locstr("Zetinib", "en"), owlready2.locstr("Zétinib", "fr"), "zetinib"]
        drug.is_a.append(onto.inhibits.some(onto.Kinase))
        ev = onto.Evidence("evidence__1", namespace=ns)
        ev.startOffset, ev.endOffset = [4], [19]
        onto.hasEvidence[drug, onto.inhibits, kinase] = [ev]
        outsider.label = ["x"]
        onto.hasEvidence[outsider, owlready2.label, "x"] = [ev]
        hr = onto.HazardRatio("hazard_ratio__1", namespace=ns)
        hr.value = [Decimal("400")]
        onto.hasEvidence[hr, onto.value, Decimal("400")] = [ev]
    inferred = frozenset({(HCCR.zetinib, RDF.type, HCC.MultikinaseInhibitor), (HCCR.zetinib, RDF.type, OWL.Thing),
                          (HCCR.hazard_ratio__1, HCC.value, Literal("400", datatype=XSD.decimal)),
                          (rdflib.URIRef("http://example.org/x#outsider"), RDF.type, HCC.Kinase)})
    world._test_keep = pairedWith  # the wrapper inverts only properties whose Python class is alive
    return Reasoned(Populated(world, onto), inferred, 0.0)


def test_abox_from_the_quadstore_equals_the_wrapper_reading(handmade):
    built = set(abox_graph(handmade))
    assert built == reference_abox(handmade)
    assert (HCCR.hazard_ratio__1, HCC.value, Literal("400.0", datatype=XSD.decimal)) in built
    assert (HCCR.kq, rdflib.URIRef(str(HCC) + "pairedWith"), HCCR.zetinib) in built  # symmetric, via the wrapper rule
    assert (HCCR.zetinib, rdflib.RDFS.label, Literal("zetinib")) in built  # xsd:string dropped
    axioms = {s for s, p, o in built if p == OWL.annotatedSource}
    assert len(axioms) == 3  # inhibits, HR value (evidence + inferred), MultikinaseInhibitor; not the outsider's


def test_build_graph_holds_ontology_and_abox(handmade, tmp_path):
    from hcc_kg.owl.load import default_ontology_path
    from hcc_kg.store.rdf import build_graph, ontology_graph

    graph = build_graph(handmade, default_ontology_path())
    assert len(graph) == len(ontology_graph(default_ontology_path())) + len(abox_graph(handmade))
