"""Shapes read from trial reports (invented sentences, packaged vocabulary and lexicon): the authors' own trial opened
in a structured abstract's background, a prospective trial without a phase, the line of the therapy the patients had
before, a procedure hyphened to its endpoint, a choice of drugs after a verdict, and counts given a regimen's dose."""

from __future__ import annotations

from decimal import Decimal

import pytest

from trial_facts import arm_agents, read, sizes, values


def lines(facts) -> set[str]:
    return {f.object for f in facts if f.predicate == "forLineOfTherapy"}


def test_the_authors_trial_opened_in_the_background_is_the_one_the_methods_and_results_describe(vocabulary, finder):
    text = ("Background\nNo standard therapy exists after first-line sorafenib. We conducted a prospective multicenter "
            "trial of regorafenib in patients with HCC after progression on first-line sorafenib.\n"
            "Methods\nThis investigator-initiated phase 2 study was conducted in 9 invented centers.\n"
            "Results\nA total of 61 patients were enrolled. Regorafenib gave a median PFS of 4.4 months and the ORR was 9%.")
    facts = read(text, vocabulary, finder)
    assert arm_agents(facts) == {"regorafenib"}
    assert sizes(facts) == {("regorafenib", 61)}
    assert values(facts) == {("regorafenib", "pfs", Decimal("4.4")), ("regorafenib", "orr", Decimal("9"))}
    assert lines(facts) == set()  # first-line is the sorafenib the patients had before


def test_a_prospective_trial_without_a_phase_is_a_trial(vocabulary, finder):
    text = ("We conducted a prospective multicenter trial of regorafenib in patients with HCC after progression on "
            "sorafenib. A total of 61 patients were enrolled. Median PFS was 4.4 months.")
    facts = read(text, vocabulary, finder)
    assert arm_agents(facts) == {"regorafenib"}
    assert values(facts) == {("regorafenib", "pfs", Decimal("4.4"))}


def test_a_prospective_study_is_not_read_as_a_trial(vocabulary, finder):
    text = "A prospective cohort study of regorafenib followed 61 patients. Median PFS was 4.4 months."
    assert arm_agents(read(text, vocabulary, finder)) == set()


def test_a_procedure_hyphened_to_the_endpoint_is_no_arm_named_first(vocabulary, finder):
    text = ("An invented randomised phase 3 trial compared TACE plus lenvatinib with TACE alone in 300 patients. The "
            "primary endpoint of TACE-PFS was met with the combination as opposed to TACE alone (median 12.4 vs 6.1 "
            "months; HR 0.60).")
    assert values(read(text, vocabulary, finder)) == {("regimen__lenvatinib__tace", "pfs", Decimal("12.4")),
                                                       ("tace", "pfs", Decimal("6.1"))}


def test_drugs_offered_as_a_choice_after_a_verdict_and_after_a_bracketed_interval_are_one_arm(vocabulary, finder):
    text = ("In the invented phase 3 QUILLON trial, durvalumab plus tremelimumab was superior to lenvatinib or "
            "sorafenib. Median OS was 22.1 months (95% CI, 18.0-25.1) with durvalumab plus tremelimumab vs 19.0 months "
            "(95% CI, 16.2-21.0) with lenvatinib or sorafenib.")
    facts = read(text, vocabulary, finder)
    assert arm_agents(facts) == {"regimen__durvalumab__tremelimumab", "physicians_choice"}
    assert ("physicians_choice", "os", Decimal("19.0")) in values(facts)


def test_counts_assigned_to_a_regimen_of_each_drug_at_its_dose(vocabulary, finder):
    text = ("In an invented phase 2 trial, investigators randomly assigned 120 patients to a regimen of 300 mg daily "
            "of linifanib, and 118 patients to a regimen of 400 mg twice daily of sorafenib.")
    assert sizes(read(text, vocabulary, finder)) == {("linifanib", 120), ("sorafenib", 118)}


def test_a_procedure_and_two_drugs_abbreviated_with_the_drugs_initials_is_the_regimen(vocabulary, finder):
    text = ("In the invented QUILLON-5 study, the median PFS was 10.8 months for TACE plus camrelizumab and rivoceranib "
            "(TACE-CR) versus 3.2 months for TACE alone. Median OS reached 24.0 months in the TACE-CR group and 21.5 "
            "months in the TACE alone group.")
    assert values(read(text, vocabulary, finder)) >= {("regimen__camrelizumab__rivoceranib__tace", "os", Decimal("24.0")),
                                                       ("tace", "os", Decimal("21.5"))}


@pytest.mark.parametrize("remark", ["", "Brivanib, a selective inhibitor of VEGFR and FGFR, had shown activity in earlier phase 2 studies. "])
def test_the_trial_named_with_its_enrolment_after_an_unnamed_one_is_that_trial(remark, vocabulary, finder):
    text = ("An international team conducted a Phase 3 trial comparing brivanib versus placebo in patients who could not "
            f"take sorafenib. {remark}The QUILLON-PS trial enrolled 395 patients. Median overall survival was 9.4 months "
            "with brivanib and 8.2 months with placebo.")
    facts = read(text, vocabulary, finder)
    assert {f.subject for f in facts if f.predicate == "isClinicalTrial"} == {"trial__quillonps"}


def test_a_sample_size_needed_to_show_an_improvement_states_no_result(vocabulary, finder):
    text = ("In this invented phase 2 study of regorafenib, 50 patients were necessary to improve median PFS from 2 "
            "months to 4.5 months, power 80%. A total of 50 patients were enrolled. Median PFS was 5.4 months.")
    facts = read(text, vocabulary, finder)
    hedged = [f for f in facts if f.predicate == "hasMeasurement" and {e.certainty for e in f.evidence} == {"hedged"}]
    assert values([f for f in facts if f not in hedged]) == {("regorafenib", "pfs", Decimal("5.4"))}
    assert [f.attribute_values("value")[0] for f in hedged] == [Decimal("2")]  # kept as a projection, not a result


def test_a_threshold_of_response_duration_is_no_median(vocabulary, finder):
    text = ("QUILLON-6, a single-arm phase 2 trial, evaluated regorafenib in 60 patients. The ORR was 18%. Of the "
            "responders, 80% kept a response duration of at least 6 months and half one of at least 12 months.")
    assert values(read(text, vocabulary, finder)) == {("regorafenib", "orr", Decimal("18"))}


def test_a_concession_of_earlier_evidence_gives_no_values_to_the_trials_arm(vocabulary, finder):
    text = ("In an invented phase 2 trial, 120 patients were randomized to linifanib or sorafenib. Although sorafenib has "
            "been shown to improve survival in earlier patients (median OS, 6.5 months), needs remain, the authors "
            "wrote. Median OS was 8.0 months with linifanib and 8.4 months with sorafenib.")
    assert values(read(text, vocabulary, finder)) == {("linifanib", "os", Decimal("8.0")), ("sorafenib", "os", Decimal("8.4"))}
