"""A private Virtuoso (open source) triple store for tests.

Each server gets its own database folder and a generated ``virtuoso.ini``: SQL and HTTP
listen on free loopback ports only, ``DirsAllowed`` is limited to that folder, buffers are
small so a fresh database starts in seconds, and the SPARQL row cap is raised (Virtuoso's
default ``ResultSetMaxRows`` of 10,000 silently truncates larger results).  Once ``isql-vt``
answers, the default dba/dba login is replaced by a random password and a loader account
is granted ``SPARQL_UPDATE`` for the Graph Store protocol at ``/sparql-graph-crud-auth``
(HTTP digest auth).  Stopping kills the server and deletes the folder.

Use the ``virtuoso_store`` session fixture, or ``running_virtuoso(folder)`` outside pytest.
Everything is started on demand; importing this module does no work.

>>> "127.0.0.1:1111" in render_ini(Path("/tmp/v"), 1111, 8890)
True
"""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from . import free_ports, stop_process

SERVER, CLIENT = "virtuoso-t", "isql-vt"
LOADER_USER = "hcc_loader"
TEST_GRAPH = "https://w3id.org/hcc-kg/graph/test"
START_TIMEOUT = 180.0
MAX_ROWS = 1_000_000  # SPARQL result cap; the default (10,000) truncates without an error

INI_TEMPLATE = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 8
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = ., {folder}
NumberOfBuffers = 4000
MaxDirtyBuffers = 3000
MaxQueryMem = 256M
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
MaxClientConnections = 8
ServerThreads = 8
EnabledDavVSP = 0
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 400
"""


class VirtuosoError(RuntimeError):
    """The private server failed to start, or a statement sent to it failed."""


def installed() -> bool:
    return shutil.which(SERVER) is not None and shutil.which(CLIENT) is not None


def render_ini(folder: Path, sql_port: int, http_port: int, max_rows: int = MAX_ROWS) -> str:
    return INI_TEMPLATE.format(folder=folder, sql_port=sql_port, http_port=http_port, max_rows=max_rows)


def run_isql(port: int, user: str, password: str, sql: str, timeout: float = 600) -> str:
    """Run ``sql`` through isql-vt; it exits 0 even when a statement fails, so read the output."""
    result = subprocess.run(
        [CLIENT, f"127.0.0.1:{port}", user, password, "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF", "ECHO=OFF"],
        input=sql, capture_output=True, text=True, timeout=timeout,
    )
    output = result.stdout + result.stderr
    if result.returncode != 0 or "*** Error" in output:
        raise VirtuosoError(f"isql-vt failed (exit {result.returncode}): {output.strip()[-2000:]}")
    return output


def _sql_string(text: str) -> str:
    """A single-quoted SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def digest_authorization(method: str, uri: str, auth: tuple[str, str], challenge: dict[str, str],
                         cnonce: str | None = None, nc: str = "00000001") -> str:
    """An HTTP Digest ``Authorization`` value (RFC 2617, MD5) answering ``challenge``.

    The RFC's own example:

    >>> chal = {"realm": "testrealm@host.com", "qop": "auth,auth-int",
    ...         "nonce": "dcd98b7102dd2f0e8b11d0f600bfb0c093", "opaque": "5ccc069c403ebaf9f0171e9517f40e41"}
    >>> value = digest_authorization("GET", "/dir/index.html", ("Mufasa", "Circle Of Life"), chal, cnonce="0a4f113b")
    >>> 'response="6629fae49393a05397450978507c4ef1"' in value
    True
    """
    user, password = auth
    realm, nonce = challenge["realm"], challenge["nonce"]
    ha1, ha2 = _md5(f"{user}:{realm}:{password}"), _md5(f"{method}:{uri}")
    fields = {"username": user, "realm": realm, "nonce": nonce, "uri": uri}
    if "auth" in challenge.get("qop", "").split(","):
        cnonce = cnonce or secrets.token_hex(8)
        fields["response"] = _md5(f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")
        fields["cnonce"] = cnonce
        extra = f", qop=auth, nc={nc}"
    else:
        fields["response"] = _md5(f"{ha1}:{nonce}:{ha2}")
        extra = ""
    if "opaque" in challenge:
        fields["opaque"] = challenge["opaque"]
    return "Digest " + ", ".join(f'{k}="{v}"' for k, v in fields.items()) + extra + ", algorithm=MD5"


def _challenge(opener: urllib.request.OpenerDirector, url: str) -> dict[str, str]:
    """The Digest challenge an unauthenticated, bodiless request to ``url`` gets."""
    try:
        opener.open(urllib.request.Request(url, method="GET"), timeout=60).close()
    except urllib.error.HTTPError as exc:
        header = exc.headers.get("WWW-Authenticate", "")
        if exc.code == 401 and header.lower().startswith("digest "):
            return urllib.request.parse_keqv_list(urllib.request.parse_http_list(header[len("digest "):]))
        raise VirtuosoError(f"no Digest challenge from {url}: {exc.code} {header!r}") from exc
    raise VirtuosoError(f"{url} answered without asking for credentials")


@dataclass(frozen=True)
class VirtuosoStore:
    """Where a running private Virtuoso listens, and how to load and query it."""

    folder: Path
    sql_port: int
    http_port: int
    dba_password: str
    auth: tuple[str, str]
    graph_iri: str = TEST_GRAPH

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def sparql_url(self) -> str:
        return f"{self.base_url}/sparql"

    @property
    def graph_store_url(self) -> str:
        return f"{self.base_url}/sparql-graph-crud-auth"

    def isql(self, sql: str) -> str:
        return run_isql(self.sql_port, "dba", self.dba_password, sql)

    def _opener(self) -> urllib.request.OpenerDirector:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, self.base_url, *self.auth)
        # No proxy: the server is on loopback, whatever the environment says.
        return urllib.request.build_opener(
            urllib.request.ProxyHandler({}), urllib.request.HTTPDigestAuthHandler(passwords))

    def load_turtle(self, path: Path | str, graph_iri: str | None = None) -> None:
        """Replace the named graph's content with ``path`` (Graph Store PUT: clear, then load).

        Virtuoso answers an unauthenticated PUT with 401 and closes the connection without
        reading the body, so a large upload that waits for the challenge dies with a broken
        pipe.  The Digest challenge is fetched with a bodiless GET first and the PUT goes out
        already authorised.
        """
        target = urllib.parse.quote(graph_iri or self.graph_iri, safe="")
        url = f"{self.graph_store_url}?graph-uri={target}"
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        selector = urllib.parse.urlsplit(url)
        uri = f"{selector.path}?{selector.query}"
        request = urllib.request.Request(
            url, data=Path(path).read_bytes(), method="PUT",
            headers={"Content-Type": "text/turtle; charset=utf-8",
                     "Authorization": digest_authorization("PUT", uri, self.auth, _challenge(opener, url))})
        try:
            with opener.open(request, timeout=600) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            raise VirtuosoError(f"Graph Store PUT failed: {exc.code} {exc.read()[:500]!r}") from exc

    def load_turtle_isql(self, path: Path | str, graph_iri: str | None = None) -> None:
        """The SQL route: clear the graph, then ``DB.DBA.TTLP_MT`` on a copy inside DirsAllowed."""
        copy = self.folder / "load" / Path(path).name
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(path, copy)
        graph = graph_iri or self.graph_iri
        self.isql(
            f"SPARQL CLEAR GRAPH <{graph}>;\n"
            f"DB.DBA.TTLP_MT(file_to_string_output({_sql_string(str(copy))}), '', {_sql_string(graph)});\n"
            "checkpoint;\n")

    def select(self, query: str, graph_iri: str | None = None) -> dict:
        """SPARQL 1.1 protocol query (POST form), JSON results; ``graph_iri`` as the default graph."""
        fields = [("query", query)]
        if graph_iri is not None:
            fields.append(("default-graph-uri", graph_iri))
        request = urllib.request.Request(
            self.sparql_url, data=urllib.parse.urlencode(fields).encode("utf-8"), method="POST",
            headers={"Accept": "application/sparql-results+json",
                     "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with self._opener().open(request, timeout=600) as response:
                return json.load(response)
        except urllib.error.HTTPError as exc:
            raise VirtuosoError(f"SPARQL query failed: {exc.code} {exc.read()[:500]!r}") from exc

    def triple_count(self, graph_iri: str | None = None) -> int:
        result = self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", graph_iri or self.graph_iri)
        return int(result["results"]["bindings"][0]["n"]["value"])


def _log_tail(folder: Path, lines: int = 20) -> str:
    log = folder / "virtuoso.log"
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else "(no log)"


def _wait_until_up(process: subprocess.Popen, folder: Path, port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise VirtuosoError(f"virtuoso-t exited with {process.returncode}:\n{_log_tail(folder)}")
        try:
            run_isql(port, "dba", "dba", "select 1;", timeout=10)
            return
        except (VirtuosoError, subprocess.TimeoutExpired):
            time.sleep(0.5)
    raise VirtuosoError(f"virtuoso-t did not answer within {timeout:.0f} s:\n{_log_tail(folder)}")


def _new_password() -> str:
    """Random, and a valid SQL identifier (SET PASSWORD takes identifiers; one may not start with a digit)."""
    return "pw" + secrets.token_hex(12)


def _secure(port: int, dba_password: str, loader_password: str) -> None:
    """Replace the default dba login; create the Graph Store loader account."""
    run_isql(port, "dba", "dba", f"SET PASSWORD dba {dba_password};\n")
    run_isql(port, "dba", dba_password,
             f"DB.DBA.USER_CREATE({_sql_string(LOADER_USER)}, {_sql_string(loader_password)});\n"
             f'GRANT SPARQL_UPDATE TO "{LOADER_USER}";\n')


START_ATTEMPTS = 3  # a port chosen free may be taken before the server binds it ("Failed HTTP listen")


def _start(folder: Path, timeout: float) -> tuple[subprocess.Popen, int, int]:
    """A virtuoso-t answering on two fresh ports, started again on others if it could not listen."""
    for attempt in range(1, START_ATTEMPTS + 1):
        sql_port, http_port = free_ports(2)
        ini = folder / "virtuoso.ini"
        ini.write_text(render_ini(folder, sql_port, http_port))
        with open(folder / "stdout.log", "wb") as log:
            process = subprocess.Popen([SERVER, "+configfile", str(ini), "+foreground"],
                                       cwd=folder, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(process, folder, sql_port, timeout)
            return process, sql_port, http_port
        except VirtuosoError as exc:
            stop_process(process, timeout=30)
            if "listen" not in str(exc) or attempt == START_ATTEMPTS:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


@contextmanager
def running_virtuoso(folder: Path, graph_iri: str = TEST_GRAPH,
                     timeout: float = START_TIMEOUT) -> Iterator[VirtuosoStore]:
    """Start a private Virtuoso with its database in ``folder``; stop it and delete ``folder`` after."""
    if not installed():
        raise VirtuosoError(f"{SERVER}/{CLIENT} not found on PATH (scripts/test-deps/virtuoso.sh installs them)")
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        process, sql_port, http_port = _start(folder, timeout)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    try:
        store = VirtuosoStore(folder, sql_port, http_port, dba_password=_new_password(),
                              auth=(LOADER_USER, _new_password()), graph_iri=graph_iri)
        _secure(sql_port, store.dba_password, store.auth[1])
        yield store
    finally:
        stop_process(process, timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def virtuoso_store(tmp_path_factory) -> Iterator[VirtuosoStore]:
    """A private Virtuoso for the whole session (skips when it is not installed)."""
    if not installed():
        pytest.skip(f"{SERVER}/{CLIENT} not installed (run scripts/test-deps/virtuoso.sh)")
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as store:
        yield store
