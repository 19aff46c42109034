"""benchmarks/run.py's parts: the floor (floor.py), query medians on a store (store_queries.py)
and the report (tables.py), on tiny invented graphs and a made-up report."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import floor  # noqa: E402
import store_queries  # noqa: E402
import tables  # noqa: E402

from hcc_kg.query.library import QueryLibrary  # noqa: E402

HCC = "https://w3id.org/hcc-kg/ontology#"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
INDIVIDUAL = "http://www.w3.org/2002/07/owl#NamedIndividual"


def invented_store() -> tuple[ox.Store, dict[str, int]]:
    """Two invented drugs, each inhibiting some invented targets; returns the store and the counts."""
    targets = {"zelmanibxaa": 3, "quorafenib": 1}
    store = ox.Store()
    for drug, n in targets.items():
        iri = ox.NamedNode(f"urn:drug:{drug}")
        store.add(ox.Quad(iri, ox.NamedNode(LABEL), ox.Literal(drug)))
        store.add(ox.Quad(iri, ox.NamedNode(TYPE), ox.NamedNode(INDIVIDUAL)))
        for k in range(n):
            store.add(ox.Quad(iri, ox.NamedNode(HCC + "inhibits"), ox.NamedNode(f"urn:target:{drug}-{k}")))
    return store, targets


def query_library(folder: Path) -> QueryLibrary:
    folder.mkdir()
    body = f"SELECT ?drug ?t WHERE {{ ?drug <{HCC}inhibits> ?t }}\n"
    (folder / "targets_of.rq").write_text(
        '# title: Targets\n# question: What does a drug inhibit?\n# param: drug iri = "zelmanib"  a drug\n' + body)
    (folder / "targets_of_unknown.rq").write_text(
        '# title: Unknown\n# question: What does a missing drug inhibit?\n# param: drug iri = "nodrug"  a drug\n'
        + body)
    (folder / "all_targets.rq").write_text("# title: All\n# question: Every inhibition?\n" + body)
    return QueryLibrary.load(folder)


def test_load_and_dump_loads_every_distinct_triple_and_writes_them_back(tmp_path):
    lines = [f"<urn:s{k % 4}> <urn:p> <urn:o{k}> ." for k in range(10)]
    source = tmp_path / "g.nt"
    source.write_text("\n".join(lines + lines[:3]) + "\n")  # three repeated: a set, not a list
    result = floor.load_and_dump(source, tmp_path)
    assert result["triples"] == len(set(lines))
    dumped = {str(t) for t in ox.parse(path=str(tmp_path / "floor-dump.nt"), format=ox.RdfFormat.N_TRIPLES)}
    loaded = {str(t) for t in ox.parse(path=str(source), format=ox.RdfFormat.N_TRIPLES)}
    assert dumped == loaded and result["load"] >= 0 and result["dump"] >= 0


def test_dump_store_writes_the_default_graph_only(tmp_path):
    store, targets = invented_store()
    store.add(ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:p"), ox.NamedNode("urn:y"), ox.NamedNode("urn:g")))
    written = floor.dump_store(store, tmp_path / "g.nt")
    lines = (tmp_path / "g.nt").read_text().splitlines()
    assert len(lines) == sum(targets.values()) + 2 * len(targets)  # inhibits + label + type per drug
    assert "urn:x" not in "".join(lines) and written == len(store)


def test_ratio_is_the_build_over_the_floor():
    assert floor.ratio(12.0, {"seconds": 4.0}) == 12.0 / 4.0
    assert floor.ratio(12.0, {"note": "failed"}) is None


def test_median_ms_repeats_a_fast_call_as_asked_and_a_slow_one_within_the_budget():
    calls = []
    ms, made, value = store_queries.median_ms(lambda: calls.append(1) or len(calls), runs=7, budget=10.0)
    assert (made, value, len(calls)) == (7, 1, 8)  # one warm-up, whose value is returned, then 7
    ms, made, _ = store_queries.median_ms(lambda: time.sleep(0.03), runs=50, budget=0.06)
    assert made == 3 and ms >= 30  # the budget allows 2 runs; never fewer than 3


def test_time_queries_counts_rows_renames_missing_defaults_and_skips_what_cannot_resolve(tmp_path):
    store, targets = invented_store()
    library = query_library(tmp_path / "queries")
    timed = store_queries.time_queries(store, runs=3, library=library, alternatives=lambda name: (name + "xaa",))
    queries = timed["queries"]
    assert queries["targets_of"]["rows"] == targets["zelmanibxaa"]
    assert queries["targets_of"]["renamed"] == {"drug": "zelmanibxaa"}
    assert queries["all_targets"]["rows"] == sum(targets.values()) and "renamed" not in queries["all_targets"]
    assert "skipped" in queries["targets_of_unknown"] and timed["skipped"] == 1
    slowest = max((q for q in queries if "median_ms" in queries[q]), key=lambda q: queries[q]["median_ms"])
    assert timed["slowest"] == slowest and timed["max_median_ms"] == queries[slowest]["median_ms"]


def test_exponent_recovers_a_power_law():
    assert tables.exponent([(n, 0.5 * n ** 1.5) for n in (10, 100, 1000)]) == pytest.approx(1.5)


def made_up_report() -> dict:
    def run(label, documents, build, floor_seconds, worst, synthetic):
        queries = {"q": {"median_ms": worst, "runs": 3, "rows": documents}}
        return {"label": label, "documents": documents, "build_seconds": build, "synthetic": synthetic,
                "stages": {"extract": {"seconds": build / 4, "peak_rss": 2**20, "size": documents}},
                "floor": {"seconds": floor_seconds, "extract": floor_seconds / 2},
                "queries": {"runs": 3, "queries": queries, "slowest": "q", "max_median_ms": worst}}
    runs = [run("shipped corpus", 2, 9.0, 2.0, 4.0, False), run("10 documents", 10, 20.0, 10.0, 6.0, True),
            run("100 documents", 100, 200.0, 50.0, 60.0, True)]
    return {"runs": runs, "machine": "invented", "growth": tables.growth(runs)}


def test_markdown_prints_the_floor_ratio_and_query_growth_of_each_corpus():
    report = made_up_report()
    text = tables.markdown(report)
    floor_row = next(line for line in text.splitlines() if line.startswith("| build ÷ floor"))
    for r in report["runs"]:
        ratio = r["build_seconds"] / r["floor"]["seconds"]
        assert f"**{ratio:.1f}×** " + ("✓" if ratio <= floor.TARGET_RATIO else "✗") in floor_row
    query_row = next(line for line in text.splitlines() if line.startswith("| q |"))
    synthetic = [(r["documents"], r["queries"]["max_median_ms"]) for r in report["runs"] if r["synthetic"]]
    assert query_row.rstrip(" |").endswith(str(tables.exponent(synthetic)))
    shipped = report["runs"][0]["queries"]["max_median_ms"]
    assert f"**{shipped:.2f} ms** {'✓' if shipped <= store_queries.TARGET_MS else '✗'}" in text


def test_plot_draws_the_build_and_the_floor(tmp_path):
    assert tables.plot(made_up_report(), tmp_path / "plot.png") and (tmp_path / "plot.png").stat().st_size > 0
