"""HermiT's class-data archive (hcc_kg.owl.class_archive): used when set-up made one, named by
what it was made from, never changing HermiT's answer nor the reasoner cache's key."""

from __future__ import annotations

import shutil

import owlready2
import pytest

from hcc_kg.owl import class_archive as CA
from hcc_kg.owl import hermit, java
from hcc_kg.owl import reason as reasoning
from hcc_kg.owl import summary as S

from test_reasoner_cache import _ontology, _Runs

needs_java = pytest.mark.skipif(shutil.which(owlready2.JAVA_EXE) is None, reason="HermiT needs Java (CI installs it)")


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """An archive made in a temporary folder from one HermiT run on an invented ontology."""
    folder = tmp_path_factory.mktemp("java")
    ontology = folder / "invented.nt"
    ontology.write_bytes(S.to_ntriples(_ontology()))
    archive = CA.ClassArchive.for_hermit(hermit.hermit_home(), owlready2.JAVA_EXE, folder / "archive")
    assert not archive.ready()
    archive.archive.parent.mkdir()
    stale = [archive.archive.parent / f"hermit-0000.{suffix}" for suffix in ("jar", "jsa")]  # an earlier Java's
    for path in stale:
        path.write_bytes(b"old")
    assert archive.make(owlready2.JAVA_EXE, hermit.hermit_home(), ontology)
    assert not any(path.exists() for path in stale)
    return archive


def _recorded(monkeypatch, archive):
    commands, real = [], hermit.run_bounded

    def recording(command, limit, *args):
        commands.append(command)
        return real(command, limit, *args)

    monkeypatch.setattr(hermit, "run_bounded", recording)
    monkeypatch.setattr(hermit, "usable", lambda home, java_exe: archive)
    return commands


def _relations(output: str) -> set:
    return set(reasoning.reported_relations(output))


@needs_java
def test_hermit_runs_on_the_archive_when_there_is_one_and_answers_the_same(made, monkeypatch):
    assert made.ready() and CA.usable(hermit.hermit_home(), owlready2.JAVA_EXE, made.archive.parent) == made
    commands = _recorded(monkeypatch, made)
    with_archive = hermit.run_hermit(hermit.CLASSIFY, _ontology())
    monkeypatch.setattr(hermit, "usable", lambda home, java_exe: None)
    without = hermit.run_hermit(hermit.CLASSIFY, _ontology())
    assert f"-XX:SharedArchiveFile={made.archive}" in commands[0] and str(made.jar) in commands[0][commands[0].index("-cp") + 1]
    assert not any(c.startswith("-XX:SharedArchiveFile") for c in commands[1])
    assert _relations(with_archive) == _relations(without) and _relations(without)


@needs_java
def test_a_damaged_archive_is_ignored_by_the_jvm(made, tmp_path, monkeypatch):
    damaged = CA.ClassArchive(made.jar, tmp_path / "damaged.jsa", made.library)
    damaged.archive.write_bytes(made.archive.read_bytes()[:4096][::-1])
    _recorded(monkeypatch, damaged)
    output = hermit.run_hermit(hermit.CLASSIFY, _ontology())
    monkeypatch.setattr(hermit, "usable", lambda home, java_exe: None)
    assert _relations(output) == _relations(hermit.run_hermit(hermit.CLASSIFY, _ontology()))


@needs_java
def test_the_cache_key_is_the_same_with_or_without_the_archive(made, tmp_path, monkeypatch):
    cache = java.ReasonerCache(tmp_path / "reasoner")
    _recorded(monkeypatch, made)
    computed = hermit.run_hermit(hermit.CLASSIFY, _ontology(), cache=cache)
    monkeypatch.setattr(hermit, "usable", lambda home, java_exe: None)
    _Runs(monkeypatch, allowed=False)
    assert hermit.run_hermit(hermit.CLASSIFY, _ontology(), cache=java.ReasonerCache(cache.folder)) == computed


@needs_java
def test_the_archive_is_named_by_the_classes_it_was_made_from(tmp_path):
    home = tmp_path / "hermit"
    shutil.copytree(hermit.hermit_home(), home)
    before = CA.ClassArchive.for_hermit(home, owlready2.JAVA_EXE, tmp_path)
    some_class = next(home.rglob("*.class"))
    some_class.write_bytes(some_class.read_bytes() + b"\0")  # an upgraded owlready2, say
    after = CA.ClassArchive.for_hermit(home, owlready2.JAVA_EXE, tmp_path)
    assert before.archive != after.archive and before.jar != after.jar


def test_no_archive_without_set_up_or_without_java(tmp_path):
    assert CA.usable(hermit.hermit_home(), "/no/such/java", tmp_path) is None
    if shutil.which(owlready2.JAVA_EXE):
        assert CA.usable(hermit.hermit_home(), owlready2.JAVA_EXE, tmp_path / "empty") is None


def test_the_command_takes_the_archive_options_before_the_classpath(tmp_path):
    archive = CA.ClassArchive(tmp_path / "h.jar", tmp_path / "h.jsa", tmp_path / "HermiT.jar")
    command = hermit.hermit_command(hermit.CLASSIFY, None, ("-XX:+UseSerialGC",), archive)
    cp = command.index("-cp")
    assert command[cp + 1] == f"{tmp_path / 'h.jar'}:{tmp_path / 'HermiT.jar'}"
    assert f"-XX:SharedArchiveFile={tmp_path / 'h.jsa'}" in command[:cp]
    assert "-Xlog:all=warning:stderr" in command[:cp]  # the JVM's warnings stay out of HermiT's answer
    plain = hermit.hermit_command(hermit.CLASSIFY, None, ("-XX:+UseSerialGC",))
    assert plain[plain.index("-cp") + 1].endswith("HermiT.jar") and not any("SharedArchive" in c for c in plain)


@needs_java
def test_set_up_makes_the_archive_once(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(CA, "DEFAULT_FOLDER", tmp_path / "java")
    assert CA.main() == 0 and "class archive:" in capsys.readouterr().out
    assert CA.usable(hermit.hermit_home(), owlready2.JAVA_EXE) is not None  # the default folder now holds it
    assert CA.main() == 0 and "in place" in capsys.readouterr().out
