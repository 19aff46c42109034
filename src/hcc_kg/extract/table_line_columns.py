"""Values of a trial's row, in a table pasted as text, whose headers name several endpoints: read in the headers' order.

A review's table of trials gives each endpoint a column of its own ("Median OS | Median PFS | ORR"); pasted as text the
borders are gone but the order stays (invented rows)::

    ZETA-7 (2021) III 600 ... Zorbanib vs. placebo 11.2 mo for zorbanib vs. 8.1 mo for placebo 4.1 mo vs. 2.9 mo 21% vs 6%
    ZETA-2 (2019) II 90 ... Zorbanib 12.4 mo 5.0 mo 18%

When a row holds, after its agents, exactly one value (a row of one arm) or one pair of values (two arms: "A% vs B%",
"X mo for A vs. Y mo for B", "X% for A and Y% for B") per endpoint the headers name, each printed with a unit that fits
its endpoint (months for a time-to-event endpoint, per cent for a rate), the k-th is the k-th endpoint's; a pair whose
first label names the second arm is read the other way round.  Values in brackets (a ratio's interval, a p value) are
no column's.  Anything else is left to :mod:`.table_line_trials`' own readers, which take one endpoint of each kind.

Under headers naming one time-to-event endpoint, each arm's value may be labelled with its agents ("Zorbanib: 9.7
Zorbanib + felotinib: 11.2"); under headers naming a column of patients, a row's one pair of whole numbers ("402 vs
198") is the two arms' sizes, no values.
"""

from __future__ import annotations

import re

from ..keys import agent_key
from ..model import Assertion
from .analysis import AnalysedDocument
from .arm_facts import arm_key, measurement
from .prose_arms import SIZE_RE
from .prose_values import PROPORTION_ENDPOINTS, TIME_TO_EVENT

_UNIT = r"(?:%|mo\b|mos\b|months?\b)"
# One arm's value: "12.9 mo", "17%".
ONE_VALUE_RE = re.compile(rf"(?<![\w.])(?P<a>\d+(?:\.\d+)?)\s*(?P<ua>{_UNIT})")
# Two arms' values: "16.4 mo for A vs. 14.7 mo for B", "3.7 vs 3.8 mo", "15% for A and 7% to B".
_LABEL = r"(?:\s+(?:for|with|in|to|on)\s+(?:the\s+)?[A-Za-z][^\d;()%]{0,40}?)"
PAIR_RE = re.compile(rf"(?<![\w.])(?P<a>\d+(?:\.\d+)?)\s*(?P<ua>{_UNIT})?(?P<la>{_LABEL})?\s+(?:vs\.?|versus|and)\s+"
                     rf"(?P<b>\d+(?:\.\d+)?)\s*(?P<ub>{_UNIT})?(?P<lb>{_LABEL}(?=\s+\d|\s*$|\s*\())?")


def header_order(doc: AnalysedDocument, start: int, end: int) -> list[str]:
    """The endpoints the caption and headers (``start:end``) name, in the order they name them, each once (also in a
    header whose cells were pasted with no space between them: "Armsn (patients)Median OS, mo")."""
    found = sorted(doc.mentions_in(start, end), key=lambda m: m.start)
    if not any(m.key in ENDPOINTS for m in found):
        found = doc.finder.find_text(_CAMEL_RE.sub(" ", doc.document.text[start:end]))
    return list(dict.fromkeys(m.key for m in found if m.key in ENDPOINTS))


ENDPOINTS = TIME_TO_EVENT | PROPORTION_ENDPOINTS
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
# A header naming a column of patients: "Patients, n", "No. of patients", "n".
_COUNT_HEADER_RE = re.compile(r"\b(?:patients|participants|sample\s+size)\b|(?<![\w.])n(?![\w.])", re.IGNORECASE)


def counts_patients(text: str) -> bool:
    """Do the headers (``text``) name a column of patients?"""
    return _COUNT_HEADER_RE.search(_CAMEL_RE.sub(" ", text)) is not None


# Two arms' patients compared in a row: "402 vs 198" (whole numbers, no unit).
SIZE_PAIR_RE = re.compile(r"(?<![\w.])(?P<a>\d{2,5})\s*(?:vs\.?|versus|/)\s*(?P<b>\d{2,5})(?![\w.%]|\s*(?:%|mo\b|months?\b))")


def compared_sizes(doc: AnalysedDocument, trial: str, arms: list[tuple[str, ...]], spaced: str, offsets: list[int],
                   after: int, extractor: str) -> list[Assertion]:
    """The two arms' sizes of the row's one pair of whole numbers after its agents, under headers naming a column of
    patients ([] otherwise)."""
    pairs = list(SIZE_PAIR_RE.finditer(spaced, after))
    if len(arms) != 2 or len(pairs) != 1:
        return []
    m = pairs[0]
    ev = (doc.evidence(offsets[m.start()], offsets[m.end()], extractor),)
    return [Assertion(arm_key(trial, agent_key(list(parts))), "armSize", int(m.group(g)), evidence=ev)
            for parts, g in zip(arms, ("a", "b"))]


# One arm's value labelled with its agents: "Zorbanib: 9.7", "Zorbanib + felotinib: 11.2".
LABELLED_RE = re.compile(r"(?P<label>[A-Za-z][\w +/-]{1,60}?)\s*:\s*(?P<v>\d+(?:\.\d+)?)(?![\d.])")


def labelled_values(doc: AnalysedDocument, trial: str, arms: list[tuple[str, ...]], spaced: str, offsets: list[int],
                    after: int, endpoints: list[str], extractor: str) -> list[Assertion]:
    """Each arm's value labelled with its agents ("Zorbanib: 9.7 Zorbanib + felotinib: 11.2") of the one endpoint the
    headers name, a time-to-event one (months): every arm labelled once, by exactly its agents; [] otherwise."""
    if len(endpoints) != 1 or endpoints[0] not in TIME_TO_EVENT or len(arms) < 2:
        return []
    owned: dict[tuple[str, ...], re.Match] = {}
    for m in LABELLED_RE.finditer(spaced, after):
        named = {x.key for x in doc.finder.find_text(m.group("label"))}
        arm = next((a for a in arms if set(a) == named), None)
        if arm is None or arm in owned:
            return []
        owned[arm] = m
    if len(owned) != len(arms):
        return []
    return [measurement(arm_key(trial, agent_key(list(arm))), endpoints[0], "", m.group("v"), "months",
                        (doc.evidence(offsets[m.start()], offsets[m.end()], extractor),)) for arm, m in owned.items()]


def column_values(doc: AnalysedDocument, trial: str, arms: list[tuple[str, ...]], line: str, start: int, after: int,
                  endpoints: list[str], extractor: str) -> list[Assertion]:
    """The row's values, one (one arm) or one pair (two arms) per endpoint of ``endpoints`` in order, read from the
    row after its agents (``after``, an offset into ``line``); [] unless every endpoint gets its own, in fitting units."""
    if len(endpoints) < 2 or len(arms) not in (1, 2):
        return []
    masked = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", lambda m: " " * len(m.group()), line)
    found = [m for m in (PAIR_RE if len(arms) == 2 else ONE_VALUE_RE).finditer(masked, after)
             if m.group("ua") or (len(arms) == 2 and m.group("ub"))]
    if len(found) != len(endpoints) or not all(_fits(m, e) for m, e in zip(found, endpoints)):
        return []
    out = []
    for m, endpoint in zip(found, endpoints):
        ev = (doc.evidence(start + m.start(), start + m.end(), extractor),)
        unit = "%" if endpoint in PROPORTION_ENDPOINTS else "months"
        owners = arms if len(arms) == 1 or not _named_second_first(doc, start, m, arms) else arms[::-1]
        for parts, group in zip(owners, ("a", "b")):
            out.append(measurement(arm_key(trial, agent_key(list(parts))), endpoint, "", m.group(group), unit, ev))
    return out


def _fits(m: re.Match, endpoint: str) -> bool:
    """Is the value's printed unit the endpoint's kind: per cent for a rate, months for a time-to-event endpoint?"""
    units = {u for u in (m.group("ua"), m.groupdict().get("ub")) if u}
    percent = units == {"%"}
    return percent if endpoint in PROPORTION_ENDPOINTS else not (units & {"%"})


def _named_second_first(doc: AnalysedDocument, start: int, m: re.Match, arms: list[tuple[str, ...]]) -> bool:
    """Does the pair's first label name the second arm, and not the first ("9 mo for B vs. 7 mo for A")?"""
    if not m.group("la"):
        return False
    named = {x.key for x in doc.mentions_in(start + m.start("la"), start + m.end("la"))}
    return bool(named & set(arms[1])) and not named & set(arms[0])


def arm_counts(doc: AnalysedDocument, trial: str, arms: list[tuple[str, ...]], line: str, start: int, after: int,
               extractor: str) -> list[Assertion]:
    """The arms' sizes written after each in the row's comparison ("A n=80 (400 mg/day) vs. B n=76"), one count per
    arm in order, the last right after it ([] otherwise)."""
    head = SIZE_RE.match(line, after + len(line[after:]) - len(line[after:].lstrip()))
    if head is None:
        return []
    counts = [m for m in SIZE_RE.finditer(line, 0, head.end())]
    if len(counts) != len(arms):
        return []
    return [Assertion(arm_key(trial, agent_key(list(parts))), "armSize", int(m.group("n").replace(",", "")),
                      evidence=(doc.evidence(start + m.start(), start + m.end(), extractor),))
            for parts, m in zip(arms, counts)]
