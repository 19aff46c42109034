"""Completed-trial tables: one row per trial, with arms, endpoint values, hazard ratio and CI.

A row reads ``YEAR TRIAL LINE AGENT CONTROL OUTCOMES``, where TRIAL is an acronym or an
NCT number, CONTROL is a drug, placebo or ``None`` (a single-arm trial), and OUTCOMES is
a ``;``-separated list such as ``OS: 10.7 vs. 7.9 (0.69; 0.55-0.87)``,
``6-month PFS rate: 32%``, ``TTP: 2`` or ``ORR: ~ 17%``.  Values keep their printed text
next to the exact Decimal; a percentage is a rate, a bare number a median in months.

>>> [o.endpoint for o in parse_outcomes("ORR: 0%; DCR: 56.3%")]
['ORR', 'DCR']
>>> o = parse_outcomes("OS: 10.7 vs. 7.9 (0.69; 0.55-0.87)")[0]
>>> (o.values, o.hazard_ratio, o.ci)
(['10.7', '7.9'], '0.69', ('0.55', '0.87'))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from ..keys import agent_key
from ..model import Assertion, Mention
from .analysis import AnalysedDocument
from .arm_facts import arm_facts, arm_key, measurement
from .normalize import normalize
from .registry import EXTRACTORS
from .sentences import COMBINATION_GLUE, DRUG

# The trial name may have up to three words; the split is the one whose next word is a line of therapy.
ROW_RES = [re.compile(rf"^(?P<year>(?:19|20)\d\d)\s+(?P<trial>\S+(?:\s\S+){{{n}}})\s+(?P<line>[A-Za-z-]+)\s+(?P<rest>\S.*)$")
           for n in range(3)]
OUTCOME_RE = re.compile(
    r"(?:(?P<timepoint>\d+-(?:month|week|year))\s+)?(?P<endpoint>[A-Za-z][A-Za-z ]*?)(?:\s+rate)?:\s*"
    r"(?P<values>[^;()]*?)\s*(?:\((?P<hr>\d+(?:\.\d+)?);\s*(?P<ci>NA|\d+(?:\.\d+)?\s*-\s*\d+(?:\.\d+)?)\))?\s*(?:;|$)")
VALUE_RE = re.compile(r"(?P<approx>~\s*)?(?P<number>\d+(?:\.\d+)?)\s*(?P<percent>%)?")
NO_CONTROL = "None"


@dataclass(frozen=True)
class Outcome:
    """One endpoint's values in a trial table cell, with hazard ratio, CI and offsets."""

    endpoint: str
    timepoint: str
    values: list[str]
    percent: bool
    approximate: bool
    hazard_ratio: str | None
    ci: tuple[str, str] | None
    start: int  # offsets of this outcome within the parsed text
    end: int


def parse_outcomes(text: str) -> list[Outcome]:
    """Every ``ENDPOINT: values (HR; CI)`` clause in an outcomes cell (dashes already unified)."""
    out = []
    for m in OUTCOME_RE.finditer(text):
        values = [v for v in VALUE_RE.finditer(m.group("values"))]
        if not values:
            continue
        ci = None
        if m.group("ci") and m.group("ci") != "NA":
            low, high = re.split(r"\s*-\s*", m.group("ci"))
            ci = (low, high)
        out.append(Outcome(m.group("endpoint").strip(), m.group("timepoint") or "",
                           [v.group("number") for v in values], any(v.group("percent") for v in values),
                           any(v.group("approx") for v in values), m.group("hr"), ci, m.start(), m.end()))
    return out


def name_attribute(name: str) -> tuple[str, str]:
    """The attribute a trial's name is recorded under: its registry number's or its name's.

    >>> name_attribute("NCT01234567"), name_attribute("ZETA-7")
    (('nct_id', 'NCT01234567'), ('trial_name', 'ZETA-7'))
    """
    return ("nct_id" if re.fullmatch(r"NCT\d{8}", name) else "trial_name", name)


def trial_key(name: str) -> str:
    """One key for every spelling of a trial name (CheckMate-040 = Checkmate 040 = CheckMate040).

    >>> trial_key("CheckMate-040") == trial_key("Checkmate 040")
    True
    """
    return "trial__" + re.sub(r"[^a-z0-9]", "", name.casefold())


def _agent(doc: AnalysedDocument, mentions: list[Mention], start: int) -> tuple[str, list[Mention]] | None:
    """The drug, regimen or placebo named first from ``start`` on."""
    group: list[Mention] = []
    for m in mentions:
        if m.start < start:
            continue
        entity = doc.vocabulary[m.key]
        if not group:
            if not entity.has_type(*DRUG, "Placebo"):
                return None
            group.append(m)
        elif entity.has_type(*DRUG) and COMBINATION_GLUE.match(doc.document.text[group[-1].end:m.start]):
            group.append(m)
        else:
            break
    if not group:
        return None
    return agent_key(m.key for m in group), group


@EXTRACTORS.register("table-trials")
def completed_trial_tables(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Completed trials from table rows that give a trial, its arms and its outcomes."""
    for block in doc.blocks:
        if block.kind != "table":
            continue
        pos = block.start
        for line in doc.document.text[block.start:block.end].splitlines(keepends=True):
            match = _row_match(doc, line.strip())
            if match:
                offset = pos + len(line) - len(line.lstrip())
                yield from _row(doc, match, offset, offset + len(line.strip()))
            pos += len(line)


def _line_of_therapy(doc: AnalysedDocument, word: str) -> str | None:
    key = doc.finder.lookup(word)
    return key if key is not None and doc.vocabulary[key].has_type("LineOfTherapy") else None


def _row_match(doc: AnalysedDocument, line: str) -> re.Match | None:
    for row_re in ROW_RES:
        match = row_re.match(line)
        # A trial cell needs a letter or digit: "-" is an empty cell, not a trial named "-".
        if match and re.search(r"[^\W_]", match.group("trial")) and _line_of_therapy(doc, match.group("line")):
            return match
    return None


def _row(doc: AnalysedDocument, row: re.Match, start: int, end: int) -> Iterable[Assertion]:
    line_key = _line_of_therapy(doc, row.group("line"))
    rest_start = start + row.start("rest")
    mentions = doc.mentions_in(rest_start, end)
    experimental = _agent(doc, mentions, rest_start)
    if experimental is None:
        return
    after = experimental[1][-1].end
    control = _agent(doc, mentions, after)
    cell_start = control[1][-1].end if control else after
    text = doc.document.text
    if control is None:
        single_arm = re.match(rf"\s*{NO_CONTROL}\b", text[after:end])
        if not single_arm:
            return
        cell_start = after + single_arm.end()
    ev = (doc.evidence(start, end, "table-trial"),)
    name = row.group("trial")
    trial = trial_key(name)
    yield Assertion(trial, "isClinicalTrial", "ClinicalTrial", (), (name_attribute(name), ("year", int(row.group("year")))), ev)
    yield Assertion(trial, "forLineOfTherapy", line_key, evidence=ev)
    arms = []
    for agent, group in filter(None, (experimental, control)):
        arms.append(arm_key(trial, agent))
        yield from arm_facts(trial, agent, ev, [m.key for m in group] if len(group) > 1 else ())
    yield Assertion(trial, "testsIntervention", experimental[0], evidence=ev)
    cell = normalize(text[cell_start:end], base=cell_start)
    for outcome in parse_outcomes(cell.text):
        yield from _outcome(doc, trial, arms, outcome, ev)


def _outcome(doc: AnalysedDocument, trial: str, arms: list[str], o: Outcome, ev) -> Iterable[Assertion]:
    endpoint = doc.finder.lookup(o.endpoint)
    if endpoint is None or not doc.vocabulary[endpoint].has_type("EndpointType"):
        return
    unit = "%" if o.percent else "months"
    for arm, value in zip(arms, o.values):
        approximate = (("approximate", True),) if o.approximate else ()
        yield measurement(arm, endpoint, o.timepoint, value, unit, ev, attributes=approximate)
    if o.hazard_ratio and len(arms) == 2:
        attributes = [("hazard_ratio", Decimal(o.hazard_ratio)), ("hazard_ratio_text", o.hazard_ratio)]
        if o.ci:
            attributes += [("ci_lower", Decimal(o.ci[0])), ("ci_upper", Decimal(o.ci[1])),
                           ("ci_text", f"{o.ci[0]}-{o.ci[1]}")]
        context = (("experimental", arms[0]), ("comparator", arms[1]), ("timepoint", o.timepoint))
        yield Assertion(trial, "hasEffectEstimate", endpoint, context, tuple(attributes), ev)
