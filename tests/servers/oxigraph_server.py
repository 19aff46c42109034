"""The Oxigraph server (PyPI package ``oxigraph``, a ``[test]`` extra) as a test fixture.

:class:`OxigraphServer` runs ``oxigraph serve --location DIR --bind 127.0.0.1:PORT`` on a
free port, waits until it answers a query, and stops it on exit.  It is plain Python (no
pytest) so the benchmark can use it too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from . import StoreEndpoint, free_port, stop_process

NAMED_GRAPH = "https://w3id.org/hcc-kg/graph/test"
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def oxigraph_binary() -> Path | None:
    """The ``oxigraph`` program: on the PATH, or next to this interpreter (a venv's bin/)."""
    found = shutil.which("oxigraph")
    if found:
        return Path(found)
    beside = Path(sys.executable).parent / "oxigraph"
    return beside if beside.is_file() else None


class OxigraphServer:
    """A running ``oxigraph serve``; use as a context manager."""

    def __init__(self, location: Path, binary: Path | None = None, startup_timeout: float = 30.0):
        self.binary = binary or oxigraph_binary()
        if self.binary is None:
            raise FileNotFoundError("the oxigraph program is not installed (pip install oxigraph)")
        self.location = Path(location)
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen | None = None
        self.base = ""

    @property
    def endpoint(self) -> StoreEndpoint:
        return StoreEndpoint(sparql_url=f"{self.base}/query", graph_store_url=f"{self.base}/store")

    def _answers(self) -> bool:
        try:
            with _NO_PROXY.open(f"{self.base}/query?query=ASK%7B%7D", timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def start(self) -> "OxigraphServer":
        self.location.mkdir(parents=True, exist_ok=True)
        for _attempt in range(3):  # another process may take the free port before we bind it
            port = free_port()
            self.base = f"http://127.0.0.1:{port}"
            self.process = subprocess.Popen(
                [str(self.binary), "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{port}"],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            deadline = time.monotonic() + self.startup_timeout
            while time.monotonic() < deadline and self.process.poll() is None:
                if self._answers():
                    return self
                time.sleep(0.1)
            self.stop()
        raise RuntimeError(f"oxigraph serve did not answer on {self.base}")

    def stop(self) -> None:
        if self.process is None:
            return
        stop_process(self.process, timeout=10)
        if self.process.stderr:
            self.process.stderr.close()
        self.process = None

    def post_turtle(self, path: Path, graph_iri: str | None = None) -> int:
        """POST (add, not replace) a Turtle file to the store; returns the HTTP status."""
        target = f"{self.base}/store?" + (f"graph={urllib.parse.quote(graph_iri, safe='')}" if graph_iri else "default")
        request = urllib.request.Request(target, data=Path(path).read_bytes(), method="POST",
                                         headers={"Content-Type": "text/turtle"})
        with _NO_PROXY.open(request, timeout=120) as response:
            return response.status

    def __enter__(self) -> "OxigraphServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


@pytest.fixture(scope="session")
def oxigraph_process(tmp_path_factory):
    if oxigraph_binary() is None:
        pytest.skip("the Oxigraph server is not installed (the `oxigraph` PyPI package, in the [test] extra)")
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph")) as server:
        yield server


@pytest.fixture(scope="session")
def oxigraph_server(oxigraph_process) -> StoreEndpoint:
    """The Oxigraph server, data in its default graph."""
    return oxigraph_process.endpoint


@pytest.fixture(scope="session")
def oxigraph_server_named_graph(oxigraph_process) -> StoreEndpoint:
    """The same server, data in a named graph queried through ``default-graph-uri`` (as for Virtuoso)."""
    endpoint = oxigraph_process.endpoint
    return StoreEndpoint(endpoint.sparql_url, endpoint.graph_store_url, None, NAMED_GRAPH)
