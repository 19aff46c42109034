"""Markdown comparison tables: ``| EXPERIMENTAL | CONTROL | PATIENTS | EFFICACY | ... |``.

Each data row is one comparison.  EXPERIMENTAL names one arm (every drug, cell therapy or
procedure in the cell together); CONTROL names zero (``/``), one or several arms
(``A vs. B``); PATIENTS gives the arm sizes in the same order (``120 vs. 60``); EFFICACY
gives endpoint values per arm (``mOS: 12.5 vs. 9.0 months``, ``OS (at 6 months): 51.0%
vs. 40.5%``) or, for a single arm, per line-of-therapy setting (``40.1% (first line) vs.
30.2% (second line)``).  Header and separator rows are skipped because their PATIENTS
cell holds no counts.

The rows carry no trial name, so the trial is keyed by the comparison itself
(experimental agent versus control agents): the same comparison read in another document
is the same node.  A cell offering alternatives (``A/B``) is read as its first alternative.

>>> [c.text for c in cells("| Foonib | / | 12 | ORR: 3% | x |", 0)]
['Foonib', '/', '12', 'ORR: 3%', 'x']
>>> c = parse_efficacy("OS (at 6 months): 51.0% vs. 40.5%")[0]
>>> (c.endpoint, c.timepoint, [v.text for v in c.values], c.unit)
('OS', '6-month', ['51.0', '40.5'], '%')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..keys import agent_key, comparison_trial_key, is_regimen_key, regimen_components
from ..model import Assertion
from .analysis import AnalysedDocument
from .registry import EXTRACTORS
from .sentences import DRUG
from .arm_facts import arm_facts, arm_key, measurement
from .trials import VALUE_RE

NAME = "table-markdown-trials"
ARM_TYPES = (*DRUG, "Procedure")
NO_CONTROL_RE = re.compile(r"^\s*(?:/|-|—|None|none|NA|N/A)?\s*$")
VS_RE = re.compile(r"\s*\bvs\b\.?\s*", re.IGNORECASE)
PATIENTS_RE = re.compile(r"^\s*\d+(?:\s*\bvs\b\.?\s*\d+)*\s*$", re.IGNORECASE)
# Alternatives inside one arm cell: "A/B", "A or B".
ALTERNATIVE_RE = re.compile(r"\s*/\s*|\s+or\s+", re.IGNORECASE)
CLAUSE_RE = re.compile(
    r"^\s*(?P<endpoint>[A-Za-z][A-Za-z -]*?)\s*"
    r"(?:\(\s*at\s+(?P<n>\d+)\s*-?\s*(?P<period>month|week|year)s?\s*\))?\s*:\s*(?P<values>.+?)\s*$",
    re.IGNORECASE)
VALUE_NOTE_RE = re.compile(r"(?P<value>" + VALUE_RE.pattern + r")(?:\s*\((?P<note>[^)]*)\))?")


@dataclass(frozen=True)
class Cell:
    """One cell of a Markdown table row: its stripped text and the text's offsets."""

    text: str  # stripped cell text
    start: int  # original offsets of the stripped text
    end: int


@dataclass(frozen=True)
class Value:
    """One value in an efficacy cell: its text, whether it is a percentage, and its note."""

    text: str
    percent: bool
    note: str


@dataclass(frozen=True)
class Clause:
    """One endpoint's values in an efficacy cell, with its timepoint and unit."""

    endpoint: str
    timepoint: str
    values: list[Value]
    unit: str


def cells(line: str, offset: int) -> list[Cell]:
    """The cells between the pipes of one markdown row (text before the first pipe is ignored)."""
    pipes = [i for i, ch in enumerate(line) if ch == "|"]
    out = []
    for a, b in zip(pipes, pipes[1:]):
        raw = line[a + 1:b]
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        out.append(Cell(text, offset + a + 1 + lead, offset + a + 1 + lead + len(text)))
    return out


def parse_efficacy(text: str) -> list[Clause]:
    """Every ``ENDPOINT [(at N months)]: v1 vs. v2 [unit]`` clause of an efficacy cell."""
    out = []
    for part in text.split(";"):
        m = CLAUSE_RE.match(part)
        if not m:
            continue
        values = [Value(v.group("number"), bool(v.group("percent")), (v.group("note") or "").strip())
                  for v in VALUE_NOTE_RE.finditer(m.group("values"))]
        if not values:
            continue
        timepoint = f"{m.group('n')}-{m.group('period').lower()}" if m.group("n") else ""
        unit = "%" if all(v.percent for v in values) else "months"
        out.append(Clause(m.group("endpoint").strip(), timepoint, values, unit))
    return out


@EXTRACTORS.register(NAME)
def markdown_trial_tables(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Trials from Markdown table rows that give arms, patients and efficacy."""
    text = doc.document.text
    for block in doc.blocks:
        if block.kind != "table" or block.label != "markdown":
            continue
        pos = block.start
        for line in text[block.start:block.end].splitlines(keepends=True):
            row = cells(line.rstrip("\r\n"), pos)
            if len(row) >= 4 and PATIENTS_RE.match(row[2].text):
                start = pos + len(line) - len(line.lstrip())
                yield from _row(doc, row, start, pos + len(line.rstrip()))
            pos += len(line)


def _arm_agent(doc: AnalysedDocument, start: int, end: int) -> tuple[str, list[str]] | None:
    """The agent of one arm cell part: the drugs/procedures of its first alternative."""
    text = doc.document.text[start:end]
    alternative = ALTERNATIVE_RE.search(text)
    if alternative:
        end = start + alternative.start()
    mentions = doc.mentions_in(start, end)
    components = sorted({m.key for m in mentions if doc.vocabulary[m.key].has_type(*ARM_TYPES)})
    if not components:
        if any(doc.vocabulary[m.key].has_type("Placebo") for m in mentions):
            return "placebo", []
        return None
    return agent_key(components), components if len(components) > 1 else []


def agent_label(doc: AnalysedDocument, agent: str) -> str:
    """The agent's vocabulary label; a regimen's component labels in alphabetical order, so the
    same comparison gets the same name whatever order a document lists the drugs in."""
    parts = regimen_components(agent) if is_regimen_key(agent) else [agent]
    labels = [doc.vocabulary[p].label if p in doc.vocabulary else p for p in parts]
    return " + ".join(sorted(labels, key=str.casefold))


def comparison_name(doc: AnalysedDocument, agents: list[str]) -> str:
    """The name of a trial known only by its arms' agents: their labels joined by "vs"."""
    return " vs ".join(agent_label(doc, agent) for agent in agents)


def _split_vs(cell: Cell) -> list[tuple[int, int]]:
    spans, last = [], 0
    for m in VS_RE.finditer(cell.text):
        spans.append((cell.start + last, cell.start + m.start()))
        last = m.end()
    spans.append((cell.start + last, cell.end))
    return spans


def _row(doc: AnalysedDocument, row: list[Cell], start: int, end: int) -> Iterable[Assertion]:
    experimental = _arm_agent(doc, row[0].start, row[0].end)
    if experimental is None:
        return
    controls = []
    if not NO_CONTROL_RE.match(row[1].text):
        controls = [_arm_agent(doc, s, e) for s, e in _split_vs(row[1])]
        if any(c is None for c in controls):
            return
    agents = [experimental, *controls]
    ev = (doc.evidence(start, end, NAME),)
    trial = comparison_trial_key([experimental[0]] + ([c[0] for c in controls] or ["none"]))
    name = comparison_name(doc, [a for a, _ in agents])
    yield Assertion(trial, "isClinicalTrial", "ClinicalTrial", (), (("trial_name", name),), ev)
    arms = [arm_key(trial, agent) for agent, _ in agents]
    sizes = [int(n) for n in re.findall(r"\d+", row[2].text)]
    sized = len(sizes) == len(arms) and len(set(arms)) == len(arms)
    for index, (agent, components) in enumerate(agents):
        yield from arm_facts(trial, agent, ev, components, sizes[index] if sized else None)
    yield Assertion(trial, "testsIntervention", experimental[0], evidence=ev)
    lines_stated: dict[str, None] = {}
    for clause in parse_efficacy(row[3].text):
        endpoint = doc.finder.lookup(clause.endpoint)
        if endpoint is None or not doc.vocabulary[endpoint].has_type("EndpointType"):
            continue
        for arm, value, setting in _assign(doc, arms, clause):
            if setting:
                lines_stated[setting] = None
            context = (("setting_line", setting),) if setting else ()
            yield measurement(arm, endpoint, clause.timepoint, value.text, clause.unit, ev, context=context)
    yield from (Assertion(trial, "forLineOfTherapy", line, evidence=ev) for line in lines_stated)


def _line_of(doc: AnalysedDocument, note: str) -> str | None:
    keys = [m.key for m in doc.finder.find_text(note) if doc.vocabulary[m.key].has_type("LineOfTherapy")]
    return keys[0] if len(set(keys)) == 1 else None


def _assign(doc: AnalysedDocument, arms: list[str], clause: Clause) -> list[tuple[str, Value, str | None]]:
    """(arm, value, line-of-therapy setting) for each value of a clause; [] when they do not line up."""
    lines = [_line_of(doc, v.note) if v.note else None for v in clause.values]
    if len(arms) == 1 and len(clause.values) > 1:
        if all(lines) and len(set(lines)) == len(lines):
            return [(arms[0], v, line) for v, line in zip(clause.values, lines)]
        return []
    if len(clause.values) != len(arms) or any(lines):
        return []
    return [(arm, v, None) for arm, v in zip(arms, clause.values)]
