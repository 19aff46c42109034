"""Trials a sentence names each in brackets right after the drug it tested, as reviews list them: "A (NAME-1
trial) and B (NAME-2 trial) improved OS compared with placebo, with hazard ratios of 0.76 and 0.71,
respectively".

So too a sentence naming each trial with its own design: "the NAME-1 trial of A versus B and the NAME-2 trial of C
plus D versus C" (:func:`read_framed`).

Each trial in brackets tested its own drug, against the comparator the sentence names after the last of them; the
estimates a "respectively" list gives go to the trials in order, for the one endpoint the sentence names.
Split from :mod:`abstracts`, which otherwise gives every trial a sentence names that sentence's arms.

>>> OPENS_RE.fullmatch(" (for patients with AFP of 400 or more; ") is not None, OPENS_RE.fullmatch(" (the ") is not None
(True, True)
>>> OPENS_RE.fullmatch(" compared with the ") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .analysis import AnalysedDocument, AnalysedSentence
from .prose_arms import Agent, agents
from .prose_endpoints import anchors
from .prose_ratio_lists import respective_estimates
from .sentences import evidence_span
from .trial_names import TrialName
from .trial_slots import NameIndex, Slot

# Between the drug and the trial's name: the bracket's opening, perhaps a remark before a semicolon or comma
# ("A (for X; NAME trial)"), an article or a phase ("A (the phase 3 NAME trial)").
OPENS_RE = re.compile(r"\s*\((?:[^();]{0,80}[;,]\s*)?(?:the\s+)?(?:phase\s+[\dIV]+[ab]?(?:/[\dIV]+)?\s+)?", re.IGNORECASE)
# After the name: the trial word, then the bracket's close.
CLOSES_RE = re.compile(r"(?:\s+(?:trial|study))?\s*\)", re.IGNORECASE)
# The comparator named after the last trial: "compared with placebo", "versus placebo", "over sorafenib".
COMPARED_RE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|over|than)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Apposition:
    """A trial (its key) named in brackets right after the drug (the agent) it tested."""

    trial: str
    agent: Agent


def appositions(doc: AnalysedDocument, sent: AnalysedSentence, names: list[TrialName], index: NameIndex) -> list[Apposition]:
    """Each trial of the sentence named in brackets after its own drug, when two or more are, each a different
    trial with a different drug ([] otherwise: one trial so named is read as any other)."""
    named = agents(doc, sent)
    found = []
    for name in names:
        before = [a for a in named if a.end <= name.start]
        if before and OPENS_RE.fullmatch(sent.text, before[-1].end, name.start) and CLOSES_RE.match(sent.text, name.end):
            found.append(Apposition(index.key(name.name), before[-1]))
    distinct = len({a.trial for a in found}) == len({a.agent.key for a in found}) == len(found)
    return found if len(found) >= 2 and distinct else []  # (fewer than two names give none)


def read_appositions(doc: AnalysedDocument, sent: AnalysedSentence, found: list[Apposition],
                     slots: dict[str, Slot]) -> list[Apposition]:
    """Give each trial its drug and the shared comparator as arms (unless it has arms already), and the sentence's
    "respectively" estimates in order, when there is one for each trial and the sentence names one endpoint;
    ``found``, read."""
    if not found:
        return found
    span = evidence_span(sent)
    versus = _comparator(doc, sent, max(sent.text.index(")", a.agent.end) for a in found))
    for apposition in found:
        slot = slots.setdefault(apposition.trial, Slot())
        if not slot.arms:
            slot.arms = [apposition.agent.key, *([versus.key] if versus is not None else [])]
            slot.arms_at.append(span)
    endpoints = {a.endpoint for a in anchors(doc, sent)}
    estimates = respective_estimates(sent.text)
    if versus is None or len(endpoints) != 1 or len(estimates) != len(found):
        return found
    endpoint = endpoints.pop()
    for apposition, estimate in zip(found, estimates):
        slot = slots[apposition.trial]
        if slot.arms == [apposition.agent.key, versus.key]:
            slot.ratios.append((estimate, endpoint, (apposition.agent.key, versus.key), span))
    return found


# After a trial's name, the design it is named with: "the NAME trial of A versus B", "the NAME study comparing A with B".
FRAMED_RE = re.compile(r"\s*(?:trial|study)\s+(?:of|evaluating|testing|(?P<comparing>comparing|that\s+compared))\s+",
                       re.IGNORECASE)
# Between the arms of one framed design: "A versus B", "A vs. B"; "A with B" only after "comparing" (after "of" it is
# one regimen: "the NAME trial of A with B versus C").
FRAMED_VERSUS_RE = re.compile(r"\s*(?:versus|vs\.?)\s+(?:the\s+)?", re.IGNORECASE)
COMPARED_WITH_RE = re.compile(r"\s*(?:versus|vs\.?|with|to)\s+(?:the\s+)?", re.IGNORECASE)


def read_framed(doc: AnalysedDocument, sent: AnalysedSentence, names: list[TrialName], index: NameIndex,
                slots: dict[str, Slot]) -> bool:
    """Give each trial of a sentence naming two or more, each with its own design ("the NAME-1 trial of A versus B
    and the NAME-2 trial of C plus D versus C"), the arms its design names (unless it has arms already); True when
    the sentence was so read (its arms then are no one trial's)."""
    framed = {}
    for i, name in enumerate(names):
        frame = FRAMED_RE.match(sent.text, name.end)
        stop = names[i + 1].start if i + 1 < len(names) else len(sent.text)
        if frame is None or frame.end() >= stop:
            continue
        named = agents(doc, sent, frame.end(), stop)
        between = COMPARED_WITH_RE if frame.group("comparing") else FRAMED_VERSUS_RE
        if len(named) >= 2 and named[0].start == frame.end() and between.fullmatch(sent.text, named[0].end, named[1].start):
            framed[index.key(name.name)] = [named[0].key, named[1].key]
    if len(framed) < 2 or any(len(set(arms)) != 2 for arms in framed.values()):
        return False
    for trial, arms in framed.items():
        slot = slots.setdefault(trial, Slot())
        if not slot.arms:
            slot.arms = arms
            slot.arms_at.append(evidence_span(sent))
    return True


def _comparator(doc: AnalysedDocument, sent: AnalysedSentence, after: int) -> Agent | None:
    """The agent a comparison names after the last trial's bracket ("... improved OS compared with placebo")."""
    return next((a for a in agents(doc, sent) if a.start > after
                 and COMPARED_RE.search(sent.text, max(after, a.start - 40), a.start)), None)
