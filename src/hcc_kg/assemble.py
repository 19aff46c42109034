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

from dataclasses import dataclass
from typing import Iterable

from .model import Assertion, Evidence, Value, sorted_assertions

#: Attributes that hold one value per fact; two values mean the sources disagree.
SINGLE_VALUED = frozenset({
    "therapy_mode", "biomarker_comparator", "biomarker_threshold", "biomarker_unit",
    "prior_systemic_therapy", "value", "unit", "hazard_ratio", "ci_lower", "ci_upper",
})


@dataclass(frozen=True)
class Conflict:
    assertion_key: str
    subject: str
    predicate: str
    object: Value
    attribute: str
    values: tuple[tuple[Value, tuple[Evidence, ...]], ...]

    def to_json(self) -> dict:
        return {
            "assertion": self.assertion_key, "subject": self.subject, "predicate": self.predicate,
            "object": str(self.object), "attribute": self.attribute,
            "values": [{"value": str(v), "evidence": [e.to_json() for e in ev]} for v, ev in self.values],
        }


def assemble(assertions: Iterable[Assertion]) -> tuple[list[Assertion], list[Conflict]]:
    """Merged assertions in a deterministic order, and the conflicts among them."""
    by_key: dict[str, Assertion] = {}
    sources: dict[tuple[str, str, str], set[Evidence]] = {}
    for assertion in assertions:
        key = assertion.key()
        by_key[key] = by_key[key].merge(assertion) if key in by_key else assertion
        for name, value in assertion.attributes:
            if name in SINGLE_VALUED:
                sources.setdefault((key, name, repr(value)), set()).update(assertion.evidence)
    merged = sorted_assertions(by_key.values())
    return merged, _conflicts(merged, sources)


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
