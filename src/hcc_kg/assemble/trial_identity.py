"""Stage 3a, before merging: one node for a trial that one document names and another only registers.

A document that writes "NAME (NCT01234567)" states that the name and the registry number are
one trial; another document may cite the trial by its number alone. Extraction keys each
document's trial by what that document writes (``trial__name`` or ``trial__nct01234567``), so the
two stay two nodes unless assembly joins them. Here the number-only key is renamed to the named
key, with the trial's arms (``arm__<trial>__<agent>``) and every fact that points at either.

Only what the texts state links keys, and only without doubt: a named key linked to two
registry numbers (anywhere in the corpus), or a number linked to two named keys, joins nothing
and is reported. Two names are never joined to each other here (a registry number misread
beside the wrong name would merge two trials); only a number-only node moves.

>>> from hcc_kg.model import Assertion
>>> named = Assertion("trial__orbit1", "isClinicalTrial", "ClinicalTrial",
...                   attributes=(("nct_id", "NCT01234567"), ("trial_name", "ORBIT-1")))
>>> cited = Assertion("trial__nct01234567", "hasArm", "arm__nct01234567__zorbatinib")
>>> renames, _ = trial_renames([named, cited])
>>> renames
{'trial__nct01234567': 'trial__orbit1'}
>>> rename_trials([cited], renames)[0].object
'arm__orbit1__zorbatinib'
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Iterable

from ..extract.trials import trial_key
from ..keys import is_comparison_trial
from ..model import Assertion, Value

TRIAL_PREFIX, ARM_PREFIX = "trial__", "arm__"


def trial_renames(assertions: Iterable[Assertion]) -> tuple[dict[str, str], list[str]]:
    """(number-only trial key -> the named key its registry number links, messages on links left alone)."""
    numbers_of: dict[str, set[str]] = defaultdict(set)  # named trial key -> registry numbers stated with it
    used: set[str] = set()
    for a in assertions:
        if not a.subject.startswith(TRIAL_PREFIX) or is_comparison_trial(a.subject):
            continue
        used.add(a.subject)
        if a.predicate != "isClinicalTrial":
            continue
        for number in a.attribute_values("nct_id"):
            if trial_key(str(number)) != a.subject:
                numbers_of[a.subject].add(str(number).upper())
    named_by: dict[str, set[str]] = defaultdict(set)  # registry number -> named keys stating only it
    notes = []
    for key, numbers in sorted(numbers_of.items()):
        if len(numbers) > 1:
            notes.append(f"{key} is stated with {len(numbers)} registry numbers ({', '.join(sorted(numbers))}): "
                         "no number-only trial is joined to it")
            continue
        named_by[next(iter(numbers))].add(key)
    renames = {}
    for number, keys in sorted(named_by.items()):
        alone = trial_key(number)
        if alone not in used:
            continue
        if len(keys) > 1:
            notes.append(f"{number} is stated with {len(keys)} trial names ({', '.join(sorted(keys))}): "
                         f"{alone} is joined to none")
            continue
        renames[alone] = next(iter(keys))
    return renames, notes


def rename_trials(assertions: list[Assertion], renames: dict[str, str]) -> list[Assertion]:
    """``assertions`` with every renamed trial key, and its arms' keys, replaced (others returned as they are)."""
    if not renames:
        return assertions
    return [_renamed(a, renames) for a in assertions]


def _renamed(a: Assertion, renames: dict[str, str]) -> Assertion:
    subject, obj = _key(a.subject, renames), _value(a.object, renames)
    context = tuple((k, _value(v, renames)) for k, v in a.context)
    attributes = tuple((k, _value(v, renames)) for k, v in a.attributes)
    if (subject, obj, context, attributes) == (a.subject, a.object, a.context, a.attributes):
        return a
    return replace(a, subject=subject, object=obj, context=context, attributes=attributes)


def _value(value: Value, renames: dict[str, str]) -> Value:
    return _key(value, renames) if isinstance(value, str) else value


def _key(value: str, renames: dict[str, str]) -> str:
    """A trial key renamed, or an arm key of a renamed trial re-based (``arm__<trial>__<agent>``).

    >>> _key("arm__nct1__a", {"trial__nct1": "trial__x"}), _key("trial__nct1", {"trial__nct1": "trial__x"})
    ('arm__x__a', 'trial__x')
    """
    if value in renames:
        return renames[value]
    if value.startswith(ARM_PREFIX):
        trial, sep, agent = value[len(ARM_PREFIX):].partition("__")
        target = renames.get(TRIAL_PREFIX + trial)
        if sep and target is not None:
            return f"{ARM_PREFIX}{target[len(TRIAL_PREFIX):]}__{agent}"
    return value
