"""Parameters are bound as RDF terms: no user text can change what a query asks."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.algebra import traverse

from hcc_kg.errors import BadParameterError, QueryError
from hcc_kg.query.backends import OxigraphBackend, RdflibBackend
from hcc_kg.query.binding import (IRI_PATTERN, PARSERS, XSD_DECIMAL, XSD_INTEGER, NameIndex, bind, explicit_iri,
                                  sparql_term, with_values)
from hcc_kg.query.library import parse_query

NAME = URIRef("urn:ex:name")
QUERY = """PREFIX ex: <urn:ex:>
# a comment with a { brace, and "quotes"
SELECT ?name ?s WHERE { ?s ex:name ?name . ?s ex:kind '{not a brace}' . FILTER (?s != <urn:ex:x>) }"""
TRICKY = [
    '"', "\\", '" } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o', "\\u0022 } #", "\\\\u0022", "a\\Ub",
    "x'''y\"\"\"z", "line\nbreak\r\ttab", "\x00\x07", "}", "# not a comment", "<urn:ex:evil>", "\\", "é∑😀",
]


def examples(*values):
    """Hypothesis ``@example`` for each value (the hand-picked attacks always run)."""
    def decorate(test):
        for value in values:
            test = example(value)(test)
        return test
    return decorate


def _names(*rows):
    """A name index over hand-written rows (subject, name, source, kind)."""
    return NameIndex.from_rows([{"s": s, "name": n, "source": src} for s, n, src, _ in rows],
                               [{"s": s, "kind": k} for s, _, _, k in rows])


def _no_graph():
    raise AssertionError("this parameter should not need the graph")


def _stores(text: str):
    """The same two-node graph in rdflib and pyoxigraph: one node is named ``text``."""
    graph = rdflib.Graph()
    store = ox.Store()
    for node, name in (("urn:ex:wanted", text), ("urn:ex:other", text + "x")):
        graph.add((URIRef(node), NAME, Literal(name)))
        graph.add((URIRef(node), URIRef("urn:ex:kind"), Literal("{not a brace}")))
        for s, p, o in ((node, str(NAME), ox.Literal(name)), (node, "urn:ex:kind", ox.Literal("{not a brace}"))):
            store.add(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o))
    return RdflibBackend(graph, binding="values"), OxigraphBackend(store, binding="values")


def _valid_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
@examples(*TRICKY)
def test_any_string_binds_as_one_literal_on_every_store(text):
    if not _valid_unicode(text):
        with pytest.raises(QueryError, match="not valid Unicode"):
            PARSERS["string"](text, _no_graph)
        return
    term = PARSERS["string"](text, _no_graph)
    for backend in _stores(text):
        rows = backend.select(QUERY, {"name": term}).rows
        assert rows == [{"name": text, "s": "urn:ex:wanted"}], backend.name


def _shape(query_text: str):
    """What a query asks, apart from inline data: its triple patterns, filters and projection."""
    algebra = prepareQuery(query_text).algebra
    found = {"triples": [], "filters": [], "values": []}

    def visit(node):
        name = getattr(node, "name", None)
        if name == "BGP":
            found["triples"].extend(node.triples)
        elif name == "Filter":
            found["filters"].append(repr(node.expr))
        elif name == "ToMultiSet":
            found["values"].append(node.p.res)
        return None

    traverse(algebra, visitPost=visit)
    return sorted(map(repr, found["triples"])), sorted(found["filters"]), [str(v) for v in algebra["PV"]], found["values"]


@settings(max_examples=150, deadline=None)
@given(st.text().filter(_valid_unicode))
@examples(*TRICKY)
def test_binding_text_never_changes_the_query_structure(text):
    bound = with_values(QUERY, {"name": PARSERS["string"](text, _no_graph)})
    triples, filters, projection, values = _shape(bound)
    plain_triples, plain_filters, plain_projection, _ = _shape(QUERY)
    assert (triples, filters, projection) == (plain_triples, plain_filters, plain_projection)
    assert values == [[{rdflib.Variable("name"): Literal(text)}]]


@settings(max_examples=200, deadline=None)
@given(st.text())
@examples("<urn:ex:a> } ; DROP ALL ; <urn:x>", "hccr:x> }", "http://x.org/a b", "<http://x.org/a>",
          "hcc:inhibits", "PD-1", *TRICKY)
def test_any_entity_text_resolves_to_a_graph_iri_or_is_refused(text):
    names = _names(("https://w3id.org/hcc-kg/resource/pdcd1", "PD-1", "altLabel", "individual"))
    try:
        term = PARSERS["iri"](text, lambda: names)
    except QueryError:
        return
    assert isinstance(term, URIRef) and IRI_PATTERN.fullmatch(str(term))
    bound = with_values(QUERY, {"s": term})
    assert _shape(bound)[:3] == _shape(QUERY)[:3]


@given(st.decimals(allow_nan=False, allow_infinity=False).map(lambda d: format(d, "f")))
def test_decimal_text_becomes_an_exact_typed_literal(text):
    whole, _, fraction = text.lstrip("-").partition(".")
    representable = len(fraction.rstrip("0")) <= 18 and len(whole.lstrip("0")) < 20  # Oxigraph's decimal
    if not representable:  # refused, never rounded: every store must give the same answer
        with pytest.raises(BadParameterError):
            PARSERS["decimal"](text, _no_graph)
        return
    term = PARSERS["decimal"](text, _no_graph)
    assert term.datatype == XSD_DECIMAL and Decimal(str(term)) == Decimal(text)


@given(st.integers())
def test_integer_text_becomes_a_typed_literal(number):
    if not -2**63 <= number < 2**63:  # beyond a 64-bit integer (Oxigraph's xsd:integer): refused
        with pytest.raises(BadParameterError):
            PARSERS["integer"](f" {number} ", _no_graph)
        return
    term = PARSERS["integer"](f" {number} ", _no_graph)
    assert term.datatype == XSD_INTEGER and int(str(term)) == number


@pytest.mark.parametrize("kind, text", [("decimal", "0.8 ; }"), ("decimal", "1e3"), ("decimal", "nan"),
                                        ("decimal", ""), ("integer", "4.0"), ("integer", "12abc"), ("iri", "  ")])
def test_bad_literal_text_is_a_query_error(kind, text):
    with pytest.raises(QueryError):
        PARSERS[kind](text, lambda: _names())


def test_explicit_iris_and_curies():
    assert explicit_iri("hcc:inhibits") == URIRef("https://w3id.org/hcc-kg/ontology#inhibits")
    assert explicit_iri("<urn:ex:a>") == URIRef("urn:ex:a")
    assert explicit_iri("https://w3id.org/hcc-kg/resource/kdr") == URIRef("https://w3id.org/hcc-kg/resource/kdr")
    assert explicit_iri("drugbank:DB00398") is None  # an identifier value, looked up by name instead
    assert explicit_iri("sorafenib") is None
    with pytest.raises(QueryError):
        explicit_iri("<urn:ex:a> <urn:ex:b>")


RESOLVABLE = _names(
    ("https://w3id.org/hcc-kg/resource/vegfr_family", "VEGFR", "altLabel", "individual"),
    ("https://w3id.org/hcc-kg/resource/vegfr_family", "VEGFR family", "label", "individual"),
    ("https://w3id.org/hcc-kg/resource/tki", "TKI", "altLabel", "individual"),
    ("https://w3id.org/hcc-kg/ontology#TyrosineKinaseInhibitor", "Tyrosine kinase inhibitor", "label", "class"),
    ("https://w3id.org/hcc-kg/resource/tyrosine_kinase_inhibitor", "tyrosine kinase inhibitor", "label", "individual"),
    ("https://w3id.org/hcc-kg/resource/sorafenib", "sorafenib", "label", "individual"),
    ("https://w3id.org/hcc-kg/resource/sorafenib", "drugbank:DB00398", "identifier", "individual"),
    ("https://w3id.org/hcc-kg/resource/trial__x", "DB00398", "trialName", "individual"),
    ("https://w3id.org/hcc-kg/resource/evidence__1", "sorafenib", "label", "evidence"),
)


@pytest.mark.parametrize("kind, text, expected", [
    ("iri", "vegfr", "https://w3id.org/hcc-kg/resource/vegfr_family"),           # case and hyphens ignored
    ("iri", "VEGFR-family", "https://w3id.org/hcc-kg/resource/vegfr_family"),
    ("iri", "vegfr_family", "https://w3id.org/hcc-kg/resource/vegfr_family"),    # the local name
    ("iri", "Tyrosine kinase inhibitor", "https://w3id.org/hcc-kg/resource/tyrosine_kinase_inhibitor"),
    ("class", "Tyrosine kinase inhibitor", "https://w3id.org/hcc-kg/ontology#TyrosineKinaseInhibitor"),
    ("iri", "drugbank:DB00398", "https://w3id.org/hcc-kg/resource/sorafenib"),
    ("iri", "Sorafenib", "https://w3id.org/hcc-kg/resource/sorafenib"),          # never the evidence record
])
def test_names_resolve_by_label_synonym_identifier_and_kind(kind, text, expected):
    assert PARSERS[kind](text, lambda: RESOLVABLE) == URIRef(expected)


def test_an_unknown_name_is_a_query_error():
    with pytest.raises(QueryError, match="no entity named 'aspirin'"):
        PARSERS["iri"]("aspirin", lambda: RESOLVABLE)
    with pytest.raises(QueryError, match="no class named 'sorafenib'"):
        PARSERS["class"]("sorafenib", lambda: RESOLVABLE)


def test_bind_uses_defaults_and_refuses_unknown_parameters():
    query = parse_query("q", '# title: T\n# question: Q?\n# param: limit decimal = "0.8"  d\n'
                             '# param: drug iri = "sorafenib"  d\nSELECT ?limit ?drug WHERE { ?drug ?p ?limit }')
    bound = bind(query, {"limit": "0.5"}, lambda: RESOLVABLE)
    assert bound == {"limit": Literal("0.5", datatype=XSD_DECIMAL),
                     "drug": URIRef("https://w3id.org/hcc-kg/resource/sorafenib")}
    with pytest.raises(QueryError, match="no parameter 'dose'"):
        bind(query, {"dose": "1"}, lambda: RESOLVABLE)


def test_values_go_into_the_pattern_not_into_comments_or_strings():
    bound = with_values(QUERY, {"name": Literal("x")})
    assert bound.index("VALUES") > bound.index("WHERE {")
    assert _shape(bound)[3] == [[{rdflib.Variable("name"): Literal("x")}]]


def test_sparql_terms_refuse_what_cannot_be_written_safely():
    with pytest.raises(QueryError):
        sparql_term(URIRef("urn:a> <urn:b"))
    with pytest.raises(QueryError):
        sparql_term(rdflib.BNode())
    assert sparql_term(Literal("a\\u0041")) == '"a\\\\\\U000000750041"'  # "\u" never reads as an escape


@settings(max_examples=60, deadline=None)
# Within 28 significant digits: rdflib computes decimals in Python's default Decimal context.
@given(st.one_of(st.decimals(min_value=-10**15, max_value=10**15, places=6).map(lambda d: ("decimal", format(d, "f"))),
                 st.integers(min_value=-2**63, max_value=2**63 - 1).map(lambda n: ("integer", str(n)))))
def test_numbers_travel_through_a_values_block_unchanged(kind_and_text):
    kind, text = kind_and_text
    term = PARSERS[kind](text, _no_graph)
    for backend in (RdflibBackend(rdflib.Graph(), binding="values"), OxigraphBackend(ox.Store(), binding="values")):
        (row,) = backend.select("SELECT ?x WHERE { }", {"x": term}).rows
        assert row["x"] == Decimal(text) and isinstance(row["x"], Decimal if kind == "decimal" else int), backend.name
