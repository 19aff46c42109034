"""Completed-trial rows → trials, arms, measurements and hazard ratios (invented rows)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.trials import completed_trial_tables, parse_outcomes, trial_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("barmab", "barmab", ("MonoclonalAntibody",)),
    Entity("sorafenib", "sorafenib", ("SmallMolecule",)),
    Entity("placebo", "placebo", ("Placebo",)),
    Entity("first_line", "first-line", ("LineOfTherapy",), ("First",)),
    Entity("second_line", "second-line", ("LineOfTherapy",), ("Second",)),
    Entity("os", "overall survival", ("EndpointType",), ("OS",)),
    Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS",)),
    Entity("orr", "objective response rate", ("EndpointType",), ("ORR",)),
])
TABLE = (
    "Intro line.\n"
    "Table 7 Invented trials for this test\n"
    "Year Trial Line Drug Control Outcome\n"
    "2031 ZETA-1 First Foonib Sorafenib OS: 11.5 vs. 9.25 (0.80; 0.64\u20130.99)\n"
    "2032 NCT09999999 Second Barmab None 6-month PFS rate: 41%; ORR: ~ 12%\n"
    "2033 Zeta 2 Second Foonib plus barmab Placebo PFS: 4.0 vs. 2.5 (0.5; NA)\n"
    " body text resumes here after the table.\n"
)


def extracted(text: str = TABLE):
    doc = AnalysedDocument(Document.from_text("t", text), VOCAB, MentionFinder(VOCAB))
    return list(completed_trial_tables(doc))


def by(assertions, predicate):
    return [a for a in assertions if a.predicate == predicate]


def test_each_row_is_one_trial_with_its_identifier_and_year():
    trials = by(extracted(), "isClinicalTrial")
    assert [a.subject for a in trials] == [trial_key("ZETA-1"), trial_key("NCT09999999"), trial_key("Zeta 2")]
    assert ("trial_name", "ZETA-1") in trials[0].attributes and ("year", 2031) in trials[0].attributes
    assert ("nct_id", "NCT09999999") in trials[1].attributes


def test_a_two_word_trial_name_with_a_regimen_arm_and_no_ci():
    found = extracted()
    trial = trial_key("Zeta 2")
    assert trial_key("Zeta") not in {a.subject for a in found}
    interventions = [a.object for a in by(found, "armIntervention") if a.subject.startswith("arm__zeta2__")]
    assert interventions == ["regimen__barmab__foonib", "placebo"]
    (hr,) = [a for a in by(found, "hasEffectEstimate") if a.subject == trial]
    attrs = dict(hr.attributes)
    assert attrs["hazard_ratio"] == Decimal("0.5") and "ci_lower" not in attrs


def test_arms_values_and_hazard_ratio_exactly_as_printed():
    found = extracted()
    trial = trial_key("ZETA-1")
    arms = [a.object for a in by(found, "hasArm") if a.subject == trial]
    interventions = {a.subject: a.object for a in by(found, "armIntervention")}
    assert [interventions[arm] for arm in arms] == ["foonib", "sorafenib"]
    values = {(m.subject, m.object): dict(m.attributes) for m in by(found, "hasMeasurement")}
    assert values[(arms[0], "os")]["value"] == Decimal("11.5")
    assert values[(arms[1], "os")]["value_text"] == "9.25"
    assert values[(arms[0], "os")]["unit"] == "months"
    (hr,) = [a for a in by(found, "hasEffectEstimate") if a.subject == trial]
    attrs = dict(hr.attributes)
    assert (attrs["hazard_ratio"], attrs["ci_lower"], attrs["ci_upper"]) == (Decimal("0.80"), Decimal("0.64"),
                                                                             Decimal("0.99"))
    assert str(attrs["hazard_ratio"]) == "0.80"  # trailing zero kept as printed
    assert dict(hr.context)["experimental"] == arms[0] and dict(hr.context)["comparator"] == arms[1]


def test_single_arm_trial_with_timepoint_rate_and_approximate_value():
    found = extracted()
    trial = trial_key("NCT09999999")
    (arm,) = [a.object for a in by(found, "hasArm") if a.subject == trial]
    measures = {m.object: m for m in by(found, "hasMeasurement") if m.subject == arm}
    assert dict(measures["pfs"].context)["timepoint"] == "6-month"
    assert dict(measures["pfs"].attributes)["unit"] == "%"
    assert dict(measures["orr"].attributes).get("approximate") is True
    assert not [a for a in by(found, "hasEffectEstimate") if a.subject == trial]


def test_evidence_is_the_row_and_reads_back():
    for a in extracted():
        for ev in a.evidence:
            row = TABLE[ev.start:ev.end]
            assert row.startswith("20") and "\n" not in row


def test_rows_outside_table_blocks_are_ignored():
    assert extracted("2031 ZETA-1 First Foonib Sorafenib OS: 11.5 vs. 9.25 (0.80; 0.64-0.99)\n") == []


@pytest.mark.parametrize("cell, endpoints", [
    ("OS: 10 vs. 8 (0.7; 0.5-0.9)", ["OS"]),
    ("ORR: 0%; DCR: 50.5%", ["ORR", "DCR"]),
    ("3-month PFS rate: 70%", ["PFS"]),
    ("TTP: 2", ["TTP"]),
])
def test_outcome_cell_formats(cell, endpoints):
    assert [o.endpoint for o in parse_outcomes(cell)] == endpoints


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=99, places=2), st.decimals(min_value=0, max_value=99, places=2),
       st.decimals(min_value=0, max_value=5, places=3), st.decimals(min_value=0, max_value=5, places=3))
def test_printed_numbers_round_trip(a, b, hr, ci):
    cell = f"OS: {a} vs. {b} ({hr}; {ci}-{ci + 1})"
    (o,) = parse_outcomes(cell)
    assert o.values == [str(a), str(b)] and o.hazard_ratio == str(hr) and o.ci == (str(ci), str(ci + 1))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="OSPFRD:;()%.-~ 0123456789vsaNA", max_size=60))
def test_outcome_parser_never_raises_and_stays_inside_its_input(cell):
    for o in parse_outcomes(cell):
        assert 0 <= o.start <= o.end <= len(cell)
        assert all(v in cell for v in o.values)
