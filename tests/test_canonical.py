"""The store sorted into canonical lines: in memory when small, in runs on disk when large."""

from __future__ import annotations

import weakref

from rdflib import Literal

from hcc_kg.store import canonical
from hcc_kg.store.oxigraph import GraphStore
from hcc_kg.store.rdf import HCC, HCCR


class _Run(list):
    """A run of lines that can be watched (a plain list cannot be weakly referenced)."""


def a_store(n: int = 200) -> GraphStore:
    store = GraphStore.in_memory()
    store.add_triples([(HCCR[f"node{i:04d}"], HCC.value, Literal(f"value {n - i}")) for i in range(n)])
    return store


def test_a_large_store_holds_one_run_in_memory_at_a_time(monkeypatch):
    read_runs, alive = canonical._read_runs, []

    def watched(path, run_bytes):
        for run in read_runs(path, run_bytes):
            assert all(ref() is None for ref in alive), "an earlier run is still held while the next is read"
            run = _Run(run)
            alive.append(weakref.ref(run))
            yield run
            del run

    monkeypatch.setattr(canonical, "_read_runs", watched)
    store = a_store()
    on_disk = canonical.from_store(store, run_bytes=1000)
    assert len(alive) > 2 and on_disk.path is not None
    assert list(on_disk.lines()) == list(canonical.from_store(store).lines()) and len(on_disk) == len(store)


def test_a_store_whose_dump_fits_one_run_is_sorted_in_memory_without_runs(monkeypatch):
    def no_runs(path, run_bytes):
        raise AssertionError("a graph that fits one run is not read in runs")
        yield

    monkeypatch.setattr(canonical, "_read_runs", no_runs)
    lines = list(canonical.from_store(a_store()).lines())
    assert lines == sorted(lines) and len(lines) == 200 and canonical.from_store(a_store()).path is None
