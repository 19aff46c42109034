"""Trials listed one per line in a table pasted as text, each line naming the trial and its comparison.

A web page's table copied as plain text keeps one row per line but loses its cell borders (invented rows)::

    ZETA-7 [12] (n = 420) Zorbanib vs placebo Phase III 10.1 vs 7.7 ...
    2 Zorbanib ± felotinib ORCA Negative ASCO 2019 ...

A line of a table block holding one comparison of arm agents ("A vs B", "A + B vs C", "A ± B": A with B and A
alone) and one name shaped like a trial's (an acronym, perhaps with a number: "ZETA-7", "CALGB 80802") is that
trial with those arms.  A capitalised word followed by a year ("ASCO 2019") is a meeting, no trial.  The trial's
phase is the line's, else the table's caption's; its line of therapy the one the line, or the last row naming
one above it ("Second-line setting"), names.  Rows the segmenter left outside the table (indented lines, say) are
read when the block after it holds nothing but rows.  Values in such rows are left alone: without cell borders the
columns they belong to cannot be told.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..keys import agent_key
from ..model import Assertion, Mention
from .analysis import AnalysedDocument
from .arm_facts import arm_facts
from .comparators import arm_parts
from .prose_arms import ARM_TYPES
from .registry import EXTRACTORS
from .segment import text_lines
from .trial_name_shapes import SECTION_LABELS, STRUCTURE_WORDS
from .trial_names import name_like, phase_of
from .trials import trial_key

NAME = "table-line-trials"
# Between two arms; between two agents of one arm (a dose or a bracket may stand between).
VERSUS_RE = re.compile(r"\s*(?:\[[^\]]*\]\s*)?(?:vs\.?|versus|v\.)\s*", re.IGNORECASE)
ADD_ON_RE = re.compile(r"\s*±\s*")
JOIN_RE = re.compile(r"(?:\s*\([^()]*\))?(?:\s+[\d.,]+\s*(?:mg(?:/kg|/m2)?|µg)(?:\s+[A-Z\d]{1,4})?)?\s*(?:\+|plus\b|and\b|with\b)\s*",
                     re.IGNORECASE)
# A name shaped like a trial's: an acronym, perhaps with a number ("CALGB 80802", "REACH-2", "CheckMate 459").
CANDIDATE_RE = re.compile(r"(?<![\w-])(?P<word>[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z]{2,})"
                          r"(?P<number>[- ]?(?!(?:19|20)\d\d\b)\d+(?![.,]\d)[A-Za-z]?)?(?:-[A-Z]{2,})?"
                          r"(?![\w-])(?!\s*(?:19|20)\d\d\b)")  # (no year: "ASCO 2019" is a meeting)

ROMAN_RE = re.compile(r"I{1,3}V?|VI{0,3}|IV")  # a phase glued to the next cell: "III10.7"


@EXTRACTORS.register(NAME)
def table_line_trials(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Trials, with their arms, from table lines naming a trial and a comparison of its arms."""
    blocks = list(doc.blocks)
    for i, table in enumerate(blocks):
        if table.kind != "table":
            continue
        end = table.end
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if after is not None and after.kind != "table" and _rows_only(doc.document.text, after.start, after.end):
            end = after.end  # the table's rows the segmenter left outside it (indented, say)
        yield from _table_trials(doc, table.start, end)


def _rows_only(text: str, start: int, end: int) -> bool:
    """Is a block made of table rows only: lines that end with no stop and hold no sentence break?"""
    lines = [line.strip() for _, line in text_lines(text[start:end]) if line.strip()]
    return bool(lines) and not any(line.endswith(".") or re.search(r"[a-z]\.\s+[A-Z]", line) for line in lines)


def _table_trials(doc: AnalysedDocument, table_start: int, table_end: int) -> Iterable[Assertion]:
    text = doc.document.text
    caption_phase: str | None = None  # the phase the caption and headers, above the first row, name
    seen_row = False
    line_of_therapy = None  # the last one a line names
    for offset, line in text_lines(text[table_start:table_end]):
        start = table_start + offset
        end = start + len(line.rstrip())
        mentions = doc.mentions_in(start, end)
        lines = {m.key for m in mentions if doc.vocabulary[m.key].has_type("LineOfTherapy")}
        line_of_therapy = lines.pop() if len(lines) == 1 else line_of_therapy
        arms, span = _compared(doc, text, [m for m in mentions if doc.vocabulary[m.key].has_type(*ARM_TYPES)])
        if arms and not seen_row:
            caption_phase, seen_row = phase_of(text[table_start:start]), True
        names = [n for n in _names(doc, text, start, end) if not span[0] <= n[1] < span[1]] if arms else []
        if len({trial_key(n[0]) for n in names}) == 1:
            yield from _trial(doc, names[0][0], arms, (start, end), phase_of(line) or caption_phase, line_of_therapy)


def _compared(doc: AnalysedDocument, text: str, mentions: list[Mention]) -> tuple[list[tuple[str, ...]], tuple[int, int]]:
    """The arms of the line's one comparison (each a tuple of agents) and its span; no arms when it has none."""
    arms: list[list[Mention]] = []
    compared = False
    for m in mentions:
        gap = text[arms[-1][-1].end:m.start] if arms else ""
        if arms and VERSUS_RE.fullmatch(gap):
            arms.append([m])
            compared = True
        elif arms and ADD_ON_RE.fullmatch(gap):
            arms.append([*arms[-1], m])  # "A ± B": A alone, and A with B
            compared = True
        elif arms and JOIN_RE.fullmatch(gap):
            arms[-1].append(m)
        elif compared:
            break  # the comparison ended
        else:
            arms = [[m]]
    if not compared:
        return [], (0, 0)
    keyed = [tuple(arm_parts(doc, (m.key for m in arm))) for arm in arms]
    return list(dict.fromkeys(keyed)), (arms[0][0].start, arms[-1][-1].end)


def _names(doc: AnalysedDocument, text: str, start: int, end: int) -> list[tuple[str, int]]:
    """Trial-shaped names in a line: an acronym (perhaps with a number) that names no entity of the vocabulary."""
    found = []
    for m in CANDIDATE_RE.finditer(text, start, end):
        word, name = m.group("word"), m.group().strip()
        if not (name_like(word) or (m.group("number") and sum(c.isupper() for c in word) >= 2)):
            continue
        if word.upper() in STRUCTURE_WORDS or (word.upper() in SECTION_LABELS and not m.group("number")) \
                or ROMAN_RE.fullmatch(word) or doc.finder.lookup(name) is not None \
                or doc.finder.lookup(word) is not None or name.startswith("NCT"):
            continue
        found.append((name, m.start()))
    return found


def _trial(doc: AnalysedDocument, name: str, arms: list[tuple[str, ...]], span: tuple[int, int], phase: str | None,
           line_of_therapy: str | None) -> Iterable[Assertion]:
    trial = trial_key(name)
    ev = (doc.evidence(*span, NAME),)
    attributes = (("trial_name", name),) + ((("phase", phase),) if phase else ())
    yield Assertion(trial, "isClinicalTrial", "ClinicalTrial", (), attributes, ev)
    if line_of_therapy is not None:
        yield Assertion(trial, "forLineOfTherapy", line_of_therapy, evidence=ev)
    for parts in arms:
        yield from arm_facts(trial, agent_key(list(parts)), ev, parts if len(parts) > 1 else ())
    yield Assertion(trial, "testsIntervention", agent_key(list(arms[0])), evidence=ev)
