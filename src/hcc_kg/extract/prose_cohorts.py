"""A single-arm trial's values given per cohort, and groups named after a value that are not its arm.

"34% in the weekly and 22% in the biweekly cohort" are the one arm's values (each cohort gets the arm's regimen);
"16.9 months in the retreated group" is no arm's value.  Split from :mod:`.prose_values` to keep it short.
"""

from __future__ import annotations

import re

from .prose_arms import Agent
from .prose_numbers import JOINER_RE, PARALLEL_GAP_RE, unparenthesised
from .prose_quoted import historical
from .prose_subgroups import SUBGROUP_RE


# After a single-arm trial's value, a group that is not its arm: "16.9 months in the retreated group" (the whole
# population's "in the overall / ITT / expansion cohort" is the arm's).
_NOT_WHOLE = (r"\s*(?:\([^()]*\)\s*)?(?:in|among|for)\s+(?!(?:the\s+)?(?:overall|total|whole|entire|full|ITT|"
              r"intent(?:ion)?-to-treat|efficacy|safety|study|treatment|expansion|evaluable)\b)(?:the\s+)?")
OTHER_GROUP_RE = re.compile(_NOT_WHOLE + r"(?:[\w-]+\s+){1,3}?(?:group|subgroup|population|arm)s?\b", re.IGNORECASE)
# ... the first of two groups sharing their head noun: "28% in the X-naive and 20% in the X-experienced groups".
COORDINATED_GROUP_RE = re.compile(_NOT_WHOLE + r"(?:[\w-]+\s+){0,2}?[\w-]+\s+and\s+[^.;]{0,60}?\b(?:groups|subgroups|populations|arms)\b",
                                  re.IGNORECASE)


# ... or a cohort named by a characteristic or the therapy before: "29% (18/62; 95% CI (exact), 18-42) in the
# untreated cohort", "in the HBV cohort" (a cohort by dose or schedule is the arm's: :func:`cohort_values`).
# ... its bracket may be square ("34% [24/70; 95% CI, ...] in the X cohort") and the cohort word may close a coordination
# ("34% [...] in the first-line and 22% (...) in the second-line cohort": the first value's cohort is the first-line one).
CHARACTERISED_COHORT_RE = re.compile(r"\s*(?:(?:\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\])\s*)?(?:in|among|for)\s+(?:the\s+)?"
                                     r"(?P<words>(?:[\w-]+\s+){1,3}?)(?:and\s+(?:[^.;()\[\]]|\.\d|\([^()]*\)|\[[^\[\]]*\]){0,80}?)?"
                                     r"cohorts?\b", re.IGNORECASE)


def other_group(text: str, end: int, named: list[Agent]) -> bool:
    """Does a group other than the arm follow a single-arm trial's value ("14.2 months in the X group", "28% in the
    X-naive and 20% in the X-experienced groups", "29% in the untreated cohort")?"""
    m = OTHER_GROUP_RE.match(text, end) or COORDINATED_GROUP_RE.match(text, end)
    if m is None and (c := CHARACTERISED_COHORT_RE.match(text, end)) and CHARACTERISTIC_RE.search(c.group("words")):
        m = c
    return m is not None and not any(end <= a.start < m.end() for a in named)


# A single-arm trial's cohorts ("cohort A and cohort B", "the low-dose and high-dose cohorts", "in both cohorts"):
# each is treated with the arm's regimen (at its own dose or schedule), so each cohort's value is the arm's; a
# subgroup named by a characteristic ("the PD-L1-positive and -negative cohorts", "the HBV and HCV cohorts") is no arm's.
COHORT_RE = re.compile(r"\bcohorts?\b", re.IGNORECASE)
CHARACTERISTIC_RE = re.compile(r"[\w-]+-(?:positive|negative|high|low|mutant|mutated|wild-type|infected|related|associated)\b|"
                               r"\b(?:HBV|HCV|hepatitis|(?:non-?)?viral|Asian|non-Asian|elderly|older|younger)\b|"
                               # ... or by the therapy before ("the treatment-naive and pretreated cohorts", "the first-line
                               # and second-line cohorts"): subgroups by prior lines, as the gold's guidelines read them
                               r"[\w-]*(?:naive|na\u00efve)\b|\bpre-?treated\b|[\w-]+-experienced\b|\b(?:refractory|intolerant|"
                               r"prior|previously)\b|\b(?:first|second|third|1st|2nd|3rd)[- ]line\b", re.IGNORECASE)


def cohort_values(text: str, fitting, c_start: int, c_end: int, sentences: tuple[str, ...] | list[str] = ()) -> list:
    """A single-arm trial's values one per cohort ("34% in the weekly and 22% in the biweekly cohort",
    "X and Y in both cohorts, respectively"): the clause's values of one unit, when it names cohorts, is about
    no subgroup and pairs its values; [] otherwise.  A clause naming no cohort refers "respectively" to the cohorts
    the sentence before named (of ``sentences``, the document's): "... in cohort A and ... in cohort B. The median
    PFS was X and Y, respectively"."""
    clause = text[c_start:c_end]
    if not COHORT_RE.search(clause) and not _cohorts_before(clause, text, sentences):
        return []
    if SUBGROUP_RE.search(clause) or CHARACTERISTIC_RE.search(clause) or len(fitting) < 2:
        return []
    tokens = [t for t in fitting[:4] if t[3] == fitting[0][3] and not historical(text, t)]
    # "34% [...] in the weekly and 22% (...) in the biweekly cohort": each value followed by its cohort
    parallel = len(tokens) > 1 and PARALLEL_GAP_RE.match(unparenthesised(text[tokens[0][1]:tokens[1][0]]))
    return tokens if parallel or several(text, tokens, c_start, c_end) else []


def _cohorts_before(clause: str, text: str, sentences) -> bool:
    """Does a "respectively" clause follow a sentence naming two cohorts or more, by no characteristic?"""
    at = list(sentences).index(text) if text in sentences else 0
    before = sentences[at - 1] if at > 0 else ""
    return bool(re.search(r"\brespectively\b", clause, re.IGNORECASE)) and len(COHORT_RE.findall(before)) >= 2 \
        and not CHARACTERISTIC_RE.search(before) and not SUBGROUP_RE.search(before)


def several(text: str, tokens, c_start: int, c_end: int) -> bool:
    """Are the first values a pair ("A and B", "A vs B", "..., respectively") rather than one value?"""
    paired = len(tokens) > 1 and bool(JOINER_RE.match(unparenthesised(text[tokens[0][1]:tokens[1][0]])))
    return paired or "respectively" in text[c_start:c_end].lower()


# Cohorts a clause refers to without naming them: "in both cohorts", "the two cohorts", "each cohort".
UNNAMED_COHORTS_RE = re.compile(r"\b(?:both|(?:the|these)\s+two|each|all|the\s+respective)\s+cohorts?\b", re.IGNORECASE)
# Cohorts or settings named by a characteristic or the therapy before ("the first-line and second-line cohorts",
# "70 patients in the first-line setting and 120 in the second-line setting").
CHARACTERISED_PART_RE = re.compile(rf"(?P<a>{CHARACTERISTIC_RE.pattern})\s+(?:(?:and|or)\s+(?P<b>{CHARACTERISTIC_RE.pattern})\s+)?"
                                   r"(?:cohorts?|settings?)\b", re.IGNORECASE)


def unnamed_subgroup_cohorts(clause: str, sentences: list[str]) -> bool:
    """Does the clause give values for cohorts it does not name ("in both cohorts") while the document names two
    cohorts or settings by a characteristic ("the first-line ... and the second-line setting")?  Those cohorts are
    subgroups: their values are no single-arm trial's."""
    if not UNNAMED_COHORTS_RE.search(clause):
        return False
    named = {g.lower() for text in sentences for m in CHARACTERISED_PART_RE.finditer(text) for g in m.group("a", "b") if g}
    return len(named) >= 2
