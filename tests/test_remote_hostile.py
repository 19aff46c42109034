"""Hostile remote stores: malformed replies, huge replies, trickling servers, bad endpoint
URLs, and credentials that must never be printed.  Every server here listens on 127.0.0.1
and is invented for the test."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path
from typing import Callable

import pytest

from hcc_kg.cli import main
from hcc_kg.errors import AuthenticationError, QueryError
from hcc_kg.query.remote import RemoteBackend, load_turtle, parse_json_results
from hcc_kg.query.redaction import basic_token

QUERY = "SELECT ?x WHERE { ?x ?p ?o }"
SECRET = "pw-7f3a9c"  # an invented password; no message may show it
BAD_QUERY = 9


class RawServer:
    """A loopback TCP server: reads each request's head, then lets ``reply(sock, head)`` answer
    (``head`` also holds any body bytes that came with it)."""

    def __init__(self, reply: Callable[[socket.socket, str], None]):
        self.reply = reply
        self.heads: list[str] = []
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            head = data.decode("latin-1")  # the head, its blank line, and any body bytes read with it
            self.heads.append(head)
            try:
                self.reply(conn, head)
            except OSError:
                pass

    def close(self) -> None:
        self.sock.close()


def respond(status: str, body: bytes, headers: dict[str, str] | None = None) -> Callable:
    def reply(conn: socket.socket, head: str) -> None:
        extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        conn.sendall(f"HTTP/1.1 {status}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n{extra}\r\n"
                     .encode() + body)
    return reply


@pytest.fixture()
def server():
    made: list[RawServer] = []

    def make(reply: Callable) -> RawServer:
        made.append(RawServer(reply))
        return made[-1]

    yield make
    for s in made:
        s.close()


def results(bindings, variables=("x",)) -> bytes:
    return json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}}).encode()


def _sparql(url: str, *extra: str) -> list[str]:
    return ["sparql", "approved_antibodies", "--endpoint", url, *extra]


# --- malformed results ---------------------------------------------------------------------

MALFORMED = {
    "row is a number": [1],
    "row is a string": ["abc"],
    "row is a list": [[{"type": "uri", "value": "urn:a"}]],
    "cell is a string": [{"x": "urn:a"}],
    "cell without value": [{"x": {"type": "uri"}}],
    "cell of unknown type": [{"x": {"type": "mystery", "value": "v"}}],
    "value not text": [{"x": {"type": "literal", "value": {"deep": 1}}}],
    "variable not in head": [{"y": {"type": "literal", "value": "v"}}],
    "datatype not text": [{"x": {"type": "literal", "value": "1", "datatype": 5}}],
}


@pytest.mark.parametrize("bindings", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_binding_rows_are_query_errors(bindings):
    with pytest.raises(QueryError, match="malformed SPARQL JSON"):
        parse_json_results(results(bindings))


def test_bindings_that_are_not_a_list_or_vars_that_are_not_names_are_refused():
    for body in (json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": {"x": 1}}}),
                 json.dumps({"head": {"vars": [1]}, "results": {"bindings": []}})):
        with pytest.raises(QueryError):
            parse_json_results(body.encode())


def test_deeply_nested_json_is_a_query_error_not_a_recursion_crash():
    with pytest.raises(QueryError, match="did not send SPARQL JSON"):
        parse_json_results(b"[" * 200_000 + b"]" * 200_000)


def test_an_unbound_variable_is_still_a_valid_row():
    assert parse_json_results(results([{}])).rows == [{"x": None}]


def test_cli_prints_no_row_for_a_malformed_binding(server, capsys):
    srv = server(respond("200 OK", results(["abc"], ("agent", "agent_label")),
                         {"Content-Type": "application/sparql-results+json"}))
    code = main(_sparql(srv.url + "/sparql"))
    out, err = capsys.readouterr()
    assert code == BAD_QUERY and out == "" and "binding row 1" in err


# --- reply size ------------------------------------------------------------------------------

def test_an_announced_oversized_reply_is_refused_before_reading(server):
    def reply(conn, head):
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n" + b"{" * 1000)
    srv = server(reply)
    with pytest.raises(QueryError, match="limit"):
        RemoteBackend(srv.url, timeout=10, max_bytes=4096).select(QUERY, {})


def test_a_streamed_reply_is_cut_at_the_limit_without_reading_it_all(server):
    sent = []

    def reply(conn, head):  # no Content-Length: the body ends when the connection closes
        conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
        for _ in range(2000):
            conn.sendall(b" " * 65536)
            sent.append(1)
    srv = server(reply)
    with pytest.raises(QueryError, match="more than the 1,000,000-byte limit"):
        RemoteBackend(srv.url, timeout=30, max_bytes=1_000_000).select(QUERY, {})
    assert len(sent) < 2000  # the client stopped long before the server's 131 MB were sent


def test_cli_max_reply_bytes_option(server, capsys):
    srv = server(respond("200 OK", results([{"agent": {"type": "literal", "value": "v" * 5000}}],
                                           ("agent",))))
    assert main(_sparql(srv.url, "--max-reply-bytes", "1000")) == BAD_QUERY
    assert "1,000-byte limit" in capsys.readouterr().err


# --- total deadline -------------------------------------------------------------------------

def _trickle(in_head: bool) -> Callable:
    def reply(conn, head):
        if not in_head:
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
        for byte in (b"HTTP/1.1 200 OK\r\nX-Slow: " if in_head else b"") + b"x" * 100:
            conn.sendall(bytes([byte if isinstance(byte, int) else byte]))
            time.sleep(0.5)
    return reply


@pytest.mark.parametrize("in_head", [False, True], ids=["body", "headers"])
def test_timeout_is_a_total_deadline_for_queries(server, in_head):
    srv = server(_trickle(in_head))
    started = time.monotonic()
    with pytest.raises(QueryError, match=r"within 2 s \(total\)"):
        RemoteBackend(srv.url, timeout=2).select(QUERY, {})
    assert time.monotonic() - started < 6


def test_timeout_is_a_total_deadline_for_loads(server, tmp_path, capsys):
    srv = server(_trickle(False))
    turtle = tmp_path / "g.ttl"
    turtle.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    started = time.monotonic()
    code = main(["load", "--endpoint", srv.url + "/store", "--file", str(turtle), "--timeout", "2"])
    assert code == BAD_QUERY and "within 2 s (total)" in capsys.readouterr().err
    assert time.monotonic() - started < 6


# --- endpoint URLs --------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["http://127.0.0.1:abc/sparql", "http://127.0.0.1:99999/q", "http://127.0.0.1:/q",
                                 "http://127.0.0.1/a b", "http://127.0.0.1/a\nX-Forged: 1", "ftp://127.0.0.1/q",
                                 "file:///etc/passwd", "http:///nohost", "127.0.0.1:7878/query"])
@pytest.mark.parametrize("command", ["sparql", "load"])
def test_bad_endpoint_urls_exit_9_with_a_message(url, command, capsys):
    argv = _sparql(url) if command == "sparql" else ["load", "--endpoint", url]
    code = main(argv)
    err = capsys.readouterr().err
    assert code == BAD_QUERY and "endpoint URL" in err and "Traceback" not in err


# --- secrets ----------------------------------------------------------------------------------

def test_a_password_in_the_endpoint_url_is_used_and_never_printed(server, capsys):
    srv = server(respond("500 Oops", b"boom"))
    url = srv.url.replace("http://", f"http://ann:{SECRET}@") + "/sparql"
    assert main(_sparql(url)) == BAD_QUERY
    err = capsys.readouterr().err
    assert SECRET not in err and "answered HTTP 500" in err
    assert SECRET not in "".join(srv.heads)  # the URL's credentials never travel in the request line


def test_an_unreachable_endpoint_with_a_password_in_the_url_is_redacted(capsys):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert main(_sparql(f"http://ann:{SECRET}@127.0.0.1:{port}/sparql", "--timeout", "5")) == BAD_QUERY
    err = capsys.readouterr().err
    assert SECRET not in err and "cannot reach" in err


def _echo_authorization(status: str) -> Callable:
    def reply(conn, head):
        if "authorization" not in head.lower():
            respond("401 Unauthorized", b"", {"WWW-Authenticate": 'Basic realm="x"'})(conn, head)
            return
        echoed = "\n".join(line for line in head.split("\r\n") if line.lower().startswith("authorization"))
        respond(status, f"you sent {echoed} with password {SECRET}".encode())(conn, head)
    return reply


@pytest.mark.parametrize("status", ["500 Internal Server Error", "200 OK"])
def test_a_server_echoing_the_authorization_header_does_not_leak_it(server, tmp_path, capsys, monkeypatch, status):
    srv = server(_echo_authorization(status))
    monkeypatch.setenv("HCC_KG_SPARQL_PASSWORD", SECRET)
    assert main(_sparql(srv.url + "/sparql", "--user", "ann")) == BAD_QUERY
    err = capsys.readouterr().err
    assert basic_token("ann", SECRET) in "".join(srv.heads)  # it was sent, and echoed back ...
    assert basic_token("ann", SECRET) not in err and SECRET not in err  # ... but never printed


def test_password_file_and_environment_are_used_and_password_option_warns(server, tmp_path, capsys, monkeypatch):
    ok = results([{"agent": {"type": "literal", "value": "fine"}}], ("agent",))

    def reply(conn, head):
        if f"Basic {basic_token('ann', SECRET)}" in head:
            respond("200 OK", ok)(conn, head)
        else:
            respond("401 Unauthorized", b"", {"WWW-Authenticate": 'Basic realm="x"'})(conn, head)
    srv = server(reply)
    secret_file = tmp_path / "pw"
    secret_file.write_text(SECRET + "\n", encoding="utf-8")
    assert main(_sparql(srv.url, "--user", "ann", "--password-file", str(secret_file))) == 0
    assert "fine" in capsys.readouterr().out
    monkeypatch.setenv("HCC_KG_SPARQL_PASSWORD", SECRET)
    assert main(_sparql(srv.url, "--user", "ann")) == 0
    capsys.readouterr()
    monkeypatch.delenv("HCC_KG_SPARQL_PASSWORD")
    assert main(_sparql(srv.url, "--user", "ann", "--password", SECRET)) == 0
    assert "prefer HCC_KG_SPARQL_PASSWORD or --password-file" in capsys.readouterr().err


def test_help_prefers_the_environment_and_file(capsys):
    with pytest.raises(SystemExit):
        main(["load", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--password-file" in out and "ps" in out and "Prefer HCC_KG_SPARQL_PASSWORD" in out


def _drain(conn: socket.socket, head: str) -> None:
    """Read the request body (``RawServer`` read only the head, and perhaps a little more)."""
    fields, _, already = head.partition("\r\n\r\n")
    length = next((int(line.split(":")[1]) for line in fields.split("\r\n")
                   if line.lower().startswith("content-length")), 0) - len(already)
    conn.settimeout(10)
    while length > 0:
        chunk = conn.recv(min(length, 1 << 16))
        if not chunk:
            return
        length -= len(chunk)


def test_a_wrong_password_on_an_upload_dropped_unread_is_an_authentication_failure(server, tmp_path):
    def reply(conn, head):  # like Virtuoso: challenge a GET, drop a badly authorised PUT unread
        right = f"Basic {basic_token('ann', 'right')}" in head
        if head.startswith("PUT") and not right:
            conn.shutdown(socket.SHUT_RDWR)
            return
        if not right:
            respond("401 Unauthorized", b"", {"WWW-Authenticate": 'Basic realm="x"'})(conn, head)
        else:
            _drain(conn, head)
            respond("204 No Content", b"")(conn, head)
    srv = server(reply)
    turtle = tmp_path / "big.ttl"
    turtle.write_bytes(b"<urn:a> <urn:b> \"" + b"x" * 8_000_000 + b"\" .\n")
    with pytest.raises(AuthenticationError, match="refused the credentials") as caught:
        load_turtle(srv.url + "/store", turtle, auth=("ann", SECRET), timeout=20)
    assert SECRET not in str(caught.value)
    assert load_turtle(srv.url + "/store", turtle, auth=("ann", "right"), timeout=20).status == 204


def test_refused_credentials_on_a_query_say_authentication_failed(server):
    srv = server(respond("401 Unauthorized", b"", {"WWW-Authenticate": 'Basic realm="x"'}))
    with pytest.raises(AuthenticationError, match="authentication failed"):
        RemoteBackend(srv.url, auth=("ann", SECRET), timeout=10).select(QUERY, {})


def test_redaction_is_applied_to_every_error_the_cli_prints(capsys, tmp_path):
    missing = tmp_path / "none.ttl"
    code = main(["load", "--endpoint", f"http://ann:{SECRET}@127.0.0.1:1/store", "--file", str(missing)])
    assert code == BAD_QUERY and SECRET not in capsys.readouterr().err


def test_redacted_names_are_still_reported(tmp_path: Path):
    from hcc_kg.query.redaction import redact

    assert redact(f"http://ann:{SECRET}@h/x?password={SECRET}&q=1") == "http://ann:***@h/x?password=***&q=1"


def test_timeout_bounds_the_whole_command_not_each_request(server, capsys):
    """Name look-ups and the query share one --timeout: three 1.5 s answers do not fit in 2.5 s."""
    def slow(conn, head):
        time.sleep(1.5)
        respond("200 OK", results([], ("s", "name", "source", "kind")))(conn, head)
    srv = server(slow)
    started = time.monotonic()
    code = main(["sparql", "shared_targets", "--endpoint", srv.url, "--param", "drug_a=alpha",
                 "--param", "drug_b=beta", "--timeout", "2.5"])
    assert code == BAD_QUERY and "within 2.5 s (total)" in capsys.readouterr().err
    assert time.monotonic() - started < 4.5


def test_a_socket_timeout_at_the_end_of_the_total_time_is_that_total_running_out(server, capsys, monkeypatch):
    """The socket's own timeout (the time left) may fire a moment before the watchdog sets its flag."""
    import hcc_kg.query.remote as remote

    class LateWatchdog(remote._Deadline):  # its flag is never set in time: only the socket's timeout fires
        def __enter__(self):
            return self

    monkeypatch.setattr(remote, "_Deadline", LateWatchdog)
    srv = server(lambda conn, head: time.sleep(3))
    code = main(["sparql", "drug_identifiers", "--endpoint", srv.url, "--timeout", "1"])
    assert code == BAD_QUERY and "within 1 s (total)" in capsys.readouterr().err


def test_a_wrong_virtuoso_password_is_an_authentication_failure_not_a_broken_pipe(virtuoso_store, tmp_path, capsys):
    turtle = tmp_path / "g.ttl"  # big enough that Virtuoso drops the upload before reading it all
    turtle.write_text("".join(f"<urn:hcc-kg:s{i}> <urn:hcc-kg:p> \"value {i}\" .\n" for i in range(200_000)),
                      encoding="utf-8")
    wrong = "not-" + virtuoso_store.auth[1]
    secret_file = tmp_path / "pw"
    secret_file.write_text(wrong + "\n", encoding="utf-8")
    code = main(["load", "--endpoint", virtuoso_store.graph_store_url, "--file", str(turtle), "--graph-iri",
                 virtuoso_store.graph_iri, "--user", virtuoso_store.auth[0], "--password-file", str(secret_file),
                 "--timeout", "60"])
    err = capsys.readouterr().err
    assert code == BAD_QUERY and "refused the credentials" in err and "Broken pipe" not in err
    assert wrong not in err
