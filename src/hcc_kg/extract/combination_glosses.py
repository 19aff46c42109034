"""A combination glossed by a parenthesis of its targets: "X plus Y (anti-A plus anti-B)".

News items and abstracts name a regimen's drugs, then in parentheses what each acts on, in the same order
("atezolizumab-bevacizumab (anti-PD-L1/anti-VEGF)", "X and Y (A and B inhibitors)").  The i-th target goes
with the i-th drug; with unequal counts the text does not say which is which, and nothing is read (the
appositive rule, which would give every target to the last drug, stands aside: :func:`glossed_run`).
"""

from __future__ import annotations

import re
from typing import Iterator

from .comparators import OPTION_DOSE
from .mechanism_cues import HEAD, RESPECTIVELY
from .sentences import COMBINATION_OF
from .shape_reading import Reading, readings
from .target_lists import TargetList
from .targets import Unit

# What joins the drugs of a combination, and the targets of its gloss.
DRUG_GLUE = re.compile(r"\s*(?:\+|/|plus|and|with|(?:in\s+combination|combined)\s+with|[-–—])\s*", re.IGNORECASE)
TARGET_GLUE = re.compile(r"\s*(?:\+|/|plus|and|,|with)\s*(?:(?:an?|the)\s+)?(?:anti\s*[-–‑]?\s*)?", re.IGNORECASE)


# After a gloss's targets, words that make it one agent's: "bispecific", "dual", or a singular class noun
# ending the parenthesis ("(A/B dual inhibitor)", "(A/B bispecific antibody)"); "(A and B inhibitors)" is two.
ONE_AGENT_TAIL = re.compile(r"[\s-]*(?:(?:bi-?specific|bifunctional|tri-?specific|dual)\b|"
                            r"(?:[\w-]+\s+){0,2}?(?:antibody|inhibitor|blocker|(?:ant)?agonist|agent|TKI|mAb|fusion\s+protein)\s*$)",
                            re.IGNORECASE)


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
    if ONE_AGENT_TAIL.match(text, inside[-1].end, close if close >= 0 else len(text)):
        return []  # "(PD-1/CTLA-4 bispecific antibody)": the last drug's own targets, not one per drug
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


# A table row's mechanism cell, then its treatment cell: "anti-A plus anti-B  X 10 mg + Y 5 mg/kg Q3W".
ANTI_GLOSS_END = re.compile(r"[\s-]*(?:antibod(?:y|ies)|mAbs?)?\s+$", re.IGNORECASE)
DOSED_REGIMEN_GLUE = re.compile(OPTION_DOSE + r"\s*(?:\+|plus|with|(?:in\s+combination|combined)\s+with)\s*", re.IGNORECASE)


def anti_joined(text: str, a: Unit, b: Unit) -> bool:
    """Are ``a`` and ``b`` targets each named with its own "anti-", joined ("anti-A plus anti-B")?"""
    return a.kind == b.kind == "object" and a.anti_start is not None and b.anti_start is not None \
        and TARGET_GLUE.fullmatch(text[a.end:b.start]) is not None


def _run_from(text: str, units: list[Unit], joined) -> list[Unit]:
    """The units from the first on, as long as each is ``joined`` to the one before it."""
    run = units[:1]
    for unit in units[1:]:
        if not joined(text, run[-1], unit):
            break
        run.append(unit)
    return run


def _dosed(text: str, a: Unit, b: Unit) -> bool:
    return a.kind == b.kind == "drug" and DOSED_REGIMEN_GLUE.fullmatch(text[a.end:b.start]) is not None


def gloss_before_regimen(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"anti-A plus anti-B X + Y": targets each named with "anti-", then at once a regimen of exactly as many drugs
    (a dose may follow each); the i-th drug acts on the i-th target."""
    for number, unit in enumerate(found):
        if unit.kind != "object" or unit.anti_start is None or (number and anti_joined(text, found[number - 1], unit)):
            continue  # (not the first target of its gloss)
        gloss = _run_from(text, found[number:], anti_joined)
        rest = found[number + len(gloss):]
        if len(gloss) < 2 or not rest or not ANTI_GLOSS_END.fullmatch(text[gloss[-1].end:rest[0].start]):
            continue
        run = _run_from(text, rest, _dosed) if rest[0].kind == "drug" else []
        if len(run) != len(gloss):
            continue  # fewer drugs, or a third one: the gloss does not say whose the targets are
        for target, drug in zip(gloss, run):
            yield from readings(drug, target, "combination-gloss", gloss[0].anti_start, drug.end)


# "a PD-L1 inhibitor and a VEGF inhibitor (X plus Y)": a regimen in parentheses after the classes of its drugs.
REGIMEN_GLUE = re.compile(r"\s*(?:\+|/|plus|with|(?:in\s+combination|combined)\s+with|[-–—])\s*", re.IGNORECASE)
CLASS_HEAD = re.compile(rf"^[\s-]*(?:{HEAD})\b", re.IGNORECASE)


def _regimens(text: str, found: list[Unit]) -> list[tuple[int, list[Unit]]]:
    """(where its parenthesis opens, its drugs) for each parenthesis holding just a regimen of two drugs or more."""
    drugs = [u for u in found if u.kind == "drug"]
    out = []
    for i, first in enumerate(drugs):
        opened = re.search(r"\(\s*$", text[:first.start])
        if opened is None:
            continue
        run = [first]
        for unit in drugs[i + 1:]:
            if not REGIMEN_GLUE.fullmatch(text[run[-1].end:unit.start]):
                break
            run.append(unit)
        if len(run) > 1 and re.match(r"\s*\)", text[run[-1].end:]):
            out.append((opened.start(), run))
    return out


def in_regimen_parenthesis(text: str, found: list[Unit], drug: Unit) -> bool:
    """``drug`` is one of a regimen in parentheses ("... (X plus Y)"): no member of the class noun before it."""
    return any(drug in run for _, run in _regimens(text, found))


def regimen_gloss(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"a A inhibitor and a B antibody (X plus Y)": as many classes as drugs, the i-th class the i-th drug's."""
    for opened, run in _regimens(text, found):
        before = [u for u in found if u.end <= opened]
        drug_before = max((u.end for u in before if u.kind == "drug"), default=0)
        limit = max(drug_before, text.rfind(";", 0, opened) + 1, text.rfind(":", 0, opened) + 1)
        targets = [u for u in before if u.start >= limit]
        heads = [targets[k + 1].start if k + 1 < len(targets) else opened for k in range(len(targets))]
        if len(targets) != len(run) or not all(CLASS_HEAD.match(text[u.end:h]) for u, h in zip(targets, heads)):
            continue
        for subject, unit in zip(run, targets):
            yield from readings(subject, unit, "combination-gloss", unit.start, subject.end)




def regimen_subject(text: str, found: list[Unit], drugs: list[Unit]) -> list[Unit] | None:
    """The drugs of a regimen that is the subject ("X plus Y target ...", "the combination of X and Y blocks ...",
    "X + Y, which target ..."), in the order written; None when the subject is no regimen."""
    if len(drugs) == 1:  # "X plus Y blocks ...", "X + Y, which target ...": the subject rules kept only Y
        run = [drugs[0]]
        for unit in reversed([u for u in found if u.kind == "drug" and u.end <= drugs[0].start]):
            if not REGIMEN_GLUE.fullmatch(text[unit.end:run[0].start]):
                break
            run.insert(0, unit)
        drugs = run
    if len(drugs) < 2:
        return None
    glued = all(REGIMEN_GLUE.fullmatch(text[a.end:b.start]) for a, b in zip(drugs, drugs[1:]))
    named = COMBINATION_OF.search(text[:drugs[0].start]) and all(
        re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?", text[a.end:b.start]) for a, b in zip(drugs, drugs[1:]))
    return drugs if glued or named else None


# "X and Y both/each/also target A and B": every drug acts on every target, as said.
DISTRIBUTIVE = re.compile(r"\b(?:both|each|all|also|likewise|similarly|equally)\b", re.IGNORECASE)


def crossed_coordination(text: str, drugs: list[Unit], tlist: TargetList) -> bool:
    """As many drugs as targets (two or more), paired by no "respectively" and spread by no "both": "X and Y
    target A and B" may mean X A and Y B, or each both.
    """
    return len(drugs) >= 2 and len(tlist.units) == len(drugs) and not RESPECTIVELY.match(text[tlist.end:]) \
        and not DISTRIBUTIVE.search(text, drugs[-1].end, tlist.start)


def times_crossed_arms(text: str, drug: Unit, tlist: TargetList) -> bool:
    """"X (PD-1 × CTLA-4)": a parenthesis holding only targets crossed with "×" names a bispecific's arms."""
    crossed = all(re.fullmatch(r"\s+[×x]\s+", text[a.end:b.start]) for a, b in zip(tlist.units, tlist.units[1:]))
    return len(tlist.units) > 1 and crossed and bool(re.fullmatch(r"\s*\(\s*", text[drug.end:tlist.start])) \
        and bool(re.match(r"\s*\)", text[tlist.end:]))
