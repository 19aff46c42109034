"""A paper's reference list is left unread (extract/back_matter.py), on invented papers."""

from __future__ import annotations

import pytest

from hcc_kg.extract import extract_document
from hcc_kg.extract.back_matter import reference_list_span, without_reference_list, without_reference_list_text
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

BODY = ("Zorbatinib in liver cancer\n\nZorbatinib is an oral inhibitor of KDR. It was well tolerated in "
        "the invented cohort.\n\n")
CITED = "Quelvinib potently inhibits MET in hepatoma cells"  # a cited paper's title: its claim, not this paper's


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary([Entity("zorbatinib", "zorbatinib", ("SmallMolecule",)),
                       Entity("quelvinib", "quelvinib", ("SmallMolecule",)),
                       Entity("kdr", "KDR", ("Protein",), ("VEGFR2",)),
                       Entity("met", "MET", ("Protein",), ("c-MET",))])


def targets(text: str, vocabulary: Vocabulary) -> set[tuple[str, str]]:
    out = extract_document(Document.from_text("inv", text), vocabulary, MentionFinder(vocabulary))
    return {(a.subject, str(a.object)) for a in out if a.predicate == "inhibits"}


@pytest.mark.parametrize("heading, entry", [
    ("References", f"1. Doe AB, Roe C, et al. {CITED}. J Invented Oncol. 2019;12:340-8."),
    ("REFERENCES", f"[1] Doe AB, Roe C. {CITED}. Invented Hepatol 2021; 4(2): 11-19. doi:10.0000/x"),
    ("## Bibliography", f"Doe AB, Roe C. {CITED}. Invented Res. 2018."),
    ("Literature cited:", f"Doe, A. B. and Roe, C. (2020) {CITED}. Invented J. 7: 1-9."),
    # a web page's lists of other papers below an abstract, each title then its authors
    ("Similar articles", f"{CITED}.\nDoe AB, et al. Invented Oncol. 2031."),
    ("Cited by", f"{CITED}.\nDoe AB, et al. Invented Hepatol. 2032."),
])
def test_a_cited_title_is_not_the_papers_statement(vocabulary, heading, entry):
    text = BODY + f"{heading}\n{entry}\n2. Poe D, et al. Another title. Invented Lett. 2017;3:1-2.\n"
    assert targets(BODY + CITED + ".\n", vocabulary) == {("zorbatinib", "kdr"), ("quelvinib", "met")}  # the rule reads it in a body
    assert targets(text, vocabulary) == {("zorbatinib", "kdr")}


def test_offsets_and_identity_are_kept(vocabulary):
    text = BODY + f"References\n1. Doe AB, et al. {CITED}. J Inv. 2019;1:2-3.\n"
    document = Document.from_text("inv", text)
    read = without_reference_list(document)
    assert (read.doc_id, read.name, read.sha256, len(read.text)) == (document.doc_id, document.name, document.sha256, len(text))
    assert read.text.startswith(BODY) and read.text.count("\n") == text.count("\n") and read.text[len(BODY):].strip() == ""
    facts = extract_document(document, vocabulary, MentionFinder(vocabulary))
    fact = next(a for a in facts if a.predicate == "inhibits")
    evidence = fact.evidence[0]
    assert "KDR" in text[evidence.start:evidence.end]


@pytest.mark.parametrize("text", [
    BODY + "References\nThe invented cohort is described elsewhere.\n" + CITED + ".\n",  # no citation below it
    BODY + "Several references support this. " + CITED + ".\n",  # the word inside a sentence
    BODY + "References to earlier work\n" + CITED + " (Doe 2019;12:3).\n",  # a heading that goes on
])
def test_what_is_no_reference_list(vocabulary, text):
    assert reference_list_span(text) is None
    assert without_reference_list_text(text) == text
    assert ("quelvinib", "met") in targets(text, vocabulary)


def test_a_table_after_the_references_is_still_read():
    text = BODY + "References\n1. Doe AB, et al. A title. J Inv. 2019;1:2-3.\nTable 2 Invented doses\nrow\n"
    start, end = reference_list_span(text)
    assert text[start:end].startswith("References") and text[end:].startswith("Table 2")
    assert without_reference_list_text(text).endswith("Table 2 Invented doses\nrow\n")


def test_the_last_list_is_the_papers_own():
    first = BODY + "References\nNot a citation here at all.\n\nMore body text follows.\n"
    text = first + "References\n1. Doe AB, et al. A title. J Inv. 2019;1:2-3.\n"
    assert reference_list_span(text)[0] == len(first)
