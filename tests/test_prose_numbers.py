"""Which numbers are values, and in which unit (invented sentences; whose value each is: test_prose_values)."""

from __future__ import annotations

from hcc_kg.extract.prose_numbers import bare_tokens, masked_text, unit_named, value_tokens


def values(text: str) -> list[tuple[str, str]]:
    masked = masked_text(text)
    return [(number, unit) for _, _, number, unit in value_tokens(masked, 0, len(text))]


def test_months_abbreviated():
    assert values("OS was 16.1 mos vs. 12.3 mo. and 9 mo") == [("16.1", "months"), ("12.3", "months"), ("9", "months")]


def test_intervals_p_values_and_ratios_are_no_values():
    assert values("OS was 16.1 months (95% CI 14.0-18.2; HR 0.71; P = 0.02) at 24 months") == [("16.1", "months")]


def test_the_unit_of_the_first_of_two_parallel_values():
    assert values("9.4 months for A versus 7.1 for B") == [("9.4", "months"), ("7.1", "months")]
    assert values("9.4 months for A versus 7 patients") == [("9.4", "months")]  # no arm phrase after the count


def test_a_unit_named_by_the_label_covers_the_bare_numbers_outside_brackets():
    text = "Median OS in months (95% CI): 13.6 (12.1, 14.9) and 12.3 (10.4, 13.9)"
    masked = masked_text(text)
    start = text.index(" in months")
    assert unit_named(masked, start, len(text)) == "months"
    assert [t[2:] for t in bare_tokens(masked, start, len(text), "months")] == [("13.6", "months"), ("12.3", "months")]
    assert unit_named(masked_text("Median OS was 13.6 months"), 9, 25) == ""


def test_a_threshold_in_a_definition_is_no_value():
    # "an ORR (patients with a 30% or more decrease in tumour size) of 36%": the definition's 30% is a threshold
    assert values("an ORR ( patients with a 30% or more decrease in tumour size ) of 36%") == [("36", "%")]
    assert values("adverse reactions (>=20%) and at least 50% shrinkage; DCR was 81%") == [("81", "%")]
    assert values("ORR was 30% and DCR 81%") == [("30", "%"), ("81", "%")]  # a plain value stays one
