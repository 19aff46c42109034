"""Short forms read as their phrase, with offsets back to what was written (extract/expansion.py)."""

from __future__ import annotations

from hypothesis import given, strategies as st

from hcc_kg.extract.expansion import Expansion, expand, read_as, rewritten
from hcc_kg.extract.normalize import MappedText

AB = Expansion("A+B", (("A", "alpha"), ("+", " plus "), ("B", "beta")), since=0)


def test_each_part_of_the_reading_points_back_to_its_part_of_the_short_form():
    text = "given A+B daily"
    mapped = expand(MappedText.identity(text), (AB,))
    assert mapped.text == "given alpha plus beta daily"
    alpha = mapped.text.index("alpha")
    beta = mapped.text.index("beta")
    assert text[slice(*mapped.original_span(alpha, alpha + 5))] == "A"
    assert text[slice(*mapped.original_span(beta, beta + 4))] == "B"
    assert text[slice(*mapped.original_span(alpha, beta + 4))] == "A+B"


def test_uses_before_the_definition_and_inside_longer_words_are_left_alone():
    text = "A+B early; A+Bx; xA+B; A+B late"
    late = Expansion("A+B", AB.parts, since=text.index("late") - 4)
    assert expand(MappedText.identity(text), (late,)).text == "A+B early; A+Bx; xA+B; alpha plus beta late"


def test_the_longer_of_two_overlapping_short_forms_wins():
    longer = Expansion("A+B+C", (("A", "alpha"), ("+", " plus "), ("B", "beta"), ("+", " plus "), ("C", "gamma")), 0)
    assert expand(MappedText.identity("A+B+C"), (AB, longer)).text == "alpha plus beta plus gamma"


@given(st.text(alphabet="AB+ x.", max_size=40))
def test_offsets_never_decrease_and_stay_inside_the_text(text):
    mapped = expand(MappedText.identity(text), (AB,))
    assert list(mapped.offsets) == sorted(mapped.offsets)
    assert len(mapped.offsets) == len(mapped.text) + 1
    assert all(0 <= o <= len(text) for o in mapped.offsets)
    assert mapped.text.replace("alpha plus beta", "A+B") == text


def test_a_phrase_read_as_names_gives_each_name_and_glue_characters_of_their_own():
    parts = read_as("the combination", ["alpha", "beta", "gamma"])
    assert "".join(w for w, _ in parts) == "the combination"
    mapped = rewritten(MappedText.identity("x the combination y"), [(2, 17, parts)])
    assert mapped.text == "x alpha plus beta plus gamma y"
    spans = [mapped.original_span(mapped.text.index(n), mapped.text.index(n) + len(n)) for n in ("alpha", "beta", "gamma")]
    assert spans == [(2, 3), (4, 5), (6, 17)]
