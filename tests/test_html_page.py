"""Tests for hcc_kg.read.formats.html_page: a saved web page read as text (invented pages)."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from hcc_kg.read.formats import read_file_bytes
from hcc_kg.read.formats.html_page import html_text
from hcc_kg.report import Report


def test_blocks_become_lines_and_paragraphs_and_headings_stand_alone():
    page = "<h2>An invented heading</h2><p>First   line\n of text.</p><div>A div</div><ul><li>one</li><li>two</li></ul>"
    assert html_text(page) == "An invented heading\n\nFirst line of text.\n\nA div\none\ntwo\n"


def test_the_title_is_the_headline_only_when_the_page_has_no_h1():
    assert html_text("<title>Agency approves foonib</title><p>Body.</p>") == "Agency approves foonib\n\nBody.\n"
    assert html_text("<title>Site name</title><h1>Agency approves foonib</h1><p>Body.</p>") == \
        "Agency approves foonib\n\nBody.\n"


def test_scripts_styles_navigation_and_footers_are_dropped_even_when_nested():
    page = ("<nav><div><p>menu</p></div></nav><script>if (a < b) {}</script><style>p{}</style>"
            "<p>kept</p><aside>related</aside><footer><p>legal</p></footer><p>also kept</p>")
    assert html_text(page) == "kept\n\nalso kept\n"


def test_a_table_becomes_markdown_rows_with_a_rule_after_the_first():
    page = "<table><tr><th>Arm</th><th>OS</th></tr><tr><td>Foonib</td><td>12 | 13</td></tr></table><p>After.</p>"
    assert html_text(page) == "| Arm | OS |\n|---|---|\n| Foonib | 12 / 13 |\n\nAfter.\n"


def test_character_references_are_decoded_and_pre_keeps_its_lines():
    assert html_text("<p>A &amp; B &lt; C &#8211; D</p><pre>x  y\nz</pre>") == "A & B < C \u2013 D\n\nx  y\nz\n"


def test_a_page_with_no_article_text_is_reported_not_read():
    report = Report()
    assert read_file_bytes(b"<html><script>x()</script><nav>menu</nav></html>", "empty.html", report) == []
    assert [p.code for p in report.problems] == ["empty-page"]


words = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)


@given(st.lists(words, min_size=1, max_size=6))
def test_paragraph_text_comes_back_escaped_or_not(paragraphs):
    page = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    expected = [re.sub(r"[ \t\n\r\f]+", " ", p).strip(" ") for p in paragraphs]  # HTML's white space only
    assert [line for line in html_text(page).split("\n") if line] == [e for e in expected if e]


@given(st.text(max_size=300))
def test_any_input_is_read_without_error_and_ends_with_a_line_break(markup):
    text = html_text(markup)
    assert text == "" or text.endswith("\n")


def test_a_marked_section_the_standard_parser_cannot_scan_is_text():
    assert html_text("Dose <![0 mg] given") == "Dose <![0 mg] given\n"
    assert html_text("<![CDATA[hidden]]> shown") == "shown\n"
