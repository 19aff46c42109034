"""A drug's name misspelled in a document (extract/misspellings.py, folded by extract/novel.py): invented names."""

from __future__ import annotations

import pytest

from hcc_kg.extract.misspellings import misspelled_drug, one_edit
from hcc_kg.extract.novel import recognise_text
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([Entity("quorvalimab", "quorvalimab", ("MonoclonalAntibody",)),
                    Entity("zorbatinib", "zorbatinib", ("SmallMolecule",)),
                    Entity("velorafenib", "velorafenib", ("SmallMolecule",), synonyms=("Velorix",))])


@pytest.mark.parametrize("a, b, expected", [
    ("quorvalimab", "quorvlimab", True),    # a letter dropped
    ("quorvalimab", "quorvallimab", True),  # a letter added
    ("quorvalimab", "quorvelimab", True),   # a letter changed
    ("quorvalimab", "quorvalimab", False),  # the same name
    ("quorvalimab", "qorvelimab", False),   # two edits
])
def test_one_edit(a, b, expected):
    assert one_edit(a, b) is expected and one_edit(b, a) is expected


def test_a_misspelling_of_a_drug_the_document_names_is_that_drug():
    found = recognise_text("Patients took quorvalimab with zorbatinib. In the expansion, quorvalimib was given "
                           "every three weeks; quorvlimab, an anti-PD-1 antibody, was well tolerated.", VOCAB)
    assert [(r.key, r.synonyms, r.known) for r in found] == [("quorvalimab", ("quorvlimab",), True)]


def test_no_fold_for_a_drug_the_document_does_not_name_a_short_name_or_another_stem():
    assert misspelled_drug("quorvlimab", {}) is None
    assert misspelled_drug("zorbanib", {"zorbaniib": "x"}) is None  # shorter than nine letters
    assert misspelled_drug("quorvalinib", {"quorvalimab": "quorvalimab"}) is None  # another stem ending
    found = recognise_text("An invented note on quorvlimab, an anti-PD-1 antibody, and zorbatinib.", VOCAB)
    assert [(r.key, r.known) for r in found] == [("quorvlimab", False)]


def test_a_misspelling_that_breaks_the_stem_is_folded_without_a_cue_when_the_document_names_the_drug():
    # "velorafinib" has no drug's form (no "-rafenib", "-tinib" or "-anib"): only the named drug's spelling finds it
    found = recognise_text("The agency approved Velorix for invented use. Patients took velorafinib daily.", VOCAB)
    assert [(r.key, r.synonyms, r.known) for r in found] == [("velorafenib", ("velorafinib",), True)]
    assert recognise_text("An invented note: patients took velorafinib daily.", VOCAB) == []
