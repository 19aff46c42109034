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

from typing import Iterable

import networkx as nx

from .errors import QueryError
from .extract.mentions import name_key

ACTS_ON = ("inhibits", "isAntibodyAgainst")
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
        raise QueryError(f"no entity named {name!r} in the graph")
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
    return "ApprovedAgent" in G.nodes[node].get("types", ())


def agents_hitting(G: nx.MultiDiGraph, targets: Iterable[str], approved: bool = False) -> list[dict]:
    """Agents acting on every one of ``targets`` (a family matches any of its members)."""
    wanted = [members(G, resolve(G, t)) for t in targets]
    if not wanted:
        raise QueryError("name at least one target")
    results = []
    for node, data in sorted(G.nodes(data=True)):
        if data.get("type") not in AGENT_TYPES or (approved and not is_approved(G, node)):
            continue
        hits = [_hits(G, node, group) for group in wanted]
        if all(hits):
            results.append({"key": node, "label": data["label"], "type": data["type"],
                            "approved": is_approved(G, node), "hits": [h for group in hits for h in group]})
    return results


def typed_paths(G: nx.MultiDiGraph, source: str, target: str, max_length: int = 4,
                limit: int = 50) -> list[list[dict]]:
    """Shortest-first simple paths between two entities, edges followed either way.

    Each path is a list of steps ``{"node", "label", "type"}`` alternating with
    ``{"predicate", "direction"}`` (``"->"`` when the edge points along the path).
    """
    start, end = resolve(G, source), resolve(G, target)
    undirected = nx.Graph()
    for u, v in G.edges():
        if all(n in (start, end) or G.nodes[n].get("type") not in HUB_TYPES for n in (u, v)):
            undirected.add_edge(u, v)
    if start not in undirected or end not in undirected:
        return []
    paths = sorted(nx.all_simple_paths(undirected, start, end, cutoff=max_length),
                   key=lambda p: (len(p), p))[:limit]
    return [_describe(G, p) for p in paths]


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
