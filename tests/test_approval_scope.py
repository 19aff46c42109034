"""Tests for how far an approval statement reaches (hcc_kg.extract.approvals), on invented sentences:
the line a heading names belongs to the heading's regulator only, and a notice that a filing qualifies
for a pathway is no authorisation."""

from __future__ import annotations

import pytest

from test_approvals import approvals, facts


def test_the_heading_line_is_not_lent_to_another_regulators_approval():
    heading = "Acme wins approval in Japan for Foovia as second-line therapy of HCC"
    body = ("The ministry approved Foovia for patients with HCC previously treated with sorafenib. "
            "Foovia is already approved for the treatment of HCC in the US and in the EU.")
    assert facts(body, heading) == {("foonib", "hcc", "mhlw", "second_line"), ("foonib", "hcc", "fda", None),
                                    ("foonib", "hcc", "ec", None)}


def test_the_heading_line_still_serves_the_heading_regulators_own_approval():
    heading = "Acme wins approval in Japan for Foovia as second-line therapy of HCC"
    body = "Foovia was approved for the treatment of HCC in Japan this spring, the company said."
    assert facts(body, heading) == {("foonib", "hcc", "mhlw", "second_line")}


def test_a_qualifying_notice_is_no_authorisation():
    body = ("This Notice of Compliance with Conditions (NOC/c) Qualifying Notice, issued today, tells Acme that "
            "the data for Foovia (foonib) in adults with HCC who progressed on sorafenib are under the NOC/c policy.")
    assert facts(body) == set()
    assert [a.subject for a in approvals(body)]  # read, but hedged


def test_a_filing_that_qualifies_for_priority_review_is_no_approval():
    body = "Foovia for HCC after sorafenib qualified for expedited review by the Health Canada authorisation office."
    assert facts(body) == set()


def test_an_approved_class_by_its_abbreviation_is_said_of_the_name_it_is_apposed_to_only():
    # the class in apposition says that barmab is approved (no agency named), not the clause's other agent
    body = ("An invented trial found that foonib, an agent classed as a TKI, matched barmab, "
            "the first approved TKI for advanced HCC, in survival.")
    assert facts(body) == {("barmab", "hcc", None, None)}


def test_each_coordinated_indication_gives_its_own_regulator_its_line():
    body = ("In this invented review, foonib is approved for patients with unresectable HCC in the USA and in Japan, "
            "and for first-line treatment of patients with advanced HCC in Europe.")
    assert facts(body) == {("foonib", "hcc", "fda", None), ("foonib", "hcc", "mhlw", None),
                           ("foonib", "hcc", "ec", "first_line")}


def test_a_line_named_once_for_every_regulator_stays_with_each():
    body = "In this invented review, foonib is approved for first-line HCC in the USA and in Japan."
    assert facts(body) == {("foonib", "hcc", "fda", "first_line"), ("foonib", "hcc", "mhlw", "first_line")}


def test_it_after_a_discourse_adverb_is_the_agent_the_sentence_before_named():
    body = ("Regulators in Japan approved foonib for first-line HCC in this invented story. "
            "Likewise, it was approved by the EMA as a first-line treatment of HCC.")
    assert facts(body) == {("foonib", "hcc", "mhlw", "first_line"), ("foonib", "hcc", "ema", "first_line")}


def test_it_after_a_sentence_about_this_combination_is_that_combination():
    body = ("In this invented story, regulators in Japan approved foonib plus barmab for first-line HCC. "
            "This combination was also approved in the USA this year. "
            "Similarly, it was approved by the EMA as a first-line treatment of HCC.")
    assert ("regimen__barmab__foonib", "hcc", "ema", "first_line") in facts(body)


def test_it_after_a_sentence_naming_two_drugs_stays_unread():
    body = ("Foonib was compared with barmab in an invented trial. "
            "Likewise, it was approved by the EMA as a first-line treatment of HCC.")
    assert facts(body) == set()


def test_each_coordinated_approval_gives_its_own_disease_its_line():
    body = ("In this invented release, the NMPA has granted foonib approval for the first-line treatment of "
            "squamous lung carcinoid and conditional approval for the treatment of HCC in patients previously "
            "treated with at least one systemic therapy.")
    assert facts(body) == {("foonib", "hcc", "nmpa", "second_line")}


def test_a_line_of_another_diseases_indication_is_not_lent_to_hcc():
    body = ("In this invented release, the NMPA has granted foonib approval for the first-line treatment of "
            "squamous lung carcinoid and conditional approval for the treatment of adults with HCC.")
    assert facts(body) == {("foonib", "hcc", "nmpa", None)}


def test_each_coordinated_indication_of_a_known_disease_is_an_approval_of_its_own():
    # both diseases are known, but listed apart: each indication keeps its disease and its line
    body = ("In this invented release, the NMPA has granted foonib approval for the first-line treatment of "
            "melanoma and conditional approval for the treatment of HCC in patients previously "
            "treated with at least one systemic therapy.")
    assert facts(body) == {("foonib", "melanoma", "nmpa", "first_line"), ("foonib", "hcc", "nmpa", "second_line")}


@pytest.mark.parametrize("body", [
    "The invented study was designed in order to expand the indications of foonib to include HCC.",
    "A made-up trial aimed to extend foonib's label to HCC.",
    "These invented results do not affect earlier approvals of foonib for other indications.",
])
def test_a_studys_purpose_or_approvals_for_other_indications_are_no_hcc_approval(body):
    assert facts(body) == set()


@pytest.mark.parametrize("body", [
    '"If approved by the European Commission, foonib as monotherapy will give adults with HCC a new option," said an invented executive.',
    "Once authorised by the agency, foonib would be offered to adults with HCC after sorafenib.",
    "Subject to approval by the EMA, foonib is to be marketed for adults with HCC.",
])
def test_an_approval_under_a_condition_is_none(body):
    assert facts(body) == set()


@pytest.mark.parametrize("basis", [
    "The approval was based on results from the invented phase 3 ZETA-4 trial, in which 600 adults with untreated "
    "hepatocellular carcinoma were randomly assigned to receive either foonib or investigator's choice of lenvatinib "
    "or sorafenib.",
    "The decision is supported by an invented trial in which adults with hepatocellular carcinoma received foonib "
    "or sorafenib.",
])
def test_the_agents_a_basis_names_are_its_trials_arms_not_approved_agents(basis):
    body = "The FDA has approved foonib as a first-line treatment for advanced liver cancer. " + basis
    assert {agent for agent, *_ in facts(body) if not agent.startswith("trial__")} == {"foonib"}


@pytest.mark.parametrize("body, approved", [
    ("We paired foonib with lenvatinib, a kinase inhibitor approved as a first-line treatment of advanced HCC, in "
     "invented organoids.", {"lenvatinib"}),
    ("Invented mice received barmab with sorafenib, an oral TKI approved in 2007 for advanced HCC.", {"sorafenib"}),
    ("Invented mice received foonib plus sorafenib, the first combination approved for advanced HCC.",
     {"regimen__foonib__sorafenib"}),
])
def test_an_approval_in_apposition_is_said_of_the_name_before_it_not_of_its_partners(body, approved):
    assert {agent for agent, *_ in facts(body) if not agent.startswith("trial__")} == approved



@pytest.mark.parametrize("body", [
    "An invented insurance committee on June 15 approved the inclusion of Foovia in the national health insurance "
    "system for HCC.",
    "The made-up payer approved reimbursement of foonib for adults with HCC.",
])
def test_paying_for_a_drug_is_no_approval_of_it(body):
    assert facts(body) == set()


def test_a_combination_whose_first_drug_is_described_in_apposition_is_approved_whole():
    body = ("Some invented countries approved the combination of foonib, a kinase inhibitor, with barmab, an "
            "antibody, for first-line HCC.")
    assert {agent for agent, *_ in facts(body)} == {"regimen__barmab__foonib"}


@pytest.mark.parametrize("body", [
    "In this invented notice, the European Commission approved Foovia for HCC after the EMA recommended it.",
    "The European Commission's approval of Foovia for HCC follows a positive opinion from the CHMP, Acme said in this story.",
    "The European Commission approved Foovia for HCC on the basis of a favourable recommendation by the EMA committee.",
])
def test_the_opinion_an_approval_followed_neither_hedges_it_nor_approves(body):
    assert facts(body) == {("foonib", "hcc", "ec", None)}


@pytest.mark.parametrize("body, agency", [
    ("In this invented story, US regulators cleared Foovia for HCC.", "fda"),
    ("In this invented story, Foovia won the nod of Japanese health authorities for HCC.", "mhlw"),
])
def test_a_place_adjective_before_a_common_regulator_noun_names_the_regulator(body, agency):
    assert facts(body) == {("foonib", "hcc", agency, None)}


def test_a_failed_study_is_no_earlier_therapy_of_the_patients():
    body = ("The FDA granted Foovia accelerated approval for HCC in this invented history; "
            "its confirmatory study later failed.")
    assert facts(body) == {("foonib", "hcc", "fda", None)}
