"""The build's views drawn in its forked child (hcc_kg.views.forked) are the pages the build draws
from its own store, and a graph over the view limit is not drawn (nor waited for)."""

from __future__ import annotations

from hcc_kg.owl.load import default_ontology_path, load_ontology
from hcc_kg.owl.populate import Populated, empty
from hcc_kg.owl.reason import Reasoned
from hcc_kg.owl import summary as S
from hcc_kg.store.loading import load_store
from hcc_kg.store.rdf import ontology_graph
from hcc_kg.views import render_build_views
from hcc_kg.views.forked import draw_build_views


def _populated() -> Populated:
    """An invented ABox: a drug inhibiting a kinase of a pathway."""
    populated = empty(*load_ontology())
    abox = populated.abox
    drug = abox.new("drug_q", ["SmallMolecule"], "Drug Q")
    kinase = abox.new("kinase_q", ["Protein", "Kinase"], "Kinase Q")
    pathway = abox.new("pathway_q", ["Pathway"], "Pathway Q")
    abox.fact(drug.iri, abox.schema.term("inhibits"), kinase.iri)
    abox.fact(kinase.iri, abox.schema.term("participatesIn"), pathway.iri)
    return populated


def _inferred(populated: Populated) -> frozenset:
    """An inference as HermiT states one (a type the ABox does not assert)."""
    drug = populated.individuals["drug_q"].iri
    return frozenset({(drug, S.TYPE, populated.abox.schema.term("TyrosineKinaseInhibitor"))})


def test_the_child_draws_the_pages_the_build_draws_from_its_store():
    populated = _populated()
    inferred = _inferred(populated)
    drawn = draw_build_views(populated, ontology_graph(default_ontology_path()), 200_000, lambda: inferred)
    store = load_store(Reasoned(populated, inferred, 0.0), default_ontology_path())
    assert not drawn.over_limit and drawn.pages
    assert list(drawn.pages) == render_build_views(store)
    asserted_only = render_build_views(load_store(Reasoned(populated, frozenset(), 0.0), default_ontology_path()))
    assert any("TyrosineKinaseInhibitor" in page for _, page in drawn.pages)  # the inference reached the pages
    assert not any("TyrosineKinaseInhibitor" in page for _, page in asserted_only)


def test_a_graph_over_the_limit_is_not_drawn_and_its_inferences_are_not_awaited():
    populated = _populated()
    ontology_only = len(load_store(Reasoned(empty(*load_ontology()), frozenset(), 0.0), default_ontology_path()))

    def receive():
        raise AssertionError("the child waited for inferences it could not use")

    drawn = draw_build_views(populated, ontology_graph(default_ontology_path()), ontology_only, receive)
    assert drawn.over_limit and drawn.pages == ()
