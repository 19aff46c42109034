"""What a view holds: vis-network node and edge records built from the graph, with tooltips.

Every piece of text that came from a document (labels, values, evidence spans) is
HTML-escaped here, once, where the tooltip markup is assembled; the page script inserts
that markup as is.  Canvas labels escape ``&`` and ``<`` (vis-network's ``multi: "html"``
mode decodes exactly those), so a label reading ``<script>`` is drawn, never run.

The sentence behind a fact is shown only when a corpus folder is passed (``corpus=``);
views written by the build never carry document text, only document ids and offsets.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import networkx as nx
import rdflib
from rdflib import OWL, RDF

from ..query.graph import fact_annotations, local, project
from ..store.rdf import HCC
from ..vocab import ONTOLOGY_NS, load_converter
from . import style
from .labels import related_label

#: Node attributes that are not data-property values.
_STRUCTURAL = {"key", "iri", "types", "type", "label", "synonyms", "identifiers", "identifier"}
MAX_EVIDENCE = 6
MAX_SENTENCE = 320


@dataclass(frozen=True)
class ViewSource:
    """The projection plus what only the RDF knows: node provenance, inferred types, inverses."""

    G: nx.MultiDiGraph
    node_evidence: dict[str, list[dict]] = field(default_factory=dict)
    inferred_types: dict[str, set[str]] = field(default_factory=dict)
    document_sha: dict[str, str] = field(default_factory=dict)
    inverses: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ViewData:
    """What a page draws: title, nodes and edges as vis-network records, and the legends' counts."""

    title: str
    nodes: tuple[dict, ...]
    edges: tuple[dict, ...]
    legend_types: tuple[tuple[str, int], ...]
    legend_predicates: tuple[tuple[str, int], ...]
    legend_statuses: tuple[tuple[str, int], ...]


def escape_label(text: str) -> str:
    """Canvas-label escaping for vis-network's html mode (it decodes ``&lt;`` and ``&amp;``).

    >>> escape_label("<script>a & b")
    '&lt;script>a &amp; b'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;")


def source_of(graph: rdflib.Graph | nx.MultiDiGraph) -> ViewSource:
    """A :class:`ViewSource` from a built rdflib graph (full provenance) or a projection."""
    if isinstance(graph, ViewSource):
        return graph
    if isinstance(graph, nx.MultiDiGraph):
        return ViewSource(graph)
    G = project(graph)
    iris = {G.nodes[n]["iri"]: n for n in G}
    evidence, inferred = _node_provenance(graph, iris)
    shas = {str(graph.value(d, HCC.documentId)): str(graph.value(d, HCC.sha256))
            for d in graph.subjects(RDF.type, HCC.SourceDocument) if graph.value(d, HCC.documentId) is not None}
    inverses = {}
    for p, q in graph.subject_objects(OWL.inverseOf):
        if str(p).startswith(ONTOLOGY_NS) and str(q).startswith(ONTOLOGY_NS):
            inverses[local(p)], inverses[local(q)] = local(q), local(p)
    return ViewSource(G, evidence, inferred, shas, inverses)


def _node_provenance(graph: rdflib.Graph, iris: dict[str, str]) -> tuple[dict, dict]:
    """Evidence for a node's own facts (mentions, types, values) and its inferred types.

    Facts linking two nodes are edges; their evidence travels with the edge instead.
    The owl:Axiom annotations are read as :func:`hcc_kg.query.graph.project` reads an edge's.
    """
    evidence: dict[str, list[dict]] = {}
    inferred: dict[str, set[str]] = {}
    for (source, prop, target), info in fact_annotations(graph).items():
        node = iris.get(str(source))
        if node is None or prop is None or str(target) in iris:
            continue
        if prop == RDF.type and info["inferred"]:
            inferred.setdefault(node, set()).add(local(target))
        fact = "mentioned" if local(prop) == "mentionedIn" else (
            f"{local(prop)} {local(target)}" if isinstance(target, rdflib.URIRef) else f"{local(prop)} = {target}")
        if info["evidence"]:
            evidence.setdefault(node, []).extend({**record, "fact": fact} for record in info["evidence"])
    for records in evidence.values():
        records.sort(key=lambda e: (e["doc"], e["start"], e["end"], e["fact"], e["extractor"]))
    return evidence, inferred


@dataclass(frozen=True)
class Sentences:
    """Document texts read at view time (never by the build), checked against the graph's hashes."""

    texts: dict[str, str]
    shas: dict[str, str]
    expected: dict[str, str]

    def span(self, doc: str, start: int, end: int) -> str | None:
        text = self.texts.get(doc)
        if text is None or (doc in self.expected and self.expected[doc] != self.shas.get(doc)):
            return None
        words = " ".join(text[start:end].split())
        return words if len(words) <= MAX_SENTENCE else words[: MAX_SENTENCE - 1] + "…"


def read_sentences(corpus: Path | str, source: ViewSource) -> Sentences:
    """The corpus's texts for tooltips; a span is shown only where its document's hash is the one the graph was built from."""
    from ..read.corpus import read_corpus
    from ..report import Report

    documents = read_corpus(Path(corpus), Report())
    return Sentences({d.doc_id: d.text for d in documents}, {d.doc_id: d.sha256 for d in documents},
                     source.document_sha)


def _link(curie: str, converter) -> str:
    url = converter.expand(curie) if ":" in curie else None
    if not url or urlparse(url).scheme not in ("http", "https"):
        return html.escape(curie)
    return f'<a href="{html.escape(url)}" target="_blank" rel="noopener noreferrer">{html.escape(curie)}</a>'


def _evidence_html(records: list[dict], sentences: Sentences | None) -> str:
    if not records:
        return ""
    items = []
    for e in records[:MAX_EVIDENCE]:
        what = f" ({html.escape(e['fact'])})" if e.get("fact") else ""
        line = f"{html.escape(e['doc'])} [{e['start']}–{e['end']}] {html.escape(e['extractor'])}{what}"
        if sentences is not None:
            text = sentences.span(e["doc"], e["start"], e["end"])
            line += (f'<div class="hcc-quote">{html.escape(text)}</div>' if text is not None
                     else '<div class="hcc-quote hcc-missing">(document not in this corpus, or changed)</div>')
        items.append(f"<li>{line}</li>")
    more = f"<li>… and {len(records) - MAX_EVIDENCE} more</li>" if len(records) > MAX_EVIDENCE else ""
    return f"<div><b>evidence</b> ({len(records)})<ul>{''.join(items)}{more}</ul></div>"


def _row(name: str, value_html: str) -> str:
    return f"<div><b>{html.escape(name)}</b> {value_html}</div>" if value_html else ""


def node_tooltip(source: ViewSource, node: str, converter, sentences: Sentences | None) -> str:
    """The HTML tooltip of a node: label, types (inferred ones marked), identifiers, values and evidence."""
    attrs = source.G.nodes[node]
    inferred = source.inferred_types.get(node, set())
    types = ", ".join(html.escape(t) + (" <i>(inferred)</i>" if t in inferred else "") for t in attrs.get("types", []))
    values = "; ".join(f"{html.escape(k)} {html.escape(', '.join(str(v) for v in vs))}"
                       for k, vs in sorted(attrs.items()) if k not in _STRUCTURAL and isinstance(vs, list))
    return "".join([
        f'<div class="hcc-title">{html.escape(attrs.get("label", node))}</div>',
        _row("type", html.escape(attrs.get("type", ""))), _row("classes", types),
        _row("key", html.escape(node)),
        _row("synonyms", html.escape(", ".join(attrs.get("synonyms", [])))),
        _row("identifiers", ", ".join(_link(c, converter) for c in attrs.get("identifiers", []))),
        _row("values", values),
        _evidence_html(source.node_evidence.get(node, []), sentences),
    ])


def edge_tooltip(source: ViewSource, edge: dict, sentences: Sentences | None) -> str:
    """The HTML tooltip of an edge: its ends, predicate, evidence status and evidence."""
    G = source.G
    labels = [html.escape(G.nodes[n].get("label", n)) for n in (edge["from"], edge["to"])]
    inverse = f" (inverse: {html.escape(edge['inverse'])})" if edge.get("inverse") else ""
    return "".join([
        f'<div class="hcc-title">{labels[0]} → {html.escape(edge["predicate"])} → {labels[1]}</div>',
        _row("predicate", html.escape(edge["predicate"]) + inverse),
        _row("status", html.escape(style.LINE_STYLES[edge["status"]].meaning)),
        _evidence_html(edge["evidence"], sentences),
    ])


def _facts(source: ViewSource, keep: set[str]) -> list[dict]:
    """Edges among ``keep``; an inverse pair (hasArm / armOf) becomes one edge.

    The direction kept is the attested one (not the OWL layer's bare mirror), then the
    better status (asserted, vocabulary, inferred), then more evidence, then by name.
    """
    facts: dict[frozenset, list[dict]] = {}
    for u, v, k, data in sorted(source.G.edges(keys=True, data=True), key=lambda e: e[:3]):
        if u not in keep or v not in keep:
            continue
        inverse = source.inverses.get(k)
        pair = frozenset({(u, k, v), (v, inverse, u)}) if inverse else frozenset({(u, k, v)})
        fact = {"from": u, "to": v, "predicate": k, "inverse": inverse if inverse else None,
                "status": style.edge_status(data), "evidence": list(data.get("evidence", [])),
                "attested": style.attested(data)}
        facts.setdefault(pair, []).append(fact)
    merged = []
    for group in facts.values():
        group.sort(key=lambda f: (not f["attested"], style.status_rank(f["status"]), -len(f["evidence"]),
                                  f["predicate"]))
        best = dict(group[0])
        evidence = {_evidence_key(e): e for f in group for e in f["evidence"]}  # both directions' spans, once
        best["evidence"] = [evidence[k] for k in sorted(evidence)]
        best["inverse"] = best["inverse"] if len(group) > 1 else None
        merged.append(best)
    return sorted(merged, key=lambda f: (f["from"], f["to"], f["predicate"]))


def _evidence_key(e: dict) -> tuple:
    return (e["doc"], e["start"], e["end"], e["extractor"], e.get("fact", ""))


def _curves(edges: list[dict]) -> None:
    """Parallel edges between one pair of nodes bend apart instead of overlapping."""
    seen: Counter = Counter()
    for edge in edges:
        pair = tuple(sorted((edge["from"], edge["to"])))
        if seen[pair]:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.15 * seen[pair], 2)}
        seen[pair] += 1


def view_data(source: ViewSource, nodes: list[str], title: str, sentences: Sentences | None = None,
              levels: dict[str, int] | None = None) -> ViewData:
    """vis-network records for ``nodes`` and every edge among them, in a fixed order.

    ``levels`` (node → rank, e.g. :func:`hcc_kg.views.select.chain_levels`) draws the nodes in
    ranks, left to right, instead of letting the physics place them.
    """
    keep = set(nodes)
    converter = load_converter()
    facts = _facts(source, keep)
    degree = Counter(n for f in facts for n in (f["from"], f["to"]))
    node_records = []
    for node in sorted(keep):
        attrs = source.G.nodes[node]
        kind = attrs.get("type", "")
        look = style.node_style(kind)
        related = related_label(source.G, node, kind)
        names = [attrs.get("label", node), node, *attrs.get("synonyms", []), *([related] if related else [])]
        shown = style.clip(related) if related else style.display_label(kind, attrs.get("label", node), attrs)
        node_records.append({
            "id": node, "label": escape_label(shown),
            "kind": kind, "search": " | ".join(names).lower(), "shape": look.shape,
            "color": {"background": look.colour, "border": "#343a40"},
            "size": style.node_size(degree[node]), "info": node_tooltip(source, node, converter, sentences),
            **({"level": levels[node]} if levels is not None else {}),
        })
    edge_records = []
    for i, fact in enumerate(facts):
        line = style.LINE_STYLES[fact["status"]]
        edge_records.append({
            "id": f"e{i}", "from": fact["from"], "to": fact["to"], "label": escape_label(fact["predicate"]),
            "predicate": fact["predicate"], "status": fact["status"],
            "color": {"color": style.predicate_colour(fact["predicate"]), "opacity": line.opacity},
            "dashes": list(line.dashes) if line.dashes else False, "width": line.width,
            "info": edge_tooltip(source, fact, sentences),
        })
    _curves(edge_records)
    kinds = Counter(n["kind"] for n in node_records)
    return ViewData(title, tuple(node_records), tuple(edge_records),
                    tuple(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
                    tuple(sorted(Counter(e["predicate"] for e in edge_records).items())),
                    tuple((s, n) for s, n in ((s, sum(e["status"] == s for e in edge_records))
                                              for s in style.LINE_STYLES) if n))
