"""Benchmark cases for how extraction runs: the 2-worker speed-up and the incremental build.

    .venv/bin/python benchmarks/execution.py --documents 100            # both cases, printed
    .venv/bin/python benchmarks/run.py --speedup-size 100 --incremental-size 10   # inside the full table

* **Speed-up on N workers**: the extraction stage alone (``hcc_kg.execute.extract_corpus``,
  no cache) on a synthetic corpus, in-process, then on N forked and on N spawned worker
  processes; the results are checked identical.  Worker start-up (for spawned workers:
  interpreter, imports, vocabulary, mention finder) is inside the parallel time, as in a build.
* **Incremental**: ``hcc-kg build`` (a fresh process each, as a user runs it) on a synthetic
  corpus with an empty cache, then again into the same folder after adding one new document
  (a copy of one with its numbers altered), then a clean build of the grown corpus without a
  cache, into a new folder.  It reports
  each wall time, what the cache reused, and the ratio of the incremental build to the clean one,
  both for the whole build and for the extraction stage.

A benchmark, not a test: it asserts nothing (it reports whether the parallel result was identical).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _documents_and_vocabulary(corpus: Path, extra: list[Path]):
    from hcc_kg.read.corpus import read_corpus
    from hcc_kg.pipeline import Settings, load_settings_vocabulary
    from hcc_kg.report import Report

    vocabulary = load_settings_vocabulary(Settings(corpus=corpus, out=None, extra_vocabulary=tuple(extra)))
    return read_corpus(corpus, Report()), vocabulary


def extraction_speedup(corpus: Path, extra: list[Path], workers: int = 2) -> dict:
    """Seconds for the extraction stage in-process and on ``workers`` processes (forked and
    spawned), and the speed-ups; each parallel result is checked identical to the serial one."""
    from hcc_kg.execute import ExecutionPlan, extract_corpus
    from hcc_kg.report import Report

    documents, vocabulary = _documents_and_vocabulary(corpus, extra)
    out = {"documents": len(documents), "characters": sum(len(d.text) for d in documents), "workers": workers}
    reference = None
    for label, plan in (("serial", ExecutionPlan(jobs=1)), ("fork", ExecutionPlan(jobs=workers, start_method="fork")),
                        ("spawn", ExecutionPlan(jobs=workers, start_method="spawn"))):
        started = time.perf_counter()
        found = extract_corpus(documents, vocabulary, Report(), plan)
        out[f"{label}_seconds"] = round(time.perf_counter() - started, 2)
        result = [json.dumps(a.to_json()) for a in found.assertions]
        reference = reference or result
        out[f"{label}_identical"] = result == reference
    for label in ("fork", "spawn"):
        out[f"{label}_speedup"] = round(out["serial_seconds"] / out[f"{label}_seconds"], 2)
    out["speedup"] = out["fork_speedup"]
    return out


def _cli_build(corpus: Path, out: Path, extra: list[Path], *options: str) -> dict:
    """One ``hcc-kg build --json`` in a fresh process: its wall time and stage timings."""
    exe = Path(sys.executable).with_name("hcc-kg")
    command = [str(exe), "build", "--corpus", str(corpus), "--out", str(out), "--json", *options]
    command += [a for e in extra for a in ("--extra-vocabulary", str(e))]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = round(time.perf_counter() - started, 2)
    timings = json.loads(done.stdout)["timings"] if done.stdout.strip().startswith("{") else {}
    return {"seconds": wall, "exit_code": done.returncode, "extract_seconds": timings.get("extract"),
            "reused": timings.get("extract.reused"), "extracted": timings.get("extract.extracted")}


def incremental(corpus: Path, extra: list[Path], scratch: Path) -> dict:
    """A cold build, the same corpus plus one new document from the cache, and a clean build of it."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from synth import alter_numbers

    grown, cache = scratch / "corpus", scratch / "cache"
    shutil.copytree(corpus, grown)
    cold = _cli_build(grown, scratch / "cold", extra, "--cache-dir", str(cache))
    first = sorted(grown.glob("*.txt"))[0]
    (grown / f"zz_added_{first.name}").write_text(alter_numbers(first.read_text(encoding="utf-8"), 97), encoding="utf-8")
    added = _cli_build(grown, scratch / "cold", extra, "--cache-dir", str(cache))  # into the built graph's folder
    clean = _cli_build(grown, scratch / "clean", extra, "--no-cache")

    def ratio(key: str):
        return round(added[key] / clean[key], 3) if added.get(key) and clean.get(key) else None

    return {"documents": len(list(grown.glob("*.txt"))), "cold": cold, "added_one": added, "clean": clean,
            "ratio_build": ratio("seconds"), "ratio_extract": ratio("extract_seconds")}


def _percent(ratio: float | None) -> str:
    return "–" if ratio is None else f"{ratio:.0%}"  # None: one of the builds failed


def markdown(results: dict) -> list[str]:
    """Lines for the benchmark's table notes."""
    lines = []
    s = results.get("speedup")
    if s:
        lines.append(f"Extraction on {s['workers']} workers, {s['documents']} documents ({s['characters']:,} characters): "
                     f"{s['serial_seconds']} s in-process; forked workers {s['fork_seconds']} s, "
                     f"**speed-up {s['fork_speedup']}×**; spawned workers {s['spawn_seconds']} s, "
                     f"speed-up {s['spawn_speedup']}× (results identical: "
                     f"{s['fork_identical'] and s['spawn_identical']}).")
    inc = results.get("incremental")
    if inc:
        lines.append(f"Incremental, {inc['documents']} documents: adding one document rebuilt in "
                     f"{inc['added_one']['seconds']} s ({inc['added_one']['reused']} reused, "
                     f"{inc['added_one']['extracted']} extracted) against {inc['clean']['seconds']} s clean: "
                     f"**{_percent(inc['ratio_build'])} of a clean build** (extraction stage "
                     f"{inc['added_one']['extract_seconds']} s against {inc['clean']['extract_seconds']} s).")
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--documents", type=int, default=100, help="synthetic corpus size (default %(default)s)")
    p.add_argument("--incremental-documents", type=int, default=10, help="corpus size of the incremental case")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--source", choices=("corpus", "literature"), default="literature",
                   help="what the synthetic documents are made from (default %(default)s)")
    p.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    p.add_argument("--literature", type=Path, default=REPO.parent / "shared" / "literature")
    args = p.parse_args(argv)
    sys.path.insert(0, str(REPO / "benchmarks"))
    import synth

    make = synth.generate if args.source == "corpus" else synth.generate_literature
    source = args.corpus if args.source == "corpus" else args.literature
    results = {}
    with tempfile.TemporaryDirectory(prefix="hcc-kg-bench-execution-") as scratch:
        folder, extra = make(source, Path(scratch) / "speedup", args.documents)
        results["speedup"] = extraction_speedup(folder, [extra], args.workers)
        if args.incremental_documents:
            folder, extra = make(source, Path(scratch) / "incremental", args.incremental_documents)
            results["incremental"] = incremental(folder, [extra], Path(scratch) / "incremental-run")
    print(json.dumps(results, indent=1))
    print("\n".join(markdown(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
