"""Shapes read from abstracts and news (invented sentences, packaged vocabulary and lexicon): a comparison put first
inside a clause ("The study showed that, compared with B, A ..."), whose order decides whose value comes first, and
two values after the sentence before compared two of a trial's three arms."""

from __future__ import annotations

from decimal import Decimal

import pytest

from trial_facts import arm_agents, arm_of, read, sizes, values

from hcc_kg.extract import extract_document
from hcc_kg.model import Document


@pytest.mark.parametrize("text", [
    "The invented phase 3 ZEPHYR-9 study showed that, compared with placebo, regorafenib improved median overall "
    "survival (14.6 vs 11.1 months; HR 0.79, 95% CI 0.63-0.99).",
    "The invented phase 3 ZEPHYR-9 study showed that compared with placebo, regorafenib improved median overall "
    "survival (14.6 vs 11.1 months; HR 0.79, 95% CI 0.63-0.99).",
    "In the invented phase 3 ZEPHYR-9 study, compared with placebo, regorafenib improved median overall survival "
    "(14.6 vs 11.1 months; HR 0.79, 95% CI 0.63-0.99).",
])
def test_a_comparison_put_first_inside_a_clause_names_both_arms_and_their_order(text, vocabulary, finder):
    facts = read(text, vocabulary, finder)
    assert arm_agents(facts) == {"regorafenib", "placebo"}
    assert values(facts) == {("regorafenib", "os", Decimal("14.6")), ("placebo", "os", Decimal("11.1"))}


def test_a_value_after_a_comparison_named_earlier_in_the_sentence_is_not_fronted(vocabulary, finder):
    # the agent named before "compared with" is the subject: no fronted comparison, the usual order
    text = ("In the invented phase 3 ZEPHYR-9 study, regorafenib, compared with placebo, improved median overall "
            "survival (14.6 vs 11.1 months).")
    assert values(read(text, vocabulary, finder)) == {("regorafenib", "os", Decimal("14.6")),
                                                     ("placebo", "os", Decimal("11.1"))}


def test_two_values_after_the_sentence_before_compared_two_of_three_arms(vocabulary, finder):
    text = ("In the invented phase 3 ZEPHYR-9 trial, patients were randomised to lenvatinib plus pembrolizumab, "
            "pembrolizumab alone, or sorafenib. Lenvatinib plus pembrolizumab improved overall survival compared with "
            "sorafenib (HR 0.78, 95% CI 0.66-0.92). The median OS was 16.4 months (95% CI, 14.2-19.6) versus 13.8 "
            "months (95% CI, 12.3-16.1), respectively.")
    got = values(read(text, vocabulary, finder))
    assert got == {("regimen__lenvatinib__pembrolizumab", "os", Decimal("16.4")), ("sorafenib", "os", Decimal("13.8"))}


def trials(facts: list) -> dict[str, dict]:
    return {a.subject: dict(a.attributes) for a in facts if a.predicate == "isClinicalTrial"}


def test_a_title_describing_a_trial_names_it_in_its_closing_bracket(vocabulary, finder):
    text = ("A trial looking at regorafenib and sorafenib for invented liver tumours (ZEPHYR-FL)\n\n"
            "This trial compared regorafenib with sorafenib in the pretend population. This phase 3 trial recruited "
            "1,100 people. 550 people took sorafenib and 550 people took regorafenib.")
    facts = extract_document(Document.from_text("d1", text + "\n"), vocabulary, finder)
    assert trials(facts) == {"trial__zephyrfl": {"trial_name": "ZEPHYR-FL", "phase": "III"}}
    assert arm_agents(facts) == {"regorafenib", "sorafenib"}


def test_a_title_closing_on_a_disease_s_short_form_names_no_trial(vocabulary, finder):
    text = ("A study of regorafenib in hepatocellular carcinoma (HCC)\n\n"
            "This study compared regorafenib with sorafenib in the pretend population.")
    facts = extract_document(Document.from_text("d1", text + "\n"), vocabulary, finder)
    assert all(not key.startswith("trial__hcc") for key in trials(facts))


def test_this_phase_n_trial_gives_the_named_trial_in_context_its_phase(vocabulary, finder):
    text = ("The ZEPHYR-7 trial looked at regorafenib and sorafenib in invented liver tumours. This phase 3 trial "
            "recruited 1,100 people.")
    assert trials(read(text, vocabulary, finder))["trial__zephyr7"]["phase"] == "III"


def test_an_ongoing_unnamed_trial_with_nothing_reported_is_no_trial(vocabulary, finder):
    text = ("Regorafenib is being developed for invented tumours. In addition, an ongoing global, phase 3 trial is "
            "evaluating regorafenib as first-line treatment in unresectable hepatocellular carcinoma.")
    assert trials(read(text, vocabulary, finder)) == {}


def test_a_trial_said_to_be_evaluating_a_drug_is_kept_once_its_results_are_reported(vocabulary, finder):
    text = ("A phase 3 trial is evaluating regorafenib versus sorafenib as first-line treatment in a pretend population. "
            "Median OS was 13.6 months with regorafenib and 12.3 months with sorafenib.")
    facts = read(text, vocabulary, finder)
    assert len(trials(facts)) == 1
    assert values(facts) == {("regorafenib", "os", Decimal("13.6")), ("sorafenib", "os", Decimal("12.3"))}


def test_a_trial_card_s_title_name_and_its_registry_number_are_one_trial(vocabulary, finder):
    text = ("ZEPHYR‑12 Trial Summary\nStudy Design\nType: Phase III, randomized, open-label clinical trial "
            "(NCT09990001) Arms: Experimental: regorafenib Comparator: sorafenib\nKey Results\nMedian OS: 14.1 months "
            "with regorafenib vs 12.2 months with sorafenib.")
    facts = extract_document(Document.from_text("d1", text + "\n"), vocabulary, finder)
    assert set(trials(facts)) == {"trial__zephyr12"}
    assert values(facts) == {("regorafenib", "os", Decimal("14.1")), ("sorafenib", "os", Decimal("12.2"))}


def test_a_registry_number_after_another_trial_s_name_is_not_the_title_s_trial(vocabulary, finder):
    text = ("ZEPHYR-12 Trial Summary\nBackground\nThe earlier ZEPHYR-3 trial (NCT09990002) compared regorafenib with "
            "placebo.\nKey Results\nIn ZEPHYR-12, median OS was 14.1 months with regorafenib vs 12.2 months with sorafenib.")
    found = trials(extract_document(Document.from_text("d1", text + "\n"), vocabulary, finder))
    assert found["trial__zephyr3"].get("nct_id") == "NCT09990002"
    assert "nct_id" not in found["trial__zephyr12"]


def test_a_lead_naming_each_arm_of_the_document_s_unnamed_trial_gives_its_values(vocabulary, finder):
    text = ("1. The median overall survival for regorafenib was 16.4 months and for sorafenib was 14.7 months\n\n"
            "Study details: in this invented randomised trial, 700 patients were randomly assigned to regorafenib or "
            "sorafenib.")
    facts = extract_document(Document.from_text("d1", text + "\n"), vocabulary, finder)  # the key point opens the page
    assert values(facts) == {("regorafenib", "os", Decimal("16.4")), ("sorafenib", "os", Decimal("14.7"))}


def test_a_lead_naming_another_drug_is_not_the_unnamed_trial_s(vocabulary, finder):
    # the lead's sorafenib-versus-placebo values are an earlier study's, not this trial's sorafenib arm's
    text = ("Sorafenib gave a median overall survival of 10.7 months versus 7.9 months with placebo.\n\n"
            "Study details: in this invented randomised trial, 700 patients were randomly assigned to regorafenib or "
            "sorafenib.")
    assert values(extract_document(Document.from_text("d1", text + "\n"), vocabulary, finder)) == set()


@pytest.mark.parametrize("spelled", ["(ZHARP)", "[ZHARP]"])
def test_a_spelled_out_name_after_the_sentence_s_article_names_its_trial(spelled, vocabulary, finder):
    text = (f"The Zorbanib HCC Assessment Randomized Protocol {spelled} trial demonstrated that treatment with "
            "regorafenib prolonged overall survival in an invented population.")
    assert "trial__zharp" in trials(read(text, vocabulary, finder))


def test_a_title_s_unnamed_trial_is_the_one_the_next_sentence_names_for_its_drug(vocabulary, finder):
    text = ("Regorafenib Improves Survival: Results of a Phase 3 Randomized, Placebo-Controlled Trial\n\n"
            "The ZEPHYR-8 trial demonstrated that treatment with regorafenib prolonged overall survival by 44%.\n\n"
            "A doctor who presented the findings said more than 100 randomized controlled trials had failed before.\n\n"
            "The trial included 602 patients. The patients were randomly assigned to regorafenib (n=299) or placebo "
            "(n=303).")
    facts = extract_document(Document.from_text("d1", text + "\n"), vocabulary, finder)
    assert set(trials(facts)) == {"trial__zephyr8"}
    assert arm_agents(facts) == {"regorafenib", "placebo"}



def ratios(facts: list) -> set[tuple[str, str, str]]:
    agent = arm_of(facts)
    return {(a.object, agent[a.context_value("experimental")], agent[a.context_value("comparator")])
            for a in facts if a.predicate == "hasEffectEstimate"}


@pytest.mark.parametrize("regimen", [
    "40 mg of regorafenib twice a day plus 1200 mg atezolizumab intravenously once every 3 weeks",
    "regorafenib twice a day plus atezolizumab once every 3 weeks",
])
def test_a_dosed_regimen_s_count_after_its_second_part_s_schedule_is_the_regimen_s(regimen, vocabulary, finder):
    text = (f"This invented phase 3 study (ZEPHYR-12) randomized adult patients 2:1:1 to receive {regimen} (n = 432), "
            "sorafenib (n = 217), or regorafenib monotherapy (n = 188).")
    assert ("regimen__atezolizumab__regorafenib", 432) in sizes(read(text, vocabulary, finder))


def test_a_ratio_after_the_values_of_two_of_three_arms_compares_those_two(vocabulary, finder):
    text = ("This invented phase 3 study (ZEPHYR-12) randomized patients to regorafenib plus atezolizumab (n = 432), "
            "sorafenib (n = 217), or regorafenib monotherapy (n = 188). The median PFS was 6.8 months in the "
            "combination group and 4.2 months in the sorafenib group (HR, 0.63, 99% CI 0.44-0.91).")
    assert ratios(read(text, vocabulary, finder)) == {("pfs", "regimen__atezolizumab__regorafenib", "sorafenib")}


def test_a_regimen_described_between_its_parts_in_an_arm_list_is_one_arm(vocabulary, finder):
    text = ("In the made-up ZEPHYR-31 study, patients were randomised 2:1:1 to three arms: 40 mg regorafenib (Brandname, "
            "Maker), an oral multikinase agent, plus the anti-PD-L1 agent atezolizumab; sorafenib alone; or regorafenib "
            "alone at 60 mg.")
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__atezolizumab__regorafenib", "sorafenib", "regorafenib"}


def test_a_title_s_care_comparator_stated_later_as_placebo_plus_care_is_the_placebo_arm(vocabulary, finder):
    text = ("Study of Regorafenib vs. Best Supportive Care in an Invented Population (ZEPHYR-40)\n\n"
            "The aim of this invented study is to compare the overall survival of regorafenib plus best supportive care "
            "(BSC) compared with placebo plus BSC.")
    facts = extract_document(Document.from_text("d1", text + "\n"), vocabulary, finder)
    assert arm_agents(facts) == {"regorafenib", "placebo"}


@pytest.mark.parametrize("text, key", [
    ("The only comparable trial is the Zephyr-1 study of regorafenib plus TACE, which improved PFS versus TACE alone.",
     "trial__zephyr1"),
    ("Regorafenib had a progression-free survival win in the Zephyr-012 liver cancer trial, versus sorafenib.",
     "trial__zephyr012"),
])
def test_a_title_case_name_before_the_trial_word_names_a_trial(text, key, vocabulary, finder):
    assert key in trials(read(text, vocabulary, finder))


def test_a_title_case_word_and_a_short_number_without_the_trial_word_names_no_trial(vocabulary, finder):
    text = "In the made-up Cohort-1 of the ZEPHYR-5 trial, regorafenib was given to 40 patients."
    assert "trial__cohort1" not in trials(read(text, vocabulary, finder))

