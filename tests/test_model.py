"""Tests for hcc_kg.model: documents, spans, evidence and assertions."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hcc_kg.model import Assertion, Document, Evidence, Mention, Span, sorted_assertions


def test_document_from_text_hashes_utf8_and_defaults_name():
    text = "sorafenib \u2265 400 ng/ml"
    doc = Document.from_text("d7", text)
    assert doc.name == "d7"
    assert doc.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert Document.from_text("d7", text, name="d7.txt").name == "d7.txt"


def test_span_rejects_bad_ranges_and_covers():
    with pytest.raises(ValueError):
        Span(5, 4)
    with pytest.raises(ValueError):
        Span(-1, 2)
    assert Span(3, 3).cover(Span(10, 12)) == Span(3, 12)
    assert Span(4, 9).cover(Span(5, 6)) == Span(4, 9)


def test_mention_span():
    assert Mention(2, 7, "met", "MET").span == Span(2, 7)


def test_evidence_json_round_trip():
    ev = Evidence("doc", 3, 9, "table-approval")
    assert ev.to_json() == {"doc": "doc", "start": 3, "end": 9, "extractor": "table-approval"}
    assert Evidence.from_json(ev.to_json()) == ev


def test_key_depends_on_subject_predicate_object_and_context():
    base = Assertion("x", "approvedFor", "hcc", (("agency", "fda"), ("line", "first_line")))
    assert base.key() != Assertion("y", "approvedFor", "hcc", base.context).key()
    assert base.key() != Assertion("x", "inhibits", "hcc", base.context).key()
    assert base.key() != Assertion("x", "approvedFor", "crc", base.context).key()
    assert base.key() != Assertion("x", "approvedFor", "hcc", (("agency", "fda"), ("line", "second_line"))).key()


def test_key_ignores_context_order_attributes_and_evidence():
    a = Assertion("x", "approvedFor", "hcc", (("agency", "fda"), ("line", "first_line")),
                  (("therapy_mode", "monotherapy"),), (Evidence("d1", 0, 4, "t"),))
    b = Assertion("x", "approvedFor", "hcc", (("line", "first_line"), ("agency", "fda")),
                  (("therapy_mode", "combination therapy"),), (Evidence("d2", 5, 9, "s"),))
    assert a.key() == b.key()


def test_key_distinguishes_value_types():
    assert Assertion("x", "p", "1").key() != Assertion("x", "p", 1).key()
    assert Assertion("x", "p", Decimal("1.5")).key() != Assertion("x", "p", "1.5").key()
    assert Assertion("x", "p", True).key() != Assertion("x", "p", "True").key()


def test_merge_pools_evidence_and_attributes():
    e1, e2 = Evidence("d2", 0, 5, "t"), Evidence("d1", 7, 9, "s")
    a = Assertion("x", "p", "y", attributes=(("m", "one"),), evidence=(e1,))
    b = Assertion("x", "p", "y", attributes=(("m", "two"), ("m", "one")), evidence=(e2, e1))
    merged = a.merge(b)
    assert merged.evidence == (e2, e1)  # sorted, deduplicated: d1 before d2
    assert sorted(merged.attribute_values("m")) == ["one", "two"]
    assert len(merged.attributes) == 2


def test_merge_refuses_different_facts():
    with pytest.raises(ValueError):
        Assertion("x", "p", "y").merge(Assertion("x", "p", "z"))


def test_attribute_and_context_lookups():
    a = Assertion("x", "p", "y", (("agency", "fda"),), (("biomarker", "afp"), ("biomarker", "gpc3")))
    assert a.context_value("agency") == "fda"
    assert a.context_value("line") is None
    assert a.context_value("line", "none") == "none"
    assert a.attribute_values("biomarker") == ["afp", "gpc3"]
    assert a.attribute_values("other") == []


def test_equality_ignores_evidence():
    assert Assertion("x", "p", "y", evidence=(Evidence("d", 0, 1, "t"),)) == Assertion("x", "p", "y")


def test_to_json_encodes_decimals_and_includes_key():
    a = Assertion("x", "approvedFor", "hcc", attributes=(("biomarker_threshold", Decimal("400.0")),))
    data = a.to_json()
    assert data["key"] == a.key()
    assert data["attributes"] == [["biomarker_threshold", {"decimal": "400.0"}]]
    back = Assertion.from_json(json.loads(json.dumps(data)))
    value = back.attribute_values("biomarker_threshold")[0]
    assert isinstance(value, Decimal) and str(value) == "400.0"


def test_from_json_tolerates_missing_optional_lists():
    a = Assertion.from_json({"subject": "x", "predicate": "p", "object": "y"})
    assert (a.context, a.attributes, a.evidence) == ((), (), ())


def test_sorted_assertions_is_deterministic():
    items = [Assertion("b", "p", "1"), Assertion("a", "q", "1"), Assertion("a", "p", "2"), Assertion("a", "p", "1")]
    out = sorted_assertions(items)
    assert [(a.subject, a.predicate) for a in out] == [("a", "p"), ("a", "p"), ("a", "q"), ("b", "p")]
    assert sorted_assertions(reversed(items)) == out


# --- properties ---------------------------------------------------------------------------

names = st.text(min_size=1, max_size=12)
values = st.one_of(
    st.text(max_size=12),
    st.integers(-10**12, 10**12),
    st.booleans(),
    st.decimals(allow_nan=False, allow_infinity=False),
)
evidence = st.builds(Evidence, st.text(max_size=8), st.integers(0, 10**6), st.integers(0, 10**6), st.text(max_size=8))
pairs = st.lists(st.tuples(names, values), max_size=4).map(tuple)
assertions = st.builds(
    Assertion, names, names, values,
    st.lists(st.tuples(names, values), max_size=4, unique_by=lambda kv: kv[0]).map(tuple),
    pairs,
    st.lists(evidence, max_size=3).map(tuple),
)


def _identical(a: Assertion, b: Assertion) -> bool:
    """Equal including evidence and the exact types of every value (1 vs True vs 1.0)."""
    def typed(x):
        return (type(x).__name__, str(x))
    return (a == b and a.evidence == b.evidence
            and typed(a.object) == typed(b.object)
            and [(k, typed(v)) for k, v in a.context] == [(k, typed(v)) for k, v in b.context]
            and [(k, typed(v)) for k, v in a.attributes] == [(k, typed(v)) for k, v in b.attributes])


@settings(max_examples=200, deadline=None)
@given(assertions)
def test_json_round_trip(a):
    data = json.loads(json.dumps(a.to_json()))
    back = Assertion.from_json(data)
    assert _identical(back, a)
    assert back.key() == a.key() == data["key"]


@settings(max_examples=100, deadline=None)
@given(assertions, st.lists(evidence, max_size=3).map(tuple), pairs)
def test_key_ignores_evidence_and_attributes(a, other_evidence, other_attributes):
    b = Assertion(a.subject, a.predicate, a.object, tuple(reversed(a.context)), other_attributes, other_evidence)
    assert b.key() == a.key()
    merged = a.merge(b)
    assert set(merged.evidence) == set(a.evidence) | set(other_evidence)
    assert merged.key() == a.key()


@settings(max_examples=100, deadline=None)
@given(assertions, names)
def test_key_changes_with_subject(a, subject):
    b = Assertion(subject, a.predicate, a.object, a.context)
    assert (b.key() == a.key()) == (subject == a.subject)
