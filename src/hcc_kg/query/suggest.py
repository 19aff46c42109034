"""Closest names for a name nobody recognised (``--hits VEGRF`` → VEGFR), with rapidfuzz.

>>> closest("VEGRF", {"VEGFR": "vegfr", "KDR": "kdr", "FGFR": "fgfr"})
['VEGFR']
>>> closest("zzz", {"VEGFR": "vegfr"})
[]
>>> hint(["VEGFR", "VEGFR1"])
'; did you mean VEGFR or VEGFR1?'
"""

from __future__ import annotations

from typing import Iterable, Mapping

import networkx as nx
from rapidfuzz import fuzz, process, utils

#: Similarity (0–100) a name needs to be offered: high enough that "zzz" suggests nothing.
CUTOFF = 70
MOST = 3


def closest(name: str, names: Mapping[str, str], most: int = MOST, cutoff: float = CUTOFF) -> list[str]:
    """The names (keys of ``names``) most like ``name``, best first; one per thing (value)."""
    found: list[str] = []
    seen: set[str] = set()
    for text, _score, _ in process.extract(name, list(names), scorer=fuzz.ratio, processor=utils.default_process,
                                           score_cutoff=cutoff, limit=None):
        if names[text] not in seen:
            seen.add(names[text])
            found.append(text)
    return found[:most]


def graph_names(G: nx.MultiDiGraph) -> dict[str, str]:
    """Every label and synonym of the graph's nodes, mapped to its node key (labels win)."""
    names: dict[str, str] = {}
    for node, data in sorted(G.nodes(data=True)):
        for text in data.get("synonyms", []):
            names.setdefault(str(text), node)
    for node, data in sorted(G.nodes(data=True)):
        names[str(data.get("label", node))] = node
    return names


def hint(suggestions: Iterable[str]) -> str:
    """``; did you mean A, B or C?`` or nothing."""
    shown = list(suggestions)
    if not shown:
        return ""
    listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]
    return f"; did you mean {listed}?"
