"""How a sentence names an arm without naming its drugs (extract/arm_references.py), on invented trials."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_slot_reading import COMBO, VOCAB_FULL, trial_facts

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.arm_references import COMBINATION_ANAPHOR_RE, labels_defined
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document


def defined(text: str) -> dict[str, str]:
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB_FULL, MentionFinder(VOCAB_FULL))
    return labels_defined(doc, doc.sentences[0])


def test_a_name_given_after_an_arm_s_agent_is_a_label():
    assert defined("Patients got quorimab plus zorbanib (QZ arm) or felotinib (Felo group).") == \
        {"qz arm": COMBO, "felo group": "felotinib"}


@pytest.mark.parametrize("text", [
    "Patients got zorbanib (12 mg) daily.",           # a dose, no label
    "Patients got zorbanib (the reference arm drug).",  # more than a label in the parentheses
])
def test_what_defines_no_named_label(text):
    assert defined(text) == {}


THREE_ARMS = ("In the phase 3 LOTUS-81 trial, patients were randomised to quorimab plus zorbanib{label}, zorbanib "
              "alone or felotinib. ")


def test_a_named_label_names_its_arm_afterwards():
    got = trial_facts(THREE_ARMS.format(label=" (QZ arm)") + "Median OS was 15.1 months in the QZ arm.")
    assert got[("value", COMBO, "os@")] == Decimal("15.1")


@pytest.mark.parametrize("phrase", ["the immunotherapy combination", "the doublet", "this two-drug combination"])
def test_a_combination_named_by_its_kind_is_the_trial_s_combination(phrase):
    got = trial_facts(THREE_ARMS.format(label="") + f"Median OS was 15.1 months with {phrase}.")
    assert got[("value", COMBO, "os@")] == Decimal("15.1")


@pytest.mark.parametrize("phrase, kind", [
    ("the immunotherapy combination", True), ("the combination", True),
    ("the standard combination", False), ("the other combination", False),  # which one, not what kind
    ("the combination of A and B", False),  # names its parts itself
])
def test_which_phrases_stand_for_the_combination(phrase, kind):
    assert (COMBINATION_ANAPHOR_RE.search(phrase) is not None) is kind


def test_a_named_label_may_follow_the_agent_s_dose():
    # the dose in parentheses (and a word for a copy of the drug) stands between the agent and its label
    assert defined("Patients got quorimab (3 mg/kg Q2W) plus zorbanib copy (10 mg daily) (QZ arm) or "
                   "felotinib (400 mg, BID) (Felo arm).") == {"felo arm": "felotinib"}
    assert defined("Patients got quorimab plus zorbanib biosimilar (10 mg/kg Q2W) (QZ arm) or "
                   "felotinib (400 mg, BID) (Felo arm).") == {"qz arm": COMBO, "felo arm": "felotinib"}
