"""Two arms a sentence names by one agent given alone and with another: "A with or without B", "A alone and combined
with B", "A alone and A plus B" (read by :mod:`.arm_comparisons`)."""

from __future__ import annotations

import re

from .analysis import AnalysedDocument
from .comparators import is_procedure
from .prose_arms import Agent, unbracketed, with_parts

WITH_OR_WITHOUT_RE = re.compile(r"\bwith\s*(?:or|/)\s*without\b", re.IGNORECASE)
# Between A and B in "A alone and combined with B": A given alone, then with what is added to it (described first:
# "combined with the anti-X antibody, B"; or A again, "A and combination of A with B").
ALONE_AND_COMBINED_RE = re.compile(r"\s*(?:(?:was|were|is|are)\s+(?:given|administered|tested|evaluated|studied)\s+)?(?:alone|monotherapy|as\s+(?:a\s+)?(?:monotherapy|single[- ]agent))?\s*,?\s+and\s+"
                                   r"(?:(?:in\s+)?combination\s+(?:of|with)|combined\s+with)\s+(?:the\s+)?"
                                   r"(?:[\w/-]+\s+){0,3}?(?:[\w/-]+,\s+)?", re.IGNORECASE)
ALONE_AND_RE = re.compile(r"\s+(?:alone|monotherapy)\s*,?\s+(?:and|or)\s+", re.IGNORECASE)


def with_or_without(doc: AnalysedDocument, text: str, named: list[Agent]) -> list[Agent]:
    """"A with or without B": two arms, A plus B and A alone ([] when the sentence has no such phrase)."""
    for cue in WITH_OR_WITHOUT_RE.finditer(text):
        left = [a for a in named if a.end <= cue.start() and not unbracketed(text[a.end:cue.start()]).strip()]
        right = [a for a in named if a.start >= cue.end() and not text[cue.end():a.start].strip()]
        # (procedures alone are no arms of a drug trial: "resection with or without transplantation" is background)
        if left and right and left[-1].key != right[0].key \
                and not all(is_procedure(doc, c) for c in (*left[-1].components, *right[0].components)):
            return [with_parts(doc, left[-1], right[0].components), left[-1]]
    return []


def alone_and_combined(doc: AnalysedDocument, text: str, named: list[Agent]) -> list[Agent]:
    """"A alone and combined with B", "A as monotherapy and in combination with the antibody B", "A and combination of
    A with B": two arms, A alone and A plus B ([] when the sentence has no such phrase)."""
    for left, right in zip(named, named[1:]):
        if left.key != right.key and ALONE_AND_COMBINED_RE.fullmatch(unbracketed(text[left.end:right.start])):
            return [left, with_parts(doc, left, right.components)]
        if ALONE_AND_RE.fullmatch(text, left.end, right.start) and set(left.components) < set(right.components):
            return [left, right]  # "A alone and A plus B": the one given alone and the regimen holding it
    return []
