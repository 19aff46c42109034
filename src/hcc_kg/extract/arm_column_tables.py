"""Tables with one column per arm: a trial's efficacy table, its arms in the header and one endpoint per row (invented
rows, cells parted by tabs or by the pipes of a Markdown table)::

    Table 2. Efficacy in ZETA-7
    |                         | Zorbanib plus quorimab (n = 301) | Felotinib (n = 299) |
    | Median OS, months        | 18.1 (16.0-20.2)                 | 13.9 (12.1-15.6)    |
    | HR for OS (95% CI)       | 0.74 (0.62-0.89)                 |                     |
    | 12-month OS rate, %      | 63.2                             | 55.0                |
    | ORR, %                   | 27.2                             | 11.4                |

A header row whose cells after the first each name one arm's agents (and perhaps its patients, "(n = 301)") makes the
columns arms.  A row whose label names an endpoint gives each arm the first number of its cell: a median in months for
a time-to-event endpoint, a share in per cent for a rate, a landmark rate where the label names its time ("12-month OS
rate").  A row labelled as a hazard ratio gives each arm whose cell holds one its ratio against the comparator: the arm
the label names after "vs", else the one arm whose cell holds none, else the second of two.  A row naming no endpoint,
or one it cannot tell the kind of, is left alone.  The trial is the one the lines above the header name (the caption),
else the trial of its arms.  The same table pasted one cell per line is read too: a run of cells naming arms, then
each endpoint's label followed by one value cell per arm.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Iterable

from ..keys import agent_key, comparison_trial_key
from ..model import Assertion
from .analysis import AnalysedDocument
from .cell_column_tables import cell_runs
from .arm_facts import arm_facts, arm_key, measurement
from .comparators import arm_parts
from .effects import parse_hazard_ratios
from .markdown_trials import comparison_name
from .prose_arms import ARM_TYPES, SIZE_RE
from .prose_values import PROPORTION_ENDPOINTS, TIME_TO_EVENT
from .registry import EXTRACTORS
from .segment import CAPTION_RE, text_lines
from .table_cell_values import BORDER_RE, cells_of
from .table_line_names import line_names
from .trial_slots import hr_attributes
from .trials import trial_key

NAME = "arm-column-tables"

Cell = tuple[str, int, int]  # (text, start, end) at document offsets
SEPARATOR_RE = re.compile(r"^[\s|:+-]*-{3,}[\s|:+-]*$")  # a Markdown table's rule under its header
# A cell's value opens it ("NR (14.1-NR)": none, its bracket's bound is no value).
NUMBER_RE = re.compile(r"\s*(\d+(?:\.\d+)?)")
RATIO_LABEL_RE = re.compile(r"\bHR\b|\bhazard\s+ratio", re.IGNORECASE)
VERSUS_RE = re.compile(r"\b(?:vs\.?|versus|compared\s+with)\s+", re.IGNORECASE)
CI_LEVEL_RE = re.compile(r"(\d+(?:\.\d+)?)\s*%\s*CI", re.IGNORECASE)
LANDMARK_RE = re.compile(r"\b(\d+)[-\s]?(month|year|mo)s?\b", re.IGNORECASE)
RATE_RE = re.compile(r"%|\brates?\b", re.IGNORECASE)


@EXTRACTORS.register(NAME)
def arm_column_tables(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Arms, sizes, values and hazard ratios from tables with one column per arm."""
    for block in doc.blocks:
        if block.kind == "table":
            yield from _table(doc, block.start, block.end)
    for run in cell_runs(doc.document.text):
        yield from _cell_per_line(doc, run)


def _arm(doc: AnalysedDocument, cell: Cell) -> tuple[tuple[str, ...], int | None] | None:
    """The arm a header cell names (its agents, its patients), or None."""
    agents = [m.key for m in doc.mentions_in(cell[1], cell[2]) if doc.vocabulary[m.key].has_type(*ARM_TYPES)]
    if not agents:
        return None
    size = SIZE_RE.search(cell[0])
    return tuple(arm_parts(doc, dict.fromkeys(agents))), int(size.group("n").replace(",", "")) if size else None


def _distinct(arms: list) -> bool:
    """Do the header's cells name two arms or more, each a different one?"""
    return len(arms) >= 2 and None not in arms and len({arm[0] for arm in arms}) == len(arms)


def _row_cells(line: str, start: int) -> list[Cell]:
    """A bordered row's cells, a tab-parted row's empty last cell kept (the comparator's empty ratio cell).

    >>> [c for c, _, _ in _row_cells("HR for OS\\t0.74 (0.62-0.89)\\t\\n", 0)]
    ['HR for OS', '0.74 (0.62-0.89)', '']
    """
    body = line.rstrip("\r\n")
    found = cells_of(body, start)
    return [*found, ("", start + len(body), start + len(body))] if body.endswith("\t") else found


def _table(doc: AnalysedDocument, start: int, end: int) -> Iterable[Assertion]:
    """A table block's bordered rows (pipes or tabs; :func:`.table_cell_values.cells_of`), read from the first whose
    cells after the first name arms."""
    text = doc.document.text
    rows = [(s, _row_cells(line, s)) for s, line in ((start + o, line) for o, line in text_lines(text[start:end]))
            if BORDER_RE.search(line) and not SEPARATOR_RE.match(line)]
    for index, (row_start, header) in enumerate(rows):
        arms = [_arm(doc, cell) for cell in header[1:]]
        if _distinct(arms):
            yield from _read(doc, start, row_start, header, arms, rows[index + 1:])  # type: ignore[arg-type]
            return


# A value's cell: numbers, their brackets and signs, or a mark for none ("18.1 (16.0-20.2)", "27.2%", "NR", "—").
VALUE_CELL_RE = re.compile(r"^(?:[\d.,\s()%<>≤≥±–—-]|\b(?:NR|NE|NA|N/A|months?|mo)\b)+$", re.IGNORECASE)


def _cell_per_line(doc: AnalysedDocument, run: list) -> Iterable[Assertion]:
    """The same table pasted one cell per line (a run of :func:`.cell_column_tables.cell_runs`): k cells naming arms
    (the header's empty corner cell is lost in such a copy), then rows of an endpoint's label and k value cells."""
    found = [(c.text, c.start, c.end) for c in run if not CAPTION_RE.match(c.text)]
    arms = [_arm(doc, cell) if not VALUE_CELL_RE.match(cell[0]) else None for cell in found]
    first = next((i for i in range(len(found) - 1) if arms[i] and arms[i + 1]), None)
    if first is None:
        return
    k = next((n for n in range(first, len(found)) if arms[n] is None), len(found)) - first
    rows, i = [], first + k
    while i + k < len(found):
        values = found[i + 1:i + 1 + k]
        if not VALUE_CELL_RE.match(found[i][0]) and all(VALUE_CELL_RE.match(v[0]) for v in values):
            rows.append((found[i][1], [found[i], *values]))
            i += k + 1
        else:
            i += 1
    if _distinct(arms[first:first + k]):
        header = [("", found[first][1], found[first][1]), *found[first:first + k]]
        yield from _read(doc, run[0].start, found[first][1], header, arms[first:first + k], rows)  # type: ignore[arg-type]


def _read(doc: AnalysedDocument, start: int, header_start: int, header: list[Cell],
          arms: list[tuple[tuple[str, ...], int | None]], rows: list[tuple[int, list[Cell]]]) -> Iterable[Assertion]:
    text = doc.document.text
    names = {name for name, _ in line_names(doc, text, start, header_start)}
    keys = [agent_key(list(agent)) for agent, _ in arms]
    trial = trial_key(next(iter(names))) if len(names) == 1 else comparison_trial_key(keys)
    found = [a for _, row in rows if len(row) == len(header) for a in _row(doc, trial, arms, keys, row)]
    if not found:
        return  # a table of other columns: no row read as the arms' values
    span = (doc.evidence(header[0][1], header[-1][2], NAME),)
    name = next(iter(names)) if len(names) == 1 else comparison_name(doc, keys)
    yield Assertion(trial, "isClinicalTrial", "ClinicalTrial", (), (("trial_name", name),), span)
    for (agent, size), key, cell in zip(arms, keys, header[1:]):
        yield from arm_facts(trial, key, (doc.evidence(cell[1], cell[2], NAME),), agent if len(agent) > 1 else (), size)
    yield from found


def _row(doc: AnalysedDocument, trial: str, arms: list[tuple[tuple[str, ...], int | None]], keys: list[str],
         row: list[Cell]) -> list[Assertion]:
    """The values or hazard ratios of one body row."""
    label = row[0]
    endpoints = {m.key for m in doc.mentions_in(label[1], label[2])} & (TIME_TO_EVENT | PROPORTION_ENDPOINTS)
    if len(endpoints) != 1:
        return []
    endpoint = endpoints.pop()
    if RATIO_LABEL_RE.search(label[0]):
        return _ratios(doc, trial, arms, keys, row, endpoint)
    timepoint = ""
    if endpoint in TIME_TO_EVENT and RATE_RE.search(CI_LEVEL_RE.sub("", label[0])):  # (not the "%" of "95% CI")
        landmark = LANDMARK_RE.search(label[0])
        if landmark is None:
            return []
        unit = "month" if landmark.group(2).lower().startswith("mo") else "year"
        timepoint, unit_of_value = f"{landmark.group(1)}-{unit}", "%"
    else:
        unit_of_value = "%" if endpoint in PROPORTION_ENDPOINTS else "months"
    out = []
    for key, cell in zip(keys, row[1:]):
        number = NUMBER_RE.match(cell[0])
        if number is not None:
            evidence = (doc.evidence(label[1], cell[2], NAME),)
            out.append(measurement(arm_key(trial, key), endpoint, timepoint, number.group(1), unit_of_value, evidence))
    return out


def _ratios(doc: AnalysedDocument, trial: str, arms: list[tuple[tuple[str, ...], int | None]], keys: list[str],
            row: list[Cell], endpoint: str) -> list[Assertion]:
    """Each arm's hazard ratio against the comparator the row names or leaves empty."""
    label = row[0]
    valued = [i for i, cell in enumerate(row[1:]) if NUMBER_RE.match(cell[0])]
    versus = VERSUS_RE.search(label[0])
    named = {m.key for m in doc.mentions_in(label[1] + versus.end(), label[2])} if versus else set()
    comparator = next((i for i, (agent, _) in enumerate(arms) if named and set(agent) <= named), None)
    if comparator is None:
        empty = [i for i in range(len(arms)) if i not in valued]
        comparator = empty[0] if len(empty) == 1 else 1 if len(arms) == 2 else None
    level = CI_LEVEL_RE.search(label[0])
    out = []
    for i in valued:
        if comparator is None or i == comparator:
            continue
        cell = row[1:][i]
        ratio = next(iter(parse_hazard_ratios(f"HR {cell[0]}")), None)
        if ratio is None:
            continue
        if ratio.ci_level is None and level is not None and ratio.ci_lower is not None:
            ratio = replace(ratio, ci_level=Decimal(level.group(1)))
        context = (("experimental", arm_key(trial, keys[i])), ("comparator", arm_key(trial, keys[comparator])),
                   ("timepoint", ""))
        out.append(Assertion(trial, "hasEffectEstimate", endpoint, context, hr_attributes(ratio),
                             (doc.evidence(label[1], cell[2], NAME),)))
    return out
