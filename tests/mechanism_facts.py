"""The positive, asserted drug -> target pairs mechanism_statements reads in an invented body of text."""

from __future__ import annotations

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mechanisms import mechanism_statements
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Vocabulary


def asserted_pairs(body: str, vocabulary: Vocabulary, finder: MentionFinder) -> set[tuple[str, str]]:
    doc = AnalysedDocument(Document.from_text("d1", f"Invented notes\n{body}\n"), vocabulary, finder)
    return {(a.subject, a.object) for a in mechanism_statements(doc)
            if (a.evidence[0].polarity, a.evidence[0].certainty) == ("positive", "asserted")}
