"""Abbreviations a document defines for itself (extract/abbreviations.py), on invented names."""

from __future__ import annotations

import pytest

from hcc_kg.extract import extract, extract_document
from hcc_kg.extract.abbreviations import DEFINED, definitions, fits
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.novel import NAMING_PREDICATES
from hcc_kg.assemble.naming import document_sections, extend_vocabulary, split_naming
from hcc_kg.model import Document
from hcc_kg.report import Report
from hcc_kg.vocab import Entity, Vocabulary


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary([Entity("zorbatinib", "zorbatinib", ("SmallMolecule", "TyrosineKinaseInhibitor")),
                       Entity("quelvumab", "quelvumab", ("MonoclonalAntibody",)),
                       Entity("kdr", "KDR", ("Protein",), ("VEGFR2",)),
                       Entity("plexin_kinase", "plexin kinase family", ("ProteinFamily",)),
                       Entity("tki", "tyrosine kinase inhibitor", ("DrugClassTerm",)),
                       Entity("radioembolization", "radioembolization", ("Procedure",))])


def read(text: str, vocabulary: Vocabulary, doc_id: str = "inv1") -> set[tuple[str, str, str]]:
    out = extract_document(Document.from_text(doc_id, text), vocabulary, MentionFinder(vocabulary))
    return {(a.subject, a.predicate, str(a.object)) for a in out}


def defined(text: str, vocabulary: Vocabulary) -> list[tuple[str, str]]:
    doc = AnalysedDocument(Document.from_text("inv1", text), vocabulary, MentionFinder(vocabulary))
    return [(d.key, d.short) for d in definitions(doc)]


def test_a_defined_short_form_names_the_entity_later(vocabulary):
    facts = read("Zorbatinib (ZRB) was given orally. In cell lines, ZRB inhibits KDR.", vocabulary)
    assert ("zorbatinib", "inhibits", "kdr") in facts
    assert ("zorbatinib", DEFINED, "ZRB") in facts


def test_a_drugs_name_cut_short_in_lower_case_is_a_short_form_also_capitalised(vocabulary):
    facts = read("Zorbatinib (zorb) was given orally. Zorb inhibits KDR in the made-up cell lines.", vocabulary)
    assert ("zorbatinib", "inhibits", "kdr") in facts
    assert ("zorbatinib", DEFINED, "zorb") in facts


def test_the_initials_of_a_way_of_giving_the_drug_and_its_name_are_its_short_form(vocabulary):
    assert defined("We gave oral metronomic zorbatinib (MZ) to made-up patients.", vocabulary) == [("zorbatinib", "MZ")]
    assert defined("We gave oral metronomic zorbatinib (XZ) to made-up patients.", vocabulary) == []


def test_without_the_definition_the_short_form_is_nothing(vocabulary):
    assert ("zorbatinib", "inhibits", "kdr") not in read("In cell lines, ZRB inhibits KDR.", vocabulary)


@pytest.mark.parametrize("text, expected", [
    ("Quelvumab (QVM) was given every three weeks.", [("quelvumab", "QVM")]),
    ("Quelvumab (Quel) was given every three weeks.", [("quelvumab", "Quel")]),
    ("The plexin kinase family (PKF) is overexpressed.", [("plexin_kinase", "PKF")]),
    ("Quelvumab (XQ-4821; Quel) was given every three weeks.", [("quelvumab", "Quel")]),  # its code first
    ("Zorbatinib (ZX 12-345, ZRB) was given daily.", [("zorbatinib", "ZRB")]),
    ("Radioembolization (RE) was compared with zorbatinib.", [("radioembolization", "RE")]),  # a procedure too
])
def test_drugs_and_protein_families_can_be_abbreviated(vocabulary, text, expected):
    assert defined(text, vocabulary) == expected


@pytest.mark.parametrize("text", [
    "Zorbatinib (BZR) was given orally.",      # first letter does not start the long form
    "Zorbatinib (ZRX) was given orally.",      # X is not in zorbatinib
    "Zorbatinib (OS) was given orally.",       # a clinical abbreviation (stoplist)
    "Zorbatinib (ORR) was given orally.",
    "Zorbatinib (Z1) was given orally.",       # a digit the long form lacks
    "Zorbatinib (12) was given orally.",       # a number
    "Zorbatinib (oral) was given orally.",     # all lower case and no clipping of the name: a word
    "The plexin kinase family (plex) is overexpressed.",  # a clipping in lower case names only a drug
    "Zorbatinib (ZRB; oral) was given orally.",  # more than a short form in the parentheses
    "Zorbatinib (ZRB) was given orally in the ZRB trial.",  # the document's trial name
    "A tyrosine kinase inhibitor (TKI) was given.",  # a drug class, not a drug
    "Zorbatinib (KDR) was given orally.",      # a name the vocabulary holds
])
def test_what_is_not_a_definition(vocabulary, text):
    assert defined(text, vocabulary) == []


def test_a_short_form_defined_for_two_entities_is_ambiguous(vocabulary):
    text = "Zorbatinib (ZB) was given first. Zorbatinib plus quelvumab (ZB) was given next."
    assert defined(text, vocabulary) == [("zorbatinib", "ZB")]
    assert defined("Quelvumab (QZ) was given. Then zorbatinib (QZ) was given.", vocabulary) == []


def test_fits_needs_the_letters_in_order():
    assert fits("ZRB", "zorbatinib") and fits("PKF", "plexin kinase family")
    assert not fits("ZBRT", "zorbatinib") and not fits("ZORBATINIB", "zorbatinib")


def test_only_the_exact_case_is_a_use(vocabulary):
    facts = read("Zorbatinib (ZRB) was given orally. In cell lines, zrb inhibits KDR.", vocabulary)
    assert ("zorbatinib", "inhibits", "kdr") not in facts


def test_a_use_before_the_definition_is_not_read(vocabulary):
    facts = read("In cell lines, ZRB inhibits KDR. Zorbatinib (ZRB) was later given orally.", vocabulary)
    assert ("zorbatinib", DEFINED, "ZRB") in facts
    assert ("zorbatinib", "inhibits", "kdr") not in facts


def test_an_abbreviation_does_not_leak_into_another_document(vocabulary):
    documents = [Document.from_text("inv1", "Zorbatinib (ZRB) was given orally. ZRB inhibits KDR.\n"),
                 Document.from_text("inv2", "In this study, ZRB inhibits KDR.\n")]
    out = extract(documents, vocabulary, Report())
    inhibits = [a for a in out if a.predicate == "inhibits"]
    assert [(a.subject, a.object) for a in inhibits] == [("zorbatinib", "kdr")]
    assert {e.doc_id for e in inhibits[0].evidence} == {"inv1"}


def test_an_abbreviation_is_a_naming_that_stays_out_of_the_global_vocabulary(vocabulary):
    out = extract_document(Document.from_text("inv1", "Zorbatinib (ZRB) was given orally. ZRB inhibits KDR.\n"),
                           vocabulary, MentionFinder(vocabulary))
    naming, facts = split_naming(out)
    assert DEFINED in NAMING_PREDICATES and [a.predicate for a in naming] == [DEFINED]
    assert all(a.predicate != DEFINED for a in facts)
    assert "ZRB" not in extend_vocabulary(vocabulary, naming)["zorbatinib"].synonyms
    sections = document_sections([Document.from_text("inv1", "x")], facts, naming)
    assert sections["inv1"]["abbreviations_read"] == [{"key": "zorbatinib", "short": "ZRB"}]
    assert sections["inv1"]["synonyms_read"] == []


def test_a_placebo_can_be_abbreviated():
    vocabulary = Vocabulary([Entity("zorbatinib", "zorbatinib", ("SmallMolecule",)),
                             Entity("placebo", "placebo", ("Placebo",))])
    assert defined("Patients got zorbatinib or placebo (PBO) in this invented study. PBO was inert.", vocabulary) \
        == [("placebo", "PBO")]


@pytest.fixture(scope="module")
def with_symbols() -> Vocabulary:
    """An invented vocabulary in which "PLX" is a generated symbol (exact case) of one protein and
    "KDR" a hand name of another."""
    return Vocabulary([Entity("zorbatinib", "zorbatinib", ("SmallMolecule",)),
                       Entity("plexor", "plexor", ("Protein",), ("PLX",), exact_case=("PLX",)),
                       Entity("plumex_lyase", "plumex lyase", ("Protein",)),
                       Entity("kdr", "KDR", ("Protein",)),
                       Entity("kinase_dr", "kinase domain receptor", ("Protein",))])


def test_a_document_definition_overrides_a_generated_symbol_from_the_definition_on(with_symbols):
    text = ("PLX was measured first. Zorbatinib binds plumex lyase (PLX). "
            "In the invented cells, zorbatinib inhibits PLX.")
    facts = read(text, with_symbols)
    assert ("plumex_lyase", DEFINED, "PLX") in facts
    assert ("zorbatinib", "inhibits", "plumex_lyase") in facts
    assert ("zorbatinib", "inhibits", "plexor") not in facts
    assert ("plexor", "mentionedIn", "inv1") in facts  # the use before the definition keeps the symbol's meaning


def test_a_hand_vocabulary_name_is_never_redefined(with_symbols):
    text = "Zorbatinib binds the kinase domain receptor (KDR). In the invented cells, zorbatinib inhibits KDR."
    assert defined(text, with_symbols) == []
    assert ("zorbatinib", "inhibits", "kdr") in read(text, with_symbols)


def _uses(text: str, vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """(key, the text right after) of each mention once the document is reread with its own short forms."""
    from hcc_kg.extract.abbreviations import reread
    doc = AnalysedDocument(Document.from_text("inv1", text), vocabulary, MentionFinder(vocabulary))
    doc = reread(doc, definitions(doc))
    return [(m.key, doc.document.text[m.end:m.end + 4]) for s in doc.sentences for m in s.mentions]


def test_one_capital_letter_names_an_arm_where_it_stands_alone_but_not_a_p_value_a_cell_or_a_label():
    vocabulary = Vocabulary([Entity("zorbatinib", "zorbatinib", ("SmallMolecule",)),
                             Entity("placebo", "placebo", ("Placebo",)),
                             Entity("avexitinib", "avexitinib", ("SmallMolecule",))])
    text = ("Zorbatinib (Z) was compared with placebo (P) in an invented study. Patients were assigned to Z or P; "
            "180 to Z, 90 to P. Survival favoured Z, P = 0.03, also in Child-Pugh class P and in Z cells.")
    uses = _uses(text, vocabulary)
    assert uses.count(("zorbatinib", " or ")) == 1 and ("placebo", "; 18") in uses and ("placebo", ". Su") in uses
    assert ("placebo", " = 0") not in uses and ("zorbatinib", " cel") not in uses and ("placebo", " and") not in uses
    # the words "A" and "I" are never short forms
    assert defined("Avexitinib (A) was given orally. A total of 40 patients took it.", vocabulary) == []


def test_a_family_with_members_can_be_abbreviated_and_the_document_still_reads():
    # the short form's entity is a family: its members must be found in the document's whole vocabulary
    vocabulary = Vocabulary([Entity("zorbatinib", "zorbatinib", ("SmallMolecule",)),
                             Entity("plx1", "PLX1", ("Protein",)), Entity("plx2", "PLX2", ("Protein",)),
                             Entity("plexin_kinase", "plexin kinase family", ("ProteinFamily",), members=("plx1", "plx2"))])
    facts = read("Zorbatinib blocks the plexin kinase family (PKF) in toy cells. Later, PKF was inhibited by zorbatinib "
                 "in pretend mice.", vocabulary)
    assert ("plexin_kinase", DEFINED, "PKF") in facts
    assert ("zorbatinib", "inhibits", "plexin_kinase") in facts


@pytest.mark.parametrize("text, expected", [
    ("Davorimab (D) was given every two weeks. D was well tolerated.", [("davorimab", "D")]),  # "d" (days) is a unit, "D" no
    ("Zorbatinib (ZRB; anti-KDR) was given orally.", [("zorbatinib", "ZRB")]),  # a gloss of what it is against
    ("Davorimab (D; anti-PD-1 antibody) was given every two weeks.", [("davorimab", "D")]),
])
def test_a_capital_letter_that_is_no_unit_as_written_and_a_gloss_after_a_semicolon(text, expected):
    vocabulary = Vocabulary([Entity("zorbatinib", "zorbatinib", ("SmallMolecule",)),
                             Entity("davorimab", "davorimab", ("MonoclonalAntibody",))])
    assert defined(text, vocabulary) == expected



def test_a_gloss_after_the_defined_short_form_still_says_what_the_drug_acts_on():
    vocabulary = Vocabulary([Entity("quelvumab", "quelvumab", ("MonoclonalAntibody",)), Entity("kdr", "KDR", ("Protein",))])
    facts = read("This invented study gave quelvumab (Q; anti-KDR) every week. Q was well tolerated.", vocabulary)
    assert ("quelvumab", DEFINED, "Q") in facts
    assert ("quelvumab", "isAntibodyAgainst", "kdr") in facts
