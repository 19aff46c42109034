"""The floor of a build: what any design must do with the same corpus and the same triples.

    .venv/bin/python benchmarks/floor.py --corpus ../shared/corpus --triples graph.nt

The floor is reading the corpus plus extraction (the vocabulary it needs included, the
build's own executor and worker choice, no cache) plus a pyoxigraph bulk load of the
triples the build produced into a store on disk and a dump of them as N-Triples.  Like the
build it is timed in a fresh process from the moment the parent starts it, so Python's
start and imports count on both sides.  ``benchmarks/run.py`` runs it for each corpus on
the N-Triples dump of the build's own store and prints the build's ratio to it (issue 12's
target: ≤ 3×).  Assembly, OWL, reasoning, validation and the other exports are what the
build adds on top.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_RATIO = 3.0
PARTS = ("start", "vocabulary", "read", "extract", "load", "dump")


def dump_store(store, path: Path) -> int:
    """Write ``store``'s default graph (a pyoxigraph ``Store``) to ``path`` as N-Triples; its size."""
    import pyoxigraph as ox

    store.dump(str(path), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return len(store)


def load_and_dump(triples: Path, scratch: Path) -> dict:
    """Seconds to bulk-load ``triples`` (N-Triples) into a new on-disk store and dump it back.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "g.nt").write_text("<urn:a> <urn:p> <urn:b> .\\n<urn:a> <urn:p> <urn:c> .\\n")
    >>> sorted(load_and_dump(folder / "g.nt", folder))
    ['dump', 'dumped_bytes', 'load', 'triples']
    """
    import pyoxigraph as ox

    store = ox.Store(str(scratch / "floor-store"))
    started = time.perf_counter()
    store.bulk_load(path=str(triples), format=ox.RdfFormat.N_TRIPLES)
    loaded = time.perf_counter()
    out = scratch / "floor-dump.nt"
    store.dump(str(out), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return {"load": round(loaded - started, 3), "dump": round(time.perf_counter() - loaded, 3),
            "triples": len(store), "dumped_bytes": out.stat().st_size}


def read_and_extract(corpus: Path, extra: list[Path]) -> dict:
    """Seconds to load the vocabulary, read ``corpus`` and extract it as a build does (no cache)."""
    from hcc_kg.execute import DEFAULT_MAX_READINGS, ExecutionPlan, extract_corpus
    from hcc_kg.pipeline import Settings, load_settings_vocabulary
    from hcc_kg.read.corpus import read_corpus
    from hcc_kg.report import Report

    t0 = time.perf_counter()
    vocabulary = load_settings_vocabulary(Settings(corpus=corpus, out=None, extra_vocabulary=tuple(extra)))
    t1 = time.perf_counter()
    documents = read_corpus(corpus, Report())
    t2 = time.perf_counter()
    found = extract_corpus(documents, vocabulary, Report(), ExecutionPlan(max_readings=DEFAULT_MAX_READINGS))
    t3 = time.perf_counter()
    return {"vocabulary": round(t1 - t0, 3), "read": round(t2 - t1, 3), "extract": round(t3 - t2, 3),
            "documents": len(documents), "assertions": len(found.assertions)}


def measure(corpus: Path, extra: list[Path], triples: Path, started: float) -> dict:
    """In a fresh process: the floor's parts and its total since ``started`` (the parent's clock)."""
    parts = {"start": round(time.time() - started, 3)}  # interpreter start and this module's imports
    parts.update(read_and_extract(corpus, extra))
    with tempfile.TemporaryDirectory(prefix="hcc-kg-bench-floor-") as scratch:
        parts.update(load_and_dump(triples, Path(scratch)))
    parts["seconds"] = round(time.time() - started, 3)
    return parts


def run(corpus: Path, extra: list[Path], triples: Path, timeout: float) -> dict:
    """:func:`measure` in a fresh process (as the build is measured); ``{"note": …}`` if it failed."""
    command = [sys.executable, __file__, "--corpus", str(corpus), "--triples", str(triples),
               "--started", repr(time.time())] + [a for e in extra for a in ("--extra", str(e))]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"note": f"the floor took more than {timeout:.0f} s"}
    if done.returncode != 0:
        return {"note": f"the floor failed (exit {done.returncode}): {done.stderr.strip()[-300:]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def ratio(build_seconds: float | None, floor: dict | None) -> float | None:
    """The build's time over the floor's, rounded; None when either is missing.

    >>> ratio(9.0, {"seconds": 3.0}), ratio(None, {"seconds": 3.0})
    (3.0, None)
    """
    if not build_seconds or not floor or not floor.get("seconds"):
        return None
    return round(build_seconds / floor["seconds"], 2)


def markdown(runs: list[dict]) -> list[str]:
    """Table rows for the floor and the ratio, one cell per corpus (run.py's main table)."""
    def floor_cell(run: dict) -> str:
        f = run.get("floor") or {}
        if "seconds" not in f:
            return f.get("note", "–")
        parts = " + ".join(f"{part} {f[part]:.2f}" for part in PARTS if part in f)
        return f"{f['seconds']:.1f} s ({parts})"

    def ratio_cell(run: dict) -> str:
        r = ratio(run.get("build_seconds"), run.get("floor"))
        return "–" if r is None else f"**{r:.1f}×**" + (" ✓" if r <= TARGET_RATIO else " ✗")

    return ["| floor: read + extract + bulk load + dump (s) | " + " | ".join(map(floor_cell, runs)) + " | |",
            f"| build ÷ floor (target ≤ {TARGET_RATIO:g}×) | " + " | ".join(map(ratio_cell, runs)) + " | |"]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, required=True)
    p.add_argument("--triples", type=Path, required=True, help="N-Triples of the build's graph")
    p.add_argument("--extra", type=Path, action="append", default=[], help="extra vocabulary files")
    p.add_argument("--started", type=float, help="the parent's time.time() when it started this process")
    args = p.parse_args(argv)
    print(json.dumps(measure(args.corpus, args.extra, args.triples, args.started or time.time())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
