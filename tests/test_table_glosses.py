"""Drug → target from a table's lines (:mod:`hcc_kg.extract.table_glosses`; invented tables, packaged vocabulary)."""

from __future__ import annotations

from hcc_kg.extract import extract_document
from hcc_kg.model import Document

TABLE = ("Table 4.\nInvented trials of antibodies\n"
         "Agent (mechanism) | Trial | Phase | n |\n"
         "---|---|---|---|\n"
         "Tislelizumab (anti-PD1) | KITE-31 (NCT01212121) | II | 90 |\n"
         "Atezolizumab (anti-PDL1)+ Bevacizumab (anti-VEGF) | NCT03434343 | Ib | 60 |\n"
         "Sorafenib | SKY-2 (NCT05656565) | III | 300 |\n")


def _pairs(text: str, vocabulary, finder) -> set[tuple[str, str]]:
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    return {(a.subject, str(a.object)) for a in facts if a.predicate in ("inhibits", "isAntibodyAgainst") and a.is_fact}


def test_a_cell_glossing_each_drug_in_brackets_gives_its_target(vocabulary, finder):
    assert _pairs(TABLE, vocabulary, finder) == {("tislelizumab", "pdcd1"), ("atezolizumab", "cd274"),
                                                ("bevacizumab", "vegfa")}


def test_a_cell_naming_a_target_beside_a_drug_without_a_gloss_gives_none(vocabulary, finder):
    text = TABLE.replace("Sorafenib | SKY-2", "Sorafenib | VEGFR study SKY-2")
    assert ("sorafenib", "kdr") not in _pairs(text, vocabulary, finder)
