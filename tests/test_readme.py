"""The README's examples run and its figures match the committed exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import rdflib

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
EXPORTS = REPO / "exports"


def test_every_sparql_example_returns_answers_on_the_committed_export():
    graph = rdflib.Graph().parse(EXPORTS / "hcc_kg.ttl", format="turtle")
    queries = re.findall(r"```sparql\n(.*?)```", README, re.S)
    assert len(queries) >= 2
    for query in queries:
        assert list(graph.query(query)), query


def test_evidence_example_cites_documents_the_build_read():
    query = re.search(r"```sparql\n(.*?)```", README, re.S).group(1)
    graph = rdflib.Graph().parse(EXPORTS / "hcc_kg.ttl", format="turtle")
    rows = list(graph.query(query))
    assert rows
    documents = {d["id"] for d in json.loads((EXPORTS / "build_report.json").read_text())["documents"]}
    for row in rows:  # each answer cites a span of a document the build read
        assert str(row.doc) in documents
        assert 0 <= int(row.start) < int(row.end)


def test_stated_totals_match_the_build_report():
    counts = json.loads((EXPORTS / "build_report.json").read_text())["counts"]
    assertions = (EXPORTS / "assertions.jsonl").read_text().count("\n")
    stated = re.search(r"(\d[\d,]*) assertions after merging .*?, ([\d,]+) triples", README, re.S)
    assert int(stated.group(1).replace(",", "")) == assertions
    assert int(stated.group(2).replace(",", "")) == counts["triples"]


# Every query on pyoxigraph too, every count from the build report, every command parses ----------

def _sections(heading: str, until: str) -> str:
    start = README.index(heading)
    return README[start:README.index(until, start)]


def test_every_sparql_example_gives_the_same_answers_on_pyoxigraph_and_rdflib():
    import pyoxigraph

    store = pyoxigraph.Store()
    store.bulk_load(path=str(EXPORTS / "hcc_kg.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    graph = rdflib.Graph().parse(EXPORTS / "hcc_kg.ttl", format="turtle")
    for query in re.findall(r"```sparql\n(.*?)```", README, re.S):
        oxigraph_rows = list(store.query(query))  # no prefix is predeclared: pyoxigraph refuses rdfs: undeclared
        assert oxigraph_rows and len(oxigraph_rows) == len(list(graph.query(query))), query


#: What each row of the "What is in the graph" table counts: build_report.json count keys, one per
#: number in the count cell, in order ("sum": the cell's numbers add up to the one key).
TABLE_COUNTS = {
    "small molecules": ["SmallMolecule"], "monoclonal antibodies": ["MonoclonalAntibody", "BispecificAntibody"],
    "cell therapies": ["CellTherapy"], "regimens": ["Regimen"], "proteins / protein families": ["Protein", "ProteinFamily"],
    "pathways": ["Pathway"], "regulatory approvals": ["RegulatoryApproval"], "diseases": ["Disease"],
    "clinical trials": ("sum", "ClinicalTrial"),
    "trial arms / outcome measurements / hazard ratios": ["TrialArm", "OutcomeMeasurement", "HazardRatio"],
    "evidence records": ["Evidence"], "multikinase inhibitors": ["MultikinaseInhibitor"],
    "anti-angiogenic agents": ["AntiAngiogenicAgent"], "immune checkpoint inhibitors": ["ImmuneCheckpointInhibitor"],
    "combination regimens": ["CombinationRegimen"], "approved agents": ["ApprovedAgent"],
}


def _numbers(cell: str) -> list[int]:
    return [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", cell)]


def test_every_count_in_the_graph_table_is_the_build_reports():
    counts = json.loads((EXPORTS / "build_report.json").read_text())["counts"]
    table = _sections("## What is in the graph", "assertions after merging")
    checked = 0
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("kind", "---"):
            continue
        for kind, cell in ((cells[0], cells[1]), (cells[2], cells[3])):
            if not kind:
                continue
            keys = next((v for k, v in TABLE_COUNTS.items() if kind.startswith(k)), None)
            assert keys is not None, f"README row {kind!r}: say in TABLE_COUNTS which count it shows"
            if isinstance(keys, tuple):
                assert sum(_numbers(cell)) == counts[keys[1]], kind
            else:
                assert _numbers(cell) == [counts[k] for k in keys], kind
            checked += 1
    assert checked == len(TABLE_COUNTS)


def test_drug_target_total_and_query_count_match_the_exports_and_the_library():
    rows = [json.loads(line) for line in (EXPORTS / "assertions.jsonl").read_text().splitlines()]
    from hcc_kg.query.paths import ACTS_ON

    stated = re.search(r"assertions after merging \((\d+) drug→target facts\)", README)
    assert int(stated.group(1)) == sum(r["predicate"] in ACTS_ON for r in rows)
    files = re.search(r"`ontology/queries/` holds (\d+) SPARQL files", README)
    assert int(files.group(1)) == len(list((REPO / "ontology" / "queries").glob("*.rq")))


def _commands() -> list[tuple[int, str]]:
    """(line number, command line) of every ``hcc-kg`` command in the README's shell blocks."""
    found, language, lines = [], None, README.replace("\\\n", " ").splitlines()
    for number, line in enumerate(lines):
        if line.startswith("```"):
            language = None if language is not None else line[3:].strip()
            continue
        if language in ("console", "bash", ""):
            command = line.strip().removeprefix("$ ").split("  #")[0].strip()
            if command.startswith(("hcc-kg ", ".venv/bin/hcc-kg ")):
                found.append((number, command))
    return found


def test_every_readme_command_parses_and_the_path_is_explained_first():
    import contextlib
    import io
    import shlex
    import sys

    from hcc_kg.cli import parser

    commands = _commands()
    assert len(commands) >= 15
    for _, command in commands:
        words = shlex.split(command.replace("...", "x").replace("…", "x"))[1:]
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                parser().parse_args(words)
        except SystemExit as stop:  # argparse's way to refuse a command line (0 after --help)
            if stop.code != 0:
                raise AssertionError(f"README command does not parse: {command}") from stop
    activate = next(i for i, line in enumerate(README.replace("\\\n", " ").splitlines())
                    if line.startswith("source .venv/bin/activate"))
    bare = min(offset for offset, command in commands if command.startswith("hcc-kg "))
    assert activate < bare  # the README says how to get `hcc-kg` before it first uses it
    assert (Path(sys.executable).parent / "hcc-kg").is_file()  # where `make setup` installs it
