"""PDF (``.pdf``): the text of each page, through pypdf.

Why pypdf: it is pure Python (no system libraries, nothing to compile, so it installs the
same everywhere the rest of the package does), well kept (frequent releases, a security
policy, fuzzed), BSD-licensed (compatible with this project's MIT licence; PyMuPDF is
AGPL), and it bounds decompression (its stream-size limits guard against zip bombs).
pdfplumber is built on pdfminer.six and adds layout tools this reader does not use.

What is done to the text, and no more: pages are read in order and joined by a line
break; a word broken across a line end (``inhib-`` / ``itor``: a letter, a hyphen, the line
end, a lower-case letter) is joined again.  No column, header or footer heuristics: the
text is what pypdf gives, so the evidence offsets index that text, and reading the file
again gives it again.  Encrypted or malformed files are skipped with an error.
"""

from __future__ import annotations

import io
import re

from ...report import Report
from .registry import READERS, ReadText

#: A word hyphenated at a line end: the hyphen and line break go, the word is whole again.
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[a-z])")


def dehyphenate(text: str) -> str:
    """Join words broken at a line end with a hyphen; other hyphens and line breaks stay.

    >>> dehyphenate("an inhib-\\nitor of KDR-\\nMET and anti-\\nPD-1")
    'an inhibitor of KDR-\\nMET and anti-\\nPD-1'
    """
    return _LINE_END_HYPHEN.sub("", text)


def pdf_pages(raw: bytes) -> list[str]:
    """The extracted text of each page (raises what pypdf raises on a broken file)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(raw))
    if reader.is_encrypted:
        raise ValueError("the PDF is encrypted")
    return [page.extract_text() or "" for page in reader.pages]


@READERS.register(".pdf")
def read_pdf(raw: bytes, name: str, report: Report) -> list[ReadText]:
    """A PDF as one document: its pages' text, de-hyphenated at line ends."""
    try:
        pages = pdf_pages(raw)
    except Exception as exc:  # pypdf raises many types on broken files (PdfReadError, KeyError, ...)
        report.add("error", "bad-pdf", f"cannot read the PDF: {type(exc).__name__}: {str(exc)[:120]}", doc=name)
        return []
    text = dehyphenate("\n".join(p.strip("\n") for p in pages if p.strip()))
    if not text.strip():
        report.add("warning", "empty-document", f"no extractable text in {len(pages)} page(s) (a scanned PDF? "
                   "run OCR first); nothing to extract", doc=name)
        return []
    return [ReadText(text + "\n")]
