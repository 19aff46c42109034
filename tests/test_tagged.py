"""hcc_kg.read.formats.tagged, as properties: MEDLINE and RIS records read back as written."""

from __future__ import annotations

import textwrap

from hypothesis import given, strategies as st

from hcc_kg.read.formats.tagged import read_medline_text, structured
from hcc_kg.read.formats import read_file_bytes
from hcc_kg.report import Report

_word = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789%()"), min_size=1, max_size=12)
_sentence = st.lists(_word, min_size=1, max_size=30).map(lambda ws: " ".join(ws) + ".")


@given(st.lists(st.tuples(_sentence, _sentence, st.integers(20, 90)), min_size=1, max_size=5))
def test_medline_records_wrapped_at_any_width_read_back_as_title_and_abstract(records):
    lines = []
    for number, (title, abstract, width) in enumerate(records, 1):
        wrapped = textwrap.wrap(abstract, width, break_long_words=False, break_on_hyphens=False)
        lines += [f"PMID- {number}", f"TI  - {title}", f"AB  - {wrapped[0]}", *(f"      {w}" for w in wrapped[1:]), ""]
    read = read_medline_text("\n".join(lines), "set.txt")
    assert [r.text for r in read] == [f"{t}\n{a}\n" for t, a, _ in records]
    assert [r.part for r in read] == [f"pmid-{n}" for n in range(1, len(records) + 1)]


@given(st.lists(st.tuples(_sentence, _sentence), min_size=1, max_size=4), st.sampled_from([" ", "\n", "\n\n"]))
def test_medline_records_whose_fields_were_run_together_on_one_line_read_back_each(records, between):
    # a record pasted from a web page: its padded tags and line breaks collapsed to single spaces
    flat = [f"PMID- {n} OWN - NLM STAT- MEDLINE IS - 1234-5678 (Print) TI - {t} AB - {a} FAU - Doe, Jane AU - Doe J"
            for n, (t, a) in enumerate(records, 1)]
    read = read_medline_text(between.join(flat), "pasted.txt")
    assert [r.text for r in read] == [f"{t}\n{a}\n" for t, a in records]
    assert [r.part for r in read] == [f"pmid-{n}" for n in range(1, len(records) + 1)]


def test_a_pasted_medline_record_is_read_from_a_txt_file_not_lost():
    raw = b"PMID- 42 OWN - NLM DP - 2031 Apr TI - Foonib in liver cancer. AB - RESULTS: Foonib worked. LA - eng"
    read = read_file_bytes(raw, "pasted.txt", Report())
    assert [(r.text, r.part, r.published) for r in read] == [
        ("Foonib in liver cancer.\nRESULTS\nFoonib worked.\n", "pmid-42", "2031-04")]


@given(st.lists(st.tuples(st.sampled_from(["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS & AIMS"]), _sentence),
                min_size=1, max_size=4))
def test_a_structured_abstract_parts_at_each_label(sections):
    abstract = " ".join(f"{label}: {body}" for label, body in sections)
    assert structured(abstract) == [x for pair in sections for x in pair]


@given(st.lists(st.tuples(_sentence, _sentence), min_size=1, max_size=4))
def test_ris_records_read_back_one_document_each(records):
    raw = "".join(f"TY  - JOUR\nTI  - {t}\nAB  - {a}\nER  - \n\n" for t, a in records).encode("utf-8")
    read = read_file_bytes(raw, "set.ris", Report())
    assert [r.text for r in read] == [f"{t}\n{a}\n" for t, a in records]


def test_a_txt_file_opening_like_medline_with_no_record_in_it_is_read_as_plain_text():
    raw = b"PMID- 42\nFoonib, a VEGFR inhibitor, was given to every patient.\n"
    report = Report()
    read = read_file_bytes(raw, "notes.txt", report)
    assert [r.text for r in read] == [raw.decode()]
    assert "unread-dialect" in [p.code for p in report.problems]
