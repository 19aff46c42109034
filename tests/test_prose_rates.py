"""Rates at several time points (invented sentences; more in test_prose_values)."""

from __future__ import annotations

from decimal import Decimal

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.prose_rates import timepoint_rates
from hcc_kg.extract.prose_values import arm_values
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
                    Entity("os", "overall survival", ("EndpointType",), ("OS",))])
FINDER = MentionFinder(VOCAB)
ARMS = ["zorbanib", "felotinib"]


def test_one_run_of_rates_per_arm_each_followed_by_its_arm():
    points, runs = ("12", "24", "36"), {"felotinib": ("55", "30", "20"), "zorbanib": ("50", "25", "15")}
    listed = " and ".join(f"{', '.join(v + '%' for v in run)} with {arm}" for arm, run in runs.items())
    text = f"The {points[0]}-, {points[1]}- and {points[2]}-month OS rates were {listed}."
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.agent, v.timepoint): v.value for v in timepoint_rates(doc, doc.sentences[0], ARMS, None)}
    assert got == {(arm, f"{p}-month"): Decimal(v) for arm, run in runs.items() for p, v in zip(points, run)}
    # the per-arm reader leaves them alone: the first two rates are not one per arm
    assert arm_values(doc, doc.sentences[0], ARMS) == []


def test_a_second_time_points_pair_with_the_endpoint_left_out():
    text = "The 24-month OS rates were 47.9% and 33.1%, and the 36-month rates 34.5% and 21.0%, respectively."
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.agent, v.timepoint): v.value for v in timepoint_rates(doc, doc.sentences[0], ARMS, None)}
    assert got == {("zorbanib", "36-month"): Decimal("34.5"), ("felotinib", "36-month"): Decimal("21.0")}
    # the pair naming its endpoint is the per-arm reader's
    assert {(v.agent, v.timepoint) for v in arm_values(doc, doc.sentences[0], ARMS)} == \
        {("zorbanib", "24-month"), ("felotinib", "24-month")}


def test_the_share_of_each_arm_that_responded_is_its_response_rate():
    from hcc_kg.extract.prose_rates import responder_shares
    doc = AnalysedDocument(Document.from_text("d", "Median OS was longer, and 27.4% of patients on zorbanib responded, "
                                              "versus 6.6% on felotinib."), VOCAB, FINDER)
    got = {(v.agent, v.endpoint): v.value for v in responder_shares(doc, doc.sentences[0], ARMS)}
    assert got == {("zorbanib", "orr"): Decimal("27.4"), ("felotinib", "orr"): Decimal("6.6")}
    doc = AnalysedDocument(Document.from_text("d", "Among older adults, 30% of patients on zorbanib responded, versus "
                                              "10% on felotinib."), VOCAB, FINDER)
    assert responder_shares(doc, doc.sentences[0], ARMS) == []  # a subgroup's
