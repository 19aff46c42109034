"""Tests for hcc_kg.read.corpus: reading a folder of documents, reporting the unreadable ones."""

from __future__ import annotations

import hashlib

import pytest

from hcc_kg.read.corpus import document_paths, read_corpus, read_document
from hcc_kg.errors import CorpusError, CorpusNotFoundError, EmptyCorpusError
from hcc_kg.report import Report

GOOD = "Foonib is an invented drug.\nIt blocks a made-up kinase \u2265 2-fold.\n"
LATIN1 = "caf\u00e9 au lait, an invented note"


@pytest.fixture
def mixed(tmp_path):
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (tmp_path / "c_binary.txt").write_bytes(b"PK\x03\x04abc\x00\x01\x02")
    (tmp_path / "d_empty.txt").write_bytes(b"")
    (tmp_path / "e_notes.md").write_text("not a corpus file", encoding="utf-8")
    return tmp_path


def test_good_files_are_read_and_bad_files_are_reported(mixed):
    report = Report()
    docs = {d.name: d for d in read_corpus(mixed, report)}
    assert set(docs) == {"a_good.txt", "b_latin1.txt"}
    doc = docs["a_good.txt"]
    assert doc.text == GOOD
    assert doc.sha256 == hashlib.sha256(GOOD.encode("utf-8")).hexdigest()
    assert doc.doc_id == doc.sha256[:16]  # identity from content, the file name is a label
    assert docs["b_latin1.txt"].text == LATIN1  # kept, decoded as Windows-1252 with a warning
    by_doc = {p.doc: p for p in report.problems}
    assert set(by_doc) == {"b_latin1.txt", "c_binary.txt", "d_empty.txt"}
    assert (by_doc["b_latin1.txt"].severity, by_doc["b_latin1.txt"].code) == ("warning", "not-utf8")
    assert by_doc["b_latin1.txt"].offset == LATIN1.index("\u00e9")  # the byte of the é
    assert (by_doc["c_binary.txt"].severity, by_doc["c_binary.txt"].code) == ("error", "binary-document")
    assert by_doc["c_binary.txt"].offset == b"PK\x03\x04abc\x00".index(b"\x00")
    assert (by_doc["d_empty.txt"].severity, by_doc["d_empty.txt"].code) == ("warning", "empty-document")


def test_only_txt_files_are_documents_in_name_order(tmp_path):
    for name in ["z.txt", "a.TXT", "m.md", "b.txt"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub.txt").mkdir()
    assert [p.name for p in document_paths(tmp_path)] == ["a.TXT", "b.txt", "z.txt"]


def test_whitespace_only_file_is_empty(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\r\n", encoding="utf-8")
    report = Report()
    assert read_document(path, report) is None
    assert [p.code for p in report.problems] == ["empty-document"]


def test_byte_order_mark_is_dropped_and_crlf_kept(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffline one\r\nline two\r\n".encode("utf-8"))
    report = Report()
    doc = read_document(path, report)
    assert doc.text == "line one\r\nline two\r\n"
    assert report.problems == []


def test_missing_folder_raises(tmp_path):
    with pytest.raises(CorpusNotFoundError):
        read_corpus(tmp_path / "nowhere", Report())


def test_file_instead_of_folder_raises(tmp_path):
    path = tmp_path / "file.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(CorpusNotFoundError):
        read_corpus(path, Report())


def test_folder_without_txt_raises(tmp_path):
    (tmp_path / "readme.md").write_text("nothing to read", encoding="utf-8")
    with pytest.raises(EmptyCorpusError):
        read_corpus(tmp_path, Report())


def test_folder_with_only_unreadable_files_raises_and_still_reports(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    report = Report()
    with pytest.raises(EmptyCorpusError) as info:
        read_corpus(str(tmp_path), report)
    assert isinstance(info.value, CorpusError)
    assert {p.doc for p in report.problems} == {"bad.txt", "empty.txt"}


def test_invalid_utf8_offset_points_at_the_first_bad_byte(tmp_path):
    raw = "ok text ".encode("utf-8") + b"\xc3\x28 more"
    path = tmp_path / "broken.txt"
    path.write_bytes(raw)
    report = Report()
    doc = read_document(path, report)
    [problem] = report.problems
    assert (problem.severity, problem.code) == ("warning", "not-utf8")
    assert problem.offset == raw.index(b"\xc3")
    assert doc.text[problem.offset] == raw[problem.offset:problem.offset + 1].decode("cp1252")


def test_hidden_entries_are_skipped_with_an_info_entry(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "b.txt").write_text(LATIN1, encoding="utf-8")
    report = Report()
    assert [d.name for d in read_corpus(tmp_path, report)] == ["a.txt"]
    assert [(p.severity, p.code, p.doc) for p in report.problems] == [("info", "hidden-entry", ".git")]


def test_a_pipe_is_never_opened(tmp_path):
    import os

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block the build until a writer came
    report = Report()
    assert [d.name for d in read_corpus(tmp_path, report)] == ["a.txt"]
    assert [(p.code, p.doc) for p in report.problems] == [("not-a-file", "pipe.txt")]


def test_documents_in_sub_folders_are_named_by_their_path(tmp_path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "a.txt").write_text(GOOD, encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in document_paths(tmp_path)] == ["x/y/a.txt"]
