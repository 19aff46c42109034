"""Arms a two-arm trial's text names by their role ("the control arm", "the experimental group") or by
their number of drugs ("the triplet arm").  Split from :mod:`.prose_arms`.
"""

from __future__ import annotations

import re

from ..keys import agent_components
from .prose_arms import Agent


# An arm named by its role in a trial of two (experimental first): "11.3 months in the control arm", "the
# experimental group", "the study arm" ("both treatment groups" names neither).
ROLE_ARM_RE = re.compile(r"\b(?:(?P<control>control|comparator)|experimental|investigational|study)\s+(?:arm|group)\b(?!\s+\d)|"
                         # ... or by its number of drugs: "the triplet arm", "with the doublet regimen"
                         r"\b(?P<count>doublet|triplet)(?:\s+(?:arm|group|regimen|combination|therapy))?\b|"
                         # ... or "the single-agent arm", beside a combination
                         r"\b(?P<single>single-agent|monotherapy)\s+(?:arm|group)\b", re.IGNORECASE)
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
    """
    if len(arms) != 2:
        return []
    parts = {arm: agent_components(arm) for arm in arms}
    out = []
    for m in ROLE_ARM_RE.finditer(text):
        if counted := m.group("count") or m.group("single"):
            sized = [arm for arm in arms if len(parts[arm]) == DRUG_COUNTS[counted.lower()]]
            if len(sized) != 1:
                continue
            arm = sized[0]
        else:
            arm = arms[1] if m.group("control") else arms[0]
        out.append(Agent(arm, m.start(), m.end(), parts[arm]))
    return out
