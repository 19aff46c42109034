"""Backend-neutral result rows: every store's answer normalized to the same Python values.

IRIs become :class:`IRI` (a ``str``), integer-typed literals ``int``, decimals canonical
``Decimal`` (``17.0`` and ``17`` are the same number; stores print them differently),
doubles ``Decimal`` of their shortest repr, booleans ``bool``, every other literal its
lexical form as ``str`` (language tags dropped), unbound variables ``None``.

>>> literal_value("17.0", XSD + "decimal", None), literal_value("4", XSD + "int", None)
(Decimal('17'), 4)
>>> literal_value("0.950", XSD + "decimal", None), literal_value("9.5E-1", XSD + "double", None)
(Decimal('0.95'), Decimal('0.95'))
>>> comparable(IRI("urn:x")) != comparable("urn:x")
True
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = frozenset(XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
    "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
FLOAT_TYPES = frozenset({XSD + "double", XSD + "float"})


class IRI(str):
    """An IRI in a result row; a ``str``, so it compares equal to its text."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"IRI({str.__repr__(self)})"


def canonical_decimal(value: Decimal) -> Decimal:
    """One spelling per number: integral values without a fraction, others without trailing zeros."""
    if not value.is_finite():
        return value
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    text = format(value.normalize(), "f")
    return Decimal(text)


def _number(lexical: str, datatype: str):
    try:
        if datatype in INTEGER_TYPES:
            return int(lexical.strip())
        if datatype == XSD + "decimal":
            return canonical_decimal(Decimal(lexical.strip()))
        number = float(lexical.strip())
        return canonical_decimal(Decimal(repr(number))) if math.isfinite(number) else number
    except (ValueError, InvalidOperation):
        return lexical  # an ill-typed literal keeps its text


def literal_value(lexical: str, datatype: str | None, language: str | None):
    """A literal's Python value (see the module docstring)."""
    if language:
        return lexical
    datatype = datatype or ""
    if datatype in INTEGER_TYPES or datatype in FLOAT_TYPES or datatype == XSD + "decimal":
        return _number(lexical, datatype)
    if datatype == XSD + "boolean":
        return lexical.strip() in ("true", "1")
    return lexical


def comparable(value) -> tuple | None:
    """A value tagged with its kind, so an IRI never equals a string, and 4 equals 4.0."""
    if value is None:
        return None
    if isinstance(value, IRI):
        return ("iri", str(value))
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int):
        return ("num", Decimal(value))
    if isinstance(value, Decimal):
        return ("num", canonical_decimal(value))
    if isinstance(value, float):
        return ("num", canonical_decimal(Decimal(repr(value)))) if math.isfinite(value) else ("float", repr(value))
    return ("str", str(value))


@dataclass(frozen=True)
class QueryResult:
    """Variables in projection order and one dict per solution (every variable, ``None`` if unbound)."""

    variables: tuple[str, ...]
    rows: list[dict] = field(default_factory=list)
    notes: tuple[str, ...] = ()

    def answer_set(self) -> Counter:
        """The rows as a multiset of kind-tagged tuples: equal across backends for the same answer."""
        return Counter(tuple((v, comparable(row.get(v))) for v in sorted(self.variables)) for row in self.rows)

    def column(self, name: str) -> list:
        return [row.get(name) for row in self.rows]
