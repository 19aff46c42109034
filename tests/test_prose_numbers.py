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


def test_the_unit_of_the_first_of_a_compared_pair_that_ends_its_clause():
    assert values("median PFS was 2.6 months versus 2.4 (P = 0.07)") == [("2.6", "months"), ("2.4", "months")]
    assert values("the ORR was 24% vs. 9, respectively") == [("24", "%"), ("9", "%")]
    assert values("PFS was 2.6 months compared with 2.4.") == [("2.6", "months"), ("2.4", "months")]
    # a bare number going on into other words is no value of the pair
    assert values("OS was 12 months vs 30 patients in the other group") == [("12", "months")]


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


def test_weeks_are_a_unit_of_their_own():
    assert values("Median TTP was 27.3 weeks versus 6.4 weeks") == [("27.3", "weeks"), ("6.4", "weeks")]
    assert values("median OS 72.7 vs. 64.9 wks") == [("72.7", "weeks"), ("64.9", "weeks")]
    assert values("TTP was 27\u00b73 weeks (95% CI 16\u00b70-32\u00b71) and 6\u00b74 weeks (4\u00b74-10\u00b70)") == \
        [("27\u00b73", "weeks"), ("6\u00b74", "weeks")]


def test_a_schedule_in_weeks_is_no_value():
    for text in ("PFS was assessed every 6 weeks", "given for up to 12 weeks", "4 weeks on and 2 weeks off",
                 "survival measured 2 weeks after resection", "imaging every 8-12 weeks", "treatment for 6 weeks"):
        assert values(text) == [], text


def test_a_criteria_version_is_no_value():
    assert values("ORR was 30% per RECIST 1.1 and 41% per mRECIST") == [("30", "%"), ("41", "%")]
    assert values("ORR by RECIST version 1.1 was 30%; CTCAE v5.0 grades 3 and 4 in 12%") == [("30", "%"), ("12", "%")]
    assert values("OS was 14.6 v 13.0 months; ORR per v1.1 was 12%") == [("14.6", "months"), ("13.0", "months"), ("12", "%")]


def test_a_bound_is_no_value():
    assert values("ORR was 4% with A, compared with less than 1% with B") == [("4", "%")]
    assert values("ORR 4% vs <1%; more than 50% of patients had grade 1 events; under 5% discontinued") == [("4", "%")]


def test_a_unit_after_a_bracketed_interval():
    assert values("median PFS 4.0 [95% CI 3.7-5.5] vs 1.9 [1.8-1.9] months") == [("4.0", "months"), ("1.9", "months")]


def test_days_are_a_unit_of_their_own_and_a_cycle_in_days_is_no_value():
    assert values("median OS 195 days versus 140 days; PFS 78 vs 53 days") == [
        ("195", "days"), ("140", "days"), ("78", "days"), ("53", "days")]
    for text in ("850 mg daily, 28 days as one cycle", "on day 1 of each 21-day cycle", "within 28 days of randomisation",
                 "every 14 days", "at 30 days after the last dose"):
        assert values(text) == [], text


def test_a_slash_pairs_two_values_printed_with_one_unit():
    assert values("median OS 11.9/8.4 months; ORR 27%/9%") == [("11.9", "months"), ("8.4", "months"), ("27", "%"), ("9", "%")]
    assert values("responses in 12/40 patients") == []  # a count over its denominator is no pair of values


def test_a_bare_m_is_months_but_not_a_body_surface():
    assert values("median PFS 6.3 m vs. 4.0 m.") == [("6.3", "months"), ("4.0", "months")]
    assert values("given at 60 mg/m2 or 75 mg/m\u00b2") == []


def test_a_durations_bound_is_no_value():
    assert values("PFS was over 6 months with A versus 2.2 months with B") == [("2.2", "months")]
    assert values("OS of more than 24 months in 18% and beyond 3 years in 9%") == [("18", "%"), ("9", "%")]


def test_a_unit_printed_once_after_a_list_of_three():
    assert values("OS was 15.2, 14.9 and 12.7 months") == [("15.2", "months"), ("14.9", "months"), ("12.7", "months")]
    assert values("ORRs of 31, 24, or 6%") == [("31", "%"), ("24", "%"), ("6", "%")]
    assert values("In 2021, 2022 and 2023, 40% responded") == [("40", "%")]  # years before a value are no list of it


def test_a_list_of_time_points_takes_no_unit_as_values():
    from hcc_kg.extract.prose_numbers import masked_text, value_tokens
    for text in ("Survival rates at 6, 9, 12, and 18 months were 73.5% and 72.5%.",
                 "Survival rates by 6, 9, 12, and 18 months were 73.5% and 72.5%."):
        masked = masked_text(text)
        assert {"6", "9", "12"}.isdisjoint(t[2] for t in value_tokens(masked, 0, len(masked)))
    masked = masked_text("Survival rates at 6, 9, 12, and 18 months were 73.5% and 72.5%.")
    assert [t[2] for t in value_tokens(masked, 0, len(masked))] == ["73.5", "72.5"]


def test_a_value_glued_to_vs():
    # a missing space after "vs." parts no value from it ("21.3 vs.18.9 months")
    assert values("OS was 21.3 vs.18.9 months") == [("21.3", "months"), ("18.9", "months")]
    assert values("per RECIST v1.1 the ORR was 31%") == [("31", "%")]  # a version glued to "v" stays no value


def test_an_interval_whose_bounds_a_comma_parts_is_no_value():
    # "(CI a, b)": the bounds are no values, and the unit printed once still covers the pair
    assert values("median PFS was 6.1 (CI 4.0, 7.3) vs 3.9 (CI 2.2, 4.8) months") == [("6.1", "months"), ("3.9", "months")]
    assert values("ORR was 27% [95% CI: 18%, 38%]; DCR 70%") == [("27", "%"), ("70", "%")]


def test_a_value_after_of_is_masked_only_in_a_list_of_time_points():
    # a median's whole-number value is a value; a list of time points after "of" is no value
    assert masked_text("with a median TTP of 22 months versus 10 months") == "with a median TTP of 22 months versus 10 months"
    assert "6" not in masked_text("OS rates of 6, 12, and 18 months were read")
