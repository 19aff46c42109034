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

