"""Tests for shapes of English that state (or do not state) an approval, read by hcc_kg.extract.approvals
and its helpers, on invented sentences (foonib, barmab, quxmab, zorbatinib ... are made up).

Each shape is a grammatical one: a hyphenated "AGENCY-approved" used as the clause's predicate, a licence
or an Australian registration, a regulator named by its place's adjective, a prior therapy the patients
"cannot tolerate", partners listed after "with", and "the disease" referring to the indication named before.
"""

from __future__ import annotations

import pytest

from test_approvals import REGIMEN

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.approvals import approval_statements
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.keys import regimen_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("zorbatinib", "zorbatinib", ("SmallMolecule",)),
    Entity("sorafenib", "sorafenib", ("SmallMolecule",)),
    Entity("barmab", "barmab", ("MonoclonalAntibody",)),
    Entity("quxmab", "quxmab", ("MonoclonalAntibody",)),
    Entity("gemcitabine", "gemcitabine", ("SmallMolecule",)),
    Entity("cisplatin", "cisplatin", ("SmallMolecule",)),
    Entity("hcc", "hepatocellular carcinoma", ("Disease",), ("HCC",)),
    Entity("liver_cancer", "liver cancer", ("Disease",)),
    Entity("biliary_tract_cancer", "biliary tract cancer", ("Disease",)),
    Entity("fda", "FDA", ("RegulatoryAgency",), ("Food and Drug Administration",)),
    Entity("ema", "EMA", ("RegulatoryAgency",), ("European Medicines Agency",)),
    Entity("ec", "European Commission", ("RegulatoryAgency",)),
    Entity("nmpa", "NMPA", ("RegulatoryAgency",)),
    Entity("mhlw", "MHLW", ("RegulatoryAgency",)),
    Entity("mhra", "MHRA", ("RegulatoryAgency",)),
    Entity("tga", "TGA", ("RegulatoryAgency",), ("Therapeutic Goods Administration",)),
    Entity("first_line", "first-line", ("LineOfTherapy",)),
    Entity("second_line", "second-line", ("LineOfTherapy",)),
])
FINDER = MentionFinder(VOCAB)
TRIPLET = regimen_key(["cisplatin", "foonib", "gemcitabine"])


def read(body: str, heading: str = "Invented notes") -> set[tuple]:
    """(agent, disease, agency, line) of the asserted approvals of a heading and one paragraph."""
    doc = AnalysedDocument(Document.from_text("d1", f"{heading}\n{body}\n"), VOCAB, FINDER)
    return {(a.subject, a.object, a.context_value("agency"), a.context_value("line"))
            for a in approval_statements(doc) if a.is_fact}


# --- "X is AGENCY-approved for D": the hyphenated form as the clause's predicate ---------------------------

@pytest.mark.parametrize("body", [
    "In this invented profile, zorbatinib is FDA-approved for HCC after sorafenib.",
    "In this invented profile, zorbatinib, which is now FDA-approved for second-line HCC, blocks a kinase.",
    "In this invented profile, zorbatinib has been FDA-approved for HCC previously treated with sorafenib since 2019.",
])
def test_a_hyphenated_approval_after_a_copula_is_said_of_the_subject(body):
    assert read(body) == {("zorbatinib", "hcc", "fda", "second_line")}
    # ... but a negated or hedged predicate, or the adjective of a class, asserts none
    negated = body.replace(" is FDA", " is not FDA").replace(" is now FDA", " is not FDA").replace(" has been FDA", " has not been FDA")
    assert read(negated) == set()
    assert read("In this invented profile, zorbatinib could be FDA-approved for HCC next year.") == set()
    assert read("In this invented profile, zorbatinib is one of several FDA-approved drugs studied in HCC.") == set()


# --- licences and registrations -------------------------------------------------------------------------

@pytest.mark.parametrize("body, agency", [
    ("In this invented note, zorbatinib is licensed in the UK for HCC after sorafenib.", "mhra"),
    ("In this invented note, zorbatinib was licensed by the MHRA for HCC after sorafenib.", "mhra"),
    ("In this invented note, the TGA registered zorbatinib for HCC after sorafenib.", "tga"),
    ("In this invented note, zorbatinib is registered in Australia for HCC after sorafenib.", "tga"),
])
def test_a_licence_or_an_australian_registration_is_an_approval(body, agency):
    assert read(body) == {("zorbatinib", "hcc", agency, "second_line")}
    # ... not a licensing deal, a trial's registration or a licence refused
    assert read("In this invented note, Acme licensed the rights to zorbatinib in HCC from Beta.") == set()
    assert read("In this invented note, the zorbatinib trial in HCC was registered at a public registry.") == set()
    assert read("In this invented note, zorbatinib is not licensed in the UK for HCC.") == set()


# --- a regulator named by its place's adjective ---------------------------------------------------------

@pytest.mark.parametrize("body, agency", [
    ("In this invented note, the US regulator approved zorbatinib for first-line HCC.", "fda"),
    ("In this invented note, the Japanese health ministry approved zorbatinib for first-line HCC.", "mhlw"),
    ("In this invented note, Chinese drug regulators approved zorbatinib for first-line HCC.", "nmpa"),
])
def test_a_place_adjective_before_a_regulator_noun_names_that_place_s_regulator(body, agency):
    assert read(body) == {("zorbatinib", "hcc", agency, "first_line")}
    # ... while a named body keeps its own name after a place adjective
    named = "In this invented note, the European Medicines Agency approved zorbatinib for first-line HCC."
    assert read(named) == {("zorbatinib", "hcc", "ema", "first_line")}


# --- prior therapies the patients cannot tolerate ---------------------------------------------------------

def test_a_drug_the_patients_cannot_tolerate_is_a_prior_therapy_not_a_partner():
    body = ("In this invented note, the FDA approved foonib in combination with barmab for HCC in patients "
            "whose disease progressed on or who cannot tolerate sorafenib.")
    assert read(body) == {(REGIMEN, "hcc", "fda", "second_line")}


def test_it_approved_with_a_partner_after_intolerance_is_the_heading_drug_s_regimen():
    body = ("In this story the single-agent HCC use of foonib was withdrawn by the FDA. It remains approved in HCC "
            "together with barmab for adults unable to tolerate sorafenib.")
    assert read(body, heading="Foonib monotherapy indication withdrawn") == {(REGIMEN, "hcc", None, "second_line")}


# --- partners after "with" --------------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "In this invented note, foonib was approved by the FDA for HCC with barmab in 2031.",
    "In this invented note, foonib was approved by the FDA for HCC with a barmab biosimilar in 2031.",
    "In this invented note, foonib was approved by the FDA in 2031 for unresectable HCC with barmab.",
])
def test_a_drug_after_a_bare_with_following_the_indication_is_a_partner(body):
    assert read(body) == {(REGIMEN, "hcc", "fda", None)}
    # ... not a drug the patients' history names after "with"
    history = "In this invented note, foonib was approved by the FDA for patients with sorafenib-refractory HCC."
    assert read(history) == {("foonib", "hcc", "fda", "second_line")}
    # ... nor a drug after "with" in another clause: the set-off aside's regimen stays its own
    aside = ("In this invented note, foonib, approved in combination with barmab for HCC, is also approved for biliary "
             "tract cancer with gemcitabine and cisplatin.")
    assert (REGIMEN, "hcc", None, None) in read(aside)
    assert all(agent == REGIMEN or "barmab" not in agent for agent, _, _, _ in read(aside))


@pytest.mark.parametrize("body", [
    "In this invented note, foonib is approved by the FDA in combination with gemcitabine and cisplatin for "
    "biliary tract cancer.",
    "In this invented note, foonib is approved by the FDA for biliary tract cancer with gemcitabine and cisplatin.",
])
def test_every_drug_listed_after_a_partner_cue_joins_the_regimen(body):
    assert read(body) == {(TRIPLET, "biliary_tract_cancer", "fda", None)}


def test_another_indication_s_partners_do_not_join_the_hcc_regimen():
    body = ("In this invented note, foonib is approved by the FDA for biliary tract cancer with gemcitabine and "
            "cisplatin and, with barmab, for HCC.")
    assert read(body) == {(TRIPLET, "biliary_tract_cancer", "fda", None), (REGIMEN, "hcc", "fda", None)}


# --- "the disease" ----------------------------------------------------------------------------------------

def test_the_disease_is_the_indication_named_before_not_the_general_name_describing_it():
    body = ("On Tuesday the FDA cleared a novel agent for adults living with hepatocellular carcinoma, the commonest "
            "type of liver cancer. Zorbatinib, the agent in question, was approved by the FDA for adults with the "
            "disease who were previously treated. Liver cancer is common; liver cancer kills many.")
    assert read(body, heading="New liver cancer drug approved") == {("zorbatinib", "hcc", "fda", "second_line")}


# --- an aside before a verb of receiving --------------------------------------------------------------------

def test_an_aside_approval_for_another_cancer_does_not_take_the_main_clause_s_hcc_approval():
    body = ("In this invented note, zorbatinib, first approved in 2029 for biliary tract cancer, received approval in "
            "Japan for HCC in March 2031.")
    found = read(body)
    assert ("zorbatinib", "hcc", "mhlw", None) in found
    assert {d for _, d, _, _ in found} == {"hcc", "biliary_tract_cancer"}


# --- "also approved for the same population": one drug of the regimen approved just before -----------------

def test_one_drug_of_the_regimen_also_approved_for_the_same_use_takes_that_use_and_regulator():
    body = ("In this invented notice, the European Commission approved barmab in combination with foonib for "
            "first-line HCC. Foonib monotherapy was also approved for the same population.")
    assert read(body) == {(REGIMEN, "hcc", "ec", "first_line"), ("foonib", "hcc", "ec", "first_line")}


# --- a profile's label line with its subject left out -------------------------------------------------------

def test_a_label_line_opening_with_the_participle_is_about_the_heading_s_drug():
    body = ("Regulatory status: Approved in the USA (2031) for HCC previously treated with sorafenib. Approved "
            "therapies remain few.")
    assert read(body, heading="Drug profile: zorbatinib") == {("zorbatinib", "hcc", "fda", "second_line")}
    assert read("Approved therapies remain few in HCC.", heading="Drug profile: zorbatinib") == set()


# --- a relative clause is about the drug right before it --------------------------------------------------

@pytest.mark.parametrize("body, approved", [
    ("In this invented note, adults whose HCC progressed on sorafenib can now be treated with zorbatinib, which the FDA "
     "approved in 2031.", "zorbatinib"),
    ("In this invented note, adults whose HCC progressed on sorafenib, which was approved by the FDA in 2029, can "
     "now be given zorbatinib.", "sorafenib"),
    ("In this invented note, a trial compared zorbatinib with sorafenib, which is approved by the FDA for HCC.",
     "sorafenib"),
])
def test_which_approved_is_said_of_the_drug_the_relative_clause_follows(body, approved):
    assert {agent for agent, _, _, _ in read(body)} == {approved}


# --- places listed each with its own date --------------------------------------------------------------------

def test_each_place_of_a_list_with_bracketed_dates_names_its_regulator():
    body = ("In this invented note, zorbatinib obtained approval for HCC in Japan (March 2031), the USA (May 2031) "
            "and the EU (June 2031).")
    assert {agency for _, _, agency, _ in read(body)} == {"mhlw", "fda", "ec"}


# --- "as well as for" opens an indication of its own -------------------------------------------------------

def test_as_well_as_for_coordinates_an_indication_with_its_own_line():
    body = ("In this invented note, zorbatinib is approved by the FDA for biliary tract cancer and liver cancer, as "
            "well as for first-line HCC.")
    assert read(body) == {("zorbatinib", "biliary_tract_cancer", "fda", None), ("zorbatinib", "liver_cancer", "fda", None),
                          ("zorbatinib", "hcc", "fda", "first_line")}


# --- approvals that did not (yet) happen ----------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "In this invented note, zorbatinib is poised for approval in HCC in Japan.",
    "In this invented note, zorbatinib is on track for approval in HCC in Japan.",
    "In this invented note, zorbatinib is a candidate for approval for HCC in Japan.",
    "In this invented note, zorbatinib has yet to be approved for HCC in Japan.",
    "In this invented note, Acme hopes to win approval for zorbatinib in HCC in Japan.",
    "In this invented note, Acme aims for approval of zorbatinib in HCC in Japan.",
    "In this invented note, approval of zorbatinib for HCC in Japan hinges on a bridging study.",
    "In this invented note, approval for zorbatinib in HCC was denied by the FDA.",
    "In this invented note, the FDA's advisory committee voted against the approval of zorbatinib in HCC.",
    "In this invented note, the FDA's advisory committee voted in favour of approving zorbatinib for HCC.",
    "In this invented note, regulators in Japan are reviewing zorbatinib for HCC; a decision on approval is due soon.",
    "In this invented note, Acme obtained approval to start a phase 3 trial of zorbatinib in HCC in Japan.",
])
def test_a_wish_a_plan_a_vote_a_review_a_denial_or_leave_to_test_is_no_approval(body):
    assert read(body) == set()
    # ... while the granted approval the same words surround stays one
    granted = ("In this invented note, the FDA approved zorbatinib for HCC after sorafenib following a positive "
               "advisory committee vote, and Acme aims to launch it soon.")
    assert read(granted) == {("zorbatinib", "hcc", "fda", "second_line")}


# --- an approved class as the subject its drugs complete -------------------------------------------------------

def test_approved_regimens_for_d_are_a_and_b_approves_each():
    body = "In this invented note, approved first-line regimens for HCC are foonib plus barmab and zorbatinib."
    assert read(body) == {(REGIMEN, "hcc", None, "first_line"), ("zorbatinib", "hcc", None, "first_line")}
    assert read("In this invented note, no approved therapies for HCC are available after zorbatinib.") == set()


# --- the path an approval took, and the regulator of a step ---------------------------------------------------

@pytest.mark.parametrize("body, agency", [
    ("In this invented note, the FDA approved zorbatinib for HCC after sorafenib following a priority review.", "fda"),
    ("In this invented note, the FDA approved zorbatinib for HCC after sorafenib under Priority Review.", "fda"),
    ("In this invented note, the FDA approval of the supplemental application for zorbatinib in HCC after sorafenib "
     "came in May.", "fda"),
    ("In this invented note, the European Commission approved zorbatinib for HCC after sorafenib, following the "
     "recommendation of the EMA.", "ec"),
    ("In this invented note, the approval, which followed a positive EMA opinion, allows zorbatinib to be marketed in "
     "the EU for HCC after sorafenib.", "ec"),
])
def test_a_step_the_granted_approval_followed_neither_hedges_it_nor_grants_it(body, agency):
    assert read(body) == {("zorbatinib", "hcc", agency, "second_line")}
    # ... while a step still ahead hedges
    assert read("In this invented note, zorbatinib for HCC after sorafenib is under priority review at the FDA.") == set()


# --- dates written in numbers --------------------------------------------------------------------------------

@pytest.mark.parametrize("when, year_month", [
    ("on 2031-08-15", "2031-08"), ("on 08/15/2031", "2031-08"), ("on 15.08.2031", "2031-08"),
    ("in August of 2031", "2031-08"),
])
def test_an_approval_dated_in_numbers_or_month_of_year_keeps_its_year_and_month(when, year_month):
    doc = AnalysedDocument(Document.from_text("d1", f"Invented notes\nThe FDA approved zorbatinib for HCC {when}.\n"),
                           VOCAB, FINDER)
    (fact,) = [a for a in approval_statements(doc) if a.is_fact]
    assert dict(fact.attributes).get("approval_year_month") == year_month


# --- the kind an approval was converted to -----------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "In this invented note, the FDA converted the accelerated approval of zorbatinib for HCC after sorafenib to a "
    "full approval.",
    "In this invented note, zorbatinib received traditional approval from the FDA for HCC after sorafenib.",
])
def test_an_approval_converted_from_accelerated_or_called_traditional_is_full(body):
    doc = AnalysedDocument(Document.from_text("d1", f"Invented notes\n{body}\n"), VOCAB, FINDER)
    (fact,) = [a for a in approval_statements(doc) if a.is_fact]
    assert dict(fact.attributes).get("approval_type") == "full"


# --- news headlines ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("heading, agency", [
    ("Zorbatinib Gets FDA Nod for HCC", "fda"),
    ("Zorbatinib Approved by FDA for HCC", "fda"),
    ("Japan Approves Zorbatinib in HCC", "mhlw"),
    ("China OKs Zorbatinib for HCC", "nmpa"),
])
def test_a_headline_stating_an_approval_is_read_with_its_regulator(heading, agency):
    doc = AnalysedDocument(Document.from_text("d1", f"{heading}\n\nAcme shared the invented news on Monday.\n"),
                           VOCAB, FINDER)
    assert {(a.subject, a.object, a.context_value("agency")) for a in approval_statements(doc) if a.is_fact} == {
        ("zorbatinib", "hcc", agency)}


# --- what an approval fixed, and a label change told in the passive ---------------------------------------------

def test_the_approved_dose_tells_no_approval_but_a_passive_label_extension_does():
    assert read("In this invented note, the approved dose of zorbatinib in HCC is 60 mg daily.") == set()
    assert read("In this invented note, zorbatinib at the approved dose was given to adults with HCC.") == set()
    body = ("The European Commission granted a marketing authorisation valid throughout the EU for zorbatinib in "
            "2029. The indication was extended to HCC after sorafenib in 2031.")
    assert read(body, heading="Zorbatinib: an invented summary") == {("zorbatinib", "hcc", None, "second_line")}
