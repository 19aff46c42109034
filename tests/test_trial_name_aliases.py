"""Trial names that the vocabulary also knows as a generated protein entry's alias word (invented sentences)."""

from __future__ import annotations

from hcc_kg.extract.abstracts import prose_trials
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("zorbanib", "zorbanib", ("SmallMolecule",)),
    Entity("felotinib", "felotinib", ("SmallMolecule",)),
    # a generated protein entry: its symbol, and an alias symbol that is also a word (merging the lexicon
    # lists generated symbols as exact-case names)
    Entity("zqrx", "QUORBX", ("Protein",), ("ZEPHYRA",), exact_case=("QUORBX", "ZEPHYRA")),
    # a curated protein with a word-like synonym of its own ("RANKL" for TNFSF11)
    Entity("tnfx", "TNFX11", ("Protein",), ("NIMBUS",)),
    # a curated target: typed beyond "Protein", its other names stay the target's
    Entity("kdrx", "KDRX", ("Protein", "Receptor"), ("VASCOR",)),
])
FINDER = MentionFinder(VOCAB)


def trials(text: str) -> set[str]:
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return {a.subject for a in prose_trials(doc) if a.predicate == "isClinicalTrial"}


def test_a_protein_alias_word_written_as_a_trial_name_is_the_trial_but_not_a_symbol_or_a_curated_name():
    text = ("Results of the phase 3 {} study favoured zorbanib. {} randomly assigned 600 patients "
            "to zorbanib (n = 400) or felotinib (n = 200).")
    assert "trial__zephyra" in trials(text.format("ZEPHYRA", "ZEPHYRA"))
    for word in ("QUORBX", "VASCOR", "NIMBUS"):  # the protein's own symbol, a curated target's or protein's other name
        assert f"trial__{word.lower()}" not in trials(text.format(word, "The trial")), word
