"""Stage 3: merge assertions by key, keep all evidence, flag conflicting values.

Two assertions with the same key are the same fact read twice (or from two documents);
their evidence is pooled.  A *single-valued* attribute (a biomarker threshold, a therapy
mode) read with two different values is a conflict: both values are kept, each with the
documents that state it, and the conflict is reported.

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
from typing import Iterable

from .keys import is_comparison_trial
from .model import Assertion, Evidence, Value, merge_all, sorted_assertions

#: Attributes that hold one value per fact; two values mean the sources disagree.
SINGLE_VALUED = frozenset({
    "therapy_mode", "biomarker_comparator", "biomarker_threshold", "biomarker_unit",
    "prior_systemic_therapy", "value", "unit", "hazard_ratio", "ci_lower", "ci_upper", "p_value",
    "p_value_comparator",
})


@dataclass(frozen=True)
class Conflict:
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
    by_key = _by_key(assertions)
    sources: dict[tuple[str, str, str], set[Evidence]] = {}
    for key, group in by_key.items():
        for assertion in group:
            for name, value in assertion.attributes:
                if name in SINGLE_VALUED:
                    sources.setdefault((key, name, repr(value)), set()).update(assertion.evidence)
    merged = sorted_assertions(merge_all(group) for group in by_key.values())
    return merged, _conflicts(merged, sources) + comparison_conflicts(merged)


def _conflicts(merged: list[Assertion], sources: dict) -> list[Conflict]:
    found = []
    for assertion in merged:
        key = assertion.key()
        for name in sorted({n for n, _ in assertion.attributes if n in SINGLE_VALUED}):
            values = sorted(set(assertion.attribute_values(name)), key=repr)
            if len(values) > 1:
                found.append(Conflict(key, assertion.subject, assertion.predicate, assertion.object, name,
                                      tuple((v, tuple(sorted(sources[(key, name, repr(v))]))) for v in values)))
    return found


def comparison_conflicts(merged: list[Assertion]) -> list[Conflict]:
    """Values that two documents give for the same arm of the same comparison.

    A source that names no trial (a table row "A vs B") may describe the same trial as
    another source's named one; they stay separate trials, but when both compare exactly
    the same agents and one document's value for an agent's endpoint and timepoint differs
    from the other's, the disagreement is reported for a curator.
    """
    arms: dict[str, dict[str, str]] = {}
    arm_agent = {str(a.subject): str(a.object) for a in merged if a.predicate == "armIntervention"}
    for a in merged:
        if a.predicate == "hasArm" and str(a.object) in arm_agent:
            arms.setdefault(a.subject, {})[arm_agent[str(a.object)]] = str(a.object)
    measured: dict[str, list[Assertion]] = {}
    for a in merged:
        if a.predicate == "hasMeasurement":
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
    asserted = {a.key(): a for a in facts}
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
