"""The reasoner's input made without a list of the ABox's triples (hcc_kg.owl.summary): the
streamed split equals the held one, and refining only linked individuals finds the same classes."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

from hcc_kg.owl import summary as S
from hcc_kg.owl.load import load_ontology
from hcc_kg.owl.populate import Populated, empty

EX = "https://example.org/"


def _populated() -> Populated:
    """A few individuals of the ontology's classes, linked by its properties (invented names)."""
    populated = empty(*load_ontology())
    abox, term = populated.abox, populated.abox.schema.term
    drugs = [abox.new(f"drug_{x}", ["SmallMolecule"], f"drug {x}") for x in "abc"]
    kinases = [abox.new(f"kinase_{x}", ["Protein", "Kinase"], None) for x in "pq"]
    regimen = abox.new("regimen__drug_a__drug_b", ["Regimen"], None)
    for drug, kinase in zip(drugs, kinases + kinases[:1]):
        abox.fact(drug.iri, term("inhibits"), kinase.iri)
    for drug in drugs[:2]:
        abox.fact(regimen.iri, term("hasComponent"), drug.iri)
    drugs[2].data.append((term("identifier"), abox.terms.literal("X-1")))
    return populated


def _held(populated: Populated) -> S.Split:
    return S.Split.of(S.logical_triples(populated.tbox) + list(populated.abox.logical_triples()))


def _fields(split: S.Split) -> tuple:
    return (split.tbox, list(split.abox), split.individuals, split.object_properties, split.data_properties)


def test_the_streamed_split_is_the_held_split():
    populated = _populated()
    streamed = S.Split.streamed(S.logical_triples(populated.tbox), populated.abox.logical_triples)
    assert _fields(streamed) == _fields(_held(populated))
    assert len(streamed.individuals) == len(populated.individuals)  # the ABox's, and the ontology's none


def test_the_streamed_split_makes_the_abox_triples_again_on_each_pass_instead_of_holding_them():
    populated = _populated()
    passes = []

    def abox():
        passes.append(1)
        return populated.abox.logical_triples()

    split = S.Split.streamed(S.logical_triples(populated.tbox), abox)
    assert not isinstance(split.abox, list) and len(passes) == 1  # one pass to find the individuals
    first, second = list(split.abox), list(split.abox)
    assert first == second and len(passes) == 3


@pytest.mark.parametrize("order", ["fact first", "undeclared subject"])
def test_triples_before_their_subject_is_declared_are_split_as_the_held_split_splits_them(order):
    tbox = [(f"<{EX}p>", S.TYPE, f"<{S.OWL}ObjectProperty>")]
    declared = [(f"<{EX}a>", S.TYPE, S.NAMED_INDIVIDUAL), (f"<{EX}b>", S.TYPE, S.NAMED_INDIVIDUAL)]
    fact = (f"<{EX}a>" if order == "fact first" else f"<{EX}z>", f"<{EX}p>", f"<{EX}b>")
    abox = [fact] + declared
    streamed = S.Split.streamed(tbox, lambda: iter(abox))
    assert _fields(streamed) == _fields(S.Split.of(tbox + abox))
    assert (fact in streamed.tbox) == (order == "undeclared subject")


def _refine_everyone(individuals, initial, edges):
    """The plain partition refinement, every individual refined on every round (the reference)."""
    ids = {}
    cls = {i: ids.setdefault(initial[i], len(ids)) for i in individuals}
    count = len(ids)
    while True:
        ids = {}
        new = {i: ids.setdefault((cls[i], frozenset((d, p, cls[n]) for d, p, n in edges.get(i, ()))), len(ids))
               for i in individuals}
        if len(ids) == count:
            return new
        cls, count = new, len(ids)


def _partition(cls: dict) -> set[frozenset]:
    groups = defaultdict(set)
    for individual, c in cls.items():
        groups[c].add(individual)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("seed", range(25))
def test_refining_only_linked_individuals_finds_the_classes_refining_everyone_finds(seed):
    rng = random.Random(seed)
    individuals = [f"i{n}" for n in range(rng.randint(2, 40))]
    initial = {i: (rng.choice("AB"),) for i in individuals}  # a few keys, shared by linked and unlinked
    edges: dict[str, set] = defaultdict(set)
    for _ in range(rng.randint(0, 30)):
        s, o, p = rng.choice(individuals), rng.choice(individuals), rng.choice(["p", "q"])
        edges[s].add(("out", p, o))
        edges[o].add(("in", p, s))
    expected = _partition(_refine_everyone(individuals, initial, edges))
    assert _partition(S._refine(individuals, initial, edges)) == expected


def test_individuals_alike_share_one_set_of_classes_and_marks_and_one_key():
    populated = _populated()
    split = S.Split.streamed(S.logical_triples(populated.tbox), populated.abox.logical_triples)
    parts = S._parts(split, S.used_properties(split))
    kinases = sorted(i for i in split.individuals if "kinase_" in i)
    assert len(kinases) == 2 and parts.types.get(kinases[0]) is parts.types.get(kinases[1])
    assert parts.marks.get(kinases[0]) is parts.marks.get(kinases[1]) and parts.key(kinases[0]) is parts.key(kinases[1])
    expected = {o for s, p, o in split.abox if s == kinases[0] and p == S.TYPE and o != S.NAMED_INDIVIDUAL}
    assert parts.types.get(kinases[0]) == expected and len(parts.types.get(kinases[0])) == 2  # Protein, Kinase
