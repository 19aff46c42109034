"""Each arm's share of patients with an outcome, two arms compared in one sentence (invented sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.prose_rates import responder_shares
from hcc_kg.extract.prose_shares import shares_compared
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
                    Entity("placebo", "placebo", ("Placebo",))])
FINDER = MentionFinder(VOCAB)
ARMS = ["zorbanib", "felotinib"]


def read(text: str, arms: list[str] = ARMS) -> dict[tuple[str, str, str], Decimal]:
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return {(v.agent, v.endpoint, v.timepoint): v.value for v in responder_shares(doc, doc.sentences[0], arms)}


@pytest.mark.parametrize("text, timepoint", [
    ("Some 44% of patients treated with zorbanib were alive at three years, while only 29% of patients treated with "
     "felotinib were still alive at the same point.", "3-year"),
    ("An estimated 44% of patients who received zorbanib were still living two years later, compared to 29% of "
     "felotinib-treated patients at that time.", "2-year"),
    ("In all, 44% of patients were still alive at 18 months with zorbanib vs. 29% with felotinib.", "18-month"),
    ("The pretend study found 44% of patients given zorbanib were alive after four years, whereas only 29% of those "
     "on felotinib were.", "4-year"),
])
def test_the_share_alive_at_the_sentences_one_time_point_is_each_arms_os_rate(text, timepoint):
    assert read(text) == {("zorbanib", "os", timepoint): Decimal("44"), ("felotinib", "os", timepoint): Decimal("29")}


@pytest.mark.parametrize("text, endpoint", [
    ("Overall, 61.5% of patients in the zorbanib group showed complete or partial response or stable disease, "
     "compared with 33.8% in the felotinib group.", "dcr"),
    ("Overall, 61.5% of patients in the zorbanib group had a complete or partial response, versus 33.8% in the "
     "felotinib group.", "orr"),
    ("About 61.5% of patients on zorbanib saw their tumors shrink, compared with 33.8% on felotinib.", "orr"),
    ("Overall, 61.5% of patients in the zorbanib arm had their tumours shrink, versus 33.8% in the felotinib arm.", "orr"),
])
def test_the_share_with_a_response_or_with_disease_control(text, endpoint):
    assert read(text) == {("zorbanib", endpoint, ""): Decimal("61.5"), ("felotinib", endpoint, ""): Decimal("33.8")}


def test_a_part_naming_no_arm_is_the_other_arm_of_a_two_arm_trial():
    text = ("In this pretend trial, 12% of patients taking the drug experienced complete or partial shrinkage of the tumour, "
            "compared to 2% of those receiving placebo.")
    assert read(text, ["zorbanib", "placebo"]) == {("zorbanib", "orr", ""): Decimal("12"),
                                                   ("placebo", "orr", ""): Decimal("2")}
    # ... but not of a trial with three arms
    assert read(text, ["zorbanib", "felotinib", "placebo"]) == {}


@pytest.mark.parametrize("text", [
    # a subgroup's shares
    "In all, 44% of patients with HBV infection were alive at 2 years with zorbanib, compared to 29% with felotinib.",
    # two time points: whose share is which is not said
    "After 12 months, 44% of patients on zorbanib were alive at 2 years versus 29% on felotinib.",
    # no time point
    "In all, 44% of patients on zorbanib were still alive, compared to 29% on felotinib.",
    # both parts name the same arm
    "In all, 44% of patients on zorbanib were alive at 2 years, compared to 29% of those who stopped zorbanib.",
])
def test_no_shares_where_the_sentence_does_not_say_whose_or_when(text):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    assert shares_compared(doc, doc.sentences[0], ARMS) == []
