"""Stage 6a: project the RDF graph into a typed NetworkX ``MultiDiGraph``.

Nodes are individuals (keyed by their local name) with ``label``, ``types`` (asserted and
inferred ontology classes), ``type`` (the most specific of a fixed precedence),
``identifiers`` and ``synonyms``; data properties become node attributes.  Edges are
object-property facts keyed by predicate, with ``inferred`` and ``evidence`` attributes.
Evidence records and source documents stay in RDF; they are provenance, not topology.
"""

from __future__ import annotations

import networkx as nx
import rdflib
from rdflib import OWL, RDF, RDFS, Literal
from rdflib.namespace import SKOS

from .vocab import ONTOLOGY_NS, RESOURCE_NS

HCC = rdflib.Namespace(ONTOLOGY_NS)
#: Most specific first: a node's ``type`` is the first of these among its classes.
TYPE_PRECEDENCE = (
    "RegulatoryApproval", "BiomarkerCriterion", "ClinicalTrial", "TrialArm", "OutcomeMeasurement", "HazardRatio",
    "EffectEstimate", "Regimen", "BispecificAntibody", "MonoclonalAntibody", "SmallMolecule", "CellTherapy",
    "Vaccine", "Drug", "Pathway", "ProteinFamily", "Protein", "Target", "Disease", "RegulatoryAgency",
    "LineOfTherapy", "EndpointType", "Procedure", "Placebo", "DrugClassTerm",
)
_NOT_NODES = {"Evidence", "SourceDocument"}
_NOT_EDGES = {"hasEvidence", "fromDocument", "mentionedIn"}


def local(iri: rdflib.term.Node) -> str:
    text = str(iri)
    for ns in (RESOURCE_NS, ONTOLOGY_NS):
        if text.startswith(ns):
            return text[len(ns):]
    return text


def _python(value: Literal):
    return value.toPython() if isinstance(value, Literal) else str(value)


def _edge_annotations(graph: rdflib.Graph) -> dict[tuple, dict]:
    """(s, p, o) -> {"inferred": bool, "evidence": [...], "source": ...} from owl:Axiom nodes."""
    found: dict[tuple, dict] = {}
    for axiom in graph.subjects(RDF.type, OWL.Axiom):
        triple = tuple(graph.value(axiom, link) for link in (OWL.annotatedSource, OWL.annotatedProperty,
                                                             OWL.annotatedTarget))
        info = found.setdefault(triple, {"inferred": False, "evidence": []})
        for status in graph.objects(axiom, HCC.assertionStatus):
            info["inferred"] |= str(status) == "inferred"
            info["source"] = str(status)
        for ev in graph.objects(axiom, HCC.hasEvidence):
            doc = graph.value(graph.value(ev, HCC.fromDocument), HCC.documentId)
            info["evidence"].append({"doc": str(doc), "start": int(graph.value(ev, HCC.startOffset)),
                                     "end": int(graph.value(ev, HCC.endOffset)),
                                     "extractor": str(graph.value(ev, HCC.extractor))})
    for info in found.values():
        info["evidence"].sort(key=lambda e: (e["doc"], e["start"], e["end"], e["extractor"]))
    return found


def project(graph: rdflib.Graph) -> nx.MultiDiGraph:
    """The typed MultiDiGraph of a built graph (deterministic node and edge order)."""
    nodes: dict[str, dict] = {}
    for s in sorted(set(graph.subjects(RDF.type, OWL.NamedIndividual))):
        types = sorted(local(t) for t in graph.objects(s, RDF.type) if str(t).startswith(ONTOLOGY_NS))
        if not types or _NOT_NODES & set(types):
            continue
        primary = next((t for t in TYPE_PRECEDENCE if t in types), types[0])
        nodes[str(s)] = {
            "key": local(s), "iri": str(s), "types": types, "type": primary,
            "label": str(graph.value(s, RDFS.label) or local(s)),
            "synonyms": sorted(str(x) for x in graph.objects(s, SKOS.altLabel)),
            "identifiers": sorted(str(x) for x in graph.objects(s, HCC.identifier)),
        }
    G = nx.MultiDiGraph()
    for iri, attrs in nodes.items():
        G.add_node(attrs["key"], **attrs)
    annotations = _edge_annotations(graph)
    for s, p, o in sorted(graph):
        if str(s) not in nodes or not str(p).startswith(ONTOLOGY_NS) or local(p) in _NOT_EDGES:
            continue
        key = nodes[str(s)]["key"]
        if isinstance(o, Literal):
            G.nodes[key].setdefault(local(p), []).append(_python(o))
        elif str(o) in nodes:
            info = annotations.get((s, p, o), {"inferred": False, "evidence": []})
            G.add_edge(key, nodes[str(o)]["key"], key=local(p), predicate=local(p),
                       inferred=info["inferred"], source=info.get("source", "text"),
                       evidence=info["evidence"])
    return G
