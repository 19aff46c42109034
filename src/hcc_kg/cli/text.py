"""Plain-text renderings of the CLI's answers (``--json`` prints the same dicts as JSON).

Only what the graph holds is shown: a trial without a year gets no year, not ``(None)``.

>>> trial_heading({"label": "SHARP", "year": 2008, "phase": None, "line": ["first-line"]})
'SHARP (2008; first-line)'
>>> trial_heading({"label": "NCT01", "year": None, "phase": None, "line": []})
'NCT01'
>>> hazard_ratio_text({"endpoint": "overall survival", "hazard_ratio": "0.69", "ci": ["0.55", "0.87"]})
'overall survival HR 0.69 (0.55–0.87)'
"""

from __future__ import annotations

from typing import Iterator


def _present(*values) -> list[str]:
    return [str(v) for v in values if v not in (None, "", [])]


def trial_heading(trial: dict) -> str:
    """``LABEL (year; phase; line)``, leaving out whatever the graph does not hold."""
    details = _present(trial.get("year"), f"phase {trial['phase']}" if trial.get("phase") else None,
                       ", ".join(trial.get("line") or []))
    return trial["label"] + (f" ({'; '.join(details)})" if details else "")


def hazard_ratio_text(estimate: dict) -> str:
    """A hazard ratio as one line of text, with its interval when the graph holds one.

    >>> hazard_ratio_text({"endpoint": "os", "hazard_ratio": 0.7, "ci": [0.6, 0.8]})
    'os HR 0.7 (0.6–0.8)'
    >>> hazard_ratio_text({"hazard_ratio": 1.1})
    'endpoint? HR 1.1'
    >>> hazard_ratio_text({"endpoint": "os", "hazard_ratio": 0.84, "population": "ITT"})
    'os HR 0.84 [ITT]'
    """
    ci = estimate.get("ci")
    text = f"{estimate.get('endpoint') or 'endpoint?'} HR {estimate['hazard_ratio']}"
    return text + (f" ({ci[0]}–{ci[1]})" if ci else "") + _population(estimate)


def _population(result: dict) -> str:
    """The analysis population a result was read for, when the source gave it beside another's."""
    return f" [{result['population']}]" if result.get("population") else ""


def _measurement(m: dict) -> str:
    unit = m.get("unit") or ""
    value = f"{m['value']}{unit}" if unit == "%" else " ".join(_present(m["value"], unit))
    return " ".join(_present(m.get("timepoint"), m.get("endpoint"), value)) + _population(m)


def trial_lines(trial: dict) -> Iterator[str]:
    """A described trial (:func:`hcc_kg.query.outcomes.describe_trial`): heading, arms, hazard ratios."""
    yield trial_heading(trial)
    for arm in trial["arms"]:
        size = f" (n={arm['size']})" if arm.get("size") is not None else ""
        cohort = f" ({arm['cohort']})" if arm.get("cohort") else ""  # one of several arms of the same agents
        values = "; ".join(_measurement(m) for m in arm["measurements"])
        yield f"  arm {' + '.join(arm['intervention']) or '?'}{cohort}{size}" + (f": {values}" if values else "")
    for estimate in trial["hazard_ratios"]:
        yield f"  {hazard_ratio_text(estimate)}"


def trials_lines(results: list[dict]) -> Iterator[str]:
    """Lines for any answer of ``hcc-kg trials``: described trials, agents tested, or hazard ratios."""
    for row in results:
        if "arms" in row:
            yield from trial_lines(row)
        elif "agent" in row:
            yield f"{row['label']}\t{', '.join(row['trials'])}"
        else:
            yield f"{row['label']}\t{hazard_ratio_text({'endpoint': None, **row}).replace('endpoint? ', '')}"


def chain_lines(result: dict) -> Iterator[str]:
    """pathway: targets, then each drug with its targets, then each of its trials with hazard ratios."""
    yield f"{result['label']}: {len(result['targets'])} targets"
    for drug in result["drugs"]:
        yield f"  {drug['label']} -> {', '.join(drug['targets'])}"
        for trial in drug["trials"]:
            ratios = "; ".join(hazard_ratio_text(h) for h in trial["hazard_ratios"])
            yield f"    {trial_heading({**trial, 'line': []})}" + (f" {ratios}" if ratios else "")
