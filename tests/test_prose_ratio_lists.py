"""Hazard ratios listed after one head (invented sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.prose_ratio_lists import listed_ratios
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)),
                    Entity("os", "overall survival", ("EndpointType",), ("OS",)),
                    Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS",)),
                    Entity("ttp", "time to progression", ("EndpointType",), ("TTP",))])
FINDER = MentionFinder(VOCAB)
D = Decimal


def listed(text: str):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return [(e, hr.value, hr.ci_lower, hr.ci_upper, hr.ci_level) for hr, e in listed_ratios(doc, doc.sentences[0])]


EXPECTED = [("os", D("0.81"), D("0.69"), D("0.95"), D("95")), ("pfs", D("0.58"), D("0.47"), D("0.71"), D("95"))]


@pytest.mark.parametrize("text", [
    "Zorbanib prolonged OS and PFS (HR 0.81 [95% CI 0.69-0.95] and 0.58 [0.47-0.71], respectively).",
    "The HRs (95% CI) for OS and PFS were 0.81 (0.69-0.95) and 0.58 (0.47-0.71), respectively.",
    "Versus control, HR [95% CI]: OS 0.81 [0.69-0.95]; PFS 0.58 [0.47-0.71].",
])
def test_estimates_listed_after_one_head_each_get_their_endpoint(text):
    assert listed(text) == EXPECTED


def test_no_list_without_an_order_or_a_label():
    assert listed("The HRs were 0.81 (0.69-0.95) and 0.58 (0.47-0.71) for the two doses.") == []
    assert listed("OS was longer (HR 0.81, 95% CI 0.69-0.95; P = 0.01).") == []
    assert listed("TTP, OS and PFS favoured zorbanib (HR 0.81 [0.69-0.95] and 0.58 [0.47-0.71], respectively).") == []
