"""Trial readouts as news items and press releases write them (invented trials, drugs and numbers)."""

from __future__ import annotations

from hcc_kg.keys import agent_key
from test_abstracts import REGIMEN_QZ, D, arms, facts, sizes, values


def test_a_spelled_out_percent_is_a_percentage():
    found = facts("In the phase 3 ZENITH-2 study, adults were randomly assigned to zorbanib or placebo. The response "
                  "rate was 7 percent with zorbanib versus 1.5 percent with placebo.")
    assert values(found)[("zorbanib", "orr", "")] == D("7")
    assert values(found)[("placebo", "orr", "")] == D("1.5")


def test_a_spelled_out_percent_confidence_level_is_no_value():
    found = facts("In the phase 2 LUMEN-4 trial, 60 patients received zorbanib. The ORR came to 41.5 percent (95 "
                  "percent confidence interval [CI] 30.1-52.2), and the 12-month survival rate was 66 percent (95 per "
                  "cent CI, 55.0-77.0).")
    assert values(found) == {("zorbanib", "orr", ""): D("41.5"), ("zorbanib", "os", "12-month"): D("66")}


def test_arms_given_in_turn_each_with_an_and_in_its_later_phase_stay_three_arms():
    found = facts("The ORBIT-3 study randomized 420 adults to one of three schedules: quorimab plus TACE "
                  "then quorimab and placebo, quorimab plus TACE then quorimab and zorbanib, or placebo plus TACE then "
                  "placebo.")
    assert sorted(arms(found, "trial__orbit3")) == sorted([agent_key(["quorimab", "tace"]),
                                                           agent_key(["quorimab", "tace", "zorbanib"]), "tace"])


THREE_ARMS = ("ORBIT-3 randomized 420 adults to placebo plus TACE followed by placebo, quorimab plus TACE followed by "
              "quorimab and zorbanib, or quorimab plus TACE followed by quorimab and placebo. ")
BOTH = agent_key(["quorimab", "tace", "zorbanib"])
ONE = agent_key(["quorimab", "tace"])


def test_the_addition_of_drugs_to_a_backbone_names_the_arm_of_all_of_them():
    found = facts(THREE_ARMS + "Adding quorimab and zorbanib to TACE gave a median PFS of 13.1 months, versus 7.7 "
                  "months for those on TACE plus placebo.")
    assert values(found) == {(BOTH, "pfs", ""): D("13.1"), ("tace", "pfs", ""): D("7.7")}


def test_only_one_drug_on_a_shared_backbone_names_that_drugs_arm():
    found = facts(THREE_ARMS + "Zorbanib made the difference: median PFS with only quorimab was 9.4 months.")
    assert values(found) == {(ONE, "pfs", ""): D("9.4")}
    found = facts(THREE_ARMS + "With quorimab alone the median PFS was 9.4 months.")
    assert values(found) == {(ONE, "pfs", ""): D("9.4")}
    # ... but a drug named without "only" or "alone" is in two arms: no one arm's value
    assert values(facts(THREE_ARMS + "The median PFS was 9.4 months with quorimab.")) == {}


LUMEN = ("LUMEN was a phase II study; its patients were given quorimab by infusion, 3 mg/kg (or 150 mg above 60 kg) "
         "each fortnight, in addition to zorbanib by mouth. ")


def test_a_drug_given_in_addition_to_another_makes_one_arm_of_both():
    assert arms(facts(LUMEN), "trial__lumen") == [REGIMEN_QZ]
    # ... care given besides is no part of the arm
    found = facts("LUMEN was a phase II study in which patients received zorbanib 80 mg in addition to best supportive care.")
    assert arms(found, "trial__lumen") == ["zorbanib"]


def test_a_single_arm_value_in_a_cohort_by_earlier_therapy_is_a_subgroups():
    found = facts(LUMEN + "The objective response rate reached 29.0% (18/62; 95% confidence interval (CI), 18.2-41.9) in "
                  "the treatment-naive cohort and 17.5% (14/80; 95% CI, 9.9-27.6) in the pretreated cohort.")
    assert values(found) == {}
    # ... while cohorts by dose are the arm's
    found = facts("LUMEN was a phase II study; its patients were given quorimab 150 mg in addition to zorbanib. "
                  "The objective response rate was 29.0% (18/62) in the low-dose cohort and 17.5% (14/80) in "
                  "the high-dose cohort.")
    assert sorted(a.attribute_values("value")[0] for a in found if a.predicate == "hasMeasurement") == [D("17.5"), D("29.0")]


def test_durable_responses_in_months_are_the_duration_of_response():
    head = "In the phase 3 ORBIT-5 trial, patients were randomized to zorbanib or felotinib. "
    found = facts(head + "Zorbanib gave more responses (22.0% vs 9.5%) and more durable responses (19.3 vs 8 months) "
                  "than felotinib.")
    assert values(found)[("zorbanib", "dor", "")] == D("19.3")
    assert values(found)[("felotinib", "dor", "")] == D("8")
    found = facts(head + "Responses lasted a median of 9.2 months with zorbanib and 5.1 months with felotinib.")
    assert values(found) == {("zorbanib", "dor", ""): D("9.2"), ("felotinib", "dor", ""): D("5.1")}
    # ... a share of patients with durable responses is no duration
    assert values(facts(head + "Zorbanib gave durable responses in 20% of patients versus 5% with felotinib.")) == {}


def test_a_count_split_between_settings_is_no_single_arm_trials_size():
    head = "LUMEN was a phase II study; its patients were given quorimab 150 mg plus zorbanib 80 mg. "
    assert sizes(facts(head + "Of these, 62 patients were treated in the untreated setting and 80 patients in the "
                       "pretreated setting.")) == {}
    assert sizes(facts(head + "Sixty-two patients were enrolled in the naive cohort and 80 in the pretreated cohort.")) == {}
    # ... a count whose clause goes on about something else is the trial's
    assert sizes(facts(head + "Sixty-two patients were enrolled at nine sites and 40 patients had cirrhosis.")) == {REGIMEN_QZ: 62}
