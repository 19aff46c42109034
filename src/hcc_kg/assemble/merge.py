"""Stage 3: merge assertions by key, keep all evidence, flag conflicting values.

Two assertions with the same key are the same fact read twice (or from two documents);
their evidence is pooled.  A *single-valued* attribute (a biomarker threshold, a therapy
mode) read with two different values is a conflict: both values are kept, each with the
documents that state it, and the conflict is reported.

A *reading* (an effect estimate's hazard ratio, interval and p-value; an arm's measured
value and unit) is kept whole: readings of one statement that give different values stay
apart as separate facts (their values join their identity, see :data:`READING`), so no
fact ever pairs one document's hazard ratio with another's interval or evidence.  The
disagreement is still reported as a conflict.

>>> from hcc_kg.model import Assertion, Evidence
>>> a = Assertion("x", "approvedFor", "hcc", (("line", "first_line"),), (("therapy_mode", "monotherapy"),),
...               (Evidence("d1", 0, 5, "t"),))
>>> b = Assertion("x", "approvedFor", "hcc", (("line", "first_line"),), (("therapy_mode", "combination therapy"),),
...               (Evidence("d2", 0, 5, "t"),))
>>> merged, conflicts = assemble([a, b])
>>> len(merged), len(merged[0].evidence), conflicts[0].attribute
(1, 2, 'therapy_mode')
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Iterable

from ..gc_control import gc_paused
from ..keys import is_comparison_trial
from ..model import Assertion, Evidence, Value, merge_all, sorted_assertions

#: Attributes that hold one value per fact; two values mean the sources disagree.
SINGLE_VALUED = frozenset({
    "therapy_mode", "biomarker_comparator", "biomarker_threshold", "biomarker_unit",
    "prior_systemic_therapy", "value", "unit", "hazard_ratio", "ci_lower", "ci_upper", "p_value",
    "p_value_comparator",
})
#: Per predicate, the attributes that together are one reading of a result: readings that
#: differ in any of them are different statements and are never merged into one fact.
READING_ATTRIBUTES = {
    "hasEffectEstimate": ("hazard_ratio", "ci_lower", "ci_upper", "ci_level", "p_value", "p_value_comparator"),
    "hasMeasurement": ("value", "unit"),
}
#: The context pair that tells apart disagreeing readings of one statement.
READING = "reading"


@dataclass(frozen=True)
class Conflict:
    """Two or more values one fact (or one comparison) was given, each with the evidence that read it."""

    assertion_key: str
    subject: str
    predicate: str
    object: Value
    attribute: str
    values: tuple[tuple[Value, tuple[Evidence, ...]], ...]
    kind: str = "same-fact"  # or "same-comparison": see comparison_conflicts
    note: str = ""

    def to_json(self) -> dict:
        out = {
            "kind": self.kind, "assertion": self.assertion_key, "subject": self.subject,
            "predicate": self.predicate, "object": str(self.object), "attribute": self.attribute,
            "values": [{"value": str(v), "evidence": [e.to_json() for e in ev]} for v, ev in self.values],
        }
        if self.note:
            out["note"] = self.note
        return out


def assemble(assertions: Iterable[Assertion]) -> tuple[list[Assertion], list[Conflict]]:
    """Merged assertions in a deterministic order, and the conflicts among them."""
    with gc_paused():  # hundreds of thousands of tuples and frozen assertions, no cycle among them
        return _assemble(assertions)


def _assemble(assertions: Iterable[Assertion]) -> tuple[list[Assertion], list[Conflict]]:
    """One sort of the facts: the groups are merged in the order they were read (near the order
    their objects lie in memory), and only the few conflicts are put in the facts' order.  Sorting
    the groups and then the facts again (and reading the sorted facts three times over) grew
    faster than the corpus, each pass jumping across an assertion heap larger than the CPU's caches.
    """
    merged, conflicts = [], []
    for key, group in _by_key(assertions).items():
        conflicts += _conflicts(key, group)
        merged += [merge_all(reading) for reading in _readings(group)]
    conflicts.sort(key=lambda c: (c.subject, c.predicate, c.assertion_key))  # as (subject, predicate, key) below
    comparisons = comparison_conflicts(merged)
    return sorted_assertions(merged), conflicts + comparisons


def _conflicts(key: str, group: list[Assertion]) -> list[Conflict]:
    """A conflict for each single-valued attribute the group's readings give two values of."""
    sources: dict[str, dict[Value, set[Evidence]]] = {}
    for assertion in group:
        for name, value in assertion.attributes:
            if name in SINGLE_VALUED:
                sources.setdefault(name, {}).setdefault(value, set()).update(assertion.evidence)
    first = group[0]
    return [Conflict(key, first.subject, first.predicate, first.object, name,
                     tuple((v, tuple(sorted(by_value[v]))) for v in sorted(by_value, key=repr)))
            for name, by_value in sorted(sources.items()) if len(by_value) > 1]


def reading_of(assertion: Assertion) -> tuple[tuple[str, Value], ...]:
    """The values that make one reading of a result (empty for other predicates).

    >>> from decimal import Decimal
    >>> reading_of(Assertion("t", "hasEffectEstimate", "os", (), (("hazard_ratio", Decimal("0.7")),
    ...                                                            ("hazard_ratio_text", "0.7"))))
    (('hazard_ratio', Decimal('0.7')),)
    """
    names = READING_ATTRIBUTES.get(assertion.predicate, ())
    values = {(n, v) for n, v in assertion.attributes if n in names}
    return tuple(sorted(values, key=lambda pair: (pair[0], str(pair[1]))))


def _readings(group: list[Assertion]) -> list[list[Assertion]]:
    """The group split by reading when its readings disagree; each part named by its values.

    Numbers compare by value (0.70 and 0.7 agree).  Readings that agree stay one fact, with
    the statement's own key; readings that disagree each get a ``reading`` context pair, so
    each becomes a fact (and a node) of its own, with only its own evidence.
    """
    by_reading: dict[tuple, list[Assertion]] = {}
    for assertion in group:
        by_reading.setdefault(reading_of(assertion), []).append(assertion)
    if len(by_reading) == 1:
        return [group]
    return [[replace(a, context=a.context + ((READING, _reading_text(reading)),)) for a in part]
            for reading, part in by_reading.items()]


def _reading_text(reading: tuple[tuple[str, Value], ...]) -> str:
    """A reading as stable text, e.g. ``hazard_ratio=0.7 p_value=0.001`` (``none`` if it has no value)."""
    return " ".join(f"{name}={_plain(value)}" for name, value in reading) or "none"


def _plain(value: Value) -> str:
    """A number without trailing zeros or exponent (0.70 → 0.7, 10 → 10), other values as text."""
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


def statement_key(assertion: Assertion) -> str:
    """The key of the statement an assertion reads, whichever reading it is."""
    if assertion.context_value(READING) is None:
        return assertion.key()
    return replace(assertion, context=tuple(p for p in assertion.context if p[0] != READING)).key()


def comparison_conflicts(merged: list[Assertion]) -> list[Conflict]:
    """Values that two documents give for the same arm of the same comparison.

    A source that names no trial (a table row "A vs B") may describe the same trial as
    another source's named one; they stay separate trials, but when both compare exactly
    the same agents and one document's value for an agent's endpoint and timepoint differs
    from the other's, the disagreement is reported for a curator.

    ``merged`` may come in any order: the facts read here are picked out in one pass and
    put in the facts' order (:func:`hcc_kg.model.sorted_assertions`).
    """
    picked: dict[str, list[Assertion]] = {"armIntervention": [], "hasArm": [], "hasMeasurement": []}
    for a in merged:
        found = picked.get(a.predicate)
        if found is not None:
            found.append(a)
    interventions, has_arm, measurements = (sorted_assertions(picked[p]) for p in picked)
    arms: dict[str, dict[str, str]] = {}
    arm_agent = {str(a.subject): str(a.object) for a in interventions}
    for a in has_arm:
        if str(a.object) in arm_agent:
            arms.setdefault(a.subject, {})[arm_agent[str(a.object)]] = str(a.object)
    measured: dict[str, list[Assertion]] = {}
    for a in measurements:
        measured.setdefault(a.subject, []).append(a)
    by_arms: dict[frozenset[str], list[str]] = {}
    for trial, agents in sorted(arms.items()):
        by_arms.setdefault(frozenset(agents), []).append(trial)
    found = []
    for trials in by_arms.values():
        for i, first in enumerate(trials):
            for second in trials[i + 1:]:
                if is_comparison_trial(first) or is_comparison_trial(second):
                    found.extend(_arm_disagreements(first, second, arms, measured))
    return found


def _arm_disagreements(first: str, second: str, arms, measured) -> list[Conflict]:
    out = []
    for agent in sorted(arms[first]):
        for a in measured.get(arms[first][agent], []):
            for b in measured.get(arms[second][agent], []):
                same = (a.object == b.object and a.context_value("timepoint") == b.context_value("timepoint")
                        and a.attribute_values("unit") == b.attribute_values("unit"))
                docs_a, docs_b = {e.doc_id for e in a.evidence}, {e.doc_id for e in b.evidence}
                if same and docs_a != docs_b and set(a.attribute_values("value")) != set(b.attribute_values("value")):
                    values = tuple((v, tuple(sorted(x.evidence))) for x in (a, b) for v in x.attribute_values("value"))
                    note = f"{first} and {second} compare the same agents; {agent}'s value differs between documents"
                    out.append(Conflict(a.key(), agent, "hasMeasurement", a.object, "value", values,
                                        "same-comparison", note))
    return out


def split_readings(assertions: Iterable[Assertion]) -> tuple[list[Assertion], list[Assertion]]:
    """Each reading into the part that asserts its fact (positive, not hedged) and the rest.

    Splitting before merging keeps a withheld reading's attributes (a date read in an
    "application accepted" sentence) off the fact that another reading asserts.

    >>> from hcc_kg.model import Assertion, Evidence
    >>> no = Evidence("d2", 0, 5, "t", polarity="negative")
    >>> yes, other = split_readings([Assertion("x", "inhibits", "y", evidence=(Evidence("d1", 0, 5, "t"), no))])
    >>> [len(a.evidence) for a in yes], [a.evidence[0].polarity for a in other]
    ([1], ['negative'])
    """
    assertive, other = [], []
    for assertion in assertions:
        yes = tuple(e for e in assertion.evidence if e.is_assertive)
        no = tuple(e for e in assertion.evidence if not e.is_assertive)
        if yes:
            assertive.append(assertion if not no else replace(assertion, evidence=yes))
        if no:
            other.append(assertion if not yes else replace(assertion, evidence=no))
    return assertive, other


def withhold(facts: list[Assertion], others: list[Assertion]) -> tuple[list[Assertion], list[Conflict]]:
    """Merged non-asserting readings: the statements no reading asserts (withheld), and a
    ``polarity`` conflict for each fact that another reading denies or hedges.

    >>> from hcc_kg.model import Assertion, Evidence
    >>> yes, no = Evidence("d1", 0, 5, "t"), Evidence("d2", 0, 5, "t", polarity="negative")
    >>> withheld, conflicts = withhold([Assertion("x", "inhibits", "y", evidence=(yes,))],
    ...                                [Assertion("x", "inhibits", "y", evidence=(no,)),
    ...                                 Assertion("x", "inhibits", "z", evidence=(no,))])
    >>> [a.object for a in withheld], [(c.subject, c.object, c.kind) for c in conflicts]
    (['z'], [('x', 'y', 'polarity')])
    """
    asserted = {statement_key(a): a for a in facts}
    withheld, conflicts = [], []
    for statement in sorted_assertions(merge_all(g) for g in _by_key(others).values()):
        fact = asserted.get(statement.key())
        if fact is None:
            withheld.append(statement)
            continue
        conflicts.append(Conflict(fact.key(), fact.subject, fact.predicate, fact.object, "polarity",
                                  (("asserted", fact.evidence), ("denied or hedged", statement.evidence)),
                                  "polarity", "one reading states the fact, another denies or hedges it"))
    return withheld, conflicts


def _by_key(assertions: Iterable[Assertion]) -> dict[str, list[Assertion]]:
    groups: dict[str, list[Assertion]] = {}
    for assertion in assertions:
        groups.setdefault(assertion.key(), []).append(assertion)
    return groups
