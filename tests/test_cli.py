"""The CLI: exit codes from the error tree, builds that survive bad documents, queries."""

from __future__ import annotations

import json
import shutil

import pytest

from hcc_kg.cli import main

from conftest import FIXTURES, REPO

GOOD_NOTE = "Drug notes\nLenvatinib is an oral inhibitor of FGFR1 and RET in HCC.\n"


def test_missing_corpus_exits_3(tmp_path, capsys):
    assert main(["build", "--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 3
    assert "nowhere" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_corpus_without_documents_exits_3(tmp_path, capsys):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "notes.md").write_text("not a corpus document", encoding="utf-8")
    assert main(["build", "--corpus", str(tmp_path / "c"), "--out", str(tmp_path / "out")]) == 3


@pytest.mark.slow
def test_bad_document_is_reported_and_the_rest_still_builds(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD_NOTE, encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01 not text")  # Latin-1 is read, with a warning (test_bad_input)
    code = main(["build", "--corpus", str(corpus), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 4
    assert "binary.txt" in err and "binary-document" in err
    rows = [json.loads(line) for line in (tmp_path / "out" / "assertions.jsonl").read_text().splitlines()]
    assert ("lenvatinib", "inhibits", "fgfr1") in {(r["subject"], r["predicate"], r["object"]) for r in rows}
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".tmp")]


@pytest.mark.slow
def test_inconsistent_graph_exits_7_and_names_the_culprit(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(FIXTURES / "contradiction" / "doc.txt", corpus / "doc.txt")
    code = main(["build", "--corpus", str(corpus), "--out", str(tmp_path / "out"),
                 "--extra-vocabulary", str(FIXTURES / "contradiction" / "extra_vocabulary.yaml")])
    assert code == 7
    assert "sorafenib is both" in capsys.readouterr().err


def test_agents_json_on_the_committed_export(capsys, corpus_dir):
    from hcc_kg.read.corpus import read_corpus
    from hcc_kg.model import Assertion
    from hcc_kg.report import Report
    from hcc_kg.vocab import load_vocabulary
    from readback import approved_agents_hitting

    graph = REPO / "exports" / "hcc_kg.ttl"
    assert main(["agents", "--graph", str(graph), "--hits", "VEGFR", "--hits", "FGFR", "--approved", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    # expected: the export's own readings, kept where a plain re-reading of the corpus agrees
    read = [Assertion.from_json(json.loads(line)) for line in (graph.parent / "assertions.jsonl").open(encoding="utf-8")]
    texts = {d.doc_id: d.text for d in read_corpus(corpus_dir, Report())}
    expected = approved_agents_hitting(read, texts, load_vocabulary(), ["VEGFR", "FGFR"])
    assert [a["key"] for a in answer] == expected and expected
    for agent in answer:  # every hit cites where it was read
        assert all(hit["evidence"] for hit in agent["hits"])


def test_paths_from_a_pathway_to_a_drug(capsys):
    graph = REPO / "exports" / "hcc_kg.ttl"
    assert main(["paths", "--graph", str(graph), "Ras-Raf-MAPK", "sorafenib", "--json"]) == 0
    paths = json.loads(capsys.readouterr().out)
    assert paths, "expected at least one path"
    for path in paths:
        assert path[0]["type"] == "Pathway" and path[-1]["node"] == "sorafenib"


def test_unknown_entity_exits_9(capsys):
    graph = REPO / "exports" / "hcc_kg.ttl"
    assert main(["agents", "--graph", str(graph), "--hits", "NOSUCHTHING"]) == 9
    assert "NOSUCHTHING" in capsys.readouterr().err


def test_trials_and_chain_commands_on_the_committed_export(capsys):
    graph = str(REPO / "exports" / "hcc_kg.ttl")
    assert main(["trials", "--graph", graph, "--hr-below", "0.7", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(float(r["hazard_ratio"]) < 0.7 for r in rows)
    assert main(["chain", "--graph", graph, "Ras-Raf-MAPK", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["label"].startswith("Ras-Raf-MAPK") and result["drugs"]


@pytest.mark.slow
def test_hazard_ratio_outside_its_ci_fails_the_shape_checks(tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["build", "--corpus", str(FIXTURES / "hr_outside_ci"), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 10
    assert "shape-violation" in err and "hazard_ratio" in err
    text = (FIXTURES / "hr_outside_ci" / "trials.txt").read_text(encoding="utf-8")
    (violation,) = json.loads((out / "validation.json").read_text())["violations"]
    doc, start, end = violation["evidence"][0]
    assert "1.50" in text[start:end]  # the evidence points at the offending row
