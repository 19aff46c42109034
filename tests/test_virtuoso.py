"""A real Virtuoso store: the exported Turtle loads idempotently and answers like rdflib.

Answers are compared as sets of normalised terms: Virtuoso rewrites some lexical forms
(``1.50`` → ``1.5``, ``true`` → ``1``, an out-of-range integer becomes a decimal, language
tags are lower-cased), so numbers compare by value, booleans by truth and plain strings
with or without ``xsd:string``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import rdflib
from rdflib import XSD, BNode, Literal, URIRef

from hcc_kg.pipeline import EXPORT_STEM
from servers.virtuoso import VirtuosoError, run_isql

pytestmark = pytest.mark.slow

PREFIXES = """\
PREFIX hcc: <https://w3id.org/hcc-kg/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
NUMERIC = {str(XSD[name]) for name in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong")}
STRING = {None, "", str(XSD.string)}

# Each query touches one thing a store can get wrong: joins on labels, reified evidence
# (owl:Axiom) with integer offsets, decimal comparison, aggregation, OPTIONAL, a plain
# string match, an inverse property path and an integer filter.
QUERIES = {
    "inhibitors": "SELECT ?drug ?dlabel ?target ?tlabel WHERE { ?drug hcc:inhibits ?target ; "
                  "rdfs:label ?dlabel . ?target rdfs:label ?tlabel }",
    "evidence": "SELECT ?s ?p ?o ?doc ?start ?end WHERE { ?ax a owl:Axiom ; owl:annotatedSource ?s ; "
                "owl:annotatedProperty ?p ; owl:annotatedTarget ?o ; hcc:hasEvidence ?ev . "
                "?ev hcc:fromDocument ?d ; hcc:startOffset ?start ; hcc:endOffset ?end . ?d hcc:documentId ?doc }",
    "hazard_ratios": "SELECT ?hr ?v ?lo ?hi WHERE { ?hr a hcc:HazardRatio ; hcc:value ?v "
                     "OPTIONAL { ?hr hcc:ciLower ?lo ; hcc:ciUpper ?hi } FILTER(?v < 0.8) }",
    "class_sizes": "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c "
                   "FILTER(STRSTARTS(STR(?c), STR(hcc:))) } GROUP BY ?c",
    "trials": "SELECT ?t ?label ?nct WHERE { ?t a hcc:ClinicalTrial ; rdfs:label ?label "
              "OPTIONAL { ?t hcc:nctId ?nct } }",
    "inferred": "SELECT ?s ?p ?o WHERE { ?ax hcc:assertionStatus \"inferred\" ; owl:annotatedSource ?s ; "
                "owl:annotatedProperty ?p ; owl:annotatedTarget ?o }",
    "family_members": "SELECT DISTINCT ?drug ?protein WHERE { ?drug hcc:inhibits/^hcc:isMemberOf ?protein }",
    "large_trials": "SELECT ?t ?n WHERE { ?t hcc:enrolment ?n FILTER(?n > 500) }",
}
GROUND_TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(!isBlank(?s) && !isBlank(?o)) }"

# IRIs and literals a loader or serialiser can mangle; written for this test.
ODD_TURTLE = """\
@prefix ex: <https://example.org/odd/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/odd/paren(1)> ex:p <https://example.org/odd/a,b;c=d> .
<https://example.org/odd/caf%C3%A9%20bar> ex:p <https://example.org/odd/café> .
<https://example.org/odd/O'Brien+co~x> ex:p <https://example.org/odd/日本#frag> .
ex:s ex:dec "1.50"^^xsd:decimal ; ex:dec2 "-0.25"^^xsd:decimal ; ex:dec3 "400"^^xsd:decimal ;
  ex:int "12345678901234567890"^^xsd:integer ; ex:nni "42"^^xsd:nonNegativeInteger ;
  ex:dbl "1.0E-3"^^xsd:double ; ex:bool "true"^^xsd:boolean ; ex:date "2020-05-14"^^xsd:date ;
  ex:str "plain" ; ex:xstr "typed"^^xsd:string ; ex:lang "colour"@en-GB ;
  ex:quote "say \\"hi\\"\\n\\tback\\\\slash" ; ex:uni "α-fetoprotein ≥ 400 ng/mL" ;
  ex:custom "x1"^^<https://example.org/odd/dt> .
"""


def literal_key(value: str, datatype: str | None, lang: str | None) -> tuple:
    if datatype in NUMERIC:
        return ("number", Decimal(value))
    if datatype == str(XSD.boolean):
        return ("boolean", value.strip().lower() in ("true", "1"))
    if datatype in STRING:
        return ("string", value, (lang or "").lower())
    return ("literal", value, datatype)


def json_key(binding: dict | None) -> tuple | None:
    if binding is None:
        return None
    if binding["type"] == "uri":
        return ("iri", binding["value"])
    if binding["type"] == "bnode":
        return ("bnode",)
    return literal_key(binding["value"], binding.get("datatype"), binding.get("xml:lang"))


def term_key(term) -> tuple | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return ("iri", str(term))
    if isinstance(term, BNode):
        return ("bnode",)
    assert isinstance(term, Literal)
    return literal_key(str(term), str(term.datatype) if term.datatype else None, term.language)


def virtuoso_answers(store, query: str, graph: str) -> tuple[list[tuple], set[tuple]]:
    result = store.select(query, graph)
    names = result["head"]["vars"]
    rows = [tuple(json_key(b.get(n)) for n in names) for b in result["results"]["bindings"]]
    return rows, set(rows)


def rdflib_answers(graph: rdflib.Graph, query: str) -> set[tuple]:
    result = graph.query(query)
    return {tuple(term_key(row[v]) for v in result.vars) for row in result}


@pytest.fixture(scope="module")
def export_ttl(built) -> Path:
    return next(p for p in built.outputs if p.name == f"{EXPORT_STEM}.ttl")


@pytest.fixture(scope="module")
def reference(export_ttl) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(export_ttl, format="turtle")
    return graph


@pytest.fixture(scope="module")
def loaded(virtuoso_store, export_ttl):
    virtuoso_store.load_turtle(export_ttl)
    return virtuoso_store


def test_default_dba_login_no_longer_works(virtuoso_store):
    with pytest.raises(VirtuosoError):
        run_isql(virtuoso_store.sql_port, "dba", "dba", "select 1;", timeout=30)
    assert "1" in virtuoso_store.isql("select 1;")


def _listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as the kernel writes them) of sockets listening on ``port``."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].rsplit(":", 1)
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A = LISTEN
                found.add(address)
    return found


def test_server_listens_on_loopback_only(virtuoso_store):
    if not Path("/proc/net/tcp").exists():
        pytest.skip("no /proc/net/tcp to inspect listening sockets")
    for port in (virtuoso_store.sql_port, virtuoso_store.http_port):
        assert _listening_addresses(port) == {"0100007F"}, port  # 127.0.0.1, little-endian hex


def test_graph_store_rejects_unauthenticated_writes(virtuoso_store):
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        f"{virtuoso_store.graph_store_url}?graph-uri=urn:x", data=b"<urn:a> <urn:b> <urn:c> .",
        method="PUT", headers={"Content-Type": "text/turtle"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with pytest.raises(urllib.error.HTTPError) as caught:
        opener.open(request, timeout=60)
    assert caught.value.code == 401


def test_loading_twice_keeps_the_triple_count(loaded, reference, export_ttl):
    assert loaded.triple_count() == len(reference)
    loaded.load_turtle(export_ttl)
    assert loaded.triple_count() == len(reference)


def test_sql_loader_gives_the_same_graph(loaded, reference, export_ttl):
    other = loaded.graph_iri + "/isql"
    loaded.load_turtle_isql(export_ttl, other)
    loaded.load_turtle_isql(export_ttl, other)
    assert loaded.triple_count(other) == len(reference)
    _, via_sql = virtuoso_answers(loaded, GROUND_TRIPLES, other)
    _, via_http = virtuoso_answers(loaded, GROUND_TRIPLES, loaded.graph_iri)
    assert via_sql == via_http


def test_result_above_ten_thousand_rows_is_complete(loaded, reference):
    expected = rdflib_answers(reference, GROUND_TRIPLES)
    assert len(expected) > 10_000  # beyond Virtuoso's default ResultSetMaxRows
    rows, answers = virtuoso_answers(loaded, GROUND_TRIPLES, loaded.graph_iri)
    assert len(rows) == len(expected)
    assert answers == expected


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_answers_match_rdflib(loaded, reference, name):
    query = PREFIXES + QUERIES[name]
    expected = rdflib_answers(reference, query)
    assert expected, f"{name}: rdflib found nothing, so the comparison would prove nothing"
    _, answers = virtuoso_answers(loaded, query, loaded.graph_iri)
    assert answers == expected


def test_decimals_keep_their_type_and_value(loaded, reference):
    query = PREFIXES + "SELECT ?x ?v WHERE { ?x hcc:value ?v }"
    values = loaded.select(query, loaded.graph_iri)["results"]["bindings"]
    expected = {(str(x), Decimal(str(v))) for x, v in reference.query(query)}
    assert {b["v"].get("datatype") for b in values} == {str(XSD.decimal)}
    assert {(b["x"]["value"], Decimal(b["v"]["value"])) for b in values} == expected


def test_odd_iris_and_literals_round_trip(virtuoso_store, tmp_path):
    path = tmp_path / "odd.ttl"
    path.write_text(ODD_TURTLE, encoding="utf-8")
    expected_graph = rdflib.Graph().parse(path, format="turtle")
    expected = {tuple(term_key(t) for t in triple) for triple in expected_graph}
    for route, graph in (("http", "urn:hcc-kg:test:odd"), ("isql", "urn:hcc-kg:test:odd-isql")):
        loader = virtuoso_store.load_turtle if route == "http" else virtuoso_store.load_turtle_isql
        loader(path, graph)
        _, answers = virtuoso_answers(virtuoso_store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", graph)
        assert answers == expected, route
