"""Time every build stage on the shipped corpus and on synthetic corpora of 10, 100 and 1,000 documents.

    .venv/bin/python benchmarks/run.py                    # shipped corpus + 10, 100, 1000 documents
    .venv/bin/python benchmarks/run.py --sizes 10 100     # fewer sizes
    .venv/bin/python benchmarks/run.py --timeout 1800     # seconds allowed per corpus (default 3600)
    .venv/bin/python benchmarks/run.py --source literature # synthetic documents made from the literature texts
    .venv/bin/python benchmarks/run.py --no-real --no-queries --sizes --speedup-size 100 --incremental-size 10

Synthetic corpora are the shipped documents rewritten with renamed drugs and trials
(``benchmarks/synth.py``), so the graph grows with the corpus.  Each corpus builds in its
own process (memory peaks do not mix); per stage it records wall time, the peak resident
memory of the Python process during the stage, and the stage's output size; the JVM's
peak (HermiT runs in Java) is recorded separately.  The growth exponent of each stage is
the slope of a least-squares line through log(time) against log(documents) over the
synthetic sizes.  For the shipped corpus it also times ``hcc-kg build`` end to end (a
fresh process, JVM start included; median of three).

Writes ``benchmarks/results/benchmark.{json,md,png}``.  A benchmark, not a test: it
asserts nothing and pytest does not collect it.  Stage timing wraps the pipeline's own
stage clock (``pipeline._Clock``), so the numbers are those of a normal build.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
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
STAGES = ("vocabulary", "read", "extract", "assemble", "load-ontology", "populate", "reason", "rdf", "validate",
          "export", "project", "views")
#: What a stage's "output size" counts, read from the value the stage returned.
SIZE_UNITS = {"read": "characters", "extract": "raw assertions", "assemble": "assertions", "populate": "individuals",
              "reason": "inferred triples", "rdf": "triples", "validate": "violations", "export": "bytes written",
              "project": "nodes + edges", "views": "bytes written"}


def _sizes(stage: str, value) -> int | None:
    if stage == "read":
        return sum(len(d.text) for d in value)
    if stage in ("extract", "rdf"):
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


def measure(corpus: Path, extra: list[Path], record: Path, started: float, memory_limit: float) -> None:
    """In a child process: one build of ``corpus``, each stage timed; results written to ``record``.

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
    probe.stop()


def run_corpus(label: str, corpus: Path, extra: list[Path], timeout: float, memory_limit: float) -> dict:
    """One corpus in a fresh process (memory peaks do not mix); partial results if it runs out of time."""
    with tempfile.TemporaryDirectory(prefix="hcc-kg-bench-record-") as scratch:
        record = Path(scratch) / "record.json"
        command = [sys.executable, __file__, "--measure", str(corpus), "--record", str(record),
                   "--started", repr(time.time()), "--memory-limit", str(memory_limit)]
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
    data.update(label=label, process_seconds=round(wall, 3), exit_code=code)
    if code != 0:
        done = ", ".join(data["stages"]) or "no stage"
        data["note"] = (f"stopped after {wall:.0f} s (limits {timeout:.0f} s, {memory_limit:g} GB; exit {code}); "
                        f"finished: {done}")
    return data


def cli_seconds(corpus: Path, runs: int = 3) -> float:
    """Median wall time of ``hcc-kg build`` in a fresh process (Python start and JVM included)."""
    exe = Path(sys.executable).with_name("hcc-kg")
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="hcc-kg-bench-cli-") as out:
            t0 = time.perf_counter()
            subprocess.run([str(exe), "build", "--corpus", str(corpus), "--out", out], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - t0)
    return round(statistics.median(times), 2)


def exponent(points: list[tuple[float, float]]) -> float | None:
    """Slope of the least-squares line through (log x, log y); None with fewer than two points."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y and y > 0]
    if len(pts) < 2:
        return None
    mx, my = statistics.fmean(p[0] for p in pts), statistics.fmean(p[1] for p in pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return round(sum((x - mx) * (y - my) for x, y in pts) / den, 2) if den else None


def growth(runs: list[dict]) -> dict[str, dict[str, float | None]]:
    synthetic = [r for r in runs if r.get("synthetic") and r.get("documents")]
    out = {}
    for stage in STAGES:
        def series(key):
            return [(r["documents"], r["stages"][stage][key]) for r in synthetic if stage in r["stages"]]
        out[stage] = {"time": exponent(series("seconds")), "size": exponent(series("size"))}
    return out


def _count(value) -> str:
    return f"{value:,}" if isinstance(value, int) else "–"


def _mb(value) -> str:
    return f"{value / 2**20:,.0f}" if value else "–"


PIPELINE = STAGES[:STAGES.index("export") + 1]


def _build_cell(run: dict) -> str:
    if run.get("build_seconds"):
        return f"**{run['build_seconds']:.1f} s**"
    if all(stage in run["stages"] for stage in PIPELINE):  # built, stopped later (in project or views)
        return f"≥ {sum(run['stages'][s]['seconds'] for s in PIPELINE):.0f} s (sum of its stages)"
    return "stopped (see below)"


def markdown(report: dict) -> str:
    runs = report["runs"]
    head = "| stage | " + " | ".join(r["label"] for r in runs) + " | growth exponent (time) |"
    lines = [head, "|" + "---|" * (len(runs) + 2)]
    for stage in STAGES:
        cells = []
        for r in runs:
            s = r["stages"].get(stage)
            cells.append(f"{s['seconds']:.2f} s · {_mb(s['peak_rss'])} MB · {_count(s['size'])}" if s else "–")
        g = report["growth"][stage]["time"]
        lines.append(f"| {stage} | " + " | ".join(cells) + f" | {g if g is not None else '–'} |")
    lines.append("| **build, end to end** | " + " | ".join(_build_cell(r) for r in runs) + " | |")
    lines.append("| Python peak / JVM peak (MB) | " + " | ".join(
        f"{_mb(r.get('process_peak_rss'))} / {_mb(r.get('jvm_peak_rss'))}" for r in runs) + " | |")
    lines.append("| documents · triples | " + " | ".join(
        f"{_count(r.get('documents'))} · {_count(r.get('triples'))}" for r in runs) + " | |")
    lines.append("| reasoner: individuals → representatives | " + " | ".join(
        f"{_count(r['stages']['reason'].get('individuals'))} → {_count(r['stages']['reason'].get('representatives'))}"
        if "reason" in r["stages"] else "–" for r in runs) + " | |")
    lines += [""] + [f"*{r['label']}*: {r['note']}." for r in runs if r.get("note")]
    lines += [f"*{r['label']}*: no views ({r['views_skipped']})." for r in runs if r.get("views_skipped")]
    cells = "Cells: wall time · peak resident memory of the Python process during the stage · output size ("
    cells += "; ".join(f"{k}: {v}" for k, v in SIZE_UNITS.items()) + ")."
    lines += ["", cells]
    if report.get("cli_seconds") is not None:
        lines.append(f"`hcc-kg build` on the shipped corpus, fresh process, JVM start included: "
                     f"**{report['cli_seconds']} s** (median of three).")
    if report.get("execution"):  # the 2-worker and incremental cases (benchmarks/execution.py)
        from execution import markdown as execution_lines

        lines += execution_lines(report["execution"])
    lines.append(f"Machine: {report['machine']}.")
    return "\n".join(lines) + "\n"


def plot(report: dict, path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed: no plot", file=sys.stderr)
        return False
    runs = [r for r in report["runs"] if r.get("synthetic")]
    fig, ax = plt.subplots(figsize=(8, 5))
    colours = plt.cm.tab20.colors
    for k, stage in enumerate(STAGES):
        pts = [(r["documents"], r["stages"][stage]["seconds"]) for r in runs
               if r.get("documents") and stage in r["stages"] and r["stages"][stage]["seconds"] > 0]
        if len(pts) >= 2:
            g = report["growth"][stage]["time"]
            ax.plot(*zip(*pts), marker="o", color=colours[k % len(colours)], linestyle=("-", "--")[k % 2],
                    label=f"{stage} (×n^{g})")
    xs = [r["documents"] for r in runs if r.get("documents")]
    if xs:
        ax.plot([min(xs), max(xs)], [0.01, 0.01 * max(xs) / min(xs)], "k:", label="linear (slope 1)")
    ax.set(xscale="log", yscale="log", xlabel="documents (synthetic corpus)", ylabel="seconds",
           title="hcc-kg build: time per stage")
    ax.legend(fontsize=7, ncol=2)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    return True


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


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="*", default=[10, 100, 1000], help="synthetic corpus sizes")
    p.add_argument("--corpus", type=Path,
                   default=Path(os.environ.get("HCC_KG_CORPUS", REPO.parent / "shared" / "corpus")))
    p.add_argument("--no-real", action="store_true", help="skip the shipped corpus")
    p.add_argument("--timeout", type=float, default=3600, help="seconds allowed per corpus (default %(default)s)")
    p.add_argument("--memory-limit", type=float, default=20,
                   help="GB of address space per corpus (default %(default)s: 1,000 documents peak at 12.4 GB resident)")
    p.add_argument("--no-queries", action="store_true", help="skip benchmarks/query_backends.py")
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
    args = p.parse_args(argv)
    if args.measure:
        measure(args.measure, args.extra, args.record, args.started, args.memory_limit)
        return 0
    if args.from_json:
        report = json.loads(args.from_json.read_text())
        report["growth"] = growth(report["runs"])
        write(report, args.out)
        return 0
    sys.path.insert(0, str(REPO / "benchmarks"))
    import synth

    generate = {"corpus": synth.generate, "literature": synth.generate_literature}[args.source]
    source = {"corpus": args.corpus, "literature": args.literature}[args.source]
    mix = "" if args.source == "corpus" else f" ({args.source})"
    report = {"machine": f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
              "runs": []}
    if not args.no_real:
        report["runs"].append(run_corpus("shipped corpus", args.corpus, [], args.timeout, args.memory_limit))
        report["cli_seconds"] = cli_seconds(args.corpus)
    with tempfile.TemporaryDirectory(prefix="hcc-kg-bench-corpora-") as scratch:
        for n in args.sizes:
            folder, extra = generate(source, Path(scratch) / str(n), n)
            run = run_corpus(f"{n} documents{mix}", folder, [extra], args.timeout, args.memory_limit)
            run.update(synthetic=True, documents=run.get("documents") or n)
            report["runs"].append(run)
            print(f"{n} documents: {run.get('build_seconds', run.get('note'))}", file=sys.stderr)
        report["execution"] = execution_cases(args, generate, source, Path(scratch))
    report["growth"] = growth(report["runs"])
    write(report, args.out)
    queries = REPO / "benchmarks" / "query_backends.py"
    if not args.no_queries and queries.is_file():  # SPARQL time per backend, on the shipped corpus's export
        subprocess.run([sys.executable, str(queries), "--json", str(args.out / "query_backends.json")], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
