"""Per individual, what the ABox summary keys it by (:mod:`hcc_kg.owl.summary`): its asserted
classes, its existential marks (``R some Thing`` for a link no class expression reads, ``D some
Literal`` for a data value), other triples kept verbatim; and the links that are kept as edges.

A million individuals hold a few dozen distinct sets of classes or marks, so each set is a
frozenset shared by every individual holding it (:class:`_Sets`), and each distinct key one
tuple: the summary's parts cost a dict entry per individual, not a set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .terms import NAMED_INDIVIDUAL, OWL, TYPE

if TYPE_CHECKING:
    from .summary import Split, Triple


class _Sets:
    """A set per individual, each a frozenset shared by every individual holding the same one.

    A million individuals hold a few dozen distinct sets of classes or marks: one object
    each, reached by remembered steps (set, item) -> set, instead of a million sets.
    """

    def __init__(self) -> None:
        self.of: dict[str, frozenset] = {}
        self._steps: dict[tuple[frozenset, object], frozenset] = {}
        self._alike: dict[frozenset, frozenset] = {}

    def add(self, individual: str, item) -> None:
        now = self.of.get(individual, _NONE)
        found = self._steps.get((now, item))
        if found is None:
            grown = now | {item}
            found = self._steps[(now, item)] = self._alike.setdefault(grown, grown)
        self.of[individual] = found

    def get(self, individual: str) -> frozenset:
        return self.of.get(individual, _NONE)  # asking leaves no empty entry behind

    def __len__(self) -> int:
        return len(self.of)


_NONE: frozenset = frozenset()


@dataclass
class _Parts:
    """Per individual: asserted classes, existential marks, other triples kept verbatim; linking edges."""

    types: _Sets = field(default_factory=_Sets)
    marks: _Sets = field(default_factory=_Sets)
    verbatim: _Sets = field(default_factory=_Sets)
    pairs: set[tuple[str, str]] = field(default_factory=set)  # every (data property, value) stated
    several: set[str] = field(default_factory=set)  # individuals with two values of a functional property
    edges: list[Triple] = field(default_factory=list)
    _keys: dict[tuple, tuple] = field(default_factory=dict)

    def key(self, individual: str) -> tuple:
        """Sorted classes, marks and kept values; one tuple for all individuals alike."""
        sets = (self.types.get(individual), self.marks.get(individual), self.verbatim.get(individual))
        found = self._keys.get(sets)
        if found is None:
            found = self._keys[sets] = tuple(tuple(sorted(x)) for x in sets)
        return found


def _functional(split: Split) -> set[str]:
    return {s for s, p, o in split.tbox if p == TYPE and o == f"<{OWL}FunctionalProperty>"}


def _parts(split: Split, used: set[str]) -> _Parts:
    parts = _Parts()
    # functional property -> individual -> its first value (nested: no (individual, property) tuple
    # for each of a million evidence offsets)
    functional, first = _functional(split), {}
    for s, p, o in split.abox:
        if p == TYPE:
            if o != NAMED_INDIVIDUAL:
                parts.types.add(s, o)
        elif o in split.individuals and (p in used or p not in split.object_properties):
            parts.edges.append((s, p, o))  # an untyped predicate between individuals links them too
        elif p in split.object_properties:
            parts.marks.add(s, ("out", p))
            if o in split.individuals:
                parts.marks.add(o, ("in", p))
        elif p in split.data_properties:
            parts.marks.add(s, ("data", p))
            parts.pairs.add((p, o))
            if p in functional and first.setdefault(p, {}).setdefault(s, o) != o:
                parts.several.add(s)
        else:  # an untyped predicate with a literal: keep it rather than guess
            parts.verbatim.add(s, (p, o))
    return parts

