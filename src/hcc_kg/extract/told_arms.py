"""An arm a news item tells in a sentence of its own, with its patients: "median PFS was 13.2 months for the 210
patients randomly assigned to receive A", then "... 9.4 months for the 210 patients who instead received B".

A randomised trial whose randomisation the text never lists may still give its arms one by one, each as the patients
a result is "for": the agent they were assigned to or received, and their count.  Such a sentence adds the agent as
the trial's next arm (two at most), with its size; its values are then read as that arm's by the usual readers.
Split from :mod:`.slot_reading`, which asks it while the trial in context has fewer than two arms.
"""

from __future__ import annotations

import re

from ..keys import agent_components
from .analysis import AnalysedDocument, AnalysedSentence
from .prose_arms import agents
from .trial_slots import Slot, Span
from .value_owners import ALLOCATED

# "for the 210 patients randomly assigned to receive A", "for the 210 patients who instead received A", "among the 120
# participants given A" (the phrase whose values :mod:`.value_owners` gives that arm; here with the count it must
# hold; a dose, a duration or a describing word may stand before the agent).
TOLD_ARM_RE = re.compile(rf"\b{ALLOCATED}\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,6}}?$", re.IGNORECASE)


def told_arm(doc: AnalysedDocument, sent: AnalysedSentence) -> tuple[str, int] | None:
    """The one agent a sentence tells a group of patients was given, with their count ("for the 210 patients
    randomly assigned to receive A"): (agent key, count); None unless the sentence names that one agent so.

    Only the first agent after the phrase is the group's (the rest of its regimen is glued to it by the agent
    reader: "A plus B with TACE")."""
    found = agents(doc, sent)
    told = [(a, m) for a in found if (m := TOLD_ARM_RE.search(sent.text, max(0, a.start - 140), a.start))
            and m.end() == a.start and m.group("n")]
    if len(told) != 1:
        return None
    agent, m = told[0]
    return agent.key, int(m.group("n").replace(",", ""))


def add_told_arm(doc: AnalysedDocument, sent: AnalysedSentence, slot: Slot, span: Span) -> None:
    """The arm the sentence tells, with its size, as the randomised trial's next arm while it has fewer than two (or,
    holding an arm known in part, "A" from a headline, that arm in full)."""
    told = told_arm(doc, sent) if len(slot.arms) < 2 else None
    if told is None or told[0] in slot.arms:
        return
    agent, count = told
    part = next((a for a in slot.arms if set(agent_components(a)) < set(agent_components(agent))), None)
    if part is not None:
        slot.rename_arm(part, agent)
    else:
        slot.arms.append(agent)
    slot.arms_at.append(span)
    slot.sizes.setdefault(agent, count)
    slot.sizes_at.setdefault(agent, span)
