"""The benchmark's report: growth exponents, the Markdown table and the plot (``benchmarks/run.py``).

Everything here reads the ``report`` dict that run.py measures and writes to
``benchmark.json``, so ``run.py --from-json`` can redraw the table and plot without building.
"""

from __future__ import annotations

import math
import statistics
import sys
from pathlib import Path

import floor
import store_queries

# HermiT runs on a thread from reason-start: rdf (the asserted triples into the store) overlaps it, reason is
# the wait left, rdf-inferred adds its inferences
STAGES = ("vocabulary", "read", "extract", "assemble", "load-ontology", "populate", "reason-start", "rdf", "reason",
          "rdf-inferred", "validate", "canonical", "quality", "export", "project", "views")
#: What a stage's "output size" counts, read from the value the stage returned.
SIZE_UNITS = {"read": "characters", "extract": "raw assertions", "assemble": "assertions", "populate": "individuals",
              "reason": "inferred triples", "rdf": "asserted triples in the store",
              "rdf-inferred": "triples in the store", "validate": "violations", "canonical": "triples",
              "quality": "findings", "export": "bytes written", "project": "nodes + edges", "views": "bytes written"}
PIPELINE = STAGES[:STAGES.index("export") + 1]


def exponent(points: list[tuple[float, float]]) -> float | None:
    """Slope of the least-squares line through (log x, log y); None with fewer than two points.

    >>> exponent([(10, 1.0), (100, 10.0)]), exponent([(10, 1.0)])
    (1.0, None)
    """
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y and y > 0]
    if len(pts) < 2:
        return None
    mx, my = statistics.fmean(p[0] for p in pts), statistics.fmean(p[1] for p in pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return round(sum((x - mx) * (y - my) for x, y in pts) / den, 2) if den else None


def growth(runs: list[dict]) -> dict[str, dict[str, float | None]]:
    """Per stage, the growth exponents of time and output size over the synthetic corpora."""
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


def _build_cell(run: dict) -> str:
    if run.get("build_seconds"):
        return f"**{run['build_seconds']:.1f} s**"
    if all(stage in run["stages"] for stage in PIPELINE):  # built, stopped later (in project or views)
        return f"≥ {sum(run['stages'][s]['seconds'] for s in PIPELINE):.0f} s (sum of its stages)"
    return "stopped (see below)"


def _stage_rows(report: dict) -> list[str]:
    runs = report["runs"]
    lines = ["| stage | " + " | ".join(r["label"] for r in runs) + " | growth exponent (time) |",
             "|" + "---|" * (len(runs) + 2)]
    for stage in STAGES:
        cells = []
        for r in runs:
            s = r["stages"].get(stage)
            cells.append(f"{s['seconds']:.2f} s · {_mb(s['peak_rss'])} MB · {_count(s['size'])}" if s else "–")
        g = report["growth"].get(stage, {}).get("time")
        lines.append(f"| {stage} | " + " | ".join(cells) + f" | {g if g is not None else '–'} |")
    return lines


def _corpus_rows(report: dict) -> list[str]:
    """The table of stages and totals, one column per corpus, and its notes."""
    runs = report["runs"]
    lines = _stage_rows(report)
    lines.append("| **build, end to end** | " + " | ".join(_build_cell(r) for r in runs) + " | |")
    lines += floor.markdown(runs)
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
    lines += ["", cells, "The build is timed from the start of a fresh process (imports and the JVM included); "
              "so is the floor (`benchmarks/floor.py`). *project* and *views* run after the build, to time them "
              "alone: the build's export stage already draws the views (up to view_max_triples)."]
    return lines


def markdown(report: dict) -> str:
    """The whole report as Markdown: stage table, floor and ratio, queries, workers, incremental."""
    runs = report["runs"]
    lines = _corpus_rows(report) if runs else []
    if report.get("cli_seconds") is not None:
        lines.append(f"`hcc-kg build --no-cache` on the shipped corpus, fresh process, JVM start included: "
                     f"**{report['cli_seconds']} s** (median of three).")
    if report.get("cli_seconds_no_index") is not None:
        lines.append(f"The same after an edit of the vocabulary (set-up's index no longer matches: the build merges "
                     f"the vocabulary and builds its name tables): **{report['cli_seconds_no_index']} s**.")
    lines += store_queries.markdown(runs, exponent)
    if report.get("execution"):  # the 2-worker and incremental cases (benchmarks/execution.py)
        from execution import markdown as execution_lines

        lines += [""] + execution_lines(report["execution"])
    lines += ["", f"Machine: {report['machine']}."]
    return "\n".join(lines) + "\n"


def plot(report: dict, path: Path) -> bool:
    """Time per stage against documents (log-log), the floor and a slope-1 guide; False without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed: no plot", file=sys.stderr)
        return False
    runs = [r for r in report["runs"] if r.get("synthetic") and r.get("documents")]
    fig, ax = plt.subplots(figsize=(8, 5))
    colours = plt.cm.tab20.colors
    for k, stage in enumerate(STAGES):
        pts = [(r["documents"], r["stages"][stage]["seconds"]) for r in runs
               if stage in r["stages"] and r["stages"][stage]["seconds"] > 0]
        if len(pts) >= 2:
            g = report["growth"][stage]["time"]
            ax.plot(*zip(*pts), marker="o", color=colours[k % len(colours)], linestyle=("-", "--")[k % 2],
                    label=f"{stage} (×n^{g})")
    for label, style, seconds in (("build, end to end", "k-", lambda r: r.get("build_seconds")),
                                  ("floor", "k--", lambda r: (r.get("floor") or {}).get("seconds"))):
        pts = [(r["documents"], seconds(r)) for r in runs if seconds(r)]
        if len(pts) >= 2:
            ax.plot(*zip(*pts), style, linewidth=2, label=label)
    xs = [r["documents"] for r in runs]
    if xs:
        ax.plot([min(xs), max(xs)], [0.01, 0.01 * max(xs) / min(xs)], "k:", label="linear (slope 1)")
    ax.set(xscale="log", yscale="log", xlabel="documents (synthetic corpus)", ylabel="seconds",
           title="hcc-kg build: time per stage")
    ax.legend(fontsize=7, ncol=2)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    return True
