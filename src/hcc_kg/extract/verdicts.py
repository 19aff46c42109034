"""Verdicts a sentence states on a trial's primary endpoint: not met, met, and whether it says so
of the primary endpoint itself (or of prespecified criteria) rather than of some result.

A verdict about a subgroup ("in patients with X, the difference was not significant") is none.
"""

from __future__ import annotations

import re

from .prose_subgroups import is_subgroup

# A verdict on the primary endpoint: not met, met.
NOT_MET_RE = re.compile(r"\b(?:(?:did|does|do)\s+not|failed\s+to)\s+(?:meet|achieve|reach)\b|"
                        r"\b(?:was|were)\s+not\s+(?:met|achieved|reached)\b|\bnot\s+met\b|\bno\s+(?:significant\s+)?"
                        r"improvement\b|\bnot\s+(?:a\s+)?statistically\s+significant\b|\b(?:did|does)\s+not\s+improve\b",
                        re.IGNORECASE)
MET_RE = re.compile(r"\b(?:met|achieved|meeting|reached)\s+(?:its\s+|the\s+|both\s+|all\s+)?(?:co-?|dual\s+)?primary\b|"
                    r"\bmeeting\s+(?:the\s+)?(?:[\w-]+\s+){0,3}criteri|"
                    r"\bprimary\s+end\s*-?\s*points?\s+(?:was|were|has\s+been|had\s+been)\s+(?:met|achieved|reached)\b",
                    re.IGNORECASE)
PRIMARY_RE = re.compile(r"\b(?:co-?|dual\s+)?primary\b", re.IGNORECASE)
CRITERIA_RE = re.compile(r"significance\s+criteri|efficacy\s+boundar|pre-?specified|significance\s+threshold",
                         re.IGNORECASE)


def primary_verdicts(text: str) -> list[tuple[bool, bool]]:
    """(met, explicit) for each verdict the sentence states: "did not meet" (False), "met its primary
    endpoint" (True); explicit when it names the primary endpoint or prespecified criteria.

    >>> primary_verdicts("The study did not meet its primary endpoint.")
    [(False, True)]
    """
    out = []
    for pattern, met in ((NOT_MET_RE, False), (MET_RE, True)):
        m = next((m for m in pattern.finditer(text) if not _median_unreached(text, m)), None)
        if m and not is_subgroup(text, m.start()):
            out.append((met, bool(PRIMARY_RE.search(text) or CRITERIA_RE.search(text) or "criteri" in m.group())))
    return out


# A median said not reached is no verdict: "median DoR was not reached" (too few events yet), not a failed endpoint.
MEDIAN_BEFORE_RE = re.compile(r"\bmedians?\b[^.;,()]{0,40}$", re.IGNORECASE)


def _median_unreached(text: str, m: re.Match) -> bool:
    """Is the match "was not reached" said of a median?

    >>> primary_verdicts("The primary endpoint was ORR; ORR was 13%, and median DoR was not reached.")
    []
    """
    return m.group().lower().endswith("reached") and MEDIAN_BEFORE_RE.search(text, 0, m.start()) is not None
