"""Which numbers in a sentence of trial results are values, and in which unit.

A value is a number with "months" ("mo", "mo.", "mos"), "weeks" ("wk", "wks") or "days" (older trials
and conference abstracts give medians so) or "%"; a schedule ("every 3 weeks", "4 weeks on, 2 weeks off",
"for 6 weeks", "2 weeks after surgery", "28 days as one cycle") is no value.  A unit printed once covers a pair ("7.9 versus 10.2 months"), the first of two parallel values ("19.2 months for A versus
13.4 for B"), or every value after a label naming it ("Median OS in months (95% CI): 13.6
(12.1, 14.9) ...").  Ranges, confidence intervals, "n = ...", hazard ratios, p-values,
relative differences and time points are masked first: they are never values.

Split from :mod:`prose_values`, which decides whose value each one is.
"""

from __future__ import annotations

import re

from .analysis import AnalysedSentence
from .effects import DASH, NUMBER, parse_hazard_ratios
from .prose_endpoints import FOLLOW_UP_DURATION_RE

#: A value found: (start, end, number as printed, "%", "months", "weeks" or "days").
Token = tuple[int, int, str, str]

# Treatment cycles and, in brackets, the time they took: "after 6 treatment cycles (12 weeks".
CYCLES_LASTING = r"\b(?:after|at|of)\s+\d+\s+(?:treatment\s+)?cycles\s*\(\s*"
MASKS = (
    rf"{NUMBER}\s*%?\s*(?:{DASH}|\bto\b)\s*{NUMBER}",  # a range or an interval
    # ... or an interval whose bounds a comma parts, its label before it: "(CI 9.1, 12.1)", "[95% CI: 4.2, 7.7]"
    rf"(?:{NUMBER}\s*%\s*)?\bCI\b\s*[:,=]?\s*{NUMBER}\s*%?\s*[,;]\s*{NUMBER}\s*%?",
    rf"{NUMBER}\s*%\s*(?:CI|confidence)",  # "95% CI"
    # an interval open at the top: "16.8 months to not evaluable", "18.1-NR"
    rf"{NUMBER}\s*(?:%|months?|mos?)?\s*(?:{DASH}|\bto\b)\s*(?:not\s+(?:evaluable|estimable|reached)|NE|NR)\b",
    # a relative difference is no arm's value: "OS was 42% longer", "a 37% reduction in the risk of death"
    rf"{NUMBER}\s*%\s+(?:longer|shorter|higher|lower|greater|less|more|reduction|improvement|increase|decrease|relative)\b",
    # ... and so is a change "by 22%" ("reduced the risk by 22%"), but not a share "achieved by 21% of patients", "by
    # 64% of the A group"
    rf"\bby\s+{NUMBER}\s*%(?!\s+of\s+(?:the\s+)?(?:[\w/+-]+\s+){{0,3}}?(?:patients|participants|subjects|pts|people|those|"
    r"groups?|arms?|cohorts?)\b)",
    # ... and so is a time gained "by" ("prolonged median OS by nearly 2 months", "by 4.8 months")
    rf"\bby\s+(?:(?:nearly|almost|about|approximately|around|roughly|over|some|more\s+than|up\s+to)\s+)?{NUMBER}\s*"
    r"(?:months?|mos?|weeks?|years?)\b",
    # a threshold, as a definition gives one: "an ORR (patients with a 30% or more decrease in tumor) of 36%",
    # "adverse reactions (>=20%)", "at least 50% shrinkage"
    rf"{NUMBER}\s*%\s+or\s+(?:more|greater|higher|above|less|lower|fewer)\b|(?:≥|>=|\bat\s+least\s+){NUMBER}\s*%",
    # a bound is no value either: "less than 1% in the B group", "<1%", "more than 50% of patients"
    rf"(?:<|>|≤|<=|\b(?:less|fewer|more|greater)\s+than\s+|\b(?:under|below|above)\s+){NUMBER}\s*%",
    # ... nor a duration's bound: "a PFS of over 5 months", "more than 12 months", "beyond 2 years"
    rf"(?:>|≥|\b(?:more|longer|greater|less|shorter)\s+than\s+|\b(?:over|beyond|under|exceeding)\s+){NUMBER}\s*"
    r"(?:months?|mos?|weeks?|years?)\b",
    # a response rate's parts right after it: "9.7% (6% complete response, 3.7% partial response)"
    r"(?<=%)\s*\((?=[^()]*\b(?:complete|partial)\s+(?:responses?|remissions?)\b)[^()]*\)",
    # how long patients were followed is no arm's value: "after a median follow-up of 17.0 months (17.8 v 11.5 months)"
    FOLLOW_UP_DURATION_RE.pattern,
    r"\bn\s*=\s*\d[\d,/]*", rf"\b(?-i:P|p)\s*(?:value\s*)?(?:<=|>=|[=<>≤≥])\s*{NUMBER}",
    # the time treatment cycles took, no value: "the PFS rate after 6 cycles (12 weeks) was 40%"
    rf"{CYCLES_LASTING}\d+\s*(?:months?|weeks?|wks?|days?)\b",
    # time points: "at 12 months, 24 months, and 33 months", "at 12 and 24 months"
    r"\b(?:at|after)\s+\d+\s+(?:months?|weeks?|years?|days?)(?:\s*,?\s*(?:and\s+|or\s+)?\d+\s+(?:months?|weeks?|years?|days?)\b)+",
    # ... "of" only before a list ("rates of 6, 12, and 18 months"): "a median TTP of 22 months" is a value
    r"\b(?:at|after)\s+\d+(?:\s*(?:,\s*(?:and\b|or\b)?|and\b|or\b)\s*\d+)*\s+(?:months?|weeks?|years?|days?)\b",  # "at 6, 12, and 18 months"
    r"\bof\s+\d+(?:\s*(?:,\s*(?:and\b|or\b)?|and\b|or\b)\s*\d+)+\s+(?:months?|weeks?|years?|days?)\b",
    r"\b\d+(?:-|\s+and\s+|\s*,\s*)*(?:\d+-)?(?:month|week|year|day)\b",  # "12- and 24-month", "21-day cycles"
    r"\b(?:at|after)\s+\d+\s+mos?\b|\b\d+-mo\b",  # "at 12 mo", "the 12-mo OS rate"
    # ... and a time from which something holds: "the curves separated from 12 mo onwards"
    r"\bfrom\s+(?:month\s+\d+|\d+\s*(?:months?|mos?|weeks?|years?))\s+(?:on(?:wards?)?|forward)\b",
    # a criteria's version is no value: "RECIST 1.1", "RECIST version 1.1", "CTCAE v5.0"
    # ("14.6 v 13.0 months" is a comparison: "v" is a version only glued to its number)
    # ("per mRECIST 30.5% vs 12.5%": a percentage after the criterion is a value)
    r"\b(?:RECIST|CTCAE|iRECIST|mRECIST)\s*(?:v(?:ersion)?\.?\s*)?\d+(?:\.\d+)?(?![\d.]*\s*%)|\b(?:v|version\s*)\d+\.\d+\b",
    # a complete response's share, which the vocabulary names no endpoint of: "a complete response rate of 1%"
    r"\bcomplete\s+response\s+rate\s+(?:of|was|:)?\s*\d+(?:\.\d+)?\s*%",
    # a threshold, no value: "a response duration of at least 6 months", "responses lasting more than 12 months" (but
    # "half of the patients living at least 23.7 months" is a guide's median)
    r"(?<!living\s)(?<!lived\s)(?<!alive\s)(?<!survived\s)\b(?:at\s+least|more\s+than|longer\s+than|≥)\s*\d+(?:\.\d+)?\s*"
    r"(?:months?|mos?|weeks?|years?)\b",
    # ... said after the number: "response durations of 6 months or longer"
    r"\b\d+(?:\.\d+)?\s*(?:months?|mos?|weeks?|years?)\s+or\s+(?:longer|more|greater|beyond)\b",
    # a window of time, no value: "an increased risk of death within the first 6 months", "beyond the first 3 months"
    r"\b(?:within|during|in|over|beyond|after)\s+the\s+(?:first|initial|next|last)\s+\d+\s*(?:months?|mos?|weeks?|years?)\b",
    # a schedule in weeks: "every 3 weeks", "for up to 6 weeks", "4 weeks on and 2 weeks off", "2 weeks after surgery"
    r"\b(?:every|each|for|within|over|per|q|(?:for\s+)?up\s+to)\s*\d+(?:\s*(?:-|to|or)\s*\d+)?\s*(?:weeks?|wks?|days?)\b|"
    r"\b\d+\s*(?:weeks?|wks?|days?)\s+(?:on|off|after|before|prior|later|post|from|apart|as\s+(?:one|a)\s+cycle|cycles?)\b",
)
MASK_RE = re.compile("|".join(MASKS), re.IGNORECASE)
# Months are also printed "mo", "mo." and "mos", and in conference abstracts a bare "m" ("10.4 m vs. 8.2 m"; not
# "m2" or "m²", a body surface area).  A value may be glued to the "vs." before it ("16.4 vs.14.7 months"), but to no
# other point or word ("v1.1", "x.5").
VALUE_RE = re.compile(rf"(?:(?<![\w.·])|(?<=\bvs\.)|(?<=\bVs\.))(?P<num>{NUMBER})(?!\d)\s*(?P<unit>%|months?\b|mos?\b|m\b(?![²³])|weeks?\b|wks?\b|days?\b)?")
UNIT_AFTER_INTERVAL_RE = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])\s*(?P<unit>%|months?\b|mos?\b|weeks?\b|wks?\b|days?\b)", re.IGNORECASE)
# A label printing the unit once before the values: "Median OS in months (95% CI): 13.6 (12.1, 14.9) ...",
# "Overall survival, median in months: ...", "ORR, % (95% CI): ..." (read from the masked text).
UNIT_NAMED_RE = re.compile(r"[^\d;%]{0,30}?(?:\bin\s+months\b|\(\s*(?:months?|mo)\s*\)|,\s*(?P<percent>%))"
                           r"(?:\s*\([#\s]*\))?\s*(?:was|were|:)?\s*(?=\d)", re.IGNORECASE)
# Several time points listed: "rates at 12, 24, and 36 months", "12- and 24-month rates of ...", "at 24 months and
# 36 months", "the 1-year and 2-year rates" (a unit printed after each number is the same unit each time: "12 months
# and 2 years" is no list).
TIMEPOINT_LIST_RE = re.compile(r"\b(?P<nums>\d+(?:[\s-]+(?P<each>month|week|year)s?)?(?:-?\s*,\s*\d+(?:[\s-]+(?P=each)s?)?)*"
                               r"-?\s*,?\s*and\s+\d+)[\s-]*(?P<unit>(?(each)(?P=each)|(?:month|week|year|mo(?=s?\b))))s?\b", re.IGNORECASE)
# Between the items of one list of values: "24.0% (...), 10.6% (...), and 7.2%", "6.1 vs 4.0 and 3.2 months".
LIST_GAP_RE = re.compile(r"^\.?\s*(?:,\s*(?:and\s+|or\s+)?|(?:vs\.?|versus|and|or|/)\s+)$", re.IGNORECASE)
# A time at which something is told, not a value: "(14.7) at the 22.8 months" (a bare "at" may give a value: "OS did not
# differ, at 7.6 versus 7.3 months"; a rate's time point is read by the rate readers from its own pattern).
TIME_AT_RE = re.compile(r"\bat\s+the\s+$", re.IGNORECASE)
# "19.2 mo. vs. 13.4 mo.": the abbreviation's point is no clause break; "13.2/10.1 months": a slash pairs two
# arms' values printed with one unit.
JOINER_RE = re.compile(r"^\.?\s*(?:vs\.?|versus|v\.?|and|/|compared\s+(?:with|to))\s*$", re.IGNORECASE)
# "19.2 months for A versus 13.4 for B": the unit printed once, on the first of two parallel values,
# each followed by its arm; the bare number must be followed by its own arm phrase too.
PARALLEL_GAP_RE = re.compile(r"^\.?\s*(?:in|for|with|among)\s+[^\d;%]{1,50}?,?\s*(?:vs\.?|versus|and|compared\s+(?:with|to))\s*$",
                             re.IGNORECASE)
PARALLEL_AFTER_RE = re.compile(r"^\s*(?:in|for|with|among)\s", re.IGNORECASE)
# "2.6 months versus 2.4 (P = 0.07)": the unit printed on the first of a compared pair only, the second
# ending its clause.
COMPARED_GAP_RE = re.compile(r"^\s*(?:vs\.?|versus|compared\s+(?:with|to))\s*$", re.IGNORECASE)
CLAUSE_END_AFTER_RE = re.compile(r"^\s*(?:[.;,)\]]|\(|$|respectively\b)", re.IGNORECASE)


# News items spell the unit out: "7 percent against 1.5 percent", "95 percent CI".
SPELLED_PERCENT_RE = re.compile(r"(?<=\d)\s*\b(?:percent|per\s+cent)\b", re.IGNORECASE)


def percent_signs(text: str) -> str:
    """The text with a spelled-out "percent" after a number written "%", at the same offsets (the sign
    last, so that "7 percent" reads as "7       %")."""
    return SPELLED_PERCENT_RE.sub(lambda m: " " * (m.end() - m.start() - 1) + "%", text)


def masked_text(text: str) -> str:
    """The text with every number that is no value (interval, p-value, time point, hazard ratio) hidden
    behind "#", at the same offsets; a spelled-out "percent" is read as "%"."""
    out = MASK_RE.sub(lambda m: "#" * (m.end() - m.start()), percent_signs(text))
    for hr in parse_hazard_ratios(text):
        out = out[:hr.start] + "#" * (hr.end - hr.start) + out[hr.end:]
    return out


def masked_names(sent: AnalysedSentence) -> str:
    """The sentence's masked text (:func:`masked_text`) with the digits of each name it mentions hidden
    too: the number ending a drug's code ("7.8 months for ZX-PEG 20 versus 7.4 for placebo") is no value."""
    masked = list(masked_text(sent.text))
    for mention in sent.mentions:
        start, end = sent.local(mention)
        masked[start:end] = ["#" if c.isdigit() else c for c in masked[start:end]]
    return "".join(masked)


def value_tokens(masked: str, start: int, end: int) -> list[Token]:
    """(start, end, number, unit) values in masked[start:end]; a unit printed once covers a pair."""
    raw = [(m.start(), m.end(), m.group("num"), (m.group("unit") or _unit_after_interval(masked, m.end(), end)).lower())
           for m in VALUE_RE.finditer(masked, start, end)]
    out = []
    for i, (s, e, num, unit) in enumerate(raw):
        if not unit and i + 1 < len(raw) and JOINER_RE.match(unparenthesised(masked[e:raw[i + 1][0]])):
            unit = raw[i + 1][3]
        if not unit:
            unit = _listed_unit(masked, raw, i)
        if not unit and i > 0 and out and out[-1][0] == raw[i - 1][0] and _parallel(masked, raw[i - 1][1], s, e, end):
            unit = out[-1][3]
        if unit and not (_unit_key(unit) != "%" and TIME_AT_RE.search(masked, max(0, s - 12), s)):
            out.append((s, e, num, _unit_key(unit)))
    return out


def _listed_unit(masked: str, raw: list, i: int) -> str:
    """The unit printed once after a list of three or more: "16.4, 16.6 and 13.8 months", "10, 20, and 30%"
    (every number but the last without one, commas between, "and" or "or" before the last; "In 2019, 45% ..."
    is no list)."""
    def comma(a: int) -> bool:
        return bool(LIST_COMMA_RE.fullmatch(unparenthesised(masked[raw[a][1]:raw[a + 1][0]])))
    k, j = i, i
    while k > 0 and not raw[k - 1][3] and comma(k - 1):
        k -= 1
    while j + 1 < len(raw) and not raw[j + 1][3] and comma(j):
        j += 1
    last = unparenthesised(masked[raw[j][1]:raw[j + 1][0]]) if j + 1 < len(raw) else ""
    if j - k + 2 < 3 or not re.fullmatch(r"\s*,?\s*(?:and|or)\s*", last):
        return ""
    if TIME_POINTS_BEFORE_RE.search(masked[max(0, raw[k][0] - 20):raw[k][0]]):
        return ""  # "rates at 6, 9, 12, and 18 months were ...": time points, not values
    return raw[j + 1][3]


TIME_POINTS_BEFORE_RE = re.compile(r"\b(?:at|after|by|within|through|until|up\s+to)\s+$", re.IGNORECASE)


LIST_COMMA_RE = re.compile(r"\s*,\s*")


def _unit_key(unit: str) -> str:
    """ "%", "weeks", "days" or "months", however the text prints it ("mo", "wks")."""
    return "%" if unit == "%" else {"w": "weeks", "d": "days"}.get(unit[:1].lower(), "months")


def unit_named(masked: str, start: int, stop: int) -> str:
    """The unit a label prints once before the values: "Median OS in months", "ORR, %", "OS (months)"."""
    m = UNIT_NAMED_RE.match(masked, start, stop)
    if m is None:
        return ""
    return "%" if m.group("percent") else "months"


def bare_tokens(masked: str, start: int, stop: int, unit: str) -> list[Token]:
    """Every number outside brackets in masked[start:stop], in the unit the label named (the brackets
    hold each value's interval: "13.6 (12.1, 14.9) for A and 12.3 (10.4, 13.9) for B")."""
    depth, out = 0, []
    for m in re.finditer(rf"[()\[\]]|(?<![\w.·#])(?P<num>{NUMBER})(?![\d#])", masked[:stop]):
        if m.start() < start:
            continue
        if m.group("num") is None:
            depth = depth + 1 if m.group() in "([" else max(0, depth - 1)
        elif depth == 0:
            out.append((m.start(), m.end(), m.group("num"), unit))
    return out


def _parallel(masked: str, previous_end: int, start: int, end: int, stop: int) -> bool:
    """Is the bare number at ``start`` the second of "19.2 months for A versus 13.4 for B" or of "2.6 months
    versus 2.4."?"""
    gap, after = unparenthesised(masked[previous_end:start]), masked[end:stop]
    return bool((PARALLEL_GAP_RE.match(gap) and PARALLEL_AFTER_RE.match(after))
                or (COMPARED_GAP_RE.match(gap) and CLAUSE_END_AFTER_RE.match(after)))


def _unit_after_interval(masked: str, pos: int, end: int) -> str:
    """The unit printed after a value's interval: "2.3 (1.5-2.8) mo"."""
    m = UNIT_AFTER_INTERVAL_RE.match(masked, pos, end)
    return m.group("unit") if m else ""


def unparenthesised(text: str) -> str:
    """The text without its bracketed asides."""
    return re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", text)


def bracketed(text: str, tokens: list[Token]) -> list[Token]:
    """The values one bracket gives together when the first value is in it: "longer with A than with B
    (median, 23.9 vs. 9.2 months; ...) and longer with C than with B (median, 14.7 vs. 9.2 months)" pairs
    23.9 and 9.2, not a third value from the next bracket; a bracket holding one value restricts nothing."""
    if not tokens:
        return tokens
    opened = text.rfind("(", 0, tokens[0][0])
    if opened < 0 or ")" in text[opened:tokens[0][0]]:
        return tokens
    closed = text.find(")", tokens[0][1])
    inside = [t for t in tokens if closed < 0 or t[1] <= closed]
    return inside if len(inside) >= 2 else tokens


# A median no arm reached, in the place of its value: "not reached (NR; 95% CI, 64.3 to NR) with A vs 9.1 months".
# ... or its abbreviation: "NR vs. 10.4 months", "NE and 9.3 months, respectively".
UNREACHED_RE = re.compile(r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:reached|estimable|evaluable)\b|\b(?-i:NR|NE)\b", re.IGNORECASE)
# ... joined to the value after it: "not reached vs 9.1", "not reached with A and was 13.2 months with B"
UNREACHED_GAP_RE = re.compile(r"^[\s,]*(?:(?:in|with|for)\s+[^\d;]{0,80}?)?(?:and|but|vs\.?|versus|compared\s+(?:with|to))"
                              r"(?:\s+(?:was|were|is|it\s+was))?\s*$", re.IGNORECASE)


def unreached(text: str, start: int, token: Token) -> Token | None:
    """A placeholder token for a median "not reached" right before the one value found, joined to it by "vs"
    or "and" ("were not estimable (NE) and 9.3 months, respectively"); None when there is none."""
    held = None
    for m in UNREACHED_RE.finditer(text, start, token[0]):  # the last one joined to the value ("NR" inside its
        if UNREACHED_GAP_RE.match(unparenthesised(text[m.end():token[0]])):  # own interval "(NR; 95% CI, 64.3 to NR)" is not)
            held = m
    if held is None:
        return None
    return (held.start(), held.end(), "", token[3])


def unreached_first(text: str, start: int, tokens: list[Token]) -> bool:
    """Is the endpoint at ``start`` said to be not reached before the first value, and that value not joined to
    it ("median OS was not reached, and the median TTR was 1.4 months": the value is another endpoint's)?

    >>> text = "the median OS was not reached, and the median TTR was 1.4 months"
    >>> unreached_first(text, 14, value_tokens(masked_text(text), 14, len(text)))
    True
    """
    nr = UNREACHED_RE.search(text, start, tokens[0][0]) if tokens else None
    return nr is not None and not UNREACHED_GAP_RE.match(unparenthesised(text[nr.end():tokens[0][0]]))


def overflowing(text: str, tokens: list[Token], count: int) -> bool:
    """Does one list of values of one unit run on past ``count`` (the trial's arms): "ORRs were 24%, 11%, 7%, and 10%"
    for three arms names a fourth group the arms do not hold, so no value of it can be placed by order.

    >>> text = "ORRs were 24% (15-35), 11% (5-18), 7% (2-16), 10% (4-18)."
    >>> overflowing(text, value_tokens(masked_text(text), 9, len(text)), 3)
    True
    >>> text = "ORRs were 24% vs 11% and 30% vs 12% by two criteria."
    >>> overflowing(text, value_tokens(masked_text(text), 9, len(text)), 2)
    False
    """
    if len(tokens) <= count:
        return False
    run = tokens[:count + 1]
    gaps = [LIST_GAP_RE.match(unparenthesised(text[a[1]:b[0]])) for a, b in zip(run, run[1:])]
    if len({t[3] for t in run}) != 1 or not all(gaps):
        return False
    # one list, joined all alike: "a, b, c and d", "a vs b vs c"; "a vs b and c vs d" pairs two comparisons
    return len({"vs" if re.search(r"\b(?:vs|versus)\b|/", g.group(), re.IGNORECASE) else "," for g in gaps}) == 1


# Values listed each with its interval, the unit printed once after the last: "18.7 (#), 13.6 (#) and 11.3 (#) months".
INTERVAL_LIST_RE = re.compile(rf"(?<![\w.·#])(?:{NUMBER}\s*\(#+\)\s*,\s*(?:and\s+)?)+{NUMBER}\s*\(#+\)\s*"
                              r"(?P<unit>months?\b|mos?\b|weeks?\b|%)", re.IGNORECASE)


def interval_list(masked: str, start: int, end: int) -> list[Token]:
    """The values of a list printing each with its interval and the unit once after the last ([] if none such).

    >>> text = "OS was 18.7 (10.8-27.3), 13.6 (8.7-17.6), 11.3 (8.4-15.0) months."
    >>> [(t[2], t[3]) for t in interval_list(masked_text(text), 0, len(text))]
    [('18.7', 'months'), ('13.6', 'months'), ('11.3', 'months')]
    """
    m = INTERVAL_LIST_RE.search(masked, start, end)
    if m is None:
        return []
    unit = "%" if m.group("unit") == "%" else ("weeks" if m.group("unit").lower().startswith("week") else "months")
    return [(n.start(), n.end(), n.group(), unit) for n in re.finditer(rf"(?<![\w.·#(])({NUMBER})(?![\d#])",
                                                                         masked[:m.start("unit")]) if n.start() >= m.start()]


# "For A and B, the median OS was X vs. Y months; median PFS, Z vs. W months": the arms a sentence opens with order
# the values of each of its clauses that names none.
FRONTED_ARMS_RE = re.compile(r"^\W*(?:[A-Za-z]+:\s*)?(?:For|In|With)\s+(?:the\s+)?[^,;]{1,80},")


def fronted_order(text: str, named: list) -> list[str]:
    """The agents named, in order, in the opening "For A and B," of a sentence ([] when it opens otherwise).

    >>> from collections import namedtuple
    >>> A = namedtuple("A", "key start end")
    >>> fronted_order("For A and B, OS was 5 vs 4 months", [A("a", 4, 5), A("b", 10, 11)])
    ['a', 'b']
    """
    opening = FRONTED_ARMS_RE.match(text)
    if opening is None:
        return []
    return list(dict.fromkeys(a.key for a in named if a.end <= opening.end()))
