"""Tables pasted one cell per line: the column headers first, then each row's cells in the headers' order, every
cell on a line of its own with a blank line after it (a web page's table copied cell by cell; invented rows)::

    Trial

    Drug

    Control

    Primary outcome (HR; 95% CI)

    ZETA-7

    Zorbanib

    Placebo

    OS: 10.1 vs. 7.7 (0.70; 0.55–0.89)

Where a run of such cells holds a header of k cells naming a trial column and an agent column, and after it rows
of k cells whose agent column names an agent in (nearly) every row, each row is read: the trial its trial cell
names (a trial-shaped name or a registry number), the arm its agent cell names and the one its control cell names
("None": the trial has one arm), the line of therapy its line cell names ("First"), and from each outcome cell the
two arms' values of the endpoint it names ("OS: 10.1 vs. 7.7") or one arm's value ("TTP: 2"), and a hazard ratio
where the header says the bracket holds one ("(HR; 95% CI)", then "(0.70; 0.55–0.89)").  A row whose cells do not
fit is left alone: with no borders, which cell is whose is known only from the count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from ..keys import agent_key
from ..model import Assertion
from .analysis import AnalysedDocument
from .arm_facts import arm_facts, arm_key, measurement
from .comparators import arm_parts
from .effects import HazardRatio
from .prose_arms import ARM_TYPES
from .prose_values import PROPORTION_ENDPOINTS, TIME_TO_EVENT
from .registry import EXTRACTORS
from .segment import text_lines
from .table_cell_values import AGENT_COLUMN_RE, cells_of, row_cell_facts, row_ratio
from .trial_name_shapes import NCT_RE
from .trial_names import name_like, phase_of
from .trials import name_attribute, trial_key

NAME = "cell-column-tables"
MAX_CELL = 120  # characters: a longer line is prose, no cell
ROLES = (("trial", re.compile(r"\b(?:trial|study)\b", re.IGNORECASE)),
         ("control", re.compile(r"\b(?:control|comparator|comparison)\b", re.IGNORECASE)),
         ("agent", AGENT_COLUMN_RE),
         ("line", re.compile(r"\bline\b", re.IGNORECASE)),
         ("phase", re.compile(r"\bphase\b", re.IGNORECASE)),
         ("outcome", re.compile(r"\b(?:outcomes?|results?|efficacy|OS|PFS|TTP|ORR|survival)\b", re.IGNORECASE)))
CAPTION_RE = re.compile(r"(?:Table|Figure|Fig\.)\s*\d|.*\.$")  # a caption or a sentence, no column's name
NO_CONTROL_RE = re.compile(r"(?:none|—|-|–|n/?a|single[- ]arm)", re.IGNORECASE)
TRIAL_NAME_RE = re.compile(r"[A-Z][A-Za-z]*(?:[- ]?[A-Z0-9][A-Za-z0-9]*)*")
# A bracket the header says holds the hazard ratio and its interval: "(0.70; 0.55–0.89)".
HEADED_RATIO_RE = re.compile(r"\(\s*(?P<hr>\d+(?:\.\d+)?)\s*[;,]\s*(?P<lo>\d+(?:\.\d+)?)\s*[–-]\s*(?P<hi>\d+(?:\.\d+)?)\s*\)")
# One value of an endpoint named in the cell: "TTP: 2", "ORR: 0%", "6-month PFS rate: 32%".
SINGLE_RE = re.compile(r"^(?:(?P<time>\d+)[- ](?P<unit>month|week)\s+)?[^:]{1,30}?:\s*(?P<value>\d+(?:\.\d+)?)\s*(?P<pct>%)?\s*$")


@dataclass(frozen=True)
class Cell:
    """One cell: its text, stripped, and its offsets in the document."""

    text: str
    start: int
    end: int


@EXTRACTORS.register(NAME)
def cell_column_tables(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Trials, their arms, values and hazard ratios from tables pasted one cell per line."""
    text = doc.document.text
    for run in cell_runs(text):
        layout = _layout(doc, run)
        if layout is not None:
            header, rows = layout
            yield from _read_rows(doc, header, rows)


def cell_runs(text: str) -> list[list[Cell]]:
    """Runs of a table's cells pasted one per line: with a blank line after each cell, or with none between them."""
    return [*_cell_runs(text), *_line_runs(text)]


def _cell_runs(text: str) -> list[list[Cell]]:
    """Runs of cells: short lines each followed by one blank line (a line of spaces between them is an empty cell)."""
    runs, run = [], []
    lines = text_lines(text)
    i = 0
    while i < len(lines):
        offset, line = lines[i]
        body = line.rstrip("\r\n")
        blank_after = i + 1 == len(lines) or not lines[i + 1][1].strip("\r\n")  # (the text's last line ends a cell)
        if body and len(body) <= MAX_CELL and blank_after:
            run.append(Cell(body.strip(), offset + len(body) - len(body.lstrip()), offset + len(body.rstrip())))
            i += 2
            continue
        if len(run) >= 8:
            runs.append(run)
        run = []
        i += 1
    if len(run) >= 8:
        runs.append(run)
    return runs


def _line_runs(text: str) -> list[list[Cell]]:
    """Runs of cells with no blank line between them: eight short lines or more in a row (an empty cell is lost
    there: a row missing one puts the rows out of step, and they end)."""
    runs, run = [], []
    for offset, line in [*text_lines(text), (len(text), "")]:
        body = line.rstrip("\r\n")
        if body.strip() and len(body) <= MAX_CELL:
            run.append(Cell(body.strip(), offset + len(body) - len(body.lstrip()), offset + len(body.rstrip())))
            continue
        if len(run) >= 8:
            runs.append(run)
        run = []
    return runs


def _has_agent(doc: AnalysedDocument, cell: Cell) -> bool:
    return any(doc.vocabulary[m.key].has_type(*ARM_TYPES) for m in doc.mentions_in(cell.start, cell.end))


def _layout(doc: AnalysedDocument, run: list[Cell]) -> tuple[list[Cell], list[list[Cell]]] | None:
    """The header and rows of the run: of the headers among the run's first cells (3 to 12 short cells naming a trial
    and an agent column), the one with the most rows under it, two at least (a caption before the header would put
    the rows out of step)."""
    best: tuple[tuple[int, int], tuple[list[Cell], list[list[Cell]]]] | None = None
    lead = run[:18]  # (each cell of the headers tried judged once: a text's every short line may be tried)
    role_of = _roles(lead)
    if "trial" not in role_of or "agent" not in role_of:
        return None  # (most runs of short lines: no header there, and finding mentions is what costs)
    header_like = [len(c.text) <= 60 and not CAPTION_RE.match(c.text) and not _has_agent(doc, c) for c in lead]
    for first in range(min(6, len(run))):
        for k in range(3, 13):
            header, roles = run[first:first + k], role_of[first:first + k]
            if len(header) < k or "trial" not in roles or "agent" not in roles or not all(header_like[first:first + k]):
                continue
            rows = _rows(doc, run, first + k, k, roles.index("agent"))
            score = (len(rows), sum(r is not None for r in roles))  # (then the header naming more columns' roles)
            if len(rows) >= 2 and (best is None or score > best[0]):
                best = score, (header, rows)
    return best[1] if best else None


def _rows(doc: AnalysedDocument, run: list[Cell], start: int, k: int, column: int) -> list[list[Cell]]:
    """Rows of k cells from ``start`` on, each naming an agent in ``column``; a cell that would put the next row out of
    step is a label spanning the row ("Targeted therapy") and skipped; the rows end where neither fits."""
    rows, i = [], start
    while i + k <= len(run):
        if _has_agent(doc, run[i + column]):
            rows.append(run[i:i + k])
            i += k
        elif i + k < len(run) and _has_agent(doc, run[i + 1 + column]) and not _has_agent(doc, run[i]):
            i += 1
        else:
            break
    return rows


def _roles(header: list[Cell]) -> list[str | None]:
    """Each header cell's role: the first role whose words it holds (a cell naming two takes the first)."""
    return [next((role for role, pattern in ROLES if pattern.search(c.text)), None) for c in header]


def _read_rows(doc: AnalysedDocument, header: list[Cell], rows: list[list[Cell]]) -> Iterable[Assertion]:
    roles = _roles(header)
    caption_phase = phase_of(doc.document.text[max(0, header[0].start - 300):header[0].start])
    for row in rows:
        cells = dict(zip(roles, row))
        name = _trial_name(doc, cells["trial"])
        arms = _arms(doc, cells["agent"], cells.get("control"))
        if name is None or not arms:
            continue
        trial = trial_key(name)
        ev = (doc.evidence(row[0].start, row[-1].end, NAME),)
        phase = phase_of(cells["phase"].text) if "phase" in cells else caption_phase
        attributes = (name_attribute(name),) + ((("phase", phase),) if phase else ())
        yield Assertion(trial, "isClinicalTrial", "ClinicalTrial", (), attributes, ev)
        if "line" in cells and (line := _line(doc, cells["line"])) is not None:
            yield Assertion(trial, "forLineOfTherapy", line, evidence=ev)
        for parts in arms:
            yield from arm_facts(trial, agent_key(list(parts)), ev, parts if len(parts) > 1 else ())
        yield Assertion(trial, "testsIntervention", agent_key(list(arms[0])), evidence=ev)
        for role, head, cell in zip(roles, header, row):
            if role == "outcome":
                yield from _outcome(doc, trial, arms, head, cell)


def _trial_name(doc: AnalysedDocument, cell: Cell) -> str | None:
    """The trial the cell names: a registry number, or a trial-shaped name the vocabulary does not know."""
    if nct := NCT_RE.search(cell.text):
        return nct.group()
    text = re.sub(r"\s*[\[(][^\])]*[\])]\s*$", "", cell.text)  # "ZETA-7 [12]"
    if TRIAL_NAME_RE.fullmatch(text) and (name_like(text.split()[0].split("-")[0]) or name_like(text)) \
            and doc.finder.lookup(text) is None:
        return text
    return None


def _arms(doc: AnalysedDocument, agent: Cell, control: Cell | None) -> list[tuple[str, ...]]:
    """The row's arms: the agent cell's (all its agents one regimen), then the control cell's, if any."""
    arms = []
    for cell in (agent, control):
        if cell is None or NO_CONTROL_RE.fullmatch(cell.text) or not cell.text:
            continue
        keys = [m.key for m in doc.mentions_in(cell.start, cell.end) if doc.vocabulary[m.key].has_type(*ARM_TYPES)]
        if not keys or re.search(r"\b(?:vs\.?|versus|or)\b", cell.text, re.IGNORECASE):
            return []  # a cell holding a comparison or a choice is not one arm
        arms.append(tuple(arm_parts(doc, dict.fromkeys(keys))))
    return arms if len(set(arms)) == len(arms) else []


def _line(doc: AnalysedDocument, cell: Cell) -> str | None:
    """The line of therapy a line cell names: "First" is the first line."""
    key = doc.finder.lookup(cell.text) or doc.finder.lookup(f"{cell.text} line")
    return key if key is not None and doc.vocabulary[key].has_type("LineOfTherapy") else None


def _outcome(doc: AnalysedDocument, trial: str, arms: list[tuple[str, ...]], head: Cell, cell: Cell) -> Iterable[Assertion]:
    """An outcome cell's values: two arms' pair of each endpoint it names (read as a bordered cell is), one arm's
    single value, and the hazard ratio the header says its bracket holds."""
    if len(arms) == 2:
        line = doc.document.text[cell.start:cell.end]
        yield from row_cell_facts(doc, trial, arms, line, cell.start, [None] * len(cells_of(line, cell.start)))
        if "HR" in head.text and (m := HEADED_RATIO_RE.search(cell.text)) and (endpoint := _sole_endpoint(doc, cell)):
            hr = HazardRatio(Decimal(m["hr"]), m.group(), m.start(), m.end(), ci_lower=Decimal(m["lo"]), ci_upper=Decimal(m["hi"]))
            yield row_ratio(doc, trial, arms, endpoint, hr, (cell.start + m.start(), cell.start + m.end()))
    elif len(arms) == 1 and (m := SINGLE_RE.match(cell.text)) and (endpoint := _sole_endpoint(doc, cell)):
        unit = "%" if m["pct"] else "months"
        if (endpoint in PROPORTION_ENDPOINTS or m["time"] is not None) != bool(m["pct"]):
            return  # a rate in months, a median in per cent
        timepoint = f"{m['time']}-{m['unit']}" if m["time"] else ""
        ev = (doc.evidence(cell.start, cell.end, NAME),)
        yield measurement(arm_key(trial, agent_key(list(arms[0]))), endpoint, timepoint, m["value"], unit, ev)


def _sole_endpoint(doc: AnalysedDocument, cell: Cell) -> str | None:
    """The one endpoint the cell names, if it names one only."""
    named = {m.key for m in doc.mentions_in(cell.start, cell.end) if m.key in TIME_TO_EVENT | PROPORTION_ENDPOINTS}
    return named.pop() if len(named) == 1 else None
