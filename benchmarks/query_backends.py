"""Time loading the export and answering every competency question on each backend.

Backends: rdflib and pyoxigraph (embedded), the Oxigraph server and Virtuoso (each started
here on free 127.0.0.1 ports when installed, loaded over the Graph Store protocol), and any
endpoint given with ``--endpoint`` (loaded first when ``--graph-store`` is given too).  Each query runs once to
warm up, then ``--repeat`` times; the median is reported.  Answers are compared across
backends, so a fast wrong answer shows.  Prints a Markdown table; writes JSON to
``benchmarks/results/query_backends.json`` (``--json`` to change; ``benchmarks/run.py`` writes
it into its own ``--out`` folder).

    .venv/bin/python benchmarks/query_backends.py            # one command, ~1 minute
    .venv/bin/python benchmarks/query_backends.py --endpoint http://host:8890/sparql \\
        --graph-store http://host:8890/sparql-graph-crud-auth --default-graph urn:hcc --user dba --password …

This is a benchmark, not a test: it asserts nothing and is not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the server helpers live with the test fixtures

from hcc_kg.query.backends import BackendSettings, Runner, open_backend  # noqa: E402
from hcc_kg.query.library import QueryLibrary  # noqa: E402
from hcc_kg.query.remote import RemoteBackend, load_turtle  # noqa: E402


def timed(func):
    start = time.perf_counter()
    value = func()
    return value, time.perf_counter() - start


def median_time(func, repeat: int) -> float:
    func()  # warm-up: caches, JIT-less but allocator and page cache alike
    return statistics.median(timed(func)[1] for _ in range(repeat))


def embedded(name: str, graph: Path):
    backend, seconds = timed(lambda: open_backend(name, BackendSettings(graph=graph)))
    return Runner(backend), seconds


def remote(url: str, graph: Path, store: str | None, graph_iri: str | None, auth):
    seconds = timed(lambda: load_turtle(store, graph, graph_iri, auth))[1] if store else None
    return Runner(RemoteBackend(url, graph_iri, auth)), seconds


def run(args: argparse.Namespace) -> dict:
    library = QueryLibrary.load(args.queries)
    queries = library.all()
    runners, loads = {}, {}
    with ExitStack() as stack:
        for name, label in (("rdflib", "rdflib"), ("oxigraph", "pyoxigraph")):
            runners[label], loads[label] = embedded(name, args.graph)
        if not args.no_server:
            from servers.oxigraph_server import OxigraphServer, oxigraph_binary
            from servers.virtuoso import installed, running_virtuoso

            if oxigraph_binary() is None:
                print("oxigraph server not installed (pip install oxigraph); skipped", file=sys.stderr)
            else:
                server = stack.enter_context(OxigraphServer(Path(stack.enter_context(tempfile.TemporaryDirectory()))))
                point = server.endpoint
                runners["oxigraph server"], loads["oxigraph server"] = remote(
                    point.sparql_url, args.graph, point.graph_store_url, None, None)
            if not installed():
                print("Virtuoso not installed (scripts/test-deps/virtuoso.sh); skipped", file=sys.stderr)
            else:
                store = stack.enter_context(running_virtuoso(Path(stack.enter_context(tempfile.TemporaryDirectory()))))
                runners["virtuoso"], loads["virtuoso"] = remote(
                    store.sparql_url, args.graph, store.graph_store_url, store.graph_iri, store.auth)
        auth = (args.user, args.password) if args.user else None
        for i, url in enumerate(args.endpoint):
            store = args.graph_store[i] if i < len(args.graph_store) else None
            runners[url], loads[url] = remote(url, args.graph, store, args.default_graph, auth)

        names = {label: timed(lambda r=r: r.names)[1] for label, r in runners.items()}  # builds each name index
        times: dict[str, dict[str, float]] = {}
        disagreements = []
        for query in queries:
            answers = {label: r.run(query).answer_set() for label, r in runners.items()}
            reference = answers["pyoxigraph"]
            disagreements += [f"{query.name}: {label}" for label, a in answers.items() if a != reference]
            times[query.name] = {label: median_time(lambda r=r: r.run(query), args.repeat)
                                 for label, r in runners.items()}
        triples = runners["pyoxigraph"].count_triples()
    return {"graph": str(args.graph), "triples": triples, "repeat": args.repeat, "backends": list(runners),
            "load_s": loads, "name_index_s": names, "query_s": times, "disagreements": disagreements,
            "machine": {"python": platform.python_version(), "platform": platform.platform(),
                        "rdflib": metadata.version("rdflib"), "pyoxigraph": metadata.version("pyoxigraph")}}


def markdown(report: dict) -> str:
    backends = report["backends"]
    ms = lambda s: "n/a" if s is None else f"{s * 1000:,.1f}"  # noqa: E731  (None: not measured)
    head = "| | " + " | ".join(backends) + " | rdflib ÷ pyoxigraph |"
    rule = "|---|" + "---:|" * (len(backends) + 1)
    rows = [head, rule]

    def row(label: str, values: dict[str, float]) -> str:
        ratio = f"{values['rdflib'] / values['pyoxigraph']:,.0f}×" if values.get("pyoxigraph") else "n/a"
        return f"| {label} | " + " | ".join(ms(values[b]) for b in backends) + f" | {ratio} |"

    rows.append(row("load the export", report["load_s"]))
    rows.append(row("build the name index", report["name_index_s"]))
    for name, values in report["query_s"].items():
        rows.append(row(f"`{name}`", values))
    totals = {b: sum(v[b] for v in report["query_s"].values()) for b in backends}
    rows.append(row(f"**all {len(report['query_s'])} questions**", totals))
    note = (f"\nTimes in ms (median of {report['repeat']} runs after one warm-up), {report['triples']:,} triples, "
            f"Python {report['machine']['python']}, rdflib {report['machine']['rdflib']}, "
            f"pyoxigraph {report['machine']['pyoxigraph']}.")
    agreement = ("\nEvery backend gave the same answers." if not report["disagreements"]
                 else "\nDisagreements: " + ", ".join(report["disagreements"]))
    return "\n".join(rows) + note + agreement


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--graph", type=Path, default=REPO / "exports" / "hcc_kg.ttl", help="Turtle export to load")
    p.add_argument("--queries", type=Path, default=None, help="folder of .rq files (default: the packaged ones)")
    p.add_argument("--repeat", type=int, default=5, help="timed runs per query (default %(default)s)")
    p.add_argument("--endpoint", action="append", default=[], help="an extra SPARQL endpoint to time; repeatable")
    p.add_argument("--graph-store", action="append", default=[],
                   help="Graph Store URL for the --endpoint of the same position: load the export there first")
    p.add_argument("--default-graph", help="named graph for the extra endpoints (load target and default-graph-uri)")
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--no-server", action="store_true", help="do not start the Oxigraph server or Virtuoso")
    p.add_argument("--json", type=Path, default=REPO / "benchmarks" / "results" / "query_backends.json",
                   help="JSON output (default benchmarks/results/query_backends.json)")
    args = p.parse_args(argv)
    report = run(args)
    print(markdown(report))
    args.json.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nwrote {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
