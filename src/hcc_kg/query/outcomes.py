"""Trial and outcome queries over the projected graph (graph first, like networkx).

A trial node has ``hasArm`` edges to arms; an arm has ``armIntervention`` (a drug, a
regimen or placebo) and ``hasMeasurement`` edges; a trial's ``hasEffectEstimate`` edges
lead to hazard ratios with ``experimentalArm`` / ``comparatorArm`` edges.  Numbers are
returned as their printed text (``valueText``), so answers match the source exactly.
"""

from __future__ import annotations

from decimal import Decimal

import networkx as nx

from .paths import ACTS_ON, members, resolve


def _out(G: nx.MultiDiGraph, node: str, predicate: str) -> list[str]:
    return sorted(v for _, v, k in G.out_edges(node, keys=True) if k == predicate)


def _first(G: nx.MultiDiGraph, node: str, attribute: str):
    values = G.nodes[node].get(attribute) or [None]
    return values[0]


def _label(G: nx.MultiDiGraph, node: str | None) -> str | None:
    return G.nodes[node].get("label", node) if node else None


def _agents_of_arm(G: nx.MultiDiGraph, arm: str) -> set[str]:
    """The arm's intervention and, for a regimen, its components."""
    agents = set(_out(G, arm, "armIntervention"))
    for agent in list(agents):
        agents |= set(_out(G, agent, "hasComponent"))
    return agents


def describe_trial(G: nx.MultiDiGraph, trial: str) -> dict:
    """A trial with its arms, their measurements, and its hazard ratios."""
    arms = []
    for arm in _out(G, trial, "hasArm"):
        interventions = _out(G, arm, "armIntervention")
        measurements = [{"endpoint": _label(G, (_out(G, m, "measuresEndpoint") or [None])[0]),
                         "timepoint": _first(G, m, "timepoint"), "value": _first(G, m, "valueText"),
                         "line": [_label(G, x) for x in _out(G, m, "forLineOfTherapy")],
                         "unit": _first(G, m, "unit"), "population": _first(G, m, "analysisPopulation")}
                        for m in _out(G, arm, "hasMeasurement")]
        arms.append({"arm": arm, "intervention": [_label(G, i) for i in interventions],
                     "size": _first(G, arm, "armSize"), "cohort": _first(G, arm, "armCohort"),
                     "measurements": measurements})
    estimates = [{"endpoint": _label(G, (_out(G, e, "measuresEndpoint") or [None])[0]),
                  "hazard_ratio": _first(G, e, "valueText"),
                  "ci": [str(_first(G, e, "ciLower")), str(_first(G, e, "ciUpper"))] if _first(G, e, "ciLower") else None,
                  "ci_level": _text(_first(G, e, "ciLevel")),
                  "population": _first(G, e, "analysisPopulation"),
                  "experimental": (_out(G, e, "experimentalArm") or [None])[0],
                  "comparator": (_out(G, e, "comparatorArm") or [None])[0]}
                 for e in _out(G, trial, "hasEffectEstimate")]
    return {"trial": trial, "label": _label(G, trial), "year": _first(G, trial, "year"),
            "phase": _first(G, trial, "phase"), "line": [_label(G, x) for x in _out(G, trial, "forLineOfTherapy")],
            "primary_endpoint_met": _first(G, trial, "primaryEndpointMet"),
            "arms": arms, "hazard_ratios": estimates}


def _text(value) -> str | None:
    return None if value is None else str(value)


def trials(G: nx.MultiDiGraph) -> list[str]:
    """Every clinical trial node of the projection, sorted by key."""
    return sorted(n for n, d in G.nodes(data=True) if d.get("type") == "ClinicalTrial")


def trials_of(G: nx.MultiDiGraph, agent: str) -> list[dict]:
    """Trials with an arm giving ``agent`` (alone or within a regimen), with their outcomes."""
    node = resolve(G, agent)
    return [describe_trial(G, t) for t in trials(G)
            if any(node in _agents_of_arm(G, arm) for arm in _out(G, t, "hasArm"))]


def tested_against(G: nx.MultiDiGraph, comparator: str, line: str | None = None) -> list[dict]:
    """Agents tested in a trial (optionally of one line of therapy) with a ``comparator`` arm.

    Placebo arms are controls, never tested agents.
    """
    control = resolve(G, comparator)
    wanted_line = resolve(G, line) if line else None
    found: dict[str, set[str]] = {}
    for t in trials(G):
        if wanted_line and wanted_line not in _out(G, t, "forLineOfTherapy"):
            continue
        arms = _out(G, t, "hasArm")
        if not any(control in _out(G, arm, "armIntervention") for arm in arms):
            continue
        for arm in arms:
            for agent in _out(G, arm, "armIntervention"):
                if agent != control and G.nodes[agent].get("type") != "Placebo":
                    found.setdefault(agent, set()).add(t)
    return [{"agent": a, "label": _label(G, a), "trials": sorted(ts)} for a, ts in sorted(found.items())]


def hazard_ratios_below(G: nx.MultiDiGraph, threshold: Decimal | float | str, endpoint: str = "OS") -> list[dict]:
    """Trials reporting a hazard ratio for ``endpoint`` below ``threshold``, lowest first."""
    target, limit = resolve(G, endpoint), Decimal(str(threshold))
    rows = []
    for t in trials(G):
        for e in _out(G, t, "hasEffectEstimate"):
            value = _first(G, e, "value")
            if target in _out(G, e, "measuresEndpoint") and value is not None and Decimal(str(value)) < limit:
                rows.append({"trial": t, "label": _label(G, t), "hazard_ratio": _first(G, e, "valueText"),
                             "ci": [str(_first(G, e, "ciLower")), str(_first(G, e, "ciUpper"))]
                             if _first(G, e, "ciLower") is not None else None})
    return sorted(rows, key=lambda r: (Decimal(r["hazard_ratio"]), r["trial"]))


def chain_agents(G: nx.MultiDiGraph, pathway: str) -> tuple[list[str], dict[str, set[str]]]:
    """A pathway node's targets (with family members) and the agents acting on each, without trials."""
    participants = sorted(u for u, _, k in G.in_edges(pathway, keys=True) if k == "participatesIn")
    targets = sorted({m for p in participants for m in members(G, p)})
    drugs: dict[str, set[str]] = {}
    for target in targets:
        for drug, _, k in G.in_edges(target, keys=True):
            if k in ACTS_ON:
                drugs.setdefault(drug, set()).add(target)
    return targets, drugs


def chain(G: nx.MultiDiGraph, pathway: str) -> dict:
    """Pathway → participating targets (with family members) → drugs acting on them → their trials."""
    node = resolve(G, pathway)
    targets, drugs = chain_agents(G, node)
    return {"pathway": node, "label": _label(G, node), "targets": targets,
            "drugs": [{"drug": d, "label": _label(G, d), "targets": sorted(ts), "trials": trials_of(G, d)}
                      for d, ts in sorted(drugs.items())]}
