"""The README's examples run and its figures match the committed exports."""

from __future__ import annotations

import json
import re

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
