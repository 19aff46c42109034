"""Patients per arm in invented sentences (more shapes in test_prose_arms, read with the arms)."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.prose_sizes import arm_sizes, enrolled
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",))])
FINDER = MentionFinder(VOCAB)


def sizes(text: str) -> dict[str, int]:
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return arm_sizes(doc, doc.sentences[0])


def test_sizes_given_respectively_without_brackets():
    a, b = 412, 409
    assert sizes(f"Patients were randomized to zorbanib or felotinib: n = {a} and n = {b}, respectively.") == \
        {"zorbanib": a, "felotinib": b}


def test_a_count_with_its_patients_closing_each_arms_part_of_a_list():
    a, b = 338, 336
    assert sizes(f"In all, {a + b} patients were randomized (zorbanib: {a} patients; felotinib: {b} patients).") == \
        {"zorbanib": a, "felotinib": b}


def test_enrolled_spelled_out_or_printed():
    assert enrolled("Forty-six patients were enrolled.") == 46
    assert enrolled("The trial will enroll 120 participants.") == 120


def test_enrolled_as_patients_given_the_drug_or_a_trials_n():
    for text in ("58 patients received quorimab.", "Quorimab was administered to 58 patients.",
                 "In the phase 2 trial (N = 58), patients received quorimab."):
        assert enrolled(text) == 58, text
    assert enrolled("Patients received quorimab for a median of 58 days.") is None


def test_counts_of_patients_with_an_event_are_no_arm_sizes():
    assert sizes("By the cutoff, 351 patients in the zorbanib group and 350 in the felotinib group had died.") == {}
    assert sizes("By the cutoff, 351 patients in the zorbanib group and 350 in the felotinib group were analysed.") == \
        {"zorbanib": 351, "felotinib": 350}


def test_sizes_in_the_order_of_the_arms_joined_by_versus_or_counted_as_patients():
    a, b = 338, 336
    for given in (f"(n = {a} vs {b})", f"({a} and {b} patients, respectively)"):
        assert sizes(f"Patients were randomized to zorbanib or felotinib {given}.") == {"zorbanib": a, "felotinib": b}, given


@pytest.mark.parametrize("text, expected", [
    ("The zorbanib arm included 342 patients and the felotinib arm 332; both were invented.",
     {"zorbanib": 342, "felotinib": 332}),
    ("The zorbanib group comprised 342 patients, and the felotinib group, 332.", {"zorbanib": 342, "felotinib": 332}),
    ("The felotinib arm 12 months later was closed in this invented trial.", {}),
])
def test_an_arm_that_included_n_patients_and_the_next_arm_with_its_verb_left_out(text, expected):
    assert sizes(text) == expected
