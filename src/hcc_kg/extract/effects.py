"""Hazard ratios as papers, abstracts and news print them: a pure parser.

One estimate reads ``HEAD [label] [connector] VALUE [CI] [P-values]``, where

- HEAD is "hazard ratio" or "HR" ("sHR", "aHR": stratified, adjusted), optionally followed by "[HR]" or "(HR)";
- a label may say what the ratio counts and between whom ("for death with X as compared
  with Y"); it starts with "for" or "with", so "HRs ranged from ..." is not an estimate;
- the connector is ",", ":", "=", "of", "was", "is" or nothing;
- the CI is "95% CI, a to b", "95% confidence interval [CI], a to b", "95% CI = a-b",
  "[95% CI: a, b]", "95 percent CI, a-b", or just "(a-b)", ", a-b)" or "; a-b)" right after the value, at any
  confidence level (96%, 95.003%), which is kept;
- p-values follow as "P = .03", "P<0.001", "one-sided P = .99; two-sided P = .0014": the
  two-sided one is kept when both are given, otherwise the only one.

Numbers may use a middle dot (0·92) or drop the leading zero (.075).

>>> hr = parse_hazard_ratios("OS (hazard ratio [HR], 0.71; 95% CI, 0.60 to 0.84; P < .001)")[0]
>>> (hr.value, hr.ci_lower, hr.ci_upper, hr.ci_level, hr.p_value.value, hr.p_comparator)
(Decimal('0.71'), Decimal('0.60'), Decimal('0.84'), Decimal('95'), Decimal('0.001'), '<')
>>> parse_hazard_ratios("hazard ratio 0·72 (95% CI 0·59–0·88)")[0].ci_text
'0.59-0.88'
>>> parse_hazard_ratios("subgroup HRs ranged from 0.70 to 1.10")
[]
>>> parse_hazard_ratios("longer OS (8.1 vs. 6.2 months) (HR = 0.74; 0.58-0.93)")[0].ci_text
'0.58-0.93'
>>> hr = parse_hazard_ratios("median OS 43.2 vs 36.2 months (HR[95% CI]: 0.86[0.70-1.06], p= 0.0755)")[0]
>>> (hr.value, hr.ci_text, hr.ci_level, hr.p_value.value)
(Decimal('0.86'), '0.70-1.06', Decimal('95'), Decimal('0.0755'))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from .analysis_sets import parallel_brackets, population_at

NUMBER = r"(?:\d+(?:[.·]\d+)?|[.·]\d+)"
# An estimate is printed with decimals ("HR of 2" is rather a count of hours or a dose).
ESTIMATE = r"(?:\d*[.·]\d+)"
DASH = r"[-\u2010-\u2015\u2212]"
# An interval's level as news items spell it too: "95%", "95 percent", "95 per cent".
PERCENT = r"(?:%|per\s?cent\b)"
# (a stratified, unstratified or adjusted one abbreviated so: "sHR", "uHR", "aHR")
HEAD_RE = re.compile(r"\bhazard\s+ratios?\b|\b(?-i:[sua]?HRs?)\b", re.IGNORECASE)
ABBREVIATION_RE = re.compile(r"\s*[\[(]\s*(?-i:[sua]?HR)\s*[\])]")
# The interval's level printed once before the numbers: "HR [95% CI]: 0.86 [0.70-1.06]", "HR (95% CI) 0.37 (0.25-0.54)".
LEVEL_FIRST_RE = re.compile(rf"\s*[\[(]\s*(?P<level>{NUMBER})\s*{PERCENT}\s*CI\s*[\])]", re.IGNORECASE)
# Inside a label, the analysis an estimate comes from may be coded ("HR for PFS at IA1") and dated ("(data
# cutoff 5 May 2021)"): the only digits a label holds; its other parentheses are asides in words naming the pair
# or the assessment ("HR for OS (A/B) was", "HR for TTP (central review) was"), never an interval.
_LABEL_PART = (r"(?:[^\d;()\[\]]|(?<![\w.])(?-i:[A-Z]{1,3}\d)(?![\w.])|\((?:data\s+)?cut-?off\b[^()]*\)|"
               r"\((?![^()]*\bCI\b)[^\d%()\[\];]{1,40}\)(?=\s+(?:was|were|is|of)\b))")
# "for death with X as compared with Y" / "with X versus Y" / "in the X group": what the ratio counts and
# between whom ("HRs in subgroups ranged from ..." states no estimate).
LABEL_RE = re.compile(rf"(?P<label>\s+(?:for|with|in)\b(?![^\d;()\[\]]*?\b(?:rang\w*|from|between)\b){_LABEL_PART}{{0,160}}?)?"
                      rf"(?:\s*(?:[,:=]|\bof\b|\bwas\b|\bwere\b|\bis\b|\bstood\s+at\b|\bcame\s+to\b|\bamounted\s+to\b)\s*|\s*[(\[]\s*|\s+)"
                      rf"(?P<value>{ESTIMATE})(?![\d%])",
                      re.IGNORECASE)
# "... and for PFS 0.61 (95% CI ...)": a further estimate with its head left out, labelled by what it counts.
CONTINUED_RE = re.compile(rf"\s*,?\s*and\s+(?P<label>for\s+(?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s*"
                          rf"(?:[,:=]\s*|\b(?:was|of)\s+)?(?P<value>{ESTIMATE})(?![\d%])", re.IGNORECASE)
_RANGE = rf"(?P<lo>{NUMBER})\s*(?:{DASH}|\bto\b|,)\s*(?P<hi>{NUMBER})"
# A labelled interval may also print its level after "CI" ("CI 95% 0.51-0.73") and its bounds apart with a
# semicolon ("95% CI [0.51; 0.73]"): the label says it is one interval.
_LABELLED_RANGE = rf"(?P<lo>{NUMBER})\s*(?:{DASH}|\bto\b|[,;])\s*(?P<hi>{NUMBER})"
CI_RE = re.compile(rf"\s*[,;(\[]?\s*(?:(?P<level>{NUMBER})\s*{PERCENT}\s*(?:CI|confidence\s+intervals?)(?:\s*\[CI\]|\s*\(CI\))?|"
                   rf"CI\s*(?P<after>{NUMBER})\s*{PERCENT})\s*[,:=]?\s*[\[(]?\s*{_LABELLED_RANGE}\s*[\])]?", re.IGNORECASE)
# A legend naming the ratio and its interval before the numbers, in one parenthesis: "(HR; 95% CI: 0.61; 0.51-0.73)".
LEGEND_RE = re.compile(rf"\s*[;,]\s*(?P<level>{NUMBER})\s*{PERCENT}\s*CI(?=\s*:?\s*[.·\d])", re.IGNORECASE)
LEGEND_CI_RE = re.compile(rf"\s*;\s*{_RANGE}(?=\s*[)\];])")
BARE_CI_RE = re.compile(rf"\s*[(\[]\s*{_RANGE}\s*[\])]")
# "(... ; HR 0.92, 0.79-1.06)", "(HR = 0.71; 0.53-0.95)": a dashed range after a comma or a semicolon that closes the
# parenthesis (an interval that does not hold the estimate is dropped below).
COMMA_CI_RE = re.compile(rf"\s*[,;]\s*(?P<lo>{NUMBER})\s*{DASH}\s*(?P<hi>{NUMBER})(?=\s*[)\];])")
P_RE = re.compile(rf"\s*[,;]?\s*(?:(?P<sided>one|two|1|2)[- ]sided\s+|(?:log-?rank|stratified|nominal)\s+)?"
                  rf"(?-i:P|p)(?:[\s-]*value)?\s*"
                  rf"(?P<cmp><=|>=|[=<>≤≥])\s*(?P<p>{NUMBER})", re.IGNORECASE)
_COMPARATORS = {"≤": "<=", "≥": ">="}


def decimal_text(printed: str) -> str:
    """A printed number as plain decimal text: middle dot to point, a leading zero added.

    >>> decimal_text("0·92"), decimal_text(".075"), decimal_text("12")
    ('0.92', '0.075', '12')
    """
    text = printed.replace("·", ".")
    return "0" + text if text.startswith(".") else text


def to_decimal(printed: str) -> Decimal:
    """A printed number as a Decimal (middle dot read as a point, a leading zero added).

    >>> to_decimal("0·71")
    Decimal('0.71')
    """
    return Decimal(decimal_text(printed))


@dataclass(frozen=True)
class PValue:
    """A p-value as printed: its value, text, comparator (=, <, ...) and sidedness."""

    value: Decimal
    text: str
    comparator: str  # "=", "<", ">", "<=", ">="
    sided: str  # "one", "two" or "" when the text does not say


@dataclass(frozen=True)
class HazardRatio:
    """One hazard ratio with what was printed around it; offsets are relative to the parsed text."""

    value: Decimal
    text: str
    start: int
    end: int
    label: str = ""
    label_end: int = 0  # offset just past the head and label, where the value begins
    ci_lower: Decimal | None = None
    ci_upper: Decimal | None = None
    ci_level: Decimal | None = None
    p_value: PValue | None = None
    population: str = ""  # the analysis population (ITT, FAS ...) when the text gives another's beside it

    @property
    def ci_text(self) -> str:
        return f"{self.ci_lower}-{self.ci_upper}" if self.ci_lower is not None else ""

    @property
    def p_comparator(self) -> str | None:
        return self.p_value.comparator if self.p_value else None


# A significance boundary written as a hazard ratio: "did not meet the prespecified criteria (HR, 0.79; P = .03)", "the
# efficacy boundary of HR 0.78", "the threshold for significance was not met (HR 0.72)".  A boundary has no interval; an
# estimate that crossed it does ("crossed the boundary (HR 0.65; 95% CI 0.52-0.81)").
BOUNDARY_BEFORE_RE = re.compile(r"\b(?:criteri(?:on|a)|boundar(?:y|ies)|thresholds?|cut-?offs?)\b"
                                r"(?:\s+(?:for|of)\s+(?:statistical\s+)?significance)?"
                                r"(?:\s+(?:was|were|is|are)\s+(?:not\s+)?(?:met|reached|crossed))?"
                                r"\s*(?:\(\s*|(?:of|at)\s+(?:an?\s+)?|[:,]\s*)$", re.IGNORECASE)
BOUNDARY_REACH = 90  # characters before the ratio its boundary's words may start in


def parse_hazard_ratios(text: str) -> list[HazardRatio]:
    """Every hazard ratio stated in ``text``, in order; not a significance boundary written as one.

    >>> [str(hr.value) for hr in parse_hazard_ratios("OS was longer (HR 0.86; 95% CI 0.73-1.02) but missed the criteria (HR 0.77)")]
    ['0.86']
    """
    found: list[HazardRatio] = []
    for head in HEAD_RE.finditer(text):
        if found and head.start() < found[-1].end:
            continue
        estimate = _estimate(text, head)
        while estimate is not None:
            found.append(estimate)
            estimate = _continued(text, estimate)
    found = [hr for hr in found if hr.ci_lower is not None
             or not BOUNDARY_BEFORE_RE.search(text, max(0, hr.start - BOUNDARY_REACH), hr.start)]
    return _by_population(text, found) if found else found


# The ratio of a population's bracket printed as the one before it printed its own, without the head: "..., 0.84,
# 0.71-0.99, p = 0.04)" (:mod:`.analysis_sets`).
PARALLEL_RE = re.compile(rf"[,;]\s*(?P<value>{ESTIMATE})\s*[,;]\s*(?P<lo>{NUMBER})\s*{DASH}\s*(?P<hi>{NUMBER})")


def _by_population(text: str, found: list[HazardRatio]) -> list[HazardRatio]:
    """The estimates, each printed in an analysis population's bracket beside another's with that population, and
    the estimate of a bracket that prints one without its head, by analogy with an estimate of another bracket."""
    brackets = parallel_brackets(text)
    if not brackets:
        return found
    found = [replace(hr, population=population_at(brackets, hr.start)) for hr in found]
    models = [hr for hr in found if hr.population]
    for name, s, e in brackets:
        if models and not any(s <= hr.start < e for hr in found) and (m := PARALLEL_RE.search(text, s, e)):
            if (estimate := _parallel_estimate(text, m, models[0], name)) is not None:
                found.append(estimate)
    return sorted(found, key=lambda hr: hr.start)


def _parallel_estimate(text: str, m: re.Match, model: HazardRatio, population: str) -> HazardRatio | None:
    number, lo, hi = to_decimal(m.group("value")), to_decimal(m.group("lo")), to_decimal(m.group("hi"))
    if not lo <= number <= hi:
        return None
    p = P_RE.match(text, m.end())
    return HazardRatio(number, decimal_text(m.group("value")), m.start("value"), p.end() if p else m.end(), "",
                       m.start("value"), lo, hi, model.ci_level, _p_value(p) if p else None, population)


def _estimate(text: str, head: re.Match) -> HazardRatio | None:
    pos = head.end()
    if abbreviation := ABBREVIATION_RE.match(text, pos):
        pos = abbreviation.end()
    if level_first := LEVEL_FIRST_RE.match(text, pos) or LEGEND_RE.match(text, pos):
        pos = level_first.end()
    value = LABEL_RE.match(text, pos)
    if value is None:
        return None
    label = " ".join((value.group("label") or "").split())
    return _with_interval(text, head.start(), value, label, level_first)


def _with_interval(text: str, start: int, value: re.Match, label: str, level_first: re.Match | None) -> HazardRatio:
    """The estimate whose value ``value`` matched, with the interval and p-values printed after it."""
    number = to_decimal(value.group("value"))
    pos = value.end()
    ci, level = None, None
    legend = level_first is not None and level_first.re is LEGEND_RE
    if interval := (CI_RE.match(text, pos) or BARE_CI_RE.match(text, pos) or COMMA_CI_RE.match(text, pos)
                    or (legend and LEGEND_CI_RE.match(text, pos))):
        ci = (to_decimal(interval.group("lo")), to_decimal(interval.group("hi")))
        printed = interval.groupdict().get("level") or interval.groupdict().get("after")
        level = to_decimal(printed) if printed else None
        if level is None and level_first is not None:
            level = to_decimal(level_first.group("level"))
        pos = interval.end()
    p_values = []
    while p := P_RE.match(text, pos):
        p_values.append(_p_value(p))
        pos = p.end()
    if ci is not None and not ci[0] <= number <= ci[1]:
        ci, level = None, None  # an interval that does not hold the estimate is something else's
    return HazardRatio(number, decimal_text(value.group("value")), start, pos, label, value.start("value"),
                       ci[0] if ci else None, ci[1] if ci else None, level, _preferred(p_values))


def _continued(text: str, previous: HazardRatio) -> HazardRatio | None:
    """A second estimate whose head is left out after the first's: "The HR for OS was 0.78 (95% CI 0.65-0.93) and for
    PFS 0.61 (95% CI 0.45-0.80)" (read only with its own interval, so that "and for PFS, 6.3 months" is none)."""
    m = CONTINUED_RE.match(text, previous.end)
    if m is None:
        return None
    estimate = _with_interval(text, m.start("label"), m, " ".join(m.group("label").split()), None)
    return estimate if estimate.ci_lower is not None else None


def _p_value(m: re.Match) -> PValue:
    sided = {"1": "one", "2": "two"}.get((m.group("sided") or "").lower(), (m.group("sided") or "").lower())
    cmp = _COMPARATORS.get(m.group("cmp"), m.group("cmp"))
    return PValue(to_decimal(m.group("p")), decimal_text(m.group("p")), cmp, sided)


def _preferred(p_values: list[PValue]) -> PValue | None:
    """The two-sided p-value when several are printed, else the only (or first) one."""
    two_sided = [p for p in p_values if p.sided == "two"]
    return (two_sided or p_values or [None])[0]
