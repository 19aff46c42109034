"""``hcc-kg serve``: a read-only SPARQL 1.1 query endpoint over a built store, no reload.

A build leaves its graph in ``<out>/store``, an Oxigraph (RocksDB) database.  This opens
it read-only where it is and answers the SPARQL 1.1 Protocol's query operation:

* ``GET /query?query=…`` (also ``/sparql``), ``POST`` with ``application/sparql-query`` or a
  form field ``query``;
* SELECT and ASK answer in SPARQL JSON (``application/sparql-results+json``), CONSTRUCT and
  DESCRIBE in N-Triples;
* updates are refused (the store is opened read-only), as is a query over
  :data:`MAX_QUERY_BYTES`.

It listens on 127.0.0.1 unless told otherwise.  The ``oxigraph`` command (``pip install
oxigraph``) serves the same folder with its own server: ``oxigraph serve-read-only
--location <out>/store``.
"""

from __future__ import annotations

import argparse
import sys
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

MAX_QUERY_BYTES = 1 << 20
PATHS = ("/query", "/sparql")
JSON_RESULTS = "application/sparql-results+json"
NTRIPLES = "application/n-triples"


def answer(store, query: str) -> tuple[bytes, str]:
    """The serialised answer to ``query`` on a pyoxigraph ``store`` and its media type.

    >>> import pyoxigraph as ox
    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("x")))
    >>> answer(s, "ASK { ?s ?p ?o }")
    (b'{"head":{},"boolean":true}', 'application/sparql-results+json')
    """
    import pyoxigraph as ox

    results = store.query(query)
    if isinstance(results, ox.QueryTriples):
        return results.serialize(format=ox.RdfFormat.N_TRIPLES), NTRIPLES
    return results.serialize(format=ox.QueryResultsFormat.JSON), JSON_RESULTS


def make_handler(store) -> type[BaseHTTPRequestHandler]:
    """A request handler class answering queries on ``store``."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "hcc-kg-serve"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            url = urllib.parse.urlsplit(self.path)
            query = urllib.parse.parse_qs(url.query).get("query", [None])[0]
            self._respond(url.path, query)

        def do_POST(self) -> None:  # noqa: N802
            url = urllib.parse.urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_QUERY_BYTES:
                return self._fail(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a query is at most {MAX_QUERY_BYTES} bytes")
            body = self.rfile.read(length).decode("utf-8", "replace")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            if kind == "application/sparql-query":
                query = body
            elif kind == "application/x-www-form-urlencoded":
                query = urllib.parse.parse_qs(body).get("query", [None])[0]
            else:
                return self._fail(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/sparql-query or a query form")
            self._respond(url.path, query)

        def _respond(self, path: str, query: str | None) -> None:
            if path not in PATHS:
                return self._fail(HTTPStatus.NOT_FOUND, f"the endpoint is at {PATHS[0]}")
            if not query:
                return self._fail(HTTPStatus.BAD_REQUEST, "no query given")
            try:
                body, media = answer(store, query)
            except (SyntaxError, ValueError, OSError) as exc:
                return self._fail(HTTPStatus.BAD_REQUEST, str(exc))
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _fail(self, status: HTTPStatus, message: str) -> None:
            body = (message + "\n").encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args) -> None:  # one line per request, on stderr
            sys.stderr.write("hcc-kg serve: " + (format % args).replace("\n", " ") + "\n")

    return Handler


def server(store_path: Path, host: str = "127.0.0.1", port: int = 7878) -> ThreadingHTTPServer:
    """A server (not yet running) answering queries on the store at ``store_path``."""
    from ..query.backends import _open_store

    return ThreadingHTTPServer((host, port), make_handler(_open_store(Path(store_path))))


def cmd_serve(args: argparse.Namespace) -> int:
    """`hcc-kg serve`: a read-only SPARQL endpoint over a built store until interrupted."""
    from ..errors import GraphError

    if not Path(args.store).is_dir():
        raise GraphError(f"no store at {args.store}; run `hcc-kg build --out DIR` first (it writes DIR/store)")
    httpd = server(Path(args.store), args.host, args.port)
    host, port = httpd.server_address[:2]
    print(f"hcc-kg serve: SPARQL endpoint at http://{host}:{port}/query (Ctrl-C stops)", file=sys.stderr, flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    return 0


def register(subparsers) -> None:
    """Add the ``serve`` subcommand to ``subparsers``."""
    from .arg_types import positive_int

    s = subparsers.add_parser("serve", help="a read-only SPARQL endpoint over a built store (<out>/store)")
    s.add_argument("--store", default="exports/store", help="the store a build wrote (default %(default)s)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default %(default)s)")
    s.add_argument("--port", type=positive_int("--port", 65535), default=7878, help="port (default %(default)s)")
    s.set_defaults(func=cmd_serve)
