"""Tests for engineered cells named with their target: "a T-directed CAR-T cell therapy", "the T TCR-T product X".

Invented sentences, an invented cell therapy and an invented vocabulary.
"""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mechanisms import mechanism_statements
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("zorbaleucel", "zorbaleucel", ("CellTherapy",)),
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("gpc3", "GPC3", ("Protein",), ("glypican-3",)),
    Entity("afp", "AFP", ("Protein",), ("alpha-fetoprotein",)),
])
FINDER = MentionFinder(VOCAB)


def facts(body: str) -> set[tuple[str, str]]:
    doc = AnalysedDocument(Document.from_text("d1", f"Invented notes\n{body}\n"), VOCAB, FINDER)
    return {(a.subject, a.object) for a in mechanism_statements(doc)
            if (a.evidence[0].polarity, a.evidence[0].certainty) == ("positive", "asserted")}


@pytest.mark.parametrize("body, expected", [
    ("In the made-up study, zorbaleucel, a GPC3-specific CAR-T cell product, was infused once.", {("zorbaleucel", "gpc3")}),
    ("Zorbaleucel, a pretend CAR-T therapy against glypican-3, was infused once.", {("zorbaleucel", "gpc3")}),
    ("The invented cohort received the GPC3 CAR-T product zorbaleucel.", {("zorbaleucel", "gpc3")}),
    ("Our pretend patients got the AFP TCR-T cell product zorbaleucel.", {("zorbaleucel", "afp")}),
])
def test_an_engineered_cell_therapy_names_its_target(body, expected):
    assert facts(body) == expected

