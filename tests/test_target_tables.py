"""Tables with a column of targets (hcc_kg.extract.target_tables), on invented tables and drugs."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.target_tables import target_table_rows
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("barfenib", "barfenib", ("SmallMolecule",)),
    Entity("zelumab", "zelumab", ("MonoclonalAntibody",)),
    Entity("flt1", "FLT1", ("Protein",), ("VEGFR1",)),
    Entity("kdr", "KDR", ("Protein",), ("VEGFR2",)),
    Entity("flt4", "FLT4", ("Protein",), ("VEGFR3",)),
    Entity("met", "MET", ("Protein",), ("c-MET",)),
    Entity("kit", "KIT", ("Protein",)),
    Entity("pdcd1", "PD-1", ("Protein",)),
    Entity("hcc", "hepatocellular carcinoma", ("Disease",), ("HCC",)),
])
FINDER = MentionFinder(VOCAB)


def facts(text: str) -> set[tuple[str, str, str]]:
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return {(a.subject, a.predicate, a.object) for a in target_table_rows(doc)}


@pytest.mark.parametrize("table", [
    "Table 2 Invented agents\nDrug | Target of action | Indication |\nFoonib | VEGFR1-3, KIT | HCC |\n"
    "Zelumab | PD-1 | HCC |\n",
    "| Agent | Targets | Notes |\n|---|---|---|\n| Foonib | VEGFR1-3, KIT | made up |\n| Zelumab | PD-1 | made up |\n",
    "| Indication | Drug name | Molecular target(s) |\n| HCC | Foonib | VEGFR1-3 and KIT |\n| HCC | Zelumab | PD-1 |\n",
])
def test_each_rows_drug_acts_on_the_targets_its_target_cell_names(table):
    assert facts("An invented review\n\n" + table) == {
        ("foonib", "inhibits", "flt1"), ("foonib", "inhibits", "kdr"), ("foonib", "inhibits", "flt4"),
        ("foonib", "inhibits", "kit"), ("zelumab", "isAntibodyAgainst", "pdcd1")}


@pytest.mark.parametrize("row", [
    "| Foonib | KIT (not MET) | x |",        # a negation in the cell
    "| Foonib | possibly MET | x |",         # a hedge
    "| Foonib plus barfenib | MET, KIT | x |",  # two drugs: whose target is not said
])
def test_a_row_that_does_not_plainly_give_one_drugs_targets_is_not_read(row):
    assert facts(f"An invented review\n\n| Drug | Targets | Notes |\n{row}\n") == set()


def test_a_table_with_no_targets_column_is_not_read():
    assert facts("An invented review\n\n| Drug | Indication | Notes |\n| Foonib | MET-high HCC | x |\n") == set()


def test_evidence_spans_the_rows_drug_and_target():
    text = "An invented review\n\n| Drug | Target |\n| Barfenib | c-MET |\n"
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    [fact] = list(target_table_rows(doc))
    evidence = fact.evidence[0]
    assert text[evidence.start:evidence.end] == "Barfenib | c-MET"


from hypothesis import given, strategies as st  # noqa: E402

from hcc_kg.extract.target_tables import split_row  # noqa: E402

_CELL = st.text(alphabet=st.characters(blacklist_characters="|\n\r", blacklist_categories=("Cs",)), min_size=1, max_size=12)


@given(st.lists(_CELL.filter(lambda c: c.strip()), min_size=2, max_size=6), st.booleans(), st.integers(0, 500))
def test_split_row_gives_each_cell_stripped_at_its_own_offsets(cells, outer, offset):
    line = ("| " if outer else "") + " | ".join(cells) + (" |" if outer else "")
    found = split_row(line, offset)
    assert [text for text, _, _ in found] == [c.strip() for c in cells]
    assert all(line[s - offset:e - offset] == text for text, s, e in found)


def test_a_drug_profiles_table_of_potencies_gives_the_title_drugs_targets():
    table = ("| Receptor tyrosine kinase (RTK) target | IC50 (nM) |\n|---|---|\n| VEGFR2 (KDR) | 5 [1] |\n"
             "| c-MET | 20 [1] |\n")
    assert facts("Foonib: an invented target profile\n\n" + table) == {
        ("foonib", "inhibits", "kdr"), ("foonib", "inhibits", "met")}
    assert facts("An invented profile of two drugs, foonib and barfenib\n\n" + table) == set()  # whose is not said
    assert facts("Foonib: an invented profile\n\n" + table.replace("IC50 (nM)", "Expression in tumours")) == set()
