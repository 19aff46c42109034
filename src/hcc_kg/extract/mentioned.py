"""Where each entity is named: one ``mentionedIn`` assertion per entity and document."""

from __future__ import annotations

from typing import Iterable

from ..model import Assertion
from .analysis import AnalysedDocument
from .registry import EXTRACTORS


@EXTRACTORS.register("mentions")
def mentions(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Every entity the document mentions, with the span of each mention."""
    spans: dict[str, list] = {}
    for sent in doc.sentences:
        for m in sent.mentions:
            spans.setdefault(m.key, []).append(doc.evidence(m.start, m.end, "mention"))
    for key, evidence in sorted(spans.items()):
        yield Assertion(key, "mentionedIn", doc.document.doc_id, evidence=tuple(evidence))
