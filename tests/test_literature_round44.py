"""Shapes read from trial reports of the forty-fourth round (invented sentences, packaged vocabulary and lexicon): two
roles sharing one plural noun ("in the combination and control groups") name the two arms in the order written; trial
names listed after a plural trial word and a dash, colon, bracket or "namely" ("two phase 3 studies: NAME and OTHER-3")
are trials."""

from __future__ import annotations

from decimal import Decimal

import pytest

from trial_facts import read, values
from hcc_kg.extract import extract_document
from hcc_kg.model import Document


@pytest.mark.parametrize("run, first, second", [
    ("in the combination and control groups, respectively", "regimen__donafenib__tace", "tace"),
    ("in the combination and monotherapy arms", "regimen__donafenib__tace", "tace"),
    ("in the control and combination groups, respectively", "tace", "regimen__donafenib__tace"),
    ("in the control and experimental arms", "tace", "regimen__donafenib__tace"),
])
def test_two_roles_sharing_a_plural_noun_name_the_arms_in_order(run, first, second, vocabulary, finder):
    # (before, "the combination" was read as the combination's drugs and the other role word not at all, and the
    # two rates went to the arms the wrong way round)
    text = ("In the randomised phase 3 OSPREY-4 trial, 212 patients received donafenib plus TACE (n = 106) or TACE "
            f"alone (n = 106). Two-year survival rates were 47.5% and 33.9% {run}.")
    found = {(arm, value) for arm, endpoint, value in values(read(text, vocabulary, finder)) if endpoint == "os"}
    assert found == {(first, Decimal("47.5")), (second, Decimal("33.9"))}


@pytest.mark.parametrize("listing", [
    "two phase 3 studies \u2013 KESTREL and OSPREY-3",
    "two phase 3 studies: KESTREL and OSPREY-3",
    "two phase 3 studies (KESTREL and OSPREY-3)",
    "two phase 3 studies, namely KESTREL and OSPREY-3",
])
def test_names_listed_after_a_plural_trial_word_are_trials(listing, vocabulary, finder):
    # (before, a name without digits was a trial only right before "trial" or "study"; a dash is read as a comma)
    text = f"Lenvatinib gains a wider label\n\nThe regulator's decision drew on {listing}.\n"
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    names = {dict(a.attributes).get("trial_name") for a in facts if a.predicate == "isClinicalTrial"}
    assert {"KESTREL", "OSPREY-3"} <= names


def _approvals(text: str, vocabulary, finder) -> set[tuple[str, str]]:
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    return {(a.subject, a.object) for a in facts if a.predicate == "approvedFor" and a.evidence[0].is_assertive}


def test_the_drug_approved_without_a_disease_in_a_trial_s_news_is_no_approval_for_its_disease(vocabulary, finder):
    # (before, "the drug" took the document's disease: a standing for whatever disease became an HCC approval)
    text = ("Tislelizumab keeps responses going in pretreated liver cancer\n\n"
            "In a phase 2 study of 240 adults with hepatocellular carcinoma, tislelizumab gave a median overall "
            "survival of 12.4 months. In Japan the drug is approved already; elsewhere it remains under study.\n")
    assert _approvals(text, vocabulary, finder) == set()


def test_the_drug_approved_without_a_disease_in_an_approval_notice_is_approved_for_its_disease(vocabulary, finder):
    # (a guard: the heading reports the decision, so the notice's disease is the approval's)
    text = ("Regulator approves tislelizumab for hepatocellular carcinoma\n\n"
            "Tislelizumab helps adults with hepatocellular carcinoma who progressed on sorafenib. "
            "The drug is approved in Japan from today.\n")
    assert ("tislelizumab", "hcc") in _approvals(text, vocabulary, finder)


def test_a_second_count_spelled_out_with_its_noun_left_out_sizes_its_arm(vocabulary, finder):
    # (before, only a count before "patients" or a verb was read as digits: "and thirty-four with B" sized nothing)
    text = ("In a randomised phase 2 study of lenvatinib against sorafenib, 31 patients were allocated to lenvatinib and "
            "thirty-four to sorafenib. Median OS was 12.1 months with lenvatinib and 9.4 months with sorafenib.")
    sizes = {(a.subject.rsplit("__", 1)[-1], a.object) for a in read(text, vocabulary, finder) if a.predicate == "armSize"}
    assert sizes == {("lenvatinib", 31), ("sorafenib", 34)}


@pytest.mark.parametrize("comparison", [
    "Those in the donafenib group showed higher partial response and disease control rates than those in the "
    "sorafenib group (31.0% versus 12.0%; 77.0% versus 58.0%)",
    "Donafenib showed higher partial response and disease control rates than sorafenib (31.0% vs. 12.0% and 77.0% vs. "
    "58.0%)",
])
def test_a_comparison_with_its_subject_arm_before_the_endpoints_pairs_each_endpoint_s_values(comparison, vocabulary, finder):
    # (before, the first pair went to the disease control rate: the subject arm before the endpoints was not counted)
    text = (f"In this randomised phase 2 study, 90 adults received donafenib (n = 45) or sorafenib (n = 45). {comparison}.")
    assert {v for v in values(read(text, vocabulary, finder)) if v[1] == "dcr"} == {
        ("donafenib", "dcr", Decimal("77.0")), ("sorafenib", "dcr", Decimal("58.0"))}


def test_a_drug_named_after_since_marks_a_time_not_an_approved_agent(vocabulary, finder):
    # (before, "the first medicine since A to be approved" made A the approved agent)
    text = ("Regulator clears cabozantinib for pretreated liver cancer\n\n"
            "The regulator approved cabozantinib for adults with hepatocellular carcinoma after lenvatinib. "
            "It is the first medicine since lenvatinib to be approved for liver cancer in Canada.\n")
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert {a.subject for a in facts if a.predicate == "approvedFor"} == {"cabozantinib"}


def test_a_long_name_that_drops_a_letter_of_its_ending_is_the_drug_it_misspells(vocabulary, finder):
    # (before, a misspelling had to keep the name's last three letters: "surufatinb" named nothing)
    text = ("Surufatinib in neuroendocrine and liver tumours\n\nSurufatinib was given once daily. "
            "Surufatinb is an oral agent that inhibits VEGFR1 and CSF1R.\n")
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert {(a.subject, a.object) for a in facts if a.predicate == "inhibits"} == {("surufatinib", "flt1"),
                                                                               ("surufatinib", "csf1r")}


def test_a_second_predicate_with_its_auxiliary_left_out_is_its_own_clause(vocabulary, finder):
    # (before, "..., and designated an orphan drug by the FDA for D2" stayed in the approval's clause and hedged it)
    text = ("Company news\n\nDonafenib inhibits RAF. Chinese regulators have approved donafenib for untreated "
            "hepatocellular carcinoma, and granted it priority review for thyroid cancer.\n")
    assert _approvals(text, vocabulary, finder) == {("donafenib", "hcc")}


def test_a_share_that_responded_with_its_interval_before_of_patients_is_the_response_rate(vocabulary, finder):
    # (before, the bracket between the share and "of patients" hid the response)
    text = ("In the single-arm phase 2 HERON-7 study, 80 adults received apatinib. Overall, 35% (95% CI, 25-46%) "
            "of patients responded to apatinib.")
    assert values(read(text, vocabulary, finder)) == {("rivoceranib", "orr", Decimal("35"))}


def test_doses_listed_after_a_colon_each_with_its_patients_are_cohorts(vocabulary, finder):
    # (before, the list gave the trial's one arm only, sized by the total)
    text = ("A phase 1b study of pembrolizumab plus lenvatinib in advanced HCC\n\n"
            "Dose levels and the patients treated: 8 mg/kg weekly (qw) (12), 12 mg/kg qw (10) and 600 mg every 3 weeks "
            "(8). No dose was too toxic.\n")
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    cohorts = {a.subject: a.object for a in facts if a.predicate == "armCohort"}
    sizes = {cohorts[a.subject]: a.object for a in facts if a.predicate == "armSize" and a.subject in cohorts}
    assert sizes == {"8 mg/kg weekly": 12, "12 mg/kg qw": 10, "600 mg every 3 weeks": 8}


def test_a_study_of_one_drug_with_another_studies_their_combination(vocabulary, finder):
    # (before, "a study of A with B" named two drugs and no arm: "with" glued a regimen only after "received")
    text = ("A phase 2 study of pembrolizumab with lenvatinib in unresectable HCC\n\n"
            "Fifty patients were treated. Median PFS was 9.3 months.\n")
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert {a.object for a in facts if a.predicate == "armIntervention"} == {"regimen__lenvatinib__pembrolizumab"}


def test_a_dash_whose_spaces_were_lost_before_namely_opens_the_aside(vocabulary, finder):
    # (before, "targets-namely" was one word and the targets after it were nobody's)
    text = "Cabozantinib owes its effect to its three targets-namely, MET, AXL and VEGFR2.\n"
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert {a.object for a in facts if a.predicate == "inhibits"} == {"c_met", "axl", "kdr"}


_TWO_ARMS = ("In the phase 3 KITE-9 trial, adults received tislelizumab plus ociperlimab (n = 301) or investigator's choice "
             "of sorafenib or lenvatinib (n = 299). ")


@pytest.mark.parametrize("result, expected", [
    ("Investigators saw a 29% objective response rate with the combination, far above the 11% with standard care.",
     {("regimen__ociperlimab__tislelizumab", "orr", Decimal("29")), ("physicians_choice", "orr", Decimal("11"))}),
    ("Investigators saw a 29% objective response rate with tislelizumab plus ociperlimab.",
     {("regimen__ociperlimab__tislelizumab", "orr", Decimal("29"))}),
])
def test_a_share_printed_before_the_rate_it_is_goes_to_the_arm_after_the_rate_s_name(result, expected, vocabulary, finder):
    # (before, the arm after the rate's name was not the share's: with another share after it, the two went the wrong
    # way round; alone, it went nowhere)
    assert values(read(_TWO_ARMS + result, vocabulary, finder)) == expected


def test_endpoints_listed_then_one_compared_pair_each_go_to_the_trial_s_arms_in_order(vocabulary, finder):
    # (before, the second endpoint took the first pair and the first endpoint none)
    text = ("In this randomised phase 2 study, 70 adults received donafenib (n = 35) or sorafenib (n = 35). "
            "The ORR and DCR were 26% vs 9% and 71% vs 54%.")
    assert values(read(text, vocabulary, finder)) == {
        ("donafenib", "orr", Decimal("26")), ("sorafenib", "orr", Decimal("9")),
        ("donafenib", "dcr", Decimal("71")), ("sorafenib", "dcr", Decimal("54"))}


def test_a_group_misprinted_in_a_unit_its_endpoint_cannot_have_leaves_the_other_groups_in_place(vocabulary, finder):
    # (before, one response rate printed in months dropped every endpoint's pair)
    text = ("In the phase 3 OSPREY-5 trial, 900 adults received donafenib or sorafenib. Median PFS, TTP and ORR each "
            "favoured donafenib: 6.1 vs. 3.9 mo., 7.7 vs. 4.0 mo. and 19.5 vs. 8.8 mo.")
    assert values(read(text, vocabulary, finder)) == {
        ("donafenib", "pfs", Decimal("6.1")), ("sorafenib", "pfs", Decimal("3.9")),
        ("donafenib", "ttp", Decimal("7.7")), ("sorafenib", "ttp", Decimal("4.0"))}


def _trial_facts(text: str, vocabulary, finder):
    return extract_document(Document.from_text("d1", text), vocabulary, finder)


def test_a_ratio_bracket_and_a_dose_alternative_leave_the_randomised_arms_standing(vocabulary, finder):
    # (before, the bracket's drug merged into the placebo arm and the trial kept one arm)
    text = ("Eligible adults were randomized to tivantinib 240 mg or 120 mg, or to placebo (2:1, tivantinib vs "
            "placebo). Median TTP was 1.8 months with tivantinib and 1.3 months with placebo.")
    assert {a.object for a in _trial_facts(text, vocabulary, finder) if a.predicate == "armIntervention"} == {
        "tivantinib", "placebo"}


def test_items_of_a_list_a_subgroup_s_sentence_opens_with_a_colon_are_the_subgroup_s(vocabulary, finder):
    # (before, each item's values went to the whole arms, beside the trial's own)
    text = ("Adults were randomized to receive tivantinib or placebo. Median TTP was 1.8 months in the tivantinib arm "
            "and 1.3 months in the placebo arm.\n\nIn the FGF19-high cohort, every endpoint improved:\n\n"
            "- OS: a median of 6.1 months with tivantinib, 3.3 months with placebo\n\n"
            "- TTP: a median of 2.6 months with tivantinib, 1.2 months with placebo\n")
    assert values(_trial_facts(text, vocabulary, finder)) == {("tivantinib", "ttp", Decimal("1.8")),
                                                             ("placebo", "ttp", Decimal("1.3"))}


def test_other_study_endpoints_are_the_trial_s_own(vocabulary, finder):
    # (before, "Other study endpoints" read as a remark on other studies and ended the trial's context)
    text = ("Adults were randomized to receive tivantinib or placebo. The primary endpoint was TTP. Other study "
            "endpoints included DCR and OS. TTP was longer than with placebo (HR=0.71; 90% CI=0.52-0.97).")
    ratios = {dict(a.attributes)["hazard_ratio"] for a in _trial_facts(text, vocabulary, finder)
              if a.predicate == "hasEffectEstimate"}
    assert ratios == {Decimal("0.71")}


def test_a_single_arm_trial_gives_the_one_regimen_that_holds_every_other_the_text_names(vocabulary, finder):
    # (before, a regimen named whole in the title and in parts below left the single-arm trial with no arm)
    text = ("Toripalimab plus lenvatinib plus HAIC with FOLFOX in bulky HCC\n\n"
            "The single-arm phase 2 trial enrolled 30 patients. HAIC with FOLFOX plus toripalimab was repeated every "
            "3 weeks, and lenvatinib was taken daily from day 3. Median PFS was 9.1 months.\n")
    facts = _trial_facts(text, vocabulary, finder)
    assert {a.object for a in facts if a.predicate == "armIntervention"} == {
        "regimen__fluorouracil__hepatic_arterial_infusion_chemotherapy__lenvatinib__leucovorin__oxaliplatin__toripalimab"}
    assert {(v[1], v[2]) for v in values(facts)} == {("pfs", Decimal("9.1"))}


def test_patients_screened_before_those_enrolled_are_no_size(vocabulary, finder):
    # (before, "who they are" ran over "were screened and": the screened count became the arm's size)
    text = ("Donafenib before resection of HCC: a single-arm phase 2 trial\n\nAcross two centres 31 patients with "
            "liver tumours were screened for eligibility and 26 patients with operable disease were subsequently enrolled. "
            "All took donafenib for eight weeks before surgery. The ORR was 19.2%.\n")
    assert {a.object for a in _trial_facts(text, vocabulary, finder) if a.predicate == "armSize"} == {26}


def test_randomisation_denied_does_not_make_a_single_arm_trial_randomised(vocabulary, finder):
    # (before, "the lack of randomization" made the document randomise, and the single arm's median went unread)
    text = ("Donafenib keeps its promise in the phase 2 KESTREL-8 trial\n\nIn the phase 2 KESTREL-8 trial, 120 patients "
            "with pretreated HCC received donafenib. Being without randomisation, the study can only hint at a benefit. "
            "Median overall survival was 11.7 months.\n")
    assert values(_trial_facts(text, vocabulary, finder)) == {("donafenib", "os", Decimal("11.7"))}


@pytest.mark.parametrize("number", ["ChiCTR2200056789", "ChiCTR-IPR-17012345", "jRCT2031210123", "UMIN000045678"])
def test_a_trial_registered_in_china_or_japan_is_named_by_its_registry_number(number, vocabulary, finder):
    # (before, only an NCT number named a trial: these trials stayed unnamed)
    text = (f"A single-arm phase 2 trial of donafenib (registry {number}) enrolled 30 patients with HCC, who received "
            "donafenib. The ORR was 30.0%.")
    names = {dict(a.attributes).get("trial_name") for a in _trial_facts(text, vocabulary, finder)
             if a.predicate == "isClinicalTrial"}
    assert names == {number}


def test_a_median_not_reached_is_no_verdict_on_the_primary_endpoint(vocabulary, finder):
    # (before, "median DoR was not reached" read as "the primary endpoint was not reached": a failed trial)
    text = ("In the phase 2 HERON-8 study, 150 patients with pretreated HCC received tislelizumab. The primary endpoint "
            "was ORR. ORR was 15.3%, the median duration of response was not reached, and median OS was 12.8 months.")
    trials = [dict(a.attributes) for a in _trial_facts(text, vocabulary, finder) if a.predicate == "isClinicalTrial"]
    assert trials and all("primary_endpoint_met" not in t for t in trials)
