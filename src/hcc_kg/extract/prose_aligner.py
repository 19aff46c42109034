"""One clause of results aligned as a whole: its endpoints, its arms and its values, each in order.

A fallback for clauses the shape readers (:mod:`prose_values`, :mod:`prose_endpoint_runs`, ...) give no
value: the endpoint, the arms and the numbers may stand in any places of the clause, as long as each kind
comes in order and the counts agree.  The endpoint(s) come first, named anywhere before the values (also
as the subject of a hazard ratio: "the HR for OS was 0.80 (...) for A versus B, with medians of 12.7
versus 9.7 months, respectively"); then the arms, named before the values in the order of the comparison
("in the A vs. B groups", "higher with A versus B"), or not named at all and meant as the trial's arms in
its order ("in the two groups", "respectively"); then the values, one per arm per endpoint, in pairs
joined by "vs"/"and" when several endpoints are listed together ("the median PFS and OS ... were: 2.6 vs.
1.5 (HR ...), and 8.7 vs. 7.0"), the unit printed on them or once before them ("in months").  Numbers
inside intervals, hazard ratios, p-values and "n=" are no values (:func:`masked_text`).  A percentage of a
time-to-event endpoint is a rate at the time point stated right after it or the only one the clause
states.  Anything else gives nothing: an arm named among or after the values, counts that do not agree,
a subgroup, a fronted comparator ("Compared with B, A ..."), a unit that does not fit the endpoint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .analysis import AnalysedDocument, AnalysedSentence
from .effects import decimal_text
from .prose_arm_mentions import arm_mentions
from .prose_endpoints import Anchor, anchors, clause_of, follow_up_between
from .prose_labels import fronted_comparator
from .prose_numbers import (MASK_RE, TIMEPOINT_LIST_RE, Token, bare_tokens, interval_list, masked_text, unparenthesised,
                           value_tokens)
from .prose_quoted import historical
from .prose_subgroups import SUBGROUP_RE, chooses_a_group
from .prose_values import ENDPOINT_LIST_GAP_RE, PROPORTION_ENDPOINTS, TIME_TO_EVENT, TIMEPOINT_RE, ArmValue

# Between the arms as the clause compares them: "A (n=120) versus B", "A-B compared with C", "the A vs. B groups".
ARM_GAP_RE = re.compile(r"\s*(?:,\s*(?:(?:vs\.?|versus|and|or)\s+)?|(?:vs\.?|versus|v\.?|and|or|compared\s+(?:with|to)|"
                        r"than(?:\s+(?:with|in))?|over|to)\s+)(?:the\s+|with\s+|in\s+(?:the\s+)?)?", re.IGNORECASE)
# Between one endpoint's values: "12.7 (...) versus 9.7", "12.7, 10.4 and 9.7", "13.2/10.1".
VALUE_GAP_RE = re.compile(r"\.?\s*(?:,\s*(?:and\s+)?|(?:vs\.?|versus|v\.?|and|compared\s+(?:with|to))\s+|/\s*)", re.IGNORECASE)
# Between one endpoint's values and the next one's: "2.6 vs. 1.5 (HR ...), and 8.7 vs. 7.0".
GROUP_GAP_RE = re.compile(r"\.?\s*(?:,|;)?\s*(?:and\s+)?(?:respectively\s*,?\s*)?", re.IGNORECASE)
# The trial's arms meant without naming them: "in the two groups", "in both arms", "respectively".
UNNAMED_ARMS_RE = re.compile(r"\brespective(?:ly)?\b|\b(?:the\s+two|both)\s+(?:treatment\s+)?(?:groups|arms)\b", re.IGNORECASE)
# A unit printed once before the values: "... in months were: 2.6 vs. 1.5", "(months): 12.7 versus 9.7".
UNIT_LABEL_RE = re.compile(r"\b(?:in\s+(?P<m>months)|\(\s*(?P<m2>months?)\s*\))\s*(?:were|was)?\s*:?\s*(?=\d)", re.IGNORECASE)
# What restricts the values after them ("12.7 vs 9.7 months in Asia", "... among those with X", "... in the phase 2
# trial"): theirs is a part or another study, not the arms' (a time point, "at 12 months", restricts nothing).
QUALIFIED_AFTER_RE = re.compile(r"\s*(?:(?:months?|mos?|weeks?|days?)\b\.?)?\s*,?\s*(?:respectively\b\s*,?\s*)?"
                                r"(?:in|among|amongst|for|from|during|within|of|per|by|on)\b(?!\s+(?:the\s+)?(?:two|both|respective)\s)",
                                re.IGNORECASE)
# A number of patients is no value: "45% patients" makes the clause unreadable ("12 patients" has no unit to be one).
COUNT_AFTER_RE = re.compile(r"^\s*(?:patients|participants|pts|subjects)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Alignment:
    """Endpoints, arms and values of one clause: value ``i * len(arms) + j`` is arm j's value of endpoint i."""

    endpoints: tuple[str, ...]
    arms: tuple[str, ...]
    tokens: tuple[Token, ...]
    timepoints: tuple[str, ...]  # one per endpoint ("" for a median)
    listed: int  # how many endpoints the clause lists (more than have values when the text is cut short)


def aligned_values(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], listed: bool = False) -> list[ArmValue]:
    """Per-arm values of each clause of the sentence that aligns (:func:`alignments`); ``listed``: only of clauses
    listing several endpoints together, one run of the arms' values each ("the median OS and PFS with A versus B
    were 12.1 versus 9.0 months (...) and 4.0 versus 2.1 months"), a shape the one-endpoint-at-a-time readers misread."""
    out = []
    for found in alignments(doc, sent, arms):
        if listed and found.listed < 2:
            continue
        n = len(found.arms)
        for i, token in enumerate(found.tokens):
            k = i // n
            out.append(ArmValue(found.arms[i % n], found.endpoints[k], found.timepoints[k],
                                Decimal(decimal_text(token[2])), decimal_text(token[2]), token[3]))
    return out


def aligned_ratio_endpoint(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], hr_start: int,
                           label_end: int = 0) -> str | None:
    """The endpoint of a hazard ratio bracketed right after one endpoint's values, when several endpoints are
    listed together: "PFS and OS ... were 2.6 vs. 1.5 (HR 0.97), and 8.7 vs. 7.0 (HR 0.96)" (None otherwise, and
    when the ratio's label, ending at ``label_end``, names an endpoint of its own)."""
    if any(hr_start <= a.start < label_end for a in anchors(doc, sent)):
        return None
    for found in alignments(doc, sent, arms, partial=True):
        n = len(found.arms)
        if found.listed < 2:
            continue
        for k, endpoint in enumerate(found.endpoints):
            end = found.tokens[k * n + n - 1][1]
            if re.fullmatch(r"[^()\d]{0,12}\([^()]*", sent.text[end:hr_start]):
                return endpoint
    return None


def alignments(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], partial: bool = False) -> list[Alignment]:
    """Each top-level clause of the sentence that aligns as a whole (see the module's docstring); ``partial``: or
    whose values stop after the first endpoints' runs (a text cut short: "PFS and OS were 2.6 vs. 1.5 (...), and
    [...]"), each run still its endpoint's, the endpoints left without values dropped."""
    if len(arms) < 2 or SUBGROUP_RE.search(sent.text):  # a subgroup anywhere, in brackets too: no alignment
        return []
    masked = masked_text(sent.text)
    # an endpoint inside a hazard ratio's label ("the HR for OS was 0.80") is the subject of the values after it
    unratioed = MASK_RE.sub(lambda m: "#" * (m.end() - m.start()), sent.text)
    points = [p for p in anchors(doc, sent) if unratioed[p.start] != "#" and not chooses_a_group(sent.text, p.start)]
    named = arm_mentions(doc, sent, arms)
    out, pos = [], 0
    while pos < len(sent.text):
        c_start, c_end = clause_of(sent.text, pos)
        found = _align(sent.text, masked, [p for p in points if c_start <= p.start < c_end],
                       [a for a in named if c_start <= a.start < c_end], arms, (c_start, c_end), partial)
        if found is not None:
            out.append(found)
        pos = c_end + 1
    return out


def _align(text: str, masked: str, points: list[Anchor], named: list, arms: list[str], clause: tuple[int, int],
           partial: bool) -> Alignment | None:
    c_start, c_end = clause
    endpoints = _endpoints(text, points)
    if not endpoints:
        return None
    if value_tokens(masked, points[0].end, points[-1].start):
        return None  # values between the endpoints: each its own, the shape readers' to read
    tokens = _tokens(text, masked, points[-1].end, c_end)
    if not tokens or any(a.start >= tokens[0][0] for a in named) \
            or follow_up_between(text, points[-1].end, tokens[0][0]) or any(historical(text, t) for t in tokens):
        return None
    if QUALIFIED_AFTER_RE.match(unparenthesised(text[tokens[-1][1]:c_end])):
        return None
    order = _arm_order(text, named, arms, c_start, c_end)
    if order is None and not named and len(arms) >= 2 and _compared_runs(masked, tokens, len(arms)):
        order = list(arms)  # "the ORR and DCR were 40% vs 10% and 80% vs 50%": each run compares the trial's arms
    n = len(order or ())
    listed = len(endpoints)
    if partial and order and len(tokens) % n == 0:
        endpoints = endpoints[:len(tokens) // n]
    if not order or len(tokens) != n * len(endpoints) or not _grouped(masked, tokens, n):
        return None
    timepoints = []
    for k, endpoint in enumerate(endpoints):
        group = tokens[k * n:k * n + n]
        if len({t[3] for t in group}) != 1:
            return None
        when = _timepoint(text, masked, group[-1][1], c_start, c_end) if group[0][3] == "%" else ""
        if not _fits(endpoint, group[0][3], when):
            return None
        timepoints.append(when)
    return Alignment(tuple(endpoints), tuple(order), tuple(tokens), tuple(timepoints), listed)


def _endpoints(text: str, points: list[Anchor]) -> list[str]:
    """The endpoints the clause names, once each: one (however often named), or several listed together ("the
    median PFS and OS"), a full name and its abbreviation ("progression-free survival (PFS)") one ([] otherwise)."""
    if len({p.endpoint for p in points}) == 1:  # "the HR for death was ... and the median OS was ...": one endpoint
        return [points[0].endpoint]
    kept: list[Anchor] = []
    for p in points:
        if kept and kept[-1].endpoint == p.endpoint and re.fullmatch(r"\s*[(\[]\s*", text[kept[-1].end:p.start]):
            continue
        kept.append(p)
    keys = [p.endpoint for p in kept]
    if len(set(keys)) != len(keys):
        return []
    if len(kept) > 1 and not all(ENDPOINT_LIST_GAP_RE.fullmatch(_closed(text[a.end:b.start])) for a, b in zip(kept, kept[1:])):
        return []
    return keys


def _closed(gap: str) -> str:
    """A gap without an abbreviation's bracket: "survival (PFS) and" reads " and"."""
    return re.sub(r"\s*[(\[][^()\[\]]*[)\]]", "", gap)


def _tokens(text: str, masked: str, start: int, end: int) -> list[Token]:
    """The values after the endpoints: with their units, or in the unit a label prints once before them."""
    label = UNIT_LABEL_RE.search(masked, start, end)
    first = re.search(r"\d", masked[start:end])
    if label is not None and first is not None and label.end() == start + first.start():
        return bare_tokens(masked, label.end(), end, "months")
    tokens = interval_list(masked, start, end) or value_tokens(masked, start, end)
    among = masked[tokens[0][0]:end] if tokens else ""
    if len(re.findall(r"(?<![\w.#·])\d+(?:[.·]\d+)?(?![\d#])", among)) != len(tokens):
        return []  # a number without a unit among or after the values (a count, a bare median): no alignment
    return [] if any(COUNT_AFTER_RE.match(text[t[1]:]) for t in tokens) else tokens


def _arm_order(text: str, named: list, arms: list[str], c_start: int, c_end: int) -> list[str] | None:
    """The arms the values follow: as the clause names them, compared in order, or, naming none, the trial's."""
    if not named:
        meant = UNNAMED_ARMS_RE.search(text, c_start, c_end)
        two = meant is not None and re.search(r"\btwo\b|\bboth\b", meant.group(), re.IGNORECASE)
        return list(arms) if meant and (not two or len(arms) == 2) else None
    order = list(dict.fromkeys(a.key for a in named))
    if len(order) < 2 or len(order) != len(named) or fronted_comparator(text, c_start, named[0].start):
        return None
    if not all(ARM_GAP_RE.fullmatch(unparenthesised(text[a.end:b.start])) for a, b in zip(named, named[1:])):
        return None
    return order


# Between the values of one run compared as the trial's arms: "40% vs 10%", "12.7 versus 9.7".
VERSUS_ONLY_RE = re.compile(r"\.?\s*(?:vs\.?|versus|v\.?)\s*", re.IGNORECASE)


def _compared_runs(masked: str, tokens: list[Token], n: int) -> bool:
    """Are the values runs of ``n`` (two runs or more), each joined by "vs"/"versus" only: a comparison of the
    trial's ``n`` arms per endpoint, in the trial's order (as one endpoint's "40% vs 10%" is)?"""
    if len(tokens) < 2 * n or len(tokens) % n:
        return False
    return all(VERSUS_ONLY_RE.fullmatch(unparenthesised(masked[a[1]:b[0]]))
               for i, (a, b) in enumerate(zip(tokens, tokens[1:])) if (i + 1) % n)


def _grouped(masked: str, tokens: list[Token], n: int) -> bool:
    """Values in runs of ``n`` joined as one comparison, the runs joined as a list and told apart from each other:
    by another joiner ("2.6 vs. 1.5, and 8.7 vs. 7.0") or by the unit printed once at each run's end ("3.6 and 1.9
    months and 10.4 and 7.9 months"); "3.6 and 1.9 and 10.4 and 7.9 months" parts into no runs."""
    gaps = [unparenthesised(masked[a[1]:b[0]]).strip().lower() for a, b in zip(tokens, tokens[1:])]
    for i, gap in enumerate(gaps):
        joiner = VALUE_GAP_RE if (i + 1) % n else GROUP_GAP_RE
        if not joiner.fullmatch(" " + gap + " "):
            return False
    within = {g for i, g in enumerate(gaps) if (i + 1) % n}
    between = {g for i, g in enumerate(gaps) if not (i + 1) % n}
    closed = all(_printed(masked, t) == (i % n == n - 1) for i, t in enumerate(tokens))
    return not between or not (between & within) or closed


def _printed(masked: str, token: Token) -> bool:
    """Is the value's unit printed right after it ("1.9 months", "4%"), not carried over from the next value?"""
    return re.search(r"[^\d\s.,·]", masked[token[0]:token[1]]) is not None


def _timepoint(text: str, masked: str, after: int, c_start: int, c_end: int) -> str:
    """The time point of a rate: stated right after its values, else the only one the clause states (none
    when the clause lists several: "at 6 and 12 months")."""
    right = TIMEPOINT_RE.match(text, after + len(re.match(r"\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)\s*)*,?\s*",
                                                          text[after:c_end]).group()))
    if right is None and TIMEPOINT_LIST_RE.search(text, c_start, c_end):
        return ""
    found = [right] if right else list(TIMEPOINT_RE.finditer(text, c_start, c_end))
    points = {_point(m) for m in found}
    return points.pop() if len(points) == 1 else ""


def _point(m: re.Match) -> str:
    unit = (m.group("u") or m.group("u2")).lower()
    return f"{m.group('n') or m.group('n2')}-{'month' if unit == 'mo' else unit}"


def _fits(endpoint: str, unit: str, when: str) -> bool:
    """A proportion is a percentage; a time-to-event endpoint a duration, or a percentage at a time point."""
    if endpoint in PROPORTION_ENDPOINTS:
        return unit == "%"
    return endpoint in TIME_TO_EVENT and (unit != "%" or bool(when))
