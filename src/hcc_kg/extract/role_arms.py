"""Arms a two-arm trial's text names by their role ("the control arm", "the experimental group") or by
their number of drugs ("the triplet arm").  Split from :mod:`.prose_arms`.
"""

from __future__ import annotations

import re

from ..keys import agent_components
from .prose_arms import Agent


# An arm named by its role in a trial of two (experimental first): "11.3 months in the control arm", "the
# experimental group", "the study arm" ("both treatment groups" names neither).
ROLE_ARM_RE = re.compile(r"\b(?P<role>control|comparator|experimental|investigational|study)\s+(?:arm|group)\b(?!\s+\d)|"
                         # ... or by its number of drugs: "the triplet arm", "with the doublet regimen"
                         r"\b(?P<count>doublet|triplet)(?:\s+(?:arm|group|regimen|combination|therapy))?\b|"
                         # ... or "the single-agent arm", beside a combination
                         r"\b(?P<single>single-agent|monotherapy)\s+(?:arm|group)\b", re.IGNORECASE)


# Two roles sharing one plural noun: "in the combination and control groups", "the experimental and control arms,
# respectively" (each role word names its arm, in the order written).
ROLE_WORD = r"(?:control|comparator|experimental|investigational|study|intervention|combination|doublet|triplet|single-agent|monotherapy)"
ROLE_PAIR_RE = re.compile(rf"\b(?P<first>{ROLE_WORD})\s+(?:and|or|&|vs\.?|versus)\s+(?:the\s+)?(?P<second>{ROLE_WORD})"
                          r"\s+(?:arms|groups)\b", re.IGNORECASE)
FIRST_ROLES = frozenset({"experimental", "investigational", "study", "intervention"})
DRUG_COUNTS = {"doublet": 2, "triplet": 3, "single-agent": 1, "monotherapy": 1}


def role_arms(text: str, arms: list[str]) -> list[Agent]:
    """Arms a two-arm trial's text names by role: the control arm is the second, the experimental the first.

    >>> [a.key for a in role_arms("not reached in the study arm vs 11.3 months in the control arm", ["a", "b"])]
    ['a', 'b']
    >>> role_arms("11.3 months in the control arm", ["a", "b", "c"])
    []
    >>> [a.key for a in role_arms("16.6 months in the triplet arm", ["regimen__a__b__c", "regimen__b__c"])]
    ['regimen__a__b__c']
    >>> [a.key for a in role_arms("165 patients in the single-agent arm", ["regimen__a__b", "c"])]
    ['c']
    >>> [a.key for a in role_arms("31% and 40% in the control and combination groups", ["regimen__a__b", "c"])]
    ['c', 'regimen__a__b']
    """
    if len(arms) != 2:
        return []
    parts = {arm: agent_components(arm) for arm in arms}
    out = []
    for m in ROLE_PAIR_RE.finditer(text):
        pair = [_role_arm(m.group(g), arms, parts) for g in ("first", "second")]
        if None not in pair and pair[0] != pair[1]:
            out += [Agent(arm, m.start(g), m.end(g), parts[arm]) for arm, g in zip(pair, ("first", "second"))]
    for m in ROLE_ARM_RE.finditer(text):
        if any(a.start <= m.start() < a.end for a in out):
            continue  # (a role of a pair read above)
        if (arm := _role_arm(m.group("role") or m.group("count") or m.group("single"), arms, parts)) is not None:
            out.append(Agent(arm, m.start(), m.end(), parts[arm]))
    return sorted(out, key=lambda a: a.start)


def _role_arm(word: str, arms: list[str], parts: dict[str, tuple[str, ...]]) -> str | None:
    """The arm of two one role word names: the control the second, the experimental the first, a count of drugs
    the arm of that many, "combination" the one arm of more drugs than the other (None: no one arm)."""
    word = word.lower()
    if word in ("control", "comparator"):
        return arms[1]
    if word in FIRST_ROLES:
        return arms[0]
    if word == "combination":
        sizes = sorted(arms, key=lambda arm: len(parts[arm]))
        return sizes[1] if len(parts[sizes[1]]) > max(1, len(parts[sizes[0]])) else None
    sized = [arm for arm in arms if len(parts[arm]) == DRUG_COUNTS[word]]
    return sized[0] if len(sized) == 1 else None
