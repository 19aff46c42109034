"""Short forms a document defines for a phrase of its own shadow the vocabulary's entity of that name (invented
texts; extract/shadowed_forms.py)."""

from __future__ import annotations

import pytest

from hcc_kg.extract import extract_document
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.shadowed_forms import reread, shadowed
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([Entity("pemzorexed", "pemzorexed", ("SmallMolecule",), ("MTA", "ZTK")),
                    Entity("felotinib", "felotinib", ("SmallMolecule",)),
                    Entity("quelnib", "quelnib", ("SmallMolecule",))])
FINDER = MentionFinder(VOCAB)


def analysed(text: str) -> AnalysedDocument:
    return AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)


def keys(doc: AnalysedDocument) -> list[str]:
    return [m.key for s in doc.sentences for m in s.mentions]


@pytest.mark.parametrize("text", [
    "Options grew with multi-targeted agents (MTAs). Felotinib, an MTA, was compared with quelnib.",
    "Options grew with many targeted agents and the zeta-targeting kinase (ZTK) inhibitors. ZTK inhibitors work.",
])
def test_a_short_form_defined_for_a_phrase_of_its_own_names_no_vocabulary_entity(text):
    doc = analysed(text)
    assert "pemzorexed" in keys(doc)  # the vocabulary alone reads it as the drug
    assert "pemzorexed" not in keys(reread(doc))


@pytest.mark.parametrize("text", [
    "Pemzorexed (MTA) was given to 40 patients.",                           # the vocabulary's own alias
    "Pemzorexed, a multitargeted antifolate (MTA), was given to 40 patients.",  # the phrase describes the drug named
    "Patients got a new drug, MTA, before the many trial arms (MTAs).",   # the letters are not the words' initials
])
def test_a_short_form_for_the_entity_itself_or_not_spelling_the_phrase_is_kept(text):
    assert shadowed(analysed(text)) == frozenset()


def test_the_document_reads_the_trial_comparison_without_the_shadowed_drug():
    text = ("Options grew with multi-targeted agents (MTAs). The ZETA trial showed that felotinib, an MTA, "
            "was non-inferior to quelnib.\n")
    found = extract_document(Document.from_text("d", text), VOCAB, FINDER)
    assert "pemzorexed" not in {a.subject for a in found} | {str(a.object) for a in found}


def test_a_short_form_spelling_out_a_target_or_endpoint_the_vocabulary_knows_is_its_own():
    vocab = Vocabulary([*VOCAB, Entity("ttp", "time to progression", ("EndpointType",), ("TTP",))])
    doc = AnalysedDocument(Document.from_text("d", "Felotinib prolonged time-to-tumor progression (TTP)."), vocab,
                           MentionFinder(vocab))
    assert shadowed(doc) == frozenset()
