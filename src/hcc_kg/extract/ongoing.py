"""Ongoing-trial tables: one registered trial per row, identified by its NCT number.

A row reads ``DRUGS PHASE PATIENTS SETTING STATUS NCT``, where DRUGS names the drugs
combined in the trial (``Foonib Barmab`` in two columns, or ``Foonib + Barmab``), PHASE is
a roman numeral or a pair (``I/II``), PATIENTS the planned enrolment, SETTING free text
(only the diseases and lines of therapy it names are kept) and STATUS a registry status.
PDF conversion wraps cells over several lines and may put blank lines inside a row, so a
row runs from a line that starts with a drug to the line carrying its NCT number.

The trial gets one arm: the regimen of every drug the row names (a cell offering
alternatives, ``A/B``, is read as naming both).

>>> m = ROW_RE.match("Foonib Barmab I/II 40 Advanced HCC Active, not recruiting NCT01234567")
>>> (m.group("drugs"), m.group("phase"), m.group("patients"), m.group("status"), m.group("nct"))
('Foonib Barmab', 'I/II', '40', 'Active, not recruiting', 'NCT01234567')
"""

from __future__ import annotations

import re
from typing import Iterable

from ..keys import agent_key
from ..model import Assertion, Mention
from .analysis import AnalysedDocument
from .normalize import MappedText, flatten, from_pieces, normalize
from .registry import EXTRACTORS
from .sentences import DRUG
from .arm_facts import arm_facts
from .trial_name_shapes import NCT_RE
from .trials import trial_key

NAME = "table-ongoing-trials"
PHASE = r"(?:IV|I{1,3})(?:\s*/\s*(?:IV|I{1,3}))?"
#: ClinicalTrials.gov overall-status values (longest first, so "Not yet recruiting" beats "Recruiting").
STATUSES = ("Active, not recruiting", "Enrolling by invitation", "Not yet recruiting", "Unknown status",
            "Recruiting", "Completed", "Suspended", "Terminated", "Withdrawn")
_STATUS = "|".join(r"\s+".join(re.escape(w) for w in s.split()) for s in STATUSES)
ROW_RE = re.compile(rf"^\s*(?P<drugs>\S.*?)\s+(?P<phase>{PHASE})\s+(?P<patients>\d+)\s+(?P<setting>\S.*?)\s+"
                    rf"(?P<status>{_STATUS})\s+(?P<nct>NCT\d{{8}})\s*$", re.IGNORECASE)
#: Words introducing who is enrolled rather than what is treated ("… in patients with X").
POPULATION_CUE_RE = re.compile(r"\b(?:patients|people|persons|subjects|participants|individuals|adults|children)"
                               r"(?:\s+(?:living|infected|co-?infected|diagnosed))?\s+with\b", re.IGNORECASE)
# What may stand between the drugs of the drugs cell.
_DRUG_GLUE_RE = re.compile(r"^(?:[\s+/,&]|\band\b|\bplus\b|\bwith\b)*$", re.IGNORECASE)


@EXTRACTORS.register(NAME)
def ongoing_trial_tables(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Ongoing trials from registry-style table records (NCT number, phase, status, enrolment)."""
    for block in doc.blocks:
        if block.kind != "table":
            continue
        for pieces in _records(doc, block.start, block.end):
            yield from _row(doc, pieces)


def _records(doc: AnalysedDocument, start: int, end: int) -> Iterable[list[tuple[int, str]]]:
    """Groups of (offset, line) from a line starting with a drug to a line holding an NCT number."""
    text = doc.document.text
    pos = start
    current: list[tuple[int, str]] = []
    for line in text[start:end].splitlines(keepends=True):
        offset, pos = pos, pos + len(line)
        if not current and not _starts_with_drug(doc, offset, line):
            continue
        current.append((offset, line))
        if NCT_RE.search(line):
            yield current
            current = []


def _starts_with_drug(doc: AnalysedDocument, offset: int, line: str) -> bool:
    stripped = line.lstrip()
    if not stripped.strip():
        return False
    mentions = doc.finder.find(normalize(line.rstrip("\r\n"), base=offset))
    first = offset + len(line) - len(stripped)
    return bool(mentions) and mentions[0].start == first and doc.vocabulary[mentions[0].key].has_type(*DRUG)


def _span(pieces: list[tuple[int, str]]) -> tuple[int, int]:
    first_offset, first = pieces[0]
    last_offset, last = pieces[-1]
    return first_offset + len(first) - len(first.lstrip()), last_offset + len(last.rstrip())


def _mentions(doc: AnalysedDocument, mapped: MappedText, start: int, end: int) -> list[Mention]:
    return doc.finder.find(mapped.slice(start, end))


def _row(doc: AnalysedDocument, pieces: list[tuple[int, str]]) -> Iterable[Assertion]:
    mapped = flatten(normalize(from_pieces(pieces)))
    row = ROW_RE.match(mapped.text)
    if row is None:
        return
    drugs = _mentions(doc, mapped, row.start("drugs"), row.end("drugs"))
    if not drugs or not all(doc.vocabulary[m.key].has_type(*DRUG) for m in drugs):
        return
    text = doc.document.text
    gaps = [text[a.end:b.start] for a, b in zip(drugs, drugs[1:])]
    if not all(_DRUG_GLUE_RE.match(g) for g in gaps):
        return
    components = sorted({m.key for m in drugs})
    agent = agent_key(components)
    start, end = _span(pieces)
    ev = (doc.evidence(start, end, NAME),)
    nct = row.group("nct")
    trial = trial_key(nct)
    attributes = (("nct_id", nct), ("phase", re.sub(r"\s+", "", row.group("phase"))),
                  ("status", " ".join(row.group("status").split())), ("enrolment", int(row.group("patients"))))
    yield Assertion(trial, "isClinicalTrial", "ClinicalTrial", (), attributes, ev)
    yield from arm_facts(trial, agent, ev, components if len(components) > 1 else ())
    yield Assertion(trial, "testsIntervention", agent, evidence=ev)
    setting = _mentions(doc, mapped, row.start("setting"), row.end("setting"))
    treated = _treated_conditions(text, [m for m in setting if doc.vocabulary[m.key].has_type("Disease")])
    for key in dict.fromkeys(m.key for m in setting):
        entity = doc.vocabulary[key]
        if entity.has_type("Disease") and key in treated:
            yield Assertion(trial, "studiesCondition", key, evidence=ev)
        elif entity.has_type("LineOfTherapy"):
            yield Assertion(trial, "forLineOfTherapy", key, evidence=ev)


def _treated_conditions(text: str, diseases: list[Mention]) -> set[str]:
    """Keys of the diseases the trial treats: not those that only describe who is enrolled.

    In "Foo tumours in patients with Bar" Bar is a characteristic of the population, not
    the condition under study; a disease after a population cue counts only when no
    disease came before it ("Patients with Foo" studies Foo).

    >>> from hcc_kg.model import Mention
    >>> text = "Foo tumours in patients with Bar"
    >>> foo, bar = Mention(0, 3, "foo", "Foo"), Mention(29, 32, "bar", "Bar")
    >>> sorted(_treated_conditions(text, [foo, bar])), sorted(_treated_conditions(text, [bar]))
    (['foo'], ['bar'])
    """
    if not diseases:
        return set()
    first = diseases[0]
    return {first.key} | {m.key for m in diseases[1:] if not POPULATION_CUE_RE.search(text[first.end:m.start])}
