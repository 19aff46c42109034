"""``hcc-kg view``: write an interactive, offline HTML view of a built graph.

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

from .errors import ConfigError, CorpusNotFoundError, QueryError


def _load(path: Path):
    from .cli import read_turtle_graph  # one reader, one GraphError (exit 9), for every --graph

    return read_turtle_graph(path)


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
    from . import views

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
    p = subparsers.add_parser("view", help="write an interactive offline HTML view (pyvis)",
                              description="Write an interactive, offline HTML view of a built graph.")
    p.add_argument("--graph", default="exports/hcc_kg.ttl", help="built Turtle graph (default %(default)s)")
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
