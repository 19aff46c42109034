"""Tests for plural names followed by their members' numbers ("cyclin-dependent kinases 4 and 6").

Invented sentences, invented drugs and an invented vocabulary that knows each member's long name only with
its number (no family name).
"""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mechanisms import mechanism_statements
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary
from mechanism_facts import asserted_pairs

VOCAB = Vocabulary([
    Entity("foociclib", "foociclib", ("SmallMolecule",)),
    Entity("cdk4", "CDK4", ("Protein",), ("cyclin-dependent kinase 4",)),
    Entity("cdk6", "CDK6", ("Protein",), ("cyclin-dependent kinase 6",)),
    Entity("cdk9", "CDK9", ("Protein",), ("cyclin-dependent kinase 9",)),
    Entity("ntrk1", "NTRK1", ("Protein",), ("tropomyosin receptor kinase 1",)),
    Entity("ntrk2", "NTRK2", ("Protein",), ("tropomyosin receptor kinase 2",)),
    Entity("ntrk3", "NTRK3", ("Protein",), ("tropomyosin receptor kinase 3",)),
])
FINDER = MentionFinder(VOCAB)


def facts(body: str) -> set[tuple[str, str]]:
    return asserted_pairs(body, VOCAB, FINDER)


@pytest.mark.parametrize("body, expected", [
    ("Foociclib is a made-up selective inhibitor of cyclin-dependent kinases 4 and 6.",
     {("foociclib", "cdk4"), ("foociclib", "cdk6")}),
    ("In the toy assay foociclib blocked cyclin dependent kinases 4, 6 and 9.",
     {("foociclib", "cdk4"), ("foociclib", "cdk6"), ("foociclib", "cdk9")}),
    ("Foociclib inhibits tropomyosin receptor kinases 1-3 in pretend cells.",
     {("foociclib", "ntrk1"), ("foociclib", "ntrk2"), ("foociclib", "ntrk3")}),
])
def test_a_plural_name_then_numbers_names_each_member(body, expected):
    assert facts(body) == expected


def test_a_plural_series_is_read_under_negation_too():
    doc = AnalysedDocument(Document.from_text("d1", "Invented notes\nFoociclib does not inhibit cyclin-dependent "
                                                    "kinases 4 and 6 in the toy panel.\n"), VOCAB, FINDER)
    assert {(a.object, a.evidence[0].polarity) for a in mechanism_statements(doc)} \
        == {("cdk4", "negative"), ("cdk6", "negative")}
