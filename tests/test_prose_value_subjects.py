"""Results sentences that name a trial's two arms by themselves, with no sentence listing the arms first: each arm
the subject of its own value, a change "to X from Y with B", values "for A and for B" in a phase 3 trial (invented
sentences, packaged vocabulary and lexicon)."""

from __future__ import annotations

import pytest

from hcc_kg.extract import extract_document
from hcc_kg.model import Document


def read(text: str, vocabulary, finder) -> tuple[set[str], set[tuple[str, str]]]:
    facts = extract_document(Document.from_text("d1", f"Invented notes\n\n{text}\n"), vocabulary, finder)
    arms = {a.object.split("__", 2)[-1] for a in facts if a.predicate == "hasArm"}
    values = {(a.subject.split("__", 2)[-1], str(dict(a.attributes)["value"])) for a in facts
              if a.predicate == "hasMeasurement"}
    return arms, values


@pytest.mark.parametrize("text, arms, values", [
    # each arm the subject of its own value, the second in a clause of its own
    ("In the phase 3 ZEPHYR-31 trial, patients who took lenvatinib had a median survival of 12.4 months, while "
     "those given a placebo had a median survival of 6.5 months.",
     {"lenvatinib", "placebo"}, {("lenvatinib", "12.4"), ("placebo", "6.5")}),
    ("In the phase 3 ZEPHYR-32 trial, lenvatinib's median OS of 17.5 months outpaced sorafenib's 11.9 months.",
     {"lenvatinib", "sorafenib"}, {("lenvatinib", "17.5"), ("sorafenib", "11.9")}),
    # a change stated with both values: the new one the subject's, the old one the arm named after it
    ("In the phase 3 ZEPHYR-33 trial, lenvatinib plus pembrolizumab extended median overall survival to 21.2 months "
     "from 15.8 months with sorafenib.",
     {"regimen__lenvatinib__pembrolizumab", "sorafenib"},
     {("regimen__lenvatinib__pembrolizumab", "21.2"), ("sorafenib", "15.8")}),
    # a value right after the first one that owns it ("... with B") makes B no second subject
    ("In the phase 3 ZEPHYR-34 trial, lenvatinib extended median overall survival from 10.9 months with sorafenib "
     "to 13.6 months.", {"lenvatinib"}, set()),
    # a phase 3 trial compares: two agents each named after its value are its arms
    ("In the phase 3 ZEPHYR-35 trial, median OS was 14.3 months for lenvatinib and 9.1 months for sorafenib.",
     {"lenvatinib", "sorafenib"}, {("lenvatinib", "14.3"), ("sorafenib", "9.1")}),
])
def test_results_naming_the_arms(text, arms, values, vocabulary, finder):
    assert read(text, vocabulary, finder) == (arms, values)


def test_values_of_a_trial_that_is_not_said_to_compare_name_no_arms(vocabulary, finder):
    # (no phase 3, no randomisation, no comparison word: the second agent may be another study's)
    text = "In the ZEPHYR-36 study, median OS was 14.3 months for lenvatinib and 9.1 months for sorafenib."
    assert read(text, vocabulary, finder) == (set(), set())
