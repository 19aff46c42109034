"""Bad input: each case gets a clear message naming the file (and where, when it applies),
a documented exit code (README, "Exit codes"); the other documents still build; the export
folder never holds half-written or temporary files.

Most cases share one build of a corpus that holds all of them at once (a realistic mess);
each test then checks its own file.  Every text here is invented for the test.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from hcc_kg.read import corpus
from hcc_kg.store import export
from hcc_kg.cli import main
from hcc_kg.extract import extract
from hcc_kg.report import Report
from hcc_kg.vocab import load_vocabulary, name_key

from conftest import FIXTURES

GOOD = "Drug notes\nLenvatinib is an oral inhibitor of FGFR1 and RET in this invented note.\n"
LATIN1 = "Caf\u00e9 notes\nRegorafenib is an inhibitor of KDR and TEK, said nobody in this invented note.\n"
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"
NOTE = """Mechanism notes
Cabozantinib is an inhibitor of MET and AXL in this invented note.

Table 1 Completed trials in an invented list
YEAR TRIAL LINE AGENT CONTROL OUTCOMES
2031 FAKESTUDY-1 First-line Lenvatinib Sorafenib OS: 11.1 vs. 9.9 (0.81; 0.70-0.93); ORR: 20%
 Body text resumes here after the invented table.
"""
TABLES_ONLY = """| Treatment | Control | Patients | Efficacy | Note |
|---|---|---|---|---|
| Regorafenib | Sorafenib | 100 vs. 50 | mOS: 10.0 vs. 8.0 months | invented |
"""
INJECTED = "<script>alert(7)</script>"
MARKUP = f"""<html><head>{INJECTED}</head><body>
<p>Markup notes</p>
<p>Ramucirumab is an antibody against KDR in this invented page.</p>
</body></html>

Table 1 Completed trials in an invented list
YEAR TRIAL LINE AGENT CONTROL OUTCOMES
2032 FAKE{INJECTED} Second-line Ramucirumab Placebo OS: 8.5 vs. 7.3 (0.71; 0.53-0.95)
 Body text resumes here after the invented table.
"""
#: Names no vocabulary holds and whose form types nothing (no INN stem, no code name beside a
#: typing cue; a "Zorblatinib" would be recognised as a drug by extract/novel.py).
UNKNOWN = "Zorblatane notes\nZorblatane is an inhibitor of QQX9 and of Blorfase in an invented note.\n"
LOCKED = "locked.txt"
#: The huge-document test's size: tens of MB (extraction runs about 2-4 s per MB; see benchmarks/).
HUGE_CHARACTERS = 12 * 10**6


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """One CLI build of a corpus holding every bad case next to good documents."""
    folder = tmp_path_factory.mktemp("mixed")
    c, out = folder / "corpus", folder / "out"
    c.mkdir()
    files = {"good.txt": GOOD.encode(), "empty.txt": b"", "binary.txt": BINARY, "latin1.txt": LATIN1.encode("latin-1"),
             "lf.txt": NOTE.encode(), "crlf.txt": _crlf(NOTE).encode(), "tables.txt": TABLES_ONLY.encode(),
             "markup.txt": MARKUP.encode(), "unknown.txt": UNKNOWN.encode(), LOCKED: GOOD.upper().encode()}
    files["pubmed.xml"] = (FIXTURES / "formats" / "pubmed_set.xml").read_bytes()  # a paper as downloaded
    for name, data in files.items():
        (c / name).write_bytes(data)
    real_open = os.open

    def open_locked(path, *args, **kwargs):  # the tests may run as root, whom chmod 000 does not stop
        if os.path.basename(path) == LOCKED:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(os, "open", open_locked)
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["build", "--corpus", str(c), "--out", str(out)])
    report = json.loads((out / "build_report.json").read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in (out / "assertions.jsonl").read_text(encoding="utf-8").splitlines()]
    return {"code": code, "err": err.getvalue(), "corpus": c, "out": out, "report": report, "rows": rows}


def _problem(mixed, name: str, code: str) -> str:
    """The stderr line for one problem of one file (fails if there is none)."""
    lines = [line for line in mixed["err"].splitlines() if f" {code} {name}" in line]
    assert lines, f"no {code} message for {name} in:\n{mixed['err']}"
    return lines[0]


def _doc_id(mixed, name: str) -> str:
    return next(d["id"] for d in mixed["report"]["documents"] if d["name"] == name)


def _evidence_of(mixed, name: str) -> list[tuple[dict, dict]]:
    doc = _doc_id(mixed, name)
    return [(row, ev) for row in mixed["rows"] for ev in row["evidence"] if ev["doc"] == doc]


@pytest.mark.slow
def test_a_bad_document_exits_4_and_the_good_ones_still_build(mixed):
    assert mixed["code"] == 4  # errors (binary, unreadable) skip documents: "built, some skipped"
    facts = {(r["subject"], r["predicate"], r["object"]) for r in mixed["rows"]}
    assert {("lenvatinib", "inhibits", "fgfr1"), ("lenvatinib", "inhibits", "ret")} <= facts
    built = {d["name"] for d in mixed["report"]["documents"]}
    assert {"good.txt", "latin1.txt", "lf.txt", "crlf.txt", "tables.txt", "markup.txt", "unknown.txt"} <= built
    assert not built & {"empty.txt", "binary.txt", LOCKED}


@pytest.mark.slow
def test_pubmed_records_carry_their_identifiers_into_the_build_report(mixed):
    from hcc_kg.read.formats import read_file_bytes

    records = read_file_bytes((mixed["corpus"] / "pubmed.xml").read_bytes(), "pubmed.xml", Report())
    expected = {corpus.document_id(r.text): dict(r.source_ids) for r in records}
    reported = {d["id"]: d.get("source_ids") for d in mixed["report"]["documents"] if d["name"].startswith("pubmed.xml#")}
    assert len(expected) == 2 and reported == expected


@pytest.mark.slow
def test_every_evidence_span_lies_inside_its_document(mixed):
    texts = {d.doc_id: d.text for d in corpus.read_corpus(mixed["corpus"], Report())}
    sizes = {d["id"]: len(texts[d["id"]]) for d in mixed["report"]["documents"]}
    for row in mixed["rows"]:
        for ev in row["evidence"]:
            assert 0 <= ev["start"] < ev["end"] <= sizes[ev["doc"]], (row["subject"], ev)


@pytest.mark.slow
def test_empty_document_is_a_warning_naming_it(mixed):
    assert _problem(mixed, "empty.txt", "empty-document").startswith("WARNING")


@pytest.mark.slow
def test_binary_file_is_skipped_with_the_offset_of_its_nul_byte(mixed):
    line = _problem(mixed, "binary.txt", "binary-document")
    nul = BINARY.index(b"\x00")
    line_number = BINARY[:nul].count(b"\n") + 1
    assert line.startswith("ERROR") and f"binary.txt@{nul}" in line and f"line {line_number}," in line


@pytest.mark.slow
def test_unreadable_file_is_skipped_naming_it(mixed):
    line = _problem(mixed, LOCKED, "unreadable-document")
    assert line.startswith("ERROR") and "Permission denied" in line


@pytest.mark.slow
def test_latin1_file_is_kept_with_a_warning_at_its_first_bad_byte(mixed):
    raw = LATIN1.encode("latin-1")
    first_bad = next(i for i, ch in enumerate(LATIN1) if ord(ch) > 127)
    line = _problem(mixed, "latin1.txt", "not-utf8")
    assert line.startswith("WARNING") and f"latin1.txt@{first_bad}" in line and "line 1" in line
    text = raw.decode("cp1252")  # what the warning says it was read as
    assert _doc_id(mixed, "latin1.txt") == corpus.document_id(text)
    spans = [text[ev["start"]:ev["end"]] for row, ev in _evidence_of(mixed, "latin1.txt")
             if (row["subject"], row["predicate"], row["object"]) == ("regorafenib", "inhibits", "kdr")]
    assert spans and all("Regorafenib" in s and "KDR" in s for s in spans)


@pytest.mark.slow
def test_crlf_document_gives_the_same_facts_as_lf_and_its_spans_read_back(mixed):
    lf, crlf = NOTE, _crlf(NOTE)

    def spans(name: str, text: str) -> dict[str, list[str]]:
        # mentionedIn names its document, so it differs by construction; every other fact must match
        out: dict[str, list[str]] = {}
        for row, ev in _evidence_of(mixed, name):
            if row["predicate"] != "mentionedIn":
                out.setdefault(row["key"], []).append(text[ev["start"]:ev["end"]].replace("\r\n", "\n"))
        return {key: sorted(texts) for key, texts in out.items()}

    from_lf = spans("lf.txt", lf)
    assert from_lf and spans("crlf.txt", crlf) == from_lf


@pytest.mark.slow
def test_document_of_only_tables_builds_from_its_rows(mixed):
    evidence = _evidence_of(mixed, "tables.txt")
    rows = [m for m in re.finditer(r"^\|.*$", TABLES_ONLY, re.M)]
    assert any(r["predicate"] == "isClinicalTrial" for r, _ in evidence)
    for _, ev in evidence:
        assert any(m.start() <= ev["start"] and ev["end"] <= m.end() for m in rows), ev


@pytest.mark.slow
def test_markup_is_read_as_text_with_a_warning_and_views_do_not_run_it(mixed):
    line = _problem(mixed, "markup.txt", "markup")
    assert line.startswith("WARNING") and f"markup.txt@{MARKUP.index('<')}" in line
    spans = [MARKUP[ev["start"]:ev["end"]] for row, ev in _evidence_of(mixed, "markup.txt")
             if (row["subject"], row["predicate"]) == ("ramucirumab", "isAntibodyAgainst")]
    assert spans and all("Ramucirumab" in s for s in spans)
    turtle = (mixed["out"] / "hcc_kg.ttl").read_text(encoding="utf-8")
    assert INJECTED in turtle  # the trial is named with the markup, as printed ...
    pages = list(mixed["out"].rglob("*.html"))
    assert pages or importlib.util.find_spec("hcc_kg.views") is None
    for page in pages:  # ... and no page of the build runs it
        assert INJECTED not in page.read_text(encoding="utf-8"), page.name


@pytest.mark.slow
def test_unknown_entity_names_give_a_no_facts_warning_and_nothing_invented(mixed):
    assert _problem(mixed, "unknown.txt", "no-facts").startswith("WARNING")
    assert not _evidence_of(mixed, "unknown.txt")
    turtle = (mixed["out"] / "hcc_kg.ttl").read_text(encoding="utf-8")
    assert not re.search(r"zorblatane|qqx9|blorfase", turtle, re.I)


@pytest.mark.slow
def test_unknown_entity_in_a_query_exits_9_naming_it(mixed, capsys):
    code = main(["agents", "--graph", str(mixed["out"] / "hcc_kg.ttl"), "--hits", "Zorblatane"])
    assert code == 9 and "Zorblatane" in capsys.readouterr().err


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.startswith(".tmp")]


@pytest.mark.slow
def test_contradiction_exits_7_and_leaves_old_exports_untouched(mixed, tmp_path, capsys):
    out = tmp_path / "out"
    shutil.copytree(mixed["out"], out)
    before = _snapshot(out)
    c = tmp_path / "c"
    c.mkdir()
    shutil.copy(FIXTURES / "contradiction" / "doc.txt", c / "doc.txt")
    code = main(["build", "--corpus", str(c), "--out", str(out),
                 "--extra-vocabulary", str(FIXTURES / "contradiction" / "extra_vocabulary.yaml")])
    err = capsys.readouterr().err
    assert code == 7 and "sorafenib is both" in err and "doc.txt:" in err  # culprit and its evidence span
    assert _snapshot(out) == before and not _temporaries(out)


def _failing_format(name: str) -> export.RdfFormat:
    def render(graph):
        raise OSError(28, "No space left on device")

    fmt = export.FORMATS.get(name)
    return export.RdfFormat(fmt.name, fmt.suffix, render)


def _fail_export(mixed, tmp_path, monkeypatch, fmt: str) -> tuple[int, dict, dict, Path]:
    out = tmp_path / "out"
    shutil.copytree(mixed["out"], out)
    before = _snapshot(out)
    monkeypatch.setitem(export.FORMATS._formats, fmt, _failing_format(fmt))
    code = main(["build", "--corpus", str(mixed["corpus"]), "--out", str(out)])
    return code, before, _snapshot(out), out


@pytest.mark.slow
def test_failing_first_export_exits_8_and_keeps_only_the_old_files(mixed, tmp_path, monkeypatch, capsys):
    code, before, after, out = _fail_export(mixed, tmp_path, monkeypatch, "turtle")
    assert code == 8 and "No space left" in capsys.readouterr().err
    assert after == before and not _temporaries(out)


@pytest.mark.slow
def test_failing_later_export_leaves_complete_files_only(mixed, tmp_path, monkeypatch, capsys):
    code, before, after, out = _fail_export(mixed, tmp_path, monkeypatch, "json-ld")
    assert code == 8 and "No space left" in capsys.readouterr().err
    assert set(after) == set(before) and not _temporaries(out)
    for name in ("hcc_kg.ttl", "hcc_kg.nt"):  # whichever version each file is, it is whole
        import rdflib

        rdflib.Graph().parse(out / name, format="turtle" if name.endswith(".ttl") else "nt")


@pytest.mark.slow
def test_failing_later_export_keeps_only_the_old_files(mixed, tmp_path, monkeypatch):
    code, before, after, out = _fail_export(mixed, tmp_path, monkeypatch, "json-ld")
    assert code == 8 and after == before


def test_missing_corpus_folder_exits_3_naming_it(tmp_path, capsys):
    assert main(["build", "--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 3
    assert "nowhere" in capsys.readouterr().err and not (tmp_path / "out").exists()


def test_folder_without_documents_exits_3_naming_it(tmp_path, capsys):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "notes.md").write_text("not a corpus document", encoding="utf-8")
    assert main(["build", "--corpus", str(tmp_path / "c"), "--out", str(tmp_path / "out")]) == 3
    assert str(tmp_path / "c") in capsys.readouterr().err and not (tmp_path / "out").exists()


def test_document_over_the_size_limit_is_skipped_with_an_error(tmp_path):
    (tmp_path / "big.txt").write_text(GOOD * 50, encoding="utf-8")
    (tmp_path / "small.txt").write_text(GOOD, encoding="utf-8")
    report = Report()
    docs = corpus.read_corpus(tmp_path, report, max_bytes=len(GOOD) * 10)
    assert [d.name for d in docs] == ["small.txt"]
    [problem] = report.problems
    assert (problem.severity, problem.code, problem.doc) == ("error", "document-too-large", "big.txt")


def _huge_document(size: int) -> tuple[str, list[tuple[str, str, str]]]:
    """``size`` characters of invented filler with three planted drug-target sentences."""
    vocabulary = load_vocabulary()
    pairs = [("sorafenib", "kdr"), ("lenvatinib", "ret"), ("cabozantinib", "axl")]
    filler = "".join(f"Section {i}\nPlain invented words fill line {i} of this very long note.\n\n"
                     for i in range(size // 60 + 1))
    pieces, cut = [], len(filler) // 3
    for k, (drug, target) in enumerate(pairs):
        pieces.append(filler[k * cut:(k + 1) * cut].rsplit("\n\n", 1)[0] + "\n\n")
        pieces.append(f"Planted {k}\n{vocabulary[drug].label.capitalize()} is an inhibitor of "
                      f"{vocabulary[target].label} in this invented note.\n\n")
    return "".join(pieces), [(d, "inhibits", t) for d, t in pairs]


@pytest.mark.slow
def test_huge_document_builds_and_its_offsets_read_back(tmp_path):
    text, planted = _huge_document(HUGE_CHARACTERS)
    (tmp_path / "huge.txt").write_text(text, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    report = Report()
    docs = {d.name: d for d in corpus.read_corpus(tmp_path, report)}
    assert set(docs) == {"huge.txt", "good.txt"} and not report.problems
    found = extract(list(docs.values()), load_vocabulary(), report)
    huge = docs["huge.txt"]
    evidence: dict[tuple, list] = {}
    for a in found:
        evidence.setdefault((a.subject, a.predicate, a.object), []).extend(a.evidence)
    assert ("lenvatinib", "inhibits", "fgfr1") in evidence  # the small document still builds
    for fact in planted:
        spans = [huge.text[e.start:e.end] for e in evidence.get(fact, []) if e.doc_id == huge.doc_id]
        assert spans and all(name_key(fact[0]) in name_key(s) for s in spans), fact
    assert max(e.start for a in found for e in a.evidence if e.doc_id == huge.doc_id) > 10**7


def test_subfolders_at_any_depth_are_read_and_broken_links_named(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    deep = tmp_path / "more" / "deeper" / "deepest"
    deep.mkdir(parents=True)
    (tmp_path / "more" / "inner.txt").write_text(LATIN1, encoding="utf-8")
    (deep / "inner.txt").write_text(UNKNOWN, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    report = Report()
    docs = {d.name: d.text for d in corpus.read_corpus(tmp_path, report)}
    assert docs == {"good.txt": GOOD, "more/inner.txt": LATIN1, "more/deeper/deepest/inner.txt": UNKNOWN}
    assert {(p.severity, p.code, p.doc) for p in report.problems} == {("warning", "not-a-file", "gone.txt")}


def test_a_link_loop_is_read_once(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "sub" / "again").symlink_to(tmp_path)
    report = Report()
    assert [d.name for d in corpus.read_corpus(tmp_path, report)] == ["sub/a.txt"]
    assert [p.code for p in report.problems] == ["folder-seen"]


def test_links_out_of_the_corpus_are_not_followed(tmp_path):
    c, outside = tmp_path / "corpus", tmp_path / "outside"
    c.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("Invented secret: sorafenib is an inhibitor of KDR.\n", encoding="utf-8")
    (c / "good.txt").write_text(GOOD, encoding="utf-8")
    (c / "secret.txt").symlink_to(outside / "secret.txt")
    (c / "maps.txt").symlink_to("/proc/self/maps")
    (c / "elsewhere").symlink_to(outside)
    (c / "inside.txt").symlink_to(c / "good.txt")  # a link inside the corpus is followed (same text: read once)
    report = Report()
    assert [d.name for d in corpus.read_corpus(c, report)] == ["good.txt"]
    skipped = {p.doc for p in report.problems if (p.severity, p.code) == ("error", "link-outside-corpus")}
    assert skipped == {"secret.txt", "maps.txt", "elsewhere"}
    assert any(p.code == "duplicate-document" and p.doc == "inside.txt" for p in report.problems)


def test_a_link_swapped_in_after_the_walk_is_not_followed(tmp_path):
    c, outside = tmp_path / "corpus", tmp_path / "secret.txt"
    c.mkdir()
    outside.write_text("Invented secret: sorafenib is an inhibitor of KDR.\n", encoding="utf-8")
    (c / "a.txt").write_text(GOOD, encoding="utf-8")
    report = Report()
    [file] = corpus.corpus_files(c, report)
    (c / "a.txt").unlink()
    (c / "a.txt").symlink_to(outside)  # between listing and reading
    assert corpus.read_file(file, report) == []
    [problem] = report.problems
    assert (problem.severity, problem.code, problem.doc) == ("error", "unreadable-document", "a.txt")


def test_size_limit_holds_for_what_is_read_not_for_st_size(tmp_path):
    maps = Path("/proc/self/maps")  # st_size says 0; reading gives kilobytes
    assert maps.stat().st_size == 0
    report = Report()
    assert corpus.read_document(maps, report, max_bytes=64) is None
    [problem] = report.problems
    assert (problem.severity, problem.code) == ("error", "document-too-large")


def test_file_name_that_is_not_utf8_is_read_and_named_escaped(tmp_path):
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "wb") as handle:
        handle.write(GOOD.encode())
    (tmp_path / "other.txt").write_text(LATIN1, encoding="utf-8")
    report = Report()
    docs = {d.name: d for d in corpus.read_corpus(tmp_path, report)}
    assert set(docs) == {"caf\\xe9.txt", "other.txt"} and docs["caf\\xe9.txt"].text == GOOD
    "".join(docs).encode("utf-8")  # a name every later stage (RDF, JSON) can write
    assert [(p.code, p.doc) for p in report.problems] == [("file-name-not-utf8", "caf\\xe9.txt")]


@pytest.mark.parametrize("name", ["a\nERROR forged-document x.txt", "\x1b[31mred\x1b]0;title\x07.txt",
                                  "bidi\u202eexe.txt"])
def test_file_names_reach_messages_escaped(tmp_path, name):
    (tmp_path / name).write_bytes(b"")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    report = Report()
    corpus.read_corpus(tmp_path, report)
    [problem] = report.problems
    line = str(problem)
    assert "\n" not in line and "\x1b" not in line and "\x07" not in line and "\u202e" not in line
    assert line.startswith("WARNING empty-document ")


def _refuse_folder(monkeypatch, locked: Path) -> None:
    """chmod 000 ``locked``; as root (who reads it anyway) also make listing it fail, as it would."""
    locked.chmod(0)
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    if os.geteuid() == 0:
        monkeypatch.setattr(os, "scandir", scandir)


def test_unreadable_subfolder_is_an_error_and_the_rest_builds(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "inner.txt").write_text(LATIN1, encoding="utf-8")
    _refuse_folder(monkeypatch, tmp_path / "locked")
    try:
        report = Report()
        assert [d.name for d in corpus.read_corpus(tmp_path, report)] == ["good.txt"]
        [problem] = report.problems
        assert (problem.severity, problem.code, problem.doc) == ("error", "unreadable-folder", "locked")
    finally:
        (tmp_path / "locked").chmod(0o755)


@pytest.mark.parametrize("command", ["build", "view"])
def test_unreadable_corpus_folder_exits_3_naming_it(tmp_path, monkeypatch, capsys, command):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "good.txt").write_text(GOOD, encoding="utf-8")
    graph = tmp_path / "g.ttl"
    graph.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8")
    _refuse_folder(monkeypatch, locked)
    try:
        args = {"build": ["build", "--corpus", str(locked), "--out", str(tmp_path / "out")],
                "view": ["view", "--graph", str(graph), "--corpus", str(locked), "--out", str(tmp_path / "v.html")]}
        assert main(args[command]) == 3
        err = capsys.readouterr().err
        assert "cannot read the corpus folder" in err and str(locked) in err
    finally:
        locked.chmod(0o755)


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    (tmp_path / "wide.txt").write_bytes(GOOD.encode("utf-16"))  # a NUL in every other byte, and a BOM
    report = Report()
    [doc] = corpus.read_corpus(tmp_path, report)
    assert doc.text == GOOD and not report.problems


class _NoScan(frozenset):
    """A set that may be asked about a member but never walked through."""

    def __iter__(self):
        raise AssertionError("walked through every confirmed name")


def test_footnote_lookup_asks_for_prefixes_instead_of_walking_every_name():
    # walking every confirmed name for every name found was quadratic in a fact-dense document
    from hcc_kg.extract.trial_names import footnoted

    assert footnoted("fake0071", _NoScan({"fake007"})) == "fake007"
    assert footnoted("fake007", _NoScan({"fake007"})) is None


def test_name_index_makes_its_confirmed_set_once():
    from hcc_kg.extract.trial_slots import NameIndex

    index = NameIndex({"fake1": "fake1", "fakestudy1": "fake1"})
    assert index.confirmed == {"fake1", "fakestudy1"} and index.confirmed is index.confirmed


def _dense_trials(n: int) -> str:
    """An invented fact-dense document: n trials, each named with its arms and a hazard ratio."""
    drugs = ("sorafenib", "lenvatinib", "regorafenib", "cabozantinib")
    return "Dense notes\n" + "".join(
        f"In the phase 3 ZORVA-{i + 10} trial, patients were randomised to {drugs[i % 4]} or {drugs[(i + 1) % 4]}; "
        f"overall survival favoured {drugs[i % 4]} (hazard ratio 0.{70 + i}; 95% CI 0.{60 + i}-0.{80 + i}).\n\n"
        for i in range(n))


@pytest.mark.slow
def test_a_document_over_max_readings_builds_its_opening_with_a_warning_naming_it(tmp_path):
    c, out = tmp_path / "corpus", tmp_path / "out"
    c.mkdir()
    text = _dense_trials(16)
    (c / "dense.txt").write_text(text, encoding="utf-8")
    (c / "good.txt").write_text(GOOD, encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["build", "--corpus", str(c), "--out", str(out), "--no-cache", "--max-readings", "50"])
    assert code == 0  # a warning, not a skipped document
    warning = [line for line in err.getvalue().splitlines() if "readings-capped dense.txt@" in line]
    assert len(warning) == 1 and warning[0].startswith("WARNING")
    cut = int(re.search(r"dense\.txt@(\d+)", warning[0]).group(1))
    report = json.loads((out / "build_report.json").read_text(encoding="utf-8"))
    assert [p["offset"] for p in report["problems"] if p["code"] == "readings-capped"] == [cut]
    assert json.loads((out / "validation.json").read_text(encoding="utf-8"))["conforms"]
    rows = [json.loads(line) for line in (out / "assertions.jsonl").read_text(encoding="utf-8").splitlines()]
    dense = next(d["id"] for d in report["documents"] if d["name"] == "dense.txt")
    starts = [ev["start"] for row in rows for ev in row["evidence"] if ev["doc"] == dense]
    assert starts and max(starts) < cut  # nothing read from the cut on
    named = {f"trial__zorva{m.group(1)}": m.start() for m in re.finditer(r"ZORVA-(\d+)", text)}
    trials = {row["subject"] for row in rows if row["predicate"] == "isClinicalTrial"}
    assert trials == {key for key, at in named.items() if at < cut} and 0 < len(trials) < len(named)
    assert {("lenvatinib", "inhibits", "fgfr1")} <= {(r["subject"], r["predicate"], r["object"]) for r in rows}
