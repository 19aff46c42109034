"""End-to-end on real literature (../shared/literature): the build reads it, reasons
consistently, answers through the same CLI, SPARQL questions and views as the shipped
corpus, asserts none of the curated must-not statements, and changing one value in a copy
of a document changes exactly that fact.

The mutation tests run on the development split only (documents whose number is not a
multiple of 3); the held-out split is read only by the build test and the scorer.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from hcc_kg.cli import main
from hcc_kg.pipeline import Settings, build, load_settings_vocabulary, read
from hcc_kg.report import Report

from conftest import REPO

pytestmark = pytest.mark.slow
LITERATURE = Path(os.environ.get("HCC_KG_LITERATURE", REPO.parent / "shared" / "literature"))
sys.path.insert(0, str(REPO / "benchmarks"))


def _is_dev(path: Path) -> bool:
    return path.name[:3].isdigit() and int(path.name[:3]) % 3 != 0


@pytest.fixture(scope="module")
def literature_dir() -> Path:
    if not LITERATURE.is_dir():
        pytest.skip(f"literature not found at {LITERATURE} (set HCC_KG_LITERATURE)")
    return LITERATURE


@pytest.fixture(scope="module")
def literature_build(literature_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("literature-exports")
    return build(Settings(corpus=literature_dir, out=out)), out


@pytest.fixture(scope="module")
def vocabulary():
    return load_settings_vocabulary(Settings(corpus=LITERATURE, out=None))


def test_literature_builds_consistent_and_valid(literature_build, literature_dir):
    result, out = literature_build
    assert not result.report.errors(), [str(p) for p in result.report.errors()]
    assert result.validation is not None and result.validation.conforms
    texts = sorted(p.name for p in literature_dir.glob("*.txt"))
    assert len(result.documents) == len(texts)
    counts = result.counts
    for kind in ("ClinicalTrial", "TrialArm", "OutcomeMeasurement", "HazardRatio", "RegulatoryApproval"):
        assert counts.get(kind, 0) > 0, kind


def test_build_report_lists_each_document_with_its_facts(literature_build):
    result, out = literature_build
    report = json.loads((out / "build_report.json").read_text(encoding="utf-8"))
    names = {d["name"] for d in report["documents"]}
    assert names == {d.name for d in result.documents}
    assert all("facts" in d and "unidentified" in d for d in report["documents"])
    assert sum(d["facts"] for d in report["documents"]) > 0


def test_withheld_statements_are_exported_and_absent_from_the_graph(literature_build):
    result, out = literature_build
    withheld = [json.loads(line) for line in (out / "withheld.jsonl").read_text(encoding="utf-8").splitlines()]
    assert withheld, "real notices and abstracts hold negated or hedged statements"
    fact_keys = {a.key() for a in result.assertions}
    for statement in withheld:
        assert statement["key"] not in fact_keys
        assert all(e.get("polarity") == "negative" or e.get("certainty") == "hedged" for e in statement["evidence"])


def test_trials_and_hazard_ratios_answer_through_the_cli(literature_build, capsys):
    _, out = literature_build
    graph = str(out / "hcc_kg.ttl")
    assert main(["trials", "--graph", graph, "--hr-below", "1.5", "--json"]) == 0
    trials = json.loads(capsys.readouterr().out)
    assert trials, "no trial with an OS hazard ratio below 1.5"
    assert main(["sparql", "hazard_ratios_below", "--graph", graph, "--param", "threshold=1.5",
                 "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows
    assert main(["sparql", "approvals_for_line", "--graph", graph, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)


def test_negative_trials_keep_their_verdict_and_numbers(literature_build):
    from hcc_kg.query.graph import project
    from hcc_kg.query.outcomes import describe_trial, trials

    result, _ = literature_build
    G = project(result.graph)
    described = [describe_trial(G, t) for t in trials(G)]
    verdicts = {d["primary_endpoint_met"] for d in described}
    assert {True, False} <= verdicts, "real abstracts state both met and missed primary endpoints"
    missed = [d for d in described if d["primary_endpoint_met"] is False]
    assert any(d["hazard_ratios"] or any(a["measurements"] for a in d["arms"]) for d in missed)


def test_views_draw_the_literature_graph(literature_build, tmp_path):
    _, out = literature_build
    page = tmp_path / "hr.html"
    assert main(["view", "--graph", str(out / "hcc_kg.ttl"), "--query", "hazard_ratios_below",
                 "--param", "threshold=1.5", "--out", str(page)]) == 0
    assert page.stat().st_size > 1000


def test_no_curated_negative_is_asserted(literature_build, vocabulary):
    from extraction import score  # benchmarks/extraction.py
    from gold_io import Canon, load_gold

    result, _ = literature_build
    golds = load_gold(REPO / "benchmarks" / "gold" / "literature")
    assert len(golds) == len(result.documents)
    scores = score(golds, result.assertions, result.documents, Canon(vocabulary))
    assert scores["negatives_gold"] > 0
    assert scores["asserted_negatives"] == [], scores["asserted_negatives"]


# -- change one fact in a copy of a document: exactly that fact changes ----------------------

def _facts_of(folder: Path, vocabulary) -> set[tuple]:
    """Facts without their evidence; "mentionedIn" names the document by its content hash,
    which any edit changes, so it is left out."""
    reading = read(Settings(corpus=folder, out=None), vocabulary, Report())
    return {(a.subject, a.predicate, str(a.object), a.context, a.attributes) for a in reading.facts
            if a.predicate != "mentionedIn"}


def _numeric_facts(literature_dir: Path, vocabulary, predicate: str, attribute: str):
    """(document path, fact, printed value) for each fact of ``predicate`` in the dev split."""
    reading = read(Settings(corpus=literature_dir, out=None), vocabulary, Report())
    path_of = {d.doc_id: literature_dir / d.name for d in reading.documents}
    for fact in reading.facts:
        if fact.predicate == predicate and fact.attribute_values(attribute):
            ev = fact.evidence[0]
            if _is_dev(path_of[ev.doc_id]):
                yield path_of[ev.doc_id], fact, str(fact.attribute_values(attribute)[0])


def _changed_digit(text: str) -> str:
    """The same printed number with its last digit changed (same length, same offsets)."""
    last = max(i for i, ch in enumerate(text) if ch.isdigit())
    return text[:last] + str((int(text[last]) + 3) % 10) + text[last + 1:]


@pytest.mark.parametrize("predicate, attribute", [("hasEffectEstimate", "hazard_ratio_text"),
                                                  ("hasMeasurement", "value_text")])
def test_changing_a_printed_value_changes_exactly_that_fact(literature_dir, vocabulary, tmp_path,
                                                           predicate, attribute):
    checked = 0
    for path, fact, printed in list(_numeric_facts(literature_dir, vocabulary, predicate, attribute))[:12]:
        text = path.read_text(encoding="utf-8")
        ev = fact.evidence[0]
        at = text.find(printed, ev.start, ev.end)
        if at < 0 or text.count(printed, ev.start, ev.end) != 1:
            continue  # the value is printed twice in its span: which one is meant is not one edit
        original, mutated = tmp_path / "original", tmp_path / "mutated"
        for folder in (original, mutated):
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
        shutil.copy(path, original / path.name)
        new = _changed_digit(printed)
        (mutated / path.name).write_text(text[:at] + new + text[at + len(printed):], encoding="utf-8")
        before, after = _facts_of(original, vocabulary), _facts_of(mutated, vocabulary)
        removed, added = before - after, after - before
        assert len(removed) == 1 and len(added) == 1, (path.name, printed, new, removed, added)
        (old,), (changed,) = removed, added
        assert old[:3] == changed[:3] and old[3] == changed[3]
        assert (attribute, new) in changed[4] and (attribute, printed) in old[4]
        checked += 1
    assert checked >= 3, f"only {checked} {predicate} facts could be mutated"
