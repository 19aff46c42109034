"""Tables pasted as text with one row per arm: each arm's agents, then its cells in the header's column order
(invented rows)::

    Study Treatment N Median OS (months) Median PFS (months) ORR n (%)
    Zorbanib vs. placebo
    Lee, 2019 (12) Zorbanib 300 10.1 4.2 30 (10)
    Placebo 150 7.7 2.1 3 (2)
    HR 0.70; 95% CI 0.55–0.89 HR 0.50; 95% CI 0.41–0.61

The header names the columns in order: the patients ("N", "No. of patients") and the endpoints.  A row naming an
agent (not two compared) and then exactly one cell per column (a number, perhaps with a bracket; "NR" for none) is
that arm with its size and values; a rate's column headed "n (%)" takes the bracketed share.  A row with fewer or
more cells is left alone: without borders which cell is whose cannot be told.  A line comparing agents ("A vs. B")
with no cells opens a study; so does a row opening with a label before its agent ("Lee, 2019 (12)", a trial's name);
rows with no label are further arms of the study above.  A line of hazard ratios gives one per time-to-event column,
in order, the study's first arm's against its second's (none unless their counts agree).  The study is the trial
its label names, else the trial of its arms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from ..keys import agent_key, comparison_trial_key
from ..model import Assertion, Mention
from .analysis import AnalysedDocument
from .arm_facts import arm_facts, arm_key, measurement
from .comparators import arm_parts
from .effects import HazardRatio, parse_hazard_ratios
from .markdown_trials import comparison_name
from .prose_arms import ARM_TYPES
from .prose_values import PROPORTION_ENDPOINTS, TIME_TO_EVENT
from .registry import EXTRACTORS
from .segment import text_lines
from .table_cell_values import BORDER_RE, PATIENTS_COLUMN, row_ratio
from .table_line_names import line_names
from .table_line_trials import JOIN_RE, VERSUS_RE
from .trial_names import phase_of
from .trials import trial_key

NAME = "arm-row-tables"

SIZE = "size"
# The column of patients in a header: "N", "n (evaluated)", "No. of patients", "Patients", "Sample size".
SIZE_COLUMN_RE = re.compile(rf"(?<![\w.(])[Nn](?![\w.])|\b{PATIENTS_COLUMN}\b|\bNumber\s+of\s+(?:patients|pts|subjects)\b")
COUNT_SHARE_RE = re.compile(r"\s*(?:No\.?|n)\s*\(%\)")  # "ORR No. (%)": a count, its share in the bracket
# One cell: a number, perhaps with a bracket ("40 (11)", "283 (277)", "1 (<1)"), or a mark for none.
CELL_RE = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)(?:\s*\((?P<bracket>[<>≤≥]?\s*\d+(?:\.\d+)?)\))?|(?P<none>NR|NE|NA|N/A|—|–|-))(?=\s|$)")


@dataclass(frozen=True)
class Column:
    """A column of values: of patients (SIZE) or of an endpoint, a rate's share perhaps in a count's bracket."""

    kind: str  # SIZE or an endpoint key
    share_in_bracket: bool = False


@dataclass
class Study:
    """One study of the table: its name (None: known by its arms), the arms a comparison line named, its arms' rows
    and its ratios."""

    name: str | None
    compared: list[tuple[str, ...]] = field(default_factory=list)  # the arms a comparison line named
    arms: list[tuple[tuple[str, ...], list[str | None], tuple[int, int]]] = field(default_factory=list)  # (agent, cells, span)
    ratios: list[tuple[HazardRatio, str, tuple[int, int]]] = field(default_factory=list)  # (ratio, endpoint, span)


@EXTRACTORS.register(NAME)
def arm_row_tables(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Trials, their arms, sizes, values and hazard ratios from tables with one row per arm."""
    for block in doc.blocks:
        if block.kind == "table":
            yield from _table(doc, block.start, block.end)


def _table(doc: AnalysedDocument, start: int, end: int) -> Iterable[Assertion]:
    text = doc.document.text
    columns: list[Column] = []
    studies: list[Study] = []
    for offset, line in text_lines(text[start:end]):
        s, e = start + offset, start + offset + len(line.rstrip())
        if BORDER_RE.search(text, s, e):
            return  # a bordered table: its cells are read by the readers of borders
        agents = [m for m in doc.mentions_in(s, e) if doc.vocabulary[m.key].has_type(*ARM_TYPES)]
        if not columns:
            columns = _header(doc, s, e) if not agents else []
            continue
        if len(agents) >= 2 and VERSUS_RE.search(text, agents[0].end, agents[-1].start) and not _cell_after(text, agents, e):
            studies.append(Study(None, _compared(doc, text, agents)))  # "A + B vs. C": a study opens
        elif agents and not VERSUS_RE.search(text, agents[0].end, agents[-1].start):
            _arm_row(doc, studies, columns, agents, s, e)
        elif not agents and studies and studies[-1].arms and re.match(r"\s*HR\b", text[s:e]):
            _ratio_row(studies[-1], columns, text[s:e], s)
    phase = phase_of(text[start:start + 400])
    for study in studies:
        yield from _emit(doc, study, columns, phase)


def _cell_after(text: str, agents: list[Mention], end: int) -> bool:
    """Does a number stand after the first agent outside the agents' names ("ADI-PEG 20" is a name), as a row's cells do?"""
    gaps = zip([m.end for m in agents], [*(m.start for m in agents[1:]), end])
    return any(re.search(r"\d", text[a:b]) for a, b in gaps)


def _header(doc: AnalysedDocument, start: int, end: int) -> list[Column]:
    """The columns a header line names, in order (none unless it names two endpoints or more)."""
    text = doc.document.text
    endpoints = [m for m in doc.mentions_in(start, end) if m.key in TIME_TO_EVENT | PROPORTION_ENDPOINTS]
    found, labels = [], []
    for i, m in enumerate(endpoints):
        label_end = endpoints[i + 1].start if i + 1 < len(endpoints) else end
        share = COUNT_SHARE_RE.match(text, m.end, label_end) if m.key in PROPORTION_ENDPOINTS else None
        found.append((m.start, Column(m.key, share is not None)))
        labels += [share.span()] if share else []
    # (the "n" of a rate's "n (%)" is that column's, no column of patients)
    found += [(m.start(), Column(SIZE)) for m in SIZE_COLUMN_RE.finditer(text, start, end)
              if not any(s <= m.start() < e for s, e in labels)]
    return [c for _, c in sorted(found, key=lambda x: x[0])] if len(endpoints) >= 2 else []


def _compared(doc: AnalysedDocument, text: str, agents: list[Mention]) -> list[tuple[str, ...]]:
    """The arms a comparison line names, split at "vs"."""
    arms: list[list[str]] = [[]]
    for previous, m in zip([None, *agents], agents):
        if previous is not None and VERSUS_RE.search(text, previous.end, m.start):
            arms.append([])
        arms[-1].append(m.key)
    return [tuple(arm_parts(doc, dict.fromkeys(a))) for a in arms]


def _arm_row(doc: AnalysedDocument, studies: list[Study], columns: list[Column], agents: list[Mention], start: int,
             end: int) -> None:
    """An arm's row: its label (a study opens), its agents and its cells, one per column, or none when they do not fit."""
    text = doc.document.text
    label = text[start:agents[0].start].strip()
    if label:
        names = line_names(doc, text, start, agents[0].start)
        name = names[0][0] if len({n for n, _ in names}) == 1 else None
        if not (studies and not studies[-1].arms and studies[-1].name is None):
            studies.append(Study(name))
        else:
            studies[-1].name = name  # the study the comparison line above opened, named here
    if not studies or not all(JOIN_RE.fullmatch(text, a.end, b.start) for a, b in zip(agents, agents[1:])):
        return  # (agents apart are no one arm: "after A | B")
    agent = tuple(arm_parts(doc, dict.fromkeys(m.key for m in agents)))
    cells = _cells(text[agents[-1].end:end], len(columns))
    if cells or agent in studies[-1].compared:  # (a row out of step is an arm only as the comparison above names it)
        studies[-1].arms.append((agent, cells, (start, end)))


def _cells(rest: str, count: int) -> list[str | None]:
    """The row's cells after its agents when there are exactly ``count`` (then each cell's number and its bracket's,
    parted by a bar, or None), else [].

    >>> _cells(" 379 10.6 NR 40 (11) No", 4), _cells(" 237 8.0 1 (<1)", 4)
    (['379|', '10.6|', None, '40|11'], [])
    """
    cells, at = [], 0
    while (m := CELL_RE.match(rest, at)) is not None and m.end() > at:
        cells.append(None if m["none"] else f"{m['num']}|{m['bracket'] or ''}")
        at = m.end()
    return cells if len(cells) == count else []


def _ratio_row(study: Study, columns: list[Column], line: str, start: int) -> None:
    """A line of hazard ratios: one per time-to-event column, in order, when the counts agree."""
    ratios = parse_hazard_ratios(line)
    timed = [c.kind for c in columns if c.kind in TIME_TO_EVENT]
    if ratios and len(ratios) == len(timed):
        study.ratios.extend((hr, endpoint, (start + hr.start, start + hr.end)) for hr, endpoint in zip(ratios, timed))


def _emit(doc: AnalysedDocument, study: Study, columns: list[Column], phase: str | None) -> Iterable[Assertion]:
    agents = list(dict.fromkeys(agent for agent, _, _ in study.arms))
    if len(agents) != len(study.arms) or not any(cells for _, cells, _ in study.arms):
        return  # an agent in two rows of one study (rows out of step), or no row whose cells fit
    keys = {agent: agent_key(list(agent)) for agent in agents}
    trial = trial_key(study.name) if study.name else comparison_trial_key(list(keys.values()))
    first, last = study.arms[0][2][0], study.arms[-1][2][1]
    ev = (doc.evidence(first, last, NAME),)
    attributes = (("trial_name", study.name or comparison_name(doc, list(keys.values()))),) \
        + ((("phase", phase),) if phase else ())
    yield Assertion(trial, "isClinicalTrial", "ClinicalTrial", (), attributes, ev)
    for agent, cells, span in study.arms:
        row_ev = (doc.evidence(*span, NAME),)
        sizes = [c.split("|")[0] for c, col in zip(cells, columns) if col.kind == SIZE and c]
        yield from arm_facts(trial, keys[agent], row_ev, agent if len(agent) > 1 else (),
                             int(sizes[0]) if len(sizes) == 1 else None)
        for cell, column in zip(cells, columns):
            if cell is None or column.kind == SIZE:
                continue
            number, bracket = cell.split("|")
            value = bracket if column.share_in_bracket else number
            if value and value[0].isdigit():  # (a bound, "<1", is no value)
                unit = "%" if column.kind in PROPORTION_ENDPOINTS else "months"
                yield measurement(arm_key(trial, keys[agent]), column.kind, "", value, unit, row_ev)
    yield Assertion(trial, "testsIntervention", keys[agents[0]], evidence=ev)
    if len(agents) == 2:
        for hr, endpoint, span in study.ratios:
            yield row_ratio(doc, trial, agents, endpoint, hr, span)
