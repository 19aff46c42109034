"""HTML (``.html``, ``.htm``): a saved web page (a news item, a label, an abstract page) as text.

What is kept, and how it is laid out, so the extractors read a page as they read a text file:

* the page's words, character references decoded, runs of white space folded to one space
  (as a browser shows them; ``<pre>`` keeps its own);
* each block (paragraph, list item, heading, ``<div>``, ...) on its own line, a blank line
  after paragraphs and headings, so a headline stands alone as a heading does in text;
* each table as Markdown rows (``| a | b |``, a ``|---|`` line after the first row), which the
  table extractors read;
* the ``<title>`` as the first line when the page has no ``<h1>`` (a news item's headline).

What is dropped: scripts, styles, templates, SVG, forms, and a page's navigation, footer and
asides (``<nav>``, ``<footer>``, ``<aside>``): boilerplate, not the article.  The parser is the
standard library's, which never fails on malformed markup; evidence offsets index the text
made here, and reading the file again gives the same text.

>>> html_text(b"<title>T</title><h1>Agency approves foonib</h1><p>Foonib &amp; barnib<br>go.</p>")
'Agency approves foonib\\n\\nFoonib & barnib\\ngo.\\n'
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ...report import Report
from .registry import READERS, ReadText
from .text import decode_text

#: Elements whose content is not the article's text.
SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "nav", "footer", "aside",
                     "form", "button", "select", "iframe", "object"})
#: Elements that end a line; those in PARAGRAPHS also leave a blank line after them.
BLOCKS = frozenset({"div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd",
                    "blockquote", "figure", "figcaption", "address", "br", "hr", "table", "caption"})
PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre"})
#: Elements that never have an end tag (their start is all there is).
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"})
_SPACES = re.compile(r"[ \t\r\n\f]+")  # HTML's white space (a no-break space is text)


class _PageText(HTMLParser):
    """Collects a page's text as lines, tables as Markdown rows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.skipping: list[str] = []  # the open skipped elements, innermost last
        self.pre = 0
        self.title: list[str] = []
        self.in_title = False
        self.has_h1 = False
        self.row: list[str] | None = None  # the cells of the table row being read
        self.cell: list[str] | None = None
        self.rows_in_table: list[int] = []  # rows written, per open table

    # -- lines
    def _end_line(self, blank: bool = False) -> None:
        text = "".join(self.line).strip(" ")
        self.line = []
        if text:
            self.lines.append(text)
        if blank and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def _write(self, text: str) -> None:
        if self.cell is not None:
            self.cell.append(text)
        else:
            self.line.append(text)

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":  # inside <head>, which is skipped otherwise
            self.in_title = True
        elif self.skipping:
            if tag not in VOID:
                self.skipping.append(tag)
        elif tag in SKIPPED:
            if tag not in VOID:
                self.skipping.append(tag)
        elif tag == "h1":
            self.has_h1 = True
            self._end_line(blank=True)
        elif tag == "pre":
            self._end_line(blank=True)
            self.pre += 1
        elif tag in PARAGRAPHS or tag in BLOCKS:
            self._end_line(blank=tag in PARAGRAPHS)
            if tag == "table":
                self.rows_in_table.append(0)
        elif tag == "tr":
            self._end_line()
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif self.skipping:
            if tag in self.skipping:  # close it (and any element left open inside it)
                del self.skipping[len(self.skipping) - 1 - self.skipping[::-1].index(tag):]
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(_SPACES.sub(" ", "".join(self.cell)).strip().replace("|", "/"))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self._write_row()
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
            self._end_line(blank=True)
        elif tag in PARAGRAPHS or tag in BLOCKS:
            if tag == "table" and self.rows_in_table:
                self.rows_in_table.pop()
            self._end_line(blank=tag in PARAGRAPHS or tag == "table")

    def _write_row(self) -> None:
        cells, self.row, self.cell = self.row or [], None, None
        if not any(cells):
            return
        self.lines.append("| " + " | ".join(cells) + " |")
        if self.rows_in_table:
            self.rows_in_table[-1] += 1
            if self.rows_in_table[-1] == 1:  # the first row heads the table
                self.lines.append("|" + "|".join("---" for _ in cells) + "|")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self.skipping:
            return
        if self.pre:
            for i, part in enumerate(data.split("\n")):
                if i:
                    self._end_line()
                self._write(part)
            return
        self._write(_SPACES.sub(" ", data))

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """A marked section ("<![CDATA[...]]>", "<![if IE]>"); one the standard parser cannot scan ("<![0", which it
        stops on with an AssertionError) is text."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.handle_data(self.rawdata[i:i + 3])
            return i + 3

    def text(self) -> str:
        if self.row is not None:
            self._write_row()
        self._end_line()
        lines = self.lines
        title = _SPACES.sub(" ", "".join(self.title)).strip()
        if title and not self.has_h1:
            lines = [title, ""] + lines
        while lines and lines[-1] == "":
            lines = lines[:-1]
        return "\n".join(lines) + "\n" if lines else ""


def html_text(raw: bytes | str) -> str:
    """The text of an HTML page, laid out as described in the module docstring."""
    parser = _PageText()
    parser.feed(raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw)
    parser.close()
    return parser.text()


@READERS.register(".html", ".htm")
def read_html(raw: bytes, name: str, report: Report) -> list[ReadText]:
    """A web page as one document (see the module docstring for what is kept)."""
    decoded = decode_text(raw, name, report)
    if decoded is None:
        return []
    text = html_text(decoded)
    if not text.strip():
        report.add("warning", "empty-page", "the page has no text outside scripts, styles and navigation", doc=name)
        return []
    return [ReadText(text)]
