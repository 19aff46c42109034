"""RDF terms as N-Triples strings, each distinct term kept once: the ABox's compact currency.

An ABox of ten million triples is held and moved as tuples of these strings (interned, so
a term repeated a million times costs one string), written to the store as N-Triples text
and given to the reasoner's summary as is.  Literal values follow what the graph has always
held: strings plain, integers ``xsd:integer``, booleans ``xsd:boolean`` and decimals
``xsd:decimal`` with their printed precision and always a point (``"400.0"``).

>>> terms = Terms()
>>> terms.literal("a \\"b\\"\\n"), terms.literal(3), terms.literal(True)
('"a \\\\"b\\\\"\\\\n"', '"3"^^<http://www.w3.org/2001/XMLSchema#integer>', '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>')
>>> from decimal import Decimal
>>> terms.literal(Decimal("400")), terms.raw_literal(Decimal("400"))
('"400.0"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"400"^^<http://www.w3.org/2001/XMLSchema#decimal>')
>>> terms.literal(Decimal("0.63")), terms.literal(Decimal("0.630"))
('"0.63"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"0.630"^^<http://www.w3.org/2001/XMLSchema#decimal>')
"""

from __future__ import annotations

from decimal import Decimal

import rdflib

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
TYPE = f"<{RDF}type>"
NAMED_INDIVIDUAL = f"<{OWL}NamedIndividual>"
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_DATATYPES = ((bool, "boolean"), (int, "integer"), (Decimal, "decimal"))  # bool first: a bool is an int


def quote(text: str) -> str:
    """``text`` as an N-Triples string literal (no datatype: an ``xsd:string``)."""
    return '"' + text.translate(_ESCAPES) + '"'


def _lexical(value) -> tuple[str, str | None]:
    """(lexical form as stored, datatype local name or None for a plain string)."""
    for kind, datatype in _DATATYPES:
        if isinstance(value, kind):
            return (("true" if value else "false") if kind is bool else str(value)), datatype
    if isinstance(value, str):
        return value, None
    raise TypeError(f"cannot write {value!r} ({type(value).__name__}) as a literal")


class Terms:
    """Interned N-Triples terms, and the literal forms the graph writes."""

    def __init__(self) -> None:
        self._interned: dict[str, str] = {}
        self._literals: dict[tuple, str] = {}
        self._canonical: dict[str, tuple[str, str]] = {}  # raw literal -> (canonical, rdflib n3)

    def intern(self, term: str) -> str:
        """The one kept copy of ``term``."""
        return self._interned.setdefault(term, term)

    def iri(self, iri: str) -> str:
        """``<iri>``, interned."""
        return self.intern(f"<{iri}>")

    def raw_literal(self, value) -> str:
        """The literal as stated (``"400"^^xsd:decimal``): two spellings of one number stay two facts."""
        # Decimal("0.63") == Decimal("0.630"), and hashes alike: the key keeps the spelling
        key = (type(value), str(value) if type(value) is Decimal else value)
        found = self._literals.get(key)
        if found is None:
            lexical, datatype = _lexical(value)
            found = self.intern(quote(lexical) + (f"^^<{XSD}{datatype}>" if datatype else ""))
            self._literals[key] = found
            if found not in self._canonical:
                stored = rdflib.Literal(lexical, datatype=rdflib.URIRef(XSD + (datatype or "string")))
                lit = canonical_literal(stored)
                forms = (self.intern(ntriples(lit)), lit.n3())
                self._canonical[found] = forms
                self._canonical.setdefault(forms[0], forms)
        return found

    def literal(self, value) -> str:
        """The literal as the graph holds it (canonical: decimals with a point)."""
        kind = type(value)
        if kind is str:  # labels, offsets ...: millions of them, already canonical
            return self.intern(quote(value))
        if kind is int:
            return self.intern(f'"{value}"^^<{XSD}integer>')
        return self.canonical(self.raw_literal(value))

    def canonical(self, term: str) -> str:
        """A raw term's canonical form (IRIs and plain strings unchanged)."""
        if term[0] == "<" or term[-1] == '"':
            return term
        return self._canonical[term][0]

    def n3(self, term: str) -> str:
        """rdflib's ``n3()`` of a term: what an axiom's IRI is hashed from."""
        return term if term[0] == "<" else self._canonical[term][1]


def canonical_literal(node: rdflib.Literal) -> rdflib.Literal:
    """Plain strings without xsd:string; decimals always with a point (Turtle's shorthand form)."""
    if node.datatype == rdflib.XSD.string:
        return rdflib.Literal(str(node))
    if node.datatype == rdflib.XSD.decimal and "." not in str(node):
        return rdflib.Literal(f"{node}.0", datatype=rdflib.XSD.decimal)
    return node


def ntriples(node) -> str:
    """An rdflib IRI or literal as an N-Triples term.

    >>> ntriples(rdflib.Literal("chat", lang="fr")), ntriples(rdflib.URIRef("urn:x"))
    ('"chat"@fr', '<urn:x>')
    """
    if isinstance(node, rdflib.URIRef):
        return f"<{node}>"
    if node.language:
        return f"{quote(str(node))}@{node.language}"
    if node.datatype is None or node.datatype == rdflib.XSD.string:
        return quote(str(node))
    return f"{quote(str(node))}^^<{node.datatype}>"
