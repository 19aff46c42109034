"""Time every build stage, the floor, the competency questions, 2 workers and an incremental build.

    .venv/bin/python benchmarks/run.py                    # shipped corpus + 10, 100, 1000 documents
    .venv/bin/python benchmarks/run.py --sizes 10 100     # fewer sizes
    .venv/bin/python benchmarks/run.py --timeout 1800     # seconds allowed per corpus (default 3600)
    .venv/bin/python benchmarks/run.py --source literature # synthetic documents made from the literature texts
    .venv/bin/python benchmarks/run.py --no-real --no-backends --sizes --speedup-size 100 --incremental-size 10

Synthetic corpora are the shipped documents rewritten with renamed drugs and trials
(``benchmarks/synth.py``), or abstract-sized documents made from the literature's
development texts (``--source literature``), so the graph grows with the corpus.  Each
corpus builds in its own process (memory peaks do not mix); per stage it records wall
time, the peak resident memory of the Python process during the stage, and the stage's
output size; the JVM's peak (HermiT runs in Java) is recorded separately.  The growth
exponent of each stage is the slope of a least-squares line through log(time) against
log(documents) over the synthetic sizes.  For the shipped corpus it also times ``hcc-kg
build`` end to end (a fresh process, JVM start included; median of three).

For each corpus it also measures, in the same command:

* the **floor** (``benchmarks/floor.py``): reading, extraction and a pyoxigraph bulk load
  and N-Triples dump of the triples this build produced, in a fresh process; and the
  build's ratio to it;
* every **competency question** on the built store (``benchmarks/store_queries.py``): the
  median of ``--query-runs`` runs each, and the slowest median;

and once, on synthetic corpora of ``--speedup-size`` and ``--incremental-size`` documents,
the extraction speed-up on ``--workers`` processes and adding one document to a built
corpus (``benchmarks/execution.py``).

Writes ``benchmarks/results/benchmark.{json,md,png}`` (``tables.py`` draws them).  A
benchmark, not a test: it asserts nothing and pytest does not collect it.  Stage timing
wraps the pipeline's own stage clock (``pipeline._Clock``), so the numbers are those of a
normal build.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
FLOOR_TRIPLES = "graph.nt"  # the build's triples, written beside the child's record for the floor
sys.path.insert(0, str(REPO / "benchmarks"))  # the sibling modules below, when run as a script

import floor  # noqa: E402
import store_queries  # noqa: E402
from tables import growth, markdown, plot  # noqa: E402


def _sizes(stage: str, value) -> int | None:
    if stage == "read":
        return sum(len(d.text) for d in value)
    if stage in ("extract", "rdf", "rdf-inferred", "canonical", "quality"):
        return len(value)
    if stage == "assemble":
        return len(value[0])
    if stage == "populate":
        return len(value.individuals)
    if stage == "reason":
        return len(value.inferred)
    if stage == "validate":
        return len(value.violations)
    if stage in ("export", "views"):
        return sum(Path(p).stat().st_size for p in value if Path(p).is_file())
    if stage == "project":
        return value.number_of_nodes() + value.number_of_edges()
    return None


class MemoryProbe(threading.Thread):
    """Samples this process's resident memory every few milliseconds; ``peak()`` since ``reset()``."""

    def __init__(self, interval: float = 0.005):
        super().__init__(daemon=True)
        self.interval, self._peak, self._child_peak, self._stop = interval, 0, 0, threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE")

    def rss(self) -> int:
        try:
            with open("/proc/self/statm") as f:
                return int(f.read().split()[1]) * self._page
        except OSError:  # not Linux: the process-wide high-water mark instead
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    def reset(self) -> None:
        self._peak = self.rss()

    def peak(self) -> int:
        return max(self._peak, self.rss())

    def child_peak(self) -> int:
        """Peak resident memory of the JVMs started from this process (HermiT).

        ``RUSAGE_CHILDREN`` is no use here: a child's high-water mark includes the parent's
        pages it shares between fork and exec, so it reports Python's size, not Java's.
        """
        return self._child_peak

    def _java_children(self) -> int:
        me, total = str(os.getpid()), 0
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/stat") as f:
                    stat = f.read()
                if stat.rsplit(")", 1)[1].split()[1] != me or "(java)" not in stat:
                    continue
                with open(f"/proc/{pid}/statm") as f:
                    total += int(f.read().split()[1]) * self._page
            except (OSError, IndexError, ValueError):
                continue  # gone, or not Linux
        return total

    def run(self) -> None:
        ticks = 0
        while not self._stop.wait(self.interval):
            self._peak = max(self._peak, self.rss())
            ticks += 1
            if ticks % 20 == 0:  # a /proc scan holds the GIL; the JVM runs for seconds, so 0.1 s will do
                self._child_peak = max(self._child_peak, self._java_children())

    def stop(self) -> None:
        self._stop.set()


def measure(corpus: Path, extra: list[Path], record: Path, started: float, memory_limit: float,
            query_runs: int = 0) -> None:
    """In a child process: one build of ``corpus``, each stage timed; results written to ``record``.

    After the build (not timed with it): the competency questions on the built store
    (``query_runs`` runs each; 0: none), and the store dumped as N-Triples to ``graph.nt``
    beside ``record``, for the floor (:mod:`floor`), which the parent measures in another process.
    Its address space is capped at ``memory_limit`` GB (HermiT's JVM, started from it, too), so a
    corpus too large for the machine stops with a MemoryError instead of starving the machine.
    """
    limit = int(memory_limit * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from hcc_kg import pipeline

    probe, stages = MemoryProbe(), {}
    probe.start()

    def save(**more) -> None:
        record.write_text(json.dumps({"stages": stages, **more}, indent=1))

    def timed(stage: str, func, *args):
        probe.reset()
        t0 = time.perf_counter()
        value = func(*args)
        stages[stage] = {"seconds": round(time.perf_counter() - t0, 3), "peak_rss": probe.peak(),
                         "size": _sizes(stage, value)}
        if stage == "reason":  # how much the reasoner was given
            stages[stage].update(individuals=value.individuals, representatives=value.representatives)
        save()
        return value

    class ProbingClock(pipeline._Clock):
        def run(self, stage, func, *args):
            value = timed(stage, func, *args)
            self.timings[stage] = stages[stage]["seconds"]
            return value

    pipeline._Clock = ProbingClock  # the benchmark's only hook into the pipeline
    with tempfile.TemporaryDirectory(prefix="hcc-kg-bench-") as scratch:
        result = pipeline.build(pipeline.Settings(corpus=corpus, out=Path(scratch) / "exports",
                                                  extra_vocabulary=tuple(extra)))
        graph = result.store if hasattr(result, "store") else result.graph  # what the build read, not a copy
        built = {"build_seconds": round(time.time() - started, 3), "documents": len(result.documents),
                 "triples": len(graph),
                 "process_peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                 "jvm_peak_rss": probe.child_peak()}
        save(**built)
        from hcc_kg.query.graph import project

        timed("project", project, graph)
        limit = pipeline.Settings.view_max_triples
        if len(graph) > limit:  # as the build does: a page of a million nodes helps no one
            built["views_skipped"] = f"{len(graph):,} triples > view_max_triples={limit:,}"
        elif importlib.util.find_spec("hcc_kg.views") is not None:
            from hcc_kg.views import write_build_views

            timed("views", write_build_views, result.graph, Path(scratch) / "views")
        built["process_peak_rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        save(**built)
        if query_runs:  # on the store as published (read-only), as `hcc-kg sparql --graph <out>/store` reads it
            from synth import suffix  # a synthetic corpus's names: the first copy's renamed default

            built["queries"] = store_queries.time_queries(result.store.store, query_runs,
                                                          alternatives=lambda name: (name + suffix(0),))
            save(**built)
        floor.dump_store(result.store.store, record.with_name(FLOOR_TRIPLES))
    probe.stop()


def run_corpus(label: str, corpus: Path, extra: list[Path], args: argparse.Namespace) -> dict:
    """One corpus in a fresh process (memory peaks do not mix), then its floor in another;
    partial results if the build runs out of time (``args.timeout``) or memory (``args.memory_limit``)."""
    timeout, memory_limit = args.timeout, args.memory_limit
    with tempfile.TemporaryDirectory(prefix="hcc-kg-bench-record-") as scratch:
        record = Path(scratch) / "record.json"
        command = [sys.executable, __file__, "--measure", str(corpus), "--record", str(record),
                   "--started", repr(time.time()), "--memory-limit", str(memory_limit),
                   "--query-runs", str(args.query_runs)]
        command += [a for e in extra for a in ("--extra", str(e))]
        started = time.perf_counter()
        child = subprocess.Popen(command, start_new_session=True)  # its own group: HermiT goes with it
        try:
            code = child.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            code = child.wait()
        wall = time.perf_counter() - started
        data = json.loads(record.read_text()) if record.is_file() else {"stages": {}}
        triples = record.with_name(FLOOR_TRIPLES)
        if code == 0 and triples.is_file() and not args.no_floor:
            data["floor"] = floor.run(corpus, extra, triples, timeout)
            ratio = floor.ratio(data.get("build_seconds"), data["floor"])
            print(f"{label}: build {data.get('build_seconds')} s, floor {data['floor'].get('seconds')} s, "
                  f"ratio {ratio}", file=sys.stderr)
    data.update(label=label, process_seconds=round(wall, 3), exit_code=code)
    if code != 0:
        done = ", ".join(data["stages"]) or "no stage"
        data["note"] = (f"stopped after {wall:.0f} s (limits {timeout:.0f} s, {memory_limit:g} GB; exit {code}); "
                        f"finished: {done}")
    return data


def cli_seconds(corpus: Path, runs: int = 3, extra: tuple[str, ...] = ()) -> float:
    """Median wall time of ``hcc-kg build --no-cache`` in a fresh process (Python start and JVM included).

    Without ``--no-cache`` the second and third builds would read the extraction cache that the
    first left beside their output folder (``$TMPDIR/.hcc-kg-cache``), and so would other users' builds.
    Python's own bytecode cache is what an installed package has: one untimed run writes it, even
    where the environment sets ``PYTHONDONTWRITEBYTECODE`` (some sandboxes do; then every run would
    compile the package's modules again, about 0.4 s that no user pays)."""
    exe = Path(sys.executable).with_name("hcc-kg")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times = []
    for run in range(runs + 1):
        with tempfile.TemporaryDirectory(prefix="hcc-kg-bench-cli-") as out:
            t0 = time.perf_counter()
            subprocess.run([str(exe), "build", "--corpus", str(corpus), "--out", out, "--no-cache", *extra], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            if run:  # the first run writes the bytecode cache
                times.append(time.perf_counter() - t0)
    return round(statistics.median(times), 2)


def cli_seconds_without_index(corpus: Path) -> float:
    """:func:`cli_seconds` as the first build after the vocabulary was edited: set-up's index
    of the packaged vocabulary (execute/vocabulary_cache.py) no longer matches, so the build
    merges the vocabulary and builds its name tables itself (a comment line is the edit)."""
    from hcc_kg.vocab import default_vocabulary_path

    with tempfile.TemporaryDirectory(prefix="hcc-kg-bench-vocabulary-") as scratch:
        edited = Path(scratch) / "vocabulary.yaml"
        edited.write_text(default_vocabulary_path().read_text(encoding="utf-8") + "\n# edited since set-up\n",
                          encoding="utf-8")
        return cli_seconds(corpus, extra=("--vocabulary", str(edited)))


def write(report: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "benchmark.json").write_text(json.dumps(report, indent=1) + "\n")
    (out / "benchmark.md").write_text(markdown(report))
    plot(report, out / "benchmark.png")
    print(markdown(report))


def execution_cases(args: argparse.Namespace, generate, source: Path, scratch: Path) -> dict:
    """The extraction speed-up on ``--workers`` processes and the add-one-document incremental build."""
    import execution

    out = {}
    if args.speedup_size:
        folder, extra = generate(source, scratch / "speedup", args.speedup_size)
        out["speedup"] = execution.extraction_speedup(folder, [extra], args.workers)
        print(f"extraction speed-up on {args.workers} workers: {out['speedup']['speedup']}x", file=sys.stderr)
    if args.incremental_size:
        folder, extra = generate(source, scratch / "incremental", args.incremental_size)
        out["incremental"] = execution.incremental(folder, [extra], scratch / "incremental-run")
    return out


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="*", default=[10, 100, 1000], help="synthetic corpus sizes")
    p.add_argument("--corpus", type=Path,
                   default=Path(os.environ.get("HCC_KG_CORPUS", REPO.parent / "shared" / "corpus")))
    p.add_argument("--no-real", action="store_true", help="skip the shipped corpus")
    p.add_argument("--timeout", type=float, default=3600, help="seconds allowed per corpus (default %(default)s)")
    p.add_argument("--memory-limit", type=float, default=20,
                   help="GB of address space per corpus (default %(default)s: 1,000 documents peaked at 12.4 GB "
                        "resident before the store)")
    p.add_argument("--query-runs", type=int, default=20,
                   help="runs of each competency question on each built store; the median is kept (0: skip)")
    p.add_argument("--no-floor", action="store_true", help="skip the floor (benchmarks/floor.py)")
    p.add_argument("--no-backends", "--no-queries", action="store_true",
                   help="skip benchmarks/query_backends.py (every backend on the shipped corpus's export)")
    p.add_argument("--source", choices=("corpus", "literature"), default="corpus",
                   help="synthetic documents from the shipped corpus or the literature's development texts")
    p.add_argument("--literature", type=Path, default=REPO.parent / "shared" / "literature")
    p.add_argument("--speedup-size", type=int, default=100,
                   help="documents for the extraction speed-up on --workers processes (0: skip)")
    p.add_argument("--workers", type=int, default=2, help="worker processes of the speed-up case")
    p.add_argument("--incremental-size", type=int, default=100,
                   help="documents for the add-one-document incremental build (0: skip)")
    p.add_argument("--out", type=Path, default=RESULTS, help="results folder (default benchmarks/results)")
    p.add_argument("--from-json", type=Path, help="only redraw the table and plot from a benchmark.json")
    p.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--record", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--started", type=float, help=argparse.SUPPRESS)
    p.add_argument("--extra", type=Path, action="append", default=[], help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.measure:
        measure(args.measure, args.extra, args.record, args.started, args.memory_limit, args.query_runs)
        return 0
    if args.from_json:
        report = json.loads(args.from_json.read_text())
        report["growth"] = growth(report["runs"])
        write(report, args.out)
        return 0
    import synth

    generate = {"corpus": synth.generate, "literature": synth.generate_literature}[args.source]
    source = {"corpus": args.corpus, "literature": args.literature}[args.source]
    mix = "" if args.source == "corpus" else f" ({args.source})"
    report = {"machine": f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
              "source": args.source, "runs": []}
    if not args.no_real:
        report["runs"].append(run_corpus("shipped corpus", args.corpus, [], args))
        report["cli_seconds"] = cli_seconds(args.corpus)
        report["cli_seconds_no_index"] = cli_seconds_without_index(args.corpus)
    with tempfile.TemporaryDirectory(prefix="hcc-kg-bench-corpora-") as scratch:
        for n in args.sizes:
            folder, extra = generate(source, Path(scratch) / str(n), n)
            run = run_corpus(f"{n} documents{mix}", folder, [extra], args)
            run.update(synthetic=True, documents=run.get("documents") or n)
            report["runs"].append(run)
            print(f"{n} documents: {run.get('build_seconds', run.get('note'))}", file=sys.stderr)
        report["execution"] = execution_cases(args, generate, source, Path(scratch))
    report["growth"] = growth(report["runs"])
    write(report, args.out)
    queries = REPO / "benchmarks" / "query_backends.py"
    if not args.no_backends and queries.is_file():  # SPARQL time per backend, on the shipped corpus's export
        subprocess.run([sys.executable, str(queries), "--json", str(args.out / "query_backends.json")], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
