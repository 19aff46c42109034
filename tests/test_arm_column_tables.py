"""Tests for hcc_kg.extract.arm_column_tables: a trial's efficacy table with one column per arm (invented trials,
drugs and numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.arm_column_tables import arm_column_tables
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
    Entity("quorimab", "quorimab", ("MonoclonalAntibody",)), Entity("placebo", "placebo", ("Placebo",)),
    Entity("os", "overall survival", ("EndpointType",), ("OS",)),
    Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS",)),
    Entity("orr", "objective response rate", ("EndpointType",), ("ORR",)),
])
FINDER = MentionFinder(VOCAB)
PIPES = ("An invented report.\n\nTable 2. Efficacy in ZETA-7\n\n"
         "| | Zorbanib plus quorimab (n = 301) | Felotinib (n = 299) |\n|---|---|---|\n"
         "| Median OS, months (95% CI) | 18.1 (16.0-20.2) | 13.9 (12.1-15.6) |\n"
         "| HR for OS (95% CI) | 0.74 (0.62-0.89) | |\n"
         "| 12-month OS rate, % | 63.2 | 55.0 |\n"
         "| ORR, % | 27.2 | 11.4 |\n"
         "| Grade 3 adverse events, % | 30.1 | 28.4 |\n\nNotes: invented.\n")


def _read(text: str) -> list:
    return list(arm_column_tables(AnalysedDocument(Document.from_text("d1", text), VOCAB, FINDER)))


def _values(found: list) -> set[tuple[str, str, str, Decimal]]:
    agent = {a.subject: a.object for a in found if a.predicate == "armIntervention"}
    return {(agent[a.subject], a.object, dict(a.context)["timepoint"], a.attribute_values("value")[0])
            for a in found if a.predicate == "hasMeasurement"}


TABS = ("An invented report.\n\nTable 2. Efficacy in ZETA-7\n\n"
        "\tZorbanib plus quorimab (n = 301)\tFelotinib (n = 299)\n"
        "Median OS, months (95% CI)\t18.1 (16.0-20.2)\t13.9 (12.1-15.6)\n"
        "HR for OS (95% CI)\t0.74 (0.62-0.89)\t\n"
        "12-month OS rate, %\t63.2\t55.0\nORR, %\t27.2\t11.4\n\nNotes: invented.\n")


@pytest.mark.parametrize("text", [PIPES, TABS])
def test_each_column_is_an_arm_and_each_row_an_endpoint(text):
    found = _read(text)
    assert {(a.subject, a.object) for a in found if a.predicate == "armSize"} == {
        ("arm__zeta7__regimen__quorimab__zorbanib", 301), ("arm__zeta7__felotinib", 299)}
    assert _values(found) == {
        ("regimen__quorimab__zorbanib", "os", "", Decimal("18.1")), ("felotinib", "os", "", Decimal("13.9")),
        ("regimen__quorimab__zorbanib", "os", "12-month", Decimal("63.2")), ("felotinib", "os", "12-month", Decimal("55.0")),
        ("regimen__quorimab__zorbanib", "orr", "", Decimal("27.2")), ("felotinib", "orr", "", Decimal("11.4"))}
    [ratio] = [a for a in found if a.predicate == "hasEffectEstimate"]
    assert (ratio.object, dict(ratio.context)["experimental"], dict(ratio.context)["comparator"]) == (
        "os", "arm__zeta7__regimen__quorimab__zorbanib", "arm__zeta7__felotinib")
    assert (ratio.attribute_values("hazard_ratio"), ratio.attribute_values("ci_level")) == ([Decimal("0.74")], [Decimal("95")])


def test_a_ratio_row_names_its_comparator_in_a_table_of_three_arms():
    text = ("Table 3. Outcomes\n\n| | Quorimab plus zorbanib (n = 393) | Quorimab (n = 389) | Felotinib (n = 389) |\n"
            "| HR for OS vs felotinib (96.02% CI) | 0.79 (0.66-0.94) | 0.85 (0.72-1.02) | - |\n"
            "| Median PFS, months | 3.8 | 3.6 | NR (3.1-NR) |\n")
    found = _read(text)
    pairs = {(dict(a.context)["experimental"].split("__", 2)[2], a.attribute_values("hazard_ratio")[0],
              a.attribute_values("ci_level")[0]) for a in found if a.predicate == "hasEffectEstimate"}
    assert pairs == {("regimen__quorimab__zorbanib", Decimal("0.79"), Decimal("96.02")),
                     ("quorimab", Decimal("0.85"), Decimal("96.02"))}
    assert {agent for agent, endpoint, _, _ in _values(found) if endpoint == "pfs"} == {"regimen__quorimab__zorbanib", "quorimab"}


@pytest.mark.parametrize("text", [
    # a header whose cells are no arms: a table of other columns
    "Table 1. Trials\n\n| Trial | Drug | Control |\n| ZETA-7 | Zorbanib | Felotinib |\n",
    # arms as columns but no row naming an endpoint
    "Table 5. Safety\n\n| | Zorbanib (n = 10) | Felotinib (n = 9) |\n| Rash, % | 20 | 11 |\n",
])
def test_tables_of_other_shapes_are_left_alone(text):
    assert _read(text) == []


def test_the_table_pasted_one_cell_per_line_is_read_the_same():
    # (the header's empty corner cell is lost in such a copy; the comparator's empty ratio cell is a dash)
    text = ("Table 2. Efficacy in ZETA-7\n\nZorbanib plus quorimab (n = 301)\n\nFelotinib (n = 299)\n\n"
            "Median OS, months (95% CI)\n\n18.1 (16.0-20.2)\n\n13.9 (12.1-15.6)\n\nHR for OS (95% CI)\n\n"
            "0.74 (0.62-0.89)\n\n—\n\nORR, %\n\n27.2\n\n11.4\n")
    found = _read(text)
    assert _values(found) == {
        ("regimen__quorimab__zorbanib", "os", "", Decimal("18.1")), ("felotinib", "os", "", Decimal("13.9")),
        ("regimen__quorimab__zorbanib", "orr", "", Decimal("27.2")), ("felotinib", "orr", "", Decimal("11.4"))}
    assert [a.attribute_values("hazard_ratio") for a in found if a.predicate == "hasEffectEstimate"] == [[Decimal("0.74")]]
