"""Interactive, offline HTML views of the graph (pyvis / vis-network), graph first.

Each function takes the built rdflib graph (full provenance: node evidence, inferred
classes, inverse pairs drawn once) or the NetworkX projection from
:func:`hcc_kg.query.graph.project`, and returns one self-contained page as a string; write it
with :func:`write_view`.  Pass ``corpus=`` (a folder) to show the sentence behind each
fact in tooltips; without it, pages carry only document ids and offsets, which is what the
build writes into exports/.

* :func:`graph_view` — everything;
* :func:`around_view` — the neighbourhood of one entity (``depth`` edges);
* :func:`chain_view` — pathway → targets → drugs → trials → outcomes, drawn in ranks;
* :func:`subgraph_view` — any set of resources;
* :func:`query_view` — the answer to a competency question (:mod:`hcc_kg.query`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import networkx as nx
import rdflib

from ..query.outcomes import chain_agents
from ..query.paths import resolve
from . import select
from .data import ViewSource, read_sentences, source_of, view_data
from .render import remote_references, render_page, write_view

if TYPE_CHECKING:  # annotations only: views read a built store as they read an rdflib graph
    from ..store.oxigraph import GraphStore

Graph = rdflib.Graph | nx.MultiDiGraph | ViewSource

__all__ = ["around_view", "chain_view", "graph_view", "query_view", "remote_references", "subgraph_view",
           "render_build_views", "write_build_views", "write_view"]


def _page(graph: Graph, pick, title, corpus: Path | str | None) -> str:
    """``pick(G)`` gives the nodes to draw: a list, or a dict of node → rank for a layered view."""
    source = source_of(graph)
    sentences = read_sentences(corpus, source) if corpus is not None else None
    nodes = pick(source.G)
    levels = nodes if isinstance(nodes, dict) else None
    return render_page(view_data(source, list(nodes), title(source.G) if callable(title) else title, sentences,
                                 levels))


def graph_view(graph: Graph, title: str = "hcc-kg: the whole graph", corpus: Path | str | None = None) -> str:
    """An HTML view of the whole graph; ``corpus`` puts each fact's sentence in its tooltip."""
    return _page(graph, select.whole, title, corpus)


def around_view(graph: Graph, name: str, depth: int = 1, corpus: Path | str | None = None) -> str:
    """An HTML view of the entities within ``depth`` edges of the one ``name`` resolves to."""
    def title(G: nx.MultiDiGraph) -> str:
        return f"hcc-kg: around {G.nodes[resolve(G, name)]['label']} (depth {depth})"

    return _page(graph, lambda G: select.around(G, name, depth), title, corpus)


def chain_view(graph: Graph, pathway: str, corpus: Path | str | None = None) -> str:
    """An HTML view of a pathway's chain: its targets, their drugs, the drugs' trials and outcomes."""
    def title(G: nx.MultiDiGraph) -> str:
        return f"hcc-kg: {G.nodes[resolve(G, pathway)]['label']} → targets → drugs → trials → outcomes"

    return _page(graph, lambda G: select.chain_levels(G, pathway), title, corpus)


def subgraph_view(graph: Graph, iris: Iterable[str], title: str, corpus: Path | str | None = None) -> str:
    """The resources ``iris`` (IRIs or node keys) and the edges among them."""
    wanted = list(iris)
    return _page(graph, lambda G: select.by_iri(G, wanted), title, corpus)


def query_view(graph: rdflib.Graph, name: str, params: dict[str, str] | None = None,
               queries: Path | str | None = None, corpus: Path | str | None = None) -> str:
    """The resources answering competency query ``name`` (see ``hcc-kg sparql --list``), with
    the nodes that link two of them (:func:`select.with_bridges`)."""
    from ..errors import QueryError
    from ..query.backends import RdflibBackend, Runner
    from ..query.library import QueryLibrary
    from ..query.results import IRI

    if not isinstance(graph, rdflib.Graph):
        raise QueryError("a query view runs SPARQL: pass the rdflib graph, not a projection")
    query = QueryLibrary.load(queries).get(name)
    result = Runner(RdflibBackend(graph)).run(query, params or {})
    source = source_of(graph)
    answer = sorted({str(v) for row in result.rows for v in row.values() if isinstance(v, IRI)}
                    & {d["iri"] for _, d in source.G.nodes(data=True)})
    if not answer:
        raise QueryError(f"query {name!r} returned {len(result.rows)} row(s) but no entity of the graph to show")
    nodes = select.with_bridges(source.G, select.by_iri(source.G, answer))
    return _page(source, lambda G: nodes, f"hcc-kg: {query.title}", corpus)


def example_pathway(G: nx.MultiDiGraph) -> str | None:
    """The pathway with the longest drug chain (ties by key), for the build's example view."""
    pathways = sorted(n for n, d in G.nodes(data=True) if d.get("type") == "Pathway")
    scored = sorted((-len(chain_agents(G, p)[1]), p) for p in pathways)  # trials not needed to count drugs
    return scored[0][1] if scored and scored[0][0] < 0 else None


def render_build_views(graph: "rdflib.Graph | GraphStore") -> list[tuple[str, str]]:
    """The build's views as (file name, page): ``view_graph.html`` and ``view_chain_<pathway>.html``,
    never with document text."""
    source = source_of(graph)
    pages = [("view_graph.html", graph_view(source))]
    pathway = example_pathway(source.G)
    if pathway is not None:
        pages.append((f"view_chain_{pathway}.html", chain_view(source, pathway)))
    return pages


def write_build_views(graph: "rdflib.Graph | GraphStore", folder: Path | str) -> list[Path]:
    """The build's views (:func:`render_build_views`), written into ``folder``."""
    return [write_view(page, Path(folder) / name) for name, page in render_build_views(graph)]
