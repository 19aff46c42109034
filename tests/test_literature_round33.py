"""Shapes read from trial reports (invented sentences, packaged vocabulary and lexicon): a placebo offered in place
of the drug given with a procedure ("TACE plus A or placebo"), and the procedure's material written into its name
("chemoembolization with drug-eluting beads")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from trial_facts import arm_agents, arms, read, sizes, values


@pytest.mark.parametrize("regimen", ["TACE plus sorafenib", "TACE plus sorafenib 400 mg twice daily",
                                     "TACE combined with sorafenib"])
def test_a_placebo_after_a_procedure_and_a_drug_stands_for_the_drug(regimen, vocabulary, finder):
    text = (f"In the invented phase 3 QUILLON trial, 300 patients were randomized 1:1 to {regimen} or placebo. "
            "Median overall survival was 20.1 months with sorafenib and 18.2 months with placebo.")
    facts = read(text, vocabulary, finder)
    assert arm_agents(facts) == {"regimen__sorafenib__tace", "tace"}
    assert values(facts) == {("regimen__sorafenib__tace", "os", Decimal("20.1")), ("tace", "os", Decimal("18.2"))}


def test_a_placebo_after_two_drugs_is_not_read_as_standing_for_one_of_them(vocabulary, finder):
    # "A plus B or placebo" may give placebo for both drugs: the placebo arm gets no part of the regimen
    text = ("In the invented phase 3 QUILLON trial, 300 patients were randomized 1:1 to lenvatinib plus "
            "pembrolizumab or placebo.")
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__lenvatinib__pembrolizumab", "placebo"}


@pytest.mark.parametrize("procedure", ["transarterial chemoembolization with drug-eluting beads",
                                       "drug-eluting bead TACE"])
def test_the_procedure_named_with_its_beads_is_the_backbone_of_either_arm(procedure, vocabulary, finder):
    text = (f"In the invented phase 3 QUILLON trial, 300 patients were randomized to receive {procedure} and either "
            "sorafenib at 400 mg twice daily (n = 150) or placebo (n = 150).")
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__sorafenib__tace", "tace"}


@pytest.mark.parametrize("text", [
    "The invented phase 3 QUILLON trial randomized 701 patients to lenvatinib or sorafenib (351 and 350, respectively).",
    "The invented phase 3 QUILLON trial of lenvatinib versus sorafenib enrolled 701 patients (351 vs 350).",
    "In the invented phase 3 QUILLON trial of lenvatinib versus sorafenib, 701 patients (351/350) were enrolled.",
    "In the invented phase 3 QUILLON trial, 351 and 350 patients were randomized to lenvatinib and sorafenib, "
    "respectively.",
])
def test_counts_listed_in_the_order_of_the_arms_are_their_sizes(text, vocabulary, finder):
    assert sizes(read(text, vocabulary, finder)) == {("lenvatinib", 351), ("sorafenib", 350)}


@pytest.mark.parametrize("text", [
    # the parts do not add up to the total: no reading
    "The invented phase 3 QUILLON trial of lenvatinib versus sorafenib enrolled 701 patients (351 vs 340).",
    # bare counts after an event, not after the arms
    "In the invented phase 3 QUILLON trial of lenvatinib versus sorafenib, deaths occurred in both groups (120 and "
    "98, respectively).",
])
def test_counts_that_are_not_the_arms_sizes_are_left_unread(text, vocabulary, finder):
    assert sizes(read(text, vocabulary, finder)) == set()


def test_a_brand_with_its_inn_in_brackets_does_not_end_the_list_of_the_regimen_s_parts(vocabulary, finder):
    text = ("Results from the invented QUILLON phase 3 trial showed Imfinzi (durvalumab) in combination with Imjudo "
            "(tremelimumab), lenvatinib and TACE improved progression-free survival versus TACE alone.")
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__durvalumab__lenvatinib__tace__tremelimumab", "tace"}


@pytest.mark.parametrize("written", ["vascular endothelial growth factor receptor (VEGFR)-2",
                                     "vascular endothelial growth factor [VEGFR]-2"])
def test_a_family_abbreviation_in_brackets_with_the_member_s_number_after_them_names_the_member(written, vocabulary,
                                                                                                  finder):
    facts = read(f"Foretinib is an invented oral inhibitor of {written} and of MET.", vocabulary, finder)
    assert {(a.subject, a.object) for a in facts if a.predicate == "inhibits"} == {("foretinib", "kdr"),
                                                                                   ("foretinib", "c_met")}


@pytest.mark.parametrize("means, expected", [
    ("by blocking IKK complex formation", set()),  # the means names no target of its own reading: none asserted
    ("by blocking IKKα", {("foretinib", "chuk")}),
])
def test_a_pathway_acted_on_by_way_of_another_protein_is_not_the_drug_s_target(means, expected, vocabulary, finder):
    facts = read(f"In invented cells, foretinib inhibited the NF-κB signaling pathway {means}.", vocabulary, finder)
    assert {(a.subject, a.object) for a in facts if a.predicate == "inhibits"} == expected


def test_a_pathway_named_as_such_without_a_means_is_still_read(vocabulary, finder):
    facts = read("In invented cells, foretinib inhibited the NF-κB signaling pathway.", vocabulary, finder)
    assert {(a.subject, a.object) for a in facts if a.predicate == "inhibits"} == {("foretinib", "nfkappab_family")}


NOTICE = ("The invented agency approved foretinib in combination with pembrolizumab as first-line therapy for HCC.\n\n"
          "The approval rests on the invented QUILLON trial, which showed longer survival for patients given the "
          "foretinib-pembrolizumab combination.\n\n"
          "In the trial, median OS was 23.7 months in patients receiving {anaphor}, compared to 20.6 months for those "
          "treated with either lenvatinib or sorafenib.\n\nThe hazard ratio stood at 0.79, with a p-value of 0.018.")


@pytest.mark.parametrize("anaphor", ["this dual therapy", "the combination"])
def test_a_combination_named_again_by_what_it_is_is_the_trial_s_one_arm_known_so_far(anaphor, vocabulary, finder):
    facts = read(NOTICE.format(anaphor=anaphor), vocabulary, finder)
    assert values(facts) == {("regimen__foretinib__pembrolizumab", "os", Decimal("23.7")),
                             ("physicians_choice", "os", Decimal("20.6"))}
    assert {(a.object, a.attribute_values("hazard_ratio")[0]) for a in facts
            if a.predicate == "hasEffectEstimate"} == {("os", Decimal("0.79"))}


@pytest.mark.parametrize("rates", ["The 1-year OS rate and 1-year RFS rate were 97.1% and 48.2%, respectively.",
                                   "The 1-year OS and RFS rates were 97.1% and 48.2%, respectively."])
def test_survival_rates_listed_together_take_one_value_each_at_their_time_point(rates, vocabulary, finder):
    text = f"In this invented single-arm phase 2 trial, 45 patients received foretinib after resection. {rates}"
    facts = read(text, vocabulary, finder)
    assert {(a.object, dict(a.context)["timepoint"], a.attribute_values("value")[0]) for a in facts
            if a.predicate == "hasMeasurement"} == {("os", "1-year", Decimal("97.1")), ("rfs", "1-year", Decimal("48.2"))}


@pytest.mark.parametrize("yardstick", ["It enrolled patients from the same population that was studied in the MARLOW study.",
                                       "Its design was as seen in the MARLOW study.",
                                       "That is consistent with what we saw with lenvatinib in the MARLOW study."])
def test_another_trial_named_as_the_yardstick_does_not_take_the_trial_s_arms(yardstick, vocabulary, finder):
    text = ("QUILLON-3, an invented first-line trial, ran in many countries. " + yardstick +
            " Its patients were randomized 2:1 to receive foretinib plus atezolizumab vs sorafenib. With the "
            "combination, median PFS rose from 4.2 months up to 6.8 months vs sorafenib.")
    facts = read(text, vocabulary, finder)
    assert arms(facts) == {("trial__quillon3", "arm__quillon3__regimen__atezolizumab__foretinib"),
                           ("trial__quillon3", "arm__quillon3__sorafenib")}
    assert values(facts) == {("regimen__atezolizumab__foretinib", "pfs", Decimal("6.8")),
                             ("sorafenib", "pfs", Decimal("4.2"))}


def test_an_arm_label_given_after_the_dose_beside_the_arm_s_size_names_that_arm(vocabulary, finder):
    text = ("In the invented open-label QUILLON trial, 300 patients were randomly assigned to receive:\n"
            "- Foretinib at 300 mg plus atezolizumab 1,200 mg every 3 weeks (F+A group, n = 100)\n"
            "- Atezolizumab alone at 1,200 mg every 3 weeks (n = 110)\n"
            "- Foretinib alone at 300 mg daily (n = 90).\n"
            "Objective response rates were 24.0% in the F+A group, 10.6% in the atezolizumab group, and 7.2% in the "
            "foretinib group.")
    facts = read(text, vocabulary, finder)
    assert sizes(facts) == {("regimen__atezolizumab__foretinib", 100), ("atezolizumab", 110), ("foretinib", 90)}
    assert values(facts) == {("regimen__atezolizumab__foretinib", "orr", Decimal("24.0")),
                             ("atezolizumab", "orr", Decimal("10.6")), ("foretinib", "orr", Decimal("7.2"))}


def test_the_phase_3_portion_of_a_phase_2_3_study_is_that_study(vocabulary, finder):
    text = ("Foretinib plus bevacizumab improved survival, according to results of the invented phase 2/3 QUILLON-32 "
            "study. Results from the phase 3 portion of the study showed that the foretinib plus bevacizumab group had "
            "a median PFS of 4.6 months, compared with 2.8 months in the sorafenib group.")
    facts = read(text, vocabulary, finder)
    assert arms(facts) == {("trial__quillon32", "arm__quillon32__regimen__bevacizumab__foretinib"),
                           ("trial__quillon32", "arm__quillon32__sorafenib")}


def test_a_study_said_in_the_passive_to_have_been_conducted_is_the_title_s_trial(vocabulary, finder):
    text = ("Foretinib versus sorafenib for invented unresectable HCC: a prospective randomized study\n\n"
            "A prospective, randomized, phase II study was conducted in patients with unresectable HCC. Patients "
            "received foretinib or sorafenib. Median OS was 12.1 months with foretinib and 9.9 months with sorafenib.")
    facts = read(text, vocabulary, finder)
    trials = [a for a in facts if a.predicate == "isClinicalTrial"]
    assert len(trials) == 1 and trials[0].attribute_values("phase") == ["II"]


def approvals(facts: list) -> set[tuple]:
    return {(a.subject, a.object, dict(a.context).get("agency"), dict(a.context).get("line")) for a in facts
            if a.predicate == "approvedFor"}


@pytest.mark.parametrize("text", ["Foretinib is FDA-approved for the first-line treatment of unresectable HCC.",
                                  "Foretinib was FDA-approved in 2020 for the first-line treatment of unresectable HCC."])
def test_an_approval_said_as_a_predicative_adjective_is_the_subject_s(text, vocabulary, finder):
    assert approvals(read(text, vocabulary, finder)) == {("foretinib", "hcc", "fda", "first_line")}


def test_each_item_of_a_bulleted_list_of_indications_is_its_own_approval(vocabulary, finder):
    text = ("Indications\nForetinib is FDA-approved for:\n"
            "- Thyroid Cancer: Treatment of progressive thyroid cancer\n"
            "- HCC: First-line use in adults whose hepatocellular carcinoma cannot be resected\n"
            "- Renal Cell Carcinoma: In combination with pembrolizumab, as first-line therapy of advanced disease\n\n"
            "Dosage\nForetinib is taken once daily.")
    assert approvals(read(text, vocabulary, finder)) == {
        ("foretinib", "thyroid_cancer", "fda", None), ("foretinib", "hcc", "fda", "first_line"),
        ("regimen__foretinib__pembrolizumab", "renal_cell_carcinoma", "fda", "first_line")}
