"""The CLI's text rendering of query answers (hcc_kg.cli.text), on invented answers."""

from __future__ import annotations

from hcc_kg.cli.text import trial_lines


def trial(*arms: dict) -> dict:
    return {"trial": "trial__x", "label": "X-1", "year": None, "phase": "II", "line": [], "arms": list(arms),
            "hazard_ratios": []}


def test_an_arm_s_cohort_is_printed_after_its_agents():
    cohort = {"arm": "arm__x__foonib__cohort_a", "intervention": ["foonib"], "size": 33, "cohort": "cohort A",
              "measurements": [{"endpoint": "overall survival", "timepoint": None, "value": "20.5", "unit": "months",
                                "line": [], "population": None}]}
    plain = {"arm": "arm__x__placebo", "intervention": ["placebo"], "size": None, "cohort": None, "measurements": []}
    assert list(trial_lines(trial(cohort, plain)))[1:] == [
        "  arm foonib (cohort A) (n=33): overall survival 20.5 months", "  arm placebo"]
