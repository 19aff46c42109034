"""Hazard ratios in the spellings papers and news use (invented numbers and phrases)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from hcc_kg.extract.effects import decimal_text, parse_hazard_ratios


def only(text: str):
    found = parse_hazard_ratios(text)
    assert len(found) == 1, found
    return found[0]


D = Decimal


@pytest.mark.parametrize("text, value, ci, level, p, cmp", [
    ("death (hazard ratio [HR], 0.74; 95% confidence interval [CI], 0.61 to 0.88)", "0.74", ("0.61", "0.88"), "95", None, None),
    ("HR = 0.67, 95% CI = 0.51–0.84", "0.67", ("0.51", "0.84"), "95", None, None),
    ("(HR, 0.72; 95% CI, 0.57–0.87; P < .001)", "0.72", ("0.57", "0.87"), "95", "0.001", "<"),
    ("hazard ratio 0·73 (95% CI 0·58–0·89)", "0.73", ("0.58", "0.89"), "95", None, None),
    ("an HR of 0.81 [95% CI: 0.62, 0.94]", "0.81", ("0.62", "0.94"), "95", None, None),
    ("HR 0.77 (96% CI, 0.63-0.93)", "0.77", ("0.63", "0.93"), "96", None, None),
    ("HR 0.69 (99% CI 0.52 to 0.91)", "0.69", ("0.52", "0.91"), "99", None, None),
    ("hazard ratio, 0.79; 95.003% CI, 0.66 to 0.94", "0.79", ("0.66", "0.94"), "95.003", None, None),
    ("OS was longer (HR 0.82 (0.68–0.96))", "0.82", ("0.68", "0.96"), None, None, None),
    ("median OS 20.1 vs 18.3 months (HR 0.830; P=0.0311)", "0.830", None, None, "0.0311", "="),
    ("(HR = 0.87, 95% CI = 0.71–1.05, P = .081)", "0.87", ("0.71", "1.05"), "95", "0.081", "="),
    ("(HR: 0.61, P = 0.0004)", "0.61", None, None, "0.0004", "="),
    ("HR of 0.57 (95% CI 0.39, 0.82, P = 0.0011)", "0.57", ("0.39", "0.82"), "95", "0.0011", "="),
    ("a hazard ratio (HR) of 0.93 (95% confidence interval [CI] = 0.80–1.07)", "0.93", ("0.80", "1.07"), "95", None, None),
    ("HR ≤ not printed; HR 0.75, p ≤ 0.01", "0.75", None, None, "0.01", "<="),
])
def test_spellings(text, value, ci, level, p, cmp):
    hr = only(text)
    assert (hr.value, hr.text) == (D(value), value)
    assert (hr.ci_lower, hr.ci_upper) == ((D(ci[0]), D(ci[1])) if ci else (None, None))
    assert hr.ci_level == (D(level) if level else None)
    assert (hr.p_value.value if hr.p_value else None) == (D(p) if p else None)
    assert hr.p_comparator == cmp


@pytest.mark.parametrize("text, level", [
    ("(hazard ratio [HR], 0.58, 95 percent confidence interval [CI], 0.42–0.77; p<0.001)", "95"),
    ("HR, 0.58, 90 percent CI, 0.42-0.77", "90"),
    ("a hazard ratio of 0.58 (95 per cent CI 0.42 to 0.77)", "95"),
    ("HR [95 percent CI]: 0.58 [0.42-0.77]", "95"),
])
def test_an_intervals_level_spelled_percent(text, level):
    """News items spell the level out ("95 percent CI"): the interval is still the ratio's."""
    hr = only(text)
    assert (hr.value, hr.ci_lower, hr.ci_upper, hr.ci_level) == (D("0.58"), D("0.42"), D("0.77"), D(level))


def test_two_sided_p_value_is_kept_over_the_one_sided():
    hr = only("(hazard ratio [HR], 1.27; one-sided P = .9980; two-sided P = .0021)")
    assert (hr.value, hr.p_value.value, hr.p_value.sided) == (D("1.27"), D("0.0021"), "two")


def test_the_only_one_sided_p_value_is_kept():
    hr = only("HR, 1.18; one-sided P = .9712")
    assert (hr.p_value.value, hr.p_value.sided) == (D("0.9712"), "one")


def test_label_says_what_and_whom():
    hr = only("the hazard ratio for death with zorbanib as compared with placebo was 0.61 (95% CI, 0.45 to 0.80)")
    assert hr.label == "for death with zorbanib as compared with placebo"
    assert hr.value == D("0.61")


def test_a_label_may_code_and_date_the_analysis_it_comes_from():
    hr = only("The HR for OS at IA2 (data cut-off 3 May 2019) was 0.81 (95% CI: 0.70-0.95, P=0.011).")
    assert (hr.value, hr.ci_lower, hr.ci_upper, hr.label) == (D("0.81"), D("0.70"), D("0.95"),
                                                              "for OS at IA2 (data cut-off 3 May 2019)")
    assert parse_hazard_ratios("HRs for OS in the 3 dose groups were 0.9 and 0.8") == []  # a count is no code


def test_a_label_may_hold_an_aside_in_words():
    # "HR for OS (Zb/Pl) was ...", "HR for TTP (central review) was ...": a parenthesis of words names the pair or the
    # assessment, and the estimate follows it; a parenthesis holding numbers is no such aside
    hr = only("The hazard ratio (HR) for OS (Zb/Pl) was 0.74 (95% CI: 0.58, 0.91; p=0.004).")
    assert (hr.value, hr.ci_lower, hr.ci_upper, hr.label) == (D("0.74"), D("0.58"), D("0.91"), "for OS (Zb/Pl)")
    hr = only("HR for TTP (central review) was 0.62 (95% CI: 0.47, 0.80)")
    assert (hr.value, hr.label) == (D("0.62"), "for TTP (central review)")
    hr = only("the HR for PFS (zorbanib versus placebo) was 0.55 (95% CI, 0.41-0.73)")
    assert hr.value == D("0.55")
    assert parse_hazard_ratios("the HR for OS (3 of 5 sites) was 0.81") == []  # an aside holds no numbers


def test_ranges_of_subgroup_ratios_are_not_estimates():
    assert parse_hazard_ratios("subgroup HRs ranged from 0.71 to 1.14") == []


def test_a_whole_number_after_hr_is_not_an_estimate():
    assert parse_hazard_ratios("infused over 1 HR of 2 hours") == []


def test_an_interval_that_misses_the_estimate_is_dropped():
    hr = only("HR 0.91 (12.1-14.9)")
    assert hr.value == D("0.91") and hr.ci_lower is None


def test_several_in_one_sentence_in_order():
    found = parse_hazard_ratios("PFS (HR = 0.64, 95% CI = 0.55-0.75), TTP (HR = 0.61, 95% CI = 0.51-0.72)")
    assert [h.value for h in found] == [D("0.64"), D("0.61")]


def test_offsets_cover_the_estimate():
    text = "risk of death (HR, 0.70; 95% CI, 0.58 to 0.86; P < .001) overall"
    hr = only(text)
    assert text[hr.start:hr.end] == "HR, 0.70; 95% CI, 0.58 to 0.86; P < .001"


def test_decimal_text():
    assert (decimal_text("0·92"), decimal_text(".075")) == ("0.92", "0.075")


_DECIMALS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9.99"), places=2, allow_nan=False)


@given(st.lists(_DECIMALS, min_size=3, max_size=3, unique=True),
       st.sampled_from(["95", "96", "99", "95.003"]),
       st.sampled_from([" to ", "-", "–", ", "]))
def test_round_trip_hr_ci(numbers, level, dash):
    low, value, high = sorted(numbers)
    text = f"(HR, {value}; {level}% CI, {low}{dash}{high})"
    hr = only(text)
    assert (hr.value, hr.ci_lower, hr.ci_upper, hr.ci_level) == (value, low, high, Decimal(level))
    assert hr.ci_text == f"{low}-{high}"


@given(_DECIMALS, st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("0.9999"), places=4),
       st.sampled_from(["·", "."]))
def test_round_trip_middle_dot_and_p(value, p, point):
    printed = str(value).replace(".", point)
    hr = only(f"hazard ratio {printed}; P = {str(p).lstrip('0')}")
    assert (hr.value, hr.p_value.value) == (value, p)


@pytest.mark.parametrize("text, p", [
    ("HR 0.71 (95% CI 0.60-0.84), log-rank P = 0.0002", "0.0002"),
    ("HR 0.71; 95% CI 0.60-0.84; P-value = 0.03", "0.03"),
    ("HR 0.71, stratified p < 0.001", "0.001"),
])
def test_p_value_variants(text, p):
    assert only(text).p_value.value == D(p)


def test_label_end_marks_where_the_value_starts():
    text = "an HR for PFS of 0.59 (95% CI 0.47-0.74)"
    hr = only(text)
    assert text[hr.label_end:hr.label_end + 4] == "0.59" and hr.label == "for PFS"


def test_a_ratio_labelled_by_the_group_and_no_ratio_in_a_range():
    [hr] = parse_hazard_ratios("OS (hazard ratio in the zorbanib group, 0.69; 95% confidence interval, 0.55 to 0.87)")
    assert (hr.value, hr.label, hr.ci_text) == (Decimal("0.69"), "in the zorbanib group", "0.55-0.87")
    assert parse_hazard_ratios("hazard ratios in subgroups ranged from 0.70 to 1.10") == []


def test_a_dashed_range_after_a_comma_closing_the_parenthesis_is_the_interval():
    from hcc_kg.extract.effects import parse_hazard_ratios
    hr = parse_hazard_ratios("versus 11.0 months (95% CI, 9.4-12.9; HR 0.88, 0.75-1.02) with felotinib")[0]
    assert (str(hr.value), str(hr.ci_lower), str(hr.ci_upper)) == ("0.88", "0.75", "1.02")
    assert parse_hazard_ratios("(HR 0.88, 12-14 months later)")[0].ci_lower is None


def test_the_intervals_level_printed_once_before_the_numbers():
    for text in ("OS (HR[95% CI]: 0.86[0.70-1.06], p= 0.0755)", "PFS (HR (95% CI) 0.86 (0.70-1.06); p = 0.0755)"):
        hr = parse_hazard_ratios(text)[0]
        assert (hr.value, hr.ci_lower, hr.ci_upper, hr.ci_level) == (D("0.86"), D("0.70"), D("1.06"), D("95"))
    # an interval that does not hold the estimate is still no interval of it
    assert parse_hazard_ratios("OS (HR[95% CI]: 0.86[0.90-1.06])")[0].ci_lower is None


@pytest.mark.parametrize("text, value, ci, level", [
    ("OS favoured A (HR: 0.64, 95% CI [0.48; 0.85])", "0.64", ("0.48", "0.85"), "95"),  # bounds apart with a semicolon
    ("PFS was longer (HR 0.58 (CI 95% 0.44-0.77))", "0.58", ("0.44", "0.77"), "95"),  # level after "CI"
    ("A prolonged OS (HR; 95% CI: 0.69; 0.52-0.91; P = 0.008)", "0.69", ("0.52", "0.91"), "95"),  # a legend first
])
def test_interval_spellings_of_chinese_and_european_abstracts(text, value, ci, level):
    hr = only(text)
    assert (hr.value, hr.ci_lower, hr.ci_upper, hr.ci_level) == (D(value), D(ci[0]), D(ci[1]), D(level))


def test_a_legend_without_an_interval_gives_none():
    hr = only("OS (HR; 95% CI: 0.69; P = 0.2)")
    assert (hr.value, hr.ci_lower, hr.ci_level) == (D("0.69"), None, None)


def test_a_second_estimate_with_its_head_left_out():
    first, second = parse_hazard_ratios("The HR for OS was 0.83 (95% CI 0.70-0.98) and for PFS 0.64 (95% CI, 0.51-0.80; "
                                        "P < .001).")
    assert (first.value, first.label, first.ci_upper) == (D("0.83"), "for OS", D("0.98"))
    assert (second.value, second.label, second.ci_lower, second.ci_upper, second.p_value.value) == \
        (D("0.64"), "for PFS", D("0.51"), D("0.80"), D("0.001"))
    # without an interval of its own, a number after "and for" is no estimate
    assert len(parse_hazard_ratios("The HR for OS was 0.83 (95% CI 0.70-0.98) and for PFS, 6.3 months (95% CI "
                                   "5.1-7.0) were reported")) == 1


@pytest.mark.parametrize("text, ci", [
    ("longer survival (10.1 vs. 8.4 months) with zorbanib (HR = 0.74; 0.58-0.93)", ("0.58", "0.93")),
    ("progression-free survival (HR 0.52; 0.41–0.66) was also better", ("0.41", "0.66")),
    ("(HR = 0.74; 1.10-1.30)", None),  # an interval that does not hold the estimate is something else's
])
def test_a_bare_interval_after_a_semicolon_closing_the_parenthesis(text, ci):
    hr = only(text)
    assert (hr.ci_lower, hr.ci_upper) == ((D(ci[0]), D(ci[1])) if ci else (None, None))


@pytest.mark.parametrize("sentence, expected", [
    ("Zorbanib reduced the risk of death by 30% (HR 0.70; 95% CI 0.58-0.85) and the risk of disease progression by "
     "40% (HR 0.60; 95% CI 0.50-0.72).", {"os": "0.70", "pfs": "0.60"}),
    ("Zorbanib showed a 43% lower risk of all-cause mortality (HR 0.57); median OS was not reached. Zorbanib also "
     "lowered the risk of progression by 44% (HR 0.56); median PFS was 4.6 months.", {"os": "0.57", "pfs": "0.56"}),
])
def test_a_ratio_after_the_risk_it_reduces_measures_that_risks_endpoint(sentence, expected):
    from test_abstracts import facts
    found = facts("ZETA-3 results\n\nIn the phase 3 ZETA-3 trial, 500 adults were randomised to zorbanib or "
                  "felotinib. " + sentence + "\n")
    got = {a.object: str(a.attribute_values("hazard_ratio")[0]) for a in found if a.predicate == "hasEffectEstimate"}
    assert got == expected


@pytest.mark.parametrize("text", [
    "(stratified hazard ratio [sHR], 0.85; 95% CI, 0.712-1.019; P =.0398)",
    "an invented sHR of 0.85 (95% CI 0.712-1.019)",
    "the made-up aHR was 0.85 (0.712-1.019)",
])
def test_a_stratified_or_adjusted_ratio_abbreviated_so_is_a_hazard_ratio(text):
    [hr] = parse_hazard_ratios(text)
    assert (hr.value, hr.ci_lower, hr.ci_upper) == (Decimal("0.85"), Decimal("0.712"), Decimal("1.019"))


@pytest.mark.parametrize("verb", ["stood at", "came to", "amounted to"])
def test_a_ratio_reported_with_a_verb_of_amount_is_read(verb):
    ratios = parse_hazard_ratios(f"In the invented trial the hazard ratio {verb} 0.79 (95% CI 0.60-0.97).")
    assert [(r.value, r.ci_lower, r.ci_upper) for r in ratios] == [(Decimal("0.79"), Decimal("0.60"), Decimal("0.97"))]
