"""An arm told as agents taken together, besides a randomisation: "the NAME study combining A with B", "the study
evaluated A plus B", "the control arm consisted of B and a placebo".

Split from :mod:`.own_study`; read where a trial is established (:mod:`.unnamed_trials`) and sentence by sentence
(:mod:`.slot_reading`).
"""

from __future__ import annotations

import re

from .analysis import AnalysedDocument, AnalysedSentence
from .prose_arms import Agent, agents, with_parts

# "the NAME study combining A with B", "a trial pairing A and B", "the study evaluated the triplet of A with B and C":
# the trial's arm is all of them together, when each is named right there (not "combining the T agent with B", whose
# first part the text does not name).  After a plain testing verb only "with" or "plus" join (not "evaluated A and
# B", which may be two arms).
COMBINING_RE = re.compile(r"\b(?:trial|study)\s+(?:(?P<combining>combining|pairing|(?:that|which)\s+combine[sd])|"
                          r"(?:evaluated|tested|assessed|investigated|examined)(?=\s+(?:the\s+)?(?:[\w-]+\s+)?"
                          r"(?P<combination>combination|doublet|triplet|regimen)(?:\s+therapy)?\s+of\b)?)\s+", re.IGNORECASE)
COMBINING_LEAD_RE = re.compile(r"(?:(?:the\s+)?(?:[\w-]+\s+)?(?:combination|doublet|triplet|regimen)(?:\s+therapy)?\s+of\s+)?"
                               r"(?:(?:its|their|the|a|an|[\w-]+[’']s)\s+)?(?:(?!with\b|and\b|plus\b)[\w-]+\s+){0,3}?(?:[\w-]+,\s+)?",
                               re.IGNORECASE)
JOIN_RE = re.compile(r"(?:\s*\([^()]*\))?(?:,?\s+(?:(?P<and>and)|with|plus)|,)\s+(?:(?!with\b|and\b|plus\b)[\w-]+\s+){0,3}?")
TESTED_FURTHER_RE = re.compile(r"(?:\s*\([^()]*\))?,?\s+(?:or|versus|vs\.?|compared|against)\b", re.IGNORECASE)


def combining_study(doc: AnalysedDocument, sent: AnalysedSentence) -> str | None:
    """The one arm of "a trial combining A with B" (or "... evaluated A plus B"): all of them together (None when the
    sentence has no such phrase, a part is not named next to it, or something is compared with them).

    >>> COMBINING_LEAD_RE.fullmatch("their TIGIT asset, ") is not None, COMBINING_LEAD_RE.fullmatch("the T agent with ") is None
    (True, True)
    """
    m = COMBINING_RE.search(sent.text)
    if m is None:
        return None
    after = [a for a in agents(doc, sent) if a.start >= m.end()]
    if not after or not COMBINING_LEAD_RE.fullmatch(sent.text, m.end(), after[0].start):
        return None
    together = _joined(sent.text, after, bool(m.group("combining") or m.group("combination")))
    # (the parts may already be one regimen as named: "evaluated A plus B", "A with B")
    if sum(len(a.components) for a in together) < 2 or TESTED_FURTHER_RE.match(sent.text, together[-1].end):
        return None
    return _one_arm(doc, together)


def _joined(text: str, named: list[Agent], and_joins: bool) -> list[Agent]:
    """The first agents of ``named`` joined into one ("A with B (b) and C"; "and" only when ``and_joins``)."""
    together = named[:1]
    for agent in named[1:]:
        join = JOIN_RE.fullmatch(text, together[-1].end, agent.start)
        if join is None or (join.group("and") and not and_joins):
            break
        together.append(agent)
    return together


# "The control arm consisted of B and a placebo", "the comparator group received B plus C": the arm compared with
# the one tested (its care named first and then spelled out: "... comprised usual care, the combination of B with C,
# and a placebo").
CONTROL_STATED_RE = re.compile(r"\b(?:the|a)\s+(?:control|comparator|reference)\s+(?:arm|group)\s+(?:consisted\s+of|"
                               r"comprised|received|included|(?:was|were)\s+(?:given|treated\s+with))\s+", re.IGNORECASE)
SPELLED_OUT_RE = re.compile(r",\s+(?:the\s+)?(?:combination|doublet|regimen)\s+of\s+")


def control_stated(doc: AnalysedDocument, sent: AnalysedSentence) -> str | None:
    """The arm a sentence says the control arm received (None when it says none, or offers a choice: "received
    A or B" is read as one arm of alternatives elsewhere)."""
    m = CONTROL_STATED_RE.search(sent.text)
    if m is None:
        return None
    after = [a for a in agents(doc, sent) if a.start >= m.end()]
    if after and (spelled := SPELLED_OUT_RE.search(sent.text, after[0].end)) and len(after) > 1 \
            and doc.vocabulary[after[0].components[0]].has_type("Procedure"):
        after = [a for a in after if a.start >= spelled.end()]  # the care named, then what it is
    together = _joined(sent.text, after, and_joins=True)
    if not together or TESTED_FURTHER_RE.match(sent.text, together[-1].end):
        return None
    return _one_arm(doc, together)


def _one_arm(doc: AnalysedDocument, together: list[Agent]) -> str:
    """The arm of agents given together (placebo with a drug is the drug's arm)."""
    return with_parts(doc, together[0], tuple(p for a in together[1:] for p in a.components)).key
