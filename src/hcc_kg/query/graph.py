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

from typing import Callable

import networkx as nx
import rdflib
from rdflib import OWL, RDF, RDFS, Literal
from rdflib.namespace import SKOS

from ..gc_control import gc_paused
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
    """The local name of a project IRI (resource or ontology namespace), else the IRI as text."""
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

    From the build's store, two SPARQL queries (each axiom and evidence record holds one
    value per property, as the build writes them); from an rdflib graph, one walk over the
    axioms, one lookup per axiom and per evidence record (each record read once even when
    several axioms cite it, not at all when ``known`` has its triples).
    """
    from ..store.oxigraph import GraphStore

    if isinstance(graph, GraphStore):
        return _store_annotations(graph, _term_reader(graph), edges_only=False)
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


def _rdflib_parts(graph: rdflib.Graph) -> tuple[list, dict]:
    """The nodes' (IRI, {predicate: objects}) in IRI order, and the facts' annotations, read
    through the rdflib Graph API (an rdflib Graph, or any object reading like one)."""
    individuals, others = [], {}  # others: evidence records and documents, used for edge evidence
    for s in _in_term_order(set(graph.subjects(RDF.type, OWL.NamedIndividual))):
        values = _first_values(graph, s)
        if _is_node(values):
            individuals.append((s, values))
        else:
            others[s] = values
    return individuals, fact_annotations(graph, others)


def _is_node(values: dict) -> bool:
    types = {local(t) for t in values.get(RDF.type, ()) if str(t).startswith(ONTOLOGY_NS)}
    return bool(types) and not _NOT_NODES & types


def project(graph: rdflib.Graph) -> nx.MultiDiGraph:
    """The typed MultiDiGraph of a built graph (deterministic node and edge order).

    Edges and data values come in sorted (subject, predicate, object) order; taking each
    node's own triples (nodes sorted) and sorting those gives that order without sorting
    the whole graph.  The build's store is read with a few SPARQL queries
    (:func:`_store_parts`), anything else through the rdflib Graph API: the
    same graph either way.

    The cyclic collector is held off meanwhile: the nodes' triples, the facts' annotations and
    the NetworkX graph are millions of acyclic containers, and each full collection would walk
    them and whatever the caller holds (a build's result) again: after a build, as the benchmark
    projects, 10 s of 32 s at 10,000 documents against 0.7 s at 1,000.
    """
    with gc_paused():
        return _project(graph)


def _project(graph) -> nx.MultiDiGraph:
    individuals, annotations = _store_parts(graph) or _rdflib_parts(graph)
    name = _local_names()
    nodes = {str(s): _node_attributes(s, values, name) for s, values in individuals}
    G = nx.MultiDiGraph()
    for attrs in nodes.values():
        G.add_node(attrs["key"], **attrs)
    for s, values in individuals:
        _add_facts(G, s, values, nodes, annotations, name)
    return G


def _local_names() -> Callable[[rdflib.term.Node], str]:
    """:func:`local`, remembered per term (a projection asks for the same few predicates often)."""
    known: dict = {}

    def name(term) -> str:
        found = known.get(term)
        if found is None:
            found = known[term] = local(term)
        return found

    return name


def _node_attributes(s, values: dict, name) -> dict:
    types = sorted(name(t) for t in values.get(RDF.type, ()) if str(t).startswith(ONTOLOGY_NS))
    label = values.get(RDFS.label, (None,))[0]
    return {
        "key": name(s), "iri": str(s), "types": types,
        "type": next((t for t in TYPE_PRECEDENCE if t in types), types[0]),
        "label": str(label or name(s)),
        "synonyms": sorted(str(x) for x in values.get(SKOS.altLabel, ())),
        "identifiers": sorted(str(x) for x in values.get(HCC.identifier, ())),
    }


def _add_facts(G: nx.MultiDiGraph, s, values: dict, nodes: dict, annotations: dict, name) -> None:
    """``s``'s ontology facts: literals become attribute lists, links to nodes edges (sorted)."""
    key = nodes[str(s)]["key"]
    for p in _in_term_order([p for p in values if str(p).startswith(ONTOLOGY_NS) and name(p) not in _NOT_EDGES]):
        for o in _in_term_order(values[p]):
            if isinstance(o, Literal):
                G.nodes[key].setdefault(name(p), []).append(_python(o))
            elif str(o) in nodes:
                info = annotations.get((s, p, o), {"inferred": False, "evidence": []})
                G.add_edge(key, nodes[str(o)]["key"], key=name(p), predicate=name(p),
                           inferred=info["inferred"], source=info.get("source", "text"),
                           evidence=info["evidence"])


def _in_term_order(terms) -> list:
    """``sorted(terms)``; IRIs alone are sorted by their text, which is how rdflib orders
    them, without a Python call per comparison (a million at 10,000 abstracts).

    >>> _in_term_order([HCC.b, HCC.a]) == sorted([HCC.b, HCC.a]) == [HCC.a, HCC.b]
    True
    >>> _in_term_order([Literal(2), HCC.b, Literal(1)]) == [HCC.b, Literal(1), Literal(2)]
    True
    """
    terms = list(terms)
    if all(type(t) is rdflib.URIRef for t in terms):
        return sorted(terms, key=str)
    return sorted(terms)


# --- the build's store: a few SPARQL queries instead of a lookup per triple ------------------
# Reading a term back from the on-disk store costs microseconds (a RocksDB read per IRI, and a
# seek per lookup, both dearer as the store grows), so the store path asks only for what the
# projection uses: the nodes' own triples without provenance links, found by a seek per node
# rather than by a scan of the whole store joined by hash; status and evidence only of the facts
# that can become edges (an IRI object, not a provenance link: ``mentionedIn`` alone has 40% of
# the axioms and 60% of their evidence at 10,000 abstracts, and no edge).
_PROLOGUE = f"PREFIX owl: <{OWL}>\nPREFIX rdf: <{RDF}>\nPREFIX hcc: <{ONTOLOGY_NS}>\n"
_NOT_EDGE_IRIS = ", ".join(f"hcc:{p}" for p in sorted(_NOT_EDGES))
_NODE_TRIPLES = _PROLOGUE + f"""SELECT ?s ?p ?o WHERE {{
  ?s a owl:NamedIndividual MINUS {{ ?s a hcc:Evidence }} MINUS {{ ?s a hcc:SourceDocument }}
  ?s ?p ?o FILTER (?p NOT IN ({_NOT_EDGE_IRIS}))
}}"""

def _axioms(edges_only: bool) -> str:
    """The axioms' annotated triples: of every fact, or of the possible edges (an IRI object,
    neither rdf:type nor a provenance link)."""
    target, prop = ("FILTER (isIRI(?o))", f"FILTER (?p NOT IN (rdf:type, {_NOT_EDGE_IRIS}))") if edges_only else ("", "")
    return f"""{{ SELECT ?axiom WHERE {{ ?axiom a owl:Axiom }} }}
  {{ SELECT ?axiom ?o WHERE {{ ?axiom owl:annotatedTarget ?o {target} }} }}
  {{ SELECT ?axiom ?p WHERE {{ ?axiom owl:annotatedProperty ?p {prop} }} }}
  {{ SELECT ?axiom ?s WHERE {{ ?axiom owl:annotatedSource ?s }} }}"""


def _axiom_status(edges_only: bool) -> str:
    return _PROLOGUE + f"""SELECT ?s ?p ?o ?status WHERE {{
  {_axioms(edges_only)}
  OPTIONAL {{ SELECT ?axiom ?status WHERE {{ ?axiom hcc:assertionStatus ?status }} }}
}}"""


def _axiom_evidence(edges_only: bool) -> str:
    return _PROLOGUE + f"""SELECT ?s ?p ?o ?document ?start ?end ?extractor WHERE {{
  {_axioms(edges_only)}
  {{ SELECT ?axiom ?evidence WHERE {{ ?axiom hcc:hasEvidence ?evidence }} }}
  {{ SELECT ?evidence ?start WHERE {{ ?evidence hcc:startOffset ?start }} }}
  {{ SELECT ?evidence ?end WHERE {{ ?evidence hcc:endOffset ?end }} }}
  OPTIONAL {{ SELECT ?evidence ?document WHERE {{
      {{ SELECT ?evidence ?source WHERE {{ ?evidence hcc:fromDocument ?source }} }}
      {{ SELECT ?source ?document WHERE {{ ?source hcc:documentId ?document }} }} }} }}
  OPTIONAL {{ SELECT ?evidence ?extractor WHERE {{ ?evidence hcc:extractor ?extractor }} }}
}}"""


def _store_parts(graph) -> tuple[list, dict] | None:
    """:func:`_rdflib_parts` for the build's store (``None`` for anything else)."""
    from ..store.oxigraph import GraphStore

    if not isinstance(graph, GraphStore):
        return None
    term = _term_reader(graph)
    by_node: dict = {}
    for s, p, o in graph.store.query(_NODE_TRIPLES):
        by_node.setdefault(term(s), {}).setdefault(term(p), []).append(term(o))
    individuals = [(s, by_node[s]) for s in _in_term_order(by_node) if _is_node(by_node[s])]
    return individuals, _store_annotations(graph, term)


def _term_reader(graph) -> Callable:
    """pyoxigraph term → the rdflib term the store's own reads give, each distinct term made once.

    Literals are remembered here too, for the projection's whole read: the store's own read
    cache is bounded (``READ_CACHE_TERMS``; a large store's scan starts it again), and a miss
    there costs a value key and an rdflib Literal.
    """
    import pyoxigraph as ox

    named, iris, literals = ox.NamedNode, {}, {}
    literal = graph.read_term  # a literal's written spelling, as GraphStore.triples reads it

    def term(value):
        if type(value) is not named:
            found = literals.get(value)
            if found is None:
                found = literals[value] = literal(value)
            return found
        found = iris.get(value.value)
        if found is None:
            found = iris[value.value] = rdflib.URIRef(value.value)
        return found

    return term


def _store_annotations(graph, term, edges_only: bool = True) -> dict[tuple, dict]:
    """What :func:`fact_annotations` gives, for every fact or only for the facts that can be
    edges (see :func:`_axioms`), from the store in two queries."""
    found: dict[tuple, dict] = {}
    for s, p, o, status in graph.store.query(_axiom_status(edges_only)):
        info = found.setdefault((term(s), term(p), term(o)), {"inferred": False, "evidence": []})
        if status is not None:
            info["inferred"] |= status.value == "inferred"
            info["source"] = status.value
    fallback = []  # a record with no document gets any document's id, as graph.value(None, …) gives
    for s, p, o, document, start, end, extractor in graph.store.query(_axiom_evidence(edges_only)):
        if document is None and not fallback:
            fallback.append(graph.value(None, _DOCUMENT_ID))
        found[(term(s), term(p), term(o))]["evidence"].append({
            "doc": document.value if document is not None else str(fallback[0]),
            "start": int(start.value), "end": int(end.value),
            "extractor": extractor.value if extractor is not None else "None"})
    for info in found.values():
        info["evidence"].sort(key=lambda e: (e["doc"], e["start"], e["end"], e["extractor"]))
    return found
