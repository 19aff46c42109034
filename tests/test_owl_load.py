"""owl:imports in a user's ontology: a build never fetches a URL (issue 13).

The importing ontology is the packaged one plus one invented import line; the "remote"
ontology is served on 127.0.0.1 and must receive no request."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from hcc_kg.cli import main
from hcc_kg.errors import ConfigError
from hcc_kg.owl.load import default_ontology_path, load_ontology
from hcc_kg.vocab import ONTOLOGY_IRI

FIXTURES = Path(__file__).parent / "fixtures"
IMPORTED = b"""@prefix owl: <http://www.w3.org/2002/07/owl#> .
<http://127.0.0.1/imported> a owl:Ontology .
<http://127.0.0.1/imported#Extra> a owl:Class .
"""


class _Recorder(BaseHTTPRequestHandler):
    requests: list[str] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/turtle")
        self.send_header("Content-Length", str(len(IMPORTED)))
        self.end_headers()
        self.wfile.write(IMPORTED)


@pytest.fixture()
def ontology_server():
    _Recorder.requests = []
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.requests
    server.shutdown()
    server.server_close()


def _importing_ontology(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "importing.ttl"
    path.write_text(default_ontology_path().read_text(encoding="utf-8")
                    + f"\n<{ONTOLOGY_IRI}> <http://www.w3.org/2002/07/owl#imports> <{url}/imported.ttl> .\n",
                    encoding="utf-8")
    return path


def test_an_ontology_with_imports_is_refused_without_fetching(tmp_path, ontology_server):
    url, requests = ontology_server
    with pytest.raises(ConfigError, match="imports .*imported.ttl.*never fetches"):
        load_ontology(_importing_ontology(tmp_path, url))
    assert requests == []


def test_build_with_an_importing_ontology_exits_2_and_fetches_nothing(tmp_path, ontology_server, capsys):
    url, requests = ontology_server
    code = main(["build", "--corpus", str(FIXTURES / "tiny"), "--out", str(tmp_path / "out"), "--no-cache",
                 "--ontology", str(_importing_ontology(tmp_path, url))])
    assert code == 2 and "never fetches" in capsys.readouterr().err
    assert requests == [] and not (tmp_path / "out").exists()


def test_the_packaged_ontology_still_loads():
    world, onto = load_ontology()
    assert onto.Drug is not None
    world.close()
