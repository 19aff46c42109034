"""Dates as a text states them: "On March 23", "in June 2021", "23 August 2018", "November 2018".

Kept as printed (``text``) with what the text fixes of it: the year and the month where
stated, so ``year_month`` ("2021-06") exists only when both are.

>>> [d.text for d in dates_in("granted on 23 August 2018, after filing in June 2017")]
['23 August 2018', 'June 2017']
>>> d = dates_in("On March 23, the agency approved it")[0]
>>> (d.text, d.year, d.year_month)
('March 23', None, None)
>>> dates_in("in November 2018 based on data")[0].year_month
'2018-11'
>>> [(d.text, d.year) for d in dates_in("approved in late 2007, and in mid-2019 in Japan")]
[('late 2007', 2007), ('mid-2019', 2019)]
>>> dates_in("March 23, 2018")[0].year_month
'2018-03'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH = (r"(?P<{0}>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April|"
          r"June|July|August|September|October|November|December)")
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>(?:19|20)\d\d)"
DATE = re.compile(
    rf"\b(?:{_DAY.format('d1')}\s+{_MONTH.format('m1')},?\s+{_YEAR.format('y1')}"        # 23 August 2018
    rf"|{_MONTH.format('m2')}\s+{_DAY.format('d2')}(?:,?\s+{_YEAR.format('y2')})?(?![\d])"  # March 23[, 2018]
    rf"|{_MONTH.format('m3')},?\s+{_YEAR.format('y3')}"                                 # June 2021
    rf"|(?<=in\s)(?:(?:early|late|mid)[\s-]+)?{_YEAR.format('y4')})\b")                  # in 2019, in late 2007


@dataclass(frozen=True)
class StatedDate:
    """A date as a text states it, with the year and month it gives."""

    text: str
    start: int
    end: int
    year: int | None
    month: int | None

    @property
    def year_month(self) -> str | None:
        return f"{self.year:04d}-{self.month:02d}" if self.year and self.month else None


def _month_number(name: str | None) -> int | None:
    if not name:
        return None
    stem = name.lower().rstrip(".")[:3]
    return next(i + 1 for i, m in enumerate(MONTHS) if m.startswith(stem))


def dates_in(text: str) -> list[StatedDate]:
    """Every stated date in ``text``, in order (offsets relative to ``text``)."""
    out = []
    for m in DATE.finditer(text):
        groups = m.groupdict()
        month = next((groups[k] for k in ("m1", "m2", "m3") if groups[k]), None)
        year = next((groups[k] for k in ("y1", "y2", "y3", "y4") if groups[k]), None)
        out.append(StatedDate(m.group().strip(), m.start(), m.end(), int(year) if year else None,
                              _month_number(month)))
    return out
