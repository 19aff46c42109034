"""Values a results sentence quotes from another trial for comparison: no arm of the trial in context has them.

Split from :mod:`prose_values`, which reads each arm's values and drops these.
"""

from __future__ import annotations

import re

# Another trial's value quoted for comparison: "compared with a historical 10.7 months", "10.7 months reported for B in
# NAME", "10.7 months with B in a previous trial".
HISTORICAL_BEFORE_RE = re.compile(r"\bhistoric(?:al(?:ly)?)?\b[^.;\d]{0,20}$", re.IGNORECASE)
HISTORICAL_AFTER_RE = re.compile(r"^\s*(?:months?|mos?|%)?\.?\s*(?:(?:was|were|had\s+been)\s+)?(?:previously\s+reported\b|"
                                 # "reported for B in NAME" (a value reported with this trial's arm is its own)
                                 r"reported\s+(?:for|with)\b[^.;\d]{0,40}?\bin\s+(?:the\s+)?(?!m?ITT\b)(?-i:[A-Z][A-Za-z]*-?\d*)\b"
                                 r"(?!\s+(?:population|group|arm|cohort|set|analysis)))|"
                                 r"^[^.;\d]{0,40}?\bin\s+(?:an?|the)\s+(?:previous|prior|earlier|historical|pivotal\s+)\w*\s*"
                                 r"(?:trials?|studies|study|reports?|cohorts?)\b", re.IGNORECASE)


def historical(text: str, token) -> bool:
    """Is the value another trial's, quoted for comparison?"""
    return bool(HISTORICAL_BEFORE_RE.search(text, max(0, token[0] - 30), token[0])
                or HISTORICAL_AFTER_RE.match(text[token[1]:token[1] + 60]))
