"""Drug names cut short with no definition (extract/clipped_names.py), on invented names and sentences."""

from __future__ import annotations

import pytest

from hcc_kg.extract import extract_document
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.clipped_names import definitions
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary([Entity("zorbatinib", "zorbatinib", ("SmallMolecule", "TyrosineKinaseInhibitor")),
                       Entity("quelvumab", "quelvumab", ("MonoclonalAntibody",)),
                       Entity("quenderumab", "quenderumab", ("MonoclonalAntibody",)),
                       Entity("placebo", "placebo", ("Placebo",)),
                       Entity("kdr", "KDR", ("Protein",), ("VEGFR2",))])


def clipped(text: str, vocabulary: Vocabulary) -> list[tuple[str, str]]:
    doc = AnalysedDocument(Document.from_text("c1", text), vocabulary, MentionFinder(vocabulary))
    return [(d.key, d.short) for d in definitions(doc, [])]


def test_a_clipped_name_beside_vs_or_joined_to_a_drug_is_that_drug(vocabulary):
    text = ("Zorbatinib and quelvumab were given in an invented study. The median was 9.1 months for ZORB + QUELV "
            "and 7.0 months for zorbat vs 5.5 for placebo.")
    assert clipped(text, vocabulary) == [("zorbatinib", "ZORB"), ("quelvumab", "QUELV"), ("zorbatinib", "zorbat")]


@pytest.mark.parametrize("text", [
    # used before the drug is named in full
    "The ZORB vs placebo comparison. Zorbatinib was given in an invented study.",
    # standing alone, not where an arm's name stands
    "Zorbatinib was given in an invented study; zorbat was well tolerated.",
    # the start of two drugs' names: whose is not told
    "Quelvumab and quenderumab were given in an invented study: QUE + zorbatinib.",
    # three letters in lower case could be a word; too little cut off the name
    "Zorbatinib was given in an invented study: zor vs placebo, or zorbatin vs placebo.",
])
def test_no_clipped_name_where_the_drug_is_not_told(text, vocabulary):
    assert clipped(text, vocabulary) == []


def test_a_clipped_name_takes_part_in_the_facts_read_after_it(vocabulary):
    text = ("In an invented trial, zorbatinib or placebo was given. Median survival was 9.1 months for zorbat vs. "
            "7.0 months for placebo, and 8.0 months for ZORB + placebo. In cell lines, Zorbat inhibits VEGFR2.")
    out = extract_document(Document.from_text("c2", text), vocabulary, MentionFinder(vocabulary))
    naming = {(a.subject, str(a.object), a.evidence[0].extractor) for a in out if a.predicate == "definedAbbreviation"}
    assert naming == {("zorbatinib", "zorbat", "clipped-names"), ("zorbatinib", "ZORB", "clipped-names")}
    assert ("zorbatinib", "inhibits", "kdr") in {(a.subject, a.predicate, str(a.object)) for a in out}


def test_the_parts_of_a_regimen_s_own_short_form_are_not_clipped_names(vocabulary):
    # "(Zorb/Quelv)" names the combination: its later uses, in any case, are read as the regimen
    text = ("In an invented trial, zorbatinib plus quelvumab (Zorb/Quelv) or placebo was given. Median survival was "
            "9.1 months with ZORB/QUELV vs. 7.0 months with placebo.")
    out = extract_document(Document.from_text("c3", text), vocabulary, MentionFinder(vocabulary))
    assert not [a for a in out if a.predicate == "definedAbbreviation" and a.evidence[0].extractor == "clipped-names"]
