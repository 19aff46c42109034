"""Trial readouts as news items and press releases write them (invented trials, drugs and numbers)."""

from __future__ import annotations

from hcc_kg.keys import agent_key
from test_abstracts import D, arms, facts, values


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
