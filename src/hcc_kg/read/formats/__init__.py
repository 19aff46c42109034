"""Readers by file format: each turns a file into the plain text the extractors read.

=======================  =======================  ===============================================================
format                   suffixes                 one document per
=======================  =======================  ===============================================================
plain text               ``.txt``                 file (read as today: :mod:`.text`)
PubMed/MEDLINE XML       ``.xml``                 ``PubmedArticle`` (:mod:`.pubmed`)
PMC JATS XML             ``.xml``, ``.nxml``      ``article`` (:mod:`.jats`)
BioC XML / BioC JSON     ``.xml``, ``.json``      BioC ``document`` (:mod:`.bioc_reader`)
PDF                      ``.pdf``                 file (:mod:`.pdf`, through pypdf)
HTML (a saved web page)  ``.html``, ``.htm``      file (:mod:`.html_page`, tables as Markdown rows)
MEDLINE (PubMed format)  ``.nbib``, ``.medline``  record (:mod:`.tagged`; also a ``.txt`` opening with ``PMID-``)
RIS                      ``.ris``                 record (:mod:`.tagged`)
=======================  =======================  ===============================================================

XML files are told apart by their root element (:mod:`.xml_formats`) and parsed without
DTDs, network or entity expansion (:mod:`.safe_xml`).  Evidence offsets index the text a
reader produced; reading the file again gives the same text (readers are pure functions of
the bytes).

>>> sorted(READERS.suffixes())
['.htm', '.html', '.json', '.medline', '.nbib', '.nxml', '.pdf', '.ris', '.txt', '.xml']
"""

from __future__ import annotations

from . import bioc_reader, html_page, jats, pdf, pubmed, tagged, text, xml_formats  # noqa: F401  (modules register their readers)
from .registry import READERS, Reader, ReadText, identifiers

__all__ = ["READERS", "Reader", "ReadText", "identifiers", "read_file_bytes"]


def read_file_bytes(raw: bytes, name: str, report) -> list[ReadText]:
    """The documents in a file's bytes, read by the reader its suffix names ([] if none claims it)."""
    reader = READERS.get(name)
    return reader(raw, name, report) if reader is not None else []
