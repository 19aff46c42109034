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
>>> [dates_in(t)[0].year_month for t in ("on 2018-08-15", "on 08/15/2018", "on 15.08.2018", "in August of 2018")]
['2018-08', '2018-08', '2018-08', '2018-08']
>>> [(d.year, d.month) for d in dates_in("on 05/06/2018, in Q3 2018 and in the third quarter of 2019")]
[(2018, None), (2018, None), (2019, None)]
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
    rf"|{_MONTH.format('m3')},?\s+(?:of\s+)?{_YEAR.format('y3')}"                        # June 2021, June of 2021
    rf"|{_YEAR.format('y5')}-(?P<n5>0[1-9]|1[0-2])-(?P<d5>[0-3]\d)"                     # 2018-08-15 (ISO)
    rf"|(?P<a6>[0-3]?\d)[/.](?P<b6>[0-3]?\d)[/.]{_YEAR.format('y6')}"                    # 08/15/2018, 15.08.2018
    rf"|(?:(?:the\s+)?(?:first|second|third|fourth)\s+quarter\s+of|Q[1-4])\s+{_YEAR.format('y7')}"  # Q3 2018
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


def _numeric_month(first: str | None, second: str | None) -> int | None:
    """The month of a numeric date "a/b/yyyy" when the order is beyond doubt (one of the two exceeds 12:
    "08/15/2018" is August, "15.08.2018" August); None for "05/06/2018", month-first or day-first alike."""
    if not first or not second:
        return None
    a, b = int(first), int(second)
    if a > 12 >= b >= 1:
        return b
    if b > 12 >= a >= 1:
        return a
    return None


def dates_in(text: str) -> list[StatedDate]:
    """Every stated date in ``text``, in order (offsets relative to ``text``)."""
    out = []
    for m in DATE.finditer(text):
        groups = m.groupdict()
        month = next((groups[k] for k in ("m1", "m2", "m3") if groups[k]), None)
        year = next((groups[k] for k in ("y1", "y2", "y3", "y4", "y5", "y6", "y7") if groups[k]), None)
        number = int(groups["n5"]) if groups["n5"] else _numeric_month(groups["a6"], groups["b6"])
        out.append(StatedDate(m.group().strip(), m.start(), m.end(), int(year) if year else None,
                              number or _month_number(month)))
    return out
