"""Tests for engineered cells named with their target: "a T-directed CAR-T cell therapy", "the T TCR-T product X".

Invented sentences, an invented cell therapy and an invented vocabulary.
"""

from __future__ import annotations

import pytest

from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.vocab import Entity, Vocabulary
from mechanism_facts import asserted_pairs

VOCAB = Vocabulary([
    Entity("zorbaleucel", "zorbaleucel", ("CellTherapy",)),
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("gpc3", "GPC3", ("Protein",), ("glypican-3",)),
    Entity("afp", "AFP", ("Protein",), ("alpha-fetoprotein",)),
])
FINDER = MentionFinder(VOCAB)


def facts(body: str) -> set[tuple[str, str]]:
    return asserted_pairs(body, VOCAB, FINDER)


@pytest.mark.parametrize("body, expected", [
    ("In the made-up study, zorbaleucel, a GPC3-specific CAR-T cell product, was infused once.", {("zorbaleucel", "gpc3")}),
    ("Zorbaleucel, a pretend CAR-T therapy against glypican-3, was infused once.", {("zorbaleucel", "gpc3")}),
    ("The invented cohort received the GPC3 CAR-T product zorbaleucel.", {("zorbaleucel", "gpc3")}),
    ("Our pretend patients got the AFP TCR-T cell product zorbaleucel.", {("zorbaleucel", "afp")}),
])
def test_an_engineered_cell_therapy_names_its_target(body, expected):
    assert facts(body) == expected

