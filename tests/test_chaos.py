"""Chaos: builds and loads killed at random points (bounded in count and time, loopback only).

After every kill, the export folder (once the next build's recovery has run) must hold
exactly one complete build, checked against that build's manifest and against reference
builds made without interruption, and the store of that same build (``<out>/store``, whose
triple count must be the reference build's); a remote store (the Oxigraph server fixture) must hold
either the previous graph or the new one, triple for triple.

The two corpora are the tiny fixture and the same plus one invented note, so the two
builds differ and a mix of them is visible.  Kill times are drawn from a seeded random
generator over the measured length of one build (a window halved after a build that ended before its kill: the
machine may have been busier when the reference builds were timed).
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from hcc_kg.store import publish, published
from hcc_kg.query.remote import RemoteBackend, load_turtle
from hcc_kg.store.oxigraph import STORE_DIRNAME, GraphStore

FIXTURES = Path(__file__).parent / "fixtures"
KILLED_BUILDS = 5
KILLED_LOADS = 6
EXTRA_NOTE = ("Sorafenib notes\nSorafenib is an oral inhibitor of BRAF and KDR in this invented note, "
              "written for the chaos test.\n")


def _build(corpus: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "hcc_kg.cli", "build", "--corpus", str(corpus), "--out", str(out),
                             "--no-cache", *extra], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _manifest(out: Path) -> dict:
    return json.loads((out / publish.MANIFEST).read_text(encoding="utf-8"))["files"]


def _store_triples(out: Path) -> int:
    """Triples in ``out``'s store, checked against what its manifest says of the store."""
    store = GraphStore.open(out / STORE_DIRNAME)
    try:
        found = len(store)
    finally:
        store.close()
    assert published.published_folder(out, STORE_DIRNAME)["triples"] == found
    return found


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    root = tmp_path_factory.mktemp("chaos")
    a, b = root / "a", root / "b"
    shutil.copytree(FIXTURES / "tiny", a)
    shutil.copytree(FIXTURES / "tiny", b)
    (b / "sorafenib.txt").write_text(EXTRA_NOTE, encoding="utf-8")
    references, stores, seconds = {}, {}, []
    for name, corpus in (("a", a), ("b", b)):
        started = time.monotonic()
        build = _build(corpus, root / f"ref-{name}")
        assert build.wait(timeout=600) == 0, build.stderr.read().decode()
        seconds.append(time.monotonic() - started)
        references[name] = _manifest(root / f"ref-{name}")
        stores[name] = _store_triples(root / f"ref-{name}")
    assert references["a"] != references["b"] and stores["a"] != stores["b"]
    return {"a": a, "b": b, "refs": references, "stores": stores, "seconds": max(seconds), "root": root}


@pytest.mark.slow
def test_builds_killed_at_random_points_leave_one_complete_build(corpora, tmp_path):
    rng = random.Random(2026)
    out = tmp_path / "out"
    assert _build(corpora["a"], out).wait(timeout=600) == 0
    outcomes = []
    limit = corpora["seconds"]
    for round_ in range(KILLED_BUILDS):
        corpus = corpora["b" if round_ % 2 == 0 else "a"]
        build = _build(corpus, out)
        time.sleep(rng.uniform(0.3, limit))
        how = signal.SIGKILL if rng.random() < 0.7 else signal.SIGTERM
        if build.poll() is not None:
            # the build ended before its kill: the reference builds were timed on a busier machine, so the next
            # kill is drawn from an earlier window (the check below still needs some kill to land mid-build)
            limit = max(0.6, limit / 2)
        build.send_signal(how)
        code = build.wait(timeout=120)
        stderr = build.stderr.read().decode(errors="replace")
        build.stderr.close()
        with publish.exclusive(out):  # what the next build does first: finish or drop the interrupted one
            pass
        assert published.verify(out) == [], f"round {round_}: killed with {how.name}"
        manifest = _manifest(out)
        assert manifest in (corpora["refs"]["a"], corpora["refs"]["b"]), f"round {round_}: a mix of builds"
        which = "a" if manifest == corpora["refs"]["a"] else "b"
        assert _store_triples(out) == corpora["stores"][which], f"round {round_}: exports and store of two builds"
        # SIGTERM before the build installs its handler (still importing) ends it as the signal does
        expected = (0, 143, -signal.SIGTERM) if how == signal.SIGTERM else (0, -signal.SIGKILL)
        assert code in expected, f"round {round_}: exit {code}; the build said:\n{stderr[-3000:]}"
        outcomes.append(code)
        assert not any(p.name.startswith((".tmp-", ".old-")) for p in out.iterdir())
    assert any(code != 0 for code in outcomes)  # some kills landed before the end of a build
    # a build after all that is complete and matches its reference
    assert _build(corpora["b"], out).wait(timeout=600) == 0
    assert _manifest(out) == corpora["refs"]["b"] and published.verify(out) == []
    assert _store_triples(out) == corpora["stores"]["b"]


def _count(endpoint: str, graph: str) -> int:
    result = RemoteBackend(endpoint, timeout=60).select(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", {})
    return int(str(result.rows[0]["n"]))


def _triples(store, path: Path) -> int:
    """Triples ``path`` gives in this store, loaded whole into a graph of its own (the store's
    own count: literal canonicalisation may differ from rdflib's)."""
    graph = f"urn:hcc-kg:chaos:reference:{uuid.uuid4()}"
    load_turtle(store.graph_store_url, path, graph)
    return _count(store.sparql_url, graph)


@pytest.mark.slow
def test_loads_killed_at_random_points_leave_the_old_or_the_new_graph(corpora, oxigraph_server):
    rng = random.Random(7)
    graph = f"urn:hcc-kg:chaos:{uuid.uuid4()}"
    small = corpora["root"] / "ref-a" / "hcc_kg.ttl"
    large = corpora["root"] / "large.ttl"  # the other build's export, grown so an upload takes a while
    with large.open("wb") as handle:
        handle.write((corpora["root"] / "ref-b" / "hcc_kg.ttl").read_bytes())
        handle.writelines(f"<urn:hcc-kg:chaos:s{i}> <urn:hcc-kg:chaos:p> <urn:hcc-kg:chaos:o{i % 97}> .\n".encode()
                          for i in range(150_000))
    counts = {small: _triples(oxigraph_server, small), large: _triples(oxigraph_server, large)}
    assert counts[small] != counts[large]
    load_turtle(oxigraph_server.graph_store_url, small, graph)
    for round_ in range(KILLED_LOADS):
        new = large if round_ % 2 == 0 else small
        loader = subprocess.Popen([sys.executable, "-m", "hcc_kg.cli", "load", "--endpoint",
                                   oxigraph_server.graph_store_url, "--file", str(new), "--graph-iri", graph],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 2.5))
        loader.send_signal(signal.SIGKILL)
        finished = loader.wait(timeout=60) == 0
        found = _count(oxigraph_server.sparql_url, graph)
        # a killed client's upload may still be committed by the server a moment later, so
        # "old or new" is any whole file loaded so far; never a part of one, never two added up
        assert found in counts.values(), f"round {round_}: {found} triples, not one whole graph"
        assert not finished or found == counts[new]
    time.sleep(3)  # an upload whose client was killed may still be in the server's hands
    load_turtle(oxigraph_server.graph_store_url, large, graph)
    assert _count(oxigraph_server.sparql_url, graph) == counts[large]
