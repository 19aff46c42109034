"""A combination glossed by a parenthesis of its targets: "X plus Y (anti-A plus anti-B)".

News items and abstracts name a regimen's drugs, then in parentheses what each acts on, in the same order
("atezolizumab-bevacizumab (anti-PD-L1/anti-VEGF)", "X and Y (A and B inhibitors)").  The i-th target goes
with the i-th drug; with unequal counts the text does not say which is which, and nothing is read (the
appositive rule, which would give every target to the last drug, stands aside: :func:`glossed_run`).
"""

from __future__ import annotations

import re
from typing import Iterator

from .shape_reading import Reading, readings
from .targets import TargetList, Unit

# What joins the drugs of a combination, and the targets of its gloss.
DRUG_GLUE = re.compile(r"\s*(?:\+|/|plus|and|with|(?:in\s+combination|combined)\s+with|[-–—])\s*", re.IGNORECASE)
TARGET_GLUE = re.compile(r"\s*(?:\+|/|plus|and|,|with)\s*(?:(?:an?|the)\s+)?(?:anti\s*[-–‑]?\s*)?", re.IGNORECASE)


def _run_ending_at(text: str, found: list[Unit], drug: Unit) -> list[Unit]:
    """The drugs joined to ``drug`` by combination glue, ``drug`` last."""
    run = [drug]
    earlier = [u for u in found if u.end <= drug.start]
    for unit in reversed(earlier):
        # "X (Brand) and Y (A, B)": a drug with a parenthesis of its own is glossed there, not by Y's
        if unit.kind != "drug" or not DRUG_GLUE.fullmatch(text[unit.end:run[0].start]) or ")" in text[unit.start:unit.end]:
            break
        run.insert(0, unit)
    return run


def _gloss(text: str, found: list[Unit], drug: Unit) -> list[Unit]:
    """The targets, in order, of a parenthesis opened right after ``drug`` and holding no drug; [] when none."""
    opened = re.match(r"\s*\(", text[drug.end:])
    if opened is None:
        return []
    start = drug.end + opened.end()
    close = text.find(")", start)
    inside = [u for u in found if start <= u.start and (close < 0 or u.end <= close)]
    if any(u.kind == "drug" for u in inside) or not inside:
        return []
    joined = all(TARGET_GLUE.fullmatch(text[a.end:b.start]) for a, b in zip(inside, inside[1:]))
    return inside if joined else []


def glossed_run(text: str, found: list[Unit], drug: Unit) -> bool:
    """``drug`` ends a combination of two or more whose parenthesis glosses two targets or more."""
    return len(_run_ending_at(text, found, drug)) > 1 and len(_gloss(text, found, drug)) > 1


def combination_gloss(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"X plus Y (anti-A plus anti-B)", "X-Y (anti-A/anti-B)": the i-th drug acts on the i-th target."""
    for drug in (u for u in found if u.kind == "drug"):
        run, gloss = _run_ending_at(text, found, drug), _gloss(text, found, drug)
        if len(run) > 1 and len(gloss) == len(run):
            close = text.find(")", gloss[-1].end)
            for subject, unit in zip(run, gloss):
                yield from readings(subject, unit, "combination-gloss", subject.start, close + 1 if close >= 0 else unit.end)
