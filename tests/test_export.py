"""Exports: atomic writes, the format registry, round trips and canonical bytes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, XSD, BNode, Literal
from rdflib.collection import Collection
from rdflib.compare import isomorphic

from hcc_kg.store import export
from hcc_kg.errors import ExportError
from hcc_kg.store.export import FORMATS, atomic_write, canonical, write_rdf
from hcc_kg.store.rdf import HCC, HCCR

PARSE_FORMAT = {"turtle": "turtle", "ntriples": "nt", "json-ld": "json-ld"}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".tmp-"))


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def sample_graph(order: int = 1, tag: str = "a") -> rdflib.Graph:
    """A small TBox+ABox with a restriction, an RDF list and assorted literals.

    ``tag`` changes the blank-node ids; ``order`` reverses triple insertion order.
    """
    restriction = BNode(f"restr{tag}")
    union = BNode(f"union{tag}")
    list_head = BNode(f"list{tag}")
    triples = [
        (HCC.Inhibitor, RDF.type, OWL.Class),
        (HCC.Inhibitor, RDFS.subClassOf, restriction),
        (restriction, RDF.type, OWL.Restriction),
        (restriction, OWL.onProperty, HCC.inhibits),
        (restriction, OWL.someValuesFrom, HCC.Protein),
        (HCC.Agent, OWL.equivalentClass, union),
        (union, RDF.type, OWL.Class),
        (union, OWL.unionOf, list_head),
        (HCCR.zeta, RDFS.label, Literal("Zeta compound")),
        (HCCR.zeta, RDFS.label, Literal("composé zêta", lang="fr")),
        (HCCR.zeta, HCC.dose, Literal("12.5", datatype=XSD.decimal)),
        (HCCR.zeta, HCC["count"], Literal(7)),
        (HCCR.zeta, HCC.inhibits, HCCR.kinase_q),
    ]
    graph = rdflib.Graph()
    for triple in triples[::order]:
        graph.add(triple)
    members = [HCC.SmallMolecule, HCC.Antibody, HCC.Regimen][::order]
    Collection(graph, list_head, members if order == 1 else members[::-1])
    return graph


# --- atomic_write -------------------------------------------------------------------


def test_atomic_write_replaces_content_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(b"old contents\n")
    atomic_write(target, b"new contents\n")
    assert target.read_bytes() == b"new contents\n"
    assert leftovers(tmp_path) == []


def test_atomic_write_creates_missing_folders(tmp_path):
    target = tmp_path / "a" / "b" / "out.bin"
    atomic_write(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert leftovers(target.parent) == []


def test_failed_rename_keeps_old_file_and_removes_temp(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_bytes(b"previous\n")

    def refuse(src, dst):
        raise OSError("disk said no")

    monkeypatch.setattr(export.os, "replace", refuse)
    with pytest.raises(OSError, match="disk said no"):
        atomic_write(target, b"replacement\n")
    monkeypatch.undo()
    assert target.read_bytes() == b"previous\n"
    assert leftovers(tmp_path) == []


def test_failed_write_keeps_old_file_and_removes_temp(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(b"previous\n")
    with pytest.raises(TypeError):
        atomic_write(target, "not bytes")  # the binary handle's write() raises
    assert target.read_bytes() == b"previous\n"
    assert leftovers(tmp_path) == []


def test_atomic_write_streams_chunks(tmp_path):
    target = tmp_path / "out.txt"
    atomic_write(target, (part for part in (b"one\n", b"", b"two\n")))
    assert target.read_bytes() == b"one\ntwo\n"
    assert leftovers(tmp_path) == []


def test_failure_while_streaming_keeps_old_file_and_removes_temp(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(b"previous\n")

    def chunks():
        yield b"half of a "
        raise OSError("disk full mid-way")

    with pytest.raises(OSError, match="mid-way"):
        atomic_write(target, chunks())
    assert target.read_bytes() == b"previous\n"
    assert leftovers(tmp_path) == []


def test_write_rdf_maps_os_errors_to_export_error(tmp_path, monkeypatch):
    target = tmp_path / "g.nt"
    target.write_bytes(b"kept\n")

    def refuse(src, dst):
        raise OSError("no space")

    monkeypatch.setattr(export.os, "replace", refuse)
    with pytest.raises(ExportError, match="no space"):
        write_rdf(sample_graph(), target, "ntriples")
    monkeypatch.undo()
    assert target.read_bytes() == b"kept\n"
    assert leftovers(tmp_path) == []


def test_written_file_is_world_readable(tmp_path, umask_022):
    target = tmp_path / "out.txt"
    atomic_write(target, b"x")
    mode = stat.S_IMODE(target.stat().st_mode)
    assert mode & 0o044 == 0o044
    assert mode == 0o644


def test_written_file_mode_respects_umask(tmp_path):
    old = os.umask(0o077)
    try:
        atomic_write(tmp_path / "private.txt", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "private.txt").stat().st_mode) == 0o600


# --- registry ---------------------------------------------------------------------------


def test_registry_names_the_formats():
    assert FORMATS.names() == ["json-ld", "ntriples", "turtle", "turtle-readable"]
    assert FORMATS.get("turtle").suffix == ".ttl"
    assert FORMATS.get("ntriples").suffix == ".nt"
    assert FORMATS.get("json-ld").suffix == ".jsonld"


def test_unknown_format_names_known_ones(tmp_path):
    with pytest.raises(ExportError) as info:
        FORMATS.get("rdfxml")
    message = str(info.value)
    assert "rdfxml" in message
    for known in ("json-ld", "ntriples", "turtle"):
        assert known in message


def test_write_rdf_unknown_format_raises_and_writes_nothing(tmp_path):
    with pytest.raises(ExportError, match="known: json-ld, ntriples, turtle"):
        write_rdf(sample_graph(), tmp_path / "g.xml", "rdfxml")
    assert list(tmp_path.iterdir()) == []


# --- round trips and canonical bytes --------------------------------------------------


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "json-ld"])
def test_round_trip_is_isomorphic(tmp_path, fmt):
    original = sample_graph()
    path = write_rdf(original, tmp_path / f"g{FORMATS.get(fmt).suffix}", fmt)
    parsed = rdflib.Graph().parse(path, format=PARSE_FORMAT[fmt])
    assert len(parsed) == len(original)
    assert isomorphic(parsed, original)
    assert (HCCR.zeta, HCC.dose, Literal("12.5", datatype=XSD.decimal)) in parsed
    assert (HCCR.zeta, RDFS.label, Literal("composé zêta", lang="fr")) in parsed
    assert leftovers(tmp_path) == []


def test_canonical_keeps_triple_count_and_structure():
    original = sample_graph()
    result = canonical(original)
    assert len(result) == len(original)
    assert isomorphic(result.to_graph(), original)
    # the ground triples are carried over unchanged
    assert (HCCR.zeta, HCC.inhibits, HCCR.kinase_q) in result


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "json-ld"])
def test_same_triples_give_identical_bytes(tmp_path, fmt):
    first = sample_graph(order=1, tag="a")
    second = sample_graph(order=-1, tag="zz9")
    assert set(first) != set(second)  # different blank-node ids
    assert isomorphic(first, second)
    a = write_rdf(first, tmp_path / "a" / "g", fmt).read_bytes()
    b = write_rdf(second, tmp_path / "b" / "g", fmt).read_bytes()
    assert a == b


def test_ntriples_lines_are_sorted(tmp_path):
    path = write_rdf(sample_graph(order=-1, tag="q"), tmp_path / "g.nt", "ntriples")
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    lines = text.splitlines()
    assert len(lines) == len(sample_graph())
    assert lines == sorted(lines)
    assert all(line.strip() for line in lines)


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "json-ld"])
def test_canonical_graph_and_rdflib_graph_give_the_same_file(tmp_path, fmt):
    graph = sample_graph()
    a = write_rdf(graph, tmp_path / "a" / "g", fmt).read_bytes()
    b = write_rdf(canonical(graph), tmp_path / "b" / "g", fmt, already_canonical=True).read_bytes()
    c = write_rdf(canonical(graph).to_graph(), tmp_path / "c" / "g", fmt, already_canonical=True).read_bytes()
    assert a == b == c


def test_ntriples_file_matches_sorted_rdflib_output(tmp_path):
    """The N-Triples export is byte-identical to sorting rdflib's own ``nt`` serialisation."""
    ordered = canonical(sample_graph(order=-1, tag="r"))
    lines = ordered.to_graph().serialize(format="nt", encoding="utf-8").decode("utf-8").split("\n")
    expected = ("\n".join(sorted(line for line in lines if line)) + "\n").encode("utf-8")
    assert write_rdf(ordered, tmp_path / "g.nt", "ntriples").read_bytes() == expected


def test_readable_turtle_nests_blank_nodes_and_round_trips(tmp_path):
    graph = rdflib.Graph()
    ex = rdflib.Namespace("http://example.org/")
    restriction = rdflib.BNode()
    graph.add((ex.A, rdflib.RDFS.subClassOf, restriction))
    graph.add((restriction, rdflib.OWL.onProperty, ex.p))
    graph.add((restriction, rdflib.OWL.someValuesFrom, ex.B))
    first = write_rdf(graph, tmp_path / "a.ttl", "turtle-readable").read_bytes()
    assert b"_:" not in first and b"[" in first  # nested, not a flat labelled node
    assert isomorphic(rdflib.Graph().parse(data=first, format="turtle"), graph)
    assert write_rdf(graph, tmp_path / "b.ttl", "turtle-readable").read_bytes() == first
