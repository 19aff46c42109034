"""Trials and arms as news items and notices state them (hcc_kg.extract.abstracts; invented companies, drugs,
names and numbers): a trial named by a naming verb in any case ("a study called Tidal"), arms from a comparison
of equals ("A was as effective as B") or from "comparing A with standard of care B" (the care describes B)."""

from __future__ import annotations

import pytest

from hcc_kg.extract.abstracts import prose_trials
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("zorbanib", "zorbanib", ("SmallMolecule",), ("Zorvex",)),
    Entity("felotinib", "felotinib", ("SmallMolecule",), ("Felvex",)),
    Entity("placebo", "placebo", ("Placebo",)),
    Entity("standard_of_care", "standard of care", ("Procedure",)),
    Entity("orr", "objective response rate", ("EndpointType",), ("ORR",)),
    Entity("os", "overall survival", ("EndpointType",), ("OS", "median overall survival")),
])
FINDER = MentionFinder(VOCAB)


def read(sentence: str) -> tuple[set[str], set[str]]:
    """(trial names, arm agents) read from a short news item around ``sentence``."""
    text = f"Acme news item\n\nAcme said regulators accepted its filing for zorbanib. {sentence}\n"
    found = list(prose_trials(AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)))
    names = {dict(a.attributes).get("trial_name") for a in found if a.predicate == "isClinicalTrial"}
    return names, {a.object for a in found if a.predicate == "armIntervention"}


@pytest.mark.parametrize("sentence, name", [
    ("The filing rests on a phase 3 study called Tidal that showed zorbanib was as effective as Maker AG's Felvex, "
     "or felotinib, with gains in response rate.", "Tidal"),
    ("In the trial, known as Tidal, zorbanib proved as active as felotinib.", "Tidal"),
    ("The phase 3 study, dubbed Tidal-2, showed that zorbanib was as efficacious as felotinib.", "Tidal-2"),
    ("The phase 3 trial (called Tidal) found zorbanib no worse than felotinib.", "Tidal"),
    ("The phase 3 trial, named Tidal, showed zorbanib was comparable to felotinib in response rate.", "Tidal"),
])
def test_a_trial_a_naming_verb_names_takes_the_arms_a_comparison_of_equals_gives(sentence, name):
    assert read(sentence) == ({name}, {"zorbanib", "felotinib"})


@pytest.mark.parametrize("sentence", [
    "The filing rests on the phase 3 TIDAL study comparing Zorvex with standard of care Felvex (felotinib) in first-line HCC.",
    "The phase 3 TIDAL trial compared zorbanib with standard-of-care felotinib.",
    "The phase 3 TIDAL trial compares zorbanib against the standard of care, felotinib.",
])
def test_standard_of_care_before_a_drug_describes_the_compared_drug(sentence):
    assert read(sentence) == ({"TIDAL"}, {"zorbanib", "felotinib"})



def notice(body: str) -> list:
    text = f"Zorvex approved for liver cancer\n\nThe agency approved Zorvex (zorbanib) for liver cancer, the drug maker said. {body}\n"
    return list(prose_trials(AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)))


def arm_values(found: list) -> set[tuple[str, str]]:
    return {(a.subject.rsplit("__", 1)[-1], str(dict(a.attributes)["value"])) for a in found if a.predicate == "hasMeasurement"}


@pytest.mark.parametrize("body", [
    "In clinical testing, Zorvex helped patients live longer. Median overall survival came to 12.4 months in people "
    "on the drug, versus 8.1 months in the people who were given a placebo.",
    "In the pivotal trial, median overall survival was 12.4 months with the drug versus 8.1 months with placebo.",
    "In a clinical study, median overall survival was 12.4 months for patients given the medicine and 8.1 months for "
    "those given placebo.",
    "At the planned interim analysis, the trial showed longer survival with zorbanib than with placebo. Median overall "
    "survival was 12.4 months with zorbanib and 8.1 months with placebo.",
])
def test_a_notices_unnamed_trial_compares_the_drug_it_is_about_with_placebo(body):
    found = notice(body)
    assert [a.predicate for a in found].count("isClinicalTrial") == 1
    assert arm_values(found) == {("zorbanib", "12.4"), ("placebo", "8.1")}


@pytest.mark.parametrize("body", [
    # several trials summed up
    "In clinical trials, median overall survival was 12.4 months with the drug versus 8.1 months with placebo.",
    # the document names its trial: the values are no unnamed trial's
    "In the trial, median overall survival was 12.4 months with the drug versus 8.1 months with placebo. "
    "The approval rests on the phase 3 TIDAL trial.",
])
def test_no_unnamed_trial_where_the_testing_is_several_trials_or_a_named_one(body):
    found = notice(body)
    assert not [a for a in found if a.predicate == "isClinicalTrial" and "vs" in str(dict(a.attributes).get("trial_name"))]


def test_the_drug_is_no_arm_when_the_notice_names_two_drugs():
    found = notice("It may be given with felotinib. In the trial, median overall survival was 12.4 months with the drug "
                   "versus 8.1 months with placebo.")
    assert not arm_values(found)


def news(body: str) -> list:
    text = f"Invented news item\n\n{body}\n"
    return list(prose_trials(AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)))


def arm_agents(found: list) -> set[str]:
    return {a.object for a in found if a.predicate == "armIntervention"}


@pytest.mark.parametrize("body", [
    "Results from an international study of 480 patients were striking. Patients got either two tablets daily of "
    "zorbanib or placebo in the study.",
    "A large trial involving 480 adults with liver cancer reported on Monday. In it, participants took either "
    "zorbanib or placebo.",
    "The trial, which enrolled 480 people, met its goal. Those who took zorbanib lived 12.4 months on average, "
    "compared with 8.1 months for those in the placebo group.",
])
def test_a_news_items_study_counted_by_its_patients_is_its_unnamed_trial(body):
    assert arm_agents(news(body)) == {"zorbanib", "placebo"}


@pytest.mark.parametrize("body", [
    # an earlier study, not the item's own
    "A previous study of 480 patients was small. Those who took zorbanib lived 12.4 months on average, compared with "
    "8.1 months for those in the placebo group.",
    # several studies
    "Studies of 480 patients were pooled. Those who took zorbanib lived 12.4 months on average, compared with "
    "8.1 months for those in the placebo group.",
])
def test_a_counted_study_that_is_another_or_named_opens_no_unnamed_trial(body):
    assert not [a for a in news(body) if a.predicate == "isClinicalTrial" and "vs" in str(dict(a.attributes).get("trial_name"))]


@pytest.mark.parametrize("sentence", [
    "In the ZETA-1 study, adults treated with zorbanib and quorimab lived longer than those treated with felotinib.",
    "In the ZETA-1 study, OS was 19.2 months with zorbanib and quorimab versus 13.4 months with felotinib.",
])
def test_two_drugs_joined_by_and_before_a_comparison_are_one_arm(sentence):
    from test_abstracts import facts
    found = facts("Invented news\n\n" + sentence + "\n")
    assert sorted(a.object for a in found if a.predicate == "armIntervention") == ["felotinib", "regimen__quorimab__zorbanib"]


@pytest.mark.parametrize("brands", [
    "ZORVEX® (zorbanib injection) in combination with FELVEX® (felotinib biosimilar injection)",
    "Zorvex® (zorbanib injection) in combination with Felvex™ (felotinib)",
])
def test_brands_each_with_its_generic_in_brackets_name_one_regimen(brands):
    names, arms = read(f"The approval was based on a randomized phase 3 trial (TIDAL-3) of {brands} as first-line therapy.")
    assert names == {"TIDAL-3"} and arms == {"regimen__felotinib__zorbanib"}
