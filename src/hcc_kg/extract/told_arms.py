"""An arm a news item tells in a sentence of its own, with its patients: "median PFS was 13.2 months for the 210
patients randomly assigned to receive A", then "... 9.4 months for the 210 patients who instead received B".

A randomised trial whose randomisation the text never lists may still give its arms one by one, each as the patients
a result is "for": the agent they were assigned to or received, and their count.  Such a sentence adds the agent as
the trial's next arm (two at most), with its size; its values are then read as that arm's by the usual readers.
Split from :mod:`.slot_reading`, which asks it while the trial in context has fewer than two arms.
"""

from __future__ import annotations

import re

from .analysis import AnalysedDocument, AnalysedSentence
from .prose_arms import agents

# "for the 210 patients randomly assigned to receive A", "for the 210 patients who instead received A", "among the 120
# participants given A" (a dose, a duration or a describing word may stand before the agent).
TOLD_ARM_RE = re.compile(r"\b(?:for|in|among)\s+(?:the|all)\s+(?P<n>\d[\d,]*)\s+(?:patients|participants|people)\s+"
                         r"(?:who\s+(?:were\s+)?(?:instead\s+)?(?:(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to\s+"
                         r"(?:receive\s+)?|(?:received|were\s+given|got)\s+)|(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to\s+"
                         r"(?:receive\s+)?|(?:given|receiving|treated\s+with)\s+)"
                         r"(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,6}?$", re.IGNORECASE)


def told_arm(doc: AnalysedDocument, sent: AnalysedSentence) -> tuple[str, int] | None:
    """The one agent a sentence tells a group of patients was given, with their count ("for the 210 patients
    randomly assigned to receive A"): (agent key, count); None unless the sentence names that one agent so.

    Only the first agent after the phrase is the group's (the rest of its regimen is glued to it by the agent
    reader: "A plus B with TACE")."""
    found = agents(doc, sent)
    told = [(a, m) for a in found if (m := TOLD_ARM_RE.search(sent.text, max(0, a.start - 140), a.start))
            and m.end() == a.start]
    if len(told) != 1:
        return None
    agent, m = told[0]
    return agent.key, int(m.group("n").replace(",", ""))
