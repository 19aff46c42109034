"""Tests for hcc_kg.extract.category_anaphora: a category named as the object of a drug's cue, its members in the
next sentence ("X inhibits several kinases. These kinases are A and B."), on invented text."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.category_anaphora import category_anaphora_statements
from hcc_kg.model import Document
from test_mechanisms import FINDER, VOCAB


def read(body: str) -> dict[tuple[str, str], tuple[str, str]]:
    doc = AnalysedDocument(Document.from_text("d1", f"Invented notes\n{body}\n"), VOCAB, FINDER)
    return {(a.subject, a.object): (a.evidence[0].polarity, a.evidence[0].certainty)
            for a in category_anaphora_statements(doc)}


def facts(body: str) -> set[tuple[str, str]]:
    return {pair for pair, told in read(body).items() if told == ("positive", "asserted")}


@pytest.mark.parametrize("body, expected", [
    ("Foonib blocks several tyrosine kinases in made-up tumours. These kinases are MET, AXL and KIT.",
     {("foonib", "met"), ("foonib", "axl"), ("foonib", "kit")}),
    ("Foonib and barfenib differ little: both drugs inhibit a number of receptor kinases. Such kinases include RET and FLT3.",
     {(d, t) for d in ("foonib", "barfenib") for t in ("ret", "flt3")}),
    # a family named before its own members only heads them
    ("Foonib targets many kinases of invented tumours. These kinases are members of the VEGF receptor, VEGFR1 and VEGFR2.",
     {("foonib", "flt1"), ("foonib", "kdr")}),
])
def test_members_of_the_category_the_drug_acts_on(body, expected):
    assert facts(body) == expected


def test_a_clause_describing_the_category_neither_lists_nor_hedges_its_members():
    # "kinases believed to act with KIT": what is believed is said of the kinases, and KIT is not what foonib acts on
    body = "Foonib inhibits several kinases believed to act with KIT in made-up cells. These kinases are MET and AXL."
    assert facts(body) == {("foonib", "met"), ("foonib", "axl")}


@pytest.mark.parametrize("body", [
    "Foonib may inhibit several kinases in pretend cells. These kinases are MET and AXL.",
    "Foonib does not inhibit these kinases in pretend cells. These kinases are MET and AXL.",
])
def test_a_hedged_or_negated_cue_travels_to_every_member(body):
    assert set(read(body)) == {("foonib", "met"), ("foonib", "axl")} and not facts(body)


@pytest.mark.parametrize("body", [
    # no drug acts on the category
    "Made-up tumours overexpress several kinases. These kinases are MET and AXL.",
    # the sentence before lists what the drug acts on itself: the anaphor's members are not said to be those
    "Foonib inhibits several kinases, including KIT. These kinases are MET and AXL.",
    # two drugs and no "both": whose category it is, is not said
    "Foonib and barfenib were compared. Barfenib and foonib inhibit kinases. These kinases are MET and AXL.",
])
def test_no_subject_or_a_listed_object_reads_nothing(body):
    assert read(body) == {}


def test_targets_listed_first_then_named_back_as_a_category_the_drug_acts_on():
    body = "MET and AXL drive invented tumour vessels. Foonib, an oral agent, potently inhibits these angiogenic kinases."
    assert read(body) == {("foonib", "met"): ("positive", "asserted"), ("foonib", "axl"): ("positive", "asserted")}
    assert facts(body.replace("potently inhibits", "does not inhibit")) == set()
    # a ligand the sentence before named is no kinase of the category
    assert facts("MET and VEGF drive invented tumour vessels. Foonib inhibits these kinases.") == {("foonib", "met")}
    # ... nor a name the words "homology domain" follow (a part of a longer name)
    assert facts("MET and a kinase with an AXL homology domain matter here. Foonib inhibits these kinases.") == \
        {("foonib", "met")}
    # a drug the sentence before named may be what the category is told of: nothing read back
    assert facts("Barfenib inhibits MET and AXL in made-up cells. Foonib inhibits these kinases too.") == set()
