"""Tests for hcc_kg.extract.gene_context: when a guarded symbol stands as a gene, on invented text."""

from __future__ import annotations

import pytest

from hcc_kg.extract.gene_context import confirmed


def symbol_stands(text: str, symbol: str) -> bool:
    start = text.index(symbol)
    return confirmed(text, [(start, start + len(symbol), True)])[0]


@pytest.mark.parametrize("text", [
    "Foonib is an inhibitor of focal adhesion kinase (FAK) in made-up cells.",
    "the pretend tumour endothelial receptor (TER) was measured",
    "a made-up surface protein (MSP) was stained",
])
def test_a_symbol_in_brackets_after_a_full_name_ending_in_a_gene_noun(text):
    symbol = text[text.index("(") + 1:text.index(")")]
    assert symbol_stands(text, symbol)


@pytest.mark.parametrize("text", [
    "The local action group (FAK) met on Monday.",
    "a pretend survey of adults (TER) was sent",
])
def test_a_symbol_in_brackets_after_other_words_needs_another_cue(text):
    symbol = text[text.index("(") + 1:text.index(")")]
    assert not symbol_stands(text, symbol)
