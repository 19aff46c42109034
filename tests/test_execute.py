"""Extraction on worker processes, from the cache and on Dask: the same result as the serial loop.

Fast tests on a few invented documents; whole builds compared byte for byte are in
tests/test_execute_builds.py.
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from hcc_kg.cli import main
from hcc_kg.errors import ConfigError
from hcc_kg.execute import DEFAULT_MAX_READINGS, EXECUTORS, ExecutionPlan, extract_corpus, executor
from hcc_kg.execute.cache import (ExtractionCache, extractor_sources, extractor_version, remembered_extractor_version,
                                  vocabulary_digest)
from hcc_kg.execute.dask_executor import partitions
from hcc_kg.execute.local import CHARS_PER_WORKER, start_method, worker_count
from hcc_kg.execute.outputs import DocumentExtraction
from hcc_kg.extract import extract
from hcc_kg.extract.registry import EXTRACTORS
from hcc_kg.model import Assertion, Document, Evidence
from hcc_kg.report import Problem, Report
from hcc_kg.vocab import Entity, Vocabulary, load_vocabulary

from dask_cluster import dask_cluster  # noqa: F401  (a fixture)

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "hcc_kg"

# Invented documents: drug-target sentences, an approval, an abbreviation and one with nothing to read.
TEXTS = {
    "a_kinases.txt": "Kinase notes\nLenvatinib is an oral inhibitor of FGFR1 and KDR in HCC. "
                     "The FDA approved lenvatinib as first-line therapy for HCC.",
    "b_met.txt": "Receptor notes\nCabozantinib inhibits MET and AXL. Regorafenib blocks KDR and TIE2 in liver cancer cells.",
    "c_weather.txt": "Field diary\nThe morning was grey and the river ran high past the old mill.",
    "d_checkpoint.txt": "Antibody notes\nTremelimumab is an antibody against cytotoxic T-lymphocyte antigen 4 (CTLA-4). "
                        "Atezolizumab binds PD-L1, and CTLA-4 blockade adds to it.",
}


def documents(texts: dict[str, str] = TEXTS) -> list[Document]:
    return [Document.from_text(name.split(".")[0], text, name) for name, text in sorted(texts.items())]


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary()  # the hand vocabulary: small, so worker start-up stays short


def as_json(assertions) -> list[str]:
    return [json.dumps(a.to_json(), sort_keys=True) for a in assertions]


def serial(docs, vocabulary):
    report = Report()
    return as_json(extract(docs, vocabulary, report)), report.problems


def run(docs, vocabulary, plan=ExecutionPlan(jobs=1)):
    report = Report()
    found = extract_corpus(docs, vocabulary, report, plan)
    return as_json(found.assertions), report.problems, found.stats


# --- the same as the serial loop --------------------------------------------------------------


def test_in_process_equals_the_serial_extract_including_problems(vocabulary):
    assertions, problems, _ = run(documents(), vocabulary)
    assert (assertions, problems) == serial(documents(), vocabulary)
    assert any(p.code == "no-facts" and p.doc == "c_weather.txt" for p in problems)  # the comparison covers problems


def test_a_failing_document_reports_what_the_serial_extract_reports(vocabulary, monkeypatch):
    name = EXTRACTORS.names()[0]
    real = EXTRACTORS.get(name)

    def fragile(doc):
        if "Cabozantinib" in doc.document.text:
            raise ValueError("invented failure")
        return real(doc)

    monkeypatch.setitem(EXTRACTORS._extractors, name, fragile)
    assertions, problems, _ = run(documents(), vocabulary)
    assert (assertions, problems) == serial(documents(), vocabulary)
    assert [p.code for p in problems if p.doc == "b_met.txt"] == ["extraction-failed"]


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_two_worker_processes_equal_the_serial_extract(vocabulary, method):
    assertions, problems, _ = run(documents(), vocabulary, ExecutionPlan(jobs=2, start_method=method))
    assert (assertions, problems) == serial(documents(), vocabulary)


def test_forked_workers_inherit_a_frozen_heap_that_is_thawed_afterwards(vocabulary):
    import gc

    from hcc_kg.execute.local import run_local

    plan = ExecutionPlan(jobs=2, start_method="fork")
    assert gc.get_freeze_count() == 0
    stream = run_local(documents(), vocabulary, plan)
    first = next(stream)
    frozen_while_running = gc.get_freeze_count()
    rest = list(stream)
    assert frozen_while_running > 0 and gc.get_freeze_count() == 0 and len([first, *rest]) == len(documents())
    gc.freeze()
    try:
        list(run_local(documents(), vocabulary, plan))
        assert gc.get_freeze_count() > 0  # a caller's freeze is the caller's to undo
    finally:
        gc.unfreeze()


def test_workers_fork_only_from_a_single_threaded_process(monkeypatch):
    monkeypatch.setattr("hcc_kg.execute.local.thread_count", lambda: 1)
    assert start_method() == "fork" and start_method("spawn") == "spawn"
    monkeypatch.setattr("hcc_kg.execute.local.thread_count", lambda: 3)
    assert start_method() == "spawn"


def test_dask_on_a_two_worker_local_cluster_equals_the_serial_extract(vocabulary, dask_cluster, tmp_path, monkeypatch):
    from hcc_kg.execute import dask_executor

    read = []
    real = dask_executor.read_partition
    monkeypatch.setattr(dask_executor, "read_partition", lambda path: read.append(path) or real(path))
    plan = ExecutionPlan("dask", scheduler=dask_cluster.scheduler_address, cache_dir=tmp_path)
    assertions, problems, _ = run(documents(), vocabulary, plan)
    assert (assertions, problems) == serial(documents(), vocabulary)
    assert len(read) > 1 and all(p.name.startswith("part-") and p.suffix == ".jsonl" for p in read)
    assert all(p.is_relative_to(tmp_path / "partitions") and not p.exists() for p in read)  # read, then removed



def test_dask_without_a_scheduler_starts_and_stops_a_local_cluster(vocabulary):
    import multiprocessing

    before = set(multiprocessing.active_children())
    assertions, problems, _ = run(documents(), vocabulary, ExecutionPlan("dask", jobs=2))
    assert (assertions, problems) == serial(documents(), vocabulary)
    assert set(multiprocessing.active_children()) <= before  # its worker processes are gone

def test_progress_is_reported_per_document_in_order(vocabulary, tmp_path):
    calls = []
    extract_corpus(documents(), vocabulary, Report(), ExecutionPlan(jobs=1, cache_dir=tmp_path),
                   lambda *call: calls.append(call))
    n = len(TEXTS)
    assert calls == [("extract", i, n) for i in range(1, n + 1)]


# --- executors ----------------------------------------------------------------------------------


def test_an_unknown_executor_is_a_config_error_naming_the_known_ones():
    with pytest.raises(ConfigError, match="known: " + ", ".join(sorted(EXECUTORS))):
        executor("spark")


@pytest.mark.parametrize("argv, message", [(["--executor", "spark"], "unknown executor 'spark'"),
                                           (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --executor dask")])
def test_bad_execution_options_exit_2_before_reading(argv, message, tmp_path, capsys):
    assert main(["build", "--corpus", str(tmp_path / "missing"), "--out", str(tmp_path / "out"), *argv]) == 2
    assert message in capsys.readouterr().err



@pytest.mark.parametrize("argv, cache", [([], "beside"), (["--no-cache"], None), (["--cache-dir", "elsewhere"], "elsewhere")])
def test_build_options_become_execution_settings(argv, cache, tmp_path):
    from hcc_kg.cli import parser
    from hcc_kg.cli.build_command import _execution_settings

    args = parser().parse_args(["build", "--out", str(tmp_path / "out"), "--jobs", "3", *argv])
    fields = _execution_settings(args)
    expected = {"beside": tmp_path / ".hcc-kg-cache" / "extraction", None: None, "elsewhere": Path("elsewhere")}[cache]
    from hcc_kg.execute.vocabulary_cache import INDEX_FOLDER

    assert fields == {"jobs": 3, "executor": "local", "scheduler": None, "cache_dir": expected,
                      "vocabulary_index": INDEX_FOLDER, "max_readings": DEFAULT_MAX_READINGS}


def test_max_readings_is_a_build_option_whose_help_gives_its_default(tmp_path, capsys):
    from hcc_kg.cli import parser
    from hcc_kg.cli.build_command import _execution_settings

    args = parser().parse_args(["build", "--out", str(tmp_path / "out"), "--max-readings", "50"])
    assert _execution_settings(args)["max_readings"] == 50
    assert main(["build", "--out", str(tmp_path / "out"), "--max-readings", "0"]) == 9  # out of range, as --jobs 0
    assert "--max-readings" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        parser().parse_args(["build", "--help"])
    assert f"default {DEFAULT_MAX_READINGS:,}" in " ".join(capsys.readouterr().out.split())

def test_worker_count_follows_jobs_but_never_exceeds_documents():
    docs = documents()
    assert worker_count(docs, 2) == 2 and worker_count(docs, 64) == len(docs) and worker_count(docs[:1], 8) == 1


def test_without_jobs_a_small_corpus_stays_in_process_and_a_large_one_uses_the_cores(monkeypatch):
    monkeypatch.setattr("hcc_kg.execute.local.available_cores", lambda: 2)
    for method, chars in CHARS_PER_WORKER.items():
        assert worker_count(documents(), None, method) == 1  # a few hundred characters: not worth a worker
        big = [Document.from_text(str(i), "x" * chars) for i in range(3)]
        assert worker_count(big, None, method) == 2


def test_partitions_keep_order_and_cover_every_document():
    docs = [Document.from_text(str(i), str(i)) for i in range(11)]
    parts = partitions(docs, 4)
    assert [d for part in parts for d in part] == docs and len(parts) == 4
    assert max(map(len, parts)) - min(map(len, parts)) <= 1
    assert partitions(docs[:2], 8) == [[docs[0]], [docs[1]]]


# --- the cache ---------------------------------------------------------------------------------


def test_a_second_run_reuses_every_document_and_gives_the_same_result(vocabulary, tmp_path):
    plan = ExecutionPlan(jobs=1, cache_dir=tmp_path)
    first = run(documents(), vocabulary, plan)
    second = run(documents(), vocabulary, plan)
    assert (first[2].reused, first[2].extracted) == (0, len(TEXTS))
    assert (second[2].reused, second[2].extracted) == (len(TEXTS), 0)
    assert second[:2] == first[:2] == serial(documents(), vocabulary)
    assert not list(tmp_path.rglob(".tmp*"))  # every entry was renamed into place


def test_editing_adding_and_removing_documents_extracts_only_those(vocabulary, tmp_path):
    plan = ExecutionPlan(jobs=1, cache_dir=tmp_path)
    run(documents(), vocabulary, plan)
    texts = dict(TEXTS)
    texts["b_met.txt"] += " Sorafenib inhibits BRAF."
    texts["e_new.txt"] = "Added notes\nSunitinib inhibits KDR."
    del texts["c_weather.txt"]
    assertions, problems, stats = run(documents(texts), vocabulary, plan)
    assert (stats.reused, stats.extracted) == (2, 2)
    assert (assertions, problems) == serial(documents(texts), vocabulary)


def test_another_extractor_version_or_vocabulary_invalidates_every_entry(vocabulary, tmp_path):
    run(documents(), vocabulary, ExecutionPlan(jobs=1, cache_dir=tmp_path, extractor_version="v1"))
    assert run(documents(), vocabulary, ExecutionPlan(jobs=1, cache_dir=tmp_path, extractor_version="v1"))[2].reused == 4
    assert run(documents(), vocabulary, ExecutionPlan(jobs=1, cache_dir=tmp_path, extractor_version="v2"))[2].reused == 0
    grown = vocabulary.extended(Vocabulary([Entity("zorblatinib", "zorblatinib", ("SmallMolecule",))]))
    again = run(documents(), grown, ExecutionPlan(jobs=1, cache_dir=tmp_path, extractor_version="v1"))
    assert (again[2].reused, again[2].extracted) == (0, 4)


@pytest.mark.parametrize("damage", ["truncate", "garbage", "wrong document", "old format"])
def test_a_corrupt_entry_is_extracted_again_with_a_warning(vocabulary, tmp_path, caplog, damage):
    plan = ExecutionPlan(jobs=1, cache_dir=tmp_path, extractor_version="v1")
    clean = run(documents(), vocabulary, plan)
    cache = ExtractionCache(tmp_path, "v1", vocabulary_digest(vocabulary))
    target, other = cache.path(documents()[1]), cache.path(documents()[0])
    data = target.read_text(encoding="utf-8")
    damaged = {"truncate": data[: len(data) // 2], "garbage": "\x00not json",
               "wrong document": other.read_text(encoding="utf-8"),
               "old format": json.dumps({**json.loads(data), "format": 0})}[damage]
    target.write_text(damaged, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="hcc_kg.execute.cache"):
        again = run(documents(), vocabulary, plan)
    assert again[:2] == clean[:2]
    assert (again[2].reused, again[2].extracted, again[2].corrupt) == (3, 1, 1)
    assert str(target) in caplog.text
    assert run(documents(), vocabulary, plan)[2].reused == 4  # the entry was written again



def test_a_cache_that_cannot_be_written_only_costs_speed(vocabulary, tmp_path, caplog):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="hcc_kg.execute.cache"):
        assertions, problems, stats = run(documents(), vocabulary, ExecutionPlan(jobs=1, cache_dir=blocked))
    assert (assertions, problems) == serial(documents(), vocabulary) and stats.extracted == len(TEXTS)
    assert "cannot write" in caplog.text


def test_an_entry_is_keyed_by_everything_that_names_the_document(tmp_path):
    from dataclasses import replace

    cache = ExtractionCache(tmp_path, "v1", "vocabulary")
    document = documents()[0]
    variants = [document, replace(document, name="renamed.txt"), replace(document, doc_id="other"),
                replace(document, sha256="0" * 64), replace(document, source_ids=(("pmid", "1"),))]
    assert len({cache.path(d) for d in variants}) == len(variants)
    assert ExtractionCache(tmp_path, "v2", "vocabulary").path(document) != cache.path(document)

def test_the_extractor_version_is_computed_from_the_imported_sources(tmp_path):
    sources = {p.relative_to(PACKAGE).as_posix() for p in extractor_sources()}
    assert {"extract/trials.py", "extract/__init__.py", "model.py", "vocab.py", "keys.py"} <= sources
    assert "data/jurisdictions.yaml" in sources  # a data file an extractor names
    assert "pipeline.py" not in sources and "owl/populate.py" not in sources  # downstream of extraction
    copy = tmp_path / "hcc_kg"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.gz"))
    before = extractor_version(copy)
    (copy / "pipeline.py").write_text("# not read by any extractor\n", encoding="utf-8")
    assert extractor_version(copy) == before
    model = copy / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert extractor_version(copy) != before


def test_the_remembered_version_is_recomputed_when_a_package_file_changes(tmp_path, monkeypatch):
    copy, memo = tmp_path / "hcc_kg", tmp_path / "cache" / "extractor_version.json"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.gz"))
    computed = []
    monkeypatch.setattr("hcc_kg.execute.cache.extractor_version", lambda root: computed.append(root) or f"v{len(computed)}")
    assert remembered_extractor_version(memo, copy) == remembered_extractor_version(memo, copy) == "v1"
    source = copy / "extract" / "trials.py"
    source.write_text(source.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert remembered_extractor_version(memo, copy) == "v2"
    memo.write_text("{not json", encoding="utf-8")
    assert remembered_extractor_version(memo, copy) == "v3" and len(computed) == 3


def test_the_vocabulary_digest_sees_every_field():
    base = Entity("x", "X", ("Drug",))
    variants = [Entity("x", "X", ("Drug",), synonyms=("Xa",)), Entity("x", "X", ("Protein",)),
                Entity("x", "X", ("Drug",), guarded=("X",)), Entity("x", "Y", ("Drug",))]
    digests = {vocabulary_digest(Vocabulary([e])) for e in [base, *variants]}
    assert len(digests) == 1 + len(variants)


# --- the JSON form used by cache entries and partition files ------------------------------------

names = st.text(min_size=1, max_size=10)
values = st.one_of(st.text(max_size=10), st.integers(-10**9, 10**9), st.booleans(),
                   st.decimals(allow_nan=False, allow_infinity=False, places=3))
evidence = st.builds(Evidence, st.text(max_size=6), st.integers(0, 10**6), st.integers(0, 10**6), st.text(max_size=6),
                     st.sampled_from(["positive", "negative"]), st.sampled_from(["asserted", "hedged"]))
assertions = st.builds(Assertion, names, names, values,
                       st.lists(st.tuples(names, values), max_size=3, unique_by=lambda kv: kv[0]).map(tuple),
                       st.lists(st.tuples(names, values), max_size=3).map(tuple),
                       st.lists(evidence, max_size=3).map(tuple))
problems = st.builds(Problem, st.sampled_from(["error", "warning", "info"]), names, st.text(max_size=20),
                     st.none() | names, st.none() | st.integers(0, 10**6))


@settings(max_examples=100, deadline=None)
@given(st.lists(assertions, max_size=4), st.lists(problems, max_size=3), names)
def test_a_document_extraction_round_trips_through_json(found, reported, name):
    original = DocumentExtraction.of(Document.from_text("d", name, name), found, reported)
    back = DocumentExtraction.from_json(json.loads(json.dumps(original.to_json())))
    assert back == original and back.problems == original.problems
    assert [a.evidence for a in back.assertions] == [a.evidence for a in original.assertions]
    assert [repr(a) for a in back.assertions] == [repr(a) for a in original.assertions]  # Decimal stays Decimal


def test_decimals_keep_their_printed_precision():
    a = Assertion("x", "hasHazardRatio", Decimal("0.70"), attributes=(("ci", (Decimal("0.50"), Decimal("0.90"))),))
    found = DocumentExtraction.of(Document.from_text("d", "t"), [a], [])
    back = DocumentExtraction.from_json(json.loads(json.dumps(found.to_json()))).assertions[0]
    assert str(back.object) == "0.70" and back.attribute_values("ci") == [(Decimal("0.50"), Decimal("0.90"))]


# --- a cap on the readings of one document ------------------------------------------------------

DRUGS = ("sorafenib", "lenvatinib", "regorafenib", "cabozantinib")


def dense_text(n: int) -> str:
    """An invented fact-dense document: n trials, each named with its arms and a hazard ratio."""
    return "Dense notes\n" + "".join(
        f"In the phase 3 ZORVA-{i + 10} trial, patients were randomised to {DRUGS[i % 4]} or {DRUGS[(i + 1) % 4]}; "
        f"overall survival favoured {DRUGS[i % 4]} (hazard ratio 0.{70 + i}; 95% CI 0.{60 + i}-0.{80 + i}).\n\n"
        for i in range(n))


def dense_corpus() -> list[Document]:
    return documents({**TEXTS, "e_dense.txt": dense_text(12)})


def first_start(reading: Assertion) -> int:
    return min(e.start for e in reading.evidence)


def test_a_document_over_the_cap_keeps_the_readings_of_its_opening_with_a_warning_naming_it(vocabulary):
    docs = dense_corpus()
    dense, others = docs[-1], docs[:-1]
    full = extract([dense], vocabulary, Report())
    cap = len(full) // 2
    assertions, problems, _ = run(docs, vocabulary, ExecutionPlan(jobs=1, max_readings=cap))
    capped = [p for p in problems if p.code == "readings-capped"]
    assert [(p.severity, p.doc) for p in capped] == [("warning", "e_dense.txt")]
    cut = capped[0].offset
    assert f"{len(full)} readings" in capped[0].message and str(cap) in capped[0].message
    # the cut is where the cap falls in text order: the readings before it fit, with it they would not
    assert sum(first_start(a) < cut for a in full) <= cap < sum(first_start(a) <= cut for a in full)
    # the opening's readings, in extraction order, with their evidence in the opening only
    opening = [replace(a, evidence=tuple(e for e in a.evidence if e.start < cut)) for a in full if first_start(a) < cut]
    expected = as_json(opening)
    assert expected and assertions[-len(expected):] == expected
    assert any(len(a.evidence) < len(b.evidence) for a, b in zip(opening, (b for b in full if first_start(b) < cut)))
    other_assertions, other_problems = serial(others, vocabulary)
    assert assertions[:-len(expected)] == other_assertions  # the other documents are not touched
    assert [p for p in problems if p.code != "readings-capped"] == other_problems


def test_a_document_within_the_cap_keeps_every_reading_and_no_warning(vocabulary):
    docs = dense_corpus()
    n = len(extract(docs[-1:], vocabulary, Report()))
    assertions, problems, _ = run(docs, vocabulary, ExecutionPlan(jobs=1, max_readings=n))
    assert (assertions, problems) == serial(docs, vocabulary)


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_capped_worker_processes_equal_the_capped_in_process_run(vocabulary, method):
    docs = dense_corpus()
    capped = run(docs, vocabulary, ExecutionPlan(jobs=1, max_readings=20))
    assert any(p.code == "readings-capped" for p in capped[1])
    assert run(docs, vocabulary, ExecutionPlan(jobs=2, start_method=method, max_readings=20))[:2] == capped[:2]


def test_capped_dask_equals_the_capped_in_process_run(vocabulary, dask_cluster, tmp_path):
    docs = dense_corpus()
    capped = run(docs, vocabulary, ExecutionPlan(jobs=1, max_readings=20))
    plan = ExecutionPlan("dask", scheduler=dask_cluster.scheduler_address, cache_dir=tmp_path, max_readings=20)
    assert run(docs, vocabulary, plan)[:2] == capped[:2]


def test_an_entry_made_under_another_cap_is_not_reused(vocabulary, tmp_path):
    docs = dense_corpus()
    under = {cap: ExecutionPlan(jobs=1, cache_dir=tmp_path, extractor_version="v1", max_readings=cap) for cap in (20, 40)}
    first = run(docs, vocabulary, under[20])
    other = run(docs, vocabulary, under[40])
    assert other[2].reused == 0 and other[:2] != first[:2]
    assert other[:2] == run(docs, vocabulary, ExecutionPlan(jobs=1, max_readings=40))[:2]
    again = run(docs, vocabulary, under[20])
    assert again[2].reused == len(docs) and again[:2] == first[:2]  # the capped warning comes from the cache too
    cache = ExtractionCache(tmp_path, "v1", "vocabulary")
    assert len({cache.path(docs[0]), ExtractionCache(tmp_path, "v1", "vocabulary", max_readings=5).path(docs[0])}) == 2
