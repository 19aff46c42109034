"""Tests for approvals in regulatory news (hcc_kg.extract.approvals), on invented sentences: the general
disease name news give the disease they report on, comparators chosen by the investigator, filings
made to a regulator, and a heading that names its regulator for a filing only."""

from __future__ import annotations

import pytest

from test_approvals import approvals, facts


# --- "liver cancer" in a notice on HCC ------------------------------------------------------

def test_an_approval_for_liver_cancer_of_a_drug_approved_for_hcc_is_an_hcc_approval():
    body = ("In this invented notice, the FDA approved foonib for HCC. "
            "Foonib is also approved for treating liver cancer in Japan and Europe.")
    assert {(a, d, g) for a, d, g, _ in facts(body)} == {("foonib", "hcc", "fda"), ("foonib", "hcc", "mhlw"),
                                                          ("foonib", "hcc", "ec")}
    # a drug not approved for HCC in the text keeps the disease stated
    other = "In this invented notice, the FDA approved barmab for HCC. Foonib is approved for liver cancer in Japan."
    assert ("foonib", "liver_cancer", "mhlw", None) in facts(other)
    # by the same agency the general name restates the approval read: no second, line-less HCC approval
    restated = ("In this invented notice, the FDA approved foonib for patients with HCC previously treated with sorafenib. "
                "The FDA action makes foonib the first new drug approved for liver cancer in years.")
    assert [(a, d, g) for a, d, g, _ in facts(restated) if d == "hcc"] == [("foonib", "hcc", "fda")]


# --- comparators chosen by the investigator ------------------------------------------------

@pytest.mark.parametrize("body", [
    "The invented approval of barmab rests on a trial comparing barmab with investigator's choice of "
    "kinase inhibitor monotherapy (foonib or sorafenib) in first-line HCC, said the FDA.",
    "The FDA approval of barmab for first-line HCC rests on a trial of barmab versus the investigator's "
    "choice of foonib or sorafenib.",
])
def test_drugs_of_an_investigators_choice_are_comparators_not_approved(body):
    assert {a for a, _, _, _ in facts(body)} == {"barmab"}


# --- filings: asked of a regulator, not granted --------------------------------------------

def test_applying_to_a_regulator_for_marketing_approval_is_no_approval():
    body = ("On an invented date, Acme has applied to the Ministry of Health (MHLW) for manufacturing "
            "and marketing approval of foonib for HCC that progressed after prior systemic therapy.")
    assert facts(body) == set()
    assert [a.subject for a in approvals(body)] == ["foonib"]  # read, but hedged
    # "the approval applies to use of X for ...": no regulator is asked anything
    granted = "The FDA approved foonib for HCC. The approval applies to use of foonib in adults with HCC."
    assert ("foonib", "hcc", "fda", None) in facts(granted)


def test_advancing_a_drug_toward_approval_is_no_approval():
    body = "Acme said it is advancing foonib toward regulatory approval in Japan for HCC."
    assert facts(body) == set()


def test_a_heading_naming_a_filing_to_a_regulator_lends_no_agency_to_a_granted_approval():
    heading = "Acme reports submission of an NDA to the MHLW for Foovia"
    body = "Foovia is an approved therapy for patients with HCC previously treated with sorafenib."
    assert facts(body, heading) == {("foonib", "hcc", None, "second_line")}
    # a heading naming an approval still lends its regulator
    assert facts(body, "MHLW approves Foovia") == {("foonib", "hcc", "mhlw", "second_line")}


# --- a second predicate: "approved in A and is available in B" ------------------------------

def test_a_place_after_a_second_predicate_is_not_the_approvals():
    body = ("In this invented guide for HCC, the combination of barmab and foonib is approved by the FDA in the US "
            "and is available in Canada.")
    assert {g for _, _, g, _ in facts(body)} == {"fda"}


# --- a class predicated by "represents" ---------------------------------------------------

def test_a_drug_representing_the_only_approved_option_is_approved():
    body = ("In this invented review, other pills met their goals, foonib by now representing the sole "
            "FDA-approved agent for second-line treatment of HCC.")
    assert facts(body) == {("foonib", "hcc", "fda", "second_line")}
    assert facts("Foonib constitutes the only approved systemic therapy for HCC in this invented tale.") == {
        ("foonib", "hcc", None, None)}


# --- the drug a patient had before --------------------------------------------------------

@pytest.mark.parametrize("who", ["who had sorafenib before", "who have had prior sorafenib", "who failed sorafenib",
                                 "previously given sorafenib"])
def test_the_drug_the_patients_had_before_is_no_approved_agent(who):
    body = f"In this invented notice, the FDA approved foonib for patients with HCC {who}."
    assert facts(body) == {("foonib", "hcc", "fda", "second_line")}


def test_prior_to_a_drug_is_no_earlier_therapy():
    body = "In this invented notice, the FDA approved foonib prior to sorafenib for HCC."
    assert {a for a, _, _, _ in facts(body)} == {"foonib", "sorafenib"}


@pytest.mark.parametrize("who", ["who had not received sorafenib", "who had no prior sorafenib",
                                 "without prior sorafenib treatment"])
def test_a_drug_never_given_before_is_neither_an_agent_nor_an_earlier_line(who):
    body = f"In this invented notice, the FDA approved foonib for patients with HCC {who}."
    assert facts(body) == {("foonib", "hcc", "fda", None)}


# --- a study approved, not a drug --------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "The ethics committee approved the phase 3 trial protocol of foonib in HCC.",
    "The study of foonib in HCC was approved by the local ethics committees of each centre.",
    "The trial of foonib for HCC was approved by the FDA to proceed to phase 3.",
    "Regulators in China approved a registrational trial of foonib in HCC."])
def test_an_approved_study_is_no_approved_drug(body):
    assert not {a for a, d, _, _ in facts(body) if d == "hcc"}


@pytest.mark.parametrize("body", ["The FDA approved the drug foonib for HCC based on the REFOO trial.",
                                  "The FDA approved foonib in HCC following the REFOO study."])
def test_an_approval_resting_on_a_study_is_still_an_approval(body):
    assert ("foonib", "hcc", "fda", None) in facts(body)


def test_a_drug_described_then_named_again_by_its_brand_in_brackets_is_one_agent():
    body = ("In this invented notice, the NMPA approved the use of its barmab PD-1 antibody (Barvio) in combination "
            "with foonib as first-line treatment for HCC.")
    assert {a for a, _, _, _ in facts(body)} == {"regimen__barmab__foonib"}
    spelled = body.replace("PD-1 antibody", "programmed death–1 (PD-1) antibody")
    assert {a for a, _, _, _ in facts(spelled)} == {"regimen__barmab__foonib"}


def test_indications_coordinated_by_their_patients_each_keep_their_own_disease_and_line():
    body = ("In this invented notice, foonib is approved by the FDA for the treatment of patients with melanoma and "
            "those with unresectable HCC.")
    assert {(a, d, g, line) for a, d, g, line in facts(body)} == {("foonib", "melanoma", "fda", None),
                                                                   ("foonib", "hcc", "fda", None)}
    body = ("In this invented notice, foonib is approved by the EMA for the treatment of patients with HCC and patients "
            "with melanoma in whom prior interferon therapy had failed.")
    assert ("foonib", "hcc", "ema", None) in facts(body)
    assert ("foonib", "hcc", "ema", "second_line") not in facts(body)
