"""Per-arm values and hazard-ratio endpoints in invented sentences."""

from __future__ import annotations

from decimal import Decimal

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.prose_values import arm_values, hazard_ratio_endpoint, is_subgroup
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
                    Entity("os", "overall survival", ("EndpointType",), ("OS",)),
                    Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS",)),
                    Entity("orr", "objective response rate", ("EndpointType",), ("ORR",))])
FINDER = MentionFinder(VOCAB)
ARMS = ["zorbanib", "felotinib"]


def read(text: str, arms=ARMS):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return {(v.agent, v.endpoint, v.timepoint): (v.value, v.unit) for v in arm_values(doc, doc.sentences[0], arms)}


def test_arm_named_after_each_value():
    got = read("Median OS was 11.0 months (95% CI 9.0-12.5) in the felotinib group vs 13.5 months (95% CI "
               "12.0-15.0) in the zorbanib group.")
    assert got == {("felotinib", "os", ""): (Decimal("11.0"), "months"), ("zorbanib", "os", ""): (Decimal("13.5"), "months")}


def test_arm_named_before_the_value():
    got = read("The PFS rate for felotinib was 8.0% (5.1-11.2%) and 2% for zorbanib at 24 months.")
    assert got == {("felotinib", "pfs", "24-month"): (Decimal("8.0"), "%"), ("zorbanib", "pfs", "24-month"): (Decimal("2"), "%")}


def test_paired_values_follow_the_order_the_arms_were_named():
    got = read("Patients given felotinib lived longer than those given zorbanib (OS 9.9 months versus 7.7 months).")
    assert got[("felotinib", "os", "")][0] == Decimal("9.9") and got[("zorbanib", "os", "")][0] == Decimal("7.7")


def test_respectively_and_unit_printed_once():
    got = read("For felotinib and zorbanib, respectively, median OS was 6.6 versus 8.8 months.")
    assert got == {("felotinib", "os", ""): (Decimal("6.6"), "months"), ("zorbanib", "os", ""): (Decimal("8.8"), "months")}


def test_unnamed_pair_is_in_trial_order_and_middle_dot_is_a_point():
    got = read("Objective response rate was 21\u00b75% vs 6\u00b70%.")
    assert got == {("zorbanib", "orr", ""): (Decimal("21.5"), "%"), ("felotinib", "orr", ""): (Decimal("6.0"), "%")}


def test_follow_up_and_subgroups_are_not_results():
    assert read("Median follow-up for overall survival was 20.1 months.") == {}
    assert read("Median OS was similar among older patients (8.0 v 8.1 months).") == {}


def test_hazard_ratio_endpoints():
    doc = AnalysedDocument(Document.from_text("d", "The hazard ratio for disease progression or death was 0.70, and OS "
                                               "was longer (HR 0.80)."), VOCAB, FINDER)
    sent = doc.sentences[0]
    assert hazard_ratio_endpoint(doc, sent, "for disease progression or death", 0) == "pfs"
    assert hazard_ratio_endpoint(doc, sent, "", sent.text.index("HR 0.80")) == "os"


def test_is_subgroup():
    text = "OS HRs ranged from 0.8 to 1.1 in prespecified subgroups"
    assert is_subgroup(text, len(text)) and not is_subgroup("Median OS (HR 0.8)", 10)


def test_endpoint_named_in_the_ratio_label_wins():
    text = "Median OS was 9.0 vs 8.0 months, and the HR for PFS was 0.70."
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    start = text.index("HR for")
    assert hazard_ratio_endpoint(doc, doc.sentences[0], "for PFS", start, text.index("0.70")) == "pfs"


def test_a_time_point_before_the_endpoint():
    got = read("The 33-month OS rates for zorbanib and felotinib were 29% (95% CI, 25-34) and 21% (95% CI, 17-25), "
               "respectively.")
    assert got == {("zorbanib", "os", "33-month"): (Decimal("29"), "%"), ("felotinib", "os", "33-month"): (Decimal("21"), "%")}
    got = read("The 1-year progression-free survival (PFS) rate was 22% in the zorbanib arm and 14% in the felotinib arm.")
    assert got == {("zorbanib", "pfs", "1-year"): (Decimal("22"), "%"), ("felotinib", "pfs", "1-year"): (Decimal("14"), "%")}


def test_a_list_of_time_points_with_units_is_no_value():
    assert read("More patients in the zorbanib arm were alive on the OS curves at 12 months, 24 months, and 33 months.") == {}


def test_a_pair_of_values_is_not_one_arms_value():
    assert read("ORR was 20% and 14% in the naive and pretreated groups, respectively.", ["zorbanib"]) == {}
    assert read("ORR was 20% (95% CI 12% to 30%).", ["zorbanib"]) == {("zorbanib", "orr", ""): (Decimal("20"), "%")}
