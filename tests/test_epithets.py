"""Tests for hcc_kg.extract.epithets: a drug named back by its class ("the PD-1 inhibitor") in a document whose
title names that drug, on invented text."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.epithets import epithet_statements
from hcc_kg.model import Document
from test_mechanisms import FINDER, VOCAB


def read(title: str, body: str) -> dict[tuple[str, str], tuple[str, str]]:
    doc = AnalysedDocument(Document.from_text("d1", f"{title}\n\n{body}\n"), VOCAB, FINDER)
    return {(a.subject, a.object): (a.evidence[0].polarity, a.evidence[0].certainty) for a in epithet_statements(doc)}


@pytest.mark.parametrize("body", [
    "Last year a made-up agency cleared the MET inhibitor for invented patients after barfenib.",
    "In this pretend story, this MET blocker was cleared for use.",
])
def test_the_class_names_back_the_titled_drug_and_its_target(body):
    assert read("Maker drops foonib filing", body) == {("foonib", "met"): ("positive", "asserted")}


def test_a_title_naming_the_patients_earlier_therapy_still_names_one_drug():
    # "post-B": the patients' history, not a second drug the item is about
    assert read("Maker pulls foonib approval in post-barfenib liver cancer",
                "In the made-up trial, the MET inhibitor failed.") == {("foonib", "met"): ("positive", "asserted")}


@pytest.mark.parametrize("body", [
    "In a pretend market, the inhibitor of MET and several other kinases is also cleared for invented patients.",
    "In this made-up note, the oral inhibitor of MET was cleared last year.",
])
def test_the_class_before_its_targets_names_back_the_titled_drug(body):
    assert read("Maker drops foonib filing", body) == {("foonib", "met"): ("positive", "asserted")}


@pytest.mark.parametrize("body", [
    "In this made-up note, barfenib and the inhibitor of MET were compared.",  # a drug named before it
    "In this made-up note, the inhibitor of MET, barfenib, was cleared.",  # the name after it: an apposition
    "In this made-up note, the first inhibitor of MET was cleared.",  # set apart: maybe another drug
])
def test_the_class_before_its_targets_is_no_epithet_beside_a_name_or_set_apart(body):
    assert ("foonib", "met") not in read("Maker drops foonib filing", body)


def test_an_anti_target_epithet_names_an_antibody_back():
    assert read("Zelumab news in brief", "An invented panel reviewed the anti-PD-1 antibody last week.") == \
        {("zelumab", "pd1"): ("positive", "asserted")}


def test_the_epithet_is_put_as_its_own_words_put_it():
    # a hedge inside the description hedges it; one on the rest of the sentence is about something else
    assert read("Foonib update", "The agency cleared the presumed MET inhibitor for pretend patients.") == \
        {("foonib", "met"): ("positive", "hedged")}
    assert read("Foonib update", "The MET inhibitor may also help pretend patients.") == \
        {("foonib", "met"): ("positive", "asserted")}


@pytest.mark.parametrize("title, body", [
    # another drug named beside the same target: "the MET inhibitor" could be either
    ("Maker drops foonib filing", "Barfenib, a MET inhibitor, was also studied. The agency cleared the MET inhibitor."),
    # an indefinite class is a new referent, no epithet
    ("Maker drops foonib filing", "A MET inhibitor was cleared by the made-up agency."),
    # the class with a name after it is an apposition, read by other shapes
    ("Maker drops foonib filing", "The agency cleared the MET inhibitor barfenib in this pretend note."),
    # a title naming two drugs names no one drug to refer back to
    ("Foonib and barfenib news", "The agency cleared the MET inhibitor in this pretend note."),
    # a drug named before it in the sentence may be what it names
    ("Maker drops foonib filing", "Barfenib was given first, and the MET inhibitor second."),
])
def test_no_epithet_where_the_drug_it_names_is_uncertain(title, body):
    assert read(title, body) == {}


def test_the_title_is_the_first_line_with_words_whatever_the_line_ends():
    from hcc_kg.extract.discourse_drugs import titled_drug
    text = "\r\n  Maker drops foonib filing\r\n\r\nBackground\r\n\r\nThe MET inhibitor is invented.\r\n"
    doc = AnalysedDocument(Document.from_text("d1", text), VOCAB, FINDER)
    found = titled_drug(doc, len(doc.sentences) - 1)
    assert found is not None and found.key == "foonib"
    assert doc.document.text[found.start:found.end].strip() == "Maker drops foonib filing"


@pytest.mark.parametrize("body", [
    "In a made-up past, the agency cleared the first MET inhibitor for invented patients.",
    "The other MET inhibitor was cleared by the pretend agency.",
])
def test_a_class_set_apart_from_the_titled_drug_names_no_epithet(body):
    assert read("Maker drops foonib filing", body) == {}
