"""The build's views, drawn on the second core while the build reasons and writes the RDF exports.

Drawing the two build views is the largest part of the export stage (0.4 s of its 0.66 s on
the shipped corpus, plus 0.07 s importing pyvis and jinja2), and it needs nothing the build
makes after the reasoner but the graph.  So the build forks a child as soon as the ABox is
populated (:class:`hcc_kg.execute.forked.ForkedTask`, started by :mod:`hcc_kg.pipeline`) that
runs :func:`draw_build_views`: it imports the renderers and loads the ontology and the asserted
ABox into its own in-memory store while HermiT runs, waits for the inferences, adds them, and
draws.  Its store holds the triples the build's store holds
(:func:`hcc_kg.store.loading.begin_store`, then ``finish_store``), and the pages are a function
of those triples only, so they are the bytes the build would draw itself.  The pages go back
through the task's pipe; the build writes them into its staging folder with every other export.

A graph larger than the build's ``view_max_triples`` gets no views: the child stops loading
as soon as its store holds more than that (the build's store, holding the same triples and
more, is over the limit too) and returns no pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Callable, Iterator

import rdflib

from ..owl.populate import Populated
from ..store.oxigraph import GraphStore, skolemise
from ..store.rdf import marked_inferences
from . import render_build_views

#: Triples handed to the store at a time while loading the asserted ABox (the size check runs between).
LOAD_BATCH = 50_000


@dataclass(frozen=True)
class DrawnViews:
    """What the child drew: (file name, page) pairs, none when the graph has more than ``max_triples``."""

    pages: tuple[tuple[str, str], ...]
    over_limit: bool = False


def draw_build_views(populated: Populated, ontology: rdflib.Graph, max_triples: int,
                     receive: Callable[[], frozenset]) -> DrawnViews:
    """The build's views of ``ontology`` (:func:`hcc_kg.store.rdf.ontology_graph`, parsed once by
    the caller, who renders it too) and ``populated`` plus the inferences ``receive()`` gives
    (HermiT's :attr:`hcc_kg.owl.reason.Reasoned.inferred`), drawn from an in-memory copy of the graph."""
    store = GraphStore.in_memory()
    store.add_triples(skolemise(ontology))
    if not _loaded_within(store, populated.abox.triples(), max_triples):
        return DrawnViews((), over_limit=True)
    store.add_ntriples(marked_inferences(populated, receive()))
    if len(store) > max_triples:
        return DrawnViews((), over_limit=True)
    return DrawnViews(tuple(render_build_views(store)))


def _loaded_within(store: GraphStore, triples: Iterator[tuple[str, str, str]], max_triples: int) -> bool:
    """Add ``triples`` in batches; False (and stop) once the store holds more than ``max_triples``."""
    while batch := list(islice(triples, LOAD_BATCH)):
        store.add_ntriples(batch)
        if len(store) > max_triples:
            return False
    return True

