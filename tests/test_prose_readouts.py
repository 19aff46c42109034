"""Trial readouts as news items and press releases write them (invented trials, drugs and numbers)."""

from __future__ import annotations

from hcc_kg.keys import agent_key
from test_abstracts import REGIMEN_QZ, D, arms, facts, sizes, values


def test_a_spelled_out_percent_is_a_percentage():
    found = facts("Results of the phase III ZENITH-2 trial showed a median overall survival of 10.2 months with "
                  "zorbanib and 8.0 months with placebo. The study also improved objective response rates "
                  "(4 percent versus 0.4 percent).")
    assert values(found)[("zorbanib", "orr", "")] == D("4")
    assert values(found)[("placebo", "orr", "")] == D("0.4")


def test_a_spelled_out_percent_confidence_level_is_no_value():
    found = facts("In the phase 2 LUMEN-4 trial, 60 patients received zorbanib. The objective response rate was "
                  "31.5 percent (95 percent confidence interval (CI), 20.1-40.2) and the 12-month survival rate "
                  "was 70 percent (95 per cent CI, 60.0-80.0).")
    assert values(found) == {("zorbanib", "orr", ""): D("31.5"), ("zorbanib", "os", "12-month"): D("70")}


def test_arms_given_in_turn_each_with_an_and_in_its_later_phase_stay_three_arms():
    found = facts("The ORBIT-3 trial enrolled 600 patients. The patients were randomized into three groups: quorimab "
                  "plus TACE followed by quorimab and placebo, quorimab plus TACE followed by quorimab and zorbanib, or "
                  "placebo plus TACE followed by placebo.")
    assert sorted(arms(found, "trial__orbit3")) == sorted([agent_key(["quorimab", "tace"]),
                                                           agent_key(["quorimab", "tace", "zorbanib"]), "tace"])


THREE_ARMS = ("The ORBIT-3 trial enrolled 600 patients. The patients were randomized into three groups: quorimab plus TACE "
              "followed by quorimab and placebo, quorimab plus TACE followed by quorimab and zorbanib, or placebo plus "
              "TACE followed by placebo. ")
BOTH = agent_key(["quorimab", "tace", "zorbanib"])
ONE = agent_key(["quorimab", "tace"])


def test_the_addition_of_drugs_to_a_backbone_names_the_arm_of_all_of_them():
    found = facts(THREE_ARMS + "The addition of quorimab and zorbanib to TACE led to a median PFS of 15.0 months, "
                  "compared to 8.2 months for patients who received TACE plus placebo.")
    assert values(found) == {(BOTH, "pfs", ""): D("15.0"), ("tace", "pfs", ""): D("8.2")}


def test_only_one_drug_on_a_shared_backbone_names_that_drugs_arm():
    found = facts(THREE_ARMS + "The gain came from zorbanib, as patients who received only quorimab had a median PFS "
                  "of 10.0 months.")
    assert values(found) == {(ONE, "pfs", ""): D("10.0")}
    found = facts(THREE_ARMS + "Patients given quorimab alone had a median PFS of 10.0 months.")
    assert values(found) == {(ONE, "pfs", ""): D("10.0")}
    # ... but a drug named without "only" or "alone" is in two arms: no one arm's value
    assert values(facts(THREE_ARMS + "The median PFS was 10.0 months with quorimab.")) == {}


LUMEN = ("In the phase II LUMEN trial, patients were given intravenous quorimab at 200 mg (for bodyweight of 50 kg or "
         "more) or 3 mg/kg every 2 weeks in addition to oral zorbanib 250 mg daily. ")


def test_a_drug_given_in_addition_to_another_makes_one_arm_of_both():
    assert arms(facts(LUMEN), "trial__lumen") == [REGIMEN_QZ]
    # ... care given besides is no part of the arm
    found = facts("In the phase II LUMEN trial, patients received zorbanib 200 mg daily in addition to best supportive care.")
    assert arms(found, "trial__lumen") == ["zorbanib"]


def test_a_single_arm_value_in_a_cohort_by_earlier_therapy_is_a_subgroups():
    found = facts(LUMEN + "The objective response rate was 34.3% (24/70; 95% confidence interval (CI), 23.3-46.6) in the "
                  "first-line cohort and 22.5% (27/120; 95% CI, 15.4-31.0) in the second-line cohort.")
    assert values(found) == {}
    # ... while cohorts by dose are the arm's
    found = facts("In the phase II LUMEN trial, patients were given quorimab 200 mg every 2 weeks in addition to oral "
                  "zorbanib. The objective response rate was 34.3% (24/70) in the low-dose cohort and 22.5% (27/120) in "
                  "the high-dose cohort.")
    assert sorted(a.attribute_values("value")[0] for a in found if a.predicate == "hasMeasurement") == [D("22.5"), D("34.3")]


def test_durable_responses_in_months_are_the_duration_of_response():
    head = "In the phase 3 ORBIT-5 trial, patients were randomized to zorbanib or felotinib. "
    found = facts(head + "Zorbanib was associated with a higher objective response rate – 14.3% versus 5.4% – and more "
                  "durable responses – 36.1 months versus 11 months – compared with felotinib.")
    assert values(found)[("zorbanib", "dor", "")] == D("36.1")
    assert values(found)[("felotinib", "dor", "")] == D("11")
    found = facts(head + "Responses lasted a median of 9.2 months with zorbanib and 5.1 months with felotinib.")
    assert values(found) == {("zorbanib", "dor", ""): D("9.2"), ("felotinib", "dor", ""): D("5.1")}
    # ... a share of patients with durable responses is no duration
    assert values(facts(head + "Zorbanib gave durable responses in 20% of patients versus 5% with felotinib.")) == {}


def test_a_count_split_between_settings_is_no_single_arm_trials_size():
    head = "In the phase II LUMEN trial, patients were given quorimab 200 mg every 2 weeks plus zorbanib 250 mg daily. "
    assert sizes(facts(head + "In total, 70 patients were treated in the first-line setting and 120 patients in the "
                       "second-line setting.")) == {}
    assert sizes(facts(head + "Seventy patients were enrolled in the first-line cohort and 120 in the second-line cohort.")) == {}
    # ... a count whose clause goes on about something else is the trial's
    assert sizes(facts(head + "Seventy patients were enrolled at 12 centres and 45 patients had HBV.")) == {REGIMEN_QZ: 70}
