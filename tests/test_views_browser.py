"""The build's views in headless Chromium: drawn, complete, quiet, offline, searchable.

Pages come from a localhost server, so any request that is not to that server left the
machine.  Expected counts are computed from the built RDF with SPARQL, not from the view
code.  Screenshots go to ``$HCC_KG_ARTIFACTS`` (default ``test-artifacts/views``).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from urllib.parse import urlparse

import pytest
import rdflib

from hcc_kg.views import browser

from conftest import REPO

pytestmark = pytest.mark.slow
HCC = rdflib.Namespace("https://w3id.org/hcc-kg/ontology#")
ARTIFACTS = Path(os.environ.get("HCC_KG_ARTIFACTS", REPO / "test-artifacts")) / "views"
LOCAL_SCHEMES = {"data", "blob", "about", "chrome", "chrome-extension", "devtools"}


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    reason = browser.missing()
    if reason:
        pytest.skip(f"no headless browser: {reason}")
    with browser.chromium(tmp_path_factory.mktemp("chromium-profile")) as d:
        yield d


@pytest.fixture(scope="module")
def pages(built):
    found = {p.name: p for p in built.outputs if p.suffix == ".html"}
    assert "view_graph.html" in found
    return found


def expected_counts(graph: rdflib.Graph) -> tuple[int, int, str]:
    """Individuals, facts between them (an owl:inverseOf pair once), and one drug's label."""
    individuals = {str(r.s): str(r.label) for r in graph.query(
        "SELECT ?s ?label WHERE { ?s a owl:NamedIndividual ; a ?t . OPTIONAL { ?s rdfs:label ?label } "
        "FILTER(STRSTARTS(STR(?t), STR(hcc:))) "
        "FILTER NOT EXISTS { ?s a hcc:Evidence } FILTER NOT EXISTS { ?s a hcc:SourceDocument } }")}
    inverse = {}
    for p, q in graph.subject_objects(rdflib.OWL.inverseOf):
        inverse[p], inverse[q] = q, p
    facts = {frozenset({(s, p, o), (o, inverse.get(p), s)}) for s, p, o in graph
             if str(s) in individuals and str(o) in individuals and str(p).startswith(str(HCC))}
    drug = sorted(str(s) for s in graph.subjects(rdflib.RDF.type, HCC.SmallMolecule) if str(s) in individuals)[0]
    return len(individuals), len(facts), individuals[drug]


@contextlib.contextmanager
def opened(driver, page: Path):
    """Serve ``page``'s folder, load the page and wait for its layout; yields the base URL."""
    with browser.serve(page.parent) as base:
        driver.get_log("performance")  # drop earlier pages' events
        driver.get_log("browser")
        driver.get(base + page.name)
        browser.wait_until_settled(driver)
        yield base


def left_the_machine(urls: list[str], base: str) -> list[str]:
    return [u for u in urls if urlparse(u).scheme not in LOCAL_SCHEMES and not u.startswith(base)]


def test_whole_graph_view_draws_every_node_and_fact_offline_and_quietly(driver, pages, built):
    nodes, facts, _ = expected_counts(built.graph)
    with opened(driver, pages["view_graph.html"]) as base:
        assert driver.execute_script("return window.network instanceof vis.Network")
        assert driver.execute_script("return window.hccView.drawn()") == {"nodes": nodes, "edges": facts}
        assert driver.execute_script("return Object.keys(network.getPositions()).length") == nodes
        resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert left_the_machine(resources, base) == []
        requested = browser.requested_urls(driver)
        assert base + "view_graph.html" in requested  # the log works: it saw the page itself
        assert left_the_machine(requested, base) == []
        assert browser.console_errors(driver) == []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shot = ARTIFACTS / "graph.png"
        driver.save_screenshot(str(shot))
        print(f"screenshot: {shot}")
        assert shot.stat().st_size > 10_000


def test_search_box_and_type_filter(driver, pages, built):
    nodes, _, name = expected_counts(built.graph)
    with opened(driver, pages["view_graph.html"]):
        box = driver.find_element("id", "hcc-search")
        box.send_keys(name)
        visible = driver.execute_script("return window.hccView.visibleNodeIds()")
        labels = driver.execute_script("return window.hccView.visibleNodeIds().map(id => nodes.get(id).search)")
        assert 0 < len(visible) < nodes
        assert all(name.lower() in text for text in labels)
        assert any(text.split(" | ")[0] == name.lower() for text in labels)
        assert driver.execute_script("return window.hccView.drawn().nodes") == len(visible)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / "graph_search.png"))
        box.clear()
        driver.execute_script("document.getElementById('hcc-search').dispatchEvent(new Event('input'))")
        assert len(driver.execute_script("return window.hccView.visibleNodeIds()")) == nodes
        driver.execute_script("var s = document.getElementById('hcc-type'); s.value = 'ClinicalTrial';"
                              "s.dispatchEvent(new Event('change'));")
        kinds = set(driver.execute_script("return window.hccView.visibleNodeIds().map(id => nodes.get(id).kind)"))
        trials = sum(1 for _ in built.graph.subjects(rdflib.RDF.type, HCC.ClinicalTrial))
        assert kinds == {"ClinicalTrial"}
        assert len(driver.execute_script("return window.hccView.visibleNodeIds()")) == trials


def test_tooltips_are_elements_with_registry_links(driver, pages):
    with opened(driver, pages["view_graph.html"]):
        links = driver.execute_script(
            "return nodes.get().filter(n => n.title instanceof HTMLElement)"
            ".flatMap(n => Array.from(n.title.querySelectorAll('a')).map(a => a.href));")
        assert links and all(link.startswith(("https://", "http://")) for link in links)
        assert driver.execute_script("return edges.get().every(e => e.title instanceof HTMLElement)")
        remote = "script[src], link[href^='http'], link[href^='//']"
        assert driver.execute_script(f"return document.querySelectorAll(\"{remote}\").length") == 0


def test_chain_view_draws_what_it_carries(driver, pages):
    chain = next(p for name, p in sorted(pages.items()) if name.startswith("view_chain_"))
    with opened(driver, chain) as base:
        carried = driver.execute_script("return [nodes.length, edges.length]")
        assert carried[0] > 0
        assert driver.execute_script("return window.hccView.drawn()") == {"nodes": carried[0], "edges": carried[1]}
        assert left_the_machine(browser.requested_urls(driver), base) == []
        assert browser.console_errors(driver) == []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / chain.with_suffix(".png").name))


# Layered chains, readable labels, the Details panel, forest plots and evidence pages ---------

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
#: Left to right in a chain view: the types of each rank (what the issue asks for, not the code's table).
CHAIN_ORDER = (("Pathway",), ("Protein", "ProteinFamily"), ("ClinicalTrial",), ("TrialArm",),
               ("HazardRatio", "OutcomeMeasurement"), ("EndpointType",))


def _labels_by(graph: rdflib.Graph, query: str) -> dict[str, set[str]]:
    """key → labels of what ``query`` (binding ?node and ?label) relates to it."""
    found: dict[str, set[str]] = {}
    for row in graph.query("PREFIX hcc: <https://w3id.org/hcc-kg/ontology#> " + query):
        found.setdefault(str(row.node).rsplit("/", 1)[-1], set()).add(str(row.label))
    return found


def _chain_page(pages) -> Path:
    return next(p for name, p in sorted(pages.items()) if name.startswith("view_chain_"))


def test_chain_view_is_drawn_in_ranks_left_to_right_and_legible(driver, pages):
    with opened(driver, _chain_page(pages)):
        drawn = driver.execute_script(
            "var p = network.getPositions(); return nodes.get().map(n => [n.kind, p[n.id].x, p[n.id].y, n.id]);")
        scale = driver.execute_script("return network.getScale()")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / "chain_layered.png"))
    print(f"chain view: {len(drawn)} nodes, initial zoom {scale:.2f}")
    xs = {kind: [x for k, x, _, _ in drawn if k in kinds] for kinds in CHAIN_ORDER for kind in [kinds]}
    present = [xs[kinds] for kinds in CHAIN_ORDER if xs[kinds]]
    assert len(present) == len(CHAIN_ORDER)
    for left, right in zip(present, present[1:]):  # every node of a rank lies left of every node of the next
        assert max(left) < min(right)
    columns: dict[float, list[float]] = {}
    for _, x, y, _ in drawn:
        columns.setdefault(round(x), []).append(y)
    for ys in columns.values():  # nodes of one rank never overlap
        ys.sort()
        assert all(b - a >= 30 for a, b in zip(ys, ys[1:]))
    assert scale >= 0.5  # the first view is zoomed so labels can be read, not fitted into a smudge


def test_arm_and_approval_labels_come_from_the_graph(driver, pages, built):
    trials = _labels_by(built.graph, "SELECT ?node ?label WHERE { ?t hcc:hasArm ?node ; rdfs:label ?label }")
    agencies = _labels_by(built.graph, "SELECT ?node ?label WHERE { ?node hcc:grantedBy/rdfs:label ?label }")
    assert trials and agencies
    with opened(driver, pages["view_graph.html"]):
        shown = {n["id"]: n for n in driver.execute_script(
            "return nodes.get().map(n => ({id: n.id, kind: n.kind, label: n.label, search: n.search}))")}
    for arm, labels in trials.items():
        node = shown[arm]
        assert any(f"{label.lower()} · " in node["search"] for label in labels)
        assert any(node["label"].startswith(label[:20]) for label in labels)  # drawn, not only searchable
    for approval, labels in agencies.items():
        label = shown[approval]["label"]
        assert any(agency in label for agency in labels) and "_" not in label and "(" not in label


def test_details_panel_is_in_view_beside_the_network(driver, pages):
    with opened(driver, pages["view_graph.html"]):
        node = driver.execute_script("return nodes.getIds()[0]")
        driver.execute_script("network.selectNodes([arguments[0]]);"
                              "network.body.emitter.emit('click', {nodes: [arguments[0]], edges: [], "
                              "pointer: {DOM: {x: 0, y: 0}, canvas: {x: 0, y: 0}}});", node)
        details = driver.execute_script(
            "var r = document.getElementById('hcc-details').getBoundingClientRect();"
            "return [r.top, r.bottom, window.innerHeight, document.getElementById('hcc-details').textContent];")
        canvas = driver.execute_script("return document.getElementById('mynetwork').getBoundingClientRect().right")
        side = driver.execute_script("return document.getElementById('hcc-side').getBoundingClientRect().left")
        expected = driver.execute_script("return nodes.get(arguments[0]).title.textContent", node)
        shown, needed = driver.execute_script("var b = document.getElementById('hcc-detail-box');"
                                              "return [b.clientHeight, b.scrollHeight];")
        driver.save_screenshot(str(ARTIFACTS / "graph_details.png"))
    top, bottom, height, text = details
    assert shown >= min(needed, 0.4 * height)  # the panel is not squeezed by the legend below it
    assert 0 <= top < height / 2 and text == expected  # the clicked node's details, in the upper half
    assert canvas <= side + 1  # the network is not drawn under the side panel


def _static_page_is_offline_and_quiet(driver, page: Path, shot: str) -> None:
    with browser.serve(page.parent) as base:
        driver.get_log("performance")
        driver.get_log("browser")
        driver.get(base + page.name)
        assert left_the_machine(browser.requested_urls(driver), base) == []
        assert browser.console_errors(driver) == []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / shot))


def test_forest_plot_page_draws_one_marker_per_hazard_ratio(driver, built, tmp_path):
    from hcc_kg.cli import main

    graph = next(p for p in built.outputs if p.name == "hcc_kg.ttl")
    estimates = len(list(built.graph.query(
        "PREFIX hcc: <https://w3id.org/hcc-kg/ontology#> SELECT DISTINCT ?e WHERE { ?t hcc:hasEffectEstimate ?e . "
        "?e a hcc:HazardRatio ; hcc:value ?v }")))
    page = tmp_path / "forest.html"
    assert main(["plot", "forest", "--graph", str(graph), "--out", str(tmp_path / "forest.svg"),
                 "--html", str(page)]) == 0
    _static_page_is_offline_and_quiet(driver, page, "forest.png")
    rows = driver.execute_script("return document.querySelectorAll('#forest-values tr').length")
    assert rows == estimates + 1  # a header, then one row per hazard ratio
    assert driver.execute_script("return document.querySelector('#forest svg').getBoundingClientRect().width") > 300


def test_evidence_page_highlights_the_span(driver, built, corpus_dir, tmp_path):
    from hcc_kg.cli import main

    graph = next(p for p in built.outputs if p.name == "hcc_kg.ttl")
    G = built.graph
    fact = next(iter(G.query("PREFIX hcc: <https://w3id.org/hcc-kg/ontology#> SELECT ?s ?o WHERE { "
                             "?ax owl:annotatedSource ?d ; owl:annotatedProperty hcc:inhibits ; owl:annotatedTarget ?t ;"
                             " hcc:hasEvidence ?e . ?d rdfs:label ?s . ?t rdfs:label ?o } ORDER BY ?s ?o LIMIT 1")))
    page = tmp_path / "fact.html"
    assert main(["show", f"{fact.s} inhibits {fact.o}", "--graph", str(graph), "--corpus", str(corpus_dir),
                 "--html", str(page)]) == 0
    _static_page_is_offline_and_quiet(driver, page, "evidence.png")
    marks = driver.execute_script("return Array.from(document.querySelectorAll('mark')).map(m => m.textContent)")
    assert marks and all(marks)
