"""Tests for hcc_kg.extract.table_cell_values: two arms' values and ratios in the bordered cells of a table of trials,
each of the endpoint its column heads or its cell names (invented trials and numbers, packaged vocabulary)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, strategies as st

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.table_cell_values import cells_of
from hcc_kg.extract.table_line_trials import table_line_trials
from hcc_kg.model import Document

COLUMNS = ("Table 1. Invented trials\n\n"
           "Study | Phase | Arms | Median overall survival | Median PFS | Objective response rate |\n"
           "---|---|---|---|---|---|\n"
           "QUILLON-3 | III | Lenvatinib vs. sorafenib | 14.1 mo for lenvatinib vs. 12.0 mo for sorafenib (HR: 0.88; "
           "p = 0.04) | 6.1 mo vs. 3.9 mo | 22% for lenvatinib and 8% for sorafenib |\n"
           "MARLOW | III | Regorafenib vs. placebo | 9.5 mo in the placebo group vs. 11.2 mo in the regorafenib group | "
           "9-mo PFS rate: 40% vs 20% | 12 vs 4 |\n")
NAMED = ("Table 2. Invented second-line trials\n\n"
         "Name | Comparison | Patients | Results |\n"
         "PELICAN | Ramucirumab vs placebo | 400 | Median OS: 9.9 mo (7.9-10.3) vs 7.1 mo (5.8-8.2), HR = 0.81 "
         "(0.70-0.99). Median PFS (21.0 mo follow-up): 2.9 mo vs 2.0 mo, HR = 0.60 |\n")


def read(text: str, vocabulary, finder) -> tuple[set, set]:
    doc = AnalysedDocument(Document.from_text("t", text), vocabulary, finder)
    found = list(table_line_trials(doc))
    arm = {a.subject: a.object for a in found if a.predicate == "armIntervention"}
    values = {(a.subject.split("__")[1], arm[a.subject], a.object, a.attribute_values("value")[0])
              for a in found if a.predicate == "hasMeasurement"}
    ratios = {(a.subject, a.object, a.attribute_values("hazard_ratio")[0]) for a in found
              if a.predicate == "hasEffectEstimate"}
    return values, ratios


def test_each_cell_gives_the_pair_of_its_column_s_endpoint_in_the_order_its_owners_name(vocabulary, finder):
    values, ratios = read(COLUMNS, vocabulary, finder)
    assert values == {
        ("quillon3", "lenvatinib", "os", Decimal("14.1")), ("quillon3", "sorafenib", "os", Decimal("12.0")),
        ("quillon3", "lenvatinib", "pfs", Decimal("6.1")), ("quillon3", "sorafenib", "pfs", Decimal("3.9")),
        ("quillon3", "lenvatinib", "orr", Decimal("22")), ("quillon3", "sorafenib", "orr", Decimal("8")),
        # "in the placebo group" first: the owners decide the order; a landmark rate and a rate with no per cent
        # sign are left alone
        ("marlow", "regorafenib", "os", Decimal("11.2")), ("marlow", "placebo", "os", Decimal("9.5")),
    }
    assert ratios == {("trial__quillon3", "os", Decimal("0.88"))}


def test_a_cell_naming_its_endpoints_gives_each_its_pair_and_ratio(vocabulary, finder):
    values, ratios = read(NAMED, vocabulary, finder)
    assert values == {("pelican", "ramucirumab", "os", Decimal("9.9")), ("pelican", "placebo", "os", Decimal("7.1")),
                      ("pelican", "ramucirumab", "pfs", Decimal("2.9")), ("pelican", "placebo", "pfs", Decimal("2.0"))}
    assert ratios == {("trial__pelican", "os", Decimal("0.81")), ("trial__pelican", "pfs", Decimal("0.60"))}


@given(st.lists(st.text(alphabet="ab 1.%", max_size=6), min_size=1, max_size=6), st.integers(0, 500))
def test_cells_of_gives_each_cell_s_stripped_text_at_its_offsets(parts, start):
    line = "|".join(parts)
    cells = cells_of(line, start)
    texts, last = [p.strip() for p in parts], len(parts) - 1
    # every cell between borders, empty ones too; no cell before an opening border nor after a closing one
    assert [text for text, _, _ in cells] == [t for i, t in enumerate(texts)
                                              if t or not ((i == 0 and last > 0) or i == last)]
    assert all(line[s - start:e - start] == text for text, s, e in cells)


def test_a_row_of_one_arm_in_the_agents_column_takes_each_value_under_its_endpoint(vocabulary, finder):
    text = ("Table 3. Invented trials\n\n"
            "Study (Year) | Phase | n | Population | Drug | Median overall survival | Median PFS | Objective response rate |\n"
            "---|---|---|---|---|---|---|---|\n"
            "QUILLON-8 (2019) [4] | II | 90 | Advanced HCC after sorafenib failure | Regorafenib | 11.9 mo | 3.9 mo | 14% |\n"
            "MARLOW-2 (2020) [5] | II | 60 | Advanced HCC | Lenvatinib or sorafenib | 10.0 mo | 3.0 mo | 9% |\n")
    values, _ = read(text, vocabulary, finder)
    # (the second row's drugs are offered as a choice: no one arm)
    assert values == {("quillon8", "regorafenib", "os", Decimal("11.9")), ("quillon8", "regorafenib", "pfs", Decimal("3.9")),
                      ("quillon8", "regorafenib", "orr", Decimal("14"))}


def test_a_row_with_its_first_cell_empty_is_another_arm_of_the_trial_above(vocabulary, finder):
    tab = "\t"
    rows = ["Trial", "Treatment", "N", "Median OS (months)", "ORR (%)"], \
        ["QUILLON-9", "Lenvatinib", "300", "13.6", "24"], ["", "Sorafenib", "150", "12.3", "9"]
    text = "Table 2. Invented outcomes\n\n" + "\n".join(tab.join(r) for r in rows) + "\n"
    values, _ = read(text, vocabulary, finder)
    # "ORR (%)" prints the per cent sign its cells leave out
    assert values == {("quillon9", "lenvatinib", "os", Decimal("13.6")), ("quillon9", "lenvatinib", "orr", Decimal("24")),
                      ("quillon9", "sorafenib", "os", Decimal("12.3")), ("quillon9", "sorafenib", "orr", Decimal("9"))}
    doc = AnalysedDocument(Document.from_text("t", text), vocabulary, finder)
    assert {(a.subject, a.object) for a in table_line_trials(doc) if a.predicate == "armSize"} == {
        ("arm__quillon9__lenvatinib", 300), ("arm__quillon9__sorafenib", 150)}


def test_an_interval_may_stand_between_a_value_and_its_owner_and_a_title_case_name_is_the_row_s_trial(vocabulary, finder):
    text = ("Table 3. Invented trials\n\nTrial | Author | Patients | Arms | Results |\n---|---|---|---|---|\n"
            "Quillon-302 | Doe et al. | 300 | Ramucirumab vs. placebo | OS: 8.8 months (95% CI, 7.1-9.9) for ramucirumab "
            "vs. 6.1 months (95% CI, 5.0-7.3) for placebo (HR = 0.77; 95% CI, 0.60-0.95) |\n")
    values, ratios = read(text, vocabulary, finder)
    assert values == {("quillon302", "ramucirumab", "os", Decimal("8.8")), ("quillon302", "placebo", "os", Decimal("6.1"))}
    assert ratios == {("trial__quillon302", "os", Decimal("0.77"))}
