"""Arms a randomisation names as one regimen given with or without an add-on.

Shape read (invented example): "randomly assigned to A and B with or without C" gives two arms,
A plus B plus C and A plus B alone ("with/without C", "± C" likewise).  Without this reading the
list splits at "or" and the add-on alone becomes an arm of its own, which no patient received.
"""

from __future__ import annotations

import re

from ..keys import agent_key
from .analysis import AnalysedDocument, AnalysedSentence
from .comparators import arm_parts, is_care

# The add-on's cue between the regimen (and its doses) and the add-on: "... with or without C".
OPTIONAL_RE = re.compile(r"\s*(?:\b(?:with\s+or\s+without|with\s*/\s*without|with\s+and\s+without)\b|±|\+/-)\s*",
                         re.IGNORECASE)


def optional_arms(doc: AnalysedDocument, sent: AnalysedSentence, named: list, start: int, end: int) -> list:
    """The two arms "A and B with or without C" names within ``sent.text[start:end]`` ([] when the list has no
    such cue).  ``named`` holds the agents found there, in order (prose_arms.Agent)."""
    for i, option in enumerate(named[1:], start=1):
        base = named[:i]
        cue = OPTIONAL_RE.search(sent.text, base[-1].end, option.start)
        if cue is None or cue.end() != option.start or not _only_doses(sent.text[base[-1].end:cue.start()]):
            continue
        if any(c in option.components for a in base for c in a.components):
            return []
        parts = arm_parts(doc, {p for a in base for p in a.components})
        whole = arm_parts(doc, {*parts, *option.components})
        return [type(option)(agent_key(whole), base[0].start, option.end, whole),
                type(option)(agent_key(parts), base[0].start, base[-1].end, parts)]
    return []


def _only_doses(gap: str) -> bool:
    """Between the regimen and the cue only its doses and schedule ("(250 mg, every day)"), no other clause."""
    return re.fullmatch(r"(?:\s*\([^()]*\))*\s*", gap) is not None


def sequenced(doc: AnalysedDocument, found: list, maintenance: list[tuple[int, int]]) -> list:
    """The agents of one segment of a randomisation list, without those a "followed by" phase names
    again ("A plus B for 4 doses, followed by A": A's maintenance), except a drug that follows a procedure
    ("SBRT followed by A", "TACE then A"): that arm is the procedure and the drug, given in turn."""
    kept = []
    for agent in found:
        if not any(ms <= agent.start < me for ms, me in maintenance):
            kept.append(agent)
        elif kept and all(_procedure_only(doc, a) for a in kept) and not _procedure_only(doc, agent):
            kept.append(agent)
    return kept


def _procedure_only(doc: AnalysedDocument, agent) -> bool:
    """Is every part of the agent a procedure other than care (TACE, radiotherapy), with no drug or placebo?"""
    return all(doc.vocabulary[p].has_type("Procedure") and not is_care(doc, p) for p in agent.components)
