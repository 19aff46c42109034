"""Parse untrusted XML safely, and read the text of its elements.

The parser never loads a DTD, never touches the network and never expands entities
(lxml ``resolve_entities=False, no_network=True, load_dtd=False``), and a document that
declares entities in its DTD is refused outright, as defusedxml does: an external entity
(``<!ENTITY x SYSTEM "file:///etc/passwd">``) is never read, and an entity bomb is never
expanded.  ``huge_tree`` stays off, so libxml2's depth and size limits hold.

>>> root = parse(b"<a>one <b>two</b>  three</a>")
>>> element_text(root)
'one two three'
>>> parse(b'<!DOCTYPE a [<!ENTITY x "boom">]><a>&x;</a>')
Traceback (most recent call last):
...
hcc_kg.read.formats.safe_xml.UnsafeXmlError: the DTD declares entities (x); refused: entities are never expanded
"""

from __future__ import annotations

from lxml import etree


class UnsafeXmlError(ValueError):
    """The XML is malformed, or declares what this parser refuses to expand."""


def _parser() -> etree.XMLParser:
    # A new parser per file: lxml parsers keep state and are not shared between threads.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def parse(raw: bytes) -> etree._Element:
    """The root element of ``raw``; :class:`UnsafeXmlError` if malformed or declaring entities."""
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as exc:
        raise UnsafeXmlError(f"not well-formed XML: {exc}") from exc
    dtd = root.getroottree().docinfo.internalDTD
    entities = [e.name for e in dtd.iterentities()] if dtd is not None else []
    if entities:
        raise UnsafeXmlError(f"the DTD declares entities ({', '.join(entities[:5])}); refused: "
                             "entities are never expanded")
    return root


def local_name(element: etree._Element) -> str:
    """The tag without its namespace: ``{http://x}article`` → ``article``."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def squash(text: str) -> str:
    """Whitespace runs (XML indentation, wrapped lines) as single spaces, trimmed."""
    return " ".join(text.split())


def element_text(element: etree._Element | None, skip: frozenset[str] = frozenset()) -> str:
    """The element's text with its descendants', whitespace squashed; subtrees named in ``skip``
    (local names) are left out, and an unexpanded entity reference contributes nothing."""
    if element is None:
        return ""
    return squash("".join(_texts(element, skip)))


def _texts(element: etree._Element, skip: frozenset[str]):
    if isinstance(element.tag, str):  # entity references and other non-elements give no text
        yield element.text or ""
        for child in element:
            if local_name(child) not in skip:
                yield from _texts(child, skip)
            yield child.tail or ""


def children(element: etree._Element | None, name: str) -> list[etree._Element]:
    """Direct children with the local name ``name``."""
    return [] if element is None else [c for c in element if local_name(c) == name]


def child(element: etree._Element | None, *path: str) -> etree._Element | None:
    """The first element down the path of local names, or None."""
    for name in path:
        found = children(element, name)
        if not found:
            return None
        element = found[0]
    return element
