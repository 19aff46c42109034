"""Trials in news items and abstracts (hcc_kg.extract.abstracts; invented companies, drugs and numbers): one
introduced as running ("X is conducting a phase 3 trial of A and B") reports nothing, so is no trial and no arm
of the graph's unless the text goes on to report of it; one given as an approval's basis ("based on a phase 3
study that showed A plus B resulted in ...") has the arm it showed and that arm's values."""

from __future__ import annotations

import pytest

from test_abstracts import REGIMEN_QZ, facts


@pytest.mark.parametrize("sentence", [
    "Acme is conducting a global phase 3 clinical trial of combination therapy of zorbanib and quorimab, "
    "targeting first-line liver cancer.",
    "A randomized phase 3 trial of zorbanib plus quorimab in first-line HCC is currently underway.",
    "Acme is also enrolling patients in a phase 2 study of zorbanib in HCC.",
])
def test_an_unnamed_trial_under_way_is_no_trial(sentence):
    text = f"Acme gains an invented approval\n\nThe agency approved zorbanib for pretreated HCC on Monday. {sentence}\n"
    assert not [a for a in facts(text) if a.predicate in ("isClinicalTrial", "hasArm")]


def test_an_unnamed_trial_reported_of_is_kept():
    text = ("Acme news\n\nA phase 2 study of zorbanib in HCC was conducted at 12 invented sites. "
            "The objective response rate was 21% with zorbanib.\n")
    assert [a for a in facts(text) if a.predicate == "isClinicalTrial"]


def test_an_unnamed_trial_a_press_item_gives_as_the_basis_takes_what_it_showed():
    text = ("Agency approves invented combination\n\nThe agency approved quorimab plus felotinib for first-line HCC. "
            "The approval is based on a phase 3 clinical study that showed quorimab plus felotinib resulted in a median "
            "overall survival of 21.4 months and an ORR of 33.2%.\n")
    found = facts(text)
    arms = {a.object for a in found if a.predicate == "armIntervention"}
    measured = {(a.object, str(a.attribute_values("value")[0])) for a in found if a.predicate == "hasMeasurement"}
    assert arms == {"regimen__felotinib__quorimab"} and measured == {("os", "21.4"), ("orr", "33.2")}


def test_a_trial_numbered_in_brackets_before_of_takes_the_regimen_it_tested():
    text = ("Acme news\n\nAcme said the phase 3 clinical trial (ACME-301) of the invented drug zorbanib in combination "
            "with quorimab for first-line HCC met its primary endpoint at an interim analysis.\n")
    assert {a.object for a in facts(text) if a.predicate == "armIntervention"} == {"regimen__quorimab__zorbanib"}


def test_an_arm_named_by_its_role_takes_the_count_in_its_bracket():
    from test_abstracts import sizes
    text = ("ZETA-7 results\n\nIn the phase 3 ZETA-7 trial, patients were randomized to zorbanib plus quorimab or "
            "felotinib. Median OS was 21.0 months in the zorbanib plus quorimab arm (n = 301) vs 17.5 months in the "
            "control arm (n = 299; HR, 0.81).\n")
    assert sizes(facts(text)) == {"regimen__quorimab__zorbanib": 301, "felotinib": 299}


def test_a_trial_a_filing_is_supported_by_tested_the_filings_regimen():
    text = ("Acme filing accepted\n\nThe agency accepted the application for quorimab, combined with the invented "
            "kinase inhibitor zorbanib, as a first-line treatment of HCC. The filing is supported by the ZETA-310 "
            "study, a global phase 3 trial that demonstrated a survival benefit for the combination therapy, with a "
            "median overall survival of 22.0 months.\n")
    found = facts(text)
    assert {a.object for a in found if a.predicate == "armIntervention"} == {"regimen__quorimab__zorbanib"}
    assert {str(a.attribute_values("value")[0]) for a in found if a.predicate == "hasMeasurement"} == {"22.0"}


@pytest.mark.parametrize("text", [
    "Zorbanib approved\n\nThe approvals rest on the ZENITH, MAGNOLIA and SEQUOIA-2 Phase III trials, each reported "
    "last year.\n",
    "Zorbanib approved\n\nThe approvals rest on results from the ZENITH and MAGNOLIA trials and the SEQUOIA-2 "
    "phase 3 study.\n",
])
def test_trials_named_in_a_list_before_one_plural_trial_word_are_each_reported(text):
    found = {(a.subject, dict(a.attributes).get("phase")) for a in facts(text) if a.predicate == "isClinicalTrial"}
    assert {key for key, _ in found} == {"trial__zenith", "trial__magnolia", "trial__sequoia2"}


@pytest.mark.parametrize("opening", ["A separate randomized, controlled phase 3 study", "An independent phase 3 trial",
                                     "A second placebo-controlled phase III study"])
def test_a_separate_study_with_the_same_arms_is_a_trial_of_its_own(opening):
    from test_abstracts import values
    text = ("Invented drug news\n\nZorbanib was approved based on the ZETA-9 study of 600 patients randomized to "
            "zorbanib vs. placebo. Median OS was 10.7 months for zorbanib and 7.9 months for placebo. "
            f"{opening} in 226 invented patients comparing zorbanib to placebo showed an OS of 6.5 months for zorbanib "
            "compared to 4.2 months for placebo.\n")
    found = facts(text)
    zeta = {(a.subject, a.attribute_values("value")[0]) for a in found
            if a.predicate == "hasMeasurement" and a.subject.startswith("arm__zeta9")}
    assert {str(v) for _, v in zeta} == {"10.7", "7.9"}  # not the separate study's 6.5 and 4.2
    assert len([a for a in found if a.predicate == "isClinicalTrial"]) == 2


def test_a_titles_unnamed_study_is_the_trial_of_its_phase_the_body_names():
    text = ("Zorbanib gives no survival benefit in HCC, phase 3 study shows\n\nZorbanib, an invented MET inhibitor, is "
            "not better than placebo in adults with HCC. The results from the ZETA-9 phase 3 trial were announced by "
            "Acme. Patients were randomized to receive either zorbanib or a matching placebo.\n")
    trials = {a.subject for a in facts(text) if a.predicate == "isClinicalTrial"}
    assert trials == {"trial__zeta9"}


def test_a_closing_registration_number_names_the_documents_one_trial_after_a_remark_on_further_studies():
    text = ("Zorbanib plus quorimab in invented HCC: a phase Ib/II trial\n\nMethods: Adults were given zorbanib plus "
            "quorimab. Results: 28 adults received zorbanib plus quorimab. The ORR was 10.7%. Conclusion: The dose is "
            "recommended for further studies. Trial registration number NCT01234567.\n")
    assert {a.subject for a in facts(text) if a.predicate == "isClinicalTrial"} == {"trial__nct01234567"}


@pytest.mark.parametrize("sentence", [
    "Zorbanib, a kinase inhibitor that binds to two invented kinases (K1 and K2), is currently in phase I clinical "
    "trials (NCT07654321).",
    "Zorbanib is being evaluated in a registered study (NCT07654321).",
])
def test_a_registered_trial_a_drug_is_said_to_be_in_tested_that_drug(sentence):
    found = facts(f"An invented profile\n\n{sentence}\n")
    assert {a.object for a in found if a.predicate == "armIntervention"} == {"zorbanib"}


def test_a_trial_an_action_of_the_trial_in_context_rested_on_does_not_take_the_context():
    text = ("ZETA-8: zorbanib versus felotinib\n\nIn the phase 3 ZETA-8 trial, patients were randomized to zorbanib, "
            "felotinib or quorimab. Recruitment to quorimab ceased after a planned analysis of Study 31 showed no benefit. "
            "In total, 600 patients were randomized to zorbanib (n = 300) or felotinib (n = 300).\n")
    sized = {a.subject for a in facts(text) if a.predicate == "armSize"}
    assert sized == {"arm__zeta8__zorbanib", "arm__zeta8__felotinib"}


def test_a_drug_given_in_an_earlier_line_is_who_the_patients_are_not_a_second_agent():
    found = facts("An invented review\n\nThe ZETA trial is a randomized phase III trial investigating zorbanib as "
                  "second-line treatment following first-line therapy with felotinib in advanced HCC.\n")
    assert {a.object for a in found if a.predicate == "armIntervention"} == {"zorbanib"}


@pytest.mark.parametrize("design", ["randomized, placebo-controlled", "randomized, placebocontrolled"])
def test_an_approval_based_on_a_placebo_controlled_named_trial_gives_it_a_placebo_arm(design):
    found = facts(f"An invented notice\n\nThe approval of zorbanib was based on results of the {design}, phase 3 ZETA-9 "
                  "trial in patients with unresectable HCC.\n")
    assert {a.object for a in found if a.predicate == "armIntervention"} == {"zorbanib", "placebo"}


def test_an_approval_based_on_a_named_trial_gives_it_the_one_regimen_the_notice_is_about():
    # the regimen's drugs are also named alone, each with what it does: still one agent in the notice
    found = facts("Zorbanib plus quorimab approved for liver cancer (invented)\n\nThe agency approved zorbanib plus "
                  "quorimab for unresectable HCC. Zorbanib is an invented small molecule. Quorimab is an invented "
                  "antibody. The approval is based on results of the phase 3 ZETA-4 trial.\n")
    assert {a.object for a in found if a.predicate == "armIntervention"} == {REGIMEN_QZ}


def test_an_approval_of_the_one_agent_based_on_a_named_trial_gives_it_that_agents_arm():
    found = facts("An invented notice\n\nBased on data from the phase III ZETA-7 trial, the agency granted approval to "
                  "zorbanib in May 2031 for patients with HCC who had been previously treated with felotinib.\n")
    assert {a.object for a in found if a.predicate == "armIntervention"} == {"zorbanib"}


def test_a_trial_named_placebo_controlled_after_its_drug_was_read_gains_the_placebo_arm():
    found = facts("An invented news item\n\nZorbanib missed its primary endpoint in a phase 3 study. The "
                  "placebo-controlled ZETA-9 study, run by a partner, enrolled adults with HCC.\n")
    assert {a.object for a in found if a.predicate == "armIntervention"} == {"zorbanib", "placebo"}


@pytest.mark.parametrize("compared", ["zorbanib plus best supportive care with placebo plus BSC",
                                      "zorbanib plus best supportive care (BSC) with placebo/BSC"])
def test_care_given_in_both_arms_of_a_comparison_does_not_join_the_compared_side(compared):
    found = facts(f"An invented news item\n\nThe phase 3 ZETA-9 study was comparing {compared} in adults with HCC.\n")
    assert {a.object for a in found if a.predicate == "armIntervention"} == {"zorbanib", "placebo"}


def test_a_phase_3_study_then_the_study_testing_its_drug_against_placebo():
    found = facts("An invented news item\n\nAn experimental drug did not meet the main goal of a phase 3 study, the "
                  "company said. It said two other phase 3 studies of zorbanib continue. In the study just ended, "
                  "zorbanib was being tested against placebo in adults with HCC.\n")
    assert {a.object for a in found if a.predicate == "armIntervention"} == {"zorbanib", "placebo"}


def test_a_drug_named_back_by_its_class_in_a_trial_sentence_is_the_titles_drug():
    def arms(sentence: str) -> set[str]:
        found = facts(f"Acme withdraws quorimab in liver cancer\n\n{sentence}\n")
        return {a.object for a in found if a.predicate == "armIntervention"}
    assert arms("In the ZETA-9 trial, the PD-1 antibody failed to prolong survival compared with felotinib.") \
        == {"quorimab", "felotinib"}
    # a drug named before the epithet in the sentence: "the PD-1 antibody" may be that one
    assert "quorimab" not in arms("In the ZETA-9 trial, zorbanib and then the PD-1 antibody failed to prolong "
                                  "survival compared with felotinib.")


def test_a_news_item_recalling_earlier_evidence_and_spelling_its_shares_out():
    text = ("Invented trial news\n\nThe HERON-9 trial, a phase 3 study, compared zorbanib plus quorimab with felotinib "
            "in adults with HCC. Previously, quorimab has shown better outcomes than sorafenib in an earlier study. "
            "Patients were randomized to zorbanib plus quorimab or felotinib. Median OS reached 21.5 months with "
            "zorbanib plus quorimab against 17.2 months with felotinib. Zorbanib plus quorimab had a higher share of "
            "patients alive at 24 months (47% vs 36%). Twenty-nine percent of those on zorbanib plus quorimab "
            "had an objective response, versus 11% of those on felotinib.\n")
    found = facts(text)
    # the earlier evidence gives the trial no arms of its own (quorimab alone, sorafenib)
    assert {a.subject for a in found if a.predicate == "isClinicalTrial"} == {"trial__heron9"}
    assert {a.object for a in found if a.predicate == "armIntervention"} == {"regimen__quorimab__zorbanib", "felotinib"}
    measured = {(a.subject.split("__", 2)[2], a.object, a.context_value("timepoint"), str(a.attribute_values("value")[0]))
                for a in found if a.predicate == "hasMeasurement"}
    assert measured == {("regimen__quorimab__zorbanib", "os", "", "21.5"), ("felotinib", "os", "", "17.2"),
                        ("regimen__quorimab__zorbanib", "os", "24-month", "47"), ("felotinib", "os", "24-month", "36"),
                        ("regimen__quorimab__zorbanib", "orr", "", "29"), ("felotinib", "orr", "", "11")}


def test_a_headline_s_one_drug_is_the_regimen_the_report_names_in_full_with_each_arm_s_count():
    text = ("Zorbanib Combination Beats Embolisation in Invented Trial\n\nInterim data from the KESTREL-HCC trial "
            "compared zorbanib/quorimab vs TACE. Median time to progression was 12.1 months among 90 patients who "
            "received zorbanib/quorimab vs 8.2 months among 84 of those who received TACE. Disease control (DCR) was reached "
            "by 71% of the zorbanib/quorimab group and by 52% of the TACE group.\n")
    found = facts(text)
    arm_of = {a.subject: a.object for a in found if a.predicate == "armIntervention"}
    assert set(arm_of.values()) == {"regimen__quorimab__zorbanib", "tace"}
    assert {(arm_of[a.subject], a.object) for a in found if a.predicate == "armSize"} == {
        ("regimen__quorimab__zorbanib", 90), ("tace", 84)}
    assert {(arm_of[a.subject], str(a.attribute_values("value")[0])) for a in found
            if a.predicate == "hasMeasurement" and a.object == "dcr"} == {("regimen__quorimab__zorbanib", "71"), ("tace", "52")}


def test_a_trial_s_result_clause_gives_it_arms_and_an_observational_study_named_beside_it_is_no_trial():
    text = ("Invented interview\n\nFollowing the phase 3 HERON trial, which showed that zorbanib improved survival "
            "versus placebo in pretreated adults, we report the global KESTREL observational trial of zorbanib in "
            "real-world practice. KESTREL enrolled a broader population than HERON.\n")
    found = facts(text)
    assert {a.subject for a in found if a.predicate == "isClinicalTrial"} == {"trial__heron"}
    assert {a.object for a in found if a.predicate == "armIntervention"} == {"zorbanib", "placebo"}


def test_a_pair_named_before_combination_therapy_is_one_arm_and_superior_in_an_endpoint_to_names_the_other():
    text = ("Invented review\n\nThe phase 3 ORCHID trial showed that zorbanib (an anti-PD-1 antibody) and quorimab "
            "combination therapy gave superior overall survival to felotinib in adults with HCC.\n")
    found = facts(text)
    assert {a.object for a in found if a.predicate == "armIntervention"} == {"regimen__quorimab__zorbanib", "felotinib"}
