"""Remote triple stores over HTTP, standard library only.

:class:`RemoteBackend` queries a SPARQL 1.1 protocol endpoint (form-encoded POST, JSON
results, optional ``default-graph-uri``); :func:`load_turtle` pushes a Turtle file with the
SPARQL 1.1 Graph Store protocol.  Loading uses PUT, which *replaces* the graph, so loading
twice leaves the store as after one load (a POST would add blank-node triples again).
Credentials are answered to Basic or Digest challenges; an upload fetches the challenge
first with a bodiless GET and goes out already authorised (Virtuoso drops the connection
on an unauthorised PUT without reading its body).  Loopback hosts bypass proxies.

Hostile servers are expected: ``timeout`` is a *total* deadline for one exchange (a
watchdog shuts the socket down, so a server trickling a byte a second is cut off), a reply
body is read in chunks and refused beyond ``max_bytes``, JSON results are checked row by
row, and every message built from a URL or a reply goes through
:func:`hcc_kg.query.redaction.redact`.  Credentials may also come in the URL
(``http://user:pw@host/``); they are taken out of it before any request.

>>> graph_store_target("http://127.0.0.1:7878/store", None)
'http://127.0.0.1:7878/store?default'
>>> graph_store_target("http://h/crud?x=1", "https://w3id.org/hcc-kg/graph")
'http://h/crud?x=1&graph=https%3A%2F%2Fw3id.org%2Fhcc-kg%2Fgraph'
>>> split_credentials("http://ann:s%40cret@127.0.0.1:8890/sparql")
('http://127.0.0.1:8890/sparql', ('ann', 's@cret'))
"""

from __future__ import annotations

import base64
import http.client
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from rdflib.term import Node

from ..errors import AuthenticationError, QueryError
from .endpoint import check_endpoint_url
from .redaction import auth_secrets, redact
from .binding import IRI_PATTERN, with_values
from .results import IRI, QueryResult, literal_value

JSON_RESULTS = "application/sparql-results+json"
#: Virtuoso's default ResultSetMaxRows: a result of exactly this size is probably cut short.
KNOWN_ROW_CAPS = (10_000,)
#: Largest reply body read by default (the whole export of the shipped corpus is ~10 MB).
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
CLOCK_SLACK = 0.05  # seconds: a timeout firing this close to the end of the total time is that total running out
_CHUNK = 1 << 16
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}
_CELL_TYPES = ("uri", "bnode", "literal", "typed-literal")


def split_credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    """``url`` without its ``user:password@`` part, and that part as credentials (or None)."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    clean = urllib.parse.urlunsplit(parts._replace(netloc=hostport))
    return clean, (urllib.parse.unquote(user), urllib.parse.unquote(password))


class _Deadline:
    """A total time limit for one exchange: when it passes, every socket it watches is shut
    down, which ends any read or write blocked on it (a per-read timeout never would)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = threading.Event()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> "_Deadline":
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
        if self.expired.is_set():
            self._expire()

    def _expire(self) -> None:
        self.expired.set()
        with self._lock:
            for sock in self._sockets:
                try:
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)
                except (OSError, TypeError):
                    pass


class _WatchedConnections:
    """Handler mix-in: every connection it opens registers its socket with the deadline."""

    deadline: _Deadline

    def do_open(self, http_class, req, **kwargs):
        deadline = self.deadline

        class Watched(http_class):
            def connect(self):
                super().connect()
                deadline.watch(self.sock)

        return super().do_open(Watched, req, **kwargs)


class _HTTP(_WatchedConnections, urllib.request.HTTPHandler):
    pass


class _HTTPS(_WatchedConnections, urllib.request.HTTPSHandler):
    pass


def _opener(url: str, auth: tuple[str, str] | None, deadline: _Deadline) -> urllib.request.OpenerDirector:
    parts = urllib.parse.urlsplit(check_endpoint_url(url))
    handlers: list[urllib.request.BaseHandler] = [_HTTP(), _HTTPS()]
    for handler in handlers:
        handler.deadline = deadline
    if parts.hostname in _LOOPBACK:
        handlers.append(urllib.request.ProxyHandler({}))
    if auth:
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, f"{parts.scheme}://{parts.netloc}/", auth[0], auth[1])
        handlers += [urllib.request.HTTPDigestAuthHandler(manager), urllib.request.HTTPBasicAuthHandler(manager)]
    return urllib.request.build_opener(*handlers)


def _read_capped(response, limit: int, where: str) -> bytes:
    """The reply body, read in chunks; a QueryError as soon as it exceeds ``limit`` bytes."""
    declared = (response.headers.get("Content-Length") or "").strip()
    if declared.isdigit() and int(declared) > limit:
        raise QueryError(f"{where} announced a {int(declared):,}-byte reply, more than the "
                         f"{limit:,}-byte limit (--max-reply-bytes)")
    chunks, size = [], 0
    while chunk := response.read1(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise QueryError(f"{where} sent more than the {limit:,}-byte limit (--max-reply-bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


@dataclass(frozen=True)
class _Exchange:
    """One operation's settings: credentials, its total time (``timeout`` seconds, ending at
    ``ends`` on the monotonic clock, shared by all its requests) and the largest reply body."""

    auth: tuple[str, str] | None
    timeout: float
    max_bytes: int = DEFAULT_MAX_BYTES
    ends: float | None = None

    @classmethod
    def starting(cls, auth, timeout: float, max_bytes: int = DEFAULT_MAX_BYTES) -> "_Exchange":
        return cls(auth, timeout, max_bytes, time.monotonic() + timeout)

    def fail(self, message: str, error: type[QueryError] = QueryError) -> QueryError:
        return error(redact(message, auth_secrets(self.auth)))

    def spent(self, deadline: "_Deadline") -> bool:
        """Whether the total time is used up: the watchdog says so, or the clock does (a socket's own
        timeout, set to the time left, can fire a moment before the watchdog's flag is set)."""
        return deadline.expired.is_set() or (self.ends is not None and time.monotonic() >= self.ends - CLOCK_SLACK)

    def too_slow(self, where: str) -> QueryError:
        """The failure of an exchange whose total time ran out while ``where`` had not answered."""
        return self.fail(f"{where} did not answer within {self.timeout:g} s (total)")

    def left(self, where: str) -> float:
        """Seconds left for the next request; a QueryError once the total time is used up."""
        left = self.timeout if self.ends is None else self.ends - time.monotonic()
        if left <= 0:
            raise self.too_slow(where)
        return left


def _send(request: urllib.request.Request, exchange: _Exchange) -> tuple[int, bytes, str]:
    """Status, body and content type of one request; every failure becomes a (redacted) QueryError."""
    where = request.full_url.split("?")[0]  # messages name the endpoint, not its query string
    left = exchange.left(where)
    with _Deadline(left) as deadline:
        try:
            with _opener(request.full_url, exchange.auth, deadline).open(request, timeout=left) as reply:
                body = _read_capped(reply, exchange.max_bytes, where)
                status, kind = reply.status, reply.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            if deadline.expired.is_set():
                raise exchange.too_slow(where) from exc
            detail = exc.read(400).decode("utf-8", "replace").strip()
            if exc.code in (401, 403):
                raise exchange.fail(f"{where} refused the credentials (authentication failed, HTTP {exc.code} "
                                    f"{exc.reason}): {detail}", AuthenticationError) from exc
            raise exchange.fail(f"{where} answered HTTP {exc.code} {exc.reason}: {detail}") from exc
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            if exchange.spent(deadline):
                raise exchange.too_slow(where) from exc
            reason = getattr(exc, "reason", None) or exc
            raise exchange.fail(f"cannot reach {where}: {reason}", _ConnectionLost) from exc
    if deadline.expired.is_set():  # the watchdog cut a body short after the last read
        raise exchange.too_slow(where)
    return status, body, kind


class _ConnectionLost(QueryError):
    """The connection failed before any HTTP status came back."""


def _challenge(url: str, exchange: _Exchange) -> str | None:
    """The server's WWW-Authenticate challenge for ``url``, asked with a bodiless GET (None if it sets none)."""
    left = exchange.left(url.split("?")[0])
    with _Deadline(left) as deadline:
        try:
            with _opener(url, None, deadline).open(urllib.request.Request(url, method="GET"), timeout=left):
                return None
        except urllib.error.HTTPError as exc:
            challenges = (exc.headers.get_all("WWW-Authenticate") or []) if exc.code == 401 else []
            digest = [c for c in challenges if c.lower().startswith("digest")]
            return (digest or challenges or [None])[0]
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            if exchange.spent(deadline):
                raise exchange.too_slow(url.split('?')[0]) from exc
            raise exchange.fail(f"cannot reach {url.split('?')[0]}: {getattr(exc, 'reason', None) or exc}") from exc


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


def _cell(cell: object, where: str):
    """One RDF term of a binding row; a QueryError for anything that is not a SPARQL JSON term."""
    if not isinstance(cell, dict) or cell.get("type") not in _CELL_TYPES or not isinstance(cell.get("value"), str):
        raise QueryError(f"malformed SPARQL JSON results: {where} is not an RDF term: {repr(cell)[:120]}")
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return IRI(value)
    if kind == "bnode":
        return f"_:{value}"
    datatype, lang = cell.get("datatype"), cell.get("xml:lang")  # "typed-literal": SPARQL 1.0 JSON (Virtuoso)
    if not isinstance(datatype, (str, type(None))) or not isinstance(lang, (str, type(None))):
        raise QueryError(f"malformed SPARQL JSON results: {where} has a non-text datatype or language")
    return literal_value(value, datatype, lang)


def _row(binding: object, variables: tuple[str, ...], number: int) -> dict:
    if not isinstance(binding, dict) or not set(binding) <= set(variables):
        raise QueryError(f"malformed SPARQL JSON results: binding row {number} is not an object over the "
                         f"variables {list(variables)}: {repr(binding)[:120]}")
    return {v: _cell(binding[v], f"row {number} ?{v}") if v in binding else None for v in variables}


def parse_json_results(body: bytes, secrets: tuple[str, ...] = ()) -> QueryResult:
    """SPARQL 1.1 JSON results → a :class:`QueryResult` of normalized rows; every row is checked."""
    try:
        data = json.loads(body.decode("utf-8"))
        variables = tuple(data["head"].get("vars", []))
        bindings = data["results"]["bindings"]
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise QueryError(redact(f"the endpoint did not send SPARQL JSON results: {body[:200]!r}", secrets)) from exc
    if not all(isinstance(v, str) for v in variables) or not isinstance(bindings, list):
        raise QueryError("malformed SPARQL JSON results: head.vars must be names and results.bindings a list")
    try:
        rows = [_row(b, variables, i + 1) for i, b in enumerate(bindings)]
    except QueryError as exc:
        raise QueryError(redact(str(exc), secrets)) from exc
    capped = len(rows) in KNOWN_ROW_CAPS
    notes = (f"exactly {len(rows)} rows: the endpoint may have cut the result at its row cap",) if capped else ()
    return QueryResult(variables, rows, notes)


@dataclass(frozen=True)
class RemoteBackend:
    """A SPARQL 1.1 protocol endpoint; parameters travel in a VALUES block of escaped terms.

    ``timeout`` is the total seconds one query may take, and ``ends`` (``time.monotonic``)
    when every query of this backend must be done (a command's total deadline: the CLI sets
    it, so name look-ups and the query share ``--timeout``); ``max_bytes`` the largest reply.
    """

    url: str
    default_graph: str | None = None
    auth: tuple[str, str] | None = None
    timeout: float = 120.0
    name: str = "remote"
    max_bytes: int = DEFAULT_MAX_BYTES
    ends: float | None = None

    def select(self, query: str, bindings: Mapping[str, Node]) -> QueryResult:
        url, in_url = split_credentials(self.url)
        exchange = _Exchange(self.auth or in_url, self.timeout, self.max_bytes, self.ends)
        form = [("query", with_values(query, bindings))]
        if self.default_graph:
            form.append(("default-graph-uri", self.default_graph))
        request = urllib.request.Request(
            url, data=urllib.parse.urlencode(form).encode("utf-8"), method="POST",
            headers={"Accept": JSON_RESULTS, "Content-Type": "application/x-www-form-urlencoded"})
        _, body, _ = _send(request, exchange)
        return parse_json_results(body, auth_secrets(exchange.auth))


def graph_store_target(endpoint_url: str, graph_iri: str | None) -> str:
    """The Graph Store protocol URL of the default graph or of the named graph ``graph_iri``."""
    if graph_iri is not None and not IRI_PATTERN.fullmatch(graph_iri):
        raise QueryError(f"not a valid graph IRI: {graph_iri!r}")
    separator = "&" if "?" in endpoint_url else "?"
    target = "default" if graph_iri is None else "graph=" + urllib.parse.quote(graph_iri, safe="")
    return endpoint_url + separator + target


@dataclass(frozen=True)
class LoadReport:
    """What a graph-store upload did: where it went, the HTTP status and the bytes sent."""

    target: str
    status: int
    size: int


def _authorised(request: urllib.request.Request, exchange: _Exchange) -> urllib.request.Request:
    """``request`` carrying an answer to the server's challenge (fetched with a bodiless GET)."""
    challenge = _challenge(request.full_url, exchange) if exchange.auth else None
    header = _authorization(request, exchange.auth, challenge) if exchange.auth and challenge else None
    if header:
        request.add_unredirected_header("Authorization", header)
    return request


def _credentials_refused(target: str, exchange: _Exchange) -> bool:
    """Whether an authorised bodiless GET of ``target`` is refused (401/403): tells a wrong
    password from a network failure after a server dropped an upload unread."""
    probe = _authorised(urllib.request.Request(target, method="GET"), exchange)
    try:
        _send(probe, _Exchange(exchange.auth, exchange.timeout, 1 << 20, exchange.ends))
    except AuthenticationError:
        return True
    except QueryError:
        return False
    return False


def load_turtle(endpoint_url: str, turtle_path: Path | str, graph_iri: str | None = None,
                auth: tuple[str, str] | None = None, timeout: float = 300.0,
                max_bytes: int = DEFAULT_MAX_BYTES) -> LoadReport:
    """Replace the default graph (or ``graph_iri``) of a Graph Store endpoint with a Turtle file.

    ``timeout`` is the total seconds the upload (challenge included) may take.
    """
    path = Path(turtle_path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QueryError(f"cannot read {path}: {exc}") from exc
    url, in_url = split_credentials(endpoint_url)
    exchange = _Exchange.starting(auth or in_url, timeout, max_bytes)
    target = graph_store_target(url, graph_iri)
    request = _authorised(urllib.request.Request(target, data=data, method="PUT",
                                                 headers={"Content-Type": "text/turtle; charset=utf-8"}), exchange)
    try:
        status, _, _ = _send(request, exchange)
    except _ConnectionLost as exc:
        if exchange.auth and _credentials_refused(target, exchange):
            raise exchange.fail(f"{target.split('?')[0]} refused the credentials (authentication failed); "
                                "it dropped the upload unread", AuthenticationError) from exc
        raise
    return LoadReport(target, status, len(data))
