"""Publishing exports as one unit (hcc_kg.store.publish): all new or all old, nothing left behind.

Most tests publish small invented file sets; each file's content names its generation, so
a folder holding two generations at once is caught.  Kills are real (``os._exit`` at a
chosen step, SIGKILL at random times) in child processes.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hcc_kg.store import publish, published
from hcc_kg.errors import ExportError

FIXTURES = Path(__file__).parent / "fixtures"
NAMES = ("hcc_kg.ttl", "hcc_kg.nt", "assertions.jsonl", "view_graph.html", "kgx/nodes.tsv", "kgx/edges.tsv")


def write_generation(out: Path, generation: int, names=NAMES) -> list[Path]:
    """Stage and commit one generation (each file says which, and is big enough to take time)."""
    staging = publish.stage(out)
    try:
        for name in names:
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"generation {generation} {name}\n" * 2000, encoding="utf-8")
        return publish.commit(out, staging)
    finally:
        publish.discard(out, staging)


def generations(out: Path) -> set[int]:
    """The generations the export files in ``out`` come from (one, for a consistent folder)."""
    found = set()
    for path in out.rglob("*"):
        if path.is_file() and not path.name.startswith(".") and path.name != publish.MANIFEST \
                and path.relative_to(out).parts[0] not in ("store", "notes"):
            found.add(int(path.read_text(encoding="utf-8").split()[1]))
    return found


def test_commit_publishes_every_file_with_a_manifest(tmp_path):
    out = tmp_path / "out"
    written = write_generation(out, 1)
    assert sorted(p.relative_to(out).as_posix() for p in written) == sorted(NAMES)
    manifest = json.loads((out / publish.MANIFEST).read_text())
    assert sorted(manifest["files"]) == sorted(NAMES)
    assert published.verify(out) == [] and generations(out) == {1}
    assert not any(p.name.startswith(".tmp-") for p in out.iterdir())


def test_files_of_an_older_build_do_not_survive_a_newer_one(tmp_path):
    out = tmp_path / "out"
    write_generation(out, 1)
    (out / "notes").mkdir()
    (out / "notes" / "mine.txt").write_text("a user's file")
    write_generation(out, 2, names=("hcc_kg.ttl", "assertions.jsonl"))  # no view, no KGX this time
    assert not (out / "view_graph.html").exists() and not (out / "kgx").exists()
    assert (out / "notes" / "mine.txt").read_text() == "a user's file"  # not an export: untouched
    assert published.verify(out) == [] and generations(out) == {2}


def test_a_folder_from_before_manifests_loses_its_stale_exports_by_name(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "view_graph.html").write_text("generation 0 old view\n")
    (out / "view_chain_x.html").write_text("generation 0 old chain\n")
    (out / "README.txt").write_text("kept")
    write_generation(out, 1, names=("hcc_kg.ttl",))
    assert sorted(p.name for p in out.iterdir()) == ["README.txt", "hcc_kg.ttl", "manifest.json"]


def test_a_failed_render_leaves_the_old_set_and_no_staging(tmp_path):
    out = tmp_path / "out"
    write_generation(out, 1)
    before = publish.manifest_of(out)
    with pytest.raises(ZeroDivisionError):
        staging = publish.stage(out)
        try:
            (staging / "hcc_kg.ttl").write_text("generation 2 half")
            1 / 0  # a renderer fails before the commit
        finally:
            publish.discard(out, staging)
    assert publish.manifest_of(out) == before and published.verify(out) == []


def test_stale_staging_is_swept_when_the_next_build_starts(tmp_path):
    out = tmp_path / "out"
    write_generation(out, 1)
    for leftover in (".tmp-build-dead", ".tmp-store-dead", ".old-store-dead"):
        (out / leftover).mkdir()
        (out / leftover / "x").write_text("left by a kill -9")
    (out / ".tmp-hcc_kg.ttl.abc").write_text("a temporary file")
    with publish.exclusive(out):
        assert not any(p.name.startswith((".tmp-", ".old-")) for p in out.iterdir())
    assert (out / "store").exists() is False and published.verify(out) == []


def test_the_lock_file_does_not_outlive_the_build(tmp_path):
    out = tmp_path / "out"
    with publish.exclusive(out):
        assert (out / publish.LOCK).exists()
    assert not out.exists()  # created for the build, left empty: removed again


# --- kills -------------------------------------------------------------------------------------

KILL_AFTER_RENAMES = """
import os, sys
from pathlib import Path
sys.path.insert(0, {tests!r})
import test_publish
from hcc_kg.store import publish, published
limit, calls = int(sys.argv[2]), [0]
real = os.replace
def replace(a, b):
    calls[0] += 1
    if calls[0] > limit:
        os._exit(9)  # like kill -9: no finally, no clean-up
    return real(a, b)
os.replace = replace
test_publish.write_generation(Path(sys.argv[1]), 2)
"""


@pytest.mark.parametrize("renames", range(0, 12))
def test_a_kill_at_any_rename_leaves_the_old_or_the_new_set_after_recovery(tmp_path, renames):
    out = tmp_path / "out"
    write_generation(out, 1, names=NAMES[:4])  # the new build adds KGX files and keeps the rest
    script = KILL_AFTER_RENAMES.format(tests=str(Path(__file__).parent))
    subprocess.run([sys.executable, "-c", script, str(out), str(renames)], timeout=120)
    with publish.exclusive(out):  # what every build does first
        pass
    assert published.verify(out) == []
    assert len(generations(out)) == 1
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert names in (sorted([*NAMES[:4], "manifest.json"]), sorted([*NAMES, "manifest.json"]))


RANDOM_PUBLISHER = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
import test_publish
out = Path(sys.argv[1])
for generation in range(2, 10_000):
    names = test_publish.NAMES if generation % 2 else test_publish.NAMES[:3]
    test_publish.write_generation(out, generation, names)
"""


def test_sigkill_at_random_times_never_leaves_a_mix(tmp_path):
    rng = random.Random(13)
    out = tmp_path / "out"
    write_generation(out, 1)
    script = RANDOM_PUBLISHER.format(tests=str(Path(__file__).parent))
    seen = set()
    for _ in range(12):
        child = subprocess.Popen([sys.executable, "-c", script, str(out)])
        time.sleep(0.6 + rng.random() * 0.8)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        with publish.exclusive(out):
            pass
        assert published.verify(out) == []
        (generation,) = generations(out)
        seen.add(generation)
    assert len(seen) > 1  # the kills really landed in different builds


# --- two builds at once ----------------------------------------------------------------------------

HOLDER = """
import sys, time
from pathlib import Path
from hcc_kg.store import publish, published
with publish.exclusive(Path(sys.argv[1])):
    print("start", time.time(), flush=True)
    time.sleep(float(sys.argv[2]))
    print("end", time.time(), flush=True)
"""


def test_a_second_build_into_the_same_folder_waits_with_a_message(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    first = subprocess.Popen([sys.executable, "-c", HOLDER, str(out), "3"], stdout=subprocess.PIPE, text=True)
    assert first.stdout.readline().startswith("start")
    second = subprocess.run([sys.executable, "-c", HOLDER, str(out), "0"], capture_output=True, text=True,
                            timeout=60)
    first_end = float(first.stdout.readline().split()[1])
    first.wait(timeout=30)
    second_start = float(second.stdout.split()[1])
    assert "being written by another build" in second.stderr and "waiting" in second.stderr
    assert second_start >= first_end  # never inside the folder at the same time


def test_build_into_a_folder_holds_the_lock_and_writes_a_manifest(tmp_path):
    from hcc_kg.pipeline import Settings, build

    out = tmp_path / "out"
    (out).mkdir()
    (out / ".tmp-build-old").mkdir()
    build(Settings(corpus=FIXTURES / "tiny", out=out))
    assert published.verify(out) == [] and "view_graph.html" in json.loads((out / "manifest.json").read_text())["files"]
    build(Settings(corpus=FIXTURES / "tiny", out=out, view_max_triples=0))  # this build skips the whole-graph view
    assert not (out / "view_graph.html").exists() and published.verify(out) == []
    assert not (out / publish.LOCK).exists()


def test_views_skipped_for_size_are_reported_but_views_turned_off_are_not(tmp_path):
    from hcc_kg.pipeline import Settings, build

    over = build(Settings(corpus=FIXTURES / "tiny", out=tmp_path / "a", view_max_triples=0))
    assert "views-skipped" in {p.code for p in over.report.problems}
    off = build(Settings(corpus=FIXTURES / "tiny", out=tmp_path / "b", view_max_triples=0, views=False))
    assert "views-skipped" not in {p.code for p in off.report.problems}
    assert not list((tmp_path / "b").glob("view_*.html")) and (tmp_path / "b" / "kgx").is_dir()


def test_recover_refuses_to_guess_when_a_staged_file_is_gone(tmp_path):
    out = tmp_path / "out"
    write_generation(out, 1)
    staging = publish.stage(out)
    (staging / "hcc_kg.ttl").write_text("generation 2\n")
    manifest = publish.manifest_of(staging)
    (out / publish.JOURNAL).write_text(json.dumps({"staging": staging.name, "manifest": manifest}))
    os.unlink(staging / "hcc_kg.ttl")
    (out / "hcc_kg.ttl").unlink()
    with pytest.raises(ExportError, match="neither staged nor in place"):
        publish.recover(out)


SLOW_RENDER_BUILD = """
import sys, time
from pathlib import Path
from hcc_kg import cli, pipeline
real = pipeline._render_exports
def slow(result, settings, ontology_path, staging):
    written = real(result, settings, ontology_path, staging)
    Path(sys.argv[3]).write_text(str(staging))  # rendered, not yet committed: now is the time
    time.sleep(120)
    return written
pipeline._render_exports = slow
sys.exit(cli.main(["build", "--corpus", sys.argv[1], "--out", sys.argv[2], "--no-cache"]))
"""


def test_sigterm_while_exporting_leaves_the_old_set_and_no_staging(tmp_path):
    out, marker = tmp_path / "out", tmp_path / "rendered"
    write_generation(out, 1, names=("hcc_kg.ttl", "view_graph.html"))
    before = publish.manifest_of(out)
    child = subprocess.Popen([sys.executable, "-c", SLOW_RENDER_BUILD, str(FIXTURES / "tiny"), str(out), str(marker)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300
        while not marker.exists() and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.2)
        assert marker.exists(), child.stderr.read().decode()
        assert Path(marker.read_text()).is_dir()  # the staging folder exists while rendering
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=60) == 143
    finally:
        if child.poll() is None:
            child.kill()
        child.stderr.close()
    assert not Path(marker.read_text()).exists()  # cleaned up by the build itself, no sweep needed
    assert not any(p.name.startswith((".tmp-", ".old-")) for p in out.iterdir())
    assert publish.manifest_of(out) == before and published.verify(out) == []


KILL_DURING_FOLDER_SWAP = """
import os, sys
from pathlib import Path
from hcc_kg.store import publish, published
out, limit, calls, real = Path(sys.argv[1]), int(sys.argv[2]), [0], os.replace
def replace(a, b):
    calls[0] += 1
    if calls[0] > limit:
        os._exit(9)
    return real(a, b)
os.replace = replace
staging = publish.stage(out)
(staging / "hcc_kg.ttl").write_text("generation 2\\n")
store = out / ".tmp-store-x" / "store"
store.mkdir(parents=True)
(store / "db").write_text("generation 2\\n")
publish.commit(out, staging, {"store": store})
"""


@pytest.mark.parametrize("renames", range(0, 6))
def test_a_folder_published_with_the_files_moves_with_them_whatever_the_kill(tmp_path, renames):
    out = tmp_path / "out"
    write_generation(out, 1, names=("hcc_kg.ttl",))
    (out / "store").mkdir()
    (out / "store" / "db").write_text("generation 1\n")
    subprocess.run([sys.executable, "-c", KILL_DURING_FOLDER_SWAP, str(out), str(renames)], timeout=120)
    with publish.exclusive(out):
        pass
    assert published.verify(out) == []
    files = (out / "hcc_kg.ttl").read_text().split()[1]
    assert (out / "store" / "db").read_text().split()[1] == files  # the store and the exports: one build
    assert sorted(p.name for p in out.iterdir()) == ["hcc_kg.ttl", "manifest.json", "store"]


KILL_DURING_BUILD_PUBLISH = """
import os, sys
from pathlib import Path
from hcc_kg import pipeline
from hcc_kg.store import publish, published

out, corpus, limit = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
write, replace, state = publish._write_durably, os.replace, {"armed": False, "renames": 0}

def journaled_write(path, data):
    write(path, data)
    state["armed"] = state["armed"] or path.name == publish.JOURNAL  # past the commit point

def counted_replace(a, b):
    if state["armed"]:
        if state["renames"] == limit:
            os._exit(9)
        state["renames"] += 1
    return replace(a, b)

publish._write_durably, os.replace = journaled_write, counted_replace
pipeline.build(pipeline.Settings(corpus=corpus, out=out, lexicon=False))
print(state["renames"])
"""


def _build_killed_after(out: Path, corpus: Path, renames: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILL_DURING_BUILD_PUBLISH, str(out), str(corpus), str(renames)],
                          capture_output=True, text=True, timeout=600)


def _store_and_exports(out: Path) -> tuple[int, int, int]:
    """Triples in the store, in the manifest's account of the store, and in the exports' build report."""
    from hcc_kg.store.oxigraph import GraphStore

    store = GraphStore.open(out / "store")
    try:
        in_store = len(store)
    finally:
        store.close()
    manifest = json.loads((out / publish.MANIFEST).read_text())
    reported = json.loads((out / "build_report.json").read_text())["counts"]["triples"]
    return in_store, manifest["folders"]["store"]["triples"], reported


@pytest.mark.slow
def test_a_build_killed_while_publishing_never_pairs_exports_and_store_of_two_builds(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(FIXTURES / "tiny", old)
    shutil.copytree(FIXTURES / "tiny", new)
    (new / "extra.txt").write_text("Extra notes\nRegorafenib is an oral inhibitor of KIT in this invented note.\n",
                                   encoding="utf-8")
    first = tmp_path / "first"
    assert _build_killed_after(first, old, 10**6).returncode == 0
    measured = _build_killed_after(tmp_path / "measure", new, 10**6)
    assert measured.returncode == 0, measured.stderr
    total = int(measured.stdout.split()[-1])  # renames after the commit point, in a whole publish
    counts = {"old": _store_and_exports(first)[0], "new": _store_and_exports(tmp_path / "measure")[0]}
    assert counts["old"] != counts["new"]
    # the store's two renames come first, the manifest's last: kill around both ends and between
    for limit in sorted({0, 1, 2, total // 2, total - 2, total - 1}):
        out = tmp_path / f"killed-{limit}"
        shutil.copytree(first, out)
        assert _build_killed_after(out, new, limit).returncode == 9, f"not killed at rename {limit}"
        with publish.exclusive(out):  # the next build's recovery
            pass
        assert published.verify(out) == [], f"rename {limit}"
        assert set(_store_and_exports(out)) == {counts["new"]}, f"rename {limit}: a mix of builds"
