"""Which regulator approved which agent when one statement names several of each (:mod:`.approvals`).

"In 2020 the EMA approved A plus B and in 2023 (in Europe) C plus D": a regulator named between two
agents goes with the agents after it, up to the next regulator, and the agents before it with the
regulator before them. When no regulator stands between two agents ("The FDA and the EMA approved A
and B"), the statement does not pair them and every agent goes with every regulator. Position only.
"""

from __future__ import annotations

import re


def paired(agents: list[tuple[str, int]], agencies: list[tuple[str, int]]) -> dict[str, tuple[str, ...]]:
    """Agent key -> the one regulator it goes with, from (key, offset) pairs of one clause; empty when
    the clause does not interleave them.

    >>> paired([("a", 30), ("c", 90)], [("ema", 10), ("ec", 70)])
    {'a': ('ema',), 'c': ('ec',)}
    >>> paired([("a", 30), ("c", 40)], [("fda", 5), ("ema", 15)])
    {}
    """
    first: dict[str, int] = {}
    for key, at in agents:
        first.setdefault(key, at)
    if len(first) < 2 or len({key for key, _ in agencies}) < 2:
        return {}
    lo, hi = min(first.values()), max(first.values())
    if not any(lo < at < hi for _, at in agencies):
        return {}
    out = {}
    for key, at in first.items():
        before = [agency for agency, where in sorted(agencies, key=lambda x: x[1]) if where < at]
        if before:
            out[key] = (before[-1],)
    return out


# "approved for A in the USA and for the first-line treatment of B in Europe", "granted X approval for
# first-line A and conditional approval for B": a coordinated "for" (or approval) opens a second indication,
# with its own place, disease and line.
OTHER_PATIENTS = r"(?:for\s+)?(?:the\s+treatment\s+of\s+)?(?:those|patients|people|adults)\s+with\b"
SECOND_INDICATION = re.compile(r",?\s+and\s+(?=for\b)|;\s+|"
                               r",?\s+and\s+(?=(?:[\w-]+\s+){0,2}?(?:approvals?|authori[sz]ations?)\s+for\b)|"
                               # ... or by its patients: "for patients with A and (for) patients with B after C"
                               rf",?\s+and\s+(?={OTHER_PATIENTS})", re.IGNORECASE)


def lines_by_agency(text: str, agencies: list[tuple[str, int]], lines_of, spread: bool = True) -> dict[str, str | None]:
    """Regulator (or disease) -> the one line (or None) its own coordinated indication names, when the
    clause ``text`` coordinates indications each with its own regulators (offsets into ``text``); else
    empty. ``lines_of`` reads the lines a piece of text names; ``spread``: the keys must lie in two
    indications or more (not so for a disease coordinated with one the vocabulary does not know).

    >>> words = lambda t: {"first_line"} if "first-line" in t else set()
    >>> lines_by_agency("for HCC in the USA and for first-line HCC in Europe", [("fda", 15), ("ec", 44)], words)
    {'fda': None, 'ec': 'first_line'}
    >>> lines_by_agency("for first-line HCC in the USA and Europe", [("fda", 26), ("ec", 34)], words)
    {}
    >>> lines_by_agency("approval for first-line A and conditional approval for B", [("a", 24), ("b", 55)], words)
    {'a': 'first_line', 'b': None}
    >>> lines_by_agency("approval for first-line A and conditional approval for B", [("b", 55)], words, spread=False)
    {'b': None}
    """
    cuts = [0] + [m.end() for m in SECOND_INDICATION.finditer(text)] + [len(text) + 1]
    segments = list(zip(cuts, cuts[1:]))
    where = {key: {i for i, (lo, hi) in enumerate(segments) if lo <= at < hi} for key, at in agencies}
    if len(segments) < 2 or (spread and len({i for found in where.values() for i in found}) < 2) \
            or any(len(found) != 1 for found in where.values()):
        return {}
    out: dict[str, str | None] = {}
    for key, found in where.items():
        lo, hi = segments[next(iter(found))]
        lines = lines_of(text[lo:hi])
        if len(lines) > 1:
            return {}
        out[key] = next(iter(lines), None)
    return out


# "A is the only approved first-line therapy and B the only approved second-line therapy": agents coordinated
# one after another, each with its own line; "and", "while", "whereas" or a semicolon joins the parts.
NEXT_AGENT = re.compile(r"(?:,?\s+(?:and|while|whereas)|;)\s+$", re.IGNORECASE)


def lines_by_agent(text: str, agents: list[tuple[str, int]], lines_of, cue: re.Pattern) -> dict[str, str]:
    """Agent key -> its line, when the clause ``text`` coordinates approved agents (offsets into ``text``)
    each followed by its own line and its own approval wording ("approved" in every part); else empty.

    >>> words = lambda t: {"first_line"} if "first-line" in t else {"second_line"} if "second-line" in t else set()
    >>> approved = re.compile("approved")
    >>> lines_by_agent("A is the approved first-line option and B the approved second-line one", [("a", 0), ("b", 40)],
    ...                words, approved)
    {'a': 'first_line', 'b': 'second_line'}
    >>> lines_by_agent("A and B are approved as first-line and second-line options", [("a", 0), ("b", 6)], words, approved)
    {}
    """
    first: dict[str, int] = {}
    for key, at in sorted(agents, key=lambda x: x[1]):
        first.setdefault(key, at)
    starts = sorted(first.values())
    if len(starts) < 2 or any(not NEXT_AGENT.search(text[:at]) for at in starts[1:]):
        return {}
    bounds = dict(zip(starts, starts[1:] + [len(text)]))
    out = {}
    for key, at in first.items():
        part = text[at:bounds[at]]
        lines = lines_of(part)
        if len(lines) != 1 or not cue.search(part):
            return {}
        out[key] = next(iter(lines))
    return out if len(set(out.values())) > 1 else {}


# The line words of a clause in order ("first- and second-line"), for "respectively".
ORDERED_LINE = re.compile(r"\b(?:first|1st|front|second|2nd|third|3rd)(?=-|\s+line)", re.IGNORECASE)
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def lines_respectively(text: str, agents: list[tuple[str, int]], lines_of) -> dict[str, str]:
    """Agent key -> its line, when the clause ``text`` names as many lines, after its agents, as it approves agents and
    says "respectively" ("A and B are approved first- and second-line therapies, respectively"); else empty.

    >>> words = lambda t: {"first_line"} if t.startswith("first") else {"second_line"} if t.startswith("second") else set()
    >>> lines_respectively("A and B are approved first- and second-line options, respectively", [("a", 0), ("b", 6)], words)
    {'a': 'first_line', 'b': 'second_line'}
    >>> lines_respectively("A and B are approved first- and second-line options", [("a", 0), ("b", 6)], words)
    {}
    """
    keys = list(dict.fromkeys(key for key, _ in sorted(agents, key=lambda a: a[1])))
    last = max((at for _, at in agents), default=0)
    if len(keys) < 2 or not RESPECTIVELY.search(text, last):
        return {}
    lines = [next(iter(found)) for m in ORDERED_LINE.finditer(text, last) if len(found := lines_of(m.group() + "-line")) == 1]
    return dict(zip(keys, lines)) if len(lines) == len(keys) and len(set(lines)) == len(lines) else {}


# A line stated right before the agents it qualifies: "first-line A and B, and second-line C" (one line word; the
# agents it covers joined by list glue up to the next such word).
LINE_BEFORE = re.compile(r"\b(?:first|second|third|later)[- ]line\s+$", re.IGNORECASE)
LIST_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)", re.IGNORECASE)


def lines_by_premodifier(text: str, agents: list[tuple[str, int, int]], lines_of) -> dict[str, str]:
    """Agent key -> its line, when every agent of the clause ``text`` ((key, start, end) offsets into it) has its line
    word right before it or before the list it is part of ("..., including first-line A and B, and second-line C and
    D"), and two lines are named so; else empty (a clause naming two lines otherwise does not say whose is which).

    >>> words = lambda t: {"first_line"} if "first-line" in t else {"second_line"} if "second-line" in t else set()
    >>> text = "approved, including first-line A and B, and second-line C"
    >>> lines_by_premodifier(text, [("a", 31, 32), ("b", 37, 38), ("c", 56, 57)], words)
    {'a': 'first_line', 'b': 'first_line', 'c': 'second_line'}
    >>> lines_by_premodifier("first-line A and B as second-line therapy", [("a", 11, 12), ("b", 17, 18)], words)
    {}
    """
    out: dict[str, str] = {}
    line, last_end = None, 0
    for key, start, end in sorted(agents, key=lambda a: a[1]):
        gap = text[last_end:start]
        before = LINE_BEFORE.search(gap)
        if before and (last_end == 0 or LIST_GLUE.fullmatch(gap[:before.start()] + " ")):
            line = next(iter(lines_of(before.group())), None)
        elif not (line and LIST_GLUE.fullmatch(gap)):
            return {}
        if line is None or out.get(key, line) != line:
            return {}
        out[key] = line
        last_end = end
    return out if len(set(out.values())) > 1 else {}
