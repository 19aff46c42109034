"""BioC XML (``<collection>``) and BioC JSON (``{"documents": [...]}``), as PubTator and
PMC's BioC service give them.

One document per BioC ``document``; its passages' texts in order.  Where a passage's
``offset`` leaves a small gap after the previous passage (PubTator puts the abstract one
character after the title), the gap is filled with line breaks, so evidence offsets equal
the BioC offsets; where offsets are missing, overlapping or far apart, passages are
joined by one line break and the report says the offsets differ.  Identifiers: the
document ``id`` (digits: a PMID; ``PMC…``: a PMCID) and the ``article-id_*`` infons PMC
puts on the front passage.  BioC JSON is decoded by the ``bioc`` package; BioC XML is
parsed by :mod:`.safe_xml` (``bioc``'s own XML decoder would expand entities).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from lxml import etree

from ...report import Report
from .registry import READERS, ReadText, identifiers
from .safe_xml import child, children, element_text, local_name
from .xml_formats import register_root

#: The widest gap between passages filled with line breaks to keep BioC offsets.
MAX_OFFSET_GAP = 16


@dataclass(frozen=True)
class Passage:
    """A BioC passage: its offset in the document (None when not given) and its text."""

    offset: int | None
    text: str


def place_passages(passages: list[Passage]) -> tuple[str, bool]:
    """The document text, and whether every passage sits at its BioC offset.

    >>> place_passages([Passage(0, "Title"), Passage(6, "Abstract.")])
    ('Title\\nAbstract.\\n', True)
    >>> place_passages([Passage(0, "Title"), Passage(2, "Overlap")])
    ('Title\\nOverlap\\n', False)
    """
    text, kept = "", True
    for passage in (p for p in passages if p.text.strip()):
        gap = (passage.offset - len(text)) if passage.offset is not None else -1
        if (gap >= 1 or (gap == 0 and not text)) and gap <= MAX_OFFSET_GAP:
            text += "\n" * gap
        else:
            kept = False
            text += "\n" if text else ""
        text += passage.text
    return (text + "\n" if text else ""), kept


def _ids(doc_id: str, infons: dict[str, str]) -> tuple[tuple[str, str], ...]:
    doc_id = doc_id.strip()
    pmcid = infons.get("article-id_pmc") or (doc_id if doc_id.upper().startswith("PMC") else None)
    if pmcid and not pmcid.upper().startswith("PMC"):
        pmcid = f"PMC{pmcid}"
    return identifiers(pmid=infons.get("article-id_pmid") or (doc_id if doc_id.isdigit() else None),
                       pmcid=pmcid, doi=infons.get("article-id_doi"))


def _document(doc_id: str, passages: list[tuple[int | None, str, dict]], name: str,
              report: Report) -> ReadText | None:
    text, kept = place_passages([Passage(offset, body) for offset, body, _ in passages])
    infons = {k: v for _, _, inf in passages for k, v in inf.items() if k.startswith("article-id_")}
    if not text:
        report.add("warning", "empty-document", f"BioC document {doc_id or '(no id)'} has no passage text; skipped",
                   doc=name)
        return None
    if not kept:
        report.add("info", "bioc-offsets", f"BioC document {doc_id}: passage offsets overlap or leave wide gaps; "
                   "evidence offsets index the joined text, not the BioC offsets", doc=name)
    return ReadText(text, f"bioc-{doc_id}" if doc_id else None, _ids(doc_id, infons))


def _xml_infons(element: etree._Element) -> dict[str, str]:
    return {i.get("key", ""): element_text(i) for i in children(element, "infon")}


def _xml_offset(passage: etree._Element) -> int | None:
    text = element_text(child(passage, "offset"))
    return int(text) if text.isdigit() else None


@register_root("collection")
def read_bioc_xml(root: etree._Element, name: str, report: Report) -> list[ReadText]:
    """Every BioC ``document`` of the collection."""
    out = []
    for doc in children(root, "document"):
        passages = [(_xml_offset(p), (child(p, "text").text or "") if child(p, "text") is not None else "",
                     _xml_infons(p)) for p in children(doc, "passage")]
        read = _document(element_text(child(doc, "id")), passages, name, report)
        out += [read] if read else []
    return out


@READERS.register(".json")
def read_bioc_json(raw: bytes, name: str, report: Report) -> list[ReadText]:
    """A BioC JSON collection; any other JSON file is skipped with a warning."""
    import bioc.biocjson  # here, not at the top: most corpora hold no JSON (about 20 ms of every build)

    try:
        data = json.loads(raw.decode("utf-8-sig"))
        collection = bioc.biocjson.decoder.parse_collection(data)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        report.add("warning", "unknown-json", f"not a BioC JSON collection ({type(exc).__name__}: "
                   f"{str(exc)[:80]}); skipped", doc=name)
        return []
    out = []
    for doc in collection.documents:
        passages = [(p.offset if isinstance(p.offset, int) else None, p.text or "", dict(p.infons))
                    for p in doc.passages]
        read = _document(str(doc.id or ""), passages, name, report)
        out += [read] if read else []
    return out
