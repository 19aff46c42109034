"""Argument types for numeric command-line options, checked once at parse time.

Each factory takes the option's name for the message and returns a callable for argparse's
``type=``.  A bad value raises :class:`BadParameterError` (exit code 9), which argparse does
not catch (it only catches ``ValueError``/``TypeError``), so it reaches ``cli.main`` and its
one translation of the exception tree into exit codes.

>>> positive_int("--limit")("3")
3
>>> finite_positive_float("--timeout")("nan")
Traceback (most recent call last):
...
hcc_kg.errors.BadParameterError: --timeout must be a finite number greater than 0, got 'nan'
"""

from __future__ import annotations

import math
from typing import Callable

from ..errors import BadParameterError
from ..query.endpoint import check_endpoint_url

#: Longest digit string accepted for an integer option (far below Python's int-digit limit).
MAX_INT_DIGITS = 18


def bounded_int(option: str, low: int, high: int | None = None) -> Callable[[str], int]:
    """An integer ``low <= n`` (and ``n <= high`` when given)."""
    span = f"from {low} to {high}" if high is not None else f"{low} or more"

    def parse(text: str) -> int:
        stripped = text.strip()
        digits = stripped.lstrip("+-")
        if not digits.isascii() or not digits.isdigit() or len(digits) > MAX_INT_DIGITS:
            raise BadParameterError(f"{option} must be a whole number {span}, got {text!r}")
        value = int(stripped)
        if value < low or (high is not None and value > high):
            raise BadParameterError(f"{option} must be a whole number {span}, got {text!r}")
        return value

    return parse


def positive_int(option: str, high: int | None = None) -> Callable[[str], int]:
    """An argparse type for ``option``: an integer from 1 to ``high`` (no upper bound when None)."""
    return bounded_int(option, 1, high)


def finite_positive_float(option: str) -> Callable[[str], float]:
    """A finite float greater than 0 (no nan, inf, zero or negative values)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or value <= 0:
            raise BadParameterError(f"{option} must be a finite number greater than 0, got {text!r}")
        return value

    return parse


def endpoint_url(option: str) -> Callable[[str], str]:
    """An argparse type for an endpoint URL option (see :func:`check_endpoint_url`)."""

    def parse(text: str) -> str:
        try:
            return check_endpoint_url(text)
        except BadParameterError as exc:
            raise BadParameterError(f"{option}: {exc}") from None

    return parse


def export_formats(option: str) -> Callable[[str], tuple[str, ...]]:
    """A comma-separated list of the graph's export formats (:data:`hcc_kg.store.export.FORMATS`),
    or ``none``: the build then writes the store and its reports, but no whole-graph RDF file.

    >>> export_formats("--formats")("ntriples, turtle")
    ('ntriples', 'turtle')
    >>> export_formats("--formats")("none")
    ()
    >>> export_formats("--formats")("rdfxml")
    Traceback (most recent call last):
    ...
    hcc_kg.errors.BadParameterError: --formats takes json-ld, ntriples, turtle (comma-separated) or none, got 'rdfxml'
    """

    def parse(text: str) -> tuple[str, ...]:
        from ..store.export import GRAPH_FORMATS  # the registry's names; imported only when the option is given

        names = tuple(dict.fromkeys(n.strip() for n in text.split(",") if n.strip()))
        if names == ("none",):
            return ()
        if not names or any(n not in GRAPH_FORMATS for n in names):
            raise BadParameterError(f"{option} takes {', '.join(sorted(GRAPH_FORMATS))} (comma-separated) "
                                    f"or none, got {text!r}")
        return names
    return parse

