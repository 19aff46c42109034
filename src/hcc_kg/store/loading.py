"""A build's graph into a new store: the ontology and the asserted ABox first (while HermiT runs),
then what the reasoner added (:mod:`hcc_kg.store.oxigraph` holds the store itself).

With an output folder the store is built in a staging folder beside ``<out>/store``
(``.tmp-store-*/store``), published with the exports in one journal
(:func:`hcc_kg.store.publish.commit`), or removed (:func:`discard`) when the build fails.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..owl.populate import Populated
from ..owl.reason import Reasoned
from .oxigraph import STORE_DIRNAME, GraphStore, skolemise
from .rdf import marked_inferences, ontology_graph


def store_location(out: Path | None) -> Path | None:
    """Where a build's store lives: ``<out>/store``, or nowhere (in memory) without ``out``."""
    return None if out is None else Path(out) / STORE_DIRNAME


def load_store(reasoned: Reasoned, ontology_path: Path | str, location: Path | None = None) -> GraphStore:
    """Ontology (skolemised) + the ABox's individuals, evidence and inferred marks, in bulk.

    With ``location`` the store is built in a staging folder beside it (``.tmp-store-*/store``);
    the build closes it and publishes it with the exports, in one journal
    (:func:`hcc_kg.store.publish.commit`), then opens ``location`` with :meth:`GraphStore.open`.
    """
    return finish_store(begin_store(reasoned.populated, ontology_path, location), reasoned)


def begin_store(populated: Populated, ontology_path: Path | str, location: Path | None = None) -> GraphStore:
    """The part of :func:`load_store` that needs no reasoner: the ontology and the asserted ABox
    (the build loads them while HermiT runs); :func:`finish_store` adds the rest."""
    store = _new_store(location)
    try:
        store.add_triples(skolemise(ontology_graph(ontology_path)))
        store.add_ntriples(populated.abox.triples())
    except BaseException:  # an error or a signal (SIGTERM while HermiT runs): no half-loaded staging left
        discard(store)
        raise
    return store


def _new_store(location: Path | None) -> GraphStore:
    if location is None:
        return GraphStore.in_memory()
    location.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tmp-store-", dir=location.parent))
    try:
        return GraphStore.create(staging / STORE_DIRNAME)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def finish_store(store: GraphStore, reasoned: Reasoned) -> GraphStore:
    """``store`` from :func:`begin_store` completed with what the reasoner added, and compacted."""
    store.add_ntriples(marked_inferences(reasoned.populated, reasoned.inferred))
    if store.path is not None:  # compacting the bulk-loaded files makes every later scan ~30% faster
        store.store.optimize()
    return store


def discard(store: GraphStore) -> None:
    """Remove a staged store that will not be published (the build failed before its commit)."""
    if store.path is not None and store.path.parent.name.startswith(".tmp-store-"):
        staged = store.path
        store.close()
        shutil.rmtree(staged.parent, ignore_errors=True)


__all__ = ["begin_store", "discard", "finish_store", "load_store", "store_location"]
