"""Targets spelled out in full: "anti" written together with the name, lists of long names with
articles, and a description of the drug inside a hedged sentence (invented sentences)."""

from __future__ import annotations

import pytest
from test_mechanisms import facts


@pytest.mark.parametrize("body, expected", [
    ("The cohort took zelumab (antiprogrammed cell death protein 1 monoclonal antibody) every fortnight.",
     {("zelumab", "pd1")}),
    ("Foonib was paired with quxumab, an antiprogrammed cell death protein 1 antibody, in the invented arm.",
     {("quxumab", "pd1")}),
])
def test_anti_glued_to_a_spelled_out_target_names_it(body, expected):
    assert facts(body) == expected


def test_a_word_starting_with_anti_names_no_target():
    # "antiangiogenic", "antibody": the prefix is part of an ordinary word, not before a target's name.
    assert facts("Zelumab, an antiangiogenic antibody, was well tolerated in this invented note.") == set()


def test_an_article_after_a_comma_keeps_the_list_going():
    body = "Foonib, an inhibitor of the vascular endothelial growth factor receptor, the PDGF receptor, and RAF, was dosed."
    assert facts(body) == {("foonib", "vegfr_family"), ("foonib", "pdgfr_family"), ("foonib", "raf_family")}


@pytest.mark.parametrize("body", [
    "An invented pilot suggested that foonib, an oral inhibitor of VEGFR and FGFR, may be active in this setting.",
    "Investigators proposed that foonib, a selective antagonist of VEGFR and FGFR, might shrink the invented tumours.",
])
def test_the_hedge_of_the_sentence_is_not_on_the_drugs_description(body):
    assert facts(body) == {("foonib", "vegfr_family"), ("foonib", "fgfr_family")}


def test_a_hedged_description_stays_hedged():
    assert facts("Foonib may be an oral inhibitor of VEGFR in the invented model.") == set()


@pytest.mark.parametrize("body, expected", [
    ("Foonib is an invented drug. In addition to VEGFR it also inhibits RET and AXL in cell lines.",
     {("foonib", "vegfr_family"), ("foonib", "ret"), ("foonib", "axl")}),
    ("Foonib is an invented drug. Besides FGFR1, it blocks KIT.", {("foonib", "fgfr1"), ("foonib", "kit")}),
])
def test_a_fronted_addition_before_it_shares_the_pronouns_verb(body, expected):
    assert facts(body) == expected


def test_a_fronted_addition_naming_a_drug_leaves_it_unresolved():
    assert facts("Foonib is an invented drug. In addition to barfenib, it was given with KIT testing.") == set()


def test_drugs_after_such_as_joined_by_a_comma_share_the_verb():
    body = "Invented agents such as foonib, barfenib targeting mainly FGFR were tried first."
    assert facts(body) == {("foonib", "fgfr_family"), ("barfenib", "fgfr_family")}


def test_a_comma_without_an_enumerating_cue_is_no_list():
    assert facts("Unlike foonib, barfenib inhibits FGFR in the invented assay.") == {("barfenib", "fgfr_family")}


@pytest.mark.parametrize("body, expected", [
    ("In this invented assay foonib inhibits not only FGFR but also KIT.", {("foonib", "fgfr_family"), ("foonib", "kit")}),
    ("Barfenib blocks not only the VEGF receptor but also RET, as invented here.",
     {("barfenib", "vegfr_family"), ("barfenib", "ret")}),
])
def test_not_only_but_also_reads_both_objects_as_positive(body, expected):
    assert facts(body) == expected
