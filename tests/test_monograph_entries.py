"""A drug monograph's entries: a heading naming the drug, then sentences with no subject ("Inhibits A and B",
"Classified as a T inhibitor", "Indicated for D"), on invented text."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.category_anaphora import category_anaphora_statements
from hcc_kg.model import Document
from test_approvals import facts as approval_facts
from test_mechanisms import FINDER, VOCAB
from test_mechanisms import facts as mechanism_facts

MONOGRAPH = ("Liver cancer medicines (invented)\n\nAntineoplastic agents\n\nFoonib (Foonix)\n\n{foonib}\n\n"
             "Zelumab (Zelumax)\n\n{zelumab}\n")


def entries(foonib: str, zelumab: str = "Given every three weeks.") -> set[tuple[str, str]]:
    heading, body = MONOGRAPH.format(foonib=foonib, zelumab=zelumab).split("\n", 1)
    return mechanism_facts(body, heading)


@pytest.mark.parametrize("entry, expected", [
    ("Given by mouth. Inhibits KIT and FLT3 in made-up cells.", {("foonib", "kit"), ("foonib", "flt3")}),
    ("Given by mouth. Selectively inhibits RET.", {("foonib", "ret")}),
    ("Pharmacologically classified as a MET tyrosine kinase inhibitor.", {("foonib", "met")}),
    ("Given by mouth. Multikinase inhibitor that targets AXL and TIE2.", {("foonib", "axl"), ("foonib", "tek")}),
    # "(ie, A, B)": the bracket says which members of the family it means
    ("Given by mouth. Inhibits VEGF receptors (ie, VEGFR1, VEGFR2), and RET.",
     {("foonib", "flt1"), ("foonib", "kdr"), ("foonib", "ret")}),
])
def test_a_subjectless_sentence_of_an_entry_speaks_of_the_drug_its_heading_names(entry, expected):
    assert entries(entry) == expected


def test_each_entry_keeps_to_its_own_drug():
    assert entries("Given by mouth. Inhibits KIT.", "Given by infusion. Binds PD-L1 on invented cells.") == \
        {("foonib", "kit"), ("zelumab", "pdl1")}


def test_a_plural_class_opening_a_sentence_of_an_entry_is_no_subject_left_out():
    assert entries("Given by mouth. Tyrosine kinase inhibitors of KIT are widely used.") == set()


def test_a_subjectless_sentence_under_a_heading_naming_no_drug_reads_nothing():
    assert mechanism_facts("Inhibits KIT and FLT3 in made-up cells.", "Kinase biology (invented)") == set()


def test_a_category_a_subjectless_entry_targets_takes_the_members_the_next_sentence_lists():
    text = MONOGRAPH.format(foonib="Given by mouth. Targets kinases of invented tumour vessels. These kinases include "
                                   "MET, AXL and KIT.", zelumab="Given by infusion.")
    doc = AnalysedDocument(Document.from_text("d1", text), VOCAB, FINDER)
    assert {(a.subject, a.object) for a in category_anaphora_statements(doc)} == \
        {("foonib", "met"), ("foonib", "axl"), ("foonib", "kit")}


def test_a_labels_indication_is_an_approval_with_no_agency_unless_the_text_names_one():
    assert approval_facts("In this invented summary, foonib is indicated for the treatment of adults with HCC.") == \
        {("foonib", "hcc", None, None)}
    assert approval_facts("In Japan, foonib is indicated for patients with HCC who have not received prior systemic "
                          "therapy.") == {("foonib", "hcc", "mhlw", "first_line")}
    assert approval_facts("In this invented summary, foonib is not indicated for patients with HCC.") == set()


def test_an_entrys_indicated_for_is_an_approval_of_the_heading_drug():
    heading, body = ("Liver cancer medicines (invented)\n\nFoonib (Foovia)\n\nGiven by mouth. Indicated for "
                     "unresectable HCC.\n").split("\n", 1)
    assert approval_facts(body, heading) == {("foonib", "hcc", None, None)}


def test_an_indication_proposed_in_an_opinion_is_no_approval():
    body = ("In an invented meeting the CHMP gave a positive opinion on widening what foonib may be used for. "
            "Once the Commission decides, the label will say: Foovia is indicated as monotherapy for HCC in adults "
            "previously treated with sorafenib.")
    assert approval_facts(body) == set()


def test_the_indication_an_approval_announces_is_that_approval_not_a_second():
    body = ("In this invented notice, the MFDS authorises the following new indication for foonib: "
            "\nFoovia is indicated for adults with HCC previously treated with sorafenib.")
    assert approval_facts(body) == {("foonib", "hcc", "mfds", "second_line")}


# How abstracts name a drug's action: a square bracket of brand names, each with its market, between the drug
# and its description; "a T blockade", the drug called by what it does; a sequence of two treatments is no means.
ABSTRACT_SHAPES = {
    "Foonib [Foonix (China); Fooniva (global)] is a selective VEGFR2 tyrosine kinase inhibitor.": {("foonib", "kdr")},
    "We gave zelumab, a programmed death-ligand 1 (PD-L1) blockade, with foonib.": {("zelumab", "pdl1")},
    "Foonib followed by PD-L1 blockade was given to invented patients.": set(),
}


def test_brand_brackets_blockade_heads_and_sequences():
    assert {sentence: mechanism_facts(sentence) for sentence in ABSTRACT_SHAPES} == ABSTRACT_SHAPES
