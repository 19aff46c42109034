"""Rates at several time points (invented sentences; more in test_prose_values)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.prose_rates import responder_shares, timepoint_rates
from hcc_kg.extract.prose_values import arm_values
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary
from test_abstracts import D, facts, values

VOCAB = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
                    Entity("os", "overall survival", ("EndpointType",), ("OS",))])
FINDER = MentionFinder(VOCAB)
ARMS = ["zorbanib", "felotinib"]


def test_one_run_of_rates_per_arm_each_followed_by_its_arm():
    points, runs = ("12", "24", "36"), {"felotinib": ("55", "30", "20"), "zorbanib": ("50", "25", "15")}
    listed = " and ".join(f"{', '.join(v + '%' for v in run)} with {arm}" for arm, run in runs.items())
    text = f"The {points[0]}-, {points[1]}- and {points[2]}-month OS rates were {listed}."
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.agent, v.timepoint): v.value for v in timepoint_rates(doc, doc.sentences[0], ARMS, None)}
    assert got == {(arm, f"{p}-month"): Decimal(v) for arm, run in runs.items() for p, v in zip(points, run)}
    # the per-arm reader leaves them alone: the first two rates are not one per arm
    assert arm_values(doc, doc.sentences[0], ARMS) == []


def test_a_second_time_points_pair_with_the_endpoint_left_out():
    text = "The 24-month OS rates were 47.9% and 33.1%, and the 36-month rates 34.5% and 21.0%, respectively."
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.agent, v.timepoint): v.value for v in timepoint_rates(doc, doc.sentences[0], ARMS, None)}
    assert got == {("zorbanib", "36-month"): Decimal("34.5"), ("felotinib", "36-month"): Decimal("21.0")}
    # the pair naming its endpoint is the per-arm reader's
    assert {(v.agent, v.timepoint) for v in arm_values(doc, doc.sentences[0], ARMS)} == \
        {("zorbanib", "24-month"), ("felotinib", "24-month")}


@pytest.mark.parametrize("text", [
    "For zorbanib versus felotinib, 6-month OS rates were 75% versus 41%, and 12-month rates of 50% versus 24%.",
    "Zorbanib beat felotinib, with 6-month OS rates of 75% versus 41%, and 12-month rates of 50% versus 24%.",
])
def test_a_second_time_points_pair_without_its_article(text):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.agent, v.timepoint): v.value for v in timepoint_rates(doc, doc.sentences[0], ARMS, None)}
    assert got == {("zorbanib", "12-month"): Decimal("50"), ("felotinib", "12-month"): Decimal("24")}


def test_pairs_at_time_points_the_first_naming_the_second_arm_before_its_time_point():
    text = "The OS rate with zorbanib reached 52.5% vs 41.0% with felotinib at 12 months, and 30.5% vs 20.0% at 30 months."
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.agent, v.timepoint): v.value for v in timepoint_rates(doc, doc.sentences[0], ARMS, None)}
    assert got == {("zorbanib", "12-month"): Decimal("52.5"), ("felotinib", "12-month"): Decimal("41.0"),
                   ("zorbanib", "30-month"): Decimal("30.5"), ("felotinib", "30-month"): Decimal("20.0")}


def test_a_second_pair_after_its_time_point_with_the_endpoint_left_out():
    text = "OS at 12 months was 58.2% with zorbanib vs 49.0% with felotinib, and at 24 months 37.3% vs 28.8%."
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.agent, v.timepoint): v.value for v in timepoint_rates(doc, doc.sentences[0], ARMS, None)}
    assert got == {("zorbanib", "24-month"): Decimal("37.3"), ("felotinib", "24-month"): Decimal("28.8")}
    assert {(v.agent, v.timepoint, v.value) for v in arm_values(doc, doc.sentences[0], ARMS)} == \
        {("zorbanib", "12-month", Decimal("58.2")), ("felotinib", "12-month", Decimal("49.0"))}


def test_the_share_of_each_arm_that_responded_is_its_response_rate():
    from hcc_kg.extract.prose_rates import responder_shares
    doc = AnalysedDocument(Document.from_text("d", "Median OS was longer, and 27.4% of patients on zorbanib responded, "
                                              "versus 6.6% on felotinib."), VOCAB, FINDER)
    got = {(v.agent, v.endpoint): v.value for v in responder_shares(doc, doc.sentences[0], ARMS)}
    assert got == {("zorbanib", "orr"): Decimal("27.4"), ("felotinib", "orr"): Decimal("6.6")}
    doc = AnalysedDocument(Document.from_text("d", "Among older adults, 30% of patients on zorbanib responded, versus "
                                              "10% on felotinib."), VOCAB, FINDER)
    assert responder_shares(doc, doc.sentences[0], ARMS) == []  # a subgroup's


def _rates(text: str, previous: str | None = None) -> dict[tuple[str, str], Decimal]:
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return {(v.agent, v.timepoint): v.value for v in timepoint_rates(doc, doc.sentences[-1], ARMS, previous)}


@pytest.mark.parametrize("lead", ["Notably, at {0} months and {1} months, the respective",
                                  "At {0} months, and {1} months, the", "At {0} and {1} months, the"])
def test_time_points_each_with_its_unit_then_one_run_of_rates_per_arm(lead):
    points, runs = ("24", "36"), {"zorbanib": ("47.0", "36.7"), "felotinib": ("31.6", "23.8")}
    listed = " vs ".join(f"{' and '.join(v + '%' for v in run)} for {arm}" for arm, run in runs.items())
    text = f"{lead.format(*points)} OS rates were {listed}."
    assert _rates(text) == {(arm, f"{p}-month"): Decimal(v) for arm, run in runs.items() for p, v in zip(points, run)}


def test_time_points_each_with_its_unit_then_one_pair_per_time_point():
    points, pairs = ("12", "24"), (("70", "60"), ("50", "40"))
    listed = " and ".join(f"{a}% vs {b}%" for a, b in pairs)
    got = _rates(f"At {points[0]} months and {points[1]} months, OS rates were {listed}, respectively.")
    assert got == {(arm, f"{p}-month"): Decimal(v) for p, pair in zip(points, pairs) for arm, v in zip(ARMS, pair)}


def test_time_points_in_different_units_are_no_list():
    # "at 12 months and 2 years": not one unit, so no list of time points to give the pairs to
    assert _rates("OS rates at 12 months and 2 years were 70% vs 60% and 50% vs 40%.") == {}


def test_a_landmark_analysis_reads_the_whole_population_other_post_hoc_analyses_do_not():
    points, pairs = ("12", "24", "36"), (("77", "61"), ("49", "33"), ("38", "25"))
    listed = ", ".join(f"{a}% vs {b}%" for a, b in pairs)
    rates = f"rates at {points[0]}, {points[1]}, and {points[2]} months were {listed}."
    expected = {(arm, f"{p}-month"): Decimal(v) for p, pair in zip(points, pairs) for arm, v in zip(ARMS, pair)}
    assert _rates(f"In a post hoc landmark analysis, {rates}", "os") == expected
    assert _rates(f"In an exploratory landmark analysis, {rates}", "os") == expected
    assert _rates(f"In a post hoc analysis, {rates}", "os") == {}
    assert _rates(f"In an exploratory analysis of patients with portal vein invasion, {rates}", "os") == {}


def test_fewer_pairs_than_time_points_give_no_rates():
    assert _rates("Rates at 12, 24 and 36 months were 70% vs 60% and 50% vs 40%.", "os") == {}
    assert _rates("At 12 months, 24 months and 36 months, OS rates were 70% vs 60% and 50% vs 40%.") == {}


@pytest.mark.parametrize("shape", ["Rates at 12, 24, and 36 months were {pairs} for {first} and {second}, respectively.",
                                   "OS rates at 12, 24 and 36 months were {pairs} with {first} versus {second}.",
                                   "With {first} vs {second}, OS rates at 12, 24 and 36 months were {pairs}."])
def test_each_pair_goes_to_the_arms_in_the_order_the_sentence_names_them(shape):
    first, second = reversed(ARMS)  # named against trial order
    points, pairs = ("12", "24", "36"), (("60", "70"), ("40", "50"), ("20", "30"))
    text = shape.format(pairs=", ".join(f"{a}% vs {b}%" for a, b in pairs), first=first, second=second)
    assert _rates(text, "os") == {(arm, f"{p}-month"): Decimal(v) for p, pair in zip(points, pairs)
                                  for arm, v in zip((first, second), pair)}


def test_pairs_with_only_one_arm_named_are_nobodys():
    assert _rates("For felotinib, OS rates at 12 and 24 months were 60% vs 70% and 40% vs 50%.") == {}
    assert _rates("Rates were 60% vs 70% at 12 months and 40% vs 50% at 24 months with felotinib.", "os") == {}


@pytest.mark.parametrize("text, expected", [
    ("Of the 107 patients enrolled, 38 (35.5%) achieved an objective response.", {("zorbanib", "orr"): Decimal("35.5")}),
    ("Overall, 12 patients (30%) had a confirmed objective response and 30 (75%) had disease control.",
     {("zorbanib", "orr"): Decimal("30"), ("zorbanib", "dcr"): Decimal("75")}),
    ("Among patients with cirrhosis, 5 (20%) achieved an objective response.", {}),
    ("Grade 3 events occurred in 12 (30%) patients.", {}),
    # the count spelled out
    ("Twenty-one patients (46.7%) achieved an objective response.", {("zorbanib", "orr"): Decimal("46.7")}),
    # in plain words, the count of responders in brackets
    ("After two years, 33% of patients (n = 16) responded to treatment.", {("zorbanib", "orr"): Decimal("33")}),
    ("Overall, 33% of patients responded.", {("zorbanib", "orr"): Decimal("33")}),
    ("Overall, 33% of patients responded to prior therapy.", {}),
])
def test_a_single_arms_counted_responders_give_its_response_rate(text, expected):
    from hcc_kg.extract.prose_rates import responder_shares
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    assert {(v.agent, v.endpoint): v.value for v in responder_shares(doc, doc.sentences[0], ["zorbanib"])} == expected
    assert responder_shares(doc, doc.sentences[0], ARMS) == []  # in a trial of two arms, no one arm's


def test_pairs_joined_by_and_one_per_listed_time_point():
    text = ("OS rates for felotinib and zorbanib at 6, 12, and 24 months were 81.2% and 76.0% (P = 0.31), "
            "64.5% and 55.1% (P = 0.07), 41.3% and 30.9% (P = 0.02).")
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.agent, v.timepoint): v.value for v in timepoint_rates(doc, doc.sentences[0], ARMS, None)}
    expected = {"6-month": ("81.2", "76.0"), "12-month": ("64.5", "55.1"), "24-month": ("41.3", "30.9")}
    assert got == {(arm, point): Decimal(pair[i]) for point, pair in expected.items()
                   for i, arm in enumerate(("felotinib", "zorbanib"))}


@pytest.mark.parametrize("text, expected", [
    ("At 18 months, 44.0% of patients on zorbanib were alive, compared with 31.5% on felotinib.",
     {("zorbanib", "18-month"): Decimal("44.0"), ("felotinib", "18-month"): Decimal("31.5")}),
    ("After 2 years, 30.1% of those given felotinib were still alive versus 22.0% of those given zorbanib.",
     {("felotinib", "2-year"): Decimal("30.1"), ("zorbanib", "2-year"): Decimal("22.0")}),
    # no time point, or two: no rate
    ("Overall, 44.0% of patients on zorbanib were alive, compared with 31.5% on felotinib.", {}),
    ("At 12 months and at 24 months, 44.0% of patients on zorbanib were alive, compared with 31.5% on felotinib.", {}),
])
def test_the_shares_of_each_arm_alive_at_a_time_point_are_its_survival_rates(text, expected):
    from hcc_kg.extract.prose_rates import responder_shares
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.agent, v.timepoint): v.value for v in responder_shares(doc, doc.sentences[0], ARMS) if v.endpoint == "os"}
    assert got == expected


def test_time_points_each_printed_with_its_hyphenated_unit_are_a_list():
    text = "The 1-year and 2-year OS rates were 58.0% and 36.5% with zorbanib versus 47.5% and 25.0% with felotinib."
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.agent, v.timepoint): v.value for v in timepoint_rates(doc, doc.sentences[0], ARMS, None)}
    assert got == {("zorbanib", "1-year"): Decimal("58.0"), ("zorbanib", "2-year"): Decimal("36.5"),
                   ("felotinib", "1-year"): Decimal("47.5"), ("felotinib", "2-year"): Decimal("25.0")}
    assert arm_values(doc, doc.sentences[0], ARMS) == []  # no pair read by the per-arm reader


def test_pairs_after_the_one_arm_the_rates_favour_are_that_arms_first():
    text = "The 6- and 12-month OS rates each favoured felotinib, with 61.5% versus 52.0% and 40.5% versus 28.0%."
    assert _rates(text) == {("felotinib", "6-month"): Decimal("61.5"), ("zorbanib", "6-month"): Decimal("52.0"),
                            ("felotinib", "12-month"): Decimal("40.5"), ("zorbanib", "12-month"): Decimal("28.0")}
    # an arm named without the rates favouring it says nothing of whose each value is
    assert _rates("With felotinib, the 6- and 12-month OS rates were 61.5% versus 52.0% and 40.5% versus 28.0%.") == {}


def test_one_run_of_rates_for_the_one_arm_the_sentence_names():
    text = "For patients in the zorbanib arm, OS rates at the 6-, 12-, and 18-month landmarks reached 71% (95% CI, 64%-77%), 52%, and 40%."
    assert _rates(text) == {("zorbanib", "6-month"): Decimal("71"), ("zorbanib", "12-month"): Decimal("52"),
                            ("zorbanib", "18-month"): Decimal("40")}
    # ... not when the arm is what the rates are compared with, nor when the run is not one value per time point
    assert _rates("The 6-, 12-, and 18-month OS rates were 71%, 52%, and 40% versus felotinib.") == {}
    assert _rates("In the zorbanib arm, the 6- and 12-month OS rates were 71%, 52%, and 40%.") == {}
    assert _rates(text.replace("40%.", "40% among patients with hepatitis B.")) == {}  # a subgroup's


RUN = "ORCHID-4 randomly assigned 500 adults to zorbanib or felotinib. For patients in the {0}, OS rates at the 6-, 12-, and " \
      "18-month landmarks reached 71%, 52%, and 40%. {1} were 60%, 41% and 30%."


@pytest.mark.parametrize("first, lead", [("zorbanib arm", "The corresponding rates in the felotinib arm"),
                                         ("experimental arm", "The respective figures for the control arm"),
                                         ("zorbanib arm", "With felotinib, these rates")])
def test_the_other_arms_respective_rates_take_the_time_points_of_the_run_before(first, lead):
    found = facts(RUN.format(first, lead))
    assert {k: v for k, v in values(found).items() if k[0] == "felotinib"} == {
        ("felotinib", "os", "6-month"): D("60"), ("felotinib", "os", "12-month"): D("41"), ("felotinib", "os", "18-month"): D("30")}


def test_respective_rates_of_another_endpoint_or_the_same_arm_are_not_read_so():
    found = facts(RUN.format("zorbanib arm", "The corresponding PFS rates in the felotinib arm"))
    assert not any(k[0] == "felotinib" for k in values(found))
    found = facts(RUN.format("zorbanib arm", "In a later analysis, the corresponding rates in the zorbanib arm"))
    assert values(found)[("zorbanib", "os", "6-month")] == D("71")
    found = facts(RUN.format("zorbanib arm", "These rates were higher than those reported earlier for felotinib, which"))
    assert not any(k[0] == "felotinib" for k in values(found))  # another's rates, quoted
    found = facts(RUN.format("zorbanib arm", "Among patients with hepatitis B, the corresponding rates in the felotinib arm"))
    assert values(found)[("zorbanib", "os", "6-month")] == D("71") and not any(k[0] == "felotinib" for k in values(found))


def test_pairs_each_at_its_own_time_point_in_months_printed_mo():
    text = "Landmark OS rates (zorbanib vs felotinib) came to 51.0% vs 44.2% at 12 mo, 30.5% vs 21.9% at 24 mo and 18.8% vs 11.0% at 36 mo."
    assert _rates(text) == {("zorbanib", "12-month"): Decimal("51.0"), ("felotinib", "12-month"): Decimal("44.2"),
                            ("zorbanib", "24-month"): Decimal("30.5"), ("felotinib", "24-month"): Decimal("21.9"),
                            ("zorbanib", "36-month"): Decimal("18.8"), ("felotinib", "36-month"): Decimal("11.0")}



@pytest.mark.parametrize("arms, text", [
    (["zorbanib"], "The 1- and 2-year local control rates were 98% and 91%."),
    (ARMS, "The 1- and 2-year local control rates were 98% vs 97% and 91% vs 88%."),
])
def test_rates_of_an_outcome_the_sentence_names_are_not_the_previous_endpoints(arms, text):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    assert timepoint_rates(doc, doc.sentences[0], arms, "os") == []
    unnamed = AnalysedDocument(Document.from_text("d", text.replace(" local control", "")), VOCAB, FINDER)
    assert len(timepoint_rates(unnamed, unnamed.sentences[0], arms, "os")) == 2 * len(arms)


@pytest.mark.parametrize("unit", ["months", "mo"])
def test_one_arms_rates_before_their_time_points_respectively(unit):
    text = f"Median OS was 20.1 months, with OS rates of 81% (95% CI: 70-90) and 62% at 12 and 24 {unit}, respectively."
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.endpoint, v.timepoint): v.value for v in timepoint_rates(doc, doc.sentences[0], ["zorbanib"], None)}
    assert got == {("os", "12-month"): Decimal("81"), ("os", "24-month"): Decimal("62")}
    other = text.replace("with OS rates", "with local control rates")
    doc = AnalysedDocument(Document.from_text("d", other), VOCAB, FINDER)
    assert timepoint_rates(doc, doc.sentences[0], ["zorbanib"], None) == []


def test_a_randomised_comparison_between_two_lettered_groups_and_each_groups_run_of_response_rates():
    found = facts("Comparison of efficacy between TACE combined with zorbanib and TACE alone: a randomised trial. "
                  "Methods: Those in group A underwent only TACE; people in group B underwent TACE "
                  "combined with zorbanib. Results: ORR at 3, 6 and 12 months reached 40.1%, 30.2% and 10.3%, "
                  "respectively, for group A, and 62%, 51% and 33%, respectively, for group B.")
    combined = "regimen__tace__zorbanib"
    runs = {"tace": ("40.1", "30.2", "10.3"), combined: ("62", "51", "33")}
    assert values(found) == {(arm, "orr", f"{p}-month"): D(v) for arm, run in runs.items()
                             for p, v in zip(("3", "6", "12"), run)}


def test_response_rates_at_time_points_named_before_the_endpoint_each_run_followed_by_its_arm():
    found = facts("This randomised trial compared TACE plus zorbanib with TACE alone. The 3- and 9-month ORRs were "
                  "58% and 44% in the TACE plus zorbanib group and 31% and 20% in the TACE group.")
    combined = "regimen__tace__zorbanib"
    assert values(found) == {(combined, "orr", "3-month"): D("58"), (combined, "orr", "9-month"): D("44"),
                             ("tace", "orr", "3-month"): D("31"), ("tace", "orr", "9-month"): D("20")}


@pytest.mark.parametrize("text", [
    "OS rates were higher with zorbanib vs felotinib at both 12 (61.5 percent vs 50.0 percent) and 18 (40.5 percent "
    "vs 30.0 percent) months.",
    "OS rates for zorbanib vs felotinib were higher at 12 (61.5% vs 50.0%) and 18 months (40.5% vs 30.0%).",
])
def test_each_time_point_with_its_pair_in_brackets(text):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.agent, v.timepoint): v.value for v in timepoint_rates(doc, doc.sentences[0], ARMS, None)}
    assert got == {("zorbanib", "12-month"): Decimal("61.5"), ("felotinib", "12-month"): Decimal("50.0"),
                   ("zorbanib", "18-month"): Decimal("40.5"), ("felotinib", "18-month"): Decimal("30.0")}


@pytest.mark.parametrize("text, endpoint", [
    ("In the toy trial 24.1% of patients on zorbanib and 9.2% of those on felotinib had an objective response.", "orr"),
    ("In the toy trial 24.1% of patients given zorbanib versus 9.2% of those given felotinib achieved a confirmed "
     "response.", "orr"),
    ("In the toy trial 24.1% of patients on zorbanib and 9.2% of those on felotinib achieved disease control.", "dcr"),
])
def test_both_shares_first_then_the_response_they_had(text, endpoint):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    got = {(v.agent, v.endpoint): v.value for v in responder_shares(doc, doc.sentences[0], ARMS)}
    assert got == {("zorbanib", endpoint): Decimal("24.1"), ("felotinib", endpoint): Decimal("9.2")}


def test_shares_with_a_complete_response_are_no_response_rate():
    text = "In the toy trial 4.1% of patients on zorbanib and 1.2% of those on felotinib had a complete response."
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    assert responder_shares(doc, doc.sentences[0], ARMS) == []
