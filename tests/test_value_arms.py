"""Arms a sentence names without a word of comparison between them (hcc_kg.extract.value_arms), on invented
sentences: agents named together as arms, and agents named "respectively" after their values."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.arm_comparisons import compared_arms
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary
from test_prose_value_subjects import read  # arms and values read with the packaged vocabulary

VOCAB = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)),
                    Entity("felotinib", "felotinib", ("SmallMolecule",)),
                    Entity("quxumab", "quxumab", ("MonoclonalAntibody",))])
FINDER = MentionFinder(VOCAB)


def arms(text: str) -> list[str]:
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return [a.key for a in compared_arms(doc, doc.sentences[0])]


@pytest.mark.parametrize("text, expected", [
    ("In the toy study the zorbanib and felotinib groups included 47 and 57 patients, respectively.",
     ["zorbanib", "felotinib"]),
    ("Outcomes in the zorbanib, felotinib and quxumab arms are shown below.", ["zorbanib", "felotinib", "quxumab"]),
])
def test_agents_named_together_as_arms_in_the_plural(text, expected):
    assert arms(text) == expected


@pytest.mark.parametrize("text", [
    "Outcomes in the zorbanib and felotinib arm are shown below.",  # one arm of both
    "Outcomes with zorbanib and felotinib are shown below.",  # no word for arms
    "The response rate was 31.5% for zorbanib and 4.2% for felotinib in the toy study.",  # values only (see below)
])
def test_no_arms_named_together_without_a_plural_word_for_them(text):
    assert arms(text) == []


@pytest.mark.parametrize("text, expected", [
    ("In the phase 3 TOYTRIAL-7 trial, median PFS was 6.1 and 3.3 months for lenvatinib and sorafenib, respectively.",
     ({"lenvatinib", "sorafenib"}, {("lenvatinib", "6.1"), ("sorafenib", "3.3")})),
    ("In the randomised TOYTRIAL-8 trial, median PFS was 6.1 vs 3.3 months in the lenvatinib and sorafenib groups, "
     "respectively.", ({"lenvatinib", "sorafenib"}, {("lenvatinib", "6.1"), ("sorafenib", "3.3")})),
    # a trial not said to be randomised or in phase 3: the two agents may be two studies' (as for "6.1 months for A
    # and 3.3 months for B")
    ("In the TOYTRIAL-9 study, median PFS was 6.1 and 3.3 months for lenvatinib and sorafenib, respectively.",
     (set(), set())),
])
def test_agents_named_respectively_after_their_values(text, expected, vocabulary, finder):
    assert read(text, vocabulary, finder) == expected
