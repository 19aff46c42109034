"""Stage 6a: project the RDF graph into a typed NetworkX ``MultiDiGraph``.

The graph is an rdflib Graph or the build's store (:class:`hcc_kg.store.oxigraph.GraphStore`, which
reads like one): a build's projection walks the store, not a second in-memory copy.

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

from ..vocab import ONTOLOGY_NS, RESOURCE_NS

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
_LINKS = (OWL.annotatedSource, OWL.annotatedProperty, OWL.annotatedTarget)
_STATUS, _EVIDENCE, _DOCUMENT, _DOCUMENT_ID = HCC.assertionStatus, HCC.hasEvidence, HCC.fromDocument, HCC.documentId
_START, _END, _EXTRACTOR = HCC.startOffset, HCC.endOffset, HCC.extractor


def local(iri: rdflib.term.Node) -> str:
    text = str(iri)
    for ns in (RESOURCE_NS, ONTOLOGY_NS):
        if text.startswith(ns):
            return text[len(ns):]
    return text


def _python(value: Literal):
    return value.toPython() if isinstance(value, Literal) else str(value)


def _first_values(graph: rdflib.Graph, node) -> dict:
    """predicate -> objects of ``node``, from one index walk (the first is what ``value()`` gives).

    >>> g = rdflib.Graph().add((HCC.x, RDFS.label, Literal("X"))).add((HCC.x, HCC.code, Literal(7)))
    >>> {local(p): [o.toPython() for o in objs] for p, objs in _first_values(g, HCC.x).items()} == {
    ...     "http://www.w3.org/2000/01/rdf-schema#label": ["X"], "code": [7]}
    True
    """
    found: dict = {}
    for p, o in graph.predicate_objects(node):
        found.setdefault(p, []).append(o)
    return found


def fact_annotations(graph: rdflib.Graph, known: dict | None = None) -> dict[tuple, dict]:
    """(s, p, o) -> {"inferred": bool, "evidence": [...], "source": ...} from owl:Axiom nodes.

    One walk over the axioms, one lookup per axiom and per evidence record (each record
    read once even when several axioms cite it, not at all when ``known`` has its triples).
    """
    known = known or {}
    found: dict[tuple, dict] = {}
    records: dict = {}
    documents: dict = {}
    for axiom in graph.subjects(RDF.type, OWL.Axiom):
        parts = _first_values(graph, axiom)
        triple = tuple(parts[link][0] if link in parts else None for link in _LINKS)
        info = found.setdefault(triple, {"inferred": False, "evidence": []})
        for status in parts.get(_STATUS, ()):
            info["inferred"] |= str(status) == "inferred"
            info["source"] = str(status)
        for ev in parts.get(_EVIDENCE, ()):
            if ev not in records:
                records[ev] = _evidence_record(graph, ev, documents, known)
            info["evidence"].append(dict(records[ev]))
    for info in found.values():
        info["evidence"].sort(key=lambda e: (e["doc"], e["start"], e["end"], e["extractor"]))
    return found


def _evidence_record(graph: rdflib.Graph, ev, documents: dict, known: dict) -> dict:
    fields = {p: objs[0] for p, objs in (known.get(ev) or _first_values(graph, ev)).items()}
    doc = fields.get(_DOCUMENT)
    if doc not in documents:
        if doc in known and _DOCUMENT_ID in known[doc]:
            documents[doc] = known[doc][_DOCUMENT_ID][0]
        else:
            documents[doc] = graph.value(doc, _DOCUMENT_ID)  # as before: any document's id if none is linked
    return {"doc": str(documents[doc]), "start": int(fields.get(_START)), "end": int(fields.get(_END)),
            "extractor": str(fields.get(_EXTRACTOR))}


def project(graph: rdflib.Graph) -> nx.MultiDiGraph:
    """The typed MultiDiGraph of a built graph (deterministic node and edge order).

    Edges and data values come in sorted (subject, predicate, object) order; taking each
    node's own triples (nodes sorted) and sorting those gives that order without sorting
    the whole graph.
    """
    nodes: dict[str, dict] = {}
    facts: dict[str, tuple] = {}  # node IRI -> (node, {ontology predicate: objects})
    others: dict = {}  # evidence records and documents: read here, used for edge evidence
    for s in sorted(set(graph.subjects(RDF.type, OWL.NamedIndividual))):
        values = _first_values(graph, s)
        types = sorted(local(t) for t in values.get(RDF.type, ()) if str(t).startswith(ONTOLOGY_NS))
        if not types or _NOT_NODES & set(types):
            others[s] = values
            continue
        primary = next((t for t in TYPE_PRECEDENCE if t in types), types[0])
        label = values.get(RDFS.label, (None,))[0]
        nodes[str(s)] = {
            "key": local(s), "iri": str(s), "types": types, "type": primary,
            "label": str(label or local(s)),
            "synonyms": sorted(str(x) for x in values.get(SKOS.altLabel, ())),
            "identifiers": sorted(str(x) for x in values.get(HCC.identifier, ())),
        }
        facts[str(s)] = (s, {p: objs for p, objs in values.items()
                             if str(p).startswith(ONTOLOGY_NS) and local(p) not in _NOT_EDGES})
    G = nx.MultiDiGraph()
    for iri, attrs in nodes.items():
        G.add_node(attrs["key"], **attrs)
    annotations = fact_annotations(graph, others)
    others.clear()
    for iri, (s, by_predicate) in facts.items():
        key = nodes[iri]["key"]
        for p in sorted(by_predicate):
            for o in sorted(by_predicate[p]):
                if isinstance(o, Literal):
                    G.nodes[key].setdefault(local(p), []).append(_python(o))
                elif str(o) in nodes:
                    info = annotations.get((s, p, o), {"inferred": False, "evidence": []})
                    G.add_edge(key, nodes[str(o)]["key"], key=local(p), predicate=local(p),
                               inferred=info["inferred"], source=info.get("source", "text"),
                               evidence=info["evidence"])
    return G
