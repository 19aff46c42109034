"""The SQL reader of a World's quadstore against owlready2's own rdflib wrapper."""

from __future__ import annotations

import datetime
from collections import Counter
from decimal import Decimal

import owlready2
import pytest
import rdflib
from rdflib import OWL, RDF, XSD, Literal

from hcc_kg.owl.load import load_ontology
from hcc_kg.owl.quadstore import axiom_storids, world_rows, world_triples

EX = "http://example.org/quadstore-test#"


@pytest.fixture(scope="module")
def world():
    """A handmade World: typed and tagged literals, an annotated fact, inverse and symmetric
    properties, and class restrictions (blank nodes)."""
    load_ontology()  # registers the Decimal datatype the build uses
    w = owlready2.World()
    onto = w.get_ontology(EX)
    with onto:
        class Drug(owlready2.Thing):
            pass

        class Kinase(owlready2.Thing):
            pass

        class inhibits(owlready2.ObjectProperty):
            pass

        class inhibitedBy(owlready2.ObjectProperty):
            inverse_property = inhibits

        class similarTo(owlready2.ObjectProperty, owlready2.SymmetricProperty):
            pass

        class value(owlready2.DataProperty):
            pass

        class note(owlready2.AnnotationProperty):
            pass

        Drug.is_a.append(inhibits.some(Kinase))
        drug, kinase, other = Drug("zetinib"), Kinase("kq"), Drug("otherib")
        drug.inhibits = [kinase]
        drug.similarTo = [other]
        drug.value = [3, 1.5, True, "plain", Decimal("400"), Decimal("0.550"), datetime.date(2024, 5, 1)]
        drug.label = [owlready2.locstr("Zetinib", "en"), owlready2.locstr("Zétinib", "fr")]
        note[drug, inhibits, kinase] = ["table 2", owlready2.locstr("tableau 2", "fr")]
    # keep the Python entities alive: the wrapper only inverts properties it has loaded
    w._test_keep = (onto, Drug, Kinase, inhibits, inhibitedBy, similarTo, value, note)
    return w


def test_reader_yields_what_the_rdflib_wrapper_yields(world):
    expected = Counter(world.as_rdflib_graph())
    assert Counter(world_triples(world)) == expected


def test_reader_covers_every_kind_of_term(world):
    triples = set(world_triples(world))
    zetinib, kq = rdflib.URIRef(EX + "zetinib"), rdflib.URIRef(EX + "kq")
    values = {o for s, p, o in triples if s == zetinib and p == rdflib.URIRef(EX + "value")}
    assert values == {Literal(3), Literal(True), Literal("plain", datatype=XSD.string),
                      Literal("1.5", datatype=XSD.decimal), Literal("0.550", datatype=XSD.decimal),
                      Literal("400", datatype=XSD.decimal),  # as printed: the canonical form is rdf.py's job
                      Literal("2024-05-01", datatype=XSD.date)}
    assert (zetinib, rdflib.RDFS.label, Literal("Zétinib", lang="fr")) in triples
    assert (kq, rdflib.URIRef(EX + "inhibitedBy"), zetinib) in triples  # from the inverse
    assert (rdflib.URIRef(EX + "otherib"), rdflib.URIRef(EX + "similarTo"), zetinib) in triples  # symmetric
    assert any(isinstance(s, rdflib.BNode) for s, _, _ in triples)


def test_axiom_storids_and_subject_storids(world):
    axioms = axiom_storids(world)
    assert len(axioms) == 1 and all(storid < 0 for storid in axioms)
    rows = [row for row in world_rows(world) if row[0] in axioms]
    assert (RDF.type, OWL.Axiom) in {(p, o) for _, _, p, o in rows}
    assert {o for _, _, p, o in rows if p == rdflib.URIRef(EX + "note")} == {
        Literal("table 2", datatype=XSD.string), Literal("tableau 2", lang="fr")}
    for storid, s, _, _ in world_rows(world):
        assert isinstance(s, rdflib.BNode) == (storid < 0)


def test_literal_hook_runs_once_per_distinct_literal(world):
    seen = []

    def hook(lit):
        seen.append(lit)
        return lit

    literals = [o for _, _, _, o in world_rows(world, hook) if isinstance(o, Literal)]
    assert len(seen) == len(set(seen)) <= len(literals)
    assert set(seen) == set(literals)
