"""PubMed/MEDLINE XML (``<PubmedArticleSet>``, as E-utilities ``efetch`` returns it).

Each ``PubmedArticle`` is one document: its title, then the abstract, each labelled
section (``<AbstractText Label="RESULTS">``) as a heading line followed by its paragraph.
Identifiers: PMID, DOI and PMCID (``ArticleIdList``, or the DOI ``ELocationID``).  The
publication date is ``Journal/JournalIssue/PubDate`` (year, month, day as given, or the
year of a ``MedlineDate``).  An article with neither title nor abstract is skipped with a
warning naming its PMID.
"""

from __future__ import annotations

import re

from lxml import etree

from ...report import Report
from .layout import lay_out
from .registry import ReadText, identifiers
from .safe_xml import child, children, element_text, local_name
from .xml_formats import register_root

_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                         "nov", "dec"), start=1)}


def _month(text: str) -> int | None:
    text = text.strip().lower()
    return int(text) if text.isdigit() else _MONTHS.get(text[:3])


def publication_date(pub_date: etree._Element | None) -> str | None:
    """``PubDate`` as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (None when it gives no year).

    >>> from lxml import etree
    >>> publication_date(etree.fromstring("<PubDate><Year>2031</Year><Month>Apr</Month></PubDate>"))
    '2031-04'
    >>> publication_date(etree.fromstring("<PubDate><MedlineDate>2030 Dec-2031 Jan</MedlineDate></PubDate>"))
    '2030'
    """
    year = element_text(child(pub_date, "Year"))
    if not year:
        found = re.search(r"\b\d{4}\b", element_text(child(pub_date, "MedlineDate")))
        return found.group(0) if found else None
    month = _month(element_text(child(pub_date, "Month")))
    day = element_text(child(pub_date, "Day"))
    if month is None:
        return year
    return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day.isdigit() else "")


def _ids(article: etree._Element) -> tuple[tuple[str, str], ...]:
    known = {a.get("IdType"): element_text(a)
             for a in children(child(article, "PubmedData", "ArticleIdList"), "ArticleId")}
    doi = known.get("doi") or next((element_text(e) for e in children(child(article, "MedlineCitation", "Article"),
                                                                       "ELocationID") if e.get("EIdType") == "doi"), None)
    return identifiers(pmid=element_text(child(article, "MedlineCitation", "PMID")) or known.get("pubmed"),
                       doi=doi, pmcid=known.get("pmc"))


def _abstract_blocks(abstract: etree._Element | None) -> list[str]:
    blocks: list[str] = []
    for section in children(abstract, "AbstractText"):
        label = (section.get("Label") or "").strip()
        blocks += [label, element_text(section)]
    return blocks


def _article(article: etree._Element, name: str, report: Report) -> ReadText | None:
    cited = child(article, "MedlineCitation", "Article")
    ids = _ids(article)
    title = element_text(child(cited, "ArticleTitle")) or element_text(child(cited, "VernacularTitle"))
    text = lay_out([title, *_abstract_blocks(child(cited, "Abstract"))])
    pmid = dict(ids).get("pmid")
    if not text:
        report.add("warning", "empty-document", f"PubMed article {pmid or '(no PMID)'} has no title or abstract; "
                   "skipped", doc=name)
        return None
    published = publication_date(child(cited, "Journal", "JournalIssue", "PubDate"))
    return ReadText(text, f"pmid-{pmid}" if pmid else None, ids, published)


@register_root("PubmedArticleSet", "PubmedArticle")
def read_pubmed(root: etree._Element, name: str, report: Report) -> list[ReadText]:
    """Every ``PubmedArticle`` of the set (a bare ``PubmedArticle`` root is a set of one)."""
    articles = [root] if local_name(root) == "PubmedArticle" else children(root, "PubmedArticle")
    if not articles:
        report.add("warning", "empty-document", "no PubmedArticle in the set; nothing to extract", doc=name)
    read = (_article(a, name, report) for a in articles)
    return [r for r in read if r is not None]
