"""Trials listed one per row in a review's table of trials, the row opening with the trial's name.

A row reads ``NAME [ref] NCT PHASE REGIMEN SIZE STATUS ...`` (invented example)::

    ZETA-301a [12] NCT01234567 III Zorbanib 200 mg iv q3w 674 Recruiting OS ORR, PFS
    Felotinib (800 mg/day)

The first regimen is one arm; each line below the row that opens with a drug, up to the next row, is
another arm of the same trial (the converter puts the comparator's cell on a line of its own).  In a
regimen cell, "A plus B" (doses between) is one regimen, and "A plus a matching placebo" is A's arm;
"A or B" is one arm, the treatment of the physician's choice; "A ... followed by A" is A's arm.  A
footnote letter glued to the name's number ("ZETA-301a") is no part of the name.  The enrolment a
registry plans is no arm size, so none is read.  The trial's line is the one the table's caption or
rows name, when they name one only.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..keys import agent_key
from ..model import Assertion
from .analysis import AnalysedDocument
from .arm_facts import arm_facts
from .comparators import CHOICE_NAME, arm_parts
from .ongoing import STATUSES
from .registry import EXTRACTORS
from .sentences import DRUG
from .trials import trial_key

NAME = "table-trial-rows"
_STATUS = "|".join(r"\s+".join(re.escape(w) for w in s.split()) for s in STATUSES)
ROW_RE = re.compile(rf"^\s*(?P<name>[A-Z][\w-]*(?:\s+[\w-]+){{0,2}}?)\s+(?:\[[\d,\s–-]+\]\s+)?(?P<nct>NCT\d{{8}})\s+"
                    r"(?P<phase>(?:IV|I{1,3})(?:\s*/\s*(?:IV|I{1,3}))?)\s+(?P<regimen>\S.*?)\s+(?P<size>\d{2,5})\s+"
                    rf"(?P<status>{_STATUS})\b", re.IGNORECASE)
# A footnote letter glued to the name's number: "ZETA-301a".
FOOTNOTE_RE = re.compile(r"(?<=\d)[a-z]$")
# What joins two drugs of one regimen cell, doses and schedules aside.
PLUS_RE = re.compile(r"\b(?:plus|with|and|followed\s+by)\b|\+", re.IGNORECASE)
OR_RE = re.compile(r"\bor\b", re.IGNORECASE)
# A parenthesis (a dose, "12 mg/day or 8 mg/day") is read as nothing between drugs.
BRACKET_RE = re.compile(r"\([^()]*\)")
LINE_CAPTION_RE = re.compile(r"\b(?P<line>first|second)[- ]line\b", re.IGNORECASE)


@EXTRACTORS.register(NAME)
def trial_table_rows(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Trials, with their arms, from table rows that open with the trial's name and registry number."""
    for block in doc.blocks:
        if block.kind != "table":
            continue
        rows = list(_rows(doc.document.text, block.start, block.end))
        line = _line(doc, doc.document.text[max(0, block.start - 300):block.end])
        for row, start, end, arms in rows:
            yield from _trial(doc, row, start, end, arms, line)


def _rows(text: str, start: int, end: int) -> Iterable[tuple[re.Match, int, int, list[tuple[int, int]]]]:
    """Each row: its match, its span, and the spans of the regimen cells (the row's, then those below it)."""
    current: list = []
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        offset, pos = pos, pos + len(line)
        row = ROW_RE.match(line)
        if row:
            if current:
                yield tuple(current[:3]) + (current[3],)
            current = [row, offset, offset + len(line.rstrip()), [(offset + row.start("regimen"), offset + row.end("regimen"))]]
        elif current and line.strip():
            current[3].append((offset, offset + len(line.rstrip())))
            current[2] = offset + len(line.rstrip())
        elif current:
            yield tuple(current[:3]) + (current[3],)
            current = []
    if current:
        yield tuple(current[:3]) + (current[3],)


def _line(doc: AnalysedDocument, text: str) -> str | None:
    """The line of therapy the table's caption and rows name, when they name one only."""
    lines = {m.group("line").lower() for m in LINE_CAPTION_RE.finditer(text)}
    if len(lines) != 1:
        return None
    key = doc.finder.lookup(f"{lines.pop()}-line")
    return key if key is not None and doc.vocabulary[key].has_type("LineOfTherapy") else None


def _trial(doc: AnalysedDocument, row: re.Match, start: int, end: int, cells: list[tuple[int, int]],
           line: str | None) -> Iterable[Assertion]:
    agents = [agent for s, e in cells if (agent := _cell_agent(doc, s, e)) is not None]
    if not agents:
        return
    name = FOOTNOTE_RE.sub("", row.group("name").strip())
    trial = trial_key(name)
    ev = (doc.evidence(start, end, NAME),)
    attributes = (("trial_name", name), ("nct_id", row.group("nct")),
                  ("phase", re.sub(r"\s+", "", row.group("phase"))), ("status", " ".join(row.group("status").split())))
    yield Assertion(trial, "isClinicalTrial", "ClinicalTrial", (), attributes, ev)
    if line is not None:
        yield Assertion(trial, "forLineOfTherapy", line, evidence=ev)
    for key, components in dict.fromkeys(agents):
        yield from arm_facts(trial, key, ev, components if len(components) > 1 else ())
    yield Assertion(trial, "testsIntervention", agents[0][0], evidence=ev)


def _cell_agent(doc: AnalysedDocument, start: int, end: int) -> tuple[str, tuple[str, ...]] | None:
    """The arm a regimen cell names: one regimen of its drugs joined by "plus", the physician's choice for
    drugs offered by "or"; None for a cell that opens with no drug or joins its drugs otherwise."""
    mentions = [m for m in doc.mentions_in(start, end) if doc.vocabulary[m.key].has_type(*DRUG, "Placebo")]
    if not mentions or not doc.document.text[start:end].lstrip().startswith(mentions[0].surface):
        return None
    text = doc.document.text
    gaps = [BRACKET_RE.sub(" ", text[a.end:b.start]) for a, b in zip(mentions, mentions[1:])]
    keys = tuple(sorted({m.key for m in mentions}))
    if gaps and all(OR_RE.search(g) and not PLUS_RE.search(g) for g in gaps):
        choice = doc.finder.lookup(CHOICE_NAME)
        return (choice, ()) if choice is not None and len(keys) > 1 else None
    if any(not PLUS_RE.search(g) for g in gaps):
        return None
    keys = arm_parts(doc, keys)  # placebo given with drugs is their arm: a regimen never has a placebo as a part
    return agent_key(list(keys)), keys
