"""Streaming RDF writers: round trips of awkward graphs, determinism, N-Triples parity with rdflib."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from decimal import Decimal

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import OWL, RDF, RDFS, XSD, BNode, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic

from hcc_kg.store import serialize
from hcc_kg.errors import ExportError
from hcc_kg.store.rdf import HCC, HCCR, PREFIXES
from hcc_kg.store.canonical import lexical, parse_row
from hcc_kg.store.serialize import CanonicalGraph, canonical

EX = Namespace("http://example.org/x/")
WRITERS = {"turtle": (serialize.turtle, "turtle"), "json-ld": (serialize.jsonld, "json-ld"),
           "ntriples": (serialize.ntriples, "nt")}
TEXTS = ['say "hi"', "back\\slash\\", "line1\nline2\r\nend", "tab\there", "café ☕ 𝄞", "", "\x00\x01\x1f\x7f",
         "sep\u2028and\u2029\x85\x0b\x0c", "'''", '"""', 'ends with a quote"', 'a\\"b', "\\u0041 is not A"]
# Local parts that are no plain prefixed name (slash, parenthesis, leading digit or hyphen,
# trailing dot, percent, query, colon, tilde, non-ASCII) next to some that are.
LOCALS = ["with/slash", "paren(x)", "9digit", "ends.", "per%20cent", "q?x=1", "colon:x", "tilde~", "é", "-lead",
          "a.b", "dash-", "_under", "plain", ""]


def render(graph, fmt: str) -> bytes:
    target = graph if isinstance(graph, CanonicalGraph) else canonical(graph)
    return b"".join(WRITERS[fmt][0](target))


def reparse(data: bytes, fmt: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=data, format=WRITERS[fmt][1])


def awkward_graph(order: int = 1, tag: str = "a") -> rdflib.Graph:
    """Hard literals, IRIs that are no prefixed name, blank nodes with a list and a cycle.

    ``tag`` renames the blank nodes and ``order`` reverses insertion, as in test_export.
    """
    thing = HCCR.thing
    triples = [(thing, HCC[f"text{i}"], Literal(text)) for i, text in enumerate(TEXTS)]
    triples += [(thing, RDFS.label, Literal(text, lang=lang))
                for text, lang in (("hello", "en"), ("grüezi", "de-CH"), ("Hello", "EN-us"))]
    triples += [(thing, HCC.value, value) for value in (
        Literal("1.50", datatype=XSD.decimal), Literal(Decimal("-0.5")), Literal(-5), Literal(0), Literal(True),
        Literal(False), Literal(date(2024, 2, 29)), Literal(1.5e300), Literal("x", datatype=XSD.string),
        Literal("odd", datatype=URIRef("http://example.org/dt#custom")), Literal("<b>x</b>", datatype=RDF.HTML))]
    for local in LOCALS:
        triples += [(HCCR[local], HCC.rel, HCC[local]), (thing, EX[local], HCCR[local])]
    triples += [(URIRef("https://w3id.org/hcc-kg/ontology"), RDF.type, OWL.Ontology),
                (URIRef("urn:isbn:0-123"), URIRef("http://example.org/p(1)"), URIRef("http://example.org/ünï"))]
    restriction, union, head, a, b = (BNode(f"{name}{tag}") for name in ("restr", "union", "list", "cyc1", "cyc2"))
    triples += [(HCC.Inhibitor, RDFS.subClassOf, restriction), (restriction, RDF.type, OWL.Restriction),
                (restriction, OWL.onProperty, HCC.inhibits), (restriction, OWL.someValuesFrom, union),
                (union, OWL.unionOf, head), (a, HCC.next, b), (b, HCC.next, a), (a, RDF.type, b),
                (thing, RDF.type, a), (thing, RDF.type, HCC.Thing), (b, RDFS.label, Literal("cycle"))]
    graph = rdflib.Graph()
    for triple in triples[::order]:
        graph.add(triple)
    members = [HCC.SmallMolecule, HCC.Antibody, Literal("in a list", lang="en")]
    Collection(graph, head, members)
    return graph


def sorted_rdflib_nt(graph: rdflib.Graph) -> bytes:
    """What the export wrote before: rdflib's N-Triples lines, sorted (split on newlines only)."""
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").split("\n")
    return ("\n".join(sorted(line for line in lines if line.strip())) + "\n").encode("utf-8")


# ---------------------------------------------------------------- round trips and bytes


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_awkward_graph_round_trips_to_an_isomorphic_graph(fmt):
    original = awkward_graph()
    parsed = reparse(render(original, fmt), fmt)
    assert len(parsed) == len(original)
    assert isomorphic(parsed, original)
    for text in TEXTS:
        assert (HCCR.thing, None, Literal(text)) in parsed
    assert (HCCR.thing, HCC.value, Literal("odd", datatype=URIRef("http://example.org/dt#custom"))) in parsed
    assert (HCCR.thing, RDFS.label, Literal("Hello", lang="EN-us")) in parsed


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_same_graph_gives_the_same_bytes(fmt):
    first = awkward_graph(order=1, tag="a")
    second = awkward_graph(order=-1, tag="other")
    assert set(first) != set(second) and isomorphic(first, second)
    assert render(first, fmt) == render(second, fmt) == render(first, fmt)


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_chunk_size_does_not_change_the_bytes(fmt, monkeypatch):
    whole = render(awkward_graph(), fmt)
    for size in (1, 2, 7):
        monkeypatch.setattr(serialize, "_CHUNK", size)
        chunks = list(WRITERS[fmt][0](canonical(awkward_graph())))
        assert len(chunks) > 2 and b"".join(chunks) == whole


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_spelling_caches_emptied_when_full_change_no_byte(fmt, monkeypatch):
    whole = render(awkward_graph(), fmt)
    monkeypatch.setattr(serialize, "_CACHE_ENTRIES", 2)  # emptied again and again
    assert render(awkward_graph(), fmt) == whole


def test_a_full_spelling_cache_is_emptied_and_one_with_room_kept(monkeypatch):
    monkeypatch.setattr(serialize, "_CACHE_ENTRIES", 2)
    room, full = {"a": 1}, {"a": 1, "b": 2}
    serialize._make_room(room)
    serialize._make_room(full)
    assert room == {"a": 1} and full == {}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_strict_parser_reads_every_triple(fmt):
    """Oxigraph follows the grammars to the letter, where rdflib's parsers are lenient."""
    ox = pytest.importorskip("pyoxigraph")
    formats = {"turtle": ox.RdfFormat.TURTLE, "json-ld": ox.RdfFormat.JSON_LD, "ntriples": ox.RdfFormat.N_TRIPLES}
    graph = awkward_graph()
    assert sum(1 for _ in ox.parse(input=render(graph, fmt), format=formats[fmt])) == len(graph)


def test_ntriples_match_sorted_rdflib_lines():
    canon = canonical(awkward_graph())
    assert render(canon, "ntriples") == sorted_rdflib_nt(canon.to_graph())


def test_empty_graph():
    assert render(rdflib.Graph(), "ntriples") == b"\n"
    for fmt in ("turtle", "json-ld"):
        assert len(reparse(render(rdflib.Graph(), fmt), fmt)) == 0


# ---------------------------------------------------------------- Turtle specifics


def test_turtle_uses_prefixed_names_only_for_plain_local_parts():
    text = render(awkward_graph(), "turtle").decode("utf-8")
    for prefix, ns in PREFIXES.items():
        assert f"@prefix {prefix}: <{ns}> .\n" in text
    for local in ("with/slash", "paren(x)", "9digit", "ends.", "per%20cent", "q?x=1", "colon:x", "tilde~", "é"):
        assert f"<{HCCR[local]}>" in text and f"hccr:{local} " not in text
    for local in ("a.b", "dash-", "_under", "plain"):
        assert f"\nhccr:{local} hcc:rel hcc:{local} ." in text
    assert "\nhccr: hcc:rel hcc: ." in text   # the namespace itself: an empty local part
    assert '"1.50"^^xsd:decimal' in text and '"odd"^^<http://example.org/dt#custom>' in text
    assert '"\\u0000\\u0001\\u001F\\u007F"' in text   # controls escaped, not written raw
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]", text)


def test_turtle_groups_predicates_and_objects():
    graph = rdflib.Graph()
    for triple in [(HCCR.b, HCC.p, Literal(2)), (HCCR.a, HCC.q, HCCR.x), (HCCR.a, HCC.p, HCCR.z),
                   (HCCR.a, HCC.p, HCCR.y), (HCCR.a, RDF.type, HCC.Drug)]:
        graph.add(triple)
    body = render(graph, "turtle").decode("utf-8").split("\n\n", 1)[1]
    assert body == ("hccr:a a hcc:Drug ;\n    hcc:p hccr:y,\n        hccr:z ;\n    hcc:q hccr:x .\n\n"
                    'hccr:b hcc:p "2"^^xsd:integer .\n')


def test_already_canonical_graph_keeps_odd_blank_node_labels_apart():
    graph = rdflib.Graph()
    graph.add((BNode("x.y"), HCC.p, BNode("x-y")))
    graph.add((BNode("b"), HCC.p, BNode("x.y")))
    for fmt in ("turtle", "json-ld"):
        data = b"".join(WRITERS[fmt][0](serialize.as_sorted(graph)))
        assert isomorphic(reparse(data, fmt), graph)


# ---------------------------------------------------------------- JSON-LD specifics


def test_jsonld_is_flat_sorted_and_uses_the_prefixes():
    document = json.loads(render(awkward_graph(), "json-ld"))
    assert document["@context"] == {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    ids = [item["@id"] for item in document["@graph"]]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    thing = next(item for item in document["@graph"] if item["@id"] == "hccr:thing")
    assert thing["@type"] == ["hcc:Thing"]
    assert len(thing["rdf:type"]) == 1 and thing["rdf:type"][0]["@id"].startswith("_:")  # a blank-node class
    assert {"@value": "1.50", "@type": "xsd:decimal"} in thing["hcc:value"]
    assert {"@value": "Hello", "@language": "EN-us"} in thing["rdfs:label"]
    for item in document["@graph"]:
        for key, values in item.items():
            if key != "@id":
                assert isinstance(values, list)  # no nesting: every value sits in a flat list


def test_jsonld_refuses_an_iri_that_would_read_as_a_compact_iri():
    graph = rdflib.Graph()
    graph.add((URIRef("hcc:not-a-namespace"), HCC.p, Literal("x")))
    with pytest.raises(ExportError, match="compact IRI"):
        render(graph, "json-ld")


# ---------------------------------------------------------------- the canonical graph


def test_canonical_graph_behaves_like_a_triple_collection():
    original = awkward_graph()
    canon = canonical(original)
    assert len(canon) == len(original)
    assert isomorphic(canon.to_graph(), original)
    assert (HCCR.thing, HCC.value, Literal(-5)) in canon
    assert list(canon.rows()) == sorted(canon.rows())
    assert {s for s, _, _ in canon if isinstance(s, BNode)} == {
        s for s, _, _ in canonical(awkward_graph(order=-1, tag="q")) if isinstance(s, BNode)}


# ---------------------------------------------------------------- random graphs

NAMESPACES = sorted(str(ns) for ns in PREFIXES.values()) + ["http://example.org/", "urn:x:"]
LOCAL = st.text(st.sampled_from(list("abXZ09_-.~/()#%:éß中")), max_size=6)
IRIS = st.builds(lambda ns, local: URIRef(ns + local), st.sampled_from(NAMESPACES), LOCAL)
BNODES = st.sampled_from([BNode(f"r{i}") for i in range(4)])
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=10)
LITERALS = st.one_of(
    st.builds(Literal, TEXT),
    st.builds(lambda t, lang: Literal(t, lang=lang), TEXT, st.sampled_from(["en", "en-GB", "EN-us", "zh-Hant-TW"])),
    st.builds(Literal, st.integers(-10**20, 10**20)),
    st.builds(Literal, st.decimals(allow_nan=False, allow_infinity=False, places=3)),
    st.builds(Literal, st.booleans()),
    st.builds(Literal, st.dates()),
    st.builds(Literal, st.floats(allow_nan=False, allow_infinity=False)),
    st.builds(lambda t, dt: Literal(t, datatype=dt), TEXT, IRIS),
)
TRIPLES = st.lists(st.tuples(st.one_of(IRIS, BNODES), IRIS, st.one_of(IRIS, BNODES, LITERALS)), max_size=12)


def as_graph(triples) -> rdflib.Graph:
    graph = rdflib.Graph()
    for triple in triples:
        graph.add(triple)
    return graph


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TRIPLES)
def test_random_graphs_round_trip(triples):
    graph = as_graph(triples)
    canon = canonical(graph)
    for fmt in ("turtle", "json-ld"):
        assert isomorphic(reparse(render(canon, fmt), fmt), graph), fmt
    assert render(canon, "ntriples") == sorted_rdflib_nt(canon.to_graph())
    assert render(as_graph(reversed(triples)), "turtle") == render(canon, "turtle")


# ---------------------------------------------------------------- the canonical graph of a store


def store_of(graph: rdflib.Graph):
    """An in-memory build store holding ``graph``'s triples (skolemised, as the build writes them)."""
    from hcc_kg.store.oxigraph import GraphStore, skolemise

    store = GraphStore.in_memory()
    store.add_triples(skolemise(graph))
    return store


def store_graph() -> rdflib.Graph:
    """Literals Oxigraph respells (a decimal's trailing zero, a derived integer type, an
    upper-case language tag) and escapes it writes differently from rdflib (tab, controls)."""
    graph = awkward_graph()
    for i, value in enumerate((Literal("0.50", datatype=XSD.decimal), Literal("400", datatype=XSD.decimal),
                               Literal("2", datatype=XSD.nonNegativeInteger), Literal("007", datatype=XSD.integer),
                               Literal("1", datatype=XSD.boolean), Literal("Hé", lang="EN-gb"))):
        graph.add((HCCR[f"n{i}"], HCC.value, value))
    return graph


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_the_store_dump_gives_the_bytes_of_reading_the_store_term_by_term(fmt):
    store = store_of(store_graph())
    from_dump = serialize.from_store(store)  # Oxigraph's dump, respelt and sorted
    term_by_term = canonical(store)  # the store read through its rdflib-term API
    assert len(from_dump) == len(term_by_term) == len(store)
    assert render(from_dump, fmt) == render(term_by_term, fmt)


def test_a_store_sorted_in_runs_on_disk_gives_the_same_lines_and_cleans_up():
    store = store_of(store_graph())
    in_memory = list(serialize.from_store(store).lines())
    on_disk = serialize.from_store(store, run_bytes=2000)  # a few lines per run: several runs merged
    folder = on_disk._lines.parent
    assert folder.is_dir() and list(on_disk.lines()) == in_memory == sorted(in_memory)
    assert len(on_disk) == len(in_memory)
    del on_disk
    assert not folder.exists()


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_graph_sorted_on_disk_is_written_as_the_same_bytes_as_one_in_memory(fmt):
    store = store_of(store_graph())
    on_disk = serialize.from_store(store, run_bytes=2000)  # a sorted file: N-Triples copies its blocks
    assert isinstance(on_disk.path, Path) and serialize.from_store(store).path is None
    assert render(on_disk, fmt) == render(serialize.from_store(store), fmt)


def test_the_text_of_a_canonical_graph_is_its_lines_in_any_block_size():
    in_memory = serialize.from_store(store_of(store_graph()))
    lines = "".join(in_memory.lines()).encode("utf-8")
    assert b"".join(in_memory.text(block_bytes=1)) == b"".join(in_memory.text(block_bytes=300)) == lines
    on_disk = serialize.from_store(store_of(store_graph()), run_bytes=2000)
    assert [len(block) for block in on_disk.text(block_bytes=1000)][0] == 1000
    assert b"".join(on_disk.text(block_bytes=1000)) == lines


def test_rdf_type_is_written_a_only_as_a_predicate():
    graph = rdflib.Graph()
    graph.add((HCCR.ax, OWL.annotatedProperty, RDF.type))
    graph.add((HCCR.ax, RDF.type, OWL.Axiom))
    text = render(graph, "turtle").decode("utf-8")
    assert "hccr:ax a owl:Axiom ;\n    owl:annotatedProperty rdf:type ." in text
    assert isomorphic(reparse(text.encode("utf-8"), "turtle"), graph)


def test_spellings_parse_back_to_the_same_terms():
    graph = store_graph()
    for triple in graph:
        if not any(isinstance(term, BNode) for term in triple):
            spelt = tuple(serialize.canonical([triple]).rows())[0]
            assert parse_row(spelt) == triple and [lexical(t) for t in spelt] == [str(t) for t in triple]


def test_jsonld_nodes_sorted_in_runs_on_disk_give_the_same_document(monkeypatch):
    graph = store_graph()
    whole = render(graph, "json-ld")
    monkeypatch.setattr(serialize, "_NODE_RUN_BYTES", 300)  # a few node objects per run
    assert render(graph, "json-ld") == whole
    sorter = serialize.NodeSorter(run_bytes=5)
    for ident in ("hccr:b", "hccr:a-b", "hccr:a", "_:z"):
        sorter.add(ident, json.dumps({"@id": ident}))
    assert sorter._runs  # spilled to disk
    assert [json.loads(node)["@id"] for node in sorter.sorted()] == ["_:z", "hccr:a", "hccr:a-b", "hccr:b"]


def test_canonical_subject_objects_are_the_rdflib_graphs():
    graph = store_graph()
    canon = canonical(graph)
    for predicate in (RDF.type, HCC.value, RDFS.label):
        assert sorted(canon.subject_objects(predicate)) == sorted(
            (s, o) for s, o in canonical(graph).to_graph().subject_objects(predicate))
    assert len(list(canon.subject_objects(HCC.value))) == len(list(graph.subject_objects(HCC.value)))
