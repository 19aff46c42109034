"""A table's header in two rows: group cells above ("Response rate", "Median survival"), the columns they span
below ("ORR | DCR | OS | PFS"), as a page's text renders them: each group one cell wide, its columns packed left.

The rows' cells say how many columns there are; the groups are the run of upper cells that the lower row's cells
replace, each spanning as many columns as the others.  Which run that is, is read from the endpoints: a group
naming an endpoint of one kind (a rate, a time to an event) over columns of that same kind, and exactly one run
fitting so.  Invented header::

    Drug | n | Response rate | Median survival |
    ORR | DCR | OS | PFS | | |

has the columns Drug, n, ORR, DCR, OS, PFS (:func:`spanned_columns` gives where each column's name is).
"""

from __future__ import annotations

import re

from .prose_values import PROPORTION_ENDPOINTS, TIME_TO_EVENT

Source = tuple[str, int]  # ("upper" or "lower", index of the cell in its row)


def _kind(endpoint: str | None) -> str | None:
    if endpoint in PROPORTION_ENDPOINTS:
        return "rate"
    return "time" if endpoint in TIME_TO_EVENT else None


# A group's words when it names no one endpoint: "Median survival", "Survival (months)", "Response (%)".
_TIME_GROUP_RE = re.compile(r"\b(?:surviv\w*|time\s+to)\b", re.IGNORECASE)
_RATE_GROUP_RE = re.compile(r"\b(?:respon\w*|rates?)\b", re.IGNORECASE)


def _group_kind(text: str, endpoint: str | None) -> str | None:
    """The kind of the endpoints a group cell heads: its own endpoint's, else its words' (one kind only)."""
    if endpoint is not None:
        return _kind(endpoint)
    time, rate = _TIME_GROUP_RE.search(text), _RATE_GROUP_RE.search(text)
    return "time" if time and not rate else "rate" if rate and not time else None


def spanned_columns(upper: list[str], lower: list[str], upper_endpoints: list[str | None],
                    lower_endpoints: list[str | None]) -> list[Source] | None:
    """Where each column's name is, in the upper or the lower row (None when the rows are not so read).

    >>> spanned_columns(["Drug", "n", "Response rate", "Median survival"], ["ORR", "DCR", "OS", "PFS", "", ""],
    ...                 [None, None, "orr", None], ["orr", "dcr", "os", "pfs", None, None])
    [('upper', 0), ('upper', 1), ('lower', 0), ('lower', 1), ('lower', 2), ('lower', 3)]
    """
    columns = len(lower)
    named_lower = next((i for i, c in enumerate(lower) if not c), len(lower))
    if named_lower < 2 or any(lower[named_lower:]):
        return None  # the lower row's names are not packed to the left
    named_upper = [i for i, c in enumerate(upper) if c]
    groups = len(named_upper) + named_lower - columns
    if groups < 1 or named_lower % groups or named_lower // groups < 2:
        return None
    width = named_lower // groups
    kinds = [_group_kind(text, endpoint) for text, endpoint in zip(upper, upper_endpoints)]
    fitting = [first for first in range(len(named_upper) - groups + 1)
               if _fits(named_upper[first:first + groups], width, kinds, lower_endpoints)]
    if len(fitting) != 1:
        return None
    first = fitting[0]
    return ([("upper", i) for i in named_upper[:first]] + [("lower", j) for j in range(named_lower)]
            + [("upper", i) for i in named_upper[first + groups:]])


def _fits(group_cells: list[int], width: int, kinds: list[str | None], lower_endpoints: list[str | None]) -> bool:
    """Does each group head endpoints of the kind of every column under it?"""
    for g, cell in enumerate(group_cells):
        kind = kinds[cell] if cell < len(kinds) else None
        under = lower_endpoints[g * width:(g + 1) * width]
        if kind is None or any(_kind(e) != kind for e in under):
            return False
    return True


def pick(sources: list[Source], upper: list, lower: list) -> list:
    """What the two rows say of each cell (``upper``'s and ``lower``'s lists) laid out as the columns ``sources`` names.

    >>> pick([("upper", 0), ("lower", 1)], ["n", "rate"], ["ORR", "DCR"])
    ['n', 'DCR']
    """
    rows = {"upper": upper, "lower": lower}
    return [rows[row][i] if i < len(rows[row]) else None for row, i in sources]
