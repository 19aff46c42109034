"""How a view draws things: colour and shape per node type, colour per predicate, line per status.

Registries, not if-chains: a type or predicate missing here still draws (grey), so a new
ontology class never breaks a view.  Styling only: nothing here says what is true.

>>> node_style("SmallMolecule").shape
'dot'
>>> node_style("SomethingNew") == DEFAULT_NODE
True
>>> edge_status({"inferred": True, "source": "inferred"})
'inferred'
>>> display_label("TrialArm", "KEYNOTE-224: pembrolizumab arm", {})
'pembrolizumab arm'
>>> display_label("HazardRatio", "x", {"valueText": ["0.69"], "ciLower": ["0.56"], "ciUpper": ["0.84"]})
'HR 0.69 (0.56–0.84)'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class NodeStyle:
    """How a node type is drawn: colour and vis-network shape."""

    colour: str
    shape: str  # a vis-network shape drawn with its label outside (dot, diamond, square, ...)


@dataclass(frozen=True)
class LineStyle:
    """How an edge of one evidence status is drawn, and what that status means (for the legend)."""

    name: str
    meaning: str
    dashes: tuple[int, ...]  # () = solid
    width: float
    opacity: float


DEFAULT_NODE = NodeStyle("#b0b0b0", "dot")
#: Agents in blues, targets in reds and oranges, pathways green, trials brown, approvals gold.
NODE_STYLES: dict[str, NodeStyle] = {
    "SmallMolecule": NodeStyle("#1f77b4", "dot"),
    "MonoclonalAntibody": NodeStyle("#17becf", "diamond"),
    "BispecificAntibody": NodeStyle("#0b7285", "diamond"),
    "CellTherapy": NodeStyle("#3b5bdb", "star"),
    "Vaccine": NodeStyle("#74a9cf", "star"),
    "Drug": NodeStyle("#5c7cfa", "dot"),
    "Regimen": NodeStyle("#364fc7", "hexagon"),
    "Placebo": NodeStyle("#868e96", "dot"),
    "Protein": NodeStyle("#e03131", "triangle"),
    "ProteinFamily": NodeStyle("#f76707", "triangle"),
    "Target": NodeStyle("#f783ac", "triangle"),
    "Pathway": NodeStyle("#2f9e44", "square"),
    "ClinicalTrial": NodeStyle("#8c564b", "square"),
    "TrialArm": NodeStyle("#c49c94", "triangleDown"),
    "OutcomeMeasurement": NodeStyle("#bcbd22", "dot"),
    "HazardRatio": NodeStyle("#9467bd", "diamond"),
    "EffectEstimate": NodeStyle("#c5b0d5", "diamond"),
    "RegulatoryApproval": NodeStyle("#f08c00", "star"),
    "RegulatoryAgency": NodeStyle("#a6761d", "square"),
    "BiomarkerCriterion": NodeStyle("#e64980", "triangleDown"),
    "Disease": NodeStyle("#495057", "hexagon"),
    "LineOfTherapy": NodeStyle("#66a80f", "hexagon"),
    "EndpointType": NodeStyle("#7048e8", "triangleDown"),
    "Procedure": NodeStyle("#a9a9a9", "square"),
    "DrugClassTerm": NodeStyle("#ced4da", "dot"),
}

DEFAULT_PREDICATE_COLOUR = "#9e9e9e"
PREDICATE_COLOURS: dict[str, str] = {
    "inhibits": "#c92a2a", "isAntibodyAgainst": "#c92a2a", "activates": "#2b8a3e", "modulatesPathway": "#e8590c",
    "isMemberOf": "#ffa8a8", "hasMember": "#ffa8a8",
    "participatesIn": "#8ce99a", "hasParticipant": "#8ce99a",
    "hasComponent": "#74c0fc", "isComponentOf": "#74c0fc",
    "testsIntervention": "#a9927d", "testedIn": "#a9927d", "armIntervention": "#4dabf7",
    "hasArm": "#d2b48c", "armOf": "#d2b48c", "hasMeasurement": "#c0c060", "hasEffectEstimate": "#b197fc",
    "experimentalArm": "#9775fa", "comparatorArm": "#d0bfff", "measuresEndpoint": "#b8b8e0",
    "studiesCondition": "#adb5bd", "forLineOfTherapy": "#a9e34b",
    "hasApproval": "#ffc078", "approvalOf": "#ffc078", "approvedFor": "#ffd43b", "grantedBy": "#e0c090",
    "requiresPriorTherapy": "#ffa94d", "hasBiomarkerCriterion": "#faa2c1", "criterionBiomarker": "#faa2c1",
    "supportedByTrial": "#e8a060",
}

#: Best first: a merged inverse pair takes the best status of its two directions.
LINE_STYLES: dict[str, LineStyle] = {
    "asserted": LineStyle("asserted", "read from a document", (), 1.6, 0.9),
    "vocabulary": LineStyle("vocabulary", "from the vocabulary file", (2, 4), 1.4, 0.8),
    "inferred": LineStyle("inferred", "inferred by the reasoner", (10, 6), 1.0, 0.6),
}


def node_style(node_type: str) -> NodeStyle:
    """The style of ``node_type``, or the default style for a type without one."""
    return NODE_STYLES.get(node_type, DEFAULT_NODE)


def predicate_colour(predicate: str) -> str:
    """The colour of ``predicate``'s edges, or the default colour."""
    return PREDICATE_COLOURS.get(predicate, DEFAULT_PREDICATE_COLOUR)


def edge_status(edge: dict) -> str:
    """``inferred`` (reasoner), ``vocabulary`` (vocabulary file) or ``asserted`` (a document)."""
    if edge.get("inferred"):
        return "inferred"
    return "vocabulary" if edge.get("source") == "vocabulary" else "asserted"


def attested(edge: dict) -> bool:
    """Whether an edge carries its own provenance (evidence or a status), unlike the bare
    mirror the OWL layer writes for the inverse of an asserted fact.

    >>> attested({"evidence": [], "source": "text"}), attested({"evidence": [], "source": "vocabulary"})
    (False, True)
    """
    return bool(edge.get("evidence")) or bool(edge.get("inferred")) or edge.get("source", "text") != "text"


def status_rank(status: str) -> int:
    """The order of an evidence status in the legend (unknown statuses last)."""
    return list(LINE_STYLES).index(status) if status in LINE_STYLES else len(LINE_STYLES)


def node_size(degree: int) -> float:
    """Hubs a little larger, so the full graph shows its structure at a glance."""
    return round(9 + 2.2 * min(degree, 64) ** 0.5, 2)


def _first(attrs: dict, name: str) -> str | None:
    values = attrs.get(name) or []
    return str(values[0]) if values else None


def _hazard_ratio(label: str, attrs: dict) -> str:
    value, low, high = (_first(attrs, n) for n in ("valueText", "ciLower", "ciUpper"))
    if value is None:
        return label
    return f"HR {value}" + (f" ({low}–{high})" if low is not None and high is not None else "")


def _measurement(label: str, attrs: dict) -> str:
    value, unit = _first(attrs, "valueText"), _first(attrs, "unit")
    if value is None:
        return label
    return f"{value} {unit}" if unit and unit != "%" else f"{value}{unit or ''}"


def _arm(label: str, attrs: dict) -> str:
    return label.split(": ", 1)[-1]


#: Short canvas labels for node types whose labels are long descriptions; tooltips keep the full label.
SHORT_LABELS: dict[str, Callable[[str, dict], str]] = {
    "HazardRatio": _hazard_ratio, "OutcomeMeasurement": _measurement, "TrialArm": _arm,
}
MAX_LABEL = 40


def display_label(node_type: str, label: str, attrs: dict) -> str:
    """The text drawn next to a node (raw text: the caller escapes it)."""
    return clip(SHORT_LABELS.get(node_type, lambda lab, _attrs: lab)(label, attrs))


def clip(text: str) -> str:
    """At most MAX_LABEL characters, an ellipsis marking a cut."""
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"
