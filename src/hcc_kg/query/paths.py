"""Path queries over the projected graph (graph first, like networkx).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("vegfr", label="VEGFR", type="ProteinFamily", types=["ProteinFamily"], synonyms=[], key="vegfr")
>>> G.add_node("kdr", label="KDR", type="Protein", types=["Protein"], synonyms=["VEGFR2"], key="kdr")
>>> G.add_node("x", label="drugx", type="SmallMolecule", types=["SmallMolecule", "ApprovedAgent"], synonyms=[], key="x")
>>> G.add_edge("kdr", "vegfr", key="isMemberOf", predicate="isMemberOf")
'isMemberOf'
>>> G.add_edge("x", "kdr", key="inhibits", predicate="inhibits", evidence=[])
'inhibits'
>>> [a["key"] for a in agents_hitting(G, ["VEGFR"], approved=True)]
['x']
"""

from __future__ import annotations

import itertools
import time
from typing import Iterable, Iterator

import networkx as nx

from ..errors import QueryError
from ..vocab import name_key

ACTS_ON = ("inhibits", "isAntibodyAgainst", "activates")
#: Nodes that connect almost everything; paths only start or end at them.
HUB_TYPES = ("RegulatoryApproval", "RegulatoryAgency", "LineOfTherapy", "Disease", "BiomarkerCriterion")
AGENT_TYPES = ("Drug", "SmallMolecule", "MonoclonalAntibody", "BispecificAntibody", "CellTherapy", "Vaccine",
               "Regimen")


def resolve(G: nx.MultiDiGraph, name: str) -> str:
    """The node a user's name refers to: key, label or synonym, ignoring case and hyphens."""
    if name in G and G.nodes[name].get("key", name) == name:  # already a node key: no scan of every name
        return name
    wanted = name_key(name)
    exact = [n for n, d in G.nodes(data=True)
             if wanted in {name_key(d.get("key", n)), name_key(d.get("label", "")),
                           *(name_key(s) for s in d.get("synonyms", []))}]
    if not exact:
        from .suggest import closest, graph_names, hint  # only on a miss: rapidfuzz is not needed otherwise

        raise QueryError(f"no entity named {name!r} in the graph" + hint(closest(name, graph_names(G))))
    return sorted(exact, key=lambda n: (n != name, G.nodes[n].get("type") == "RegulatoryApproval", n))[0]


def members(G: nx.MultiDiGraph, node: str) -> set[str]:
    """``node`` and every member of it, transitively (VEGFR → VEGFR1–3)."""
    found, todo = {node}, [node]
    while todo:
        current = todo.pop()
        for child, _, key in G.in_edges(current, keys=True):
            if key == "isMemberOf" and child not in found:
                found.add(child)
                todo.append(child)
    return found


def components(G: nx.MultiDiGraph, agent: str) -> set[str]:
    """The agent itself and, for a regimen, its components (either may carry acts-on facts)."""
    return {agent} | {o for _, o, k in G.out_edges(agent, keys=True) if k == "hasComponent"}


def _hits(G: nx.MultiDiGraph, agent: str, targets: set[str]) -> list[dict]:
    """The acts-on edges from ``agent`` (or its components) into ``targets``."""
    return [{"drug": d, "target": t, "predicate": k, "evidence": data.get("evidence", [])}
            for d in sorted(components(G, agent))
            for _, t, k, data in G.out_edges(d, keys=True, data=True)
            if k in ACTS_ON and t in targets]


def is_approved(G: nx.MultiDiGraph, node: str) -> bool:
    """Whether the reasoner classified ``node`` as an ApprovedAgent (an approval for any disease)."""
    return "ApprovedAgent" in G.nodes[node].get("types", ())


def approval_diseases(G: nx.MultiDiGraph, node: str) -> set[str]:
    """The diseases ``node``'s approvals are for (their ``approvedFor``)."""
    return {d for _, approval, k in G.out_edges(node, keys=True) if k == "hasApproval"
            for _, d, k2 in G.out_edges(approval, keys=True) if k2 == "approvedFor"}


def agents_hitting(G: nx.MultiDiGraph, targets: Iterable[str], approved: bool = False,
                   approved_for: str | None = None) -> list[dict]:
    """Agents acting on every one of ``targets`` (a family matches any of its members); with
    ``approved``, only agents holding an approval, and with ``approved_for`` (a disease's name)
    only those approved for that disease or one of its members: an approval for another cancer
    is a fact of the graph, not an approval in HCC."""
    wanted = [members(G, resolve(G, t)) for t in targets]
    if not wanted:
        raise QueryError("name at least one target")
    diseases = members(G, resolve(G, approved_for)) if approved_for else None
    results = []
    for node, data in sorted(G.nodes(data=True)):
        if data.get("type") not in AGENT_TYPES or (approved and not is_approved(G, node)):
            continue
        approved_in = approval_diseases(G, node)
        if diseases is not None and not approved_in & diseases:
            continue
        hits = [_hits(G, node, group) for group in wanted]
        if all(hits):
            results.append({"key": node, "label": data["label"], "type": data["type"],
                            "approved": is_approved(G, node), "approved_for": sorted(approved_in),
                            "hits": [h for group in hits for h in group]})
    return results


#: Partial paths the search may extend before it gives up, and seconds it may take: the
#: number of simple paths grows exponentially with their length, so the search is bounded
#: by work done, not only by ``max_length`` and ``limit``.
MAX_EXPANSIONS = 500_000
MAX_SECONDS = 60.0


class PathSearchTooLarge(QueryError):
    """The path search used up its budget before it had ``limit`` paths or had seen them all."""


def _walkable(G: nx.MultiDiGraph, start: str, end: str) -> dict[str, list[str]]:
    """Sorted neighbour lists of the undirected graph paths may use (hubs only at either end)."""
    neighbours: dict[str, set[str]] = {}
    for u, v in G.edges():
        if u != v and all(n in (start, end) or G.nodes[n].get("type") not in HUB_TYPES for n in (u, v)):
            neighbours.setdefault(u, set()).add(v)
            neighbours.setdefault(v, set()).add(u)
    return {n: sorted(ns) for n, ns in neighbours.items()}


def _distances(neighbours: dict[str, list[str]], end: str, cutoff: int) -> dict[str, int]:
    """Edges from each node to ``end`` (a lower bound for a simple path), up to ``cutoff``."""
    distance, frontier = {end: 0}, [end]
    for step in range(1, cutoff + 1):
        frontier = [m for n in frontier for m in neighbours.get(n, ()) if m not in distance]
        for m in frontier:
            distance.setdefault(m, step)
    return distance


def iter_paths(G: nx.MultiDiGraph, start: str, end: str, max_length: int = 4,
               max_expansions: int = MAX_EXPANSIONS, max_seconds: float = MAX_SECONDS) -> Iterator[list[str]]:
    """Simple paths of node keys from ``start`` to ``end``, shortest first, then in key order.

    Breadth first, one length at a time, so the caller can stop after the paths it wants;
    a partial path is extended only if ``end`` is still within reach.  Raises
    :class:`PathSearchTooLarge` when the budget of extensions or seconds runs out.
    """
    neighbours = _walkable(G, start, end)
    if start not in neighbours or end not in neighbours:
        return
    distance = _distances(neighbours, end, max_length)
    deadline, expansions = time.monotonic() + max_seconds, 0
    frontier: list[tuple[str, ...]] = [(start,)]
    for length in range(1, max_length + 1):
        grown: list[tuple[str, ...]] = []
        for path in frontier:
            for nxt in neighbours[path[-1]]:
                if nxt in path or distance.get(nxt, max_length + 1) > max_length - length:
                    continue
                expansions += 1
                if expansions > max_expansions or (expansions % 4096 == 0 and time.monotonic() > deadline):
                    raise PathSearchTooLarge(
                        f"the search for paths from {start!r} to {end!r} stopped while looking at length {length} "
                        f"(over {max_expansions:,} partial paths or {max_seconds:g} s), with fewer paths than --limit "
                        f"found; the search up to length {length - 1} finishes: ask for --max-length {length - 1}")
                if nxt == end:
                    yield [*path, nxt]
                else:
                    grown.append((*path, nxt))
        frontier = grown


def typed_paths(G: nx.MultiDiGraph, source: str, target: str, max_length: int = 4,
                limit: int = 50) -> list[list[dict]]:
    """Shortest-first simple paths between two entities, edges followed either way.

    Each path is a list of steps ``{"node", "label", "type"}`` alternating with
    ``{"predicate", "direction"}`` (``"->"`` when the edge points along the path).  The
    search stops as soon as it has ``limit`` paths (see :func:`iter_paths` for its budget).
    """
    start, end = resolve(G, source), resolve(G, target)
    if limit < 1 or max_length < 1:
        raise QueryError(f"limit and max_length must be 1 or more, got {limit} and {max_length}")
    return [_describe(G, p) for p in itertools.islice(iter_paths(G, start, end, max_length), limit)]


def _describe(G: nx.MultiDiGraph, path: list[str]) -> list[dict]:
    steps: list[dict] = []
    for i, node in enumerate(path):
        data = G.nodes[node]
        steps.append({"node": node, "label": data.get("label", node), "type": data.get("type")})
        if i + 1 < len(path):
            nxt = path[i + 1]
            forward = sorted(G.get_edge_data(node, nxt, default={}))
            backward = sorted(G.get_edge_data(nxt, node, default={}))
            predicate, direction = (forward[0], "->") if forward else (backward[0], "<-")
            steps.append({"predicate": predicate, "direction": direction})
    return steps
