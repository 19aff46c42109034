"""Tests for hcc_kg.extract.cell_column_tables: a table pasted one cell per line (invented trials, drugs, numbers)."""

from __future__ import annotations

from decimal import Decimal

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.cell_column_tables import cell_column_tables
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
    Entity("placebo", "placebo", ("Placebo",)), Entity("os", "overall survival", ("EndpointType",), ("OS",)),
    Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS",)),
    Entity("first_line", "first-line", ("LineOfTherapy",), ("first line",)),
])
CELLS = ["Table 3 Invented trials", "Class", "Year", "Trial", "Line", "Drug", "Control", "Primary outcome (HR; 95% CI)",
         "Kinase inhibitors", " ", "2011", "ZETA-7", "First", "Zorbanib", "Placebo", "OS: 10.1 vs. 7.7 (0.70; 0.55–0.89)",
         " ", "2014", "NCT01234567", "First", "Felotinib", "None", "6-month PFS rate: 41%",
         "Antibodies", " ", "2016", "ORCA-2", "Second", "Felotinib", "Zorbanib", "OS: 8.0 vs. 9.1 (1.10; 0.90–1.31)"]


def read(cells: list[str], between: str = "\n\n") -> list:
    text = "An invented review.\n\n" + between.join(cells) + "\n\nNotes: invented.\n"
    return list(cell_column_tables(AnalysedDocument(Document.from_text("t", text), VOCAB, MentionFinder(VOCAB))))


def test_rows_of_cells_under_the_header_are_trials_with_their_arms_values_and_ratios():
    found = read(CELLS)
    arm_of = {a.subject: a.object for a in found if a.predicate == "armIntervention"}
    arms = {(a.subject, arm_of[a.object]) for a in found if a.predicate == "hasArm"}
    assert arms == {("trial__zeta7", "zorbanib"), ("trial__zeta7", "placebo"), ("trial__nct01234567", "felotinib"),
                    ("trial__orca2", "felotinib"), ("trial__orca2", "zorbanib")}
    values = {(a.subject, a.object, dict(a.context)["timepoint"], a.attribute_values("value")[0])
              for a in found if a.predicate == "hasMeasurement"}
    assert values == {("arm__zeta7__zorbanib", "os", "", Decimal("10.1")), ("arm__zeta7__placebo", "os", "", Decimal("7.7")),
                      ("arm__nct01234567__felotinib", "pfs", "6-month", Decimal("41")),
                      ("arm__orca2__felotinib", "os", "", Decimal("8.0")), ("arm__orca2__zorbanib", "os", "", Decimal("9.1"))}
    ratios = {(a.subject, a.attribute_values("hazard_ratio")[0]) for a in found if a.predicate == "hasEffectEstimate"}
    assert ratios == {("trial__zeta7", Decimal("0.70")), ("trial__orca2", Decimal("1.10"))}
    assert {(a.subject, a.object) for a in found if a.predicate == "forLineOfTherapy"} == \
        {("trial__zeta7", "first_line"), ("trial__nct01234567", "first_line")}
    registered = [a for a in found if a.predicate == "isClinicalTrial" and a.subject == "trial__nct01234567"]
    assert registered[0].attribute_values("nct_id") == ["NCT01234567"]


def test_cells_out_of_step_with_the_header_are_not_read():
    # a row missing its control cell would put every later cell under the wrong header: the rows end there
    shifted = CELLS[:13] + CELLS[14:]
    trials = {a.subject for a in read(shifted) if a.predicate == "isClinicalTrial"}
    assert "trial__nct01234567" not in trials and "trial__orca2" not in trials


def test_lines_of_prose_are_no_table():
    prose = ["Zorbanib was studied in ZETA-7.", "It was compared with placebo.", "Trial results were positive.",
             "Drug levels were stable.", "Control patients did worse.", "More data will follow.", "Zorbanib is oral.",
             "Felotinib is not."]
    assert read(prose) == []


def test_cells_on_lines_with_no_blank_line_between_them():
    # no empty cell can be told there: the table without its empty first column
    cells = ["Trial", "Drug", "Control", "Outcome (HR; 95% CI)", "ZETA-7", "Zorbanib", "Placebo",
             "OS: 10.1 vs. 7.7 (0.70; 0.55–0.89)", "ORCA-2", "Felotinib", "Zorbanib", "OS: 8.0 vs. 9.1 (1.10; 0.90–1.31)"]
    found = read(cells, between="\n")
    assert {a.subject for a in found if a.predicate == "isClinicalTrial"} == {"trial__zeta7", "trial__orca2"}
