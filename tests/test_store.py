"""The build's store (hcc_kg.store.oxigraph): one graph on disk, blank-node free, read by every later stage."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, XSD, BNode, Literal
from rdflib.compare import isomorphic

from hcc_kg.query.graph import project
from hcc_kg.pipeline import Settings, build
from hcc_kg.query.backends import BackendSettings, OxigraphBackend, Runner, open_backend
from hcc_kg.query.library import QueryLibrary
from hcc_kg.query.remote import RemoteBackend, load_turtle
from hcc_kg.cli.serve import server
from hcc_kg.store.rdf import HCC, HCCR, new_graph
from hcc_kg.store import publish, published
from hcc_kg.store.loading import discard
from hcc_kg.store.oxigraph import GENID_NS, STORE_DIRNAME, GraphStore, skolemise
from hcc_kg.store.validate import validate

from conftest import FIXTURES, REPO
from servers.oxigraph_server import oxigraph_binary

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def restriction_graph(tag: str) -> rdflib.Graph:
    """An OWL class with a restriction and a list, blank nodes named by ``tag``."""
    g = rdflib.Graph()
    restriction, head, rest = BNode(f"r{tag}"), BNode(f"h{tag}"), BNode(f"t{tag}")
    g.add((HCC.Combo, RDFS.subClassOf, restriction))
    g.add((restriction, RDF.type, OWL.Restriction))
    g.add((restriction, OWL.onProperty, HCC.hasComponent))
    g.add((restriction, OWL.minQualifiedCardinality, Literal("2", datatype=XSD.nonNegativeInteger)))
    g.add((HCC.Combo, OWL.unionOf, head))
    g.add((head, RDF.first, HCC.A)), g.add((head, RDF.rest, rest))
    g.add((rest, RDF.first, HCC.B)), g.add((rest, RDF.rest, RDF.nil))
    return g


def test_skolemised_graph_has_no_blank_nodes_and_the_same_iris_whatever_the_labels():
    first, second = (set(skolemise(restriction_graph(tag))) for tag in ("x", "y"))
    assert first == second and len(first) == len(restriction_graph("x"))
    assert not any(isinstance(n, BNode) for t in first for n in t)
    assert {str(n) for t in first for n in t if str(n).startswith(GENID_NS)}  # the blank nodes became IRIs
    original = rdflib.Graph()
    for t in first:
        original.add(tuple(BNode(str(n)[len(GENID_NS):]) if str(n).startswith(GENID_NS) else n for n in t))
    assert isomorphic(original, restriction_graph("z"))  # the same structure, nothing lost


LITERALS = [Literal("2", datatype=XSD.nonNegativeInteger), Literal("0.50", datatype=XSD.decimal),
            Literal("400.0", datatype=XSD.decimal), Literal("plain"), Literal("chat", lang="fr"), Literal(7)]


def test_literals_read_back_as_they_were_written():
    store = GraphStore.in_memory()
    store.add_triples((HCCR.x, HCC[f"p{i}"], lit) for i, lit in enumerate(LITERALS))
    assert [store.value(HCCR.x, HCC[f"p{i}"]) for i in range(len(LITERALS))] == LITERALS
    # Oxigraph itself keeps values, not spellings: a second reader sees its canonical forms
    reopened = GraphStore(store.store)
    assert reopened.value(HCCR.x, HCC.p0) == Literal("2", datatype=XSD.integer)
    assert reopened.value(HCCR.x, HCC.p1) == Literal("0.5", datatype=XSD.decimal)
    assert reopened.value(HCCR.x, HCC.p2) == Literal("400.0", datatype=XSD.decimal)  # the point the exports write


def test_ntriples_loaded_in_bulk_read_back_as_written_too():
    from hcc_kg.owl.terms import ntriples

    store = GraphStore.in_memory()
    store.add_ntriples((f"<{HCCR.x}>", f"<{HCC[f'p{i}']}>", ntriples(lit)) for i, lit in enumerate(LITERALS))
    assert [store.value(HCCR.x, HCC[f"p{i}"]) for i in range(len(LITERALS))] == LITERALS
    many = [(f"<{HCCR[f'n{i}']}>", f"<{HCC.p}>", ntriples(Literal(f'line "{i}"\n\\'))) for i in range(50_000)]
    store.add_ntriples(iter(many))  # more than one chunk of text
    assert len(store) == len(LITERALS) + len(many)
    assert store.value(HCCR.n49999, HCC.p) == Literal('line "49999"\n\\')


def test_a_published_store_reopened_by_its_writer_reads_literals_as_written(tmp_path):
    written = Literal("0.50", datatype=XSD.decimal)
    store = GraphStore.create(tmp_path / "store")
    store.add_triples([(HCCR.x, HCC.value, written)])
    store.close()
    assert store.reopened_at(tmp_path / "store").value(HCCR.x, HCC.value) == written
    assert str(GraphStore.open(tmp_path / "store").value(HCCR.x, HCC.value)) == "0.5"  # a stranger sees Oxigraph's form


def test_only_a_literal_typed_xsd_string_counts_as_a_typed_string():
    from hcc_kg.owl.terms import ntriples
    from hcc_kg.store.export import from_store

    plain = GraphStore.in_memory()
    plain.add_triples([(HCCR.x, RDFS.label, Literal("plain"))])
    plain.add_ntriples([(f"<{HCCR.y}>", f"<{RDFS.label}>", ntriples(Literal("also plain")))])
    assert not plain.wrote_typed_strings()  # its dump needs no respelling of plain strings
    typed = GraphStore.in_memory()
    typed.add_triples([(HCCR.x, RDFS.label, Literal("typed", datatype=XSD.string))])
    assert typed.wrote_typed_strings()
    bulk = GraphStore.in_memory()
    bulk.add_ntriples([(f"<{HCCR.x}>", f"<{RDFS.label}>", f'"typed"^^<{XSD.string}>')])
    assert bulk.wrote_typed_strings()
    # Oxigraph dumps it as a plain string; the canonical lines spell it as it was written
    assert [line for line in from_store(typed).lines() if "typed" in line] == \
        [f'<{HCCR.x}> <{RDFS.label}> "typed"^^<{XSD.string}> .\n']


def test_store_reads_like_the_rdflib_graph_it_was_given():
    g = skolemised(restriction_graph("q"))
    g.add((HCCR.a, HCC.inhibits, HCCR.b)).add((HCCR.a, RDFS.label, Literal("A")))
    store = GraphStore.in_memory()
    store.add_triples(g)
    assert len(store) == len(g) and isomorphic(store.to_rdflib(), g)
    assert set(store.triples((None, RDF.type, None))) == set(g.triples((None, RDF.type, None)))
    assert set(store.subjects(HCC.inhibits, HCCR.b)) == {HCCR.a} and store.value(HCCR.a, RDFS.label) == Literal("A")
    assert set(store.predicate_objects(HCCR.a)) == set(g.predicate_objects(HCCR.a))
    assert (HCCR.a, HCC.inhibits, HCCR.b) in store and (HCCR.b, HCC.inhibits, HCCR.a) not in store


def skolemised(graph: rdflib.Graph) -> rdflib.Graph:
    out = new_graph()
    for t in skolemise(graph):
        out.add(t)
    return out


def test_store_refuses_blank_nodes():
    with pytest.raises(Exception, match="blank"):
        GraphStore.in_memory().add_triples([(BNode(), HCC.p, HCCR.x)])


def test_validation_on_the_store_gives_the_rdflib_report():
    g = new_graph()
    g.add((HCCR.trial__x, RDF.type, HCC.ClinicalTrial))  # no name (a violation), no arm (a warning)
    store = GraphStore.in_memory()
    store.add_triples(g)
    on_store, on_graph = validate(store), validate(g)
    assert not on_store.conforms and on_store == on_graph and len(on_store.violations) == 2


def _publish_store(out: Path, store: GraphStore) -> GraphStore:
    """What the build does: close the staged store, commit it with the exports, open it in place."""
    staging = publish.stage(out)
    try:
        (staging / "hcc_kg.nt").write_text("".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in store),
                                           encoding="utf-8")  # the store's triples, as the export holds them
        triples = len(store)
        store.close()
        publish.commit(out, staging, {STORE_DIRNAME: store.path}, {STORE_DIRNAME: {"triples": triples}})
    finally:
        publish.discard(out, staging)
    return GraphStore.open(out / STORE_DIRNAME)


def test_a_store_committed_with_the_exports_replaces_the_old_one_and_discard_leaves_it(tmp_path):
    location = tmp_path / STORE_DIRNAME

    def staged(*subjects) -> GraphStore:
        folder = tmp_path / f".tmp-store-{subjects[0]}"
        folder.mkdir()
        store = GraphStore.create(folder / STORE_DIRNAME)
        store.add_triples([(HCCR[subject], RDF.type, HCC.Drug) for subject in subjects])
        return store

    first = _publish_store(tmp_path, staged("a"))
    assert set(first.subjects(RDF.type, HCC.Drug)) == {HCCR.a}
    first.close()
    second = _publish_store(tmp_path, staged("b", "b2"))
    assert set(second.subjects(RDF.type, HCC.Drug)) == {HCCR.b, HCCR.b2}
    described = published.published_folder(tmp_path, STORE_DIRNAME)
    assert described["triples"] == len(second)  # the manifest names this store, and the store says so too
    assert json.loads((location / publish.STAMP).read_text()) == described
    discard(staged("c"))
    assert set(GraphStore.open(location).subjects(RDF.type, HCC.Drug)) == {HCCR.b, HCCR.b2}
    assert published.verify(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hcc_kg.nt", publish.MANIFEST, STORE_DIRNAME]


def test_closing_a_store_twice_is_harmless(tmp_path):
    store = GraphStore.create(tmp_path / STORE_DIRNAME)
    store.add_triples([(HCCR.a, RDF.type, HCC.Drug)])
    store.close()
    store.close()
    assert store.store is None and len(GraphStore.open(tmp_path / STORE_DIRNAME)) == 1


def test_a_store_of_another_build_or_without_a_stamp_is_caught_by_verify(tmp_path):
    def built(folder: Path, subject: str) -> Path:
        (folder / ".tmp-store-x").mkdir(parents=True)
        store = GraphStore.create(folder / ".tmp-store-x" / STORE_DIRNAME)
        store.add_triples([(HCCR[subject], RDF.type, HCC.Drug)])
        _publish_store(folder, store).close()
        assert published.verify(folder) == []
        return folder

    mine, theirs = built(tmp_path / "mine", "a"), built(tmp_path / "theirs", "b")
    shutil.rmtree(mine / STORE_DIRNAME)
    shutil.copytree(theirs / STORE_DIRNAME, mine / STORE_DIRNAME)  # same triple count, another build
    assert published.verify(mine) == [f"{STORE_DIRNAME}: stamped for another build than the manifest's"]
    (mine / STORE_DIRNAME / publish.STAMP).unlink()
    assert published.verify(mine)[0].startswith(f"{STORE_DIRNAME}: no readable {publish.STAMP}")
    shutil.rmtree(mine / STORE_DIRNAME)
    assert published.verify(mine)[0].startswith(f"{STORE_DIRNAME}: missing")


# --- a small build: exports, loads, the served store ------------------------------------------

@pytest.fixture(scope="module")
def tiny_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("tiny-out")
    return build(Settings(corpus=FIXTURES / "tiny", out=out, lexicon=False)), out


def test_exports_hold_no_blank_nodes(tiny_build):
    _, out = tiny_build
    for name, fmt in (("hcc_kg.ttl", "turtle"), ("hcc_kg.nt", "nt"), ("hcc_kg.jsonld", "json-ld")):
        graph = rdflib.Graph().parse(out / name, format=fmt)
        assert not any(isinstance(n, BNode) for t in graph for n in t), name
    assert any(str(s).startswith(GENID_NS) for s in graph.subjects())  # the ontology's restrictions, skolemised


def test_loading_the_turtle_export_twice_keeps_the_triple_count(tiny_build):
    result, out = tiny_build
    store = ox.Store()
    store.load(path=str(out / "hcc_kg.ttl"), format=ox.RdfFormat.TURTLE)
    once = len(store)
    store.load(path=str(out / "hcc_kg.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(store) == once == len(result.store)


def test_concurrent_loads_into_an_oxigraph_server_give_one_graph(tiny_build, oxigraph_process):
    result, out = tiny_build
    endpoint = oxigraph_process.endpoint
    graph = "https://w3id.org/hcc-kg/graph/concurrent-loads"
    errors: list[BaseException] = []

    def load() -> None:
        try:
            load_turtle(endpoint.graph_store_url, out / "hcc_kg.ttl", graph)
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=load) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    assert Runner(RemoteBackend(endpoint.sparql_url, graph)).count_triples() == len(result.store)


def test_the_built_store_is_where_the_build_put_it_and_opens_read_only(tiny_build):
    result, out = tiny_build
    assert result.store.path == out / STORE_DIRNAME
    assert not [p for p in out.iterdir() if p.name.startswith(".tmp-store-")]
    assert len(GraphStore.open(out / STORE_DIRNAME)) == len(result.store) == result.counts["triples"]
    # the manifest says which store belongs to the exports: its triple count, and the store's stamp agrees
    assert published.published_folder(out, STORE_DIRNAME)["triples"] == len(result.store)
    assert published.verify(out) == []


def _cli_json(argv: list[str], capsys) -> object:
    from hcc_kg.cli import main

    assert main(argv) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("command", [["agents", "--hits", "FGFR1"], ["paths", "FGFR1", "lenvatinib"], ["trials"]])
def test_graph_commands_read_a_built_store_folder_as_they_read_the_turtle(tiny_build, command, capsys):
    _, out = tiny_build
    from_turtle = _cli_json([*command, "--graph", str(out / "hcc_kg.ttl"), "--json"], capsys)
    from_store = _cli_json([*command, "--graph", str(out / STORE_DIRNAME), "--json"], capsys)
    assert from_store == from_turtle
    assert from_turtle or command == ["trials"]  # the tiny corpus has agents and paths, no trial


def test_view_reads_a_built_store_folder(tiny_build, tmp_path):
    from hcc_kg.cli import main

    _, out = tiny_build
    pages = {}
    for source in ("hcc_kg.ttl", STORE_DIRNAME):
        pages[source] = tmp_path / f"{source}.html"
        assert main(["view", "--graph", str(out / source), "--around", "lenvatinib", "--out", str(pages[source])]) == 0
    assert "lenvatinib" in pages[STORE_DIRNAME].read_text(encoding="utf-8").lower()
    assert pages[STORE_DIRNAME].read_bytes() == pages["hcc_kg.ttl"].read_bytes()


@pytest.mark.parametrize("command", [["agents", "--hits", "x"], ["trials"], ["view"]])
def test_a_graph_folder_that_is_no_store_exits_9(tmp_path, command, capsys):
    from hcc_kg.cli import main
    from hcc_kg.errors import GraphError, exit_code_for

    (tmp_path / "notes.txt").write_text("not a database", encoding="utf-8")
    extra = ["--out", str(tmp_path / "v.html")] if command == ["view"] else []
    assert main([*command, "--graph", str(tmp_path), *extra]) == exit_code_for(GraphError("x"))
    assert "cannot open the store" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def _as_values(answer):
    """``answer`` with numeric strings as numbers: a store opened later spells literals
    canonically (``"0.50"`` reads back as ``"0.5"``; see hcc_kg.store.oxigraph), the Turtle as written."""
    if isinstance(answer, dict):
        return {key: _as_values(value) for key, value in answer.items()}
    if isinstance(answer, list):
        return [_as_values(value) for value in answer]
    if isinstance(answer, str):
        try:
            return Decimal(answer)
        except ArithmeticError:
            return answer
    return answer


@pytest.mark.slow
def test_trials_and_chain_read_the_corpus_store_as_they_read_its_turtle(built, capsys):
    out = Path(built.outputs[0]).parent
    for command in (["trials", "--hr-below", "0.8"], ["chain", "Ras-Raf-MAPK"]):
        from_turtle = _cli_json([*command, "--graph", str(out / "hcc_kg.ttl"), "--json"], capsys)
        from_store = _cli_json([*command, "--graph", str(out / STORE_DIRNAME), "--json"], capsys)
        assert from_turtle and _as_values(from_store) == _as_values(from_turtle)


def test_the_oxigraph_program_reads_the_built_store(tiny_build, tmp_path):
    result, out = tiny_build
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph program is not installed (the [test] extra)")
    copy = tmp_path / "store"
    shutil.copytree(out / STORE_DIRNAME, copy)  # the program opens it for writing; the build holds it open
    done = subprocess.run([str(binary), "query", "--location", str(copy), "--query",
                           "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "--results-format", "csv"],
                          capture_output=True, text=True, timeout=60, check=True)
    assert int(done.stdout.split()[-1]) == len(result.store)


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with NO_PROXY.open(url, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read()


def test_serve_answers_sparql_on_the_built_store(tiny_build):
    result, out = tiny_build
    httpd = server(out / STORE_DIRNAME, port=0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        status, kind, body = _get(f"{base}/query?query={urllib.parse.quote(count)}")
        assert status == 200 and kind.startswith("application/sparql-results+json")
        assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == len(result.store)
        posted = urllib.request.Request(f"{base}/sparql", data=b"ASK { ?s <%s> ?o }" % str(HCC.inhibits).encode(),
                                        headers={"Content-Type": "application/sparql-query"})
        with NO_PROXY.open(posted, timeout=30) as response:
            assert json.loads(response.read())["boolean"] is True
        update = urllib.parse.quote("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
        assert _get(f"{base}/query?query={update}")[0] == 400  # an update is not a query
        assert _get(f"{base}/other?query={urllib.parse.quote(count)}")[0] == 404
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert len(GraphStore.open(out / STORE_DIRNAME)) == len(result.store)


# --- the shipped corpus --------------------------------------------------------------------------

@pytest.mark.slow
def test_every_competency_question_answers_on_the_built_store(built):
    library = QueryLibrary.load(REPO / "ontology" / "queries")
    on_store = Runner(OxigraphBackend.open(BackendSettings(graph=built.store.path)))
    turtle = next(p for p in built.outputs if p.name == "hcc_kg.ttl")
    on_export = Runner(open_backend("rdflib", BackendSettings(graph=turtle)))
    for query in library.all():
        answer = on_store.run(query)
        assert answer.rows, f"{query.name} answers nothing on the store"
        assert answer.answer_set() == on_export.run(query).answer_set(), query.name


@pytest.mark.slow
def test_projection_from_the_store_equals_the_projection_of_its_rdflib_copy(built):
    from_store, from_copy = project(built.store), project(built.graph)
    assert list(from_store.nodes(data=True)) == list(from_copy.nodes(data=True))
    assert list(from_store.edges(keys=True, data=True)) == list(from_copy.edges(keys=True, data=True))


def test_a_failed_build_leaves_the_previous_store(tiny_build, tmp_path, monkeypatch):
    from hcc_kg import pipeline
    from hcc_kg.errors import ExportError

    result, out = tiny_build
    shutil.copytree(out, tmp_path / "out")
    before = len(GraphStore.open(tmp_path / "out" / STORE_DIRNAME))

    def broken(*args):
        raise ExportError("disk full (simulated)")

    monkeypatch.setattr(pipeline, "write_exports", broken)
    with pytest.raises(ExportError):
        build(Settings(corpus=FIXTURES / "tiny", out=tmp_path / "out", lexicon=False))
    assert len(GraphStore.open(tmp_path / "out" / STORE_DIRNAME)) == before == len(result.store)
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".tmp-store-")]


def test_serve_without_a_store_is_a_graph_error(tmp_path, capsys):
    from hcc_kg.cli import main
    from hcc_kg.errors import GraphError, exit_code_for

    assert main(["serve", "--store", str(tmp_path / "missing")]) == exit_code_for(GraphError("x"))
    assert "no store at" in capsys.readouterr().err


def test_a_folder_that_is_no_store_is_refused_and_left_alone(tmp_path):
    from hcc_kg.errors import GraphError

    (tmp_path / "notes.txt").write_text("not a database", encoding="utf-8")
    with pytest.raises(GraphError, match="Oxigraph store"):
        OxigraphBackend.open(BackendSettings(graph=tmp_path))
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
