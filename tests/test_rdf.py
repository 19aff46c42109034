"""The RDF stage, end to end on a tiny invented note, against a reviewed golden file.

Regenerate the golden file after an intended change with ``HCC_KG_UPDATE_GOLDEN=1`` and
review the diff: it is the specification of what such a note must produce.
"""

from __future__ import annotations

import os

import pytest
import rdflib
from rdflib import OWL, RDF, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from hcc_kg.pipeline import Settings, build
from hcc_kg.rdf import HCC, HCCR

from conftest import FIXTURES

GOLDEN = FIXTURES.parent / "golden" / "tiny_abox.ttl"


@pytest.fixture(scope="module")
def tiny():
    return build(Settings(corpus=FIXTURES / "tiny", out=None))


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
