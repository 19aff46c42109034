"""Cohorts of one trial given the same agents, told apart by a label, as arms of their own
(extract/cohort_arms.py), on invented trials with the packaged vocabulary."""

from __future__ import annotations

import pytest

from hcc_kg.extract import extract_document
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.arm_references import labels_defined
from hcc_kg.extract.cohort_arms import cohort_labels, cohort_sizes, cohort_uses, part_cohorts
from hcc_kg.model import Document

TR = "regimen__regorafenib__tislelizumab"
DESIGN = ("Tislelizumab plus regorafenib in advanced HCC (GANNET-7): an open-label phase II study. Two dosing "
          "schemes were opened: 200 mg tislelizumab every 3 weeks plus regorafenib (cohort A) and 400 mg "
          "tislelizumab every 6 weeks plus regorafenib (cohort B). ")


def facts(text: str, vocabulary, finder) -> list:
    return extract_document(Document.from_text("d1", f"{text}\n"), vocabulary, finder)


def arms_of(found) -> dict[str, dict]:
    """{arm key's tail: {"agent", "cohort", "size", "values"}} of each arm read."""
    arms: dict[str, dict] = {}
    def arm(key: str) -> dict:
        return arms.setdefault(key.split("__", 2)[-1], {"values": set()})
    for a in found:
        if a.predicate == "hasArm":
            arm(a.object)
        elif a.predicate == "armIntervention":
            arm(a.subject)["agent"] = a.object
        elif a.predicate == "armCohort":
            arm(a.subject)["cohort"] = a.object
        elif a.predicate == "armSize":
            arm(a.subject)["size"] = a.object
        elif a.predicate == "hasMeasurement":
            arm(a.subject)["values"].add((a.object, str(dict(a.attributes)["value"])))
    return arms


def test_labelled_cohorts_of_one_regimen_are_two_arms_with_their_own_sizes_and_values(vocabulary, finder):
    text = (DESIGN + "Sixty adults took part, with 33 in cohort A and 27 in cohort B. Response rates (ORR) in cohort A "
            "reached 30.3% and that in cohort B was 29.6%, and the median PFS came to 7.2 months (95% CI 5.1-9.0) and 8.1 "
            "months, respectively. The median OS was 20.5 months for cohort A and 22.0 months for cohort B.")
    assert arms_of(facts(text, vocabulary, finder)) == {
        f"{TR}__cohort_a": {"agent": TR, "cohort": "cohort A", "size": 33,
                            "values": {("orr", "30.3"), ("pfs", "7.2"), ("os", "20.5")}},
        f"{TR}__cohort_b": {"agent": TR, "cohort": "cohort B", "size": 27,
                            "values": {("orr", "29.6"), ("pfs", "8.1"), ("os", "22.0")}},
    }


def test_values_listed_respectively_in_the_next_sentence_follow_the_cohorts_last_named(vocabulary, finder):
    text = (DESIGN + "Cohort B enrolled 27 patients and cohort A enrolled 33 patients. The median PFS was 8.1 and "
            "7.2 months, respectively.")
    arms = arms_of(facts(text, vocabulary, finder))
    assert (arms[f"{TR}__cohort_a"]["size"], arms[f"{TR}__cohort_b"]["size"]) == (33, 27)
    assert arms[f"{TR}__cohort_a"]["values"] == {("pfs", "7.2")}
    assert arms[f"{TR}__cohort_b"]["values"] == {("pfs", "8.1")}


def test_cohorts_given_different_agents_stay_aliases_of_their_agents(vocabulary, finder):
    # (two labels for two regimens: arms keyed by their agents, as before)
    text = ("The GANNET-8 study was an open-label phase II study. Adults were enrolled to receive either tislelizumab "
            "plus regorafenib (cohort A) or tislelizumab plus lenvatinib (cohort B). The ORR was 30.3% in cohort A "
            "and 19.6% in cohort B.")
    arms = arms_of(facts(text, vocabulary, finder))
    assert arms == {TR: {"agent": TR, "values": {("orr", "30.3")}},
                    "regimen__lenvatinib__tislelizumab": {"agent": "regimen__lenvatinib__tislelizumab",
                                                          "values": {("orr", "19.6")}}}


def test_a_value_at_a_time_point_is_no_cohort_s_median(vocabulary, finder):
    text = DESIGN + "The 12-month OS rate was 61.0% in cohort A and 58.2% in cohort B."
    assert all(not arm["values"] for arm in arms_of(facts(text, vocabulary, finder)).values())


def test_a_label_in_the_bracket_after_an_agent_and_its_schedule_is_defined(vocabulary, finder):
    doc = AnalysedDocument(Document.from_text("d", DESIGN), vocabulary, finder)
    assert labels_defined(doc, doc.sentences[1]) == {"cohort a": TR, "cohort b": TR}


@pytest.mark.parametrize("text, sizes", [
    ("Of 60 patients, 33 were in cohort A and 27 in cohort B.", {"cohort a": 33, "cohort b": 27}),
    ("Cohort A (n = 33) and cohort B (n = 27) were analysed.", {"cohort a": 33, "cohort b": 27}),
    ("Cohort A had 33 patients; cohort B had 27 patients.", {"cohort a": 33, "cohort b": 27}),
    ("The ORR was 30.3% in cohort A and 29.6% in cohort B.", {}),  # shares, no counts
    ("Grade 3 events occurred in cohorts A and B.", {}),
])
def test_cohort_sizes(text, sizes):
    cohorts = {"cohort a": TR, "cohort b": TR}
    assert cohort_sizes(text, cohort_uses(text, cohorts)) == sizes


NS = "regimen__nintedanib__sorafenib"


def test_doses_listed_with_their_patients_respectively_are_cohorts_named_by_dose_afterwards(vocabulary, finder):
    text = ("A phase 2 study of nintedanib plus sorafenib in untreated advanced HCC. Of 52 adults, 6 and 46 were given "
            "nintedanib at the 100 mg and 200 mg b.i.d. levels, respectively. For the 200 mg b.i.d. nintedanib cohort, "
            "TTP had a median of 3.9 months; OS had one of 15.2 months.")
    arms = arms_of(facts(text, vocabulary, finder))
    assert {tail.rsplit("__", 1)[-1]: (arm["agent"], arm.get("cohort"), arm.get("size"), arm["values"])
            for tail, arm in arms.items()} == {
        "100_mg": (NS, "100 mg", 6, set()),
        "200_mg": (NS, "200 mg", 46, {("ttp", "3.9"), ("os", "15.2")})}


def test_three_doses_with_one_unit_printed_once(vocabulary, finder):
    text = ("The single-arm phase 2 SALMON-4 study tested tivantinib in advanced HCC. In all, 12, 10 and 11 patients "
            "were treated with tivantinib at 120, 240 and 360 mg, respectively. The ORR was 8% in the 120 mg group, "
            "10% in the 240 mg group and 9.1% in the 360-mg group.")
    arms = arms_of(facts(text, vocabulary, finder))
    assert {arm.get("cohort"): (arm.get("size"), arm["values"]) for arm in arms.values()} == {
        "120 mg": (12, {("orr", "8")}), "240 mg": (10, {("orr", "10")}), "360 mg": (11, {("orr", "9.1")})}


def test_doses_of_a_drug_no_arm_gives_define_no_cohorts(vocabulary, finder):
    # (the doses are of lenvatinib, which this trial of tivantinib does not give)
    text = ("The single-arm phase 2 SALMON-5 study tested tivantinib in advanced HCC. Earlier, 12 and 10 patients "
            "received lenvatinib at 8 and 12 mg, respectively. The ORR was 8% in the 8 mg group.")
    assert not any(arm.get("cohort") for arm in arms_of(facts(text, vocabulary, finder)).values())


@pytest.mark.parametrize("text, sizes", [
    ("Tepotinib doses rose from 100 to 700 mg; 24 patients were treated during dose escalation, and the chosen dose "
     "was expanded to a further 57 patients.", {"dose escalation": 24, "dose expansion": 57}),
    ("The dose-escalation part enrolled 15 patients and the dose-expansion part enrolled 33 patients.",
     {"dose escalation": 15, "dose expansion": 33}),
    ("Patients were treated in an escalation cohort (n = 9) and an expansion cohort of 31 patients.",
     {"dose escalation": 9, "dose expansion": 31}),
    ("The dose-escalation design followed a 3+3 rule.", {}),
])
def test_part_cohorts(text, sizes):
    assert part_cohorts(text) == sizes


def test_the_two_parts_of_a_phase_1_study_counted_apart_are_its_cohorts(vocabulary, finder):
    text = ("A phase 1 study of tepotinib in advanced HCC. Of the 57 patients, 19 were enrolled in dose escalation and 38 "
            "in the expansion phase. Median PFS was 3.1 months in the expansion phase.")
    arms = arms_of(facts(text, vocabulary, finder))
    assert {arm.get("cohort"): (arm.get("size"), arm["values"]) for arm in arms.values()} == {
        "dose escalation": (19, set()), "dose expansion": (38, {("pfs", "3.1")})}


def test_one_part_counted_alone_is_no_cohort(vocabulary, finder):
    # (the escalation's patients are no arm's size, as before: the trial's one arm keeps its values)
    text = ("A phase 1 study of tepotinib in advanced HCC. In the dose-escalation part, 18 patients were treated. "
            "The median OS was 9.0 months.")
    assert arms_of(facts(text, vocabulary, finder)) == {"tepotinib": {"agent": "tepotinib", "values": {("os", "9.0")}}}


def test_cohorts_of_one_regimen_told_apart_by_earlier_treatment_are_no_arms_of_their_own(vocabulary, finder):
    # (subgroups, not arms: no dose or schedule sets them apart, so their labels stay aliases of the one arm)
    text = ("By prior sorafenib, adults were enrolled to receive either tislelizumab plus regorafenib (cohort A, "
            "sorafenib-naive) or tislelizumab plus regorafenib (cohort B, sorafenib-pretreated).")
    doc = AnalysedDocument(Document.from_text("d", text), vocabulary, finder)
    defined = labels_defined(doc, doc.sentences[0])
    assert defined == {"cohort a": TR, "cohort b": TR}
    assert cohort_labels(defined, text) == {}
    assert cohort_labels(defined, DESIGN) == defined


def test_values_listed_respectively_for_endpoints_listed_before_them_are_no_cohorts(vocabulary, finder):
    # ("respectively" pairs the two endpoints with the two values here, not the two cohorts named before)
    text = (DESIGN + "Cohort A enrolled 33 patients and cohort B enrolled 27 patients. In all patients, the ORR and DCR "
            "were 30.3% and 61.0%, respectively.")
    arms = arms_of(facts(text, vocabulary, finder))
    assert not any(arm["values"] for key, arm in arms.items() if "cohort" in key)


def test_an_agent_given_to_cohorts_keeps_its_own_arm_when_a_hazard_ratio_compares_it(vocabulary, finder):
    text = ("In the randomised phase 2 PETREL-44 trial, patients received lenvatinib 8 mg (arm A), lenvatinib 12 mg "
            "(arm B) or placebo. Arm A enrolled 40 patients and arm B enrolled 41 patients. Lenvatinib reduced the risk "
            "of death versus placebo (HR 0.70, 95% CI 0.50-0.95).")
    found = facts(text, vocabulary, finder)
    assert set(arms_of(found)) == {"lenvatinib", "lenvatinib__arm_a", "lenvatinib__arm_b", "placebo"}
    ratio = next(a for a in found if a.predicate == "hasEffectEstimate")
    assert ratio.context_value("experimental") == "arm__petrel44__lenvatinib"


def test_values_listed_then_the_cohorts_named_then_respectively(vocabulary, finder):
    text = ("In the phase 2 PLOVER-7 study of tislelizumab plus regorafenib, patients were enrolled into two cohorts: "
            "cohort 1 received 200 mg tislelizumab every 3 weeks plus regorafenib, and cohort 2 received 400 mg "
            "tislelizumab every 6 weeks plus regorafenib. In cohort 1 (n = 30), the ORR was 30%; in cohort 2 (n = 28), "
            "it was 25%. Median PFS was 7.1 and 6.4 months in cohorts 1 and 2, respectively.")
    arms = arms_of(facts(text, vocabulary, finder))
    assert {arm.get("cohort"): (arm.get("size"), arm["values"]) for arm in arms.values()} == {
        "cohort 1": (30, {("orr", "30"), ("pfs", "7.1")}), "cohort 2": (28, {("orr", "25"), ("pfs", "6.4")})}


def test_a_cohort_s_count_after_a_semicolon_in_its_bracket(vocabulary, finder):
    text = ("In the phase 2 PLOVER-9 study, patients received 200 mg tislelizumab every 3 weeks plus regorafenib (cohort "
            "1; n = 30) or 400 mg tislelizumab every 6 weeks plus regorafenib (cohort 2; n = 28). The ORR was 30% in "
            "cohort 1 versus 25% in cohort 2.")
    arms = arms_of(facts(text, vocabulary, finder))
    assert {arm.get("cohort"): (arm.get("size"), arm["values"]) for arm in arms.values()} == {
        "cohort 1": (30, {("orr", "30")}), "cohort 2": (28, {("orr", "25")})}


@pytest.mark.parametrize("text, expected", [
    ("In the phase 2 PLOVER-10 study, patients received tivantinib at 120 mg (low-dose cohort, n = 20) or 240 mg "
     "(high-dose cohort, n = 22). The ORR was 10% and 14% in the low-dose and high-dose cohorts, respectively.",
     {"low dose": (20, {("orr", "10")}), "high dose": (22, {("orr", "14")})}),
    ("In the phase 2 PLOVER-11 study of tivantinib, 20 patients were treated in the low-dose group and 22 in the "
     "high-dose group. Median OS was 7.0 months in the low-dose group and 8.5 months in the high-dose group.",
     {"low dose": (20, {("os", "7.0")}), "high dose": (22, {("os", "8.5")})}),
])
def test_cohorts_named_by_dose_level_are_the_one_arm_s_cohorts(text, expected, vocabulary, finder):
    arms = arms_of(facts(text, vocabulary, finder))
    assert {arm.get("cohort"): (arm.get("size"), arm["values"]) for arm in arms.values()} == expected
