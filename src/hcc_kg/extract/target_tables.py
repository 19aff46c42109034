"""Tables with a column of targets: each row's drug acts on what its target cell names.

A web page's table copied as text keeps its cells between pipes, with or without the outer ones
("Drug | Target(s) | Indication |" over "Foonib | VEGFR1-3, KIT | HCC |").  The header row names the
columns; a column headed by targets ("Target", "Targets", "Target(s)", "Molecular target", "Target of
action") holds what the row's drug acts on, and the drug is the one the column headed "Drug", "Agent",
"Compound" or "Name" names (else the first column).  A row is read only when its drug cell names one
drug and its target cell nothing but targets and list glue (no words of negation, no hedge: "VEGFR (not
FGFR)" or "possibly MET" is left unread); the relation follows the drug's modality, as in prose.  A combination's
row ("A + B") is read when its target cell is parted the same way, each drug's targets in its place ("PD-L1 + VEGF").
Header and separator rows name no drug, so they are never read as rows.

A drug's own profile may tabulate its targets with no drug column: "Kinase target | IC50 (nM)" under a
title naming one drug ("Foonib: target profile").  Each row's target is then the title's drug's, when
the table measures the drug's activity on each (a column headed by a potency: IC50, Ki, Kd, EC50, %
inhibition) and the title names that drug alone; the evidence runs from the title's name to the row.

>>> split_row("Foonib | VEGFR1-3, KIT | HCC |", 10)
[('Foonib', 10, 16), ('VEGFR1-3, KIT', 19, 32), ('HCC', 35, 38)]
>>> target_column([c for c, _, _ in split_row("| Drug | Target of action | Notes |", 0)])
(0, 1)
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..model import Assertion, Mention
from .analysis import AnalysedDocument
from .registry import EXTRACTORS
from .sentences import DRUG, action_predicate

NAME = "table-target-column"
TARGET_HEADER = re.compile(r"(?:(?:molecular|main|primary|key|known)\s+)?targets?(?:\s*\(s\))?(?:\s+of\s+action)?",
                           re.IGNORECASE)
# ... in a profile's table, the kind of target may come first: "Receptor tyrosine kinase (RTK) target", "Kinase"
KIND_TARGET_HEADER = re.compile(r"(?:[\w-]+\s+){0,4}(?:\([\w-]+\)\s+)?(?:targets?|kinases?)(?:\s*\(s\))?", re.IGNORECASE)
POTENCY_HEADER = re.compile(r"\b(?:IC|EC|GI)\s?(?:50|₅₀)|\bK[id]\b|%\s*inhibition|\binhibition\s*\(%\)", re.IGNORECASE)
DRUG_HEADER = re.compile(r"(?:drugs?|agents?|compounds?|(?:drug|generic|international\s+nonproprietary)\s+names?|names?|INN)",
                         re.IGNORECASE)
# A target cell states what the drug acts on, nothing else: no negation or hedge inside it.
NOT_PLAIN = re.compile(r"\b(?:not|no|none|non|without|except|possibly|probably|may|might|putative|unknown|unclear|"
                       r"weak(?:ly)?|indirect(?:ly)?)\b|\?", re.IGNORECASE)
Cell = tuple[str, int, int]


def split_row(line: str, offset: int) -> list[Cell]:
    """The cells of a pipe-separated row as (stripped text, start, end) in document offsets; an outer pipe
    may be missing at either end (a line with no pipe is no row)."""
    if "|" not in line:
        return []
    bounds = [-1] + [i for i, ch in enumerate(line) if ch == "|"] + [len(line)]
    out: list[Cell] = []
    for a, b in zip(bounds, bounds[1:]):
        raw = line[a + 1:b]
        text = raw.strip()
        if not text and (a == -1 or b == len(line)):
            continue  # the outside of an outer pipe
        start = offset + a + 1 + len(raw) - len(raw.lstrip())
        out.append((text, start, start + len(text)))
    return out


def target_column(header: list[str]) -> tuple[int, int] | None:
    """(drug column, target column) of a header row, None when no column is headed by targets."""
    target = next((i for i, text in enumerate(header) if TARGET_HEADER.fullmatch(text)), None)
    if target is None:
        return None
    drug = next((i for i, text in enumerate(header) if DRUG_HEADER.fullmatch(text)), 0)
    return (drug, target) if drug != target else None


@EXTRACTORS.register(NAME)
def target_table_rows(doc: AnalysedDocument) -> Iterable[Assertion]:
    """What each row of a table with a targets column says its drug acts on."""
    text = doc.document.text
    for block in doc.blocks:
        if block.kind != "table":
            continue
        columns, profiled = None, None
        for cells in _rows(text, block.start, block.end):
            if columns is None and profiled is None:
                columns = target_column([c[0] for c in cells])
                profiled = None if columns else _profile_columns(doc, [c[0] for c in cells])
                if columns is None and profiled is None:
                    break
                continue
            if columns is not None and max(columns) < len(cells):
                yield from _row_facts(doc, cells[columns[0]], cells[columns[1]])
            elif profiled is not None and profiled[1] < len(cells):
                yield from _row_facts(doc, profiled[0], cells[profiled[1]])


def _profile_columns(doc: AnalysedDocument, header: list[str]) -> tuple[Cell, int] | None:
    """(the title's drug as a cell, the target column) of a profile's table of potencies: a column headed by
    targets, one by a potency, no drug column, and a title naming one drug; else None."""
    target = next((i for i, text in enumerate(header) if KIND_TARGET_HEADER.fullmatch(text)), None)
    if target is None or not any(POTENCY_HEADER.search(text) for text in header) \
            or any(DRUG_HEADER.fullmatch(text) for text in header):
        return None
    if doc.title is None:
        return None
    title, start, end = doc.title
    drugs = {m.key for m in doc.mentions_in(start, end) if doc.vocabulary[m.key].has_type(*DRUG)}
    return (doc.title, target) if len(drugs) == 1 and "|" not in title else None


def _rows(text: str, start: int, end: int) -> Iterator[list[Cell]]:
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        cells = split_row(line.rstrip("\r\n"), pos)
        if cells:
            yield cells
        pos += len(line)


# Between the drugs of a combination's cell and, in the same order, their targets: "A + B" over "PD-L1 + VEGF".
PLUS_RE = re.compile(r"\s*(?:\+|\bplus\b)\s*", re.IGNORECASE)


def _row_facts(doc: AnalysedDocument, drug_cell: Cell, target_cell: Cell) -> Iterator[Assertion]:
    _, d_start, d_end = drug_cell
    words, t_start, t_end = target_cell
    drugs = [m for m in doc.mentions_in(d_start, d_end) if doc.vocabulary[m.key].has_type(*DRUG)]
    if NOT_PLAIN.search(words):
        return
    if len({m.key for m in drugs}) > 1:
        yield from _paired_facts(doc, drugs, target_cell)
        return
    if not drugs:
        return
    yield from _acts_on(doc, drugs[0], t_start, t_end)


def _acts_on(doc: AnalysedDocument, drug: Mention, start: int, end: int) -> Iterator[Assertion]:
    """The drug acts on each target named between ``start`` and ``end``, by its modality."""
    for target in doc.mentions_in(start, end):
        if doc.vocabulary.is_target(target.key):
            evidence = doc.evidence(drug.start, target.end, NAME)
            yield Assertion(drug.key, action_predicate(doc, drug.key, target.key), target.key, evidence=(evidence,))


def _paired_facts(doc: AnalysedDocument, drugs: list[Mention], target_cell: Cell) -> Iterator[Assertion]:
    """A combination's row whose target cell names each drug's targets in the drugs' order, parted the same way ("A + B"
    over "PD-L1 + VEGF"): each drug acts on its own part's targets; nothing when the parts do not line up."""
    text = doc.document.text
    words, t_start, t_end = target_cell
    glued = [text[a.end:b.start] for a, b in zip(drugs, drugs[1:])]
    parts = PLUS_RE.split(words)
    if len(parts) != len(drugs) or not all(PLUS_RE.fullmatch(g) for g in glued):
        return
    at = t_start
    for drug, part in zip(drugs, parts):
        start = text.index(part, at)
        at = start + len(part)
        yield from _acts_on(doc, drug, start, at)
