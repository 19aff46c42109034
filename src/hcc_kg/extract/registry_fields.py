"""A registry card's field of interventions: the agents of a trial's arms, one per line.

A trial's page in a registry, copied as text, lists what its arms receive under a field label standing alone on its
line ("Intervention", "Interventions", "Intervention/Treatment"), one agent per line ("Zorbanib", "Placebo"), or with
its kind first ("Drug: Zorbanib").  The agents are the arms of the document's one trial, when its sentences state
fewer of them (read by :mod:`.abstracts`).

>>> FIELD_RE.match("Interventions:") is not None, FIELD_RE.match("Intervention type") is None
(True, True)
"""

from __future__ import annotations

import re

from .analysis import AnalysedDocument
from .sentences import DRUG

#: The field's label, alone on its line.
FIELD_RE = re.compile(r"^[ \t]*(?:interventions?|intervention\s*/\s*treatment|intervention\(s\))[ \t]*:?[ \t]*$",
                      re.IGNORECASE | re.MULTILINE)
#: An item's kind before its agent ("Drug: ", "Biological: ").
KIND_RE = re.compile(r"^\s*(?:drug|biological|other|combination\s+product)\s*:\s*", re.IGNORECASE)
MAX_ITEMS = 6


def intervention_field(doc: AnalysedDocument) -> tuple[list[str], tuple[int, int]]:
    """The agents the document's one interventions field lists, in order, and the field's span ([] when it has none,
    or more than one; the list ends at a line under the label that is not one agent)."""
    text = doc.document.text
    labels = list(FIELD_RE.finditer(text))
    if len(labels) != 1:
        return [], (0, 0)
    agents: list[str] = []
    body = end = labels[0].end()  # (the lines under the label; the field ends with its last agent)
    for m in re.finditer(r"^[^\n]*$", text[body + 1:], re.MULTILINE):
        start, line = body + 1 + m.start(), m.group()
        if not line.strip():
            if agents:
                break
            continue
        kind = KIND_RE.match(line)
        begin = start + (kind.end() if kind else len(line) - len(line.lstrip()))
        found = doc.mentions_in(begin, start + len(line.rstrip()))
        whole = len(found) == 1 and found[0].start == begin and found[0].end == start + len(line.rstrip())
        if not whole or not doc.vocabulary[found[0].key].has_type(*DRUG, "Placebo") or len(agents) >= MAX_ITEMS:
            break
        agents.append(found[0].key)
        end = found[0].end
    return list(dict.fromkeys(agents)), (labels[0].start(), end)
