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
    from readback import approved_agents_hitting, reported_names

    graph = REPO / "exports" / "hcc_kg.ttl"
    assert main(["agents", "--graph", str(graph), "--hits", "VEGFR", "--hits", "FGFR", "--approved", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    # expected: the export's own readings, kept where a plain re-reading of the corpus agrees
    read = [Assertion.from_json(json.loads(line)) for line in (graph.parent / "assertions.jsonl").open(encoding="utf-8")]
    texts = {d.doc_id: d.text for d in read_corpus(corpus_dir, Report())}
    named = reported_names(json.loads((graph.parent / "build_report.json").read_text(encoding="utf-8")))
    expected = approved_agents_hitting(read, texts, load_vocabulary(), ["VEGFR", "FGFR"], named)
    assert [a["key"] for a in answer] == expected and expected
    for agent in answer:  # every hit cites where it was read
        assert all(hit["evidence"] for hit in agent["hits"])


def test_agents_approved_for_a_disease_are_those_whose_approvals_name_it(capsys):
    graph = REPO / "exports" / "hcc_kg.ttl"
    assert main(["agents", "--graph", str(graph), "--hits", "VEGFR", "--approved-for", "HCC", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    approved_for_hcc = {json.loads(line)["subject"] for line in (graph.parent / "assertions.jsonl").open(encoding="utf-8")
                        if '"approvedFor"' in line and json.loads(line)["object"] == "hcc"}
    assert answer and all("hcc" in a["approved_for"] and a["key"] in approved_for_hcc for a in answer)
    assert main(["agents", "--graph", str(graph), "--hits", "VEGFR", "--approved-for", "zorbanoma"]) == 9


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


# The program, as the `hcc-kg` script runs it (main() with no arguments reads sys.argv), with an
# atexit hook that says whether the interpreter's teardown ran.
PROGRAM = """import atexit, sys
atexit.register(lambda: print("teardown ran", file=sys.stderr))
from hcc_kg.cli import main
sys.argv = ["hcc-kg", *sys.argv[1:]]
sys.exit(main())
"""


def _program(*args: str):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", PROGRAM, *args], capture_output=True, text=True, timeout=600)


def test_a_build_run_as_the_program_ends_without_teardown_and_keeps_its_exit_code(tmp_path):
    done = _program("build", "--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert done.returncode == 3
    assert "nowhere" in done.stderr  # printed before the end: flushed
    assert "teardown ran" not in done.stderr


def test_other_commands_run_as_the_program_end_with_the_teardown():
    done = _program("sparql", "--list")
    assert done.returncode == 0 and "pathway_chain" in done.stdout
    assert "teardown ran" in done.stderr


@pytest.mark.slow
def test_a_build_ended_without_teardown_has_written_and_published_everything(tmp_path):
    corpus, out = tmp_path / "c", tmp_path / "out"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD_NOTE, encoding="utf-8")
    done = _program("build", "--corpus", str(corpus), "--out", str(out), "--no-cache")
    assert done.returncode == 0, done.stderr
    assert "teardown ran" not in done.stderr
    assert done.stdout.startswith("built ") and "wrote " in done.stdout  # every line of stdout got out
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["files"] and all((out / name).is_file() for name in manifest["files"])
    assert "assertions.jsonl" in manifest["files"] and (out / "assertions.jsonl").read_text().strip()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no staging folder, no lock left


def test_formats_chooses_the_graph_files_and_a_later_build_removes_the_others(tmp_path, capsys):
    corpus, out = tmp_path / "c", tmp_path / "out"
    corpus.mkdir()
    (corpus / "note.txt").write_text(GOOD_NOTE, encoding="utf-8")
    assert main(["build", "--corpus", str(corpus), "--out", str(out)]) == 0
    assert {p.name for p in out.glob("hcc_kg.*")} == {"hcc_kg.ttl", "hcc_kg.nt", "hcc_kg.jsonld"}
    assert main(["build", "--corpus", str(corpus), "--out", str(out), "--formats", "ntriples"]) == 0
    assert {p.name for p in out.glob("hcc_kg.*")} == {"hcc_kg.nt"}  # the folder holds one build
    assert "lenvatinib" in (out / "hcc_kg.nt").read_text(encoding="utf-8")
    assert main(["build", "--corpus", str(corpus), "--out", str(out), "--formats", "none"]) == 0
    assert not list(out.glob("hcc_kg.*")) and (out / "store").is_dir() and (out / "build_report.json").is_file()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert not [name for name in manifest["files"] if name.startswith("hcc_kg.")]


def test_no_views_and_no_kgx_leave_them_out_and_a_later_build_removes_the_old_ones(tmp_path, capsys):
    corpus, out = tmp_path / "c", tmp_path / "out"
    corpus.mkdir()
    (corpus / "note.txt").write_text(GOOD_NOTE, encoding="utf-8")
    assert main(["build", "--corpus", str(corpus), "--out", str(out)]) == 0
    assert list(out.glob("view_*.html")) and (out / "kgx" / "nodes.tsv").is_file()
    assert main(["build", "--corpus", str(corpus), "--out", str(out), "--no-views", "--no-kgx"]) == 0
    assert not list(out.glob("view_*.html")) and not (out / "kgx").exists()
    assert (out / "hcc_kg.ttl").is_file() and (out / "hcc_kg_ontology.ttl").is_file()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert not [name for name in manifest["files"] if name.startswith(("view_", "kgx"))]


def test_an_unknown_format_exits_9_before_reading(tmp_path, capsys):
    code = main(["build", "--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"), "--formats", "turtle,rdfxml"])
    assert code == 9
    assert "rdfxml" in capsys.readouterr().err and not (tmp_path / "out").exists()
