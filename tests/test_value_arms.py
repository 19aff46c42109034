"""Arms a sentence compares by giving each its own value (hcc_kg.extract.value_arms), on invented sentences."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.arm_comparisons import compared_arms
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)),
                    Entity("felotinib", "felotinib", ("SmallMolecule",)),
                    Entity("quxumab", "quxumab", ("MonoclonalAntibody",))])
FINDER = MentionFinder(VOCAB)


def arms(text: str) -> list[str]:
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return [a.key for a in compared_arms(doc, doc.sentences[0])]


@pytest.mark.parametrize("text, expected", [
    ("The response rate was 31.5% for zorbanib and 4.2% for felotinib in the toy study.", ["zorbanib", "felotinib"]),
    ("Two-year survival was 22% with quxumab plus zorbanib, 12% with felotinib.", ["regimen__quxumab__zorbanib", "felotinib"]),
    ("The rate was 40% in the zorbanib arm versus 10% in the felotinib arm.", ["zorbanib", "felotinib"]),
    ("Median survival was 9.9 months among patients treated with zorbanib and 7.7 months among those given felotinib.",
     ["zorbanib", "felotinib"]),
    ("Invented rates were 30%, 20% and 10% with zorbanib, felotinib and quxumab, respectively.",
     ["zorbanib", "felotinib", "quxumab"]),
    ("Median PFS was 6.1 and 3.3 months for zorbanib and felotinib, respectively.", ["zorbanib", "felotinib"]),
    ("Median PFS was 6.1 vs 3.3 months in the zorbanib and felotinib groups, respectively.", ["zorbanib", "felotinib"]),
])
def test_each_arm_named_with_its_own_value(text, expected):
    assert arms(text) == expected


@pytest.mark.parametrize("text", [
    # one agent with a value, the other named without one
    "The response rate was 31.5% for zorbanib, which was given after felotinib.",
    # values first, but no "respectively": the agents may be one arm's parts
    "Median PFS was 6.1 and 3.3 months for zorbanib and felotinib in two made-up cohorts.",
    # the same agent twice is no comparison
    "The rate was 31.5% for zorbanib and 4.2% for zorbanib in the toy extension.",
])
def test_no_arms_without_a_value_for_each(text):
    assert arms(text) == []


@pytest.mark.parametrize("text, expected", [
    ("In the toy study the zorbanib and felotinib groups included 47 and 57 patients, respectively.",
     ["zorbanib", "felotinib"]),
    ("Outcomes in the zorbanib, felotinib and quxumab arms are shown below.", ["zorbanib", "felotinib", "quxumab"]),
])
def test_agents_named_together_as_arms_in_the_plural(text, expected):
    assert arms(text) == expected


def test_agents_named_together_as_one_arm_are_no_comparison():
    assert arms("Outcomes in the zorbanib and felotinib arm are shown below.") == []
