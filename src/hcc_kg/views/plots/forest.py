"""Forest plots: hazard ratios with their confidence intervals, per drug, per trial or per query.

Every number comes from the graph (``hcc:value`` / ``valueText``, ``ciLower``, ``ciUpper`` of
each ``hcc:HazardRatio``, through :func:`hcc_kg.query.outcomes.describe_trial`); a row's label
names the trial, the arms compared and the endpoint, all read from the graph's labels.

>>> row = ForestRow("T1 · a vs b", "overall survival", 0.7, 0.5, 0.9, "0.70", "trial__t1", ("0.50", "0.90"))
>>> row.interval_text
'0.70 (0.50–0.90)'
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Iterable

import networkx as nx

from ...errors import ExportError, QueryError
from ...store.export import atomic_write
from ...query.outcomes import describe_trial, trials, trials_of
from ...query.paths import resolve

#: Image formats matplotlib writes for ``--out``.
FORMATS = {".png": "png", ".svg": "svg"}
#: Hazard ratios marked on the log axis (those inside the plotted range).
TICKS = (0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5, 10)


@dataclass(frozen=True)
class ForestRow:
    """One row of a forest plot: a trial's hazard ratio for one endpoint, with its interval as computed and as printed."""

    label: str  # trial · experimental vs comparator
    endpoint: str
    value: float
    low: float | None
    high: float | None
    text: str  # the hazard ratio as printed
    trial: str  # node key
    ci_text: tuple[str, str] | None = None  # the bounds as printed

    @property
    def interval_text(self) -> str:
        return self.text + (f" ({self.ci_text[0]}–{self.ci_text[1]})" if self.ci_text else "")


def _number(text) -> float | None:
    try:
        return float(Decimal(str(text)))
    except (InvalidOperation, ValueError, TypeError):
        return None


def _arm_names(trial: dict, arm: str | None) -> str:
    for described in trial["arms"]:
        if described["arm"] == arm:
            return " + ".join(described["intervention"]) or "?"
    return "?"


def rows_for_trials(G: nx.MultiDiGraph, trial_keys: Iterable[str], endpoint: str | None = None) -> list[ForestRow]:
    """One row per hazard ratio of each trial (only ``endpoint``'s when given), in trial order."""
    wanted = G.nodes[resolve(G, endpoint)].get("label") if endpoint else None
    rows = []
    for key in sorted(set(trial_keys), key=lambda k: (str(G.nodes[k].get("label", k)).lower(), k)):
        trial = describe_trial(G, key)
        for estimate in trial["hazard_ratios"]:
            value = _number(estimate["hazard_ratio"])
            if value is None or (wanted and estimate["endpoint"] != wanted):
                continue
            low, high = (_number(c) for c in estimate["ci"]) if estimate["ci"] else (None, None)
            arms = f"{_arm_names(trial, estimate['experimental'])} vs {_arm_names(trial, estimate['comparator'])}"
            rows.append(ForestRow(f"{trial['label']} · {arms}", estimate["endpoint"] or "?", value, low, high,
                                  str(estimate["hazard_ratio"]), key,
                                  tuple(estimate["ci"]) if low is not None and high is not None else None))
    return rows


def rows_for_drug(G: nx.MultiDiGraph, drug: str, endpoint: str | None = None) -> list[ForestRow]:
    """Forest rows for every trial of ``drug`` (optionally one endpoint)."""
    return rows_for_trials(G, [t["trial"] for t in trials_of(G, drug)], endpoint)


def rows_for_trial(G: nx.MultiDiGraph, trial: str, endpoint: str | None = None) -> list[ForestRow]:
    """Forest rows for the trial ``trial`` resolves to (optionally one endpoint)."""
    return rows_for_trials(G, [resolve(G, trial)], endpoint)


def rows_for_keys(G: nx.MultiDiGraph, keys: Iterable[str], endpoint: str | None = None) -> list[ForestRow]:
    """Rows for the trials among ``keys`` (e.g. a query's answer), and for the trials whose
    hazard ratios are among them."""
    keys = set(keys)
    trial_keys = {t for t in trials(G) if t in keys or any(
        v in keys for _, v, k in G.out_edges(t, keys=True) if k == "hasEffectEstimate")}
    return rows_for_trials(G, trial_keys, endpoint)


def figure(rows: list[ForestRow], title: str):
    """A matplotlib Figure: one line per row, log-scaled axis, a dashed line at HR 1."""
    import matplotlib

    matplotlib.use("Agg")  # no display; only files are written
    from matplotlib.figure import Figure

    if not rows:
        raise QueryError("no hazard ratio to plot for this selection")
    height = 1.2 + 0.34 * len(rows)
    fig = Figure(figsize=(9.5, height), dpi=110)
    ax = fig.add_subplot()
    ys = list(range(len(rows)))[::-1]
    for y, row in zip(ys, rows):
        if row.low is not None and row.high is not None:
            ax.plot([row.low, row.high], [y, y], color="#495057", linewidth=1.4)
        ax.plot([row.value], [y], marker="s", color="#1f77b4", markersize=6)
    ax.axvline(1.0, color="#868e96", linestyle="--", linewidth=1)
    ax.set_xscale("log")
    ax.set_yticks(ys, [f"{r.label} ({r.endpoint})" for r in rows], fontsize=8)
    right = ax.secondary_yaxis("right")
    right.set_yticks(ys, [r.interval_text for r in rows], fontsize=8)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xlabel("hazard ratio (log scale); left of 1 favours the experimental arm")
    ax.set_title(title, fontsize=10)
    low, high = ax.get_xlim()
    ax.set_xticks([t for t in TICKS if low <= t <= high])
    ax.xaxis.set_major_formatter(matplotlib.ticker.FormatStrFormatter("%g"))
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    fig.tight_layout()
    return fig


def render(rows: list[ForestRow], title: str, fmt: str) -> bytes:
    """The plot as ``png`` or ``svg`` bytes (no timestamps: same rows, same bytes)."""
    buffer = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    figure(rows, title).savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()


def html_page(rows: list[ForestRow], title: str) -> str:
    """A self-contained page: the SVG inline and a table of the plotted values (no network)."""
    svg = render(rows, title, "svg").decode("utf-8")
    svg = svg[svg.index("<svg"):]  # drop the XML prolog and DOCTYPE: inline SVG takes the element
    body = "".join(f"<tr><td>{html.escape(r.label)}</td><td>{html.escape(r.endpoint)}</td>"
                   f"<td>{html.escape(r.interval_text)}</td></tr>" for r in rows)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<link rel="icon" href="data:,"><style>body{{font-family:sans-serif;margin:16px}}'
            f'table{{border-collapse:collapse;font-size:13px}}td,th{{border-bottom:1px solid #dee2e6;padding:3px 8px;'
            f'text-align:left}}svg{{max-width:100%;height:auto}}</style></head><body>'
            f'<h1 style="font-size:18px">{html.escape(title)}</h1><div id="forest">{svg}</div>'
            f'<table id="forest-values"><tr><th>trial · arms</th><th>endpoint</th><th>hazard ratio (CI)</th></tr>'
            f'{body}</table></body></html>\n')


def write(data: bytes | str, path: Path) -> Path:
    """Write a plot (text or bytes) atomically; an OSError becomes an ExportError."""
    try:
        atomic_write(Path(path), data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc}") from exc
    return Path(path)
