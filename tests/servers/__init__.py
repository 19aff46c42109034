"""Real triple stores for the tests, started on 127.0.0.1 and stopped when the session ends.

A store module provides a session fixture yielding a :class:`StoreEndpoint` (the SPARQL
query URL, the Graph Store protocol URL, credentials and the named graph to use, ``None``
for the default graph).  Tests that talk to "every remote store" parametrize over
:data:`REMOTE_STORES` (store name → fixture name) and fetch the fixture by name, so adding a
store is two lines here: its fixture import below and its entry in the mapping.  A fixture skips (with the reason) when its server
program is not installed.  Fixtures a store fixture depends on go in ``__all__`` too.
"""

from __future__ import annotations

import random
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class StoreEndpoint:
    sparql_url: str
    graph_store_url: str
    auth: tuple[str, str] | None = None
    graph_iri: str | None = None


#: Where the kernel picks clients' source ports: a port taken from there for a server may be taken
#: by a connection (the test's own client polling the starting server) before the server binds it.
EPHEMERAL_RANGE = Path("/proc/sys/net/ipv4/ip_local_port_range")
_LOWEST = 10_000


def _bindable(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_ports(count: int) -> list[int]:
    """``count`` distinct TCP ports free on 127.0.0.1 a moment ago, below the kernel's ephemeral
    range where it has one (else any free port the kernel gives)."""
    try:
        ephemeral_low = int(EPHEMERAL_RANGE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        ephemeral_low = 0
    chosen: list[int] = []
    rng = random.Random()
    for _ in range(200 * count):
        if len(chosen) == count or ephemeral_low <= _LOWEST:
            break
        port = rng.randrange(_LOWEST, ephemeral_low)
        if port not in chosen and _bindable(port):
            chosen.append(port)
    while len(chosen) < count:  # no range known: the kernel's choice, as before
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port not in chosen:
            chosen.append(port)
    return chosen


def free_port() -> int:
    """A TCP port that was free on 127.0.0.1 a moment ago (:func:`free_ports`)."""
    return free_ports(1)[0]


def stop_process(process: subprocess.Popen, timeout: float) -> None:
    """Terminate a server process, killing it if it has not exited within ``timeout`` seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout)


from .oxigraph_server import oxigraph_process, oxigraph_server, oxigraph_server_named_graph  # noqa: E402
from .virtuoso import virtuoso_store  # noqa: E402  (same attributes as a StoreEndpoint)

#: Store name → session fixture yielding a StoreEndpoint (or an object with the same attributes).
REMOTE_STORES: dict[str, str] = {
    "oxigraph": "oxigraph_server",
    "oxigraph-named-graph": "oxigraph_server_named_graph",
    "virtuoso": "virtuoso_store",
}

# Test modules do ``from servers import *`` to see every store's fixtures.
__all__ = ["REMOTE_STORES", "StoreEndpoint", "oxigraph_process", "oxigraph_server", "oxigraph_server_named_graph",
           "virtuoso_store"]
