"""One way to write a trial's arm and what it measured, for every trial reader.

Tables, Markdown rows, registry records, prose slots and stated comparisons all end in the
same facts: the trial ``hasArm`` an arm keyed by trial and agent, the arm's
``armIntervention``, a regimen's ``hasComponent`` parts, the arm's ``armSize`` (and ``armCohort``, for
one of several cohorts given the same agent), and each
``hasMeasurement`` of an endpoint at a timepoint, with the value as a number and as printed.

>>> facts = list(arm_facts("trial__orbit1", "regimen__a__b", (), components=("a", "b"), size=120))
>>> [(f.subject, f.predicate, f.object) for f in facts]  # doctest: +NORMALIZE_WHITESPACE
[('trial__orbit1', 'hasArm', 'arm__orbit1__regimen__a__b'),
 ('arm__orbit1__regimen__a__b', 'armIntervention', 'regimen__a__b'),
 ('regimen__a__b', 'hasComponent', 'a'), ('regimen__a__b', 'hasComponent', 'b'),
 ('arm__orbit1__regimen__a__b', 'armSize', 120)]
>>> fact = measurement("arm__orbit1__a", "os", "", "13·6", "months", (), value=Decimal("13.6"))
>>> fact.context, fact.attributes
((('timepoint', ''),), (('value', Decimal('13.6')), ('value_text', '13·6'), ('unit', 'months')))
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable, Iterator

from ..model import Assertion, Evidence


def arm_key(trial: str, agent: str) -> str:
    """The key of ``agent``'s arm in ``trial``.

    >>> arm_key("trial__orbit1", "sorafenib")
    'arm__orbit1__sorafenib'
    """
    return f"arm__{trial[len('trial__'):]}__{agent}"


def cohort_arm_key(trial: str, agent: str, cohort: str) -> str:
    """The key of one cohort's arm of ``agent`` in ``trial``, when the trial gives the agent to several cohorts.

    >>> cohort_arm_key("trial__orbit1", "sorafenib", "cohort B")
    'arm__orbit1__sorafenib__cohort_b'
    >>> cohort_arm_key("trial__orbit1", "sorafenib", "6 mg/kg")
    'arm__orbit1__sorafenib__6_mg_kg'
    """
    return f"{arm_key(trial, agent)}__{re.sub(r'[^a-z0-9]+', '_', cohort.lower()).strip('_')}"


def arm_facts(trial: str, agent: str, evidence: tuple[Evidence, ...], components: Iterable[str] = (),
              size: int | None = None, cohort: str | None = None) -> Iterator[Assertion]:
    """The arm of ``agent`` in ``trial``: its link to the trial, its agent, the regimen's parts, its size; with a
    ``cohort``, the arm of that cohort of the agent's (its label said too)."""
    arm = arm_key(trial, agent) if cohort is None else cohort_arm_key(trial, agent, cohort)
    yield Assertion(trial, "hasArm", arm, evidence=evidence)
    yield Assertion(arm, "armIntervention", agent, evidence=evidence)
    yield from (Assertion(agent, "hasComponent", part, evidence=evidence) for part in components)
    if size is not None:
        yield Assertion(arm, "armSize", size, evidence=evidence)
    if cohort is not None:
        yield Assertion(arm, "armCohort", cohort, evidence=evidence)


def measurement(arm: str, endpoint: str, timepoint: str, value_text: str, unit: str, evidence: tuple[Evidence, ...],
                value: Decimal | None = None, context: tuple = (), attributes: tuple = ()) -> Assertion:
    """What ``arm`` measured for ``endpoint`` at ``timepoint`` ("" for a median): the number (read from
    ``value_text`` unless given) and its printed text, with any further context and attributes."""
    number = Decimal(value_text) if value is None else value
    return Assertion(arm, "hasMeasurement", endpoint, (("timepoint", timepoint), *context),
                     (("value", number), ("value_text", value_text), ("unit", unit), *attributes), evidence)
