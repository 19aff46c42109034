"""Tests for hcc_kg.extract.approved_rows, through the table-approvals extractor: a table whose caption says its
agents are approved, one row per line (invented tables, trials and drugs)."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.tables import approval_tables
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
    Entity("barmab", "barmab", ("MonoclonalAntibody",)), Entity("quxumab", "quxumab", ("MonoclonalAntibody",)),
    Entity("vegfr", "VEGFR", ("ProteinFamily",)), Entity("pd1", "PD-1", ("Protein",)),
    Entity("hcc", "hepatocellular carcinoma", ("Disease",), ("HCC",)),
    Entity("first_line", "first-line", ("LineOfTherapy",), ("first line", "First-line")),
    Entity("second_line", "second-line", ("LineOfTherapy",), ("second line", "Second-line")),
    Entity("fda", "Food and Drug Administration", ("RegulatoryAgency",), ("FDA",)),
    Entity("ema", "European Medicines Agency", ("RegulatoryAgency",), ("EMA",)),
])
FINDER = MentionFinder(VOCAB)
ROWS = ("Study name Treatment Target Median OS\n"
        "First-line therapies\n"
        "ZETA-714 Foonib VEGFR 10.7mo\n"
        "KESTREL12 Barmab + quxumab PD-1 19.2mo\n"
        "Second-line therapies\n"
        "PETREL-2 [14] Felotinib VEGFR 10.6mo\n")


def approvals(caption: str, rows: str = ROWS) -> set[tuple[str, str, str | None, str | None]]:
    text = f"An invented review\n\nTable 2:\n\n{caption}\n\n{rows}"
    found = approval_tables(AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER))
    return {(a.subject, a.object, a.context_value("agency"), a.context_value("line"))
            for a in found if a.predicate == "approvedFor"}


def test_each_row_of_a_table_of_approved_agents_is_an_approval_in_its_groups_line():
    assert approvals("Systemic agents approved for HCC: patients and outcomes.") == {
        ("foonib", "hcc", None, "first_line"), ("regimen__barmab__quxumab", "hcc", None, "first_line"),
        ("felotinib", "hcc", None, "second_line")}


def test_the_agency_the_caption_names_grants_each_rows_approval():
    assert ("foonib", "hcc", "fda", "first_line") in approvals("FDA-approved systemic agents for HCC")


@pytest.mark.parametrize("caption", [
    "Phase III trials and approved agents in HCC",  # trials among the rows: not each approved
    "Investigational and approved agents for HCC",
    "Agents not yet approved for HCC",
    "Agents approved by the FDA or the EMA for HCC",  # whose approval each row is cannot be told
    "Systemic agents for HCC: outcomes",  # no approval said
])
def test_a_caption_that_does_not_plainly_say_its_rows_are_approved_gives_none(caption):
    assert approvals(caption) == set()


def test_an_agent_cell_going_on_over_the_next_line_is_one_regimen_and_prose_ends_the_rows():
    rows = ("Drug Mechanism\nFirst-line\nBarmab +\nQuxumab\n\nAnti-PD-1 antibody + another antibody\n"
            "Felotinib is given in made-up trials to pretend patients.\nFoonib VEGFR\n")
    assert approvals("FDA-approved agents for HCC", rows) == {("regimen__barmab__quxumab", "hcc", "fda", "first_line")}
