"""Cohorts of one agent told apart by dose or schedule, as the words that list and name them: a randomisation listing
each with its count ("assigned to A every 2 weeks (n = 70) or every 3 weeks (n = 68)", "to A 8 mg (n = 101) or 12 mg
(n = 99)"); a schedule's cohort named afterwards ("in the every-2-week group", "the Q3W arm"); doses a phase 1 study
lists after a colon with their patients (:func:`listed_doses`); a dose written as a cohort's label (:func:`dose_label`);
and whether a document randomises doses or schedules of one agent rather than agents (:func:`doses_randomised`, read
by :mod:`.slot_reading`: such a trial is that agent's single arm).  :mod:`.cohort_arms` reads the cohorts' sizes and
values with them.

>>> randomised_alternatives("Patients were randomised to A every 2 weeks (n = 60) or every three weeks (n = 58).")
{'every 2 weeks': 60, 'every 3 weeks': 58}
>>> uses = schedule_uses("ORR was 10% in the every-2-week group and 12% in the Q3W arm", {"every 2 weeks", "every 3 weeks"})
>>> [label for _, _, label in uses]
['every 2 weeks', 'every 3 weeks']
"""

from __future__ import annotations

import re

from .analysis import AnalysedDocument
from .normalize import NUMBER_WORDS

#: A schedule by weeks, as texts print it: "every 2 weeks", "every-3-week", "every two weeks", "Q2W".
SCHEDULE = r"(?:every[\s-]+(?P<every>\d|one|two|three|four|six)[\s-]+weeks?|(?-i:Q)(?P<q>[1-6])(?-i:W))"
SCHEDULE_RE = re.compile(rf"\b{SCHEDULE}\b", re.IGNORECASE)
#: A cohort named by its schedule: "the every-2-week group", "the Q3W arm", "patients dosed every 3 weeks cohort".
SCHEDULE_USE_RE = re.compile(rf"\b{SCHEDULE}(?:\s+[\w-]+){{0,2}}?\s+(?:cohorts?|groups?|arms?)\b", re.IGNORECASE)
#: A dose's unit, by mass or in (international) units, per weight, day or body surface, as pages print it ("IU/m2",
#: "IU m 2", "mg/kg"): the one unit of this module's doses.
DOSE_UNIT = r"(?:mg|mcg|µg|μg|g|IU|units?)(?:\s*/\s*\w+|\s+m\s?2\b|\s*m²)?"
#: One alternative a randomisation lists, with its patients: "every 2 weeks (n = 70)", "12 mg (n = 99)".
ALTERNATIVE_RE = re.compile(rf"(?:(?P<dose>\d+(?:\.\d+)?\s*{DOSE_UNIT})|{SCHEDULE})\s*[(\[]\s*n\s*=\s*(?P<n>\d+)\s*[)\]]",
                            re.IGNORECASE)
#: What joins two listed alternatives: "or", ", or", "and", a comma.
ALTERNATIVES_GAP_RE = re.compile(r"\s*(?:,\s*(?:or\s+|and\s+)?|or\s+|and\s+|versus\s+|vs\.?\s+)", re.IGNORECASE)
RANDOMISED_RE = re.compile(r"\b(?:randomi[sz]\w*|randomly|assigned|allocated)\b", re.IGNORECASE)


def schedule_label(match: re.Match) -> str:
    """The label of the schedule a :data:`SCHEDULE` match prints: "every N weeks"."""
    weeks = match["every"] or match["q"]
    weeks = str(NUMBER_WORDS.get(weeks.lower(), weeks))
    return f"every {weeks} week" + ("s" if weeks != "1" else "")


def dose_label(printed: str) -> str:
    """A dose as cohorts are labelled by it: lower case, a space between number and unit, single spaces.

    >>> dose_label("200mg  QW"), dose_label("2.5 mg/kg")
    ('200 mg qw', '2.5 mg/kg')
    """
    return " ".join(re.sub(r"(\d)\s*([a-zµ])", r"\1 \2", printed.lower()).split())


# A phase 1 study's doses listed after a colon, each with its patients in brackets: "the patients treated: 2 mg/kg
# weekly (qw) (12), 4 mg/kg qw (10) and 800 mg every 2 weeks (8)" (a schedule's abbreviation may stand in brackets).
_LISTED_DOSE = (rf"(?P<label>\d+(?:\.\d+)?\s*{DOSE_UNIT}(?:\s+[A-Za-z0-9]+){{0,4}}?)(?:\s*\([A-Za-z0-9 ]{{1,8}}\))?"
                r"\s*\(\s*(?:n\s*=\s*)?(?P<n>\d+)\s*\)")
LISTED_DOSE_RE = re.compile(_LISTED_DOSE, re.IGNORECASE)
_ITEM = re.sub(r"\(\?P<\w+>", "(?:", _LISTED_DOSE)  # (the same item, its groups unnamed, to repeat in the list)
DOSE_LIST_RE = re.compile(rf"\b(?:enrolled|treated|included|dosed)\s*:\s*(?P<items>{_ITEM}(?:\s*,\s*(?:and\s+)?{_ITEM}|"
                          rf"\s+and\s+{_ITEM})+)", re.IGNORECASE)


def listed_doses(text: str) -> dict[str, int]:
    """{dose label: patients} of the doses a sentence lists after a colon, each with its patients in brackets.

    >>> listed_doses("Doses and the patients treated: 2 mg/kg weekly (qw) (12), 4 mg/kg qw (10) and 800 mg every 2 weeks (8).")
    {'2 mg/kg weekly': 12, '4 mg/kg qw': 10, '800 mg every 2 weeks': 8}
    """
    m = DOSE_LIST_RE.search(text)
    if m is None:
        return {}
    found = {dose_label(d["label"]): int(d["n"]) for d in LISTED_DOSE_RE.finditer(m["items"])}
    return found if len(found) >= 2 else {}


def randomised_alternatives(text: str) -> dict[str, int]:
    """{label: patients} of the doses or schedules of one agent a randomisation lists with their counts (two or more,
    side by side); a dose's label as printed (:func:`dose_label` writes it as a label), a schedule's
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


# A randomisation between doses or schedules of one agent: a trial of that agent alone.
_SCHEDULE_ITEM = re.sub(r"\(\?P<\w+>", "(?:", SCHEDULE)  # (a schedule, its groups unnamed, to write it twice)
_SCHEDULES = (r"(?:every\s+\d+\s+or\s+\d+\s+weeks|"
              # ... each written out, perhaps with its group's size: "every 2 weeks (n = 70) or every 3 weeks", "Q2W or Q3W"
              rf"{_SCHEDULE_ITEM}\s+(?:\([^()]{{1,30}}\)\s+)?or\s+{_SCHEDULE_ITEM}|"
              r"(?:two|2|three|3)\s+(?:different\s+)?(?:doses|dose\s+levels|dosing\s+(?:schedules|"
              r"regimens)|schedules|administration\s+(?:methods|schedules|regimens)))")
# ("6 mg/kg (lower-dose group) or 12 mg/kg (higher-dose group)": each dose's group named in brackets; "160 or 320 IU/m2",
# the unit printed once)
_DOSES = (rf"(?:\d+(?:\.\d+)?\s*{DOSE_UNIT}\s+(?:\([^()]{{1,30}}\)\s+)?(?:\w+\s+){{0,2}}?or\s+\d+(?:\.\d+)?\s*"
          rf"{DOSE_UNIT}|\d+(?:\.\d+)?\s+or\s+\d+(?:\.\d+)?\s*{DOSE_UNIT}|{_SCHEDULES})")
# ... and schedules of one agent given where the randomisation is not ("a randomized, parallel-group phase 2 study"; "patients
# received A every 2 or 3 weeks"): a weight-based dose ("8 mg or 12 mg") is no randomisation's.
SCHEDULES_RE = re.compile(rf"\b{_SCHEDULES}\b", re.IGNORECASE)
DOSES_RANDOMISED_RE = re.compile(rf"\b(?:randomi[sz]ed|randomly\s+assigned)\b[^.;]{{0,90}}?\b{_DOSES}|"
                                 rf"\b{_DOSES}\b[^.;]{{0,60}}?\brandomi[sz]ed\b|\bdose-(?:randomi[sz]ed|optimi[sz]ation)\b",
                                 re.IGNORECASE)


def doses_randomised(doc: AnalysedDocument) -> bool:
    """Does the document randomise doses or schedules of one agent ("randomized to 8 mg or 12 mg", "two administration
    methods parallel-group, randomized", "every 2 or 3 weeks") rather than agents?"""
    return any(DOSES_RANDOMISED_RE.search(s.text) or SCHEDULES_RE.search(s.text) for s in doc.sentences)
