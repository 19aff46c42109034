"""Tests for approvals listed as subjectless items under a status lead (hcc_kg.extract.approval_items),
on invented drug profiles: the profile's drug is approved, a partner "in combination with" never alone."""

from __future__ import annotations

from test_approvals import REGIMEN, read

PROFILE = ("Drug overview:\nBarmab is an invented antibody; barmab blocks a made-up receptor.\n"
           "- Route: intravenous infusion.\n"
           "- {lead}\n"
           "- Approved in combination with foonib for metastatic lung cancer with progression on platinum chemotherapy.\n"
           "- Approved as monotherapy for HCC in patients with AFP of 400 ng/mL or more who have been previously "
           "treated with sorafenib.\n\nHow barmab works:\nBarmab binds the invented receptor.\n")


def items(lead: str) -> set[tuple]:
    return {(a.subject, a.object, a.context_value("agency"), a.context_value("line"))
            for a in read(PROFILE.format(lead=lead)) if a.is_fact}


def test_items_under_a_status_lead_are_approvals_of_the_profiles_drug_by_the_leads_regulator():
    assert items("FDA Approval Status (oncology indications):") == {
        (REGIMEN, "lung_cancer", "fda", "second_line"), ("barmab", "hcc", "fda", "second_line")}


def test_a_partner_named_in_an_item_is_never_approved_alone():
    assert not {f for f in items("EMA approval status:") if f[0] in ("foonib", "sorafenib")}


def test_an_item_keeps_its_biomarker_criterion():
    [hcc] = [a for a in read(PROFILE.format(lead="FDA approval status:")) if a.is_fact and a.object == "hcc"]
    assert hcc.attribute_values("biomarker") == ["afp"]


def test_pending_items_are_not_approvals():
    text = ("Drug overview:\nBarmab is an invented antibody; barmab blocks a made-up receptor.\n"
            "- Regulatory status:\n- Under review by the EMA for first-line HCC.\n"
            "- Submitted to the FDA for HCC after sorafenib; a decision is expected next year.\n")
    assert not [a for a in read(text) if a.is_fact]


def test_an_item_under_a_lead_of_pending_filings_stays_unasserted():
    text = ("Drug overview:\nBarmab is an invented antibody; barmab blocks a made-up receptor.\n"
            "- EMA regulatory status:\n- Approved in combination with foonib for first-line HCC is expected next year.\n")
    assert not [a for a in read(text) if a.is_fact]
