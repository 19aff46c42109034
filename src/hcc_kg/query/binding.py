"""Safe parameter binding: user text → RDF terms → bindings; never pasted into a query.

Each parameter type has a parser (:data:`PARSERS`): numbers become typed literals after
validation, strings plain literals, and ``iri`` / ``class`` / ``property`` parameters
are resolved to an IRI, either written out (``<…>``, ``http…``, a CURIE with one of
:data:`PREFIXES`, expanded by hcc_kg.ids) or looked up by name, synonym or identifier in the graph itself
(:class:`NameIndex`).  Backends then bind the terms natively (rdflib ``initBindings``) or,
for pyoxigraph (whose optimizer plans with it) and remote endpoints, through a ``VALUES``
block built by :func:`with_values` from each term's own SPARQL serialization (integers and
decimals as bare number tokens, everything else escaped so that it cannot leave its token).

>>> from rdflib import Literal, URIRef
>>> sparql_term(Literal('say "hi"\\n'))
'"say \\\\"hi\\\\"\\\\n"'
>>> sparql_term(Literal("0.8", datatype=XSD_DECIMAL)), sparql_term(Literal("2020", datatype=URIRef(XSD + "gYear")))
('0.8', '"2020"^^<http://www.w3.org/2001/XMLSchema#gYear>')
>>> with_values("SELECT ?x WHERE { ?x ?p ?o }", {"o": URIRef("urn:a")})
'SELECT ?x WHERE {\\nVALUES (?o) { (<urn:a>) }\\n ?x ?p ?o }'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Callable, Iterable, Mapping

from rdflib import Literal, URIRef
from rdflib.term import Node

from .. import ids
from ..errors import BadParameterError, QueryError
from ..ids import GRAPH_NAMESPACES
from ..vocab import ONTOLOGY_NS, RESOURCE_NS, name_key
from .library import CompetencyQuery
from .results import XSD

XSD_DECIMAL = URIRef(XSD + "decimal")
XSD_INTEGER = URIRef(XSD + "integer")
PREFIXES = GRAPH_NAMESPACES  # the namespaces the graph binds (hcc_kg.ids)
# IRIREF of the SPARQL grammar, with a scheme: nothing that could close the <...>.
IRI_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*")
_CURIE = re.compile(r"([A-Za-z][\w\-.]*):([\w\-.]+)")
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
# SPARQL's own INTEGER and DECIMAL tokens (a decimal token needs a point and a digit after it).
# Unsigned only: rdflib's parser fails to negate some decimal tokens (-0.000001).
_NUMERIC_TOKENS = {XSD_INTEGER: re.compile(r"\d+"), XSD_DECIMAL: re.compile(r"\d*\.\d+")}
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
#: Where a name may come from; lower ranks win ties (labels before identifiers).
NAME_SOURCES = {"label": 0, "altLabel": 0, "trialName": 1, "nctId": 1, "identifier": 2, "documentId": 2}
KIND_RANK = {"individual": 0, "class": 1, "property": 2}
KINDS_FOR = {"iri": ("individual", "class", "property", "other"), "class": ("class",), "property": ("property",)}
_PROLOGUE = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in ("rdfs", "skos", "owl", "hcc"))
# Two simple queries joined in Python: one combined query runs 8x slower on rdflib.
NAME_QUERY = _PROLOGUE + "SELECT ?s ?name ?source WHERE {\n  " + "\n  UNION ".join(
    f'{{ ?s {p} ?name BIND ("{source}" AS ?source) }}' for p, source in (
        ("rdfs:label", "label"), ("skos:altLabel", "altLabel"), ("hcc:trialName", "trialName"),
        ("hcc:nctId", "nctId"), ("hcc:identifier", "identifier"), ("hcc:documentId", "documentId"))) + "\n}"
KIND_QUERY = _PROLOGUE + """SELECT ?s ?kind WHERE {
  VALUES (?type ?kind) { (owl:NamedIndividual "individual") (owl:Class "class") (owl:ObjectProperty "property")
                         (owl:DatatypeProperty "property") (owl:AnnotationProperty "property") (hcc:Evidence "evidence") }
  ?s a ?type .
}"""


def _key(name: str) -> str:
    return name_key(name)  # the matcher's own normalization: PD-L1 = pdl1


@dataclass(frozen=True)
class Candidate:
    """An entity a parameter value may name: its IRI, how it matched (``kind``) and its rank among candidates."""

    iri: str
    kind: str
    rank: tuple


@dataclass(frozen=True)
class NameIndex:
    """Names (labels, synonyms, trial names, NCT numbers, identifiers, local names) → IRIs."""

    entries: Mapping[str, tuple[Candidate, ...]]

    @classmethod
    def from_rows(cls, names: Iterable[Mapping[str, object]], kinds: Iterable[Mapping[str, object]]) -> "NameIndex":
        """Build from the rows of :data:`NAME_QUERY` and :data:`KIND_QUERY` (evidence records left out)."""
        kind_of: dict[str, set[str]] = {}
        for row in kinds:
            kind_of.setdefault(str(row["s"]), set()).add(str(row["kind"]))
        found: dict[str, dict[str, Candidate]] = {}

        def add(name: str, iri: str, kind: str, source_rank: int) -> None:
            rank = (KIND_RANK.get(kind, 3), source_rank, iri)
            bucket = found.setdefault(_key(name), {})
            if iri not in bucket or rank < bucket[iri].rank:
                bucket[iri] = Candidate(iri, kind, rank)

        for row in names:
            iri = str(row["s"])
            kinds_here = kind_of.get(iri, set())
            if "evidence" in kinds_here or not isinstance(row["s"], str) or iri.startswith("_:"):
                continue
            kind = min(kinds_here, key=lambda k: KIND_RANK.get(k, 3), default="other")
            add(str(row["name"]), iri, kind, NAME_SOURCES.get(str(row.get("source")), 3))
            for ns in (RESOURCE_NS, ONTOLOGY_NS):
                if iri.startswith(ns):
                    add(iri[len(ns):], iri, kind, 0)
        return cls({k: tuple(sorted(v.values(), key=lambda c: c.rank)) for k, v in found.items()})

    def resolve(self, text: str, kinds: tuple[str, ...] = KINDS_FOR["iri"]) -> URIRef:
        """The IRI a name refers to: by kind (individual, class, property), exact key, name source, IRI."""
        candidates = [c for c in self.entries.get(_key(text), ()) if c.kind in kinds]
        if not candidates:
            what = kinds[0] if len(kinds) == 1 else "entity"
            raise QueryError(f"no {what} named {text!r} in the graph (give a label, synonym, identifier, "
                             "CURIE such as hccr:sorafenib, or a full IRI)")

        def preference(c: Candidate) -> tuple:
            local = c.iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
            return (c.rank[0], local != text, c.rank)  # individuals first; then one whose key is the text

        return URIRef(min(candidates, key=preference).iri)


def explicit_iri(text: str) -> URIRef | None:
    """An IRI written out by the user (``<…>``, an absolute IRI, or a CURIE with a known prefix)."""
    stripped = text.strip()
    if stripped.startswith("<") and stripped.endswith(">"):
        stripped = stripped[1:-1]
        if not IRI_PATTERN.fullmatch(stripped):
            raise QueryError(f"not a valid IRI: {text!r}")
        return URIRef(stripped)
    curie = _CURIE.fullmatch(stripped)
    # only the graph's own prefixes: an identifier CURIE (CHEBI:…) names our node through NameIndex
    if curie and curie.group(1) in PREFIXES:
        return URIRef(ids.expand(stripped))
    if re.match(r"(https?|urn|file):", stripped) and IRI_PATTERN.fullmatch(stripped):
        return URIRef(stripped)
    return None


#: The narrowest store decides what a numeric parameter may hold, so that all backends agree:
#: Oxigraph keeps xsd:decimal as a 128-bit integer scaled by 10^18 (18 fractional digits,
#: |x| < 1.7e20) and xsd:integer as a 64-bit integer.  Longer values are refused, not rounded.
DECIMAL_MAX_FRACTION_DIGITS = 18
DECIMAL_MAX_INTEGER_DIGITS = 20
INTEGER_MAX = 2**63 - 1
INTEGER_MIN = -(2**63)


def _decimal(text: str, _names) -> Literal:
    if not _DECIMAL.fullmatch(text.strip()):
        raise QueryError(f"not a decimal number: {text!r}")
    try:
        value = Decimal(text.strip())
    except InvalidOperation as exc:  # pragma: no cover - the pattern already excludes these
        raise QueryError(f"not a decimal number: {text!r}") from exc
    lexical = format(value, "f")
    whole, _, fraction = lexical.lstrip("+-").partition(".")
    fraction = fraction.rstrip("0")
    if len(fraction) > DECIMAL_MAX_FRACTION_DIGITS or len(whole.lstrip("0")) >= DECIMAL_MAX_INTEGER_DIGITS:
        shown = text.strip() if len(text.strip()) <= 40 else text.strip()[:37] + "..."
        raise BadParameterError(
            f"decimal {shown!r} is beyond what every store can represent exactly (at most "
            f"{DECIMAL_MAX_INTEGER_DIGITS - 1} digits before the point and {DECIMAL_MAX_FRACTION_DIGITS} "
            "after it); round it")
    return Literal(lexical if "." in lexical else lexical + ".0", datatype=XSD_DECIMAL)


def _integer(text: str, _names) -> Literal:
    stripped = text.strip()
    if not _INTEGER.fullmatch(stripped):
        raise QueryError(f"not an integer: {text!r}")
    # Check the length before int(): Python refuses to convert more than 4,300 digits.
    value = int(stripped) if len(stripped.lstrip("+-").lstrip("0")) <= 19 else None
    if value is None or not INTEGER_MIN <= value <= INTEGER_MAX:
        shown = stripped if len(stripped) <= 40 else f"{stripped[:20]}... ({len(stripped)} characters)"
        raise BadParameterError(f"integer {shown!r} is out of range (a 64-bit integer, "
                                f"{INTEGER_MIN} to {INTEGER_MAX})")
    return Literal(str(value), datatype=XSD_INTEGER)


def _string(text: str, _names) -> Literal:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise QueryError(f"parameter text is not valid Unicode: {text!r}") from exc
    return Literal(text)


def _resolver(kind: str) -> Callable[[str, Callable[[], NameIndex]], URIRef]:
    def resolve(text: str, names: Callable[[], NameIndex]) -> URIRef:
        if not text.strip():
            raise QueryError(f"an empty {kind} parameter")
        return explicit_iri(text) or names().resolve(text, KINDS_FOR[kind])
    return resolve


#: Parameter type → parser(text, name index factory) → RDF term.
PARSERS: dict[str, Callable[[str, Callable[[], NameIndex]], Node]] = {
    "decimal": _decimal, "integer": _integer, "string": _string,
    "iri": _resolver("iri"), "class": _resolver("class"), "property": _resolver("property"),
}


def bind(query: CompetencyQuery, values: Mapping[str, str] | None,
         names: Callable[[], NameIndex]) -> dict[str, Node]:
    """Every parameter of ``query`` as an RDF term: the user's text, or the header's default."""
    given = dict(values or {})
    for name in given:
        query.param(name)  # raises QueryError for an unknown parameter
    return {p.name: PARSERS[p.type](given.get(p.name, p.default), names) for p in query.params}


def _escape_string(text: str) -> str:
    out = []
    for i, ch in enumerate(text):
        if ch in "uU" and i and text[i - 1] == "\\":
            # "\u" would read as a code-point escape (SPARQL 19.2); spell the letter as one, in the
            # eight-digit form, which no parser extends into the hex digits that may follow.
            out.append(f"\\U{ord(ch):08X}")
        else:
            out.append(_ECHAR.get(ch, ch))
    return "".join(out)


def sparql_term(term: Node) -> str:
    """A term written in SPARQL syntax, escaped so that no text can leave its token."""
    if isinstance(term, URIRef):
        if not IRI_PATTERN.fullmatch(str(term)):
            raise QueryError(f"not a valid IRI: {str(term)!r}")
        return f"<{term}>"
    if isinstance(term, Literal):
        _string(str(term), None)
        body = f'"{_escape_string(str(term))}"'
        if term.language:
            if not re.fullmatch(r"[A-Za-z]+(-[A-Za-z0-9]+)*", term.language):
                raise QueryError(f"bad language tag {term.language!r}")
            return f"{body}@{term.language}"
        if term.datatype in _NUMERIC_TOKENS and _NUMERIC_TOKENS[term.datatype].fullmatch(str(term)):
            # A bare number token: some stores (Virtuoso) mishandle a quoted, typed number in VALUES.
            return str(term)
        if term.datatype:
            return f"{body}^^{sparql_term(URIRef(term.datatype))}"
        return body
    raise QueryError(f"cannot bind a {type(term).__name__}")


_TOKENS = re.compile(r'''
    (?P<comment>\#[^\n]*)
  | (?P<string>"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""|\'\'\'(?:(?:\'|\'\')?(?:[^'\\]|\\.))*\'\'\'
              |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<brace>\{)
  | .
''', re.VERBOSE | re.DOTALL)


def _where_brace(query: str) -> int:
    """Offset just after the ``{`` opening the query pattern (skipping comments, strings, IRIs)."""
    for match in _TOKENS.finditer(query):
        if match.lastgroup == "brace":
            return match.end()
    raise QueryError("the query has no { … } pattern to bind parameters in")


def with_values(query: str, bindings: Mapping[str, Node]) -> str:
    """``query`` with a one-row ``VALUES`` block of ``bindings`` first in its pattern."""
    if not bindings:
        return query
    names = sorted(bindings)
    for name in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"not a variable name: {name!r}")
    row = " ".join(sparql_term(bindings[n]) for n in names)
    at = _where_brace(query)
    block = f"\nVALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}\n"
    return query[:at] + block + query[at:]
