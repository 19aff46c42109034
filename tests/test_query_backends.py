"""Backends return the same normalized rows; the remote one speaks the protocols correctly."""

from __future__ import annotations

import base64
import json
import threading
import urllib.parse
import uuid
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from hcc_kg.errors import QueryError
from hcc_kg.query.backends import BackendSettings, OxigraphBackend, RdflibBackend, Runner, open_backend
from hcc_kg.query.binding import XSD_DECIMAL
from hcc_kg.query.remote import RemoteBackend, load_turtle, parse_json_results
from hcc_kg.query.results import IRI, QueryResult

from servers import REMOTE_STORES

# A small graph written for these tests: each literal kind the normalizer must handle, and
# blank nodes (so that adding the same file twice would add triples).
TINY = """
@prefix ex: <urn:ex:> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:name "alpha" ; ex:dec 17.0 ; ex:int 4 ; ex:dbl 9.5E-1 ; ex:flag true ;
     ex:tag "Alpha"@en ; ex:short "3"^^xsd:short ; ex:when "2020-01-02"^^xsd:date ; ex:link ex:b .
ex:b ex:name "beta" ; ex:dec 0.950 ; ex:list ( ex:a ex:b ) .
"""
ALL_VALUES = """SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER (isIRI(?s) && !isBlank(?o)) }"""
BY_DECIMAL = """SELECT ?s ?limit WHERE { ?s <urn:ex:dec> ?d FILTER (?d < ?limit) }"""


@pytest.fixture(scope="module")
def tiny_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tiny") / "tiny.ttl"
    path.write_text(TINY, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def embedded(tiny_file):
    """Every embedded backend in every binding mode."""
    return {f"{name}-{mode}": open_backend(name, BackendSettings(graph=tiny_file, binding=mode))
            for name in ("rdflib", "oxigraph") for mode in ("native", "values")}


def test_backends_normalize_values_alike(embedded):
    answers = {name: backend.select(ALL_VALUES, {}) for name, backend in embedded.items()}
    reference = answers["oxigraph-native"]
    for name, result in answers.items():
        assert result.answer_set() == reference.answer_set(), name
    by_predicate = {str(r["p"]).rsplit(":", 1)[-1]: r["o"] for r in reference.rows if r["s"] == "urn:ex:a"}
    assert by_predicate["dec"] == Decimal("17") and isinstance(by_predicate["dec"], Decimal)
    assert by_predicate["int"] == 4 and type(by_predicate["int"]) is int
    assert by_predicate["short"] == 3 and type(by_predicate["short"]) is int
    assert by_predicate["dbl"] == Decimal("0.95")
    assert by_predicate["flag"] is True
    assert by_predicate["tag"] == "Alpha" and by_predicate["when"] == "2020-01-02"
    assert isinstance(by_predicate["link"], IRI) and by_predicate["link"] == "urn:ex:b"


@pytest.mark.parametrize("query", [BY_DECIMAL, BY_DECIMAL.replace("SELECT ?s ?limit", "SELECT ?s")])
def test_every_binding_mode_binds_the_same(embedded, query):
    bindings = {"limit": Literal("1", datatype=XSD_DECIMAL)}
    answers = {name: b.select(query, bindings).answer_set() for name, b in embedded.items()}
    assert len(set(map(frozenset, (a.items() for a in answers.values())))) == 1
    rows = embedded["rdflib-values"].select(BY_DECIMAL, bindings).rows
    assert [r["s"] for r in rows] == ["urn:ex:b"] and rows[0]["limit"] == 1


def test_oxigraph_binds_natively_with_a_values_block_its_optimizer_plans_with(tiny_file):
    """Oxigraph plans with a VALUES row but applies ``substitutions`` after planning (a bound
    trial's query read every trial), so native binding sends the VALUES block too."""
    import pyoxigraph as ox

    asked = []

    class Recording:
        def __init__(self, store):
            self.store = store

        def query(self, text, **options):
            asked.append((text, options))
            return self.store.query(text, **options)

    store = ox.Store()
    store.bulk_load(path=str(tiny_file), format=ox.RdfFormat.TURTLE)
    backend = OxigraphBackend(Recording(store), binding="native")
    rows = backend.select("SELECT ?s ?n WHERE { ?s <urn:ex:name> ?n }", {"s": URIRef("urn:ex:b")}).rows
    assert rows == [{"s": IRI("urn:ex:b"), "n": "beta"}]
    (text, options), = asked
    assert "VALUES (?s) { (<urn:ex:b>) }" in text and not options.get("substitutions")


def test_oxigraph_rows_keep_unbound_variables_blank_nodes_and_tagged_literals(tiny_file):
    backend = OxigraphBackend.open(BackendSettings(graph=tiny_file))
    result = backend.select("SELECT ?tag ?missing ?first WHERE { <urn:ex:a> <urn:ex:tag> ?tag "
                            "OPTIONAL { <urn:ex:a> <urn:ex:none> ?missing } <urn:ex:b> <urn:ex:list> ?first }", {})
    (row,) = result.rows
    assert result.variables == ("tag", "missing", "first")
    assert row["tag"] == "Alpha" and row["missing"] is None and row["first"].startswith("_:")


def test_answer_sets_tell_iris_from_strings():
    as_iri = QueryResult(("x",), [{"x": IRI("urn:a")}])
    as_text = QueryResult(("x",), [{"x": "urn:a"}])
    assert as_iri.answer_set() != as_text.answer_set()
    assert QueryResult(("x",), [{"x": 4}]).answer_set() == QueryResult(("x",), [{"x": Decimal("4.0")}]).answer_set()


def test_json_results_from_an_older_store_normalize_the_same():
    # Virtuoso still sends SPARQL 1.0 "typed-literal" cells and types counts as xsd:int.
    body = json.dumps({"head": {"vars": ["s", "n", "d", "t", "u"]}, "results": {"bindings": [{
        "s": {"type": "uri", "value": "urn:a"},
        "n": {"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#int", "value": "12"},
        "d": {"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#decimal", "value": "0.690"},
        "t": {"type": "literal", "value": "x", "xml:lang": "en"},
    }]}}).encode()
    result = parse_json_results(body)
    assert result.rows == [{"s": "urn:a", "n": 12, "d": Decimal("0.69"), "t": "x", "u": None}]
    assert isinstance(result.rows[0]["s"], IRI)
    with pytest.raises(QueryError, match="SPARQL JSON"):
        parse_json_results(b"<html>oops</html>")


def test_a_result_of_exactly_the_row_cap_carries_a_note():
    body = json.dumps({"head": {"vars": ["i"]}, "results": {"bindings": [
        {"i": {"type": "literal", "value": str(i)}} for i in range(10_000)]}}).encode()
    assert parse_json_results(body).notes


@pytest.mark.parametrize("name, settings, message", [
    ("sqlite", BackendSettings(), "unknown backend"),
    ("oxigraph", BackendSettings(graph=Path("/nonexistent/hcc_kg.ttl")), "no graph at"),
    ("rdflib", BackendSettings(graph=Path("/nonexistent/hcc_kg.ttl")), "no graph at"),
    ("remote", BackendSettings(), "endpoint"),
    ("oxigraph", BackendSettings(binding="paste"), "binding mode"),
])
def test_bad_backend_settings_are_query_errors(name, settings, message):
    with pytest.raises(QueryError, match=message):
        open_backend(name, settings)


@pytest.mark.parametrize("backend_type", [RdflibBackend, OxigraphBackend])
def test_malformed_queries_are_query_errors(tiny_file, backend_type):
    backend = backend_type.open(BackendSettings(graph=tiny_file))
    with pytest.raises(QueryError):
        backend.select("SELECT ?x WHERE { ?x", {})


def test_unreachable_endpoint_is_a_query_error():
    with pytest.raises(QueryError, match="cannot reach"):
        RemoteBackend("http://127.0.0.1:9/sparql", timeout=5).select("SELECT * WHERE { ?s ?p ?o }", {})
    with pytest.raises(QueryError, match="http"):
        RemoteBackend("ftp://example.org/sparql").select("SELECT * WHERE { ?s ?p ?o }", {})


# --- a stub endpoint, to see what the remote backend sends ---------------------------------

class _Stub(BaseHTTPRequestHandler):
    seen: list[dict] = []
    credentials = "Basic " + base64.b64encode(b"ann:s3cret").decode()

    def log_message(self, *args):  # keep test output quiet
        pass

    def _reply(self, status: int, body: bytes, kind: str = "application/sparql-results+json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="stub"')
        self.end_headers()
        self.wfile.write(body)

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if self.headers.get("Authorization") != self.credentials:
            self._reply(401, b"who are you?", "text/plain")
            return
        self.seen.append({"method": self.command, "path": self.path, "body": body,
                          "type": self.headers.get("Content-Type"), "accept": self.headers.get("Accept")})
        if self.command == "PUT":
            self._reply(204, b"")
        else:
            self._reply(200, json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
                {"x": {"type": "literal", "value": "ok"}}]}}).encode())

    do_POST = do_PUT = _handle


@pytest.fixture()
def stub():
    _Stub.seen = []
    server = HTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_remote_query_posts_the_protocol_form_with_credentials(stub):
    backend = RemoteBackend(f"{stub}/sparql", default_graph="urn:g", auth=("ann", "s3cret"))
    result = backend.select("SELECT ?x WHERE { ?x ?p ?o }", {"o": URIRef("urn:o")})
    assert result.rows == [{"x": "ok"}]
    (request,) = _Stub.seen
    form = urllib.parse.parse_qs(request["body"].decode())
    assert request["method"] == "POST" and request["type"] == "application/x-www-form-urlencoded"
    assert request["accept"] == "application/sparql-results+json"
    assert form["default-graph-uri"] == ["urn:g"]
    assert "VALUES (?o) { (<urn:o>) }" in form["query"][0]


def test_wrong_credentials_are_a_query_error(stub):
    with pytest.raises(QueryError, match="401"):
        RemoteBackend(f"{stub}/sparql", auth=("ann", "wrong")).select("SELECT * WHERE { ?s ?p ?o }", {})


def test_load_puts_turtle_to_the_graph_store(stub, tiny_file):
    report = load_turtle(f"{stub}/store", tiny_file, "urn:hcc:g", auth=("ann", "s3cret"))
    (request,) = _Stub.seen
    assert request["method"] == "PUT" and request["type"].startswith("text/turtle")
    assert request["path"] == "/store?graph=urn%3Ahcc%3Ag" and request["body"] == tiny_file.read_bytes()
    assert report.status == 204
    with pytest.raises(QueryError, match="graph IRI"):
        load_turtle(f"{stub}/store", tiny_file, "urn:x> <y")


# --- the real servers ------------------------------------------------------------------------

@pytest.fixture(params=sorted(REMOTE_STORES))
def store_name(request) -> str:
    return request.param


@pytest.fixture()
def store(store_name, request):
    return request.getfixturevalue(REMOTE_STORES[store_name])


def _private_graph(store) -> str:
    """A graph of this test alone, so the tiny data never meets the corpus data of other tests."""
    return f"{store.graph_iri or 'urn:hcc-kg:test'}/tiny/{uuid.uuid4().hex}"


@pytest.mark.slow  # starts real triple-store servers
def test_remote_store_answers_like_the_embedded_ones(store, tiny_file, embedded):
    graph = _private_graph(store)
    load_turtle(store.graph_store_url, tiny_file, graph, store.auth)
    remote = RemoteBackend(store.sparql_url, graph, store.auth)
    assert remote.select(ALL_VALUES, {}).answer_set() == embedded["oxigraph-native"].select(ALL_VALUES, {}).answer_set()
    bindings = {"limit": Literal("1", datatype=XSD_DECIMAL)}
    assert remote.select(BY_DECIMAL, bindings).answer_set() == embedded["rdflib-native"].select(BY_DECIMAL, bindings).answer_set()


@pytest.mark.slow  # starts real triple-store servers
def test_loading_twice_replaces_while_posting_twice_would_duplicate(store_name, store, tiny_file, request):
    graph = _private_graph(store)
    runner = Runner(RemoteBackend(store.sparql_url, graph, store.auth))
    load_turtle(store.graph_store_url, tiny_file, graph, store.auth)
    once = runner.count_triples()
    load_turtle(store.graph_store_url, tiny_file, graph, store.auth)
    assert runner.count_triples() == once == Runner(OxigraphBackend.open(BackendSettings(graph=tiny_file))).count_triples()
    if store_name.startswith("oxigraph"):  # the control: a POST adds the blank-node triples again
        request.getfixturevalue("oxigraph_process").post_turtle(tiny_file, graph)
        assert runner.count_triples() > once


@pytest.mark.slow  # starts real triple-store servers
def test_cli_loads_into_a_store_and_queries_it_like_the_export(store, capsys):
    from hcc_kg.cli import main

    export = Path(__file__).resolve().parents[1] / "exports" / "hcc_kg.ttl"
    graph = _private_graph(store)
    credentials = ["--user", store.auth[0], "--password", store.auth[1]] if store.auth else []
    assert main(["load", "--endpoint", store.graph_store_url, "--file", str(export), "--graph-iri", graph, *credentials]) == 0
    assert "loaded" in capsys.readouterr().out
    question = ["sparql", "approved_agents_hitting_two_families", "--format", "json"]
    assert main([*question, "--graph", str(export)]) == 0
    embedded = json.loads(capsys.readouterr().out)
    assert main([*question, "--endpoint", store.sparql_url, "--default-graph", graph, *credentials]) == 0
    assert json.loads(capsys.readouterr().out) == embedded and embedded["rows"]


def test_servers_get_distinct_ports_below_the_range_clients_take_theirs_from():
    from servers import EPHEMERAL_RANGE, free_ports

    ports = free_ports(5)
    assert len(set(ports)) == 5
    if EPHEMERAL_RANGE.exists():  # a client's source port can never take one of these before the server binds it
        assert max(ports) < int(EPHEMERAL_RANGE.read_text().split()[0])
