"""Shapes read from trial reports, notices and pharmacology texts of the fortieth round (invented sentences, packaged
vocabulary and lexicon): options given on one backbone against the backbone alone, and placebo naming the arm that
every other arm adds to when a trial has three arms or more; an agent effective in, or that provided a result in, a
named study, and not one stated with another trial; a regimen's name spelled out before it; two drugs named by their
regimen's name; arms restated with their counts in square brackets; a fronted source before an approval; a bracket of
statistics after a full stop; a denied effect on a target's activity; a list item's patient history lending no line to
another item's disease; a dose-escalation part's count."""

from __future__ import annotations

from decimal import Decimal

import pytest

from trial_facts import arm_agents, read, sizes, values
from hcc_kg.extract import extract_document
from hcc_kg.model import Document

OPTIONS = ("A phase III study, OSPREY-4, aimed to {verb} TACE with durvalumab or durvalumab plus bevacizumab "
           "{joiner} TACE alone for unresectable HCC.")


@pytest.mark.parametrize("verb, joiner", [("investigate", "against"), ("compare", "versus"), ("evaluate", "vs")])
def test_options_given_on_one_backbone_against_the_backbone_alone_are_three_arms(verb, joiner, vocabulary, finder):
    facts = read(OPTIONS.format(verb=verb, joiner=joiner), vocabulary, finder)
    assert arm_agents(facts) == {"regimen__durvalumab__tace", "regimen__bevacizumab__durvalumab__tace", "tace"}


def test_the_backbone_named_before_the_first_option_after_compared_is_every_options(vocabulary, finder):
    text = ("The OSPREY-4 trial compared TACE with lenvatinib or lenvatinib plus pembrolizumab versus TACE alone "
            "in intermediate-stage HCC.")
    assert arm_agents(read(text, vocabulary, finder)) == {
        "regimen__lenvatinib__tace", "regimen__lenvatinib__pembrolizumab__tace", "tace"}


def test_options_without_a_shared_backbone_are_not_given_one(vocabulary, finder):
    text = "The OSPREY-4 trial compared lenvatinib or sorafenib versus TACE alone in intermediate-stage HCC."
    arms = arm_agents(read(text, vocabulary, finder))
    assert not any(arm.startswith("regimen__") for arm in arms)


def test_placebo_names_the_arm_the_other_two_add_to(vocabulary, finder):
    text = (OPTIONS.format(verb="investigate", joiner="against")
            + " Median PFS reached 14.8 months for durvalumab plus bevacizumab with TACE and 8.4 months for "
              "placebo.")
    assert values(read(text, vocabulary, finder)) == {
        ("regimen__bevacizumab__durvalumab__tace", "pfs", Decimal("14.8")), ("tace", "pfs", Decimal("8.4"))}


@pytest.mark.parametrize("text", [
    "Treatment with tivozanib and durvalumab in the recent HERON-2 study was shown to be effective in liver cancer.",
    "Tivozanib plus durvalumab was effective in the HERON-2 study of liver cancer.",
])
def test_an_agent_effective_in_a_named_study_is_the_arm_it_tested(text, vocabulary, finder):
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__durvalumab__tivozanib"}


def test_the_second_of_two_drugs_with_a_result_is_not_the_arm_alone(vocabulary, finder):
    text = "Tivozanib and durvalumab showed benefit in the HERON-2 study of liver cancer."
    assert "durvalumab" not in arm_agents(read(text, vocabulary, finder))


def test_a_regimen_name_spelled_out_before_it_reads_as_one_arm(vocabulary, finder):
    text = ("In the KESTREL-8 trial, the Priming Apatinib Regular Camrelizumab Infusion (PARCI) schedule gave a median "
            "overall survival of 15.9 months compared to 12.2 months with sorafenib.")
    facts = read(text, vocabulary, finder)
    assert arm_agents(facts) == {"regimen__camrelizumab__rivoceranib", "sorafenib"}
    assert ("regimen__camrelizumab__rivoceranib", "os", Decimal("15.9")) in values(facts)


def test_two_drugs_named_by_their_regimens_name_are_one_arm(vocabulary, finder):
    text = "Gemcitabine and oxaliplatin (GEMOX) was compared with sorafenib in the KESTREL-8 trial."
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__gemcitabine__oxaliplatin", "sorafenib"}


def test_an_agent_that_provided_a_rate_in_a_named_trial_is_its_arm(vocabulary, finder):
    text = "Cabozantinib plus atezolizumab provided an ORR of 28% in the phase Ib HERON-5 trial of liver cancer."
    facts = read(text, vocabulary, finder)
    assert arm_agents(facts) == {"regimen__atezolizumab__cabozantinib"}
    assert values(facts) == {("regimen__atezolizumab__cabozantinib", "orr", Decimal("28"))}


def test_a_result_stated_in_one_trial_is_not_the_arm_of_another_named_later(vocabulary, finder):
    text = ("Cabozantinib plus atezolizumab provided an ORR of 28% in the phase Ib HERON-5 trial, and activity was also "
            "seen with camrelizumab plus apatinib in two cohorts of the OSPREY-6 trial.")
    facts = read(text, vocabulary, finder)
    assert not any(f.subject == "trial__osprey6" and f.predicate == "hasArm"
                   and f.object.endswith("regimen__atezolizumab__cabozantinib") for f in facts)


def test_arms_restated_with_their_counts_in_square_brackets_are_no_regimen(vocabulary, finder):
    text = ("In the ZETA-3 trial, 954 adults were randomly assigned to sorafenib (the usual therapy) or lenvatinib at a "
            "dose set by weight (lenvatinib [n=478] and sorafenib [n=476]).")
    facts = read(text, vocabulary, finder)
    assert arm_agents(facts) == {"lenvatinib", "sorafenib"}
    assert sizes(facts) == {("lenvatinib", 478), ("sorafenib", 476)}


def approvals(facts) -> set[tuple[str, str, tuple]]:
    return {(f.subject, str(f.object), f.context) for f in facts if f.predicate == "approvedFor" and f.is_fact}


def test_a_fronted_source_does_not_make_the_statement_after_it_an_attribution(vocabulary, finder):
    text = "According to the filing, donafenib tablets were approved in June 2021 for unresectable HCC in adults."
    assert {(drug, disease) for drug, disease, _ in approvals(read(text, vocabulary, finder))} == {("donafenib", "hcc")}


def test_a_bracket_of_statistics_after_a_full_stop_is_the_sentence_before_it(vocabulary, finder):
    text = ("In the phase 3 ZETA-8 trial, median OS was 14.1 months with lenvatinib and 12.0 months with sorafenib. "
            "(HR 0.91, 95% CI = 0.78-1.05) Also, median PFS was 7.3 months with lenvatinib and 3.6 months with "
            "sorafenib (HR 0.65, 95% CI 0.56-0.76).")
    ratios = {(f.object, dict(f.attributes)["hazard_ratio"]) for f in read(text, vocabulary, finder)
              if f.predicate == "hasEffectEstimate"}
    assert ratios == {("os", Decimal("0.91")), ("pfs", Decimal("0.65"))}


@pytest.mark.parametrize("denial", ["In our cells, rivoceranib did not inhibit MET phosphorylation.",
                                    "Rivoceranib neither inhibited basal MET phosphorylation nor HGF-induced MET "
                                    "phosphorylation in the cell lines tested."])
def test_a_denied_effect_on_the_targets_activity_outweighs_the_documents_claim(denial, vocabulary, finder):
    claim = "Rivoceranib is a selective inhibitor of MET. "
    facts = read(claim + denial, vocabulary, finder)
    assert not any(f.subject == "rivoceranib" and f.object == "c_met" and f.is_fact for f in facts)
    assert any(f.subject == "rivoceranib" and f.object == "c_met" and f.is_fact for f in read(claim, vocabulary, finder))


def test_an_effect_on_the_targets_activity_is_no_target_of_its_own(vocabulary, finder):
    facts = read("Rivoceranib inhibited ERK phosphorylation in the cell lines tested.", vocabulary, finder)
    assert not any(f.subject == "rivoceranib" and f.predicate == "inhibits" for f in facts)


def test_a_list_items_history_lends_no_line_to_another_items_disease(vocabulary, finder):
    text = ("Sorafenib tosylate\nClinical information\nApproved by US Food and Drug Administration for:\n"
            "- Advanced renal cell carcinoma\n- Unresectable hepatocellular carcinoma\n"
            "- Used off label for a desmoid tumor that is resistant to imatinib\n")
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)  # the profile's title its first line
    found = {(drug, disease, dict(context).get("line")) for drug, disease, context in approvals(facts)}
    assert ("sorafenib", "hcc", None) in found
    assert not any(line for _, _, line in found)


def test_the_count_of_a_dose_escalation_part_is_not_the_arms(vocabulary, finder):
    # (the forty-third session: each part counted is an arm of its own, a cohort of the same agent (test_cohort_arms);
    # the trial's one arm of the agent, as a whole, takes neither part's count)
    text = ("We report the first-in-human phase I study of fisogatinib in liver cancer. For dose escalation, 31 patients "
            "received 100 to 800 mg fisogatinib once daily; the chosen dose was expanded in 77 patients.")
    found = read(text, vocabulary, finder)
    assert not any(a.predicate == "armSize" and not a.subject.endswith(("__dose_escalation", "__dose_expansion"))
                   for a in found)
    cohorts = {a.subject: a.object for a in found if a.predicate == "armCohort"}
    assert {cohorts[a.subject]: a.object for a in found if a.predicate == "armSize"} == \
        {"dose escalation": 31, "dose expansion": 77}
