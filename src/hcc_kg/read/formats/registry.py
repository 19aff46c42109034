"""The reader registry: one reader per file format, chosen by the file's suffix.

A reader turns a file's bytes into the plain text the extractors read, one
:class:`ReadText` per document in the file (a PubMed XML file may hold many), and reports
what it could not read into the build report.  Readers register themselves (rdflib-plugin
style), so adding a format is adding a module, never an if-chain.

>>> reg = ReaderRegistry()
>>> @reg.register(".foo", ".FOO2")
... def read_foo(raw, name, report):
...     return [ReadText(raw.decode())]
>>> reg.get("x.foo2") is read_foo, reg.get("x.bar"), reg.suffixes()
(True, None, ('.foo', '.foo2'))
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Callable

from ...report import Report


@dataclass(frozen=True)
class ReadText:
    """One document a reader made from a file.

    ``text`` is what the extractors read and what evidence offsets index.  ``part`` names the
    record inside a file holding several (``"pmid-123"``); ``source_ids`` are the paper's
    identifiers as sorted ``(scheme, id)`` pairs; ``published`` its publication date as the
    file states it (ISO-like, possibly partial: ``"2031"``, ``"2031-04"``).
    """

    text: str
    part: str | None = None
    source_ids: tuple[tuple[str, str], ...] = ()
    published: str | None = None


#: A reader: (file bytes, printable file name, report) → the documents in the file ([] if none).
Reader = Callable[[bytes, str, Report], list[ReadText]]


class ReaderRegistry:
    """Readers by file suffix (case-insensitive)."""

    def __init__(self) -> None:
        self._readers: dict[str, Reader] = {}

    def register(self, *suffixes: str) -> Callable[[Reader], Reader]:
        def decorate(func: Reader) -> Reader:
            for suffix in suffixes:
                key = suffix.lower()
                if key in self._readers:
                    raise ValueError(f"a reader for {key!r} is registered twice")
                self._readers[key] = func
            return func
        return decorate

    def get(self, name: str) -> Reader | None:
        """The reader for a file name (by its suffix), or None when no format claims it."""
        return self._readers.get(PurePath(name).suffix.lower())

    def suffixes(self) -> tuple[str, ...]:
        return tuple(sorted(self._readers))


READERS = ReaderRegistry()


def identifiers(**ids: str | None) -> tuple[tuple[str, str], ...]:
    """The known identifiers as sorted ``(scheme, id)`` pairs, empty ones left out.

    >>> identifiers(pmid="12", doi=" 10.1/x ", pmcid=None)
    (('doi', '10.1/x'), ('pmid', '12'))
    """
    return tuple(sorted((scheme, value.strip()) for scheme, value in ids.items() if value and value.strip()))
