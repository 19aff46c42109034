"""Labels that need the whole ABox: trial parts named after their trial, and unique labels.

Assertions arrive in key order, so an arm can be created before its trial is named; and
whether a label clashes with a class or another individual is known only at the end.
"""

from __future__ import annotations

from collections import defaultdict

import owlready2

from ..vocab import ONTOLOGY_NS
from .abox import ABox, Individual, Schema

#: The property values labelling reads (an arm's trial and agents, a measurement's endpoint ...).
READS = frozenset(("armOf", "armIntervention", "armCohort", "timepoint", "forLineOfTherapy", "measuresEndpoint",
                   "valueText", "unit"))


class Index:
    """The values of :data:`READS` per individual, in the order stated, inverse facts included."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.direct: dict[tuple[str, str], list] = defaultdict(list)
        self.inverse: dict[tuple[str, str], list] = defaultdict(list)
        self._inverse_name: dict[str, str | None] = {}

    def add(self, subject: Individual, prop: str, value) -> None:
        if prop in READS:
            values = self.direct[subject.key, prop]
            if value not in values:
                values.append(value)
        if isinstance(value, Individual):
            inverse = self._inverse_of(prop)
            if inverse in READS:
                values = self.inverse[value.key, inverse]
                if subject not in values:
                    values.append(subject)

    def _inverse_of(self, prop: str) -> str | None:
        if prop not in self._inverse_name:
            term = self.schema.inverse.get(self.schema.term(prop))
            ours = term is not None and term.startswith(f"<{ONTOLOGY_NS}")
            self._inverse_name[prop] = term[len(ONTOLOGY_NS) + 1:-1] if ours else None
        return self._inverse_name[prop]

    def values(self, ind: Individual, prop: str) -> list:
        """``ind``'s values of ``prop``: stated ones first, then those stated through the inverse."""
        out = list(self.direct.get((ind.key, prop), ()))
        out += [v for v in self.inverse.get((ind.key, prop), ()) if v not in out]
        return out


def _label(ind: Individual) -> str:
    return ind.label if ind.label is not None else ind.key


def label_trial_parts(abox: ABox, index: Index, owner: dict[str, str]) -> None:
    """Name arms, measurements and hazard ratios once every trial has its name."""
    individuals = abox.individuals
    for ind in list(individuals.values()):
        trials = index.values(ind, "armOf") if "TrialArm" in ind.types else []
        if trials:
            agents = " + ".join(sorted(_label(a) for a in index.values(ind, "armIntervention")))
            cohort = "".join(f" ({c})" for c in index.values(ind, "armCohort"))  # one of several arms of those agents
            ind.label = f"{_label(trials[0])}: {agents} arm{cohort}"
    for ind in list(individuals.values()):
        if "OutcomeMeasurement" in ind.types:
            when = "".join(f" at {t}" for t in index.values(ind, "timepoint"))
            lines = "".join(f", {_label(x)}" for x in index.values(ind, "forLineOfTherapy"))
            endpoint = index.values(ind, "measuresEndpoint")[0]
            ind.label = f"{_label(endpoint)}{when}{lines} ({_label(individuals[owner[ind.key]])})"
        elif "HazardRatio" in ind.types:
            endpoint = index.values(ind, "measuresEndpoint")[0]
            ind.label = f"{_label(endpoint)} hazard ratio ({_label(individuals[owner[ind.key]])})"


def _label_key(text: str) -> str:
    return " ".join(str(text).split()).casefold()


class _ClassNames:
    """The label of an individual's nearest named class whose label is not its own ("drug class term")."""

    def __init__(self, onto: owlready2.Ontology) -> None:
        self.onto = onto

    def __call__(self, ind: Individual) -> str:
        own = _label_key(ind.label) if ind.label is not None else ""
        todo = [self.onto[name] for name in ind.types]
        while todo:
            cls = todo.pop(0)
            text = str(cls.label[0]) if getattr(cls, "label", None) else ""
            if text and _label_key(text) != own:
                return text[0].lower() + text[1:] if text[1:2].islower() else text
            todo.extend(c for c in getattr(cls, "is_a", ()) if isinstance(c, owlready2.ThingClass))
        return ""


def unique_labels(abox: ABox, index: Index) -> None:
    """Give every individual a label no class and no other individual has (an OBO convention).

    A clash is resolved by qualifying with the class ("monoclonal antibody (drug class
    term)"), then, among individuals of one class, by the value they carry, then by their
    key; a step is used only where it tells the clashing entities apart.  The former label
    stays a synonym, so lookups by the name the text used still find the individual.
    """
    onto = abox.schema.onto
    labelled = [ind for ind in abox.individuals.values() if ind.label is not None]
    keys = [_label_key(ind.label) for ind in labelled]  # worked out once, again only for a relabelled one
    class_keys = {_label_key(c.label[0]) for c in onto.classes() if c.label}

    def carried(ind: Individual) -> str:
        return " ".join(map(str, [*index.values(ind, "valueText"), *index.values(ind, "unit")]))

    for step in (_ClassNames(onto), carried, lambda ind: ind.key):
        groups: dict[str, list[int]] = {}  # label key -> positions in ``labelled``, as the labels stood
        for position, key in enumerate(keys):
            groups.setdefault(key, []).append(position)
        for key, group in groups.items():
            if key not in class_keys and len(group) < 2:
                continue
            qualifiers = [step(labelled[position]) for position in group]
            if key in class_keys or len(set(qualifiers)) > 1:
                for position, qualifier in zip(group, qualifiers):
                    if qualifier:
                        ind = labelled[position]
                        _relabel(ind, f"{ind.label} ({qualifier})")
                        keys[position] = _label_key(ind.label)


def _relabel(ind: Individual, label: str) -> None:
    old = ind.label
    ind.label = label
    if old not in ind.synonyms:
        ind.synonyms.append(old)


__all__ = ["Index", "label_trial_parts", "unique_labels"]
