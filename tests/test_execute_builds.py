"""Whole builds: serial = parallel (2 workers) = Dask = incremental, byte for byte over every export.

On the shipped corpus and on a small invented one.  "Every export" is every file the build
lists in ``BuildResult.outputs``; the reference is a serial build without a cache.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hcc_kg.cli import main
from hcc_kg.pipeline import Settings, build

from dask_cluster import dask_cluster  # noqa: F401  (a fixture)

pytestmark = pytest.mark.slow

# Invented documents (a drug-target sentence, an approval, a trial result, nothing at all).
SMALL = {
    "a_kinases.txt": "Kinase notes\nLenvatinib is an oral inhibitor of FGFR1 and KDR in HCC. "
                     "The FDA approved lenvatinib as first-line therapy for HCC.",
    "b_met.txt": "Receptor notes\nCabozantinib inhibits MET and AXL. Regorafenib blocks KDR and TIE2 in liver cancer cells.",
    "c_weather.txt": "Field diary\nThe morning was grey and the river ran high past the old mill.",
}
EDIT = "\n\nAn added line: sorafenib inhibits BRAF and KDR in hepatoma cells.\n"


def exports(result, out: Path) -> dict[str, bytes]:
    files = {str(Path(p).relative_to(out)): Path(p).read_bytes() for p in result.outputs if Path(p).is_file()}
    assert {"hcc_kg.ttl", "assertions.jsonl", "build_report.json"} <= set(files)
    return files


def built(corpus: Path, out: Path, **execution) -> tuple[dict[str, bytes], dict]:
    result = build(Settings(corpus=corpus, out=out, **execution))
    return exports(result, out), result.timings


def write_corpus(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module", autouse=True)
def fixed_extractor_version():
    """One extractor version for the whole module: its builds share caches made minutes apart, and
    a source edit in between (another checkout, an editor) must not turn a reuse into a miss.
    That a changed version misses is tested in test_execute.py."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("hcc_kg.execute.remembered_extractor_version", lambda memo: "fixed-for-this-module")
        yield


@pytest.fixture(scope="module")
def shipped_serial(corpus_dir, tmp_path_factory) -> tuple[dict[str, bytes], Path]:
    """A serial build extracting every document (its cache starts empty), and that cache."""
    folder = tmp_path_factory.mktemp("serial")
    files, timings = built(corpus_dir, folder / "out", jobs=1, cache_dir=folder / "cache")
    assert (timings["extract.reused"], timings["extract.extracted"]) == (0, len(list(corpus_dir.glob("*.txt"))))
    return files, folder / "cache"


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("small") / "corpus", SMALL)


@pytest.fixture(scope="module")
def small_serial(small, tmp_path_factory) -> tuple[dict[str, bytes], Path]:
    folder = tmp_path_factory.mktemp("small-serial")
    return built(small, folder / "out", jobs=1, cache_dir=folder / "cache")[0], folder / "cache"


def test_two_workers_equal_serial_on_the_shipped_corpus(corpus_dir, shipped_serial, tmp_path):
    assert built(corpus_dir, tmp_path / "out", jobs=2)[0] == shipped_serial[0]


def test_dask_equals_serial_on_the_shipped_corpus(corpus_dir, shipped_serial, tmp_path, dask_cluster):
    files, _ = built(corpus_dir, tmp_path / "out", executor="dask", scheduler=dask_cluster.scheduler_address)
    assert files == shipped_serial[0]


def test_an_incremental_build_after_an_edit_equals_a_clean_build(corpus_dir, shipped_serial, tmp_path):
    first, cache = shipped_serial[0], tmp_path / "cache"
    shutil.copytree(shipped_serial[1], cache)
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    edited = sorted(copy.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    again, timings = built(copy, tmp_path / "again", jobs=1, cache_dir=cache)
    assert (timings["extract.reused"], timings["extract.extracted"]) == (len(list(copy.glob("*.txt"))) - 1, 1)
    clean, _ = built(copy, tmp_path / "clean", jobs=1)
    assert again == clean and again != first


def test_small_corpus_serial_parallel_and_dask_agree(small, small_serial, tmp_path, dask_cluster):
    assert built(small, tmp_path / "parallel", jobs=2)[0] == small_serial[0]
    assert built(small, tmp_path / "dask", executor="dask", scheduler=dask_cluster.scheduler_address)[0] == small_serial[0]


def test_small_corpus_adding_and_removing_a_document(small, small_serial, tmp_path):
    cache, corpus = tmp_path / "cache", tmp_path / "corpus"
    shutil.copytree(small_serial[1], cache)
    shutil.copytree(small, corpus)
    (corpus / "d_added.txt").write_text("Added notes\nSunitinib inhibits KDR and PDGFRB.", encoding="utf-8")
    added, timings = built(corpus, tmp_path / "added", jobs=1, cache_dir=cache)
    assert (timings["extract.reused"], timings["extract.extracted"]) == (len(SMALL), 1)
    assert added == built(corpus, tmp_path / "added-clean", jobs=1)[0]
    (corpus / "a_kinases.txt").unlink()
    removed, timings = built(corpus, tmp_path / "removed", jobs=1, cache_dir=cache)
    assert (timings["extract.reused"], timings["extract.extracted"]) == (len(SMALL), 0)
    assert removed == built(corpus, tmp_path / "removed-clean", jobs=1)[0]


def test_the_cli_reports_reuse_and_keeps_the_cache_beside_the_output(small, tmp_path, capsys):
    out = tmp_path / "exports"
    assert main(["build", "--corpus", str(small), "--out", str(out)]) == 0
    first = capsys.readouterr().out
    report = (out / "build_report.json").read_bytes()
    assert main(["build", "--corpus", str(small), "--out", str(out)]) == 0
    second = capsys.readouterr().out
    assert f"extraction: 0 documents from the cache, {len(SMALL)} extracted" in first
    assert f"extraction: {len(SMALL)} documents from the cache, 0 extracted" in second
    assert (out / "build_report.json").read_bytes() == report  # reuse is printed, never exported
    assert list((tmp_path / ".hcc-kg-cache" / "extraction").rglob("*.json"))
    assert not [p for p in out.rglob("*") if ".hcc-kg-cache" in p.parts]
