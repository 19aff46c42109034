"""The store's rdflib-term reads (hcc_kg.store.oxigraph): a bounded read cache that never changes what is read."""

from __future__ import annotations

from rdflib import XSD, Literal, URIRef

from hcc_kg.store import oxigraph as O


def test_reading_a_store_keeps_a_bounded_cache_of_terms_and_reads_the_same(monkeypatch):
    monkeypatch.setattr(O, "READ_CACHE_TERMS", 10)
    written = [(URIRef(f"urn:ex:s{n}"), URIRef("urn:ex:p"), Literal(f"value {n}")) for n in range(40)]
    written.append((URIRef("urn:ex:m"), URIRef("urn:ex:size"), Literal("0.50", datatype=XSD.decimal)))
    store = O.GraphStore.in_memory()
    store.add_triples(written)
    for _ in range(2):  # a second scan reads through a cache the first one filled and emptied
        assert sorted(store) == sorted(written)  # "0.50" as written, not Oxigraph's "0.5"
        assert len(store._terms._from_ox) <= 10
    assert store.value(URIRef("urn:ex:m"), URIRef("urn:ex:size")) == written[-1][2]
    assert str(store.value(URIRef("urn:ex:m"), URIRef("urn:ex:size"))) == "0.50"
