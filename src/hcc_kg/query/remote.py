"""Remote triple stores over HTTP, standard library only.

:class:`RemoteBackend` queries a SPARQL 1.1 protocol endpoint (form-encoded POST, JSON
results, optional ``default-graph-uri``); :func:`load_turtle` pushes a Turtle file with the
SPARQL 1.1 Graph Store protocol.  Loading uses PUT, which *replaces* the graph, so loading
twice leaves the store as after one load (a POST would add blank-node triples again).
Credentials are answered to Basic or Digest challenges; an upload fetches the challenge
first with a bodiless GET and goes out already authorised (Virtuoso drops the connection
on an unauthorised PUT without reading its body).  Loopback hosts bypass proxies.

>>> graph_store_target("http://127.0.0.1:7878/store", None)
'http://127.0.0.1:7878/store?default'
>>> graph_store_target("http://h/crud?x=1", "https://w3id.org/hcc-kg/graph")
'http://h/crud?x=1&graph=https%3A%2F%2Fw3id.org%2Fhcc-kg%2Fgraph'
"""

from __future__ import annotations

import base64
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from rdflib.term import Node

from ..errors import QueryError
from .binding import IRI_PATTERN, with_values
from .results import IRI, QueryResult, literal_value

JSON_RESULTS = "application/sparql-results+json"
#: Virtuoso's default ResultSetMaxRows: a result of exactly this size is probably cut short.
KNOWN_ROW_CAPS = (10_000,)
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}


def _opener(url: str, auth: tuple[str, str] | None) -> urllib.request.OpenerDirector:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise QueryError(f"not an http(s) endpoint URL: {url!r}")
    handlers: list[urllib.request.BaseHandler] = []
    if parts.hostname in _LOOPBACK:
        handlers.append(urllib.request.ProxyHandler({}))
    if auth:
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, f"{parts.scheme}://{parts.netloc}/", auth[0], auth[1])
        handlers += [urllib.request.HTTPDigestAuthHandler(manager), urllib.request.HTTPBasicAuthHandler(manager)]
    return urllib.request.build_opener(*handlers)


def _send(request: urllib.request.Request, auth, timeout: float) -> tuple[int, bytes, str]:
    """Status, body and content type of one request; every failure becomes a QueryError."""
    url = request.full_url
    where = url.split("?")[0]  # messages name the endpoint, not its query string
    try:
        with _opener(url, auth).open(request, timeout=timeout) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:400].decode("utf-8", "replace").strip()
        what = "refused the credentials" if exc.code in (401, 403) else "answered"
        raise QueryError(f"{where} {what} HTTP {exc.code} {exc.reason}: {detail}") from exc
    except urllib.error.URLError as exc:
        raise QueryError(f"cannot reach {where}: {exc.reason}") from exc
    except (socket.timeout, TimeoutError) as exc:
        raise QueryError(f"{where} did not answer within {timeout:g} s") from exc
    except OSError as exc:
        raise QueryError(f"cannot talk to {where}: {exc}") from exc


def _challenge(url: str, timeout: float) -> str | None:
    """The server's WWW-Authenticate challenge for ``url``, asked with a bodiless GET (None if it sets none)."""
    try:
        with _opener(url, None).open(urllib.request.Request(url, method="GET"), timeout=timeout):
            return None
    except urllib.error.HTTPError as exc:
        challenges = (exc.headers.get_all("WWW-Authenticate") or []) if exc.code == 401 else []
        digest = [c for c in challenges if c.lower().startswith("digest")]
        return (digest or challenges or [None])[0]
    except (urllib.error.URLError, OSError) as exc:
        raise QueryError(f"cannot reach {url.split('?')[0]}: {getattr(exc, 'reason', exc)}") from exc


def _authorization(request: urllib.request.Request, auth: tuple[str, str], challenge: str) -> str | None:
    """An Authorization header answering ``challenge`` (Digest via urllib's own computation, or Basic)."""
    scheme, _, params = challenge.partition(" ")
    if scheme.lower() == "digest":
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, request.full_url, *auth)
        fields = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(params)))
        value = urllib.request.HTTPDigestAuthHandler(manager).get_authorization(request, fields)
        return f"Digest {value}" if value else None
    if scheme.lower() == "basic":
        return "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode("utf-8")).decode("ascii")
    return None


def _cell(cell: Mapping[str, str]):
    kind = cell.get("type")
    if kind == "uri":
        return IRI(cell["value"])
    if kind == "bnode":
        return f"_:{cell['value']}"
    if kind in ("literal", "typed-literal"):  # "typed-literal": SPARQL 1.0 JSON, still sent by Virtuoso
        return literal_value(cell["value"], cell.get("datatype"), cell.get("xml:lang"))
    return str(cell.get("value"))


def parse_json_results(body: bytes) -> QueryResult:
    """SPARQL 1.1 JSON results → a :class:`QueryResult` of normalized rows."""
    try:
        data = json.loads(body.decode("utf-8"))
        variables = tuple(data["head"].get("vars", []))
        bindings = data["results"]["bindings"]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise QueryError(f"the endpoint did not send SPARQL JSON results: {body[:200]!r}") from exc
    rows = [{v: _cell(b[v]) if v in b else None for v in variables} for b in bindings]
    capped = len(rows) in KNOWN_ROW_CAPS
    notes = (f"exactly {len(rows)} rows: the endpoint may have cut the result at its row cap",) if capped else ()
    return QueryResult(variables, rows, notes)


@dataclass(frozen=True)
class RemoteBackend:
    """A SPARQL 1.1 protocol endpoint; parameters travel in a VALUES block of escaped terms."""

    url: str
    default_graph: str | None = None
    auth: tuple[str, str] | None = None
    timeout: float = 120.0
    name: str = "remote"

    def select(self, query: str, bindings: Mapping[str, Node]) -> QueryResult:
        form = [("query", with_values(query, bindings))]
        if self.default_graph:
            form.append(("default-graph-uri", self.default_graph))
        request = urllib.request.Request(
            self.url, data=urllib.parse.urlencode(form).encode("utf-8"), method="POST",
            headers={"Accept": JSON_RESULTS, "Content-Type": "application/x-www-form-urlencoded"})
        _, body, _ = _send(request, self.auth, self.timeout)
        return parse_json_results(body)


def graph_store_target(endpoint_url: str, graph_iri: str | None) -> str:
    """The Graph Store protocol URL of the default graph or of the named graph ``graph_iri``."""
    if graph_iri is not None and not IRI_PATTERN.fullmatch(graph_iri):
        raise QueryError(f"not a valid graph IRI: {graph_iri!r}")
    separator = "&" if "?" in endpoint_url else "?"
    target = "default" if graph_iri is None else "graph=" + urllib.parse.quote(graph_iri, safe="")
    return endpoint_url + separator + target


@dataclass(frozen=True)
class LoadReport:
    target: str
    status: int
    size: int


def load_turtle(endpoint_url: str, turtle_path: Path | str, graph_iri: str | None = None,
                auth: tuple[str, str] | None = None, timeout: float = 300.0) -> LoadReport:
    """Replace the default graph (or ``graph_iri``) of a Graph Store endpoint with a Turtle file."""
    path = Path(turtle_path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QueryError(f"cannot read {path}: {exc}") from exc
    target = graph_store_target(endpoint_url, graph_iri)
    request = urllib.request.Request(target, data=data, method="PUT",
                                     headers={"Content-Type": "text/turtle; charset=utf-8"})
    challenge = _challenge(target, timeout) if auth else None
    header = _authorization(request, auth, challenge) if auth and challenge else None
    if header:
        request.add_unredirected_header("Authorization", header)
    status, _, _ = _send(request, auth, timeout)
    return LoadReport(target, status, len(data))
