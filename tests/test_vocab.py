"""The vocabulary data file: well-formed, and its identifiers expand as bioregistry says."""

from __future__ import annotations

import pytest

from hcc_kg.errors import VocabularyError
from hcc_kg.vocab import Entity, Vocabulary, load_converter, load_vocabulary


def test_packaged_vocabulary_loads_and_every_xref_expands():
    vocabulary = load_vocabulary()
    assert len(vocabulary) > 100
    for entity in vocabulary:
        assert len(vocabulary.xref_iris(entity.key)) == len(entity.xrefs)


def test_every_vocabulary_prefix_is_known_to_the_converter():
    # agreement of the prefix file with bioregistry: tests/test_ids.py
    known = load_converter()
    for entity in load_vocabulary():
        for curie in entity.xrefs:
            assert known.expand(curie), curie


def test_families_and_members():
    vocabulary = Vocabulary([
        Entity("fam", "FAM", ("ProteinFamily",), members=("a", "b")),
        Entity("a", "A1", ("Protein",)), Entity("b", "B1", ("Protein",)),
    ])
    assert vocabulary.families_of("a") == ["fam"]
    assert sorted(vocabulary.members_of("fam")) == ["a", "b"]


@pytest.mark.parametrize("entities, message", [
    ([Entity("x", "X", ("Protein",)), Entity("x", "Y", ("Protein",))], "duplicate key"),
    ([Entity("fam", "F", ("ProteinFamily",), members=("ghost",))], "unknown member"),
    ([Entity("Bad Key", "B", ("Protein",))], "not a slug"),
    ([Entity("nothing", "N", ())], "no types"),
])
def test_malformed_vocabulary_is_rejected_with_every_problem(entities, message):
    with pytest.raises(VocabularyError, match=message):
        Vocabulary(entities)


def test_unexpandable_curie_is_an_error():
    vocabulary = Vocabulary([Entity("x", "X", ("Protein",), xrefs=("nosuchprefix:1",))])
    with pytest.raises(VocabularyError, match="nosuchprefix"):
        vocabulary.xref_iris("x")


def test_a_member_of_two_families_keeps_both():
    vocabulary = Vocabulary([
        Entity("rtk", "RTK", ("ProteinFamily",), members=("vegfr", "kdr")),
        Entity("vegfr", "VEGFR", ("ProteinFamily",), members=("kdr",)),
        Entity("kdr", "KDR", ("Protein",)),
    ])
    assert sorted(vocabulary.direct_families("kdr")) == ["rtk", "vegfr"]
    assert sorted(vocabulary.families_of("kdr")) == ["rtk", "vegfr"]
    assert vocabulary.families_of("vegfr") == ["rtk"]


@pytest.mark.parametrize("written, key", [
    ("programmed death-1", "pdcd1"), ("programmed cell death-1", "pdcd1"), ("programmed death receptor 1", "pdcd1"),
    ("programmed death ligand-1", "cd274"), ("PDL1", "cd274"),
    ("cytotoxic T-lymphocyte-associated antigen 4", "ctla4"), ("kinase insert domain receptor", "kdr"),
    ("objective responses", "orr"), ("overall response rate", "orr"), ("disease control", "dcr"),
    ("hepatocellular cancer", "hcc"),
    # development codes of FGFR inhibitors, as papers write them
    ("BLU-554", "fisogatinib"), ("FGF401", "roblitinib"), ("JNJ-42756493", "erdafitinib"), ("Debio-1347", "zoligratinib"),
    ("Debio 1347", "zoligratinib"),
])
def test_names_as_abstracts_spell_them(written, key):
    from hcc_kg.extract.mentions import MentionFinder
    vocabulary = load_vocabulary()
    found = MentionFinder(vocabulary).find_text(f"An invented note on {written} alone.")
    assert [m.key for m in found] == [key]
