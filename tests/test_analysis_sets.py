"""Results printed side by side for two analysis populations (invented drugs, trials and numbers)."""

from __future__ import annotations

from decimal import Decimal

from hcc_kg.extract.analysis_sets import parallel_brackets, population_at
from hcc_kg.extract.effects import parse_hazard_ratios
from test_abstracts import facts

RESULT = ("Methods: In the randomized phase 3 TOPAZ-7 trial, patients received zorbanib or felotinib. "
          "Results: Zorbanib gave longer median OS than felotinib in both the FAS (14.2 vs 11.0 months, hazard ratio "
          "0.812, 95% CI 0.701-0.941, p = 0.006) and the ITT population (13.9 vs 10.8 months, 0.825, 0.712-0.956, "
          "p = 0.011).")


def read(text: str) -> tuple[set[tuple], set[tuple]]:
    """({(arm agent, median OS, population)}, {(hazard ratio, CI lower, CI upper, level, p, population)})."""
    found = facts("Zorbanib versus felotinib in liver cancer\n\n" + text)
    values = {(a.subject.split("__", 2)[-1], a.attribute_values("value")[0], a.context_value("analysis_population"))
              for a in found if a.predicate == "hasMeasurement" and a.object == "os"}
    ratios = {(*(a.attribute_values(k)[0] for k in ("hazard_ratio", "ci_lower", "ci_upper", "ci_level", "p_value")),
               a.context_value("analysis_population")) for a in found if a.predicate == "hasEffectEstimate"}
    return values, ratios


def test_both_populations_give_the_arms_their_values_and_the_trial_its_ratios_each_named():
    values, ratios = read(RESULT)
    assert values == {("zorbanib", D("14.2"), "FAS"), ("felotinib", D("11.0"), "FAS"),
                      ("zorbanib", D("13.9"), "ITT"), ("felotinib", D("10.8"), "ITT")}
    assert ratios == {(D("0.812"), D("0.701"), D("0.941"), D("95"), D("0.006"), "FAS"),
                      (D("0.825"), D("0.712"), D("0.956"), D("95"), D("0.011"), "ITT")}


def test_one_population_named_alone_gives_its_values_no_population():
    values, ratios = read(RESULT.split(" in both")[0] + " in the ITT population (13.9 vs 10.8 months, hazard ratio "
                          "0.825, 95% CI 0.712-0.956, p = 0.011).")
    assert values == {("zorbanib", D("13.9"), None), ("felotinib", D("10.8"), None)}
    assert [r[-1] for r in ratios] == [None]


def test_each_population_bracket_may_print_its_own_head():
    text = ("OS favoured zorbanib in the intention-to-treat population (9.4 vs 7.7 months; HR 0.80, 95% CI 0.66-0.97) "
            "and in the per-protocol set (9.9 vs 7.5 months; HR 0.74, 95% CI 0.60-0.91).")
    assert [(hr.value, hr.population) for hr in parse_hazard_ratios(text)] == [(D("0.80"), "ITT"),
                                                                             (D("0.74"), "per-protocol")]


def test_a_name_with_its_abbreviation_or_one_population_alone_is_no_pair():
    assert parallel_brackets("Of the intention-to-treat (ITT) set, 659 were in the FAS (328 vs 331).") == []
    assert parallel_brackets("In the FAS (12.1 vs 10.3 months, HR 0.83), OS was longer.") == []
    text = "in both ITT (1.0 vs 2.0) and mITT (1.1 vs 2.1)"
    brackets = parallel_brackets(text)
    assert [population_at(brackets, text.index(n)) for n in ("1.0", "1.1")] == ["ITT", "mITT"]


def test_a_bare_estimate_whose_interval_does_not_hold_it_is_no_ratio():
    text = "in both FAS (5.1 vs 4.0 months, HR 0.81, 95% CI 0.70-0.94) and ITT (5.0 vs 4.1 months, 0.99, 0.70-0.94)"
    assert [(hr.value, hr.population) for hr in parse_hazard_ratios(text)] == [(D("0.81"), "FAS")]


D = Decimal
