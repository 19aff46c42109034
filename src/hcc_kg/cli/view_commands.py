"""``hcc-kg view``, ``hcc-kg plot forest`` and ``hcc-kg show``: pictures of a built graph.

``view`` writes an interactive, offline HTML view; ``plot forest`` a forest plot of hazard
ratios (:mod:`hcc_kg.views.plots.forest`); ``show`` the passages a fact was read from, its span
marked (:mod:`hcc_kg.query.evidence`).

    hcc-kg view --all --out graph.html
    hcc-kg view --around lenvatinib --depth 2 --out lenvatinib.html
    hcc-kg view --chain "VEGF signalling" --corpus ../shared/corpus --out vegf.html
    hcc-kg view --query approved_agents_hitting_two_families --param family_a=VEGFR --out q.html

``--corpus`` puts the sentence behind each fact into the tooltips: keep such pages local
(they quote the documents); pages without it carry only document ids and offsets.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import ConfigError, CorpusNotFoundError, QueryError


GRAPH_HELP = "built Turtle graph, or a built store folder such as exports/store (default %(default)s)"


def _load(path: Path):
    """The rdflib Graph ``--graph`` names: a Turtle file, or a built store folder copied out."""
    import rdflib

    from . import read_graph  # one reader, one GraphError (exit 9), for every --graph

    graph = read_graph(path)
    return graph if isinstance(graph, rdflib.Graph) else graph.to_rdflib()  # views query with rdflib


def _params(pairs: list[str]) -> dict[str, str]:
    """``NAME=VALUE`` pairs (as for ``hcc-kg sparql --param``)."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip() or name.strip() in params:
            raise QueryError(f"--param wants distinct NAME=VALUE pairs, got {pair!r}")
        params[name.strip()] = value
    return params


def cmd_view(args: argparse.Namespace) -> int:
    """`hcc-kg view`: write an offline HTML view of the whole graph, a neighbourhood, a chain or a query's answer."""
    from .. import views

    if args.depth is not None and args.around is None:
        raise ConfigError("--depth goes with --around")
    if (args.param or args.queries) and not args.query:
        raise ConfigError("--param and --queries go with --query")
    if args.corpus is not None and not Path(args.corpus).is_dir():
        raise CorpusNotFoundError(f"--corpus: not a folder: {args.corpus}")
    graph = _load(Path(args.graph))
    if args.around:
        page = views.around_view(graph, args.around, 1 if args.depth is None else args.depth, corpus=args.corpus)
    elif args.chain:
        page = views.chain_view(graph, args.chain, corpus=args.corpus)
    elif args.query:
        page = views.query_view(graph, args.query, _params(args.param), args.queries, corpus=args.corpus)
    else:
        page = views.graph_view(graph, corpus=args.corpus)
    path = views.write_view(page, Path(args.out))
    print(f"wrote {path}" + (" (quotes the corpus: keep it local)" if args.corpus else ""))
    return 0


def _depth(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("depth must be 0 or more")
    return value


def register(subparsers) -> None:
    """Add the ``view`` subcommand to ``subparsers``."""
    p = subparsers.add_parser("view", help="write an interactive offline HTML view (pyvis)",
                              description="Write an interactive, offline HTML view of a built graph.")
    p.add_argument("--graph", default="exports/hcc_kg.ttl", help=GRAPH_HELP)
    what = p.add_mutually_exclusive_group()
    what.add_argument("--all", action="store_true", help="the whole graph (the default)")
    what.add_argument("--around", metavar="NAME", help="the neighbourhood of one entity")
    what.add_argument("--chain", metavar="PATHWAY", help="pathway -> targets -> drugs -> trials -> outcomes")
    what.add_argument("--query", metavar="NAME", help="the answer to a competency question (hcc-kg sparql --list)")
    p.add_argument("--depth", type=_depth, help="with --around: how many edges out (default 1)")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="with --query; repeatable")
    p.add_argument("--queries", help="with --query: folder of .rq files (default: the packaged ones)")
    p.add_argument("--corpus", help="corpus folder: show each fact's sentence in tooltips (never commit such pages)")
    p.add_argument("--out", required=True, help="HTML file to write")
    p.set_defaults(func=cmd_view)
    register_more(subparsers)


def cmd_plot_forest(args: argparse.Namespace) -> int:
    """`hcc-kg plot forest`: a forest plot of the hazard ratios of a drug's trials, one trial, or a query's answer."""
    from ..views.plots import forest

    out = Path(args.out)
    if out.suffix.lower() not in forest.FORMATS:
        raise ConfigError(f"--out must end in {' or '.join(forest.FORMATS)}, not {out.name!r}")
    if (args.param or args.queries) and not args.query:
        raise ConfigError("--param and --queries go with --query")
    graph = _load(Path(args.graph))
    from ..query.graph import project

    G = project(graph)
    if args.drug:
        rows, title = forest.rows_for_drug(G, args.drug, args.endpoint), f"Hazard ratios of {args.drug}'s trials"
    elif args.trial:
        rows, title = forest.rows_for_trial(G, args.trial, args.endpoint), f"Hazard ratios of {args.trial}"
    elif args.query:
        keys, title = _query_keys(graph, args.query, _params(args.param), args.queries)
        rows = forest.rows_for_keys(G, keys, args.endpoint)
    else:
        from ..query.outcomes import trials

        rows, title = forest.rows_for_trials(G, trials(G), args.endpoint), "Hazard ratios of every trial"
    written = [forest.write(forest.render(rows, title, forest.FORMATS[out.suffix.lower()]), out)]
    if args.html:
        written.append(forest.write(forest.html_page(rows, title), Path(args.html)))
    print(f"{len(rows)} hazard ratio(s); wrote " + ", ".join(str(p) for p in written))
    return 0


def _query_keys(graph, name: str, params: dict[str, str], queries) -> tuple[set[str], str]:
    """Node keys of the resources a competency query answers with, and its title."""
    from ..query.backends import RdflibBackend, Runner
    from ..query.library import QueryLibrary
    from ..query.results import IRI
    from ..vocab import RESOURCE_NS

    query = QueryLibrary.load(queries).get(name)
    result = Runner(RdflibBackend(graph)).run(query, params)
    keys = {str(v)[len(RESOURCE_NS):] for row in result.rows for v in row.values()
            if isinstance(v, IRI) and str(v).startswith(RESOURCE_NS)}
    return keys, f"Hazard ratios: {query.title}"


def cmd_show(args: argparse.Namespace) -> int:
    """`hcc-kg show`: print a fact's evidence passages, read back from the corpus by their offsets."""
    import sys

    from ..query import evidence
    from ..views.data import source_of

    if not Path(args.corpus).is_dir():
        raise CorpusNotFoundError(f"--corpus: not a folder: {args.corpus}")
    graph = _load(Path(args.graph))
    source = source_of(graph)
    if evidence.FACT_KEY.match(args.fact.strip()):
        fact = evidence.fact_from_key(args.fact.strip(), Path(args.graph).parent / "assertions.jsonl")
    else:
        fact = evidence.fact_from_words(source.G, args.fact)
    found = evidence.passages(fact, evidence.read_documents(Path(args.corpus), source.document_sha))
    for line in evidence.terminal_lines(fact, found, ansi=sys.stdout.isatty()):
        print(line)
    if args.html:
        from ..views.plots.forest import write

        print(f"wrote {write(evidence.html_page(fact, found), Path(args.html))} (quotes the corpus: keep it local)")
    return 0


def register_more(subparsers) -> None:
    """``plot forest`` and ``show``."""
    plot = subparsers.add_parser("plot", help="draw a picture of the graph (forest plot of hazard ratios)",
                                 description="Draw a static picture of the graph's values.")
    kinds = plot.add_subparsers(dest="plot", required=True, metavar="KIND")
    f = kinds.add_parser("forest", help="hazard ratios with their confidence intervals",
                         description="A forest plot of hazard ratios with their CIs: of one drug's trials, one "
                                     "trial, the trials a competency query answers with, or every trial.",
                         epilog='example: hcc-kg plot forest --drug sorafenib --out sorafenib.svg --html sorafenib.html')
    f.add_argument("--graph", default="exports/hcc_kg.ttl", help=GRAPH_HELP)
    which = f.add_mutually_exclusive_group()
    which.add_argument("--drug", help="the trials with an arm giving this drug")
    which.add_argument("--trial", help="one trial")
    which.add_argument("--query", metavar="NAME", help="the trials a competency question answers with")
    f.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="with --query; repeatable")
    f.add_argument("--queries", help="with --query: folder of .rq files (default: the packaged ones)")
    f.add_argument("--endpoint", help="only hazard ratios of this endpoint (OS, PFS, ...)")
    f.add_argument("--out", required=True, help="image to write: .png or .svg")
    f.add_argument("--html", help="also write a self-contained HTML page (the SVG inline, with a table)")
    f.set_defaults(func=cmd_plot_forest)

    s = subparsers.add_parser("show", help="the source passage of a fact, its span marked",
                              description="Show the passages a fact was read from, with the span marked. FACT is "
                                          "SUBJECT PREDICATE OBJECT in words (\"lenvatinib inhibits FGFR1\") or a fact "
                                          "key from assertions.jsonl (beside --graph).",
                              epilog='example: hcc-kg show "lenvatinib inhibits FGFR1" --corpus ../shared/corpus '
                                     '--html fact.html')
    s.add_argument("fact", metavar="FACT")
    s.add_argument("--corpus", required=True, help="the corpus folder the graph was built from")
    s.add_argument("--graph", default="exports/hcc_kg.ttl", help=GRAPH_HELP)
    s.add_argument("--html", help="also write a page with the spans highlighted (quotes the corpus: keep it local)")
    s.set_defaults(func=cmd_show)
