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
