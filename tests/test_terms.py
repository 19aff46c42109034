"""N-Triples terms (hcc_kg.owl.terms): what the ABox writes parses back, in Oxigraph, to the value
it was made from, and literal spellings are kept apart."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
from hypothesis import given
from hypothesis import strategies as st

from hcc_kg.owl.terms import XSD, Terms


def _parsed(term: str) -> ox.Literal:
    store = ox.Store()
    store.bulk_load(f"<urn:s> <urn:p> {term} .\n".encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return next(iter(store)).object


@given(st.text())
def test_any_string_parses_back_to_itself(text):
    literal = _parsed(Terms().literal(text))
    assert literal.value == text and literal.datatype.value == XSD + "string"


@given(st.one_of(st.integers(), st.booleans(), st.decimals(allow_nan=False, allow_infinity=False, places=3)))
def test_numbers_and_booleans_keep_their_datatype(value):
    literal = _parsed(Terms().literal(value))
    kind = "boolean" if isinstance(value, bool) else "integer" if isinstance(value, int) else "decimal"
    assert literal.datatype.value == XSD + kind
    if kind == "decimal":
        assert Decimal(literal.value) == value
    else:
        assert literal.value == (str(value).lower() if kind == "boolean" else str(value))


def test_decimal_spellings_are_two_terms_and_get_a_point():
    terms = Terms()
    raw = {terms.raw_literal(Decimal(x)) for x in ("0.63", "0.630", "400")}
    assert len(raw) == 3
    assert terms.literal(Decimal("400")).startswith('"400.0"')
    assert terms.literal("x") is terms.literal("x")  # interned: one string per distinct term
