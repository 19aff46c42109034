"""Tests for hcc_kg.extract.approvals: approvals stated in prose, on invented sentences.

Every drug, company and event below is made up (foonib, barmab, Foovia, Acme ...).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.approvals import approval_statements, load_jurisdictions
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.keys import regimen_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",), ("Foovia",)),
    Entity("sorafenib", "sorafenib", ("SmallMolecule",), ("Nexavar",)),
    Entity("lenvatinib", "lenvatinib", ("SmallMolecule",)),
    Entity("regorafenib", "regorafenib", ("SmallMolecule",)),
    Entity("barmab", "barmab", ("MonoclonalAntibody",), ("Barvio",)),
    Entity("quxmab", "quxmab", ("MonoclonalAntibody",), ("Quxera",)),
    Entity("nivolumab", "nivolumab", ("MonoclonalAntibody",)),
    Entity("ramucirumab", "ramucirumab", ("MonoclonalAntibody",)),
    Entity("afp", "AFP", ("Protein", "Biomarker"), ("alpha-fetoprotein",)),
    Entity("hcc", "hepatocellular carcinoma", ("Disease",), ("HCC",)),
    Entity("lung_cancer", "lung cancer", ("Disease",)),
    Entity("liver_cancer", "liver cancer", ("Disease",)),
    Entity("melanoma", "melanoma", ("Disease",)),
    Entity("hepatitis_b", "hepatitis B", ("Disease",), ("HBV",)),
    Entity("fda", "FDA", ("RegulatoryAgency",), ("Food and Drug Administration",)),
    Entity("ema", "EMA", ("RegulatoryAgency",), ("CHMP",)),
    Entity("ec", "European Commission", ("RegulatoryAgency",), ("EC",)),
    Entity("nmpa", "NMPA", ("RegulatoryAgency",), ("CFDA",)),
    Entity("mhlw", "MHLW", ("RegulatoryAgency",)),
    Entity("pmda", "PMDA", ("RegulatoryAgency",)),
    Entity("mfds", "MFDS", ("RegulatoryAgency",), ("Ministry of Food and Drug Safety",)),
    Entity("health_canada", "Health Canada", ("RegulatoryAgency",)),
    Entity("first_line", "first-line", ("LineOfTherapy",), ("first line", "front-line", "First")),
    Entity("second_line", "second-line", ("LineOfTherapy",), ("second line",)),
])
FINDER = MentionFinder(VOCAB)
REGIMEN = regimen_key(["barmab", "foonib"])


def read(text: str) -> list:
    doc = AnalysedDocument(Document.from_text("d1", text), VOCAB, FINDER)
    return list(approval_statements(doc))


def approvals(body: str, heading: str = "Invented notes") -> list:
    """All readings (asserted or not) of a heading line followed by one paragraph."""
    return read(f"{heading}\n{body}\n")


def facts(body: str, heading: str = "Invented notes") -> set[tuple]:
    """(agent, disease, agency, line) of the asserted approvals only."""
    return {(a.subject, a.object, a.context_value("agency"), a.context_value("line"))
            for a in approvals(body, heading) if a.is_fact}


def one(body: str, heading: str = "Invented notes"):
    found = [a for a in approvals(body, heading) if a.is_fact]
    assert len({a.key() for a in found}) == 1, found
    return found[0]


# --- approval verb phrases ----------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "In this invented history, foonib was approved by the FDA as first-line therapy for HCC.",
    "In this invented history, the FDA approved foonib as first-line therapy for HCC.",
    "In this invented history, the FDA granted approval for foonib as first-line therapy for HCC.",
    "In this invented history, the FDA granted approval to foonib for first-line treatment of HCC.",
    "In this invented history, foonib received its first approval from the FDA for first-line HCC.",
    "In this invented history, foonib was authorized by the FDA for the first-line treatment of HCC.",
    "In this invented history, the FDA issued a marketing authorization for foonib in first-line HCC.",
])
def test_each_approval_verb_phrase(body):
    assert facts(body) == {("foonib", "hcc", "fda", "first_line")}


def test_a_news_headline_stating_an_approval_is_read():
    found = {(a.subject, a.object, a.context_value("agency")) for a in read(
        "FDA Approves Foovia for HCC\n\nThe invented story goes on without naming the drug again.\n") if a.is_fact}
    assert found == {("foonib", "hcc", "fda")}


@pytest.mark.parametrize("body", [
    "After foonib was approved by the FDA for HCC in 2031, sorafenib use declined in this invented market.",
    "Sorafenib use declined after foonib was approved by the FDA for HCC in this invented market.",
    "Sorafenib was no longer the only option after foonib was approved by the FDA for HCC in this made-up year.",
])
def test_an_approval_in_a_subordinate_clause_is_its_own_statement(body):
    found = {(a.subject, a.object, a.is_fact) for a in approvals(body)}
    assert found == {("foonib", "hcc", True)}


def test_evidence_cites_the_sentence_with_the_rule_name():
    [a] = approvals("In this invented history, the FDA approved foonib as first-line therapy for HCC.")
    assert a.evidence[0].extractor == "sentence-approval"
    assert a.evidence[0].is_assertive


def test_an_approval_that_names_no_agency_is_kept_without_one():
    [a] = approvals("In this invented history, foonib was approved as first-line therapy for HCC.")
    assert (a.subject, a.object, a.context_value("agency"), a.context_value("line")) == \
        ("foonib", "hcc", None, "first_line")
    assert a.is_fact


def test_an_attributive_approved_names_a_class_not_an_approval():
    assert approvals("In this invented history, approved agents such as foonib are used for HCC.") == []


def test_an_approval_told_again_without_its_agency_is_the_same_approval():
    body = ("In this invented history, the FDA approved foonib for HCC in a made-up year. "
            "Since foonib was approved for HCC, its use has grown.")
    assert {(a, g) for a, _, g, _ in facts(body)} == {("foonib", "fda")}


def test_no_approval_without_an_approval_word():
    assert approvals("In this invented history, the FDA listed foonib as a first-line option for HCC.") == []


# --- agency: named, by jurisdiction, or from the heading ---------------------------------

@pytest.mark.parametrize("place, agency", [
    ("in China", "nmpa"), ("in Japan", "mhlw"), ("in the USA", "fda"), ("in the United States", "fda"),
    ("in the US", "fda"), ("in Europe", "ec"), ("in the EU", "ec"), ("in the European Union", "ec"),
])
def test_jurisdiction_names_the_regulator(place, agency):
    body = f"In this made-up story, foonib was approved {place} as first-line therapy for HCC."
    assert facts(body) == {("foonib", "hcc", agency, "first_line")}


def test_a_list_of_places_gives_one_approval_per_regulator():
    body = "Foonib is approved for the first-line treatment of invented HCC in the USA, EU, Japan and China."
    assert {f[2] for f in facts(body)} == {"fda", "ec", "mhlw", "nmpa"}


@pytest.mark.parametrize("subject, agency", [("Japan clears", "mhlw"), ("China approves", "nmpa"),
                                             ("The EU has authorised", "ec")])
def test_a_place_as_the_subject_of_the_approval_names_its_regulator(subject, agency):
    assert facts(f"{subject} foonib as first-line therapy for invented HCC.") == {("foonib", "hcc", agency, "first_line")}


def test_a_place_not_after_in_is_not_a_jurisdiction():
    body = "Foonib, made by a company from Japan, was approved as first-line therapy for HCC."
    assert {a.context_value("agency") for a in approvals(body)} == {None}


def test_named_agency_is_kept_as_named():
    body = "In this made-up story, the PMDA approved foonib as first-line therapy for HCC."
    assert facts(body) == {("foonib", "hcc", "pmda", "first_line")}


def test_agency_from_the_document_heading():
    body = "The approval covers foonib for the first-line treatment of unresectable HCC."
    assert facts(body, heading="Foonib Approved in Japan for Unresectable HCC") == \
        {("foonib", "hcc", "mhlw", "first_line")}


def test_heading_without_an_approval_word_lends_no_agency():
    body = "The approval covers foonib for the first-line treatment of unresectable HCC."
    assert {a.context_value("agency") for a in approvals(body, heading="Foonib news from Japan")} <= {None}


def test_the_jurisdiction_data_file_maps_places_to_regulators():
    places = load_jurisdictions().by_name
    assert (places["China"], places["Japan"], places["EU"], places["USA"]) == ("nmpa", "mhlw", "ec", "fda")


# --- agent: one drug, or one regimen for a combination -----------------------------------

@pytest.mark.parametrize("agents", ["Foovia/Barvio", "Foovia / Barvio", "foonib plus barmab",
                                    "foonib in combination with barmab", "the combination of foonib and barmab",
                                    "foonib with barmab", "the foonib and barmab combination",
                                    "the combination therapy of foonib and barmab"])
def test_a_combination_is_one_regimen_approval(agents):
    body = f"In this made-up story, the EC approved {agents} for the first-line treatment of HCC."
    assert facts(body) == {(REGIMEN, "hcc", "ec", "first_line")}


@pytest.mark.parametrize("agents", ["the pretend antibody Barvio® (trade name: Barvio®, generic name: barmab) in combination with foonib",
                                    "Barvio™ (brand name: Barvio; INN: barmab) plus foonib"])
def test_a_labelled_aside_naming_the_brand_again_does_not_part_it_from_its_partner(agents):
    body = f"In this made-up story, the NMPA approved {agents} for the first-line treatment of HCC."
    assert facts(body) == {(REGIMEN, "hcc", "nmpa", "first_line")}


def test_brand_names_resolve_to_the_drug():
    assert facts("In this made-up story, the FDA approved Foovia for first-line HCC.") == \
        {("foonib", "hcc", "fda", "first_line")}


def test_two_drugs_listed_are_two_approvals():
    body = "In this invented history, the EMA approved sorafenib and lenvatinib as first-line therapy for HCC."
    assert {f[0] for f in facts(body)} == {"sorafenib", "lenvatinib"}


def test_brand_with_generic_in_brackets_is_one_approval():
    [a] = approvals("In this made-up story, the FDA approved FOOVIA (foonib) as first-line therapy for HCC.")
    assert a.subject == "foonib"


def test_comparator_is_not_approved_nor_prior_therapy():
    body = "In this invented history, the FDA approved foonib as first-line therapy for HCC after a trial versus sorafenib."
    [a] = approvals(body)
    assert a.subject == "foonib" and a.attribute_values("prior_therapy") == []


# --- line of therapy ---------------------------------------------------------------------

@pytest.mark.parametrize("phrase", [
    "in HCC patients previously treated with sorafenib", "for HCC after prior systemic therapy",
    "as second-line treatment of HCC", "for patients with HCC who have progressed on sorafenib",
    "for patients with HCC who progressed after first-line sorafenib",
    "for sorafenib-experienced HCC", "for HCC refractory to sorafenib",
])
def test_second_line_phrases(phrase):
    assert facts(f"In this made-up story, the FDA approved barmab {phrase}.") == \
        {("barmab", "hcc", "fda", "second_line")}


@pytest.mark.parametrize("phrase", [
    "for HCC patients who have not received prior systemic therapy",
    "for HCC patients who have received no prior systemic therapy", "for previously untreated HCC",
    "as a first-line treatment of HCC", "for the front-line treatment of HCC",
    "for HCC patients who have not been previously treated with systemic therapy",
    "for invented people newly diagnosed with advanced HCC",
])
def test_first_line_phrases(phrase):
    assert facts(f"In this made-up story, the FDA approved barmab {phrase}.") == \
        {("barmab", "hcc", "fda", "first_line")}


def test_prior_therapy_is_recorded_when_a_drug_is_named():
    a = one("In this made-up story, the FDA approved barmab for HCC in patients previously treated with "
            "Acme's Nexavar (sorafenib).")
    assert a.subject == "barmab"
    assert a.attribute_values("prior_therapy") == ["sorafenib"]


def test_coordinated_prior_therapies_are_all_recorded():
    a = one("In this invented history, the FDA approved nivolumab as second-line therapy for HCC patients "
            "previously treated with sorafenib or lenvatinib.")
    assert a.subject == "nivolumab"
    assert sorted(a.attribute_values("prior_therapy")) == ["lenvatinib", "sorafenib"]


def test_no_prior_systemic_therapy_is_recorded():
    a = one("In this made-up story, the FDA approved barmab for HCC patients without prior systemic therapy.")
    assert a.attribute_values("prior_systemic_therapy") == [False]


def test_two_lines_in_one_sentence_are_ambiguous():
    body = "In this invented history, the EMA approved foonib as first-line and second-line therapy for HCC."
    assert approvals(body) == []


@pytest.mark.parametrize("body", [
    "In this invented history, foonib is the only approved first-line therapy and barmab the only approved "
    "second-line therapy in Europe for patients with HCC.",
    "In this invented history, foonib is the only approved first-line therapy and barmab is the only approved "
    "second-line option for HCC in Europe.",
])
def test_agents_coordinated_each_with_its_own_line_and_approval_take_their_own_line(body):
    assert facts(body) == {("foonib", "hcc", "ec", "first_line"), ("barmab", "hcc", "ec", "second_line")}


@pytest.mark.parametrize("body, first, second", [
    ("In this invented history, four agents have been approved in Europe for HCC, including first-line foonib and "
     "sorafenib, and second-line barmab and regorafenib.", {"foonib", "sorafenib"}, {"barmab", "regorafenib"}),
    ("In this invented history, four agents were approved in Europe for HCC, including first-line foonib, sorafenib, "
     "and regorafenib, and second-line barmab.", {"foonib", "sorafenib", "regorafenib"}, {"barmab"}),
])
def test_a_line_word_before_a_list_of_approved_agents_is_each_listed_agents_line(body, first, second):
    assert facts(body) == {(a, "hcc", "ec", "first_line") for a in first} | {(a, "hcc", "ec", "second_line") for a in second}


@pytest.mark.parametrize("body", [
    "In this invented history, the EMA approved foonib and barmab as first-line and second-line therapy for HCC.",
    # a line word before the first agent only: the second agent's line is not said
    "In this invented history, the EMA approved first-line foonib and barmab for HCC as second-line therapy.",
    # the second part says no approval of its own
    "In this invented history, foonib is the only approved first-line therapy and barmab the only second-line "
    "option under study in Europe for HCC.",
])
def test_agents_whose_lines_are_not_each_their_own_are_not_paired(body):
    assert facts(body) == set()


def test_a_line_stated_elsewhere_in_the_document_completes_the_approval():
    body = ("In this made-up story, foonib was approved in Japan for unresectable HCC. "
            "Hospitals now use it front-line, the only agent approved in Japan for that setting in HCC.")
    assert facts(body) == {("foonib", "hcc", "mhlw", "first_line")}


def test_a_line_stated_nowhere_leaves_the_agency_as_the_only_context():
    [a] = approvals("In this invented history, the FDA approved foonib for HCC in adults.")
    assert a.context == (("agency", "fda"),)
    assert a.is_fact


# --- indication ---------------------------------------------------------------------------

def test_disease_defaults_to_the_document_main_disease_when_a_line_is_stated():
    body = ("This invented text is about HCC and nothing else, as stated here. "
            "Later the FDA approved foonib as a first-line treatment in adults.")
    assert facts(body) == {("foonib", "hcc", "fda", "first_line")}


def test_no_disease_anywhere_gives_no_approval():
    assert approvals("In this invented history, the FDA approved foonib as first-line therapy in adults.") == []


def test_approval_for_an_unknown_disease_is_not_an_hcc_approval():
    body = ("Barmab is being studied in HCC, HCC and more HCC. It was approved in China for classical "
            "Hodgkin's lymphoma in patients who relapsed after two lines of chemotherapy.")
    assert approvals(body) == []


def test_approval_for_another_known_disease_goes_to_that_disease():
    body = "This made-up HCC review notes that HCC is common. The FDA approved barmab for melanoma in 2015."
    assert {(a.object, a.context_value("agency")) for a in approvals(body) if a.is_fact} == {("melanoma", "fda")}


def test_one_sentence_approving_for_two_diseases_gives_both():
    body = "In this invented news item, the EC approved barmab for lung cancer and HCC."
    assert {a.object for a in approvals(body) if a.is_fact} == {"lung_cancer", "hcc"}


def test_a_disease_named_as_background_is_not_the_indication():
    body = "In this invented history, the FDA approved foonib for HBV-related HCC as first-line therapy."
    assert facts(body) == {("foonib", "hcc", "fda", "first_line")}


# --- kind, date, biomarker, mode -----------------------------------------------------------

@pytest.mark.parametrize("phrase, kind", [
    ("granted accelerated approval to barmab", "accelerated"),
    ("granted conditional approval to barmab", "conditional"),
    ("granted a conditional marketing authorisation for barmab", "conditional"),
    ("granted a marketing authorization for barmab", "full"),
])
def test_kind_of_approval(phrase, kind):
    a = one(f"In this made-up story, the EC {phrase} for second-line HCC.")
    assert a.attribute_values("approval_type") == [kind]


@pytest.mark.parametrize("body, stated, year_month", [
    ("On March 23, barmab was approved in Japan for first-line HCC.", "March 23", None),
    ("In June 2021, barmab received its first approval in China for first-line HCC.", "June 2021", "2021-06"),
    ("The FDA approved barmab for second-line HCC in November 2018 on invented data.", "November 2018", "2018-11"),
])
def test_date_as_stated(body, stated, year_month):
    a = one(body)
    assert a.attribute_values("approval_date") == [stated]
    assert a.attribute_values("approval_year_month") == ([year_month] if year_month else [])


def test_dateline_dates_a_notice():
    text = ("9 October 2031 | News\n"
            "The European Commission (EC) has granted a marketing authorization for barmab as a single agent "
            "for the first-line treatment of adults with invented HCC.\n")
    [a] = read(text)
    assert a.attribute_values("approval_date") == ["9 October 2031"]
    assert a.attribute_values("approval_year_month") == ["2031-10"]
    assert a.attribute_values("year") == [2031]
    assert a.attribute_values("therapy_mode") == ["monotherapy"]


def test_biomarker_restriction():
    a = one("In this made-up story, the FDA approved ramucirumab for second-line HCC in patients with "
            "AFP ≥ 400 ng/mL.")
    attrs = dict(a.attributes)
    assert (attrs["biomarker"], attrs["biomarker_comparator"], attrs["biomarker_threshold"],
            attrs["biomarker_unit"]) == ("afp", ">=", Decimal("400"), "ng/mL")


# --- only a granted approval is an approval ---------------------------------------------

@pytest.mark.parametrize("body", [
    "In this made-up story, the NMPA accepted the sBLA for barmab as first-line treatment of HCC.",
    "In this made-up story, the application for barmab in first-line HCC was accepted by the NMPA.",
    "In this made-up story, the MHLW granted priority review to barmab for second-line HCC.",
    "In this made-up story, barmab for first-line HCC is under review by the EMA.",
    "In this made-up story, a new drug application for barmab in first-line HCC was filed with the FDA.",
    "In this made-up story, the sponsor submitted barmab to the FDA for second-line HCC.",
    "In this made-up story, the FDA accepted an IND for barmab in second-line HCC.",
    "In this made-up story, the FDA granted Breakthrough Therapy designation to barmab for second-line HCC.",
    "In this made-up story, the FDA granted orphan drug designation to barmab for HCC in the first line.",
    "In this made-up story, barmab was recommended by the CHMP for approval in first-line HCC.",
    "In this made-up story, barmab will be approved by the FDA for first-line HCC.",
    "In this made-up story, barmab is expected to be approved by the FDA for first-line HCC.",
    "In this made-up story, barmab is being developed for first-line HCC and may be approved by the FDA.",
    "In this made-up story, the FDA set a deadline for its final decision on barmab's approval in first-line HCC.",
    "In this made-up story, the EMA's ruling on the approval of barmab in second-line HCC is due in May.",
    # a health-technology assessor pays for a licensed drug, it licenses none
    "In this made-up story, barmab receives NICE approval for second-line HCC.",
    "In this made-up story, barmab was approved by the Scottish Medicines Consortium for second-line HCC.",
])
def test_regulatory_steps_are_withheld_as_hedged(body):
    found = approvals(body)
    assert found, "the statement is kept (withheld), not dropped"
    assert all(e.certainty == "hedged" and not e.is_assertive for a in found for e in a.evidence)


@pytest.mark.parametrize("body", [
    "In this made-up story, barmab was not approved by the FDA for first-line HCC.",
    "In this made-up story, the FDA declined to approve barmab for first-line HCC.",
    "In this made-up story, the EMA rejected barmab for first-line HCC, refusing its approval.",
    "In this made-up story, the approval of barmab by the FDA for second-line HCC was withdrawn.",
])
def test_refusals_are_withheld_as_negative(body):
    found = approvals(body)
    assert found
    assert all(e.polarity == "negative" and not e.is_assertive for a in found for e in a.evidence)


def test_an_approval_and_a_step_in_one_sentence_are_read_apart():
    body = ("In this made-up story, barmab was approved in China for first-line HCC, with the FDA accepting "
            "an IND application for barmab in January 2030.")
    found = approvals(body)
    assert {(a.context_value("agency"), a.is_fact) for a in found} == {("nmpa", True), ("fda", False)}


def test_attributive_approval_is_not_hedged_by_the_main_verb():
    body = ("In this invented review, HCC is the topic. Barmab now appears to beat the FDA-approved "
            "first-line options of sorafenib and lenvatinib.")
    assert facts(body) == {("sorafenib", "hcc", "fda", "first_line"), ("lenvatinib", "hcc", "fda", "first_line")}


# --- carried over from the first version of the rule (tests/test_sentences.py) -------------

def test_prior_therapy_after_a_drug_is_excluded_and_recorded():
    a = one("In this invented history, the FDA approved regorafenib as second-line therapy after sorafenib for HCC.")
    assert (a.subject, a.context_value("line")) == ("regorafenib", "second_line")
    assert a.attribute_values("prior_therapy") == ["sorafenib"]


def test_regimen_evidence_covers_agency_and_components():
    text = "Invented notes\nIn this invented history, the FDA approved foonib plus barmab as first-line therapy for HCC.\n"
    [a] = read(text)
    ev = a.evidence[0]
    assert a.subject == REGIMEN
    assert "FDA" in text[ev.start:ev.end] and "barmab" in text[ev.start:ev.end]


def test_heading_line_does_not_reach_an_approval_for_another_disease():
    text = ("Barmab approved in China as first-line therapy for HCC\n"
            "The NMPA approved barmab for first-line HCC, as HCC patients had asked. "
            "Barmab was approved in China for melanoma in an earlier year.\n")
    found = {(a.object, a.context_value("line")) for a in read(text) if a.is_fact}
    assert found == {("hcc", "first_line"), ("melanoma", None)}


def test_approving_an_application_is_an_approval():
    assert facts("In this made-up story, the FDA approved the application for barmab in second-line HCC.") == \
        {("barmab", "hcc", "fda", "second_line")}


def test_fda_notice_shape():
    a = one("On October 4, 2032, the Food and Drug Administration granted accelerated approval to barmab "
            "(BARVIO, Acme Inc.) for patients with HCC who have been previously treated with sorafenib.")
    assert (a.subject, a.context_value("agency"), a.context_value("line")) == ("barmab", "fda", "second_line")
    assert a.attribute_values("approval_type") == ["accelerated"]
    assert a.attribute_values("approval_year_month") == ["2032-10"]
    assert a.attribute_values("prior_therapy") == ["sorafenib"]


def test_relative_clause_approval_takes_its_subject_from_the_main_clause():
    a = one("Barmab, which was approved in 2029 by the FDA for HCC patients previously treated with sorafenib, "
            "is widely used in this invented world.")
    assert (a.subject, a.context_value("line"), a.attribute_values("prior_therapy")) == \
        ("barmab", "second_line", ["sorafenib"])
    assert a.attribute_values("year") == [2029]


def test_since_its_approval_shape():
    assert facts("Since its approval by the FDA in 2027, foonib has been the first-line standard for invented HCC.") == \
        {("foonib", "hcc", "fda", "first_line")}


def test_drugs_compared_with_each_other_are_not_a_combination():
    body = "In this made-up story, the FDA approved foonib for first-line HCC after comparing foonib with barmab."
    assert {f[0] for f in facts(body)} == {"foonib"}


@pytest.mark.parametrize("middle", ["alone or in combination with", "either as monotherapy or combined with"])
def test_an_agent_approved_alone_or_with_a_partner_is_two_approvals_and_never_the_partner_alone(middle):
    body = f"In this made-up story, barmab, {middle} foonib, is approved in the USA for invented HCC after sorafenib."
    assert facts(body) == {("barmab", "hcc", "fda", "second_line"),
                           ("regimen__barmab__foonib", "hcc", "fda", "second_line")}


def test_a_notice_of_an_accepted_filing_asserts_no_hcc_approval():
    text = ("NMPA Accepts sBLA for Barmab plus Foonib in First-Line HCC\n"
            "The NMPA has accepted the sBLA for barmab plus foonib as a first-line treatment of invented HCC. "
            "If approved, barmab plus foonib would be the first such regimen for first-line HCC in China. "
            "Barmab is already approved in China for melanoma.\n")
    found = read(text)
    assert {(a.subject, a.object) for a in found if a.is_fact} == {("barmab", "melanoma")}
    assert {(a.subject, a.object) for a in found if not a.is_fact} == {(REGIMEN, "hcc")}


# --- generalisation round: shapes met in fresh news items, notices and profiles -------------

@pytest.mark.parametrize("agents", [
    "Foovia (foonib) in combination with Barvio (barmab)",
    "FOOVIA (foonib) plus BARVIO (barmab)",
])
def test_brand_and_generic_pairs_make_one_regimen(agents):
    body = f"In this made-up story, the FDA approved {agents} for the first-line treatment of HCC."
    assert facts(body) == {(REGIMEN, "hcc", "fda", "first_line")}


@pytest.mark.parametrize("body", [
    "In this made-up story, barmab still holds FDA approval for first-line HCC, a rare cancer, when used in "
    "combination with foonib.",
    "In this made-up story, the MFDS approved barmab for first-line HCC in combination with another invented "
    "agent, foonib.",
])
def test_a_distant_combination_partner_joins_the_approved_agent(body):
    assert {f[0] for f in facts(body)} == {REGIMEN}


def test_alone_or_in_combination_is_not_one_regimen():
    body = "In this made-up story, the FDA approved foonib for first-line HCC, alone or in combination with barmab."
    assert REGIMEN not in {f[0] for f in facts(body)}


def test_an_apposition_does_not_part_a_combination():
    body = ("In this made-up story, the combination of foonib (Foovia), an invented kinase inhibitor (IKI), and "
            "barmab received approval from the NMPA for first-line HCC.")
    assert facts(body) == {(REGIMEN, "hcc", "nmpa", "first_line")}


def test_a_pair_the_document_names_as_a_combination_is_that_regimen():
    body = ("Foonib plus barmab is the invented regimen of this story. "
            "The first approval of foonib and barmab by the FDA came for first-line HCC.")
    assert facts(body) == {(REGIMEN, "hcc", "fda", "first_line")}


@pytest.mark.parametrize("phrase", [
    "who have been previously treated with the invented kinase inhibitor sorafenib",
    "after trying sorafenib",
    "when sorafenib has already been used",
    "previously treated with sorafenib (sold as Nexavar by Acme)",
    "whose disease stopped responding to initial treatment with sorafenib",
    "who have received prior sorafenib and/or foonib-based invented chemotherapy",
])
def test_prior_therapy_shapes_are_not_approved_and_make_a_second_line(phrase):
    body = f"In this made-up story, the EC approved barmab for HCC patients {phrase}."
    assert facts(body) == {("barmab", "hcc", "ec", "second_line")}


def test_a_drug_after_a_trial_word_is_not_prior_therapy():
    a = one("In this made-up story, the FDA approved foonib for first-line HCC after a study versus sorafenib.")
    assert a.attribute_values("prior_therapy") == []


def test_initial_treatment_is_the_first_line():
    assert facts("In this made-up story, foonib is approved in the USA for the initial treatment of HCC.") == \
        {("foonib", "hcc", "fda", "first_line")}


@pytest.mark.parametrize("heading, body", [
    ("Foonib", "The European Commission granted marketing authorization for the drug for first-line HCC."),
    ("Foonib gets a new label", "In a made-up move, the therapy received approval in Japan for first-line HCC."),
    # ... or the drug named back by its class, an epithet
    ("Maker drops a foonib indication", "In a made-up past, the FDA gave an accelerated approval to the MET inhibitor "
                                        "for HCC after prior sorafenib."),
])
def test_the_drug_is_the_one_the_heading_names(heading, body):
    assert {f[0] for f in facts(body, heading)} == {"foonib"}


def test_the_combination_is_the_one_named_last():
    body = ("In this made-up story, foonib plus barmab beat sorafenib. "
            "Soon after, the combination was approved by the European Commission for first-line HCC.")
    assert facts(body) == {(REGIMEN, "hcc", "ec", "first_line")}


@pytest.mark.parametrize("body", [
    "In this made-up story, the MFDS reviewed files. The ministry then approved barmab for first-line HCC.",
    "In this made-up story, the FDA met on a Monday. The agency approved barmab for first-line HCC.",
])
def test_the_agency_is_the_one_named_last(body):
    assert {f[2] for f in facts(body)} == {"mfds" if "MFDS" in body else "fda"}


def test_korea_names_its_regulator():
    assert facts("In this made-up story, barmab was approved in South Korea for first-line HCC.") == \
        {("barmab", "hcc", "mfds", "first_line")}


def test_the_subject_of_an_attributive_approval_is_approved():
    body = "In this invented story, foonib plus barmab (the FB regimen) is an FDA-approved, first-line option for HCC."
    assert facts(body) == {(REGIMEN, "hcc", "fda", "first_line")}


def test_a_drug_in_a_subordinate_clause_of_an_attributive_approval_is_not_approved():
    body = ("In this invented review of HCC, foonib is the first FDA-approved second-line treatment that can be "
            "used if the tumour stops responding to sorafenib.")
    assert {f[0] for f in facts(body)} == {"foonib"}


def test_a_heading_run_into_the_first_sentence_is_its_own_statement():
    text = ("EC approves Barvio for the most common form of melanoma\n"
            "Basel, 2 May 2031 - Acme said the European Commission has approved barmab for first-line HCC.\n")
    found = {(a.object, a.context_value("line")) for a in read(text) if a.is_fact}
    assert ("hcc", "first_line") in found


@pytest.mark.parametrize("body", [
    "In this made-up story, the FDA accelerated approval of barmab for second-line HCC has been reversed.",
    "In this made-up story, barmab loses its FDA approval for second-line HCC.",
    "In this made-up story, barmab fails to maintain its FDA approval for second-line HCC.",
])
def test_reversed_or_lost_approvals_are_negative(body):
    found = approvals(body)
    assert found and not any(a.is_fact for a in found)


def test_full_approval_with_the_agency_in_between():
    a = one("In this made-up story, barmab received full FDA approval in October 2031 for first-line HCC.")
    assert a.attribute_values("approval_type") == ["full"]


def test_a_second_indication_in_the_same_sentence_keeps_its_own_partner():
    body = ("In this made-up story, the MHLW approvals authorise barmab for the treatment of first-line HCC as "
            "monotherapy and for the treatment of melanoma in combination with foonib.")
    assert {(f[0], f[1]) for f in facts(body)} == {("barmab", "hcc"), (REGIMEN, "melanoma")}


def test_a_quotation_closing_its_sentence_ends_the_statement():
    body = ('In this made-up story, the ministry text says the FDA approved barmab as "first-line treatment of HCC." '
            'Currently, foonib plus sorafenib is the invented standard in Korea.')
    assert {f[0] for f in facts(body)} == {"barmab"}


@pytest.mark.parametrize("agents", [
    "the combination of Foovia (foonib) and Barvio (barmab)",
    "FOOVIA (foonib tablets) in combination with ZORBIX (barmab injection)",
])
def test_brackets_and_unknown_brands_do_not_part_a_combination(agents):
    body = f"In this made-up story, the NMPA approved {agents} as a first-line treatment for HCC."
    assert facts(body) == {(REGIMEN, "hcc", "nmpa", "first_line")}


def test_each_item_of_an_indication_list_is_a_statement():
    body = ("In China, barmab was approved for: the treatment of an invented lymphoma in May 2030; "
            "the first-line treatment of melanoma in June 2031; and the first-line treatment of HCC in July 2032.")
    found = {(a.object, a.context_value("agency"), a.context_value("line")): a for a in approvals(body) if a.is_fact}
    assert set(found) == {("melanoma", "nmpa", "first_line"), ("hcc", "nmpa", "first_line")}
    assert found[("hcc", "nmpa", "first_line")].attribute_values("approval_date") == ["July 2032"]


@pytest.mark.parametrize("phrase, agency", [
    ("received Japanese regulatory approval for", "mhlw"), ("won EU marketing authorisation for", "ec"),
    ("gained Chinese approval for", "nmpa"), ("received a Korean approval for", "mfds"),
    # a headline's place name used so
    ("gets China nod for", "nmpa"), ("wins Japan approval for", "mhlw"), ("secures Canada approval for", "health_canada"),
])
def test_a_place_adjective_before_an_approval_names_the_regulator(phrase, agency):
    assert facts(f"In this made-up story, barmab {phrase} first-line HCC.") == \
        {("barmab", "hcc", agency, "first_line")}


def test_a_place_adjective_elsewhere_names_no_regulator():
    found = approvals("In this made-up story, Japanese patients saw barmab approved for first-line HCC.")
    assert {a.context_value("agency") for a in found} <= {None}


def test_approving_a_supplemental_application_is_an_approval():
    assert facts("In this made-up story, the NMPA approved the supplemental New Drug Application (sNDA) for "
                 "barmab as a first-line treatment for HCC.") == {("barmab", "hcc", "nmpa", "first_line")}


def test_a_negation_describing_the_disease_does_not_negate_the_approval():
    body = ("In this made-up story, barmab has been approved by the FDA to treat the usual kind of liver "
            "cancer that can't be cut out by surgeons, namely HCC, in the first line.")
    assert facts(body) == {("barmab", "hcc", "fda", "first_line")}


def test_an_approval_cut_after_us_by_the_sentence_splitter_is_read_whole():
    body = "In this made-up story, barmab has been approved by the U.S. Food and Drug Administration for first-line HCC."
    assert facts(body) == {("barmab", "hcc", "fda", "first_line")}


def test_a_disease_named_as_a_classifier_gives_way_to_the_specific_one():
    body = "In this made-up story, the FDA approved barmab for the most common form of liver cancer, HCC, first-line."
    assert facts(body) == {("barmab", "hcc", "fda", "first_line")}


def test_losing_a_response_is_not_losing_an_approval():
    assert facts("In this made-up story, the FDA approved barmab for HCC in patients who lost their response "
                 "to sorafenib.") == {("barmab", "hcc", "fda", "second_line")}


@pytest.mark.parametrize("phrase", [
    "who have received at least one prior systemic therapy",
    "who have been treated with at least 1 prior line of therapy",
    "who have received one or more prior lines of systemic therapy",
    "who had received prior systemic therapy",
])
def test_counted_prior_lines_make_a_second_line(phrase):
    assert facts(f"In this made-up story, the FDA approved barmab for patients with HCC {phrase}.") == \
        {("barmab", "hcc", "fda", "second_line")}


@pytest.mark.parametrize("phrase", [
    "who were unresponsive to or intolerant of first-line or later systemic therapy",
    "who are intolerable of first-line systemic therapy", "unresponsive to first-line systemic treatment",
    "who failed first-line systemic therapy", "whose disease progressed during first-line treatment",
    "previously treated with a first-line immunotherapy", "who cannot tolerate first-line therapy",
])
def test_a_first_line_word_inside_the_patients_prior_state_makes_a_later_line(phrase):
    # (a first-line word the patients' history holds: what they had before, not the approved use)
    assert facts(f"In this made-up story, the FDA approved barmab for patients with HCC {phrase}.") == \
        {("barmab", "hcc", "fda", "second_line")}


@pytest.mark.parametrize("body, agency, kind", [
    ("In this made-up story, Health Canada issued a Notice of Compliance with conditions (NOC/c) for barmab for "
     "HCC patients previously treated with sorafenib.", "health_canada", ["conditional"]),
    ("In this made-up story, barmab won an FDA nod for HCC patients previously treated with sorafenib.", "fda", []),
    ("In this made-up story, the NMPA gave barmab a drug registration certificate for HCC patients previously "
     "treated with sorafenib.", "nmpa", []),
])
def test_regulators_own_names_for_an_approval(body, agency, kind):
    a = one(body)
    assert (a.subject, a.context_value("agency"), a.context_value("line")) == ("barmab", agency, "second_line")
    assert a.attribute_values("approval_type") == kind


# --- shapes met in texts written blind to these rules (benchmarks/challenge) ----------------

@pytest.mark.parametrize("body", [
    "In this invented note the EC granted approval to foonib plus a single priming dose of barmab for HCC.",
    "The European Commission authorised Foovia (foonib) for use in combination with barmab for HCC.",
    "The EC approved a made-up doublet of foonib and barmab for HCC.",
    "The EC approved the imaginary foonib-barmab combo for HCC.",
])
def test_more_ways_to_name_one_combination(body):
    assert {(a, d, g) for a, d, g, _ in facts(body)} == {(REGIMEN, "hcc", "ec")}


def test_a_drug_named_to_say_what_the_agent_is_derived_from_is_not_approved():
    body = "Foonib, a deuterated derivative of sorafenib, is approved by the NMPA for HCC."
    assert {a for a, _, _, _ in facts(body)} == {"foonib"}


def test_a_fronted_following_clause_is_background_to_the_approval():
    body = ("Following a positive opinion from the CHMP in an invented month, the European Commission "
            "granted a marketing authorisation for foonib for HCC.")
    assert ("foonib", "hcc", "ec") in {(a, d, g) for a, d, g, _ in facts(body)}


def test_an_approval_of_the_combination_named_before_is_for_the_documents_disease():
    body = ("The imaginary regulator signed off on a doublet of foonib and barmab for HCC. "
            "The NMPA approved the combination on an invented Monday.")
    assert {(a, d, g) for a, d, g, _ in facts(body)} == {(REGIMEN, "hcc", "nmpa")}


def test_a_set_off_aside_with_its_own_approval_is_its_own_statement():
    body = "Barmab, authorised in Japan for an invented gastric carcinoma, is currently under review for HCC."
    assert facts(body) == set()


def test_approved_for_this_indication_takes_the_line_the_label_wording_gives():
    body = ("Foovia in combination with barmab is indicated for adults with HCC who have not received prior "
            "systemic treatment. At the time of the invented decision the combination was approved for this "
            "indication by the FDA.")
    assert facts(body) == {(REGIMEN, "hcc", "fda", "first_line")}
    without = body.replace("this indication", "HCC")
    assert {line for *_, line in facts(without)} == {None}


def test_a_relative_clause_after_nor_is_its_own_statement():
    body = ("The invented withdrawal does not affect the indication for foonib in combination with barmab, "
            "which remains approved by the FDA for HCC after prior sorafenib, nor any other made-up label.")
    assert facts(body) == {(REGIMEN, "hcc", "fda", "second_line")}


def test_an_approval_withdrawn_later_in_the_sentence_is_not_asserted():
    body = "The FDA granted approval to foonib for HCC in a made-up year, but the indication was withdrawn later."
    assert facts(body) == set()
    [reading] = approvals(body)
    assert reading.evidence[0].polarity == "negative"
    assert facts(body.replace("was withdrawn", "was extended")) == {("foonib", "hcc", "fda", None)}


def test_a_drug_given_together_with_the_one_named_before_makes_the_combination():
    body = ("Foonib is an invented pill. It is given together with barmab in this made-up clinic. "
            "In a pretend trial, 300 people took foonib and barmab. This combination is approved by the FDA for HCC.")
    assert {(a, g) for a, _, g, _ in facts(body)} == {(REGIMEN, "fda")}


# --- a brand in an aside; the subject of "was approved"; a comparator named after its role ----------

@pytest.mark.parametrize("body", [
    "The FDA approved foonib (Foovia, Invented Pharma) in combination with barmab for adults with HCC.",
    "The FDA approved foonib (Foovia; a made-up pill) plus barmab for adults with HCC.",
    "The FDA approved Foovia (foonib, Invented Pharma) in combination with barmab for adults with HCC.",
])
def test_a_brand_in_an_aside_is_the_combined_drug_again_not_an_approval_of_its_own(body):
    assert facts(body) == {(REGIMEN, "hcc", "fda", None)}


def test_a_drug_in_an_aside_that_is_another_drug_is_still_read():
    body = "The FDA approved foonib (not sorafenib) in combination with barmab for adults with HCC."
    assert (REGIMEN, "hcc", "fda", None) in facts(body)


@pytest.mark.parametrize("body", [
    "Foonib met its endpoint compared to sorafenib since sorafenib was approved for HCC a decade ago.",
    "Foonib is the first agent to beat sorafenib since sorafenib gained approval for HCC in a made-up year.",
])
def test_the_subject_of_was_approved_is_approved_even_when_named_before_as_comparator(body):
    assert {(a, d) for a, d, _, _ in facts(body)} == {("sorafenib", "hcc")}


def test_a_drug_named_again_as_comparator_stays_comparator():
    body = "The FDA approved foonib for HCC after it beat sorafenib, sorafenib being the standard."
    assert {a for a, *_ in facts(body)} == {"foonib"}


@pytest.mark.parametrize("role", ["the standard of care", "the current standard therapy", "the control arm",
                                  "the active comparator"])
def test_a_comparator_named_after_its_role_is_not_approved(role):
    body = (f"The NMPA approved foonib for HCC. The approval was based on a trial where foonib showed non-inferior "
            f"survival when compared with {role}, sorafenib, in 954 invented patients with HCC.")
    assert {a for a, *_ in facts(body)} == {"foonib"}


def test_the_headings_regulator_is_for_the_headings_drug_only():
    heading = "Invented Pharma seeks Japanese approval for Foovia"
    body = ("Foovia met its endpoint against sorafenib, the first drug to do so since sorafenib was approved for HCC "
            "years ago.")
    assert facts(body, heading) == {("sorafenib", "hcc", None, None)}
    assert facts("In this invented note, Foovia was approved for HCC.", "Foovia approved in Japan") == \
        {("foonib", "hcc", "mhlw", None)}


@pytest.mark.parametrize("body", [
    "In this invented history, foonib was approved by the NMPA as a possible first-line treatment of HCC.",
    "In this invented history, foonib was authorised by the NMPA as a potential option for first-line HCC.",
])
def test_approved_as_a_possible_treatment_is_an_approval(body):
    assert facts(body) == {("foonib", "hcc", "nmpa", "first_line")}


def test_a_possible_approval_is_still_hedged():
    assert facts("In this invented history, foonib may possibly be approved by the NMPA for first-line HCC.") == set()


@pytest.mark.parametrize("text, expected", [
    ("Foonib beat sorafenib since sorafenib gained approval for HCC", ["Foonib beat sorafenib",
                                                                       "since sorafenib gained approval for HCC"]),
    ("Foonib beat sorafenib after sorafenib received its first approval", ["Foonib beat sorafenib",
                                                                           "after sorafenib received its first approval"]),
    ("Foonib was approved after patients received sorafenib", ["Foonib was approved after patients received sorafenib"]),
])
def test_a_subordinate_clause_gaining_an_approval_is_its_own_statement(text, expected):
    from hcc_kg.extract.approval_clauses import clauses
    assert [c.text for c in clauses(text)] == expected


@pytest.mark.parametrize("second", [
    "It marks the first approval of this medicine as a first-line therapy for HCC.",
    "The medicine was approved by the FDA for first-line treatment of HCC in this invented story.",
])
def test_the_drug_is_the_one_agent_the_sentence_before_named_when_the_heading_names_none(second):
    heading = "Invented drug maker wins approval"
    first = "The maker said its drug Foovia had been approved in a made-up country for an invented lung cancer."
    assert {a for a, d, *_ in facts(f"{first} {second}", heading) if d == "hcc"} == {"foonib"}
    two = "The maker said Foovia and Barvio had been approved in a made-up country for an invented lung cancer."
    assert {a for a, d, *_ in facts(f"{two} {second}", heading) if d == "hcc"} == set()  # two agents: "the drug" is unresolved


# --- the regulator whose decision a summary reports --------------------------------------

@pytest.mark.parametrize("decision", ["This invented summary explains Health Canada's decision on Foovia.",
                                      "Below is the final decision of Health Canada on Foovia, made up for a test.",
                                      "Health Canada's regulatory decision on Foovia is summarised here."])
def test_a_decision_summary_lends_its_regulator_to_the_approvals_it_states(decision):
    body = (f"{decision} The indication authorized is Foovia, in combination with barmab, for the first-line "
            "treatment of adult patients with unresectable HCC.")
    assert facts(body, heading="Decision summary for Foovia") == {(REGIMEN, "hcc", "health_canada", "first_line")}


@pytest.mark.parametrize("decision", ["Health Canada was mentioned in this invented note on Foovia.",
                                      "This summary explains Health Canada's decision; the FDA took its own."])
def test_no_decision_maker_without_a_decision_or_with_two_regulators(decision):
    body = (f"{decision} The indication authorized is Foovia, in combination with barmab, for the first-line "
            "treatment of adult patients with unresectable HCC.")
    assert {agency for _, _, agency, _ in facts(body, heading="Decision summary for Foovia")} == {None}


# --- a combination partner introduced by a description -------------------------------------

@pytest.mark.parametrize("agents", ["Foovia in combination with its drug Barvio",
                                    "foonib plus the anti-VEGF antibody barmab",
                                    "foonib combined with Acme's Barvio",
                                    "Foovia, in combination with the invented checkpoint antibody barmab,"])
def test_a_partner_named_after_its_description_is_still_the_combination(agents):
    body = f"The FDA approved {agents} for unresectable HCC in this made-up story."
    assert facts(body) == {(REGIMEN, "hcc", "fda", None)}


def test_a_described_drug_after_a_preposition_is_no_partner():
    body = ("The FDA approved foonib in combination with the standard of care for HCC in patients previously "
            "treated with the antibody barmab.")
    assert REGIMEN not in {subject for subject, _, _, _ in facts(body)}


# --- a disease the vocabulary does not know, written as one word ---------------------------

@pytest.mark.parametrize("disease", ["malignant pleural mesothelioma", "adenocarcinoma of the pancreas",
                                     "recurrent glioblastoma", "relapsed neuroblastoma", "uterine leiomyosarcoma"])
def test_an_unknown_one_word_disease_blocks_the_documents_own(disease):
    body = f"The FDA approved foonib for the first-line treatment of {disease}."
    assert facts(body, heading="Foonib in HCC: invented notes") == set()


# --- an application spelled out, or its validation, is a step, not an approval ------------------

@pytest.mark.parametrize("body", [
    "The EMA has validated the marketing authorisation application for foonib in previously treated HCC.",
    "Acme submitted a New Drug Application seeking authorization of foonib for HCC to the FDA.",
    "The FDA is reviewing the supplemental Biologics License Application for barmab in first-line HCC, "
    "which if approved would extend its label.",
    "The NMPA has received an application for marketing approval of foonib in HCC.",
    "Validation of the application to authorise foonib for HCC was confirmed by the EMA.",
])
def test_an_application_or_its_validation_is_no_approval(body):
    assert facts(body) == set()


def test_approving_the_application_spelled_out_is_an_approval():
    body = "The FDA approved the supplemental Biologics License Application for barmab in second-line HCC."
    assert facts(body) == {("barmab", "hcc", "fda", "second_line")}


@pytest.mark.parametrize("setting", ["in the post-sorafenib setting", "in post sorafenib disease",
                                     "in sorafenib-intolerant patients"])
def test_a_drug_named_as_the_setting_before_is_a_prior_therapy(setting):
    body = f"The FDA approved foonib for HCC {setting} in this invented notice."
    assert facts(body) == {("foonib", "hcc", "fda", "second_line")}


@pytest.mark.parametrize("course", ["whose tumours grew on sorafenib", "whose disease worsened on sorafenib",
                                    "whose disease recurred during sorafenib", "whose cancer got worse on sorafenib"])
def test_a_drug_the_disease_grew_on_is_a_prior_therapy(course):
    body = f"The FDA approved foonib for HCC in patients {course}, in an invented notice."
    assert facts(body) == {("foonib", "hcc", "fda", "second_line")}


@pytest.mark.parametrize("agents", ["foonib and barmab as a combination", "foonib and barmab in combination",
                                    "foonib and barmab, as a combination,"])
def test_two_drugs_approved_as_a_combination_are_one_regimen(agents):
    body = f"The FDA approved {agents} for untreated HCC in this made-up story."
    assert facts(body) == {(REGIMEN, "hcc", "fda", "first_line")}


@pytest.mark.parametrize("body", [
    "Foonib, approved in 2015 for differentiated thyroid cancer, entered HCC trials in this invented story.",
    "The FDA approved foonib for kidney tumours before its HCC study began.",
    "Foonib received a marketing authorisation for medullary carcinoma of the thyroid ahead of the HCC trial.",
])
def test_an_approval_for_an_unknown_disease_named_before_hcc_is_no_hcc_approval(body):
    assert facts(body) == set()


@pytest.mark.parametrize("body, diseases", [
    # a list whose first item the vocabulary does not know, or a class of diseases that includes a known one
    ("The FDA approved foonib for kidney tumours, HCC and lung cancer in this invented story.", {"hcc", "lung_cancer"}),
    ("The FDA approved foonib for several cancers, including HCC, in this invented story.", {"hcc"}),
    ("The FDA approved foonib for kidney tumours and unresectable or metastatic HCC in this invented story.", {"hcc"}),
])
def test_a_known_disease_listed_with_an_unknown_one_is_an_indication(body, diseases):
    assert {disease for _, disease, _, _ in facts(body)} == diseases


@pytest.mark.parametrize("body", [
    "The FDA approved foonib for kidney tumours, and foonib is studied in HCC in this invented story.",
    "The FDA approved foonib for kidney tumours and is testing it in HCC in this invented story.",
])
def test_a_known_disease_after_an_unknown_one_in_a_clause_of_its_own_is_no_indication(body):
    assert facts(body) == set()


def test_a_disease_word_before_the_approval_word_does_not_block_the_indication():
    body = "In a boost for cancer patients, the FDA approved foonib for HCC in this invented story."
    assert facts(body) == {("foonib", "hcc", "fda", None)}


# --- a label change is an approval of its new indication --------------------------------------

@pytest.mark.parametrize("body, line", [
    ("The FDA expanded the indication of foonib to include HCC previously treated with sorafenib.", "second_line"),
    ("The FDA has extended the label for foonib to HCC patients who progressed on sorafenib.", "second_line"),
    ("The European Commission granted an extension of indication for foonib to first-line HCC.", "first_line"),
    ("The FDA broadened foonib's indication to unresectable HCC without prior systemic therapy.", "first_line"),
])
def test_a_label_change_is_an_approval_of_the_new_indication(body, line):
    agency = "ec" if "European" in body else "fda"
    assert facts(body) == {("foonib", "hcc", agency, line)}


@pytest.mark.parametrize("body", [
    "Acme applied for an extension of the indication of foonib to HCC in this invented story.",
    "The CHMP recommended an extension of indication for foonib to HCC.",
    "An expanded access programme made foonib available to HCC patients before any approval decision.",
])
def test_a_label_change_applied_for_or_recommended_is_no_approval(body):
    assert facts(body) == set()


@pytest.mark.parametrize("body, expected", [
    ("Foonib is approved in the EU for advanced gastric cancer and, in combination with barmab, for first-line HCC.",
     (REGIMEN, "hcc", "ec", "first_line")),
    ("Both drugs remain authorised in Canada for other cancers, and foonib alone remains authorised for first-line HCC.",
     ("foonib", "hcc", "health_canada", "first_line")),
])
def test_a_second_indication_coordinated_after_an_unknown_disease_is_read(body, expected):
    assert expected in facts(body)


@pytest.mark.parametrize("body", [
    "Foonib is an invented kinase inhibitor. In the EU, it is approved for adults with HCC.",
    "Foonib is an invented kinase inhibitor. Since 2031, this drug has been approved in the EU for HCC.",
    "Foonib is an invented kinase inhibitor. It is approved in the EU for HCC.",
])
def test_it_after_a_fronted_place_or_time_is_the_document_s_drug(body):
    assert {(a, d, g) for a, d, g, _ in facts(body, "Foonib in the EU")} == {("foonib", "hcc", "ec")}


def test_it_after_a_fronted_clause_that_is_no_place_or_time_is_not_read_as_the_drug():
    body = "Foonib is an invented kinase inhibitor. When barmab failed, it was approved in the EU for HCC."
    assert ("foonib", "hcc") not in {(a, d) for a, d, _, _ in facts(body, "Foonib in the EU")}


def test_a_prior_therapy_described_in_apposition_is_no_approved_agent():
    body = ("The FDA approved foonib for adults with HCC whose tumours stopped responding to a similar "
            "targeted therapy, barmab. It is an invented approval.")
    assert facts(body) == {("foonib", "hcc", "fda", "second_line")}


def test_an_attributive_approval_after_became_the_first_ever():
    body = "In this invented history, barmab became the first-ever FDA-approved drug for HCC."
    assert {(a, d, g) for a, d, g, _ in facts(body)} == {("barmab", "hcc", "fda")}


# --- generalisation round (h29): shapes met in fresh approval news --------------------------

@pytest.mark.parametrize("body", [
    "In this made-up story, the FDA gave its blessing for barmab to treat patients with HCC who were previously "
    "treated with sorafenib.",
    "In this made-up story, barmab won a full FDA go-ahead for HCC after sorafenib.",
    "In this made-up story, barmab was OK'd by the FDA for HCC previously treated with sorafenib.",
    "In this made-up story, the FDA okayed barmab for second-line HCC.",
    "In this made-up story, the FDA greenlit barmab for second-line HCC.",
])
def test_news_idioms_of_approval(body):
    assert facts(body) == {("barmab", "hcc", "fda", "second_line")}


@pytest.mark.parametrize("body", [
    "In this made-up story, the FDA gave the go-ahead for a phase 3 trial of barmab in HCC.",
    "In this made-up story, barmab got the green light to start testing in HCC from the FDA.",
    "In this made-up story, barmab has been a mixed blessing for patients with HCC.",
])
def test_a_go_ahead_to_test_or_a_mixed_blessing_is_no_approval(body):
    assert facts(body) == set()


@pytest.mark.parametrize("agents", [
    "Barvio (barmab) in combination with anti-PD-L1 antibody Foovia (foonib)",
    "barmab plus multikinase inhibitor foonib",
    "a single priming dose of barmab added to foonib",
    "barmab (Zentrix; Acme Pharma) injection, in combination with foonib",
    "the Barvio, Foovia combo",
])
def test_a_partner_after_a_description_or_an_aside_is_one_regimen(agents):
    body = f"In this made-up story, the FDA approved {agents} for the first-line treatment of HCC."
    assert facts(body) == {(REGIMEN, "hcc", "fda", "first_line")}


def test_a_comma_list_without_a_combination_noun_is_no_regimen():
    body = "In this made-up story, the FDA approved barmab, foonib and sorafenib for the first-line treatment of HCC."
    assert REGIMEN not in {f[0] for f in facts(body)}


@pytest.mark.parametrize("tail, agencies", [
    ("in many countries around the world, including the USA, Japan and in the EU", {"fda", "mhlw", "ec"}),
    ("in more than 90 countries, including China and Canada", {"nmpa", "health_canada"}),
    ("in several markets such as Japan and the EU", {"mhlw", "ec"}),
])
def test_places_listed_after_countries_including_are_jurisdictions(tail, agencies):
    body = f"In this made-up story, barmab is already approved for the treatment of HCC {tail}."
    assert {f[2] for f in facts(body)} == agencies


def test_a_trial_s_countries_are_no_jurisdictions():
    body = ("In this made-up story, the FDA approved barmab for HCC on a trial run at 100 sites in 19 countries, "
            "including Japan and China.")
    assert {f[2] for f in facts(body)} == {"fda"}


@pytest.mark.parametrize("when, year", [("in late 2031", 2031), ("in early 2030", 2030), ("in mid-2029", 2029)])
def test_a_year_with_early_late_or_mid_dates_the_approval(when, year):
    a = one(f"In this made-up story, barmab was approved by the FDA {when} for the treatment of unresectable HCC.")
    assert a.attribute_values("year") == [year]


@pytest.mark.parametrize("heading, body, agency", [
    ("China's FDA Approves Foonib For HCC", "Foonib is now approved for unresectable HCC.", "nmpa"),
    ("Invented notes", "In this made-up story, Japan's health ministry approved foonib for unresectable HCC.", "mhlw"),
    ("Invented notes", "In this made-up story, Canada's drug regulator approved foonib for unresectable HCC.",
     "health_canada"),
])
def test_a_place_s_own_regulator_stands_for_the_agency_named_after_it(heading, body, agency):
    assert {f[2] for f in facts(body, heading)} == {agency}


def test_a_possessive_place_before_something_else_is_no_regulator():
    body = "In this made-up story, the FDA approved foonib for unresectable HCC, China's most common liver cancer."
    assert {f[2] for f in facts(body)} == {"fda"}


@pytest.mark.parametrize("date_line, stated", [("November 2031", "November 2031"), ("12 March 2030", "12 March 2030"),
                                               ("March 12, 2030", "March 12, 2030")])
def test_a_date_line_below_the_title_dates_the_notice(date_line, stated):
    text = (f"The FDA Approves Foonib For Unresectable HCC\n{date_line}\n"
            "The agency announced that it has approved foonib for unresectable HCC in this invented notice.\n")
    found = [a for a in read(text) if a.is_fact and a.object == "hcc"]
    assert found and {tuple(a.attribute_values("approval_date")) for a in found} == {(stated,)}


def test_a_subtitle_naming_a_date_later_is_no_dateline():
    text = ("The FDA Approves Foonib For Unresectable HCC\nAn invented subtitle recalling June 2031\n"
            "The agency announced that it has approved foonib for unresectable HCC in this invented notice.\n")
    found = [a for a in read(text) if a.is_fact and a.object == "hcc"]
    assert found and {tuple(a.attribute_values("approval_date")) for a in found} == {()}


@pytest.mark.parametrize("body", [
    "In this made-up story, the NMPA has signed off on barmab for patients with HCC who received no prior systemic "
    "therapy.",
    "In this made-up story, the NMPA cleared barmab for frontline HCC.",
    "In this made-up story, the NMPA rubber-stamped barmab for first-line HCC.",
])
def test_more_news_idioms_of_approval(body):
    assert facts(body) == {("barmab", "hcc", "nmpa", "first_line")}


@pytest.mark.parametrize("body", [
    "In this made-up story, the NMPA cleared barmab for a phase 3 trial in first-line HCC.",
    "In this made-up story, barmab is cleared by the liver in patients with HCC.",
])
def test_cleared_for_a_trial_or_from_the_body_is_no_approval(body):
    assert facts(body) == set()


@pytest.mark.parametrize("same", ["for the same use", "for the same indication", "for this indication"])
def test_an_approval_for_the_same_use_takes_the_line_told_before(same):
    body = ("In this invented history, the NMPA approved foonib as a first-line treatment for HCC in May. "
            f"Soon after, foonib was approved by the European Commission {same}.")
    assert facts(body) == {("foonib", "hcc", "nmpa", "first_line"), ("foonib", "hcc", "ec", "first_line")}


def test_an_approval_not_said_to_be_for_the_same_use_keeps_no_line():
    body = ("In this invented history, the NMPA approved foonib as a first-line treatment for HCC in May. "
            "Soon after, foonib was approved by the European Commission for HCC.")
    assert ("foonib", "hcc", "ec", None) in facts(body)


@pytest.mark.parametrize("when", ["in May", "on 29 May", "in early May", "in May 2031"])
def test_an_approval_in_may_is_not_hedged_by_the_month(when):
    assert facts(f"In this invented history, the FDA approved foonib for HCC {when}.") == {("foonib", "hcc", "fda", None)}


@pytest.mark.parametrize("when", ["In May,", "In May of 2031,", "By May,"])
def test_a_sentence_opening_with_the_month_may_is_not_hedged_by_it(when):
    assert facts(f"{when} the FDA approved foonib for HCC in this invented history.") == {("foonib", "hcc", "fda", None)}


def test_may_as_a_verb_still_hedges():
    assert facts("In this invented history, the FDA may approve foonib for HCC.") == set()


@pytest.mark.parametrize("again", ["It is the first HCC nod for barmab.", "This marks the first approval of barmab in HCC."])
def test_a_restatement_of_a_combinations_approval_for_one_drug_is_that_approval(again):
    body = f"In this invented history, the FDA approved barmab plus foonib for HCC on Monday. {again}"
    assert facts(body) == {(REGIMEN, "hcc", "fda", None)}


def test_a_web_address_above_the_heading_lends_the_notice_no_agency():
    text = ("https://news.example.org/FDA/pretend-notices/item-12\nFoonib Approved for HCC\n\n"
            "In this invented notice, the approval covers foonib for the first-line treatment of HCC.\n")
    assert {(a.subject, a.object, a.context_value("agency"), a.context_value("line"))
            for a in read(text) if a.is_fact} == {("foonib", "hcc", None, "first_line")}


def test_a_headline_takes_the_line_its_lede_states_though_an_earlier_approval_has_another():
    body = ("In this invented notice, the FDA has approved foonib plus barmab for the first-line treatment of HCC. "
            "This builds on an earlier accelerated FDA approval of foonib plus barmab for HCC previously treated "
            "with sorafenib.")
    assert facts(body, heading="FDA Approves Foonib Plus Barmab for Unresectable HCC") == \
        {(REGIMEN, "hcc", "fda", "first_line"), (REGIMEN, "hcc", "fda", "second_line")}


@pytest.mark.parametrize("body, expected", [
    ("In this invented review, foonib is the only approved first-line treatment for HCC.",
     {("foonib", "hcc", None, "first_line")}),
    ("In this invented review, barmab remains an approved second-line option for HCC after sorafenib.",
     {("barmab", "hcc", None, "second_line")}),
    # a class with its members is no predicate of a subject; a negated predicate is no approval
    ("In this invented review, HCC is a cancer with approved agents such as foonib.", set()),
    ("In this invented review, foonib is not an approved first-line treatment for HCC.", set()),
    # ... or of the name after the verb, the class first (after a fronted phrase too)
    ("In this invented history, the only approved first-line therapy for HCC in Europe was foonib.",
     {("foonib", "hcc", "ec", "first_line")}),
    ("In this invented history, the first approved second-line agent for HCC was the antibody barmab.",
     {("barmab", "hcc", None, "second_line")}),
    ("In this invented history, the only approved first-line therapy for HCC is not foonib.", set()),
    ("In this invented history, the next approved first-line therapy for HCC could be foonib.", set()),
    # ... or of the names it includes
    ("In this invented history, approved first-line agents for HCC include foonib and sorafenib.",
     {("foonib", "hcc", None, "first_line"), ("sorafenib", "hcc", None, "first_line")}),
    ("In this invented history, approved first-line agents for HCC may soon include foonib.", set()),
])
def test_an_approved_class_predicated_of_its_subject_is_an_approval_without_an_agency(body, expected):
    assert facts(body) == expected


def test_a_drugless_statement_of_the_approvals_names_the_regulator_of_those_left_without_one():
    body = ("In this invented notice, foonib plus barmab was approved for unresectable HCC. "
            "Barmab was also authorised for unresectable HCC as monotherapy. "
            "The concurrent approvals by the MHLW rest on two pretend trials.")
    assert facts(body) == {(REGIMEN, "hcc", "mhlw", None), ("barmab", "hcc", "mhlw", None)}


def test_a_drugless_statement_lends_no_regulator_when_the_document_names_two():
    body = ("In this invented notice, foonib was approved for unresectable HCC. "
            "Barmab was approved by the FDA for unresectable HCC. "
            "The approvals by the MHLW rest on a pretend trial.")
    assert ("foonib", "hcc", None, None) in facts(body)


@pytest.mark.parametrize("body", [
    "In this invented notice, the FDA approved foonib for unresectable HCC versus Acme's sorafenib in a pretend trial.",
    "In this invented notice, the FDA approval for HCC rests on a trial in which patients treated with foonib "
    "experienced a 30% reduction in the risk of death versus Acme's sorafenib.",
])
def test_a_comparator_named_with_its_maker_is_no_approved_agent(body):
    assert not any(f[0] == "sorafenib" for f in facts(body))


def test_the_treatment_of_a_trial_arm_is_no_prior_therapy_and_gives_no_line():
    body = ("In this invented notice, the FDA approved foonib plus barmab for unresectable HCC. "
            "The approval was based on a pretend trial, which showed that patients treated with foonib in combination "
            "with barmab experienced a 30% reduction in the risk of death.")
    assert facts(body, heading="Pretend Company Gets FDA Approval for Foonib Plus Barmab") == {(REGIMEN, "hcc", "fda", None)}


def test_a_lone_regulator_of_a_review_is_not_lent_to_an_approval_told_without_one():
    body = ("In this invented review, foonib was approved by the FDA for second-line HCC. "
            "Subsequently, barmab also received regulatory approval in HCC patients treated with sorafenib. "
            "The FDA approval of the drug was based on a pretend trial.")
    assert ("barmab", "hcc", None, "second_line") in facts(body)


def test_both_regimens_are_the_two_combinations_named_last_before():
    body = ("In this invented review, one pretend trial showed that foonib plus barmab improved survival. "
            "Another showed that quxmab plus lenvatinib did too. Both regimens have received approval from the FDA "
            "as first-line therapies for HCC.")
    assert facts(body) == {(REGIMEN, "hcc", "fda", "first_line"),
                           (regimen_key(["lenvatinib", "quxmab"]), "hcc", "fda", "first_line")}


def test_a_fronted_approval_takes_no_line_from_a_main_clause_about_a_class():
    body = "Since the approval of foonib for HCC, many kinase inhibitors have shown activity as first-line treatments."
    assert facts(body) == {("foonib", "hcc", None, None)}


def test_a_heading_that_states_no_approval_lends_no_line():
    assert facts("In this invented history, foonib was approved for HCC in 2031.",
                 heading="Second-line options for invented HCC") == {("foonib", "hcc", None, None)}


def test_an_event_set_aside_before_the_comma_is_its_own_statement():
    body = ("Apart from the FDA acceptance of a filing, foonib has already received approval from the NMPA "
            "as a first-line treatment for HCC in May 2031.")
    assert facts(body) == {("foonib", "hcc", "nmpa", "first_line")}


def test_an_approved_class_with_the_drug_named_right_after_its_noun_is_that_drug_approved():
    assert facts("In this invented review, the newly approved first-line drug foonib changed HCC care.") == \
        {("foonib", "hcc", None, "first_line")}
    # the class alone, or with examples, stays a class
    assert facts("In this invented review, the approved drugs changed HCC care, and foonib was tested.") == set()


@pytest.mark.parametrize("body, expected", [
    # "until ... was approved" tells when it happened
    ("No made-up therapy helped in HCC until foonib was approved by the FDA.", {("foonib", "hcc", "fda", None)}),
    ("Invented patients fared badly in HCC until foonib had been authorised by the FDA.", {("foonib", "hcc", "fda", None)}),
    # "until/once it is approved" is a condition still to come
    ("Invented patients with HCC must wait until foonib is approved by the FDA.", set()),
    ("Once approved by the FDA, foonib will be used in HCC in this pretend plan.", set()),
])
def test_until_a_past_approval_states_it_and_until_a_coming_one_does_not(body, expected):
    assert facts(body) == expected


def test_a_class_set_apart_names_no_approval_of_the_headings_drug():
    body = "In a made-up past, the FDA approved the first MET inhibitor for HCC after prior sorafenib."
    assert facts(body, heading="Maker drops a foonib indication") == set()


@pytest.mark.parametrize("body, expected", [
    ("In this invented history, foonib received a new indication from the FDA last spring: HCC in adults whose "
     "disease progressed on sorafenib.", {("foonib", "hcc", "fda", "second_line")}),
    ("In this invented history, foonib gains an additional indication in Japan for first-line HCC.",
     {("foonib", "hcc", "mhlw", "first_line")}),
    # hoped for or denied, no approval
    ("In this invented history, foonib is expected to receive a new indication from the FDA for first-line HCC.", set()),
    ("In this invented history, foonib did not receive a new indication from the FDA for first-line HCC.", set()),
])
def test_a_new_indication_received_or_gained_is_an_approval(body, expected):
    assert facts(body) == expected


def test_the_disease_named_for_after_the_approval_word_is_the_indication_not_one_before_it():
    body = "The company sells a widely used lung cancer medicine and barmab, approved this year for melanoma."
    assert {(a.subject, a.object) for a in approvals(body) if a.is_fact} == {("barmab", "melanoma")}


@pytest.mark.parametrize("body", [
    "The application to agencies in the U.S. and Japan to extend the marketing authorisation of foonib to second-line "
    "HCC follows two invented trials.",
    "Acme applied to expand the label of foonib to HCC.",
    "Acme now seeks approval for foonib to treat HCC.",
])
def test_an_application_to_extend_a_licence_or_approval_sought_is_no_approval(body):
    assert not [a for a in approvals(body) if a.is_fact and a.object == "hcc"]


def test_an_approval_told_without_its_agent_lends_its_line_to_its_own_agent_only():
    # "This approval" is foonib's (the approval after it names foonib first); lenvatinib's and barmab's approvals,
    # told in passing, state no line and take none from it
    body = ("This approval was based on an invented trial in which foonib improved survival in people previously "
            "treated with sorafenib. The approval of foonib for HCC comes soon after the approval of lenvatinib last "
            "August and barmab for HCC in November.")
    found = facts(body)
    assert ("foonib", "hcc", None, "second_line") in found
    assert ("lenvatinib", "hcc", None, None) in found and ("barmab", "hcc", None, None) in found


def test_a_notice_s_dateline_gives_way_to_the_approval_s_own_date():
    text = ("FDA Approves Foonib for HCC\n\nJanuary 2031, Vol 3, No 1\n\n"
            "On October 21, 2030, the FDA approved foonib for the treatment of adults with HCC.\n")
    dates = {(k, v) for a in read(text) if a.is_fact for k, v in a.attributes if k in ("approval_date", "year")}
    assert dates == {("approval_date", "October 21, 2030"), ("year", 2030)}


def test_a_notice_s_dateline_dates_an_approval_no_sentence_dates():
    text = "Foonib Approved by the FDA for HCC\nJanuary 2031\n\nThe FDA approved foonib for the treatment of adults with HCC.\n"
    assert {v for a in read(text) if a.is_fact for k, v in a.attributes if k == "approval_date"} == {"January 2031"}


def test_a_counted_subject_s_drugs_listed_after_the_basis_are_the_approved_agents():
    body = ("In second-line HCC, two invented kinase inhibitors have been approved after sorafenib by the FDA based on the "
            "results of made-up phase 3 trials: foonib and regorafenib.")
    found = facts(body, "Invented notes on HCC")
    assert {("foonib", "hcc", "fda", "second_line"), ("regorafenib", "hcc", "fda", "second_line")} <= found


def test_the_drug_an_approved_one_was_superior_to_in_an_endpoint_is_its_comparator():
    found = facts("In this invented history, foonib was approved by the FDA for advanced HCC after showing superior "
                  "overall survival and progression-free survival to sorafenib in a phase 3 trial.")
    assert found == {("foonib", "hcc", "fda", None)}
