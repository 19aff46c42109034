"""A regulator's decision record (extract/approval_records.py), on invented records."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.approvals import approval_statements
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.keys import regimen_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",), ("Foovia",)),
    Entity("barmab", "barmab", ("MonoclonalAntibody",), ("Barvio",)),
    Entity("hcc", "hepatocellular carcinoma", ("Disease",), ("HCC",)),
    Entity("tga", "TGA", ("RegulatoryAgency",), ("Therapeutic Goods Administration",)),
    Entity("ec", "European Commission", ("RegulatoryAgency",), ("EC",)),
    Entity("first_line", "first-line", ("LineOfTherapy",)),
])
RECORD = ("{heading}\n\nProduct name: Barvio\nActive ingredient: barmab\nDecision: {decision}\n"
          "Date of decision: 3 March 2031\n\n{use} use\n"
          "Barvio in combination with foonib is indicated for the treatment of adults with unresectable "
          "hepatocellular carcinoma who have not received prior systemic treatment.\n")


def approvals(text: str) -> set[tuple]:
    doc = AnalysedDocument(Document.from_text("r", text), VOCAB, MentionFinder(VOCAB))
    return {(a.subject, a.object, a.context_value("agency"), a.context_value("line"))
            for a in approval_statements(doc) if a.predicate == "approvedFor" and a.is_fact}


@pytest.mark.parametrize("heading, agency", [
    ("Australian Public Assessment Report summary: Barvio with foonib for liver cancer", "tga"),
    ("TGA decision summary: Barvio with foonib", "tga"),
    ("Assessment summary: Barvio with foonib", None),  # no regulator named: kept without one
])
def test_a_positive_decision_makes_the_label_sentence_an_approval(heading, agency):
    text = RECORD.format(heading=heading, decision="Approved", use="Approved")
    assert approvals(text) == {(regimen_key(["barmab", "foonib"]), "hcc", agency, "first_line")}


@pytest.mark.parametrize("decision", ["Refused", "Withdrawn", "Under evaluation"])
def test_without_a_positive_decision_label_wording_is_no_approval(decision):
    text = RECORD.format(heading="Australian Public Assessment Report summary: Barvio", decision=decision, use="Proposed")
    assert approvals(text) == set()
