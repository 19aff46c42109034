"""Results printed side by side for two analysis populations, each kept with its population's name.

An abstract may print one comparison twice, once per analysis set, in parallel brackets: "longer OS in both
the FAS (12.1 vs 10.3 months, HR 0.83, 95% CI ...) and the ITT set (12.0 vs 10.1 months, 0.84, 0.71-0.99)".
Both are the whole trial's results, so both are kept, each value and ratio with the population it was read
for (:func:`population_at`); the second bracket's ratio, printed without its head by analogy with the first,
is read by :mod:`.effects`, its values by :mod:`.population_values`.  A pure finder of spans: no import from
the rest of the package.

>>> text = "in both FAS (12.1 vs 10.3 months, HR 0.83) and ITT (12.0 vs 10.1 months, 0.84)"
>>> brackets = parallel_brackets(text)
>>> [(name, text[s:e]) for name, s, e in brackets]
[('FAS', '(12.1 vs 10.3 months, HR 0.83)'), ('ITT', '(12.0 vs 10.1 months, 0.84)')]
>>> population_at(brackets, text.index("12.0")), population_at(brackets, 0)
('ITT', '')
>>> parallel_brackets("in the ITT population (12.0 vs 10.1 months)")
[]
"""

from __future__ import annotations

import re

# Each population's name as the graph writes it, and how texts spell it.
POPULATIONS = {
    "mITT": r"(?-i:mITT)|modified\s+(?:intention|intent)[- ]to[- ]treat",
    "ITT": r"(?:intention|intent)[- ]to[- ]treat|(?-i:ITT)",
    "FAS": r"full[- ]analysis\s+set|(?-i:FAS)",
    "per-protocol": r"per[- ]protocol|(?-i:PPS?)",
    "safety set": r"safety(?:\s+analysis)?\s+set|(?-i:SAS)",
    "efficacy-evaluable": r"(?:efficacy|response)[- ]evaluable",
}
_NAMES = "|".join(f"(?P<p{i}>{spelling})" for i, spelling in enumerate(POPULATIONS.values()))
# A population's name, a head noun at most, then its bracket (one level of nested brackets inside).
POPULATION_RE = re.compile(rf"(?<![\w-])(?:{_NAMES})(?![\w-])(?:\s+(?:population|set|analysis|cohort))?\s*"
                           r"(?P<body>\((?:[^()]|\([^()]*\))*\))", re.IGNORECASE)


def _brackets(text: str) -> list[tuple[str, int, int]]:
    """(population, start, end) of each bracket of figures that follows an analysis population's name (not "the
    intention-to-treat (ITT) set", a name and its abbreviation)."""
    names = list(POPULATIONS)
    found = []
    for m in POPULATION_RE.finditer(text):
        if re.search(r"\d", m.group("body")):
            name = next(names[i] for i in range(len(names)) if m.group(f"p{i}") is not None)
            found.append((name, m.start("body"), m.end("body")))
    return found


def parallel_brackets(text: str) -> list[tuple[str, int, int]]:
    """The brackets of figures of two analysis populations or more, in order; none when one population is named."""
    found = _brackets(text)
    return found if len({name for name, _, _ in found}) >= 2 else []


def population_at(brackets: list[tuple[str, int, int]], position: int) -> str:
    """The population whose bracket (of :func:`parallel_brackets`, read once per text) holds ``position``; "" when
    none."""
    return next((name for name, s, e in brackets if s <= position < e), "")
