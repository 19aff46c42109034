"""Two arms' values and their hazard ratio in the cells of a bordered table row, each of the endpoint its column
heads or its cell names.

A review's table of trials keeps its cell borders (``|`` or tabs) when pasted as text; a row's cells may then give
each endpoint its own column (invented rows)::

    Trial | Arms | Median OS | ORR |
    ZETA-7 | Zorbanib vs placebo | 10.1 mo for zorbanib vs 7.7 mo for placebo (HR: 0.70) | 12% vs 3% |

or name their endpoints themselves ("Median OS: 9.2 mo (95% CI 8.0-10.6) vs 7.6 mo, HR = 0.87. Median PFS: ...").
Within a cell, each part that names an endpoint (or, before any is named, the part under the column's endpoint)
gives that endpoint's first pair of values, in the order of the row's two arms (or of the arms the pair names, "for
A ... vs ... for B"), and its one hazard ratio, the first arm's against the second's.  A pair whose units do not
fit the endpoint (a median in per cent, a rate in months), a landmark ("9-mo OS rate: 74%") or a part with two
ratios is left alone.  A row of one arm may name its comparator in brackets after a pair ("OS: 10.7 VS 7.9 months
(placebo)"): :func:`bracketed_comparison`.  Read by :mod:`.table_line_trials`, which finds the row's trial and arms.

>>> cells_of("A | B |C|", 10)
[('A', 10, 11), ('B', 14, 15), ('C', 17, 18)]
>>> [c for c, _, _ in cells_of("| | B | 165 |", 0)], [c for c, _, _ in cells_of(chr(9) + "B" + chr(9) + "165", 0)]
(['', 'B', '165'], ['', 'B', '165'])
"""

from __future__ import annotations

import re
from typing import Iterable

from ..keys import agent_key
from ..model import Assertion
from .analysis import AnalysedDocument
from .arm_facts import arm_facts, arm_key, measurement
from .comparators import arm_parts
from .effects import HazardRatio, parse_hazard_ratios
from .prose_arms import ARM_TYPES
from .prose_values import PROPORTION_ENDPOINTS, TIME_TO_EVENT
from .trial_slots import hr_attributes

NAME = "table-line-trials"  # the evidence is that extractor's, which reads its rows through this module
BORDER_RE = re.compile(r"[|\t]")
ENDPOINTS = TIME_TO_EVENT | PROPORTION_ENDPOINTS
_VALUE = r"(?P<{0}>\d+(?:\.\d+)?)\s*(?P<u{0}>%|mo(?:nths?)?\b)?"
# Whose value it is, said after it: "16.4 mo for nivolumab", "3.0 mo in the pembrolizumab group".
_OWNER = r"(?:\s+(?:for|in|with|to)\s+(?:the\s+)?(?P<o{0}>[^|;,()]{{1,40}}?))?"
# A pair: a value (its owner, its interval in brackets, either first), "vs" (or "and", "to"), the next value.
_INTERVAL = r"(?:\s*\([^()]*\))?"
PAIR_RE = re.compile(_VALUE.format("a") + _INTERVAL + _OWNER.format("a") + _INTERVAL + r"\s*,?\s+(?:vs\.?|versus|and|to)\s+"
                     + _VALUE.format("b") + _INTERVAL + _OWNER.format("b") + r"(?=[\s,;.()|]|$)", re.IGNORECASE)
# A landmark's time before the pair: "9-mo OS rate: 74%", "12-month survival" (not "(7.6 mo follow-up)").
LANDMARK_RE = re.compile(r"(?<![\d.])\d+[- ]?(?:mo|months?|years?|yr)[- ]+(?:OS|PFS|overall|progression|survival|rate|"
                         r"landmark)", re.IGNORECASE)


def cells_of(line: str, start: int) -> list[tuple[str, int, int]]:
    """The cells of a bordered line: each stripped text with its document offsets.  An empty cell between borders is
    kept (as "", so that the cells stay under their headers: "\tB\t165" has an empty first cell); the nothing before
    an opening pipe and after a closing border is no cell."""
    out, previous = [], 0
    cuts = [m.start() for m in BORDER_RE.finditer(line)]
    for i, cut in enumerate([*cuts, len(line)]):
        raw = line[previous:cut]
        outer = (i == 0 and line[cut:cut + 1] == "|" and not raw.strip()) or (i == len(cuts) and not raw.strip())
        if not outer:
            lead = len(raw) - len(raw.lstrip())
            out.append((raw.strip(), start + previous + lead, start + previous + lead + len(raw.strip())))
        previous = cut + 1
    return out


def header_endpoints(doc: AnalysedDocument, line: str, start: int) -> list[str | None]:
    """The one endpoint each header cell names (None for a cell naming none or several)."""
    out = []
    for _, s, e in cells_of(line, start):
        named = {m.key for m in doc.mentions_in(s, e) if m.key in ENDPOINTS}
        out.append(named.pop() if len(named) == 1 else None)
    return out


def row_cell_facts(doc: AnalysedDocument, trial: str, arms: list[tuple[str, ...]], line: str, start: int,
                   headers: list[str | None]) -> Iterable[Assertion]:
    """Each cell's values and ratios of a bordered row comparing two arms (``headers``: the columns' endpoints)."""
    if len(arms) != 2:
        return
    cells = cells_of(line, start)
    for i, (_, s, e) in enumerate(cells):
        column = headers[i] if len(cells) == len(headers) else None
        for endpoint, part_start, part_end in _parts(doc, s, e, column):
            yield from _part_facts(doc, trial, arms, endpoint, part_start, part_end)


def _parts(doc: AnalysedDocument, start: int, end: int, column: str | None) -> list[tuple[str, int, int]]:
    """The cell cut where it names an endpoint, each part with its endpoint (before the first, the column's)."""
    named = [m for m in doc.mentions_in(start, end) if m.key in ENDPOINTS]
    cuts = [(column, start)] + [(m.key, m.start) for m in named]
    bounds = [c[1] for c in cuts[1:]] + [end]
    return [(key, s, e) for (key, s), e in zip(cuts, bounds) if key is not None and s < e]


def _part_facts(doc: AnalysedDocument, trial: str, arms: list[tuple[str, ...]], endpoint: str, start: int,
                end: int) -> Iterable[Assertion]:
    text = doc.document.text[start:end]
    pair = PAIR_RE.search(text)
    if pair is not None and not LANDMARK_RE.search(text, 0, pair.start()) and _fits(endpoint, pair):
        order = _owned_order(doc, arms, pair, start)
        ev = (doc.evidence(start + pair.start(), start + pair.end(), NAME),)
        for arm, value in zip(order, (pair.group("a"), pair.group("b"))):
            unit = "%" if endpoint in PROPORTION_ENDPOINTS else "months"
            yield measurement(arm_key(trial, agent_key(list(arm))), endpoint, "", value, unit, ev)
    ratios = parse_hazard_ratios(text)
    if endpoint in TIME_TO_EVENT and len(ratios) == 1:
        yield row_ratio(doc, trial, arms, endpoint, ratios[0], (start + ratios[0].start, start + ratios[0].end))


# A comparator named in brackets right after a pair of values: "OS: 10.7 VS 7.9 months (placebo)".
COMPARATOR_AFTER_RE = re.compile(r"\s*\(\s*(?P<other>[^()|]{2,40}?)\s*\)")


def bracketed_comparison(doc: AnalysedDocument, trial: str, arm: tuple[str, ...], line: str,
                         start: int) -> Iterable[Assertion]:
    """The second arm of a bordered row of one arm that names it in brackets right after a pair of values ("| Foonib |
    ... | OS: 10.7 VS 7.9 months (placebo) |", the same agent in every such cell), with those pairs' values: the first
    the row's arm's, the second the comparator's, of the endpoint named right before the pair in its cell.  Only those
    pairs: the cell's other values ("... In Asian patients, OS was 6.5 vs 4.2 months") may be another trial's."""
    found = []
    for _, s, e in cells_of(line, start):
        text = doc.document.text[s:e]
        for pair in PAIR_RE.finditer(text):
            close = pair.end("ub") if pair.group("ub") else pair.end("b")  # (the pair reads the bracket as an interval)
            if pair.group("oa") or pair.group("ob") or not (after := COMPARATOR_AFTER_RE.match(text, close)):
                continue
            span = (s + after.start("other"), s + after.end("other"))
            mentions = doc.mentions_in(*span)
            keys = tuple(dict.fromkeys(m.key for m in mentions if doc.vocabulary[m.key].has_type(*ARM_TYPES, "Placebo")))
            named = [m.key for m in doc.mentions_in(s, s + pair.start()) if m.key in ENDPOINTS]
            if keys and len(keys) == len({m.key for m in mentions}) and named and _fits(named[-1], pair):
                found.append((tuple(arm_parts(doc, dict.fromkeys(keys))), span, named[-1], pair, s))
    others = {other for other, *_ in found}
    if len(others) != 1 or (other := others.pop()) == arm:
        return
    ev = (doc.evidence(*found[0][1], NAME),)
    yield from arm_facts(trial, agent_key(list(other)), ev, other if len(other) > 1 else ())
    for _, _, endpoint, pair, s in found:
        unit = "%" if endpoint in PROPORTION_ENDPOINTS else "months"
        ev = (doc.evidence(s + pair.start(), s + pair.end(), NAME),)
        for agent, value in ((arm, pair.group("a")), (other, pair.group("b"))):
            yield measurement(arm_key(trial, agent_key(list(agent))), endpoint, "", value, unit, ev)


# The column holding each row's agents, by its header's words ("Drug", "Regimen", "Treatment", "Arms").
AGENT_COLUMN_RE = re.compile(r"\b(?:drugs?|treatments?|regimens?|interventions?|experimental|agents?|arms?)\b", re.IGNORECASE)
NOT_ONE_ARM_RE = re.compile(r"\b(?:vs\.?|versus|or)\b|[;,]", re.IGNORECASE)


def column_arm(doc: AnalysedDocument, line: str, start: int, header: tuple[str, int]) -> tuple[tuple[str, ...], tuple[int, int]] | None:
    """The one arm a bordered row names in the column its header calls the agents' ("| Drug |"): every agent of that
    cell together, when it compares or lists none; with its span."""
    heads, cells = cells_of(*header), cells_of(line, start)
    columns = [i for i, (text, _, _) in enumerate(heads) if AGENT_COLUMN_RE.search(text)]
    if len(columns) != 1 or len(heads) != len(cells):
        return None
    text, s, e = cells[columns[0]]
    keys = [m.key for m in doc.mentions_in(s, e) if doc.vocabulary[m.key].has_type(*ARM_TYPES)]
    if not keys or NOT_ONE_ARM_RE.search(text):
        return None
    return tuple(arm_parts(doc, dict.fromkeys(keys))), (s, e)


# One value in a cell: "12.9 mo", "17%", "4.9".
_VALUE = r"\d+(?:\.\d+)?\s*(?:%|mo(?:nths?)?\b)?"  # "12.9 mo", "17%"
_NAMED_VALUE = r"(?P<a>\d+(?:\.\d+)?)\s*(?P<ua>%|mo(?:nths?)?\b)?"  # the same, its number and unit read
_BRACKET = r"\s*(?:\([^()]*\))?"  # "(95% CI 9-28)"
SINGLE_VALUE_RE = re.compile(rf"^\s*{_NAMED_VALUE}{_BRACKET}\s*$", re.IGNORECASE)
# ... or the first of a pair whose other side the row leaves unnamed: "20.1% (95% CI, NA) vs. 5.1% (95% CI, NA)" is the
# row's arm against its comparator, as a one-arm line's pair is (:mod:`.table_line_trials`).
FIRST_OF_PAIR_RE = re.compile(rf"^\s*{_NAMED_VALUE}{_BRACKET}\s*(?:vs\.?|versus)\s*{_VALUE}{_BRACKET}\s*$", re.IGNORECASE)


def row_single_values(doc: AnalysedDocument, trial: str, arm: tuple[str, ...], line: str, start: int,
                      headers: list[str | None], percent: list[bool] | None = None,
                      sizes: list[bool] | None = None) -> Iterable[Assertion]:
    """A one-arm row's values: each cell under an endpoint's column holding one value whose unit fits the endpoint
    ("12.9 mo" under median OS, "17%" under ORR, or "17" under "ORR (%)": ``percent`` says which headers print it),
    and its size, a bare count under the column of patients (``sizes`` says which that is)."""
    cells = cells_of(line, start)
    if len(cells) != len(headers):
        return
    for (text, s, e), size in zip(cells, sizes or []):
        if size and re.fullmatch(r"\d{1,5}", text):  # "| 300 |" under "N"
            yield Assertion(arm_key(trial, agent_key(list(arm))), "armSize", int(text), evidence=(doc.evidence(s, e, NAME),))
    for i, ((text, s, e), endpoint) in enumerate(zip(cells, headers)):
        m = SINGLE_VALUE_RE.match(text) or FIRST_OF_PAIR_RE.match(text)
        headed_percent = bool(percent and percent[i]) and m is not None and not m["ua"]
        if endpoint is None or m is None or not (_fits(endpoint, m) or (headed_percent and endpoint in PROPORTION_ENDPOINTS)):
            continue
        unit = "%" if endpoint in PROPORTION_ENDPOINTS else "months"
        yield measurement(arm_key(trial, agent_key(list(arm))), endpoint, "", m["a"], unit, (doc.evidence(s, e, NAME),))


def header_percents(line: str, start: int) -> list[bool]:
    """Which header cells print the per cent sign their column's values leave out ("ORR (%)")."""
    return ["%" in text for text, _, _ in cells_of(line, start)]


# The column of patients: "N", "n (ITT)", "No. of patients", "Patients", "Participants", "Sample size" (PATIENTS_COLUMN: the
# names longer than a letter, also looked for in an unbordered header by .arm_row_tables).
PATIENTS_COLUMN = r"(?:No\.?\s+of\s+(?:patients|pts|subjects)|Patients|Participants|Sample\s+size)"
SIZE_HEADER_RE = re.compile(rf"(?:[Nn]|{PATIENTS_COLUMN})(?:\s*\([^()]*\))?")


def header_sizes(line: str, start: int) -> list[bool]:
    """Which header cells head the column of patients."""
    return [SIZE_HEADER_RE.fullmatch(text) is not None for text, _, _ in cells_of(line, start)]


def row_ratio(doc: AnalysedDocument, trial: str, arms: list[tuple[str, ...]], endpoint: str, hr: HazardRatio,
              span: tuple[int, int]) -> Assertion:
    """A table row's hazard ratio of ``endpoint``, its first arm's against its second's, read at ``span``."""
    experimental, comparator = (arm_key(trial, agent_key(list(parts))) for parts in arms)
    context = (("experimental", experimental), ("comparator", comparator), ("timepoint", ""))
    return Assertion(trial, "hasEffectEstimate", endpoint, context, hr_attributes(hr), (doc.evidence(*span, NAME),))


def _fits(endpoint: str, pair: re.Match) -> bool:
    """Do the pair's units fit the endpoint: per cent for a rate (on either value), never for a median?"""
    units = {(pair.group(g) or "").lower()[:2] for g in ("ua", "ub") if g in pair.re.groupindex} - {""}
    if endpoint in PROPORTION_ENDPOINTS:
        return units == {"%"}
    return "%" not in units


def _owned_order(doc: AnalysedDocument, arms: list[tuple[str, ...]], pair: re.Match, start: int) -> list[tuple[str, ...]]:
    """The arms in the order the pair's owners name them ("for B ... vs ... for A"), else the row's order."""
    owners = []
    for group in ("oa", "ob"):
        if pair.group(group) is None:
            return arms
        keys = {m.key for m in doc.mentions_in(start + pair.start(group), start + pair.end(group))}
        owners.append(next((arm for arm in arms if set(arm) <= keys and keys), None))
    return owners if None not in owners and owners[0] != owners[1] else arms
