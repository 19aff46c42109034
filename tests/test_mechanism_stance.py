"""Tests for how a drug→target statement is put (hcc_kg.extract.epistemics, mechanisms) and for a few shapes of
English that name what a drug acts on (mechanism_cues, target_first).

Invented sentences and invented drugs (the vocabulary of tests/test_mechanisms.py).
"""

from __future__ import annotations

import pytest
from test_mechanisms import facts, readings


# --- said of the target, but not as a fact ----------------------------------------------------

@pytest.mark.parametrize("body, stance", [
    # the drug's effect does not go through the target
    ("Foonib acts on dividing cells independently of MET.", ("negative", "asserted")),
    ("Foonib showed little activity against FGFR1 in the toy assay.", ("negative", "asserted")),
    # too weak to be a fact of what it acts on
    ("Foonib shows weak activity against FGFR1 in the toy assay.", ("positive", "hedged")),
    ("In the pretend panel foonib weakly inhibits FGFR1.", ("positive", "hedged")),
    ("In the pretend panel foonib inhibits FGFR1 only weakly.", ("positive", "hedged")),
])
def test_independence_and_weak_or_little_activity_are_not_facts(body, stance):
    [(key, (_, *found))] = [(k, v) for k, v in readings(body).items() if k[0] == "foonib"]
    assert tuple(found) == stance
    assert facts(body) == set()


def test_a_weaker_second_activity_stays_a_fact():
    body = "Foonib inhibits KIT, with weaker activity on FLT3, in the pretend assay."
    assert facts(body) == {("foonib", "kit"), ("foonib", "flt3")}


@pytest.mark.parametrize("body", [
    "Foonib was developed as a MET inhibitor, but its toxicity comes from elsewhere.",
    "Foonib has been described as a selective MET inhibitor; however, the invented cells died without MET.",
    "Foonib, a so-called MET inhibitor, was pretended.",
    "Foonib was initially reported to inhibit MET, but invented studies showed otherwise.",
])
def test_what_a_drug_was_presented_as_before_a_contrast_is_hedged(body):
    assert ("foonib", "inhibits", "met") in readings(body)
    assert facts(body) == set()


def test_what_a_drug_was_developed_as_with_no_contrast_stays_a_fact():
    assert facts("Foonib was developed as a MET inhibitor for made-up tumours.") == {("foonib", "met")}


# --- partners and categories ------------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("Zelumab binds PD-1 and prevents its binding to PD-L1 and PD-L2.", {("zelumab", "pd1")}),
    ("Zelumab is designed to bind TIGIT and prevent its binding of CD155.", {("zelumab", "tigit")}),
])
def test_what_the_target_itself_binds_is_its_partner(body, expected):
    assert facts(body) == expected


def test_a_kinase_class_named_by_its_residues_leads_to_its_members():
    body = "Foonib inhibits the serine/threonine kinases RAF-1 and BRAF and the receptor tyrosine kinases VEGFR2 and KIT."
    assert facts(body) == {("foonib", "raf1"), ("foonib", "braf"), ("foonib", "kdr"), ("foonib", "kit")}


@pytest.mark.parametrize("body, expected", [
    ("Foonib is a selective inhibitor of the VEGFR2/PDGFRβ tyrosine kinases.", {("foonib", "kdr"), ("foonib", "pdgfrb")}),
    ("Foonib blocks the FGFR1/KIT receptors in the toy model.", {("foonib", "fgfr1"), ("foonib", "kit")}),
    # a slash pair heading an axis is still an interaction, not two targets
    ("Zelumab blocks the PD-1/PD-L1 axis in the toy model.", set()),
])
def test_a_plural_category_after_a_slash_pair_counts_two_targets(body, expected):
    assert facts(body) == expected


# --- target named first, drug as the means -------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("In the toy model, blockade of PD-1 (via zelumab) or of CTLA-4 (via quxumab) revived T cells.",
     {("zelumab", "pd1"), ("quxumab", "ctla4")}),
    ("Inhibition of KDR (with foonib or barfenib) shrank the imagined vessels.", {("foonib", "kdr"), ("barfenib", "kdr")}),
])
def test_a_nominal_with_its_means_in_a_parenthesis(body, expected):
    assert facts(body) == expected


def test_drug_names_in_square_brackets_are_read_as_names():
    body = "Older VEGFR2 inhibitors such as [foonib] and [barfenib] are less selective [12]."
    assert facts(body) == {("foonib", "kdr"), ("barfenib", "kdr")}


def test_a_ligand_sequestered_by_an_antibody():
    assert facts("Zelumab sequesters VEGF in the invented plasma.") == {("zelumab", "vegfa")}


# --- lists and subjects -------------------------------------------------------------------------

def test_both_before_named_drugs_is_no_anaphor():
    assert facts("Both zelumab and quxumab target PD-L1 in the toy model.") == {("zelumab", "pdl1"), ("quxumab", "pdl1")}
    # "Both" alone stands for the two drugs named before
    assert facts("Zelumab and quxumab were pretended. Both bind PD-L1.") == {("zelumab", "pdl1"), ("quxumab", "pdl1")}


@pytest.mark.parametrize("body, expected", [
    ("Invented inhibitors include zelumab (PD-1), quxumab (CTLA-4) and foonib (KDR, MET).",
     {("zelumab", "pd1"), ("quxumab", "ctla4"), ("foonib", "kdr"), ("foonib", "met")}),
    ("Made-up agents and their targets: foonib (FGFR1); barfenib (RET).", {("foonib", "fgfr1"), ("barfenib", "ret")}),
    # one parenthesis alone may gloss anything; one holding more than targets is no list of targets
    ("The cohort received foonib (KDR) at a pretend dose.", set()),
    ("Zelumab (PD-L1 positive) and quxumab (CTLA-4) cohorts were invented.", set()),
])
def test_drugs_each_glossed_by_a_parenthesis_of_targets(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Drugs that target PD-1, such as zelumab and quxumab, wake the pretend T cells.",
     {("zelumab", "pd1"), ("quxumab", "pd1")}),
    ("Antibodies which bind to CTLA-4, such as quxumab, were imagined.", {("quxumab", "ctla4")}),
])
def test_a_class_with_its_own_relative_clause_then_its_members(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Foonib slows the invented vessels mainly via KDR inhibition.", {("foonib", "kdr")}),
    ("Zelumab acts through PD-1 blockade in the toy model.", {("zelumab", "pd1")}),
    # the drug is no subject: resistance to it is what the nominal overcomes
    ("Resistance to foonib was overcome by FGFR4 inhibition in the pretend cells.", set()),
])
def test_the_subjects_means_as_a_target_nominal(body, expected):
    assert facts(body) == expected


# --- a combination glossed by its targets, in order ----------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("Zelumab plus quxumab (anti-PD-1 plus anti-CTLA-4) was pretended.", {("zelumab", "pd1"), ("quxumab", "ctla4")}),
    ("The invented zelumab-quxumab (anti–PD-L1/anti-TIGIT) doublet was safe.", {("zelumab", "pdl1"), ("quxumab", "tigit")}),
    ("Zelumab and quxumab (PD-1 and CTLA-4 inhibitors) were imagined.", {("zelumab", "pd1"), ("quxumab", "ctla4")}),
    # unequal counts: the text does not say which drug acts on which target
    ("Zelumab plus quxumab (anti-PD-1, anti-CTLA-4 and anti-TIGIT) was pretended.", set()),
    # a drug glossed by a parenthesis of its own is not part of the next drug's gloss
    ("Zelumab (Zelumax) and foonib (KDR, MET) were imagined together.", set()),
    # the gloss names one agent (a bispecific, a dual inhibitor): all its targets are the last drug's
    ("Foonib plus bizumab (PD-1/CTLA-4 bispecific antibody) was imagined.", {("bizumab", "pd1"), ("bizumab", "ctla4")}),
    ("Zelumab plus foonib (a KDR/MET dual inhibitor) was imagined.", {("foonib", "kdr"), ("foonib", "met")}),
])
def test_a_combination_glossed_by_its_targets_pairs_them_in_order(body, expected):
    assert facts(body) == expected


# --- a definite noun standing for the drug named before ------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("Zelumab was pretended in a toy cohort. The antibody binds PD-1 on T cells.", {("zelumab", "pd1")}),
    ("Foonib was pretended in a toy cohort. This TKI blocks KIT and RET.", {("foonib", "kit"), ("foonib", "ret")}),
    # the noun names a kind the drug before is not: no antecedent
    ("Foonib was pretended in a toy cohort. The antibody binds PD-1 on T cells.", set()),
])
def test_a_definite_noun_of_the_drugs_kind_stands_for_it(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("An invented PD-1 inhibitor and a CTLA-4 antibody (zelumab plus quxumab) were paired.",
     {("zelumab", "pd1"), ("quxumab", "ctla4")}),
    # the class noun's members are listed with "and", a regimen with "plus": only the regimen is paired in order
    ("Made-up PD-1 inhibitors (zelumab and quxumab) were compared.", {("zelumab", "pd1"), ("quxumab", "pd1")}),
    ("A CTLA-4 antibody (zelumab plus quxumab) was pretended.", set()),
])
def test_a_regimen_in_parentheses_after_the_classes_of_its_drugs(body, expected):
    assert facts(body) == expected


def test_both_in_a_parenthesis_after_two_drugs_speaks_of_both():
    assert facts("Foonib and barfenib (both KDR inhibitors) were imagined.") == {("foonib", "kdr"), ("barfenib", "kdr")}


@pytest.mark.parametrize("body, expected", [
    # a regimen as the subject: its drugs and its targets in the order written
    ("Zelumab plus quxumab, which target PD-L1 and CTLA-4, was pretended.", {("zelumab", "pdl1"), ("quxumab", "ctla4")}),
    ("The combination of zelumab and quxumab blocks PD-L1 and TIGIT.", {("zelumab", "pdl1"), ("quxumab", "tigit")}),
    ("Zelumab/quxumab inhibits PD-1 and CTLA-4 in the toy model.", {("zelumab", "pd1"), ("quxumab", "ctla4")}),
    # a regimen and a number of targets not its own: the text does not say which drug acts on what
    ("Zelumab plus quxumab blocks PD-1 in the toy model.", set()),
    # two drugs, not a regimen: each acts on every target named
    ("Foonib and barfenib inhibit KDR and KIT.", {("foonib", "kdr"), ("foonib", "kit"), ("barfenib", "kdr"), ("barfenib", "kit")}),
])
def test_a_regimen_as_subject_pairs_its_drugs_with_its_targets_in_order(body, expected):
    assert facts(body) == expected


def test_a_plural_verb_after_a_bracketed_aside_has_both_drugs_as_subject():
    assert facts("Zelumab and quxumab (TOY-1) block PD-1 in the pretend trial.") == {("zelumab", "pd1"), ("quxumab", "pd1")}
    assert facts("Zelumab (Zelumax) blocks PD-1 in the pretend trial.") == {("zelumab", "pd1")}


# --- as many drugs as targets, paired by nothing ----------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    # two antibodies, two targets, no "respectively": which binds which is not said, so no fact
    ("Zelumab and quxumab target PD-L1 and VEGF in the invented regimen.", set()),
    # said: paired, or each acting on both
    ("Zelumab and quxumab target PD-L1 and VEGF, respectively.", {("zelumab", "pdl1"), ("quxumab", "vegfa")}),
    ("Zelumab and quxumab both target PD-L1 and VEGF.",
     {("zelumab", "pdl1"), ("zelumab", "vegfa"), ("quxumab", "pdl1"), ("quxumab", "vegfa")}),
    # small molecules inhibit many kinases: every drug with every kinase stays a fact
    ("Foonib and barfenib inhibit KIT and RET in the pretend panel.",
     {("foonib", "kit"), ("foonib", "ret"), ("barfenib", "kit"), ("barfenib", "ret")}),
    # unequal counts are no pairing either way: each antibody with the one target
    ("Zelumab and quxumab target PD-1.", {("zelumab", "pd1"), ("quxumab", "pd1")}),
])
def test_as_many_antibodies_as_targets_without_respectively_are_not_paired_as_facts(body, expected):
    assert facts(body) == expected
