"""Potency tables, targets down and drugs across (hcc_kg.extract.potency_tables), on invented tables."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.potency_tables import potency_matrices
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
    Entity("quorimab", "quorimab", ("MonoclonalAntibody",)),
    Entity("kdr", "KDR", ("Protein",), ("VEGFR-2", "VEGFR2")), Entity("met", "MET", ("Protein",), ("c-MET",)),
    Entity("kit", "KIT", ("Protein",), ("C-KIT",)),
])
FINDER = MentionFinder(VOCAB)


def facts(text: str) -> set[tuple[str, str, str]]:
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return {(a.subject, a.predicate, a.object) for a in potency_matrices(doc)}


SPACED = ("Invented kinase profile of two made-up agents (IC50, nM)\n\n"
          "Kinase Zorbanib1a Felotinib2,3b\n"
          "VEGFR-2 4.2 -\n"
          "c-MET 12 >1000\n"
          "C-KIT 310 55\n\n"
          "These numbers are invented.\n")


def test_each_measured_cell_of_a_table_copied_without_borders_is_its_drugs_action():
    assert facts(SPACED) == {("zorbanib", "inhibits", "kdr"), ("zorbanib", "inhibits", "met"),
                             ("zorbanib", "inhibits", "kit"), ("felotinib", "inhibits", "kit")}


def test_each_measured_cell_of_a_pipe_table_is_its_drugs_action():
    text = ("Table 2. Made-up binding data, Kd (nM)\n"
            "| Target | zorbanib | quorimab |\n| --- | --- | --- |\n| VEGFR2 | 3 | NA |\n| MET | - | 0.4 |\n")
    assert facts(text) == {("zorbanib", "inhibits", "kdr"), ("quorimab", "isAntibodyAgainst", "met")}


@pytest.mark.parametrize("text", [
    SPACED.replace("(IC50, nM)", "(survival, months)"),  # no potency named: the numbers are something else
    SPACED.replace("Kinase Zorbanib1a Felotinib2,3b", "Kinase Zorbanib1a Other2,3b"),  # one drug across: no matrix
    SPACED.replace("VEGFR-2 4.2 -\n", "VEGFR-2 4.2 - 7\n"),  # a row whose cells do not fit the header ends it
])
def test_no_potency_no_matrix_or_rows_that_do_not_fit_read_nothing(text):
    assert facts(text) == set()


def test_a_row_naming_no_target_or_two_is_skipped():
    text = SPACED.replace("c-MET 12 >1000", "c-MET or KIT 12 >1000").replace("C-KIT 310 55", "Wild type 310 55")
    assert facts(text) == {("zorbanib", "inhibits", "kdr")}
