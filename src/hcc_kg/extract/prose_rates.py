"""Rates at time points, several in one sentence: "rates at 12, 24, and 36 months were A% vs B%, ...",
"16% versus 9% at 24 months, 14% versus 3% at 36 months", "1- and 2-year PFS rates of 60% and 35%".

Split from prose_values (which reads one value per arm and endpoint) to keep each module short; rates listed as one
run per arm are :mod:`.rate_runs`'.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .analysis import AnalysedDocument, AnalysedSentence
from .effects import NUMBER, decimal_text
from .prose_numbers import TIMEPOINT_LIST_RE, VALUE_RE, masked_text
from .prose_arm_mentions import arm_mentions
from .prose_endpoints import LASTING_RESPONSE_RE
from .prose_shares import shares_compared
from .prose_subgroups import is_subgroup
from .prose_values import PROPORTION_ENDPOINTS, ArmValue, anchors
from .value_owners import favoured_pair
from .rate_runs import endpoint_before, endpoint_of_list, one_arms_run, rate_named, rates_per_arm, time_unit

RATES_RE = re.compile(r"\brates?\b", re.IGNORECASE)
# The one arm named as the one rates favour: "favored A at", "were higher with A (".
FAVOURED_RE = re.compile(r"\b(?:favou?r(?:ed|ing|s)?|(?:higher|greater|better|longer|improved)\s+(?:with|in|for|on|among))\s+"
                         r"(?:the\s+)?(?:(?:patients|those)\s+(?:treated\s+with|receiving|given|on)\s+)?$", re.IGNORECASE)
PERCENT_PAIR_RE = re.compile(rf"(?P<a>{NUMBER})\s*%\s*(?:vs\.?|versus|v\.?)\s*(?P<b>{NUMBER})\s*%", re.IGNORECASE)
# "..., and the 36-month rates 34.5% and 21.0%, respectively", "..., and 12-month rates of 50% versus 24%": a time
# point's pair with the endpoint left out.
ELIDED_RATES_RE = re.compile(rf"\b(?:the\s+)?(?<![\d.-])(?P<n>\d+)-(?P<u>month|week|year)\s+(?P<what>(?:[\w-]+\s+){{0,3}}?)rates?\s+(?:were\s+|of\s+)?"
                             rf"(?P<a>{NUMBER})\s*%\s*(?:and|vs\.?|versus)\s*(?P<b>{NUMBER})\s*%", re.IGNORECASE)
# "OS at 12 months was 61% with A vs 50% with B, and at 24 months 40% vs 30%": the time point before the elided pair.
AT_ELIDED_RE = re.compile(rf"(?:,|\band)\s+(?:(?:the\s+)?rates?\s+)?(?:at|after)\s+(?P<n>\d+)\s+(?P<u>month|week|year)s?\s*,?\s*"
                          rf"(?:(?:it\s+|they\s+)?(?:was|were)\s+)?(?P<a>{NUMBER})\s*%\s*(?:and|vs\.?|versus)\s*(?P<b>{NUMBER})\s*%",
                          re.IGNORECASE)
# "27.4% of patients on A responded, versus 6.6% on B": the share of each arm that responded, its ORR.
RESPONDED_RE = re.compile(rf"(?P<a>{NUMBER})\s*%\s+of\s+(?:the\s+)?(?:patients|participants)\s+(?P<first>[^;%]{{0,60}}?)"
                          rf"\s*responded\b,?\s*(?:versus|vs\.?|compared\s+with)\s+(?P<b>{NUMBER})\s*%(?P<second>[^;%.]{{0,60}})",
                          re.IGNORECASE)
# ... or both shares first, the response after them: "24% of patients on A and 9% of those on B had an objective response"
# (not a complete or partial response: those are no endpoint's rate).
SHARES_THEN_RESPONSE_RE = re.compile(
    rf"(?P<a>{NUMBER})\s*%\s+of\s+(?:the\s+)?(?:patients|participants)\s+(?P<first>[^;%]{{0,60}}?)\s*,?\s*"
    rf"(?:and|versus|vs\.?|compared\s+with)\s+(?P<b>{NUMBER})\s*%\s+of\s+(?:those|(?:the\s+)?(?:patients|participants))"
    r"(?P<second>[^;%.]{0,60}?)\s+(?:had|achieved|experienced|showed)\s+(?:(?P<dcr>disease\s+control)|"
    r"(?:an?\s+)?(?:(?:confirmed|objective|overall)\s+)*(?:tumou?r\s+)?response)\b", re.IGNORECASE)
# "... at 6, 12 and 18 months were 80% and 70% (p = ...), 60% and 50%, ...": pairs joined by "and", one per time point
# (read only when no run of values is followed by its arm: "55% and 30% with A and 50% and 25% with B").
AND_PAIR_RE = re.compile(rf"(?P<a>{NUMBER})\s*%\s*(?:\([^()]*\)\s*)?and\s+(?P<b>{NUMBER})\s*%", re.IGNORECASE)
# ... months also printed "mo" ("43% vs 40% at 24 mo, 33% vs 24% at 36 mo").
# ... the second arm perhaps named before the time point ("49% with A vs 36% with B at 24 months, and 38% vs 25% at 36").
PAIR_AT_RE = re.compile(PERCENT_PAIR_RE.pattern + r"(?:\s+(?:with|in|for|on)\s+[^\d%,;()]{1,40}?)?"
                        r"\s*(?:at|after)\s+(?P<n>\d+)\s+(?P<u>month|week|year|mo(?=s?\b))s?\b", re.IGNORECASE)


def timepoint_rates(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str],
                    previous_endpoint: str | None) -> list[ArmValue]:
    """Rates at several time points, one "A% vs B%" pair per time point, for a two-arm trial.

    The endpoint is the one named last before the time points, else the previous sentence's
    ("Median OS was ... . Rates at 12 and 24 months were ...").
    """
    if LASTING_RESPONSE_RE.search(sent.text):
        return []  # "the ongoing response rates at 12 and 24 months": how long responses last, no endpoint's rates
    listed = TIMEPOINT_LIST_RE.search(sent.text)
    if len(arms) == 2 and (bracketed := _bracketed_pairs(doc, sent, arms, previous_endpoint)):
        return bracketed
    if len(arms) == 2 and listed is None:
        return _pairs_at(doc, sent, arms, previous_endpoint) or _elided_rates(doc, sent, arms, previous_endpoint)
    if len(arms) == 1 and listed is None:
        listed = MIXED_TIMEPOINTS_RE.search(sent.text)  # "at 3 years, 1 year, and 6 months": each with its unit
    if len(arms) == 1 and listed is not None:
        return _single_arm_rates(doc, sent, arms[0], listed, previous_endpoint)
    if len(arms) != 2 or listed is None or is_subgroup(sent.text, listed.start()) \
            or not (RATES_RE.search(sent.text) or _proportion_before(doc, sent, sent.text.find("%", listed.end()))):
        return []
    points = re.findall(r"\d+", listed.group("nums"))
    pairs = list(PERCENT_PAIR_RE.finditer(sent.text, listed.end()))
    if len(pairs) != len(points):  # (no pair per time point: perhaps a run per arm, "a, b and c vs d, e and f")
        per_arm = rates_per_arm(doc, sent, arms, listed, points, previous_endpoint) \
            or one_arms_run(doc, sent, arms, listed, previous_endpoint)
        pairs = [] if per_arm else pairs or list(AND_PAIR_RE.finditer(sent.text, listed.end()))
        if not pairs:
            return per_arm
    endpoint = endpoint_of_list(doc, sent, listed, pairs[0].start(), previous_endpoint)
    order = _pair_order(doc, sent, arms, pairs[0].start() if pairs[0].re is PERCENT_PAIR_RE else None)
    if endpoint is None or len(pairs) != len(points) or order is None:
        return []
    unit = time_unit(listed.group("unit"))
    return [ArmValue(agent, endpoint, f"{point}-{unit}", Decimal(decimal_text(m.group(g))), decimal_text(m.group(g)), "%")
            for point, m in zip(points, pairs) for agent, g in zip(order, ("a", "b"))]


# "the 1- and 2-year local control rates": rates of an outcome the sentence names, which no endpoint of the vocabulary
# is; never the endpoint named before ("the rates" and "the respective rates" name none).
def _pair_order(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], first_pair: int | None = None) -> list[str] | None:
    """Whose is each value of an "A% vs B%" pair: the two arms in the order the sentence names them ("... for B
    and A, respectively"), in trial order when it names neither; when it names one before the first "versus" pair
    at ``first_pair`` as the one the rates favour, that arm's first ("the rates favoured A at 37% versus 30% and 25%
    versus 11%", "were higher with A"); None otherwise ("For B, rates were 60% vs 70%": B's against what?)."""
    mentions = arm_mentions(doc, sent, arms)
    named = list(dict.fromkeys(a.key for a in mentions))
    if len(named) == 1 and first_pair is not None and all(a.end <= first_pair for a in mentions) \
            and FAVOURED_RE.search(sent.text, 0, mentions[0].start):
        return [named[0], next(a for a in arms if a != named[0])]
    return named if len(named) == 2 else list(arms) if not named else None


def _pairs_at(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], previous: str | None) -> list[ArmValue]:
    """"rates were 16% versus 9% at 24 months, 14% versus 3% at 36 months": each pair's own time point."""
    pairs = list(PAIR_AT_RE.finditer(sent.text))
    if len(pairs) < 2 or not RATES_RE.search(sent.text) or is_subgroup(sent.text, pairs[0].start()):
        return []
    endpoint = endpoint_before(doc, sent, pairs[0].start(), previous)
    order = _pair_order(doc, sent, arms)
    if endpoint is None or order is None:
        return []
    return [ArmValue(agent, endpoint, f"{m.group('n')}-{time_unit(m.group('u'))}", Decimal(decimal_text(m.group(g))),
                     decimal_text(m.group(g)), "%") for m in pairs for agent, g in zip(order, ("a", "b"))]


_UNIT = r"(?:months?|mo|years?)"
_PERCENT = r"\s*(?:%|percent\b)"


def _bracketed_item(named: bool) -> str:
    """One time point with its pair in brackets: "12 (48.5 percent vs 33.6 percent)", "24 months (60% vs 45%)"."""
    t, u, a, b = (f"?P<{g}>" if named else "?:" for g in "tuab")
    return rf"({t}\d+)\s*({u}{_UNIT})?\s*\(\s*({a}{NUMBER}){_PERCENT}\s*(?:vs\.?|versus)\s*({b}{NUMBER}){_PERCENT}\s*\)"


# "at both 12 (48.5 percent vs 33.6 percent) and 18 (38.0 percent vs 29.9 percent) months", "at 12 (80% vs 70%) and 24
# months (60% vs 45%)": each time point with its pair in brackets, the unit after a point or after the last bracket.
BRACKETED_RUN_RE = re.compile(rf"\bat\s+(?:both\s+)?(?P<items>{_bracketed_item(False)}"
                              rf"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+){_bracketed_item(False)})+)\s*(?P<unit>{_UNIT})?",
                              re.IGNORECASE)
BRACKETED_ITEM_RE = re.compile(_bracketed_item(True), re.IGNORECASE)


def _bracketed_pairs(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], previous: str | None) -> list[ArmValue]:
    """Rates at time points each given with its pair in brackets (above): the endpoint named before them, the pairs in
    the order the sentence names the arms; a point without a unit takes the next one's (or the one after the last
    bracket); none when the last has none."""
    run = BRACKETED_RUN_RE.search(sent.text)
    if run is None or is_subgroup(sent.text, run.start()):
        return []
    items = list(BRACKETED_ITEM_RE.finditer(sent.text, run.start("items"), run.end("items")))
    units, following = [], run["unit"]
    for m in reversed(items):
        following = m["u"] or following
        units.insert(0, following)
    endpoint = endpoint_before(doc, sent, run.start(), previous)
    order = _pair_order(doc, sent, arms)
    if None in units or endpoint is None or order is None or endpoint in PROPORTION_ENDPOINTS:
        return []
    return [ArmValue(agent, endpoint, f"{m['t']}-{time_unit(unit).rstrip('s')}", Decimal(decimal_text(m[g])), decimal_text(m[g]), "%")
            for m, unit in zip(items, units) for agent, g in zip(order, ("a", "b"))]


def _elided_rates(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], previous: str | None) -> list[ArmValue]:
    """"The 24-month OS rates were 48% and 33%, and the 36-month rates 35% and 21%" (", and at 36 months 35% vs
    21%"): a pair whose rate names no endpoint is the endpoint named before it (a pair naming its own is prose_values'
    to read)."""
    named, order = anchors(doc, sent), _pair_order(doc, sent, arms)
    out = []
    elided = [*ELIDED_RATES_RE.finditer(sent.text), *AT_ELIDED_RE.finditer(sent.text)]
    for m in elided:
        owners = favoured_pair(doc, sent, arms, m.end(), m.group("a"), m.group("b")) or order
        if owners is None or any(m.start() <= a.start < m.end() for a in named) or is_subgroup(sent.text, m.start()):
            continue
        endpoint = endpoint_before(doc, sent, m.start(), previous)
        if endpoint is not None:
            out += [ArmValue(agent, endpoint, f"{m.group('n')}-{m.group('u').lower()}", Decimal(decimal_text(m.group(g))),
                             decimal_text(m.group(g)), "%") for agent, g in zip(owners, ("a", "b"))]
    return out


def _single_arm_rates(doc: AnalysedDocument, sent: AnalysedSentence, arm: str, listed: re.Match,
                      previous: str | None) -> list[ArmValue]:
    """"1- and 2-year PFS rates of 60% (95% CI ...) and 35%": one rate per time point, in order."""
    if not RATES_RE.search(sent.text) or is_subgroup(sent.text, listed.start()):
        return []
    points = _points(listed)
    masked = masked_text(sent.text)
    values = [m for m in VALUE_RE.finditer(masked, listed.end()) if m.group("unit") == "%"]
    if len(values) != len(points) and RESPECTIVELY_AFTER_RE.match(sent.text, listed.end()):
        # "with PFS rates of 68% (...) and 45% (...) at 12 and 24 months, respectively": the rates before their times
        values = _rates_before(sent.text, masked, listed.start(), len(points))
        previous = None
        named = [a for a in anchors(doc, sent) if values and a.end <= values[0].start()][-1:]
        if values and rate_named(sent.text, named[0].end if named else 0, values[0].start()):
            return []  # "median PFS was 19.7 months, with local control rates of ...": not PFS's
    else:
        first = values[0].start() if values else 0
        named = [a for a in anchors(doc, sent) if a.start >= listed.end() and a.end <= first]
        if not named and rate_named(sent.text, listed.end(), first):
            return []
    endpoint = named[0].endpoint if named else endpoint_before(doc, sent, listed.start(), previous)
    if endpoint is None or len(values) != len(points):
        return []
    return [ArmValue(arm, endpoint, f"{point}-{unit}", Decimal(decimal_text(m.group("num"))), decimal_text(m.group("num")), "%")
            for (point, unit), m in zip(points, values)]


# Time points listed each with its own unit: "at 6 months and 1 year", "3 years, 1 year, and 6 months", "6-month and
# 1-year".
_POINT = r"\d+[\s-]+(?:month|week|year)s?\b"
MIXED_TIMEPOINTS_RE = re.compile(rf"\b{_POINT}(?:\s*,\s*{_POINT})*,?\s+and\s+{_POINT}", re.IGNORECASE)


def _points(listed: re.Match) -> list[tuple[str, str]]:
    """The (number, unit) of each time point a list names.

    >>> _points(MIXED_TIMEPOINTS_RE.search("rates at 3 years, 1 year, and 6 months were"))
    [('3', 'year'), ('1', 'year'), ('6', 'month')]
    >>> _points(TIMEPOINT_LIST_RE.search("rates at 12 and 24 months were"))
    [('12', 'month'), ('24', 'month')]
    """
    if listed.re is MIXED_TIMEPOINTS_RE:
        return [(n, time_unit(u)) for n, u in re.findall(r"(\d+)[\s-]+(month|week|year)", listed.group(), re.IGNORECASE)]
    unit = time_unit(listed.group("unit"))
    return [(n, unit) for n in re.findall(r"\d+", listed.group("nums"))]


RESPECTIVELY_AFTER_RE = re.compile(r"[\s,]*respectively\b", re.IGNORECASE)


def _rates_before(text: str, masked: str, end: int, count: int) -> list[re.Match]:
    """The last ``count`` rates before ``end``, listed as one run in the clause ("68% (...) and 45% (...)")."""
    clause_start = max(text.rfind(";", 0, end), text.rfind(". ", 0, end)) + 1
    values = [m for m in VALUE_RE.finditer(masked, clause_start, end) if m.group("unit") == "%"][-count:]
    if len(values) != count or re.search(r"[^\s,#()\[\]:;-]", _gaps(masked, values, end).replace("and", "")):
        return []
    return values


def _gaps(masked: str, values: list[re.Match], end: int) -> str:
    """The text between the rates and from the last to ``end``, with bracketed asides dropped."""
    spans = [masked[a.end():b.start()] for a, b in zip(values, values[1:])] + [masked[values[-1].end():end]]
    return re.sub(r"\([^()]*\)", " ", " ".join(spans)).replace(" at ", " ")


def _proportion_before(doc: AnalysedDocument, sent: AnalysedSentence, pos: int) -> bool:
    """Is a rate named before ``pos``, the first share ("The ORR at 3 and 6 months was ...", "The 3- and 6-month ORRs
    were ..."), though the word "rate" is not written?"""
    return pos >= 0 and any(p.end <= pos and p.endpoint in PROPORTION_ENDPOINTS for p in anchors(doc, sent))


# A single-arm trial's responders counted: "38 (35.5%) achieved an objective response", "12 patients (30%) had
# disease control" (the share is the arm's response or disease control rate).
_RESPONSE_REACHED = (r"(?:(?:patients?\s+|participants?\s+)?(?:achieved|had|showed|experienced|attained)\s+(?:an?\s+)?"
                     r"(?:confirmed\s+)?(?:(?P<orr>(?:objective|overall)\s+(?:tumou?r\s+)?response)|(?P<dcr>disease\s+control))\b|"
                     # ... in plain words: "33% of patients (n = 16) responded (to treatment with A)"
                     r"(?:\(\s*n\s*=\s*\d+\s*\)\s+)?responded\b(?!\s+to\s+(?:prior|previous|earlier|first-line)\b))")
# ... the count spelled out when it opens the sentence: "Nine patients (20%) achieved an objective response".
_COUNT = (r"(?:\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|"
          r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen)")
COUNTED_RESPONSE_RE = re.compile(rf"\b{_COUNT}\s+(?:(?:patients|participants)\s+)?\(\s*(?P<p>\d+(?:[.·]\d+)?)\s*%\s*\)\s+"
                                 + _RESPONSE_REACHED, re.IGNORECASE)

# ... or as a share only: "30% of patients achieved an objective response", "Of the 45 patients, 30% had disease control".
# ... its interval in brackets after the share: "35% (95% CI, 25-46%) of patients responded".
SHARE_RESPONSE_RE = re.compile(r"(?<![\d.·])(?P<p>\d+(?:[.·]\d+)?)\s*%\s*(?:\([^()]*\)\s*)?(?<=\s)(?:of\s+(?:the\s+)?(?:\d+\s+)?(?:evaluable\s+)?"
                               r"(?:patients|participants)\s+)?" + _RESPONSE_REACHED, re.IGNORECASE)


# "At 12 months, 61% of patients on A were alive, compared with 50% on B": each arm's survival rate at the
# sentence's one time point.
ALIVE_RE = re.compile(rf"(?P<a>{NUMBER})\s*%\s+of\s+(?:the\s+)?(?:patients|participants|people|those)\s+(?P<first>[^;%]{{0,60}}?)"
                      rf"\s*(?:were|was|remained)\s+(?:still\s+)?alive\b[^;%\d]{{0,40}}?,?\s*(?:versus|vs\.?|compared\s+(?:with|to)|"
                      rf"and)\s+(?P<b>{NUMBER})\s*%(?P<second>[^;%.]{{0,60}})", re.IGNORECASE)
AT_TIME_RE = re.compile(r"\b(?:at|after)\s+(?P<n>\d+)\s+(?P<u>month|week|year)s?\b", re.IGNORECASE)


def responder_shares(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str]) -> list[ArmValue]:
    """"27.4% of patients on A responded, versus 6.6% on B": each arm's response rate, its arm named with it;
    a single-arm trial's "38 (35.5%) achieved an objective response"; and the shares alive at a time point
    ("61% of patients on A were alive at 12 months, compared with 50% on B"), each arm's OS rate."""
    named = arm_mentions(doc, sent, arms)
    out = _alive_shares(sent.text, named)
    if len(arms) == 1:
        out += [ArmValue(arms[0], "dcr" if m.group("dcr") else "orr", "", Decimal(decimal_text(m.group("p"))),
                         decimal_text(m.group("p")), "%")
                for pattern in (COUNTED_RESPONSE_RE, SHARE_RESPONSE_RE) for m in pattern.finditer(sent.text)
                if not is_subgroup(sent.text, m.start())]
    for m in [*RESPONDED_RE.finditer(sent.text), *SHARES_THEN_RESPONSE_RE.finditer(sent.text)]:
        owners = [[a.key for a in named if m.start(part) <= a.start and a.end <= m.end(part)] for part in ("first", "second")]
        if all(len(o) == 1 for o in owners) and owners[0] != owners[1] and not is_subgroup(sent.text, m.start()):
            endpoint = "dcr" if m.groupdict().get("dcr") else "orr"
            out += [ArmValue(o[0], endpoint, "", Decimal(decimal_text(m.group(g))), decimal_text(m.group(g)), "%")
                    for o, g in zip(owners, ("a", "b"))]
    return list(dict.fromkeys([*out, *shares_compared(doc, sent, arms)]))  # the freer wordings (prose_shares), once


def _alive_shares(text: str, named) -> list[ArmValue]:
    """Each arm's share alive at the one time point the sentence names (none when it names none or several)."""
    points = {(m.group("n"), m.group("u").lower()) for m in AT_TIME_RE.finditer(text)}
    out = []
    for m in ALIVE_RE.finditer(text) if len(points) == 1 else ():
        owners = [[a.key for a in named if m.start(part) <= a.start and a.end <= m.end(part)] for part in ("first", "second")]
        if all(len(o) == 1 for o in owners) and owners[0] != owners[1] and not is_subgroup(text, m.start()):
            n, unit = next(iter(points))
            out += [ArmValue(o[0], "os", f"{n}-{unit}", Decimal(decimal_text(m.group(g))), decimal_text(m.group(g)), "%")
                    for o, g in zip(owners, ("a", "b"))]
    return out


