"""The trials an approval rests on (extract/approval_basis.py), on invented notices."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.approvals import approval_statements
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("barmab", "barmab", ("MonoclonalAntibody",)),
    Entity("hcc", "hepatocellular carcinoma", ("Disease",), ("HCC",)),
    Entity("fda", "FDA", ("RegulatoryAgency",)),
    Entity("mhlw", "MHLW", ("RegulatoryAgency",)),
    Entity("second_line", "second-line", ("LineOfTherapy",)),
])


def read(text: str) -> list:
    return list(approval_statements(AnalysedDocument(Document.from_text("d", text), VOCAB, MentionFinder(VOCAB))))


def supporting(text: str) -> dict[str, list]:
    """agent -> the trial keys its approval rests on."""
    return {a.subject: a.attribute_values("supporting_trial") for a in read(text) if a.predicate == "approvedFor"}


@pytest.mark.parametrize("text", [
    "Invented notes\nThe FDA approved foonib for HCC based on results from the phase 3 ORCHID-7 trial.\n",
    "Invented notes\nFoonib was approved by the FDA for HCC on the basis of data from ORCHID-7.\n",
    "Invented notes\nFoonib was approved by the FDA for HCC. The approval was based on efficacy results from the "
    "randomised ORCHID-7 study.\n",
    "Invented notes\nThe FDA approved foonib for HCC. This decision is supported by the ORCHID-7 (NCT01234567) trial.\n",
])
def test_the_trial_an_approval_is_based_on(text):
    found = read(text)
    assert supporting(text) == {"foonib": ["trial__orchid7"]}
    trials = [a for a in found if a.predicate == "isClinicalTrial"]
    assert [(a.subject, a.attribute_values("trial_name")) for a in trials] == [("trial__orchid7", ["ORCHID-7"])]
    start, end = trials[0].evidence[0].start, trials[0].evidence[0].end
    assert "ORCHID-7" in text[start:end]


def test_two_trials_each_support_the_approval():
    text = ("Invented notes\nThe MHLW approved foonib for second-line HCC based on the phase 3 ORCHID-7 and the phase 2 "
            "Japanese LOTUS-22 trials.\n")
    assert supporting(text) == {"foonib": ["trial__orchid7", "trial__lotus22"]}


@pytest.mark.parametrize("text", [
    # no cue: a trial named beside an approval is not said to be its basis
    "Invented notes\nThe FDA approved foonib for HCC. The ORCHID-7 trial is still recruiting.\n",
    # a basis with no trial named
    "Invented notes\nThe FDA approved foonib for HCC based on results of a randomised phase 3 trial.\n",
    # the next sentence speaks of something else
    "Invented notes\nThe FDA approved foonib for HCC. Dosing was based on the ORCHID-7 trial.\n",
])
def test_no_basis(text):
    assert supporting(text) == {"foonib": []}
    assert not [a for a in read(text) if a.predicate == "isClinicalTrial"]


def test_a_withheld_approval_keeps_its_basis_but_names_no_trial_fact():
    text = "Invented notes\nFoonib may be approved by the FDA for HCC based on the ORCHID-7 trial.\n"
    found = read(text)
    assert [a.is_fact for a in found if a.predicate == "approvedFor"] == [False]
    assert not [a for a in found if a.predicate == "isClinicalTrial"]


def test_a_basis_after_a_restatement_of_the_approval():
    text = ("Invented notes\nThe FDA approved foonib for HCC on Monday. It is the first approval for foonib. "
            "The approval rests on ORCHID-7, a phase 3 study.\n")
    assert supporting(text) == {"foonib": ["trial__orchid7"]}


def test_a_basis_after_another_subject_is_not_the_approvals():
    text = ("Invented notes\nThe FDA approved foonib for HCC on Monday. Barmab is often used after it. "
            "This decision is based on the ORCHID-7 trial.\n")
    assert supporting(text) == {"foonib": []}
