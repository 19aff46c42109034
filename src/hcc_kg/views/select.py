"""Which nodes a view shows (graph first, like networkx); a view draws every edge among them.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n, t in [("a", "Drug"), ("b", "Protein"), ("c", "Protein"), ("hub", "Disease"), ("far", "Drug")]:
...     G.add_node(n, key=n, label=n, type=t, synonyms=[])
>>> for u, v in [("a", "b"), ("b", "c"), ("a", "hub"), ("far", "hub")]:
...     _ = G.add_edge(u, v, key="inhibits")
>>> around(G, "a", 1)
['a', 'b', 'hub']
>>> around(G, "a", 2)  # hubs are shown but not walked through
['a', 'b', 'c', 'hub']
>>> by_iri(G, ["https://w3id.org/hcc-kg/resource/c", "b"])
['b', 'c']
>>> with_bridges(G, ["a", "c"])  # b links two of them; hubs never count as bridges
['a', 'b', 'c']
"""

from __future__ import annotations

from typing import Iterable

import networkx as nx

from ..errors import QueryError
from ..query.outcomes import chain
from ..query.paths import HUB_TYPES, resolve
from ..vocab import RESOURCE_NS


def whole(G: nx.MultiDiGraph) -> list[str]:
    """Every node, sorted: the selection of the whole-graph view."""
    return sorted(G.nodes)


def around(G: nx.MultiDiGraph, name: str, depth: int = 1) -> list[str]:
    """The entity ``name`` and everything within ``depth`` edges of it, either direction.

    Hub nodes (diseases, lines of therapy, agencies, ...) are included when reached but
    not walked through, or depth 2 from any drug would reach most of the graph.
    """
    if depth < 0:
        raise QueryError(f"depth must be 0 or more, not {depth}")
    centre = resolve(G, name)
    found, frontier = {centre}, [centre]
    for _ in range(depth):
        step = set()
        for node in frontier:
            if node != centre and G.nodes[node].get("type") in HUB_TYPES:
                continue
            step |= set(G.predecessors(node)) | set(G.successors(node))
        frontier = sorted(step - found)
        found |= step
    return sorted(found)


def _out(G: nx.MultiDiGraph, node: str, predicates: tuple[str, ...]) -> set[str]:
    return {v for _, v, k in G.out_edges(node, keys=True) if k in predicates}


#: Ranks of a chain view, left to right.
CHAIN_RANKS = ("pathway", "targets", "drugs", "trials", "arms", "outcomes", "endpoints")


def chain_levels(G: nx.MultiDiGraph, pathway: str) -> dict[str, int]:
    """Pathway → targets → drugs → trials → arms (and what they give) → outcomes → endpoints,
    each node with its rank (an index into :data:`CHAIN_RANKS`).

    The pathway, targets, drugs and trials are those of :func:`hcc_kg.query.outcomes.chain`; an
    arm's intervention that is not one of the chain's drugs (a comparator, a placebo) joins
    the drugs' rank; a node reached twice keeps its first (leftmost) rank.
    """
    answer = chain(G, pathway)
    ranked: dict[str, int] = {}

    def place(nodes, rank: str) -> None:
        for node in sorted(nodes):
            ranked.setdefault(node, CHAIN_RANKS.index(rank))

    place([answer["pathway"]], "pathway")
    place(answer["targets"], "targets")
    place([d["drug"] for d in answer["drugs"]], "drugs")
    trials = {t["trial"] for d in answer["drugs"] for t in d["trials"]}
    place(trials, "trials")
    arms = {arm for t in trials for arm in _out(G, t, ("hasArm",))}
    place({a for arm in arms for a in _out(G, arm, ("armIntervention",))}, "drugs")
    place(arms, "arms")
    outcomes = {e for t in trials for e in _out(G, t, ("hasEffectEstimate",))}
    outcomes |= {m for arm in arms for m in _out(G, arm, ("hasMeasurement",))}
    place(outcomes, "outcomes")
    place({e for o in outcomes for e in _out(G, o, ("measuresEndpoint",))}, "endpoints")
    return dict(sorted(ranked.items()))


def chain_nodes(G: nx.MultiDiGraph, pathway: str) -> list[str]:
    """The nodes of :func:`chain_levels`, sorted."""
    return sorted(chain_levels(G, pathway))


def by_iri(G: nx.MultiDiGraph, iris: Iterable[str]) -> list[str]:
    """Node keys for resource IRIs (or bare keys), e.g. the resources in a query's answer."""
    wanted = [str(i) for i in iris]
    keys = {i[len(RESOURCE_NS):] if i.startswith(RESOURCE_NS) else i for i in wanted}
    missing = sorted(k for k in keys if k not in G)
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise QueryError(f"not entities of the graph: {shown}")
    if not keys:
        raise QueryError("nothing to show: no IRIs given")
    return sorted(keys)


def with_bridges(G: nx.MultiDiGraph, keys: Iterable[str]) -> list[str]:
    """``keys`` plus every non-hub node adjacent to two or more of them.

    A query's answer names the endpoints (agents, families); the targets between them are
    what makes the answer readable as a picture.
    """
    chosen = set(keys)
    bridges = {n for n in G if n not in chosen and G.nodes[n].get("type") not in HUB_TYPES
               and len((set(G.predecessors(n)) | set(G.successors(n))) & chosen) >= 2}
    return sorted(chosen | bridges)
