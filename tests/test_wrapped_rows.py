"""Table rows a page's text wraps over lines (:mod:`hcc_kg.extract.wrapped_rows`), and the tables so read (invented
tables; packaged vocabulary and lexicon)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, strategies as st

from trial_facts import arm_agents, read, sizes, values
from hcc_kg.extract.wrapped_rows import with_rows_unwrapped_text

WRAPPED = ("Table 3.\nInvented results of three trials\n"
           "Regimen | Study | Phase | N | ORR |\n"
           "Median PFS (months) | Median OS (months) |\n"
           "---|---|---|---|---|---|---|\n"
           "Cabozantinib/ atezolizumab (vs. sorafenib) |\n"
           "NCT01234567 (KITE-12) (4) |\n"
           "III | 640 | 12% (95% CI, 8-17) vs. 4% (95% CI, 2-9) |\n"
           "6.1 (95% CI, 5.0-7.9) vs. 4.0 (95% CI, 3.1-6.2) |\n"
           "14.9 vs. 15.2 |\n"
           "Tremelimumab/ durvalumab |\n"
           "NCT07654321 (HERON-3) (5) |\n"
           "III | 900 | 19.5% (95% CI, NA) vs. 6.0% (95% CI, NA) |\n"
           "3.9 vs. 4.0 |\n"
           "16.1 (95% CI, 14.0-18.8) vs. 13.9 (95% CI, 12.0-15.5) |\n"
           "Abbreviations: ORR, objective response rate.\n")


def test_a_wrapped_row_is_joined_with_one_space_per_line_break():
    joined = with_rows_unwrapped_text(WRAPPED)
    assert len(joined) == len(WRAPPED)
    lines = joined.splitlines()
    assert "Regimen | Study | Phase | N | ORR | Median PFS (months) | Median OS (months) |" in lines
    assert sum(line.count("|") == 7 for line in lines) == 4  # the header, its rule and two rows, each on one line


def test_a_row_that_never_fills_the_columns_is_left_alone():
    text = "A | B | C |\n---|---|---|\nx |\ny |\nProse after the table.\n"
    assert with_rows_unwrapped_text(text) == text


@given(st.text(alphabet="ab|-\n ", max_size=200))
def test_unwrapping_keeps_every_offset(text):
    joined = with_rows_unwrapped_text(text)
    assert len(joined) == len(text)
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(text, joined))


def test_the_rows_of_a_wrapped_table_give_their_arms_and_values(vocabulary, finder):
    facts = read(WRAPPED, vocabulary, finder)
    combo = "regimen__atezolizumab__cabozantinib"
    assert {combo, "sorafenib", "regimen__durvalumab__tremelimumab"} <= arm_agents(facts)
    found = values(facts)
    assert {(combo, "orr", Decimal("12")), ("sorafenib", "orr", Decimal("4")), (combo, "pfs", Decimal("6.1")),
            ("sorafenib", "os", Decimal("15.2"))} <= found
    # a row of one arm: the first of each pair is its own, the other side unnamed
    assert {("regimen__durvalumab__tremelimumab", "orr", Decimal("19.5")),
            ("regimen__durvalumab__tremelimumab", "os", Decimal("16.1"))} <= found
    assert not any(value in (Decimal("6.0"), Decimal("13.9")) for _, _, value in found)


TWO_LEVEL = ("Table 2.\nInvented single-arm trials\n"
             "Agent | Trial | Phase | n | Response rate | Median survival | Grade 3/4 AEs | ||\n"
             "---|---|---|---|---|---|---|---|---|\n"
             "ORR | DCR | OS | PFS | |||||\n"
             "Monotherapy | ||||||||\n"
             "Tislelizumab (anti-PD1) | KITE-22 (NCT01112222) | II | 88 | 16% | 60% | 13.1 | 4.2 | 12% |\n"
             "Combination | ||||||||\n"
             "Lenvatinib + pembrolizumab | NCT03334444 | Ib | 31 | 44% | 90% | NR | 9.1 | 58% |\n")


def test_a_header_in_two_rows_names_the_columns_its_groups_span(vocabulary, finder):
    facts = read(TWO_LEVEL, vocabulary, finder)
    assert {("tislelizumab", "orr", Decimal("16")), ("tislelizumab", "dcr", Decimal("60")),
            ("tislelizumab", "os", Decimal("13.1")), ("tislelizumab", "pfs", Decimal("4.2")),
            ("regimen__lenvatinib__pembrolizumab", "pfs", Decimal("9.1"))} <= values(facts)
    assert ("tislelizumab", 88) in sizes(facts)
    # the adverse events' 12% is under no endpoint
    assert ("tislelizumab", "orr", Decimal("12")) not in values(facts)
