"""The extractor registry (extract/registry.py): names, and each extractor read once per reading of a document."""

from __future__ import annotations

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.registry import ExtractorRegistry
from hcc_kg.model import Assertion, Document
from hcc_kg.vocab import Vocabulary


def test_an_extractor_is_read_once_per_reading_of_a_document():
    registry, calls = ExtractorRegistry(), []

    @registry.register("counted")
    def counted(doc):
        calls.append(doc)
        yield Assertion("a", "inhibits", "b")

    first = AnalysedDocument(Document.from_text("d", "Invented text."), Vocabulary([]), None)
    second = AnalysedDocument(Document.from_text("d", "Invented text."), Vocabulary([]), None)
    assert registry.read("counted", first) == registry.read("counted", first) == (Assertion("a", "inhibits", "b"),)
    registry.read("counted", second)
    assert calls == [first, second]
