"""The typed data model every stage speaks: documents, spans, mentions, evidence, assertions.

All classes are frozen dataclasses.  An :class:`Assertion` has a stable :meth:`Assertion.key`
built from what the fact *is* (subject, predicate, object and identifying context), not
from where it was read, so the same fact read twice merges into one assertion carrying
both pieces of evidence (INDRA's Statement/Evidence split).

>>> ev = Evidence("doc1", 10, 19, "table")
>>> a = Assertion("sorafenib", "inhibits", "kdr", evidence=(ev,))
>>> b = Assertion("sorafenib", "inhibits", "kdr", evidence=(Evidence("doc2", 0, 9, "sentence"),))
>>> a.key() == b.key()
True
>>> len(a.merge(b).evidence)
2
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Iterable, Union

#: A literal value an assertion may carry (numbers keep their printed precision as Decimal).
Value = Union[str, int, Decimal, bool]


@dataclass(frozen=True)
class Document:
    """One source text.  ``doc_id`` is the file stem; offsets index into ``text``.

    ``text`` is what a reader produced from the file (:mod:`hcc_kg.read.formats`): for plain text
    the file itself, for PubMed/JATS/BioC XML or a PDF the text the reader laid out, so
    evidence offsets index that text.  ``source_ids`` are the identifiers the file gave the
    paper, as sorted ``(scheme, id)`` pairs: ``("pmid", "123")``, ``("pmcid", "PMC9")``,
    ``("doi", "10.1/x")``.
    """

    doc_id: str
    name: str
    text: str
    sha256: str
    source_ids: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_text(cls, doc_id: str, text: str, name: str | None = None) -> "Document":
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return cls(doc_id, name or doc_id, text, digest)


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` in a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def cover(self, other: "Span") -> "Span":
        """The smallest span containing both.

        >>> Span(3, 5).cover(Span(8, 9))
        Span(start=3, end=9)
        """
        return Span(min(self.start, other.start), max(self.end, other.end))


@dataclass(frozen=True, order=True)
class Mention:
    """A vocabulary entity found in a document, at original-text offsets."""

    start: int
    end: int
    key: str
    surface: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


#: Evidence polarity: the text says the relation holds, or says it does not ("X does not inhibit Y").
POLARITIES = ("positive", "negative")
#: Evidence certainty: stated as fact, or hedged/prospective ("may inhibit", "is being evaluated").
CERTAINTIES = ("asserted", "hedged")


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a fact was read: document, half-open character span, the rule that read it, and
    how the text put it (INDRA's epistemics): its ``polarity`` and ``certainty``.

    Only positive, asserted evidence makes a fact; the rest is kept and reported.

    >>> Evidence("d", 0, 4, "t").is_assertive, Evidence("d", 0, 4, "t", "negative").is_assertive
    (True, False)
    >>> Evidence("d", 0, 4, "t", certainty="hedged").to_json()["certainty"]
    'hedged'
    """

    doc_id: str
    start: int
    end: int
    extractor: str
    polarity: str = "positive"
    certainty: str = "asserted"

    def __post_init__(self) -> None:
        if self.polarity not in POLARITIES:
            raise ValueError(f"unknown polarity {self.polarity!r}")
        if self.certainty not in CERTAINTIES:
            raise ValueError(f"unknown certainty {self.certainty!r}")

    @property
    def is_assertive(self) -> bool:
        """Does this reading state the fact as true (positive and not hedged)?"""
        return self.polarity == "positive" and self.certainty == "asserted"

    def to_json(self) -> dict:
        out = {"doc": self.doc_id, "start": self.start, "end": self.end, "extractor": self.extractor}
        if self.polarity != "positive":
            out["polarity"] = self.polarity
        if self.certainty != "asserted":
            out["certainty"] = self.certainty
        return out

    @classmethod
    def from_json(cls, data: dict) -> "Evidence":
        return cls(data["doc"], data["start"], data["end"], data["extractor"],
                   data.get("polarity", "positive"), data.get("certainty", "asserted"))


def _encode(value: object) -> object:
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    return value


def _decode(value: object) -> object:
    if isinstance(value, dict) and "decimal" in value:
        return Decimal(value["decimal"])
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    return value


@dataclass(frozen=True)
class Assertion:
    """A fact: ``subject predicate object`` with identifying ``context`` and extra ``attributes``.

    ``subject`` and node-valued ``object`` are node keys (vocabulary keys, or composite keys
    minted by :mod:`hcc_kg.keys`).  ``context`` pairs are part of the fact's identity (an
    approval's agency and line of therapy); ``attributes`` are not (a biomarker threshold
    read later merges into the same approval, and two different values are a conflict).
    """

    subject: str
    predicate: str
    object: Value
    context: tuple[tuple[str, Value], ...] = ()
    attributes: tuple[tuple[str, Value], ...] = ()
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)

    def key(self) -> str:
        """A stable hash of the fact's identity (not of its evidence or attributes).

        Worked out once per assertion (assembly asks for it several times): the assertion is
        frozen, so the key cannot go stale.
        """
        known = self.__dict__.get("_key")
        if known is None:
            ident = [self.subject, self.predicate, _encode(self.object), _encode(tuple(sorted(self.context)))]
            blob = json.dumps(ident, sort_keys=True, default=str)
            known = hashlib.sha1(blob.encode("utf-8")).hexdigest()[:16]
            object.__setattr__(self, "_key", known)
        return known

    def merge(self, other: "Assertion") -> "Assertion":
        """The same fact with evidence and attributes of both (attributes as a sorted set)."""
        return merge_all([self, other])

    @property
    def is_fact(self) -> bool:
        """Is the fact stated as true by at least one reading (see :attr:`Evidence.is_assertive`)?"""
        return any(e.is_assertive for e in self.evidence)

    def attribute_values(self, name: str) -> list[Value]:
        return [v for k, v in self.attributes if k == name]

    def context_value(self, name: str, default: Value | None = None) -> Value | None:
        return next((v for k, v in self.context if k == name), default)

    def to_json(self) -> dict:
        return {
            "key": self.key(),
            "subject": self.subject,
            "predicate": self.predicate,
            "object": _encode(self.object),
            "context": [[k, _encode(v)] for k, v in self.context],
            "attributes": [[k, _encode(v)] for k, v in self.attributes],
            "evidence": [e.to_json() for e in self.evidence],
        }

    @classmethod
    def from_json(cls, data: dict) -> "Assertion":
        return cls(
            data["subject"],
            data["predicate"],
            _decode(data["object"]),
            tuple((k, _decode(v)) for k, v in data.get("context", [])),
            tuple((k, _decode(v)) for k, v in data.get("attributes", [])),
            tuple(Evidence.from_json(e) for e in data.get("evidence", [])),
        )


def merge_all(group: list[Assertion]) -> Assertion:
    """One fact from several readings of it: pooled evidence and attributes, sorted once
    (merging pairwise re-sorts the growing evidence at every step: quadratic for a fact
    read in every document).

    >>> a = Assertion("x", "inhibits", "y", evidence=(Evidence("d2", 0, 1, "t"),))
    >>> b = Assertion("x", "inhibits", "y", evidence=(Evidence("d1", 0, 1, "t"),))
    >>> [e.doc_id for e in merge_all([a, b]).evidence]
    ['d1', 'd2']
    """
    first = group[0]
    if len(group) == 1:
        return first
    if any(other.key() != first.key() for other in group[1:]):
        raise ValueError("can only merge assertions with the same key")
    evidence = tuple(sorted({e for a in group for e in a.evidence}))
    attributes = tuple(sorted({x for a in group for x in a.attributes}, key=repr))
    return replace(first, evidence=evidence, attributes=attributes)


def sorted_assertions(assertions: Iterable[Assertion]) -> list[Assertion]:
    """Assertions in a deterministic order (subject, predicate, key)."""
    return sorted(assertions, key=lambda a: (a.subject, a.predicate, a.key()))
