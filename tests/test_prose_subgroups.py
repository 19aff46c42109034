"""Groups chosen by their outcome ("patients who achieved disease control") in invented sentences: their values
are no arm's values, and the values given for everyone before them still are (extract/prose_subgroups.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.prose_subgroups import bracket_of_subgroup, chooses_a_group, is_subgroup
from hcc_kg.extract.prose_values import arm_values
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
                    Entity("quelvumab", "quelvumab", ("MonoclonalAntibody",)),
                    Entity("os", "overall survival", ("EndpointType",), ("OS",)),
                    Entity("dcr", "disease control rate", ("EndpointType",), ("DCR", "disease control")),
                    Entity("orr", "objective response rate", ("EndpointType",), ("ORR",))])
FINDER = MentionFinder(VOCAB)


def read(text: str, arms=("zorbanib", "felotinib")):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return {(v.agent, v.endpoint, v.timepoint): v.value for v in arm_values(doc, doc.sentences[0], list(arms))}


@pytest.mark.parametrize("clause", [
    "OS was further improved in patients who achieved disease control (41%",
    "OS rates for pts achieving a deep response were 61%",
    "Among participants who attained a complete response, the 4-year OS rate was 70%",
])
def test_patients_chosen_by_their_outcome_are_a_subgroup(clause):
    assert is_subgroup(clause, clause.index("%"))


@pytest.mark.parametrize("clause", [
    "In high-risk subpopulations, OS was longer with zorbanib than with felotinib (10.8 months",
    "In the invented subpopulation with large tumours, the ORR was 30%",
    "Among low-risk patients, median OS was 25.0 months",
    "In ZX9+ patients, the invented ORR was 50%",  # a marker written with its sign
    "However, in patients with a made-up score of 7, the 12-month OS rate was 44",  # a value of a score
    # the patients a biomarker analysis has samples of
    "In the tumour tissue biomarker analysis, OS was longer with zorbanib (HR 0.4",
    "Of these, 300 patients were in the serum analysis set (zorbanib n = 14",
])
def test_subpopulations_and_risk_groups_are_subgroups(clause):
    assert is_subgroup(clause, len(clause) - 2)
    assert not is_subgroup("In the full analysis set (zorbanib n = 14", 39)


@pytest.mark.parametrize("text, expected", [
    # a cohort by earlier treatment put first as the results' frame
    ("For felotinib-naive patients, median OS was 26.6 months.", {}),
    ("In the felotinib-experienced group, median OS was 15.1 months.", {}),
    # inside the sentence it restates who the trial enrolled
    ("Median OS was 15.1 months in this study of felotinib-experienced patients.",
     {("zorbanib", "os", ""): Decimal("15.1")}),
])
def test_a_cohort_by_earlier_treatment_framing_the_results_is_a_subgroup(text, expected):
    assert read(text, ("zorbanib",)) == expected


def test_the_proportion_of_patients_achieving_a_response_is_everyone():
    clause = "The ORR, the proportion of patients achieving a complete or partial response, was 23%"
    assert not is_subgroup(clause, clause.index("23%"))


def test_the_outcome_choosing_a_group_names_no_endpoint():
    text = "OS was longer in patients who achieved disease control (33.1% vs 17.4%)."
    assert chooses_a_group(text, text.index("disease control"))
    assert not chooses_a_group("The disease control rate was 60%.", 4)


def test_values_for_everyone_before_a_subgroup_with_values_of_its_own_are_read():
    got = read("The 4-year OS rate was 24.4% with zorbanib vs 11.8% with felotinib and was higher in patients who "
               "achieved disease control (33.1% vs 17.4%).")
    assert got == {("zorbanib", "os", "4-year"): Decimal("24.4"), ("felotinib", "os", "4-year"): Decimal("11.8")}


def test_a_subgroup_values_do_not_fill_a_third_arm():
    got = read("The 4-year OS rate was 24.4% with zorbanib vs 11.8% with felotinib, and was higher among patients "
               "achieving a response (52.0% vs 30.0%).", arms=("zorbanib", "quelvumab", "felotinib"))
    assert got == {("zorbanib", "os", "4-year"): Decimal("24.4"), ("felotinib", "os", "4-year"): Decimal("11.8")}


def test_values_of_a_group_chosen_by_its_outcome_alone_are_none():
    assert read("In patients who achieved disease control, the 4-year OS rate was 33.1% vs 17.4%.") == {}


@pytest.mark.parametrize("population", [
    "among patients with progression on or intolerance to first-line quelvumab",
    "among patients who progressed on or were intolerant to quelvumab",
])
def test_the_eligibility_of_a_later_line_trial_restated_is_everyone(population):
    # "progression on or intolerance to" the therapy before is who the trial enrolled, not a part of them
    got = read(f"Median OS was 9.1 months with zorbanib versus 7.0 months with felotinib {population}.")
    assert got == {("zorbanib", "os", ""): Decimal("9.1"), ("felotinib", "os", ""): Decimal("7.0")}
    # ... while a prior therapy some patients had is a subgroup
    assert read("Median OS was 9.1 months with zorbanib versus 7.0 months with felotinib among patients who "
                "received prior quelvumab.") == {}


@pytest.mark.parametrize("clause", [
    "No OS difference was seen in pts with VI (HR 1.21",
    "The benefit held in patients with EHS (HR 0.81",
    "OS was shorter in participants with PVTT (HR 1.35",
])
def test_patients_with_an_abbreviated_stratification_factor_are_a_subgroup(clause):
    assert is_subgroup(clause, clause.index("HR"))


def test_a_biomarker_level_labelling_a_ratio_is_a_subgroup():
    text = "The benefit held whatever the TPS (TPS ≥ 5% HR 0.71; TPS < 5% HR 0.88)"
    assert is_subgroup(text, text.index("HR 0.71")) and is_subgroup(text, text.index("HR 0.88"))


@pytest.mark.parametrize("clause", ["In patients with AFP ≥ 400 ng/mL, median OS was 9.1", "An ORR ≥ 20% was the target; it was 31",
                                    "OS improved (P < 0.001); the ORR was 31"])
def test_an_eligibility_level_or_a_bound_is_no_subgroup_label(clause):
    assert not is_subgroup(clause, len(clause) - 2)


@pytest.mark.parametrize("text", [
    "Among the 40 patients with stable disease who were randomly assigned to zorbanib or felotinib, median OS was 9.1 "
    "and 6.2 months, respectively.",
    "Among the 40 patients who were randomized to zorbanib or felotinib after the lead-in, median OS was 9.1 and 6.2 "
    "months, respectively.",
])
def test_the_patients_randomised_to_the_arms_are_everyone_the_arms_hold(text):
    """A discontinuation design randomises the patients with stable disease: "among the N patients with stable disease
    who were randomly assigned to A or B" names the arms, no subgroup."""
    assert read(text) == {("zorbanib", "os", ""): Decimal("9.1"), ("felotinib", "os", ""): Decimal("6.2")}
    # ... while patients chosen by another characteristic are still a subgroup
    assert read(text.replace("with stable disease", "with HBV infection").replace("patients who", "HBV patients who")) == {}


@pytest.mark.parametrize("sentence", [
    "Median OS was 3.1 months in patients with Child-Pugh B cirrhosis versus 14.2 months in patients with "
    "Child-Pugh A cirrhosis.",
    "The ORR was 12% in patients with hepatitis B infection and 30% in those with hepatitis C infection.",
    "Median OS was 6.1 months (95% CI, 4.0-8.2) among patients with portal vein thrombus versus 15.0 months among "
    "the others.",
])
def test_one_value_right_before_its_group_and_another_group_after_is_no_arm_value(sentence):
    # each value is of the group right after it: a single-arm trial's overall value is none of them
    assert read(sentence, arms=("zorbanib",)) == {}


def test_the_counted_patients_an_arm_gave_are_that_arm_not_a_subgroup():
    # "among the 212 patients who received A" counts A's arm, as "among patients who received A" names it
    got = read("Among the 212 patients who received zorbanib, median OS was 19.4 months, versus 15.2 months among "
               "the 208 patients who received felotinib.")
    assert got == {("zorbanib", "os", ""): Decimal("19.4"), ("felotinib", "os", ""): Decimal("15.2")}
    # ... while a count of those who had something else is a subgroup's
    assert read("Among the 40 patients with portal vein thrombus, median OS was 9.4 months with zorbanib versus "
                "5.2 months with felotinib.") == {}



@pytest.mark.parametrize("text, of_subgroup", [
    ("OS was longer with zorbanib than felotinib [median, 11.2 vs. 7.1 months; HR, 0.55; P-interaction = 0.04] in "
     "this invented trial.", True),
    ("OS was longer with zorbanib than felotinib (HR, 0.55; 95% CI, 0.31-0.90) with higher baseline FGF21.", True),
    ("OS was longer with zorbanib than felotinib (HR 0.55) in patients with low baseline AFP.", True),
    ("OS was longer with zorbanib than felotinib (HR, 0.55; 95% CI, 0.31-0.90) in this invented trial.", False),
    ("OS was longer with zorbanib (HR 0.55). Higher baseline FGF21 was prognostic.", False),  # the bracket closed before
    # groups coordinated, each with its bracket, closed by their noun
    ("Zorbanib improved OS in both grade A (HR [95% CI]: 0.61 [0.44-0.85]) and grade B (HR 0.82) subgroups.", True),
    ("OS was longer with zorbanib (HR 0.61) in the whole population and in all subgroups.", False),
    # a hyphen joins the last group word to the noun; words cut at hyphens are still words
    ("Zorbanib improved OS in both AFP-high (HR 0.61) and PD-L1-positive (HR 0.82) HCC-subgroups.", True),
    # long hyphenated words and no closing noun: not a subgroup's (a pattern that could cut these words anywhere
    # tried every cut before failing; see benchmarks/README.md)
    ("OS was longer with zorbanib (HR 0.61), meeting the non-inferiority-based co-primary well-being criteria "
     "of the pre-specified intention-to-treat long-term follow-up.", False),
])
def test_a_statistic_in_a_bracket_testing_an_interaction_or_followed_by_a_subgroup_is_the_subgroups(text, of_subgroup):
    assert bracket_of_subgroup(text, text.index("HR")) is of_subgroup


def test_an_abstracts_pts_by_earlier_treatment_are_a_subgroup():
    clause = "In felotinib-naive pts (n=80), the ORR was 23%"
    assert is_subgroup(clause, clause.index("23"))


def test_a_frame_of_earlier_treatment_holds_for_the_sentences_after_it():
    from hcc_kg.extract.subgroup_runs import subgroup_run
    first = subgroup_run((False, -1), "In felotinib-naive pts (n=80), the ORR was 23%.", 0, False)
    assert subgroup_run(first[1], "The DCR was 63%.", 0, False)[0]
    assert not subgroup_run(first[1], "In all patients, the DCR was 58%.", 0, False)[0]


def test_patients_chosen_by_their_best_response_are_a_subgroup():
    text = "Survival was longer in PR/SD patients, with a median OS of 488 days."
    assert is_subgroup(text, text.index("488"))
    text = "Among pts with CR or PR, the median duration was 11 months."
    assert is_subgroup(text, text.index("11"))
    text = "In all patients, the median OS was 488 days."
    assert not is_subgroup(text, text.index("488"))
