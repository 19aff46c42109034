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
