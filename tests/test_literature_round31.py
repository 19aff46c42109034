"""Shapes read from abstracts and reviews (invented sentences, packaged vocabulary and lexicon): a randomisation
between schedules of one drug with the period of enrolment before its "to", an enrolment "to receive" a drug
given before an operation, and a structured abstract's sections (headings inline or on lines of their own): a
trial its background names is not the trial its methods register, unless the background says this report
analyses it."""

from __future__ import annotations

import pytest
from trial_facts import arm_of, read, sizes

from hcc_kg.extract import extract_document
from hcc_kg.model import Document


def arms(facts: list) -> set[tuple[str, str]]:
    """(trial, arm's agent) pairs."""
    agent = arm_of(facts)
    return {(a.subject, agent[a.object]) for a in facts if a.predicate == "hasArm"}


def test_a_randomisation_of_schedules_with_its_enrolment_period_before_to_is_one_drugs_trial(vocabulary, finder):
    text = ("In this invented open-label study, 180 patients were randomly assigned between September 2019 and "
            "December 2020 to receive tislelizumab at 200 mg every 3 weeks (n = 91) or every 4 weeks (n = 89). "
            "Overall, the objective response rate was 16.1%.")
    facts = read(text, vocabulary, finder)
    assert {agent for _, agent in arms(facts)} == {"tislelizumab"}
    assert ("tislelizumab", 91) in sizes(facts)


def test_patients_enrolled_to_receive_a_drug_before_an_operation_received_the_drug(vocabulary, finder):
    text = ("In this invented phase 2 study, we enrolled 26 patients with resectable HCC to receive three cycles of "
            "neoadjuvant tislelizumab followed by hepatectomy. The objective response rate was 19%.")
    facts = read(text, vocabulary, finder)
    assert {agent for _, agent in arms(facts)} == {"tislelizumab"}
    assert sizes(facts) == {("tislelizumab", 26)}


def trials(facts: list) -> set[str]:
    return {a.subject for a in facts if a.predicate == "isClinicalTrial"}


def test_a_background_trial_is_not_the_methods_own_registered_trial(vocabulary, finder):
    text = ("Background\nIn the invented ZETA-32 trial, the combination therapy using sintilimab and bevacizumab "
            "improved OS compared with sorafenib.\nMethods\nUntreated patients were enrolled in this phase II "
            "trial (NCT09999999). Eligible patients received sintilimab (200 mg, IV) and bevacizumab (15 mg/kg, IV) "
            "every 3 weeks.\nResults\nIn all, 30 patients were enrolled; the ORR was 23.3%.")
    facts = read(text, vocabulary, finder)
    assert trials(facts) == {"trial__zeta32", "trial__nct09999999"}
    assert ("trial__zeta32", "sorafenib") in arms(facts)
    assert ("trial__nct09999999", "regimen__bevacizumab__sintilimab") in arms(facts)


@pytest.mark.parametrize("layout", ["{head}: {body}", "{head}\n{body}"])
def test_a_background_naming_the_trial_this_analysis_reports_leaves_it_the_documents(layout, vocabulary, finder):
    parts = [("Introduction", "The invented phase III ZETA-150 study established lenvatinib as a standard of care. "
                              "This exploratory analysis reports outcomes in a subgroup."),
             ("Methods", "Patients were randomized 2:1 to receive lenvatinib or sorafenib."),
             ("Results", "Of 500 enrolled patients, 70 were in the subgroup (lenvatinib, n = 47; sorafenib, n = 23).")]
    text = "\n".join(layout.format(head=head, body=body) for head, body in parts)
    facts = read(text, vocabulary, finder)
    assert trials(facts) == {"trial__zeta150"}


def values(facts: list) -> set[tuple[str, str, str]]:
    return {(a.object, a.context_value("timepoint") or "", str(dict(a.attributes)["value"]))
            for a in facts if a.predicate == "hasMeasurement"}


def test_a_value_among_all_patients_is_the_whole_trials_before_its_subgroups(vocabulary, finder):
    text = ("In this invented single-arm phase 2 trial, 120 patients received lenvatinib. Overall survival at 6 months "
            "was 70.2% among all patients, 72.0% in the HBV subgroup and 66.1% in the HCV subgroup.")
    assert values(read(text, vocabulary, finder)) == {("os", "6-month", "70.2")}


def test_a_study_a_quote_says_already_showed_something_is_not_the_trial_reported(vocabulary, finder):
    text = ("Invented Results From the Phase 3 ZETA-9 Trial\nThe phase 3 ZETA-9 trial met its endpoints, the invented "
            "sponsor said. \u201cLenvatinib plus tislelizumab has shown encouraging activity in a phase 2 study,\u201d "
            "an investigator said. In this open-label trial, 600 patients were randomized to receive 8 mg of lenvatinib "
            "once daily on days 1 through 21 plus either 200 mg of tislelizumab (n = 400) or 400 mg of sorafenib (n = 200).")
    facts = read(text, vocabulary, finder)
    assert trials(facts) == {"trial__zeta9"}
    assert sizes(facts) == {("regimen__lenvatinib__tislelizumab", 400), ("regimen__lenvatinib__sorafenib", 200)}


def test_an_ongoing_trial_evaluating_a_regimen_in_comparison_with_its_backbone(vocabulary, finder):
    text = ("An investigator leads the invented ZETA-12 trial (NCT09999912), which is evaluating tislelizumab "
            "(BGB-A317; an anti-PD-1 antibody) followed by sorafenib in comparison with sorafenib alone.")
    assert arms(read(text, vocabulary, finder)) == {("trial__zeta12", "regimen__sorafenib__tislelizumab"),
                                                    ("trial__zeta12", "sorafenib")}


def test_counts_in_treatment_groups_named_by_their_drugs(vocabulary, finder):
    text = ("This invented phase 3 study compares lenvatinib plus sorafenib versus sorafenib. In all, 401 patients were "
            "randomly assigned, 202 patients in the lenvatinib plus sorafenib treatment group and 199 patients in the "
            "sorafenib only treatment group.")
    assert {size for size in sizes(read(text, vocabulary, finder))} == {("regimen__lenvatinib__sorafenib", 202),
                                                                        ("sorafenib", 199)}


def test_a_reference_number_glued_to_the_word_trial_hides_no_comparison(vocabulary, finder):
    text = ("The randomized phase 3 ZETA-50 trial2 studied adjuvant lenvatinib plus tislelizumab compared with active "
            "surveillance, the standard for patients who have undergone surgical resection or ablation.")
    assert arms(read(text, vocabulary, finder)) == {("trial__zeta50", "regimen__lenvatinib__tislelizumab"),
                                                    ("trial__zeta50", "active_surveillance")}


def test_a_sentence_opening_on_another_agent_as_its_subject_defines_no_drug(vocabulary, finder):
    text = ("Lenvatinib in invented xenografts\n\nLenvatinib is a selective inhibitor of FGFR4. Resistance arose in two "
            "patients treated with lenvatinib. A gatekeeper-agnostic, pan-FGFR inhibitor decreased xenograft growth.\n")
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert {(a.subject, a.object) for a in facts if a.predicate == "inhibits" and a.evidence[0].is_assertive} \
        == {("lenvatinib", "fgfr4")}


def test_a_named_trial_that_showed_a_drug_effective_tested_that_drug(vocabulary, finder):
    text = "In this invented review, the ZETA-11 trial demonstrated lenvatinib as an effective second-line treatment."
    assert arms(read(text, vocabulary, finder)) == {("trial__zeta11", "lenvatinib")}


def test_a_clause_saying_a_line_had_no_treatment_lends_no_line_to_an_approval(vocabulary, finder):
    text = ("In this invented history, lenvatinib was approved by the FDA for HCC in 2009, but no second-line "
            "treatment was available for patients progressing on lenvatinib.")
    found = {(a.subject, a.context_value("agency"), a.context_value("line"))
             for a in read(text, vocabulary, finder) if a.predicate == "approvedFor"}
    assert found == {("lenvatinib", "fda", None)}


def test_a_long_name_after_known_as_gives_its_bracketed_acronym_even_if_it_spells_no_initials(vocabulary, finder):
    text = ("An invented phase 3 study of adults with liver cancer (HCC), known as the Lenvatinib Added To Tislelizumab "
            "Evaluation Study In Advanced Liver Disease (ZEARCH), reported no benefit. In ZEARCH, 720 patients were "
            "randomized to lenvatinib plus tislelizumab or tislelizumab plus placebo.")
    assert {trial for trial, _ in arms(read(text, vocabulary, finder))} == {"trial__zearch"}
