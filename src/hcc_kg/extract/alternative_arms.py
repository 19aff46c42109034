"""Arms a sentence lists as alternatives or labels, besides a randomisation (:func:`.prose_arms.randomised_arms`):
"received A (n = 100) or B (n = 99)", "Patients received A or B", a registry's "Experimental: A ... Placebo
Comparator: B".  Split from :mod:`prose_arms`, which reads the agents and the randomised lists.
"""

from __future__ import annotations

import re

from .analysis import AnalysedDocument, AnalysedSentence
from .prose_arms import SIZE_RE, Agent, agents, distinct_arms
from .received_cues import RECEIVED_RE

# Between two alternatives given to patients: a dose or a bracket, then "or" ("A 400 mg twice daily or B").
ALTERNATIVE_GAP_RE = re.compile(r"(?:[^;:.,()]|\.\d|\([^()]*\)){0,60}?,?\s+or\s+", re.IGNORECASE)
# Registry arm labels ("Arms: Experimental: A; Placebo Comparator: B", a card's "Experimental A Control B").
# ... and lettered or numbered arms, "Arm A: A (n = 478) Arm B: B".
# ... but no administrative field: "Control #: 206974", "Control Number 206974" (a regulator's file number).
ARM_LABEL_RE = re.compile(r"\b(?-i:Experimental|Active\s+Comparator|Placebo\s+Comparator|Sham\s+Comparator|Control|"
                          r"Comparator)\b(?!\s*(?:#|(?:No\.|Numbers?|IDs?)(?!\w)))\s*(?:arm|group)?\s*[:\-]?\s*|\b(?-i:Arm|Group|Cohort)\s+(?-i:[A-Z]|\d{1,2})\s*:\s*",
                          re.IGNORECASE)


def sized_alternatives(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """"received A (n = 100) or B (n = 99)": alternatives each with its own size are the arms ([] otherwise)."""
    named = agents(doc, sent)
    for left, right in zip(named, named[1:]):
        gap = sent.text[left.end:right.start]
        if re.fullmatch(r"\s*\(\s*n\s*=\s*[\d,]+\s*\)\s*,?\s*or\s+", gap, re.IGNORECASE) \
                and SIZE_RE.match(sent.text[right.end:].lstrip(" (")) and left.key != right.key:
            return [left, right]
    return []


def received_alternatives(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """"Patients received A or B", "participants were treated with A 400 mg twice daily or B": the
    alternatives patients were given are the arms ([] otherwise)."""
    named = agents(doc, sent)
    for left, right in zip(named, named[1:]):
        if RECEIVED_RE.search(sent.text[max(0, left.start - 60):left.start]) and left.key != right.key \
                and ALTERNATIVE_GAP_RE.fullmatch(sent.text[left.end:right.start]):
            return [left, right]
    return []


def labelled_arms(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """Arms a registry entry labels: "Experimental: A ... Placebo Comparator: B" ([] unless two are labelled)."""
    labels = list(ARM_LABEL_RE.finditer(sent.text))
    ends = [m.start() for m in labels[1:]] + [len(sent.text)]
    arms = [arm for m, end in zip(labels, ends) for arm in agents(doc, sent, m.end(), end)[:1]]
    return distinct_arms(arms) if len(arms) == len(labels) else []
