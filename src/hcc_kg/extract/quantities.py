"""Numbers as printed: thresholds ("of 400 ng/ml or higher"), kept as Decimal.

>>> text = "with AFP of 400 ng/ml or higher"
>>> t = parse_threshold(text)
>>> (t.comparator, t.value, t.unit, text[t.start:t.end] == text[text.index("of"):])
('>=', Decimal('400'), 'ng/mL', True)
>>> parse_threshold("AFP > 400 ng/ml").comparator
'>'
>>> parse_threshold("no number here") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_UNITS = {"ng/ml": "ng/mL", "iu/ml": "IU/mL", "u/ml": "U/mL", "mg/dl": "mg/dL", "%": "%"}
_THRESHOLD_RE = re.compile(
    r"(?P<cmp>≥|>=|>|≤|<=|<|of|at least|above|below|over|under)?\s*"
    r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>ng/ml|iu/ml|u/ml|mg/dl|%)"
    r"(?:\s+or\s+(?P<tail>higher|greater|more|above|lower|less|below))?",
    re.IGNORECASE)
_AT_LEAST = {"higher", "greater", "more", "above"}
_AT_MOST = {"lower", "less", "below"}
_OPERATORS = {"≥": ">=", ">=": ">=", ">": ">", "above": ">", "over": ">", "at least": ">=",
              "≤": "<=", "<=": "<=", "<": "<", "below": "<", "under": "<"}


@dataclass(frozen=True)
class Threshold:
    """A threshold a text states ("AFP ≥ 400 ng/mL"): comparator, value, unit and offsets."""

    comparator: str
    value: Decimal
    unit: str
    start: int
    end: int


def parse_threshold(text: str) -> Threshold | None:
    """The first "comparator number unit" in ``text`` (offsets relative to ``text``)."""
    match = next((m for m in _THRESHOLD_RE.finditer(text) if m.group("unit").lower() in _UNITS), None)
    if match is None:  # (IGNORECASE lets e.g. a dotted capital I match "i"; such units are not ours)
        return None
    tail = (match.group("tail") or "").lower()
    cmp_word = (match.group("cmp") or "").lower()
    if tail in _AT_LEAST:
        comparator = ">="
    elif tail in _AT_MOST:
        comparator = "<="
    else:
        comparator = _OPERATORS.get(cmp_word, "=")
    start = match.start("cmp") if match.group("cmp") else match.start("num")
    return Threshold(comparator, Decimal(match.group("num")), _UNITS[match.group("unit").lower()],
                     start, match.end())
