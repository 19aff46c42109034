"""Potency tables: targets down, drugs across, a potency (IC50, Ki, Kd) in each cell.

A profile or review tabulates what several drugs inhibit under a caption naming the measure ("Inhibition of kinases
by multikinase inhibitors (IC50, nM)"), a header naming the drugs ("Kinase | A | B | C", or, copied without cell
borders, "Kinase A B C") and one row per target ("T | 28 | 22 | -", "T 28 22 -").  A cell holding a number says
that its column's drug acts on its row's target; a dash, a blank or "NA" says nothing; a bound above ("> 1000",
"≥10 µM") says the drug did not reach the target at the highest concentration tried, and is not read as an action.
A row is read only when its label names one target and it holds exactly one cell per header column; the table ends
at the first line that is no such row.

>>> cells("BRAF V600E 19 38 - - >1000")
('BRAF V600E', ['19', '38', '-', '-', '>1000'])
>>> cells("| C-KIT | 7 | 68 | - |")
('C-KIT', ['7', '68', '-'])
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..model import Assertion, Mention
from .analysis import AnalysedDocument
from .registry import EXTRACTORS
from .segment import text_lines
from .sentences import DRUG, action_predicate

NAME = "table-potency-matrix"
#: The measure a caption names: an inhibitory or binding constant, or an inhibition in per cent.
POTENCY_RE = re.compile(r"\b(?:IC|EC|GI)\s?(?:50|₅₀)|\bK[id]\b|\binhibitory\s+concentrations?\b|%\s*inhibition|"
                        r"\binhibition\s*\(%\)", re.IGNORECASE)
#: One cell's value: a number (a bound before it), or nothing measured.
VALUE = r"(?:[<>≤≥~]\s?)?\d[\d,]*(?:\.\d+)?|[-–—]|N/?A|n\.?d\.?|ND|NT"
VALUE_RE = re.compile(rf"(?:{VALUE})", re.IGNORECASE)
NUMBER_RE = re.compile(r"(?:[<≤~]\s?)?\d[\d,]*(?:\.\d+)?")  # a measured potency ("<1" too), not a bound above
# A header cell's name with its footnote marks glued on: "Regorafenib2,3b" (references 2 and 3, note b).
NAME_BEFORE_MARKS_RE = re.compile(r"\s*(?P<name>[A-Za-z][A-Za-z-]*[A-Za-z])(?:\d[\d,]*[a-z]?|[a-z]?)\s*$")
SEPARATOR_RE = re.compile(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?)?\s*")  # a pipe table's "| --- | --- |"
MAX_ROWS = 40
LOOK_AHEAD = 3  # lines from the caption to the header


def cells(line: str) -> tuple[str, list[str]]:
    """A row's label and its value cells (trailing values), split at pipes or, without them, at spaces."""
    if "|" in line:
        parts = [p.strip() for p in line.strip().strip("|").split("|")]
        values = []
        while parts and VALUE_RE.fullmatch(parts[-1] or "-"):
            values.insert(0, parts.pop())
        return " ".join(parts), values
    tokens = line.split()
    values = []
    while tokens and VALUE_RE.fullmatch(tokens[-1]):
        values.insert(0, tokens.pop())
    return " ".join(tokens), values


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text``, its line break left out."""
    return [(start, start + len(line.rstrip("\r\n"))) for start, line in text_lines(text)]


@EXTRACTORS.register(NAME)
def potency_matrices(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Each drug's action on each target a potency table gives it a measured value for."""
    text = doc.document.text
    if not POTENCY_RE.search(text):
        return
    lines = _lines(text)
    for i, (start, end) in enumerate(lines):
        if POTENCY_RE.search(text, start, end):
            yield from _table(doc, lines, i)


def _table(doc: AnalysedDocument, lines: list[tuple[int, int]], caption: int) -> Iterator[Assertion]:
    """The facts of the table whose header follows the caption line (within a few lines), if any."""
    text = doc.document.text
    ahead = [j for j in range(caption, min(len(lines), caption + LOOK_AHEAD + 1)) if text[slice(*lines[j])].strip()]
    for h in ahead:
        rows = _rows(text, lines, h + 1)
        if not rows:
            continue
        columns = _columns(doc, *lines[h], len(rows[0][2]))
        if sum(c is not None for c in columns) >= 2:
            yield from _facts(doc, columns, rows)
            return


def _rows(text: str, lines: list[tuple[int, int]], first: int) -> list[tuple[int, int, list[str]]]:
    """The rows from line ``first`` on: (start, end, values), all with as many values (two or more), blank lines
    skipped; none unless two rows."""
    rows: list[tuple[int, int, list[str]]] = []
    for start, end in lines[first:first + MAX_ROWS]:
        line = text[start:end]
        if not line.strip() or SEPARATOR_RE.fullmatch(line):
            continue
        label, values = cells(line)
        if not label or len(values) < 2 or (rows and len(values) != len(rows[0][2])):
            break
        rows.append((start, end, values))
    return rows if len(rows) >= 2 else []


def _columns(doc: AnalysedDocument, start: int, end: int, count: int) -> list[Mention | None]:
    """The drug each of the header's last ``count`` cells names (None for a cell naming none, or several)."""
    spans = _cell_spans(doc.document.text[start:end])
    if len(spans) <= count:
        return []
    return [_cell_drug(doc, start + s, start + e) for s, e in spans[-count:]]


def _cell_spans(line: str) -> list[tuple[int, int]]:
    """Where each cell of a row lies in it: between pipes, else each run of non-spaces."""
    if "|" in line:
        return [m.span() for m in re.finditer(r"[^|]+", line) if m.group().strip()]
    return [m.span() for m in re.finditer(r"\S+", line)]


def _cell_drug(doc: AnalysedDocument, start: int, end: int) -> Mention | None:
    """The one drug a header cell names, its footnote marks glued on or not ("Regorafenib2,3b", "Sorafenib4b")."""
    found = {m.key: m for m in doc.mentions_in(start, end) if doc.vocabulary[m.key].has_type(*DRUG)}
    if not found and (name := NAME_BEFORE_MARKS_RE.match(doc.document.text, start, end)):
        key = doc.finder.lookup(name.group("name"))
        if key is not None and doc.vocabulary[key].has_type(*DRUG):
            found = {key: Mention(name.start("name"), name.end("name"), key, name.group("name"))}
    return next(iter(found.values())) if len(found) == 1 else None


def _facts(doc: AnalysedDocument, columns: list[Mention | None], rows: list[tuple[int, int, list[str]]]) -> Iterator[Assertion]:
    for start, end, values in rows:
        label_end = start + _cell_spans(doc.document.text[start:end])[-len(values)][0]  # where the first value's cell starts
        targets = {m.key: m for m in doc.mentions_in(start, max(start, label_end)) if doc.vocabulary.is_target(m.key)}
        if len(targets) != 1:
            continue
        target = next(iter(targets))
        for drug, value in zip(columns, values):
            if drug is not None and NUMBER_RE.fullmatch(value):
                evidence = doc.evidence(drug.start, end, NAME)
                yield Assertion(drug.key, action_predicate(doc, drug.key, target), target, evidence=(evidence,))
