"""Tests for hcc_kg.extract.coordinated_descriptions: one drug described twice, on invented sentences.

The drugs are invented (foonib, barfenib); the targets are real names.
"""

from __future__ import annotations

import pytest

from test_mechanisms import facts, readings


@pytest.mark.parametrize("body", [
    "Foonib, a pretend MET inhibitor and KIT antagonist, was studied.",
    "Foonib is a pretend MET inhibitor and a KIT antagonist.",
    "Foonib is both a MET inhibitor and a KIT inhibitor in this invented note.",
    "In this note foonib inhibits MET and is an antagonist of KIT.",
    "Foonib, an invented inhibitor of MET and of KIT, was studied.",
    "Foonib is a made-up inhibitor of MET as well as a blocker of KIT.",
    "Foonib is a pretend MET inhibitor that also blocks KIT.",
    "Foonib is a pretend MET inhibitor with activity against KIT.",
])
def test_the_second_description_is_the_same_drugs(body):
    assert facts(body) == {("foonib", "met"), ("foonib", "kit")}


@pytest.mark.parametrize("body, expected", [
    # an appositive closed by a comma, then "and": a second subject of the sentence
    ("Foonib, a pretend MET inhibitor, and a KIT antagonist were combined.", {("foonib", "met")}),
    # a plural head after a singular one starts a new subject
    ("Foonib is a pretend MET inhibitor and KIT inhibitors have been made up since.", {("foonib", "met")}),
    # the relative clause after a target is the target's
    ("Foonib inhibits MET, which activates KIT in this invented note.", {("foonib", "met")}),
    # each description its own drug
    ("Foonib, a MET inhibitor and barfenib, a KIT inhibitor, were compared.", {("foonib", "met"), ("barfenib", "kit")}),
    # no cue of the second list's own
    ("Foonib is a pretend MET inhibitor with patients carrying KIT mutations.", {("foonib", "met")}),
])
def test_what_is_not_a_second_description(body, expected):
    assert facts(body) == expected


def test_the_second_description_keeps_its_own_polarity_and_direction():
    denied = readings("In this note foonib inhibits MET and does not block KIT.")
    assert denied[("foonib", "inhibits", "kit")][1] == "negative"
    agonist = readings("Foonib, a pretend MET inhibitor and A3AR agonist, was studied.")
    assert {("foonib", "inhibits", "met"), ("foonib", "activates", "adora3")} <= set(agonist)
