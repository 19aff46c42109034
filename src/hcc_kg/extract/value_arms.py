"""Arms a sentence compares by giving each its own value, with no "versus" between the arms themselves:

- each value before the agent it belongs to: "ORR was 27% for A and 6% for B", "19.6% with A, 9.4% with B",
  "42% in the A arm versus 11% in the B arm";
- the values first, then the agents "respectively": "PFS was 5.6 and 3.7 months for A and B, respectively".
- the agents named together as arms in the plural: "the A and B arms included 47 and 57 patients, respectively".

Read by :func:`.arm_comparisons.compared_arms` after its other shapes; the values themselves are read by the
value readers once the arms are known.
"""

from __future__ import annotations

import re

from .prose_arms import Agent

# A value as prose prints it, its unit perhaps left to the last one ("5.6 and 3.7 months"), then any bracket
# ("27% (95% CI 20-35)").
_VALUE = r"\d+(?:\.\d+)?\s*(?:%|months?|mos?|weeks?|days?|years?)?(?:\s*\([^()]*\))?"
# The patients of an arm named by what they were given: "for patients treated with A", "among those receiving B".
_GIVEN = (r"(?:(?:the\s+)?(?:patients|pts|those|participants)\s+(?:who\s+(?:were\s+)?)?"
          r"(?:treated\s+with|receiving|received|given|on|assigned\s+to|randomi[sz]ed\s+to)\s+)?")
_FOR = rf"\s*(?:for|with|in|among|on)\s+(?:the\s+)?{_GIVEN}"
_ARM_WORD = r"(?:\s+(?:arm|group|cohort))?"
# Before the first agent: its value and preposition.
FIRST_RE = re.compile(rf"{_VALUE}{_FOR}$", re.IGNORECASE)
# Between one agent and the next: the joiner, the next value, its preposition.
NEXT_RE = re.compile(rf"^{_ARM_WORD}\s*(?:,\s*(?:and\s+|while\s+|whereas\s+)?|;\s*|\s+and\s+|\s+(?:versus|vs\.?|compared\s+with)\s+)"
                     rf"{_VALUE}{_FOR}$", re.IGNORECASE)
# Values listed first: "5.6 and 3.7 months for", "27% vs 6% in", "19.6%, 9.4% and 5.1% with".
VALUES_FIRST_RE = re.compile(rf"{_VALUE}(?:\s*(?:,|and|,\s*and|versus|vs\.?)\s*{_VALUE})+{_FOR}$", re.IGNORECASE)
AND_RE = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+)$", re.IGNORECASE)
# "the A and B arms": a plural word for arms after a list of agents makes each its own arm.
PLURAL_ARMS_RE = re.compile(r"\s+(?:treatment\s+)?(?:arms|groups|cohorts)\b", re.IGNORECASE)
RESPECTIVELY_RE = re.compile(rf"{_ARM_WORD}s?\s*,?\s*respectively\b", re.IGNORECASE)


def value_arms(text: str, named: list[Agent]) -> list[Agent]:
    """The first run of two or more distinct agents each given its own value, or named together as arms, in order
    ([] when none).

    Shapes only; the agents come from :func:`.prose_arms.agents` (see tests/test_value_arms.py).
    """
    for i, first in enumerate(named):
        if FIRST_RE.search(text, 0, first.start):
            run = _run(text, named[i:], NEXT_RE)
            if len({a.key for a in run}) >= 2:
                return run
        listed = _run(text, named[i:], AND_RE)
        if len({a.key for a in listed}) >= 2 and (
                PLURAL_ARMS_RE.match(text, listed[-1].end)
                or (VALUES_FIRST_RE.search(text, 0, first.start) and RESPECTIVELY_RE.match(text, listed[-1].end))):
            return listed
    return []


def _run(text: str, named: list[Agent], joiner: re.Pattern) -> list[Agent]:
    run = [named[0]]
    for nxt in named[1:]:
        if not joiner.match(text[run[-1].end:nxt.start]):
            break
        run.append(nxt)
    return run
