"""Shapes read from trial reports of the forty-third round (invented sentences, packaged vocabulary and lexicon): a
trial its report calls non-comparative gains no arm from a comparison with other patients; citation numbers printed
right after a stop end the sentence."""

from __future__ import annotations

import pytest

from trial_facts import arm_agents, read
from hcc_kg.extract import extract_document
from hcc_kg.model import Document


@pytest.mark.parametrize("text", [
    "KESTREL-9 was an open-label, non-comparative phase 2 study of tislelizumab in advanced HCC. Median overall "
    "survival with tislelizumab relative to sorafenib was promising.",
    "KESTREL-9 was an open-label, noncomparative phase 2 study of tislelizumab in advanced HCC. Tislelizumab gave "
    "longer survival than sorafenib.",
])
def test_a_non_comparative_trial_gains_no_arm_from_a_comparison(text, vocabulary, finder):
    assert arm_agents(read(text, vocabulary, finder)) == {"tislelizumab"}


def test_citation_numbers_after_a_stop_keep_the_next_sentence_apart(vocabulary, finder):
    # (read as one sentence, "tislelizumab ... relative to sorafenib" compared two arms)
    text = ("Tislelizumab in patients with advanced HCC (KESTREL-9): an open-label phase 1/2 trial\n\n"
            "In this phase 1/2 study, treatment with tislelizumab resulted in tumour shrinkage.6, 19 Median overall "
            "survival relative to sorafenib was promising.20, 21\n")
    assert arm_agents(extract_document(Document.from_text("d1", text), vocabulary, finder)) == {"tislelizumab"}
