"""A paper's reference list is not what the paper states: its titles are other papers' claims.

A full paper (a PDF, a web page, a text export) ends with its references, and their titles read
as statements ("X inhibits T in liver cancer cells", "Approval summary: X for ..."): the
extractors would take them for the paper's own.  :func:`without_reference_list` blanks the list
before anything reads the document, keeping every offset (each character becomes a space, each
line break stays), so the evidence of every other fact points where it did.

The list starts at a heading line of its own ("References", "REFERENCES", "## Bibliography",
"Literature cited", and a web page's "Similar articles" or "Cited by" below an abstract) whose
first lines below look like citations (a numbered entry, an author list "Smith AB,", or a year
beside volume and pages, "et al" or a DOI); it runs to the end, or to the next table caption or
markdown table (journals print tables after the references).

>>> text = "Foonib inhibits KDR.\\n\\nReferences\\n1. Roe J, et al. A title. J Onc. 2020;12:34-40.\\n"
>>> cut = without_reference_list_text(text)
>>> cut[:21], cut[21:].strip(), len(cut) == len(text)
('Foonib inhibits KDR.\\n', '', True)
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Document
from .segment import CAPTION_RE, MARKDOWN_ROW_RE

# The heading: the whole line, with an optional markdown mark or section number and colon.
# ... and the lists of other papers a journal's or PubMed's web page prints below the abstract ("Similar articles",
# "Cited by", "Recommended articles"): copied with the page, their titles are no more this paper's.
HEADING_RE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\d{1,2}\.?[ \t]+)?(?:references?(?:[ \t]+and[ \t]+notes)?|bibliography|"
                        r"literature[ \t]+cited|works[ \t]+cited|cited[ \t]+literature|"
                        r"(?:similar|related|recommended)[ \t]+(?:articles|citations|papers)|cited[ \t]+by)[ \t]*:?[ \t]*$",
                        re.IGNORECASE | re.MULTILINE)
# A citation's first line: a numbered entry, an author list, or a year beside a citation's parts.
_NUMBERED_RE = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)])\s+\S")
_AUTHORS_RE = re.compile(r"^\s*(?:\[?\d{1,3}[.)\]]\s*)?[A-Z][\w'’-]+,?\s+[A-Z]{1,3}\.?(?:,|\s+(?:and|&)\s|\.?\s+et\s+al)")
_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
_CITATION_PART_RE = re.compile(r"\bet\s+al\b|\bdoi\b|\bPMID\b|\d+\s*\(\d+\)\s*:\s*\d+|\d+\s*:\s*\d+|;\s*\d+", re.IGNORECASE)
# Where the list ends when something else follows it: a table caption or a markdown row, as segmentation reads them.
_RESUMES_RE = re.compile(rf"(?:{CAPTION_RE.pattern}|^.*{MARKDOWN_ROW_RE.pattern})", re.MULTILINE)
_LINES_CHECKED = 3  # the first non-blank lines below the heading that may show a citation


def reference_list_span(text: str) -> tuple[int, int] | None:
    """Where the reference list is (the heading's line start, the list's end), or None.

    >>> reference_list_span("Body.\\nReferences\\nnot a citation at all\\n") is None
    True
    """
    for heading in reversed(list(HEADING_RE.finditer(text))):  # the last one: a paper's own list ends it
        if _citations_follow(text, heading.end()):
            after = _RESUMES_RE.search(text, heading.end())
            return heading.start(), after.start() if after else len(text)
    return None


def _citations_follow(text: str, pos: int) -> bool:
    lines = [line for line in text[pos:].splitlines() if line.strip()][:_LINES_CHECKED]
    return any(_looks_cited(line) for line in lines)


def _looks_cited(line: str) -> bool:
    """A line that opens a citation.

    >>> _looks_cited("2. Doe AB, Roe C. Title. Lancet Oncol. 2019;20:1-9."), _looks_cited("We thank the patients.")
    (True, False)
    """
    if _AUTHORS_RE.match(line):
        return True
    return bool(_YEAR_RE.search(line)) and (bool(_NUMBERED_RE.match(line)) or bool(_CITATION_PART_RE.search(line)))


def without_reference_list_text(text: str) -> str:
    """``text`` with its reference list blanked (spaces; line breaks kept), or unchanged."""
    span = reference_list_span(text)
    if span is None:
        return text
    start, end = span
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def without_reference_list(document: Document) -> Document:
    """``document`` as the extractors read it: the same identity and offsets, its reference list blank."""
    text = without_reference_list_text(document.text)
    return document if text is document.text else replace(document, text=text)


__all__ = ["reference_list_span", "without_reference_list", "without_reference_list_text"]
