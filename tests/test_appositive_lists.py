"""Tests for list and appositive shapes around a drug (hcc_kg.extract.subjects, target_series, mechanism_cues).

Invented sentences and invented drugs (the vocabulary of tests/test_mechanisms.py).
"""

from __future__ import annotations

import pytest
from test_mechanisms import facts, readings


@pytest.mark.parametrize("body, expected", [
    ("Foonib and barfenib, two selective FGFR4 inhibitors, were compared in pretend mice.",
     {("foonib", "fgfr4"), ("barfenib", "fgfr4")}),
    ("Zelumab and quxumab, the two anti-PD-1 antibodies of this toy study, were given every third week.",
     {("zelumab", "pd1"), ("quxumab", "pd1")}),
])
def test_a_counted_plural_appositive_speaks_of_every_drug_before_it(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Zelumab [anti-PD-L1] and quxumab [anti-VEGF] were given in this pretend study.",
     {("zelumab", "pdl1"), ("quxumab", "vegfa")}),
    ("Zelumab [an anti-PD-1 antibody] was given in this made-up cohort.", {("zelumab", "pd1")}),
])
def test_a_square_bracket_holds_an_appositive_as_a_round_one_does(body, expected):
    assert facts(body) == expected


def test_a_sharp_s_typed_for_beta_names_the_beta_member():
    assert facts("Foonib blocks KIT and PDGFR-ß in this invented assay.") == {("foonib", "kit"), ("foonib", "pdgfrb")}
    assert facts("Foonib blocks KIT and PDGFR–ß in this invented assay.") == {("foonib", "kit"), ("foonib", "pdgfrb")}


def test_among_others_introduces_the_members_of_a_category():
    assert facts("Foonib inhibits several kinases, among others VEGFR2 and RET, in a toy assay.") == \
        {("foonib", "kdr"), ("foonib", "ret")}


@pytest.mark.parametrize("body, expected", [
    ("Foonib, in contrast to barfenib, which blocks RAF, targets FGFR4 in this toy note.",
     {("barfenib", "raf_family"), ("foonib", "fgfr4")}),
    ("Foonib, compared with barfenib, which targets VEGFR2, more potently inhibits FGFR4 in this made-up assay.",
     {("barfenib", "kdr"), ("foonib", "fgfr4")}),
])
def test_a_comparison_set_off_before_the_verb_leaves_the_verb_to_the_subject(body, expected):
    assert facts(body) == expected


def test_an_antibody_recognizes_its_antigen():
    assert facts("Zelumab recognizes PD-L1 on the invented tumour cells.") == {("zelumab", "pdl1")}
    assert facts("Quxumab, an antibody that specifically recognizes an epitope on PD-1, was made up here.") == \
        {("quxumab", "pd1")}
    assert facts("Zelumab does not recognize PD-1 in this pretend assay.") == set()


@pytest.mark.parametrize("body, expected", [
    ("Foonib inhibits kinases including, but not limited to, VEGFR2, KIT and RET in this toy assay.",
     {("foonib", "kdr"), ("foonib", "kit"), ("foonib", "ret")}),
    ("Foonib is a potent inhibitor of multiple kinases, notably VEGFR2 and FGFR1, in this made-up note.",
     {("foonib", "kdr"), ("foonib", "fgfr1")}),
    ("Foonib blocks a broad spectrum of kinases, especially MET and AXL, in this pretend panel.",
     {("foonib", "met"), ("foonib", "axl")}),
    ("Foonib, a blocker of several receptor kinases that include MET, AXL and other kinases, is made up.",
     {("foonib", "met"), ("foonib", "axl")}),
    ("Foonib inhibits a set of invented kinases, which include MET and AXL.", {("foonib", "met"), ("foonib", "axl")}),
    ("Foonib is an invented inhibitor which targets angiogenic, stromal and oncogenic kinases (MET, AXL).",
     {("foonib", "met"), ("foonib", "axl")}),
    ("Foonib is an invented inhibitor which targets angiogenic and oncogenic kinases MET and AXL.",
     {("foonib", "met"), ("foonib", "axl")}),
    # a numbered citation set between the category and its members (a PDF's line of its own) is no word of it
    ("Foonib is a made-up multikinase inhibitor, targeting angiogenic and oncogenic receptors\n[48]\nMET, AXL and RET .",
     {("foonib", "met"), ("foonib", "axl"), ("foonib", "ret")}),
    ("Foonib is a made-up inhibitor targeting the kinases [3, 4-6] MET and AXL.", {("foonib", "met"), ("foonib", "axl")}),
    ("Zelumab is a made-up IgG4 antibody directed against the negative immunoregulatory human cell surface receptor "
     "PD-1.", {("zelumab", "pd1")}),
])
def test_a_category_then_its_members_after_notably_especially_or_not_limited_to(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body", [
    "Foonib, a candidate FGFR4 inhibitor, was screened in the toy cells.",
    "Foonib, a presumed FGFR4 inhibitor, was screened in the toy cells.",
    "It has been speculated that foonib inhibits FGFR4 in the toy cells.",
])
def test_a_candidate_presumed_or_speculated_mechanism_is_hedged(body):
    assert readings(body)[("foonib", "inhibits", "fgfr4")][1:] == ("positive", "hedged")


def test_a_candidate_for_something_else_does_not_hedge_the_mechanism():
    assert facts("Foonib, a candidate for the pretend therapy, inhibits FGFR4; barfenib, a suspected RET "
                 "inhibitor, was dropped.") == {("foonib", "fgfr4")}


@pytest.mark.parametrize("body, expected", [
    ("Zelumab works by attaching to PD-L1 on the invented cancer cells.", {("zelumab", "pdl1")}),
    ("Quxumab is designed to attach itself to a protein called PD-1 in this made-up summary.", {("quxumab", "pd1")}),
    ("Zelumab does not attach to PD-L2 in this made-up summary.", set()),
])
def test_a_public_summary_says_an_antibody_attaches_to_its_target(body, expected):
    assert facts(body) == expected
    assert readings(body)


def test_a_salt_spelled_the_inn_way_is_the_same_drug():
    assert facts("Foonib tosilate is an FGFR4 inhibitor in this toy note; barfenib besilate blocks RET.") == \
        {("foonib", "fgfr4"), ("barfenib", "ret")}


def test_neither_nor_negates_the_statement_for_both_drugs():
    found = readings("Neither foonib nor barfenib inhibited MET in this toy panel.")
    assert {k: v[1:] for k, v in found.items()} == {("foonib", "inhibits", "met"): ("negative", "asserted"),
                                                    ("barfenib", "inhibits", "met"): ("negative", "asserted")}


@pytest.mark.parametrize("body, expected", [
    ("Foonib is a small-molecule tyrosine kinase (TK) inhibitor targeting FGFR1 and KIT in this toy note.",
     {("foonib", "fgfr1"), ("foonib", "kit")}),
    ("Barfenib, an oral multikinase (MKI) inhibitor targeting RET, was tried in pretend rats.", {("barfenib", "ret")}),
])
def test_a_class_words_own_symbol_in_brackets_stays_inside_the_noun_phrase(body, expected):
    assert facts(body) == expected


def test_a_parenthesis_after_that_is_says_what_the_drug_is():
    assert facts("Pretend mice got foonib (i.e., a pan-FGFR kinase inhibitor) or barfenib.") == {("foonib", "fgfr_family")}
    assert facts("Pretend mice got foonib (namely a RET inhibitor) twice.") == {("foonib", "ret")}


def test_an_example_in_a_parenthesis_is_not_what_the_drug_is():
    assert facts("Pretend mice got foonib (e.g., a RET inhibitor) twice.") == set()


def test_an_em_dash_after_a_code_in_brackets_opens_an_appositive():
    assert facts("Pretend rats got foonib (FN-1234)—a selective FGFR4 inhibitor—for a week.") == {("foonib", "fgfr4")}


@pytest.mark.parametrize("body, expected", [
    ("Zelumab is a humanised monoclonal antibody (mAb) against PD-L1 in this made-up summary.", {("zelumab", "pdl1")}),
    ("Foonib, a selective tyrosine kinase inhibitor (TKI) of FGFR4, was dosed in pretend rats.", {("foonib", "fgfr4")}),
    ("Barfenib is a pretend multikinase inhibitor (MKIs) of RET and KIT.", {("barfenib", "ret"), ("barfenib", "kit")}),
])
def test_a_head_nouns_short_form_may_stand_before_its_preposition(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Zelumab, an invented IgG4 antibody with high affinity and binding specificity for PD-1, was well tolerated.",
     {("zelumab", "pd1")}),
    ("Quxumab, a made-up antibody with strong affinity for CTLA-4, entered a toy study.", {("quxumab", "ctla4")}),
    ("Foonib, a pretend kinase inhibitor with specificity for RET, was tried in mice.", {("foonib", "ret")}),
    ("Zelumab is an invented antibody with high affinity for PD-L1.", {("zelumab", "pdl1")}),
])
def test_an_appositive_with_affinity_or_specificity_for_a_target_names_it(body, expected):
    assert facts(body) == expected


def test_a_weak_affinity_is_not_read_as_a_target():
    assert facts("Foonib has low affinity for KIT in this invented assay.") == set()


@pytest.mark.parametrize("body, expected", [
    ("Patients got the pretend TKI foonib (targeting, among the others, VEGFR2, MET and AXL) in this toy trial.",
     {("foonib", "kdr"), ("foonib", "met"), ("foonib", "axl")}),
    ("Barfenib blocks, among others, RET and KIT in a made-up assay.", {("barfenib", "ret"), ("barfenib", "kit")}),
])
def test_among_others_set_off_by_commas_between_the_verb_and_its_objects(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body", [
    "Foonib is an antiangiogenic agent and is the only approved inhibitor of MET in this invented history.",
    "Foonib is an antiangiogenic agent and an inhibitor of MET in this invented history.",
])
def test_a_second_noun_phrase_coordinated_after_the_copula_speaks_of_the_same_drug(body):
    assert facts(body) == {("foonib", "met")}


def test_the_drug_of_a_reported_finding_is_the_drug_named_before():
    body = "Foonib is a MET inhibitor. Besides, invented studies reported that the drug can inhibit the kinase AXL."
    assert facts(body) == {("foonib", "met"), ("foonib", "axl")}


def test_a_list_after_the_preposition_said_again_and_a_counted_family_are_the_same_verb_s_objects():
    body = "Foonib is a made-up kinase inhibitor with activity against MET, as well as against RET and several RAF, KIT and AXL."
    assert facts(body) == {("foonib", "met"), ("foonib", "ret"), ("foonib", "raf_family"), ("foonib", "kit"),
                           ("foonib", "axl")}


def test_a_name_inside_the_drug_s_own_aside_does_not_end_its_statement():
    # the aside after the name (how to say it, its code) may hold a word the vocabulary knows
    assert facts("Foonib (foo MET nib) is an invented multikinase inhibitor with activity against AXL and RET.") == \
        {("foonib", "axl"), ("foonib", "ret")}
