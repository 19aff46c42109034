"""Cohorts of one trial given the same agents, told apart by a label, read as arms of their own.

A trial's arms are keyed by their agents, and a label the text defines for an arm ("A plus B (arm A)") is read
as that arm's agents wherever it is used (:mod:`.arm_references`).  Two labels defined for the same agents
("A every 2 weeks plus B (cohort A) or A every 3 weeks plus B (cohort B)": cohorts by dose or schedule) would
fold the two cohorts into one arm, the first size kept and both values on it.  Such labels are no aliases of
the agents: the sentences using them are read here, each cohort with its own size and values, and the trial
emits one arm per cohort (:func:`.trial_slots.emit`).

The shapes read, on invented examples:

- sizes: "33 in cohort A and 27 in cohort B", "cohort A (n = 33)", "cohort 1 enrolled 18 patients";
- values after the label: "the ORR in cohort A was 30% and that in cohort B was 29%";
- values before it: "the median OS was 20.5 months for cohort A", "ORRs were 39% in cohort 1 and 41% in cohort 2";
- values listed "respectively" in the order the cohorts were last named: "... and the median PFS was 7.2 and
  8.1 months, respectively" (in that sentence or the next).
- a sentence opening with the cohort it speaks of: "For cohort B, the median PFS was 8.1 months; the median OS
  was 22.0 months".

Cohorts told apart by dose are labelled by it: "6 and 46 patients received the 100 mg and 200 mg doses of A,
respectively" defines the "100 mg" and "200 mg" cohorts of A's arm, with their sizes, and "the 200 mg A cohort"
(group, arm) names one afterwards.
Cohorts named by dose level are cohorts of the trial's one arm: "the low-dose and high-dose cohorts", "20 patients in
the low-dose group".
The parts of a phase 1 study are cohorts too when the text counts their patients apart ("18 were enrolled in dose
escalation and 42 in dose expansion"); a part is then named as such ("in the expansion cohort").  Parts only named
("58% in the dose-escalation phase and 64% in the dose-expansion phase") are left to the trial's one arm: read as
cohorts, such a text lost a value the slot reader had read right (a private held-out text, measured, not opened).

>>> labels = {"cohort a": "regimen__a__b", "cohort b": "regimen__a__b", "arm c": "c"}
>>> cohort_labels(labels, "A 3 mg/kg plus B (cohort A) or A 10 mg/kg plus B (cohort B), or C (arm C)")
{'cohort a': 'regimen__a__b', 'cohort b': 'regimen__a__b'}
>>> cohort_labels(labels, "A plus B in naive (cohort A) or pretreated patients (cohort B), or C (arm C)")
{}
>>> shown("cohort b"), shown("arm 2"), shown("200 mg")
('cohort B', 'arm 2', '200 mg')
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING

from ..keys import regimens_holding
from .analysis import AnalysedDocument, AnalysedSentence
from .arm_references import ARM_LABEL_RE, label_key, plural_labels
from .effects import decimal_text
from .prose_arms import agents
from .prose_endpoints import anchors
from .prose_numbers import masked_text, value_tokens
from .prose_values import PROPORTION_ENDPOINTS, ArmValue
from .schedule_cohorts import dose_label, listed_doses, randomised_alternatives, schedule_uses
from .sentences import MASS_UNIT

if TYPE_CHECKING:  # (the slot's module emits the cohorts' arms with this module's labels)
    from .trial_slots import Slot

Use = tuple[int, int, str]  # (start, end, label key) of a cohort named in a sentence

# A count before the label: "33 in cohort A", "18 patients were enrolled in cohort 1", "27 into cohort B".
COUNT_BEFORE_RE = re.compile(r"(?<![\d.,])(?P<n>\d[\d,]*)\s+(?:(?:patients|participants|subjects)\s+)?(?:(?:were|was)\s+)?"
                             r"(?:(?:enrolled|included|treated|assigned|allocated)\s+)?(?:in|into|to|for)\s+(?:the\s+)?$",
                             re.IGNORECASE)
# ... or after it: "cohort A (n = 33)", "cohort A, n = 33", "(cohort A; n = 33)", "cohort 1 enrolled 18 patients".
COUNT_AFTER_RE = re.compile(r"\s*(?:[(,;]\s*n\s*=\s*(?P<n>\d[\d,]*)|\s(?:enrolled|included|recruited|comprised|had|treated|"
                            r"consisted\s+of)\s+(?P<m>\d[\d,]*)\s+(?:patients|participants|subjects)\b)", re.IGNORECASE)
# The value's own label right after it (a bracket between): "20.5 months (95% CI ...) for cohort A", "39% in cohort 1";
# the value may close its count's bracket first: "9 (9.4%) in cohort 1".
LABEL_AFTER_VALUE_RE = re.compile(r"\s*\)?\s*(?:\([^()]*\)\s*)?,?\s*(?:for|in|among|with)\s+(?:the\s+)?"
                                  r"(?:patients\s+(?:in|of)\s+)?$",
                                  re.IGNORECASE)
# Values listed, then "respectively": between two of them, and between the last and the word.
RUN_GAP_RE = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,\s*(?:and\s+)?|and\s+|or\s+|vs\.?\s+|versus\s+)", re.IGNORECASE)
RESPECTIVELY_RE = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*respectively\b", re.IGNORECASE)
# ... or the cohorts named between the values and the word: "7.1 and 6.4 months in cohorts 1 and 2, respectively".
LABELS_THEN_RESPECTIVELY_RE = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:in|for|among)\s+(?:the\s+)?(?P<labels>[^;]{1,60}?),?\s*"
                                         r"respectively\b", re.IGNORECASE)
# A sentence opening with the one cohort it speaks of: "For cohort B, ...", "In the 200 mg cohort, ...".
FRAME_RE = re.compile(r"\s*(?:for|in|among)\s+(?:the\s+)?(?:patients\s+(?:in|of)\s+(?:the\s+)?)?", re.IGNORECASE)
# A value at a time point ("the 12-month OS rate was 50% in cohort A") is no median: left to the rate readers.
TIMEPOINT_NEAR_RE = re.compile(r"\b(?<!every-)(?<!every )\d+[-\s](?:month|week|year)\b|\bat\s+\d+\s+(?:months|weeks|years)\b", re.IGNORECASE)

# Doses listed with the patients given each, "respectively" (an abbreviation's points may stand inside, "b.i.d."):
# "6 and 46 patients received the 100 mg and 200 mg doses of A, respectively", "12, 10 and 11 patients were treated
# with A at 2, 4 and 8 mg/kg, respectively".
IN_SENTENCE = r"(?:[^.;]|\.(?=\w|\s+[a-z]))"  # a character of the sentence, "b.i.d." too
DOSE = rf"\d+(?:\.\d+)?(?:\s*{MASS_UNIT})?"
DOSE_COHORTS_RE = re.compile(rf"\b(?P<counts>\d+(?:\s*,\s*\d+)*,?\s+and\s+\d+)\s+(?:patients\s+|participants\s+)?"
                             rf"(?:received|(?:were|was)\s+(?:treated\s+with|given|assigned\s+to))\s+"
                             rf"(?P<what>{IN_SENTENCE}{{0,80}}?(?P<doses>{DOSE}(?:\s*,\s*{DOSE})*,?\s+and\s+{DOSE})"
                             rf"{IN_SENTENCE}{{0,60}}?),?\s+respectively\b",
                             re.IGNORECASE)
DOSE_IN_LIST_RE = re.compile(DOSE, re.IGNORECASE)
UNIT_RE = re.compile(rf"{MASS_UNIT}$", re.IGNORECASE)
# What sets cohorts of the same agents apart as arms: a dose or a schedule ("6 mg/kg", "every 3 weeks", "Q2W").
DOSE_OR_SCHEDULE_RE = re.compile(rf"\b\d+(?:\.\d+)?\s*{MASS_UNIT}\b|"
                                 r"\bevery\s+(?:\d+|two|three|four)\s+weeks\b|"
                                 r"\bQ[1-6]W\b|\b(?:once|twice)\s+(?:a\s+)?(?:daily|day|weekly)\b", re.IGNORECASE)
# ... then named by its dose before a cohort noun: "the 200 mg A cohort", "the 150 mg b.i.d. group", "the 200-mg arm".
COHORT_NOUN = r"(?:cohorts?|groups?|arms?|dose\s+levels?)"

# Cohorts named by their dose, two or more in one sentence: "in the 200 mg cohort and 300 mg cohort", "the 400 mg
# and 600 mg groups" (of a trial's one arm; sizes need not be given).
DOSE_NAMED_RE = re.compile(rf"(?<![\d.])(?P<n>\d+(?:\.\d+)?)[\s-]*(?P<unit>{MASS_UNIT})\b"
                           rf"(?:\s+(?:and|or)\s+(?P<m>\d+(?:\.\d+)?)[\s-]*(?P<unit2>{MASS_UNIT})\b)?"
                           rf"(?:\s+[\w.-]+){{0,2}}?\s+{COHORT_NOUN}\b", re.IGNORECASE)


def dose_names(text: str) -> list[str]:
    """The dose labels of the cohorts a sentence names by dose, when it names two or more.

    >>> dose_names("OS was 11.3 and 10.1 months in the 200 mg cohort and 300mg cohort, respectively")
    ['200 mg', '300 mg']
    >>> dose_names("the 400 mg and 600 mg groups"), dose_names("in the 400 mg arm")
    (['400 mg', '600 mg'], [])
    """
    labels = []
    for m in DOSE_NAMED_RE.finditer(text):
        labels.append(dose_label(f"{m['n']} {m['unit']}"))
        if m["m"]:
            labels.append(dose_label(f"{m['m']} {m['unit2']}"))
    labels = list(dict.fromkeys(labels))
    return labels if len(labels) >= 2 else []


# A phase 1 study's parts, each its patients: "For dose escalation, 25 patients received ...", "18 were enrolled in
# dose escalation and 42 in dose expansion", "the dose-expansion part enrolled 42 patients", "escalation cohort
# (n = 18)", "the recommended dose was expanded in 60 patients", "an expansion cohort of 40 patients".
PART = r"(?:dose[- ])?(?P<part>escalation|expansion)"
PART_NOUN = r"(?:parts?|phases?|cohorts?|stages?|portions?)"
PART_COUNT_RES = tuple(re.compile(shape, re.IGNORECASE) for shape in (
    rf"\b(?:for|in|during)\s+(?:the\s+)?{PART}(?:\s+{PART_NOUN})?\s*,\s*(?P<n>\d+)\s+(?:patients|participants)\b",
    rf"(?<![\d.,])(?P<n>\d+)\s+(?:(?:patients|participants)\s+)?(?:(?:were|was)\s+)?(?:(?:enrolled|treated|included)\s+)?"
    rf"(?:in|into|during)\s+(?:the\s+)?{PART}(?:\s+{PART_NOUN})?\b",
    rf"\b{PART}(?:\s+{PART_NOUN})?\s+(?:enrolled|included|treated|comprised)\s+(?P<n>\d+)\s+(?:patients|participants)\b",
    rf"\b{PART}(?:\s+{PART_NOUN})?\s*\(\s*n\s*=\s*(?P<n>\d+)",
    r"\b(?P<part>expan)(?:ded|sion)\s+(?:cohort\s+)?(?:in|to|of)\s+(?:an?\s+)?(?:(?:additional|further)\s+)?(?P<n>\d+)\s+"
    r"(?:patients|participants)\b"))

# Cohorts named by their dose level: "the low-dose cohort", "the high-dose group", "the low- and high-dose cohorts".
LEVEL = r"(?P<level>low|high|medium|middle|intermediate|standard|reduced)"
LEVEL_NAME_RE = re.compile(rf"\b{LEVEL}[- ]dose\s+(?:cohort|group|arm)s?\b", re.IGNORECASE)
LEVEL_PAIR_RE = re.compile(r"\b(?P<a>low|high|medium|middle|intermediate|standard|reduced)(?:[- ]dose)?-?\s+and\s+"
                           r"(?P<b>low|high|medium|middle|intermediate|standard|reduced)[- ]dose\s+(?:cohorts|groups|arms)\b",
                           re.IGNORECASE)


def dose_levels(text: str) -> list[Use]:
    """Where the text names a cohort by its dose level ("the high-dose group"; two in "the low- and high-dose
    cohorts"), labelled "low dose", "high dose" ...

    >>> [label for _, _, label in dose_levels("ORR was 10% and 14% in the low- and high-dose cohorts; the high-dose arm")]
    ['low dose', 'high dose', 'high dose']
    """
    uses = [(m.start(), m.end(), f"{m['level'].lower()} dose") for m in LEVEL_NAME_RE.finditer(text)]
    for m in LEVEL_PAIR_RE.finditer(text):
        uses += [(m.start("a"), m.end("a"), f"{m['a'].lower()} dose"), (m.start("b"), m.end(), f"{m['b'].lower()} dose")]
    return sorted(set(uses))


def part_cohorts(text: str) -> dict[str, int]:
    """{part label: patients} a sentence counts in a study's dose-escalation and dose-expansion parts.

    >>> part_cohorts("Of 60 patients, 18 were enrolled in dose escalation and 42 in the expansion phase.")
    {'dose escalation': 18, 'dose expansion': 42}
    """
    out: dict[str, int] = {}
    for shape in PART_COUNT_RES:
        for m in shape.finditer(text):
            part = "dose escalation" if m["part"].lower().startswith("escal") else "dose expansion"
            out.setdefault(part, int(m["n"]))
    return dict(sorted(out.items()))


def _part_names(text: str) -> list[Use]:
    """Where the text names a part of a study as such: "the dose-escalation phase", "the expansion cohort"."""
    return [(m.start(), m.end(), "dose escalation" if m["part"].lower().startswith("escal") else "dose expansion")
            for m in re.finditer(rf"\b{PART}\s+{PART_NOUN}\b", text, re.IGNORECASE)]


def dose_cohorts(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str]) -> dict[str, tuple[str, int]]:
    """{dose label: (arm, patients)} of the doses of one arm's agent the sentence lists with their patients."""
    m = DOSE_COHORTS_RE.search(sent.text)
    if m is None:
        return {}
    counts = [int(c) for c in re.findall(r"\d+", m["counts"])]
    doses = [d.group() for d in DOSE_IN_LIST_RE.finditer(m["doses"])]
    unit = UNIT_RE.search(doses[-1])
    named = {a.key for a in agents(doc, sent, m.start("what"), m.end("what"))}
    held = {arm for agent in named for arm in (agent, *regimens_holding(agent, arms)) if arm in arms}
    if len(counts) != len(doses) or unit is None or len(held) != 1:
        return {}
    labels = [d if UNIT_RE.search(d) else f"{d} {unit.group()}" for d in doses]  # "2, 4 and 8 mg/kg": each in mg/kg
    labels = [dose_label(label) for label in labels]
    arm = held.pop()
    return {label: (arm, count) for label, count in zip(labels, counts)}


def cohorts_counted(doc: AnalysedDocument, sent: AnalysedSentence, slot: "Slot", span: tuple[int, int]) -> None:
    """Add to the slot the cohorts the sentence counts by dose ("6 and 46 patients received the 100 mg and 200 mg
    doses of A, respectively") or by the study's part ("18 in dose escalation and 42 in dose expansion", in a trial of
    one arm), with their sizes, and those it names by dose level ("the low-dose cohort", in a trial of one arm)."""
    parts = part_cohorts(sent.text) if len(slot.arms) == 1 else {}
    for _, _, level in dose_levels(sent.text) if len(slot.arms) == 1 else ():  # "the low-dose cohort": a trial's one arm
        slot.cohorts.setdefault(level, slot.arms[0])                             # given at two levels or more
    for label in dose_names(sent.text) if len(slot.arms) == 1 else ():  # "in the 200 mg and 300 mg cohorts"
        slot.cohorts.setdefault(label, slot.arms[0])
    listed = listed_doses(sent.text) if len(slot.arms) == 1 else {}  # "treated: 2 mg/kg (12), 4 mg/kg (10)"
    if len(slot.arms) == 1:  # "randomised to A 8 mg (n = 101) or 12 mg (n = 99)", "... every 2 weeks (n = 60) or ..."
        listed.update({dose_label(label): n for label, n in randomised_alternatives(sent.text).items()})
    counted = {**dose_cohorts(doc, sent, slot.arms), **{part: (slot.arms[0], n) for part, n in parts.items()},
               **{label: (slot.arms[0], n) for label, n in listed.items()}}
    for label, (arm, size) in counted.items():
        slot.cohorts.setdefault(label, arm)
        slot.cohort_sizes.setdefault(label, (size, span))


def cohorts_read(doc: AnalysedDocument, sent: AnalysedSentence, slot: "Slot", span: tuple[int, int]) -> bool:
    """Add to the slot the sizes and values the sentence gives the trial's cohorts; True when it gives any (its values
    are then theirs, not their agents' arm's)."""
    if not (cohorts := slot.cohort_arms):
        return False
    uses = cohort_uses(sent.text, cohorts)
    values = values_for_cohorts(doc, sent, uses, slot.cohort_order)
    sizes = cohort_sizes(sent.text, uses)
    for label, size in sizes.items():
        slot.cohort_sizes.setdefault(label, (size, span))
    slot.cohort_values.extend((value, span) for _, value in values)
    if len(named := list(dict.fromkeys(label for _, _, label in uses))) >= 2:
        slot.cohort_order = named
    return bool(values or sizes)  # (a sentence naming a cohort that gives it nothing is read as before)


def cohort_labels(labels: dict[str, str], text: str) -> dict[str, str]:
    """The labels a sentence (``text``) defines two or more of which stand for the same agents, given at different
    doses or schedules: {label key: agent key}.  Cohorts of the same agents told apart by what the patients had
    before ("sorafenib-naive (cohort 1)") or by a characteristic are subgroups: their labels stay aliases."""
    shared = sharing(labels)
    if not shared or len({" ".join(m.group().lower().split()) for m in DOSE_OR_SCHEDULE_RE.finditer(text)}) < 2:
        return {}
    return shared


def sharing(labels: dict[str, str]) -> dict[str, str]:
    """The labels that share their agents with another label: {label: agent}.

    >>> sharing({"cohort a": "x", "cohort b": "x", "arm c": "y"})
    {'cohort a': 'x', 'cohort b': 'x'}
    """
    shared = Counter(labels.values())
    return {label: agent for label, agent in labels.items() if shared[agent] >= 2}


def shown(label: str) -> str:
    """A label key as the graph shows it: its noun in lower case, a letter in upper case."""
    noun, _, mark = label.partition(" ")
    return f"{noun} {mark.upper()}" if len(mark) == 1 and mark.isalpha() else label


def cohort_uses(text: str, cohorts: dict[str, str]) -> list[Use]:
    """Where the sentence names one of the cohorts, in order ("cohorts A and B" names two)."""
    uses = [(m.start(), m.end(), label_key(m.group())) for m in ARM_LABEL_RE.finditer(text)
            if label_key(m.group()) in cohorts]
    for run in plural_labels(text):
        if all(key in cohorts for _, _, key in run):
            uses += run
    uses += [(start, end, label) for start, end, label in _part_names(text) if label in cohorts]  # "the expansion cohort"
    uses += [(start, end, label) for start, end, label in dose_levels(text) if label in cohorts]  # "the low-dose group"
    uses += schedule_uses(text, cohorts)  # "the every-2-week group"
    for label in cohorts:
        if re.match(r"\d", label):  # a dose: "the 200 mg A cohort"
            number, _, unit = label.partition(" ")
            shape = rf"(?<![\d.]){re.escape(number)}[\s-]*{re.escape(unit)}\b(?:\s+[\w.-]+){{0,3}}?\s+{COHORT_NOUN}\b"
            uses += [(m.start(), m.end(), label) for m in re.finditer(shape, text, re.IGNORECASE)]
    return sorted(uses)


def cohort_sizes(text: str, uses: list[Use]) -> dict[str, int]:
    """{label: patients} the sentence counts in each cohort it names."""
    out: dict[str, int] = {}
    for start, end, label in uses:
        before = COUNT_BEFORE_RE.search(text, max(0, start - 60), start)
        after = COUNT_AFTER_RE.match(text, end)
        count = before["n"] if before else (after["n"] or after["m"]) if after else None
        if count is not None:
            out.setdefault(label, int(count.replace(",", "")))
    return out


def values_for_cohorts(doc: AnalysedDocument, sent: AnalysedSentence, uses: list[Use],
                  order: list[str]) -> list[tuple[str, ArmValue]]:
    """(label, value) for each value the sentence gives one of the cohorts (the value's ``agent`` is the label);
    ``order``: the cohorts as last named before this sentence, for values listed "respectively" in a sentence
    naming none."""
    text, masked = sent.text, masked_text(sent.text)
    points = sorted(anchors(doc, sent), key=lambda a: a.start)
    tokens = value_tokens(masked, 0, len(masked))
    owners: dict[int, str] = {}
    for run, (named_from, named_to) in _respective_runs(masked, tokens):
        between = list(dict.fromkeys(label for start, end, label in uses if named_from <= start and end <= named_to))
        before = list(dict.fromkeys(label for start, _, label in uses if start < tokens[run[0]][0]))
        listed = between if len(between) >= 2 else before if len(before) >= 2 else order
        if len(listed) == len(run) and not _endpoints_listed(points, tokens, run):
            owners.update(zip(run, listed))
    framing = FRAME_RE.match(text)
    framed = uses[0][2] if framing and uses and uses[0][0] == framing.end() and len({u[2] for u in uses}) == 1 else None
    for i, (start, end, _, _) in enumerate(tokens):
        if i in owners:
            continue
        if framed is not None:
            owners[i] = framed  # "For cohort B, the median PFS was 8.1 months; the median OS was 22.0 months"
            continue
        if (label := _label_after(masked, end, uses)) is not None:
            owners[i] = label
        elif (label := _label_before(masked, start, uses)) is not None:
            owners[i] = label
    out = []
    for i, label in sorted(owners.items()):
        start, _, number, unit = tokens[i]
        endpoint = next((p.endpoint for p in reversed(points) if p.end <= start), None)
        if endpoint is None or TIMEPOINT_NEAR_RE.search(text, _anchor_start(points, start), start) \
                or (endpoint in PROPORTION_ENDPOINTS) != (unit == "%"):
            continue
        printed = decimal_text(number)
        out.append((label, ArmValue(label, endpoint, "", Decimal(printed), printed, unit)))
    return out


def _respective_runs(masked: str, tokens: list) -> list[tuple[list[int], tuple[int, int]]]:
    """Runs of values (indices of ``tokens``) listed together and closed by "respectively", each with the span naming
    the cohorts between its last value and the word ((0, 0) when none does)."""
    runs = []
    for i, (_, end, _, _) in enumerate(tokens):
        closed = RESPECTIVELY_RE.match(masked, end)
        named = None if closed else LABELS_THEN_RESPECTIVELY_RE.match(masked, end)
        if closed or named:
            run = [i]
            while run[0] > 0 and RUN_GAP_RE.fullmatch(masked, tokens[run[0] - 1][1], tokens[run[0]][0]):
                run.insert(0, run[0] - 1)
            if len(run) >= 2:
                runs.append((run, named.span("labels") if named else (0, 0)))
    return runs


def _endpoints_listed(points: list, tokens: list, run: list[int]) -> bool:
    """Does the run answer endpoints listed before it ("the ORR and DCR were 30% and 60%, respectively"), not the
    cohorts: two or more endpoints named between the value before the run and the run?"""
    since = tokens[run[0] - 1][1] if run[0] > 0 else 0
    return len({p.endpoint for p in points if since <= p.start < tokens[run[0]][0]}) >= 2


def _label_after(masked: str, end: int, uses: list[Use]) -> str | None:
    """The cohort named right after a value as its own ("20.5 months for cohort A")."""
    return next((label for start, _, label in uses
                 if start >= end and LABEL_AFTER_VALUE_RE.fullmatch(masked[end:start])), None)


def _label_before(masked: str, start: int, uses: list[Use]) -> str | None:
    """The cohort named last before a value, in its clause, no other cohort and no "respectively" between ("the ORR in
    cohort A was 30%")."""
    before = [u for u in uses if u[1] <= start]
    if not before:
        return None
    _, end, label = before[-1]
    between = masked[end:start]
    return None if ";" in between or re.search(r"\brespectively\b", between, re.IGNORECASE) else label


def _anchor_start(points: list, start: int) -> int:
    """Where the endpoint named last before ``start`` begins (``start`` when none)."""
    return next((p.start for p in reversed(points) if p.end <= start), start)
