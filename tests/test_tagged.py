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
