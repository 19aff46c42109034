"""The reasoner's input: the TBox's logical triples, and a summary of the ABox to classify.

HermiT's realisation (typing every individual) grows with the square of the ABox here:
each uncertain type of each individual costs a test over the whole ABox.  Two exact
reductions keep what it is given small and near constant in the corpus size:

1. **Annotations are not logic.**  Evidence links (``owl:Axiom`` reifications), labels,
   synonyms and identifiers are dropped (:func:`logical_triples`).
2. **Only what a definition reads needs to be linked.**  A property that no class
   expression mentions (``hasArm``, ``fromDocument``, ...) only ever gives its two ends
   their domain and range; its edge is replaced by ``R some Thing`` on the subject and
   ``inverse(R) some Thing`` on the object, and data values by ``D some Literal``.  Then
   individuals that look alike (same classes, same marks, and links to alike individuals,
   computed by partition refinement, a bisimulation) share one representative.  Trial
   arms, measurements, evidence records and copies of the same drug profile collapse to a
   few dozen representatives.

Both steps are exact for ontologies without nominals, universal or at-most restrictions,
object property characteristics or chains, and without restrictions on inverse or data
properties (:func:`summary_blockers` lists what breaks this; the caller then classifies
the whole ABox).  Counting (``min 2``) stays exact because members of one
``AllDifferent`` group never share a representative.

Data values matter only for consistency, and only value by value: a value outside its
property's range, or two values of a functional property.  The summary therefore keeps
(a) one *probe* individual per distinct value that is not plainly inside its range (a
value of the range's own datatype, or an integer within an XSD integer type's bounds, is),
and (b) individuals with several values of a functional property as themselves, values
included.  A consistent summary then means a consistent ABox (each individual is an
unfolded copy of its representative); an inconsistent one is confirmed on the whole ABox.

Representatives are named by their structure (:func:`_canonical_names`): a hash of their
classes, marks and links, never the name of the individual that happened to come first.  So
the summary, and HermiT's input, depend only on the distinct structure of the ABox: a
document like those already read adds individuals but changes nothing HermiT is given.

Triples are N-Triples term strings (``<iri>``, ``_:b1``, ``"lit"^^<dt>``).  The ABox's come
from :meth:`hcc_kg.owl.abox.ABox.logical_triples`; the TBox's from the World holding the
ontology (:func:`hcc_kg.owl.tbox.tbox_triples`).
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from rdflib.util import from_n3

from ..gc_control import gc_paused
from .summary_parts import _Parts, _parts
from .terms import NAMED_INDIVIDUAL, OWL, RDF, RDFS, TYPE, XSD

Triple = tuple[str, str, str]

PROBE = "urn:hcc-kg:probe:"
REPRESENTATIVE = "urn:hcc-kg:representative:"
_BUILTIN_ANNOTATIONS = {f"<{RDFS}{n}>" for n in ("label", "comment", "seeAlso", "isDefinedBy")} | {
    f"<{OWL}{n}>" for n in ("versionInfo", "deprecated", "priorVersion", "backwardCompatibleWith",
                            "incompatibleWith", "imports")}
_REIFICATIONS = {f"<{OWL}Axiom>", f"<{OWL}Annotation>"}
#: Constructs under which the summary would not be exact (see the module docstring).
_BLOCKING_PREDICATES = {f"<{OWL}{n}>" for n in (
    "allValuesFrom", "maxCardinality", "maxQualifiedCardinality", "cardinality", "qualifiedCardinality",
    "hasValue", "hasSelf", "complementOf", "propertyChainAxiom", "hasKey", "propertyDisjointWith",
    "sameAs", "differentFrom")}
#: Value bounds of XSD's integer types: an integer literal inside them needs no probe.
_INTEGER_BOUNDS = {"integer": (None, None), "nonNegativeInteger": (0, None), "positiveInteger": (1, None),
                   "nonPositiveInteger": (None, 0), "negativeInteger": (None, -1), "long": (-2**63, 2**63 - 1),
                   "int": (-2**31, 2**31 - 1), "short": (-2**15, 2**15 - 1), "byte": (-2**7, 2**7 - 1),
                   "unsignedLong": (0, 2**64 - 1), "unsignedInt": (0, 2**32 - 1), "unsignedShort": (0, 2**16 - 1),
                   "unsignedByte": (0, 2**8 - 1)}
_BLOCKING_TYPES = {f"<{OWL}{n}>" for n in (
    "FunctionalProperty", "InverseFunctionalProperty", "TransitiveProperty", "SymmetricProperty",
    "AsymmetricProperty", "ReflexiveProperty", "IrreflexiveProperty", "AllDisjointProperties")}


def logical_triples(triples: Iterable[Triple]) -> list[Triple]:
    """``triples`` without annotation assertions and axiom reifications (no logical content)."""
    triples = list(triples)
    annotation = {s for s, p, o in triples if p == TYPE and o == f"<{OWL}AnnotationProperty>"}
    annotation |= _BUILTIN_ANNOTATIONS
    reified = {s for s, p, o in triples if p == TYPE and o in _REIFICATIONS}
    return [t for t in triples if t[1] not in annotation and t[0] not in reified]


def to_ntriples(triples: Iterable[Triple]) -> bytes:
    """N-Triples bytes of triples whose terms are already N-Triples strings, one line each.

    >>> to_ntriples([("<a>", "<b>", '"c"')]).decode().split()
    ['<a>', '<b>', '"c"', '.']
    """
    return "".join(f"{s} {p} {o} .\n" for s, p, o in triples).encode("utf-8")


def all_different(groups: Iterable[Iterable[str]], prefix: str = "ad") -> list[Triple]:
    """``owl:AllDifferent`` axioms (with their RDF lists) for each group of individuals."""
    out: list[Triple] = []
    for g, group in enumerate(groups):
        members = list(group)
        node = f"_:{prefix}{g}"
        out.append((node, TYPE, f"<{OWL}AllDifferent>"))
        cells = [f"_:{prefix}{g}c{i}" for i in range(len(members))]
        out.append((node, f"<{OWL}distinctMembers>", cells[0] if cells else f"<{RDF}nil>"))
        for i, (cell, member) in enumerate(zip(cells, members)):
            out.append((cell, f"<{RDF}first>", member))
            out.append((cell, f"<{RDF}rest>", cells[i + 1] if i + 1 < len(cells) else f"<{RDF}nil>"))
    return out


class Passes:
    """Triples made afresh by ``make()`` on every pass, never held as one list.

    >>> passes = Passes(lambda: iter([("<a>", "<p>", "<b>")]))
    >>> list(passes) == list(passes) == [("<a>", "<p>", "<b>")]
    True
    """

    def __init__(self, make: Callable[[], Iterable[Triple]]) -> None:
        self._make = make

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._make())


_KINDS = (f"<{OWL}ObjectProperty>", f"<{OWL}DatatypeProperty>")


@dataclass
class Split:
    """Logical triples split into TBox and ABox, with the property kinds the summary needs.

    ``abox`` is a list (:meth:`of`) or :class:`Passes` (:meth:`streamed`): read it by iterating.
    """

    tbox: list[Triple]
    abox: Iterable[Triple]
    individuals: set[str]
    object_properties: set[str]
    data_properties: set[str]

    @classmethod
    def of(cls, triples: list[Triple]) -> "Split":
        individuals, kinds = {s for s, p, o in triples if p == TYPE and o == NAMED_INDIVIDUAL}, defaultdict(set)
        for s, p, o in triples:
            if p == TYPE and o in _KINDS:
                kinds[o].add(s)
        return cls([t for t in triples if t[0] not in individuals], [t for t in triples if t[0] in individuals],
                   individuals, kinds[_KINDS[0]], kinds[_KINDS[1]])

    @classmethod
    def streamed(cls, tbox: list[Triple], abox: Callable[[], Iterable[Triple]]) -> "Split":
        """What :meth:`of` gives for ``tbox + list(abox())``, the ABox's triples made by ``abox()``
        on each pass instead of held (the reasoner reads them a few times: a little time, where a
        list of every triple of the graph and its copies cost gigabytes at 1,000 documents).

        :meth:`hcc_kg.owl.abox.ABox.logical_triples` declares each individual before its other
        triples, so all of them are ABox triples, as :meth:`of` splits them; if one comes before
        its subject's declaration (or has none), the triples are held and split by :meth:`of`.
        """
        held = cls.of(tbox)
        individuals, kinds = held.individuals, {_KINDS[0]: held.object_properties, _KINDS[1]: held.data_properties}
        early = False  # a triple before its subject's declaration (or with no declaration)
        for s, p, o in abox():
            if p == TYPE and o == NAMED_INDIVIDUAL:
                individuals.add(s)
            elif s not in individuals:
                early = True
            if p == TYPE and o in _KINDS:
                kinds[o].add(s)
        if early:
            return cls.of(tbox + list(abox()))
        head = [t for t in tbox if t[0] in individuals]
        return cls([t for t in tbox if t[0] not in individuals], Passes(lambda: itertools.chain(head, abox())),
                   individuals, kinds[_KINDS[0]], kinds[_KINDS[1]])


def summary_blockers(split: Split) -> list[str]:
    """Constructs that make the summary inexact (empty: the summary is safe)."""
    found = set()
    restricted = set()
    classes = {s for s, p, o in split.tbox if p == TYPE and o == f"<{OWL}Class>"}
    for s, p, o in split.tbox:
        if p in _BLOCKING_PREDICATES or (p == TYPE and o in _BLOCKING_TYPES and s not in split.data_properties):
            found.add(p if p != TYPE else o)  # a functional data property is fine: values are not summarised
        if p == f"<{OWL}oneOf>" and s in classes:
            found.add("owl:oneOf on a class (nominals)")
        if p == f"<{OWL}onProperty>":
            restricted.add(o)
    for prop in restricted:
        if not prop.startswith("<") or prop in split.data_properties:
            found.add(f"restriction on {prop} (an inverse or a data property)")
    found |= {p for s, p, o in split.abox if p in _BLOCKING_PREDICATES}
    return sorted(found)


def used_properties(split: Split) -> set[str]:
    """Object properties some class expression reads, closed under inverse, equivalence, sub-property."""
    used = {o for s, p, o in split.tbox if p == f"<{OWL}onProperty>"}
    links = [(s, o) for s, p, o in split.tbox if p in (f"<{OWL}inverseOf>", f"<{OWL}equivalentProperty>")]
    links += [(o, s) for s, o in links]
    subs = [(s, o) for s, p, o in split.tbox if p == f"<{RDFS}subPropertyOf>"]
    changed = True
    while changed:
        before = len(used)
        used |= {b for a, b in links if a in used}
        used |= {sub for sub, sup in subs if sup in used}
        changed = len(used) != before
    return used & split.object_properties


@dataclass
class Summary:
    """The ABox to classify (TBox excluded) and each representative's members."""

    abox: list[Triple]
    members: dict[str, list[str]] = field(default_factory=dict)  # representative -> individuals (itself included)

    def representative_count(self) -> int:
        return len(self.members)


def in_range(literal: str, range_: str | None) -> bool:
    """True when ``literal`` (N-Triples) is plainly a value of ``range_`` (an IRI term or None).

    >>> natural = f"<{XSD}nonNegativeInteger>"
    >>> in_range(f'"3"^^<{XSD}integer>', natural), in_range(f'"-3"^^<{XSD}integer>', natural)
    (True, False)
    """
    value = from_n3(literal)
    if getattr(value, "ill_typed", False):
        return False
    if range_ in (None, f"<{RDFS}Literal>"):
        return True
    datatype = str(value.datatype or (f"{RDF}langString" if value.language else f"{XSD}string"))
    if f"<{datatype}>" == range_:
        return True
    bounds = _INTEGER_BOUNDS.get(range_[1 + len(XSD):-1]) if range_.startswith(f"<{XSD}") else None
    if datatype != f"{XSD}integer" or bounds is None:
        return False
    low, high = bounds
    number = int(value.toPython())
    return (low is None or number >= low) and (high is None or number <= high)


def _data_checks(split: Split, parts: _Parts) -> tuple[set[str], list[Triple]]:
    """Individuals to keep with their values (several values of a functional property), and probes."""
    ranges: dict[str, list[str]] = defaultdict(list)
    for s, p, o in split.tbox:
        if p == f"<{RDFS}range>" and s in split.data_properties:
            ranges[s].append(o)
    keep = set(parts.several)
    if keep:  # rare (the graph is then inconsistent): a second look for all their values
        for s, p, o in split.abox:
            if s in keep and p in split.data_properties:
                parts.verbatim.add(s, (p, o))
    unclear = sorted((p, o) for p, o in parts.pairs
                     if not (len(ranges[p]) <= 1 and in_range(o, ranges[p][0] if ranges[p] else None)))
    probes = []
    for n, (p, o) in enumerate(unclear):
        probes += [(f"<{PROBE}{n}>", TYPE, NAMED_INDIVIDUAL), (f"<{PROBE}{n}>", p, o)]
    return keep, probes


def _refine(individuals: list[str], initial: dict[str, tuple],
            edges: dict[str, set[tuple[str, str, str]]]) -> dict[str, int]:
    """Bisimulation classes: same initial key and links (both directions) to the same classes.

    Links go both ways, so a linked individual links only to linked ones: only they are
    refined (most individuals, evidence records among them, have no link and keep their
    initial class; refining them too would split nothing).  Refined classes are numbered
    after the initial ones, so the two never share a number.
    """
    ids: dict[tuple, int] = {}
    cls = {i: ids.setdefault(initial[i], len(ids)) for i in individuals}
    linked = [i for i in individuals if edges.get(i)]
    offset, count = len(ids), len({cls[i] for i in linked})
    while True:
        ids = {}
        new = {i: offset + ids.setdefault((cls[i], frozenset((d, p, cls[n]) for d, p, n in edges[i])), len(ids))
               for i in linked}
        cls.update(new)
        if len(ids) == count:
            return cls
        count = len(ids)


def summarise(split: Split, groups: list[list[str]]) -> Summary:
    """One representative per bisimulation class; ``groups`` are AllDifferent sets (kept apart)."""
    with gc_paused():  # keys, links and classes of every individual: millions of objects, no cycle
        return _summarise(split, groups)


def _summarise(split: Split, groups: list[list[str]]) -> Summary:
    parts = _parts(split, used_properties(split))
    edges: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for s, p, o in parts.edges:
        edges[s].add(("out", p, o))
        edges[o].add(("in", p, s))
    individuals = sorted(split.individuals)
    unique, probes = _data_checks(split, parts)
    key = parts.key  # individuals share a few keys: each one tuple, asked again rather than held
    while True:
        plain: dict[tuple, tuple] = {}  # one (key, "") for all individuals of a key
        initial = {i: (key(i), i) if i in unique else plain.setdefault(key(i), (key(i), "")) for i in individuals}
        cls = _refine(individuals, initial, edges)
        del initial, plain
        clashes = _sharing(groups, cls) - unique
        if not clashes:
            break
        unique |= clashes  # members of one AllDifferent group must keep distinct representatives
    members: dict[int, list[str]] = defaultdict(list)
    for i in individuals:
        members[cls[i]].append(i)
    firsts = [group[0] for group in members.values()]  # only they are read for the structure
    names = _canonical_names(members, cls, {i: (key(i), i in unique) for i in firsts}, edges)
    chosen = {names[c]: group[0] for c, group in members.items()}  # whose triples stand for the class
    quoted = set(chosen.values())  # representatives only for the individuals the quotient names
    named = {x for s, p, o in parts.edges if s in quoted for x in (s, o)} | {m for g in groups for m in g}
    rep_of = {i: names[cls[i]] for i in named}
    return Summary(_quotient(rep_of, chosen, parts, groups) + probes, {names[c]: g for c, g in members.items()})


def _sharing(groups: list[list[str]], cls: dict[str, int]) -> set[str]:
    """The members of a group that share their class with another member of it (counted once per group: a group of
    every kinase the corpus names grows with it, and comparing each member with each was quadratic).

    >>> sorted(_sharing([["a", "b", "c"], ["d", "e"]], {"a": 1, "b": 1, "c": 2, "d": 3, "e": 4}))
    ['a', 'b']
    """
    out: set[str] = set()
    for group in groups:
        counts = Counter(cls[m] for m in group)
        out.update(m for m in group if counts[cls[m]] > 1)
    return out


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _canonical_names(members: dict[int, list[str]], cls: dict[str, int], structure: dict[str, tuple],
                     edges: dict[str, set[tuple[str, str, str]]]) -> dict[int, str]:
    """A representative IRI per class, from its structure alone (refinement on the quotient).

    The IRIs depend on what the classes are, not on which member sorts first.  Classes that
    stay alike are individuals kept apart on purpose (members of one ``AllDifferent``
    group): they are interchangeable, and numbered.
    """
    first = {c: group[0] for c, group in members.items()}
    links = {c: {(d, p, cls[n]) for d, p, n in edges.get(i, ())} for c, i in first.items()}
    names = {c: _digest(repr(structure[i])) for c, i in first.items()}
    count = len(set(names.values()))
    while count < len(members):
        names = {c: _digest(names[c] + "".join(sorted(f"|{d} {p} {names[n]}" for d, p, n in links[c])))
                 for c in members}
        before, count = count, len(set(names.values()))
        if count == before:
            break
    seen: dict[str, int] = defaultdict(int)
    for c in sorted(members, key=lambda c: (names[c], first[c])):
        seen[names[c]] += 1
        names[c] += f"-{seen[names[c]]}"
    return {c: f"<{REPRESENTATIVE}{name}>" for c, name in names.items()}


def _quotient(rep_of: dict[str, str], chosen: dict[str, str], parts: _Parts,
              groups: list[list[str]]) -> list[Triple]:
    out: list[Triple] = []
    for n, rep in enumerate(sorted(chosen)):
        member = chosen[rep]
        out.append((rep, TYPE, NAMED_INDIVIDUAL))
        out.extend((rep, TYPE, t) for t in sorted(parts.types.get(member)))
        out.extend((rep, p, o) for p, o in sorted(parts.verbatim.get(member)))
        for k, (kind, prop) in enumerate(sorted(parts.marks.get(member))):
            out.extend(_existential(rep, kind, prop, f"_:m{n}x{k}"))
    members = set(chosen.values())
    edges = {(rep_of[s], p, rep_of[o]) for s, p, o in parts.edges if s in members}
    out.extend(sorted(edges))
    mapped = sorted({tuple(sorted({rep_of[m] for m in g})) for g in groups})
    out.extend(all_different([g for g in mapped if len(g) > 1], prefix="sd"))
    return out


def _existential(individual: str, kind: str, prop: str, node: str) -> list[Triple]:
    """``individual`` is in ``prop some Thing`` (or ``inverse(prop) some Thing``, ``prop some Literal``)."""
    out = [(individual, TYPE, node), (node, TYPE, f"<{OWL}Restriction>")]
    if kind == "in":
        out += [(node, f"<{OWL}onProperty>", node + "i"), (node + "i", f"<{OWL}inverseOf>", prop)]
    else:
        out.append((node, f"<{OWL}onProperty>", prop))
    filler = f"<{RDFS}Literal>" if kind == "data" else f"<{OWL}Thing>"
    return out + [(node, f"<{OWL}someValuesFrom>", filler)]


def whole(split: Split, groups: list[list[str]]) -> Summary:
    """No summary: every individual stands for itself (when :func:`summary_blockers` found something)."""
    return Summary(list(split.abox) + all_different(groups), {i: [i] for i in sorted(split.individuals)})
