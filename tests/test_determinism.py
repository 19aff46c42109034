"""Determinism: what a build produces depends on the documents' text, not on file names or order.

Two builds of the same corpus writing byte-identical files is tested in test_pipeline.py
(``test_two_builds_write_identical_files``).  Here: a document's identity is its content
(``doc_id`` = 16 hex digits of the SHA-256 of its text; the file name is only the
document's label), so renaming and reordering the files gives the same graph up to those
labels, and the exports that carry no file name are byte-identical.
"""

from __future__ import annotations

import hashlib
import random
import shutil

import pytest
import rdflib
from rdflib import RDF, RDFS
from rdflib.compare import isomorphic

from hcc_kg.assemble.merge import assemble
from hcc_kg.read.corpus import read_corpus
from hcc_kg.extract import extract
from hcc_kg.pipeline import Settings, build
from hcc_kg.store.rdf import HCC
from hcc_kg.report import Report
from hcc_kg.vocab import load_vocabulary

NAME_FREE_EXPORTS = ("assertions.jsonl", "conflicts.json", "validation.json")


def _without_document_labels(graph: rdflib.Graph) -> tuple[rdflib.Graph, dict[str, str]]:
    """The graph minus each SourceDocument's label, and those labels by sha256."""
    out = rdflib.Graph()
    documents = set(graph.subjects(RDF.type, HCC.SourceDocument))
    labels = {str(graph.value(d, HCC.sha256)): str(graph.value(d, RDFS.label)) for d in documents}
    for triple in graph:
        if not (triple[0] in documents and triple[1] == RDFS.label):
            out.add(triple)
    return out, labels


def _renamed_copy(corpus_dir, folder) -> dict[str, str]:
    """Copy the corpus under new names that sort the other way round; sha256 -> new name."""
    folder.mkdir()
    originals = sorted(corpus_dir.glob("*.txt"))
    names = {}
    for rank, path in enumerate(reversed(originals)):
        new = f"{rank:03d}_renamed_{hashlib.sha1(path.name.encode()).hexdigest()[:6]}.txt"
        shutil.copy(path, folder / new)
        names[hashlib.sha256(path.read_bytes()).hexdigest()] = new
    assert [p.name for p in sorted(folder.glob("*.txt"))] != [p.name for p in originals]
    return names


@pytest.mark.slow
def test_renamed_and_reordered_corpus_gives_an_isomorphic_graph(built, corpus_dir, tmp_path):
    names = _renamed_copy(corpus_dir, tmp_path / "renamed")
    again = build(Settings(corpus=tmp_path / "renamed", out=tmp_path / "out"))
    first, first_labels = _without_document_labels(built.graph)
    second, second_labels = _without_document_labels(again.graph)
    assert second_labels == names  # the labels are the new file names ...
    assert set(first_labels) == set(names)
    assert isomorphic(first, second)  # ... and nothing else changed
    before = {p.name: p for p in built.outputs}
    for name in NAME_FREE_EXPORTS:
        assert (tmp_path / "out" / name).read_bytes() == before[name].read_bytes(), name


def test_document_order_does_not_change_the_assertions(corpus_dir):
    """Extraction and merging do not depend on the order documents arrive in."""
    vocabulary = load_vocabulary()
    documents = read_corpus(corpus_dir, Report())
    shuffled = list(reversed(documents))
    random.Random(6).shuffle(shuffled)
    runs = [assemble(extract(docs, vocabulary, Report())) for docs in (documents, list(reversed(documents)), shuffled)]
    dumps = [([a.to_json() for a in assertions], [c.to_json() for c in conflicts]) for assertions, conflicts in runs]
    assert dumps[0][0] and dumps[0] == dumps[1] == dumps[2]


def test_document_ids_come_from_the_text(tmp_path):
    text = "Drug notes\nLenvatinib is an oral inhibitor of FGFR1 in this invented note.\n"
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a_copy.txt").write_text(text, encoding="utf-8")
    (tmp_path / "c.txt").write_text(text.upper(), encoding="utf-8")
    report = Report()
    documents = read_corpus(tmp_path, report)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    by_id = {d.doc_id: d for d in documents}
    assert len(documents) == 2 and by_id[digest[:16]].sha256 == digest
    assert by_id[digest[:16]].name == "a_copy.txt"  # the first name in file order labels a repeated text
    [problem] = report.problems
    assert (problem.code, problem.doc) == ("duplicate-document", "b.txt") and "a_copy.txt" in problem.message
    assert [d.doc_id for d in documents] == sorted(d.doc_id for d in documents)
