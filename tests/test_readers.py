"""Tests for hcc_kg.read.formats: papers read in the formats they come in (PubMed, JATS, BioC, PDF).

The fixtures in tests/fixtures/formats/ are invented papers; as_text/ holds each one as a
plain-text file (title line, heading lines, paragraphs), the form the shipped corpus has.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hcc_kg.read.corpus import read_corpus
from hcc_kg.extract import extract
from hcc_kg.read.formats import READERS, read_file_bytes
from hcc_kg.read.formats.pdf import dehyphenate
from hcc_kg.report import Report
from hcc_kg.vocab import load_vocabulary

from conftest import FIXTURES

FORMATS = FIXTURES / "formats"
PDF_LINES = ["An invented PDF note", "Lenvatinib is an oral inhib-", "itor of FGFR1 and RET in this invented PDF."]
PDF_TEXT = "An invented PDF note\nLenvatinib is an oral inhibitor of FGFR1 and RET in this invented PDF.\n"


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF showing ``lines`` in Helvetica, written by hand (objects, xref, trailer)."""
    shown = "".join(f"({_pdf_string(line)}) Tj T* " for line in lines)
    stream = f"BT /F1 11 Tf 14 TL 72 720 Td {shown}ET".encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _facts(folder: Path) -> set[tuple]:
    """What the extractors read from a folder (``mentionedIn`` names its document, so it is left out)."""
    found = extract(read_corpus(folder, Report()), load_vocabulary(), Report())
    return {(a.subject, a.predicate, str(a.object)) for a in found if a.predicate != "mentionedIn"}


def test_every_format_has_a_reader():
    assert set(READERS.suffixes()) >= {".txt", ".xml", ".nxml", ".json", ".pdf", ".html", ".htm"}


def test_pubmed_set_gives_one_document_per_article_with_its_identifiers_and_labelled_sections():
    report = Report()
    reads = read_file_bytes((FORMATS / "pubmed_set.xml").read_bytes(), "pubmed_set.xml", report)
    assert not report.problems and len(reads) == 2
    first, second = reads
    assert dict(first.source_ids) == {"pmid": "99000001", "doi": "10.99999/invented.0001"}
    assert first.published == "2031-04-07" and second.published == "2030"
    assert first.text == (FORMATS / "as_text" / "pubmed_1.txt").read_text(encoding="utf-8")
    assert "BACKGROUND\nCabozantinib" in first.text  # the label is a heading line before its paragraph


def test_jats_keeps_sections_and_renders_tables_as_pipe_tables():
    report = Report()
    [read] = read_file_bytes((FORMATS / "jats_article.xml").read_bytes(), "jats_article.xml", report)
    assert dict(read.source_ids) == {"pmid": "99000003", "pmcid": "PMC9900004", "doi": "10.99999/invented.0003"}
    assert read.text == (FORMATS / "as_text" / "jats.txt").read_text(encoding="utf-8")
    assert "An invented reference" not in read.text  # the reference list is not prose


@pytest.mark.parametrize("name, expected", [("bioc_collection.xml", "bioc_xml.txt"),
                                            ("bioc_collection.json", "bioc_json.txt")])
def test_bioc_passages_sit_at_their_bioc_offsets(name, expected):
    report = Report()
    [read] = read_file_bytes((FORMATS / name).read_bytes(), name, report)
    assert read.text == (FORMATS / "as_text" / expected).read_text(encoding="utf-8") and not report.problems
    import bioc

    if name.endswith(".json"):
        collection = bioc.biocjson.loads((FORMATS / name).read_text(encoding="utf-8"))
        for passage in collection.documents[0].passages:  # evidence offsets equal the BioC offsets
            assert read.text[passage.offset:passage.offset + len(passage.text)] == passage.text
        assert dict(read.source_ids) == {"pmcid": "PMC9900006", "doi": "10.99999/invented.0006"}
    else:
        assert dict(read.source_ids) == {"pmid": "99000005"}


def test_pdf_text_is_read_per_page_and_dehyphenated_at_line_ends():
    report = Report()
    [read] = read_file_bytes(minimal_pdf(PDF_LINES), "note.pdf", report)
    assert read.text == PDF_TEXT and not report.problems
    assert dehyphenate("KDR-\nMET") == "KDR-\nMET"  # a hyphen before a capital is kept


def test_broken_pdf_is_an_error_naming_it():
    report = Report()
    assert read_file_bytes(b"%PDF-1.4\nnot really", "broken.pdf", report) == []
    [problem] = report.problems
    assert (problem.severity, problem.code, problem.doc) == ("error", "bad-pdf", "broken.pdf")


def test_xml_external_entity_is_never_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-INVENTED", encoding="utf-8")
    payload = (f'<?xml version="1.0"?><!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
               "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>"
               "<ArticleTitle>Leak &xxe; here</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
               "</PubmedArticleSet>").encode()
    report = Report()
    reads = read_file_bytes(payload, "xxe.xml", report)
    assert not any("TOP-SECRET" in r.text for r in reads) and reads == []
    [problem] = report.problems
    assert (problem.severity, problem.code) == ("error", "bad-xml") and "entities" in problem.message


def test_entity_bomb_is_refused_quickly():
    lol = '<!ENTITY a "aaaaaaaaaa">' + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'
                                                for i in range(9))
    payload = f'<?xml version="1.0"?><!DOCTYPE collection [{lol}]><collection>&j;</collection>'.encode()
    report = Report()
    assert read_file_bytes(payload, "bomb.xml", report) == [] and report.errors()


def test_unknown_xml_and_json_are_skipped_with_a_warning():
    report = Report()
    assert read_file_bytes(b"<catalog><item/></catalog>", "c.xml", report) == []
    assert read_file_bytes(b'{"not": "bioc"}', "c.json", report) == []
    assert [(p.severity, p.code) for p in report.problems] == [("warning", "unknown-xml"), ("warning", "unknown-json")]


def test_a_folder_of_formats_gives_the_same_facts_as_the_same_texts_as_txt(tmp_path):
    formats, texts = tmp_path / "formats", tmp_path / "texts"
    formats.mkdir()
    for path in FORMATS.glob("*.*"):
        shutil.copy(path, formats / path.name)
    (formats / "note.pdf").write_bytes(minimal_pdf(PDF_LINES))
    shutil.copytree(FORMATS / "as_text", texts)
    (texts / "note.txt").write_text(PDF_TEXT, encoding="utf-8")
    from_formats, from_texts = _facts(formats), _facts(texts)
    assert from_texts and from_formats == from_texts
    # every format contributed: each file's drug is the subject of a fact
    subjects = {s for s, _, _ in from_formats}
    assert {"cabozantinib", "regorafenib", "ramucirumab", "lenvatinib", "sorafenib", "atezolizumab",
            "donafenib"} <= subjects
    # a web page's navigation, footer and scripts are not its article
    assert not {"tivantinib", "erlotinib"} & subjects


def test_documents_carry_source_ids_and_spans_read_back_from_the_reader_text(tmp_path):
    shutil.copy(FORMATS / "pubmed_set.xml", tmp_path / "set.xml")
    report = Report()
    docs = read_corpus(tmp_path, report)
    by_pmid = {dict(d.source_ids)["pmid"]: d for d in docs}
    assert set(by_pmid) == {"99000001", "99000002"}
    assert {d.name for d in docs} == {"set.xml#pmid-99000001", "set.xml#pmid-99000002"}
    found = extract(docs, load_vocabulary(), Report())
    doc = by_pmid["99000001"]
    rereads = read_file_bytes((tmp_path / "set.xml").read_bytes(), "set.xml", Report())  # the text, derived again
    text = next(r.text for r in rereads if dict(r.source_ids)["pmid"] == "99000001")
    spans = [text[e.start:e.end] for a in found if (a.subject, a.predicate, a.object) == ("regorafenib", "inhibits", "kdr")
             for e in a.evidence if e.doc_id == doc.doc_id]
    assert spans and all("Regorafenib" in s and "KDR" in s and "inhibitor" in s for s in spans)


def test_a_text_copy_of_a_record_is_read_once_and_keeps_the_record_identifiers(tmp_path):
    shutil.copy(FORMATS / "jats_article.xml", tmp_path / "b_article.xml")
    shutil.copy(FORMATS / "as_text" / "jats.txt", tmp_path / "a_article.txt")  # read first, by name
    report = Report()
    [doc] = read_corpus(tmp_path, report)
    assert doc.name == "a_article.txt" and dict(doc.source_ids)["pmcid"] == "PMC9900004"
    assert [(p.code, p.doc) for p in report.problems] == [("duplicate-document", "b_article.xml")]


@pytest.mark.parametrize("name", ["pubmed_set.nbib", "pubmed_set.ris"])
def test_tagged_exports_give_one_document_per_record_laid_out_as_the_xml_set(name):
    report = Report()
    reads = read_file_bytes((FORMATS / name).read_bytes(), name, report)
    xml = read_file_bytes((FORMATS / "pubmed_set.xml").read_bytes(), "pubmed_set.xml", Report())
    assert not report.problems and [r.text for r in reads] == [r.text for r in xml]  # labels as heading lines
    assert dict(reads[0].source_ids) == {"pmid": "99000001", "doi": "10.99999/invented.0001"}
    assert reads[0].published == "2031-04-07" and reads[1].published == "2030"
    assert reads[1].part == ("pmid-99000002" if name.endswith(".nbib") else "record-2")  # no PMID: its number


def test_a_pubmed_export_saved_as_txt_is_read_as_records_not_as_one_text(tmp_path):
    shutil.copy(FORMATS / "pubmed_set.nbib", tmp_path / "pubmed-export.txt")
    docs = read_corpus(tmp_path, Report())
    assert {d.name for d in docs} == {"pubmed-export.txt#pmid-99000001", "pubmed-export.txt#pmid-99000002"}
    found = extract(docs, load_vocabulary(), Report())
    by_doc = {d.doc_id: d.name for d in docs}
    ramucirumab = {by_doc[e.doc_id] for a in found if a.subject == "ramucirumab" and a.predicate != "mentionedIn"
                   for e in a.evidence}
    assert ramucirumab == {"pubmed-export.txt#pmid-99000002"}  # one record's fact stays with its record
    assert "MH  -" not in "".join(d.text for d in docs)  # tags and authors are not text


def test_tagged_records_without_title_or_abstract_are_skipped_with_a_warning():
    report = Report()
    assert read_file_bytes(b"PMID- 5\nAU  - Someone\n", "x.nbib", report) == []
    assert [p.code for p in report.problems] == ["empty-document"] and "pmid-5" in report.problems[0].message
    report = Report()
    assert read_file_bytes(b"no tags here\n", "x.ris", report) == []
    assert [p.code for p in report.problems] == ["empty-document"]
