"""Trial results stated in prose (invented paragraphs)."""

from __future__ import annotations

from decimal import Decimal

from hcc_kg.assemble.merge import assemble
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.results import stated_results
from hcc_kg.extract.arm_facts import arm_key
from hcc_kg.extract.trials import trial_key
from hcc_kg.model import Assertion, Document, Evidence
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("barmab", "barmab", ("MonoclonalAntibody",)),
    Entity("orr", "objective response rate", ("EndpointType",), ("ORR",)),
    Entity("os", "overall survival", ("EndpointType",), ("OS", "mOS")),
])
TEXT = (
    "Earlier work.\n"
    "Foonib\n"
    "Foonib was studied in the ZetaTrial-101 study in a small cohort.\n"
    "The study reported an ORR of 21.5% and a mOS of 9.75 months.\n"
    "Foonib plus barmab\n"
    "In the ZetaTrial-101 study the pair gave an ORR of 30%.\n"
    "Other notes\n"
    "An ORR of 50% was seen somewhere without a named study.\n"
)


def found():
    return list(stated_results(AnalysedDocument(Document.from_text("d", TEXT), VOCAB, MentionFinder(VOCAB))))


def measurements():
    return {(a.subject, a.object): dict(a.attributes) for a in found() if a.predicate == "hasMeasurement"}


def test_values_attach_to_the_heading_agents_arm_of_the_named_study():
    trial = trial_key("ZetaTrial-101")
    got = measurements()
    assert got[(arm_key(trial, "foonib"), "orr")]["value"] == Decimal("21.5")
    assert got[(arm_key(trial, "foonib"), "os")]["value_text"] == "9.75"
    assert got[(arm_key(trial, "foonib"), "os")]["unit"] == "months"


def test_a_regimen_section_gives_the_regimen_arm():
    trial = trial_key("ZetaTrial-101")
    assert measurements()[(arm_key(trial, "regimen__barmab__foonib"), "orr")]["value_text"] == "30"


def test_no_named_study_no_result():
    assert all(v["value_text"] != "50" for v in measurements().values())


def test_evidence_covers_the_study_name_and_the_value():
    for a in found():
        span = TEXT[a.evidence[0].start:a.evidence[0].end]
        assert "ZetaTrial-101" in span
        if a.predicate == "hasMeasurement":
            assert dict(a.attributes)["value_text"] in span


def test_a_value_disagreeing_with_a_table_is_a_conflict():
    arm = arm_key(trial_key("ZetaTrial-101"), "foonib")
    table = Assertion(arm, "hasMeasurement", "orr", (("timepoint", ""),),
                      (("value", Decimal("17")), ("value_text", "17"), ("unit", "%")), (Evidence("t", 0, 5, "table"),))
    merged, conflicts = assemble(found() + [table])
    (conflict,) = [c for c in conflicts if c.subject == arm]
    assert conflict.attribute == "value"
    assert sorted(str(v) for v, _ in conflict.values) == ["17", "21.5"]
