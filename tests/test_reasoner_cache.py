"""HermiT's output cached by a hash of its input (hcc_kg.owl.java.ReasonerCache, hermit.run_hermit):
a hit starts no Java, a changed input or runtime misses, a corrupt entry is recomputed."""

from __future__ import annotations

import logging
import shutil

import owlready2
import pytest

from hcc_kg.errors import ReasonerError
from hcc_kg.owl import hermit, java
from hcc_kg.owl import reason as reasoning
from hcc_kg.owl import summary as S

needs_java = pytest.mark.skipif(shutil.which(owlready2.JAVA_EXE) is None, reason="HermiT needs Java (CI installs it)")
EX = "http://example.org/invented#"


def _iri(name: str) -> str:
    return f"<{EX}{name}>"


def _ontology(*extra: S.Triple) -> list[S.Triple]:
    """An invented TBox (Widget ⊑ Gadget) and one widget; ``extra`` triples appended."""
    owl_class = f"<{S.OWL}Class>"
    return [(_iri("Widget"), S.TYPE, owl_class), (_iri("Gadget"), S.TYPE, owl_class),
            (_iri("Widget"), f"<{S.RDFS}subClassOf>", _iri("Gadget")),
            (_iri("w1"), S.TYPE, S.NAMED_INDIVIDUAL), (_iri("w1"), S.TYPE, _iri("Widget")), *extra]


class _Runs:
    """Counts the reasoner processes started (and can forbid them)."""

    def __init__(self, monkeypatch, allowed: bool = True):
        self.count, self.allowed, self.real = 0, allowed, hermit.run_bounded
        monkeypatch.setattr(hermit, "run_bounded", self)
        real_start = hermit.WarmHermit.start  # a JVM started before extraction counts too

        def start(cls, *args):
            self(("warm start",), None)
            return real_start(*args)
        monkeypatch.setattr(hermit.WarmHermit, "start", classmethod(start))

    def __call__(self, command, limit, *args):
        self.count += 1
        if not self.allowed:
            raise AssertionError(f"Java started on a cache hit: {command}")
        return None if command == ("warm start",) else self.real(command, limit, *args)


@needs_java
def test_a_hit_starts_no_java_and_returns_what_the_miss_computed(tmp_path, monkeypatch):
    cache = java.ReasonerCache(tmp_path / "reasoner")
    runs = _Runs(monkeypatch)
    computed = hermit.run_hermit(hermit.CLASSIFY, _ontology(), cache=cache)
    assert runs.count == 1 and (cache.stats.computed, cache.stats.reused) == (1, 0)
    assert _iri("Gadget").strip("<>") in computed  # HermiT really ran: the inferred type is reported
    runs.allowed = False  # from here a reasoner process fails the test
    again = hermit.run_hermit(hermit.CLASSIFY, _ontology(), cache=java.ReasonerCache(cache.folder))
    assert again == computed
    assert runs.count == 1


@needs_java
def test_a_changed_input_or_other_options_miss(tmp_path, monkeypatch):
    cache = java.ReasonerCache(tmp_path)
    runs = _Runs(monkeypatch)
    hermit.run_hermit(hermit.CLASSIFY, _ontology(), cache=cache)
    hermit.run_hermit(hermit.CLASSIFY, _ontology((_iri("w2"), S.TYPE, _iri("Widget"))), cache=cache)
    hermit.run_hermit(hermit.CONSISTENCY, _ontology(), cache=cache)
    assert runs.count == 3 and cache.stats.reused == 0
    assert len(list(tmp_path.glob("*.out"))) == 3


@needs_java
@pytest.mark.parametrize("damage", ["truncate", "flip", "empty"])
def test_a_corrupt_entry_is_recomputed_with_a_warning(tmp_path, monkeypatch, caplog, damage):
    cache = java.ReasonerCache(tmp_path)
    first = hermit.run_hermit(hermit.CLASSIFY, _ontology(), cache=cache)
    [entry] = tmp_path.glob("*.out")
    data = entry.read_bytes()
    entry.write_bytes({"truncate": data[: len(data) // 2], "empty": b"",
                       "flip": data[:-2] + bytes([data[-2] ^ 1]) + data[-1:]}[damage])
    runs = _Runs(monkeypatch)
    with caplog.at_level(logging.WARNING, logger=java.__name__):
        second = hermit.run_hermit(hermit.CLASSIFY, _ontology(), cache=cache)
    assert runs.count == 1 and second == first
    assert cache.stats.corrupt == 1 and "runs again" in caplog.text
    assert entry.read_bytes() == data  # rewritten whole
    runs.allowed = False
    assert hermit.run_hermit(hermit.CLASSIFY, _ontology(), cache=cache) == first


def _fake_jdk(tmp_path, exit_code: int, version: str = "17.0.99"):
    """A runtime folder with a ``release`` file and a ``java`` that records every start."""
    home = tmp_path / "jdk"
    (home / "bin").mkdir(parents=True)
    (home / "release").write_text(f'IMPLEMENTOR="Invented"\nJAVA_VERSION="{version}"\nOS_NAME="Linux"\n')
    script = home / "bin" / "java"
    script.write_text(f'#!/bin/sh\necho started >> "{tmp_path}/starts"\necho "it broke" >&2\nexit {exit_code}\n')
    script.chmod(0o755)
    return script


def test_the_java_version_is_read_from_the_runtime_release_file_without_starting_it(tmp_path):
    script = _fake_jdk(tmp_path, exit_code=0)
    version = java.java_version(str(script))
    assert 'JAVA_VERSION="17.0.99"' in version and 'IMPLEMENTOR="Invented"' in version
    assert "OS_NAME" not in version
    assert not (tmp_path / "starts").exists()


def test_the_key_follows_java_version_classpath_files_and_arguments_not_jvm_tuning(tmp_path):
    script = _fake_jdk(tmp_path, exit_code=0)
    jar = tmp_path / "reasoner.jar"
    jar.write_bytes(b"one")
    cache = java.ReasonerCache(tmp_path / "cache")
    base = [str(script), "-Xmx2000M", "-cp", str(jar), "Main", "-c"]
    key = cache.key(base, b"input")
    assert cache.key([str(script), "-Xmx500M", "-XX:TieredStopAtLevel=1", *base[2:]], b"input") == key
    assert cache.key(base[:-1] + ["-k"], b"input") != key
    assert cache.key(base, b"input2") != key
    jar.write_bytes(b"other jar")
    assert cache.key(base, b"input") != key
    jar.write_bytes(b"one")
    (script.parent.parent / "release").write_text('JAVA_VERSION="18.0.1"\n')
    assert cache.key(base, b"input") != key


def test_a_failed_run_is_not_cached(tmp_path, monkeypatch):
    monkeypatch.setattr(owlready2, "JAVA_EXE", str(_fake_jdk(tmp_path, exit_code=3)))
    cache = java.ReasonerCache(tmp_path / "cache")
    for _ in range(2):
        with pytest.raises(ReasonerError, match="it broke"):
            hermit.run_hermit(hermit.CLASSIFY, _ontology(), cache=cache)
    assert (tmp_path / "starts").read_text().split() == ["started", "started"]
    assert cache.stats.computed == 0 and not list((tmp_path / "cache").glob("*.out"))


def test_a_missing_java_with_a_cache_is_a_reasoner_error(tmp_path, monkeypatch):
    monkeypatch.setattr(owlready2, "JAVA_EXE", str(tmp_path / "no-java"))
    with pytest.raises(ReasonerError, match="is Java installed"):
        hermit.run_hermit(hermit.CLASSIFY, _ontology(), cache=java.ReasonerCache(tmp_path))


# Invented documents: a drug-target sentence and an approval.
TINY = {"a_notes.txt": "Bench notes\nSorafenib inhibits BRAF and KDR in hepatoma cells.",
        "b_notes.txt": "Label notes\nThe FDA approved regorafenib as second-line therapy for HCC."}


def _exports(out):
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and "store" not in p.relative_to(out).parts}


@needs_java
@pytest.mark.slow
def test_a_rebuild_reuses_vocabulary_and_reasoner_starts_no_java_and_exports_the_same(tmp_path, capsys, monkeypatch):
    from hcc_kg.cli import main
    from hcc_kg.execute import vocabulary_cache

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in TINY.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out, args = tmp_path / "exports", ["build", "--corpus", str(corpus), "--jobs", "1"]
    monkeypatch.setattr(vocabulary_cache, "INDEX_FOLDER", tmp_path / "no-index")  # as before set-up wrote one
    assert main([*args, "--out", str(out)]) == 0
    first, exported = capsys.readouterr().out, _exports(out)
    assert "vocabulary: merged (now cached); reasoner: HermiT ran 1 time" in first
    runs = _Runs(monkeypatch, allowed=False)
    assert main([*args, "--out", str(out)]) == 0
    assert "vocabulary: from the cache; reasoner: HermiT's result reused from the cache (Java not started)" \
        in capsys.readouterr().out
    assert _exports(out) == exported and runs.count == 0
    runs.allowed = True
    assert main([*args, "--out", str(tmp_path / "clean"), "--no-cache"]) == 0
    assert "reasoner: HermiT ran (no cache)" in capsys.readouterr().out and runs.count == 1
    assert _exports(tmp_path / "clean") == exported
    assert len(list((tmp_path / ".hcc-kg-cache").rglob("*.out"))) == 1


@needs_java
def test_the_jit_tier_follows_the_input_size_and_the_output_does_not(tmp_path, monkeypatch):
    commands, real = [], hermit.run_bounded

    def recording(command, limit, *args):
        commands.append(command)
        return real(command, limit, *args)

    monkeypatch.setattr(hermit, "run_bounded", recording)
    small = hermit.run_hermit(hermit.CLASSIFY, _ontology())
    monkeypatch.setattr(java, "QUICK_TIER_MAX_TRIPLES", len(_ontology()))  # the same input now counts as large
    large = hermit.run_hermit(hermit.CLASSIFY, _ontology())
    assert "-XX:TieredStopAtLevel=1" in commands[0] and "-XX:TieredStopAtLevel=1" not in commands[1]
    assert all("-XX:+UseSerialGC" in c for c in commands)
    assert sorted(small.splitlines()) == sorted(large.splitlines())


def test_the_most_recently_used_entries_are_kept(tmp_path):
    import os

    cache = java.ReasonerCache(tmp_path, keep=2)
    for age, key in enumerate("ab", 1):
        cache.put(key, f"output {key}")
        os.utime(cache.path(key), (age, age))  # a long time ago, a before b
    assert cache.get("a") == "output a"  # used: now the most recent
    cache.put("c", "output c")
    assert sorted(p.stem for p in tmp_path.glob("*.out")) == ["a", "c"]
