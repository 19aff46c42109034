"""Populating the World (hcc_kg.owl.populate): facts are written straight into the quadstore,
so these check that owlready2's own API reads back exactly what was written."""

from __future__ import annotations

import owlready2
import pytest

from hcc_kg.model import Assertion, Document, Evidence
from hcc_kg.owl.load import load_ontology
from hcc_kg.owl.populate import Populator, populate
from hcc_kg.report import Report
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("kdr", "KDR", ("Protein",)),
    Entity("flt1", "FLT1", ("Protein",)),
])
DOC = Document.from_text("d1", "invented text " * 20, name="note.txt")


def ev(start: int, end: int) -> Evidence:
    return Evidence(DOC.doc_id, start, end, "test")


@pytest.fixture()
def populated():
    world, onto = load_ontology()
    assertions = [
        Assertion("foonib", "inhibits", "kdr", evidence=(ev(0, 7),)),
        Assertion("foonib", "inhibits", "flt1", evidence=(ev(8, 12), ev(20, 30))),
        Assertion("foonib", "mentionedIn", DOC.doc_id, evidence=(ev(0, 7),)),
    ]
    result = populate(world, onto, assertions, VOCAB, [DOC], Report())
    yield result, onto
    world.close()


def _evidence_spans(onto, s, p, o) -> set[tuple[int, int]]:
    return {(e.startOffset, e.endOffset) for e in onto.hasEvidence[s, p, o]}


def test_facts_read_back_through_owlready2(populated):
    result, onto = populated
    drug = result.individuals["foonib"]
    assert sorted(t.name for t in drug.inhibits) == ["flt1", "kdr"]
    assert [d.name for d in drug.mentionedIn] == [f"doc__{DOC.doc_id}"]


def test_each_fact_has_one_axiom_with_all_its_evidence(populated):
    result, onto = populated
    drug, flt1 = result.individuals["foonib"], result.individuals["flt1"]
    assert _evidence_spans(onto, drug, onto.inhibits, flt1) == {(8, 12), (20, 30)}
    axioms = list(onto.world.sparql("""SELECT ?a { ?a owl:annotatedSource ??1 ; owl:annotatedProperty ??2 ;
                                           owl:annotatedTarget ??3 }""", [drug, onto.inhibits, flt1]))
    assert len(axioms) == 1


def test_a_repeated_fact_is_written_once_and_its_latest_evidence_wins():
    world, onto = load_ontology()
    populator = Populator(world, onto, VOCAB, [DOC], Report())
    with onto:
        drug, kdr = populator.node("foonib"), populator.node("kdr")
        populator._fact(drug, "inhibits", kdr, (ev(0, 7),))
        populator._fact(drug, "inhibits", kdr, (ev(40, 47),))
        populator.flush()
    triples = list(world._get_obj_triples_spo_spo(drug.storid, onto.inhibits.storid, kdr.storid))
    assert len(triples) == 1
    assert _evidence_spans(onto, drug, onto.inhibits, kdr) == {(40, 47)}
    world.close()


def test_a_fact_already_stated_through_its_inverse_is_not_stated_again():
    world, onto = load_ontology()
    populator = Populator(world, onto, VOCAB, [DOC], Report())
    with onto:
        trial, arm = populator.node("trial__X"), populator.node("arm__X__foonib")
        populator._fact(trial, "hasArm", arm, ())
        populator._fact(arm, "armOf", trial, ())
    assert arm.armOf == [trial] and trial.hasArm == [arm]
    assert not world._has_obj_triple_spo(arm.storid, onto.armOf.storid, trial.storid)
    world.close()


def test_a_cached_value_list_is_refreshed_after_a_write():
    world, onto = load_ontology()
    populator = Populator(world, onto, VOCAB, [DOC], Report())
    with onto:
        drug = populator.node("foonib")
        assert drug.inhibits == []  # owlready2 now caches the empty list
        populator._fact(drug, "inhibits", populator.node("kdr"), ())
    assert [t.name for t in drug.inhibits] == ["kdr"]
    assert isinstance(drug, owlready2.Thing)
    world.close()
