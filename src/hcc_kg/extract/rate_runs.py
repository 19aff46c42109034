"""Rates listed as runs, one run per arm: "12-, 24- and 36-month OS rates were 55%, 30% and 20% with A and 50%, 25% and
15% with B", "In the A arm, the 12- and 24-month rates were 61% and 41%", "These respective rates in the B arm were ...";
and the endpoint and time unit of a list of time points, which every rate reader asks.

Split from :mod:`.prose_rates` (pairs per time point, shares of responders) to keep each module short.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .analysis import AnalysedDocument, AnalysedSentence
from .effects import decimal_text
from .prose_arm_mentions import arm_mentions
from .prose_numbers import TIMEPOINT_LIST_RE, VALUE_RE, masked_text, unparenthesised
from .prose_subgroups import SUBGROUP_RE
from .prose_values import ArmValue, anchors
from .value_owners import AFTER_GAP_RE

# An arm named as what another is compared with: "... than with B", "versus B", "compared with B", "over B".
COMPARED_BEFORE_RE = re.compile(r"\b(?:than|versus|vs\.?|v\.?|over|(?:compared|relative)\s+(?:with|to))\s+(?:(?:with|in|on)\s+)?"
                                r"(?:the\s+)?$", re.IGNORECASE)
# Between the rates of one run: "50%, 39%, and 31%" (their intervals aside).
# ... and what may close one: "..., respectively, in group A"
RUN_RESPECTIVELY_RE = re.compile(r"^[\s,]*respectively\b", re.IGNORECASE)
RUN_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.IGNORECASE)
# Between the rates' subject and their values, words that make them another's, quoted for comparison.
COMPARISON_GAP_RE = re.compile(r"\b(?:than|versus|vs|compared|reported|previous(?:ly)?|prior|historical|similar|higher|lower)\b",
                               re.IGNORECASE)
# The rates of the run the sentence before gave, now for the other arm: "These respective rates in the B arm were ...",
# "the corresponding rates with B were ...", "In the B arm, these rates were ...".
RESPECTIVE_RATES_RE = re.compile(r"\b(?:(?:the|these|those)\s+(?:respective|corresponding)|these|those)\s+"
                                 r"(?:(?:[\w-]+\s+){0,2}?)(?:rates|figures)\b", re.IGNORECASE)


OTHER_RATE_RE = re.compile(r"\b(?!(?:the|these|their|its|respective|corresponding|were|was)\b)[a-z][\w-]*\s+rates?\b",
                           re.IGNORECASE)


def rate_named(text: str, start: int, end: int) -> bool:
    """Does the text between the time points and the first value name what the rates are of ("local control")?"""
    return OTHER_RATE_RE.search(text, start, end) is not None


def endpoint_before(doc: AnalysedDocument, sent: AnalysedSentence, pos: int, previous: str | None) -> str | None:
    """The endpoint the sentence names last before ``pos``, else ``previous`` (the sentence before's)."""
    named = [a for a in anchors(doc, sent) if a.end <= pos]
    return named[-1].endpoint if named else previous


def endpoint_of_list(doc: AnalysedDocument, sent: AnalysedSentence, listed: re.Match, first_value: int,
                      previous: str | None) -> str | None:
    """The endpoint named between the time points and their first value ("At 12 and 24 months, OS rates were"),
    else the one named before them ("Median OS ...; rates at 12 and 24 months"), else the previous sentence's."""
    named_after = [a for a in anchors(doc, sent) if listed.end() <= a.start < first_value]
    if not named_after and rate_named(sent.text, listed.end(), first_value):
        return None
    return named_after[0].endpoint if named_after else endpoint_before(doc, sent, listed.start(), previous)


def time_unit(unit: str) -> str:
    """A time point's unit as its key spells it ("mo" is "month")."""
    return "month" if unit.lower() == "mo" else unit.lower()


def rates_per_arm(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], listed: re.Match, points: list[str],
                   previous: str | None) -> list[ArmValue]:
    """"12-, 24- and 36-month OS rates were 55%, 30% and 20% with A and 50%, 25% and 15% with B": one
    run of rates per arm, each run followed by its arm."""
    masked = masked_text(sent.text)
    values = [m for m in VALUE_RE.finditer(masked, listed.end()) if m.group("unit") == "%"]
    if len(values) != len(points) * len(arms):
        return []
    runs = [values[i:i + len(points)] for i in range(0, len(values), len(points))]
    named = arm_mentions(doc, sent, arms)
    # (each run perhaps closed by its own "respectively": "41%, 30% and 12%, respectively, in group A; and ...")
    owners = [next((a.key for a in named if a.start >= run[-1].end()
                    and AFTER_GAP_RE.match(RUN_RESPECTIVELY_RE.sub("", unparenthesised(sent.text[run[-1].end():a.start]), 1))),
                   None) or _owner_before(sent.text, named, run[0].start(), listed) for run in runs]
    if len(runs) == 2 and RUNS_COMPARED_RE.search(unparenthesised(sent.text[runs[0][-1].end():runs[1][0].start()])):
        owners = _compared_runs(owners, arms, named)
    endpoint = endpoint_of_list(doc, sent, listed, values[0].start(), previous)
    if endpoint is None or None in owners or len(set(owners)) != len(owners):
        return []
    unit = time_unit(listed.group("unit"))
    return [ArmValue(agent, endpoint, f"{point}-{unit}", Decimal(decimal_text(m.group("num"))), decimal_text(m.group("num")), "%")
            for agent, run in zip(owners, runs) for point, m in zip(points, run)]


# "The 12- and 24-month rates in the A arm were 61% and 41%": the arm named right before its run, as the run's subject.
RUN_SUBJECT_GAP_RE = re.compile(r"^[\s,]*(?:(?:arms?|groups?|cohorts?)\s*)?,?\s*(?:were|was|reached|of|:)\s*$", re.IGNORECASE)


def _owner_before(text: str, named: list, start: int, listed: re.Match | None = None) -> str | None:
    """The arm a run of values is said of when the arm is named right before it ("in the A arm were"), the time points
    perhaps between ("for the A group at 6 and 12 months were"), else None."""
    before = [a for a in named if a.end <= start]
    if not before:
        return None
    gap = text[before[-1].end:start]
    if listed is not None and before[-1].end <= listed.start() and listed.end() <= start:
        gap = re.sub(r"\s+(?:at|after)\s*$", "", text[before[-1].end:listed.start()]) + text[listed.end():start]
    return before[-1].key if RUN_SUBJECT_GAP_RE.match(gap) else None


# Between two runs of rates of a two-arm trial, the second compared with the first: "90%, 70% and 40% vs 81%, 50% and
# 21%", "..., respectively, compared with 81%, 50% and 21% in ...".
RUNS_COMPARED_RE = re.compile(r"^[\s,]*(?:respectively\s*,?\s*)?(?:vs\.?|versus|compared\s+(?:with|to))\s*$", re.IGNORECASE)


def _compared_runs(owners: list[str | None], arms: list[str], named: list) -> list[str | None]:
    """The arms of two runs compared: the arms in trial order when the sentence names none; the other arm for the
    run whose own is not named, when the other run's is."""
    if not named:
        return list(arms)
    known = [o for o in owners if o is not None]
    if len(known) == 1 and known[0] in arms:
        other = next(a for a in arms if a != known[0])
        return [o if o is not None else other for o in owners]
    return owners


def one_arms_run(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], listed: re.Match,
                 previous: str | None) -> list[ArmValue]:
    """"In the A arm, the 12-, 24-, and 36-month OS rates were 50%, 39%, and 31%, respectively": in a trial of
    two, one rate per time point, listed as one run, of the one arm the sentence names (not as what another is
    compared with)."""
    points = re.findall(r"\d+", listed.group("nums"))
    values = _run(sent.text, listed.end(), len(points))
    if values is None or COMPARISON_GAP_RE.search(sent.text, listed.end(), values[0].start()):
        return []  # "rates were higher than those reported for B (50% and 30%)": another's, quoted
    named = arm_mentions(doc, sent, arms)
    if values is None or len({a.key for a in named}) != 1 or SUBGROUP_RE.search(sent.text) \
            or any(COMPARED_BEFORE_RE.search(sent.text, 0, a.start) for a in named):
        return []
    endpoint = endpoint_of_list(doc, sent, listed, values[0].start(), previous)
    if endpoint is None:
        return []
    unit = time_unit(listed.group("unit"))
    return [ArmValue(named[0].key, endpoint, f"{point}-{unit}", Decimal(decimal_text(m.group("num"))),
                     decimal_text(m.group("num")), "%") for point, m in zip(points, values)]


def respective_rates(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str],
                     run: tuple[str, tuple[str, ...], str] | None) -> list[ArmValue]:
    """"These respective rates in the B arm were 39%, 25%, and 18%": the time points and endpoint of the run
    (endpoint, time points, arm) the sentence before gave one arm, now for the other arm this sentence names."""
    cue = RESPECTIVE_RATES_RE.search(sent.text) if run is not None and len(arms) == 2 else None
    if cue is None or TIMEPOINT_LIST_RE.search(sent.text) or SUBGROUP_RE.search(sent.text):  # (a subgroup anywhere)
        return []
    endpoint, points, agent = run  # type: ignore[misc]
    named = {a.key for a in arm_mentions(doc, sent, arms)}
    values = _run(sent.text, cue.end(), len(points))
    if values is None or COMPARISON_GAP_RE.search(sent.text, cue.end(), values[0].start()) or len(named) != 1 or agent in named or any(a.endpoint != endpoint for a in anchors(doc, sent)):
        return []
    other = named.pop()
    return [ArmValue(other, endpoint, point, Decimal(decimal_text(m.group("num"))), decimal_text(m.group("num")), "%")
            for point, m in zip(points, values)]


def _run(text: str, start: int, count: int) -> list[re.Match] | None:
    """The ``count`` percentages after ``start``, the sentence's last ones, listed as one run ("50%, 39%, and 31%");
    None when there are more or fewer, or they are paired ("50% vs 39%")."""
    masked = masked_text(text)
    values = [m for m in VALUE_RE.finditer(masked, start) if m.group("unit") == "%"]
    if len(values) != count or any(not RUN_GAP_RE.fullmatch(unparenthesised(masked[a.end():b.start()]))
                                   for a, b in zip(values, values[1:])):
        return None
    return values
