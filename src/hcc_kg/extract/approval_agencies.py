"""Which regulator approved which agent when one statement names several of each (:mod:`.approvals`).

"In 2020 the EMA approved A plus B and in 2023 (in Europe) C plus D": a regulator named between two
agents goes with the agents after it, up to the next regulator, and the agents before it with the
regulator before them. When no regulator stands between two agents ("The FDA and the EMA approved A
and B"), the statement does not pair them and every agent goes with every regulator. Position only.
"""

from __future__ import annotations


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
