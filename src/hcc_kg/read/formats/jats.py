"""PMC JATS XML (``<article>``, or a ``<pmc-articleset>`` of them, as PMC's OA service gives).

One document per article: the title, the abstract (its sections' titles as heading lines),
then the body, section by section (a heading line, then each paragraph on its own line).
Tables are kept as tables: each ``table-wrap`` becomes its caption line ("Table 2 ...")
followed by a Markdown pipe table (the form :mod:`hcc_kg.extract.markdown_trials` reads),
header rows from ``thead``.  Figures, formulas, footnotes and references are left out;
identifiers are the ``article-id`` values (PMID, PMCID, DOI).
"""

from __future__ import annotations

from typing import Iterator

from lxml import etree

from ...report import Report
from .layout import lay_out, pipe_table
from .registry import ReadText, identifiers
from .safe_xml import child, children, element_text, local_name
from .xml_formats import register_root

#: Elements whose text is not the paper's prose.
_SKIPPED = frozenset({"fig", "disp-formula", "inline-formula", "fn-group", "ref-list", "table-wrap-foot",
                      "supplementary-material", "xref"})
_SCHEMES = {"pmid": "pmid", "pmc": "pmcid", "pmcid": "pmcid", "doi": "doi"}


def _ids(meta: etree._Element | None) -> tuple[tuple[str, str], ...]:
    found = {}
    for element in children(meta, "article-id"):
        scheme = _SCHEMES.get((element.get("pub-id-type") or "").lower())
        if scheme:
            value = element_text(element)
            found[scheme] = value if scheme != "pmcid" or value.upper().startswith("PMC") else f"PMC{value}"
    return identifiers(**found)


def table_rows(table: etree._Element) -> tuple[list[list[str]], int]:
    """The table's rows as cell texts, and how many of them are header rows (at least 1)."""
    head = [tr for part in children(table, "thead") for tr in children(part, "tr")]
    body = [tr for part in children(table, "tbody") for tr in children(part, "tr")] + children(table, "tr")
    rows = [[element_text(cell) for cell in tr if local_name(cell) in ("th", "td")] for tr in head + body]
    return [r for r in rows if any(r)], max(1, len(head))


def _table_blocks(wrap: etree._Element) -> Iterator[str]:
    caption = " ".join(t for t in (element_text(child(wrap, "label")),
                                   element_text(child(wrap, "caption"), _SKIPPED)) if t)
    yield caption
    for table in wrap.iter("{*}table", "table"):
        rows, header_rows = table_rows(table)
        if rows:
            yield pipe_table(rows, header_rows)


def _blocks(element: etree._Element) -> Iterator[str]:
    """Section titles, paragraphs and tables under ``element``, in document order."""
    for node in element:
        name = local_name(node)
        if name in ("title", "p"):
            yield element_text(node, _SKIPPED | {"table-wrap"})
            if name == "p":  # a table may sit inside a paragraph
                for wrap in node.iter("{*}table-wrap", "table-wrap"):
                    yield from _table_blocks(wrap)
        elif name == "table-wrap":
            yield from _table_blocks(node)
        elif name in ("sec", "abstract", "body", "list", "list-item", "boxed-text", "table-wrap-group"):
            yield from _blocks(node)


def _article(article: etree._Element, name: str, report: Report) -> ReadText | None:
    meta = child(article, "front", "article-meta")
    ids = _ids(meta)
    title = element_text(child(meta, "title-group", "article-title"), _SKIPPED)
    abstracts = [a for a in children(meta, "abstract") if not a.get("abstract-type")] or children(meta, "abstract")[:1]
    blocks = [title, *(b for a in abstracts[:1] for b in _blocks(a))]
    body = child(article, "body")
    if body is not None:
        blocks += list(_blocks(body))
    text = lay_out(blocks)
    label = dict(ids).get("pmcid") or dict(ids).get("pmid")
    if not text:
        report.add("warning", "empty-document", f"JATS article {label or ''} has no title, abstract or body; "
                   "skipped", doc=name)
        return None
    return ReadText(text, label.lower() if label else None, ids, _date(meta))


def _date(meta: etree._Element | None) -> str | None:
    dates = children(meta, "pub-date")
    chosen = next((d for d in dates if d.get("pub-type") in ("epub", "ppub") or d.get("date-type") == "pub"),
                  dates[0] if dates else None)
    year = element_text(child(chosen, "year"))
    month, day = element_text(child(chosen, "month")), element_text(child(chosen, "day"))
    if not year:
        return None
    if not month.isdigit():
        return year
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day.isdigit() else "")


@register_root("article", "pmc-articleset")
def read_jats(root: etree._Element, name: str, report: Report) -> list[ReadText]:
    """Every article of the file (a ``pmc-articleset`` may hold several)."""
    articles = [root] if local_name(root) == "article" else children(root, "article")
    read = (_article(a, name, report) for a in articles)
    return [r for r in read if r is not None]
