"""Arms a sentence names without a word of comparison between them:

- agents named together as arms, in the plural: "the A and B arms included 47 and 57 patients, respectively"
  (:func:`plural_arms`, one of :func:`.arm_comparisons.compared_arms`'s shapes);
- the values first, then the agents "respectively": "PFS was 5.6 and 3.7 months for A and B, respectively"
  (:func:`respective_arms`; like "16.6 months for A and 15.0 months for B", :func:`.prose_values.valued_agents`,
  read only in a trial said to be randomised or in phase 3: the two may otherwise be two studies' agents).

The values themselves are read by the value readers once the arms are known.
"""

from __future__ import annotations

import re

from .prose_arms import Agent
from .prose_sizes import GROUPS_AFTER_RE
from .sentences import LIST_GLUE

# A value as prose prints it, its unit perhaps left to the last one ("5.6 and 3.7 months"), then any bracket
# ("27% (95% CI 20-35)").
_VALUE = r"\d+(?:\.\d+)?\s*(?:%|months?|mos?|weeks?|days?|years?)?(?:\s*\([^()]*\))?"
# The patients of an arm named by what they were given: "for patients treated with A", "among those receiving B".
_GIVEN = (r"(?:(?:the\s+)?(?:patients|pts|those|participants)\s+(?:who\s+(?:were\s+)?)?"
          r"(?:treated\s+with|receiving|received|given|on|assigned\s+to|randomi[sz]ed\s+to)\s+)?")
# Values listed first, then their preposition: "5.6 and 3.7 months for", "27% vs 6% in", "19.6%, 9.4% and 5.1% with".
VALUES_FIRST_RE = re.compile(rf"{_VALUE}(?:\s*(?:,|and|,\s*and|versus|vs\.?)\s*{_VALUE})+"
                             rf"\s*(?:for|with|in|among|on)\s+(?:the\s+)?{_GIVEN}$", re.IGNORECASE)
RESPECTIVELY_RE = re.compile(r"(?:\s+(?:arm|group|cohort)s?)?\s*,?\s*respectively\b", re.IGNORECASE)


def plural_arms(text: str, named: list[Agent]) -> list[Agent]:
    """The first list of two or more distinct agents followed by "arms", "groups" or "cohorts" ([] when none)."""
    for i in range(len(named)):
        listed = _listed(text, named[i:])
        # "the A and B arms": a plural word for arms after a list of agents makes each its own arm
        if len({a.key for a in listed}) >= 2 and GROUPS_AFTER_RE.match(text[listed[-1].end:]):
            return listed
    return []


def respective_arms(text: str, named: list[Agent]) -> list[Agent]:
    """The first list of two or more distinct agents after a list of values and before "respectively" ([] when none)."""
    for i, first in enumerate(named):
        if VALUES_FIRST_RE.search(text, 0, first.start):
            listed = _listed(text, named[i:])
            if len({a.key for a in listed}) >= 2 and RESPECTIVELY_RE.match(text, listed[-1].end):
                return listed
    return []


def _listed(text: str, named: list[Agent]) -> list[Agent]:
    """The agents from ``named[0]`` on that a list's commas, "and" and "or" join."""
    run = [named[0]]
    for nxt in named[1:]:
        if not LIST_GLUE.match(text[run[-1].end:nxt.start]):
            break
        run.append(nxt)
    return run
