"""Writing query results: an aligned table (IRIs as CURIEs), CSV (full IRIs) or JSON.

>>> from decimal import Decimal
>>> r = QueryResult(("drug", "hr"), [{"drug": IRI("https://w3id.org/hcc-kg/resource/sorafenib"), "hr": Decimal("0.69")}])
>>> print(render(r, "table"))
drug            hr
--------------  ----
hccr:sorafenib  0.69
>>> print(render(r, "csv").strip())
drug,hr
https://w3id.org/hcc-kg/resource/sorafenib,0.69
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Callable

from ..errors import QueryError
from .. import ids
from .results import IRI, QueryResult


def curie(value: str) -> str:
    """The CURIE of an IRI (hcc_kg.ids, longest matching namespace), else the IRI in angle brackets.

    >>> curie("http://purl.obolibrary.org/obo/CHEBI_85994"), curie("http://example.org/x")
    ('CHEBI:85994', '<http://example.org/x>')
    """
    found = ids.compress(value)
    return found if found else f"<{value}>"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, IRI):
        return curie(value)
    return str(value)


def _table(result: QueryResult) -> str:
    header = list(result.variables)
    cells = [[_cell(row.get(v)) for v in header] for row in result.rows]
    widths = [max(len(x) for x in column) for column in zip(header, *cells)]

    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in cells])


def _csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if row.get(v) is None else str(row.get(v)) for v in result.variables])
    return out.getvalue()


def json_value(value):
    """A JSON-ready value: exact decimals as numbers when a float keeps them, else as text."""
    if isinstance(value, Decimal):
        as_float = float(value)
        return as_float if Decimal(repr(as_float)) == value else str(value)
    if isinstance(value, IRI):
        return str(value)
    return value


def _json(result: QueryResult) -> str:
    rows = [{v: json_value(row.get(v)) for v in result.variables} for row in result.rows]
    return json.dumps({"variables": list(result.variables), "rows": rows}, indent=1, ensure_ascii=False)


FORMATS: dict[str, Callable[[QueryResult], str]] = {"table": _table, "csv": _csv, "json": _json}


def render(result: QueryResult, fmt: str) -> str:
    """A query result in output format ``fmt`` (``table``, ``csv`` or ``json``); an unknown format is a QueryError."""
    try:
        return FORMATS[fmt](result)
    except KeyError:
        raise QueryError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})") from None
