"""``.xml``/``.nxml`` files: parse safely, then read by the format the root element names.

>>> sorted(XML_FORMATS)
['PubmedArticle', 'PubmedArticleSet', 'article', 'collection', 'pmc-articleset']
"""

from __future__ import annotations

from typing import Callable

from lxml import etree

from ...report import Report
from .registry import READERS, ReadText
from .safe_xml import UnsafeXmlError, local_name, parse

#: Root element → reader of the parsed tree; the format modules fill it in.
XML_FORMATS: dict[str, Callable[[etree._Element, str, Report], list[ReadText]]] = {}


def register_root(*names: str):
    """Register a reader of parsed XML for root elements with these local names."""
    def decorate(func):
        for name in names:
            if name in XML_FORMATS:
                raise ValueError(f"an XML reader for <{name}> is registered twice")
            XML_FORMATS[name] = func
        return func
    return decorate


@READERS.register(".xml", ".nxml")
def read_xml(raw: bytes, name: str, report: Report) -> list[ReadText]:
    """The documents of an XML file whose root element a format claims; others are skipped, named."""
    try:
        root = parse(raw)
    except UnsafeXmlError as exc:
        report.add("error", "bad-xml", f"{exc}; not read", doc=name)
        return []
    reader = XML_FORMATS.get(local_name(root))
    if reader is None:
        report.add("warning", "unknown-xml", f"root element <{local_name(root)[:60]}> is not one of "
                   f"{', '.join(sorted(XML_FORMATS))}; skipped", doc=name)
        return []
    return reader(root, name, report)
