"""HermiT started before its input exists (hcc_kg.owl.hermit.WarmHermit): the same answer as
a cold run, a cold run whenever the warm one does not fit or fails, and no JVM left behind."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys

import owlready2
import pytest

from hcc_kg.errors import ReasonerError
from hcc_kg.owl import hermit, java
from hcc_kg.owl import reason as reasoning
from hcc_kg.owl import summary as S

from test_reasoner_cache import _iri, _ontology

needs_java = pytest.mark.skipif(shutil.which(owlready2.JAVA_EXE) is None, reason="HermiT needs Java (CI installs it)")


def _relations(output: str) -> set:
    return set(reasoning.reported_relations(output))


class _ColdRuns:
    """Counts the cold runs (a JVM started on a file)."""

    def __init__(self, monkeypatch):
        self.count, self.real = 0, hermit._cold_run
        monkeypatch.setattr(hermit, "_cold_run", self)

    def __call__(self, *args):
        self.count += 1
        return self.real(*args)


def _stand_in(exit_code: int, seconds: float = 1.0) -> hermit.WarmHermit:
    """A "warm JVM" for the test ontology's options that waits ``seconds`` and exits with ``exit_code``."""
    process = subprocess.Popen([sys.executable, "-c", f"import time, sys; time.sleep({seconds}); sys.exit({exit_code})"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    return hermit.WarmHermit(hermit.CLASSIFY, tuple(java.jvm_tuning(len(_ontology()))), process,
                             socket.create_server(("127.0.0.1", 0)))


@needs_java
def test_a_warm_run_answers_what_a_cold_run_answers_and_leaves_no_jvm(monkeypatch):
    cold = hermit.run_hermit(hermit.CLASSIFY, _ontology((_iri("w2"), S.TYPE, _iri("Widget"))))
    runs = _ColdRuns(monkeypatch)
    warm = hermit.WarmHermit.start()
    assert warm is not None and warm.process.poll() is None  # waiting for its input
    output = hermit.run_hermit(hermit.CLASSIFY, _ontology((_iri("w2"), S.TYPE, _iri("Widget"))), warm=warm)
    assert runs.count == 0
    assert _relations(output) == _relations(cold)
    assert any(_iri("w2") in " ".join(r) for r in _relations(output))  # the input it served was this one
    assert warm.process.poll() is not None  # the JVM ended with its run


@needs_java
def test_a_warm_jvm_for_other_options_is_killed_and_a_cold_run_answers(monkeypatch):
    runs = _ColdRuns(monkeypatch)
    warm = hermit.WarmHermit.start(hermit.CONSISTENCY)
    assert warm is not None
    output = hermit.run_hermit(hermit.CLASSIFY, _ontology(), warm=warm)
    assert runs.count == 1 and _relations(output)
    assert warm.process.poll() is not None


@needs_java
def test_a_warm_run_that_fails_short_of_a_verdict_is_run_again_cold(monkeypatch):
    runs = _ColdRuns(monkeypatch)
    warm = _stand_in(exit_code=3)
    output = hermit.run_hermit(hermit.CLASSIFY, _ontology(), warm=warm)
    assert runs.count == 1 and _relations(output) == _relations(hermit.run_hermit(hermit.CLASSIFY, _ontology()))


@needs_java
def test_a_failing_cold_run_after_a_failed_warm_one_is_still_an_error(monkeypatch):
    monkeypatch.setattr(owlready2, "JAVA_EXE", "/no/such/java")
    with pytest.raises(ReasonerError, match="is Java installed"):
        hermit.run_hermit(hermit.CLASSIFY, _ontology(), warm=_stand_in(exit_code=3))


@needs_java
def test_a_cache_hit_kills_the_warm_jvm_unused(tmp_path):
    cache = java.ReasonerCache(tmp_path / "reasoner")
    computed = hermit.run_hermit(hermit.CLASSIFY, _ontology(), cache=cache)
    warm = hermit.WarmHermit.start()
    assert hermit.run_hermit(hermit.CLASSIFY, _ontology(), cache=cache, warm=warm) == computed
    assert warm.process.poll() is not None


@needs_java
def test_closing_an_unused_warm_jvm_kills_it_and_stops_listening():
    warm = hermit.WarmHermit.start()
    assert warm is not None and warm.process.poll() is None
    with warm:
        pass
    assert warm.process.poll() is not None and warm.listener.fileno() == -1


def test_no_java_means_no_warm_jvm(monkeypatch):
    monkeypatch.setattr(owlready2, "JAVA_EXE", "/no/such/java")
    assert hermit.WarmHermit.start() is None


def test_the_command_reads_its_input_from_an_iri_or_a_file(tmp_path):
    on_file = hermit.hermit_command(hermit.CLASSIFY, tmp_path / "in.nt")
    on_iri = hermit.hermit_command(hermit.CLASSIFY, "http://127.0.0.1:9/in.nt")
    assert on_file[-1] == (tmp_path / "in.nt").as_uri() and on_iri[-1] == "http://127.0.0.1:9/in.nt"
    assert on_file[:-1] == on_iri[:-1] == hermit.hermit_command(hermit.CLASSIFY, None)


def test_no_loopback_socket_means_no_warm_jvm(monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError("sockets are not allowed here")
    monkeypatch.setattr(socket, "create_server", refused)
    assert hermit.WarmHermit.start() is None


def test_a_hung_warm_jvm_is_stopped_at_the_limit():
    from hcc_kg.errors import ReasonerTimeoutError
    warm = _stand_in(exit_code=0, seconds=120)
    with pytest.raises(ReasonerTimeoutError, match="within 1.5 s"):
        hermit.run_hermit(hermit.CLASSIFY, _ontology(), java.TimeLimit.start(1.5), warm=warm)
    assert warm.process.poll() is not None
