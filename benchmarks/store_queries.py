"""Time every competency question on a built store: the median of repeated runs, per query.

``benchmarks/run.py`` calls :func:`time_queries` in each corpus's measuring process, on the
store the build just published (``<out>/store``, opened read-only as ``hcc-kg sparql`` opens
it), so the figures are those a user's query sees.  Each query runs once to warm up (this
also resolves its default parameters' names, once per store, as :class:`Runner` does), then
``runs`` times; a query slower than ``budget`` seconds in all runs fewer times (never fewer
than three), so a large corpus cannot stall the benchmark.

The target (issue 12): every median ≤ 5 ms at the shipped size, and the growth with corpus
size shown (:func:`markdown` prints one column per corpus and the growth exponent).
"""

from __future__ import annotations

import statistics
import time
from typing import Callable, Iterable

TARGET_MS = 5.0


def median_ms(func: Callable[[], object], runs: int, budget: float) -> tuple[float, int, object]:
    """``func``'s median wall time in ms over up to ``runs`` runs after one warm-up, the runs made,
    and the warm-up's value.

    >>> ms, made, value = median_ms(lambda: 42, runs=5, budget=1.0)
    >>> made, value, ms >= 0
    (5, 42, True)
    """
    started = time.perf_counter()
    value = func()
    warm = time.perf_counter() - started
    made = max(3, min(runs, int(budget / warm))) if warm > 0 else runs
    times = []
    for _ in range(made):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 3), made, value


def parameters(runner, query, alternatives: Callable[[str], Iterable[str]] = lambda name: ()) -> dict[str, str]:
    """Values for ``query``'s parameters: each header default, or, where the default names nothing
    in this graph, its first alternative that does (a synthetic corpus renames ``sorafenib`` to
    ``sorafenibxaa``: :func:`synth.suffix`).  Raises ``QueryError`` when none resolves."""
    from hcc_kg.errors import QueryError
    from hcc_kg.query.binding import PARSERS

    chosen = {}
    for param in query.params:
        for text in (param.default, *alternatives(param.default)):
            try:
                PARSERS[param.type](text, lambda: runner.names)
            except QueryError:
                continue
            chosen[param.name] = text
            break
        else:
            raise QueryError(f"{param.name}: {param.default!r} and its alternatives name nothing in this graph")
    return chosen


def time_queries(store, runs: int = 20, budget: float = 5.0, library=None,
                 alternatives: Callable[[str], Iterable[str]] = lambda name: ()) -> dict:
    """Median milliseconds of every query of ``library`` (default: the packaged competency
    questions) on ``store`` (a pyoxigraph ``Store``), with its row count and any parameter
    that had to be renamed (:func:`parameters`); and the slowest median."""
    from hcc_kg.errors import QueryError
    from hcc_kg.query.backends import OxigraphBackend, Runner
    from hcc_kg.query.library import QueryLibrary

    runner = Runner(OxigraphBackend(store))
    queries = {}
    for query in (library or QueryLibrary.load()).all():
        try:
            given = parameters(runner, query, alternatives)
        except QueryError as exc:
            queries[query.name] = {"skipped": str(exc)}
            continue
        ms, made, answer = median_ms(lambda q=query, g=given: runner.run(q, g), runs, budget)
        renamed = {k: v for k, v in given.items() if v != query.param(k).default}
        queries[query.name] = {"median_ms": ms, "runs": made, "rows": len(answer.rows),
                               **({"renamed": renamed} if renamed else {})}
    timed = [name for name in queries if "median_ms" in queries[name]]
    slowest = max(timed, key=lambda name: queries[name]["median_ms"], default=None)
    return {"runs": runs, "queries": queries, "slowest": slowest,
            "max_median_ms": queries[slowest]["median_ms"] if slowest else None,
            "skipped": len(queries) - len(timed)}


def markdown(runs: list[dict], exponent: Callable) -> list[str]:
    """A table: one row per query, one column per corpus (median ms · rows), and the growth
    exponent of each query's median over the synthetic corpora (``exponent`` from run.py)."""
    timed = [r for r in runs if r.get("queries")]
    if not timed:
        return []
    names = sorted({name for r in timed for name in r["queries"]["queries"]})
    lines = ["", "Competency questions on the built store (`data/queries/*.rq`, pyoxigraph, read-only): median ms "
             "· rows, after one warm-up.", "",
             "| query | " + " | ".join(r["label"] for r in timed) + " | growth exponent |",
             "|---|" + "---:|" * len(timed) + "---:|"]
    for name in names:
        cells = [_cell(r["queries"]["queries"].get(name)) for r in timed]
        points = [(r["documents"], r["queries"]["queries"][name].get("median_ms")) for r in timed
                  if r.get("synthetic") and name in r["queries"]["queries"]]
        growth = exponent(points)
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {growth if growth is not None else '–'} |")
    lines.append("| **slowest median** | " + " | ".join(map(_slowest, timed)) + " | |")
    lines.append("ʳ: run with the renamed copy of its default parameter (the synthetic corpora rename "
                 "drugs and trials; `store_queries.parameters`); *not run*: no renamed copy is in that graph.")
    lines.append(f"Target: every median ≤ {TARGET_MS:g} ms at the shipped size. Runs per query: "
                 f"{max(r['queries']['runs'] for r in timed)} after a warm-up; a query slower than the time "
                 "budget runs fewer times (at least 3).")
    return lines


def _cell(entry: dict | None) -> str:
    if not entry or "median_ms" not in entry:
        return "not run" if entry else "–"  # its parameters name nothing in this graph
    return f"{entry['median_ms']:.2f} · {entry['rows']:,}" + ("ʳ" if entry.get("renamed") else "")


def _slowest(run: dict) -> str:
    worst = run["queries"]["max_median_ms"]
    if worst is None:
        return "–"
    verdict = "" if run.get("synthetic") else (" ✓" if worst <= TARGET_MS else " ✗")  # the target is the shipped size's
    return f"**{worst:.2f} ms**{verdict} ({run['queries']['slowest']})"
