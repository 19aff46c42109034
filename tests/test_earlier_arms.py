"""A sentence about the arms of a trial read earlier, after another trial was named in passing
(hcc_kg.extract.earlier_arms, through hcc_kg.extract.abstracts; invented trials, drugs and numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from test_abstracts import arms, facts, values

D = Decimal
FIRST = ("Zorbanib in advanced HCC\n\nIn the phase 3 ALPHA-4 trial, 480 adults were randomised to zorbanib or "
         "felotinib. Median OS was 15.1 months with zorbanib versus 12.9 months with felotinib. ")


@pytest.mark.parametrize("passing, back", [
    ("These figures exceed those of the OMEGA-2 trial, in which quorimab gave a median OS of 11.4 months. ",
     "The ORR was 31% with zorbanib and 12% with felotinib."),
    ("In the earlier OMEGA-2 study, quorimab reached a median OS of 11.4 months. ",
     "Objective responses occurred in 31% of the zorbanib group and 12% of the felotinib group."),
    ("By comparison, quorimab had a median OS of 11.4 months in OMEGA-2. ",
     "ORR: zorbanib 31% vs felotinib 12%."),
])
def test_values_of_the_first_trials_arms_after_a_trial_named_in_passing_are_the_first_trials(passing, back):
    found = facts(FIRST + passing + back + "\n")
    assert arms(found, "trial__alpha4") == ["zorbanib", "felotinib"]
    assert not {"zorbanib", "felotinib"} & set(arms(found, "trial__omega2"))  # not the first trial's arms
    orr = {a.subject: a.attribute_values("value")[0] for a in found if a.predicate == "hasMeasurement" and a.object == "orr"}
    assert orr == {"arm__alpha4__zorbanib": D("31"), "arm__alpha4__felotinib": D("12")}


def test_a_second_trial_randomising_the_same_agents_keeps_them():
    found = facts(FIRST + "The phase 2 OMEGA-2 trial then randomised 90 adults to zorbanib or felotinib. "
                  "The ORR was 31% with zorbanib and 12% with felotinib.\n")
    assert arms(found, "trial__omega2") == ["zorbanib", "felotinib"]
    assert values(found)[("zorbanib", "orr", "")] == D("31")
    assert sum(1 for a in found if a.predicate == "hasMeasurement" and a.object == "orr") == 2


def test_a_sentence_on_the_arms_of_the_trial_in_context_stays_with_it():
    found = facts(FIRST + "In the phase 2 OMEGA-2 trial, 60 adults were randomised to quorimab or felotinib. "
                  "The ORR was 22% with quorimab and 10% with felotinib.\n")
    assert arms(found, "trial__omega2") == ["quorimab", "felotinib"]
    got = values(found)
    assert got[("quorimab", "orr", "")] == D("22") and got[("felotinib", "orr", "")] == D("10")



def test_a_sentence_on_the_trials_arms_after_a_remark_on_other_trials_is_the_trials_again():
    found = facts(FIRST + "Two other invented trials missed their goals. The ORR was 31% with zorbanib and 12% with "
                  "felotinib.\n")
    orr = {a.subject: a.attribute_values("value")[0] for a in found if a.predicate == "hasMeasurement" and a.object == "orr"}
    assert orr == {"arm__alpha4__zorbanib": D("31"), "arm__alpha4__felotinib": D("12")}
