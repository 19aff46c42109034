"""Tests for hcc_kg.extract.quantities.parse_threshold."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hcc_kg.extract.quantities import Threshold, parse_threshold


@pytest.mark.parametrize("text, comparator, number, unit", [
    ("with AFP of 400 ng/ml or higher", ">=", "400", "ng/mL"),
    ("AFP at least 20 IU/mL", ">=", "20", "IU/mL"),
    ("AFP >= 1.5 mg/dl", ">=", "1.5", "mg/dL"),
    ("AFP \u2265 10 U/ml", ">=", "10", "U/mL"),
    ("level > 200 ng/ml", ">", "200", "ng/mL"),
    ("level above 200 ng/ml", ">", "200", "ng/mL"),
    ("level over 5%", ">", "5", "%"),
    ("level < 3 ng/ml", "<", "3", "ng/mL"),
    ("level under 3 ng/ml", "<", "3", "ng/mL"),
    ("level below 3 ng/ml", "<", "3", "ng/mL"),
    ("level \u2264 7.25 ng/ml", "<=", "7.25", "ng/mL"),
    ("level <= 7 ng/ml", "<=", "7", "ng/mL"),
    ("of 50 ng/ml or lower", "<=", "50", "ng/mL"),
    ("of 50 ng/ml or less", "<=", "50", "ng/mL"),
    ("values of 50% or more", ">=", "50", "%"),
    ("exactly 12 NG/ML", "=", "12", "ng/mL"),
    ("a level of 80 ng/mL", "=", "80", "ng/mL"),
])
def test_comparators_values_and_units(text, comparator, number, unit):
    t = parse_threshold(text)
    assert t is not None
    assert (t.comparator, t.value, t.unit) == (comparator, Decimal(number), unit)


def test_offsets_cover_comparator_through_tail():
    text = "patients with AFP of 400 ng/ml or higher were eligible"
    t = parse_threshold(text)
    assert (t.start, t.end) == (text.index("of 400"), text.index(" were"))


def test_offsets_start_at_number_when_no_comparator():
    text = "dose 25 mg/dl given"
    t = parse_threshold(text)
    assert t.start == text.index("25")
    assert text[t.start:t.end] == "25 mg/dl"


def test_decimal_keeps_printed_precision():
    t = parse_threshold("cut-off 400.0 ng/ml")
    assert str(t.value) == "400.0"


def test_first_threshold_wins():
    text = "either > 10 ng/ml or < 2 ng/ml"
    t = parse_threshold(text)
    assert (t.comparator, t.value) == (">", Decimal("10"))


@pytest.mark.parametrize("text", ["no number here", "400 patients", "ng/ml alone", "", "12 mg"])
def test_no_threshold(text):
    assert parse_threshold(text) is None


def test_threshold_is_a_frozen_value():
    t = parse_threshold("AFP > 1 ng/ml")
    assert isinstance(t, Threshold)
    with pytest.raises(Exception):
        t.value = Decimal(2)  # type: ignore[misc]


# --- properties ---------------------------------------------------------------------------

_TOKENS = st.sampled_from(
    ["AFP", " ", "of", "at least", "above", "\u2265", ">=", "<", "\u2264", "or", " higher", " lower", "ng/ml",
     "IU/mL", "u/ml", "mg/dl", "%", "0", "4", "00", ".", "5", "12.5", "x", "\n"])
_INPUTS = st.one_of(st.text(max_size=40), st.lists(_TOKENS, max_size=14).map("".join))
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _check(text: str) -> None:
    t = parse_threshold(text)
    if t is None:
        return
    assert 0 <= t.start < t.end <= len(text)
    assert t.comparator in {">=", ">", "<=", "<", "="}
    assert t.unit in {"ng/mL", "IU/mL", "U/mL", "mg/dL", "%"}
    # The value is a number printed inside the matched range.
    assert any(Decimal(m.group()) == t.value for m in _NUMBER.finditer(text[t.start:t.end]))


@settings(max_examples=500, deadline=None)
@given(_INPUTS)
@example("with AFP of 400 ng/ml or higher")
@example("\u2265.5 %")
def test_parse_threshold_never_raises_and_result_lies_in_the_input(text):
    _check(text)


@pytest.mark.parametrize("text", ["AFP 5 \u0130U/ml", "AFP 5 \u0131u/ml"])
def test_turkish_i_in_unit_does_not_raise(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["ng/ml", "IU/mL", "%"]),
       st.sampled_from([("at least ", "", ">="), ("", " or higher", ">="), ("below ", "", "<"), ("", "", "=")]))
def test_round_trip_of_a_written_threshold(value, unit, wording):
    prefix, suffix, comparator = wording
    number = f"{value:f}"
    text = f"AFP {prefix}{number} {unit}{suffix}."
    t = parse_threshold(text)
    assert t is not None
    assert t.value == Decimal(number)
    assert t.comparator == comparator
    assert text[t.start:t.end] == f"{prefix}{number} {unit}{suffix}"
