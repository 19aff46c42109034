"""Run HermiT over the populated World; name the culprits when it is inconsistent.

Cost control: the cardinality-defined classes (multikinase inhibitor = inhibits at least
two kinases; combination regimen = at least two components) need individuals declared
different.  ``AllDifferent`` is restricted to Kinase individuals, whose number grows with
the vocabulary rather than the corpus, and to each regimen's own components (a few per
regimen), so reasoning stays near linear in the number of documents.

HermiT's inconsistency error carries no explanation; :func:`explain_inconsistency` checks
each individual's asserted and domain/range-implied types against the disjointness
axioms and names the individual, the clashing classes and the evidence behind them.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from typing import Iterator

import owlready2
import rdflib

from ..errors import InconsistentGraphError, ReasonerError
from .populate import Populated

Triple = tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]


@dataclass(frozen=True)
class Reasoned:
    """The World after reasoning and the triples the reasoner added."""

    populated: Populated
    inferred: frozenset[Triple]
    seconds: float


def _abox_triples(world: owlready2.World) -> set[Triple]:
    return {t for t in world.as_rdflib_graph() if not isinstance(t[0], rdflib.BNode)}


def reason(populated: Populated) -> Reasoned:
    """Classify and infer property values with HermiT; raise with culprits if inconsistent."""
    world, onto = populated.world, populated.onto
    kinase = onto["Kinase"]
    with onto:
        kinases = sorted((i for i in populated.individuals.values() if kinase in i.is_a), key=lambda i: i.name)
        if len(kinases) > 1:
            owlready2.AllDifferent(kinases)
        for regimen in sorted(populated.individuals.values(), key=lambda i: i.name):
            parts = sorted(getattr(regimen, "hasComponent", []), key=lambda i: i.name)
            if len(parts) > 1:  # a regimen's components are distinct by construction
                owlready2.AllDifferent(parts)
    before = _abox_triples(world)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hcc-kg-hermit-") as scratch:
        saved, tempfile.tempdir = tempfile.tempdir, scratch  # HermiT's temp files die with the run
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError as exc:
            culprits = explain_inconsistency(populated)
            raise InconsistentGraphError("HermiT: the graph is inconsistent", culprits) from exc
        except (owlready2.OwlReadyJavaError, OSError) as exc:
            raise ReasonerError(f"HermiT could not run (is Java installed?): {exc}") from exc
        finally:
            tempfile.tempdir = saved
    seconds = time.perf_counter() - started
    inferred = frozenset(_abox_triples(world) - before)
    return Reasoned(populated, inferred, seconds)


def _named(classes) -> list:
    return [c for c in classes if isinstance(c, owlready2.ThingClass)]


def _type_reasons(ind) -> Iterator[tuple[object, str, object]]:
    """(class, why, triple) for every type an individual has or is given by a domain/range."""
    for cls in _named(ind.is_a):
        yield cls, "asserted type", None
    for prop in ind.get_properties():
        if not isinstance(prop, owlready2.ObjectPropertyClass):
            continue
        for value in prop[ind]:
            for cls in _named(prop.domain):
                yield cls, f"subject of {prop.name}", (ind, prop, value)
    for subject, prop in ind.get_inverse_properties():
        for cls in _named(getattr(prop, "range", [])):
            yield cls, f"object of {prop.name} from {subject.name}", (subject, prop, ind)


def _disjoint_sets(onto: owlready2.Ontology) -> list[list]:
    return [_named(d.entities) for d in onto.disjoint_classes()]


def _evidence_text(onto, triple) -> str:
    if triple is None:
        return ""
    evidence = onto.hasEvidence[triple[0], triple[1], triple[2]]
    spans = [f"{e.fromDocument[0].documentId}:{e.startOffset}-{e.endOffset}" for e in evidence
             if e.fromDocument and e.startOffset is not None]
    return f" [evidence {', '.join(sorted(spans))}]" if spans else ""


def explain_inconsistency(populated: Populated) -> list[str]:
    """Human-readable clashes: individual, two disjoint classes, and why it has each."""
    onto = populated.onto
    disjoint = _disjoint_sets(onto)
    culprits = []
    for key, ind in sorted(populated.individuals.items()):
        reasons: dict[object, list[str]] = {}
        for cls, why, triple in _type_reasons(ind):
            for ancestor in cls.ancestors():
                reasons.setdefault(ancestor, []).append(why + _evidence_text(onto, triple))
        for group in disjoint:
            clash = [c for c in group if c in reasons]
            if len(clash) >= 2:
                a, b = clash[:2]
                culprits.append(f"{key} is both {a.name} ({'; '.join(reasons[a])}) and {b.name} "
                                f"({'; '.join(reasons[b])}), which are disjoint")
    return culprits or ["no direct disjointness clash found; the contradiction runs through defined classes"]
