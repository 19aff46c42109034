"""Approval tables: agent | mechanism | indication rows under line-of-therapy headings.

A table block whose caption names an agency and an approval is read row by row.  The
PDF conversion wraps cells over lines and sometimes stacks the cells of consecutive rows
(two agent lines, then two mechanism lines, then two indication lines); both layouts
are handled.  A regimen's mechanism cell lists one part per component, joined by "+".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from ..keys import agent_key
from ..model import Assertion, Mention
from .analysis import AnalysedDocument
from .normalize import flatten, normalize
from .quantities import parse_threshold
from .registry import EXTRACTORS
from .approvals import APPROVAL_CUE
from .approved_rows import approved_rows
from .sentences import DRUG, action_predicate

INDICATION_START = re.compile(r"\b(?:As|For)\s+(?:mono|combination|patients|use|adults)", re.IGNORECASE)
MODE_RE = re.compile(r"\b(monotherapy|combination therapy)\b", re.IGNORECASE)
TREATMENT_NAIVE_RE = re.compile(r"\b(?:not received|without)\s+(?:any\s+)?prior\s+systemic", re.IGNORECASE)
GLUE_RE = re.compile(r"^\s*(?:\+|plus)\s*$", re.IGNORECASE)


@dataclass
class Line:
    """A line of a table block: its offset, text and mentions."""

    start: int
    text: str
    mentions: list[Mention]


@dataclass
class Row:
    """An approval table's row: its line of therapy and the lines it spans."""

    line_of_therapy: str | None
    lines: list[Line] = field(default_factory=list)


def _table_lines(doc: AnalysedDocument, start: int, end: int) -> list[Line]:
    """Non-blank lines, with a line ending in "+" joined to the next (a wrapped regimen)."""
    out: list[Line] = []
    pos = start
    for raw in doc.document.text[start:end].splitlines(keepends=True):
        if raw.strip():
            mapped = normalize(raw, base=pos)
            line = Line(pos, raw, doc.finder.find(mapped))
            if out and re.search(r"(?:\+|\bplus)\s*$", out[-1].text):
                prev = out.pop()
                line = Line(prev.start, doc.document.text[prev.start:pos + len(raw)], prev.mentions + line.mentions)
            out.append(line)
        pos += len(raw)
    return out


def _is_drug(doc: AnalysedDocument, m: Mention) -> bool:
    return doc.vocabulary[m.key].has_type(*DRUG)


def _agent_prefix(doc: AnalysedDocument, line: Line) -> list[Mention]:
    """The drug mentions an agent cell starts with ("A + B" at the start of the line)."""
    text, group = doc.document.text, []
    first_text = line.text.lstrip()
    for m in line.mentions:
        if not group:
            if not (_is_drug(doc, m) and m.start == line.start + len(line.text) - len(first_text)):
                return []
            group.append(m)
        elif _is_drug(doc, m) and GLUE_RE.match(text[group[-1].end:m.start]):
            group.append(m)
        else:
            break
    return group


def _agent_only(doc: AnalysedDocument, line: Line) -> bool:
    group = _agent_prefix(doc, line)
    return bool(group) and not doc.document.text[group[-1].end:line.start + len(line.text)].strip(" +\n\r\t")


def _is_line_heading(doc: AnalysedDocument, line: Line) -> str | None:
    kinds = [m for m in line.mentions if doc.vocabulary[m.key].has_type("LineOfTherapy")]
    if len(line.mentions) == 1 and kinds and len(line.text.strip()) <= len(kinds[0].surface) + 12:
        return kinds[0].key
    return None


def _rows(doc: AnalysedDocument, lines: list[Line]) -> list[Row]:
    rows: list[Row] = []
    current_line: str | None = None
    for line in lines:
        heading = _is_line_heading(doc, line)
        if heading:
            current_line = heading
            continue
        if _agent_prefix(doc, line):
            stacking = rows and rows[-1].lines and all(_agent_only(doc, x) for x in rows[-1].lines)
            if not (stacking and _agent_only(doc, line)):
                rows.append(Row(current_line))
        if rows:
            rows[-1].lines.append(line)
    return rows


@dataclass
class Cell:
    """An approval table cell: its agent mentions and the spans of its mechanism and indication."""

    agent: list[Mention]
    mechanism: tuple[int, int]
    indication: tuple[int, int]


def _cells(doc: AnalysedDocument, row: Row) -> list[Cell]:
    """Split a row into (agent, mechanism span, indication span) per agent."""
    stacked = [x for x in row.lines if _agent_only(doc, x)]
    if len(stacked) >= 2 and len(row.lines) >= 3 * len(stacked):
        k = len(stacked)
        rest = row.lines[k:]
        return [Cell(_agent_prefix(doc, stacked[i]), _span(rest[i]), _span(rest[k + i])) for i in range(k)]
    agent = _agent_prefix(doc, row.lines[0])
    start, end = agent[-1].end, row.lines[-1].start + len(row.lines[-1].text)
    split = INDICATION_START.search(doc.document.text, start, end)
    middle = split.start() if split else end
    return [Cell(agent, (start, middle), (middle, end))]


def _span(line: Line) -> tuple[int, int]:
    return line.start, line.start + len(line.text.rstrip())


@EXTRACTORS.register("table-approvals")
def approval_tables(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Approvals from a table whose caption names an agency and an approval, cell by cell; else, or where those cells
    give no approval, from a table whose caption says its agents are approved, row by row (:mod:`.approved_rows`)."""
    for block in doc.blocks:
        if block.kind != "table":
            continue
        read = list(_agency_table(doc, block.start, block.end))
        yield from read
        if not any(a.predicate == "approvedFor" for a in read):
            yield from approved_rows(doc, block.start, block.end)


def _agency_table(doc: AnalysedDocument, start: int, end: int) -> Iterable[Assertion]:
    lines = _table_lines(doc, start, end)
    if not lines:
        return
    caption = lines[0]
    agencies = [m for m in caption.mentions if doc.vocabulary[m.key].has_type("RegulatoryAgency")]
    if not (agencies and APPROVAL_CUE.search(caption.text)):
        return
    diseases = [m.key for m in caption.mentions if doc.vocabulary[m.key].has_type("Disease")]
    disease = diseases[0] if diseases else doc.main_disease
    for row in _rows(doc, lines[1:]):
        for cell in _cells(doc, row):
            yield from _cell_assertions(doc, cell, row, agencies[0].key, disease)


def _cell_assertions(doc: AnalysedDocument, cell: Cell, row: Row, agency: str,
                     disease: str | None) -> Iterable[Assertion]:
    agent_keys = [m.key for m in cell.agent]
    agent = agent_key(agent_keys)
    if agent != agent_keys[0]:
        ev = doc.evidence(cell.agent[0].start, cell.agent[-1].end, "table-agent")
        yield from (Assertion(agent, "hasComponent", k, evidence=(ev,)) for k in agent_keys)
    yield from _mechanisms(doc, cell)
    if disease and row.line_of_therapy:
        yield _approval(doc, cell, agent, agency, row.line_of_therapy, disease)


def _mechanisms(doc: AnalysedDocument, cell: Cell) -> Iterable[Assertion]:
    text = doc.document.text
    start, end = cell.mechanism
    parts = [(start, end)]
    if len(cell.agent) > 1:
        cuts = [m.start() + start for m in re.finditer(r"\+", text[start:end])]
        bounds = [start] + [c + 1 for c in cuts] + [end]
        parts = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
        if len(parts) != len(cell.agent):
            return
    for drug, (s, e) in zip(cell.agent if len(cell.agent) > 1 else cell.agent[:1], parts):
        for target in doc.mentions_in(s, e):
            if not (doc.vocabulary.is_target(target.key) or doc.vocabulary[target.key].has_type("Pathway")):
                continue
            predicate = action_predicate(doc, drug.key, target.key)
            ev = doc.evidence(min(drug.start, target.start), max(drug.end, target.end), "table-mechanism")
            yield Assertion(drug.key, predicate, target.key, evidence=(ev,))


def _approval(doc: AnalysedDocument, cell: Cell, agent: str, agency: str, line: str, disease: str) -> Assertion:
    text = doc.document.text
    s, e = cell.indication
    indication = flatten(normalize(text[s:e])).text
    attributes: list[tuple[str, object]] = []
    mode = MODE_RE.search(indication)
    if mode:
        attributes.append(("therapy_mode", mode.group(1).lower()))
    if TREATMENT_NAIVE_RE.search(indication):
        attributes.append(("prior_systemic_therapy", False))
    for m in doc.mentions_in(*cell.indication):
        entity = doc.vocabulary[m.key]
        if entity.has_type(*DRUG) and re.match(r"-?\s*experienced", text[m.end:m.end + 14]):
            attributes.append(("prior_therapy", m.key))
        if entity.has_type("Biomarker"):
            threshold = parse_threshold(text[m.end:e])
            if threshold:
                attributes += [("biomarker", m.key), ("biomarker_comparator", threshold.comparator),
                               ("biomarker_threshold", threshold.value), ("biomarker_unit", threshold.unit)]
    ev = doc.evidence(cell.agent[0].start, e, "table-approval")
    return Assertion(agent, "approvedFor", disease, (("agency", agency), ("line", line)),
                     tuple(attributes), (ev,))
