"""Run HermiT over a summary of the ABox; name the culprits when it is inconsistent.

HermiT classifies (``-c -O -D -I -Y``, what owlready2's ``sync_reasoner_hermit`` asks
for) a summary of the ABox (:mod:`hcc_kg.owl.summary`): one representative per group of
alike individuals, plus probes for data values.  Realisation (typing every individual)
is the step whose cost grew with the square of the individuals; on the summary it stays
near constant as documents are added, and so does HermiT's memory.  A consistent summary
means a consistent ABox; an inconsistent one is confirmed on the whole ABox (HermiT
``-k``) before the build stops, and if the whole ABox turns out consistent after all, it
is classified whole.

What HermiT reports and the ABox does not assert is the inference: a representative's
new types go to every individual it stands for.  This is the set owlready2 would add
(same HermiT options, same "not yet asserted" rule); the store writes it as triples
marked ``assertionStatus "inferred"`` (:func:`hcc_kg.owl.abox.inferred_triples`).  Neither
owlready2 nor HermiT ever holds the ABox itself: HermiT reads the TBox (from the World that
holds only the ontology) and the summary, which is built from the ABox's triples
(:meth:`hcc_kg.owl.abox.ABox.logical_triples`), made afresh on each of the few passes that
read them (:meth:`hcc_kg.owl.summary.Split.streamed`): no list of every triple is held.

Cardinality-defined classes (multikinase inhibitor = inhibits at least two kinases;
combination regimen = at least two components) need individuals known to be different.
``AllDifferent`` covers only Kinase individuals (their number grows with the vocabulary,
not the corpus) and each regimen's own components (a few per regimen).

HermiT's inconsistency error carries no explanation; :func:`explain_inconsistency` checks
each individual's asserted and domain/range-implied types against the disjointness
axioms and names the individual, the clashing classes and the evidence behind them.  Only
then, on the way to failing the build, is the ABox loaded into owlready2 to explain it.
"""

from __future__ import annotations

import io
import itertools
import re
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator

import owlready2

from ..errors import InconsistentGraphError
from ..signals import signals_deferred, signals_held
from ..vocab import RESOURCE_NS
from . import summary as S
from .hermit import CLASSIFY, CONSISTENCY, WarmHermit, run_hermit
from .java import DEFAULT_REASONER_TIMEOUT, ReasonerCache, TimeLimit
from .populate import Populated

_RESULT_RE = re.compile(r"^([A-Za-z]+)\( ((?:<[^>]+>\s*)+) \)$", re.MULTILINE)
_VALUES_RE = re.compile(r"^<([^>]+)> \(known instances:\s*(.*?)(?:\s*\|\s*)possible instances:", re.MULTILINE)
_IS_A = {"SubClassOf": f"<{S.RDFS}subClassOf>", "SubObjectPropertyOf": f"<{S.RDFS}subPropertyOf>",
         "SubDataPropertyOf": f"<{S.RDFS}subPropertyOf>", "Type": S.TYPE}
_EQUIVALENT = {"EquivalentClasses": f"<{S.OWL}equivalentClass>",
               "EquivalentObjectProperties": f"<{S.OWL}equivalentProperty>",
               "EquivalentDataProperties": f"<{S.OWL}equivalentProperty>"}
_NOTHING = f"<{S.OWL}Nothing>"


@dataclass(frozen=True)
class Reasoned:
    """The ABox, the triples the reasoner added (N-Triples terms), and what it was given."""

    populated: Populated
    inferred: frozenset[S.Triple]
    seconds: float
    individuals: int = 0
    representatives: int = 0
    summary_blockers: tuple[str, ...] = ()


def distinct_groups(populated: Populated, split: S.Split) -> list[list[str]]:
    """Individuals declared pairwise different: all kinases; each regimen's components."""
    onto = populated.onto
    kinase, has, part_of = (f"<{e.iri}>" for e in (onto.Kinase, onto.hasComponent, onto.isComponentOf))
    kinases: list[str] = []
    parts: dict[str, set[str]] = defaultdict(set)
    for s, p, o in split.abox:  # one pass: the ABox's triples are made afresh for each
        if p == has:
            parts[s].add(o)
        elif p == part_of:
            parts[o].add(s)
        elif p == S.TYPE and o == kinase:
            kinases.append(s)
    groups = [sorted(kinases)] + [sorted(parts[regimen]) for regimen in sorted(parts)]
    return [g for g in groups if len(g) > 1]


def _classify(split: S.Split, groups: list[list[str]], blockers: list[str], limit: TimeLimit | None = None,
              cache: ReasonerCache | None = None, warm: WarmHermit | None = None) -> tuple[str, S.Summary]:
    """HermiT's classification output and the summary it ran on (the whole ABox if need be).
    ``warm`` (a JVM started early) serves the first run only."""
    if not blockers:
        summary = S.summarise(split, groups)
        try:
            return run_hermit(CLASSIFY, split.tbox + summary.abox, limit, cache, warm), summary
        except owlready2.OwlReadyInconsistentOntologyError:
            whole = S.whole(split, groups)  # built only when needed: a copy of the whole ABox
            run_hermit(CONSISTENCY, split.tbox + whole.abox, limit, cache)  # raises if the whole ABox is inconsistent too
            return run_hermit(CLASSIFY, split.tbox + whole.abox, limit, cache), whole
    whole = S.whole(split, groups)
    return run_hermit(CLASSIFY, split.tbox + whole.abox, limit, cache, warm), whole


def reported_relations(output: str) -> Iterator[S.Triple]:
    """Triples HermiT's output states (owlready2's reading of it: no OWL built-ins as subjects)."""
    for relation, names in _RESULT_RE.findall(output):
        iris = [f"<{n}>" for n in names.strip()[1:-1].split("> <")]
        if relation in _IS_A and not iris[0].startswith(f"<{S.OWL}"):
            yield iris[0], _IS_A[relation], iris[1]
        elif relation in _EQUIVALENT:
            named = [i for i in iris if not i.startswith(f"<{S.OWL}")]
            if _NOTHING in iris:
                yield from ((i, _EQUIVALENT[relation], _NOTHING) for i in named)
            else:
                yield from ((a, _EQUIVALENT[relation], b) for a in named for b in named if a != b)
    for prop, known in _VALUES_RE.findall(output):
        for pair in known.strip()[1:-1].split(")(") if known.strip() else ():
            a, b = pair[1:-1].split(">, <", 1)
            yield f"<{a}>", f"<{prop}>", f"<{b}>"


_CLASS_LEVEL = (S.TYPE, *_IS_A.values(), *_EQUIVALENT.values())


def _neighbours(split: S.Split, wanted: set[str]) -> dict[str, set[str]]:
    """The individuals each of ``wanted`` is linked to by an object property (either way)."""
    out: dict[str, set[str]] = defaultdict(set)
    for s, p, o in split.abox:
        if p in split.object_properties:
            if s in wanted:
                out[s].add(o)
            if o in wanted:
                out[o].add(s)
    return out


def _expand(triple: S.Triple, summary: S.Summary, neighbours: dict[str, set[str]],
            member_sets: dict[str, set[str]]) -> Iterator[S.Triple]:
    """A representative's relation, for every individual it stands for."""
    s, p, o = triple
    subjects = summary.members.get(s, [s])
    if _class_level(triple, summary):
        yield from ((m, p, o) for m in subjects)
    else:  # a property value between two representatives: between the linked individuals they stand for
        objects = member_sets.get(o)
        if objects is None:  # once per representative, not once per relation reported about it
            objects = member_sets[o] = set(summary.members[o])
        yield from ((m, p, n) for m in subjects for n in neighbours[m] & objects)


def _class_level(triple: S.Triple, summary: S.Summary) -> bool:
    return triple[1] in _CLASS_LEVEL or triple[2] not in summary.members


def inferred_triples(output: str, split: S.Split, summary: S.Summary) -> set[S.Triple]:
    """Relations HermiT reports that are not asserted (nor asserted as the inverse).

    Probes are left out: they only check data values.  The ABox is read twice, never held:
    once for the neighbours of the individuals a reported property value is about, once
    for which of the reported relations (or their inverses) it asserts.
    """
    reported = [t for t in reported_relations(output) if not any(term.startswith(f"<{S.PROBE}") for term in t)]
    # the individuals a representative stands for share its asserted types: an asserted type of the
    # representative is asserted of each of them (not hundreds of thousands of candidates to drop)
    stated = {t for t in summary.abox if t[1] == S.TYPE}
    reported = [t for t in reported if t not in stated]
    inverse = dict((s, o) for s, p, o in split.tbox if p == f"<{S.OWL}inverseOf>")
    inverse.update({o: s for s, o in list(inverse.items())})
    linked = {m for t in reported if not _class_level(t, summary) for m in summary.members.get(t[0], [t[0]])}
    neighbours = _neighbours(split, linked) if linked else {}
    member_sets: dict[str, set[str]] = {}
    candidates = {t for triple in reported for t in _expand(triple, summary, neighbours, member_sets)}
    del neighbours, member_sets
    inverted = {(o, inverse[p], s) for s, p, o in candidates if p in inverse}
    asked = candidates | inverted
    asserted = {t for t in itertools.chain(split.tbox, split.abox) if t in asked}
    del asked, inverted
    return {(s, p, o) for s, p, o in candidates
            if (s, p, o) not in asserted and (p not in inverse or (o, inverse[p], s) not in asserted)}


def reason(populated: Populated, timeout: float = DEFAULT_REASONER_TIMEOUT,
           cache: ReasonerCache | None = None, limit: TimeLimit | None = None,
           warm: WarmHermit | None = None) -> Reasoned:
    """Classify and infer with HermiT; raise with culprits if inconsistent.

    ``timeout`` bounds every HermiT run of this call together (ReasonerTimeoutError), or
    ``limit`` when given (:class:`Reasoning` cancels it); ``cache`` gives HermiT's output on an
    input it has seen without starting Java; ``warm`` is a HermiT JVM started early
    (:class:`hcc_kg.owl.hermit.WarmHermit`), used when it fits the input and closed either way.
    """
    limit = limit or TimeLimit.start(timeout)
    started = time.perf_counter()
    split = S.Split.streamed(S.logical_triples(populated.tbox), populated.abox.logical_triples)
    groups = distinct_groups(populated, split)
    blockers = S.summary_blockers(split)
    try:
        output, summary = _classify(split, groups, blockers, limit, cache, warm)
    except owlready2.OwlReadyInconsistentOntologyError as exc:
        raise InconsistentGraphError("HermiT: the graph is inconsistent", explain_inconsistency(populated)) from exc
    inferred = inferred_triples(output, split, summary)
    return Reasoned(populated, frozenset(inferred), time.perf_counter() - started, len(split.individuals),
                    summary.representative_count(), tuple(blockers))


class Reasoning:
    """:func:`reason` on a thread of its own, so the build goes on while HermiT's JVM runs.

    The thread holds the GIL only while it builds HermiT's input and reads its output; while
    the JVM reasons (on the machine's other core) it waits in ``select``, and the caller's
    thread works on whatever does not need the inferences (the asserted triples into the
    store).  :meth:`result` gives what :func:`reason` returns, or raises what it raised.  Used
    as a context manager: a caller leaving the block without the result (an error, Ctrl-C,
    SIGTERM) cancels the run's :class:`~hcc_kg.owl.java.TimeLimit`, so the JVM's process group
    is killed, and waits for the thread.  The thread starts on entering the block (or with
    :meth:`start`), so a caller can register the object for clean-up before anything runs: a
    signal arriving while the thread starts then still stops it.
    """

    def __init__(self, populated: Populated, timeout: float = DEFAULT_REASONER_TIMEOUT,
                 cache: ReasonerCache | None = None, warm: WarmHermit | None = None) -> None:
        self._limit = TimeLimit.start(timeout)
        self._outcome: tuple[Reasoned | None, BaseException | None] = (None, None)
        self._collected = False
        # set by the thread as its last act; waited on instead of Thread.join, which CPython 3.11 marks done
        # when a signal handler interrupts it (bpo-45274's fix): a second join then returns while HermiT runs
        self._ended = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(populated, cache, warm), name="hcc-kg-reason", daemon=True)

    def start(self) -> "Reasoning":
        """Start the reasoner's thread (once); the object, for chaining."""
        if self._thread.ident is None:
            # a SIGTERM handled inside Thread.start (it waits for the thread to run) would leave the thread running
            # unknown to cancel(), which then closed the warm JVM under it: handled once the thread is known to run.
            # The thread keeps them held for good (it inherits the mask): a stopping signal then always goes to the
            # main thread, which alone runs Python's handlers; taken by this thread, it would wait unhandled while
            # the main thread blocks on the result (java, started here with them held too, is killed by SIGKILL)
            with signals_deferred(), signals_held():
                self._thread.start()
        return self

    def _run(self, populated: Populated, cache: ReasonerCache | None, warm: WarmHermit | None) -> None:
        try:
            self._outcome = (reason(populated, self._limit.seconds, cache, self._limit, warm), None)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread by result()
            self._outcome = (None, exc)
        finally:
            if warm is not None:
                warm.close()  # unused (an error before HermiT ran): not left waiting
            self._limit.started.set()  # no Java started (a cache hit, an error): nothing to wait for
            self._ended.set()

    def wait_started(self) -> None:
        """Wait until HermiT's JVM runs (or the thread ended without one): the input is built in
        Python, so work on the caller's thread before that only delays the JVM (the GIL)."""
        self._limit.started.wait()

    def result(self) -> Reasoned:
        """Wait for the reasoner; its :class:`Reasoned`, or the exception it raised."""
        self.start()
        self._ended.wait()
        self._collected = True
        reasoned, error = self._outcome
        self._outcome = (None, None)  # handed over: the caller decides how long the ABox lives
        if error is not None:
            raise error
        return reasoned

    def cancel(self) -> None:
        """Stop HermiT (its process group is killed) and wait for the thread to end (if it started)."""
        self._limit.cancel()
        if self._thread.ident is not None:
            self._ended.wait()

    def __enter__(self) -> "Reasoning":
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        if not self._collected:
            self.cancel()


def _named(classes) -> list:
    return [c for c in classes if isinstance(c, owlready2.ThingClass)]


def _slots(ind) -> Iterator[tuple[object, str, object]]:
    """(class expression, why, triple) for every type an individual has or a domain/range asks of it."""
    for cls in ind.is_a:
        yield cls, "asserted type", None
    for prop in ind.get_properties():
        if isinstance(prop, owlready2.ObjectPropertyClass):
            for value in prop[ind]:
                for cls in prop.domain:
                    yield cls, f"subject of {prop.name}", (ind, prop, value)
    for subject, prop in ind.get_inverse_properties():
        for cls in getattr(prop, "range", []):
            yield cls, f"object of {prop.name} from {subject.name}", (subject, prop, ind)


def _type_reasons(ind) -> Iterator[tuple[object, str, object]]:
    """(class, why, triple) for every named class an individual has or is given by a domain/range."""
    return ((cls, why, triple) for cls, why, triple in _slots(ind) if isinstance(cls, owlready2.ThingClass))


def _union_slots(ind) -> Iterator[tuple[list, str, object]]:
    """(member classes, why, triple) for every union ("A or B") a domain or range asks of an individual."""
    return ((_named(cls.Classes), why, triple) for cls, why, triple in _slots(ind)
            if triple is not None and isinstance(cls, owlready2.Or))


def _disjoint_sets(onto: owlready2.Ontology) -> list[list]:
    return [_named(d.entities) for d in onto.disjoint_classes()]


def _evidence_text(onto, triple) -> str:
    if triple is None:
        return ""
    evidence = onto.hasEvidence[triple[0], triple[1], triple[2]]
    spans = [f"{_document_name(e.fromDocument[0])}:{e.startOffset}-{e.endOffset}" for e in evidence
             if e.fromDocument and e.startOffset is not None]
    return f" [evidence {', '.join(sorted(spans))}]" if spans else ""


def _document_name(document) -> str:
    """The file name (the document's label) where known, else its content id."""
    return str(document.label[0]) if document.label else str(document.documentId)


def _loaded(populated: Populated) -> dict[str, owlready2.Thing]:
    """The ABox loaded into the (TBox) World, for explaining: key -> owlready2 individual."""
    axiom = f"<{RESOURCE_NS}axiom__"  # owlready2 reads annotations from blank axiom nodes only
    data = S.to_ntriples(tuple(f"_:{n[len(axiom):-1]}" if n.startswith(axiom) else n for n in t)
                         for t in populated.abox.triples())
    populated.world.get_ontology("urn:hcc-kg:abox-explained").load(fileobj=io.BytesIO(data), format="ntriples")
    found = {key: populated.world[ind.iri[1:-1]] for key, ind in populated.individuals.items()}
    return {key: ind for key, ind in found.items() if ind is not None}


def _disjoint_with(cls, other, disjoint: list[list]) -> bool:
    return any(cls in group and other in group and cls is not other for group in disjoint)


def explain_inconsistency(populated: Populated) -> list[str]:
    """Human-readable clashes: individual, two disjoint classes (or a class and every member of a union that
    a domain or range asks for), and why it has each."""
    onto = populated.onto
    disjoint = _disjoint_sets(onto)
    culprits = []
    for key, ind in sorted(_loaded(populated).items()):
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
        for members, why, triple in _union_slots(ind):
            held = next((c for c in reasons if members and all(_disjoint_with(c, m, disjoint) for m in members)), None)
            if held is not None:
                culprits.append(f"{key} is {held.name} ({'; '.join(reasons[held])}) but, as the {why}"
                                f"{_evidence_text(onto, triple)}, must be {' or '.join(m.name for m in members)}, "
                                f"which are disjoint with it")
    return culprits or ["no direct disjointness clash found; the contradiction runs through defined classes"]
