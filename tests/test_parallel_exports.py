"""The heaviest exports written by a forked child (hcc_kg.store.parallel_exports): the same bytes, and nothing
left behind when either side fails.

Each build runs in a fresh process (a build forks only while its process has a single thread; a store on disk
starts threads that stay), with the child's thresholds lowered so that the tiny fixture corpus is handed over.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from hcc_kg.store import parallel_exports
from hcc_kg.store.canonical import CanonicalGraph

from conftest import FIXTURES
from fresh_builds import exported_files, run_script

pytestmark = pytest.mark.slow

#: Prints how many children the build forked and whether the exporter handed its files over; after a failure
#: the error and whether every child is gone.
FRESH_BUILD = """
import sys
from pathlib import Path
from hcc_kg.execute import forked
from hcc_kg.pipeline import Settings, build
from hcc_kg.store import parallel_exports
corpus, out, mode = sys.argv[1:]
started, real = [], forked.ForkedTask.start.__func__
forked.ForkedTask.start = classmethod(lambda cls, *args, **kw: started.append(real(cls, *args, **kw)) or started[-1])
handed, real_hand_over = [], parallel_exports.hand_over
def hand_over(*args):
    handed.append(real_hand_over(*args))
    return handed[-1]
parallel_exports.hand_over = hand_over
if mode != "default":
    parallel_exports.MIN_INDIVIDUALS = parallel_exports.MIN_TRIPLES = 0
if mode == "broken-child":
    from hcc_kg.errors import ExportError
    def broken(*args):
        raise ExportError("invented failure while writing JSON-LD")
    parallel_exports.write_rdf = broken  # the child inherits it
if mode == "broken-parent":
    from hcc_kg import pipeline
    def broken(*args):
        raise OSError("invented failure while writing the quality report")
    pipeline.quality.write_report = broken
try:
    build(Settings(corpus=Path(corpus), out=Path(out)))
    print(len([t for t in started if t is not None]), "handed over" if handed and handed[0] is not None else "kept")
except Exception as exc:
    print(type(exc).__name__, exc)
    print("children gone" if all(t is None or not t._process.is_alive() for t in started) else "child left")
"""


def _fresh_build(out: Path, mode: str) -> list[str]:
    return run_script(FRESH_BUILD, FIXTURES / "tiny", out, mode)


def test_the_forked_writer_writes_the_bytes_the_build_would_write_itself(tmp_path):
    assert _fresh_build(tmp_path / "here", "default") == ["1 kept"]  # the views' child only: a small graph
    assert _fresh_build(tmp_path / "forked", "lowered") == ["2 handed over"]
    here, forked = exported_files(tmp_path / "here"), exported_files(tmp_path / "forked")
    assert forked == here
    assert {"hcc_kg.jsonld", "kgx/nodes.tsv", "kgx/edges.tsv", "manifest.json"} <= set(here)


@pytest.mark.parametrize("mode, error", [
    ("broken-child", "ExportError invented failure while writing JSON-LD"),
    ("broken-parent", "OSError invented failure while writing the quality report"),
])
def test_a_failure_on_either_side_kills_the_writer_and_leaves_nothing(tmp_path, mode, error):
    assert _fresh_build(tmp_path / "out", mode) == [error, "children gone"]
    assert not (tmp_path / "out").exists(), "a failed build leaves no output folder behind"
    assert [p.name for p in tmp_path.iterdir()] == [], "nor a staging folder beside it"


class _Recorded:
    """A stand-in for the forked task: what the parent sent, and whether it collected the result."""

    def __init__(self) -> None:
        self.sent, self.collected = [], False

    def send(self, value) -> None:
        self.sent.append(value)

    def result(self) -> list:
        self.collected = True
        return []


def test_a_small_graph_is_not_handed_over_and_the_child_is_told_to_end(tmp_path):
    graph = CanonicalGraph(["<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n"], {})
    task = _Recorded()
    assert parallel_exports.hand_over(task, graph, tmp_path / "g.nt", {"json-ld": tmp_path / "g.jsonld"}, None) is None
    assert task.sent == [None] and task.collected


def test_without_the_sorted_ntriples_nothing_is_handed_over(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel_exports, "MIN_TRIPLES", 0)
    graph = CanonicalGraph(["<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n"], {})
    task = _Recorded()
    assert parallel_exports.hand_over(task, graph, None, {"json-ld": tmp_path / "g.jsonld"}, None) is None
    assert task.sent == [None]
    handed = parallel_exports.hand_over(task := _Recorded(), graph, tmp_path / "g.nt",
                                        {"json-ld": tmp_path / "g.jsonld", "turtle": tmp_path / "g.ttl"}, tmp_path / "kgx")
    assert handed.formats == ("json-ld",) and handed.kgx and not task.collected
    [job] = task.sent
    assert (job.lines, job.count, job.targets, job.kgx_dir) == (tmp_path / "g.nt", 1, (("json-ld", tmp_path / "g.jsonld"),),
                                                                tmp_path / "kgx")


def test_no_child_is_forked_for_a_small_abox():
    assert parallel_exports.start(parallel_exports.MIN_INDIVIDUALS - 1, lambda task: None) is None


#: Forks a child that keeps writing until its parent dies, prints the child's pid, then the parent exits at once.
ORPHANED_WRITER = """
import os, sys, threading, time
from hcc_kg.store import parallel_exports
pid = os.fork()
if pid == 0:
    threading.Thread(target=parallel_exports._end_with_parent, args=(os.getppid(),), daemon=True).start()
    time.sleep(60)  # a long write
    os._exit(0)
print(pid, flush=True)
os._exit(0)
"""


def test_a_writer_whose_build_died_ends_itself():
    [child] = run_script(ORPHANED_WRITER)
    deadline = time.monotonic() + 10
    while _alive(int(child)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(int(child)), "the orphaned writer would keep writing into a staging folder nobody publishes"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")  # an exited child not yet reaped by init is no writer
    return not (status.exists() and "\nState:\tZ" in status.read_text())
