"""Cohorts of one agent randomised by dose or by schedule, each counted where the randomisation lists it ("assigned to A
every 2 weeks (n = 70) or every 3 weeks (n = 68)", "to A 8 mg (n = 101) or 12 mg (n = 99)"), and the places a text
names a schedule's cohort afterwards ("in the every-2-week group", "the Q3W arm").  Read by :mod:`.cohort_arms`, which
holds the cohorts named by dose.

>>> randomised_alternatives("Patients were randomised to A every 2 weeks (n = 60) or every three weeks (n = 58).")
{'every 2 weeks': 60, 'every 3 weeks': 58}
>>> uses = schedule_uses("ORR was 10% in the every-2-week group and 12% in the Q3W arm", {"every 2 weeks", "every 3 weeks"})
>>> [label for _, _, label in uses]
['every 2 weeks', 'every 3 weeks']
"""

from __future__ import annotations

import re

from .sentences import MASS_UNIT

_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "six": "6"}
#: A schedule by weeks, as texts print it: "every 2 weeks", "every-3-week", "every two weeks", "Q2W".
SCHEDULE = r"(?:every[\s-]+(?P<every>\d|one|two|three|four|six)[\s-]+weeks?|(?-i:Q)(?P<q>[1-6])(?-i:W))"
SCHEDULE_RE = re.compile(rf"\b{SCHEDULE}\b", re.IGNORECASE)
#: A cohort named by its schedule: "the every-2-week group", "the Q3W arm", "patients dosed every 3 weeks cohort".
SCHEDULE_USE_RE = re.compile(rf"\b{SCHEDULE}(?:\s+[\w-]+){{0,2}}?\s+(?:cohorts?|groups?|arms?)\b", re.IGNORECASE)
#: One alternative a randomisation lists, with its patients: "every 2 weeks (n = 70)", "12 mg (n = 99)".
ALTERNATIVE_RE = re.compile(rf"(?:(?P<dose>\d+(?:\.\d+)?\s*{MASS_UNIT})|{SCHEDULE})\s*[(\[]\s*n\s*=\s*(?P<n>\d+)\s*[)\]]",
                            re.IGNORECASE)
#: What joins two listed alternatives: "or", ", or", "and", a comma.
ALTERNATIVES_GAP_RE = re.compile(r"\s*(?:,\s*(?:or\s+|and\s+)?|or\s+|and\s+|versus\s+|vs\.?\s+)", re.IGNORECASE)
RANDOMISED_RE = re.compile(r"\b(?:randomi[sz]\w*|randomly|assigned|allocated)\b", re.IGNORECASE)


def schedule_label(match: re.Match) -> str:
    """The label of the schedule a :data:`SCHEDULE` match prints: "every N weeks"."""
    weeks = match["every"] or match["q"]
    weeks = _NUMBER_WORDS.get(weeks.lower(), weeks)
    return f"every {weeks} week" + ("s" if weeks != "1" else "")


def randomised_alternatives(text: str) -> dict[str, int]:
    """{label: patients} of the doses or schedules of one agent a randomisation lists with their counts (two or more,
    side by side); a dose's label as printed (:func:`.cohort_arms.dose_label` writes it as a label), a schedule's
    "every N weeks"."""
    if RANDOMISED_RE.search(text) is None:
        return {}
    found = list(ALTERNATIVE_RE.finditer(text))
    for i in range(len(found) - 1):
        if not ALTERNATIVES_GAP_RE.fullmatch(text, found[i].end(), found[i + 1].start()):
            return {}  # items apart are no one list of alternatives
    out = {(m["dose"] or schedule_label(m)): int(m["n"]) for m in found}
    return out if len(out) >= 2 else {}


def schedule_uses(text: str, labels) -> list[tuple[int, int, str]]:
    """Where the text names one of the cohorts ``labels`` holds by its schedule, in order."""
    return [(m.start(), m.end(), label) for m in SCHEDULE_USE_RE.finditer(text) if (label := schedule_label(m)) in labels]
