"""Hazard ratios listed after one head, for endpoints listed together: "OS and PFS were improved (HR 0.72 [95%
CI 0.60-0.86] and 0.65 [0.55-0.77], respectively)", "The HRs (95% CI) for OS and PFS were 0.72 (0.60-0.86)
and 0.65 (0.55-0.77), respectively", or each after its endpoint: "HR [95% CI]: OS 0.72 [0.60-0.86]; PFS 0.65
[0.55-0.77]".

:func:`effects.parse_hazard_ratios` reads one estimate per head; a list gives its endpoints in order (with
"respectively") or one before each estimate.  Split from slot_reading to keep each module short.
"""

from __future__ import annotations

import re
from typing import Iterator

from .analysis import AnalysedDocument, AnalysedSentence
from .effects import DASH, ESTIMATE, HEAD_RE, LEVEL_FIRST_RE, NUMBER, HazardRatio, decimal_text, to_decimal
from .prose_endpoints import Anchor, clause_of
from .prose_values import ENDPOINT_LIST_GAP_RE, anchors

# One estimate of the list with its own interval in brackets: "0.72 [95% CI 0.60-0.86]", "0.65 (0.55-0.77)".
ITEM_RE = re.compile(rf"(?P<value>{ESTIMATE})(?![\d%])\s*(?:[(\[]\s*(?:(?P<level>{NUMBER})\s*%\s*CI\s*[,:=]?\s*)?"
                     rf"(?P<lo>{NUMBER})\s*(?:{DASH}|\bto\b|,)\s*(?P<hi>{NUMBER})\s*[)\]])?", re.IGNORECASE)
ITEM_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*|and\s+)", re.IGNORECASE)
# Between the head and the first estimate: its interval's legend, a label naming endpoints, a verb.
LEAD_RE = re.compile(r"[^\d;]{0,80}?(?=\d|\.\d)")
RESPECTIVELY_RE = re.compile(r"[\s,)\]]*respectively\b", re.IGNORECASE)


def listed_ratios(doc: AnalysedDocument, sent: AnalysedSentence) -> list[tuple[HazardRatio, str]]:
    """(ratio, endpoint) for each estimate of a list after one head; [] unless two or more, each with an endpoint."""
    text = sent.text
    named = anchors(doc, sent)
    for head, items, ratios in _lists_after_heads(text):
        endpoints = _labelled(text, named, items) or _respective(text, named, head.start(), items)
        if endpoints:
            return list(zip(ratios, endpoints))
    return glossed_ratios(text, named)


def respective_estimates(text: str) -> list[HazardRatio]:
    """Two or more estimates after one head that "respectively" closes, whatever they are of ("A and B improved OS,
    with hazard ratios of 0.76 and 0.71, respectively"); [] otherwise.

    >>> [str(r.value) for r in respective_estimates("with hazard ratios of 0.76 and 0.71, respectively")]
    ['0.76', '0.71']
    >>> respective_estimates("with hazard ratios of 0.76 and 0.71")
    []
    """
    return next((ratios for _, items, ratios in _lists_after_heads(text)
                 if RESPECTIVELY_RE.match(text, items[-1].end())), [])


def _lists_after_heads(text: str) -> Iterator[tuple[re.Match, list[re.Match], list[HazardRatio]]]:
    """Each head followed by a list of two estimates or more: the head, the estimates' matches and their ratios (the
    level printed once before the list, or with the first estimate, is the list's)."""
    for head in HEAD_RE.finditer(text):
        level_first = LEVEL_FIRST_RE.match(text, head.end())
        lead = LEAD_RE.match(text, level_first.end() if level_first else head.end())
        items = _items(text, lead.end()) if lead is not None else []
        if len(items) < 2:
            continue
        printed = level_first.group("level") if level_first else items[0].group("level")
        level = to_decimal(printed) if printed else None
        yield head, items, [_ratio(m, level, head.start() if i == 0 else m.start()) for i, m in enumerate(items)]


# Each estimate in brackets after what it measures, the first with the head: "A improved E1 (HR, 0.64 [95% CI:
# 0.45-0.90]), TTP (0.61 [0.48-0.77]), and E3 (0.72 [...]), but not E4 (0.94 [...])".
_GLOSS_OPEN_RE = re.compile(r"\(\s*(?:hazard\s+ratio|(?-i:HR))\s*[,:=]?\s*(?:of\s+)?", re.IGNORECASE)
_GLOSS_NEXT_RE = re.compile(r"\s*[)\]]\s*(?:,\s*|;\s*)(?:and\s+|or\s+)?(?:(?:but|and)\s+not\s+)?"
                            r"(?:(?:the|a|an)\s+)?[^(),;]{1,40}?\s*\(\s*", re.IGNORECASE)


def glossed_ratios(text: str, named: list[Anchor]) -> list[tuple[HazardRatio, str | None]]:
    """(ratio, endpoint) for each estimate bracketed after what it measures (see above), two or more; an estimate
    of what is no known endpoint has None, so that no other endpoint takes it.  The level printed with the first
    is the list's."""
    for head in _GLOSS_OPEN_RE.finditer(text):
        items, pos = [], head.end()
        while (m := ITEM_RE.match(text, pos)) is not None:
            items.append(m)
            gap = _GLOSS_NEXT_RE.match(text, m.end())
            if gap is None:
                break
            pos = gap.end()
        if len(items) < 2:
            continue
        level = to_decimal(items[0].group("level")) if items[0].group("level") else None
        out = []
        for i, m in enumerate(items):
            opening = head.start() if i == 0 else text.rindex("(", 0, m.start())
            endpoint = next((a.endpoint for a in named if a.end <= opening and not text[a.end:opening].strip()), None)
            out.append((_ratio(m, level, head.start() + 1 if i == 0 else m.start()), endpoint))
        if any(e is not None for _, e in out):
            return out
    return []


def _items(text: str, pos: int) -> list[re.Match]:
    """Estimates one after another from ``pos``: each with its bracketed interval, or an endpoint's name between."""
    items: list[re.Match] = []
    while (m := ITEM_RE.match(text, pos)) is not None:
        items.append(m)
        gap = ITEM_GAP_RE.match(text, m.end())
        if gap is None:
            break
        label = re.match(r"(?:[A-Za-z][\w-]*\s+){0,3}?(?=\d|\.\d)", text[gap.end():])  # "; PFS 0.65"
        pos = gap.end() + (label.end() if label else 0)
    return items


def _labelled(text: str, named: list[Anchor], items: list[re.Match]) -> list[str]:
    """Each estimate's endpoint named right before it ("OS 0.72 [...]; PFS 0.65 [...]")."""
    out = []
    floor = 0
    for m in items:
        before = [a for a in named if floor <= a.start and a.end <= m.start() and not text[a.end:m.start()].strip(" :=,")]
        if not before:
            return []
        out.append(before[-1].endpoint)
        floor = m.end()
    return out if len(set(out)) == len(out) else []


def _respective(text: str, named: list[Anchor], head: int, items: list[re.Match]) -> list[str]:
    """The endpoints listed together before the first estimate, in order, when "respectively" closes the list."""
    if not RESPECTIVELY_RE.match(text, items[-1].end()):
        return []
    c_start, _ = clause_of(text, head)
    before = [a for a in named if c_start <= a.start and a.end <= items[0].start()]
    for i in range(len(before) - 1, -1, -1):  # the last list of endpoints before the first estimate
        listed = [before[i]]
        while i > 0 and ENDPOINT_LIST_GAP_RE.fullmatch(text[before[i - 1].end:listed[0].start]):
            i -= 1
            listed.insert(0, before[i])
        if len(listed) == len(items) and len({a.endpoint for a in listed}) == len(listed):
            return [a.endpoint for a in listed]
        if len(listed) > 1:
            return []
    return []


def _ratio(m: re.Match, level, start: int) -> HazardRatio:
    ci = (to_decimal(m.group("lo")), to_decimal(m.group("hi"))) if m.group("lo") else None
    value = to_decimal(m.group("value"))
    if ci is not None and not ci[0] <= value <= ci[1]:
        ci = None  # an interval that does not hold the estimate is something else's
    own = to_decimal(m.group("level")) if m.group("level") else level
    return HazardRatio(value, decimal_text(m.group("value")), start, m.end(), "", m.start("value"),
                       ci[0] if ci else None, ci[1] if ci else None, own if ci else None)
