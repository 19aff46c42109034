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


# ---------------------------------------------------------------- identifiers, synonyms, unique labels

NAMES_VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",), ("FN-1",), xrefs=("CHEBI:99999", "drugbank:DB99999")),
    Entity("monoclonal_antibody", "monoclonal antibody", ("DrugClassTerm",)),
    Entity("twin_a", "twin name", ("Protein",)),
    Entity("twin_b", "twin name", ("Pathway",)),
])


@pytest.fixture()
def named():
    world, onto = load_ontology()
    assertions = [Assertion(k, "mentionedIn", DOC.doc_id, evidence=(ev(0, 7),))
                  for k in ("foonib", "monoclonal_antibody", "twin_a", "twin_b")]
    result = populate(world, onto, assertions, NAMES_VOCAB, [DOC], Report())
    yield result, world
    world.close()


def _objects(world, ind, iri: str) -> list:
    prop = world.graph._abbreviate(iri)
    return [o for _, _, o in world.graph.execute("SELECT s,p,o FROM objs WHERE s=? AND p=?", (ind.storid, prop))]


def test_exact_match_values_are_iris_not_strings(named):
    from hcc_kg import ids

    result, world = named
    drug = result.individuals["foonib"]
    targets = {world.graph._unabbreviate(o) for o in _objects(world, drug, "http://www.w3.org/2004/02/skos/core#exactMatch")}
    assert targets == {ids.expand(c) for c in NAMES_VOCAB["foonib"].xrefs}
    literal_rows = world.graph.execute("SELECT o FROM datas WHERE s=? AND p=?", (
        drug.storid, world.graph._abbreviate("http://www.w3.org/2004/02/skos/core#exactMatch"))).fetchall()
    assert literal_rows == []


def test_synonyms_are_written_for_skos_and_obo_tools(named):
    result, world = named
    drug = result.individuals["foonib"]
    skos = world["http://www.w3.org/2004/02/skos/core#altLabel"]
    obo = world["http://www.geneontology.org/formats/oboInOwl#hasExactSynonym"]
    assert skos[drug] == obo[drug] == ["FN-1"]


def test_labels_clashing_with_a_class_or_each_other_are_qualified_and_kept_as_synonyms(named):
    result, world = named
    inds = result.individuals
    class_labels = {str(c.label[0]).casefold() for c in world.classes() if c.label}
    labels = [str(i.label[0]) for i in inds.values() if i.label]
    assert len({x.casefold() for x in labels}) == len(labels)
    assert not {x.casefold() for x in labels} & class_labels
    assert str(inds["monoclonal_antibody"].label[0]).startswith("monoclonal antibody (")
    onto_ns = "https://w3id.org/hcc-kg/ontology#"
    for key, cls in (("twin_a", "Protein"), ("twin_b", "Pathway")):
        name = str(world[onto_ns + cls].label[0])
        assert str(inds[key].label[0]) == f"twin name ({name[0].lower()}{name[1:]})"
    skos = world["http://www.w3.org/2004/02/skos/core#altLabel"]
    assert "twin name" in skos[inds["twin_a"]] and "monoclonal antibody" in skos[inds["monoclonal_antibody"]]
    assert str(inds["foonib"].label[0]) == "foonib"   # no clash, no change
