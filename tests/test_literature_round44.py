"""Shapes read from trial reports of the forty-fourth round (invented sentences, packaged vocabulary and lexicon): two
roles sharing one plural noun ("in the combination and control groups") name the two arms in the order written; trial
names listed after a plural trial word and a dash, colon, bracket or "namely" ("two phase 3 studies: NAME and OTHER-3")
are trials."""

from __future__ import annotations

from decimal import Decimal

import pytest

from trial_facts import read, values
from hcc_kg.extract import extract_document
from hcc_kg.model import Document


@pytest.mark.parametrize("run, first, second", [
    ("in the combination and control groups, respectively", "regimen__donafenib__tace", "tace"),
    ("in the combination and monotherapy arms", "regimen__donafenib__tace", "tace"),
    ("in the control and combination groups, respectively", "tace", "regimen__donafenib__tace"),
    ("in the control and experimental arms", "tace", "regimen__donafenib__tace"),
])
def test_two_roles_sharing_a_plural_noun_name_the_arms_in_order(run, first, second, vocabulary, finder):
    # (before, "the combination" was read as the combination's drugs and the other role word not at all, and the
    # two rates went to the arms the wrong way round)
    text = ("In the randomised phase 3 OSPREY-4 trial, 212 patients received donafenib plus TACE (n = 106) or TACE "
            f"alone (n = 106). Two-year survival rates were 47.5% and 33.9% {run}.")
    found = {(arm, value) for arm, endpoint, value in values(read(text, vocabulary, finder)) if endpoint == "os"}
    assert found == {(first, Decimal("47.5")), (second, Decimal("33.9"))}


@pytest.mark.parametrize("listing", [
    "two phase 3 studies \u2013 KESTREL and OSPREY-3",
    "two phase 3 studies: KESTREL and OSPREY-3",
    "two phase 3 studies (KESTREL and OSPREY-3)",
    "two phase 3 studies, namely KESTREL and OSPREY-3",
])
def test_names_listed_after_a_plural_trial_word_are_trials(listing, vocabulary, finder):
    # (before, a name without digits was a trial only right before "trial" or "study"; a dash is read as a comma)
    text = f"Lenvatinib gains a wider label\n\nThe regulator's decision drew on {listing}.\n"
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    names = {dict(a.attributes).get("trial_name") for a in facts if a.predicate == "isClinicalTrial"}
    assert {"KESTREL", "OSPREY-3"} <= names
