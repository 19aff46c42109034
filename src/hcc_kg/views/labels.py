"""Canvas labels read from a node's relations, for nodes whose own label is an internal key.

An arm's label names its trial and what it gives ("SHARP · sorafenib"); an approval's names
the agent, the agency and the line ("nivolumab · FDA · second-line"), each taken from the
related node's label in the graph, never typed.  A node with none of those relations keeps
the label :func:`hcc_kg.views.style.display_label` gives it.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n, label in [("t", "TRIAL-1"), ("a", "t: x arm"), ("x", "drugx"), ("ap", "x approval (agency, l1)"),
...                  ("ag", "Agency"), ("l1", "first-line")]:
...     G.add_node(n, label=label)
>>> for u, v, k in [("t", "a", "hasArm"), ("a", "x", "armIntervention"), ("ap", "x", "approvalOf"),
...                 ("ap", "ag", "grantedBy"), ("ap", "l1", "forLineOfTherapy")]:
...     _ = G.add_edge(u, v, key=k)
>>> related_label(G, "a", "TrialArm")
'TRIAL-1 · drugx'
>>> related_label(G, "ap", "RegulatoryApproval")
'drugx · Agency · first-line'
>>> related_label(G, "x", "SmallMolecule") is None
True
"""

from __future__ import annotations

from typing import Callable

import networkx as nx

#: (predicate, direction): "out" follows u -predicate-> v, "in" follows v <-predicate- u
Step = tuple[str, str]


def _labels(G: nx.MultiDiGraph, node: str, steps: tuple[Step, ...]) -> list[str]:
    """Labels of the nodes one step away by the first of ``steps`` that leads anywhere."""
    for predicate, direction in steps:
        edges = G.out_edges(node, keys=True) if direction == "out" else G.in_edges(node, keys=True)
        found = sorted({(v if direction == "out" else u) for u, v, k in edges if k == predicate})
        if found:
            return [str(G.nodes[n].get("label", n)) for n in found]
    return []


def _joined(*parts: list[str]) -> str | None:
    """Non-empty parts joined by " · " (names within a part by " + "), or None if all are empty."""
    texts = [" + ".join(p) for p in parts if p]
    return " · ".join(texts) if texts else None


TRIAL = (("hasArm", "in"), ("armOf", "out"))
INTERVENTION = (("armIntervention", "out"),)
AGENT = (("approvalOf", "out"), ("hasApproval", "in"))
AGENCY = (("grantedBy", "out"),)
LINE = (("forLineOfTherapy", "out"),)


def _arm(G: nx.MultiDiGraph, node: str) -> str | None:
    return _joined(_labels(G, node, TRIAL), _labels(G, node, INTERVENTION))


def _approval(G: nx.MultiDiGraph, node: str) -> str | None:
    return _joined(_labels(G, node, AGENT), _labels(G, node, AGENCY), _labels(G, node, LINE))


#: Node type → label built from its relations (None when the relations are missing).
RELATED_LABELS: dict[str, Callable[[nx.MultiDiGraph, str], str | None]] = {
    "TrialArm": _arm, "RegulatoryApproval": _approval,
}


def related_label(G: nx.MultiDiGraph, node: str, node_type: str) -> str | None:
    """The label built from ``node``'s relations, or None for types drawn with their own label."""
    build = RELATED_LABELS.get(node_type)
    return build(G, node) if build else None
