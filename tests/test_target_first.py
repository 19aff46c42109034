"""Tests for hcc_kg.extract.target_first: shapes that name the target before the drug.

Invented sentences and invented drugs (the vocabulary of tests/test_mechanisms.py).
"""

from __future__ import annotations

import pytest
from test_mechanisms import facts, readings


@pytest.mark.parametrize("body, expected", [
    ("By binding to PD-L1, zelumab frees T cells in this made-up model.", {("zelumab", "pdl1")}),
    ("By selectively blocking VEGFR2 and TIE2, foonib starves the pretend tumour.", {("foonib", "kdr"), ("foonib", "tek")}),
    ("Through its potent inhibition of FGFR4, foonib slows the invented cells.", {("foonib", "fgfr4")}),
    ("By binding to PD-1 on activated T cells, zelumab restores the toy response.", {("zelumab", "pd1")}),
    ("By inhibiting VEGFR, foonib and barfenib shrink the imagined vessels.",
     {("foonib", "vegfr_family"), ("barfenib", "vegfr_family")}),
])
def test_a_fronted_means_clause_names_how_the_subject_acts(body, expected):
    assert facts(body) == expected


def test_a_fronted_means_clause_is_presupposed_by_a_hedged_clause():
    found = readings("By binding to PD-L1, zelumab may enable T cells in this invented note.")
    assert found[("zelumab", "isAntibodyAgainst", "pdl1")] == ("fronted-means", "positive", "asserted")


@pytest.mark.parametrize("body, expected", [
    ("Moreover, by binding to PD-L1, zelumab also frees T cells in this made-up model.", {("zelumab", "pdl1")}),
    ("By disrupting the interaction between PD-1 and its ligands, zelumab wakes the pretend T cells.",
     {("zelumab", "pd1")}),
    ("By blocking the binding of CTLA-4 with its ligands, quxumab primes the invented response.", {("quxumab", "ctla4")}),
    # between two named proteins the text does not say which one the drug binds
    ("By blocking the interaction between PD-1 and PD-L1, zelumab wakes the pretend T cells.", set()),
])
def test_a_fronted_means_clause_after_a_connective_or_on_a_targets_own_interaction(body, expected):
    assert facts(body) == expected


def test_a_fronted_means_clause_needs_the_drug_as_the_subject():
    assert facts("By binding to PD-L1, the antibody frees T cells; zelumab was given later.") == set()


@pytest.mark.parametrize("body, expected", [
    ("The invented regimen targets PD-L1 (zelumab) and VEGF (quxumab).", {("zelumab", "pdl1"), ("quxumab", "vegfa")}),
    ("Dual blockade of PD-1 (zelumab) and CTLA-4 (quxumab) was pretended.", {("zelumab", "pd1"), ("quxumab", "ctla4")}),
    ("Patients had anti-PD-1 (zelumab or quxumab) or anti-CTLA-4 (bizumab) antibodies in this toy cohort.",
     {("zelumab", "pd1"), ("quxumab", "pd1"), ("bizumab", "ctla4")}),
])
def test_a_target_names_its_drugs_in_parentheses_after_a_cue(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body", [
    "Tumours with high PD-L1 (zelumab arm) were counted in this made-up table.",
    "Patients with VEGF (quxumab) and PD-L1 were listed in the invented roster.",
])
def test_a_parenthesis_after_a_target_without_a_cue_or_with_more_than_drugs_is_no_statement(body):
    assert facts(body) == set()


def test_blockade_of_two_targets_with_a_combination_does_not_say_which_is_whose():
    assert facts("Dual PD-1 and CTLA-4 blockade with zelumab plus quxumab was pretended.") == set()
    assert facts("PD-1 blockade with zelumab was pretended here.") == {("zelumab", "pd1")}


@pytest.mark.parametrize("body, expected", [
    ("Inhibiting PD-1 with zelumab restored the invented T cells.", {("zelumab", "pd1")}),
    ("Foonib-mediated RAF inhibition slowed the pretend cells.", {("foonib", "raf_family")}),
])
def test_a_gerund_or_a_mediated_nominal_names_the_drug_acting_on_the_target(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Several DLL3-targeting agents, including the bispecific molecules bizumab and quxumab, were pretended.",
     {("bizumab", "dll3"), ("quxumab", "dll3")}),
    ("Anti-PD-1 antibodies, including the invented agents zelumab and quxumab, were compared.",
     {("zelumab", "pd1"), ("quxumab", "pd1")}),
    # an aside on the class; its development status does not hedge what the drugs act on
    ("Several DLL3-targeting agents that are currently in development, including bizumab, were pretended.",
     {("bizumab", "dll3")}),
    # "including" followed by something that is not a narrower class of drugs
    ("Anti-PD-1 antibodies, including the patients given zelumab, were counted.", set()),
])
def test_a_narrower_class_may_stand_between_including_and_the_drugs(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("MET is targeted by foonib and barfenib in this invented panel.", {("foonib", "met"), ("barfenib", "met")}),
    ("The RET kinase, which is potently inhibited by foonib, drives the pretend tumour.", {("foonib", "ret")}),
    ("FGFR2 is the main target of foonib in this made-up note.", {("foonib", "fgfr2")}),
    ("FGFR2 is one of the binding protein targets of foonib in this made-up note.", {("foonib", "fgfr2")}),
    ("PD-1 is bound by zelumab with high affinity in the toy assay.", {("zelumab", "pd1")}),
    ("A pull-down assay identified FGFR4 as the direct binding target of foonib in this made-up study.",
     {("foonib", "fgfr4")}),
    ("TIGIT is a second inhibitory receptor (not a ligand of PD-1) blocked by zelumab in this toy regimen.",
     {("zelumab", "tigit")}),
    # another verb, another subject, or the target as a modifier: no statement
    ("MET is activated by HGF and inhibited by foonib in this invented panel.", set()),
    ("Resistance to foonib is mediated by MET in the pretend cells.", set()),
    ("MET-amplified tumours are targeted by foonib in this made-up trial.", set()),
    # what the drug prevents its target's partners from doing is downstream of it
    ("Foonib blocks RET complex formation and nuclear translocation of MET in this toy assay.", set()),
])
def test_the_target_as_the_subject_of_a_passive_or_of_the_target_of(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body", ["KDR is not inhibited by foonib at invented concentrations.",
                                  "KDR is not a target of foonib in this made-up panel."])
def test_a_negated_passive_is_kept_negative(body):
    assert readings(body)[("foonib", "inhibits", "kdr")] == ("target-passive-drug", "negative", "asserted")


@pytest.mark.parametrize("body, expected", [
    ("Blockade of PD-1 with zelumab restored the invented T cells.", {("zelumab", "pd1")}),
    ("Inhibition of MET with foonib slowed the pretend tumour.", {("foonib", "met")}),
    # a combination after "with" does not say which drug acts on the target
    ("Blockade of PD-1 with zelumab plus quxumab restored the invented T cells.", set()),
])
def test_a_nominal_of_the_target_with_the_drug(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a plural class, a comma, then a closed list of its members
    ("HER2-directed ADCs, zelumab and quxumab, were tried in pretend patients.", {("zelumab", "her2"), ("quxumab", "her2")}),
    ("Anti-PD-1 antibodies, zelumab and quxumab, are imaginary.", {("zelumab", "pd1"), ("quxumab", "pd1")}),
    # one drug after the comma is no list of members; a list that runs on is no apposition
    ("Anti-PD-1 antibodies, zelumab was given first.", set()),
    ("Anti-PD-1 antibodies, zelumab and quxumab versus placebo in pretend patients.", set()),
    # two classes before the list: which drug is whose is not said
    ("The combination of anti-PD-1 and anti-CTLA-4 antibodies, zelumab and quxumab, was pretended.", set()),
    # a fronted clause's comma closes the clause
    ("When combined with anti-PD-1 antibodies, zelumab and quxumab improved nothing.", set()),
])
def test_a_plural_class_with_its_members_in_apposition(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    # one target, two agents said to act on it ("dual", "double", "combined"), or drugs offered as alternatives
    ("Dual PD-1 blockade with zelumab and quxumab was pretended.", {("zelumab", "pd1"), ("quxumab", "pd1")}),
    ("Double PD-1 blockade with zelumab, quxumab and bizumab was pretended.",
     {("zelumab", "pd1"), ("quxumab", "pd1"), ("bizumab", "pd1")}),
    ("PD-1 blockade with zelumab or quxumab was pretended.", {("zelumab", "pd1"), ("quxumab", "pd1")}),
    # "and" alone may join a partner that acts otherwise; "plus" adds a partner even after "dual"
    ("PD-1 blockade with zelumab and foonib was pretended.", set()),
    ("Dual PD-1 blockade with zelumab plus foonib was pretended.", set()),
    # two targets and two drugs: which is whose is not said
    ("Dual blockade of PD-1 and VEGF with zelumab and quxumab was pretended.", set()),
])
def test_several_drugs_after_one_target_s_nominal(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    # the target's head noun, then agents named only in a parenthesis of examples
    ("Inhibition of the FGFR4 pathway by two imagined agents (i.e., foonib or barfenib) slowed the toy cells.",
     {("foonib", "fgfr4"), ("barfenib", "fgfr4")}),
    ("Blockade of the AXL axis with foonib was tested in made-up mice.", {("foonib", "axl")}),
])
def test_a_nominal_names_its_agents_after_the_targets_head(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a colon hands a singular class on to its member
    ("The pretend review named one anti-PD-L1 antibody: zelumab for later lines.", {("zelumab", "pdl1")}),
    ("Made-up options [two kinase inhibitors: foonib and barfenib; and one anti-VEGFR2 antibody: quxumab].",
     {("quxumab", "kdr")}),
])
def test_a_class_before_a_colon_types_the_drug_after_it(body, expected):
    assert facts(body) == expected


def test_a_drug_added_after_a_closed_list_is_not_a_member_of_the_class():
    # "the T antibodies X and Y, and Z": the list closed at "and"; Z is added beside it
    assert facts("In this invented review the anti-PD-1 antibodies zelumab and quxumab, and foonib, were compared.") \
        == {("zelumab", "pd1"), ("quxumab", "pd1")}


@pytest.mark.parametrize("body, expected", [
    ("Inhibitors of the FGF receptor (FGFR) family, such as foonib and barfenib, were pretended here.",
     {("foonib", "fgfr_family"), ("barfenib", "fgfr_family")}),
])
def test_a_family_named_by_its_member_heads_the_such_as_list(body, expected):
    assert facts(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a company's drug named right after its noun phrase, the target's quoted symbol between
    ('Acme showed data on its potent and selective small molecule inhibitor of VEGF receptor 2 ("VEGFR2") foonib '
     "(AC-123) in toy mice.", {("foonib", "kdr")}),
    ("The invented cohort took the selective inhibitor of FGFR4 barfenib daily.", {("barfenib", "fgfr4")}),
])
def test_a_head_with_its_target_then_the_drug_inside_a_clause(body, expected):
    assert facts(body) == expected


def test_an_inhibitor_of_a_target_beside_another_drug_is_not_that_drug():
    assert facts("The invented cohort took an inhibitor of MEK and barfenib daily.") == set()
