"""The values of a second analysis population's bracket, read by analogy with the first's (:mod:`.analysis_sets`).

"longer OS in both the FAS (12.1 vs 10.3 months, ...) and the ITT set (12.0 vs 10.1 months, ...)": the arms'
values read in the FAS bracket are given again, in the same order and unit, for the ITT population.
"""

from __future__ import annotations

from .prose_numbers import Token, value_tokens


def parallel_values(brackets: list[tuple[str, int, int]], masked: str, tokens: list[Token],
                    owners: list[str]) -> list[tuple[Token, str, str]]:
    """(value, arm, population) of each other population's bracket (of :func:`.analysis_sets.parallel_brackets`),
    when ``tokens`` (one per arm of ``owners``) were all read in one population's bracket and another bracket opens
    with as many values of the same unit."""
    first = next(((name, s, e) for name, s, e in brackets if tokens and all(s <= t[0] < e for t in tokens)), None)
    if first is None:
        return []
    out = []
    for name, s, e in brackets:
        found = value_tokens(masked, s, e)[:len(tokens)]
        if name != first[0] and len(found) == len(tokens) and all(t[3] == tokens[0][3] for t in found):
            out += [(t, agent, name) for t, agent in zip(found, owners)]
    return out
