"""One document's extraction, as a value that can cross a process boundary or sit on disk.

A :class:`DocumentExtraction` is everything extraction produces for one document: its
assertions (with evidence) and the problems it reports.  The same JSON form is used for
cache entries (one file per document) and for the Dask executor's partition files (one
line per document), so there is a single reader and a single writer.

>>> from hcc_kg.model import Assertion, Document, Evidence
>>> doc = Document.from_text("d1", "text")
>>> found = DocumentExtraction.of(doc, [Assertion("x", "p", "y", evidence=(Evidence("d1", 0, 4, "t"),))], [])
>>> DocumentExtraction.from_json(json.loads(json.dumps(found.to_json()))) == found
True
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Iterable

from ..extract import extract_document
from ..extract.mentions import MentionFinder
from ..model import Assertion, Document
from ..report import Problem, Report
from ..vocab import Vocabulary

#: Bump when the JSON layout below changes (entries of another format are ignored).
FORMAT = 1

#: Readings one document may give (``--max-readings``): the two shipped reviews give 824 and 288,
#: a development literature document 36 at most, and an invented 650 kB text naming a trial with
#: its arms and a hazard ratio in every sentence 28,000 (8,000 such sentences, 1.3 MB: 56,000).
#: Beyond it a document keeps its first readings in text order, with a warning naming it.
DEFAULT_MAX_READINGS = 20_000


@dataclass(frozen=True)
class DocumentExtraction:
    """The assertions and report problems one document yields, in the order extraction made them."""

    doc_id: str
    name: str
    sha256: str
    assertions: tuple[Assertion, ...]
    problems: tuple[Problem, ...]

    @classmethod
    def of(cls, document: Document, assertions: Iterable[Assertion], problems: Iterable[Problem]) -> "DocumentExtraction":
        return cls(document.doc_id, document.name, document.sha256, tuple(assertions), tuple(problems))

    def __eq__(self, other: object) -> bool:  # Assertion equality ignores evidence; this must not
        if not isinstance(other, DocumentExtraction):
            return NotImplemented
        return self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash((self.doc_id, self.sha256, len(self.assertions)))

    def is_of(self, document: Document) -> bool:
        """Was this read from ``document`` (same id, name and content)?"""
        return (self.doc_id, self.name, self.sha256) == (document.doc_id, document.name, document.sha256)

    def to_json(self) -> dict:
        return {"format": FORMAT, "doc_id": self.doc_id, "name": self.name, "sha256": self.sha256,
                "assertions": [a.to_json() for a in self.assertions],
                "problems": [p.to_json() for p in self.problems]}

    @classmethod
    def from_json(cls, data: dict) -> "DocumentExtraction":
        """The inverse of :meth:`to_json`; a ValueError (or KeyError/TypeError) on anything else."""
        if data.get("format") != FORMAT:
            raise ValueError(f"extraction format {data.get('format')!r}, expected {FORMAT}")
        return cls(str(data["doc_id"]), str(data["name"]), str(data["sha256"]),
                   tuple(Assertion.from_json(a) for a in data["assertions"]),
                   tuple(Problem(**p) for p in data["problems"]))

    def add_problems_to(self, report: Report) -> None:
        for p in self.problems:
            report.add(p.severity, p.code, p.message, p.doc, p.offset)


def extract_one(document: Document, vocabulary: Vocabulary, finder: MentionFinder,
                max_readings: int | None = None) -> DocumentExtraction:
    """Extract one document exactly as :func:`hcc_kg.extract.extract` does inside its loop,
    keeping at most ``max_readings`` readings (None: all; see :func:`first_in_text_order`).

    The problems are the same two :func:`~hcc_kg.extract.extract` reports (a failing
    document, a document with no facts); tests/test_execute.py checks both against it.
    A document giving more readings than the cap adds a ``readings-capped`` warning.
    """
    try:
        found = extract_document(document, vocabulary, finder)
    except Exception as exc:  # one bad document must not sink the build
        failed = Problem("error", "extraction-failed", f"{type(exc).__name__}: {exc}", document.name)
        return DocumentExtraction.of(document, (), (failed,))
    problems = () if found else (Problem("warning", "no-facts", "no vocabulary entity or relation found", document.name),)
    if max_readings is not None and len(found) > max_readings:
        kept, cut = first_in_text_order(found, max_readings)
        problems = (Problem("warning", "readings-capped", f"{len(found)} readings, more than --max-readings "
                            f"{max_readings}: kept the {len(kept)} read before offset {cut}, the rest of the "
                            "document is not read", document.name, cut),)
        found = kept
    return DocumentExtraction.of(document, found, problems)


def first_in_text_order(readings: list[Assertion], cap: int) -> tuple[list[Assertion], int]:
    """At most ``cap`` readings, those whose evidence starts first in the text, in their original order,
    and the offset where the first reading left out starts.  What is kept is the reading of the text
    before that offset, not a sample: a reading starting there too (another fact of the same
    sentence) is left out as well, and a kept reading loses its evidence from the offset on (a
    drug's mentions all through the document).

    >>> from hcc_kg.model import Evidence
    >>> at = lambda name, *starts: Assertion(name, "p", "o", evidence=tuple(Evidence("d", s, s + 1, "t") for s in starts))
    >>> kept, offset = first_in_text_order([at("c", 9), at("a", 1, 20), at("d", 12), at("b", 5)], 2)
    >>> [(a.subject, [e.start for e in a.evidence]) for a in kept], offset
    ([('a', [1]), ('b', [5])], 9)
    """
    starts = [min((e.start for e in a.evidence), default=0) for a in readings]
    ordered = sorted(range(len(readings)), key=lambda i: (starts[i], i))
    offset = starts[ordered[cap]]
    kept = sorted(i for i in ordered[:cap] if starts[i] < offset)  # a tie at the cut leaves both out
    return [_before(readings[i], offset) for i in kept], offset


def _before(reading: Assertion, offset: int) -> Assertion:
    """The reading with only its evidence starting before ``offset`` (itself when that is all of it)."""
    evidence = tuple(e for e in reading.evidence if e.start < offset)
    return reading if len(evidence) == len(reading.evidence) else replace(reading, evidence=evidence)

