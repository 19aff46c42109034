"""CLI: ``hcc-kg sparql`` (run a competency question) and ``hcc-kg load`` (push the export to a store).

Heavy imports stay inside the command functions so ``hcc-kg --help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .arg_types import endpoint_url, finite_positive_float, positive_int
from ..errors import BadParameterError, QueryError

PASSWORD_ENV = "HCC_KG_SPARQL_PASSWORD"
DEFAULT_MAX_REPLY_BYTES = 256 * 1024 * 1024  # = remote.DEFAULT_MAX_BYTES (not imported: --help stays fast)


def _params(pairs: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param wants NAME=VALUE, got {pair!r}")
        if name.strip() in params:
            raise QueryError(f"--param {name.strip()} given twice")
        params[name.strip()] = value
    return params


def _password_from_file(path: str) -> str:
    """The first line of ``path`` (a trailing newline is not part of the password)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadParameterError(f"--password-file: cannot read {path}: {exc}") from exc
    return text.splitlines()[0] if text.splitlines() else ""


def _password(args: argparse.Namespace) -> str | None:
    """The password from --password-file, the environment, or (warned: ps shows it) --password."""
    given = [name for name, value in (("--password", args.password), ("--password-file", args.password_file))
             if value is not None]
    if len(given) > 1:
        raise BadParameterError("give --password or --password-file, not both")
    if args.password_file is not None:
        return _password_from_file(args.password_file)
    if args.password is not None:
        print(f"hcc-kg: warning: --password is visible to other users (ps); prefer {PASSWORD_ENV} or "
              "--password-file", file=sys.stderr)
        return args.password
    return os.environ.get(PASSWORD_ENV)


def _auth(args: argparse.Namespace) -> tuple[str, str] | None:
    password = _password(args)
    if args.user is None:
        if args.password is not None or args.password_file is not None:
            raise QueryError("--password/--password-file needs --user")
        return None
    if password is None:
        raise QueryError(f"--user needs a password: {PASSWORD_ENV} in the environment or --password-file")
    return (args.user, password)


def _list(library, fmt: str) -> int:
    queries = library.all()
    if fmt == "json":
        print(json.dumps([{"name": q.name, "title": q.title, "question": q.question,
                           "params": [{"name": p.name, "type": p.type, "default": p.default, "doc": p.doc}
                                      for p in q.params]} for q in queries], indent=1, ensure_ascii=False))
        return 0
    for q in queries:
        params = " ".join(f"{p.name}:{p.type}={p.default!r}" for p in q.params)
        print(f"{q.name}\t{q.title}" + (f"\t{params}" if params else ""))
    return 0


def cmd_sparql(args: argparse.Namespace) -> int:
    """`hcc-kg sparql`: run a competency question (or list them) on a built graph, a store or an endpoint."""
    from ..query.backends import DEFAULT_BACKEND, BackendSettings, Runner, open_backend
    from ..query.formats import render
    from ..query.library import QueryLibrary

    library = QueryLibrary.load(args.queries)
    if args.list:
        return _list(library, args.format)
    if not args.query:
        raise QueryError("name a query (or a .rq file), or use --list to see them")
    query = library.get(args.query)
    if args.endpoint and args.backend not in (None, "remote"):
        raise QueryError(f"--endpoint queries a remote store; it cannot be combined with --backend {args.backend}")
    backend_name = "remote" if args.endpoint else (args.backend or DEFAULT_BACKEND)
    settings = BackendSettings(graph=Path(args.graph), endpoint=args.endpoint, default_graph=args.default_graph,
                               auth=_auth(args), timeout=args.timeout, max_bytes=args.max_reply_bytes)
    result = Runner(open_backend(backend_name, settings)).run(query, _params(args.param))
    for note in result.notes:
        print(f"hcc-kg: note: {note}", file=sys.stderr)
    print(render(result, args.format).rstrip("\n"))
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    """`hcc-kg load`: send a Turtle export to a SPARQL endpoint's graph store (replacing the graph)."""
    from ..query.redaction import redact
    from ..query.remote import load_turtle

    report = load_turtle(args.endpoint, Path(args.file), args.graph_iri, _auth(args), args.timeout,
                         args.max_reply_bytes)
    graph = f"graph <{args.graph_iri}>" if args.graph_iri else "the default graph"
    print(f"loaded {report.size} bytes of Turtle into {graph} at {redact(args.endpoint)} (HTTP {report.status}); "
          "loading again replaces it")
    return 0


def _credentials(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", help="user name, answered to a Basic or Digest challenge")
    p.add_argument("--password-file", metavar="FILE",
                   help=f"read the password from the first line of FILE (preferred, with {PASSWORD_ENV})")
    p.add_argument("--password", help=f"password; discouraged: other users see it in ps. Prefer {PASSWORD_ENV} "
                                      "in the environment or --password-file")
    p.add_argument("--timeout", type=finite_positive_float("--timeout"), default=120.0,
                   help="total seconds the exchange with the store may take, a finite number > 0 "
                        "(default %(default)s)")
    p.add_argument("--max-reply-bytes", type=positive_int("--max-reply-bytes"), default=DEFAULT_MAX_REPLY_BYTES,
                   help="largest reply body read from the store (default %(default)s = 256 MiB)")


def register(subparsers) -> None:
    """Add the ``sparql`` and ``load`` subcommands to ``subparsers``."""
    s = subparsers.add_parser("sparql", help="run a competency question (SPARQL) on the export or an endpoint")
    s.add_argument("query", nargs="?", help="a query name (see --list) or a .rq file")
    s.add_argument("--list", action="store_true", help="list the competency questions with their parameters")
    s.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a parameter value (name, synonym, CURIE or IRI for entities); repeatable")
    s.add_argument("--backend", choices=("oxigraph", "rdflib", "remote"),
                   help="embedded store for --graph (default oxigraph); remote with --endpoint")
    s.add_argument("--endpoint", type=endpoint_url("--endpoint"),
                   help="a SPARQL 1.1 query endpoint URL instead of the local export")
    s.add_argument("--default-graph", help="with --endpoint: query this named graph (default-graph-uri)")
    s.add_argument("--graph", default="exports/hcc_kg.ttl", help="built Turtle graph (default %(default)s)")
    s.add_argument("--queries", help="folder of .rq files (default: the packaged ontology/queries)")
    s.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output (default %(default)s)")
    _credentials(s)
    s.set_defaults(func=cmd_sparql)

    load = subparsers.add_parser("load", help="push the Turtle export into a store (SPARQL 1.1 Graph Store PUT)")
    load.add_argument("--endpoint", required=True, type=endpoint_url("--endpoint"),
                      help="the Graph Store endpoint, e.g. http://localhost:7878/store (Oxigraph) or "
                           "http://localhost:8890/sparql-graph-crud-auth (Virtuoso)")
    load.add_argument("--file", default="exports/hcc_kg.ttl", help="Turtle file (default %(default)s)")
    load.add_argument("--graph-iri", help="load into this named graph (default: the default graph)")
    _credentials(load)
    load.set_defaults(func=cmd_load)
