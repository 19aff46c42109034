"""One endpoint read by two response criteria or assessors in one sentence: both readings are values.

"46% per mRECIST and 36% per RECIST v1.1" gives one arm two values (:func:`per_criterion`); "ORR was 21% vs
9% per RECIST 1.1 and 30% vs 12% per mRECIST" gives each arm of two one value per criterion
(:func:`second_criterion_pair`).  Split from :mod:`prose_values`, which decides whose value each one is.
"""

from __future__ import annotations

import re

from .prose_numbers import JOINER_RE, unparenthesised

# ("on" only before a criterion's name: "28% vs 9% on RECIST v1.1 and 41% vs 15% on modified RECIST")
_CRITERION = (r"(?:per|by|according\s+to|using|as\s+assessed\s+by|assessed\s+by|"
              r"on(?=\s+(?:the\s+)?(?:m?RECIST|modified\s+RECIST|Response\s+Evaluation|EASL|irRECIST|iRECIST)))\s+")
# One arm's value by one criterion or assessor, then the other's: "46% per mRECIST and 36% per RECIST v1.1",
# "9.3 months by investigator assessment and 8.6 months by BICR", "according to A and ... according to B".
CRITERION_GAP_RE = re.compile(rf"\s*,?\s*{_CRITERION}[^;%]{{1,40}}?\s*,?\s*(?:and|vs\.?|versus)\s*", re.IGNORECASE)
CRITERION_AFTER_RE = re.compile(rf"\s*,?\s*{_CRITERION}", re.IGNORECASE)
# Between two arms' pair by one criterion and their pair by another: "(21% vs 9%) per RECIST 1.1 and (30% vs 12%)",
# "(...) and per mRECIST (...)", "(...) by RECIST 1.1, and (...)"; the criterion named before the pair or after it.
PAIRS_GAP_RE = re.compile(rf"\s*(?:,?\s*{_CRITERION}[^;%\d]{{1,60}}?(?:\s*v?\d+(?:\.\d+)?)?)?\s*,?\s*and\s+"
                          rf"(?:{_CRITERION}[^;%\d]{{1,30}}?(?:\s*v?\d+(?:\.\d+)?)?\s*,?\s*)?", re.IGNORECASE)
CRITERION_RE = re.compile(rf"\b{_CRITERION}", re.IGNORECASE)


def per_criterion(text: str, tokens) -> list:
    """One arm's two readings of an endpoint by two criteria or assessors: "46% per mRECIST and 36% per RECIST
    v1.1", "9.3 months by investigator and 8.6 months by central review" (both values; [] otherwise)."""
    if len(tokens) < 2 or tokens[0][3] != tokens[1][3]:
        return []
    between = unparenthesised(text[tokens[0][1]:tokens[1][0]])
    after = unparenthesised(text[tokens[1][1]:tokens[1][1] + 60])
    if CRITERION_GAP_RE.fullmatch(between) and CRITERION_AFTER_RE.match(after):
        return list(tokens[:2])
    return []


def second_criterion_pair(text: str, start: int, tokens, pair) -> list:
    """The two arms' values by a second criterion after their pair by a first ("ORR was 21% vs 9% per RECIST 1.1
    and 30% vs 12% per mRECIST", "ORR per RECIST 1.1 was 21% vs 9% and per mRECIST 30% vs 12%"): the next two
    values, in the unit of the first pair, when each pair is joined as a pair and a criterion is named for each
    ([] otherwise).  ``start`` is where the endpoint's clause begins; ``tokens`` every value after the endpoint."""
    if len(pair) != 2 or len(tokens) < 4 or list(tokens[:2]) != list(pair):
        return []
    second = list(tokens[2:4])
    if any(t[3] != pair[0][3] for t in second) or not all(
            JOINER_RE.match(unparenthesised(text[a[1]:b[0]])) for a, b in (pair, second)):
        return []
    gap = text[pair[1][1]:second[0][0]]
    after_second = unparenthesised(text[second[1][1]:second[1][1] + 40])
    criteria = len(CRITERION_RE.findall(unparenthesised(text[start:pair[0][0]]) + unparenthesised(gap))) \
        + bool(CRITERION_AFTER_RE.match(after_second))
    if not PAIRS_GAP_RE.fullmatch(unparenthesised(gap)) or criteria < 2:
        return []
    return second
